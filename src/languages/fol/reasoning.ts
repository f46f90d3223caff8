// Rules against the hierarchy, decided by SAT (logic-solver: MiniSat compiled to JS). One solver holds
// the hierarchy axioms outright and each user rule behind a selector variable, so every question is one
// call with a few assumptions. Explanations come from a second, small solver over the axioms near the
// classes involved, minimised by deletion: hundreds of axioms never enter a per-keystroke loop.
import { createRequire } from 'node:module';
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
const Logic = createRequire(__filename)('logic-solver') as LogicApi;

export interface UnsatisfiableClass {
  className: string;
  /** User rules that, together with `axioms`, leave no individual of this class. */
  rules: string[];
  axioms: PropRule[];
}

export interface Findings {
  /** Set when the user's rules cannot all hold for any individual at all. */
  contradiction?: { rules: string[]; axioms: PropRule[] };
  unsatisfiable: UnsatisfiableClass[];
  /** User rules the hierarchy axioms already imply, and rules that are always true. */
  redundant: { rule: string; by: PropRule[]; tautology: boolean }[];
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
        return p.value ? Logic.TRUE : Logic.FALSE;
      case 'not':
        return Logic.not(this.encode(p.arg));
      case 'and':
        return Logic.and(...p.args.map((a) => this.encode(a)));
      case 'or':
        return Logic.or(...p.args.map((a) => this.encode(a)));
      case 'implies':
        return Logic.implies(this.encode(p.left), this.encode(p.right));
      case 'iff':
        return Logic.equiv(this.encode(p.left), this.encode(p.right));
    }
  }
}

/**
 * `classes` are the hierarchy classes to test; `report` picks which unsatisfiable ones deserve a
 * finding (e.g. not the subclasses of a class already reported), so only those are explained.
 */
export function reason(axioms: PropRule[], rules: PropRule[], classes: string[], report: (unsat: Set<string>) => string[] = (u) => [...u]): Findings {
  const enc = new Encoder();
  const solver = new Logic.Solver();
  for (const a of axioms) solver.require(enc.encode(a.body));
  const ruleSel = rules.map((r, i) => {
    solver.require(Logic.implies(`r${i}`, enc.encode(r.body)));
    return `r${i}`;
  });
  const sat = (assume: LogicTerm[]) => solver.solveAssuming(assume.length === 1 ? assume[0] : Logic.and(...assume)) !== null;
  const core = (selectors: string[], fixed: LogicTerm[]): string[] => {
    let kept = [...selectors];
    for (const s of selectors) {
      const without = kept.filter((k) => k !== s);
      if (!sat([...fixed, ...without])) kept = without;
    }
    return kept;
  };
  const rulesIn = (sels: string[]) => sels.map((s) => rules[Number(s.slice(1))]);
  const explainer = new Explainer(axioms);

  const findings: Findings = { unsatisfiable: [], redundant: [] };
  const satisfiable = new Map<string, boolean>();
  const classSat = (c: string) => {
    let s = satisfiable.get(c);
    if (s === undefined) satisfiable.set(c, (s = sat([enc.variable(c)])));
    return s;
  };
  if (!ruleSel.length) return findings;
  if (!sat(ruleSel)) {
    const rs = rulesIn(core(ruleSel, []));
    findings.contradiction = { rules: rs.map((r) => r.name), axioms: explainer.explain(rs.map((r) => r.body), []) };
  } else {
    const unsat = new Set(classes.filter((c) => classSat(c) && !sat([enc.variable(c), ...ruleSel])));
    for (const c of report(unsat)) {
      const rs = rulesIn(core(ruleSel, [enc.variable(c)]));
      findings.unsatisfiable.push({ className: c, rules: rs.map((r) => r.name), axioms: explainer.explain(rs.map((r) => r.body), [{ kind: 'var', name: c }]) });
    }
  }
  const tautologies = new Logic.Solver();
  for (const r of rules) {
    const negated = Logic.not(enc.encode(r.body));
    if (tautologies.solveAssuming(negated) === null) {
      findings.redundant.push({ rule: r.name, by: [], tautology: true });
    } else if ([...propVars(r.body)].every((n) => !classes.includes(n) || classSat(n)) && !sat([negated])) {
      // Only rules over satisfiable classes: a rule about a class that cannot hold is vacuous, not redundant.
      findings.redundant.push({ rule: r.name, by: explainer.explain([{ kind: 'not', arg: r.body }], []), tautology: false });
    }
  }
  return findings;
}

/**
 * Finds a minimal set of axioms that, with the given facts, is unsatisfiable. One solver serves every
 * question (creating a MiniSat instance is the expensive part): each axiom sits behind a selector, and
 * each explain() call's facts behind a fresh one.
 */
class Explainer {
  private readonly byVar = new Map<string, number[]>();
  private readonly enc = new Encoder();
  private solver: LogicSolver | undefined;
  private calls = 0;
  constructor(private readonly axioms: PropRule[]) {
    axioms.forEach((a, i) => {
      for (const v of propVars(a.body)) this.byVar.set(v, [...(this.byVar.get(v) ?? []), i]);
    });
  }

  explain(facts: Prop[], assumptions: Prop[]): PropRule[] {
    if (!this.solver) {
      this.solver = new Logic.Solver();
      this.axioms.forEach((a, i) => this.solver!.require(Logic.implies(`e${i}`, this.enc.encode(a.body))));
    }
    const factSel = `f${this.calls++}`;
    this.solver.require(Logic.implies(factSel, Logic.and(...[...facts, ...assumptions].map((f) => this.enc.encode(f)))));
    const satisfiable = (ids: Iterable<number>) => this.solver!.solveAssuming(Logic.and(factSel, ...[...ids].map((i) => `e${i}`))) !== null;
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
    let kept = [...chosen];
    for (const i of [...chosen]) {
      const without = kept.filter((k) => k !== i);
      if (!satisfiable(without)) kept = without;
    }
    return kept.sort((x, y) => x - y).map((i) => this.axioms[i]);
  }
}
