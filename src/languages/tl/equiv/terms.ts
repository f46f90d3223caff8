// Hash-consed LTL formulas for the equivalence checker: one node per distinct subformula, so equal
// subformulas are the same object, compared by id, and a formula unrolled from a bounded interval
// stays a small graph. The constructors simplify as they build (constants, flattened and sorted
// and/or, idempotence, p & !p, a few temporal absorptions), and `nnf` pushes negations to the
// propositions. Every rewrite here is an LTL equivalence.

export const TRUE = 0;
export const FALSE = 1;
export const PROP = 2;
export const NOT = 3;
export const AND = 4;
export const OR = 5;
export const NEXT = 6;
export const UNTIL = 7;
export const RELEASE = 8;
export const FINALLY = 9;
export const GLOBALLY = 10;
/** Strong yesterday: false at the first position. */
export const PREV = 11;
export const SINCE = 12;

export interface Term {
  readonly id: number;
  readonly op: number;
  /** Operands: one for NOT, NEXT, FINALLY, GLOBALLY, PREV; two for UNTIL, RELEASE, SINCE (left, right); two or more for AND, OR, sorted by id. */
  readonly args: readonly Term[];
  /** For PROP: the proposition's index in the factory (`Terms.names`). */
  readonly prop: number;
  /** Bit for UNTIL and FINALLY nodes, numbered as they are made: the promise this eventuality makes while it waits. */
  promise: bigint;
  /** Whether a temporal operator occurs in it (else it constrains the current letter only). */
  readonly temporal: boolean;
  /** For a formula in negation normal form: the normal form of its negation, once `nnf` has built it. */
  dual?: Term;
}

const temporalOps = new Set([6, 7, 8, 9, 10, 11, 12]);

export class Terms {
  private readonly table = new Map<string, Term>();
  private readonly all: Term[] = [];
  private readonly propIndex = new Map<string, number>();
  readonly names: string[] = [];
  /** Whether a proposition is one made up by the checker (the value of a past subformula), not the user's. */
  readonly internal: boolean[] = [];
  private promises = 0;
  readonly t: Term;
  readonly f: Term;

  constructor() {
    this.t = this.make(TRUE, []);
    this.f = this.make(FALSE, []);
  }

  get size(): number {
    return this.all.length;
  }

  byId(id: number): Term {
    return this.all[id]!;
  }

  private make(op: number, args: readonly Term[], prop = -1): Term {
    const key = prop >= 0 ? `p${prop}` : args.length === 0 ? `${op}` : `${op}:${args.map((a) => a.id).join(',')}`;
    let t = this.table.get(key);
    if (!t) {
      t = { id: this.all.length, op, args, prop, promise: 0n, temporal: temporalOps.has(op) || args.some((a) => a.temporal) };
      if (op === UNTIL || op === FINALLY) t.promise = 1n << BigInt(this.promises++);
      this.table.set(key, t);
      this.all.push(t);
    }
    return t;
  }

  private find(op: number, args: readonly Term[]): Term | undefined {
    return this.table.get(`${op}:${args.map((a) => a.id).join(',')}`);
  }

  prop(name: string, internal = false): Term {
    let i = this.propIndex.get(name);
    if (i === undefined) {
      i = this.names.length;
      this.names.push(name);
      this.internal.push(internal);
      this.propIndex.set(name, i);
    }
    return this.make(PROP, [], i);
  }

  /** A proposition no formula can name. */
  fresh(label: string): Term {
    return this.prop(`\u0000${this.names.length}:${label}`, true);
  }

  not(a: Term): Term {
    if (a.op === TRUE) return this.f;
    if (a.op === FALSE) return this.t;
    if (a.op === NOT) return a.args[0]!;
    return this.make(NOT, [a]);
  }

  /** The negation if it has been built already (to spot x & !x), else undefined. */
  private complementOf(a: Term): Term | undefined {
    if (a.op === NOT) return a.args[0];
    return a.dual ?? this.find(NOT, [a]);
  }

