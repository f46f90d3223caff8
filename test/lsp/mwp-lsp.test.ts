// The .mwp language through the real server and the real model (dist/server.js and dist/worker.js;
// `npm run build` first): every feature is a protocol request on an open document.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { CodeAction, Diagnostic, DocumentSymbol, InlayHintLabelPart, MarkupContent } from 'vscode-languageserver/node';
import {
  ANSWER_DISAGREES,
  DUPLICATE_ID,
  EMPTY_PROBLEM,
  EQUATION_ANSWER_MISMATCH,
  EQUATION_DISAGREES,
  EQUATION_UNDEFINED,
  SYNTAX,
} from '../../src/languages/mwp/checks';
import { applyEdits, positionOf, startLsp } from '../helpers/lspClient';

const modelCodes = new Set([EQUATION_DISAGREES, ANSWER_DISAGREES]);
const codes = (ds: Diagnostic[]) => ds.map((d) => String(d.code)).filter((c) => !modelCodes.has(c));

test('diagnostics for equations that do not parse or evaluate, duplicates and empty problems', async (t) => {
  const lsp = await startLsp(t);
  const uri = lsp.uri('checks.mwp');
  const text = [
    'problem a',
    '小明有15个苹果，吃了3个，还剩多少个？',
    'equation: x = 15 - * 3',
    'problem b',
    '每支铅笔2元，买5支铅笔要付多少元？',
    'equation: x = 10 / (5 - 5)',
    'problem c: 一本书有120页，看了40页，还剩多少页？',
    'equation: x = 120 - 40',
    'answer: 70',
    'problem a',
    '',
  ].join('\n');
  lsp.open(uri, text);
  const ds = await lsp.diagnostics(uri);
  assert.deepEqual(codes(ds).sort(), [DUPLICATE_ID, EMPTY_PROBLEM, EQUATION_ANSWER_MISMATCH, EQUATION_UNDEFINED, SYNTAX].sort());
  const at = (code: string) => ds.find((d) => d.code === code)!;
  assert.deepEqual(at(SYNTAX).range.start, { line: 2, character: 19 });
  assert.deepEqual(at(EQUATION_UNDEFINED).range.start, { line: 5, character: 17 });
  assert.match(at(EQUATION_UNDEFINED).message, /division by zero/);
  assert.match(at(EQUATION_ANSWER_MISMATCH).message, /80/);
  assert.equal(at(DUPLICATE_ID).range.start.line, 9);
  assert.ok(ds.every((d) => d.source === 'nesy' && d.message.endsWith('.')));
});

test('the model: inlay hint, code lens, hover, outline, folding, and a quick fix that inserts its answer', async (t) => {
  const lsp = await startLsp(t);
  const uri = lsp.uri('model.mwp');
  const text = ['problem apples', '小明有15个苹果，', '吃了3个，还剩多少个？', 'equation: x = 15 - 3', 'answer: 999999', ''].join('\n');
  lsp.open(uri, text);
  const ds = await lsp.diagnostics(uri);
  const disagree = ds.find((d) => d.code === ANSWER_DISAGREES);
  assert.ok(disagree, `expected ${ANSWER_DISAGREES}, got ${JSON.stringify(ds)}`);
  assert.match(disagree.message, /999999/);

  const hints = (await lsp.inlayHints(uri, { start: { line: 0, character: 0 }, end: { line: 6, character: 0 } }))!;
  assert.equal(hints.length, 1);
  assert.equal(hints[0].position.line, 2, 'the hint follows the last line of the problem text');
  const label = (hints[0].label as InlayHintLabelPart[]).map((p) => p.value).join('');
  assert.match(label, /x = .+ = \S+/);
  assert.ok((hints[0].label as InlayHintLabelPart[]).some((p) => /Step 1/.test((p.tooltip as MarkupContent | undefined)?.value ?? '')), 'operators explain their step');

  const lenses = (await lsp.codeLenses(uri))!;
  assert.equal(lenses.length, 1);
  assert.match(lenses[0].command!.title, /^Model/);
  assert.equal(lenses[0].command!.command, 'nesy.explainStep');

  const hover = await lsp.hover(uri, positionOf(text, '小明'));
  assert.match((hover!.contents as MarkupContent).value, /x = .*\n[\s\S]*1\. `/);
  const opHover = await lsp.hover(uri, positionOf(text, '- 3'));
  assert.match((opHover!.contents as MarkupContent).value, /15 - 3 = 12|15 − 3 = 12/);

  const symbols = (await lsp.documentSymbols(uri)) as DocumentSymbol[];
  assert.equal(symbols.length, 1);
  assert.equal(symbols[0].name, 'apples');
  const kids = symbols[0].children!.map((c) => c.name);
  assert.ok(kids.some((n) => /^Model/.test(n)) && kids.includes('equation: x = 15 - 3') && kids.includes('answer: 999999'));
  const modelSymbol = symbols[0].children!.find((c) => /^Model/.test(c.name))!;
  assert.ok(modelSymbol.children!.length === 1 && / = /.test(modelSymbol.children![0].name), 'steps nest under the solution');

  const folds = (await lsp.foldingRanges(uri))!;
  assert.deepEqual(folds.map((f) => [f.startLine, f.endLine]), [[0, 4]]);

  const actions = (await lsp.codeActions(uri, disagree.range, [disagree])) as CodeAction[];
  const fix = actions.find((a) => a.kind === 'quickfix' && a.diagnostics?.[0]?.code === ANSWER_DISAGREES)!;
  assert.ok(fix, 'a quick fix for the disagreement');
  const edits = fix.edit!.changes![uri];
  const fixed = applyEdits(text, edits);
  assert.ok(fixed.startsWith('problem apples\n小明有15个苹果，\n吃了3个，还剩多少个？\nequation: x = 15 - 3\nanswer: '), 'only the answer changes');
  lsp.replace(uri, text, fixed);
  const after = await lsp.diagnostics(uri);
  assert.ok(!after.some((d) => d.code === ANSWER_DISAGREES), 'the fix removes the disagreement');
});

test('a problem without equation or answer offers to insert the model\'s, without touching the text', async (t) => {
  const lsp = await startLsp(t);
  const uri = lsp.uri('insert.mwp');
  const text = 'problem\n每支铅笔2元，买5支铅笔要付多少元？\n';
  lsp.open(uri, text);
  await lsp.diagnostics(uri);
  const actions = (await lsp.codeActions(uri, { start: { line: 1, character: 2 }, end: { line: 1, character: 2 } }, [])) as CodeAction[];
  const insert = actions.find((a) => /Insert the model's equation and answer/.test(a.title));
  assert.ok(insert, JSON.stringify(actions.map((a) => a.title)));
  const result = applyEdits(text, insert.edit!.changes![uri]);
  assert.match(result, /^problem\n每支铅笔2元，买5支铅笔要付多少元？\nequation: x = .+\nanswer: .+\n$/);
});

test('untrusted workspaces get no model features, but the checks still run', async (t) => {
  const lsp = await startLsp(t, { trusted: false });
  const uri = lsp.uri('untrusted.mwp');
  lsp.open(uri, 'problem\n小明有15个苹果，吃了3个，还剩多少个？\nanswer: 1 +\n');
  assert.deepEqual(codes(await lsp.diagnostics(uri)), [SYNTAX]);
  assert.deepEqual((await lsp.inlayHints(uri, { start: { line: 0, character: 0 }, end: { line: 3, character: 0 } })) ?? [], []);
  assert.deepEqual((await lsp.codeLenses(uri)) ?? [], []);
});
