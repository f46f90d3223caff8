// Equivalence in the editor, through the real server (dist/server.js; `npm run build` first): the
// Simplify quick fix on a spec, offered only when proven, and the hover that names the specs a spec is
// equivalent to, implies or is implied by.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Hover, MarkupContent } from 'vscode-languageserver/node';
import { applyEdits, startLsp } from '../helpers/lspClient';

const text = ['prop a', 'prop b', 'spec s := G (a -> /* reply */ !!F F b)', 'spec t := !F (a & !F b)', 'spec u := G a & G (a -> F b)', ''].join('\n');
const at = (line: number, character: number) => ({ start: { line, character }, end: { line, character } });

test('Simplify is a quick fix on a spec whose simpler form is proven equivalent, and keeps the comment', async (t) => {
  const lsp = await startLsp(t);
  const uri = lsp.uri('eq.tl');
  lsp.open(uri, text);
  await lsp.diagnostics(uri);
  const actions = ((await lsp.codeActions(uri, at(2, 12), [])) ?? []) as CodeAction[];
  const simplify = actions.filter((a) => a.title.startsWith('Simplify'));
  assert.deepEqual(simplify.map((a) => [a.title, a.kind]), [['Simplify to `G (a -> /* reply */ F b)` (proven equivalent)', 'quickfix']]);
  const after = applyEdits(text, simplify[0]!.edit!.changes![uri]!);
  assert.equal(after.split('\n')[2], 'spec s := G (a -> /* reply */ F b)');
  // Nothing to simplify on the other specs.
  for (const line of [3, 4]) assert.deepEqual((((await lsp.codeActions(uri, at(line, 12), [])) ?? []) as CodeAction[]).filter((a) => a.title.startsWith('Simplify')), []);
});

test('hovering a spec names the specs it is equivalent to, implies and is implied by', async (t) => {
  const lsp = await startLsp(t);
  const uri = lsp.uri('eq.tl');
  lsp.open(uri, text);
  await lsp.diagnostics(uri);
  const hover = async (line: number, character: number) => (((await lsp.hover(uri, { line, character })) as Hover).contents as MarkupContent).value;
  const onName = await hover(2, 5);
  assert.match(onName, /\*\*Equivalent to\*\* `t`/);
  assert.match(onName, /\*\*Implied by\*\* `u`/);
  assert.match(await hover(4, 5), /\*\*Implies\*\* `s`, `t`/);
});
