// The shape prior (training/mwp/shape.py trains it): how well a candidate expression fits what word
// problems are like, from four sparse linear models learnt on the gold expressions of the training
// problems. The seq2seq model is often sure of an expression whose value is 28/3 where the question
// asks how many kilometres, or that uses a number which names a class; the prior knows from the
// question's words what kind of value, last operator and size to expect, and from the words around
// each number whether it takes part. The reranker adds it to its other features (mwpRerank.ts).
import type Fraction from 'fraction.js';
import { isOp } from '../languages/mwp/arith';
import { numberValue } from '../languages/mwp/masking';
import { logSumExp } from './decode';
import { readJson } from './modelFiles';
import { linearScores, pairs, type SparseWeights } from './sparseLinear';

interface Head {
  classes: string[];
  bias: number[];
  /** Feature name → [class index, weight] pairs. */
  weights: SparseWeights;
}

interface ShapeFile {
  format: number;
  question: number;
  window: number;
  /** The log-probability of a class no training problem had. */
  unseen: number;
  heads: Record<'value' | 'root' | 'operators' | 'used', Head>;
}

/** A problem's prior over candidate expressions: (prefix structure, value) → log-probability. */
export type ProblemPrior = (structure: readonly string[], value: Fraction) => number;

export class MwpShapePrior {
  private constructor(private readonly file: ShapeFile) {}

  static load(file: string): MwpShapePrior {
    const f = readJson<ShapeFile>(file);
    const heads = ['value', 'root', 'operators', 'used'] as const;
    const wellFormed = (h: Head | undefined) => !!h && Array.isArray(h.classes) && Array.isArray(h.bias) && h.bias.length === h.classes.length && typeof h.weights === 'object';
    if (f.format !== 1 || !(f.question > 0) || !(f.window > 0) || typeof f.unseen !== 'number' || typeof f.heads !== 'object' || !heads.every((h) => wellFormed(f.heads[h]))) {
      throw new Error(`Model file is corrupt (not a shape prior): ${file}`);
    }
    return new MwpShapePrior(f);
  }

  /**
   * The prior of one problem (tokens and numbers as maskNumbers gives them). The per-problem work
   * (the question's class scores, each number's chance of taking part) is done once here, so
   * scoring each of a problem's candidates is a few lookups.
   */
  forProblem(tokens: readonly string[], numbers: readonly string[]): ProblemPrior {
    const { heads } = this.file;
    const question = questionFeatures(tokens, numbers, this.file.question);
    const value = this.scores(heads.value, question);
    const root = this.scores(heads.root, question);
    const count = this.scores(heads.operators, question);
    const used = numbers.map((_, i) => this.scores(heads.used, numberFeatures(tokens, numbers, i, this.file.window)));
    const values = numbers.map(numberValue).filter((v): v is Fraction => v !== undefined);
    return (structure, v) => {
      const present = new Set(structure);
      let total = value(valueClass(v, values)) + root(isOp(structure[0]!) ? structure[0]! : 'leaf');
      total += count(String(Math.min(structure.filter(isOp).length, 5)));
      used.forEach((u, i) => (total += u(present.has(`N${i}`) ? 'yes' : 'no')));
      return total;
    };
  }

  private scores(head: Head, features: readonly string[]): (label: string) => number {
    const z = linearScores(head.bias, head.weights, features);
    const norm = logSumExp(z);
    return (label) => {
      const k = head.classes.indexOf(label);
      return k < 0 ? this.file.unseen : z[k]! - norm;
    };
  }
}

function kind(literal: string): string {
  return literal.endsWith('%') ? 'pct' : literal.includes('(') ? 'frac' : literal.includes('.') ? 'dec' : 'int';
}

/** shape.py's `question_features`, spelt the same. */
function questionFeatures(tokens: readonly string[], numbers: readonly string[], window: number): string[] {
  const q = tokens.slice(-window);
  const out = [...q.map((x) => `u:${x}`), ...pairs(q).map((p) => `b:${p}`)];
  out.push(...[...new Set(tokens)].map((x) => `t:${x}`));
  out.push(`n:${Math.min(numbers.length, 5)}`);
  out.push(...numbers.map(kind).filter((k) => k !== 'int'));
  out.push(...unitFeatures(tokens, numbers));
  return out;
}

