// Scores a rule set against a score source: binds the rules to the file's columns, compiles them to
// batch kernels (ruleKernels.ts) and tallies every batch (tally.ts). Kept apart from predictions.ts,
// which reads rule files, so that the worker threads of `nesy check-predictions` load neither the .fol
// parser nor the reasoner.
import { predicateName } from './hierarchy';
import { propVars, type Prop, type PropRule } from './monadic';
import { candidates, compileTallyKernels, type KernelLayout, type TallyKernel } from './ruleKernels';
import type { ScoreBatch, ScoreSource } from './scoreFiles';
import { ExactSum, Worst, type RuleInfo, type Tally } from './tally';

/** What a check needs of a rule file, as plain data (it goes to worker threads). */
export interface RuleSet {
  rules: PropRule[];
  skipped: { name: string; reason: string }[];
  /** Hierarchy roots: true for every sample unless the scores have a column for them. */
  roots: string[];
  /** Every class the rules and hierarchies name: the columns to collect from JSON's array-of-objects form. */
  classes: string[];
}

export function withTrue(p: Prop, names: Set<string>): Prop {
  switch (p.kind) {
    case 'var':
      return names.has(p.name) ? { kind: 'bool', value: true } : p;
    case 'bool':
      return p;
    case 'not':
      return { kind: 'not', arg: withTrue(p.arg, names) };
    case 'and':
    case 'or':
      return { kind: p.kind, args: p.args.map((x) => withTrue(x, names)) };
    case 'implies':
    case 'iff':
      return { kind: p.kind, left: withTrue(p.left, names), right: withTrue(p.right, names) };
  }
}

/** A tally of one file (or some of its rows), with the rules it scored. */
export interface FileTally extends Tally {
  /** The rules scored, in the tally's order; the same for every file with the same columns. */
  active: RuleInfo[];
  skipped: { name: string; reason: string }[];
}

/** How a checker binds a rule set to a file's columns, found from its first row. */
export interface BoundRules {
  columns: string[];
  columnOf: Map<string, number>;
  active: PropRule[];
  skipped: { name: string; reason: string }[];
  /** Column indices the active rules read. */
  used: number[];
  /** Columns the file has scores for (JSON's object form may lack some). */
  present: (column: number) => boolean;
}

/** The value of column c in a batch's row `row`. */
export function batchValue(b: ScoreBatch, width: number, row: number, c: number): number {
  return b.plane ? b.data[c * b.plane + row]! : b.data[row * width + c]!;
}

export function bindRules(set: RuleSet, columns: string[], first: ScoreBatch): BoundRules {
  const columnOf = new Map<string, number>();
  columns.forEach((c, i) => {
    columnOf.set(c, i);
    if (!columnOf.has(predicateName(c))) columnOf.set(predicateName(c), i);
  });
  const has = (i: number) => !Number.isNaN(batchValue(first, columns.length, 0, i));
  const present = (n: string) => columnOf.has(n) && has(columnOf.get(n)!);
  // A hierarchy's root (its name) holds for every sample, as in LogicSeg, unless the file scores it.
  const roots = new Set(set.roots.filter((n) => !present(n)));
  const active: PropRule[] = [];
  const skipped = [...set.skipped];
  for (const original of set.rules) {
    const rule = roots.size ? { ...original, body: withTrue(original.body, roots) } : original;
    const missing = [...propVars(rule.body)].filter((v) => !present(v));
    if (missing.length) {
      skipped.push({ name: rule.name, reason: `the predictions have no scores for ${missing.map((m) => `'${m}'`).join(', ')}` });
      continue;
    }
    active.push(rule);
  }
  const used = [...new Set(active.flatMap((r) => [...propVars(r.body)].map((n) => columnOf.get(n)!)))];
  return { columns, columnOf, active, skipped, used, present: has };
}

/** Rows scored per kernel call: a few hundred rows of every class stay in the core's cache across the kernels. */
const kernelRows = 512;

export interface TallyOptions {
  threshold?: number;
  worst?: number;
  /** Rows [from, to) of the source; `from` a multiple of scoreBatchRows. */
  from?: number;
  to?: number;
  /** Sees each batch after it is scored, with the rules bound to the file (repair, violation maps). */
  onBatch?: (batch: ScoreBatch, bound: BoundRules) => void | Promise<void>;
  /** Stops between batches, throwing its reason (the editor's request was cancelled). */
  signal?: AbortSignal;
}

/**
 * Scores rows of one source. Per batch, each rule's error sum is added in the same order whatever the
 * batch's neighbours, and batches are added to exact sums, so any split of a file into batch-aligned
 * ranges tallies to the same bits as the whole file read at once.
 */
