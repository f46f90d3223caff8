// Measures how far a network's class scores violate a rule file: for every C/D/E rule of every
// hierarchy and every user rule that talks about one individual, the crisp violation rate at a
// threshold and the fuzzy truth with LogicSeg's operators, plus the worst samples. Optionally writes
// repaired scores. Everything streams: memory does not grow with the number of samples.
import * as fs from 'node:fs';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultSettings } from '../../core/settings';
import { analyzeFol, type FolAnalysis } from './checks';
import { distinctClasses, predicateName, type HNode } from './hierarchy';
import { hierarchyRules, monadicBody, propVars, type Prop, type PropRule, type RuleKind } from './monadic';
import { readScores } from './scoresReader';

export interface CheckPredictionsOptions {
  threshold?: number;
  /** How many worst samples to keep per rule. */
  worst?: number;
  repair?: 'path' | 'max';
  /** Where repaired scores go (as {classes, scores}); required with `repair`. */
  repairOut?: string;
}

export interface RuleReport {
  name: string;
  kind: RuleKind;
  text: string;
  violation_rate: number;
  fuzzy_truth: number;
  worst: { sample: number; truth: number }[];
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

// Each rule is compiled to one small JavaScript function so V8 optimizes the whole expression:
// a closure per operator costs several times more at 10^6 samples x hundreds of rules (measured:
// one generated function for all rules is too large for V8 to optimize and runs 20x slower). The source holds only operators and
// numeric column indices, never text from the rule file.
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

/** LogicSeg's forall over samples, the p-mean-error 1 - (mean (1-t)^q)^(1/q), from the sum of (1-t)^q. */
export function forallTruth(errorSum: number, samples: number, q = forallQ): number {
  return samples ? 1 - (errorSum / samples) ** (1 / q) : 1;
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

/** Kept worst samples: a small array sorted by truth, cheap for the handful we keep. */
class Worst {
  items: { sample: number; truth: number }[] = [];
  /** Truths at or above this cannot enter; the loop reads it to skip the call. */
  limit = Infinity;
  constructor(private readonly k: number) {
    if (k === 0) this.limit = -Infinity;
  }
  offer(sample: number, truth: number) {
    let i = this.items.length;
    while (i > 0 && this.items[i - 1].truth > truth) i--;
    this.items.splice(i, 0, { sample, truth });
    if (this.items.length > this.k) this.items.pop();
    if (this.items.length === this.k) this.limit = this.items[this.k - 1].truth;
  }
}

export async function checkPredictionsFile(rulesPath: string, predictionsPath: string, options: CheckPredictionsOptions = {}): Promise<PredictionReport> {
  return checkPredictions(await analyzeRulesFile(rulesPath), predictionsPath, options);
}

export async function checkPredictions(a: FolAnalysis, predictionsPath: string, options: CheckPredictionsOptions = {}): Promise<PredictionReport> {
  const threshold = options.threshold ?? 0.5;
  const k = options.worst ?? 5;
  const { rules, skipped } = rulesToCheck(a);
  const classNames = [...new Set(a.hierarchies.flatMap((h) => [...distinctClasses(h).map((n) => n.name)]).concat(rules.flatMap((r) => [...propVars(r.body)])))];

  const active: { rule: PropRule; fuzzy: Eval; crisp: (r: Float32Array, o: number) => boolean; violations: number; errSum: number; worst: Worst }[] = [];
  let width = 0;
  const columnOf = new Map<string, number>();
  let repair: Repairer | undefined;
  let columns: string[] = [];
  let complete = false;
  const onColumns = (cs: string[], everyRowComplete: boolean) => {
    columns = cs;
    complete = everyRowComplete;
    width = cs.length;
    cs.forEach((c, i) => {
      columnOf.set(c, i);
      if (!columnOf.has(predicateName(c))) columnOf.set(predicateName(c), i);
    });
  };
  /** Rules are compiled against the first sample: a class it has no score for is absent from the file. */
  const activate = (first: Float32Array) => {
    const present = (n: string) => columnOf.has(n) && !Number.isNaN(first[columnOf.get(n)!]);
    // A hierarchy's root (its name) holds for every sample, as in LogicSeg, unless the file scores it.
    const roots = new Set(a.hierarchies.map((h) => h.root.name).filter((n) => !present(n)));
    for (const original of rules) {
      const rule = roots.size ? { ...original, body: withTrue(original.body, roots) } : original;
      const missing = [...propVars(rule.body)].filter((v) => !present(v));
      if (missing.length) {
        skipped.push({ name: rule.name, reason: `the predictions have no scores for ${missing.map((m) => `'${m}'`).join(', ')}` });
        continue;
      }
      const col = (n: string) => columnOf.get(n)!;
      active.push({ rule, fuzzy: compileFuzzy(rule.body, col), crisp: compileCrisp(rule.body, col, threshold), violations: 0, errSum: 0, worst: new Worst(k) });
    }
    used = [...new Set(active.flatMap((r) => [...propVars(r.rule.body)].map((n) => columnOf.get(n)!)))];
    if (options.repair) {
      const kept = columns.map((_, i) => i).filter((i) => !Number.isNaN(first[i]));
      repair = new Repairer(a, columns, kept, columnOf, options.repair, options.repairOut!);
    }
  };

  let used: number[] = [];
  let samples = 0;
  for await (const batch of readScores(predictionsPath, classNames, onColumns)) {
    const { data, rows, firstRow } = batch;
    if (firstRow === 0) activate(data);
    for (let row = 0; row < rows && !complete; row++) {
      const o = row * width;
      for (const i of used) if (Number.isNaN(data[o + i])) throw new Error(`Sample ${firstRow + row} has no score for '${columns[i]}'.`);
    }
    for (const r of active) {
      const { fuzzy, crisp, worst } = r;
      let violations = 0;
      let errSum = 0;
      for (let row = 0, o = 0; row < rows; row++, o += width) {
        const t = fuzzy(data, o);
        const e = 1 - t;
        errSum += e * e * e * e * e;
        if (!crisp(data, o)) violations++;
        if (t < worst.limit) worst.offer(firstRow + row, t);
      }
      r.violations += violations;
      r.errSum += errSum;
    }
    if (repair) await repair.write(data, rows);
    samples += rows;
  }
  if (repair) await repair.close();
  const out: RuleReport[] = active.map((r) => ({
    name: r.rule.name,
    kind: r.rule.kind,
    text: r.rule.text,
    violation_rate: samples ? r.violations / samples : 0,
    fuzzy_truth: forallTruth(r.errSum, samples),
    worst: r.worst.items,
  }));
  return { rules: out, samples, skipped };
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
