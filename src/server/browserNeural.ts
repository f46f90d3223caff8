// The neural layer in the web worker server: the same tasks (src/neural/workerTasks.ts), loaders and decoding
// as the Node worker thread, over onnxruntime-web instead of onnxruntime-node. Nothing loads before the first
// model request; then the model's folder and onnxruntime-web's WebAssembly come from the extension's own files
// through the client (ClientRequests.extensionFiles), never from the network. Models run on the CPU in
// WebAssembly, in every browser (ortWasmFile says why WebGPU is not shipped).
import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver';
import { ClientRequests } from '../core/protocol';
import { useRuntime, type InferenceRuntime, type Ort } from '../neural/executionProvider';
import { useModelFiles, type ModelFiles } from '../neural/modelFiles';
import type * as WorkerTasks from '../neural/workerTasks';
import type { NeuralFactory, NeuralService } from './neural';

/** The extension's models/ folder, relative to its root; model paths are joined onto it as on Node. */
const modelsDir = 'models';
/**
 * onnxruntime-web's WebAssembly build (its `onnxruntime-web/wasm` entry): the one WebAssembly file the package
 * ships (scripts/build-web.mjs copies it). Its WebGPU builds are left out: each is 6.6 MB compressed against
 * this one's 3.7 MB, both together break the web part's 10 MB budget, and their CPU path ran single requests
 * 2-4x slower here (BENCHMARKS.md); `auto` runs single requests on the CPU anyway, as on Node.
 */
export const ortWasmFile = 'ort-wasm-simd-threaded.wasm';
const webDir = 'dist/web';
const modelExtensions = ['.json', '.onnx', '.bin'];

type Files = Record<string, Uint8Array>;

export function browserNeural(connection: Connection): NeuralFactory {
  const store = new Map<string, Uint8Array>();
  const folders = new Map<string, Promise<void>>();
  const fetchFolder = (folder: string, extensions: string[]): Promise<Files> =>
    connection.sendRequest<Files>(ClientRequests.extensionFiles, { folder, extensions });
  const preload = (folder: string): Promise<void> => {
    let pending = folders.get(folder);
    if (!pending) {
      pending = fetchFolder(folder, modelExtensions).then((files) => {
        for (const [name, bytes] of Object.entries(files)) store.set(path.join(folder, name), bytes);
      });
      pending.catch(() => folders.delete(folder));
      folders.set(folder, pending);
    }
    return pending;
  };
  const bytes = (file: string): Uint8Array => {
    const b = store.get(path.normalize(file));
    if (!b) throw new Error(`Model file not found: ${file}`);
    return b;
  };
  const files: ModelFiles = {
    defaultDir: () => modelsDir,
    exists: (file) => store.has(path.normalize(file)),
    readText: (file) => new TextDecoder().decode(bytes(file)),
    readBytes: bytes,
  };

  let ort: Ort | undefined;
  let ortLoading: Promise<void> | undefined;
  const loadOrt = (): Promise<void> =>
    (ortLoading ??= fetchFolder(webDir, ['.wasm']).then(async (wasm) => {
      const binary = wasm[ortWasmFile];
      if (!binary) throw new Error(`onnxruntime-web's ${ortWasmFile} is missing from the extension's ${webDir}.`);
      // Imported here, so that onnxruntime-web is evaluated with the first model request only; import(), not
      // require(), picks its ES module build with the WebAssembly glue bundled in (no script fetched at run time).
      const web = (await import('onnxruntime-web/wasm')) as Ort;
      // The WebAssembly comes from our own files; one thread (no SharedArrayBuffer in an extension's worker),
      // and no proxy worker, since this already is a worker.
      web.env.wasm.wasmBinary = binary;
      web.env.wasm.numThreads = 1;
      web.env.wasm.proxy = false;
      web.env.logLevel = 'fatal';
      ort = web;
    }));

  const runtime: InferenceRuntime = {
    ort: () => {
      if (!ort) throw new Error('onnxruntime-web is not loaded yet.');
      return ort;
    },
    platform: 'browser',
    probe: () => ({
      target: 'the browser',
      runtimeName: 'the web package\'s onnxruntime-web',
      backends: [{ name: 'cpu', bundled: true }],
      hasLibrary: () => false,
      webgpuSkip: () => undefined,
    }),
    modelSource: bytes,
  };
  useModelFiles(files);
  useRuntime(runtime);

  return (options): NeuralService => {
    const config = { modelsDir, executionProvider: options.executionProvider };
    let status: { ep: string | null; note?: string } = { ep: null, note: 'Models load on first use.' };
    const run = async <T>(task: string, folder: string, payload: unknown, signal?: AbortSignal): Promise<T> => {
      await Promise.all([loadOrt(), preload(path.join(modelsDir, folder))]);
      const { tasks } = require('../neural/workerTasks') as typeof WorkerTasks;
      const [result] = await tasks[task]!([payload], {
        config,
        signal: signal ?? new AbortController().signal,
        status: (loading, ep, note) => {
          status = { ep, ...(note ? { note } : {}) };
          options.onStatus?.({ loading, ep, ...(note ? { note } : {}) });
        },
      });
      if (result instanceof Error) throw result;
      return result as T;
    };
    return {
      translate: (request, signal) => run('translate', 'nl2tl', request, signal),
      interpretMwp: (text, signal) => run('interpretMwp', 'mwp', text, signal),
      status: () => status,
    };
  };
}
