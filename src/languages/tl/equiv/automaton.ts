// Satisfiability of an LTL formula in negation normal form, with a witness: the formula's
// generalized Büchi automaton with acceptance on transitions, built on the fly by the tableau
// construction (Couvreur 1999; Gerth, Peled, Vardi and Wolper 1995), and checked for emptiness by
// Couvreur's SCC-based search as it is built. A witness is a lasso: the DFS path to an accepting
// strongly connected component, then a cycle inside it through every acceptance condition.
//
// A state is a set of obligations (the formulas that must hold from here on), as the sorted ids of
// hash-consed terms. A transition out of a state is one way to meet its obligations now: literals
// that must hold in this letter, the obligations for the next position, and the promises still
// pending, one bit per `a U b` / `F b` that chose to wait (`a & X (a U b)`) instead of `b`. A run is
// accepting iff no promise stays pending forever, i.e. iff for every eventuality infinitely many
// transitions do not carry its promise; an SCC admits such a run iff the promises of its
// transitions have an empty intersection, the condition the search tracks per SCC root.
import * as terms from './terms';
import { type Term, type Terms } from './terms';

// Local copies: read once, not through the module namespace on every use in the hot loops.
const { AND, FALSE, FINALLY, GLOBALLY, NEXT, NOT, OR, PROP, RELEASE, TRUE, UNTIL } = terms;


export interface Edge {
  /** One letter the transition reads: the propositions (indices into Terms.names) true in it; the rest are false. */
  readonly pos: readonly number[];
  /** Obligations from the next position on: a set of term ids, as bits. */
  readonly next: bigint;
  readonly promise: bigint;
}

interface StateInfo {
  readonly key: string;
  readonly obligations: bigint;
  edges?: Edge[];
}

/** A run went past its budget of states or time. */
export class BudgetExceeded extends Error {}

export interface Budget {
  maxStates: number;
  /** performance.now() after which the search gives up. */
  deadline: number;
}

export interface Witness {
  prefix: Edge[];
  loop: Edge[];
}

/**
 * One way to meet a formula now: literals (propositions as bits, true and false), propositional
 * disjunctions left for the letter to satisfy (term ids as bits), obligations for the next position
 * (term ids as bits) and promises.
 */
interface Way {
  pos: bigint;
  neg: bigint;
  props: bigint;
  next: bigint;
  promise: bigint;
}

const bit = (i: number): bigint => 1n << BigInt(i);
const subset = (x: bigint, y: bigint): boolean => (x & y) === x;
const dominates = (x: Way, y: Way): boolean => subset(x.next, y.next) && subset(x.promise, y.promise) && subset(x.pos, y.pos) && subset(x.neg, y.neg) && subset(x.props, y.props);

/** The indices of the bits set in b, in increasing order. */
function bits(b: bigint): number[] {
  const out: number[] = [];
  for (let base = 0; b !== 0n; base += 32, b >>= 32n) {
    let w = Number(b & 0xffffffffn);
    while (w !== 0) {
      const low = w & -w;
      out.push(base + 31 - Math.clz32(low));
      w ^= low;
    }
  }
  return out;
}

function popcount(b: bigint): number {
  let n = 0;
  for (; b !== 0n; b >>= 32n) {
    let w = Number(b & 0xffffffffn);
    w -= (w >>> 1) & 0x55555555;
    w = (w & 0x33333333) + ((w >>> 2) & 0x33333333);
    n += (((w + (w >>> 4)) & 0x0f0f0f0f) * 0x01010101) >>> 24;
  }
  return n;
}

/** The ways not dominated by another (a subset of each of its parts); duplicates kept once. */
function prune(ways: Way[]): Way[] {
  if (ways.length < 2) return ways;
  // Fewer parts first, so that a dominating way is met before those it dominates.
  const size = (w: Way) => popcount(w.next) + popcount(w.promise) + popcount(w.pos | w.neg) + popcount(w.props);
  const sized = ways.map((w) => [size(w), w] as const).sort((x, y) => x[0] - y[0]);
  const kept: Way[] = [];
  for (const [, w] of sized) if (!kept.some((k) => dominates(k, w))) kept.push(w);
  return kept;
}

