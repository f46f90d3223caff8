// The English solver: reading numbers in digits and words, the candidate expressions, the committed
// ranker and labeller (models/mwp/english.json) on problems written for these tests, and the routing
// of English problems to it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import Fraction from 'fraction.js';
import { evaluate, prefixToTree } from '../../src/languages/mwp/arith';
import { numberValue } from '../../src/languages/mwp/masking';
import { defaultModelsDir } from '../../src/neural/modelFiles';
import { MwpModel } from '../../src/neural/mwp';
import { defaultMaxOps, enumerate, prefixOf } from '../../src/neural/english/candidates';
import { analyse, candidateFeatures } from '../../src/neural/english/features';
import { englishFormula, englishFormulas, mirrorOf } from '../../src/neural/english/formulas';
import { isEnglish, readEnglish } from '../../src/neural/english/read';
import { EnglishSolver } from '../../src/neural/english/solver';

const numbers = (text: string) => readEnglish(text).numbers.map((n) => `${n.text}=${n.literal}`);

test('numbers in digits and in words, fractions, percentages, dozens and multipliers', () => {
  assert.deepEqual(numbers('Mary had twenty-five dollars. She spent a quarter of it.'), ['twenty-five=25', 'a quarter=0.25']);
  assert.deepEqual(numbers('He bought 3 dozen eggs, half a pizza and twice as many pears as $1,200.50 at 20% off.'), ['3 dozen=36', 'half=0.5', 'twice=2', '1,200.50=1200.5', '20%=20%']);
  assert.deepEqual(numbers('Sally saw a dozen birds and two-thirds of 12.5 percent of 3/4 and 2 1/2 pies.'), ['a dozen=12', 'two-thirds=(2/3)', '12.5 percent=12.5%', '3/4=0.75', '2 1/2=2.5']);
  // Ordinals and "one" as a pronoun are not quantities.
  assert.deepEqual(numbers('In the first half of the 3rd game each one scored 7 points.'), ['7=7']);
  const r = readEnglish('Jack had 8 pens. He gave 5 to Mary. How many are left?');
  assert.deepEqual(r.tokens, ['jack', 'had', 'N0', 'pens', '.', 'he', 'gave', 'N1', 'to', 'mary', '.', 'how', 'many', 'are', 'left', '?']);
  assert.deepEqual(r.sentence.slice(-5), [2, 2, 2, 2, 2]);
  for (const n of readEnglish('A quarter of 20% of 3 1/2 dozen is twice 1,000.').numbers) assert.ok(numberValue(n.literal)?.equals(n.value), `${n.literal} reads back as ${n.value.toFraction()}`);
});

test('English is told from Chinese', () => {
  assert.ok(isEnglish('Jack had 8 pens.'));
  assert.ok(!isEnglish('小明有15个苹果，吃了3个，还剩多少个？'));
  assert.ok(!isEnglish('甲有10个balls'));
  assert.ok(!isEnglish('15 - 3'));
});

test('candidates: every tree with one or two operators over distinct numbers, + and × in one order, no negative or zero step', () => {
  const a = analyse(readEnglish('Jack had 8 pens. He gave 5 to Mary. How many are left?'));
  const one = enumerate(a, 1).map((c) => prefixOf(a, c.expr).join(' ')).sort();
  assert.deepEqual(one, ['* N0 N1', '+ N0 N1', '- N0 N1', '/ N0 N1', '/ N1 N0']);
  const b = analyse(readEnglish('There are 4 boxes with 6 red and 3 blue balls in each. How many balls are there?'));
  const all = enumerate(b, defaultMaxOps);
  const keys = all.map((c) => prefixOf(b, c.expr).join(' '));
  assert.equal(new Set(keys).size, keys.length, 'no expression twice');
  assert.ok(keys.includes('* N0 + N1 N2'));
  for (const c of all) {
    const v = evaluate(prefixToTree(prefixOf(b, c.expr))!, (t) => b.items[Number(t.slice(1))]!.value);
    assert.ok(v.compare(0) > 0 && Math.abs(v.valueOf() - c.value) < 1e-9, `${keys[all.indexOf(c)]} = ${v.toFraction()}`);
  }
  // A fraction of something calls for 1 (the rest), a perimeter for 2 and 4.
  assert.ok(analyse(readEnglish('Mary had 20 dollars. She spent a quarter of it.')).items.some((i) => i.constant && i.literal === '1'));
  const constants = (text: string) => analyse(readEnglish(text)).items.filter((i) => i.constant).map((i) => i.literal);
  assert.deepEqual(constants('A rectangle is 8 cm long and 5 cm wide. What is its perimeter?'), ['2']);
  assert.deepEqual(constants('Each side of a square is 7 cm. What is its perimeter?'), ['4']);
  assert.deepEqual(constants('What percent of the 40 apples are the 10 red ones?'), ['100']);
  assert.deepEqual(constants('Jack had 8 pens. He gave 5 to Mary.'), []);
});

