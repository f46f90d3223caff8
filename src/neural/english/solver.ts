// The English solver: reads the problem (read.ts), lists every expression with one or two
// operators over its numbers and the constants its words call for (candidates.ts), and scores each
// with a sparse linear ranker over features that read the question (features.ts; trained by
// training/mwp/english.py). The answer is the value with the most probability, summed over the
// expressions that give it; the expression shown is the best-scoring one with that value.
import Fraction from 'fraction.js';
import { evaluate, prefixToTree, treeToPrefix, type Tree } from '../../languages/mwp/arith';
import { numberValue } from '../../languages/mwp/masking';
import { readJson } from '../modelFiles';
import { defaultMaxOps, enumerate, prefixOf } from './candidates';
import { analyse, candidateFeatures, type Analysis, type Candidate } from './features';
import { EnglishLabeller, type LabellerTable } from './labeller';
import { readEnglish } from './read';

interface RankerFile {
  format: number;
  weights: Record<string, number>;
  /** The formula labeller (labeller.ts). */
  labeller?: LabellerTable;
  /** Softmax temperature fitted on the dev split (calibration); 1 when absent. */
  temperature?: number;
  maxOps?: number;
}

export interface Scored extends Candidate {
  score: number;
  prefix: string[];
}

export interface EnglishSolution {
  analysis: Analysis;
  /** Every candidate, best first. */
  candidates: Scored[];
  /** The chosen expression: prefix tokens over operators, N<i> and constants. */
  prefix: string[];
  value: Fraction | undefined;
  /** The probability of the chosen value, summed over its expressions, after calibration. */
  probability: number;
  /** The same before calibration (temperature 1). */
  rawProbability: number;
}

export class EnglishSolver {
  private constructor(
    private readonly weights: Map<string, number>,
    readonly temperature: number,
    readonly maxOps: number,
    private readonly labeller: EnglishLabeller | undefined,
  ) {}

  static load(file: string): EnglishSolver {
    const f = readJson<RankerFile>(file);
    if (f.format !== 1 || typeof f.weights !== 'object' || f.weights === null) throw new Error(`Model file is corrupt (not an English MWP ranker): ${file}`);
    let labeller: EnglishLabeller | undefined;
    try {
      labeller = f.labeller ? new EnglishLabeller(f.labeller) : undefined;
    } catch (e) {
      throw new Error(`${(e as Error).message}: ${file}`);
    }
    return new EnglishSolver(new Map(Object.entries(f.weights)), f.temperature ?? 1, f.maxOps ?? defaultMaxOps, labeller);
  }

  /** A solver with the given weights (tests). */
  static of(weights: Record<string, number>, temperature = 1, labeller?: LabellerTable): EnglishSolver {
    return new EnglishSolver(new Map(Object.entries(weights)), temperature, defaultMaxOps, labeller && new EnglishLabeller(labeller));
  }

  /** The formula id at each position of `prefix` (0 where none fits or without a labeller; -1 at leaves). */
  label(a: Analysis, prefix: readonly string[]): number[] {
    return this.labeller ? this.labeller.label(a, prefix).ids : prefix.map((t) => (/^[-+*/^]$/.test(t) ? 0 : -1));
  }

  /**
   * The expression with its formulas, the operands of each + and × in the order its formula reads
   * them: candidates come with those operands in an arbitrary order (candidates.ts), so every order
   * is labelled and the one the labeller is surest of wins ("(8 + 5) × 2" becomes "2 × (8 + 5)",
   * rectangle perimeter = 2 × rectangle length plus width). The value does not change.
   */
  labelled(a: Analysis, prefix: readonly string[]): { prefix: string[]; ids: number[] } {
    const tree = prefixToTree(prefix);
    if (!this.labeller || !tree) return { prefix: [...prefix], ids: this.label(a, prefix) };
    const variants: Tree[] = [];
    const orders = (t: Tree): Tree[] => {
      if (t.kind === 'leaf') return [t];
      const out: Tree[] = [];
      for (const l of orders(t.left)) {
        for (const r of orders(t.right)) {
          out.push({ kind: 'op', op: t.op, left: l, right: r });
          if (t.op === '+' || t.op === '*') out.push({ kind: 'op', op: t.op, left: r, right: l });
        }
      }
      return out;
    };
    variants.push(...orders(tree).slice(0, 16));
    let best = { prefix: [...prefix], ids: this.label(a, prefix), score: -Infinity };
    for (const v of variants) {
      const p = treeToPrefix(v);
      const { ids, probabilities } = this.labeller.label(a, p);
      const score = probabilities.reduce((sum, q, i) => sum + (ids[i]! >= 0 ? Math.log(Math.max(q, 1e-12)) : 0), 0);
      if (score > best.score + 1e-9) best = { prefix: p, ids, score };
    }
    return { prefix: best.prefix, ids: best.ids };
  }

  score(a: Analysis, c: Candidate): number {
    let s = 0;
    for (const f of candidateFeatures(a, c)) s += this.weights.get(f) ?? 0;
    return s;
  }

  solve(text: string): EnglishSolution {
    const analysis = analyse(readEnglish(text));
    const candidates = enumerate(analysis, this.maxOps)
      .map((c): Scored => ({ ...c, score: this.score(analysis, c), prefix: prefixOf(analysis, c.expr) }))
      .sort((x, y) => y.score - x.score);
    if (candidates.length === 0) {
      return { analysis, candidates, prefix: [], value: undefined, probability: 0, rawProbability: 0 };
    }
    const best = chooseValue(candidates, 1);
    const calibrated = chooseValue(candidates, this.temperature);
    const chosen = candidates.find((c) => sameFloat(c.value, best.value))!;
    return { analysis, candidates, prefix: chosen.prefix, value: exactValue(analysis, chosen.prefix), probability: calibrated.probabilityOf(best.value), rawProbability: best.probability };
  }
}

const sameFloat = (a: number, b: number) => Math.abs(a - b) <= 1e-9 * Math.max(1, Math.abs(a), Math.abs(b));

/** Probability mass per value (softmax of score / temperature over the candidates, summed by value). */
function chooseValue(candidates: readonly Scored[], temperature: number): { value: number; probability: number; probabilityOf(v: number): number } {
  const top = candidates[0]!.score;
  const groups: { value: number; mass: number }[] = [];
  let total = 0;
  for (const c of candidates) {
    const m = Math.exp((c.score - top) / temperature);
    total += m;
    const g = groups.find((x) => sameFloat(x.value, c.value));
    if (g) g.mass += m;
    else groups.push({ value: c.value, mass: m });
  }
  const best = groups.reduce((a, b) => (b.mass > a.mass ? b : a));
  return {
    value: best.value,
    probability: best.mass / total,
    probabilityOf: (v) => (groups.find((g) => sameFloat(g.value, v))?.mass ?? 0) / total,
  };
}

function exactValue(a: Analysis, prefix: readonly string[]): Fraction | undefined {
  const tree = prefixToTree(prefix);
  if (!tree) return undefined;
  const literal = (t: string) => (/^N\d+$/.test(t) ? a.items[Number(t.slice(1))]!.value : numberValue(t));
  try {
    return evaluate(tree, literal);
  } catch {
    return undefined;
  }
}
