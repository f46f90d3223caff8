// Faults in the neural layer, each injected for real: damaged model files, a model with the wrong
// signature, the inference worker dying mid-request, and inputs past the models' limits. Each must
// give one clear line, and language features must keep working.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { repoRoot } from '../helpers/data';
import { startLsp } from '../helpers/lspClient';
import { createNeuralApi } from '../../src/neural';
import { Requests } from '../../src/core/protocol';

const models = path.join(repoRoot, 'models');
const worker = path.join(repoRoot, 'dist', 'worker.js');

/** A copy of one model's files (nl2tl unless named) with one file replaced (or removed, when `content` is undefined). */
function damagedModels(t: { after(fn: () => void): void }, file: string, content: Buffer | undefined, model = 'nl2tl'): string {
  const dir = fs.mkdtempSync(path.join(repoRoot, '.test-tmp', 'models-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  fs.cpSync(path.join(models, model), path.join(dir, model), { recursive: true });
  const target = path.join(dir, model, file);
  if (content === undefined) fs.rmSync(target);
  else fs.writeFileSync(target, content);
  return dir;
}

const encoder = fs.readFileSync(path.join(models, 'nl2tl', 'encoder.onnx'));
const faults: [string, string, () => Buffer | undefined, RegExp][] = [
  ['a missing encoder', 'encoder.onnx', () => undefined, /Model file not found: .*encoder\.onnx/],
  ['a truncated encoder', 'encoder.onnx', () => encoder.subarray(0, encoder.length >> 1), /Could not load nl2tl model/],
  ['a corrupt encoder', 'encoder.onnx', () => Buffer.from('this is not a protobuf'.repeat(100)), /Could not load nl2tl model/],
  ['an encoder with the wrong inputs (the tagger)', 'encoder.onnx', () => fs.readFileSync(path.join(models, 'nl2tl', 'tagger.onnx')), /encoder\.onnx/],
  ['a corrupt vocabulary', 'vocab.json', () => Buffer.from('{"src": ['), /corrupt|vocab/i],
];

for (const [name, file, content, message] of faults) {
  test(`${name}: translation fails with one clear line, and the next request is tried again`, async (t) => {
    const api = createNeuralApi({ executionProvider: 'cpu', modelsDir: damagedModels(t, file, content()), workerPath: worker });
    t.after(() => api.dispose());
    for (let attempt = 0; attempt < 2; attempt++) {
      await assert.rejects(api.translate({ sentence: 'always avoid "the red zone"' }), (e: Error) => {
        assert.match(e.message, message);
        assert.ok(!e.message.includes('\n'), `more than one line: ${e.message}`);
        return true;
      });
    }
  });
}

const channelFaults: [string, string, () => Buffer | undefined, RegExp][] = [
  ['a missing channel model', 'reverse.onnx', () => undefined, /Model file not found: .*reverse\.onnx/],
  ['a corrupt channel model', 'reverse.onnx', () => Buffer.from('this is not a protobuf'.repeat(100)), /Could not load the NL->TL channel model/],
  ['a channel description that is not one', 'reverse.json', () => Buffer.from('{"kind": "x"}'), /not an NL->TL channel model.*reverse\.json/],
];

for (const [name, file, content, message] of channelFaults) {
  test(`${name}: translation still works, ranked by the translation model alone, and the status says why`, async (t) => {
    const damaged = createNeuralApi({ executionProvider: 'cpu', modelsDir: damagedModels(t, file, content()), workerPath: worker });
    const healthy = createNeuralApi({ executionProvider: 'cpu', workerPath: worker });
    t.after(() => Promise.all([damaged.dispose(), healthy.dispose()]));
    // Already lifted, so a healthy model reranks its beam with the channel.
    const request = { sentence: 'at some time ( prop_1 ) and never ( prop_2 )', beams: 4 };
    const [without, withChannel] = await Promise.all([damaged.translate(request), healthy.translate(request)]);
    const note = damaged.status().note ?? '';
    assert.match(note, message);
    assert.match(note, /ranked by the translation model alone/);
    assert.ok(!note.includes('\n'), `more than one line: ${note}`);
    assert.equal(healthy.status().note, undefined);
    // The channel's mean log-probability is negative: a formula scores higher without it.
    const healthyScores = new Map([withChannel.best, ...withChannel.alternatives].map((c) => [c.formula, c.score]));
    const shared = [without.best, ...without.alternatives].filter((c) => healthyScores.has(c.formula));
    assert.ok(shared.length >= 2, 'the two beams share formulas');
    for (const c of shared) assert.ok(c.score > healthyScores.get(c.formula)!, `${c.formula}: ${c.score} vs ${healthyScores.get(c.formula)}`);
  });
}

const memory = fs.readFileSync(path.join(models, 'mwp', 'memory.bin'));
const mwpFaults: [string, string, () => Buffer | undefined, RegExp][] = [
  ['a missing retrieval memory', 'memory.bin', () => undefined, /Model file not found: .*memory\.bin/],
  ['a truncated retrieval memory', 'memory.bin', () => memory.subarray(0, memory.length - 100), /memory\.bin is corrupt: \d+ bytes where 25616 rows/],
  ['a labeller that is not one', 'labeller.json', () => Buffer.from('{"format": 1}'), /Model file is corrupt \(not a formula labeller\): .*labeller\.json/],
  ['a shape prior that is not one', 'shape.json', () => Buffer.from('{"format": 1, "heads": {}}'), /Model file is corrupt \(not a shape prior\): .*shape\.json/],
  ['a missing shape prior', 'shape.json', () => undefined, /Model file not found: .*shape\.json/],
  ['a corrupt memory description', 'memory.json', () => Buffer.from('{"rows": '), /Model file is corrupt \(not JSON\): .*memory\.json/],
  ['an English solver that is not one', 'english.json', () => Buffer.from('{"format": 2}'), /Model file is corrupt \(not an English MWP ranker\): .*english\.json/],
  ['an English labeller that is not one', 'english.json', () => Buffer.from('{"format": 1, "weights": {}, "labeller": {"classes": [0]}}'), /Model file is corrupt \(not an English formula labeller\): .*english\.json/],
  ['a confidence calibration that is not one', 'calibration.json', () => Buffer.from('{"format": 1, "platt": {}}'), /Model file is corrupt \(not a confidence calibration\): .*calibration\.json/],
];

for (const [name, file, content, message] of mwpFaults) {
  test(`${name}: word problems fail with one clear line naming the file`, async (t) => {
    const api = createNeuralApi({ executionProvider: 'cpu', modelsDir: damagedModels(t, file, content(), 'mwp'), workerPath: worker });
    t.after(() => api.dispose());
    await assert.rejects(api.interpretMwp('小明有15个苹果，吃了3个，还剩多少个？'), (e: Error) => {
      assert.match(e.message, message);
      assert.ok(!e.message.includes('\n'), `more than one line: ${e.message}`);
      return true;
    });
  });
}

test('stopping the worker just after a failed model load does not abort the process', (t) => {
  const dir = damagedModels(t, 'encoder.onnx', undefined);
  const r = spawnSync(process.execPath, ['--import', 'tsx', path.join(repoRoot, 'test', 'reliability', 'fixtures', 'stopWhileLoading.ts'), dir, '10'], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 60_000,
  });
  assert.equal(r.status, 0, `the process died (status ${r.status}, signal ${r.signal}): ${r.stderr.slice(-300)}`);
  assert.match(r.stdout, /Model file not found: .*encoder\.onnx\nstopped 10 times/);
});

test('the worker dying mid-inference fails that request, and the next one runs in a fresh worker', async (t) => {
  const api = createNeuralApi({ executionProvider: 'cpu', workerPath: path.join(repoRoot, 'test', 'reliability', 'fixtures', 'crashingWorker.cjs') });
  t.after(() => api.dispose());
  await assert.rejects(api.translate({ sentence: '__crash__' }), /The inference worker exited \(code 7\)\./);
  const after = await api.translate({ sentence: 'always avoid "the red zone"' });
  assert.match(after.best.formula, /red_zone|the_red_zone|prop|G|F/);
});

test('a sentence past the model limit is refused with the limit, not truncated silently', async (t) => {
  const api = createNeuralApi({ executionProvider: 'cpu', workerPath: worker });
  t.after(() => api.dispose());
  await assert.rejects(api.translate({ sentence: `always "a" ${'and then the robot waits '.repeat(200)}` }), /too long \(\d+ characters; at most 2000\)/);
  await assert.rejects(api.translate({ sentence: `always "a" ${'wait '.repeat(300)}` }), /too long \(\d+ words; at most \d+\)/);
});

test('a word problem past the model limit is refused with the limit, not truncated silently', async (t) => {
  const api = createNeuralApi({ executionProvider: 'cpu', workerPath: worker });
  t.after(() => api.dispose());
  const long = `${'A shop sold 12 apples in the morning and 3 times as many in the afternoon. '.repeat(60)}How many apples did it sell?`;
  await assert.rejects(api.interpretMwp(long), /too long/);
});

test('with broken models the server still gives diagnostics, hovers and formatting, and says why translation fails', async (t) => {
  const broken = damagedModels(t, 'decoder.onnx', Buffer.from('garbage'));
  const lsp = await startLsp(t, { settings: { models: { path: broken }, inference: { executionProvider: 'cpu' } } });
  const uri = lsp.uri('a.tl');
  lsp.open(uri, 'prop p\nspec s := G (p -> F p)\nspec t := G (\n');
  await assert.rejects(lsp.request(Requests.translate, { sentence: 'always "p"' }), (e: Error) => /Could not load nl2tl model/.test(e.message) && !e.message.includes('\n'));
  const diagnostics = await lsp.diagnostics(uri);
  assert.ok(diagnostics.some((d) => d.range.start.line === 2), JSON.stringify(diagnostics));
  assert.ok(await lsp.hover(uri, { line: 1, character: 13 }));
  assert.ok((await lsp.formatting(uri)) !== null);
  assert.ok(lsp.alive);
});
