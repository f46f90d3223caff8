// Maps a function over many items on worker threads, for CLI commands that check or translate whole
// corpora. The function lives in a worker module that calls serveParallel(fn) (one item at a time) or
// serveParallelBatches(fn) (a whole batch per call, for models that run batches together); the main
// thread sends it batches of items (fewer messages than items, so small items stay cheap) to whichever
// worker is free, keeps results in input order, and draws a progress bar with the throughput on
// stderr when stderr is a terminal.
//
//   // check-worker.ts (bundled to dist/check-worker.js)
//   serveParallel(async (file: string) => analyse(file));
//   // the command
//   const results = await parallelMap<string, Report>(files, { worker: path.join(__dirname, 'check-worker.js'), label: 'check' });
import * as os from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

export interface ParallelOptions {
  /** The worker module's file (a bundle in dist/, or a .ts file when running under tsx). */
  worker: string | URL;
  /** Worker threads to start; default: one per core, never more than there are batches. */
  threads?: number;
  /** Items per message; default: enough for about 8 batches per thread, at most 64. */
  batchSize?: number;
  /** Shown before the progress bar. */
  label?: string;
  /** Draw the progress bar; default: when stderr is a terminal. */
  progress?: boolean;
  /** Passed to every worker as serveParallel's second argument (settings, a models folder...). */
  data?: unknown;
  /** Stops the work: no batch goes out after it aborts, and the promise rejects with its reason once the batches in flight are back. */
  signal?: AbortSignal;
}

type ToWorker = { batch: number; items: unknown[] };
/** `index` names the failed item within its batch when the worker maps items one at a time. */
type FromWorker = { batch: number; results: unknown[] } | { batch: number; error: string; index?: number };

class ItemFailure extends Error {
  constructor(
    readonly index: number,
    cause: unknown,
  ) {
    super(messageOf(cause));
  }
}

