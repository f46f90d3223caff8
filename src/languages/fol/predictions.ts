// Measures how far a network's class scores violate a rule file: for every C/D/E rule of every
// hierarchy and every user rule that talks about one individual, the crisp violation rate at a
// threshold and the fuzzy truth with LogicSeg's operators, plus the worst samples. Optionally writes
// repaired scores. Everything streams: memory does not grow with the number of samples. The scores come
// from any format scoreFiles.ts reads; rules are scored by the compiled kernels of ruleKernels.ts, and
// what they count is a Tally (tally.ts), which merges exactly across files, threads and shards.
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultSettings } from '../../core/settings';
import { analyzeFol, type FolAnalysis } from './checks';
import { distinctClasses, predicateName, type HNode } from './hierarchy';
import { hierarchyRules, monadicBody, propVars, type Prop, type PropRule } from './monadic';
import { compileTallyKernels, type KernelLayout, type TallyKernel } from './ruleKernels';
import { openScores, type ScoreBatch, type ScoreFileOptions, type ScoreSource } from './scoreFiles';
import { ExactSum, ruleReports, Worst, type RuleInfo, type RuleReport, type Tally } from './tally';

export { forallTruth, type RuleReport } from './tally';

export interface CheckPredictionsOptions {
  threshold?: number;
  /** How many worst samples to keep per rule. */
  worst?: number;
  repair?: 'path' | 'max';
  /** Where repaired scores go (as {classes, scores}); required with `repair`. */
  repairOut?: string;
  /** Class names for arrays without them (`--classes`). */
  classes?: string[];
  /** 3-D arrays: classes x height x width (default) or height x width x classes. */
  layout?: 'chw' | 'hwc';
  /** The array of an .npz or .safetensors file that holds several. */
  key?: string;
}

export interface PredictionReport {
  rules: RuleReport[];
  samples: number;
  /** Rules that cannot be scored per sample, with the reason. */
  skipped: { name: string; reason: string }[];
}

/** p-mean-error aggregation of LogicSeg's forall, with q = 5. */
export const forallQ = 5;

type Eval = (row: Float32Array, o: number) => number;

// The semantics, one rule and one row at a time: the reference the batch kernels (ruleKernels.ts) are
// tested against, and what editor features evaluate a single sample with. The source holds only operators
// and numeric column indices, never text from the rule file.
function fuzzySource(p: Prop, col: (name: string) => number): string {
  switch (p.kind) {
    case 'var':
      return `r[o + ${col(p.name)}]`;
    case 'bool':
      return p.value ? '1' : '0';
    case 'not':
      return `(1 - ${fuzzySource(p.arg, col)})`;
    case 'and':
      return `(${p.args.map((x) => fuzzySource(x, col)).join(' * ')})`;
    case 'or':
      return p.args.length === 1 ? fuzzySource(p.args[0], col) : `Math.max(${p.args.map((x) => fuzzySource(x, col)).join(', ')})`;
    case 'implies':
      return `imp(${fuzzySource(p.left, col)}, ${fuzzySource(p.right, col)})`;
    case 'iff':
      return `iff(${fuzzySource(p.left, col)}, ${fuzzySource(p.right, col)})`;
  }
}

function crispSource(p: Prop, col: (name: string) => number): string {
  switch (p.kind) {
    case 'var':
      return `(r[o + ${col(p.name)}] >= th)`;
    case 'bool':
      return p.value ? 'true' : 'false';
    case 'not':
      return `!${crispSource(p.arg, col)}`;
    case 'and':
      return `(${p.args.map((x) => crispSource(x, col)).join(' && ')})`;
    case 'or':
      return `(${p.args.map((x) => crispSource(x, col)).join(' || ')})`;
    case 'implies':
      return `(!${crispSource(p.left, col)} || ${crispSource(p.right, col)})`;
    case 'iff':
      return `(${crispSource(p.left, col)} === ${crispSource(p.right, col)})`;
  }
}

/** Fuzzy semantics: not 1-a, and product, or max, implication Reichenbach 1-a+ab, iff as both implications. */
export function compileFuzzy(p: Prop, col: (name: string) => number): Eval {
  const body = `const imp = (a, b) => 1 - a + a * b;
const iff = (a, b) => imp(a, b) * imp(b, a);
return (r, o) => ${fuzzySource(p, col)};`;
  return new Function(body)() as Eval;
}

