// Every expression the English solver considers for a problem: all binary trees with 1 to
// `maxOps` operators over distinct items (the problem's numbers and the constants its words call
// for), built bottom-up over subsets of the items. Operands of + and × come in one order only, and
// no step may be negative, zero, undefined or absurdly large.
import type { Analysis, Candidate, Expr } from './features';

export const defaultMaxOps = 2;
/** Items beyond this many (the numbers least likely to be used go first) are left out. */
export const maxItems = 8;

const OPS = ['+', '-', '*', '/'] as const;

interface Partial {
  expr: Expr;
  value: number;
  ops: number;
}

export function enumerate(a: Analysis, maxOps = defaultMaxOps): Candidate[] {
  const n = Math.min(a.items.length, maxItems);
  const bySubset = new Map<number, Partial[]>();
  for (let i = 0; i < n; i++) bySubset.set(1 << i, [{ expr: { kind: 'leaf', item: i }, value: a.items[i]!.float, ops: 0 }]);
  const masks = [...Array(1 << n).keys()].filter((m) => m > 0).sort((x, y) => popcount(x) - popcount(y) || x - y);
  for (const mask of masks) {
    const size = popcount(mask);
    if (size < 2 || size > maxOps + 1) continue;
    const list: Partial[] = [];
    // Every split of `mask` into two non-empty parts, each part once as the left one.
    for (let left = (mask - 1) & mask; left > 0; left = (left - 1) & mask) {
      const right = mask & ~left;
      const ls = bySubset.get(left);
      const rs = bySubset.get(right);
      if (!ls || !rs) continue;
      // + and × once per unordered split: the part with the lowest item on the left.
      const ordered = lowest(left) < lowest(right);
      for (const l of ls) {
        for (const r of rs) {
          if (l.ops + r.ops + 1 > maxOps) continue;
          for (const op of OPS) {
            if ((op === '+' || op === '*') && !ordered) continue;
            const value = apply(op, l.value, r.value);
            if (!(value > 1e-9) || value > 1e12) continue;
            list.push({ expr: { kind: 'op', op, left: l.expr, right: r.expr }, value, ops: l.ops + r.ops + 1 });
          }
        }
      }
    }
    if (list.length) bySubset.set(mask, list);
  }
  const out: Candidate[] = [];
  for (const [mask, list] of bySubset) for (const p of list) if (p.ops > 0) out.push({ expr: p.expr, value: p.value, ops: p.ops, mask });
  return out;
}

function apply(op: (typeof OPS)[number], a: number, b: number): number {
  switch (op) {
    case '+':
      return a + b;
    case '-':
      return a - b;
    case '*':
      return a * b;
    case '/':
      return b === 0 ? NaN : a / b;
  }
}

function popcount(m: number): number {
  let c = 0;
  for (; m; m &= m - 1) c++;
  return c;
}

function lowest(m: number): number {
  return m & -m;
}

/** Prefix tokens of an expression: operators and the items' tokens (N<i> or a constant). */
export function prefixOf(a: Analysis, e: Expr): string[] {
  return e.kind === 'leaf' ? [a.items[e.item]!.token] : [e.op, ...prefixOf(a, e.left), ...prefixOf(a, e.right)];
}