/** 1 true, -1 false, 0 not known yet under the partial assignment `lit`. */
function value(t: Term, lit: Int8Array): number {
  switch (t.op) {
    case TRUE:
      return 1;
    case FALSE:
      return -1;
    case PROP:
      return lit[t.prop]!;
    case NOT:
      return -lit[t.args[0]!.prop]!;
    case AND: {
      let r = 1;
      for (const x of t.args) {
        const v = value(x, lit);
        if (v < 0) return -1;
        if (v === 0) r = 0;
      }
      return r;
    }
    default: {
      // OR
      let r = -1;
      for (const x of t.args) {
        const v = value(x, lit);
        if (v > 0) return 1;
        if (v === 0) r = 0;
      }
      return r;
    }
  }
}

function firstUnknown(t: Term, lit: Int8Array): number {
  if (t.op === PROP) return lit[t.prop] === 0 ? t.prop : -1;
  if (t.op === NOT) return lit[t.args[0]!.prop] === 0 ? t.args[0]!.prop : -1;
  for (const x of t.args) {
    if (value(x, lit) !== 0) continue;
    const p = firstUnknown(x, lit);
    if (p >= 0) return p;
  }
  return -1;
}

/**
 * A letter satisfying the literals set in `lit` and the propositional `constraints` (a small
 * DPLL, false tried first), as its true propositions; null if there is none.
 */
function solveLetter(lit: Int8Array, constraints: readonly Term[]): number[] | null {
  const search = (): boolean => {
    let open: Term | undefined;
    for (const c of constraints) {
      const v = value(c, lit);
      if (v < 0) return false;
      if (v === 0) open ??= c;
    }
    if (!open) return true;
    const p = firstUnknown(open, lit);
    for (const v of [-1, 1] as const) {
      lit[p] = v;
      if (search()) return true;
      lit[p] = 0;
    }
    return false;
  };
  if (!search()) return null;
  const pos: number[] = [];
  for (let p = 0; p < lit.length; p++) if (lit[p] === 1) pos.push(p);
  return pos;
}

/**
 * The automata of several formulas over one term factory share their states: a state's
 * transitions are computed once however many searches reach it, and so are the ways to meet each
 * formula, which states have in common.
 */
export class Tableau {
  private readonly states = new Map<string, StateInfo>();
  private readonly waysMemo = new Map<number, Way[]>();
  private readonly reduced = new Map<string, bigint>();
  private expansions = 0;

  /** reduce: drop from each successor state the obligations another of its obligations implies (by syntax). */
  constructor(
    private readonly terms: Terms,
    private readonly budget: Budget,
    private readonly reduce = true,
  ) {}

  /**
   * The obligations less those implied by another one: an equivalent set, so the same state
   * language, and fewer distinct states (an unrolled `G[0,5] p` and `G[0,2] p` pending together
   * are just the first). -1 when one obligation implies the negation of another: no word meets them.
   */
  private simplify(next: bigint, key: string): bigint {
    if (!this.reduce || (next & (next - 1n)) === 0n) return next;
    const known = this.reduced.get(key);
    if (known !== undefined) return known;
    const all = bits(next).map((id) => this.terms.byId(id));
    for (const t of all) {
      for (const u of all) {
        if (t !== u && u.dual && this.terms.implies(t, u.dual)) {
          this.reduced.set(key, -1n);
          return -1n;
        }
      }
    }
    const kept: Term[] = [];
    for (const t of all) {
      if (kept.some((k) => this.terms.implies(k, t))) continue;
      for (let i = kept.length - 1; i >= 0; i--) if (this.terms.implies(t, kept[i]!)) kept.splice(i, 1);
      kept.push(t);
    }
    let r = 0n;
    for (const t of kept) r |= bit(t.id);
    this.reduced.set(key, r);
    return r;
  }

  get stateCount(): number {
    return this.states.size;
  }

  private state(obligations: bigint): StateInfo {
    const key = obligations.toString(36);
    let s = this.states.get(key);
    if (!s) {
      if (this.states.size >= this.budget.maxStates) throw new BudgetExceeded(`more than ${this.budget.maxStates} automaton states`);
      s = { key, obligations };
      this.states.set(key, s);
    }
    return s;
  }

  private edgesOf(s: StateInfo): Edge[] {
    if (!s.edges) {
      if ((++this.expansions & 15) === 0 && performance.now() > this.budget.deadline) throw new BudgetExceeded('the time limit');
      s.edges = this.expand(s.obligations);
    }
    return s.edges;
  }

