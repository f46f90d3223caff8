// The neural layer of the web worker server, bundled on its own (dist/web/neural.js) and loaded by the server
// (src/server/browserNeural.ts) with the first model request, so that the worker parses neither it nor its
// libraries (onnxruntime-web, wink-nlp's English model, compromise: four fifths of the code) before its first
// diagnostics. It installs the browser's ModelFiles (the files the server fetched) and InferenceRuntime
// (onnxruntime-web's WebAssembly build) into this bundle's copies of the loaders, and hands back the same task
// handlers the Node inference thread runs (workerTasks.ts).
import * as path from 'node:path';
import { useRuntime, type InferenceRuntime, type Ort } from './executionProvider';
import { useModelFiles } from './modelFiles';
import { tasks } from './workerTasks';

/** The folder model paths start with: the extension's models/, relative to its root. */
export const modelsDir = 'models';

/**
 * onnxruntime-web's WebAssembly build (its `onnxruntime-web/wasm` entry): the one WebAssembly file the package
 * ships (scripts/build-web.mjs copies it). Its WebGPU builds are left out: each is 6.6 MB compressed against
 * this one's 3.7 MB, both together break the web part's 10 MB budget, and their CPU path ran single requests
 * 2-4x slower here (BENCHMARKS.md); `auto` runs single requests on the CPU anyway, as on Node.
 */
export const ortWasmFile = 'ort-wasm-simd-threaded.wasm';

/** `store`: the model files by path (models/nl2tl/meta.json, ...), filled by the server before each model loads. */
async function start(store: ReadonlyMap<string, Uint8Array>, wasmBinary: Uint8Array): Promise<typeof tasks> {
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
  // import(), not require(): it picks onnxruntime-web's ES module build with the WebAssembly glue bundled in,
  // so no script is fetched at run time.
  const ort = (await import('onnxruntime-web/wasm')) as Ort;
  // The WebAssembly comes from the package; one thread (no SharedArrayBuffer in an extension's worker), and no
  // proxy worker, since this already is a worker.
  ort.env.wasm.wasmBinary = wasmBinary;
  ort.env.wasm.numThreads = 1;
  ort.env.wasm.proxy = false;
  ort.env.logLevel = 'fatal';
  const runtime: InferenceRuntime = {
    ort: () => ort,
    platform: 'browser',
    probe: () => ({
      target: 'the browser',
      runtimeName: "the web package's onnxruntime-web",
      backends: [{ name: 'cpu', bundled: true }],
      hasLibrary: () => false,
      webgpuSkip: () => undefined,
    }),
    modelSource: bytes,
  };
  useRuntime(runtime);
  return tasks;
}

export type WebNeural = { start: typeof start };

(globalThis as { nesyWebNeural?: WebNeural }).nesyWebNeural = { start };
