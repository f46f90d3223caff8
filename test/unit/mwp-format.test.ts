// Formatting .mwp files: layout, equation spacing, operator style; text, comments and broken lines kept.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { formatExpression, formatMwp } from '../../src/languages/mwp/format';
import { parseMwp } from '../../src/languages/mwp/parser';

const format = (s: string, style: 'ascii' | 'unicode' | 'words' = 'ascii') => formatMwp(s, parseMwp(s), style);

test('expressions are spaced around binary operators and spelled in the style', () => {
  assert.equal(formatExpression('x=(15-3)*2', 'ascii'), 'x = (15 - 3) * 2');
  assert.equal(formatExpression('x＝5－2', 'ascii'), 'x = 5 - 2');
  assert.equal(formatExpression('x = 400÷4 −53', 'ascii'), 'x = 400 / 4 - 53');
  assert.equal(formatExpression('-3 + -(2*4)', 'ascii'), '-3 + -(2 * 4)');
  assert.equal(formatExpression('2**3', 'ascii'), '2 ^ 3');
  assert.equal(formatExpression('47千米', 'ascii'), '47 千米');
  assert.equal(formatExpression('x = 8*5-3', 'unicode'), 'x = 8 × 5 − 3');
  assert.equal(formatExpression('x = 8-3 // why', 'ascii'), 'x = 8 - 3  // why');
});

test('a file: one blank line between problems, comments stay with their header, no indentation or trailing spaces', () => {
  const src = [
    '// shop problems',
    'problem  a :  小明有15个苹果，吃了3个，还剩多少个？  ',
    '   equation:x=15-3',
    'answer :12',
    '',
    '',
    '// the second',
    'problem b',
    '  Jack had 8 pens.',
    'He gave 5 to Mary. How many are left?',
    '方程：x＝8－5',
    'problem c',
    'equation: x = 15 - * 3',
    '',
  ].join('\n');
  const want = [
    '// shop problems',
    'problem a: 小明有15个苹果，吃了3个，还剩多少个？',
    'equation: x = 15 - 3',
    'answer: 12',
    '',
    '// the second',
    'problem b',
    'Jack had 8 pens.',
    'He gave 5 to Mary. How many are left?',
    '方程：x = 8 - 5',
    '',
    'problem c',
    'equation: x = 15 - * 3',
    '',
  ].join('\n');
  assert.equal(format(src), want);
  assert.equal(format(want), want, 'formatting is idempotent');
  // The formatted file means the same: same problems, texts, equations' values.
  const before = parseMwp(src).problems.map((p) => [p.id?.name, p.text.replace(/\s+/g, ' ').trim(), p.answer?.raw]);
  const after = parseMwp(want).problems.map((p) => [p.id?.name, p.text.replace(/\s+/g, ' ').trim(), p.answer?.raw]);
  assert.deepEqual(after, before);
});

test('CRLF files stay CRLF; an empty file stays empty', () => {
  assert.equal(format('problem a\r\nequation: x=1+2\r\n'), 'problem a\r\nequation: x = 1 + 2\r\n');
  assert.equal(format(''), '');
});