  /** Every way to meet both: pairs that contradict on a literal are dropped, dominated ones too. */
  private product(xs: Way[], ys: Way[]): Way[] {
    if (xs.length === 1 && ys.length === 1) {
      const [x, y] = [xs[0]!, ys[0]!];
      const pos = x.pos | y.pos;
      const neg = x.neg | y.neg;
      return (pos & neg) !== 0n ? [] : [{ pos, neg, props: x.props | y.props, next: x.next | y.next, promise: x.promise | y.promise }];
    }
    const out: Way[] = [];
    for (const x of xs) {
      for (const y of ys) {
        const pos = x.pos | y.pos;
        const neg = x.neg | y.neg;
        if ((pos & neg) === 0n) out.push({ pos, neg, props: x.props | y.props, next: x.next | y.next, promise: x.promise | y.promise });
      }
    }
    if (out.length * 8 > 1e6 || performance.now() > this.budget.deadline) throw new BudgetExceeded('the time limit');
    return prune(out);
  }

  /**
   * The ways to meet formula t now (the tableau rules, per formula and memoized):
   * `a U b` is b, or a with `a U b` next and its promise; `F b` likewise with a = true;
   * `a R b` is b and (a, or `a R b` next); `G a` is a with `G a` next; `X a` is a next.
   */
  private ways(t: Term): Way[] {
    const known = this.waysMemo.get(t.id);
    if (known) return known;
    const none = 0n;
    const only = (w: Partial<Way>): Way[] => [{ pos: none, neg: none, props: none, next: none, promise: none, ...w }];
    let r: Way[];
    const [a, b] = t.args;
    switch (t.op) {
      case TRUE:
        r = only({});
        break;
      case FALSE:
        r = [];
        break;
      case PROP:
        r = only({ pos: bit(t.prop) });
        break;
      case NOT:
        r = only({ neg: bit(a!.prop) });
        break;
      case AND:
        r = only({});
        for (const x of t.args) r = this.product(r, this.ways(x));
        break;
      case OR:
        // A disjunction without temporal operators constrains the letter alone: left for the letter.
        r = t.temporal ? prune(t.args.flatMap((x) => this.ways(x))) : only({ props: bit(t.id) });
        break;
      case NEXT:
        r = only({ next: bit(a!.id) });
        break;
      case UNTIL:
        r = prune([...this.ways(b!), ...this.product(this.ways(a!), only({ next: bit(t.id), promise: t.promise }))]);
        break;
      case FINALLY:
        r = prune([...this.ways(a!), ...only({ next: bit(t.id), promise: t.promise })]);
        break;
      case RELEASE:
        r = this.product(this.ways(b!), prune([...this.ways(a!), ...only({ next: bit(t.id) })]));
        break;
      case GLOBALLY:
        r = this.product(this.ways(a!), only({ next: bit(t.id) }));
        break;
      default:
        throw new Error(`tableau: unexpected operator ${t.op}`);
    }
    this.waysMemo.set(t.id, r);
    return r;
  }

  /**
   * The transitions out of a state: the ways to meet all its obligations, with a letter found for
   * each. Only the next obligations and the promises matter to emptiness, so ways that differ only
   * in their letter are one transition, and a transition whose obligations and promises are a
   * superset of another's is dropped: from fewer obligations every run of the larger set can be
   * copied (same letters, at most the same promises), so emptiness is unchanged.
   */
  expand(obligations: bigint): Edge[] {
    let ways: Way[] = [{ pos: 0n, neg: 0n, props: 0n, next: 0n, promise: 0n }];
    for (const id of bits(obligations)) {
      ways = this.product(ways, this.ways(this.terms.byId(id)));
      if (ways.length === 0) return [];
    }
    const lit = new Int8Array(this.terms.names.length);
    const seen = new Set<string>();
    const edges: Edge[] = [];
    for (const w of ways) {
      const rawKey = w.next.toString(36);
      const promiseKey = w.promise.toString(36);
      if (seen.has(`${rawKey}|${promiseKey}`)) continue;
      const next = this.simplify(w.next, rawKey);
      if (next === -1n) continue;
      const key = `${next.toString(36)}|${promiseKey}`;
      if (seen.has(key)) continue;
      lit.fill(0);
      for (const p of bits(w.pos)) lit[p] = 1;
      for (const p of bits(w.neg)) lit[p] = -1;
      const letter = solveLetter(
        lit,
        bits(w.props).map((id) => this.terms.byId(id)),
      );
      if (!letter) continue;
      seen.add(key);
      seen.add(`${rawKey}|${promiseKey}`);
      edges.push({ pos: letter, next, promise: w.promise });
    }
    // Fewest obligations and promises first, so that a dominating transition is met before those it dominates.
    const cost = (e: Edge) => popcount(e.promise) * 64 + popcount(e.next);
    const sized = edges.map((e) => [cost(e), e] as const).sort((x, y) => x[0] - y[0]);
    const kept: Edge[] = [];
    for (const [, e] of sized) if (!kept.some((d) => subset(d.next, e.next) && subset(d.promise, e.promise))) kept.push(e);
    // Transitions that promise less and oblige less first: accepting cycles are found sooner.
    return kept;
  }

