// The web extension's language server (dist/web/server.js; `npm run build` first) in a real web worker of
// headless Chromium, spoken to with real LSP messages (test/helpers/webLsp.ts): the language features of the
// three languages, a hierarchy import read through the client's file requests, SAT reasoning in the worker,
// and the models on onnxruntime-web, whose translations and word-problem answers must equal the Node build's
// (onnxruntime-node, the code `nesy translate` and `nesy mwp` run) on a shared set of inputs.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CodeAction, CodeLens, CompletionItem, Diagnostic, Hover, Location, SemanticTokens, TextEdit } from 'vscode-languageserver-types';
import type { MwpResult, TranslateResult } from '../../src/core/neuralApi';
import { Requests } from '../../src/core/protocol';
import { MwpModel } from '../../src/neural/mwp';
import { distinctMeanings, Translator, type NlTranslation } from '../../src/neural/translator';
import { defaultModelsDir } from '../../src/neural/modelFiles';
import { repoRoot } from '../helpers/data';
import { applyEdits, positionOf } from '../helpers/lspClient';
import { startWebLsp, type WebLsp } from '../helpers/webLsp';

const fixtures = path.join(repoRoot, 'test', 'fixtures');
let web: WebLsp;
let workspace: string;

before(async () => {
  fs.mkdirSync(path.join(repoRoot, '.test-tmp'), { recursive: true });
  workspace = fs.mkdtempSync(path.join(repoRoot, '.test-tmp', 'web-'));
  fs.writeFileSync(path.join(workspace, '.nesyroot'), '');
  fs.mkdirSync(path.join(workspace, 'rules'));
  fs.writeFileSync(
    path.join(workspace, 'scene.json'),
    JSON.stringify({ name: 'root', children: [{ name: 'vehicle', children: [{ name: 'car' }, { name: 'bus' }] }, { name: 'person' }] }, null, 1),
  );
  web = await startWebLsp({ workspace });
});

after(async () => {
  await web?.close();
  fs.rmSync(workspace, { recursive: true, force: true });
});

const spec = ['prop a "the alarm"', 'prop unused', 'spec s := G (a -> F[10,2] a)', 'G (a U b R a)', ''].join('\n');