function messageOf(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * Runs in the worker module: answers each batch from parallelMap with fn applied to the whole batch,
 * for work that is cheaper in batches (a model translating many sentences in one call).
 */
export function serveParallelBatches<T, R>(fn: (items: T[], data: unknown) => Promise<R[]>): void {
  if (isMainThread || !parentPort) throw new Error('serveParallel and serveParallelBatches must run in a worker started by parallelMap');
  const port = parentPort;
  port.on('message', async (message: ToWorker) => {
    try {
      const results = await fn(message.items as T[], workerData);
      port.postMessage({ batch: message.batch, results } satisfies FromWorker);
    } catch (error) {
      const index = error instanceof ItemFailure ? error.index : undefined;
      port.postMessage({ batch: message.batch, error: messageOf(error), ...(index === undefined ? {} : { index }) } satisfies FromWorker);
    }
  });
}

/** Runs in the worker module: answers batches from parallelMap with fn applied to each item. */
export function serveParallel<T, R>(fn: (item: T, data: unknown) => R | Promise<R>): void {
  serveParallelBatches<T, R>(async (items, data) => {
    const results: R[] = [];
    for (let i = 0; i < items.length; i++) {
      try {
        results.push(await fn(items[i]!, data));
      } catch (error) {
        throw new ItemFailure(i, error);
      }
    }
    return results;
  });
}

export interface ParallelPlan {
  batchSize: number;
  batches: number;
  threads: number;
}

/** How parallelMap splits `count` items: callers use it to report the threads that will run. */
export function parallelPlan(count: number, options: Pick<ParallelOptions, 'threads' | 'batchSize'> = {}): ParallelPlan {
  const cores = os.availableParallelism();
  const batchSize = options.batchSize ?? Math.max(1, Math.min(64, Math.ceil(count / (cores * 8))));
  const batches = Math.ceil(count / batchSize);
  return { batchSize, batches, threads: Math.max(1, Math.min(options.threads ?? cores, batches)) };
}

export async function parallelMap<T, R>(items: readonly T[], options: ParallelOptions): Promise<R[]> {
  if (items.length === 0) return [];
  const { batchSize, batches, threads } = parallelPlan(items.length, options);
  const bar = new ProgressBar(items.length, options.label ?? 'items', options.progress ?? process.stderr.isTTY === true);
  const results = new Array<R>(items.length);
  const workers: Worker[] = [];
  let stopListening = () => {};
  try {
    await new Promise<void>((resolve, reject) => {
      let next = 0;
      let done = 0;
      const busy = new Set<Worker>();
      let failure: Error | undefined;
      // After the first failure no batch goes out, and the threads are stopped only once the batches
      // in flight have answered: stopping a thread inside a native call (onnxruntime creating a
      // session, when every thread fails to load a model at once) can abort the whole process.
      const settle = () => {
        if (failure && busy.size === 0) reject(failure);
      };
      const fail = (worker: Worker | undefined, error: unknown) => {
        if (worker) busy.delete(worker);
        failure ??= error instanceof Error ? error : new Error(String(error));
        settle();
      };
      const send = (worker: Worker) => {
        if (failure || next >= batches) return;
        const batch = next++;
        try {
          worker.postMessage({ batch, items: items.slice(batch * batchSize, (batch + 1) * batchSize) } satisfies ToWorker);
          busy.add(worker);
        } catch (error) {
          // Items that cannot be copied to a thread (functions, sockets) fail here, not in the worker.
          fail(undefined, error);
        }
      };
      const signal = options.signal;
      if (signal) {
        const abort = () => fail(undefined, signal.reason);
        if (signal.aborted) abort();
        signal.addEventListener('abort', abort, { once: true });
        stopListening = () => signal.removeEventListener('abort', abort);
      }
      for (let t = 0; t < threads && !failure; t++) {
        const worker = startWorker(options.worker, options.data);
        workers.push(worker);
        worker.on('message', (message: FromWorker) => {
          if ('error' in message) {
            const at = message.index === undefined ? '' : `item ${message.batch * batchSize + message.index}: `;
            fail(worker, new Error(at + message.error));
            return;
          }
          busy.delete(worker);
          message.results.forEach((r, i) => (results[message.batch * batchSize + i] = r as R));
          done++;
          bar.advance(message.results.length);
          if (done === batches) resolve();
          send(worker);
          settle();
        });
        worker.on('error', (error) => fail(worker, error));
        worker.on('exit', (code) => {
          if (done < batches) fail(worker, new Error(`a worker thread exited (code ${code}) before the work was done`));
        });
        send(worker);
      }
    });
  } finally {
    stopListening();
    bar.finish();
    await Promise.all(workers.map((w) => w.terminate()));
  }
  return results;
}

/**
 * A TypeScript worker (tests, benchmarks under tsx) is loaded through tsx's require hook: Node 20
 * loads a worker's entry file before the --import hooks it inherits are in place.
 */
function startWorker(file: string | URL, data: unknown): Worker {
  const name = file instanceof URL ? file.pathname : file;
  if (!name.endsWith('.ts')) return new Worker(file, { workerData: data });
  const tsx = require.resolve('tsx/cjs/api', { paths: [__dirname, process.cwd()] });
  const source = `require(${JSON.stringify(tsx)}).register(); require(${JSON.stringify(name)});`;
  return new Worker(source, { eval: true, workerData: data });
}

/** One line redrawn in place, at most ten times a second; ends with the overall throughput. */
class ProgressBar {
  private done = 0;
  private lastDraw = 0;
  private readonly started = performance.now();

  constructor(
    private readonly total: number,
    private readonly label: string,
    private readonly enabled: boolean,
  ) {}

  advance(n: number): void {
    this.done += n;
    const now = performance.now();
    if (this.enabled && (now - this.lastDraw > 100 || this.done === this.total)) {
      this.lastDraw = now;
      this.draw(now);
    }
  }

  finish(): void {
    if (!this.enabled) return;
    this.draw(performance.now());
    process.stderr.write('\n');
  }

  private draw(now: number): void {
    const width = 30;
    const filled = Math.round((width * this.done) / this.total);
    const seconds = (now - this.started) / 1000;
    const rate = seconds > 0 ? this.done / seconds : 0;
    process.stderr.write(`\r${this.label} [${'#'.repeat(filled)}${'.'.repeat(width - filled)}] ${this.done}/${this.total}  ${rate.toFixed(1)}/s  ${seconds.toFixed(1)} s`);
  }
}
