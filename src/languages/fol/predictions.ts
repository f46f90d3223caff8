// Measures how far a network's class scores violate a rule file: for every C/D/E rule of every
// hierarchy and every user rule that talks about one individual, the crisp violation rate at a
// threshold and the fuzzy truth with LogicSeg's operators, plus the worst samples. Optionally writes
// repaired scores (repair.ts). Everything streams: memory does not grow with the number of samples. The scores come
// from any format scoreFiles.ts reads; rules are scored by the compiled kernels of ruleKernels.ts, and
// what they count is a Tally (tally.ts), which merges exactly across files, threads and shards.
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultSettings } from '../../core/settings';
import { analyzeFolRules, type FolAnalysis } from './checks';
import { distinctClasses } from './hierarchy';
import { hierarchyRules, monadicBody, propVars, type Prop, type PropRule } from './monadic';
import { writeRepaired, type RepairMode } from './repair';
import { openScores, type ScoreFileOptions } from './scoreFiles';
import { tallySource, type BoundRules, type FileTally, type RuleSet } from './scoring';
import { ruleReports, type RuleReport } from './tally';
import { nodeFiles } from '../../core/nodeFiles';

export { forallTruth, type RuleReport } from './tally';
export { batchValue, bindRules, rowMajor, tallySource, type BoundRules, type FileTally, type RuleSet, type TallyOptions } from './scoring';

export interface CheckPredictionsOptions {
  threshold?: number;
  /** How many worst samples to keep per rule. */
  worst?: number;
  repair?: RepairMode;
  /** Where repaired scores go, in the input's format (repair.ts); required with `repair`. */
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
  return analyzeFolRules(doc, defaultSettings, { log: () => undefined, files: nodeFiles });
}

export async function checkPredictionsFile(rulesPath: string, predictionsPath: string, options: CheckPredictionsOptions = {}): Promise<PredictionReport> {
  return checkPredictions(await analyzeRulesFile(rulesPath), predictionsPath, options);
}

export function ruleSetOf(a: FolAnalysis): RuleSet {
  const { rules, skipped } = rulesToCheck(a);
  const classes = [...new Set(a.hierarchies.flatMap((h) => distinctClasses(h).map((n) => n.name)).concat(rules.flatMap((r) => [...propVars(r.body)])))];
  return { rules, skipped, roots: a.hierarchies.map((h) => h.root.name), classes };
}

/** Scores one file against a rule file's analysis; when asked, then writes its repaired scores in its own format. */
export async function checkPredictions(a: FolAnalysis, predictionsPath: string, options: CheckPredictionsOptions = {}): Promise<PredictionReport> {
  const set = ruleSetOf(a);
  const fileOptions: ScoreFileOptions = { wanted: set.classes, classes: options.classes, layout: options.layout, key: options.key };
  const src = await openScores(predictionsPath, fileOptions);
  try {
    let bound: BoundRules | undefined;
    const tally = await tallySource(set, src, {
      threshold: options.threshold,
      worst: options.worst,
      onBatch: (_, b) => {
        bound = b;
      },
    });
    if (options.repair && bound) await writeRepaired(a, src, bound, options.repair, options.repairOut!);
    return reportOf(tally);
  } finally {
    await src.close();
  }
}

export function reportOf(tally: FileTally): PredictionReport {
  return { rules: ruleReports(tally.active, tally), samples: tally.samples, skipped: tally.skipped };
}
