import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../src/languages/tl/api';
import { reparse } from '../../src/languages/tl/incremental';

const lines = ['prop a "first"', 'prop b', 'spec one := G (a -> F[0,5] b)', '// nl: the second one', 'spec two := a U b', 'spec three := (a & b', 'b | a'];
const text = lines.join('\n') + '\n';

function edit(at: string, insert: string, remove = 0): string {
  const i = text.indexOf(at);
  return text.slice(0, i) + insert + text.slice(i + remove);
}

test('an edit reparses the statements around it and keeps the others', () => {
  const before = parseDocument(text);
  const edited = edit('a U b', 'G ', 0);
  const after = reparse(before, edited);
  assert.deepEqual(after, parseDocument(edited));
  // Those before the edit are the same objects; those after it are moved copies.
  assert.equal(after.statements[0], before.statements[0]);
  assert.equal(after.statements[1], before.statements[1]);
  assert.notEqual(after.statements[5], before.statements[5]);
  assert.equal(after.statements[5]!.start, before.statements[5]!.start + 2);
});

test('an edit that keeps the length shares the statements after it too', () => {
  const before = parseDocument(text);
  const after = reparse(before, edit('a U b', 'b U a', 5));
  assert.deepEqual(after, parseDocument(edit('a U b', 'b U a', 5)));
  assert.equal(after.statements.at(-1), before.statements.at(-1));
});

test('a kept statement whose message names a line is told its new line', () => {
  const before = parseDocument(text);
  const edited = edit('prop b', 'prop extra\n');
  const after = reparse(before, edited);
  const unclosed = after.problems.find((p) => p.message.includes('opened at'));
  assert.match(unclosed?.message ?? '', /line 7/);
  assert.deepEqual(after, parseDocument(edited));
});

test('edits that change where statements split: an operator at a line end joins the next line, an open block comment swallows the rest', () => {
  for (const edited of [edit('\nb | a', ' |'), edit('spec two', '/* '), edit('\nspec one', ' &')]) {
    assert.deepEqual(reparse(parseDocument(text), edited), parseDocument(edited), edited);
  }
});
