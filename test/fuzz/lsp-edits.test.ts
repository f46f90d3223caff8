// The real language server (dist/server.js over stdio) receives random incremental edits, alone and
// in bursts; after each, the diagnostics it publishes must equal those of a fresh document opened
// with the same text. This catches any state the server or a language keeps across versions.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import type { Diagnostic, TextDocumentContentChangeEvent } from 'vscode-languageserver/node';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { startLsp, type LspClient } from '../helpers/lspClient';
import { editOf, editSpan, seedTexts, type Edit, type LanguageId } from './support/inputs';
import { language } from './support/documents';
import { fuzzParameters } from './support/runs';
import { internalErrorCode } from '../../src/server/analyses';

const edit = editOf(30, 6, 10);

/** One step: a single change, or a burst of changes sent in one didChange, as multi-cursor edits are. */
const step = fc.array(edit, { minLength: 1, maxLength: 3 });

function toChanges(text: string, edits: Edit[]): TextDocumentContentChangeEvent[] {
  let doc = TextDocument.create('file:///scratch', 'plaintext', 0, text);
  return edits.map((e) => {
    const [start, end] = editSpan(e, doc.getText().length);
    const change = { range: { start: doc.positionAt(start), end: doc.positionAt(end) }, text: e.text };
    doc = TextDocument.update(doc, [change], doc.version + 1);
    return change;
  });
}

/** Diagnostics without the parts that name the file, so two documents with the same text compare equal. */
function comparable(ds: Diagnostic[], folder: string): unknown[] {
  return ds
    .map((d) => ({ range: d.range, severity: d.severity, code: d.code, message: d.message.split(folder).join('<dir>') }))
    .sort((a, b) => JSON.stringify(a).localeCompare(JSON.stringify(b)));
}

/** Opens the text under a URI never used before: the client keeps every publish, so a reused URI could answer with an old one. */
async function freshDiagnostics(lsp: LspClient, id: LanguageId, text: string, n: number): Promise<Diagnostic[]> {
  const uri = lsp.uri(`fresh${n}/doc${language(id).extensions[0]}`);
  lsp.open(uri, text);
  const ds = await lsp.diagnostics(uri);
  lsp.close(uri);
  return ds;
}

for (const id of ['tl', 'fol', 'mwp'] as LanguageId[]) {
  test(`${id}: after every incremental edit the server's diagnostics equal a fresh analysis of the same text`, async (t) => {
    const lsp = await startLsp(t);
    const seeds = seedTexts(language(id).extensions);
    let n = 0;
    let steps = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...seeds), fc.array(step, { minLength: 1, maxLength: 6 }), async (seed, plan) => {
        n++;
        const uri = lsp.uri(`edited${n}/doc${language(id).extensions[0]}`);
        lsp.open(uri, seed);
        try {
          for (const edits of plan) {
            lsp.change(uri, toChanges(lsp.text(uri), edits));
            steps++;
            const live = await lsp.diagnostics(uri);
            assert.ok(!live.some((d) => d.code === internalErrorCode), `the analysis failed: ${live.map((d) => d.message).join('; ')}`);
            const fresh = await freshDiagnostics(lsp, id, lsp.text(uri), steps);
            assert.deepEqual(comparable(live, `edited${n}`), comparable(fresh, `fresh${steps}`), `after editing to:\n${lsp.text(uri)}`);
          }
        } finally {
          lsp.close(uri);
        }
      }),
      fuzzParameters(6),
    );
    assert.ok(steps > 0);
    assert.ok(lsp.alive, lsp.stderr);
  });
}