/** Sentence punctuation after NFKC: no unit follows a number there. */
const STOP = new Set([',', '.', '?', '!', ';', ':', '。', '、']);

/** shape.py's `unit_after`: the token after a quantity (a measure word), unless punctuation or a number. */
function unitAfter(tokens: readonly string[], k: number): string {
  const x = tokens[k + 1];
  return x === undefined || STOP.has(x) || /^N\d+$/.test(x) ? '' : x;
}

/** shape.py's `question_unit`: what follows the last 多少 or 几. */
function questionUnit(tokens: readonly string[]): string {
  for (let k = tokens.length - 1; k >= 0; k--) if (tokens[k] === '几' || (tokens[k] === '少' && tokens[k - 1] === '多')) return unitAfter(tokens, k);
  return '';
}

/**
 * shape.py's `unit_features`: every number in one unit (us:all), and in the unit asked for (uq:all).
 * "甲有10个球，乙有7个球，两人一共有多少个球" asks for a total of like quantities, a sum; the question's
 * words alone ("两人一共") more often mean a rate times a time or a multiple in the training problems.
 */
function unitFeatures(tokens: readonly string[], numbers: readonly string[]): string[] {
  const units = numbers.map((_, i) => {
    const k = tokens.indexOf(`N${i}`);
    return k < 0 ? '' : unitAfter(tokens, k);
  });
  const asked = questionUnit(tokens);
  const out: string[] = [];
  if (units.length >= 2 && units[0] !== '' && units.every((u) => u === units[0])) out.push('us:all');
  if (asked !== '' && units.length > 0 && units.every((u) => u === asked)) out.push('uq:all');
  return out;
}

/** shape.py's `number_features`, spelt the same. */
function numberFeatures(tokens: readonly string[], numbers: readonly string[], i: number, window: number): string[] {
  const literal = numbers[i]!;
  const out: string[] = [];
  const k = tokens.indexOf(`N${i}`);
  if (k >= 0) {
    out.push(...tokens.slice(Math.max(0, k - window), k).map((x) => `b:${x}`), ...tokens.slice(k + 1, k + 1 + window).map((x) => `a:${x}`));
    out.push(`a2:${tokens.slice(k + 1, k + 3).join('')}`, `b2:${tokens.slice(Math.max(0, k - 2), k).join('')}`);
  }
  out.push(kind(literal), `pos:${Math.min(i, 6)}`, `last:${i === numbers.length - 1 ? 1 : 0}`, `len:${Math.min(literal.length, 5)}`);
  const v = numberValue(literal);
  if (v) out.push(v.compare(10) < 0 ? 'small' : v.compare(1000) < 0 ? 'mid' : 'big');
  return out;
}

/** Whole?, in (0, 1)?, and log10(|v| / largest given number) rounded half up and clipped to ±3. */
export function valueClass(v: Fraction, numbers: readonly Fraction[]): string {
  // The trainer's floor for the largest number (shape.py: 10^-9), as a log.
  let largest = -9;
  for (const n of numbers) if (n.n !== 0n) largest = Math.max(largest, log10(n));
  const magnitude = v.n === 0n ? 'z' : String(Math.max(-3, Math.min(3, Math.floor(log10(v) - largest + 0.5))));
  const whole = v.d === 1n ? 1 : 0;
  const proper = v.compare(0) > 0 && v.compare(1) < 0 ? 1 : 0;
  return `${whole}${proper}${magnitude}`;
}

/** log10 |f| of a non-zero fraction, exact enough for any size: numerator and denominator can exceed a double. */
function log10(f: Fraction): number {
  return log10Big(f.n) - log10Big(f.d);
}

function log10Big(x: bigint): number {
  const digits = (x < 0n ? -x : x).toString();
  const lead = digits.slice(0, 15);
  return Math.log10(Number(lead)) + digits.length - lead.length;
}
