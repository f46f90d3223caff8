import { test } from 'node:test';
import assert from 'node:assert/strict';
import Fraction from 'fraction.js';
import { EvalError, evaluate, formatValue, prefixToTree, sameValue, treeToInfix, treeToPrefix } from '../../src/languages/mwp/arith';
import { numberValue } from '../../src/languages/mwp/masking';

const value = (t: string) => numberValue(t);

test('prefix trees round-trip and print with only the brackets they need', () => {
  const t = prefixToTree(['*', 'N0', '+', '1', 'N1'])!;
  assert.equal(treeToInfix(t), 'N0*(1+N1)');
  assert.deepEqual(treeToPrefix(t), ['*', 'N0', '+', '1', 'N1']);
  assert.equal(treeToInfix(prefixToTree(['-', '/', 'a', 'b', 'c'])!), 'a/b-c');
  assert.equal(treeToInfix(prefixToTree(['-', 'a', '-', 'b', 'c'])!), 'a-(b-c)');
  assert.equal(treeToInfix(prefixToTree(['/', 'a', '*', 'b', 'c'])!), 'a/(b*c)');
  assert.equal(treeToInfix(prefixToTree(['^', '^', 'a', 'b', 'c'])!), '(a^b)^c');
});

test('malformed prefix sequences are rejected', () => {
  assert.equal(prefixToTree(['+', '1']), undefined);
  assert.equal(prefixToTree(['1', '2']), undefined);
  assert.equal(prefixToTree([]), undefined);
});

test('evaluation is exact over fractions and percentages', () => {
  assert.equal(evaluate(prefixToTree(['+', '(1/3)', '(1/6)'])!, value).toFraction(), '1/2');
  assert.equal(evaluate(prefixToTree(['*', '150', '+', '1', '(1/5)'])!, value).toFraction(), '180');
  assert.equal(evaluate(prefixToTree(['*', '80', '-', '1', '20%'])!, value).toFraction(), '64');
  assert.equal(evaluate(prefixToTree(['-', '/', '400', '4', '53'])!, value).toFraction(), '47');
  assert.equal(evaluate(prefixToTree(['^', '2', '10'])!, value).toFraction(), '1024');
  // 0.1 + 0.2 is exactly 0.3 here, unlike in floating point.
  assert.ok(evaluate(prefixToTree(['+', '0.1', '0.2'])!, value).equals(new Fraction('0.3')));
});

test('undefined results throw a readable EvalError', () => {
  assert.throws(() => evaluate(prefixToTree(['/', '1', '-', '2', '2'])!, value), (e: unknown) => e instanceof EvalError && /division by zero/.test(e.message));
  assert.throws(() => evaluate(prefixToTree(['^', '2', '(1/2)'])!, value), EvalError);
  assert.throws(() => evaluate(prefixToTree(['+', 'N9', '1'])!, value), /has no value/);
});

test('values print as people write them', () => {
  assert.equal(formatValue(new Fraction(47)), '47');
  assert.equal(formatValue(new Fraction('0.125')), '0.125');
  assert.equal(formatValue(new Fraction(1, 3)), '1/3');
  assert.equal(formatValue(new Fraction(-5, 2)), '-2.5');
});

test('answers agree exactly, or to 4 significant decimals when rounded', () => {
  assert.ok(sameValue(new Fraction(1, 3), new Fraction('0.33333')));
  assert.ok(!sameValue(new Fraction(1, 3), new Fraction('0.33')));
  assert.ok(sameValue(new Fraction(47), new Fraction(47)));
});
