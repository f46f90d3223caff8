// The nesy/* neural requests through the real server, with the committed models on the CPU.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CancellationTokenSource, LSPErrorCodes } from 'vscode-languageserver/node';
import type { TranslateResult } from '../../src/core/neuralApi';
import { Requests } from '../../src/core/protocol';
import { repoRoot } from '../helpers/data';
import { startLsp } from '../helpers/lspClient';

interface Status {
  available: boolean;
  reason?: string;
  ep: string | null;
  note?: string;
}

const cpu = { inference: { executionProvider: 'cpu' } };

test('translate loads the model on first use, and status then names the provider', async (t) => {
  const lsp = await startLsp(t, { settings: cpu, timeoutMs: 120_000 });
  assert.deepEqual(await lsp.request<Status>(Requests.status, {}), { available: true, ep: null, note: 'Models load on first use.' });
  const r = await lsp.request<TranslateResult>(Requests.translate, { sentence: 'always ( prop_1 )' });
  // What the model answers is the neural tests' business; here the answer must come back whole.
  assert.match(r.best.lifted, /prop_1/);
  assert.equal(typeof r.best.formula, 'string');
  assert.equal(r.ep, 'cpu');
  assert.equal((await lsp.request<Status>(Requests.status, {})).ep, 'cpu');
  await assert.rejects(lsp.request(Requests.translate, { sentence: '   ' }), (e: { code: number; message: string }) =>
    e.code === LSPErrorCodes.RequestFailed && /The sentence is empty/.test(e.message),
  );
  const source = new CancellationTokenSource();
  const pending = lsp.request(Requests.translate, { sentence: 'at some time ( prop_1 ) and never ( prop_2 )', beams: 4 }, source.token);
  source.cancel();
  await assert.rejects(pending, (e: { code: number }) => e.code === LSPErrorCodes.RequestCancelled);
  assert.match((await lsp.request<TranslateResult>(Requests.translate, { sentence: 'always ( prop_1 )' })).best.lifted, /prop_1/);
});

test('translations come spelled in the operator style the user chose', async (t) => {
  const lsp = await startLsp(t, { settings: { ...cpu, operatorStyle: 'unicode' }, timeoutMs: 120_000 });
  const sentence = 'always ( prop_1 ) and eventually ( prop_2 )';
  const unicode = (await lsp.request<TranslateResult>(Requests.translate, { sentence })).best.formula;
  assert.match(unicode, /□/);
  assert.match(unicode, /◇/);
  assert.match(unicode, /∧/);
  await lsp.setSettings({ ...cpu, operatorStyle: 'words' });
  const words = (await lsp.request<TranslateResult>(Requests.translate, { sentence })).best.formula;
  assert.match(words, /always/);
  assert.match(words, /eventually/);
  assert.doesNotMatch(words, /[□◇∧]/);
});

test('nesy.models.path is honoured when trusted: a folder without models fails with a clear message', async (t) => {
  const empty = fs.mkdtempSync(path.join(repoRoot, '.test-tmp', 'lsp-no-models-'));
  t.after(() => fs.rmSync(empty, { recursive: true, force: true }));
  const lsp = await startLsp(t, { settings: { ...cpu, models: { path: empty } }, timeoutMs: 120_000 });
  await assert.rejects(lsp.request(Requests.translate, { sentence: 'always ( prop_1 )' }), (e: { code: number; message: string }) =>
    e.code === LSPErrorCodes.RequestFailed && e.message.includes(empty),
  );
  await lsp.setSettings({ ...cpu, models: { path: 'relative/models' } });
  assert.match((await lsp.request<TranslateResult>(Requests.translate, { sentence: 'always ( prop_1 )' })).best.lifted, /prop_1/);
  assert.ok(lsp.logs.some((m) => /nesy.models.path must be an absolute path/.test(m)), lsp.logs.join('\n'));
});

test('a `// nl:` comment offers to insert its translation, with the declarations it needs and how sure it is', async (t) => {
  const lsp = await startLsp(t, { settings: cpu, timeoutMs: 120_000 });
  const uri = lsp.uri('req.tl');
  const text = 'prop req "a request arrives"\n// nl: whenever a request arrives, the request is granted within 5 steps\n';
  lsp.open(uri, text);
  await lsp.diagnostics(uri);
  const actions = ((await lsp.codeActions(uri, { start: { line: 1, character: 3 }, end: { line: 1, character: 3 } }, [])) ?? []) as import('vscode-languageserver/node').CodeAction[];
  const insert = actions.find((a) => a.title.startsWith('Insert'));
  assert.ok(insert, JSON.stringify(actions.map((a) => a.title)));
  assert.match(insert.title, /^Insert `G \(req -> F\[0,5\] request_granted\)`, the translation \((uncertain \(\d+% confident\): check its reading|\d+% confident)\)$/);
  const [edit] = insert.edit!.changes![uri]!;
  // After the comment: the new proposition's declaration, then the formula; the declared one is not repeated.
  assert.deepEqual(edit!.range.start, { line: 1, character: text.split('\n')[1]!.length });
  assert.equal(edit!.newText, '\nprop request_granted "request is granted"\nG (req -> F[0,5] request_granted)');
  // The Translate command (quick pick) is still offered beside it.
  assert.ok(actions.some((a) => a.command?.command === 'nesy.translate'));
});
