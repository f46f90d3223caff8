// Edits that must not lose text. Formatting keeps the syntax tree; every quick fix leaves text that
// parses (no syntax error it did not have), changes only the document it was offered for, and removes the problem it names; rename
// changes exactly the references and nothing else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type TextEdit } from 'vscode-languageserver-types';
import type { Analysis } from '../../src/core/language';
import { defaultSettings, type OperatorStyle } from '../../src/core/settings';
import { grammarFile, mutated, seedTexts, type LanguageId } from './support/inputs';
import { analyze, assertRangeInside, host, language } from './support/documents';
import { fuzzParameters } from './support/runs';

function apply(text: string, edits: TextEdit[]): string {
  return TextDocument.applyEdits(TextDocument.create('file:///x', 'x', 1, text), edits);
}

/** The syntax tree without positions: what formatting must not change. */
function shape(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(shape);
  if (value === null || typeof value !== 'object') return value;
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(value)) {
    // Offsets: start and end, and the named ones (headerEnd, opStart, outerEnd...).
    if (/^(start|end)$|(Start|End)$/.test(k) || v === undefined) continue;
    // Spans (parentheses, operator and name positions, blocks) are all {start, end}.
    if (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).every((x) => x === 'start' || x === 'end')) continue;
    out[k] = shape(v);
  }
  return out;
}

const syntaxTree: Partial<Record<LanguageId, (a: Analysis) => unknown>> = {
  tl: (a) => {
    const { statements, comments } = (a as unknown as { tl: { statements: unknown[]; comments: { text: string }[] } }).tl;
    return shape({ statements, comments: comments.map((c) => c.text) });
  },
  fol: (a) => shape((a as unknown as { file: { statements: unknown } }).file.statements),
  // Problems: ids, the text the model reads, the user's equation and answer (their values' trees).
  mwp: (a) =>
    shape(
      (a as unknown as { file: { problems: { id?: { name: string }; text: string; equation?: { value?: unknown }; answer?: { value?: unknown }; duplicates: { value?: unknown }[] }[] } }).file.problems.map((p) => ({
        id: p.id?.name,
        text: p.text,
        equation: p.equation?.value,
        answer: p.answer?.value,
        duplicates: p.duplicates.map((d) => d.value),
      })),
    ),
};

const isSyntaxError = (code: unknown) => typeof code === 'string' && /syntax|unterminated|unknown-character|too-deep/.test(code);
const syntaxErrors = (a: Analysis) => a.diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error && isSyntaxError(d.code));

for (const id of ['tl', 'fol', 'mwp'] as LanguageId[]) {
  const l = language(id);
  const inputs = fc.oneof(grammarFile[id], mutated(seedTexts(l.extensions)));
  test(`${id}: formatting in every operator style keeps the syntax tree, and formatting twice changes nothing more`, async () => {
    await fc.assert(
      fc.asyncProperty(inputs, fc.constantFrom<OperatorStyle>('words', 'ascii', 'unicode'), async (text, operatorStyle) => {
        const settings = { ...defaultSettings, operatorStyle };
        const before = await analyze(l, text, settings);
        if (before.diagnostics.some((d) => isSyntaxError(d.code))) return;
        const formatted = apply(text, l.format!(before, { tabSize: 2, insertSpaces: true }, settings));
        const after = await analyze(l, formatted, settings);
        assert.deepEqual(syntaxTree[id]!(after), syntaxTree[id]!(before), `formatting changed the tree:\n${text}\n---\n${formatted}`);
        assert.equal(apply(formatted, l.format!(after, { tabSize: 2, insertSpaces: true }, settings)), formatted, 'formatting is not idempotent');
      }),
      fuzzParameters(100),
    );
  });
}

