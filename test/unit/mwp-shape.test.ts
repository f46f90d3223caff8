// The shape prior: the runtime's features and scores are the trainer's, value classes follow the
// trainer's rule, and a corrupt file is refused.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Fraction from 'fraction.js';
import { MwpShapePrior, valueClass } from '../../src/neural/mwpShape';
import { maskNumbers, numberValue } from '../../src/languages/mwp/masking';
import { hasSharedData, repoRoot, interMwpValid, withTempFile } from '../helpers/data';

type Weights = Record<string, [number, number][]>;

/** A prior whose heads have the given weights and otherwise know two classes each. */
function tinyPrior(weights: { value?: Weights; root?: Weights; operators?: Weights; used?: Weights } = {}): MwpShapePrior {
  const head = (classes: string[], w: Weights = {}) => ({ classes, bias: classes.map(() => 0), weights: w });
  return withTempFile(
    'shape.json',
    JSON.stringify({
      format: 1,
      question: 3,
      window: 2,
      unseen: -9,
      heads: {
        value: head(['101', '01-3'], weights.value),
        root: head(['*', '/'], weights.root),
        operators: head(['1', '2'], weights.operators),
        used: head(['no', 'yes'], weights.used),
      },
    }),
    (file) => MwpShapePrior.load(file),
  );
}

const { tokens, numbers } = maskNumbers('每小时行112千米，连续行12小时，可以行多少千米？');
const product = ['*', 'N0', 'N1'];
const ratio = ['/', 'N0', 'N1'];

test('value classes: whole or not, between 0 and 1 or not, and the decade against the largest number', () => {
  const given = ['112', '12'].map((n) => numberValue(n)!);
  assert.equal(valueClass(new Fraction(1344), given), '101');
  assert.equal(valueClass(new Fraction(28, 3), given), '00-1');
  assert.equal(valueClass(new Fraction(3, 28), given), '01-3');
  assert.equal(valueClass(new Fraction(0), given), '10z');
  // Clipped at three decades; half a decade rounds up (10^0.5 ≈ 3.16).
  assert.equal(valueClass(new Fraction(10 ** 9), given), '103');
  assert.equal(valueClass(new Fraction(400), given), '101');
  assert.equal(valueClass(new Fraction(300), given), '100');
});

test('features: the question words, the words around each number, spelt as the trainer spells them', () => {
  const uniform = tinyPrior().forProblem(tokens, numbers);
  // Two classes per head, no weights: each head gives log(1/2), and `used` once per number.
  assert.ok(Math.abs(uniform(product, new Fraction(1344)) - 5 * Math.log(0.5)) < 1e-9);
  // A class no training problem had gets the file's `unseen` log-probability.
  assert.ok(Math.abs(uniform(['+', 'N0', 'N1'], new Fraction(28, 3)) - (-9 + -9 + 3 * Math.log(0.5))) < 1e-9);
  // The question's last words (window 3) and their pairs, every token, the count of numbers.
  const value = new Fraction(1344);
  for (const feature of ['u:千', 'b:千米', 't:每', 'n:2']) {
    const prior = tinyPrior({ root: { [feature]: [[0, 5]] } }).forProblem(tokens, numbers);
    assert.ok(prior(product, value) > prior(ratio, value) + 4, feature);
  }
  // Out of the question window: the first words.
  const early = tinyPrior({ root: { 'u:每': [[0, 5]], 'b:多少': [[0, 5]] } }).forProblem(tokens, numbers);
  assert.equal(early(product, value), early(ratio, value));
  // Around N1 = 12: the word before and the pair after, its kind, position, length and size.
  for (const feature of ['b:续', 'b:行', 'a2:小时', 'b2:续行', 'int', 'pos:1', 'last:1', 'len:2', 'mid']) {
    const prior = tinyPrior({ used: { [feature]: [[0, 5]] } }).forProblem(tokens, numbers);
    assert.ok(prior(['*', 'N0', '2'], value) > prior(product, value) + 4, feature);
  }
  // Whether every number is stated in one unit, and in the unit the question asks for.
  const balls = maskNumbers('甲有10个球，乙有7个球，两人一共有多少个球？');
  for (const [problem, feature, fires] of [
    [balls, 'us:all', true],
    [balls, 'uq:all', true],
    [maskNumbers('甲有10个球，乙有7盒球，两人一共有多少个球？'), 'us:all', false],
    [maskNumbers('甲有10个球，乙有7个球，两人一共有多少盒球？'), 'uq:all', false],
    [{ tokens, numbers }, 'uq:all', false],
  ] as const) {
    const prior = tinyPrior({ root: { [feature]: [[0, 5]] } }).forProblem(problem.tokens, problem.numbers);
    const v = new Fraction(17);
    assert.equal(prior(product, v) > prior(ratio, v) + 4, fires, `${feature} on ${problem.tokens.join('')}`);
  }
});

test('a corrupt shape prior file is refused with the file named', () => {
  withTempFile('shape.json', JSON.stringify({ format: 1, question: 3, window: 2, unseen: -9, heads: { value: { classes: ['a'], bias: [] } } }), (file) => {
    assert.throws(() => MwpShapePrior.load(file), /not a shape prior.*shape\.json/);
  });
});

test('the committed prior scores labelled problems as training/mwp/shape.py did', { skip: !hasSharedData() && 'needs ../shared/data' }, () => {
  const prior = MwpShapePrior.load(path.join(repoRoot, 'models', 'mwp', 'shape.json'));
  const checks = JSON.parse(fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'mwp', 'shape-checks.json'), 'utf8')) as {
    id: string;
    structure: string[];
    value: string;
    logprob: number;
  }[];
  const valid = new Map(interMwpValid().map((r) => [r.id, r]));
  assert.ok(checks.length >= 5);
  for (const check of checks) {
    const masked = maskNumbers(valid.get(check.id)!.original_text);
    const got = prior.forProblem(masked.tokens, masked.numbers)(check.structure, new Fraction(check.value));
    assert.ok(Math.abs(got - check.logprob) < 1e-3, `${check.id}: ${got} against ${check.logprob}`);
  }
});

test('on the committed prior, "how many kilometres in 12 hours at 112 an hour" prefers the product to the ratio', () => {
  const prior = MwpShapePrior.load(path.join(repoRoot, 'models', 'mwp', 'shape.json')).forProblem(tokens, numbers);
  assert.ok(prior(product, new Fraction(1344)) > prior(ratio, new Fraction(28, 3)) + 1);
});

test('problems without numbers, and values far beyond a double, score without throwing', () => {
  const prior = MwpShapePrior.load(path.join(repoRoot, 'models', 'mwp', 'shape.json'));
  const none = maskNumbers('一共有多少个苹果？');
  assert.ok(Number.isFinite(prior.forProblem(none.tokens, none.numbers)(['*', '2', '3.14'], new Fraction(628, 100))));
  const huge = maskNumbers(`有${'9'.repeat(400)}个苹果，又买了3个，一共多少个？`);
  const value = new Fraction(BigInt('9'.repeat(400))).pow(3);
  assert.equal(valueClass(value, [new Fraction(BigInt('9'.repeat(400)))]), '103');
  assert.equal(valueClass(new Fraction(1n, BigInt('7'.repeat(400))), [new Fraction(3)]), '01-3');
  assert.ok(Number.isFinite(prior.forProblem(huge.tokens, huge.numbers)(['*', 'N0', 'N1'], value)));
});
