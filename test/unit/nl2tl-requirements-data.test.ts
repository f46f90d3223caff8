// The English-requirements dev set (test/data/nl2tl-requirements/dev.jsonl, see SOURCES.md there):
// every row is complete, every gold formula parses, every proposition is described, and no
// sentence appears twice. The set is for development measurement only; nothing trains on it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseFormula, walk } from '../../src/languages/tl/api';

const dir = path.join(__dirname, '..', 'data', 'nl2tl-requirements');

interface Row {
  sentence: string;
  ltl: string;
  props: Record<string, string>;
  source: string;
}

function readRows(file: string): { line: number; row: Row }[] {
  const text = fs.readFileSync(path.join(dir, file), 'utf8');
  return text
    .split('\n')
    .map((line, i) => ({ line: i + 1, text: line }))
    .filter((l) => l.text.trim() !== '')
    .map((l) => ({ line: l.line, row: JSON.parse(l.text) as Row }));
}

const rows = readRows('dev.jsonl');
const sourcesMd = fs.readFileSync(path.join(dir, 'SOURCES.md'), 'utf8');

test('dev set has a useful number of rows', () => {
  assert.ok(rows.length >= 100, `only ${rows.length} rows`);
});

test('every row has sentence, ltl, props and source', () => {
  for (const { line, row } of rows) {
    assert.equal(typeof row.sentence, 'string', `line ${line}: sentence`);
    assert.ok(row.sentence.trim().length > 0, `line ${line}: empty sentence`);
    assert.equal(typeof row.ltl, 'string', `line ${line}: ltl`);
    assert.ok(row.ltl.trim().length > 0, `line ${line}: empty ltl`);
    assert.ok(row.props !== null && typeof row.props === 'object' && !Array.isArray(row.props), `line ${line}: props`);
    for (const [name, description] of Object.entries(row.props)) {
      assert.match(name, /^[a-z_][a-z0-9_]*$/, `line ${line}: prop name ${name}`);
      assert.equal(typeof description, 'string', `line ${line}: description of ${name}`);
      assert.ok(description.trim().length > 0, `line ${line}: empty description of ${name}`);
    }
    assert.equal(typeof row.source, 'string', `line ${line}: source`);
    assert.ok(sourcesMd.includes(`\`${row.source}\``), `line ${line}: source ${row.source} is not in SOURCES.md`);
  }
});

test('every gold formula parses and every proposition has a description', () => {
  for (const { line, row } of rows) {
    const result = parseFormula(row.ltl);
    assert.ok(result.ok, `line ${line}: ${row.ltl} does not parse`);
    if (!result.ok) continue;
    const names = new Set<string>();
    walk(result.formula, (f) => {
      if (f.kind === 'prop') names.add(f.name);
    });
    for (const name of names) {
      assert.ok(Object.hasOwn(row.props, name), `line ${line}: proposition ${name} of ${row.ltl} has no entry in props`);
    }
    for (const name of Object.keys(row.props)) {
      assert.ok(names.has(name), `line ${line}: props names ${name}, which ${row.ltl} does not use`);
    }
  }
});

test('no sentence appears twice', () => {
  const seen = new Map<string, number>();
  for (const { line, row } of rows) {
    const key = row.sentence.trim().toLowerCase().replace(/\s+/g, ' ');
    assert.ok(!seen.has(key), `line ${line}: same sentence as line ${seen.get(key)}`);
    seen.set(key, line);
  }
});

test('our own sentences and the helper\'s (own-sentences.jsonl, helper-sentences.jsonl): every gold formula parses, each row has a style, none twice, none in another set', () => {
  const seen = new Set(rows.map(({ row }) => row.sentence.trim().toLowerCase()));
  for (const file of ['own-sentences.jsonl', 'helper-sentences.jsonl']) {
    const written = readRows(file) as unknown as { line: number; row: { sentence: string; ltl: string; style: string } }[];
    assert.ok(written.length >= 50, `${file}: only ${written.length} rows`);
    for (const { line, row } of written) {
      assert.ok(parseFormula(row.ltl).ok, `${file} line ${line}: ${row.ltl} does not parse`);
      assert.ok(['navigation', 'textbook', 'requirement'].includes(row.style), `${file} line ${line}: style ${row.style}`);
      const key = row.sentence.trim().toLowerCase();
      assert.ok(!seen.has(key), `${file} line ${line}: sentence seen before`);
      seen.add(key);
    }
  }
});

test('second writers (second-writers.jsonl): each row names a helper row by line and sentence, with two formulas that parse', () => {
  const helpers = readRows('helper-sentences.jsonl') as unknown as { line: number; row: { sentence: string } }[];
  const byLine = new Map(helpers.map(({ line, row }) => [line, row.sentence]));
  const second = readRows('second-writers.jsonl') as unknown as { line: number; row: { line: number; sentence: string; ltl: string[] } }[];
  assert.ok(second.length >= 100, `only ${second.length} rows`);
  const lines = new Set<number>();
  for (const { line, row } of second) {
    assert.equal(byLine.get(row.line), row.sentence, `second-writers.jsonl line ${line}: helper line ${row.line} has another sentence`);
    assert.ok(!lines.has(row.line), `second-writers.jsonl line ${line}: helper line ${row.line} twice`);
    lines.add(row.line);
    assert.equal(row.ltl.length, 2, `second-writers.jsonl line ${line}: ${row.ltl.length} formulas`);
    for (const f of row.ltl) assert.ok(parseFormula(f).ok, `second-writers.jsonl line ${line}: ${f} does not parse`);
  }
});
