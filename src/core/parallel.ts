// Maps a function over many items on worker threads, for CLI commands that check or translate whole
// corpora. The function lives in a worker module that calls serveParallel(fn); the main thread sends
// it batches of items (fewer messages than items, so small items stay cheap) to whichever worker is
// free, keeps results in input order, and draws a progress bar with the throughput on stderr when
// stderr is a terminal.
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
}

type ToWorker = { batch: number; items: unknown[] };
type FromWorker = { batch: number; results: unknown[] } | { batch: number; error: string; index: number };

/** Runs in the worker module: answers batches from parallelMap with fn applied to each item. */
export function serveParallel<T, R>(fn: (item: T, data: unknown) => R | Promise<R>): void {
  if (isMainThread || !parentPort) throw new Error('serveParallel must run in a worker started by parallelMap');
  const port = parentPort;
  port.on('message', async (message: ToWorker) => {
    const results: R[] = [];
    for (let i = 0; i < message.items.length; i++) {
      try {
        results.push(await fn(message.items[i] as T, workerData));
      } catch (error) {
        port.postMessage({ batch: message.batch, index: i, error: error instanceof Error ? error.message : String(error) } satisfies FromWorker);
        return;
      }
    }
    port.postMessage({ batch: message.batch, results } satisfies FromWorker);
  });
}

export async function parallelMap<T, R>(items: readonly T[], options: ParallelOptions): Promise<R[]> {
  if (items.length === 0) return [];
  const cores = os.availableParallelism();
  const batchSize = options.batchSize ?? Math.max(1, Math.min(64, Math.ceil(items.length / (cores * 8))));
  const batches = Math.ceil(items.length / batchSize);
  const threads = Math.max(1, Math.min(options.threads ?? cores, batches));
  const bar = new ProgressBar(items.length, options.label ?? 'items', options.progress ?? process.stderr.isTTY === true);
  const results = new Array<R>(items.length);
  const workers: Worker[] = [];
  let next = 0;
  try {
    await new Promise<void>((resolve, reject) => {
      let done = 0;
      const send = (worker: Worker) => {
        if (next >= batches) return;
        const batch = next++;
        try {
          worker.postMessage({ batch, items: items.slice(batch * batchSize, (batch + 1) * batchSize) } satisfies ToWorker);
        } catch (error) {
          // Items that cannot be copied to a thread (functions, sockets) fail here, not in the worker.
          reject(error);
        }
      };
      for (let t = 0; t < threads; t++) {
        const worker = startWorker(options.worker, options.data);
        workers.push(worker);
        worker.on('message', (message: FromWorker) => {
          if ('error' in message) {
            reject(new Error(`item ${message.batch * batchSize + message.index}: ${message.error}`));
            return;
          }
          message.results.forEach((r, i) => (results[message.batch * batchSize + i] = r as R));
          done++;
          bar.advance(message.results.length);
          if (done === batches) resolve();
          else send(worker);
        });
        worker.on('error', reject);
        worker.on('exit', (code) => {
          if (done < batches) reject(new Error(`a worker thread exited (code ${code}) before the work was done`));
        });
        send(worker);
      }
    });
  } finally {
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
