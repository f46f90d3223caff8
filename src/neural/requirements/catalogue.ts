// Dwyer, Avrunin and Corbett's specification-pattern catalogue: the patterns the requirement reader
// recognises and their published LTL mappings in each scope. The reader and the generator of
// pattern training pairs (scripts/nl2tl-patterns.ts) both build formulas here, so the two cannot disagree.
import { mapProps, parseFormula, toJson, type FormulaJson } from '../../languages/tl/api';

export type Binary = Extract<FormulaJson, { args: FormulaJson[] }>['kind'];

export const un = (kind: Binary, arg: FormulaJson, interval?: [number, number | null]): FormulaJson => ({ kind, args: [arg], ...(interval ? { interval } : {}) });
export const bin = (kind: Binary, a: FormulaJson, b: FormulaJson): FormulaJson => ({ kind, args: [a, b] });
/** X applied k times: "three steps later" is X X X. */
export const nexts = (k: number, f: FormulaJson): FormulaJson => (k === 0 ? f : un('next', nexts(k - 1, f)));
const temporalKinds = new Set(['globally', 'finally', 'next', 'until', 'weak_until', 'release', 'strong_release', 'historically', 'once', 'prev', 'since']);
export const hasTemporal = (f: FormulaJson): boolean => temporalKinds.has(f.kind) || ('args' in f && f.args.some(hasTemporal));

/** A plain visit, F a with no time of its own and nothing temporal inside ("go to the cafe"; the catalogue's existence). */
export const isVisit = (f: FormulaJson): boolean => f.kind === 'finally' && !f.interval && !hasTemporal(f.args[0]!);

export type Scope = 'globally' | 'before' | 'after' | 'between' | 'afterUntil';

/** The chains of two events: the catalogue's only published instances of its chain patterns. */
export type ChainKind =
  /** "S, T precedes P": 2 causes, 1 effect. */
  | 'chainPrecedes'
  /** "P precedes (S, T)": 1 cause, 2 effects. */
  | 'precedesChain'
  /** "P responds to S, T": 2 stimuli, 1 response. */
  | 'respondsToChain'
  /** "S, T responds to P", and "S, T without Z responds to P" (the constrained chain): 1 stimulus, 2 responses. */
  | 'chainRespondsTo';

/** The specification patterns of Dwyer et al.'s catalogue, as the reader writes them in the global scope. */
export type Pattern =
  | { kind: 'absence' | 'universality' | 'existence'; p: FormulaJson }
  | { kind: 'precedence' | 'response'; p: FormulaJson; s: FormulaJson }
  /** "P occurs at most n times" (the catalogue's bounded existence, published for n = 2). */
  | { kind: 'boundedExistence'; p: FormulaJson; n: number }
  | { kind: ChainKind; p: FormulaJson; s: FormulaJson; t: FormulaJson; z?: FormulaJson };

export function patternOf(f: FormulaJson): Pattern | undefined {
  if (!hasTemporal(f)) return f.kind === 'not' ? { kind: 'absence', p: f.args[0]! } : { kind: 'universality', p: f };
  // "it is always the case that P" / "never P" as a scope's body: the same patterns, said with their G.
  if (f.kind === 'globally' && !f.interval && !hasTemporal(f.args[0]!)) return patternOf(f.args[0]!);
  if (isVisit(f)) return { kind: 'existence', p: (f as { args: FormulaJson[] }).args[0]! };
  if (f.kind === 'weak_until' && !f.interval && f.args[0]!.kind === 'not' && !hasTemporal(f.args[0]!) && !hasTemporal(f.args[1]!)) {
    return { kind: 'precedence', p: f.args[0]!.args[0]!, s: f.args[1]! };
  }
  const inner = f.kind === 'globally' && !f.interval ? f.args[0]! : undefined;
  if (inner?.kind === 'implies' && !hasTemporal(inner.args[0]!) && inner.args[1]!.kind === 'finally' && !inner.args[1]!.interval && !hasTemporal(inner.args[1]!.args[0]!)) {
    return { kind: 'response', p: inner.args[0]!, s: inner.args[1]!.args[0]! };
  }
  return undefined;
}

const not = (f: FormulaJson) => un('not', f);
const and = (x: FormulaJson, y: FormulaJson) => bin('and', x, y);
const or = (x: FormulaJson, y: FormulaJson) => bin('or', x, y);

