// "Simplify": a small table of rewrite rules applied bottom-up to a spec's formula, offered only when
// the equivalence decision (equiv/) proves the result equivalent within a time budget. Every rule is
// also an identity of the monitor's robustness on finite traces (README, "Simplify"), but the proof,
// not the table, is what the editor relies on. The edit keeps the user's text: a part of the formula
// that survives is copied as written (comments, spelling, parentheses), only new operators are
// printed, and a rewrite that would drop a comment is not offered.
import type { Style } from '../../../grammars/tl';
import { isBinary, type Formula, type Interval, type UnaryKind } from './ast';
import { binding } from './precedence';
import { astEqual } from './compare';
import { decideEquivalence } from './equiv/index';
import { operatorNode, constNode } from './nodes';
import { canonical, printUnary } from './printer';
import type { Replacement } from './style';

/** A rule rewrites a node whose operands are already simplified, or returns undefined. */
interface Rule {
  name: string;
  apply(f: Formula): Formula | undefined;
}

const unbounded = (f: Formula): boolean => !('interval' in f) || !f.interval || (f.interval.lo === 0 && f.interval.hi === null);
const isConst = (f: Formula, value: 'true' | 'false'): boolean => f.kind === value;

/** Nodes a rule built (printed in the edit), and nodes rebuilt with simplified operands (their own text kept), each with its original. */
const built = new WeakSet<Formula>();
const rebuilt = new WeakMap<Formula, Formula>();

function constant(value: 'true' | 'false', at: Formula): Formula {
  const c = constNode(value, at.start, at.end);
  built.add(c);
  return c;
}

function unary(kind: UnaryKind, operand: Formula, at: Formula, interval?: Interval): Formula {
  const u = operatorNode(kind, [operand], at.start, at.start, interval, at.start, at.end);
  built.add(u);
  return u;
}

const arg = (f: Formula, i = 0): Formula => (f as { args: Formula[] }).args[i]!;

/** The operator that `!op !a` is: the dual of each temporal operator that has one. */
const duals: Partial<Record<string, UnaryKind>> = { globally: 'finally', finally: 'globally', historically: 'once', once: 'historically' };

export const rules: readonly Rule[] = [
  { name: '!!a → a', apply: (f) => (f.kind === 'not' && arg(f).kind === 'not' ? arg(arg(f)) : undefined) },
  { name: '!true → false, !false → true', apply: (f) => (f.kind === 'not' && (arg(f).kind === 'true' || arg(f).kind === 'false') ? constant(arg(f).kind === 'true' ? 'false' : 'true', f) : undefined) },
  {
    // Interval and all: -min(-x) = max(x).
    name: '!G !a → F a, !F !a → G a, !H !a → O a, !O !a → H a',
    apply: (f) => {
      if (f.kind !== 'not') return undefined;
      const inner = arg(f);
      const dual = duals[inner.kind];
      return dual && arg(inner).kind === 'not' ? unary(dual, arg(arg(inner)), f, (inner as { interval?: Interval }).interval) : undefined;
    },
  },
  {
    name: 'F F a → F a, G G a → G a, O O a → O a, H H a → H a',
    apply: (f) => (duals[f.kind] && arg(f).kind === f.kind && unbounded(f) && unbounded(arg(f)) ? arg(f) : undefined),
  },
  {
    name: 'F G F a → G F a, G F G a → F G a',
    apply: (f) => {
      if ((f.kind !== 'finally' && f.kind !== 'globally') || !unbounded(f)) return undefined;
      const mid = arg(f);
      const other = f.kind === 'finally' ? 'globally' : 'finally';
      return mid.kind === other && unbounded(mid) && arg(mid).kind === f.kind && unbounded(arg(mid)) ? mid : undefined;
    },
  },
  {
    // Unbounded only: F[5,9] true is false near the end of a finite trace.
    name: 'F true → true, G true → true, F false → false, G false → false',
    apply: (f) => ((f.kind === 'finally' || f.kind === 'globally') && unbounded(f) && (arg(f).kind === 'true' || arg(f).kind === 'false') ? constant(arg(f).kind as 'true' | 'false', f) : undefined),
  },
  { name: 'a & a → a, a | a → a, a U a → a', apply: (f) => ((f.kind === 'and' || f.kind === 'or' || (f.kind === 'until' && unbounded(f))) && astEqual(arg(f, 0), arg(f, 1)) ? arg(f, 0) : undefined) },
  {
    name: 'a & true → a, a & false → false, a | false → a, a | true → true',
    apply: (f) => {
      if (f.kind !== 'and' && f.kind !== 'or') return undefined;
      const [x, y] = [arg(f, 0), arg(f, 1)];
      const unit = f.kind === 'and' ? 'true' : 'false';
      const zero = f.kind === 'and' ? 'false' : 'true';
      if (isConst(y, unit)) return x;
      if (isConst(x, unit)) return y;
      if (isConst(x, zero) || isConst(y, zero)) return constant(zero, f);
      return undefined;
    },
  },
  {
    name: 'a -> true → true, false -> a → true, true -> a → a, a -> false → !a',
    apply: (f) => {
      if (f.kind !== 'implies') return undefined;
      const [x, y] = [arg(f, 0), arg(f, 1)];
      if (isConst(y, 'true') || isConst(x, 'false')) return constant('true', f);
      if (isConst(x, 'true')) return y;
      if (isConst(y, 'false')) return unary('not', x, f);
      return undefined;
    },
  },
  {
    // With the operator's interval, by the definitions of U, R and W.
    name: 'true U a → F a, false R a → G a, a W false → G a',
    apply: (f) => {
      const interval = (f as { interval?: Interval }).interval;
      if (f.kind === 'until' && isConst(arg(f, 0), 'true')) return unary('finally', arg(f, 1), f, interval);
      if (f.kind === 'release' && isConst(arg(f, 0), 'false')) return unary('globally', arg(f, 1), f, interval);
      if (f.kind === 'weak_until' && isConst(arg(f, 1), 'false')) return unary('globally', arg(f, 0), f, interval);
      return undefined;
    },
  },
];

