// Malformed traffic against the real server process: every request and notification with random
// parameters, out-of-range and reversed edit ranges, broken framing, huge messages and requests
// for closed documents. After each batch the server must still be alive and answer correctly.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { startLsp, type LspClient } from '../helpers/lspClient';
import { fuzzParameters, longRun } from './support/runs';
import { Requests } from '../../src/core/protocol';
import { serverCommandIds } from '../../src/server/commands';

const requests = [
  'textDocument/hover', 'textDocument/completion', 'textDocument/codeAction', 'textDocument/definition', 'textDocument/references',
  'textDocument/prepareRename', 'textDocument/rename', 'textDocument/formatting', 'textDocument/semanticTokens/full',
  'textDocument/documentSymbol', 'textDocument/foldingRange', 'textDocument/codeLens', 'textDocument/inlayHint',
  'workspace/executeCommand', ...Object.values(Requests),
];
const notifications = ['textDocument/didOpen', 'textDocument/didChange', 'textDocument/didClose', 'textDocument/didSave', 'workspace/didChangeConfiguration', 'workspace/didChangeWatchedFiles', '$/cancelRequest', '$/setTrace'];

/** Numbers that break naive position arithmetic. */
const wild = fc.oneof(fc.integer(), fc.constantFrom(-1, 0, 2 ** 31, Number.MAX_SAFE_INTEGER, 0.5, NaN, Infinity), fc.string({ maxLength: 3 }), fc.constant(null));
const position = fc.record({ line: wild, character: wild });
const range = fc.record({ start: position, end: position });

/** Parameters shaped like the real ones but with wrong values, or anything at all. */
function params(uris: string[]): fc.Arbitrary<unknown> {
  const uri = fc.oneof(fc.constantFrom(...uris), fc.string(), fc.constant('file:///etc/passwd'), fc.constant('untitled:x.tl'));
  return fc.oneof(
    fc.anything(),
    fc.record(
      {
        textDocument: fc.record({ uri, version: wild, text: fc.string(), languageId: fc.constantFrom('tl', 'fol', 'mwp', 'x') }, { requiredKeys: [] }),
        position,
        range,
        context: fc.record({ diagnostics: fc.array(fc.record({ range, message: fc.string(), code: fc.string() })) }, { requiredKeys: [] }),
        newName: fc.oneof(fc.string(), fc.constant('')),
        options: fc.anything(),
        command: fc.oneof(fc.constantFrom(...serverCommandIds), fc.string()),
        arguments: fc.array(fc.anything(), { maxLength: 3 }),
        sentence: fc.oneof(fc.string(), fc.anything()),
        contentChanges: fc.array(fc.oneof(fc.record({ range, text: fc.string() }), fc.record({ text: fc.string() }), fc.anything()), { maxLength: 3 }),
        settings: fc.anything(),
        changes: fc.array(fc.record({ uri, type: wild }), { maxLength: 2 }),
        id: wild,
      },
      { requiredKeys: [] },
    ),
  );
}

let probes = 0;

/** Each probe opens a URI of its own: the client keeps every publish, so a reused one could answer with an old one. */
async function answersCorrectly(lsp: LspClient): Promise<void> {
  const uri = lsp.uri(`probe-${++probes}.tl`);
  lsp.open(uri, 'prop p\nspec s := G p');
  const hover = await lsp.hover(uri, { line: 1, character: 12 });
  assert.ok(hover !== null, 'hover on a declared prop answers');
  assert.deepEqual(await lsp.diagnostics(uri), []);
  lsp.close(uri);
  assert.ok(lsp.alive, lsp.stderr);
}

test('every request and notification with random parameters is answered or ignored, and the server keeps serving', async (t) => {
  const lsp = await startLsp(t, { trusted: false });
  const uris = ['a.tl', 'b.fol', 'c.mwp'].map((n) => lsp.uri(n));
  lsp.open(uris[0]!, 'prop p\nspec s := G (p -> F[0,5] p)');
  lsp.open(uris[1]!, 'predicate dog(x)\nrule r: forall x. dog(x) -> dog(x)');
  lsp.open(uris[2]!, 'problem a\nThere are 3 apples and 4 pears.\nequation: x = 3 + 4\nanswer: 7');
  let sent = 0;
  await fc.assert(
    fc.asyncProperty(fc.constantFrom(...requests, ...notifications), params(uris), async (method, p) => {
      sent++;
      if (notifications.includes(method)) {
        await lsp.notify(method, p);
        return;
      }
      // Any answer, result or error, will do; only silence or a dead server fails.
      await lsp.request(method, p).catch((e: { code?: unknown }) => assert.equal(typeof e.code, 'number', `a non-protocol error: ${String(e)}`));
    }),
    fuzzParameters(300),
  );
  assert.ok(sent > 0);
  await answersCorrectly(lsp);
});

