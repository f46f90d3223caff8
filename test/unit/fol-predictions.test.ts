import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../helpers/data';
import { compileFuzzy, compileCrisp, checkPredictionsFile, forallTruth } from '../../src/languages/fol/predictions';
import { readScores } from '../../src/languages/fol/scoresReader';
import type { Prop } from '../../src/languages/fol/monadic';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'fol');
const tmp = path.join(repoRoot, '.test-tmp', 'fol-predictions');
fs.mkdirSync(tmp, { recursive: true });

const v = (name: string): Prop => ({ kind: 'var', name });
const cols = ['a', 'b', 'c'];
const col = (n: string) => cols.indexOf(n);
const truth = (p: Prop, scores: number[]) => compileFuzzy(p, col)(Float32Array.from(scores), 0);
const close = (actual: number, expected: number) => assert.ok(Math.abs(actual - expected) < 1e-6, `${actual} != ${expected}`);

test('fuzzy: implication is Reichenbach 1 - a + a*b', () => {
  // a = 0.8, b = 0.25: 1 - 0.8 + 0.8 * 0.25 = 0.4
  close(truth({ kind: 'implies', left: v('a'), right: v('b') }, [0.8, 0.25, 0]), 0.4);
});

test('fuzzy: and is the product, not is 1 - a', () => {
  // a & !b with a = 0.5, b = 0.4: 0.5 * 0.6 = 0.3
  close(truth({ kind: 'and', args: [v('a'), { kind: 'not', arg: v('b') }] }, [0.5, 0.4, 0]), 0.3);
});

test('fuzzy: the D-rule or is max inside an implication', () => {
  // a -> b | c with a = 0.9, b = 0.2, c = 0.7: max = 0.7, 1 - 0.9 + 0.9 * 0.7 = 0.73
  close(truth({ kind: 'implies', left: v('a'), right: { kind: 'or', args: [v('b'), v('c')] } }, [0.9, 0.2, 0.7]), 0.73);
});

test('fuzzy: E-rule a -> !b & !c', () => {
  // a = 1, b = 0.5, c = 0.2: (1 - 0.5) * (1 - 0.2) = 0.4, so 1 - 1 + 1 * 0.4 = 0.4
  const e: Prop = { kind: 'implies', left: v('a'), right: { kind: 'and', args: [{ kind: 'not', arg: v('b') }, { kind: 'not', arg: v('c') }] } };
  close(truth(e, [1, 0.5, 0.2]), 0.4);
});

test('fuzzy: forall is the p-mean-error with q = 5', () => {
  // truths 1 and 0: errors 0 and 1, fifth powers sum to 1, mean 0.5, 1 - 0.5^(1/5) = 1 - 0.870551 = 0.129449
  close(forallTruth(0 ** 5 + 1 ** 5, 2), 0.12944943670387588);
  // all three truths 0.8: errors 0.2, so the aggregate is 0.8 again
  close(forallTruth(3 * 0.2 ** 5, 3), 0.8);
  // no samples: a forall over nothing is true
  assert.equal(forallTruth(0, 0), 1);
});

test('crisp: a class holds at or above the threshold', () => {
  const rule = compileCrisp({ kind: 'implies', left: v('a'), right: v('b') }, col, 0.5);
  assert.equal(rule(Float32Array.from([0.5, 0.49, 0]), 0), false);
  assert.equal(rule(Float32Array.from([0.49, 0, 0]), 0), true);
  assert.equal(rule(Float32Array.from([0.7, 0.5, 0]), 0), true);
});

test('prediction check on the fixture matches hand-computed values', async () => {
  const report = await checkPredictionsFile(path.join(fixtures, 'animals.fol'), path.join(fixtures, 'predictions-small.json'));
  assert.equal(report.samples, 2);
  const cDog = report.rules.find((r) => r.name === 'animals.C_dog')!;
  // sample 0: 1 - 0.9 + 0.9 * 0.8 = 0.82; sample 1: 1 - 0.6 + 0.6 * 0.3 = 0.58 (crisp: dog holds, mammal not)
  assert.equal(cDog.violation_rate, 0.5);
  close(cDog.fuzzy_truth, 1 - Math.pow((0.18 ** 5 + 0.42 ** 5) / 2, 0.2));
  assert.deepEqual(cDog.worst.map((w) => w.sample), [1, 0]);
  close(cDog.worst[0].truth, 0.58);
  const dAnimals = report.rules.find((r) => r.name === 'animals.D_animals')!;
  // animals -> mammal | bird: sample 0 max 0.8 -> 0.8; sample 1 max 0.6 -> 0.6
  close(dAnimals.worst[0].truth, 0.6);
  assert.equal(dAnimals.kind, 'D');
  const r1 = report.rules.find((r) => r.name === 'r1')!;
  // dog -> bird: sample 0 1 - 0.9 + 0.09 = 0.19
  close(r1.worst[0].truth, 0.19);
  assert.ok(report.skipped.some((s) => s.name === 'r2'));
});

