// Creates onnxruntime sessions on the execution provider that suits the work. `auto` decides by
// measurement (chooseProvider): a single request runs on cpu, where it is fastest, and batch work
// (`nesy eval`, `nesy translate --file`) on the platform's GPU providers first. A provider that cannot
// run is skipped, or fails, with a one-line reason, and the next is tried. Nothing is written to stderr
// on the way: onnxruntime logs only fatal errors, and providers that would fail noisily are skipped up
// front (providerSkipReason: webgpu on Linux without Vulkan, cuda without its libraries).
import * as path from 'node:path';
import type { InferenceSession } from 'onnxruntime-common';
import type { ExecutionProviderChoice } from '../core/settings';
import { modelFiles } from './modelFiles';
import type * as NodeRuntime from './nodeRuntime';

export type ExecutionProviderName = Exclude<ExecutionProviderChoice, 'auto'>;

export interface SessionSet {
  sessions: InferenceSession[];
  ep: ExecutionProviderName;
  /**
   * The onnxruntime the sessions belong to: tensors fed to them come from it, since each onnxruntime-web build
   * carries its own Tensor class and a session takes only its own.
   */
  ort: Ort;
  /**
   * Why earlier providers were skipped, e.g. "webgpu: no Vulkan (libvulkan.so.1 not found); using cpu",
   * or that `auto` kept single requests on cpu (interactiveNote); see setFallbackNotes.
   */
  note?: string;
}

/** What sessions are for: requests a person waits on one at a time, or a corpus run in batches. */
export type Workload = 'interactive' | 'batch';

/**
 * The GPU providers `auto` tries for batch work, per platform, in order: the platform's own GPU API
 * (DirectML on Windows, CoreML on macOS), and on Linux WebGPU (Dawn on Vulkan), then CUDA where its
 * libraries are installed. Which of them each platform's onnxruntime-node build has is in ARCHITECTURE.md.
 */
export const gpuProviders: Partial<Record<string, readonly ExecutionProviderName[]>> = {
  win32: ['dml'],
  darwin: ['coreml'],
  linux: ['webgpu', 'cuda'],
  // The web worker's onnxruntime-web: WebGPU where the browser has it (InferenceRuntime.platform).
  browser: ['webgpu'],
};

/**
 * The providers to try, in order. A GPU pays off only for larger batches: a small MLP on an H100 took
 * 0.38 ms on cpu and 2.0 ms on WebGPU at batch 1, 8.5 ms and 3.3 ms at batch 1024 (BENCHMARKS.md). So
 * `auto` runs interactive work (one sentence, one problem) on cpu, and batch work on the platform's GPU
 * providers that this build has (`available`: the binding's listSupportedBackends names), then cpu.
 * A provider the user names is tried first whatever the workload, then cpu.
 */
export function chooseProvider(
  platform: NodeJS.Platform | string,
  available: readonly string[],
  workload: Workload,
  choice: ExecutionProviderChoice = 'auto',
): ExecutionProviderName[] {
  if (choice === 'cpu') return ['cpu'];
  if (choice !== 'auto') return [choice, 'cpu'];
  if (workload === 'interactive') return ['cpu'];
  return [...(gpuProviders[platform] ?? []).filter((p) => available.includes(p)), 'cpu'];
}

/** The note createSessions gives when `auto` keeps interactive work on cpu by choice. */
export const interactiveNote = 'auto runs single requests on cpu (faster there than on a GPU one at a time; batches use the GPU)';

let workload: Workload = 'interactive';

/**
 * What this thread's sessions are for (default interactive: the editor's worker, `nesy translate`,
 * `nesy mwp`). The corpus worker threads of `nesy eval` and `nesy translate --file` set batch.
 */
export function setWorkload(w: Workload): void {
  workload = w;
}

/** What providerSkipReason looks at; tests pass their own. */
export interface ProviderProbe {
  /** platform-arch, e.g. linux-x64. */
  target: string;
  /** The onnxruntime build, for messages; onnxruntime-node when absent. */
  runtimeName?: string;
  /** onnxruntime-node's listSupportedBackends(): the providers its binding was built with. */
  backends: readonly { name: string; bundled: boolean }[];
  /** Whether a library file lies beside onnxruntime-node's binding. */
  hasLibrary(file: string): boolean;
  webgpuSkip(): string | undefined;
}

/** The library a provider that onnxruntime-node does not bundle loads from beside its binding. */
const providerLibraries: Partial<Record<string, string>> = { cuda: 'libonnxruntime_providers_cuda.so' };