test('edits with ranges past the end, reversed or negative are applied as the protocol clamps them', async (t) => {
  const lsp = await startLsp(t);
  const uri = lsp.uri('clamp.tl');
  lsp.open(uri, 'prop p\nspec s := G p\n');
  const bad = [
    { range: { start: { line: 99, character: 0 }, end: { line: 120, character: 5 } }, text: '\nspec t := F p' },
    { range: { start: { line: 1, character: 400 }, end: { line: 0, character: 2 } }, text: ' ' },
    { range: { start: { line: -3, character: -1 }, end: { line: 0, character: 0 } }, text: '// top\n' },
    { range: { start: { line: 0, character: 3 }, end: { line: 0, character: 3 } }, text: '\uD800' },
  ];
  for (const change of bad) {
    lsp.change(uri, [change]);
    await lsp.diagnostics(uri);
  }
  const fresh = lsp.uri('clamp-fresh.tl');
  lsp.open(fresh, lsp.text(uri));
  assert.deepEqual(await lsp.diagnostics(uri), await lsp.diagnostics(fresh));
  await answersCorrectly(lsp);
});

test('broken framing is reported and the next well-formed message is answered', async (t) => {
  const lsp = await startLsp(t);
  const body = (s: string) => `Content-Length: ${Buffer.byteLength(s)}\r\n\r\n${s}`;
  const garbage = [
    body('{"jsonrpc":"2.0","id":'),
    body('[1,2,3]'),
    body('{"jsonrpc":"2.0","id":9001,"method":"textDocument/hover","params":null}'),
    body('{"jsonrpc":"1.0","method":42}'),
    body('"just a string"'),
    body('{"jsonrpc":"2.0","id":{"nested":true},"method":"textDocument/hover"}'),
    body('\u0000\uFFFF'),
    `Content-Type: application/vscode-jsonrpc; charset=latin1\r\n${body('{"jsonrpc":"2.0","method":"$/setTrace","params":{"value":"off"}}')}`,
  ];
  for (const g of garbage) {
    await lsp.sendRaw(g);
    await answersCorrectly(lsp);
  }
});

// 4 MB in CI (about 8 s); `npm run fuzz` sends 20 MB (about 40 s on 2 cores).
const hugeBytes = (longRun ? 20 : 4) * 1e6;

test(`a ${hugeBytes / 1e6} MB document opened and then edited is analysed, and the server keeps serving`, async (t) => {
  const lsp = await startLsp(t, { timeoutMs: 120_000 });
  const uri = lsp.uri('huge.tl');
  const line = 'spec s := G (p -> F[0,5] q) & !r\n';
  lsp.open(uri, `prop p\nprop q\nprop r\n${line.repeat(Math.ceil(hugeBytes / line.length))}`);
  await lsp.diagnostics(uri);
  lsp.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '(' }]);
  const ds = await lsp.diagnostics(uri);
  assert.ok(ds.some((d) => d.range.start.line === 0), 'the stray parenthesis on line 1 is reported');
  await answersCorrectly(lsp);
});

test('requests for a closed document answer empty, and diagnostics are cleared', async (t) => {
  const lsp = await startLsp(t);
  const uri = lsp.uri('closed.fol');
  lsp.open(uri, 'rule r: forall x. dog(x)');
  await lsp.diagnostics(uri);
  lsp.close(uri);
  assert.deepEqual(await lsp.nextDiagnostics(uri), []);
  const at = { line: 0, character: 20 };
  const whole = { start: { line: 0, character: 0 }, end: { line: 0, character: 24 } };
  const answers = await Promise.all([
    lsp.hover(uri, at), lsp.completion(uri, at), lsp.definition(uri, at), lsp.references(uri, at), lsp.rename(uri, at, 'cat'),
    lsp.formatting(uri), lsp.documentSymbols(uri), lsp.foldingRanges(uri), lsp.codeLenses(uri), lsp.codeActions(uri, whole, []),
    lsp.inlayHints(uri, whole), lsp.semanticTokens(uri),
  ]);
  for (const a of answers) assert.ok(a === null || (Array.isArray(a) && a.length === 0) || (typeof a === 'object' && 'data' in a && a.data.length === 0), JSON.stringify(a));
  await answersCorrectly(lsp);
});
