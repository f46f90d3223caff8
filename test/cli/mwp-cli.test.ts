// `nesy mwp` and `nesy eval mwp` through the built CLI (run `npm run build` first), on the
// hand-written fixture test/fixtures/mwp/handmade.json.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import Fraction from 'fraction.js';
import { nesy } from '../helpers/cli';
import { repoRoot } from '../helpers/data';
import { evaluate, prefixToTree, sameValue } from '../../src/languages/mwp/arith';
import { numberValue } from '../../src/languages/mwp/masking';

const fixture = path.join(repoRoot, 'test', 'fixtures', 'mwp', 'handmade.json');
const rows = JSON.parse(fs.readFileSync(fixture, 'utf8')) as { original_text: string; nums: string; output_prefix: string }[];

function json(stdout: string): Record<string, unknown> {
  const lines = stdout.trim().split('\n');
  assert.equal(lines.length, 1, `one JSON object expected, got: ${stdout}`);
  return JSON.parse(lines[0]) as Record<string, unknown>;
}

interface Step {
  op: string;
  formula_id: number;
  formula: string;
  gloss: string;
  value: string;
}

const value = (s: string) => (s.includes('/') && !s.startsWith('(') ? new Fraction(s) : numberValue(s)!);

test('nesy mwp --json follows the contract, and every step agrees with the expression', () => {
  const r = nesy(['mwp', rows[2].original_text, '--json', '--ep', 'cpu']);
  assert.equal(r.code, 0, r.stderr);
  const out = json(r.stdout);
  assert.deepEqual(Object.keys(out).filter((k) => k !== 'confidence').sort(), ['answer', 'ep', 'expression_infix', 'expression_prefix', 'ms', 'steps'].sort());
  assert.equal(out.ep, 'cpu');
  assert.equal(typeof out.ms, 'number');
  const prefix = (out.expression_prefix as string).split(' ');
  const tree = prefixToTree(prefix);
  assert.ok(tree, `a well-formed prefix expression: ${out.expression_prefix}`);
  // Only numbers from the problem (360, 3) and the model's constants appear.
  for (const t of prefix) if (!'+-*/^'.includes(t)) assert.ok(['360', '3', '1', '2', '3.14', '60'].includes(t), t);
  assert.ok(sameValue(evaluate(tree, (t) => numberValue(t)), value(out.answer as string)));
  const steps = out.steps as Step[];
  assert.equal(steps.length, prefix.filter((t) => '+-*/^'.includes(t)).length, 'one step per operator');
  for (const s of steps) {
    assert.deepEqual(Object.keys(s).sort(), ['formula', 'formula_id', 'gloss', 'op', 'value']);
    if (s.formula_id === 0) assert.equal(s.gloss, 'common-sense step');
    else assert.ok(s.formula.includes(s.op) && /^[\x20-\x7e−×÷]+$/.test(s.gloss), `formula ${s.formula} fits ${s.op}; gloss is English: ${s.gloss}`);
  }
  assert.equal(steps[steps.length - 1].value, out.answer, 'steps come innermost first: the last one is the whole expression');
});

test('nesy mwp prints the expression, the answer and one line per step', () => {
  const r = nesy(['mwp', '--ep', 'cpu', rows[0].original_text]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /^expression: .+\nanswer: \S+/);
  assert.match(r.stdout, /step 1: /);
});

test('nesy eval mwp prints the three accuracies, consistent with nesy mwp on each problem', () => {
  const r = nesy(['eval', 'mwp', '--data', fixture, '--ep', 'cpu']);
  assert.equal(r.code, 0, r.stderr);
  const out = json(r.stdout);
  assert.equal(out.n, rows.length);
  for (const k of ['answer_acc', 'formula_acc', 'logic_acc', 'ms_per_item']) assert.equal(typeof out[k], 'number', k);
  const [a, f, l] = [out.answer_acc, out.formula_acc, out.logic_acc] as number[];
  assert.ok(l <= f && f <= a && a <= 1, `logic ${l} <= formula ${f} <= answer ${a}`);
  let correct = 0;
  for (const row of rows) {
    const one = json(nesy(['mwp', row.original_text, '--json', '--ep', 'cpu']).stdout);
    const nums = row.nums.split(' ');
    const gold = evaluate(prefixToTree(row.output_prefix.split(' '))!, (t) => numberValue(t.startsWith('N') ? nums[Number(t.slice(1))] : t));
    if (one.answer !== 'undefined' && sameValue(gold, value(one.answer as string))) correct++;
  }
  assert.equal(a, Math.round((correct / rows.length) * 10000) / 10000, 'answer accuracy counts what nesy mwp answers');
});

test('--limit cuts the rows', () => {
  const out = json(nesy(['eval', 'mwp', '--data', fixture, '--limit', '2', '--ep', 'cpu']).stdout);
  assert.equal(out.n, 2);
});

