// The built server (dist/server.js, `npm run build` first) over stdio: start-up, capabilities,
// shutdown, and that nothing a client sends can take it down.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { CompletionTriggerKind, ErrorCodes, TextDocumentSyncKind, type CompletionItem } from 'vscode-languageserver/node';
import { semanticTokenModifiers, semanticTokenTypes } from '../../src/core/language';
import { Requests, ServerCommands } from '../../src/core/protocol';
import { nesy } from '../helpers/cli';
import { repoRoot } from '../helpers/data';
import { rangeOf, startLsp, LspClient } from '../helpers/lspClient';

test('initialize declares incremental sync, the server commands and the shared token legend', async (t) => {
  const lsp = await startLsp(t);
  const caps = lsp.initializeResult.capabilities;
  assert.deepEqual(caps.textDocumentSync, { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } });
  assert.deepEqual(caps.executeCommandProvider?.commands, [ServerCommands.convertStyle]);
  if (caps.semanticTokensProvider) {
    assert.deepEqual(caps.semanticTokensProvider.legend, {
      tokenTypes: [...semanticTokenTypes],
      tokenModifiers: [...semanticTokenModifiers],
    });
  }
  assert.equal(lsp.initializeResult.serverInfo?.name, 'nesy-studio');
});

test('completion triggers on each language\'s own characters, and only in documents of that language', async (t) => {
  const lsp = await startLsp(t);
  assert.deepEqual(lsp.initializeResult.capabilities.completionProvider?.triggerCharacters, ['(', '.']);
  // Completion is asked for right after `after`, the way the editor asks once its trigger is typed.
  const complete = (uri: string, text: string, after: string, triggerCharacter: string) =>
    lsp.request<CompletionItem[] | null>('textDocument/completion', {
      textDocument: { uri },
      position: rangeOf(text, after).end,
      context: { triggerKind: CompletionTriggerKind.TriggerCharacter, triggerCharacter },
    });
  const labels = (items: CompletionItem[] | null) => (items ?? []).map((i) => i.label);

  const tl = lsp.uri('a.tl');
  const tlText = 'prop green "the light is green"\nspec s := G(\nspec t := F[0.';
  lsp.open(tl, tlText);
  assert.ok(labels(await complete(tl, tlText, 'G(', '(')).includes('green'));
  // `.` is .fol's trigger; in a .tl interval bound it is part of a number.
  assert.equal(await complete(tl, tlText, '[0.', '.'), null);

  const fol = lsp.uri('a.fol');
  const folText = 'hierarchy animals {\n  mammal { dog, cat }\n}\n// dogs are mammals.\nrule r: forall x. ';
  lsp.open(fol, folText);
  const afterDot = labels(await complete(fol, folText, 'forall x.', '.'));
  assert.ok(afterDot.includes('dog') && afterDot.includes('x'), afterDot.join(', '));
  assert.deepEqual(await complete(fol, folText, 'mammals.', '.'), []);
});

test('over Node IPC, the transport the VS Code client uses, the server answers and shuts down', async (t) => {
  const lsp = await startLsp(t, { transport: 'ipc' });
  assert.equal(await lsp.hover(lsp.uri('a.tl'), { line: 0, character: 0 }), null);
  assert.equal(await lsp.shutdown(), 0);
});

test('shutdown then exit ends the process with code 0', async (t) => {
  const lsp = await startLsp(t);
  assert.equal(await lsp.shutdown(), 0);
});

test('exit without shutdown ends the process with code 1, as the protocol asks', async (t) => {
  const lsp = await startLsp(t);
  await lsp.notify('exit', null);
  assert.equal(await lsp.exited, 1);
});

test('an unknown method answers MethodNotFound and the server keeps serving', async (t) => {
  const lsp = await startLsp(t);
  await assert.rejects(lsp.request('nesy/noSuchThing', {}), (e: { code: number }) => e.code === ErrorCodes.MethodNotFound);
  assert.equal(await lsp.hover(lsp.uri('never-opened.tl'), { line: 0, character: 0 }), null);
});

test('requests for documents that are not open answer null', async (t) => {
  const lsp = await startLsp(t);
  const uri = lsp.uri('closed.tl');
  assert.equal(await lsp.hover(uri, { line: 0, character: 0 }), null);
  assert.equal(await lsp.definition(uri, { line: 3, character: 1 }), null);
  assert.equal(await lsp.formatting(uri), null);
  lsp.open(uri, 'x');
  lsp.close(uri);
  assert.equal(await lsp.completion(uri, { line: 0, character: 0 }), null);
  assert.deepEqual(await lsp.semanticTokens(uri), { data: [] });
});

