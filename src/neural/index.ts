// The neural layer's public surface: the NeuralApi the language server uses (inference in a worker
// thread), and in-process loaders for the CLI and benchmarks.
import type { MwpResult, NeuralApi, TranslateRequest, TranslateResult } from '../core/neuralApi';
import type { ExecutionProviderChoice } from '../core/settings';
import { defaultModelsDir } from './modelFiles';
import { Translator } from './translator';
import { WorkerClient, type WorkerStatus } from './workerClient';

export { Translator, defaultBeams } from './translator';
export { defaultModelsDir } from './modelFiles';
export type { WorkerStatus } from './workerClient';

export interface NeuralOptions {
  executionProvider: ExecutionProviderChoice;
  /** Folder holding nl2tl/ (and other models); defaults to the package's models/. */
  modelsDir?: string;
  /** The bundled worker script; defaults to dist/worker.js. */
  workerPath?: string;
  /** Called when a model starts or finishes loading, with the provider that runs it. */
  onStatus?: (status: WorkerStatus) => void;
}

export interface NeuralService extends NeuralApi {
  dispose(): Promise<void>;
}

export function createNeuralApi(options: NeuralOptions): NeuralService {
  const client = new WorkerClient(
    { modelsDir: options.modelsDir ?? defaultModelsDir(), executionProvider: options.executionProvider },
    options.workerPath,
    options.onStatus,
  );
  return {
    translate: (request: TranslateRequest, signal?: AbortSignal) => client.request<TranslateResult>('translate', request, signal),
    interpretMwp: (text: string, signal?: AbortSignal) => client.request<MwpResult>('interpretMwp', text, signal),
    status: () => ({ ep: client.status.ep, ...(client.status.note ? { note: client.status.note } : {}) }),
    dispose: () => client.dispose(),
  };
}

/**
 * Loads the NL->TL translator in this thread, for the CLI and the benchmark (which times this call
 * as "model loading" and `translator.translate([{ sentence }])` as one translation).
 */
export function loadTranslator(executionProvider: ExecutionProviderChoice = 'auto', modelsDir = defaultModelsDir()): Promise<Translator> {
  return Translator.load(modelsDir, executionProvider);
}
