// Runs the committed ONNX models (models/nl2tl) through the whole pipeline.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { parseFormula, printFormula } from '../../src/languages/tl/api';
import { loadTranslator, type Translator } from '../../src/neural/index';
import type { TranslateResult } from '../../src/core/neuralApi';
import { distinctMeanings, type NlTranslateResult } from '../../src/neural/translator';

let translator: Translator;
before(async () => {
  translator = await loadTranslator('cpu');
});
after(async () => {
  await translator.release();
});

async function one(sentence: string, extra: object = {}): Promise<NlTranslateResult> {
  const [r] = await translator.translate([{ sentence, ...extra }]);
  if (r instanceof Error) throw r;
  return r!;
}

test('a lifted sentence translates over its own prop ids, in the NL2TL data convention', async () => {
  // An unseen dev sentence; NL2TL's lifted data scopes the first operator over the rest.
  const r = await one('at some time ( prop_2 ) and never ( prop_1 )');
  assert.equal(r.ep, 'cpu');
  const f = parseFormula(r.best.lifted);
  assert.ok(f.ok);
  assert.equal(printFormula(f.formula, 'ascii'), 'F (prop_2 & G !prop_1)');
  assert.deepEqual(Object.keys(r.best.props).sort(), ['prop_1', 'prop_2']);
});

test('free text scopes each clause on its own, as English reads', async () => {
  const r = await one('at some time grab the pear and never drop the apple');
  assert.equal(r.best.formula, 'F grab_pear & G !drop_apple');
});

test('the issue example: declared propositions, negation from "avoid", a copied time bound', async () => {
  const r = await one('the robot must always avoid the red zone and reach the goal within 10 seconds', {
    declared: [{ name: 'red_zone' }, { name: 'goal' }],
  });
  assert.equal(r.best.formula, 'G !red_zone & F[0,10] goal');
});

test('time bounds are copied from the sentence, including numbers never seen in training', async () => {
  const r = await one('( prop_1 ) should happen within the next 8137 time units');
  assert.match(r.best.lifted, /\[0,8137\]/);
});

test('quoted spans become props grounded to fresh names, with an English reading', async () => {
  const r = await one('always "avoid the red zone" and eventually "reach the goal"', { beams: 3 });
  assert.deepEqual(Object.values(r.best.props).map((p) => [p.text, p.name, p.declared]), [
    ['avoid the red zone', 'avoid_red_zone', false],
    ['reach the goal', 'reach_goal', false],
  ]);
  assert.ok(parseFormula(r.best.formula).ok);
  assert.match(r.best.formula, /avoid_red_zone/);
  assert.match(r.best.english, /avoid the red zone/);
  assert.ok(r.alternatives.length >= 1 && r.alternatives.length <= 2);
  for (const a of r.alternatives) assert.ok(parseFormula(a.formula).ok);
});

test('declared propositions are recognised and keep their names', async () => {
  const r = await one('the robot must always avoid the red zone and reach the goal', {
    declared: [{ name: 'red_zone', description: 'the robot is inside the red zone' }, { name: 'goal' }],
  });
  const names = Object.values(r.best.props).map((p) => [p.name, p.declared]);
  assert.deepEqual(names, [['red_zone', true], ['goal', true]]);
  assert.match(r.best.english, /the robot is inside the red zone/);
});

test('free text in the navigation corpus\'s phrasing goes through the learned tagger and the model', async () => {
  const r = await one('at any time go by house and when possible get apple');
  assert.equal(r.reader, 'model');
  assert.deepEqual(Object.values(r.best.props).map((p) => p.text), ['go by house', 'get apple']);
});

test('free text the requirement grammar reads: its clauses are the propositions', async () => {
  const r = await one('go to the kitchen and then pick up the apple');
  assert.equal(r.reader, 'grammar');
  assert.equal(r.best.formula, 'F (kitchen & F pick_up_apple)');
  assert.deepEqual(Object.values(r.best.props).map((p) => p.text), ['kitchen', 'pick up the apple']);
});

test('bad input gives clear errors and the rest of the batch still translates', async () => {
  const results = await translator.translate([
    { sentence: '' },
    { sentence: 'x'.repeat(3000) },
    { sentence: '.' },
    { sentence: `( prop_1 ) ${'very '.repeat(200)}` },
    { sentence: 'finally ( prop_1 )' },
  ]);
  assert.match((results[0] as Error).message, /empty/);
  assert.match((results[1] as Error).message, /too long \(3000 characters/);
  assert.match((results[2] as Error).message, /No propositions found/);
  assert.match((results[3] as Error).message, /too long \(\d+ words; at most \d+\)/);
  assert.equal((results[4] as TranslateResult).best.lifted, 'finally prop_1');
});

test('the candidates shown are distinct in meaning: a later one equivalent to an earlier one is dropped', () => {
  const candidate = (formula: string) => ({ formula, lifted: formula, props: {}, english: '', score: 0, liftedSentence: '' });
  const candidates = ['G prop_1', 'G G prop_1', 'prop_1 & prop_2', 'prop_2 & prop_1', '!!F prop_1', 'F prop_1', 'prop_1 U prop_2', 'G prop_1'].map(candidate);
  // A budget no loaded machine exhausts, so the test checks the merging, not the clock.
  assert.deepEqual(distinctMeanings(candidates, 60_000).map((c) => c.formula), ['G prop_1', 'prop_1 & prop_2', '!!F prop_1', 'prop_1 U prop_2']);
  // With no time left, only identical spellings merge.
  assert.equal(distinctMeanings(candidates, 0).length, 7);
});
