// nesy eval mwp's rows: the two formats told apart by their fields, a malformed row named with its
// field, and the SVAMP marks (answer, the expression up to commutativity, the formulas).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import Fraction from 'fraction.js';
import { commutativeKey, infixToTree, treeToInfix } from '../../src/languages/mwp/arith';
import { numberValue } from '../../src/languages/mwp/masking';
import { checkRow, checkRows, isSvamp, problemText, RowError, rowHas, svampMarks } from '../../src/cli/eval/mwpRows';

test('SVAMP infix equations parse with the usual precedence', () => {
  assert.equal(treeToInfix(infixToTree('( ( 8.0 - 5.0 ) * 2.0 )')!), '(8.0-5.0)*2.0');
  assert.equal(treeToInfix(infixToTree('10 - 4 - 3')!), '10-4-3');
  assert.equal(treeToInfix(infixToTree('2 ^ 3 ^ 2')!), '2^(3^2)');
  assert.equal(treeToInfix(infixToTree('6 / (1 + 2)')!), '6/(1+2)');
  assert.equal(infixToTree('( 8.0 - 5.0'), undefined);
  assert.equal(infixToTree('8 5'), undefined);
  assert.equal(infixToTree('x + 1'), undefined);
});

test('commutativeKey equates operand orders of + and × only, leaves by value', () => {
  const key = (s: string) => commutativeKey(infixToTree(s)!, numberValue);
  assert.equal(key('( 8.0 + 5.0 ) * 2'), key('2 * (5 + 8)'));
  assert.notEqual(key('8 - 5'), key('5 - 8'));
  assert.notEqual(key('8 / 2'), key('2 / 8'));
  assert.equal(key('25% * 8'), key('8 * 0.25'));
  // Associativity is not commutativity.
  assert.notEqual(key('(1 + 2) + 3'), key('1 + (2 + 3)'));
});

test('rows are told apart by their fields', () => {
  const svamp = checkRow({ Body: 'Jack had 8 pens.', Question: 'How many?', Answer: 3 }, 0);
  assert.ok(isSvamp(svamp));
  assert.equal(problemText(svamp), 'Jack had 8 pens. How many?');
  assert.deepEqual(rowHas(svamp), { formula: false, logic: false });
  const inter = checkRow({ original_text: '小明有5个', nums: '5', interpretation: { op: 'N0', logic: -1, left: {}, right: {} } }, 0);
  assert.ok(!isSvamp(inter));
  assert.deepEqual(rowHas(inter), { formula: true, logic: true });
});

test('a malformed row gets an error naming the row and the field', () => {
  const fails = (row: unknown, pattern: RegExp) => assert.throws(() => checkRows([{ Body: 'a', Question: 'b', Answer: 1 }, row]), (e: unknown) => e instanceof RowError && pattern.test(e.message));
  fails({ original_text: 'x', nums: [1, 2], interpretation: { op: 'N0', logic: -1, left: {}, right: {} } }, /^row 2: the field "nums" must be a string of numbers separated by spaces, found a list$/);
  fails({ original_text: 'x', nums: '1 2' }, /^row 2: the field "interpretation" is missing/);
  fails({ Body: 'a', Question: 'b' }, /^row 2: the field "Answer" is missing/);
  fails({ Body: 'a', Question: 'b', Answer: 'three' }, /^row 2: the field "Answer" must be a number, found a string "three"$/);
  fails({ Body: 'a', Question: 'b', Answer: 3, Equation: '( 8 - ' }, /^row 2: the field "Equation" must be an infix expression/);
  fails({ Body: 'a', Question: 'b', Answer: 3, Equation: '8 - 5', Formulas: [1, 2] }, /^row 2: the field "Formulas" has 2 ids for the 1 operators of "Equation"$/);
  fails({ text: 'x' }, /^row 2: neither InterMWP fields/);
  fails(7, /^row 2: expected an object, found a number$/);
  assert.throws(() => checkRows({ Body: 'a' }), /expected a JSON list of problems, found an object/);
});

test('SVAMP marks: answer by value, formula up to commutativity, logic with the formulas innermost first', () => {
  const row = checkRow({ Body: 'b', Question: 'q', Equation: '( ( 7.0 + 5.0 ) - 4.0 )', Answer: 8.0, Formulas: [1001, 1002] }, 0);
  if (!isSvamp(row)) throw new Error('expected SVAMP');
  const eight = new Fraction(8);
  // Prefix order: the root '-' (position 0) then the inner '+' (position 1).
  assert.deepEqual(svampMarks(row, { answer: eight, prefix: ['-', '+', '5', '7', '4'], labels: [1002, 1001, -1, -1, -1] }), { answer: 1, formula: 1, logic: 1 });
  assert.deepEqual(svampMarks(row, { answer: eight, prefix: ['-', '+', '5', '7', '4'], labels: [1001, 1002, -1, -1, -1] }), { answer: 1, formula: 1, logic: 0 });
  assert.deepEqual(svampMarks(row, { answer: eight, prefix: ['+', '7', '-', '5', '4'], labels: [0, 0, -1, -1, -1] }), { answer: 1, formula: 0, logic: 0 });
  assert.deepEqual(svampMarks(row, { answer: new Fraction(16), prefix: ['+', '+', '7', '5', '4'], labels: [0, 0, -1, -1, -1] }), { answer: 0, formula: 0, logic: 0 });
  // A formula that reads its operands in order matches its mirror with the operands swapped.
  const perimeter = checkRow({ Body: 'b', Question: 'q', Equation: '2 * ( 8 + 5 )', Answer: 26, Formulas: [67, 70] }, 0);
  if (!isSvamp(perimeter)) throw new Error('expected SVAMP');
  assert.equal(svampMarks(perimeter, { answer: new Fraction(26), prefix: ['*', '+', '8', '5', '2'], labels: [69, 67, -1, -1, -1] }).logic, 1);
  assert.equal(svampMarks(perimeter, { answer: new Fraction(26), prefix: ['*', '+', '8', '5', '2'], labels: [70, 67, -1, -1, -1] }).logic, 0);
  assert.equal(svampMarks(perimeter, { answer: new Fraction(26), prefix: ['*', '2', '+', '5', '8'], labels: [70, -1, 68, -1, -1] }).logic, 1);
  const noEquation = checkRow({ Body: 'b', Question: 'q', Answer: '0.3333333333333333' }, 0);
  if (!isSvamp(noEquation)) throw new Error('expected SVAMP');
  assert.equal(svampMarks(noEquation, { answer: new Fraction(1, 3), prefix: ['/', '1', '3'], labels: [0, -1, -1] }).answer, 1);
});
