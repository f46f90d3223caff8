// The neural layer of the web worker server, bundled on its own (dist/web/neural.js) and loaded by the server
// (src/server/browserNeural.ts) with the first model request, so that the worker parses neither it nor its
// libraries (onnxruntime-web, wink-nlp's English model, compromise: four fifths of the code) before its first
// diagnostics. It installs the browser's ModelFiles (the files the server fetched) and InferenceRuntime
// (onnxruntime-web: its WebAssembly build, and its WebGPU build when a session asks for webgpu) into this bundle's
// copies of the loaders, and hands back the same task handlers the Node inference thread runs (workerTasks.ts).
import * as path from 'node:path';
import { sharedWork } from '../core/sharedWork';
import { useRuntime, type InferenceRuntime, type Ort } from './executionProvider';
import { useModelFiles } from './modelFiles';
import { tasks } from './workerTasks';

/** The folder model paths start with: the extension's models/, relative to its root. */
export const modelsDir = 'models';

/**
 * onnxruntime-web's builds, by the providers they run, and the WebAssembly file each loads (scripts/build-web.mjs
 * copies both into dist/web/). cpu runs on the WebAssembly build (its `onnxruntime-web/wasm` entry, 3.7 MB
 * compressed), in every browser. webgpu runs on the JSPI build (`onnxruntime-web/jspi`, 4.1 MB): of the builds
 * with WebGPU it is the smallest, and the only one that fits beside the WebAssembly build in the web part's 10 MB;
 * it needs WebAssembly JSPI (Chromium 137 on). Its CPU path is not used: the WebAssembly build's is faster one
 * request at a time (BENCHMARKS.md).
 */
export const ortBuilds = {
  cpu: { wasm: 'ort-wasm-simd-threaded.wasm', load: () => import('onnxruntime-web/wasm') },
  webgpu: { wasm: 'ort-wasm-simd-threaded.jspi.wasm', load: () => import('onnxruntime-web/jspi') },
} as const;

/** The worker's globals that WebGPU needs (the project compiles without the DOM's types). */
declare const navigator: { gpu?: { requestAdapter(): Promise<unknown> } } | undefined;

/** Why this browser cannot run the WebGPU build, or undefined when it may try. */
function webgpuSkip(): string | undefined {
  if (typeof navigator === 'undefined' || !navigator.gpu) return 'this browser offers no WebGPU (navigator.gpu)';
  if (typeof (globalThis as { WebAssembly?: { Suspending?: unknown } }).WebAssembly?.Suspending !== 'function') return "this browser lacks WebAssembly JSPI, which onnxruntime-web's WebGPU build needs";
  return undefined;
}

/**
 * `store`: the model files by path (models/nl2tl/meta.json, ...), filled by the server before each model loads.
 * `extensionFile`: a file of the extension's dist/web/ (the builds' WebAssembly), fetched by the server.
 */
async function start(store: ReadonlyMap<string, Uint8Array>, extensionFile: (name: string) => Promise<Uint8Array>): Promise<typeof tasks> {
  const bytes = (file: string): Uint8Array => {
    const b = store.get(path.normalize(file));
    if (!b) throw new Error(`Model file not found: ${file}`);
    return b;
  };
  useModelFiles({
    defaultDir: () => modelsDir,
    exists: (file) => store.has(path.normalize(file)),
    readText: (file) => new TextDecoder().decode(bytes(file)),
    readBytes: bytes,
  });
  const load = sharedWork(async (build: keyof typeof ortBuilds): Promise<Ort> => {
    // Asked first, so that a browser with WebGPU but no adapter says so in its own words (onnxruntime-web's
    // message tells a developer to enable a Chrome flag), and the WebGPU build is not fetched for nothing.
    if (build === 'webgpu' && !(await navigator?.gpu?.requestAdapter())) throw new Error('this browser offers WebGPU but no adapter for it (no usable GPU)');
    const { wasm, load: importBuild } = ortBuilds[build];
    // import(), not require(): it picks onnxruntime-web's ES module build with the WebAssembly glue bundled in,
    // so no script is fetched at run time.
    const [ort, binary] = await Promise.all([importBuild() as Promise<Ort>, extensionFile(wasm)]);
    // The WebAssembly comes from the package; one thread (no SharedArrayBuffer in an extension's worker), and no
    // proxy worker, since this already is a worker.
    ort.env.wasm.wasmBinary = binary;
    ort.env.wasm.numThreads = 1;
    ort.env.wasm.proxy = false;
    ort.env.logLevel = 'fatal';
    return ort;
  });
  const runtime: InferenceRuntime = {
    ort: (ep) => load(ep === 'webgpu' ? 'webgpu' : 'cpu'),
    platform: 'browser',
    probe: () => ({
      target: 'the browser',
      runtimeName: "the web package's onnxruntime-web",
      backends: [
        { name: 'cpu', bundled: true },
        { name: 'webgpu', bundled: true },
      ],
      hasLibrary: () => false,
      webgpuSkip,
    }),
    modelSource: bytes,
  };
  useRuntime(runtime);
  return tasks;
}

export type WebNeural = { start: typeof start };

(globalThis as { nesyWebNeural?: WebNeural }).nesyWebNeural = { start };
