// Cheap certificates for the reasoner: a few assignments that make every hierarchy axiom true, evaluated
// for all at once as bit sets. An individual of one class is that class plus every class the C-axioms
// force above it, so one such assignment per class (and the empty one) covers what a hierarchy allows.
// A formula true in one of them is satisfiable, one false in one of them is not implied by the axioms,
// and either answer needs no solver call; questions they do not settle go to the solver as before.
import type { Prop, PropRule } from './monadic';

export class CandidateModels {
  /** Per variable, the candidates in which it is true (bit i: candidate i). */
  private readonly truth = new Map<string, bigint>();
  private readonly everyCandidate: bigint;
  /** The candidates in which every axiom holds: the real models among them. */
  readonly models: bigint;

  constructor(axioms: PropRule[], classes: string[]) {
    const above = new Map<string, string[]>();
    for (const a of axioms) {
      const b = a.body;
      if (b.kind !== 'implies' || b.left.kind !== 'var' || b.right.kind !== 'var') continue;
      const list = above.get(b.left.name);
      if (list) list.push(b.right.name);
      else above.set(b.left.name, [b.right.name]);
    }
    // Candidate 0 makes everything false; candidate i + 1 is classes[i] with what lies above it.
    classes.forEach((c, i) => {
      const bit = 1n << BigInt(i + 1);
      const seen = new Set<string>();
      for (const pending = [c]; pending.length; ) {
        const v = pending.pop()!;
        if (seen.has(v)) continue;
        seen.add(v);
        this.truth.set(v, (this.truth.get(v) ?? 0n) | bit);
        pending.push(...(above.get(v) ?? []));
      }
    });
    this.everyCandidate = (1n << BigInt(classes.length + 1)) - 1n;
    this.models = axioms.reduce((m, a) => m & this.holds(a.body), this.everyCandidate);
  }

  /** The candidates in which `v` is true. */
  variable(v: string): bigint {
    return this.truth.get(v) ?? 0n;
  }

  /** The candidates in which `p` is true. */
  holds(p: Prop): bigint {
    switch (p.kind) {
      case 'var':
        return this.variable(p.name);
      case 'bool':
        return p.value ? this.everyCandidate : 0n;
      case 'not':
        return this.everyCandidate & ~this.holds(p.arg);
      case 'and':
        return p.args.reduce((m, a) => m & this.holds(a), this.everyCandidate);
      case 'or':
        return p.args.reduce((m, a) => m | this.holds(a), 0n);
      case 'implies':
        return this.everyCandidate & (~this.holds(p.left) | this.holds(p.right));
      case 'iff':
        return this.everyCandidate & ~(this.holds(p.left) ^ this.holds(p.right));
    }
  }
}
