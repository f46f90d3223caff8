// Dwyer, Avrunin and Corbett's specification-pattern catalogue: the patterns the requirement reader
// recognises and their published LTL mappings in each scope. The reader and the generator of
// pattern training pairs (scripts/nl2tl-patterns.ts) both build formulas here, so the two cannot disagree.
import type { FormulaJson } from '../../languages/tl/api';

export type Binary = Extract<FormulaJson, { args: FormulaJson[] }>['kind'];

export const un = (kind: Binary, arg: FormulaJson, interval?: [number, number | null]): FormulaJson => ({ kind, args: [arg], ...(interval ? { interval } : {}) });
export const bin = (kind: Binary, a: FormulaJson, b: FormulaJson): FormulaJson => ({ kind, args: [a, b] });
const temporalKinds = new Set(['globally', 'finally', 'next', 'until', 'weak_until', 'release', 'strong_release', 'historically', 'once', 'prev', 'since']);
export const hasTemporal = (f: FormulaJson): boolean => temporalKinds.has(f.kind) || ('args' in f && f.args.some(hasTemporal));

export type Scope = 'before' | 'after' | 'between' | 'afterUntil';

/** The specification patterns of Dwyer et al.'s catalogue, as the reader writes them in the global scope. */
export type Pattern =
  | { kind: 'absence' | 'universality' | 'existence'; p: FormulaJson }
  | { kind: 'precedence' | 'response'; p: FormulaJson; s: FormulaJson };

export function patternOf(f: FormulaJson): Pattern | undefined {
  if (!hasTemporal(f)) return f.kind === 'not' ? { kind: 'absence', p: f.args[0]! } : { kind: 'universality', p: f };
  if (f.kind === 'finally' && !f.interval && !hasTemporal(f.args[0]!)) return { kind: 'existence', p: f.args[0]! };
  if (f.kind === 'weak_until' && !f.interval && f.args[0]!.kind === 'not' && !hasTemporal(f.args[0]!) && !hasTemporal(f.args[1]!)) {
    return { kind: 'precedence', p: f.args[0]!.args[0]!, s: f.args[1]! };
  }
  const inner = f.kind === 'globally' && !f.interval ? f.args[0]! : undefined;
  if (inner?.kind === 'implies' && !hasTemporal(inner.args[0]!) && inner.args[1]!.kind === 'finally' && !inner.args[1]!.interval && !hasTemporal(inner.args[1]!.args[0]!)) {
    return { kind: 'response', p: inner.args[0]!, s: inner.args[1]!.args[0]! };
  }
  return undefined;
}

/** The catalogue's LTL mapping of a pattern in a scope (https://matthewbdwyer.github.io/psp/patterns/ltl.html). */
export function scoped(scope: Scope, pat: Pattern, q: FormulaJson | undefined, r: FormulaJson | undefined): FormulaJson {
  const not = (f: FormulaJson) => un('not', f);
  const and = (x: FormulaJson, y: FormulaJson) => bin('and', x, y);
  const { p } = pat;
  const s = 's' in pat ? pat.s : p;
  if (scope === 'after') {
    const Q = q!;
    switch (pat.kind) {
      case 'absence':
        return un('globally', bin('implies', Q, un('globally', not(p))));
      case 'universality':
        return un('globally', bin('implies', Q, un('globally', p)));
      case 'existence':
        return bin('or', un('globally', not(Q)), un('finally', and(Q, un('finally', p))));
      case 'precedence':
        return bin('or', un('globally', not(Q)), un('finally', and(Q, bin('weak_until', not(p), s))));
      case 'response':
        return un('globally', bin('implies', Q, un('globally', bin('implies', p, un('finally', s)))));
    }
  }
  const R = r!;
  if (pat.kind === 'existence') {
    const occurs = (strong: boolean) => bin(strong ? 'until' : 'weak_until', not(R), and(p, not(R)));
    return scope === 'before' ? occurs(false) : un('globally', bin('implies', and(q!, not(R)), occurs(scope === 'afterUntil')));
  }
  const kind = pat.kind;
  // The pattern's body from the scope's start until R.
  const within = (until: 'until' | 'weak_until'): FormulaJson => {
    if (kind === 'absence') return bin(until, not(p), R);
    if (kind === 'universality') return bin(until, p, R);
    if (kind === 'precedence') return bin(until, not(p), bin('or', s, R));
    return bin(until, bin('implies', p, bin('until', not(R), and(s, not(R)))), R);
  };
  if (scope === 'before') return bin('implies', un('finally', R), within('until'));
  if (scope === 'between') return un('globally', bin('implies', and(and(q!, not(R)), un('finally', R)), within('until')));
  return un('globally', bin('implies', and(q!, not(R)), within('weak_until')));
}
