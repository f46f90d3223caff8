// The committed ONNX model through onnxruntime-node: what it outputs is always well formed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { defaultModelsDir } from '../../src/neural/modelFiles';
import Fraction from 'fraction.js';
import { MwpModel } from '../../src/neural/mwp';
import { chooseCandidate, rerankWeights } from '../../src/neural/mwpRerank';
import { evaluate, formatValue, prefixToTree } from '../../src/languages/mwp/arith';
import { numberValue } from '../../src/languages/mwp/masking';

const problems = [
  '甲乙两地相距400千米，客车和货车同时从两地相对开出，相向而行，4小时相遇，已知货车每小时行53千米，问客车每小时行多少千米？',
  '小丁丁买了3对单价7元的香辣鸡翅，营业员找给他34元，他付给营业员多少元？',
  '一件衣服原价200元，降价20%后卖多少元？',
  'Mrs. Wong had 30 valentines. She gave 8 valentines to her children. How many does she have left?',
  '一根绳子长(3/4)米，用去了(1/3)米，还剩多少米？',
];

test('every interpretation is a tree over the problem numbers, with one matching formula per operator', async () => {
  const model = await MwpModel.load(defaultModelsDir(), 'cpu');
  try {
    for (const text of problems) {
      const r = await model.interpret(text);
      const tokens = r.expression_prefix.split(' ');
      const tree = prefixToTree(tokens);
      assert.ok(tree, `${text}: ${r.expression_prefix}`);
      for (const t of tokens) {
        if ('+-*/^'.includes(t)) continue;
        assert.ok(r.numbers.includes(t) || model.meta.consts.includes(t), `${t} is neither a number of the problem nor a constant`);
      }
      assert.equal(r.steps.length, tokens.filter((t) => '+-*/^'.includes(t)).length);
      for (const s of r.steps) {
        const f = model.formula(s.formula_id)!;
        assert.ok(f, `formula ${s.formula_id} exists`);
        if (s.formula_id !== 0) assert.equal(f.op, s.op, `formula ${s.formula_id} (${f.formula}) fits operator ${s.op}`);
      }
      assert.equal(formatValue(evaluate(tree, numberValue)), r.answer);
      assert.ok(r.confidence > 0 && r.confidence <= 1);
      assert.equal(r.ep, 'cpu');
    }
  } finally {
    await model.close();
  }
});

test('a question asking for the total of quantities stated in one unit gets their sum (issue #20)', async () => {
  const model = await MwpModel.load(defaultModelsDir(), 'cpu');
  try {
    const totals: [string, string][] = [
      ['甲有10个球，乙有7个球，两人一共有多少个球？', '17'],
      ['小明有15本书，小红有23本书，他们一共有多少本书？', '38'],
      ['一班有45人，二班有48人，两个班共有多少人？', '93'],
      ['商店上午卖出32千克苹果，下午卖出28千克，这一天总共卖出多少千克？', '60'],
    ];
    for (const [text, answer] of totals) assert.equal((await model.interpret(text)).answer, answer, text);
  } finally {
    await model.close();
  }
});

test('the formula inventory: 210 formulas, each operator right, each with an English gloss', async () => {
  const model = await MwpModel.load(defaultModelsDir(), 'cpu');
  try {
    const fs = model.meta.formulas;
    assert.equal(fs.length, 210);
    assert.equal(fs[0].gloss, 'common-sense step');
    for (const f of fs.slice(1)) {
      const rhs = f.formula.split('=')[1];
      assert.ok(f.op && rhs.includes(f.op), `${f.id}: ${f.formula} has operator ${f.op}`);
      assert.match(f.gloss, /^[a-z][a-z0-9 '.,-]* = [a-z0-9][a-z0-9 '.,-]* [+−×÷] [a-z0-9][a-z0-9 '.,-]*$/, `${f.id}: ${f.gloss}`);
    }
  } finally {
    await model.close();
  }
});

test('a batch gives each problem the same interpretation as alone', async () => {
  const model = await MwpModel.load(defaultModelsDir(), 'cpu');
  try {
    const batch = await model.interpretMany(problems);
    for (let i = 0; i < problems.length; i++) {
      const alone = await model.interpret(problems[i]);
      assert.equal(batch[i].expression_prefix, alone.expression_prefix, problems[i]);
      assert.deepEqual(batch[i].target, alone.target);
    }
  } finally {
    await model.close();
  }
});

test('empty text is refused with a clear message', async () => {
  const model = await MwpModel.load(defaultModelsDir(), 'cpu');
  try {
    await assert.rejects(model.interpret('  '), /empty/);
    const r = await model.interpret('没有数字的问题？');
    assert.ok(prefixToTree(r.expression_prefix.split(' ')), 'even without numbers the output is a tree of constants');
  } finally {
    await model.close();
  }
});

test('the chosen candidate: whole numbers, every given number used, the neighbours and the shape prior outweigh a model preference', () => {
  const c = (structure: string, value: string | undefined, logprob: number, labelledLogprob = logprob, shape = 0) => ({
    structure: structure.split(' '),
    value: value === undefined ? undefined : new Fraction(value),
    logprob,
    labelledLogprob,
    shape,
  });
  const none: never[] = [];
  const third = c('/ N0 N1', '1/3', -1.0);
  const twelve = c('* N0 N1', '12', -5.0);
  // A quarter of the 4-nat gap (1) is less than the 2 a whole number is worth.
  assert.equal(chooseCandidate([third, twelve], none, 2), twelve);
  // Using both numbers (4) outweighs being whole (2).
  const whole = c('+ N0 1', '4', -0.5);
  assert.equal(chooseCandidate([whole, third], none, 2), third);
  // The neighbours' vote and the nearest neighbour's template decide between two whole answers.
  const seven = c('+ N0 N1', '7', -0.2);
  const neighbours = [{ template: twelve.structure, similarity: 0.95 }, { template: twelve.structure, similarity: 0.9 }, { template: seven.structure, similarity: 0.5 }];
  assert.equal(chooseCandidate([seven, twelve], none, 2), seven);
  assert.equal(chooseCandidate([seven, twelve], neighbours, 2), twelve);
  // The shape prior: a product the question fits beats a ratio the model prefers by one nat.
  const ratio = c('/ N0 N1', '28/3', -0.1, -0.1, -6);
  const product = c('* N0 N1', '1344', -1.1, -1.1, -1);
  assert.equal(chooseCandidate([ratio, product], none, 2, { ...rerankWeights, wholeNumber: 0 }), product);
  assert.equal(chooseCandidate([ratio, product], none, 2, { ...rerankWeights, wholeNumber: 0, shape: 0 }), ratio);
  // Negative and undefined values are never answers.
  assert.equal(chooseCandidate([c('- N0 N1', '-4', -0.1), c('/ N0 0', undefined, -0.01)], none, 2), undefined);
});

test('among trees with the chosen value, the one the model believes with its formulas supplies them', () => {
  const tree = (structure: string, logprob: number, labelledLogprob: number) => ({ structure: structure.split(' '), value: new Fraction(12), logprob, labelledLogprob, shape: 0 });
  const voted = tree('* N0 N1', -1, -3);
  const believed = tree('* N1 N0', -2, -1.5);
  const neighbours = [{ template: voted.structure, similarity: 0.9 }];
  assert.equal(chooseCandidate([voted, believed], neighbours, 2), believed);
});
