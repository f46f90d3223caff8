// Quantitative robustness of a formula at every sample of a trace (Donzé–Maler, in discrete time as
// RTAMT does it), evaluated bottom-up: one Float64Array column per subformula. The semantics are
// written out in src/languages/tl/README.md ("Monitoring traces").
import type { CompareNode, Formula, PropNode } from '../ast';
import { untilWindow, windowExtreme } from './slidingWindow';

/**
 * The atomic formulas: Boolean propositions and STL comparisons (`x < 3`), each supplying its own
 * per-sample robustness (±inf, c − x) through Signals.atom; the temporal machinery is the same.
 */
export type AtomNode = PropNode | CompareNode;

export interface Signals {
  /** Sample times, strictly increasing. */
  times: Float64Array;
  /**
   * The per-sample robustness of an atom: ±inf for a Boolean proposition, a signed margin for a
   * signal comparison. Called once per atom node, then once per sample.
   */
  atom(node: AtomNode): (i: number) => number;
  /**
   * The same as a whole column, when the atom has one at hand (a comparison's margins): a fresh array
   * that the evaluator may overwrite. Used instead of `atom` where given: no call per sample.
   */
  column?(node: AtomNode): Float64Array | undefined;
}

const inf = Number.POSITIVE_INFINITY;

/** The robustness of `formula` at every sample. */
export function robustness(formula: Formula, signals: Signals): Float64Array {
  return new Evaluator(signals).column(formula);
}

class Evaluator {
  private readonly n: number;
  private reversedTimes: Float64Array | undefined;

  constructor(private readonly signals: Signals) {
    this.n = signals.times.length;
  }

  // Recursion is as deep as the formula, which the parser caps at 1,000 levels.
  column(f: Formula): Float64Array {
    const n = this.n;
    switch (f.kind) {
      case 'prop':
      case 'compare': {
        const whole = this.signals.column?.(f);
        if (whole) return whole;
        const value = this.signals.atom(f);
        const out = new Float64Array(n);
        for (let i = 0; i < n; i++) out[i] = value(i);
        return out;
      }
      case 'true':
        return new Float64Array(n).fill(inf);
      case 'false':
        return new Float64Array(n).fill(-inf);
      case 'not':
        return negate(this.column(f.args[0]));
      case 'next': {
        const a = this.column(f.args[0]);
        a.copyWithin(0, 1);
        if (n > 0) a[n - 1] = -inf;
        return a;
      }
      case 'prev': {
        const a = this.column(f.args[0]);
        a.copyWithin(1, 0);
        if (n > 0) a[0] = -inf;
        return a;
      }
      case 'finally':
      case 'globally': {
        const { lo, hi } = bounds(f);
        const a = this.column(f.args[0]);
        return windowExtreme(a, this.signals.times, lo, hi, f.kind === 'finally', new Float64Array(n));
      }
      case 'once':
      case 'historically': {
        const { lo, hi } = bounds(f);
        const a = reverse(this.column(f.args[0]));
        return reverse(windowExtreme(a, this.pastTimes(), lo, hi, f.kind === 'once', new Float64Array(n)));
      }
      default:
        break;
    }
    // A node kind added to the grammar without semantics here (an atom, say) fails clearly.
    if (!('args' in f) || f.args.length !== 2) throw new Error(`the monitor has no semantics for '${(f as Formula).kind}'`);
    const a = this.column(f.args[0]!);
    const b = this.column(f.args[1]!);
    switch (f.kind) {
      case 'and':
        return combine(a, b, (x, y) => (x < y ? x : y));
      case 'or':
        return combine(a, b, (x, y) => (x > y ? x : y));
      case 'implies':
        return combine(a, b, (x, y) => (-x > y ? -x : y));
      case 'iff':
        // min(max(-a, b), max(-b, a))
        return combine(a, b, (x, y) => {
          const ab = -x > y ? -x : y;
          const ba = -y > x ? -y : x;
          return ab < ba ? ab : ba;
        });
      case 'xor':
        // max(min(a, -b), min(-a, b))
        return combine(a, b, (x, y) => {
          const l = x < -y ? x : -y;
          const r = -x < y ? -x : y;
          return l > r ? l : r;
        });
      default:
        break;
    }
    const { lo, hi } = bounds(f);
    const times = this.signals.times;
    switch (f.kind) {
      case 'until':
        return untilWindow(a, b, times, lo, hi, new Float64Array(n));
      case 'release':
        // a R b = !(!a U !b)
        return negate(untilWindow(negate(a), negate(b), times, lo, hi, new Float64Array(n)));
      case 'weak_until': {
        // a W b = (a U b) | G a, both over the operator's interval
        const always = windowExtreme(a, times, lo, hi, false, new Float64Array(n));
        return combine(untilWindow(a, b, times, lo, hi, new Float64Array(n)), always, (x, y) => (x > y ? x : y));
      }
      case 'strong_release':
        // a M b = b U (a & b)
        return untilWindow(b, combine(a, b, (x, y) => (x < y ? x : y)), times, lo, hi, new Float64Array(n));
      case 'since':
        // S is U on the time-reversed trace: reversing the samples and negating their times turns
        // the window [t-hi, t-lo] into [t'+lo, t'+hi] and "every sample after j up to i" into
        // "every sample from i before j", with the same floating-point comparisons.
        return reverse(untilWindow(reverse(a), reverse(b), this.pastTimes(), lo, hi, new Float64Array(n)));
      default:
        throw new Error(`the monitor has no semantics for '${(f as Formula).kind}'`);
    }
  }

  /** The times of the reversed trace, negated so that they increase: computed once per formula. */
  private pastTimes(): Float64Array {
    if (!this.reversedTimes) {
      const t = this.signals.times;
      const r = new Float64Array(this.n);
      for (let i = 0; i < this.n; i++) r[i] = -t[this.n - 1 - i]!;
      this.reversedTimes = r;
    }
    return this.reversedTimes;
  }
}

function bounds(f: Formula): { lo: number; hi: number } {
  const iv = 'interval' in f ? f.interval : undefined;
  return { lo: iv?.lo ?? 0, hi: iv?.hi ?? inf };
}

/** Negates in place (the column is the caller's own) and returns it. */
function negate(a: Float64Array): Float64Array {
  for (let i = 0; i < a.length; i++) a[i] = -a[i]!;
  return a;
}

/** Reverses in place and returns it. */
function reverse(a: Float64Array): Float64Array {
  return a.reverse();
}

/** a[i] = op(a[i], b[i]) in place. */
function combine(a: Float64Array, b: Float64Array, op: (x: number, y: number) => number): Float64Array {
  for (let i = 0; i < a.length; i++) a[i] = op(a[i]!, b[i]!);
  return a;
}