test('features cross the operators with the question', () => {
  const a = analyse(readEnglish('Jack had 8 pens. He gave 5 to Mary. How many pens are left?'));
  const [minus] = enumerate(a, 1).filter((c) => prefixOf(a, c.expr).join(' ') === '- N0 N1');
  const f = candidateFeatures(a, minus!);
  assert.ok(f.includes('R:-|q:left'));
  assert.ok(f.includes('L-:u:pen') && f.includes('R-:s:gave'));
  // The question speaks of pens: 8 is "pens", and the question's unit.
  assert.ok(a.items[0]!.unitInQuestion);
});

test('the formula inventory: each formula fits its operator, and mirrors pair up', () => {
  for (const f of englishFormulas) {
    assert.match(f.gloss, /^[a-z][a-z0-9 ]* = [a-z0-9][a-z0-9 ]* [+−×÷] [a-z0-9][a-z0-9 ]*$/, `${f.id}: ${f.gloss}`);
    assert.ok(f.gloss.includes({ '+': '+', '-': '−', '*': '×', '/': '÷', '^': '^' }[f.op]), `${f.id} has operator ${f.op}`);
    assert.equal(mirrorOf(mirrorOf(f.id)), f.id);
    assert.equal(englishFormula(f.mirror)!.op, f.op);
  }
});

const solver = EnglishSolver.load(path.join(defaultModelsDir(), 'mwp', 'english.json'));

test('the committed solver answers the problems of the issue, and reads the question', () => {
  const value = (text: string) => solver.solve(text).value?.toFraction();
  assert.equal(value('Mary had 20 dollars. She spent a quarter of it. How much money does she have left?'), '15');
  assert.equal(value('A rectangle is 8 cm long and 5 cm wide. What is its perimeter?'), '26');
  assert.equal(value('Jack had 8 pens and 7 pencils. He gave 5 pens to Mary. How many pens does Jack have now?'), '3');
  assert.equal(value('A box holds 6 eggs. Sam buys 4 boxes. How many eggs does Sam buy?'), '24');
  assert.equal(value('There are 12 apples and 9 oranges in a basket. How many fruits are in the basket?'), '21');
  assert.equal(value('A car travels 150 miles in 3 hours. What is its speed in miles per hour?'), '50');
  // The other examples: the part spent, a total earned from one's own amounts, and a rectangle's
  // perimeter, which got 8 + 5 with no low-confidence mark, is 2 × (8 + 5) and not marked as a guess.
  assert.equal(value('Mary had 20 dollars. She spent a quarter of it. How much did she spend?'), '5');
  assert.equal(value('Fred had 33 dollars. He washed cars over the weekend and now has 86 dollars. How much money did he earn washing cars?'), '53');
  assert.equal(value('Two numbers add up to 45. The larger number is 28. What is the smaller number?'), '17');
  assert.ok(solver.solve('A rectangle is 8 cm long and 5 cm wide. What is its perimeter?').probability >= 0.5);
});

test('solutions: a probability in (0, 1], a calibrated one beside the raw one, formulas for every operator', () => {
  const s = solver.solve('A car travels 150 miles in 3 hours. What is its speed in miles per hour?');
  assert.ok(s.probability > 0 && s.probability <= 1 && s.rawProbability > 0 && s.rawProbability <= 1);
  assert.deepEqual(s.prefix, ['/', 'N0', 'N1']);
  const labels = solver.label(s.analysis, s.prefix);
  assert.equal(englishFormula(labels[0]!)?.gloss, 'speed = distance ÷ time');
  assert.deepEqual(labels.slice(1), [-1, -1]);
  assert.ok(new Fraction(50).equals(s.value!));
  // The operands of + and × are put in the order their formula reads them.
  const rect = solver.solve('A rectangle is 8 cm long and 5 cm wide. What is its perimeter?');
  const { prefix, ids } = solver.labelled(rect.analysis, rect.prefix);
  assert.deepEqual(prefix, ['*', '2', '+', 'N0', 'N1']);
  assert.deepEqual(ids.map((id) => (id >= 0 ? englishFormula(id)?.gloss : id)), ['rectangle perimeter = 2 × rectangle length plus width', -1, 'rectangle length plus width = length + width', -1, -1]);
});

test('MwpModel: English problems go to the English solver with English formulas, steps innermost first; Chinese ones to the seq2seq model', async () => {
  const model = await MwpModel.load(defaultModelsDir(), 'cpu');
  try {
    const [en, zh] = await model.interpretMany(['Mary had 20 dollars. She spent a quarter of it. How much money does she have left?', '小明有15个苹果，吃了3个，还剩多少个？']);
    assert.equal(en!.answer, '15');
    assert.equal(en!.steps.length, 2);
    assert.equal(en!.steps[1]!.value, '15', 'the last step is the whole expression');
    for (const step of en!.steps) assert.doesNotMatch(`${step.formula} ${step.gloss}`, /\p{Script=Han}/u, `English formula: ${step.formula}`);
    assert.equal(zh!.answer, '12');
    // English with a single quantity has no candidate: the seq2seq model answers it.
    const one = await model.interpret('Tim has 13 dozen golf balls. How many golf balls does he have?');
    assert.ok(prefixToTree(one.expression_prefix.split(' ')));
  } finally {
    await model.close();
  }
});
