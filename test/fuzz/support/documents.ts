// Runs a language service in this process the way the server does, and checks what every answer
// must satisfy whatever the input: no exception, and every range inside the document.
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Position, Range } from 'vscode-languageserver-types';
import type { Analysis, Host, LanguageService } from '../../../src/core/language';
import { defaultSettings, type Settings } from '../../../src/core/settings';
import { languageById } from '../../../src/languages';
import type { LanguageId } from './inputs';

export const host: Host = { log: () => undefined, readFile: async () => undefined };

export function language(id: LanguageId): LanguageService<any> {
  const l = languageById(id);
  if (!l) throw new Error(`language ${id} is not registered`);
  return l;
}

export function documentOf(l: LanguageService<any>, text: string, name = 'fuzz'): TextDocument {
  return TextDocument.create(`file:///nesy-fuzz/${name}${l.extensions[0]}`, l.id, 1, text);
}

export async function analyze(l: LanguageService<any>, text: string, settings: Settings = defaultSettings): Promise<Analysis> {
  return l.analyze(documentOf(l, text), settings, host);
}

function positionInside(doc: TextDocument, p: Position, what: string): void {
  assert.ok(Number.isInteger(p.line) && Number.isInteger(p.character), `${what}: not integral ${JSON.stringify(p)}`);
  assert.ok(p.line >= 0 && p.character >= 0, `${what}: negative ${JSON.stringify(p)}`);
  assert.ok(p.line < doc.lineCount, `${what}: line ${p.line} past the last line ${doc.lineCount - 1}`);
  // positionAt/offsetAt clamp; a position is inside when it survives the round trip unchanged.
  assert.deepEqual(doc.positionAt(doc.offsetAt(p)), p, `${what}: ${JSON.stringify(p)} lies past the end of its line`);
}

export function assertRangeInside(doc: TextDocument, r: Range, what: string): void {
  positionInside(doc, r.start, what);
  positionInside(doc, r.end, what);
  assert.ok(doc.offsetAt(r.start) <= doc.offsetAt(r.end), `${what}: range ends before it starts ${JSON.stringify(r)}`);
}

/** Every diagnostic lies in the document and says something. */
export function assertDiagnosticsSound(a: Analysis): void {
  for (const d of a.diagnostics) {
    assertRangeInside(a.document, d.range, `diagnostic ${String(d.code)}`);
    assert.ok(d.message.trim().length > 0, `diagnostic ${String(d.code)} has no message`);
  }
}

/** Asks every position-free feature, and the position features at a few offsets; none may throw or point outside. */
export async function exerciseFeatures(l: LanguageService<any>, a: Analysis, offsets: readonly number[]): Promise<void> {
  const doc = a.document;
  const whole: Range = { start: { line: 0, character: 0 }, end: doc.positionAt(doc.getText().length) };
  for (const s of l.documentSymbols?.(a) ?? []) assertRangeInside(doc, s.range, `symbol ${s.name}`);
  for (const f of l.foldingRanges?.(a) ?? []) assert.ok(f.startLine >= 0 && f.endLine < doc.lineCount && f.startLine <= f.endLine, `folding ${JSON.stringify(f)}`);
  for (const t of l.semanticTokens?.(a) ?? []) assert.ok(t.line >= 0 && t.line < doc.lineCount && t.length >= 0, `token ${JSON.stringify(t)}`);
  for (const c of l.codeLenses?.(a) ?? []) assertRangeInside(doc, c.range, 'code lens');
  for (const e of l.format?.(a, { tabSize: 2, insertSpaces: true }, defaultSettings) ?? []) assertRangeInside(doc, e.range, 'format edit');
  await l.inlayHints?.(a, whole, host);
  for (const action of (await l.codeActions?.(a, whole, a.diagnostics, defaultSettings, host)) ?? []) {
    for (const edits of Object.values(action.edit?.changes ?? {})) for (const e of edits) assertRangeInside(doc, e.range, `quick fix "${action.title}"`);
  }
  for (const offset of offsets) {
    const at = doc.positionAt(offset);
    const hover = await l.hover?.(a, at, host);
    if (hover?.range) assertRangeInside(doc, hover.range, 'hover');
    l.completion?.(a, at);
    for (const loc of l.definition?.(a, at) ?? []) if (loc.uri === doc.uri) assertRangeInside(doc, loc.range, 'definition');
    for (const loc of l.references?.(a, at, true) ?? []) if (loc.uri === doc.uri) assertRangeInside(doc, loc.range, 'reference');
    const renameRange = l.prepareRename?.(a, at);
    if (renameRange) assertRangeInside(doc, renameRange, 'prepareRename');
  }
}
