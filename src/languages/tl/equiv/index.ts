// `decideEquivalence(A, B)`: exact equivalence and implication of two temporal-logic formulas on
// infinite words (LTL; MTL/STL with integer bounds over discrete time, unrolled; past operators),
// with a counterexample lasso when they differ. A implies B iff `A & !B` is unsatisfiable, which
// the tableau automaton of `A & !B` decides (see automaton.ts); the semantics and limits are in
// src/languages/tl/README.md, "Equivalence".
import type { Formula } from '../ast';
import { astEquivalent } from '../compare';
import { BudgetExceeded, Tableau, type Edge, type Witness } from './automaton';
import { hasPast, lower, OutsideFragment, PastElimination } from './lower';
import { holdsOnLasso } from './lassoCheck';
import { Terms, type Term } from './terms';

export { maxUnrolledSteps } from './lower';

/** A letter: the truth value of every proposition of both formulas at one position. */
export type Letter = Record<string, boolean>;

/** The infinite word prefix · loop · loop · … */
export interface Lasso {
  prefix: Letter[];
  loop: Letter[];
}

export type EquivalenceResult =
  | {
      decided: true;
      equivalent: boolean;
      aImpliesB: boolean;
      bImpliesA: boolean;
      /**
       * null when equivalent; otherwise a word that satisfies A and not B when A does not imply B,
       * else one that satisfies B and not A.
       */
      counterexample: Lasso | null;
    }
  | { decided: false; reason: string };

export interface EquivalenceOptions {
  /** Give up (decided: false) past this many automaton states in all; default 200,000. */
  maxStates?: number;
  /** Give up past this many milliseconds; default 10,000. */
  timeoutMs?: number;
}

export function decideEquivalence(a: Formula, b: Formula, options: EquivalenceOptions = {}): EquivalenceResult {
  const terms = new Terms();
  let A;
  let B;
  try {
    A = lower(terms, a);
    B = lower(terms, b);
  } catch (error) {
    if (error instanceof OutsideFragment) return { decided: false, reason: error.message };
    throw error;
  }
  let constraints = terms.t;
  if (hasPast(A) || hasPast(B)) {
    const past = new PastElimination(terms);
    A = past.rewrite(A);
    B = past.rewrite(B);
    constraints = terms.and(...past.constraints);
  }
  const aNotB = terms.nnf(terms.and(A, terms.not(B), constraints));
  const bNotA = terms.nnf(terms.and(B, terms.not(A), constraints));
  const budget = { maxStates: options.maxStates ?? 200_000, deadline: performance.now() + (options.timeoutMs ?? 10_000) };
  const tableau = new Tableau(terms, budget);
  // A witness is checked on the formula before it is believed. Should the state reduction by
  // syntactic implication ever let a wrong one through, the search is redone without it.
  const checked = (formula: Term): Witness | null => {
    const w = tableau.witness(formula);
    if (!w || isWitness(formula, w)) return w;
    const plain = new Tableau(terms, budget, false).witness(formula);
    if (plain && !isWitness(formula, plain)) throw new Error('nesy equiv: internal error, a counterexample failed its check');
    return plain;
  };
  let first: Witness | null;
  let second: Witness | null;
  try {
    first = checked(aNotB);
    second = checked(bNotA);
  } catch (error) {
    if (error instanceof BudgetExceeded) return { decided: false, reason: `the search went past ${error.message} before deciding` };
    throw error;
  }
  const letter = (e: Edge): Letter => {
    const l: Letter = {};
    terms.names.forEach((name, i) => {
      if (!terms.internal[i]) l[name] = false;
    });
    for (const p of e.pos) if (!terms.internal[p]) l[terms.names[p]!] = true;
    return l;
  };
  const witness = first ?? second;
  return {
    decided: true,
    equivalent: !first && !second,
    aImpliesB: !first,
    bImpliesA: !second,
    counterexample: witness ? { prefix: witness.prefix.map(letter), loop: witness.loop.map(letter) } : null,
  };
}

function isWitness(formula: Term, w: Witness): boolean {
  const letters = [...w.prefix, ...w.loop].map((e) => e.pos);
  return holdsOnLasso(formula, letters, w.prefix.length);
}

/** The `nesy equiv --json` contract. */
export function equivalenceJson(r: EquivalenceResult & { decided: true }): { equivalent: boolean; a_implies_b: boolean; b_implies_a: boolean; counterexample: Lasso | null } {
  return { equivalent: r.equivalent, a_implies_b: r.aImpliesB, b_implies_a: r.bImpliesA, counterexample: r.counterexample };
}

/**
 * Equivalent for scoring (nesy eval nl2tl): the cheap syntactic check, else the decision procedure
 * within `timeoutMs`; a formula outside the decided fragment, or a search over time, counts as
 * not equivalent unless the syntactic check says otherwise.
 */
export function sameMeaning(a: Formula, b: Formula, timeoutMs = 200): boolean {
  if (astEquivalent(a, b)) return true;
  const r = decideEquivalence(a, b, { timeoutMs, maxStates: 20_000 });
  return r.decided && r.equivalent;
}
