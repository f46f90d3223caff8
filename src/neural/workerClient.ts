// The language server's side of the inference worker: starts it on first use, matches replies to
// requests, turns AbortSignals into cancel messages, and restarts the worker after a crash.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Worker } from 'node:worker_threads';
import type { FromWorker, ToWorker, WorkerConfig } from './workerProtocol';

export interface WorkerStatus {
  loading: boolean;
  ep: string | null;
  note?: string;
}

interface Pending {
  resolve(v: unknown): void;
  reject(e: Error): void;
}

/** dist/worker.js next to the running bundle, or the built one when running from sources. */
export function defaultWorkerPath(): string {
  const beside = path.join(__dirname, 'worker.js');
  return fs.existsSync(beside) ? beside : path.resolve(__dirname, '..', '..', 'dist', 'worker.js');
}

export class WorkerClient {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  status: WorkerStatus = { loading: false, ep: null };

  constructor(
    private readonly config: WorkerConfig,
    private readonly workerPath: string = defaultWorkerPath(),
    private readonly onStatus?: (s: WorkerStatus) => void,
  ) {}

  request<T>(task: string, payload: unknown, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) return Promise.reject(cancelledError());
    let worker: Worker;
    try {
      worker = this.start();
    } catch (e) {
      return Promise.reject(e as Error);
    }
    const id = this.nextId++;
    return new Promise<T>((resolve, reject) => {
      const onAbort = (): void => {
        if (!this.pending.delete(id)) return;
        if (this.pending.size === 0) worker.unref();
        this.post(worker, { type: 'cancel', id });
        reject(cancelledError());
      };
      signal?.addEventListener('abort', onAbort, { once: true });
      // The worker keeps the process alive only while it owes answers.
      worker.ref();
      this.pending.set(id, {
        resolve: (v) => {
          signal?.removeEventListener('abort', onAbort);
          resolve(v as T);
        },
        reject: (e) => {
          signal?.removeEventListener('abort', onAbort);
          reject(e);
        },
      });
      this.post(worker, { type: 'request', id, task, payload });
    });
  }

  async dispose(): Promise<void> {
    const w = this.worker;
    this.worker = undefined;
    this.failAll('The inference worker was stopped.');
    if (w) await w.terminate();
  }

  private post(worker: Worker, m: ToWorker): void {
    worker.postMessage(m);
  }

  private start(): Worker {
    if (this.worker) return this.worker;
    if (!fs.existsSync(this.workerPath)) throw new Error(`The inference worker is missing: ${this.workerPath}`);
    const w = new Worker(this.workerPath, { workerData: this.config });
    w.on('message', (m: FromWorker) => {
      if (m.type === 'status') {
        this.status = { loading: m.loading, ep: m.ep, ...(m.note ? { note: m.note } : {}) };
        this.onStatus?.(this.status);
        return;
      }
      const p = this.pending.get(m.id);
      if (!p) return;
      this.pending.delete(m.id);
      if (this.pending.size === 0) w.unref();
      if (m.ok) p.resolve(m.value);
      else p.reject(new Error(m.error));
    });
    w.on('error', (e) => {
      if (this.worker === w) this.worker = undefined;
      this.failAll(`The inference worker crashed: ${e.message}`);
    });
    w.on('exit', (code) => {
      if (this.worker !== w) return;
      this.worker = undefined;
      this.failAll(`The inference worker exited (code ${code}).`);
    });
    w.unref();
    this.worker = w;
    return w;
  }

  private failAll(message: string): void {
    const all = [...this.pending.values()];
    this.pending.clear();
    for (const p of all) p.reject(new Error(message));
  }
}

function cancelledError(): Error {
  const e = new Error('The request was cancelled.');
  e.name = 'AbortError';
  return e;
}
