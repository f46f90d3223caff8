// The neural layer in the web worker server: the same tasks (src/neural/workerTasks.ts), loaders and decoding as
// the Node inference thread, over onnxruntime-web instead of onnxruntime-node. Nothing of it is loaded before the
// first model request; then the server fetches, through the client and from the extension's own files, never the
// network (ClientRequests.extensionFiles): dist/web/neural.js (the neural layer, src/neural/webNeural.ts),
// onnxruntime-web's WebAssembly, and the model's folder. Models run on the CPU in WebAssembly, in every browser,
// and on WebGPU where the browser has it and the user asks for it (webNeural.ts, ortBuilds); the WebGPU build's
// WebAssembly is fetched only then.
import * as path from 'node:path';
import type { Connection } from 'vscode-languageserver';
import { ClientRequests } from '../core/protocol';
import { sharedWork } from '../core/sharedWork';
import type { modelsDir as ModelsDir, ortBuilds as OrtBuilds, WebNeural } from '../neural/webNeural';
import type { TaskHandler } from '../neural/workerTasks';
import type { NeuralFactory, NeuralService } from './neural';

const modelsDir: typeof ModelsDir = 'models';
/** The WebAssembly build's file, fetched with neural.js: the first model request needs both. */
const cpuWasm: (typeof OrtBuilds)['cpu']['wasm'] = 'ort-wasm-simd-threaded.wasm';
const webDir = 'dist/web';
const neuralScript = 'neural.js';
const modelExtensions = ['.json', '.onnx', '.bin'];

type Files = Record<string, Uint8Array>;

/** The worker's globals (the project compiles without the DOM's types). */
declare const importScripts: (url: string) => void;
declare const Blob: new (parts: Uint8Array[], options: { type: string }) => object;
declare const URL: { createObjectURL(blob: object): string; revokeObjectURL(url: string): void };

export function browserNeural(connection: Connection): NeuralFactory {
  const store = new Map<string, Uint8Array>();
  const fetchFiles = (folder: string, extensions: string[]): Promise<Files> => connection.sendRequest<Files>(ClientRequests.extensionFiles, { folder, extensions });
  /** A model's folder, fetched into `store` once. */
  const preload = sharedWork((folder: string) =>
    fetchFiles(folder, modelExtensions).then((files) => {
      for (const [name, bytes] of Object.entries(files)) store.set(path.join(folder, name), bytes);
    }),
  );
  /** One file of dist/web, fetched once. */
  const webFile = sharedWork((name: string) =>
    fetchFiles(webDir, [name]).then((files) => {
      const bytes = files[name];
      if (!bytes) throw new Error(`The extension's ${webDir} lacks ${name}.`);
      return bytes;
    }),
  );

  let started: Promise<Record<string, TaskHandler>> | undefined;
  const start = (): Promise<Record<string, TaskHandler>> => {
    started ??= Promise.all([webFile(neuralScript), webFile(cpuWasm)]).then(([code]) => {
      // From the script's bytes: the extension's files may sit at a URI a worker cannot load from (see browserExtension.ts).
      const url = URL.createObjectURL(new Blob([code], { type: 'text/javascript' }));
      try {
        importScripts(url);
      } finally {
        URL.revokeObjectURL(url);
      }
      const neural = (globalThis as { nesyWebNeural?: WebNeural }).nesyWebNeural;
      if (!neural) throw new Error(`${webDir}/${neuralScript} did not load the neural layer.`);
      return neural.start(store, webFile);
    });
    started.catch(() => (started = undefined));
    return started;
  };

  return (options): NeuralService => {
    if (options.modelsDir) connection.console.info(`nesy.models.path (${options.modelsDir}) is a folder on disk; in the browser the package's own models run.`);
    const config = { modelsDir, executionProvider: options.executionProvider };
    let status: { ep: string | null; note?: string } = { ep: null, note: 'Models load on first use.' };
    const run = async <T>(task: string, folder: string, payload: unknown, signal?: AbortSignal): Promise<T> => {
      const [tasks] = await Promise.all([start(), preload(path.join(modelsDir, folder))]);
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
