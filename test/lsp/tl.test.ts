// The .tl language through the real server (dist/server.js; `npm run build` first), as an editor
// sees it: every feature is a protocol request on an open document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic, DocumentSymbol, Location, Range, TextEdit } from 'vscode-languageserver/node';
import { semanticTokenTypes } from '../../src/core/language';
import { checkCodes } from '../../src/languages/tl/checks';
import { ServerCommands } from '../../src/core/protocol';
import { applyEdits, positionOf, rangeOf, startLsp, type LspClient } from '../helpers/lspClient';

const spec = [
  'prop a "the alarm"',
  'prop unused',
  '/* a block',
  '   comment */',
  'spec s := G (a -> F[10,2] a)',
  'F[-1,5] a',
  'G (a U b R a)',
  'spec t := s & X a',
  '',
].join('\n');

/** Code, range and the text under the range, for readable failures. */
function summary(text: string, diagnostics: Diagnostic[]): [string, Range, string][] {
  const doc = TextDocument.create('file:///x.tl', 'tl', 0, text);
  return diagnostics.map((d) => [String(d.code), d.range, doc.getText(d.range)]);
}

const range = (l1: number, c1: number, l2: number, c2: number): Range => ({ start: { line: l1, character: c1 }, end: { line: l2, character: c2 } });

test('diagnostics: several problems, each with its exact range, code and source', async (t) => {
  const lsp = await startLsp(t);
  const uri = lsp.uri('spec.tl');
  lsp.open(uri, spec);
  const diagnostics = await lsp.diagnostics(uri);
  assert.deepEqual(summary(spec, diagnostics), [
    [checkCodes.unusedDeclaration, range(1, 5, 1, 11), 'unused'],
    [checkCodes.intervalReversed, range(4, 19, 4, 25), '[10,2]'],
    [checkCodes.negativeBound, range(5, 1, 5, 7), '[-1,5]'],
    [checkCodes.chainedTemporal, range(6, 3, 6, 12), 'a U b R a'],
    [checkCodes.undeclaredProp, range(6, 7, 6, 8), 'b'],
  ]);
  assert.ok(diagnostics.every((d) => d.source === 'nesy' && d.message.length > 0));
});

test('an untitled document is analysed by its language id', async (t) => {
  const lsp = await startLsp(t);
  const uri = 'untitled:Untitled-1';
  lsp.open(uri, 'F[10,2] a', 'tl');
  assert.deepEqual(summary('F[10,2] a', await lsp.diagnostics(uri)), [[checkCodes.intervalReversed, range(0, 1, 0, 7), '[10,2]']]);
});

test('disabled checks from the settings are not shown, and changing them re-publishes', async (t) => {
  const lsp = await startLsp(t, { settings: { diagnostics: { disabled: [checkCodes.unusedDeclaration, checkCodes.undeclaredProp] } } });
  const uri = lsp.uri('spec.tl');
  lsp.open(uri, spec);
  assert.deepEqual((await lsp.diagnostics(uri)).map((d) => d.code), [checkCodes.intervalReversed, checkCodes.negativeBound, checkCodes.chainedTemporal]);
  const next = lsp.nextDiagnostics(uri);
  await lsp.setSettings({ diagnostics: { disabled: [checkCodes.negativeBound] } });
  assert.deepEqual((await next).map((d) => d.code), [
    checkCodes.unusedDeclaration,
    checkCodes.intervalReversed,
    checkCodes.chainedTemporal,
    checkCodes.undeclaredProp,
  ]);
});

test('hover explains operators and shows a proposition\'s description', async (t) => {
  const lsp = await startLsp(t);
  const uri = lsp.uri('spec.tl');
  lsp.open(uri, spec);
  const op = await lsp.hover(uri, positionOf(spec, 'G ('));
  assert.deepEqual(op?.range, range(4, 10, 4, 11));
  assert.match(JSON.stringify(op?.contents), /\*\*G\*\*/);
  const prop = await lsp.hover(uri, positionOf(spec, 'a ->'));
  assert.deepEqual(prop?.range, range(4, 13, 4, 14));
  assert.match(JSON.stringify(prop?.contents), /prop a.*the alarm/);
});

test('hover on a translated spec shows the sentence of its nl comment', async (t) => {
  const lsp = await startLsp(t);
  const uri = lsp.uri('nl.tl');
  const text = ['// nl: the alarm always sounds', 'prop a "the alarm"', 'spec s := G a', 'spec t := F a', ''].join('\n');
  lsp.open(uri, text);
  const translated = await lsp.hover(uri, positionOf(text, 's :='));
  assert.match(JSON.stringify(translated?.contents), /\*\*Translated from:\*\* \\"the alarm always sounds\\"/);
  const next = await lsp.hover(uri, positionOf(text, 't :='));
  assert.match(JSON.stringify(next?.contents), /spec t/);
  assert.doesNotMatch(JSON.stringify(next?.contents), /Translated from/);
});

