// The real server code (createServer) driven over stdio with fixture languages that throw, answer
// slowly or read files (test/lsp/fixtures/faultyServer.ts): guards, clamping, cancellation,
// debouncing, stale results, settings and workspace confinement.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CancellationTokenSource, ErrorCodes, LSPErrorCodes, ParameterStructures } from 'vscode-languageserver/node';
import { Requests } from '../../src/core/protocol';
import { internalErrorCode } from '../../src/server/analyses';
import { repoRoot } from '../helpers/data';
import { startLsp, type LspOptions } from '../helpers/lspClient';

const fixture = (options: LspOptions = {}): LspOptions => ({
  args: ['--import', 'tsx', path.join(repoRoot, 'test', 'lsp', 'fixtures', 'faultyServer.ts'), '--stdio'],
  ...options,
});

const delay = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

test('a throwing feature answers null, is logged, and the server keeps serving', async (t) => {
  const lsp = await startLsp(t, fixture());
  const uri = lsp.uri('a.faulty');
  lsp.open(uri, 'bad line\nfine\n  odd bad');
  assert.equal(await lsp.hover(uri, { line: 0, character: 1 }), null);
  assert.equal(await lsp.completion(uri, { line: 0, character: 1 }), null);
  assert.ok(lsp.logs.some((m) => /textDocument\/hover failed: Error: hover exploded/.test(m)), lsp.logs.join('\n'));
  assert.ok(lsp.logs.some((m) => /textDocument\/completion failed: TypeError: completion exploded/.test(m)));
  const diagnostics = await lsp.diagnostics(uri);
  assert.deepEqual(
    diagnostics.map((d) => [d.code, d.range.start.line, d.range.start.character, d.range.end.character, d.message]),
    [
      ['fixture/bad', 0, 0, 3, 'bad on line 1'],
      ['fixture/bad', 2, 6, 9, 'bad on line 3'],
      ['fixture/odd', 2, 2, 5, 'odd on line 3'],
    ],
  );
  assert.ok(lsp.alive);
});

test('an analysis that throws publishes one internal-error diagnostic and features answer null', async (t) => {
  const lsp = await startLsp(t, fixture());
  const uri = lsp.uri('a.crash');
  lsp.open(uri, 'anything');
  const [d, ...rest] = await lsp.diagnostics(uri);
  assert.equal(rest.length, 0);
  assert.equal(d?.code, internalErrorCode);
  assert.match(d?.message ?? '', /could not analyse this file \(the parser fell over\)/);
  assert.equal(await lsp.hover(uri, { line: 0, character: 0 }), null);
  assert.ok(lsp.logs.some((m) => /Analysis of .*a\.crash \(version 1\) failed: Error: the parser fell over/.test(m)));
});

test('positions and ranges outside the document are clamped into it', async (t) => {
  const lsp = await startLsp(t, fixture());
  const uri = lsp.uri('a.faulty');
  lsp.open(uri, 'ab\ncdef');
  const at = async (line: number, character: number) => {
    const locations = (await lsp.definition(uri, { line, character })) as { range: { start: unknown } }[];
    return locations[0]!.range.start;
  };
  assert.deepEqual(await at(999, 3), { line: 1, character: 4 });
  assert.deepEqual(await at(0, 99), { line: 0, character: 2 });
  assert.deepEqual(await at(-4, -7), { line: 0, character: 0 });
  const hints = await lsp.inlayHints(uri, { start: { line: 7, character: 0 }, end: { line: 0, character: 1 } });
  assert.equal(hints?.[0]?.label, '0:1-1:4');
});

test('a request without a usable position answers InvalidParams', async (t) => {
  const lsp = await startLsp(t, fixture());
  const uri = lsp.uri('a.faulty');
  lsp.open(uri, 'ab');
  await assert.rejects(
    lsp.request('textDocument/definition', { textDocument: { uri }, position: { line: 'one' } }),
    (e: { code: number; message: string }) => e.code === ErrorCodes.InvalidParams && /numeric line and character/.test(e.message),
  );
  await assert.rejects(
    lsp.request('textDocument/definition', { position: { line: 0, character: 0 } }),
    (e: { code: number; message: string }) => e.code === ErrorCodes.InvalidParams && /needs textDocument.uri/.test(e.message),
  );
  assert.ok(lsp.alive);
});

test('semantic tokens are sorted, delta-encoded, and overlapping or out-of-document ones are dropped', async (t) => {
  const lsp = await startLsp(t, fixture());
  const uri = lsp.uri('a.faulty');
  lsp.open(uri, 'let xyz');
  // keyword(0) at 0:0 len 3 with `declaration`(bit 0); variable(2) at 0:4 len 3; the number inside
  // the keyword and the one on line 99 go.
  assert.deepEqual((await lsp.semanticTokens(uri))?.data, [0, 0, 3, 0, 1, 0, 4, 3, 2, 0]);
});

test('$/cancelRequest cancels a request still waiting for its analysis', async (t) => {
  const lsp = await startLsp(t, fixture());
  const uri = lsp.uri('a.slow');
  lsp.open(uri, 'x');
  const source = new CancellationTokenSource();
  const hover = lsp.hover(uri, { line: 0, character: 0 }, source.token);
  await delay(50);
  source.cancel();
  await assert.rejects(hover, (e: { code: number }) => e.code === LSPErrorCodes.RequestCancelled);
  assert.deepEqual(await lsp.hover(uri, { line: 0, character: 0 }), { contents: 'version 1' });
});