/** Why a provider cannot run here, or undefined when it may be tried. */
export function providerSkipReason(ep: ExecutionProviderName, probe: ProviderProbe): string | undefined {
  if (ep === 'cpu') return undefined;
  const backend = probe.backends.find((b) => b.name === ep);
  if (!backend) return `not in ${probe.runtimeName ?? 'onnxruntime-node'} for ${probe.target} (it has ${probe.backends.map((b) => b.name).filter((n) => n !== 'tensorrt').join(', ')})`;
  const library = providerLibraries[ep];
  if (!backend.bundled && library && !probe.hasLibrary(library)) return `its libraries are not installed (${library} beside onnxruntime-node's binding)`;
  if (ep === 'webgpu') return probe.webgpuSkip();
  return undefined;
}

/** The first line of an error, without onnxruntime's source-location prefixes. */
export function firstLine(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  const line = text.split('\n').find((l) => l.trim() !== '') ?? text;
  const at = line.indexOf('Failed to');
  return (at >= 0 ? line.slice(at) : line).trim().slice(0, 200);
}

/** onnxruntime's API as both builds share it (onnxruntime-common): onnxruntime-node's, or onnxruntime-web's. */
export type Ort = typeof import('onnxruntime-common');

/**
 * What differs between the hosts that run models: Node (nodeRuntime.ts, onnxruntime-node's native addon) and
 * the web worker (src/server/browserNeural.ts, onnxruntime-web's WebAssembly and WebGPU). Sessions, provider
 * choice and decoding are one code path over it.
 */
export interface InferenceRuntime {
  /**
   * The onnxruntime that runs `ep`, loaded on first use: onnxruntime-node for every provider on Node; in the
   * browser onnxruntime-web's WebAssembly build for cpu and its WebGPU build (fetched the first time) for webgpu.
   */
  ort(ep: ExecutionProviderName): Promise<Ort>;
  /** What chooseProvider looks up in gpuProviders: process.platform on Node, 'browser' in a web worker. */
  readonly platform: string;
  probe(): ProviderProbe;
  /** What InferenceSession.create takes for a model file: its path on Node, its bytes in the browser. */
  modelSource(file: string): string | Uint8Array;
}

let current: InferenceRuntime | undefined;

/** Installs the host's runtime (the web worker does, before loading a model). */
export function useRuntime(runtime: InferenceRuntime): void {
  current = runtime;
}

/** The host's runtime; onnxruntime-node unless a host installed another. */
export function runtime(): InferenceRuntime {
  return (current ??= (require('./nodeRuntime') as typeof NodeRuntime).nodeRuntime);
}

/** What webgpuSkipReason looks at; tests pass their own. */
export interface VulkanProbe {
  platform: NodeJS.Platform;
  env: NodeJS.ProcessEnv;
  home: string;
  /** dlopen's error for libvulkan.so.1, or undefined when it loads. */
  loadLoader(): string | undefined;
  /** Whether a directory holds a driver manifest (*.json). */
  hasManifest(dir: string): boolean;
}

/** The directories the Vulkan loader searches for driver manifests on Linux, in its order. */
export function vulkanDriverDirs(env: NodeJS.ProcessEnv, home: string): string[] {
  const list = (value: string | undefined, fallback: string) => (value || fallback).split(':').filter((d) => d !== '');
  return [
    env.XDG_CONFIG_HOME || path.join(home, '.config'),
    ...list(env.XDG_CONFIG_DIRS, '/etc/xdg'),
    '/etc',
    env.XDG_DATA_HOME || path.join(home, '.local', 'share'),
    ...list(env.XDG_DATA_DIRS, '/usr/local/share:/usr/share'),
  ].map((d) => path.join(d, 'vulkan', 'icd.d'));
}

/**
 * Why webgpu cannot run here, or undefined when it may. On Linux, WebGPU in onnxruntime (Dawn) runs on
 * Vulkan; without the Vulkan loader library, or without a driver for it, Dawn and the loader print
 * multi-line warnings straight to stderr before the adapter request fails, and no onnxruntime log
 * setting silences them (measured with onnxruntime-node 1.30: env.logLevel, logSeverityLevel and
 * logVerbosityLevel leave them in). So check what Dawn would need first: libvulkan.so.1 loads the way
 * Dawn loads it (dlopen), and a driver manifest exists where the loader looks, unless VK_DRIVER_FILES,
 * VK_ICD_FILENAMES or VK_ADD_DRIVER_FILES point it elsewhere.
 */