/** The edit's TextEdits as incremental changes: applied last-first so earlier ranges stay valid. */
function asChanges(edits: TextEdit[]): { range: Range; text: string }[] {
  const key = (e: TextEdit) => [e.range.start.line, e.range.start.character] as const;
  return [...edits]
    .sort((x, y) => key(y)[0] - key(x)[0] || key(y)[1] - key(x)[1])
    .map((e) => ({ range: e.range, text: e.newText }));
}

test('quick fixes: applying the WorkspaceEdit fixes exactly the problem and keeps the rest', async (t) => {
  const lsp = await startLsp(t);
  const uri = lsp.uri('spec.tl');
  lsp.open(uri, spec);
  const fixes: [string, string, string][] = [
    [checkCodes.intervalReversed, 'spec s := G (a -> F[10,2] a)', 'spec s := G (a -> F[2,10] a)'],
    [checkCodes.chainedTemporal, 'G (a U b R a)', 'G (a U (b R a))'],
    [checkCodes.undeclaredProp, 'prop unused\n', 'prop unused\nprop b\n'],
  ];
  for (const [code, before, after] of fixes) {
    const diagnostic = (await lsp.diagnostics(uri)).find((d) => d.code === code);
    assert.ok(diagnostic, `no ${code}`);
    const actions = (await lsp.codeActions(uri, diagnostic.range, [diagnostic])) as CodeAction[];
    const fix = actions.find((a) => a.kind === 'quickfix' && a.isPreferred);
    assert.ok(fix?.edit, `no quick fix for ${code}`);
    const expected = lsp.text(uri).replace(before, after);
    const edits = fix.edit.changes?.[uri] ?? [];
    assert.equal(applyEdits(lsp.text(uri), edits), expected);
    lsp.change(uri, asChanges(edits));
    assert.equal(lsp.text(uri), expected);
    assert.ok(!(await lsp.diagnostics(uri)).some((d) => d.code === code), `${code} is still reported`);
  }
  assert.deepEqual((await lsp.diagnostics(uri)).map((d) => d.code), [checkCodes.unusedDeclaration, checkCodes.negativeBound]);
});

test('completion offers the declared names and the operators', async (t) => {
  const lsp = await startLsp(t);
  const uri = lsp.uri('spec.tl');
  lsp.open(uri, spec);
  const result = await lsp.completion(uri, { line: 5, character: 8 });
  const labels = (Array.isArray(result) ? result : (result?.items ?? [])).map((i) => i.label);
  for (const label of ['a', 'unused', 's', 't', 'prop', 'spec', 'not']) assert.ok(labels.includes(label), `${label} missing from ${labels.join(' ')}`);
});

test('definition, references and rename of a proposition', async (t) => {
  const lsp = await startLsp(t);
  const uri = lsp.uri('spec.tl');
  lsp.open(uri, spec);
  const use = positionOf(spec, 'a ->');
  assert.deepEqual(await lsp.definition(uri, use), [{ uri, range: range(0, 5, 0, 6) }]);
  const refs = (await lsp.references(uri, use)) as Location[];
  assert.deepEqual(
    refs.map((r) => r.range.start),
    [
      { line: 0, character: 5 },
      { line: 4, character: 13 },
      { line: 4, character: 26 },
      { line: 5, character: 8 },
      { line: 6, character: 3 },
      { line: 6, character: 11 },
      { line: 7, character: 16 },
    ],
  );
  assert.deepEqual(await lsp.prepareRename(uri, use), range(4, 13, 4, 14));
  const edit = await lsp.rename(uri, use, 'alarm');
  assert.ok(edit);
  lsp.applyWorkspaceEdit(edit);
  assert.equal(
    lsp.text(uri),
    spec.replace('prop a ', 'prop alarm ').replace('(a -> F[10,2] a)', '(alarm -> F[10,2] alarm)').replace('F[-1,5] a', 'F[-1,5] alarm').replace('G (a U b R a)', 'G (alarm U b R alarm)').replace('X a', 'X alarm'),
  );
  await assert.rejects(lsp.rename(uri, use, '  '), /must not be empty/);
});

test('formatting prints operators in the style the settings choose', async (t) => {
  const lsp = await startLsp(t, { settings: { operatorStyle: 'words' } });
  const uri = lsp.uri('f.tl');
  const text = 'prop a\n// keep\nG(a->F[0,5]a) & X a\n';
  lsp.open(uri, text);
  assert.equal(applyEdits(text, (await lsp.formatting(uri)) ?? []), 'prop a\n// keep\nalways (a implies eventually[0,5] a) and next a\n');
  await lsp.setSettings({ operatorStyle: 'unicode' });
  assert.equal(applyEdits(text, (await lsp.formatting(uri)) ?? []), 'prop a\n// keep\n□(a → ◇[0,5] a) ∧ ○a\n');
});

