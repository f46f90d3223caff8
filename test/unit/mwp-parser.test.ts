import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { parseMwp } from '../../src/languages/mwp/parser';
import { checkFile, evaluateExpr, EQUATION_ANSWER_MISMATCH, EQUATION_UNDEFINED, SYNTAX, DUPLICATE_LINE } from '../../src/languages/mwp/checks';

const value = (src: string) => {
  const p = parseMwp(`equation: ${src}\n`).problems[0];
  const v = p.equation?.value && evaluateExpr(p.equation.value.expr);
  return v && 'value' in v ? v.value.toFraction() : v && v.error;
};

test('problems: ids, text over several lines, inline text after the colon, equation and answer', () => {
  const f = parseMwp('// comment\nproblem bus: 甲乙两地相距400千米，\n  4小时相遇。\nequation: x = 400 / 4 - 53\nanswer: 47 千米\n\n题目 二\n小明有5个苹果。\n方程：x＝5－2\n答案：3\n');
  assert.equal(f.problems.length, 2);
  const [a, b] = f.problems;
  assert.equal(a.id!.name, 'bus');
  assert.equal(a.text, '甲乙两地相距400千米， 4小时相遇。');
  assert.equal(a.equation!.raw, 'x = 400 / 4 - 53');
  assert.equal(a.equation!.value!.variable!.name, 'x');
  assert.equal(a.answer!.value!.unit!.name, '千米');
  assert.equal(b.id!.name, '二');
  assert.equal(b.equation!.raw, 'x＝5－2');
  assert.deepEqual(f.errors, []);
});

test('text before any header is a problem of its own', () => {
  const f = parseMwp('小明有5个苹果，吃了2个。\nanswer: 3\n');
  assert.equal(f.problems.length, 1);
  assert.equal(f.problems[0].header, undefined);
  assert.equal(f.problems[0].answer!.raw, '3');
});

test('keywords only count at the start of a line', () => {
  const f = parseMwp('problem\nThe answer: is not a keyword here, nor is problem.\n');
  assert.equal(f.problems[0].lines.length, 1);
  assert.equal(f.problems[0].answer, undefined);
});

test('an ideographic space is indentation before comments and keywords, as before text (the formatter strips it alike)', () => {
  const f = parseMwp('\u3000// a comment\nproblem apples\nA shop sold 12 apples.\n\u3000answer: 12\n');
  assert.equal(f.problems.length, 1, 'the comment is not a problem of its own');
  assert.equal(f.problems[0].id!.name, 'apples');
  assert.equal(f.problems[0].answer!.raw, '12');
});

test('expressions: precedence, brackets, unary minus, powers, percentages, × and ÷', () => {
  assert.equal(value('x = 2 + 3 * 4'), '14');
  assert.equal(value('(2 + 3) × 4 ÷ 10'), '2');
  assert.equal(value('-3 + 5'), '2');
  assert.equal(value('2 ^ 3 ^ 2'), '512');
  assert.equal(value('80 * (1 - 20%)'), '64');
  assert.equal(value('x = 1/3 + 1/6'), '1/2');
  assert.equal(value('[1 + 2] * 3'), '9');
  assert.match(value('4 / (2 - 2)') as string, /division by zero/);
  assert.match(value('x = y + 1') as string, /'y' has no value/);
});

test('checks without a model: syntax, undefined values, answer against equation, repeated lines', () => {
  const text = 'problem\n小明有5个苹果。\nequation: x = 5 - * 2\nproblem\n小红有3个。\nequation: x = 3 / 0\nanswer: 1\nproblem\n他有6个。\nequation: x = 6 - 2\nanswer: 5\nanswer: 4\n';
  const doc = TextDocument.create('file:///a.mwp', 'mwp', 1, text);
  const ds = checkFile(doc, parseMwp(text), []);
  assert.deepEqual(ds.map((d) => d.code), [SYNTAX, EQUATION_UNDEFINED, DUPLICATE_LINE, EQUATION_ANSWER_MISMATCH]);
  assert.equal(doc.getText(ds[0].range), '*');
  assert.equal(doc.getText(ds[1].range), '/');
  assert.match(ds[3].message, /The answer 5 differs from the equation's value, 4\./);
});

test('an empty equation and stray characters are reported, never thrown', () => {
  const text = 'problem\n题\nequation:\nanswer: 3 $ 4\n';
  const doc = TextDocument.create('file:///b.mwp', 'mwp', 1, text);
  const ds = checkFile(doc, parseMwp(text), []);
  assert.deepEqual(ds.map((d) => d.code), [SYNTAX, SYNTAX]);
  assert.ok(ds.some((d) => /empty/.test(d.message)));
  assert.ok(ds.some((d) => /Unexpected '\$'/.test(d.message)));
});