test('.tl in the web worker: diagnostics, a quick fix, hover, completion, formatting, semantic tokens, code lens', async () => {
  const uri = web.uri('spec.tl');
  await web.open(uri, 'tl', spec);
  const diags = await web.diagnostics(uri, 1);
  assert.deepEqual(diags.map((d) => d.code).sort(), ['tl/chained-temporal', 'tl/interval-reversed', 'tl/undeclared-prop', 'tl/unused-declaration']);
  const first = await web.firstDiagnosticsMs();
  assert.ok(first > 0, 'diagnostics arrived');
  process.stdout.write(`# first diagnostics in the browser: ${first.toFixed(0)} ms after the worker was created\n`);

  const reversed = diags.find((d) => d.code === 'tl/interval-reversed') as Diagnostic;
  const actions = await web.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: reversed.range, context: { diagnostics: [reversed] } });
  const fix = actions.find((a) => a.kind === 'quickfix' && a.isPreferred);
  assert.ok(fix?.edit?.changes?.[uri], JSON.stringify(actions));
  assert.equal(applyEdits(spec, fix.edit.changes[uri] as TextEdit[]), spec.replace('F[10,2]', 'F[2,10]'));

  const hover = await web.request<Hover>('textDocument/hover', { textDocument: { uri }, position: positionOf(spec, 'a ->') });
  assert.match((hover.contents as { value: string }).value, /the alarm/);

  const completion = await web.request<CompletionItem[] | { items: CompletionItem[] }>('textDocument/completion', { textDocument: { uri }, position: { line: 4, character: 0 } });
  const labels = (Array.isArray(completion) ? completion : completion.items).map((c) => c.label);
  assert.ok(labels.includes('a') && labels.includes('unused'), labels.join(' '));

  const edits = await web.request<TextEdit[]>('textDocument/formatting', { textDocument: { uri }, options: { tabSize: 2, insertSpaces: true } });
  assert.ok(edits.length > 0 && /U \(b R a\)|U b R a/.test(applyEdits(spec, edits)));

  const tokens = await web.request<SemanticTokens>('textDocument/semanticTokens/full', { textDocument: { uri } });
  assert.ok(tokens.data.length > 0 && tokens.data.length % 5 === 0);

  const definition = await web.request<Location[] | Location>('textDocument/definition', { textDocument: { uri }, position: positionOf(spec, 'a ->') });
  assert.equal((Array.isArray(definition) ? definition[0] : definition).range.start.line, 0);

  const symbols = await web.request<{ name: string }[]>('textDocument/documentSymbol', { textDocument: { uri } });
  assert.ok(symbols.some((x) => x.name === 's'), JSON.stringify(symbols));
  const references = await web.request<Location[]>('textDocument/references', { textDocument: { uri }, position: positionOf(spec, 'a "'), context: { includeDeclaration: true } });
  assert.equal(references.length, 5);
  const rename = await web.request<{ changes: Record<string, TextEdit[]> }>('textDocument/rename', { textDocument: { uri }, position: positionOf(spec, 'a "'), newName: 'alarm' });
  assert.match(applyEdits(spec, rename.changes[uri]!), /prop alarm "the alarm"[\s\S]*G \(alarm -> F\[10,2\] alarm\)/);

  const nl = web.uri('nl.tl');
  const nlText = 'prop red_zone "the robot is inside the red zone"\n// nl: always avoid the red zone\n';
  await web.open(nl, 'tl', nlText);
  const lenses = await web.request<CodeLens[]>('textDocument/codeLens', { textDocument: { uri: nl } });
  assert.ok(lenses.some((l) => l.command?.command === 'nesy.translate'), JSON.stringify(lenses));
});

test('.fol in the web worker: a hierarchy imported through the client\'s file system, SAT reasoning, a quick fix', async () => {
  const text = 'hierarchy animals {\n  mammal { dog, cat }\n  bird { sparrow }\n}\nhierarchy scene from "../scene.json"\nrule r1: forall x. dog(x) -> bird(x)\nrule r3: forall x. car(x) -> fish(x)\nhierarchy gone from "../missing.json"\nhierarchy out from "../../outside.json"\n';
  const uri = web.uri('rules/rules.fol');
  await web.open(uri, 'fol', text);
  const diags = await web.diagnostics(uri, 1);
  const unsat = diags.find((d) => d.code === 'fol/unsatisfiable-class');
  assert.match(unsat?.message ?? '', /'dog' unsatisfiable/, JSON.stringify(diags));
  const failed = diags.filter((d) => d.code === 'fol/import-failed').map((d) => d.message);
  assert.equal(failed.length, 2, JSON.stringify(failed));
  assert.match(failed[0]!, /not found/);
  assert.match(failed[1]!, /outside the project folder/);
  // car comes from scene.json, read through nesy/fs/readText: without it car would be undeclared too.
  assert.ok(!diags.some((d) => /'car'/.test(d.message)), JSON.stringify(diags));
  const definition = await web.request<Location[]>('textDocument/definition', { textDocument: { uri }, position: positionOf(text, 'car(x)') });
  assert.ok(definition[0]!.uri.endsWith('/scene.json'));

  const undeclared = diags.find((d) => d.code === 'fol/undeclared-predicate') as Diagnostic;
  const actions = await web.request<CodeAction[]>('textDocument/codeAction', { textDocument: { uri }, range: undeclared.range, context: { diagnostics: [undeclared] } });
  assert.ok(actions.some((a) => a.title === 'Declare predicate fish(x)'), actions.map((a) => a.title).join(' | '));
});

