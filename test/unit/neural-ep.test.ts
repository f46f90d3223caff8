import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { createSessions, firstLine, providerOrder, setFallbackNotes, vulkanDriverDirs, webgpuSkipReason, type VulkanProbe } from '../../src/neural/executionProvider';
import { defaultModelsDir } from '../../src/neural/modelFiles';
import { loadTranslator } from '../../src/neural/index';

const encoder = path.join(defaultModelsDir(), 'nl2tl', 'encoder.onnx');

test('auto tries webgpu, then cuda, then cpu; a named provider falls back to cpu', () => {
  assert.deepEqual(providerOrder('auto'), ['webgpu', 'cuda', 'cpu']);
  assert.deepEqual(providerOrder('cuda'), ['cuda', 'cpu']);
  assert.deepEqual(providerOrder('cpu'), ['cpu']);
});

test('failure messages are cut to the one line that says what failed', () => {
  const e = new Error('/onnxruntime_src/x.cc:136 lambda adapter_result.status == Success was false. Failed to get a WebGPU adapter: No supported adapters\nmore');
  assert.equal(firstLine(e), 'Failed to get a WebGPU adapter: No supported adapters');
  assert.equal(firstLine(new Error('OrtSessionOptionsAppendExecutionProvider_Cuda: Failed to load shared library')), 'Failed to load shared library');
});

test('on Linux webgpu is skipped, with a reason, without the Vulkan loader or a Vulkan driver', () => {
  const notFound = 'libvulkan.so.1: cannot open shared object file: No such file or directory';
  const probe = (over: Partial<VulkanProbe>): VulkanProbe => ({ platform: 'linux', env: {}, home: '/home/u', loadLoader: () => undefined, hasManifest: () => true, ...over });
  assert.equal(webgpuSkipReason(probe({})), undefined);
  assert.equal(webgpuSkipReason(probe({ loadLoader: () => notFound })), 'no Vulkan (libvulkan.so.1 not found)');
  assert.equal(webgpuSkipReason(probe({ loadLoader: () => 'libvulkan.so.1: wrong ELF class: ELFCLASS32' })), 'no Vulkan (libvulkan.so.1: libvulkan.so.1: wrong ELF class: ELFCLASS32)');
  assert.equal(webgpuSkipReason(probe({ hasManifest: () => false })), 'no Vulkan driver (no manifest in any vulkan/icd.d)');
  // A driver named through the environment is left to the loader; other systems have no Vulkan dependency.
  assert.equal(webgpuSkipReason(probe({ hasManifest: () => false, env: { VK_ICD_FILENAMES: '/opt/icd.json' } })), undefined);
  assert.equal(webgpuSkipReason(probe({ platform: 'win32', loadLoader: () => notFound })), undefined);
  // One manifest anywhere the loader looks is enough.
  const seen: string[] = [];
  assert.equal(webgpuSkipReason(probe({ hasManifest: (d) => (seen.push(d), d === '/usr/share/vulkan/icd.d') })), undefined);
  assert.ok(seen.includes('/etc/vulkan/icd.d') && seen.at(-1) === '/usr/share/vulkan/icd.d', seen.join(' '));
});

test('the Vulkan driver directories follow the XDG variables', () => {
  assert.deepEqual(vulkanDriverDirs({}, '/h'), ['/h/.config', '/etc/xdg', '/etc', '/h/.local/share', '/usr/local/share', '/usr/share'].map((d) => `${d}/vulkan/icd.d`));
  assert.deepEqual(vulkanDriverDirs({ XDG_CONFIG_HOME: '/c', XDG_CONFIG_DIRS: '/x:/y', XDG_DATA_HOME: '/d', XDG_DATA_DIRS: '/s' }, '/h'), ['/c', '/x', '/y', '/etc', '/d', '/s'].map((d) => `${d}/vulkan/icd.d`));
});

test('cpu loads the real encoder without a note', async () => {
  const set = await createSessions([encoder], 'cpu');
  assert.equal(set.ep, 'cpu');
  assert.equal(set.note, undefined);
  await set.sessions[0]!.release();
});

test('a provider that cannot run here falls back to cpu and says why, in one line', async (t) => {
  for (const forced of ['webgpu', 'cuda'] as const) {
    const set = await createSessions([encoder], forced);
    if (set.ep === forced) {
      t.diagnostic(`${forced} is available on this machine; its fallback cannot be exercised here`);
    } else {
      assert.equal(set.ep, 'cpu');
      assert.match(set.note!, new RegExp(`^${forced}: .+; using cpu$`));
      assert.ok(!set.note!.includes('\n'));
    }
    await Promise.all(set.sessions.map((s) => s.release()));
  }
});

test('with fallback notes off (the CLI without --verbose) a fallback to cpu carries no note', async () => {
  setFallbackNotes(false);
  try {
    const set = await createSessions([encoder], 'auto');
    if (set.ep === 'cpu') assert.equal(set.note, undefined);
    await Promise.all(set.sessions.map((s) => s.release()));
  } finally {
    setFallbackNotes(true);
  }
});

test('a missing or corrupt model gives one clear line, not a crash', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nesy-models-'));
  await assert.rejects(loadTranslator('cpu', dir), /Model file not found: .*meta\.json/);
  fs.mkdirSync(path.join(dir, 'nl2tl'));
  for (const f of ['meta.json', 'vocab.json', 'tagger.json']) fs.copyFileSync(path.join(defaultModelsDir(), 'nl2tl', f), path.join(dir, 'nl2tl', f));
  fs.writeFileSync(path.join(dir, 'nl2tl', 'encoder.onnx'), 'not a model');
  fs.copyFileSync(path.join(defaultModelsDir(), 'nl2tl', 'decoder.onnx'), path.join(dir, 'nl2tl', 'decoder.onnx'));
  fs.copyFileSync(path.join(defaultModelsDir(), 'nl2tl', 'tagger.onnx'), path.join(dir, 'nl2tl', 'tagger.onnx'));
  await assert.rejects(loadTranslator('cpu', dir), (e: Error) => /Could not load nl2tl model: No execution provider could load the model/.test(e.message) && !e.message.includes('\n'));
  // A model with the wrong signature: the tagger where the encoder should be.
  fs.copyFileSync(path.join(defaultModelsDir(), 'nl2tl', 'tagger.onnx'), path.join(dir, 'nl2tl', 'encoder.onnx'));
  await assert.rejects(loadTranslator('cpu', dir), /encoder\.onnx has the wrong signature: missing input src/);
  fs.writeFileSync(path.join(dir, 'nl2tl', 'vocab.json'), '{');
  await assert.rejects(loadTranslator('cpu', dir), /corrupt \(not JSON\): .*vocab\.json/);
  fs.rmSync(dir, { recursive: true });
});
