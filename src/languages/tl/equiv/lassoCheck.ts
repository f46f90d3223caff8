// Truth of a formula in negation normal form on a lasso word, by fixpoints over the lasso's
// positions: the check every counterexample passes before it is reported.
import * as terms from './terms';
import { type Term } from './terms';

// Local copies: read once, not through the module namespace on every use in the hot loops.
const { AND, FALSE, FINALLY, GLOBALLY, NEXT, NOT, OR, PROP, RELEASE, TRUE, UNTIL } = terms;

/** letters[i]: the propositions true at position i; the successor of the last position is loopStart. */
export function holdsOnLasso(formula: Term, letters: readonly (readonly number[])[], loopStart: number): boolean {
  const n = letters.length;
  const truth = letters.map((l) => new Set(l));
  const succ = (i: number) => (i + 1 < n ? i + 1 : loopStart);
  const memo = new Map<number, boolean[]>();
  // Least (until) or greatest (release) fixpoint of v[i] = b[i] || (a[i] && v[succ(i)]), or its dual.
  const fix = (a: boolean[], b: boolean[], least: boolean): boolean[] => {
    const v = new Array<boolean>(n).fill(!least);
    for (let changed = true; changed; ) {
      changed = false;
      for (let i = n - 1; i >= 0; i--) {
        const x = least ? b[i]! || (a[i]! && v[succ(i)]!) : b[i]! && (a[i]! || v[succ(i)]!);
        if (x !== v[i]) {
          v[i] = x;
          changed = true;
        }
      }
    }
    return v;
  };
  const all = (x: boolean) => new Array<boolean>(n).fill(x);
  const ev = (t: Term): boolean[] => {
    const known = memo.get(t.id);
    if (known) return known;
    let v: boolean[];
    switch (t.op) {
      case TRUE:
      case FALSE:
        v = all(t.op === TRUE);
        break;
      case PROP:
        v = truth.map((s) => s.has(t.prop));
        break;
      case NOT:
        v = truth.map((s) => !s.has(t.args[0]!.prop));
        break;
      case AND:
      case OR: {
        const parts = t.args.map(ev);
        v = Array.from({ length: n }, (_, i) => (t.op === AND ? parts.every((p) => p[i]) : parts.some((p) => p[i])));
        break;
      }
      case NEXT: {
        const a = ev(t.args[0]!);
        v = a.map((_, i) => a[succ(i)]!);
        break;
      }
      case UNTIL:
        v = fix(ev(t.args[0]!), ev(t.args[1]!), true);
        break;
      case FINALLY:
        v = fix(all(true), ev(t.args[0]!), true);
        break;
      case RELEASE:
        v = fix(ev(t.args[0]!), ev(t.args[1]!), false);
        break;
      case GLOBALLY:
        v = fix(all(false), ev(t.args[0]!), false);
        break;
      default:
        throw new Error(`lasso check: unexpected operator ${t.op}`);
    }
    memo.set(t.id, v);
    return v;
  };
  return ev(formula)[0]!;
}
