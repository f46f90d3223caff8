// Rules against the hierarchy, decided by SAT (logic-solver: MiniSat compiled to JS). One solver holds
// the hierarchy axioms outright and each user rule behind a selector variable, so every question is one
// call with a few assumptions. Explanations come from a second, small solver over the axioms near the
// classes involved, minimised by deletion: hundreds of axioms never enter a per-keystroke loop.
// Every solver call is charged against a work budget, so a file with thousands of rules costs a bounded
// time instead of quadratic (or worse) solver work and an exhausted emscripten heap.
import { CandidateModels } from './candidateModels';
import { propVars, type Prop, type PropRule } from './monadic';

// logic-solver ships no types; this is the part of its API we use.
interface LogicFormula {
  readonly __formula: unique symbol;
}
type LogicTerm = string | LogicFormula;
interface LogicSolver {
  require(f: LogicTerm): void;
  solveAssuming(f: LogicTerm): object | null;
}
interface LogicApi {
  Solver: new () => LogicSolver;
  TRUE: LogicTerm;
  FALSE: LogicTerm;
  not(f: LogicTerm): LogicFormula;
  and(...f: LogicTerm[]): LogicFormula;
  or(...f: LogicTerm[]): LogicFormula;
  implies(a: LogicTerm, b: LogicTerm): LogicFormula;
  equiv(a: LogicTerm, b: LogicTerm): LogicFormula;
}
// The Node bundles keep logic-solver external (scripts/build.mjs) and load it from node_modules; the web
// worker's bundle includes it, since a worker has no node_modules. It is loaded on first use: loading its
// MiniSat build takes ~140 ms, which every `nesy` command and the server's start paid though most never
// reason over rules.
let loadedLogic: LogicApi | undefined;
function logic(): LogicApi {
  return (loadedLogic ??= require('logic-solver') as LogicApi);
}

export interface UnsatisfiableClass {
  className: string;
  /** User rules that, together with `axioms`, leave no individual of this class. */
  rules: string[];
  axioms: PropRule[];
}

export interface Findings {
  /** Set when the budget ran out before every question was answered; the findings above were completed first. */
  limited?: { used: number; budget: number };
  /**
   * Set when the solver failed (MiniSat runs in an emscripten heap that can abort, e.g. out of memory), with the
   * first line of why. Each solver has its own heap, so later analyses still work; the same inputs fail the same way.
   */
  failed?: string;
  /** Set when the user's rules cannot all hold for any individual at all. */
  contradiction?: { rules: string[]; axioms: PropRule[] };
  unsatisfiable: UnsatisfiableClass[];
  /** User rules the hierarchy axioms already imply, and rules that are always true. */
  redundant: { rule: string; by: PropRule[]; tautology: boolean }[];
}

/**
 * The most solver work one analysis may do, in units of one formula node held by a solver during one
 * call. Deterministic, so the findings never depend on machine load. The 4 LogicSeg hierarchies with a
 * few hundred rules stay well below it; on the shared 2-core machine it amounts to about a second.
 */
export const reasoningBudget = 5_000_000;

/** Thrown by a solver call that would spend past the budget; reason() turns it into `limited`. */
class OverBudget extends Error {}

class Meter {
  used = 0;
  constructor(readonly budget: number) {}
  spend(units: number): void {
    if (this.used + units > this.budget) throw new OverBudget();
    this.used += units;
  }
}

/** Formula nodes: the size of its encoding, which MiniSat walks on every call. */
function propSize(p: Prop): number {
  switch (p.kind) {
    case 'var':
    case 'bool':
      return 1;
    case 'not':
      return 1 + propSize(p.arg);
    case 'and':
    case 'or':
      return p.args.reduce((n, a) => n + propSize(a), 1);
    case 'implies':
    case 'iff':
      return 1 + propSize(p.left) + propSize(p.right);
  }
}

/**
 * A solver whose calls are charged what it holds plus the assumption. Encodings stay in the solver after a
 * call (logic-solver never removes clauses), so an assumption's encoding is added to what it holds; a
 * conjunction of variables the solver already has leaves one variable behind.
 * Nothing is built or encoded before the first call: candidate models settle most questions without one, and a
 * first call past the budget is refused before spending seconds to build what it could not use.
 */
class MeteredSolver {
  private solver: LogicSolver | undefined;
  private pending: (() => LogicTerm)[] = [];
  private held = 0;
  constructor(private readonly meter: Meter) {}
  require(f: () => LogicTerm, size: number): void {
    this.pending.push(f);
    this.held += size;
  }
  satisfiable(assumption: LogicTerm, size: number, left = size): boolean {
    this.meter.spend(this.held + size);
    this.held += left;
    return withoutMinisatOutput(() => {
      const solver = (this.solver ??= new (logic().Solver)());
      for (const f of this.pending) solver.require(f());
      this.pending = [];
      return solver.solveAssuming(assumption) !== null;
    });
  }
}

/**
 * Runs solver calls with MiniSat's own printing dropped: its emscripten runtime writes an abort (e.g.
 * "Cannot enlarge memory arrays") to console.log, which is stdout, where it would corrupt `nesy check
 * --json`. The abort still arrives as the exception that reason() reports.
 */