export function webgpuSkipReason(probe: VulkanProbe): string | undefined {
  if (probe.platform !== 'linux') return undefined;
  const error = probe.loadLoader();
  if (error !== undefined) {
    return /cannot open shared object file/.test(error) ? 'no Vulkan (libvulkan.so.1 not found)' : `no Vulkan (libvulkan.so.1: ${firstLine(error)})`;
  }
  if (probe.env.VK_DRIVER_FILES || probe.env.VK_ICD_FILENAMES || probe.env.VK_ADD_DRIVER_FILES) return undefined;
  if (vulkanDriverDirs(probe.env, probe.home).some((d) => probe.hasManifest(d))) return undefined;
  return 'no Vulkan driver (no manifest in any vulkan/icd.d)';
}

let fallbackNotes = true;

/**
 * Whether SessionSet.note says why providers were skipped (the default, which the editor's status bar
 * and output channel show). The CLI turns it off for this thread unless --verbose or a named --ep asks
 * for it (src/cli/providerNote.ts); other notes, such as a model that is not used, are kept.
 */
export function setFallbackNotes(on: boolean): void {
  fallbackNotes = on;
}

export async function createSessions(paths: readonly string[], choice: ExecutionProviderChoice): Promise<SessionSet> {
  const { platform } = runtime();
  const probe = runtime().probe();
  const available = probe.backends.map((b) => b.name);
  const order = chooseProvider(platform, available, workload, choice);
  const reasons: string[] = [];
  for (const ep of order) {
    const skip = providerSkipReason(ep, probe);
    if (skip !== undefined) {
      reasons.push(`${ep}: ${skip}`);
      continue;
    }
    const created: InferenceSession[] = [];
    try {
      const ort = await runtime().ort(ep);
      for (const p of paths) {
        // These models are small: one thread per session beats a thread pool that spins while the
        // language server and other processes want the same cores (about 2x faster measured here).
        // logSeverityLevel 4 (fatal), like the runtimes' env.logLevel: a failed provider is reported once, by us.
        const options: InferenceSession.SessionOptions = { executionProviders: [ep], graphOptimizationLevel: 'all', intraOpNumThreads: 1, interOpNumThreads: 1, logSeverityLevel: 4 };
        const source = runtime().modelSource(p);
        created.push(await (typeof source === 'string' ? ort.InferenceSession.create(source, options) : ort.InferenceSession.create(source, options)));
      }
      let note: string | undefined;
      if (reasons.length > 0) note = `${reasons.join('; ')}; using ${ep}`;
      else if (choice === 'auto' && workload === 'interactive' && chooseProvider(platform, available, 'batch').length > 1) note = interactiveNote;
      return { sessions: created, ep, ort, ...(note !== undefined && fallbackNotes ? { note } : {}) };
    } catch (e) {
      await Promise.all(created.map((s) => s.release()));
      reasons.push(`${ep}: ${firstLine(e)}`);
    }
  }
  throw new Error(`No execution provider could load the model (${reasons.join('; ')}).`);
}

/** A model file and the inputs its caller feeds it. */
export interface ModelFile {
  path: string;
  inputs: readonly string[];
}

/**
 * createSessions for model files that must exist and take the given inputs: a missing file, a file
 * no provider loads (named by `label` when given) and a graph with other inputs each fail in one line.
 */
export async function openSessions(files: readonly ModelFile[], choice: ExecutionProviderChoice, label?: string): Promise<SessionSet> {
  for (const f of files) {
    if (!modelFiles().exists(f.path)) throw new Error(`Model file not found: ${f.path}`);
  }
  let set: SessionSet;
  try {
    set = await createSessions(files.map((f) => f.path), choice);
  } catch (e) {
    throw label ? new Error(`Could not load ${label}: ${(e as Error).message}`) : e;
  }
  try {
    files.forEach((f, i) => checkSignature(set.sessions[i]!, f.inputs, f.path));
  } catch (e) {
    await Promise.all(set.sessions.map((s) => s.release()));
    throw e;
  }
  return set;
}

function checkSignature(session: InferenceSession, inputs: readonly string[], file: string): void {
  const missing = inputs.filter((n) => !session.inputNames.includes(n));
  if (missing.length > 0) {
    throw new Error(`${path.basename(file)} has the wrong signature: missing input ${missing.join(', ')} (has ${session.inputNames.join(', ')}).`);
  }
}
