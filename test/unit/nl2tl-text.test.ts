import { test } from 'node:test';
import assert from 'node:assert/strict';
import { fromModelOutput, toModelInput, tokenize } from '../../src/neural/nl2tlText';

test('tokenize lowercases, splits punctuation and glued parentheses, and keeps offsets', () => {
  const text = 'Either (prop_6) holds, or X reaches 3.5 units.';
  const tokens = tokenize(text);
  assert.deepEqual(tokens.map((t) => t.text), ['either', '(', 'prop_6', ')', 'holds', ',', 'or', 'x', 'reaches', '3.5', 'units', '.']);
  for (const t of tokens) assert.equal(text.slice(t.start, t.end).toLowerCase(), t.text);
});

test('props are renumbered by first appearance and numbers lifted to placeholders', () => {
  const input = toModelInput('if ( prop_3 ) then within 10 to 20 seconds ( prop_1 ), and ( prop_3 ) for 10');
  assert.deepEqual(input.tokens, ['if', '(', 'prop_1', ')', 'then', 'within', 'num_1', 'to', 'num_2', 'seconds', '(', 'prop_2', ')', ',', 'and', '(', 'prop_1', ')', 'for', 'num_1']);
  assert.deepEqual([...input.props], [['prop_1', 'prop_3'], ['prop_2', 'prop_1']]);
  assert.deepEqual([...input.numbers], [['num_1', '10'], ['num_2', '20']]);
});

test('model output maps back to the sentence ids and numbers, with NL2TL interval spelling', () => {
  const input = toModelInput('( prop_2 ) holds for 007 steps until ( prop_1 )');
  const out = fromModelOutput(['(', 'globally', '[', '0', ',', 'num_1', ']', 'prop_1', 'until', '[', 'num_1', ',', 'inf', ']', 'prop_2', ')'], input);
  assert.equal(out, '( globally [0,7] prop_2 until [7,infinite] prop_1 )');
});
