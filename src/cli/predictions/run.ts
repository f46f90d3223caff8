// Runs a prediction check over many score files (or one big one) on every core: the inputs of this
// shard are split into work items (whole files, or batch-aligned row ranges of a single file), which go
// to worker threads (src/core/parallel.ts, one per core, with a progress bar on a terminal); each item's
// tally comes back, and the tallies of a file's ranges are added into the file's. The result is the
// shard's partial report (report.ts). Shards split the inputs by file, or a single file by batches, the
// same way whatever machine runs them, so the shards of one job cover every row exactly once.
import * as os from 'node:os';
import * as path from 'node:path';
import { parallelMap } from '../../core/parallel';
import { tallySource, type BoundRules, type FileTally, type RuleSet } from '../../languages/fol/scoring';
import { openScores, scoreBatchRows, type ScoreFileOptions } from '../../languages/fol/scoreFiles';
import { addTally } from '../../languages/fol/tally';
import { writeViolationMaps, type WrittenMap } from '../../languages/fol/violationMaps';
import type { InputFile } from './inputs';
import { digest, partialKind, ruleSetDigest, toPartialTally, type PartialFile, type PartialReport } from './report';

export interface CheckSettings {
  threshold: number;
  worst: number;
  file: ScoreFileOptions;
  maps?: { dir: string; images?: string };
}

export interface WorkItem {
  index: number;
  path: string;
  name: string;
  /** A batch-aligned row range; the whole file when absent. */
  from?: number;
  to?: number;
}

export interface ItemResult {
  index: number;
  tally: FileTally;
  image?: { height: number; width: number };
  maps: WrittenMap[];
}

/** The data every worker thread gets. */
export interface WorkerData {
  set: RuleSet;
  settings: CheckSettings;
}

/** Scores one work item: a file or a row range of it; draws its violation maps when asked. */
export async function checkItem(set: RuleSet, item: WorkItem, settings: CheckSettings, signal?: AbortSignal): Promise<ItemResult> {
  try {
    const src = await openScores(item.path, { ...settings.file, wanted: set.classes });
    try {
      let bound: BoundRules | undefined;
      const tally = await tallySource(set, src, {
        threshold: settings.threshold,
        worst: settings.worst,
        from: item.from,
        to: item.to,
        signal,
        onBatch: (_, b) => {
          bound = b;
        },
      });
      let maps: WrittenMap[] = [];
      if (settings.maps && bound && src.image && item.from === undefined) {
        const violated = tally.rules.map((r, i) => (r.violations > 0 ? i : -1)).filter((i) => i >= 0);
        maps = await writeViolationMaps(src, bound, violated, { dir: settings.maps.dir, images: settings.maps.images, name: item.name });
      }
      return { index: item.index, tally, ...(src.image ? { image: src.image } : {}), maps };
    } finally {
      await src.close();
    }
  } catch (e) {
    if (signal?.aborted) throw e;
    const message = (e as Error).message;
    const err = e as NodeJS.ErrnoException;
    throw new Error(err.code === 'ENOENT' ? `cannot read ${item.name}: no such file.` : message.startsWith(path.basename(item.path)) ? message : `${item.name}: ${message}`);
  }
}

export interface RunOptions {
  shard?: { index: number; count: number };
  /** Worker threads; default one per idle core (idleCores). */
  workers?: number;
  progress?: boolean;
  /** Stops the check (between batches in this thread, between items on worker threads), rejecting with its reason. */
  signal?: AbortSignal;
}

/**
 * Cores not already busy: the cores less the 1-minute load average, at least 1. A worker thread costs
 * about 0.4 s of CPU to start and to compile its kernels, which only pays off on a core nobody else is
 * using: on this project's shared 2-core machine, at a load of 1.8, 10^6 x 150 scores took 1.95 s on one
 * thread and 2.7 s on two. The report does not depend on the number of threads.
 */
export function idleCores(): number {
  const cores = os.availableParallelism();
  return Math.max(1, Math.min(cores, Math.round(cores - os.loadavg()[0]!)));
}

/** Below this many rows in all, worker threads cost more to start than they save. */
const parallelFromRows = 1 << 18;

function block(count: number, shard: { index: number; count: number }): [number, number] {
  return [Math.floor((shard.index * count) / shard.count), Math.floor(((shard.index + 1) * count) / shard.count)];
}