test('a request whose document changes while it waits answers ContentModified', async (t) => {
  const lsp = await startLsp(t, fixture());
  const uri = lsp.uri('a.slow');
  lsp.open(uri, 'x');
  const hover = lsp.hover(uri, { line: 0, character: 0 });
  await delay(50);
  lsp.replace(uri, 'x', 'y');
  await assert.rejects(hover, (e: { code: number }) => e.code === LSPErrorCodes.ContentModified);
  assert.deepEqual(await lsp.hover(uri, { line: 0, character: 0 }), { contents: 'version 2' });
});

test('a burst of edits is validated once, and a result for a superseded version is never published', async (t) => {
  // A 150 ms pause and 400 ms analyses leave 200 ms margins around each step, so a busy machine
  // cannot reorder them.
  const lsp = await startLsp(t, fixture({ env: { FIXTURE_DEBOUNCE_MS: '150', FIXTURE_DELAY_MS: '400' } }));
  const uri = lsp.uri('a.slow');
  lsp.open(uri, 'a');
  for (const c of 'bcde') lsp.change(uri, [{ range: { start: { line: 0, character: 1 }, end: { line: 0, character: 1 } }, text: c }]);
  assert.deepEqual((await lsp.diagnostics(uri, 5)).map((d) => d.message), ['analysed version 5']);
  // Version 6's analysis is under way (its pause has passed) when version 7 arrives.
  lsp.replace(uri, 'a', 'A');
  await delay(350);
  lsp.replace(uri, 'A', 'a');
  assert.deepEqual((await lsp.diagnostics(uri, 7)).map((d) => d.message), ['analysed version 7']);
  await delay(100);
  assert.deepEqual(lsp.allPublished(uri).map((p) => p.version), [5, 7]);
});

test('closing a document clears its diagnostics', async (t) => {
  const lsp = await startLsp(t, fixture());
  const uri = lsp.uri('a.faulty');
  lsp.open(uri, 'bad');
  assert.equal((await lsp.diagnostics(uri)).length, 1);
  const cleared = lsp.nextDiagnostics(uri);
  lsp.close(uri);
  assert.deepEqual(await cleared, []);
  assert.equal(await lsp.hover(uri, { line: 0, character: 0 }), null);
});

test('disabled checks are not published, and a settings change re-publishes', async (t) => {
  const lsp = await startLsp(t, fixture({ settings: { diagnostics: { disabled: ['fixture/bad'] } } }));
  const uri = lsp.uri('a.faulty');
  lsp.open(uri, 'bad odd');
  assert.deepEqual((await lsp.diagnostics(uri)).map((d) => d.code), ['fixture/odd']);
  const next = lsp.nextDiagnostics(uri);
  await lsp.setSettings({ diagnostics: { disabled: [] }, operatorStyle: 'shouting' });
  assert.deepEqual((await next).map((d) => d.code), ['fixture/bad', 'fixture/odd']);
  await delay(50);
  assert.ok(
    lsp.logs.some((m) => m === 'Setting nesy.operatorStyle is "shouting"; expected one of words, ascii, unicode. Using ascii.'),
    lsp.logs.join('\n'),
  );
});

test('files are read only inside the workspace, and from the editor when open there', async (t) => {
  const root = fs.mkdtempSync(path.join(repoRoot, '.test-tmp', 'lsp-files-'));
  t.after(() => fs.rmSync(root, { recursive: true, force: true }));
  const workspace = path.join(root, 'ws');
  fs.mkdirSync(workspace);
  fs.writeFileSync(path.join(workspace, 'inside.txt'), 'on disk');
  fs.writeFileSync(path.join(root, 'outside.txt'), 'secret');
  fs.symlinkSync(path.join(root, 'outside.txt'), path.join(workspace, 'link.txt'));
  const lsp = await startLsp(t, fixture({ workspaceFolder: workspace }));
  const uri = lsp.uri('a.imports');
  lsp.open(uri, 'import inside.txt\nimport ../outside.txt\nimport link.txt\nimport missing.txt');
  assert.deepEqual((await lsp.diagnostics(uri)).map((d) => d.message), ['read: on disk', 'unreadable', 'unreadable', 'unreadable']);
  assert.ok(lsp.logs.some((m) => /outside\.txt: it is outside the workspace folders/.test(m)));

  // The importer follows the editor's unsaved text of the file it reads, and the disk again once it closes.
  const inside = pathToFileURL(path.join(workspace, 'inside.txt')).href;
  let next = lsp.nextDiagnostics(uri);
  lsp.open(inside, 'in the editor');
  assert.equal((await next)[0]?.message, 'read: in the editor');
  next = lsp.nextDiagnostics(uri);
  lsp.close(inside);
  assert.equal((await next)[0]?.message, 'read: on disk');
});

test('custom requests sent without params answer, or say InvalidParams, instead of failing inside the guard', { timeout: 30_000 }, async (t) => {
  const lsp = await startLsp(t, fixture());
  // No params argument at all: vscode-jsonrpc then hands the handler only the cancellation token.
  const status = await lsp.connection.sendRequest<{ available: boolean; reason?: string }>(Requests.status);
  assert.equal(status.available, false);
  assert.match(status.reason ?? '', /this build has no neural layer/);
  for (const method of [Requests.translate, Requests.interpretMwp]) {
    await assert.rejects(lsp.connection.sendRequest(method), (e: { code: number; message: string }) =>
      e.code === ErrorCodes.InvalidParams && e.message.includes(method),
    );
  }
  // Parameters by position are spread into the handler's arguments the same way.
  await assert.rejects(lsp.connection.sendRequest(Requests.translate, ParameterStructures.byPosition, 'always p', 3), (e: { code: number }) =>
    e.code === ErrorCodes.InvalidParams,
  );
  assert.deepEqual(await lsp.request(Requests.status, [{}]), status);
  assert.ok(!lsp.logs.some((m) => /isCancellationRequested/.test(m)), lsp.logs.join('\n'));
  assert.ok(lsp.alive);
});
