import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TlConstraint } from '../../src/neural/tlConstraint';
import { parseFormula } from '../../src/languages/tl/api';

const vocab = ['<pad>', '<bos>', '<eos>', '(', ')', '[', ',', ']', '0', 'inf', 'negation', 'finally', 'globally', 'and', 'or', 'imply', 'equal', 'until', 'prop_1', 'prop_2', 'prop_3', 'num_1', 'num_2', 'num_3', 'num_4'];
const id = (t: string): number => vocab.indexOf(t);
const operand = ['negation', 'finally', 'globally'];
const binary = ['and', 'or', 'imply', 'equal', 'until'];

function walk(tokens: string[], nProps: number, nNums: number, maxLength = 48): string[][] {
  let c = TlConstraint.start(vocab, nProps, nNums, maxLength);
  const masks: string[][] = [];
  for (const t of tokens) {
    masks.push([...c.allowedNames()].sort());
    c = c.advance(id(t));
  }
  masks.push([...c.allowedNames()].sort());
  return masks;
}

const sorted = (xs: string[]): string[] => [...xs].sort();

test('every step of `globally [ num_1 , inf ] ( prop_1 imply finally prop_2 )` has the exact mask', () => {
  const tokens = ['globally', '[', 'num_1', ',', 'inf', ']', '(', 'prop_1', 'imply', 'finally', 'prop_2', ')', '<eos>'];
  const masks = walk(tokens, 2, 1);
  const start = sorted([...operand, 'prop_1', 'prop_2', '(']);
  assert.deepEqual(masks[0], start);
  assert.deepEqual(masks[1], sorted([...operand, 'prop_1', 'prop_2', '(', '[']), 'after globally an interval may open');
  assert.deepEqual(masks[2], sorted(['num_1', '0']), 'lower bound: the sentence number or 0');
  assert.deepEqual(masks[3], [',']);
  assert.deepEqual(masks[4], ['inf'], 'upper bound: the number written after the lower one (none here) or inf');
  assert.deepEqual(masks[5], [']']);
  assert.deepEqual(masks[6], start, 'after the interval an operand, but no second interval');
  assert.deepEqual(masks[7], start);
  assert.deepEqual(masks[8], sorted([...binary, ')']), 'inside parentheses with a prop left: a binary or a close');
  assert.deepEqual(masks[9], start, 'a prop may recur (scoped patterns name R three times)');
  assert.deepEqual(masks[10], sorted([...operand, 'prop_1', 'prop_2', '(', '[']));
  assert.deepEqual(masks[11], sorted([...binary, ')']), 'all props used: close, or go on with a binary');
  assert.deepEqual(masks[12], sorted([...binary, '<eos>']), 'balanced and all props used: the end is allowed');
  assert.deepEqual(masks[13], [], 'nothing after the end');
});

test('the end is allowed only when parentheses balance and every prop is used', () => {
  const masks = walk(['prop_1'], 2, 0);
  assert.ok(!masks[1]!.includes('<eos>'), 'prop_2 still unused');
  assert.ok(walk(['prop_2', 'and', 'prop_1'], 2, 0)[3]!.includes('<eos>'));
  const nested = walk(['(', 'prop_1'], 1, 0);
  assert.ok(!nested[2]!.includes('<eos>'), 'a parenthesis is still open');
  assert.ok(nested[2]!.includes(')'));
});

test('no interval without numbers except 0 and inf, and none after and/or', () => {
  const m = walk(['finally', '['], 1, 0);
  assert.deepEqual(m[2], ['0']);
  const afterAnd = walk(['prop_1', 'and'], 2, 0);
  assert.ok(!afterAnd[2]!.includes('['));
  const afterUntil = walk(['prop_1', 'until'], 2, 0);
  assert.ok(afterUntil[2]!.includes('['));
});

test('interval bounds: each number once, the upper bound the number after the lower one', () => {
  const tokens = ['globally', '[', 'num_1', ',', 'num_2', ']', 'prop_1', 'until', '[', 'num_3', ',', 'num_4', ']', 'prop_2', 'and', 'finally', '[', '0', ','];
  const m = walk(tokens, 3, 4);
  assert.deepEqual(m[2], sorted(['num_1', 'num_2', 'num_3', 'num_4', '0']));
  assert.deepEqual(m[4], sorted(['num_2', 'inf']), 'after num_1 comes num_2');
  assert.deepEqual(m[9], sorted(['num_3', 'num_4', '0']), 'num_1 and num_2 are used');
  assert.deepEqual(m[11], sorted(['num_4', 'inf']));
  assert.deepEqual(m[17], ['0'], 'every number used: only 0 opens an interval');
  assert.deepEqual(m[19], ['inf'], 'after 0 any unused number, and none is left');
});

test('a disallowed token is refused with a message', () => {
  const c = TlConstraint.start(vocab, 1, 0, 48);
  assert.throws(() => c.advance(id(')')), /cannot continue/);
  assert.throws(() => c.advance(id('prop_3')), /cannot continue/);
});

test('the length budget steers to an end: a tight budget allows only what can still finish', () => {
  // prop_1 and prop_2 plus the end need 4 tokens; with exactly 4 nothing else fits.
  const masks = walk(['prop_1', 'and', 'prop_2'], 2, 0, 4);
  assert.deepEqual(masks[0], ['prop_1', 'prop_2']);
  assert.deepEqual(masks[1], sorted(binary));
  assert.deepEqual(masks[2], ['prop_2']);
  assert.deepEqual(masks[3], ['<eos>']);
});

test('random walks through the constraint always end in a formula that parses and uses every prop', () => {
  let seed = 7;
  const rand = (n: number): number => {
    seed = (seed * 1103515245 + 12345) % 2 ** 31;
    return seed % n;
  };
  for (let trial = 0; trial < 500; trial++) {
    const nProps = 1 + rand(3);
    const nNums = rand(3);
    let c = TlConstraint.start(vocab, nProps, nNums, 30);
    const out: string[] = [];
    for (;;) {
      const allowed = c.allowedNames();
      assert.ok(allowed.length > 0, `dead end after ${out.join(' ')}`);
      const t = allowed[rand(allowed.length)]!;
      if (t === '<eos>') break;
      out.push(t);
      c = c.advance(id(t));
    }
    assert.ok(out.length < 30);
    const text = out.join(' ').replace(/num_\d/g, '5').replace(/\[ (\S+) , (\S+) \]/g, '[$1,$2]');
    const parsed = parseFormula(text);
    assert.ok(parsed.ok, `does not parse: ${text}`);
    for (let p = 1; p <= nProps; p++) assert.ok(out.includes(`prop_${p}`), text);
  }
});

test('operators beyond NL2TL come out only when the model has them, and recur with props', () => {
  const wide = [...vocab, 'next', 'prev', 'once', 'historically', 'weak_until', 'release', 'strong_release', 'since'];
  const c = TlConstraint.start(wide, 2, 0, 48);
  assert.deepEqual(sorted(c.allowedNames()), sorted([...operand, 'next', 'prev', 'once', 'historically', 'prop_1', 'prop_2', '(']));
  const after = c.advance(wide.indexOf('once'));
  assert.ok(after.allowedNames().includes('['), 'once takes an interval');
  const p1 = c.advance(wide.indexOf('prop_1'));
  assert.deepEqual(sorted(p1.allowedNames()), sorted([...binary, 'weak_until', 'release', 'strong_release', 'since']));
  assert.ok(!TlConstraint.start(vocab, 1, 0, 48).allowedNames().includes('next'), 'a model without next never writes it');
});