test('the {classes, scores} form streams across chunk and batch boundaries', async () => {
  const file = path.join(tmp, 'matrix.json');
  const rows = 5000;
  const body = Array.from({ length: rows }, (_, i) => `[${(i % 10) / 10}, 1e-1, 0.25]`).join(',\n');
  fs.writeFileSync(file, `{"note": "x", "classes": ["a", "b", "c"], "scores": [${body}]}`);
  let columns: string[] = [];
  let count = 0;
  let sum = 0;
  for await (const batch of readScores(file, [], (c) => (columns = c), 1024)) {
    for (let r = 0; r < batch.rows; r++) sum += batch.data[r * 3];
    count += batch.rows;
  }
  assert.deepEqual(columns, ['a', 'b', 'c']);
  assert.equal(count, rows);
  // Float32 scores summed in float64: 0.1 is not exact in float32, so allow its rounding
  assert.ok(Math.abs(sum - 2250) < 1e-3, String(sum));
});

test('bad prediction files get clear messages', async () => {
  const cases: [string, RegExp][] = [
    ['{"scores": [[0.1]], "classes": ["a"]}', /"classes" must come before "scores"/],
    ['{"classes": ["a", "b"], "scores": [[0.1]]}', /has 1 scores, but there are 2 classes/],
    ['{"classes": ["a"], "scores": [[1.5]]}', /outside \[0, 1\]/],
    ['[{"a": 0.5}', /ends before its JSON is complete/],
  ];
  for (const [text, message] of cases) {
    const file = path.join(tmp, 'bad.json');
    fs.writeFileSync(file, text);
    await assert.rejects(async () => {
      for await (const batch of readScores(file, ['a'], () => undefined)) void batch;
    }, message);
  }
});

test('repair max makes every parent at least its children; path keeps one branch', async () => {
  const rules = path.join(fixtures, 'animals.fol');
  const preds = path.join(fixtures, 'predictions-small.json');
  const maxOut = path.join(tmp, 'max.json');
  await checkPredictionsFile(rules, preds, { repair: 'max', repairOut: maxOut });
  const max = JSON.parse(fs.readFileSync(maxOut, 'utf8')) as { classes: string[]; scores: number[][] };
  const at = (row: number[], n: string) => row[max.classes.indexOf(n)];
  // sample 1: mammal 0.3 < cat 0.7, so mammal becomes 0.7; bird 0.6 >= sparrow 0.2 stays
  close(at(max.scores[1], 'mammal'), 0.7);
  close(at(max.scores[1], 'bird'), 0.6);
  const pathOut = path.join(tmp, 'path.json');
  await checkPredictionsFile(rules, preds, { repair: 'path', repairOut: pathOut });
  const p = JSON.parse(fs.readFileSync(pathOut, 'utf8')) as { classes: string[]; scores: number[][] };
  // sample 1 paths: mammal+dog 0.9, mammal+cat 1.0, bird+sparrow 0.8, bird+penguin 0.7 -> mammal/cat,
  // and mammal is lifted to cat's 0.7; everything off the path is zeroed
  const row = p.scores[1];
  const get = (n: string) => row[p.classes.indexOf(n)];
  close(get('cat'), 0.7);
  close(get('mammal'), 0.7);
  assert.equal(get('dog'), 0);
  assert.equal(get('bird'), 0);
});

test('the server report (nesy/checkPredictions) is a Markdown table of the same numbers', async () => {
  const { checkPredictionsMarkdown } = await import('../../src/languages/fol/api');
  const { analyzeRulesFile } = await import('../../src/languages/fol/predictions');
  const { pathToFileURL } = await import('node:url');
  const analysis = await analyzeRulesFile(path.join(fixtures, 'animals.fol'));
  const md = await checkPredictionsMarkdown(analysis, pathToFileURL(path.join(fixtures, 'predictions-small.json')).href);
  assert.match(md, /^# Predictions against the rules/);
  assert.match(md, /\| animals\.C_dog \| C \| 50\.00% \| 0\.6333 \| #1 \(0\.580\), #0 \(0\.820\) \|/);
  assert.match(md, /- r2: it is not of the form forall x/);
});

test('a hierarchy root without scores holds for every sample, as in LogicSeg', async () => {
  const file = path.join(tmp, 'no-root.json');
  fs.writeFileSync(file, JSON.stringify({ classes: ['mammal', 'bird', 'dog', 'cat', 'sparrow', 'penguin'], scores: [[0.8, 0.1, 0.9, 0.1, 0.05, 0.05]] }));
  const report = await checkPredictionsFile(path.join(fixtures, 'animals.fol'), file);
  // D-rule animals -> mammal | bird with animals = 1: 1 - 1 + 1 * max(0.8, 0.1) = 0.8
  close(report.rules.find((r) => r.name === 'animals.D_animals')!.fuzzy_truth, 0.8);
  // C-rule mammal -> animals: 1 - 0.8 + 0.8 * 1 = 1
  close(report.rules.find((r) => r.name === 'animals.C_mammal')!.fuzzy_truth, 1);
  assert.ok(!report.skipped.some((s) => s.name.startsWith('animals.')));
});