export function withoutMinisatOutput<T>(run: () => T): T {
  const log = console.log;
  console.log = (...args: unknown[]) => {
    if (!(typeof args[0] === 'string' && args[0].startsWith('MINISAT-'))) log(...args);
  };
  try {
    return run();
  } finally {
    console.log = log;
  }
}

class Encoder {
  private readonly names = new Map<string, string>();
  variable(n: string): string {
    let id = this.names.get(n);
    if (!id) this.names.set(n, (id = `p${this.names.size}`));
    return id;
  }
  encode(p: Prop): LogicTerm {
    switch (p.kind) {
      case 'var':
        return this.variable(p.name);
      case 'bool':
        return p.value ? logic().TRUE : logic().FALSE;
      case 'not':
        return logic().not(this.encode(p.arg));
      case 'and':
        return logic().and(...p.args.map((a) => this.encode(a)));
      case 'or':
        return logic().or(...p.args.map((a) => this.encode(a)));
      case 'implies':
        return logic().implies(this.encode(p.left), this.encode(p.right));
      case 'iff':
        return logic().equiv(this.encode(p.left), this.encode(p.right));
    }
  }
}

/**
 * What deletion in order keeps of items 0..n-1 (drop each item whose removal leaves the rest unsatisfiable,
 * first to last), in O(k log n) calls of `unsatWith` for a core of k items instead of n. `unsatWith(kept, from)`
 * says whether the kept items plus every item from `from` on are unsatisfiable; all items together must be.
 * Deletion drops items i..K-1 and keeps K exactly when K is the last start from which that is still
 * unsatisfiable, and since removing items only makes satisfiability easier, binary search finds K.
 */
export function minimalCore(n: number, unsatWith: (kept: number[], from: number) => boolean): number[] {
  const kept: number[] = [];
  for (let from = 0; from < n && !unsatWith(kept, n); ) {
    let lo = from;
    let hi = n;
    while (hi - lo > 1) {
      const mid = (lo + hi) >> 1;
      if (unsatWith(kept, mid)) lo = mid;
      else hi = mid;
    }
    kept.push(lo);
    from = lo + 1;
  }
  return kept;
}

/**
 * `classes` are the hierarchy classes to test; `report` picks which unsatisfiable ones deserve a
 * finding (e.g. not the subclasses of a class already reported), so only those are explained.
 */
export function reason(
  axioms: PropRule[],
  rules: PropRule[],
  classes: string[],
  report: (unsat: Set<string>) => string[] = (u) => [...u],
  budget = reasoningBudget,
): Findings {
  const findings: Findings = { unsatisfiable: [], redundant: [] };
  if (!rules.length) return findings;
  const meter = new Meter(budget);
  try {
    answer(axioms, rules, classes, report, meter, findings);
  } catch (e) {
    // emscripten throws its abort as a string with a stack trace appended.
    if (!(e instanceof OverBudget)) return { unsatisfiable: [], redundant: [], failed: (e instanceof Error ? e.message : String(e)).split('\n')[0].slice(0, 200) };
    findings.limited = { used: meter.used, budget };
  }
  return findings;
}