/** Crisp semantics: a class holds when its score reaches the threshold. */
export function compileCrisp(p: Prop, col: (name: string) => number, threshold: number): (row: Float32Array, o: number) => boolean {
  if (!Number.isFinite(threshold)) throw new Error(`threshold ${threshold} is not a number`);
  return new Function(`const th = ${threshold};\nreturn (r, o) => ${crispSource(p, col)};`)() as (row: Float32Array, o: number) => boolean;
}

function withTrue(p: Prop, names: Set<string>): Prop {
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

/** The rules a rule file asks to be checked: hierarchy rules first, then the user's own. */
export function rulesToCheck(a: FolAnalysis): { rules: PropRule[]; skipped: { name: string; reason: string }[] } {
  const rules: PropRule[] = a.hierarchies.flatMap((h) => hierarchyRules(h).map((r) => ({ ...r, name: `${h.name}.${r.name}` })));
  const skipped: { name: string; reason: string }[] = [];
  for (const r of a.rules) {
    const body = monadicBody(r);
    if (body) rules.push({ name: r.name.text, kind: 'user', body, text: a.document.getText().slice(r.formula.start, r.formula.end) });
    else skipped.push({ name: r.name.text, reason: 'it is not of the form forall x. φ(x) with unary predicates only, so it has no per-sample truth' });
  }
  return { rules, skipped };
}

export async function analyzeRulesFile(rulesPath: string): Promise<FolAnalysis> {
  const text = await fs.promises.readFile(rulesPath, 'utf8');
  const doc = TextDocument.create(pathToFileURL(rulesPath).toString(), 'fol', 1, text);
  return analyzeFol(doc, defaultSettings, { log: () => undefined });
}

export async function checkPredictionsFile(rulesPath: string, predictionsPath: string, options: CheckPredictionsOptions = {}): Promise<PredictionReport> {
  return checkPredictions(await analyzeRulesFile(rulesPath), predictionsPath, options);
}

/** What a check needs of a rule file, as plain data (it goes to worker threads). */
export interface RuleSet {
  rules: PropRule[];
  skipped: { name: string; reason: string }[];
  /** Hierarchy roots: true for every sample unless the scores have a column for them. */
  roots: string[];
  /** Every class the rules and hierarchies name: the columns to collect from JSON's array-of-objects form. */
  classes: string[];
}

export function ruleSetOf(a: FolAnalysis): RuleSet {
  const { rules, skipped } = rulesToCheck(a);
  const classes = [...new Set(a.hierarchies.flatMap((h) => distinctClasses(h).map((n) => n.name)).concat(rules.flatMap((r) => [...propVars(r.body)])))];
  return { rules, skipped, roots: a.hierarchies.map((h) => h.root.name), classes };
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
  let kernels: { layout: string; list: TallyKernel[] } | undefined;
  let violations = new Float64Array(0);
  let errs: ExactSum[] = [];
  let worst: Worst[] = [];
  let kernelWorst: Worst[][] = [];
  const out = new Float64Array(2 * 64);
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
      kernels = { layout: layoutKey, list: compileTallyKernels(bound.active.map((r) => r.body), (n) => columnOf.get(n)!, threshold, layout) };
      kernelWorst = kernels.list.map((kn) => kn.rules.map((i) => worst[i]!));
    }
    if (!src.complete) {
      for (let row = 0; row < batch.rows; row++) {
        for (const i of bound.used) if (Number.isNaN(batchValue(batch, width, row, i))) throw new Error(`Sample ${batch.firstRow + row} has no score for '${bound.columns[i]}'.`);
      }
    }
    const batchErr = new Float64Array(bound.active.length);
    const list = kernels.list;
    for (let s0 = 0; s0 < batch.rows; s0 += kernelRows) {
      const rows = Math.min(kernelRows, batch.rows - s0);
      const o0 = s0 * layout.rowStride;
      for (let i = 0; i < list.length; i++) {
        const kernel = list[i]!;
        kernel.run(batch.data, o0, rows, batch.firstRow + s0, out, kernelWorst[i]!);
        const rules = kernel.rules;
        for (let j = 0; j < rules.length; j++) {
          violations[rules[j]!] += out[2 * j]!;
          batchErr[rules[j]!] += out[2 * j + 1]!;
        }
      }
    }
    for (let r = 0; r < errs.length; r++) errs[r]!.add(batchErr[r]!);
    samples += batch.rows;
    if (options.onBatch) await options.onBatch(batch, bound);
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

/** Scores one file against a rule file's analysis; writes repaired scores when asked. */
export async function checkPredictions(a: FolAnalysis, predictionsPath: string, options: CheckPredictionsOptions = {}): Promise<PredictionReport> {
  const set = ruleSetOf(a);
  const fileOptions: ScoreFileOptions = { wanted: set.classes, classes: options.classes, layout: options.layout, key: options.key };
  const src = await openScores(predictionsPath, fileOptions);
  let repair: Repairer | undefined;
  try {
    const tally = await tallySource(set, src, {
      threshold: options.threshold,
      worst: options.worst,
      onBatch: options.repair
        ? async (batch, bound) => {
            if (!repair) {
              const kept = bound.columns.map((_, i) => i).filter((i) => bound.present(i));
              repair = new Repairer(a, bound.columns, kept, bound.columnOf, options.repair!, options.repairOut!);
            }
            await repair.write(rowMajor(batch, bound.columns.length), batch.rows);
          }
        : undefined,
    });
    if (repair) await repair.close();
    return reportOf(tally);
  } finally {
    await src.close();
  }
}

export function reportOf(tally: FileTally): PredictionReport {
  return { rules: ruleReports(tally.active, tally), samples: tally.samples, skipped: tally.skipped };
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

/**
 * Writes corrected scores as {classes, scores}. `max` (C-HMCNN): a class's score becomes the max over
 * itself and its descendants, so parent >= child. `path` (LogicSeg): per sample, keep the root-to-leaf
 * path with the highest summed score, zero every class off it, and lift parents on it to their child's score.
 */
class Repairer {
  private readonly out: fs.WriteStream;
  private first = true;
  private readonly order: { col: number; kids: number[] }[] = [];
  /** Per hierarchy, every root-to-leaf path as column indices. */
  private readonly trees: number[][][] = [];

  /** `kept`: the columns the file has scores for (the array form may lack some requested classes). */
  constructor(a: FolAnalysis, private readonly columns: string[], private readonly kept: number[], columnOf: Map<string, number>, private readonly mode: 'path' | 'max', outPath: string) {
    this.out = fs.createWriteStream(outPath);
    this.out.write(`{"classes":${JSON.stringify(kept.map((i) => columns[i]))},"scores":[`);
    for (const h of a.hierarchies) {
      const seen = new Set<string>();
      const paths: number[][] = [];
      const visit = (n: HNode, path: number[]) => {
        const c = columnOf.get(n.name);
        const col = c !== undefined && kept.includes(c) ? c : undefined;
        const here = col === undefined || seen.has(n.name) ? path : [...path, col];
        if (col !== undefined) seen.add(n.name);
        const kids = n.children.filter((c) => c.name !== n.name);
        for (const c of kids) visit(c, here);
        if (col !== undefined) this.order.push({ col, kids: kids.map((k) => columnOf.get(k.name)).filter((x): x is number => x !== undefined && kept.includes(x)) });
        if (!kids.length && here.length) paths.push(here);
      };
      visit(h.root, []);
      this.trees.push(paths);
    }
  }

  async write(data: Float32Array, rows: number) {
    const w = this.columns.length;
    const parts: string[] = [];
    const row = new Float32Array(w);
    for (let r = 0; r < rows; r++) {
      row.set(data.subarray(r * w, r * w + w));
      if (this.mode === 'max') {
        for (const { col, kids } of this.order) for (const k of kids) if (row[k] > row[col]) row[col] = row[k];
      } else {
        this.keepBestPaths(row);
      }
      parts.push(`${this.first ? '' : ','}[${this.kept.map((i) => +row[i].toFixed(6)).join(',')}]`);
      this.first = false;
    }
    if (!this.out.write(parts.join('\n'))) await new Promise<void>((resolve) => this.out.once('drain', () => resolve()));
  }

  private keepBestPaths(row: Float32Array) {
    const keep = new Set<number>();
    for (const paths of this.trees) {
      let best: number[] | undefined;
      let bestScore = -Infinity;
      for (const p of paths) {
        let s = 0;
        for (const c of p) s += row[c];
        if (s > bestScore) {
          bestScore = s;
          best = p;
        }
      }
      if (best) {
        for (let i = best.length - 2; i >= 0; i--) row[best[i]] = Math.max(row[best[i]], row[best[i + 1]]);
        best.forEach((c) => keep.add(c));
      }
    }
    for (const { col } of this.order) if (!keep.has(col)) row[col] = 0;
  }

  async close() {
    await new Promise<void>((resolve, reject) => this.out.end(']}\n', () => resolve()).once('error', reject));
  }
}