test('bad input gets one clear line and exit status 2', () => {
  const missing = nesy(['eval', 'mwp', '--data', path.join(repoRoot, 'no-such-file.json')]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /cannot read/);
  const empty = nesy(['mwp', '   ']);
  assert.equal(empty.code, 2);
  assert.match(empty.stderr, /give the problem text/);
  const badEp = nesy(['mwp', '1+1', '--ep', 'tpu']);
  assert.equal(badEp.code, 2);
  assert.match(badEp.stderr, /--ep must be one of/);
});

const svampFixture = path.join(repoRoot, 'test', 'fixtures', 'mwp', 'svamp-handmade.json');

test("nesy eval mwp reads SVAMP's format: answer_acc, and formula_acc because every row has an Equation", () => {
  const r = nesy(['eval', 'mwp', '--data', svampFixture, '--ep', 'cpu', '--workers', '1']);
  assert.equal(r.code, 0, r.stderr);
  const out = json(r.stdout);
  assert.equal(out.n, 5);
  assert.equal(typeof out.answer_acc, 'number');
  assert.equal(typeof out.formula_acc, 'number');
  assert.equal('logic_acc' in out, false, 'no logic_acc without Formulas');
  assert.ok((out.formula_acc as number) <= (out.answer_acc as number));
  // Without Equation there is no formula_acc.
  const rows = JSON.parse(fs.readFileSync(svampFixture, 'utf8')) as Record<string, unknown>[];
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nesy-svamp-'));
  const bare = path.join(dir, 'bare.json');
  fs.writeFileSync(bare, JSON.stringify(rows.map(({ Equation: _, ...rest }) => rest)));
  const noEq = json(nesy(['eval', 'mwp', '--data', bare, '--ep', 'cpu', '--workers', '1']).stdout);
  assert.equal(noEq.answer_acc, out.answer_acc);
  assert.equal('formula_acc' in noEq, false);
  fs.rmSync(dir, { recursive: true });
});

test('a malformed data file gets one clear line naming the row and the field, and exit status 2', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nesy-mwp-'));
  const file = path.join(dir, 'bad.json');
  const good = JSON.parse(fs.readFileSync(fixture, 'utf8'))[0];
  fs.writeFileSync(file, JSON.stringify([good, { ...good, nums: [15, 3] }]));
  const r = nesy(['eval', 'mwp', '--data', file, '--ep', 'cpu']);
  assert.equal(r.code, 2);
  assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  assert.match(r.stderr, /bad\.json: row 2: the field "nums" must be a string of numbers separated by spaces, found a list/);
  assert.doesNotMatch(r.stderr, /is not a function/);
  fs.rmSync(dir, { recursive: true });
});

test('nesy check reports what the editor reports for .mwp files, the model\'s disagreement included; --no-model leaves it out', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nesy-check-mwp-'));
  const file = path.join(dir, 'apples.mwp');
  fs.writeFileSync(file, ['problem apples', '小明有15个苹果，吃了3个，还剩多少个？', 'equation: x = 15 - 3', 'answer: 999999', ''].join('\n'));
  const r = nesy(['check', '--json', '--ep', 'cpu', file]);
  assert.equal(r.code, 0, r.stderr);
  const findings = JSON.parse(r.stdout) as { code: string; message: string; range: { start: { line: number } } }[];
  const codes = findings.map((f) => f.code).sort();
  assert.deepEqual(codes, ['mwp/answer-disagrees', 'mwp/equation-answer-mismatch']);
  const disagrees = findings.find((f) => f.code === 'mwp/answer-disagrees')!;
  assert.equal(disagrees.range.start.line, 3);
  assert.match(disagrees.message, /the answer 12 \(x = 15-3\), not 999999/);
  const plain = nesy(['check', '--no-model', file]);
  assert.equal(plain.code, 0, plain.stderr);
  assert.doesNotMatch(plain.stdout, /answer-disagrees/);
  assert.match(plain.stdout, /apples\.mwp:4:9 warning mwp\/equation-answer-mismatch/);
  const badEp = nesy(['check', '--ep', 'tpu', file]);
  assert.equal(badEp.code, 2);
  assert.match(badEp.stderr, /--ep must be one of/);
  fs.rmSync(dir, { recursive: true });
});

test('nesy format formats .mwp files', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nesy-format-mwp-'));
  const file = path.join(dir, 'a.mwp');
  fs.writeFileSync(file, 'problem a\n  Jack had 8 pens and gave 5 away.\nequation:x=8-5\n');
  const r = nesy(['format', file]);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, 'problem a\nJack had 8 pens and gave 5 away.\nequation: x = 8 - 5\n');
  assert.equal(nesy(['format', '--style', 'unicode', file]).stdout, 'problem a\nJack had 8 pens and gave 5 away.\nequation: x = 8 − 5\n');
  fs.rmSync(dir, { recursive: true });
});