/** The formula with every rule applied, bottom-up, until none applies; unchanged parts are the same objects. */
export function simplified(f: Formula): Formula {
  let node = f;
  if ('args' in f && f.args.length > 0) {
    const args = f.args.map(simplified);
    if (args.some((x, i) => x !== f.args[i])) {
      node = operatorNode(f.kind as UnaryKind, args, f.opStart, f.opEnd, f.interval, f.start, f.end);
      rebuilt.set(node, f);
    }
  }
  // Operands are simplified already and every rule makes the formula smaller, so this ends: a rule
  // can only create a redex at this node (`a -> false` on `!b` gives `!!b`).
  for (;;) {
    const next = rules.reduce<Formula | undefined>((found, rule) => found ?? rule.apply(node), undefined);
    if (!next) return node;
    node = next;
  }
}

/**
 * The edits that turn the text of `orig` into that of `simp`: a rebuilt node keeps its own text and
 * edits its operands; anything else replaces the original's span. `kept` collects the source spans
 * that the new text copies, so the caller can tell which comments survive.
 */
function editsFor(orig: Formula, simp: Formula, source: string, style: Style, kept: [number, number][]): Replacement[] {
  if (simp === orig) return [];
  if (rebuilt.get(simp) === orig) {
    const o = orig as { args: Formula[] };
    return o.args.flatMap((x, i) => editsFor(x, arg(simp, i), source, style, kept));
  }
  const text = textOf(simp, source, style, kept);
  // "!(q & p -> false) U p" simplifies to "(q & p) U p": an operand that binds looser than what stood in its place
  // needs parentheses there, unless its own text has them.
  const written = rebuilt.get(simp) ?? simp;
  const looser = isBinary(simp) && written.outerStart === written.start && (!isBinary(orig) || binding[simp.kind].level < binding[orig.kind].level || (simp.kind !== orig.kind && binding[simp.kind].level === binding[orig.kind].level));
  return [{ start: orig.start, end: orig.end, text: looser && orig.outerStart === orig.start ? `(${text})` : text }];
}

/** The text of a simplified node: copied from the source where it was there, printed where a rule built it. */
function textOf(f: Formula, source: string, style: Style, kept: [number, number][]): string {
  const from = rebuilt.get(f);
  if (from) {
    // Its own text as written, with its operands' edits applied.
    const edits = editsFor(from, f, source, style, kept);
    let text = '';
    let at = from.outerStart;
    for (const e of edits.sort((x, y) => x.start - y.start)) {
      kept.push([at, e.start]);
      text += source.slice(at, e.start) + e.text;
      at = e.end;
    }
    kept.push([at, from.outerEnd]);
    return text + source.slice(at, from.outerEnd);
  }
  if (!built.has(f)) {
    kept.push([f.outerStart, f.outerEnd]);
    return source.slice(f.outerStart, f.outerEnd);
  }
  if (f.kind === 'true' || f.kind === 'false') return f.kind;
  // Rules build only constants and unary operators; a binary operand needs parentheses unless written with them.
  const operand = arg(f);
  const written = rebuilt.get(operand) ?? operand;
  const inner = textOf(operand, source, style, kept);
  const wrap = isBinary(operand) && (built.has(operand) || written.outerStart === written.start);
  return printUnary(f.kind as UnaryKind, (f as { interval?: Interval }).interval, wrap ? `(${inner})` : inner, style);
}

export interface Simplification {
  /** The formula's new text. */
  text: string;
  /** The edits to the document, in offsets, in order. */
  edits: Replacement[];
  formula: Formula;
}

/** A cache of proofs by the two formulas' canonical text: code actions are asked for on every cursor move. */
const proofs = new Map<string, boolean>();
const maxProofs = 2000;

function proven(a: Formula, b: Formula, timeoutMs: number): boolean {
  const key = `${canonical(a)}\u0000${canonical(b)}`;
  let known = proofs.get(key);
  if (known === undefined) {
    const r = decideEquivalence(a, b, { timeoutMs, maxStates: 20_000 });
    known = r.decided && r.equivalent;
    // A search that ran out of time may succeed another time: only answers are kept.
    if (!r.decided && /went past/.test(r.reason)) return false;
    if (proofs.size >= maxProofs) proofs.delete(proofs.keys().next().value!);
    proofs.set(key, known);
  }
  return known;
}

/**
 * The simplification of a formula written at [f.start, f.end) of `source`, when a rule applies, no
 * comment inside the formula would be lost, and the result is proven equivalent within `timeoutMs`.
 */
export function simplification(f: Formula, source: string, comments: readonly { start: number; end: number }[], style: Style, timeoutMs = 200): Simplification | undefined {
  const g = simplified(f);
  if (g === f) return undefined;
  const kept: [number, number][] = [];
  const edits = editsFor(f, g, source, style, kept).sort((x, y) => x.start - y.start);
  const lost = comments.some((c) => edits.some((e) => e.start <= c.start && c.end <= e.end) && !kept.some(([s, e]) => s <= c.start && c.end <= e));
  if (lost) return undefined;
  if (!proven(f, g, timeoutMs)) return undefined;
  let text = '';
  let at = f.start;
  for (const e of edits) {
    text += source.slice(at, e.start) + e.text;
    at = e.end;
  }
  return { text: text + source.slice(at, f.end), edits, formula: g };
}