// .mwp offers quick fixes only from the model's reading of a problem; test/reliability covers the model.
for (const id of ['tl', 'fol'] as LanguageId[]) {
  const l = language(id);
  const inputs = fc.oneof(grammarFile[id], mutated(seedTexts(l.extensions)));
  test(`${id}: every quick fix edits only its document, leaves text that parses, and removes the problem it fixes`, async () => {
    let fixes = 0;
    await fc.assert(
      fc.asyncProperty(inputs, async (text) => {
        const before = await analyze(l, text);
        for (const d of before.diagnostics) {
          // Refactorings offered at the same range (style conversion, rule generation) fix nothing.
          const quickFixes = ((await l.codeActions?.(before, d.range, [d], defaultSettings, host)) ?? []).filter((a) => a.kind === 'quickfix' && a.diagnostics?.some((x) => x.code === d.code));
          for (const action of quickFixes) {
            const changes = action.edit?.changes;
            if (!changes) continue;
            fixes++;
            assert.deepEqual(Object.keys(changes), [before.document.uri], `"${action.title}" edits another document`);
            const edits = changes[before.document.uri]!;
            for (const e of edits) assertRangeInside(before.document, e.range, `"${action.title}"`);
            const fixed = apply(text, edits);
            const after = await analyze(l, fixed);
            const where = `"${action.title}" for ${String(d.code)} in:\n${text}\n---\n${fixed}`;
            assert.ok(syntaxErrors(after).length <= syntaxErrors(before).length, `${where}\ndoes not parse: ${syntaxErrors(after).map((x) => x.message).join('; ')}`);
            const same = (x: typeof d) => x.code === d.code && x.message === d.message;
            assert.ok(after.diagnostics.filter(same).length < before.diagnostics.filter(same).length, `${where}\ndid not remove the problem it fixes`);
          }
        }
      }),
      fuzzParameters(60),
    );
    assert.ok(fixes > 0, 'no quick fix was exercised');
  });
}

for (const id of ['tl', 'fol'] as LanguageId[]) {
  const l = language(id);
  const inputs = fc.oneof(grammarFile[id], fc.constantFrom(...seedTexts(l.extensions)));
  test(`${id}: rename changes every reference and nothing else`, async () => {
    let renames = 0;
    await fc.assert(
      fc.asyncProperty(inputs, fc.nat(), async (text, pick) => {
        const before = await analyze(l, text);
        // With an error (two declarations of one name, say) which symbol a name means is itself in question.
        if (before.diagnostics.some((d) => d.severity === DiagnosticSeverity.Error)) return;
        const at = before.document.positionAt(pick % (text.length + 1));
        const target = l.prepareRename!(before, at);
        if (!target) return;
        const newName = 'renamed_zq';
        if (text.includes(newName)) return;
        const edit = l.rename!(before, at, newName);
        assert.ok(edit?.changes, 'prepareRename accepted a position that rename refuses');
        renames++;
        const edits = edit.changes[before.document.uri] ?? [];
        const refs = l.references!(before, at, true).filter((r) => r.uri === before.document.uri);
        const key = (r: { start: { line: number; character: number } }) => `${r.start.line}:${r.start.character}`;
        assert.deepEqual(edits.map((e) => key(e.range)).sort(), refs.map((r) => key(r.range)).sort(), 'rename edits are not the references');
        const oldName = before.document.getText(target);
        for (const e of edits) assert.equal(before.document.getText(e.range), oldName, 'an edit replaces text that is not the name');
        const renamed = apply(text, edits);
        assert.equal(renamed.split(newName).join(oldName), text, 'text outside the references changed');
        const after = await analyze(l, renamed);
        // A fresh name can end shadowing (renaming the outer of two `forall x`), and nothing else.
        const codes = (a: Analysis) => a.diagnostics.map((d) => String(d.code)).filter((c) => !/shadow/.test(c)).sort();
        assert.deepEqual(codes(after), codes(before), 'rename changed the problems');
      }),
      fuzzParameters(100),
    );
    assert.ok(renames > 0, 'no rename was exercised');
  });
}