  and(...xs: Term[]): Term {
    return this.junction(AND, xs);
  }

  or(...xs: Term[]): Term {
    return this.junction(OR, xs);
  }

  private junction(op: number, xs: readonly Term[]): Term {
    const unit = op === AND ? TRUE : FALSE;
    const zero = op === AND ? this.f : this.t;
    const flat: Term[] = [];
    const seen = new Set<number>();
    const pending = [...xs];
    while (pending.length > 0) {
      const x = pending.pop()!;
      if (x.op === unit) continue;
      if (x === zero) return zero;
      if (x.op === op) {
        pending.push(...x.args);
        continue;
      }
      if (seen.has(x.id)) continue;
      seen.add(x.id);
      flat.push(x);
    }
    for (const x of flat) {
      const c = this.complementOf(x);
      if (c && seen.has(c.id)) return zero;
    }
    if (flat.length === 0) return op === AND ? this.t : this.f;
    if (flat.length === 1) return flat[0]!;
    flat.sort((a, b) => a.id - b.id);
    return this.make(op, flat);
  }

  next(a: Term): Term {
    if (a.op === TRUE || a.op === FALSE) return a;
    return this.make(NEXT, [a]);
  }

  finally(a: Term): Term {
    if (a.op === TRUE || a.op === FALSE) return a;
    if (a.op === FINALLY) return a; // F F a = F a
    if (a.op === UNTIL) return this.finally(a.args[1]!); // F (a U b) = F b
    if (a.op === GLOBALLY && a.args[0]!.op === FINALLY) return a; // F G F a = G F a
    return this.make(FINALLY, [a]);
  }

  globally(a: Term): Term {
    if (a.op === TRUE || a.op === FALSE) return a;
    if (a.op === GLOBALLY) return a; // G G a = G a
    if (a.op === RELEASE) return this.globally(a.args[1]!); // G (a R b) = G b
    if (a.op === FINALLY && a.args[0]!.op === GLOBALLY) return a; // G F G a = F G a
    return this.make(GLOBALLY, [a]);
  }

  until(a: Term, b: Term): Term {
    if (b.op === TRUE || b.op === FALSE) return b;
    if (a.op === FALSE || a === b) return b;
    if (a.op === TRUE) return this.finally(b);
    if (b.op === UNTIL && b.args[0] === a) return b; // a U (a U b) = a U b
    return this.make(UNTIL, [a, b]);
  }

  release(a: Term, b: Term): Term {
    if (b.op === TRUE || b.op === FALSE) return b;
    if (a.op === TRUE || a === b) return b;
    if (a.op === FALSE) return this.globally(b);
    if (b.op === RELEASE && b.args[0] === a) return b; // a R (a R b) = a R b
    return this.make(RELEASE, [a, b]);
  }

  prev(a: Term): Term {
    if (a.op === FALSE) return a;
    return this.make(PREV, [a]);
  }

  since(a: Term, b: Term): Term {
    if (b.op === TRUE || b.op === FALSE || a.op === FALSE || a === b) return b;
    return this.make(SINCE, [a, b]);
  }

  iff(a: Term, b: Term): Term {
    return this.or(this.and(a, b), this.and(this.not(a), this.not(b)));
  }

  private readonly impliesMemo = new Map<number, boolean>();

  /**
   * Whether f implies g by syntax alone (Somenzi and Bloem 2000): sound, not complete. For formulas
   * in negation normal form. Every rule is an LTL validity, e.g. `G x ⇒ g` when `x ⇒ g`, and
   * `a U b ⇒ c U d` when `a ⇒ c` and `b ⇒ d`.
   */
  implies(f: Term, g: Term): boolean {
    if (f === g || g.op === TRUE || f.op === FALSE) return true;
    if (g.op === FALSE || f.op === TRUE) return false;
    const key = f.id * 4194304 + g.id;
    const known = this.impliesMemo.get(key);
    if (known !== undefined) return known;
    const r = this.impliesNow(f, g);
    this.impliesMemo.set(key, r);
    return r;
  }