  /** An accepting lasso of the automaton of `formula` (in negation normal form), or null if its language is empty. */
  witness(formula: Term): Witness | null {
    if (formula.op === FALSE) return null;
    interface Visit {
      num: number;
      live: boolean;
    }
    const visits = new Map<StateInfo, Visit>();
    interface Frame {
      state: StateInfo;
      edges: Edge[];
      at: number;
      via: Edge | null;
    }
    const dfs: Frame[] = [];
    const live: StateInfo[] = [];
    const roots: { num: number; cond: bigint; into: bigint }[] = [];
    let counter = 0;
    const push = (s: StateInfo, via: Edge | null) => {
      visits.set(s, { num: ++counter, live: true });
      live.push(s);
      roots.push({ num: counter, cond: -1n, into: via ? via.promise : -1n });
      dfs.push({ state: s, edges: this.edgesOf(s), at: 0, via });
    };
    push(this.state(bit(formula.id)), null);
    while (dfs.length > 0) {
      const top = dfs[dfs.length - 1]!;
      if (top.at < top.edges.length) {
        const e = top.edges[top.at++]!;
        const t = this.state(e.next);
        const v = visits.get(t);
        if (!v) {
          push(t, e);
          continue;
        }
        if (!v.live) continue;
        // A cycle: merge every SCC on the roots stack above t's into t's.
        let cond = e.promise;
        while (v.num < roots[roots.length - 1]!.num) {
          const r = roots.pop()!;
          cond &= r.cond & r.into;
        }
        const root = roots[roots.length - 1]!;
        root.cond &= cond;
        if (root.cond === 0n) return this.lasso(dfs, live, visits, root.num);
        continue;
      }
      dfs.pop();
      const v = visits.get(top.state)!;
      if (roots[roots.length - 1]!.num === v.num) {
        roots.pop();
        for (;;) {
          const s = live.pop()!;
          visits.get(s)!.live = false;
          if (s === top.state) break;
        }
      }
    }
    return null;
  }

  /** The DFS path to the accepting SCC's root, then a cycle from the root through the SCC that leaves no promise pending. */
  private lasso(dfs: { state: StateInfo; via: Edge | null }[], live: StateInfo[], visits: Map<StateInfo, { num: number; live: boolean }>, rootNum: number): Witness {
    const rootAt = dfs.findIndex((f) => visits.get(f.state)!.num === rootNum);
    const root = dfs[rootAt]!.state;
    const prefix = dfs.slice(1, rootAt + 1).map((f) => f.via!);
    const inScc = new Set(live.filter((s) => visits.get(s)!.num >= rootNum));
    const target = (e: Edge): StateInfo | undefined => {
      const s = this.states.get(e.next.toString(36));
      return s && inScc.has(s) ? s : undefined;
    };
    // Shortest path (BFS) inside the SCC from `from` to a transition `wanted` accepts; returns its edges.
    const path = (from: StateInfo, wanted: (e: Edge, to: StateInfo) => boolean): Edge[] => {
      const back = new Map<StateInfo, [StateInfo, Edge] | null>([[from, null]]);
      const queue = [from];
      for (let i = 0; i < queue.length; i++) {
        const s = queue[i]!;
        for (const e of s.edges ?? []) {
          const t = target(e);
          if (!t) continue;
          if (wanted(e, t)) {
            const edges = [e];
            for (let at: StateInfo = s; back.get(at); at = back.get(at)![0]) edges.push(back.get(at)![1]);
            return edges.reverse();
          }
          if (!back.has(t)) {
            back.set(t, [s, e]);
            queue.push(t);
          }
        }
      }
      throw new Error('tableau: the accepting component is not strongly connected');
    };
    const loop: Edge[] = [];
    let pending = -1n;
    let at = root;
    while (pending !== 0n) {
      const need = pending;
      const step = path(at, (e) => (need & ~e.promise) !== 0n);
      for (const e of step) pending &= e.promise;
      loop.push(...step);
      at = target(step[step.length - 1]!)!;
    }
    if (at !== root) loop.push(...path(at, (_, t) => t === root));
    return { prefix, loop };
  }
}
