// `nesy eval` and `nesy translate --file` over corpora on worker threads, through the built CLI
// (run `npm run build` first): real models, real threads, the same results as one thread.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { nesy } from '../helpers/cli';
import { repoRoot } from '../helpers/data';

const nl2tlFixtures = path.join(repoRoot, 'test', 'fixtures', 'nl2tl');
const mwpFixture = path.join(repoRoot, 'test', 'fixtures', 'mwp', 'handmade.json');

function json(stdout: string): Record<string, unknown> {
  const lines = stdout.trim().split('\n');
  assert.equal(lines.length, 1, `one JSON object expected, got: ${stdout}`);
  return JSON.parse(lines[0]!) as Record<string, unknown>;
}

/** The output without what depends on time or on the number of threads. */
function metrics(out: Record<string, unknown>): Record<string, unknown> {
  const { ms_per_item: _ms, ms_median: _median, rows_per_s: _rate, workers: _workers, ...rest } = out;
  return rest;
}

function evalRun(args: string[], workers: number): Record<string, unknown> {
  const r = nesy(['eval', ...args, '--ep', 'cpu', '--workers', String(workers)]);
  assert.equal(r.code, 0, r.stderr);
  const out = json(r.stdout);
  assert.equal(out['workers'], workers);
  assert.equal(typeof out['rows_per_s'], 'number');
  assert.equal(typeof out['ms_per_item'], 'number');
  return out;
}

for (const file of ['lifted.jsonl', 'navi.jsonl']) {
  test(`eval nl2tl on ${file}: two threads give exactly the metrics of one`, () => {
    // Batches of 4 make the 24 rows six batches, so both threads get work.
    const args = ['nl2tl', '--data', path.join(nl2tlFixtures, file), '--batch', '4', '--beams', '2'];
    const one = evalRun(args, 1);
    const two = evalRun(args, 2);
    assert.equal(one['n'], 24);
    assert.deepEqual(metrics(two), metrics(one));
  });
}

test('eval mwp: three threads give exactly the metrics of one', () => {
  const args = ['mwp', '--data', mwpFixture];
  const one = evalRun(args, 1);
  const three = evalRun(args, 3);
  assert.equal(one['n'], 6);
  assert.deepEqual(metrics(three), metrics(one));
});

test('eval with models that cannot load fails with one clear line from every thread count', () => {
  for (const workers of ['1', '2']) {
    const r = nesy(['eval', 'nl2tl', '--data', path.join(nl2tlFixtures, 'lifted.jsonl'), '--batch', '4', '--workers', workers, '--models', path.join(repoRoot, 'no-such-models')]);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    assert.match(r.stderr, /no-such-models/);
  }
});

test('translate --file gives, in input order, the translations translate --json gives one by one', (t) => {
  const sentences = fs
    .readFileSync(path.join(nl2tlFixtures, 'navi.jsonl'), 'utf8')
    .split('\n')
    .filter((l) => l.trim() !== '')
    .slice(0, 5)
    .map((l) => (JSON.parse(l) as { sentence: string[] }).sentence.join(' '));
  sentences.push('always avoid "the red zone"', '...');
  const parent = path.join(repoRoot, '.test-tmp', 'cli');
  fs.mkdirSync(parent, { recursive: true });
  const dir = fs.mkdtempSync(path.join(parent, 'translate-file-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const file = path.join(dir, 'sentences.txt');
  // A blank line is skipped; `line` still counts it.
  const content = [...sentences.slice(0, 2), '', ...sentences.slice(2)].join('\n') + '\n';
  fs.writeFileSync(file, content);

  const r = nesy(['translate', '--file', file, '--ep', 'cpu', '--workers', '2', '--batch', '2']);
  assert.equal(r.code, 1, 'one sentence has no propositions');
  assert.match(r.stderr, /1 of 7 sentences have no translation/);
  const lines = r.stdout.trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  assert.deepEqual(lines.map((l) => l['line']), [1, 2, 4, 5, 6, 7, 8]);
  sentences.forEach((sentence, i) => {
    const one = nesy(['translate', '--json', '--ep', 'cpu', sentence]);
    if (one.code !== 0) {
      assert.equal(lines[i]!['error'], one.stderr.trim().replace(/^nesy translate: /, ''));
      return;
    }
    const expected = json(one.stdout);
    for (const key of ['formula', 'lifted', 'lifted_sentence', 'props', 'english']) assert.deepEqual(lines[i]![key], expected[key], `${key} of "${sentence}"`);
  });

  const fromStdin = nesy(['translate', '--file', '-', '--ep', 'cpu', '--workers', '1'], { input: content });
  const formulas = (stdout: string) => stdout.trim().split('\n').map((l) => (JSON.parse(l) as { formula?: string }).formula);
  assert.deepEqual(formulas(fromStdin.stdout), formulas(r.stdout));
});

test('translate --file refuses an unreadable file and a sentence given with it', () => {
  const missing = nesy(['translate', '--file', path.join(repoRoot, 'no-such-file.txt')]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /cannot read .*no-such-file\.txt/);
  const both = nesy(['translate', '--file', '-', 'always "a"'], { input: 'always "b"\n' });
  assert.equal(both.code, 2);
  assert.match(both.stderr, /either a sentence or --file/);
});
