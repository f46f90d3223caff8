// Runs a model over a whole corpus (`nesy eval`, `nesy translate --file`) on worker threads through
// src/core/parallel.ts. Each thread loads its own copy of the model; onnxruntime sessions run with one
// intra-op thread (src/neural/executionProvider.ts), so N threads keep N cores busy. Rows go out in
// fixed batches that each thread runs as one model call, so the same batch size gives the same
// results whatever the number of threads.
import * as os from 'node:os';
import * as path from 'node:path';
import { parallelMap, parallelPlan } from '../core/parallel';
import type { ExecutionProviderChoice } from '../core/settings';
import type { Declared } from '../neural/apRecognition';

export type CorpusTask = 'nl2tl-eval' | 'mwp-eval' | 'translate';

/** What every worker thread is told once (parallelMap's `data`). */
export interface CorpusJob {
  task: CorpusTask;
  ep: ExecutionProviderChoice;
  modelsDir: string;
  beams: number;
  /** translate: the propositions declared with --prop / --tl. */
  declared?: Declared[];
  /** --verbose: report skipped providers even under --ep auto (unset: as verboseCorpusRuns says). */
  verbose?: boolean;
}

/** A loaded model as a worker thread uses it: one call per batch of items. */
export interface CorpusRunner<T, R> {
  ep: string;
  note?: string;
  run(items: T[]): Promise<R[]>;
}

/** One item's result as it comes back from a thread, with the provider that thread runs on. */
export interface Ran<R> {
  value: R;
  ep: string;
  note?: string;
}

export interface CorpusRun<R> {
  values: R[];
  /** The provider that ran the items; null when there were none. */
  ep: string | null;
  /** The models' notes (why providers were skipped, when src/cli/providerNote.ts says so), each once. */
  notes: string[];
  /** Threads that ran: --workers, or fewer when there are fewer batches. */
  workers: number;
  /** Wall time, thread start and model loading included. */
  ms: number;
}

/** Rows per model call (`--batch N`): NL->TL throughput levels off by 32 (BENCHMARKS.md, batch 8 vs 32). */
export const defaultBatch = 32;

/** `--workers N`; the default is one thread per core. */
export function defaultWorkers(): number {
  return os.availableParallelism();
}

let verboseDefault = false;

/**
 * `nesy eval --verbose`: runs whose job does not say otherwise report skipped providers. The eval
 * command takes --verbose for all its tasks, which build their jobs themselves.
 */
export function verboseCorpusRuns(verbose: boolean): void {
  verboseDefault = verbose;
}

/** The worker bundle next to dist/cli.js, or its source when running under tsx. */
function corpusWorker(): string {
  return __filename.endsWith('.ts') ? path.join(__dirname, 'corpusWorker.ts') : path.join(__dirname, 'corpus-worker.js');
}

export async function runCorpus<T, R>(job: CorpusJob, items: readonly T[], options: { workers: number; batchSize?: number; label: string }): Promise<CorpusRun<R>> {
  const plan = parallelPlan(items.length, { threads: options.workers, batchSize: options.batchSize });
  const started = performance.now();
  const ran = await parallelMap<T, Ran<R>>(items, { worker: corpusWorker(), threads: plan.threads, batchSize: plan.batchSize, label: options.label, data: { ...job, verbose: job.verbose ?? verboseDefault } });
  return {
    values: ran.map((r) => r.value),
    ep: ran[0]?.ep ?? null,
    notes: [...new Set(ran.flatMap((r) => (r.note ? [r.note] : [])))],
    workers: items.length === 0 ? 0 : plan.threads,
    ms: performance.now() - started,
  };
}