export async function tallySource(set: RuleSet, src: ScoreSource, options: TallyOptions = {}): Promise<FileTally> {
  const threshold = options.threshold ?? 0.5;
  const k = options.worst ?? 5;
  let bound: BoundRules | undefined;
  let kernels: { layout: string; list: TallyKernel[]; limits: Float64Array[] } | undefined;
  let violations = new Float64Array(0);
  let errs: ExactSum[] = [];
  let worst: Worst[] = [];
  let scratch: Scratch = { out: new Float64Array(0), cand: new Float64Array(0), truths: new Float64Array(0) };
  let samples = 0;
  let yielded = performance.now();
  for await (const batch of src.batches(options.from, options.to)) {
    const width = src.columns.length;
    if (!bound) {
      bound = bindRules(set, src.columns, batch);
      violations = new Float64Array(bound.active.length);
      errs = bound.active.map(() => new ExactSum());
      worst = bound.active.map(() => new Worst(k));
    }
    const layout: KernelLayout = batch.plane ? { rowStride: 1, colStride: batch.plane } : { rowStride: width, colStride: 1 };
    const layoutKey = `${layout.rowStride}/${layout.colStride}`;
    if (kernels?.layout !== layoutKey) {
      const columnOf = bound.columnOf;
      const list = compileTallyKernels(bound.active.map((r) => r.body), (n) => columnOf.get(n)!, threshold, layout);
      kernels = { layout: layoutKey, list, limits: list.map((kn) => Float64Array.from(kn.rules, (i) => worst[i]!.limit)) };
      const widest = Math.max(1, ...list.map((kn) => kn.rules.length));
      scratch = { out: new Float64Array(3 * widest), cand: new Float64Array(2 * candidates * widest), truths: new Float64Array(widest * kernelRows) };
    }
    if (!src.complete) {
      for (let row = 0; row < batch.rows; row++) {
        for (const i of bound.used) if (Number.isNaN(batchValue(batch, width, row, i))) throw new Error(`Sample ${batch.firstRow + row} has no score for '${bound.columns[i]}'.`);
      }
    }
    const batchErr = new Float64Array(bound.active.length);
    scoreBatch(batch, layout.rowStride, kernels.list, kernels.limits, worst, violations, batchErr, scratch);
    for (let r = 0; r < errs.length; r++) errs[r]!.add(batchErr[r]!);
    samples += batch.rows;
    if (options.onBatch) await options.onBatch(batch, bound);
    options.signal?.throwIfAborted();
    // Let other work (the language server's requests) run between batches of a long check.
    if (performance.now() - yielded > 50) {
      await new Promise((resolve) => setImmediate(resolve));
      yielded = performance.now();
    }
  }
  const active = bound?.active ?? [];
  return {
    samples,
    active: active.map((r) => ({ name: r.name, kind: r.kind, text: r.text })),
    skipped: bound?.skipped ?? [...set.skipped],
    rules: active.map((_, i) => ({ violations: violations[i]!, err: errs[i]!.partials, worst: worst[i]!.items })),
  };
}

/** A batch's rows as one row-major array (planar batches are transposed). */
export function rowMajor(batch: ScoreBatch, width: number): Float32Array {
  if (!batch.plane) return batch.data;
  const out = new Float32Array(batch.rows * width);
  for (let c = 0; c < width; c++) {
    const o = c * batch.plane;
    for (let r = 0; r < batch.rows; r++) out[r * width + c] = batch.data[o + r]!;
  }
  return out;
}


interface Scratch {
  out: Float64Array;
  cand: Float64Array;
  truths: Float64Array;
}

/**
 * Runs every kernel over a batch, kernelRows rows at a time, adding violations and error sums, and offers
 * rows below a rule's worst-list limit to it, in row order. A function of its own, small and with stable
 * types, so V8 optimizes it once (inside tallySource's async loop it was recompiled a dozen times).
 */
function scoreBatch(batch: ScoreBatch, rowStride: number, list: TallyKernel[], limits: Float64Array[], worst: Worst[], violations: Float64Array, batchErr: Float64Array, scratch: Scratch): void {
  const { out, cand, truths } = scratch;
  for (let s0 = 0; s0 < batch.rows; s0 += kernelRows) {
    const rows = Math.min(kernelRows, batch.rows - s0);
    const o0 = s0 * rowStride;
    const first = batch.firstRow + s0;
    for (let i = 0; i < list.length; i++) {
      const kernel = list[i]!;
      const limit = limits[i]!;
      kernel.run(batch.data, o0, rows, out, limit, cand, kernel.cols);
      const rules = kernel.rules;
      let rescanned = false;
      for (let j = 0; j < rules.length; j++) {
        violations[rules[j]!] += out[3 * j]!;
        batchErr[rules[j]!] += out[3 * j + 1]!;
        const below = out[3 * j + 2]!;
        if (below === 0) continue;
        // Rows whose truth was below the limit when the call began, in order; offer checks the limit as it falls.
        const w = worst[rules[j]!]!;
        if (below <= candidates) {
          const base = 2 * candidates * j;
          for (let c = 0; c < below; c++) {
            const t = cand[base + 2 * c]!;
            if (t < w.limit) w.offer(first + cand[base + 2 * c + 1]!, t);
          }
        } else {
          if (!rescanned) kernel.truths(batch.data, o0, rows, truths, kernel.cols);
          rescanned = true;
          for (let row = 0; row < rows; row++) {
            const t = truths[j * rows + row]!;
            if (t < w.limit) w.offer(first + row, t);
          }
        }
        limit[j] = w.limit;
      }
    }
  }
}
