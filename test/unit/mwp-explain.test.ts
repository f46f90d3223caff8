import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { MwpResult } from '../../src/core/neuralApi';
import { allSteps, arithmeticLine, filledFormula, interpretationMarkdown, interpretationText, stepMarkdown, stepTree } from '../../src/languages/mwp/explain';

// The InterMWP example: 甲乙两地相距400千米 ... x = 400/4 - 53.
const result: MwpResult = {
  expression_prefix: '- / 400 4 53',
  expression_infix: '400/4-53',
  answer: '47',
  // Innermost first: the order a person computes them.
  steps: [
    { op: '/', formula_id: 86, formula: '速度 = 路程 / 时间', gloss: 'speed = distance ÷ time', value: '100' },
    { op: '-', formula_id: 107, formula: '速度 = 相向速度 - 速度', gloss: 'speed = closing speed − speed', value: '47' },
  ],
  confidence: 0.9,
  ep: 'cpu',
  ms: 3,
};

test('steps form the expression tree, innermost first, each using only values already shown, with operand values', () => {
  const steps = allSteps(stepTree(result));
  assert.deepEqual(steps.map(arithmeticLine), ['400 ÷ 4 = 100', '100 − 53 = 47']);
  assert.deepEqual(steps.map((s) => s.index), [0, 1]);
  assert.equal(steps[0].step.formula_id, 86);
  assert.match(interpretationText(result), /step 1: 400 ÷ 4 = 100 .*\n.*step 2: 100 − 53 = 47/);
  // A deeper tree: (2 + 3) × (10 − 4): both inner steps before the product.
  const deep: MwpResult = { ...result, expression_prefix: '* + 2 3 - 10 4', expression_infix: '(2+3)*(10-4)', answer: '30', steps: [] };
  assert.deepEqual(allSteps(stepTree(deep)).map(arithmeticLine), ['2 + 3 = 5', '10 − 4 = 6', '5 × 6 = 30']);
});

test('a formula is shown with the numbers written under its names', () => {
  const [inner, outer] = allSteps(stepTree(result));
  assert.equal(filledFormula('速度 = 路程 / 时间', inner), '速度 (100) = 路程 (400) / 时间 (4)');
  assert.equal(filledFormula('speed = closing speed - speed', outer), 'speed (47) = closing speed (100) - speed (53)');
  assert.equal(filledFormula('间隔段数 = 含两端间隔点数 - 1', { ...outer, leftValue: outer.rightValue }), '间隔段数 (47) = 含两端间隔点数 (53) - 1');
  assert.equal(filledFormula('常识性步骤', outer), undefined);
});

test('step markdown names the formula, its gloss and the filled-in numbers', () => {
  const inner = allSteps(stepTree(result))[0];
  const md = stepMarkdown(inner, result);
  assert.match(md, /Formula 86: 速度 = 路程 \/ 时间/);
  assert.match(md, /speed = distance ÷ time/);
  assert.match(md, /速度 \(100\) = 路程 \(400\) \/ 时间 \(4\)/);
  assert.match(md, /speed \(100\) = distance \(400\) \/ time \(4\)/);
  assert.doesNotMatch(md, /guess/);
});

test('low-confidence interpretations are labelled as guesses everywhere', () => {
  const low = { ...result, confidence: 0.2 };
  assert.match(interpretationMarkdown(low), /guess \(low confidence, 20%\)/);
  assert.match(interpretationText(low), /low confidence 20%: a guess/);
  assert.match(stepMarkdown(allSteps(stepTree(low))[0], low), /not a checked fact/);
  assert.doesNotMatch(interpretationMarkdown(result), /guess/);
});

test('a common-sense step says so instead of naming a formula', () => {
  const cs: MwpResult = { ...result, expression_prefix: '- 15 3', expression_infix: '15-3', answer: '12', steps: [{ op: '-', formula_id: 0, formula: '常识性步骤', gloss: 'common-sense step', value: '12' }] };
  assert.match(interpretationText(cs), /step 1: 15 − 3 = 12 {3}common-sense step/);
});

test('an English problem\'s steps show English formulas only, filled with the numbers', () => {
  const english: MwpResult = {
    expression_prefix: '/ 150 3',
    expression_infix: '150/3',
    answer: '50',
    steps: [{ op: '/', formula_id: 86, formula: 'speed = distance / time', gloss: 'speed = distance ÷ time', value: '50' }],
    confidence: 0.9,
    ep: 'cpu',
    ms: 1,
  };
  const [step] = allSteps(stepTree(english));
  const md = stepMarkdown(step, english);
  assert.match(md, /Formula 86: speed = distance ÷ time/);
  assert.match(md, /With the numbers: speed \(50\) = distance \(150\) ÷ time \(3\)/);
  assert.doesNotMatch(md, /速度/);
  assert.match(interpretationText(english), /step 1: 150 ÷ 3 = 50 {3}\[86\] speed = distance ÷ time$/);
  assert.match(interpretationMarkdown(english), /1\. `150 ÷ 3 = 50` — speed = distance ÷ time/);
  // A Chinese problem's step keeps the Chinese formula beside its gloss.
  assert.match(interpretationText(result), /\[86\] 速度 = 路程 \/ 时间 \(speed = distance ÷ time\)/);
});
