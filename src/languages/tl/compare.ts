// Comparing formulas: equal trees (spelling, spacing and parentheses do not matter) and a cheap,
// sound-but-incomplete equivalence (and/or commutativity and associativity, double negation).
import { isBinary, type Formula, type Interval } from './ast';

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
