import { test } from 'node:test';
import assert from 'node:assert/strict';
import { maskNumbers, numberValue } from '../../src/languages/mwp/masking';
import { hasSharedData, interMwpValid } from '../helpers/data';

test('numbers become N0, N1, ... in order, with fractions, percentages and decimals whole', () => {
  const m = maskNumbers('吴山农场去年种小麦150公顷，今年比去年增加了(1/5)，利率是2.5%，还剩20%。');
  assert.deepEqual(m.numbers, ['150', '(1/5)', '2.5%', '20%']);
  assert.deepEqual(m.tokens.slice(0, 10), ['吴', '山', '农', '场', '去', '年', '种', '小', '麦', 'N0']);
  assert.ok(m.tokens.includes('N3'));
});

test('full-width characters are normalised before masking, as in training', () => {
  const m = maskNumbers('小明有１２个苹果（1/2）');
  assert.deepEqual(m.numbers, ['12', '(1/2)']);
});

test('English words are single lower-case tokens and spaces vanish', () => {
  const m = maskNumbers('Mrs. Wong had 30 valentines and gave 8 away.');
  assert.deepEqual(m.tokens, ['mrs', '.', 'wong', 'had', 'N0', 'valentines', 'and', 'gave', 'N1', 'away', '.']);
  assert.deepEqual(m.numbers, ['30', '8']);
});

test('a mixed number keeps its whole part', () => {
  assert.deepEqual(maskNumbers('长2(1/3)米').numbers, ['2(1/3)']);
  assert.equal(numberValue('2(1/3)')!.toFraction(), '7/3');
});

test('literal values are exact', () => {
  assert.equal(numberValue('20%')!.toFraction(), '1/5');
  assert.equal(numberValue('(1/2)')!.toFraction(), '1/2');
  assert.equal(numberValue('3.14')!.toFraction(), '157/50');
  assert.equal(numberValue('12.5%')!.toFraction(), '1/8');
  assert.equal(numberValue('(1/0)'), undefined);
  assert.equal(numberValue('abc'), undefined);
});

test('masking reproduces the InterMWP `nums` of every valid.json problem', { skip: !hasSharedData() && 'shared data absent' }, () => {
  const rows = interMwpValid();
  const wrong = rows.filter((r) => maskNumbers(r.original_text).numbers.join(' ') !== r.nums.split(/\s+/).filter(Boolean).join(' '));
  assert.equal(rows.length, 1000);
  assert.deepEqual(wrong.slice(0, 3), []);
});
