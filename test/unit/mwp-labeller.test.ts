// The formula labeller: the runtime's features and scores are the trainer's, and its tree walk
// takes any depth.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { MwpLabeller } from '../../src/neural/mwpLabeller';
import { maskNumbers } from '../../src/languages/mwp/masking';
import { hasSharedData, repoRoot, interMwpValid, withTempFile } from '../helpers/data';

const meta = JSON.parse(fs.readFileSync(path.join(repoRoot, 'models', 'mwp', 'mwp.json'), 'utf8')) as { formulas: { id: number; op: string | null }[] };
const fits = (id: number, op: string): boolean => id === 0 || meta.formulas[id]?.op === op;

/** A labeller with three formulas (0 common sense, 1 for '*', 2 for '/') and the given weights. */
function tinyLabeller(weights: Record<string, [number, number][]>): MwpLabeller {
  return withTempFile('labeller.json', JSON.stringify({ format: 1, window: 2, question: 3, bias: [0, 0, 0], weights }), (file) => MwpLabeller.load(file));
}
const tinyFits = (id: number, op: string): boolean => id === 0 || (id === 1 && op === '*') || (id === 2 && op === '/');

test('features: the words around each operand, the parent and side, the question, all spelt as the trainer spells them', () => {
  const tokens = ['每', '个', 'N0', '元', '买', 'N1', '个', '共', '多', '少'];
  const at = (weights: Record<string, [number, number][]>, structure: string[], pos = 0) =>
    Array.from(tinyLabeller(weights).logprobs(tokens, structure, tinyFits).get(pos)!).map((x) => Math.round(Math.exp(x) * 1000) / 1000);
  // Without weights, the operator's formulas are equally likely and other operators' are impossible.
  assert.deepEqual(at({}, ['*', 'N0', 'N1']), [0.5, 0.5, 0]);
  // The left operand's next word (window 2), the right operand's previous word, a pair of question words.
  for (const feature of ['La:元', 'La2:元买', 'Rb:买', 'Lb:个', 'q2:多少', 't2:*N0元', 'op:*', 'side:T*', 'Lnum*']) {
    assert.ok(at({ [feature]: [[1, 5]] }, ['*', 'N0', 'N1'])[1]! > 0.99, feature);
  }
  // Not in the window: the right operand's fourth word before.
  assert.deepEqual(at({ 'Rb:个': [[1, 5]] }, ['*', 'N0', 'N1']), [0.5, 0.5, 0]);
  // A nested operator: its parent and side, and the parent's view of it; constants by value.
  assert.ok(at({ 'par:/L*': [[1, 5]] }, ['/', '*', 'N0', 'N1', '2'], 1)[1]! > 0.99);
  assert.ok(at({ 'Lop:/*': [[2, 5]] }, ['/', '*', 'N0', 'N1', '2'], 0)[2]! > 0.99);
  assert.ok(at({ 'Rc:/2': [[2, 5]] }, ['/', '*', 'N0', 'N1', '2'], 0)[2]! > 0.99);
});

test('a tree 20,000 operators deep is walked without overflowing the stack', () => {
  const structure = [...new Array<string>(20_000).fill('*'), ...new Array<string>(20_001).fill('N0')];
  const scores = tinyLabeller({}).logprobs(['N0'], structure, tinyFits);
  assert.equal(scores.size, 20_000);
});

test('a corrupt labeller file is refused with the file named', () => {
  withTempFile('labeller.json', JSON.stringify({ format: 1, bias: [] }), (file) => {
    assert.throws(() => MwpLabeller.load(file), /not a formula labeller.*labeller\.json/);
  });
});

test('the committed labeller scores labelled problems as training/mwp/labeller.py did', { skip: !hasSharedData() && 'needs ../shared/data' }, () => {
  const labeller = MwpLabeller.load(path.join(repoRoot, 'models', 'mwp', 'labeller.json'));
  const checks = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'mwp', 'labeller-checks.json'), 'utf8')) as {
    id: string;
    structure: string[];
    ops: { position: number; best: number; logprob: number }[];
  }[];
  const valid = new Map(interMwpValid().map((r) => [r.id, r]));
  assert.ok(checks.length >= 5);
  for (const check of checks) {
    const scores = labeller.logprobs(maskNumbers(valid.get(check.id)!.original_text).tokens, check.structure, fits);
    for (const op of check.ops) {
      const row = scores.get(op.position)!;
      const best = row.indexOf(Math.max(...row));
      assert.equal(best, op.best, `${check.id} at ${op.position}`);
      assert.ok(Math.abs(row[best]! - op.logprob) < 1e-3, `${check.id} at ${op.position}: ${row[best]} against ${op.logprob}`);
    }
  }
});
