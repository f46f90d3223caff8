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
import { analyzeFolRules, type FolAnalysis } from './checks';
import { distinctClasses, type HNode } from './hierarchy';
import { hierarchyRules, monadicBody, propVars, type Prop, type PropRule } from './monadic';
import { NpyWriter, openScores, type ScoreFileOptions } from './scoreFiles';
import { rowMajor, tallySource, type FileTally, type RuleSet } from './scoring';
import { ruleReports, type RuleReport } from './tally';

export { forallTruth, type RuleReport } from './tally';
export { batchValue, bindRules, rowMajor, tallySource, type BoundRules, type FileTally, type RuleSet, type TallyOptions } from './scoring';

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
  // The SAT reasoning (unsatisfiable classes, contradicting rules) is the editor's concern, not the check's.
  return analyzeFolRules(doc, defaultSettings, { log: () => undefined });
}

export async function checkPredictionsFile(rulesPath: string, predictionsPath: string, options: CheckPredictionsOptions = {}): Promise<PredictionReport> {
  return checkPredictions(await analyzeRulesFile(rulesPath), predictionsPath, options);
}

export function ruleSetOf(a: FolAnalysis): RuleSet {
  const { rules, skipped } = rulesToCheck(a);
  const classes = [...new Set(a.hierarchies.flatMap((h) => distinctClasses(h).map((n) => n.name)).concat(rules.flatMap((r) => [...propVars(r.body)])))];
  return { rules, skipped, roots: a.hierarchies.map((h) => h.root.name), classes };
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
              // An .npy input gets an .npy of the same form back; anything else {classes, scores} JSON.
              const npy = src.npy ? new NpyWriter(predictionsPath, options.repairOut!, src.npy) : undefined;
              repair = new Repairer(a, bound.columns, kept, bound.columnOf, options.repair!, options.repairOut!, npy);
            }
            await repair.write(rowMajor(batch, bound.columns.length), batch.rows, batch.firstRow);
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

/**
 * Writes corrected scores as {classes, scores} JSON, or as an .npy of the input's own form. `max` (C-HMCNN): a class's score becomes the max over
 * itself and its descendants, so parent >= child. `path` (LogicSeg): per sample, keep the root-to-leaf
 * path with the highest summed score, zero every class off it, and lift parents on it to their child's score.
 */
class Repairer {
  private readonly out?: fs.WriteStream;
  private first = true;
  private readonly order: { col: number; kids: number[] }[] = [];
  /** Per hierarchy, every root-to-leaf path as column indices. */
  private readonly trees: number[][][] = [];

  /** `kept`: the columns the file has scores for (the array form may lack some requested classes). */
  constructor(a: FolAnalysis, private readonly columns: string[], private readonly kept: number[], columnOf: Map<string, number>, private readonly mode: 'path' | 'max', outPath: string, private readonly npy?: NpyWriter) {
    if (!npy) {
      this.out = fs.createWriteStream(outPath);
      this.out.write(`{"classes":${JSON.stringify(kept.map((i) => columns[i]))},"scores":[`);
    }
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

  async write(data: Float32Array, rows: number, firstRow: number) {
    const w = this.columns.length;
    const parts: string[] = [];
    const fixed = this.npy ? new Float32Array(rows * w) : undefined;
    const row = new Float32Array(w);
    for (let r = 0; r < rows; r++) {
      row.set(data.subarray(r * w, r * w + w));
      if (this.mode === 'max') {
        for (const { col, kids } of this.order) for (const k of kids) if (row[k] > row[col]) row[col] = row[k];
      } else {
        this.keepBestPaths(row);
      }
      if (fixed) fixed.set(row, r * w);
      else parts.push(`${this.first ? '' : ','}[${this.kept.map((i) => +row[i].toFixed(6)).join(',')}]`);
      this.first = false;
    }
    if (fixed) this.npy!.write(fixed, firstRow, rows);
    else if (!this.out!.write(parts.join('\n'))) await new Promise<void>((resolve) => this.out!.once('drain', () => resolve()));
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
    if (this.npy) this.npy.close();
    else await new Promise<void>((resolve, reject) => this.out!.end(']}\n', () => resolve()).once('error', reject));
  }
}
