// Messages between the language server (workerClient.ts) and the inference worker (worker.ts).
import type { ExecutionProviderChoice } from '../core/settings';

export interface WorkerConfig {
  modelsDir: string;
  executionProvider: ExecutionProviderChoice;
}

export type ToWorker =
  | { type: 'request'; id: number; task: string; payload: unknown }
  | { type: 'cancel'; id: number };

export type FromWorker =
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; error: string }
  | { type: 'status'; loading: boolean; ep: string | null; note?: string };
