// Comparing formulas: equal trees (spelling, spacing and parentheses do not matter), a cheap,
// sound-but-incomplete equivalence (and/or commutativity and associativity, double negation), and
// equality of structure up to a renaming of propositions (structEqual).
import { isBinary, toJson, type Formula, type Interval } from './ast';

/** A signal comparison as text: its operator and terms (signals are compared as written, never renamed). */
const comparison = (f: Formula): string => JSON.stringify(toJson(f));

function sameInterval(a: Interval | undefined, b: Interval | undefined): boolean {
  if (!a || !b) return a === b;
  return a.lo === b.lo && a.hi === b.hi;
}

/** Same tree, ignoring positions, operator spellings and redundant parentheses. */
export function astEqual(a: Formula, b: Formula): boolean {
  const stack: [Formula, Formula][] = [[a, b]];
  while (stack.length > 0) {
    const [x, y] = stack.pop()!;
    if (x.kind !== y.kind) return false;
    if (x.kind === 'prop') {
      if (x.name !== (y as typeof x).name) return false;
      continue;
    }
    if (x.kind === 'compare') {
      if (comparison(x) !== comparison(y)) return false;
      continue;
    }
    if (!('args' in x)) continue;
    const yo = y as typeof x;
    if (!sameInterval(x.interval, yo.interval)) return false;
    for (let i = 0; i < x.args.length; i++) stack.push([x.args[i]!, yo.args[i]!]);
  }
  return true;
}

/**
 * A normal form as a string: double negations removed, and/or chains flattened and sorted.
 * Two formulas with the same key are equivalent; the converse does not hold (this is not a
 * decision procedure).
 */
export function equivalenceKey(f: Formula): string {
  switch (f.kind) {
    case 'prop':
      return JSON.stringify(f.name);
    case 'true':
    case 'false':
      return f.kind;
    case 'compare':
      return comparison(f);
    case 'not': {
      const inner = f.args[0];
      if (inner.kind === 'not') return equivalenceKey(inner.args[0]);
      return `not(${equivalenceKey(inner)})`;
    }
    case 'and':
    case 'or': {
      const parts: string[] = [];
      const pending: Formula[] = [f];
      while (pending.length > 0) {
        const g = pending.pop()!;
        if (g.kind === f.kind && isBinary(g)) pending.push(g.args[0], g.args[1]);
        else {
          const key = equivalenceKey(g);
          // A double negation of the same connective flattens too: !!(a & b) & c.
          if (key.startsWith(`${f.kind}(`)) parts.push(...splitTopLevel(key.slice(f.kind.length + 1, -1)));
          else parts.push(key);
        }
      }
      parts.sort();
      return `${f.kind}(${parts.join(',')})`;
    }
    default: {
      const interval = f.interval ? `[${f.interval.lo},${f.interval.hi ?? 'inf'}]` : '';
      return `${f.kind}${interval}(${f.args.map(equivalenceKey).join(',')})`;
    }
  }
}

function splitTopLevel(s: string): string[] {
  const parts: string[] = [];
  let depth = 0;
  let inString = false;
  let from = 0;
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (inString) {
      if (c === '\\') i++;
      else if (c === '"') inString = false;
    } else if (c === '"') inString = true;
    else if (c === '(' || c === '[') depth++;
    else if (c === ')' || c === ']') depth--;
    else if (c === ',' && depth === 0) {
      parts.push(s.slice(from, i));
      from = i + 1;
    }
  }
  parts.push(s.slice(from));
  return parts;
}

/** Equal up to commutativity and associativity of and/or and double negation. */
export function astEquivalent(a: Formula, b: Formula): boolean {
  return astEqual(a, b) || equivalenceKey(a) === equivalenceKey(b);
}

/**
 * A formula with and/or chains flattened, and `shape`: its canonical form with every proposition
 * written `p`, and/or/iff/xor operands sorted. Two nodes can only match when their shapes agree,
 * which prunes the search for a renaming to pairs that could work.
 */
