// `nesy check-predictions` and `nesy check` on .fol files, through the built CLI (`npm run build` first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { nesy } from '../helpers/cli';
import { repoRoot } from '../helpers/data';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'fol');
const rules = path.join(fixtures, 'animals.fol');
const preds = path.join(fixtures, 'predictions-small.json');
const tmp = path.join(repoRoot, '.test-tmp', 'fol-cli');
fs.mkdirSync(tmp, { recursive: true });

test('--json prints {rules, samples} with the hand-computed C-rule values', () => {
  const r = nesy(['check-predictions', rules, preds, '--json']);
  assert.equal(r.code, 1, r.stderr);
  const report = JSON.parse(r.stdout) as { samples: number; rules: { name: string; kind: string; violation_rate: number; fuzzy_truth: number; worst: { sample: number; truth: number }[] }[] };
  assert.equal(report.samples, 2);
  const c = report.rules.find((x) => x.name === 'animals.C_dog')!;
  assert.equal(c.kind, 'C');
  assert.equal(c.violation_rate, 0.5);
  // errors 0.18 and 0.42 (see test/unit/fol-predictions.test.ts)
  assert.ok(Math.abs(c.fuzzy_truth - (1 - ((0.18 ** 5 + 0.42 ** 5) / 2) ** 0.2)) < 1e-6);
  assert.deepEqual(Object.keys(report.rules[0]).sort(), ['fuzzy_truth', 'kind', 'name', 'text', 'violation_rate', 'worst']);
});

test('--threshold changes the crisp rate: at 0.95 only the root (score 1) holds', () => {
  const r = nesy(['check-predictions', rules, preds, '--json', '--threshold', '0.95']);
  const report = JSON.parse(r.stdout) as { rules: { name: string; violation_rate: number }[] };
  // animals holds in both samples but none of its children does, so only its D-rule is violated
  assert.deepEqual(report.rules.filter((x) => x.violation_rate > 0).map((x) => [x.name, x.violation_rate]), [['animals.D_animals', 1]]);
  assert.equal(r.code, 1);
});

test('the text report names rules, kinds and worst samples', () => {
  const r = nesy(['check-predictions', rules, preds]);
  assert.match(r.stdout, /2 samples, \d+ rules, threshold 0\.5/);
  assert.match(r.stdout, /animals\.C_dog\s+C\s+50\.00%\s+0\.6333\s+#1 \(0\.580\), #0 \(0\.820\)/);
  assert.match(r.stdout, /skipped r2: /);
});

test('--repair max writes corrected scores in the {classes, scores} form', () => {
  const out = path.join(tmp, 'repaired.json');
  const r = nesy(['check-predictions', rules, preds, '--repair', 'max', '--out', out]);
  assert.notEqual(r.code, 2, r.stderr);
  const fixed = JSON.parse(fs.readFileSync(out, 'utf8')) as { classes: string[]; scores: number[][] };
  assert.equal(fixed.scores.length, 2);
  const i = (n: string) => fixed.classes.indexOf(n);
  for (const row of fixed.scores) {
    assert.ok(row[i('mammal')] >= row[i('dog')] && row[i('mammal')] >= row[i('cat')]);
    assert.ok(row[i('bird')] >= row[i('sparrow')] && row[i('bird')] >= row[i('penguin')]);
  }
});

test('bad input: clear messages and exit status 2', () => {
  const missing = nesy(['check-predictions', rules, path.join(tmp, 'nope.json')]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /no such file/);
  const bad = path.join(tmp, 'bad.json');
  fs.writeFileSync(bad, '{"classes": ["dog"], "scores": [[0.5, 0.2]]}');
  const shape = nesy(['check-predictions', rules, bad]);
  assert.equal(shape.code, 2);
  assert.match(shape.stderr, /more scores than the 1 classes/);
  assert.equal(nesy(['check-predictions', rules]).code, 2);
  assert.match(nesy(['check-predictions', rules, preds, '--threshold', 'x']).stderr, /--threshold must be a number/);
  assert.match(nesy(['check-predictions', rules, preds, '--repair', 'path']).stderr, /--repair needs --out/);
});

test('nesy check covers .fol files', () => {
  const r = nesy(['check', rules]);
  assert.equal(r.code, 1);
  assert.match(r.stdout, /animals\.fol:7:\d+ error fol\/unsatisfiable-class Rule 'r1' makes class 'dog' unsatisfiable/);
  assert.match(r.stdout, /fol\/undeclared-predicate/);
});
