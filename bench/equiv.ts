// `nesy equiv` (src/languages/tl/equiv): milliseconds per decision on random formula pairs of up to
// 20 operators over 6 propositions, in three kinds of pair: independent formulas (almost always
// different, found fast), a formula against a rewriting of itself by true identities (equivalent:
// both automata are explored to the end, the slow case), and a formula against a one-operator
// mutation of itself (the near misses a translation model makes). Budget: median under 50 ms and
// p95 under 1 s over all pairs.
import { decideEquivalence, fromJson, type FormulaJson } from '../src/languages/tl/api';
import { rng } from './corpus';
import { median, note, nowMs, quantile, round, type BenchOptions } from './util';

const budgetMedianMs = 50;
const budgetP95Ms = 1000;

type Kind = FormulaJson['kind'];
const props = ['a', 'b', 'c', 'd', 'e', 'f'];
// Operators with the weights people use them with: mostly Boolean structure, G, F, and some U/X.
const operators: [Kind, number][] = [
  ['and', 4],
  ['or', 3],
  ['implies', 3],
  ['not', 3],
  ['globally', 3],
  ['finally', 3],
  ['next', 2],
  ['until', 2],
  ['weak_until', 1],
  ['release', 1],
  ['strong_release', 0.3],
  ['iff', 1],
  ['xor', 0.3],
];
const unary = new Set<Kind>(['not', 'globally', 'finally', 'next']);
const withInterval = new Set<Kind>(['globally', 'finally', 'until']);
const totalWeight = operators.reduce((s, [, w]) => s + w, 0);

/** A random formula with exactly `ops` operators; 15% of F, G, U get a bounded interval. */
export function randomFormula(r: () => number, ops: number): FormulaJson {
  if (ops === 0) return { kind: 'prop', name: props[Math.floor(r() * props.length)]! };
  let x = r() * totalWeight;
  let kind: Kind = 'and';
  for (const [k, w] of operators) {
    if ((x -= w) < 0) {
      kind = k;
      break;
    }
  }
  const node = (args: FormulaJson[]): FormulaJson => {
    if (withInterval.has(kind) && r() < 0.15) {
      const lo = Math.floor(r() * 3);
      return { kind, args, interval: [lo, lo + 1 + Math.floor(r() * 6)] } as FormulaJson;
    }
    return { kind, args } as FormulaJson;
  };
  if (unary.has(kind)) return node([randomFormula(r, ops - 1)]);
  const left = Math.floor(r() * ops);
  return node([randomFormula(r, left), randomFormula(r, ops - 1 - left)]);
}

const not = (a: FormulaJson): FormulaJson => ({ kind: 'not', args: [a] });
const op = (kind: Kind, ...args: FormulaJson[]): FormulaJson => ({ kind, args }) as FormulaJson;

/** One rewriting by an LTL identity at a random node (the formula itself if no rule applies there). */
export function rewriteOnce(r: () => number, f: FormulaJson): FormulaJson {
  if (!('args' in f)) return f;
  if (r() < 0.5) {
    const i = Math.floor(r() * f.args.length);
    const args = [...f.args];
    args[i] = rewriteOnce(r, args[i]!);
    return { ...f, args } as FormulaJson;
  }
  if ('interval' in f && f.interval) return f;
  const [x, y] = f.args as [FormulaJson, FormulaJson];
  switch (f.kind) {
    case 'finally':
      return op('or', x, op('next', f));
    case 'globally':
      return op('and', x, op('next', f));
    case 'until':
      return op('or', y, op('and', x, op('next', f)));
    case 'and':
      return r() < 0.5 ? op('and', y, x) : not(op('or', not(x), not(y)));
    case 'or':
      return r() < 0.5 ? op('or', y, x) : not(op('and', not(x), not(y)));
    case 'implies':
      return op('or', not(x), y);
    case 'release':
      return not(op('until', not(x), not(y)));
    case 'weak_until':
      return op('or', op('until', x, y), op('globally', x));
    case 'iff':
      return op('and', op('implies', x, y), op('implies', y, x));
    case 'next':
      return x.kind === 'and' || x.kind === 'or' ? op(x.kind, op('next', x.args[0]!), op('next', x.args[1]!)) : f;
    default:
      return f;
  }
}

/** One operator or proposition changed at a random node. */
export function mutate(r: () => number, f: FormulaJson): FormulaJson {
  if (!('args' in f)) return { kind: 'prop', name: props[(props.indexOf(f.kind === 'prop' ? f.name : 'a') + 1) % props.length]! };
  if (r() < 0.6) {
    const i = Math.floor(r() * f.args.length);
    const args = [...f.args];
    args[i] = mutate(r, args[i]!);
    return { ...f, args } as FormulaJson;
  }
  const swap: Partial<Record<Kind, Kind>> = { globally: 'finally', finally: 'globally', until: 'weak_until', weak_until: 'until', release: 'until', and: 'or', or: 'and', implies: 'and', iff: 'implies', next: 'finally', not: 'next' };
  const kind = swap[f.kind];
  return kind ? ({ ...f, kind } as FormulaJson) : f;
}

export async function benchEquiv(o: BenchOptions): Promise<void> {
  const perKind = o.quick ? 40 : 200;
  const r = rng(19);
  const all: number[] = [];
  let undecided = 0;
  for (const kind of ['independent', 'rewritten', 'mutated'] as const) {
    note(`equiv ${kind}`);
    const times: number[] = [];
    let equivalent = 0;
    let kindUndecided = 0;
    for (let i = 0; i < perKind; i++) {
      const f = randomFormula(r, 1 + Math.floor(r() * 20));
      let g: FormulaJson;
      if (kind === 'independent') g = randomFormula(r, 1 + Math.floor(r() * 20));
      else if (kind === 'mutated') g = mutate(r, f);
      else {
        g = f;
        for (let k = 1 + Math.floor(r() * 3); k > 0; k--) g = rewriteOnce(r, g);
      }
      const [a, b] = [fromJson(f), fromJson(g)];
      const t0 = nowMs();
      const result = decideEquivalence(a, b);
      const ms = nowMs() - t0;
      times.push(ms);
      if (!result.decided) kindUndecided++;
      else if (result.equivalent) equivalent++;
      if (kind === 'rewritten' && result.decided && !result.equivalent) throw new Error(`equiv: a rewriting by identities was found different: ${JSON.stringify([f, g])}`);
    }
    all.push(...times);
    undecided += kindUndecided;
    o.emit({
      bench: `equiv.${kind}`,
      pairs: perKind,
      equivalent,
      undecided: kindUndecided,
      median_ms: round(median(times), 2),
      p95_ms: round(quantile(times, 0.95), 1),
      max_ms: round(Math.max(...times), 1),
    });
  }
  const med = median(all);
  const p95 = quantile(all, 0.95);
  o.emit({
    bench: 'equiv.all',
    pairs: all.length,
    max_operators: 20,
    propositions: props.length,
    undecided,
    median_ms: round(med, 2),
    p95_ms: round(p95, 1),
    budget: `median < ${budgetMedianMs} ms, p95 < ${budgetP95Ms} ms`,
    within_budget: med < budgetMedianMs && p95 < budgetP95Ms,
  });
}