  private impliesNow(f: Term, g: Term): boolean {
    if (g.op === AND) return g.args.every((x) => this.implies(f, x));
    if (f.op === OR) return f.args.every((x) => this.implies(x, g));
    if (g.op === OR && g.args.some((x) => this.implies(f, x))) return true;
    if (f.op === AND && f.args.some((x) => this.implies(x, g))) return true;
    const [fa, fb] = f.args;
    const [ga, gb] = g.args;
    switch (g.op) {
      case UNTIL:
        if (this.implies(f, gb!)) return true;
        if (f.op === UNTIL && this.implies(fa!, ga!) && this.implies(fb!, gb!)) return true;
        break;
      case FINALLY:
        if (this.implies(f, ga!)) return true;
        if (f.op === FINALLY && this.implies(fa!, ga!)) return true;
        if (f.op === UNTIL && this.implies(fb!, ga!)) return true;
        break;
      case RELEASE:
        if (f.op === RELEASE && this.implies(fa!, ga!) && this.implies(fb!, gb!)) return true;
        if (f.op === GLOBALLY && this.implies(fa!, gb!)) return true;
        if (this.implies(f, ga!) && this.implies(f, gb!)) return true;
        break;
      case GLOBALLY:
        if (f.op === GLOBALLY && this.implies(fa!, ga!)) return true;
        break;
      case NEXT:
        if (f.op === NEXT && this.implies(fa!, ga!)) return true;
        if (f.op === GLOBALLY && this.implies(f, ga!)) return true;
        break;
    }
    switch (f.op) {
      case GLOBALLY:
        return this.implies(fa!, g);
      case RELEASE:
        return this.implies(fb!, g);
      case UNTIL:
        return this.implies(fa!, g) && this.implies(fb!, g);
    }
    return false;
  }

  private readonly nnfMemo = new Map<number, Term>();

  /**
   * Negation normal form of `a` (of `!a` when negate): NOT only on propositions; no past operators.
   * The two normal forms, of `a` and of `!a`, are built together and know each other as `dual`, so
   * that `x & !x` is seen to be false in normal form too.
   */
  nnf(a: Term, negate = false): Term {
    const key = a.id * 2 + (negate ? 1 : 0);
    const known = this.nnfMemo.get(key);
    if (known) return known;
    const r = this.nnfOne(a, negate);
    const d = this.nnfOne(a, !negate);
    this.nnfMemo.set(key, r);
    this.nnfMemo.set(key ^ 1, d);
    r.dual ??= d;
    d.dual ??= r;
    return r;
  }

  private nnfOne(a: Term, negate: boolean): Term {
    let r: Term;
    const [x, y] = a.args;
    switch (a.op) {
      case TRUE:
      case FALSE:
        r = (a.op === TRUE) !== negate ? this.t : this.f;
        break;
      case PROP:
        r = negate ? this.make(NOT, [a]) : a;
        break;
      case NOT:
        r = this.nnf(x!, !negate);
        break;
      case AND:
      case OR: {
        const parts = a.args.map((p) => this.nnf(p, negate));
        r = (a.op === AND) !== negate ? this.and(...parts) : this.or(...parts);
        break;
      }
      case NEXT:
        r = this.next(this.nnf(x!, negate));
        break;
      case UNTIL:
        r = negate ? this.release(this.nnf(x!, true), this.nnf(y!, true)) : this.until(this.nnf(x!), this.nnf(y!));
        break;
      case RELEASE:
        r = negate ? this.until(this.nnf(x!, true), this.nnf(y!, true)) : this.release(this.nnf(x!), this.nnf(y!));
        break;
      case FINALLY:
        r = negate ? this.globally(this.nnf(x!, true)) : this.finally(this.nnf(x!));
        break;
      case GLOBALLY:
        r = negate ? this.finally(this.nnf(x!, true)) : this.globally(this.nnf(x!));
        break;
      default:
        throw new Error('nnf: past operators must be replaced first');
    }
    return r;
  }
}