function answer(axioms: PropRule[], rules: PropRule[], classes: string[], report: (unsat: Set<string>) => string[], meter: Meter, findings: Findings): void {
  const ruleSize = rules.map((r) => propSize(r.body));
  const axiomsSize = axioms.reduce((n, a) => n + propSize(a.body), 0);
  // Charged before a solver is built: a formula too large for one call could exhaust MiniSat's heap.
  meter.spend(axiomsSize + ruleSize.reduce((n, x) => n + x + 2, 0));
  const enc = new Encoder();
  const solver = new MeteredSolver(meter);
  for (const a of axioms) solver.require(() => enc.encode(a.body), propSize(a.body));
  const ruleSel = rules.map((r, i) => {
    solver.require(() => logic().implies(`r${i}`, enc.encode(r.body)), ruleSize[i] + 2);
    return `r${i}`;
  });
  const sat = (assume: LogicTerm[]): boolean => (assume.length === 1 ? solver.satisfiable(assume[0], 1) : solver.satisfiable(logic().and(...assume), assume.length, 1));
  // Suffix selectors: `s{k}` switches on rules k..n-1, so "these rules and every rule from k on" is a short assumption.
  let suffixes: string[] | undefined;
  const suffixFrom = (k: number): string[] => {
    if (!suffixes) {
      suffixes = ruleSel.map((_, i) => `s${i}`);
      suffixes.forEach((s, i) => solver.require(() => logic().implies(s, i + 1 < ruleSel.length ? logic().and(ruleSel[i], suffixes![i + 1]) : ruleSel[i]), 4));
    }
    return k < suffixes.length ? [suffixes[k]] : [];
  };
  const core = (fixed: LogicTerm[]): string[] =>
    minimalCore(ruleSel.length, (kept, from) => !sat([...fixed, ...kept.map((i) => ruleSel[i]), ...suffixFrom(from)])).map((i) => ruleSel[i]);
  const rulesIn = (sels: string[]) => sels.map((s) => rules[Number(s.slice(1))]);
  const explainer = new Explainer(axioms, meter);

  // Most questions are settled by candidate models without a solver call (candidateModels.ts).
  const candidates = new CandidateModels(axioms, classes);
  const holdEverywhere = rules.reduce((m, r) => m & candidates.holds(r.body), candidates.models);
  const satisfiable = new Map<string, boolean>();
  const classSat = (c: string) => {
    let s = satisfiable.get(c);
    if (s === undefined) satisfiable.set(c, (s = (candidates.models & candidates.variable(c)) !== 0n || sat([enc.variable(c)])));
    return s;
  };
  // One formula object for "every rule holds": logic-solver encodes a formula once, so each class question
  // adds a two-literal conjunction rather than one over every selector.
  const everyRule = ruleSel.length === 1 ? ruleSel[0] : logic().and(...ruleSel);
  if (holdEverywhere === 0n && !solver.satisfiable(everyRule, ruleSel.length)) {
    const rs = rulesIn(core([]));
    findings.contradiction = { rules: rs.map((r) => r.name), axioms: explainer.explain(rs.map((r) => r.body), []) };
  } else {
    const withEveryRule = (c: string) => (holdEverywhere & candidates.variable(c)) !== 0n || sat([enc.variable(c), everyRule]);
    const unsat = new Set(classes.filter((c) => classSat(c) && !withEveryRule(c)));
    for (const c of report(unsat)) {
      const rs = rulesIn(core([enc.variable(c)]));
      findings.unsatisfiable.push({ className: c, rules: rs.map((r) => r.name), axioms: explainer.explain(rs.map((r) => r.body), [{ kind: 'var', name: c }]) });
    }
  }
  const classSet = new Set(classes);
  const tautologies = new MeteredSolver(meter);
  rules.forEach((r, i) => {
    // A candidate model where the rule fails shows it is neither always true nor implied by the axioms.
    if ((candidates.models & ~candidates.holds(r.body)) !== 0n) return;
    const negated = logic().not(enc.encode(r.body));
    if (!tautologies.satisfiable(negated, ruleSize[i] + 1)) {
      findings.redundant.push({ rule: r.name, by: [], tautology: true });
    } else if ([...propVars(r.body)].every((n) => !classSet.has(n) || classSat(n)) && !solver.satisfiable(negated, ruleSize[i] + 1)) {
      // Only rules over satisfiable classes: a rule about a class that cannot hold is vacuous, not redundant.
      findings.redundant.push({ rule: r.name, by: explainer.explain([{ kind: 'not', arg: r.body }], []), tautology: false });
    }
  });
}

/**
 * Finds a minimal set of axioms that, with the given facts, is unsatisfiable. One solver serves every
 * question (creating a MiniSat instance is the expensive part): each axiom sits behind a selector, and
 * each explain() call's facts behind a fresh one.
 */
class Explainer {
  private readonly byVar = new Map<string, number[]>();
  private readonly enc = new Encoder();
  private solver: MeteredSolver | undefined;
  private calls = 0;
  constructor(
    private readonly axioms: PropRule[],
    private readonly meter: Meter,
  ) {
    axioms.forEach((a, i) => {
      for (const v of propVars(a.body)) {
        const list = this.byVar.get(v);
        if (list) list.push(i);
        else this.byVar.set(v, [i]);
      }
    });
  }

  explain(facts: Prop[], assumptions: Prop[]): PropRule[] {
    if (!this.solver) {
      const solver = (this.solver = new MeteredSolver(this.meter));
      this.axioms.forEach((a, i) => solver.require(() => logic().implies(`e${i}`, this.enc.encode(a.body)), propSize(a.body) + 2));
    }
    const solver = this.solver;
    const factSel = `f${this.calls++}`;
    const given = [...facts, ...assumptions];
    solver.require(() => logic().implies(factSel, logic().and(...given.map((f) => this.enc.encode(f)))), given.reduce((n, f) => n + propSize(f), 2));
    const satisfiable = (ids: Iterable<number>) => {
      const selectors = [factSel, ...[...ids].map((i) => `e${i}`)];
      return solver.satisfiable(logic().and(...selectors), selectors.length, 1);
    };
    // Grow a neighbourhood of axioms around the facts' classes until it suffices, then minimise it.
    const vars = new Set<string>();
    for (const f of [...facts, ...assumptions]) propVars(f, vars);
    let chosen = new Set<number>();
    for (;;) {
      const next = new Set(chosen);
      for (const v of vars) for (const i of this.byVar.get(v) ?? []) next.add(i);
      if (next.size === chosen.size) return [];
      chosen = next;
      if (!satisfiable(chosen)) break;
      for (const i of chosen) propVars(this.axioms[i].body, vars);
    }
    const items = [...chosen];
    const kept = minimalCore(items.length, (core, from) => !satisfiable([...core.map((i) => items[i]), ...items.slice(from)])).map((i) => items[i]);
    return kept.sort((x, y) => x - y).map((i) => this.axioms[i]);
  }
}