test('.mwp in the web worker: the model\'s answer checks the user\'s, with an inlay hint', async () => {
  const uri = web.uri('model.mwp');
  const text = ['problem apples', '小明有15个苹果，', '吃了3个，还剩多少个？', 'equation: x = 15 - 3', 'answer: 999999', ''].join('\n');
  await web.open(uri, 'mwp', text);
  const diags = await web.diagnostics(uri, 1);
  assert.match(diags.find((d) => d.code === 'mwp/answer-disagrees')?.message ?? '', /999999/, JSON.stringify(diags));
  const hints = await web.request<{ label: string | { value: string }[] }[]>('textDocument/inlayHint', { textDocument: { uri }, range: { start: { line: 0, character: 0 }, end: { line: 6, character: 0 } } });
  const label = hints.map((h) => (typeof h.label === 'string' ? h.label : h.label.map((p) => p.value).join(''))).join(' ');
  assert.match(label, /= 12/);
});

/** The shared inputs: hand-written requirements, NL2TL navigation and lifted sentences, and word problems in both languages. */
function sentences(): string[] {
  const lines = (file: string) => fs.readFileSync(path.join(fixtures, 'nl2tl', file), 'utf8').trim().split('\n').map((l) => JSON.parse(l) as Record<string, unknown>);
  const words = (v: unknown) => (Array.isArray(v) ? v.join(' ') : String(v));
  return [
    ...lines('free.jsonl').map((r) => words(r.sentence)),
    ...lines('navi.jsonl').slice(0, 6).map((r) => words(r.sentence)),
    ...lines('lifted.jsonl').slice(0, 6).map((r) => words(r.logic_sentence)),
    'if the door opens then the alarm sounds within 5 seconds',
  ];
}

function problems(): string[] {
  const chinese = JSON.parse(fs.readFileSync(path.join(fixtures, 'mwp', 'handmade.json'), 'utf8')) as { original_text: string }[];
  const english = JSON.parse(fs.readFileSync(path.join(fixtures, 'mwp', 'svamp-handmade.json'), 'utf8')) as { Body: string; Question: string }[];
  return [...chinese.slice(0, 4).map((p) => p.original_text), ...english.slice(0, 4).map((p) => `${p.Body} ${p.Question}`)];
}

/**
 * `actual` equals `expected` in every string, boolean and shape, and in every number to 1e-5: WebAssembly's
 * kernels round floats differently from the native ones, in the 7th digit of a score or a confidence.
 */
function assertSame(actual: unknown, expected: unknown, where: string): void {
  if (typeof actual === 'number' && typeof expected === 'number') {
    assert.ok(Math.abs(actual - expected) <= 1e-5 * Math.max(1, Math.abs(expected)), `${where}: ${actual} against ${expected}`);
  } else if (typeof actual === 'object' && actual !== null && typeof expected === 'object' && expected !== null) {
    assert.deepEqual(Object.keys(actual).sort(), Object.keys(expected).sort(), where);
    for (const key of Object.keys(expected)) assertSame((actual as Record<string, unknown>)[key], (expected as Record<string, unknown>)[key], `${where}.${key}`);
  } else {
    assert.equal(actual, expected, where);
  }
}

/** A result as the client receives it (JSON), without the timing and the provider's name. */
const plain = <T>(r: T): T => JSON.parse(JSON.stringify({ ...r, ms: 0, ep: '' })) as T;

/**
 * A translation's alternatives leave out formulas equivalent to an earlier one within a 20 ms budget
 * (distinctMeanings), which a busy or slower run may exhaust: its list then keeps an equivalent and, cut to the
 * same length, ends earlier. So the lists are compared with every equivalent removed, and a list that held an
 * equivalent need only be a prefix of the other.
 */
