import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import {
  chooseProvider,
  createSessions,
  firstLine,
  providerSkipReason,
  setFallbackNotes,
  setWorkload,
  vulkanDriverDirs,
  webgpuSkipReason,
  type ProviderProbe,
  type VulkanProbe,
} from '../../src/neural/executionProvider';
import { defaultModelsDir } from '../../src/neural/modelFiles';
import { loadTranslator } from '../../src/neural/index';

const encoder = path.join(defaultModelsDir(), 'nl2tl', 'encoder.onnx');

// What each platform's onnxruntime-node 1.30 binding lists (listSupportedBackends; ARCHITECTURE.md).
const builds = {
  'linux-x64': ['cpu', 'webgpu', 'cuda', 'tensorrt'],
  'linux-arm64': ['cpu'],
  'win32-x64': ['cpu', 'dml', 'webgpu'],
  'darwin-arm64': ['cpu', 'coreml', 'webgpu'],
};

test('auto runs interactive requests on cpu, whatever GPU the platform has', () => {
  assert.deepEqual(chooseProvider('linux', builds['linux-x64'], 'interactive'), ['cpu']);
  assert.deepEqual(chooseProvider('win32', builds['win32-x64'], 'interactive'), ['cpu']);
  assert.deepEqual(chooseProvider('darwin', builds['darwin-arm64'], 'interactive'), ['cpu']);
});

test('auto runs batch work on the platform\'s GPU providers its build has, then cpu', () => {
  assert.deepEqual(chooseProvider('linux', builds['linux-x64'], 'batch'), ['webgpu', 'cuda', 'cpu']);
  assert.deepEqual(chooseProvider('linux', builds['linux-arm64'], 'batch'), ['cpu']);
  assert.deepEqual(chooseProvider('win32', builds['win32-x64'], 'batch'), ['dml', 'cpu']);
  assert.deepEqual(chooseProvider('darwin', builds['darwin-arm64'], 'batch'), ['coreml', 'cpu']);
  assert.deepEqual(chooseProvider('freebsd', ['cpu'], 'batch'), ['cpu']);
});

test('a provider the user names is tried first for any workload, then cpu', () => {
  for (const workload of ['interactive', 'batch'] as const) {
    assert.deepEqual(chooseProvider('linux', builds['linux-x64'], workload, 'webgpu'), ['webgpu', 'cpu']);
    assert.deepEqual(chooseProvider('linux', builds['linux-x64'], workload, 'cuda'), ['cuda', 'cpu']);
    assert.deepEqual(chooseProvider('win32', builds['win32-x64'], workload, 'dml'), ['dml', 'cpu']);
    assert.deepEqual(chooseProvider('darwin', builds['darwin-arm64'], workload, 'coreml'), ['coreml', 'cpu']);
    assert.deepEqual(chooseProvider('linux', builds['linux-x64'], workload, 'cpu'), ['cpu']);
    // Named but not in this build: still tried, so that createSessions says why it was skipped.
    assert.deepEqual(chooseProvider('linux', builds['linux-x64'], workload, 'dml'), ['dml', 'cpu']);
  }
});

test('a provider this build lacks, or whose libraries are not installed, is skipped with a one-line reason', () => {
  const probe = (over: Partial<ProviderProbe>): ProviderProbe => ({
    target: 'linux-x64',
    backends: [{ name: 'cpu', bundled: true }, { name: 'webgpu', bundled: true }, { name: 'cuda', bundled: false }],
    hasLibrary: () => false,
    webgpuSkip: () => undefined,
    ...over,
  });
  assert.equal(providerSkipReason('cpu', probe({})), undefined);
  assert.equal(providerSkipReason('webgpu', probe({})), undefined);
  assert.equal(providerSkipReason('webgpu', probe({ webgpuSkip: () => 'no Vulkan (libvulkan.so.1 not found)' })), 'no Vulkan (libvulkan.so.1 not found)');
  assert.equal(providerSkipReason('dml', probe({})), 'not in onnxruntime-node for linux-x64 (it has cpu, webgpu, cuda)');
  assert.equal(providerSkipReason('coreml', probe({ target: 'linux-arm64', backends: [{ name: 'cpu', bundled: true }] })), 'not in onnxruntime-node for linux-arm64 (it has cpu)');
  // CUDA's provider libraries are not in the npm package; onnxruntime-node's install script downloads them.
  assert.equal(providerSkipReason('cuda', probe({})), 'its libraries are not installed (libonnxruntime_providers_cuda.so beside onnxruntime-node\'s binding)');
  assert.equal(providerSkipReason('cuda', probe({ hasLibrary: (f) => f === 'libonnxruntime_providers_cuda.so' })), undefined);
  assert.equal(providerSkipReason('dml', probe({ target: 'win32-x64', backends: [{ name: 'cpu', bundled: true }, { name: 'dml', bundled: true }] })), undefined);
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
  for (const forced of ['webgpu', 'cuda', 'dml', 'coreml'] as const) {
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

test('auto loads interactive sessions on cpu without trying a GPU, and says so only as a note', async () => {
  const set = await createSessions([encoder], 'auto');
  assert.equal(set.ep, 'cpu');
  assert.equal(set.note, 'auto runs single requests on cpu (faster there than on a GPU one at a time; batches use the GPU)');
  await Promise.all(set.sessions.map((s) => s.release()));
});

test('auto loads batch sessions on a GPU provider where one runs, else on cpu with each skipped provider\'s reason', async (t) => {
  setWorkload('batch');
  try {
    const set = await createSessions([encoder], 'auto');
    if (set.ep !== 'cpu') {
      t.diagnostic(`batch work runs on ${set.ep} here; the fallback cannot be exercised`);
    } else if (process.platform === 'linux' && process.arch === 'x64') {
      assert.match(set.note!, /^webgpu: [^;]+; cuda: [^;]+; using cpu$/);
    }
    await Promise.all(set.sessions.map((s) => s.release()));
  } finally {
    setWorkload('interactive');
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