interface Shaped {
  name?: string;
  args: Shaped[];
  unordered: boolean;
  shape: string;
}

function shaped(f: Formula): Shaped {
  if (f.kind === 'prop') return { name: f.name, args: [], unordered: false, shape: 'p' };
  if (f.kind === 'compare') return { args: [], unordered: false, shape: comparison(f) };
  if (!('args' in f)) return { args: [], unordered: false, shape: f.kind };
  let args: Formula[] = f.args;
  if (f.kind === 'and' || f.kind === 'or') {
    args = [];
    const pending: Formula[] = [f];
    while (pending.length > 0) {
      const g = pending.pop()!;
      if (g.kind === f.kind && isBinary(g)) pending.push(g.args[1], g.args[0]);
      else args.push(g);
    }
  }
  const children = args.map(shaped);
  const unordered = f.kind === 'and' || f.kind === 'or' || f.kind === 'iff' || f.kind === 'xor';
  const shapes = children.map((c) => c.shape);
  if (unordered) shapes.sort();
  const interval = f.interval ? `[${f.interval.lo},${f.interval.hi ?? 'inf'}]` : '';
  return { args: children, unordered, shape: `${f.kind}${interval}(${shapes.join(',')})` };
}

/** A one-to-one renaming being built, with a trail to undo bindings when a branch fails. */
class Renaming {
  private readonly forward = new Map<string, string>();
  private readonly backward = new Map<string, string>();
  private readonly trail: string[] = [];

  bind(a: string, b: string): boolean {
    const f = this.forward.get(a);
    const g = this.backward.get(b);
    if (f !== undefined || g !== undefined) return f === b && g === a;
    this.forward.set(a, b);
    this.backward.set(b, a);
    this.trail.push(a);
    return true;
  }

  mark(): number {
    return this.trail.length;
  }

  undo(mark: number): void {
    while (this.trail.length > mark) {
      const a = this.trail.pop()!;
      this.backward.delete(this.forward.get(a)!);
      this.forward.delete(a);
    }
  }
}

// Matching is in continuation style: `then` checks the rest of the formula under the renaming this
// match extended, so a failure later on backtracks into the choice of operand pairs made here.
// Every function leaves the renaming as it found it when it returns false.
function match(x: Shaped, y: Shaped, r: Renaming, then: () => boolean): boolean {
  if (x.shape !== y.shape) return false;
  if (x.name !== undefined) {
    const mark = r.mark();
    if (r.bind(x.name, y.name!) && then()) return true;
    r.undo(mark);
    return false;
  }
  return x.unordered ? matchBag(x.args, y.args, new Array<boolean>(y.args.length).fill(false), 0, r, then) : matchList(x.args, y.args, 0, r, then);
}

function matchList(xs: Shaped[], ys: Shaped[], i: number, r: Renaming, then: () => boolean): boolean {
  if (i === xs.length) return then();
  return match(xs[i]!, ys[i]!, r, () => matchList(xs, ys, i + 1, r, then));
}

/** Pairs xs[i..] with the unused operands of ys, trying each partner of the same shape in turn. */
function matchBag(xs: Shaped[], ys: Shaped[], used: boolean[], i: number, r: Renaming, then: () => boolean): boolean {
  if (i === xs.length) return then();
  for (let j = 0; j < ys.length; j++) {
    if (used[j] || ys[j]!.shape !== xs[i]!.shape) continue;
    used[j] = true;
    if (match(xs[i]!, ys[j]!, r, () => matchBag(xs, ys, used, i + 1, r, then))) return true;
    used[j] = false;
  }
  return false;
}

/**
 * Equal up to a one-to-one renaming of propositions, the grouping of and/or chains and the order
 * of and/or/iff/xor operands; nothing else (no double negation, intervals and operators exact).
 * A backtracking search, meant for formulas the size of one requirement.
 */
export function structEqual(a: Formula, b: Formula): boolean {
  return match(shaped(a), shaped(b), new Renaming(), () => true);
}