/** This shard's work items and an estimate of their rows (undefined where a header does not say). */
async function planItems(files: InputFile[], settings: CheckSettings, shard: { index: number; count: number }, workers: number): Promise<{ items: WorkItem[]; rows: number | undefined }> {
  if (files.length === 1 && !settings.maps) {
    // One file: shards and threads take batch-aligned row ranges of it, where it can be read from any row.
    const f = files[0]!;
    const src = await openScores(f.path, { ...settings.file, probe: true }).catch(() => undefined);
    const rows = src?.rows;
    const seekable = src?.seekable ?? false;
    await src?.close();
    if (src && seekable && rows !== undefined) {
      const batches = Math.ceil(rows / scoreBatchRows);
      const [lo, hi] = block(batches, shard);
      const parts = Math.min(hi - lo, rows >= parallelFromRows ? workers * 4 : 1);
      const items: WorkItem[] = [];
      for (let p = 0; p < parts; p++) {
        const a = lo + Math.floor((p * (hi - lo)) / parts);
        const b = lo + Math.floor(((p + 1) * (hi - lo)) / parts);
        items.push({ index: 0, path: f.path, name: f.name, from: a * scoreBatchRows, to: Math.min(rows, b * scoreBatchRows) });
      }
      return { items, rows: Math.max(0, Math.min(rows, hi * scoreBatchRows) - lo * scoreBatchRows) };
    }
  }
  const [lo, hi] = block(files.length, shard);
  return { items: files.slice(lo, hi).map((f, i) => ({ index: lo + i, path: f.path, name: f.name })), rows: undefined };
}

function workerModule(): string {
  return __filename.endsWith('.ts') ? path.join(__dirname, 'worker.ts') : path.join(__dirname, 'predictions-worker.js');
}

/** Checks this shard of the inputs (all of them by default) and returns its partial report. */
export async function runCheck(set: RuleSet, files: InputFile[], settings: CheckSettings, options: RunOptions = {}): Promise<PartialReport> {
  const shard = options.shard ?? { index: 0, count: 1 };
  const workers = Math.max(1, options.workers ?? idleCores());
  const { items, rows } = await planItems(files, settings, shard, workers);
  const parallel = workers > 1 && items.length > 1 && (rows === undefined || rows >= parallelFromRows);
  let results: ItemResult[];
  if (parallel) {
    results = await parallelMap<WorkItem, ItemResult>(items, {
      worker: workerModule(),
      threads: workers,
      batchSize: 1,
      label: 'nesy check-predictions',
      progress: options.progress,
      data: { set, settings } satisfies WorkerData,
      signal: options.signal,
    }).catch((e: Error) => {
      if (options.signal?.aborted) throw e;
      // The item's own message names its file; parallelMap's "item N: " adds nothing.
      throw new Error(e.message.replace(/^item \d+: /, ''));
    });
  } else {
    results = [];
    for (const item of items) results.push(await checkItem(set, item, settings, options.signal));
  }
  // Add the ranges of one file together, in order.
  const byFile = new Map<number, ItemResult>();
  for (const r of results) {
    const into = byFile.get(r.index);
    if (!into) byFile.set(r.index, { ...r, tally: { ...r.tally, rules: r.tally.rules.map((x) => ({ ...x, err: [...x.err], worst: [...x.worst] })) } });
    else {
      addTally(into.tally, r.tally, 0, settings.worst);
      into.maps.push(...r.maps);
    }
  }
  const scored = [...byFile.values()].filter((r) => r.tally.samples > 0);
  const first = scored[0];
  for (const r of scored) {
    const a = first!.tally.active;
    const b = r.tally.active;
    if (a.length !== b.length || a.some((x, i) => x.name !== b[i]!.name)) {
      throw new Error(`${files[r.index]!.name} scores other rules than ${files[first!.index]!.name}: ${b.length} against ${a.length} (its classes differ).`);
    }
  }
  const partialFiles: PartialFile[] = [...byFile.values()]
    .sort((a, b) => a.index - b.index)
    .map((r) => ({
      index: r.index,
      name: files[r.index]!.name,
      samples: r.tally.samples,
      ...(r.image ? { image: r.image } : {}),
      tally: toPartialTally(r.tally),
      ...(r.maps.length ? { maps: r.maps } : {}),
    }));
  return {
    kind: partialKind,
    version: 1,
    shard,
    settings: { threshold: settings.threshold, worst: settings.worst, rules: ruleSetDigest(set), inputs: files.length, inputsDigest: digest(files.map((f) => f.name)) },
    rules: first ? first.tally.active : null,
    skipped: first ? first.tally.skipped : set.skipped,
    files: partialFiles,
  };
}