test('the server command converts the operator style through workspace/applyEdit', async (t) => {
  const lsp = await startLsp(t);
  const uri = lsp.uri('c.tl');
  const text = 'prop a\nG(a->F[0,5]a) // why\n';
  lsp.open(uri, text);
  const result = await lsp.executeCommand(ServerCommands.convertStyle, [{ uri, style: 'words' }]);
  assert.deepEqual(result, { applied: true });
  assert.equal(lsp.appliedEdits.length, 1);
  lsp.applyWorkspaceEdit(lsp.appliedEdits[0]!);
  assert.equal(lsp.text(uri), 'prop a\nalways (a implies eventually[0,5] a) // why\n');
  await assert.rejects(lsp.executeCommand(ServerCommands.convertStyle, [{ uri: lsp.uri('closed.tl'), style: 'words' }]), /is not an open NeSy document/);
});

/** Decodes the relative encoding back into [line, character, length, type] tuples. */
function decode(data: number[]): [number, number, number, string][] {
  const out: [number, number, number, string][] = [];
  let line = 0;
  let character = 0;
  for (let i = 0; i < data.length; i += 5) {
    line += data[i]!;
    character = data[i]! === 0 ? character + data[i + 1]! : data[i + 1]!;
    out.push([line, character, data[i + 2]!, semanticTokenTypes[data[i + 3]!]!]);
  }
  return out;
}

test('semantic tokens, document symbols and folding ranges', async (t) => {
  const lsp = await startLsp(t);
  const uri = lsp.uri('spec.tl');
  lsp.open(uri, spec);
  const tokens = decode((await lsp.semanticTokens(uri))?.data ?? []);
  const at = (needle: string, occurrence = 0) => {
    const p = rangeOf(spec, needle, occurrence).start;
    return tokens.find(([l, c]) => l === p.line && c === p.character);
  };
  assert.deepEqual(at('prop'), [0, 0, 4, 'keyword']);
  assert.deepEqual(at('G ('), [4, 10, 1, 'operator']);
  assert.deepEqual(at('10,2'), [4, 20, 2, 'number']);
  assert.equal(at('a ->')?.[3], 'variable');
  assert.equal(at('"the alarm"')?.[3], 'string');

  const symbols = (await lsp.documentSymbols(uri)) as DocumentSymbol[];
  assert.deepEqual(
    symbols.map((s) => [s.name, s.selectionRange]),
    [
      ['a', range(0, 5, 0, 6)],
      ['unused', range(1, 5, 1, 11)],
      ['s', range(4, 5, 4, 6)],
      ['t', range(7, 5, 7, 6)],
    ],
  );
  assert.deepEqual(await lsp.foldingRanges(uri), [{ startLine: 2, endLine: 3, kind: 'comment' }]);
});

/** Edits as fractions of the current text, so that any generated sequence applies to any text. */
const editArb = fc.record({
  at: fc.double({ min: 0, max: 1, noNaN: true }),
  span: fc.nat({ max: 6 }),
  text: fc.constantFrom('', 'G ', 'F[1,2] ', 'F[3,1] ', '(', ')', 'a', 'b', ' & ', ' U ', '->', '\n', 'prop c\n', 'spec z := ', '"', '/*', '*/', '// x', '[-1,2]', '□', 'é'),
  batched: fc.boolean(),
});

function toChange(text: string, e: { at: number; span: number; text: string }): { range: Range; text: string } {
  const doc = TextDocument.create('file:///x.tl', 'tl', 0, text);
  const start = Math.floor(e.at * text.length);
  const end = Math.min(text.length, start + e.span);
  return { range: { start: doc.positionAt(start), end: doc.positionAt(end) }, text: e.text };
}

async function freshDiagnostics(lsp: LspClient, name: string, text: string): Promise<Diagnostic[]> {
  const uri = lsp.uri(name);
  lsp.open(uri, text);
  const diagnostics = await lsp.diagnostics(uri);
  lsp.close(uri);
  return diagnostics;
}

test('any sequence of incremental edits ends with the diagnostics of a fresh open of the same text', async (t) => {
  const lsp = await startLsp(t);
  let run = 0;
  await fc.assert(
    fc.asyncProperty(fc.array(editArb, { minLength: 1, maxLength: 12 }), async (edits) => {
      run++;
      const uri = lsp.uri(`incremental-${run}.tl`);
      lsp.open(uri, spec);
      let pending: { range: Range; text: string }[] = [];
      let shadow = spec;
      for (const e of edits) {
        const change = toChange(shadow, e);
        shadow = TextDocument.applyEdits(TextDocument.create(uri, 'tl', 0, shadow), [{ range: change.range, newText: change.text }]);
        pending.push(change);
        if (!e.batched) {
          lsp.change(uri, pending);
          pending = [];
        }
      }
      if (pending.length > 0) lsp.change(uri, pending);
      assert.equal(lsp.text(uri), shadow);
      const incremental = await lsp.diagnostics(uri);
      lsp.close(uri);
      assert.deepEqual(incremental, await freshDiagnostics(lsp, `fresh-${run}.tl`, shadow));
    }),
    { numRuns: 25, seed: 20261127 },
  );
});