/** The catalogue's LTL mapping of a pattern in a scope (https://matthewbdwyer.github.io/psp/patterns/ltl.html). */
export function scoped(scope: Scope, pat: Pattern, q: FormulaJson | undefined, r: FormulaJson | undefined): FormulaJson {
  if (pat.kind === 'boundedExistence') return boundedExistence(scope, pat.p, pat.n, q, r);
  if (pat.kind in chains) return chain(scope, pat as Extract<Pattern, { kind: ChainKind }>, q, r);
  const { p } = pat;
  const s = 's' in pat ? pat.s : p;
  if (scope === 'globally') {
    switch (pat.kind) {
      case 'absence':
        return un('globally', not(p));
      case 'universality':
        return un('globally', p);
      case 'existence':
        return un('finally', p);
      case 'precedence':
        return bin('weak_until', not(p), s);
      case 'response':
        return un('globally', bin('implies', p, un('finally', s)));
    }
  }
  if (scope === 'after') {
    const Q = q!;
    switch (pat.kind as 'absence' | 'universality' | 'existence' | 'precedence' | 'response') {
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

/**
 * "At most n times": n alternations of not-P and P, then never P again. The catalogue publishes n = 2 and says
 * other bounds are variations of it; this is that variation, the same nesting repeated.
 */
function boundedExistence(scope: Scope, p: FormulaJson, n: number, q: FormulaJson | undefined, r: FormulaJson | undefined): FormulaJson {
  let global = un('globally', not(p));
  for (let i = 0; i < n; i++) global = bin('weak_until', not(p), bin('weak_until', p, global));
  if (scope === 'globally') return global;
  if (scope === 'after') return bin('implies', un('finally', q!), bin('until', not(q!), and(q!, global)));
  const R = r!;
  // One not-P stretch and one P stretch, each cut short by R.
  const alternation = (then: FormulaJson) => bin('until', and(not(p), not(R)), or(R, bin('until', and(p, not(R)), then)));
  const last = scope === 'afterUntil' ? or(or(R, bin('weak_until', not(p), R)), un('globally', p)) : or(R, bin('until', not(p), R));
  let body = last;
  for (let i = 1; i < n; i++) body = or(R, alternation(body));
  body = alternation(body);
  if (scope === 'before') return bin('implies', un('finally', R), body);
  if (scope === 'between') return un('globally', bin('implies', and(q!, un('finally', R)), body));
  return un('globally', bin('implies', q!, body));
}

/**
 * The chain patterns' published mappings, verbatim but for the catalogue's notation (o is X, <> is F, [] is G),
 * over the placeholders p, q, r, s, t, z. Two are unbalanced on the page (precedence chains after Q, and "P
 * precedes (S, T)" globally); they are closed here as the global mapping after the first Q.
 */
const chains: Record<ChainKind, Record<Scope, string>> = {
  chainPrecedes: {
    globally: 'F p -> (!p U (s & !p & X (!p U t)))',
    before: 'F r -> (!p U (r | (s & !p & X (!p U t))))',
    after: 'G !q | (!q U (q & (F p -> (!p U (s & !p & X (!p U t))))))',
    between: 'G ((q & F r) -> (!p U (r | (s & !p & X (!p U t)))))',
    afterUntil: 'G (q -> (F p -> (!p U (r | (s & !p & X (!p U t))))))',
  },
  precedesChain: {
    globally: 'F (s & X F t) -> (!s U p)',
    before: 'F r -> (!(s & !r & X (!r U (t & !r))) U (r | p))',
    after: 'G !q | (!q U (q & (F (s & X F t) -> (!s U p))))',
    between: 'G ((q & F r) -> (!(s & !r & X (!r U (t & !r))) U (r | p)))',
    afterUntil: 'G (q -> (!(s & !r & X (!r U (t & !r))) U (r | p) | G !(s & X F t)))',
  },
  respondsToChain: {
    globally: 'G (s & X F t -> X F (t & F p))',
    before: 'F r -> (s & X (!r U t) -> X (!r U (t & F p))) U r',
    after: 'G (q -> G (s & X F t -> X (!t U (t & F p))))',
    between: 'G ((q & F r) -> (s & X (!r U t) -> X (!r U (t & F p))) U r)',
    afterUntil: 'G (q -> (s & X (!r U t) -> X (!r U (t & F p))) U (r | G (s & X (!r U t) -> X (!r U (t & F p)))))',
  },
  chainRespondsTo: {
    globally: 'G (p -> F (s & X F t))',
    before: 'F r -> (p -> (!r U (s & !r & X (!r U t)))) U r',
    after: 'G (q -> G (p -> (s & X F t)))',
    between: 'G ((q & F r) -> (p -> (!r U (s & !r & X (!r U t)))) U r)',
    afterUntil: 'G (q -> (p -> (!r U (s & !r & X (!r U t)))) U (r | G (p -> (s & X F t))))',
  },
};

/** The constrained chain "S, T without Z responds to P". */
const constrainedChain: Record<Scope, string> = {
  globally: 'G (p -> F (s & !z & X (!z U t)))',
  before: 'F r -> (p -> (!r U (s & !r & !z & X ((!r & !z) U t)))) U r',
  after: 'G (q -> G (p -> (s & !z & X (!z U t))))',
  between: 'G ((q & F r) -> (p -> (!r U (s & !r & !z & X ((!r & !z) U t)))) U r)',
  afterUntil: 'G (q -> (p -> (!r U (s & !r & !z & X ((!r & !z) U t)))) U (r | G (p -> (s & !z & X (!z U t)))))',
};

function chain(scope: Scope, pat: Extract<Pattern, { kind: ChainKind }>, q: FormulaJson | undefined, r: FormulaJson | undefined): FormulaJson {
  const text = pat.z ? constrainedChain[scope] : chains[pat.kind][scope];
  const parsed = parseFormula(text);
  if (!parsed.ok) throw new Error(`the catalogue's ${pat.kind} mapping in scope ${scope} does not parse: ${text}`);
  const slots: Record<string, FormulaJson | undefined> = { p: pat.p, q, r, s: pat.s, t: pat.t, z: pat.z };
  return mapProps(toJson(parsed.formula), (p) => slots[p.name]!);
}