function assertSameTranslation(actual: TranslateResult, expected: TranslateResult, where: string): void {
  const [a, e] = [plain(actual), plain(expected)];
  const distinct = (r: TranslateResult) => distinctMeanings([r.best, ...r.alternatives] as NlTranslation[], Infinity).slice(1);
  const [da, de] = [distinct(a), distinct(e)];
  assertSame({ ...a, alternatives: [] }, { ...e, alternatives: [] }, where);
  const exhausted = (r: TranslateResult, d: NlTranslation[]) => d.length < r.alternatives.length;
  const n = exhausted(a, da) || exhausted(e, de) ? Math.min(da.length, de.length) : Math.max(da.length, de.length);
  assertSame(da.slice(0, n), de.slice(0, n), `${where}.alternatives`);
  assert.ok(da.length >= n && de.length >= n, `${where}: ${da.length} distinct alternatives against ${de.length}`);
}

test('translations and word-problem answers in the browser equal the Node build\'s', async () => {
  const translator = await Translator.load(defaultModelsDir(), 'cpu');
  const model = await MwpModel.load(defaultModelsDir(), 'cpu');
  try {
    const inputs = sentences();
    const webMs: number[] = [];
    for (const sentence of inputs) {
      const [node] = await translator.translate([{ sentence }]);
      assert.ok(!(node instanceof Error), String(node));
      const inBrowser = await web.request<TranslateResult>(Requests.translate, { sentence });
      webMs.push(inBrowser.ms);
      assertSameTranslation(inBrowser, node as TranslateResult, sentence);
    }
    for (const text of problems()) {
      const node = await model.interpret(text);
      const inBrowser = await web.request<MwpResult>(Requests.interpretMwp, { text });
      assertSame(plain(inBrowser), plain(node), text);
    }
    webMs.sort((a, b) => a - b);
    process.stdout.write(`# browser translation (WebAssembly) median ${webMs[webMs.length >> 1]!.toFixed(1)} ms over ${webMs.length} sentences\n`);
    const status = await web.request<{ ep: string | null }>(Requests.status, {});
    assert.equal(status.ep, 'cpu');
  } finally {
    await translator.release();
  }
});

test('on WebGPU in the browser the translations and answers equal the Node build\'s; a browser without WebGPU falls back to the CPU in one line', async () => {
  const settings = { inference: { executionProvider: 'webgpu' } };
  const translator = await Translator.load(defaultModelsDir(), 'cpu');
  const model = await MwpModel.load(defaultModelsDir(), 'cpu');
  const gpu = await startWebLsp({ workspace, settings, webgpu: true });
  try {
    // A few of the shared inputs: WebGPU on SwiftShader (the CPU) is slow, and the kernels are the same for all.
    const gpuMs: number[] = [];
    for (const sentence of [...sentences().slice(0, 2), sentences().at(-1)!]) {
      const [node] = await translator.translate([{ sentence }]);
      const onGpu = await gpu.request<TranslateResult>(Requests.translate, { sentence });
      assert.equal(onGpu.ep, 'webgpu', sentence);
      gpuMs.push(onGpu.ms);
      assertSameTranslation(onGpu, node as TranslateResult, sentence);
    }
    process.stdout.write(`# browser translation on WebGPU (SwiftShader, no GPU): ${gpuMs.map((ms) => ms.toFixed(0)).join(', ')} ms\n`);
    for (const text of [problems()[0]!, problems().at(-1)!]) {
      const onGpu = await gpu.request<MwpResult>(Requests.interpretMwp, { text });
      assertSame(plain(onGpu), plain(await model.interpret(text)), text);
    }
    const status = await gpu.request<{ ep: string | null; note?: string }>(Requests.status, {});
    assert.equal(status.ep, 'webgpu', JSON.stringify(status));
  } finally {
    await gpu.close();
    await translator.release();
  }
  const without = await startWebLsp({ workspace, settings });
  try {
    const result = await without.request<TranslateResult>(Requests.translate, { sentence: 'always avoid the red zone' });
    assert.equal(result.ep, 'cpu');
    const status = await without.request<{ ep: string | null; note?: string }>(Requests.status, {});
    assert.match(status.note ?? '', /^webgpu: this browser offers WebGPU but no adapter for it \(no usable GPU\); using cpu$/, JSON.stringify(status));
  } finally {
    await without.close();
  }
});
