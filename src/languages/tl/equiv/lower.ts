// From the parser's syntax tree to the checker's LTL terms: derived operators by their definitions,
// bounded intervals unrolled into X (future) or Y (past) steps over discrete time, and past
// subformulas replaced by fresh propositions tied to their values by G-constraints.
import type { Formula } from '../ast';
import { NOT, AND, OR, NEXT, UNTIL, RELEASE, FINALLY, GLOBALLY, PREV, SINCE, PROP, type Term, type Terms } from './terms';

/** The most X or Y steps a formula's intervals may unroll into (the sum of their bounds). */
export const maxUnrolledSteps = 64;

/** A formula outside what the checker decides; the message says why, in a sentence. */
export class OutsideFragment extends Error {}

/**
 * The term for `f`. Interval `[lo,hi]` on a future operator counts steps: `F[lo,hi] p` is
 * `X^lo (p | X (p | … X p))` with hi−lo nested X, and `[lo,inf]` is `X^lo` of the unbounded
 * operator; past operators likewise with Y, which is false at the first position. Intervals must be
 * integers, lo ≤ hi, and the bounds of all of a formula's intervals must add up to at most
 * `maxUnrolledSteps`.
 */
export function lower(terms: Terms, f: Formula): Term {
  let steps = 0;
  const interval = (g: Formula): [number, number | null] => {
    const iv = 'interval' in g ? g.interval : undefined;
    if (!iv) return [0, null];
    const { lo, hi } = iv;
    const shown = `[${lo},${hi ?? 'inf'}]`;
    if (!Number.isInteger(lo) || (hi !== null && !Number.isInteger(hi))) {
      throw new OutsideFragment(`the interval ${shown} has a bound that is not an integer; nesy equiv decides discrete time, in whole steps`);
    }
    if (lo < 0 || (hi !== null && hi < 0)) throw new OutsideFragment(`the interval ${shown} has a negative bound`);
    if (hi !== null && hi < lo) throw new OutsideFragment(`the interval ${shown} is reversed`);
    steps += hi ?? lo;
    if (steps > maxUnrolledSteps) {
      throw new OutsideFragment(`the interval bounds add up to more than ${maxUnrolledSteps} steps (${steps} so far), the most nesy equiv unrolls`);
    }
    return [lo, hi];
  };

  // a U[lo,hi] b for the future (step = X) or a S[lo,hi] b for the past (step = Y).
  const bounded = (a: Term, b: Term, lo: number, hi: number | null, past: boolean): Term => {
    const step = (x: Term) => (past ? terms.prev(x) : terms.next(x));
    const build = (l: number, h: number | null): Term => {
      if (h === null && l === 0) return past ? terms.since(a, b) : terms.until(a, b);
      if (l > 0) return terms.and(a, step(build(l - 1, h === null ? null : h - 1)));
      if (h === 0) return b;
      return terms.or(b, terms.and(a, step(build(0, h! - 1))));
    };
    return build(lo, hi);
  };

  const memo = new Map<Formula, Term>();
  const go = (g: Formula): Term => {
    const known = memo.get(g);
    if (known) return known;
    let r: Term;
    switch (g.kind) {
      case 'prop':
        r = terms.prop(g.name);
        break;
      case 'compare':
        throw new OutsideFragment('it compares signals (STL), which nesy equiv does not decide: it decides propositional LTL');
      case 'true':
        r = terms.t;
        break;
      case 'false':
        r = terms.f;
        break;
      case 'not':
        r = terms.not(go(g.args[0]));
        break;
      case 'next':
        r = terms.next(go(g.args[0]));
        break;
      case 'prev':
        r = terms.prev(go(g.args[0]));
        break;
      default: {
        const [lo, hi] = interval(g);
        const a = go(g.args[0]);
        const b = g.args.length > 1 ? go(g.args[1]!) : terms.t;
        const unbounded = lo === 0 && hi === null;
        switch (g.kind) {
          case 'and':
            r = terms.and(a, b);
            break;
          case 'or':
            r = terms.or(a, b);
            break;
          case 'implies':
            r = terms.or(terms.not(a), b);
            break;
          case 'iff':
            r = terms.iff(a, b);
            break;
          case 'xor':
            r = terms.not(terms.iff(a, b));
            break;
          case 'finally':
            r = unbounded ? terms.finally(a) : bounded(terms.t, a, lo, hi, false);
            break;
          case 'globally':
            r = unbounded ? terms.globally(a) : terms.not(bounded(terms.t, terms.not(a), lo, hi, false));
            break;
          case 'until':
            r = bounded(a, b, lo, hi, false);
            break;
          case 'release':
            r = unbounded ? terms.release(a, b) : terms.not(bounded(terms.not(a), terms.not(b), lo, hi, false));
            break;
          case 'weak_until':
            // a W b = b R (a | b); bounded, (a U[lo,hi] b) | G[lo,hi] a.
            r = unbounded
              ? terms.release(b, terms.or(a, b))
              : terms.or(bounded(a, b, lo, hi, false), terms.not(bounded(terms.t, terms.not(a), lo, hi, false)));
            break;
          case 'strong_release':
            r = bounded(b, terms.and(a, b), lo, hi, false);
            break;
          case 'once':
            r = bounded(terms.t, a, lo, hi, true);
            break;
          case 'historically':
            r = terms.not(bounded(terms.t, terms.not(a), lo, hi, true));
            break;
          case 'since':
            r = bounded(a, b, lo, hi, true);
            break;
          default:
            throw new OutsideFragment(`the operator ${(g as Formula).kind} is not one nesy equiv knows`);
        }
      }
    }
    memo.set(g, r);
    return r;
  };
  return go(f);
}