test('a message that is not JSON is reported and the next message is still answered', async (t) => {
  const lsp = await startLsp(t);
  const garbage = '{"jsonrpc": "2.0", "id": 99, "method": ';
  await lsp.sendRaw(`Content-Length: ${Buffer.byteLength(garbage)}\r\n\r\n${garbage}`);
  assert.equal(await lsp.hover(lsp.uri('after-garbage.tl'), { line: 0, character: 0 }), null);
  assert.ok(lsp.alive);
});

test('a 32 MB message is read and answered without the server falling over', async (t) => {
  const lsp = await startLsp(t);
  const uri = lsp.uri('huge.txt');
  lsp.open(uri, 'lorem ipsum '.repeat(32 * 1024 * 1024 / 12));
  assert.equal(await lsp.hover(uri, { line: 0, character: 5 }), null);
  await assert.rejects(lsp.request('nesy/noSuchThing', { blob: 'x'.repeat(1024 * 1024) }), (e: { code: number }) => e.code === ErrorCodes.MethodNotFound);
});

test('nesy/status and nesy/translate say why neural features are off in an untrusted workspace', async (t) => {
  const lsp = await startLsp(t, { trusted: false });
  const status = await lsp.request<{ available: boolean; reason?: string; ep: string | null }>(Requests.status, {});
  assert.equal(status.available, false);
  assert.match(status.reason ?? '', /neural models are not available.*not trusted/);
  assert.equal(status.ep, null);
  await assert.rejects(lsp.request(Requests.translate, { sentence: 'the light is always green' }), /neural models are not available/);
  await assert.rejects(lsp.request(Requests.interpretMwp, { text: 'Tom has 3 apples.' }), /neural models are not available/);
  await assert.rejects(lsp.request(Requests.translate, { words: 3 }), (e: { code: number; message: string }) =>
    e.code === ErrorCodes.InvalidParams && /needs a string "sentence"/.test(e.message),
  );
});

test('an unknown server command answers a clear error', async (t) => {
  const lsp = await startLsp(t);
  await assert.rejects(lsp.executeCommand('nesy.server.frobnicate'), /has no command "nesy.server.frobnicate"/);
  await assert.rejects(lsp.executeCommand(ServerCommands.convertStyle, [{ uri: lsp.uri('a.tl'), style: 'shouting' }]), /style one of words, ascii, unicode/);
});

test('`nesy lsp --stdio` runs the same server', async (t) => {
  const lsp = new LspClient({ args: [path.join(repoRoot, 'bin', 'nesy.js'), 'lsp', '--stdio'] });
  t.after(() => lsp.dispose());
  await lsp.initialize();
  assert.deepEqual(lsp.initializeResult.capabilities.executeCommandProvider?.commands, [ServerCommands.convertStyle]);
  assert.equal(await lsp.shutdown(), 0);
});

test('a server killed in the middle of a message leaves nothing behind that keeps the test process alive', () => {
  // A stand-in server writes one whole message and the start of another, then waits to be killed. The client
  // runs in a process of its own, which must end by itself once the client is disposed.
  const whole = JSON.stringify({ jsonrpc: '2.0', method: 'window/logMessage', params: { type: 3, message: 'ready' } });
  const server = `process.stdout.write(${JSON.stringify(`Content-Length: ${whole.length}\r\n\r\n${whole}Content-Length: 100\r\n\r\n{"jsonrpc"`)}); setInterval(() => {}, 1000);`;
  const client = [
    `import { LspClient } from ${JSON.stringify(pathToFileURL(path.join(repoRoot, 'test', 'helpers', 'lspClient.ts')).href)};`,
    `const lsp = new LspClient({ command: process.execPath, args: ['-e', ${JSON.stringify(server)}] });`,
    // The log message and the partial one arrive in one read, so the reader holds the partial one by now.
    "while (!lsp.logs.includes('ready')) await new Promise((r) => setTimeout(r, 10));",
    'lsp.dispose();',
  ].join('\n');
  const r = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', client], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.signal, null, 'the client process did not end by itself within 60 s');
  assert.equal(r.status, 0, r.stderr);
});

test('`nesy lsp` without a transport says how to start it', () => {
  const r = nesy(['lsp']);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /choose a transport, e.g. `nesy lsp --stdio`/);
});
