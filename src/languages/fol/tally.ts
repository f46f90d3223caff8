// What a prediction check counts, per rule, over some rows: crisp violations, the sum of (1 - truth)^5,
// and the worst samples. Tallies of different rows (batches, files, worker threads, shards of a cluster
// job) merge into exactly the tally of all the rows together: counts add; the error sums are kept as exact
// sums (Shewchuk's non-overlapping partials, as Python's math.fsum), so the order in which parts are
// merged cannot change a bit of the result; the worst lists keep the k lowest (truth, sample) pairs.
import type { RuleKind } from './monadic';

/** An exact sum of doubles as non-overlapping partials; value() is the correctly rounded total. */
export class ExactSum {
  constructor(readonly partials: number[] = []) {}

  add(value: number): void {
    const p = this.partials;
    let x = value;
    let i = 0;
    for (let j = 0; j < p.length; j++) {
      let y = p[j]!;
      if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
      const hi = x + y;
      const lo = y - (hi - x);
      if (lo !== 0) p[i++] = lo;
      x = hi;
    }
    p.length = i;
    p.push(x);
  }

  addAll(other: readonly number[]): void {
    for (const x of other) this.add(x);
  }

  value(): number {
    const p = this.partials;
    let n = p.length;
    if (n === 0) return 0;
    let hi = p[--n]!;
    let lo = 0;
    while (n > 0) {
      const x = hi;
      const y = p[--n]!;
      hi = x + y;
      lo = y - (hi - x);
      if (lo !== 0) break;
    }
    // Round half to even across the remaining partials, as math.fsum does.
    if (n > 0 && ((lo < 0 && p[n - 1]! < 0) || (lo > 0 && p[n - 1]! > 0))) {
      const y = lo * 2;
      const x = hi + y;
      if (y === x - hi) hi = x;
    }
    return hi;
  }
}

export interface WorstSample {
  sample: number;
  truth: number;
}

export interface WorstEntry extends WorstSample {
  /** With several input files: the file, and the sample's number in it (x, y for images). */
  file?: string;
  at?: number;
  x?: number;
  y?: number;
}

/** Where a worst sample is: #sample, file#sample, or file@x,y for images. */
function where(w: WorstEntry): string {
  return w.file === undefined ? `#${w.sample}` : w.x !== undefined ? `${w.file}@${w.x},${w.y}` : `${w.file}#${w.at}`;
}

/** A rule's worst samples as the reports (the CLI's text, the editor's view) show them: "where (truth), ...". */
export function worstText(worst: WorstEntry[]): string {
  return worst.map((w) => `${where(w)} (${w.truth.toFixed(3)})`).join(', ');
}

/** The k lowest-truth samples, ties to the earlier sample: a small sorted array, cheap for the handful kept. */
export class Worst {
  items: WorstSample[] = [];
  /** Truths at or above this cannot enter; the kernels read it to skip the call. */
  limit = Infinity;

  constructor(private readonly k: number) {
    if (k === 0) this.limit = -Infinity;
  }

  offer(sample: number, truth: number): void {
    let i = this.items.length;
    while (i > 0 && this.items[i - 1]!.truth > truth) i--;
    this.items.splice(i, 0, { sample, truth });
    if (this.items.length > this.k) this.items.pop();
    if (this.items.length === this.k) this.limit = this.items[this.k - 1]!.truth;
  }
}

/** The k lowest by (truth, sample), the order Worst keeps. */
export function lowest(items: WorstSample[], k: number): WorstSample[] {
  return [...items].sort((a, b) => a.truth - b.truth || a.sample - b.sample).slice(0, k);
}

export interface RuleInfo {
  name: string;
  kind: RuleKind;
  text: string;
}

export interface RuleTally {
  violations: number;
  /** Partials of the exact sum of (1 - truth)^5. */
  err: number[];
  /** Sample numbers relative to the rows tallied (a file's own numbering). */
  worst: WorstSample[];
}

export interface Tally {
  samples: number;
  /** One per checked rule, in the order of the rule list that goes with the tally. */
  rules: RuleTally[];
}

export function emptyTally(rules: number): Tally {
  return { samples: 0, rules: Array.from({ length: rules }, () => ({ violations: 0, err: [], worst: [] })) };
}

/** Adds `part` into `into`, its sample numbers shifted by `offset`; keeps k worst per rule. */
export function addTally(into: Tally, part: Tally, offset: number, k: number): void {
  if (into.rules.length !== part.rules.length) throw new Error(`cannot merge tallies of ${into.rules.length} and ${part.rules.length} rules`);
  into.samples += part.samples;
  part.rules.forEach((r, i) => {
    const t = into.rules[i]!;
    t.violations += r.violations;
    const sum = new ExactSum(t.err);
    sum.addAll(r.err);
    t.worst = lowest([...t.worst, ...r.worst.map((w) => ({ sample: w.sample + offset, truth: w.truth }))], k);
  });
}

/** LogicSeg's forall over samples, the p-mean-error 1 - (mean (1-t)^q)^(1/q), from the sum of (1-t)^q. */
export function forallTruth(errorSum: number, samples: number, q = 5): number {
  return samples ? 1 - (errorSum / samples) ** (1 / q) : 1;
}

export interface RuleReport extends RuleInfo {
  violation_rate: number;
  fuzzy_truth: number;
  worst: WorstSample[];
}

export function ruleReports(rules: RuleInfo[], tally: Tally): RuleReport[] {
  return rules.map((r, i) => {
    const t = tally.rules[i]!;
    return {
      name: r.name,
      kind: r.kind,
      text: r.text,
      violation_rate: tally.samples ? t.violations / tally.samples : 0,
      fuzzy_truth: forallTruth(new ExactSum([...t.err]).value(), tally.samples),
      worst: t.worst,
    };
  });
}
