// The NL->TL round trip: for random formulas (at most 3 propositions, depth at most 3, every operator of
// the language, with intervals), translate(explain(f)) should give back f, equal or equivalent. Used by
// the `roundtrip` bench area and by test/unit/nl2tl-roundtrip.test.ts.
import * as path from 'node:path';
import { astEqual, astEquivalent, explain, fromJson, parseFormula, printFormula, toJson, type Formula, type FormulaJson } from '../src/languages/tl/api';
import { loadTranslator } from '../src/neural/index';
import type { Translator } from '../src/neural/translator';
import { rng } from './corpus';
import type { BenchOptions } from './util';

const unary = ['not', 'next', 'finally', 'globally', 'historically', 'once', 'prev'] as const;
const binary = ['and', 'or', 'xor', 'implies', 'iff', 'until', 'weak_until', 'release', 'strong_release', 'since'] as const;
const timed = new Set(['finally', 'globally', 'historically', 'once', 'until', 'weak_until', 'release', 'strong_release', 'since']);
const props = ['p', 'q', 'r'];

function interval(rand: () => number): [number, number | null] | undefined {
  const r = rand();
  if (r < 0.6) return undefined;
  const lo = Math.floor(rand() * 4);
  if (r < 0.7) return [lo, null];
  return [lo, lo + 1 + Math.floor(rand() * 9)];
}

function formula(rand: () => number, depth: number): FormulaJson {
  if (depth === 0 || rand() < 0.2) return { kind: 'prop', name: props[Math.floor(rand() * props.length)]! };
  const pick = rand() < 0.45 ? unary[Math.floor(rand() * unary.length)]! : binary[Math.floor(rand() * binary.length)]!;
  const args = Array.from({ length: (unary as readonly string[]).includes(pick) ? 1 : 2 }, () => formula(rand, depth - 1));
  const i = timed.has(pick) ? interval(rand) : undefined;
  return { kind: pick, args, ...(i ? { interval: i } : {}) } as FormulaJson;
}

export function randomFormulas(count: number, seed = 1): Formula[] {
  // Seeded, so every run measures the same formulas.
  const rand = rng(seed);
  return Array.from({ length: count }, () => fromJson(formula(rand, 3)));
}

export interface RoundTrip {
  n: number;
  /** translate(explain(f)) equal to f, or equivalent by the cheap normal form. */
  rate: number;
  failures: { formula: string; english: string; got: string }[];
}

/** The formula with every [0,inf] interval dropped: `F[0,inf] p` is `F p`. */
function unbounded(f: Formula): Formula {
  const strip = (j: FormulaJson): FormulaJson => {
    if (!('args' in j)) return j;
    const { interval, ...rest } = j;
    const keep = interval && !(interval[0] === 0 && interval[1] === null);
    return { ...rest, args: j.args.map(strip), ...(keep ? { interval } : {}) };
  };
  return fromJson(strip(toJson(f)));
}

export async function roundTrip(translator: Translator, formulas: readonly Formula[]): Promise<RoundTrip> {
  const english = formulas.map((f) => explain(f));
  const results = await translator.translate(english.map((sentence) => ({ sentence })));
  const failures: RoundTrip['failures'] = [];
  results.forEach((r, i) => {
    const f = formulas[i]!;
    const back = r instanceof Error ? undefined : r.best;
    const parsed = back ? parseFormula(back.formula) : undefined;
    if (parsed?.ok && (astEqual(parsed.formula, f) || astEquivalent(unbounded(parsed.formula), unbounded(f)))) return;
    failures.push({ formula: printFormula(f, 'ascii'), english: english[i]!, got: r instanceof Error ? `error: ${r.message}` : r.best.formula });
  });
  return { n: formulas.length, rate: (formulas.length - failures.length) / formulas.length, failures };
}

export async function benchRoundTrip(o: BenchOptions): Promise<void> {
  const translator = await loadTranslator('cpu', path.join(o.root, 'models'));
  try {
    const n = o.quick ? 200 : 1000;
    const started = performance.now();
    const r = await roundTrip(translator, randomFormulas(n));
    o.emit({
      bench: 'nl2tl.roundtrip',
      formulas: r.n,
      rate: Math.round(r.rate * 10000) / 10000,
      ms_per_formula: Math.round(((performance.now() - started) / n) * 100) / 100,
      budget: 0.95,
      within_budget: r.rate >= 0.95,
      failures_sample: r.failures.slice(0, 5),
    });
  } finally {
    await translator.release();
  }
}
