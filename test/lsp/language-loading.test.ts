// The built server (dist/server.js, `npm run build` first) loads a language on its first document, so
// its start-up pays for no parser; each load is one line in the output channel.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { startLsp } from '../helpers/lspClient';

test('each language loads on its first document, and none before', async (t) => {
  const lsp = await startLsp(t);
  const loaded = () => lsp.logs.flatMap((m) => /^Loaded the (\w+) language in \d+ ms\.$/.exec(m)?.[1] ?? []);
  assert.deepEqual(loaded(), [], 'loaded by initialize');

  const tl = lsp.uri('a.tl');
  lsp.open(tl, 'prop p "a proposition"\nspec s := G p\n');
  await lsp.diagnostics(tl);
  assert.deepEqual(loaded(), ['tl']);

  const fol = lsp.uri('b.fol');
  lsp.open(fol, 'predicate near(x, y)\nrule r1: forall x. exists y. near(x, y)\n');
  await lsp.diagnostics(fol);
  const second = lsp.uri('c.tl');
  lsp.open(second, 'prop q "another"\n');
  await lsp.diagnostics(second);
  assert.deepEqual(loaded(), ['tl', 'fol'], 'each language loads once');
});