/**
 * Past subformulas replaced by fresh propositions, for satisfiability on infinite words read from
 * their first position. For `Y a` a fresh p with `!p` now and `G (a <-> X p)`; for `a S b` a fresh
 * p with `p <-> b` now and `G (X p <-> (X b | (X a & p)))`. These constraints fix p's value at
 * every position to the past subformula's (by induction over positions), so a word satisfies a
 * formula iff it extends, in exactly one way, to a word satisfying the rewritten formula and the
 * constraints. One instance per checker run: both formulas share the propositions and constraints.
 */
export class PastElimination {
  private readonly memo = new Map<number, Term>();
  readonly constraints: Term[] = [];

  constructor(private readonly terms: Terms) {}

  rewrite(t: Term): Term {
    const known = this.memo.get(t.id);
    if (known) return known;
    const T = this.terms;
    let r: Term;
    switch (t.op) {
      case PREV: {
        const a = this.rewrite(t.args[0]!);
        const p = T.fresh('Y');
        this.constraints.push(T.not(p), T.globally(T.iff(a, T.next(p))));
        r = p;
        break;
      }
      case SINCE: {
        const a = this.rewrite(t.args[0]!);
        const b = this.rewrite(t.args[1]!);
        const p = T.fresh('S');
        this.constraints.push(T.iff(p, b), T.globally(T.iff(T.next(p), T.or(T.next(b), T.and(T.next(a), p)))));
        r = p;
        break;
      }
      case NOT:
        r = T.not(this.rewrite(t.args[0]!));
        break;
      case AND:
        r = T.and(...t.args.map((a) => this.rewrite(a)));
        break;
      case OR:
        r = T.or(...t.args.map((a) => this.rewrite(a)));
        break;
      case NEXT:
        r = T.next(this.rewrite(t.args[0]!));
        break;
      case FINALLY:
        r = T.finally(this.rewrite(t.args[0]!));
        break;
      case GLOBALLY:
        r = T.globally(this.rewrite(t.args[0]!));
        break;
      case UNTIL:
        r = T.until(this.rewrite(t.args[0]!), this.rewrite(t.args[1]!));
        break;
      case RELEASE:
        r = T.release(this.rewrite(t.args[0]!), this.rewrite(t.args[1]!));
        break;
      default:
        r = t; // TRUE, FALSE, PROP
    }
    this.memo.set(t.id, r);
    return r;
  }
}

export function hasPast(t: Term, seen = new Set<number>()): boolean {
  if (seen.has(t.id)) return false;
  seen.add(t.id);
  if (t.op === PREV || t.op === SINCE) return true;
  return t.op !== PROP && t.args.some((a) => hasPast(a, seen));
}
