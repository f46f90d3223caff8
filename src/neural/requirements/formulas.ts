// Formula building blocks the requirement reader composes its readings from: sequences ("A, then B"),
// PsALM's ordered visits, and the small rewrites that keep a reading as the English says it ("eventually"
// not doubled, a negation not doubled).
import type { FormulaJson } from '../../languages/tl/api';
import { bin, hasTemporal, un } from './catalogue';

/** Whether `f` says when it holds: under G, F or X, or a choice of such ("in the next step or the one after"). */
export const isTemporal = (f: FormulaJson): boolean => ['globally', 'finally', 'next'].includes(f.kind) || (f.kind === 'or' && f.args.every(isTemporal));

/** `f` without an outer unbounded operator of this kind. */
export function peel(f: FormulaJson, kind: 'globally' | 'finally'): FormulaJson {
  return f.kind === kind && !('interval' in f && f.interval) && 'args' in f ? f.args[0]! : f;
}

/** What is awaited: "until the setpoint is reached or a window is opened" waits for either, not for F either. */
export const eventOf = (f: FormulaJson): FormulaJson => (f.kind === 'or' ? bin('or', eventOf(f.args[0]!), eventOf(f.args[1]!)) : peel(f, 'finally'));

/** The operands of a chain of and (a & (b & c): a, b, c). */
export const conjuncts = (f: FormulaJson): FormulaJson[] => (f.kind === 'and' ? f.args.flatMap(conjuncts) : [f]);

/**
 * "until you have visited the shed and the barn": several goals are events of their own, each waited for
 * (`make(shed) & make(barn)`), not one moment at both; anything else is one event, its "eventually" peeled.
 */
export function eachGoal(r: FormulaJson, make: (event: FormulaJson) => FormulaJson): FormulaJson {
  const goals = conjuncts(r);
  const separate = goals.length > 1 && goals.every((g) => g.kind === 'finally' && !g.interval);
  return separate ? goals.map((g) => make(peel(g, 'finally'))).reduce((x, y) => bin('and', x, y)) : make(peel(r, 'finally'));
}

const pastKinds = new Set(['once', 'historically', 'prev', 'since']);
export const hasPast = (f: FormulaJson): boolean => pastKinds.has(f.kind) || ('args' in f && f.args.some(hasPast));

/** Not `f`: "b does not happen before a does not hold" waits for a, not for !!a. */
export const negation = (f: FormulaJson): FormulaJson => (f.kind === 'not' ? f.args[0]! : un('not', f));

/**
 * "pick up the block and place it in the bin": each command of a list done at some point (a goal is already); "do not
 * open it": never; "take the stairs if the elevator is out of order": under its condition; "flash your lights exactly
 * when ...": always.
 */
export const eventuallyEach = (f: FormulaJson): FormulaJson => {
  if (f.kind === 'and') return bin('and', eventuallyEach(f.args[0]!), eventuallyEach(f.args[1]!));
  if (f.kind === 'implies' && !hasTemporal(f.args[0]!)) return bin('implies', f.args[0]!, eventuallyEach(f.args[1]!));
  // ("flash your lights exactly when you are inside the tunnel": a state kept in step with another, at every moment.)
  return hasTemporal(f) ? f : f.kind === 'not' || f.kind === 'iff' ? un('globally', f) : un('finally', f);
};

/** Whether `f` has a temporal operator with no bound ("infinitely often", "eventually"), as opposed to "for 2 seconds" or "next". */
export const hasUnbounded = (f: FormulaJson): boolean =>
  (['globally', 'finally', 'until', 'weak_until', 'release', 'strong_release', 'historically', 'once', 'since'].includes(f.kind) && !('interval' in f && f.interval)) ||
  ('args' in f && f.args.some(hasUnbounded));

/** `f` with every next operator left out: what it says apart from counting steps. */
export const withoutNext = (f: FormulaJson): FormulaJson =>
  f.kind === 'next' ? withoutNext(f.args[0]!) : 'args' in f ? ({ ...f, args: f.args.map(withoutNext) } as FormulaJson) : f;

/**
 * "A, then B, then C": A, and later B, and later C; "A, and after that never B": from A on, never B. A step that is a
 * sequence itself goes on from its last step ("take the cup from the kitchen to the office, then come back").
 */
export function inSequence(steps: readonly FormulaJson[]): FormulaJson {
  return steps.reduce((seq, next) => thenAlso(seq, next));
}

/** One step, then what comes after it; a deadline on the step ("within 20 steps, then ...") bounds the whole. */
function then(now: FormulaJson, later: FormulaJson): FormulaJson {
  const fromThen = later.kind === 'finally' || later.kind === 'next' || (later.kind === 'globally' && !later.interval);
  const rest = fromThen ? later : un('finally', later);
  if (now.kind === 'finally' && now.interval) return { ...now, args: [bin('and', now.args[0]!, rest)] };
  return un('finally', bin('and', reached(now), rest));
}

/** What a step of a sequence reaches: "eventually a" is a, and "eventually a or eventually b" is a or b. */
function reached(step: FormulaJson): FormulaJson {
  if (step.kind === 'or' && step.args.every((f) => f.kind === 'finally' && !f.interval)) return bin('or', reached(step.args[0]!), reached(step.args[1]!));
  return peel(step, 'finally');
}

/**
 * A sequence's first step, the rest of it and what the rest reaches first (a, F b and b in F (a & F b)), or
 * undefined if `f` is no sequence.
 */
function stepsOf(f: FormulaJson): { first: FormulaJson; rest: FormulaJson; next: FormulaJson } | undefined {
  const body = f.kind === 'finally' && !f.interval ? f.args[0]! : undefined;
  if (body?.kind !== 'and') return undefined;
  const rest = body.args[1]!;
  return rest.kind === 'finally' && !rest.interval ? { first: body.args[0]!, rest, next: rest.args[0]! } : undefined;
}

/** The visits of a sequence, each eventually (F a, F b, F c for F (a & F (b & F c))); `f` alone if it is none. */
export function visitsInTurn(f: FormulaJson): FormulaJson[] {
  const steps = stepsOf(f);
  return steps ? [un('finally', steps.first), ...visitsInTurn(steps.rest)] : [f];
}

/** The last step of a sequence (b in F (a & F b)), or undefined if `f` is none. */
export function lastStep(f: FormulaJson): FormulaJson | undefined {
  const steps = stepsOf(f);
  return steps && (lastStep(steps.rest) ?? steps.next);
}

/** The sequence `seq` (F (a & F b)) with one more step at its end: F (a & F (b & F next)). */
export function thenAlso(seq: FormulaJson, next: FormulaJson): FormulaJson {
  const steps = stepsOf(seq);
  return steps ? un('finally', bin('and', steps.first, thenAlso(steps.rest, next))) : then(seq, next);
}

export type Order = 'sequence' | 'ordered' | 'strict';

/**
 * Visits in order (PsALM's visit patterns). "patrol a, b and c in that order" is a recurring sequence, G F (a & F (b
 * & F c)); a sequenced visit is F (a & F (b & F c)); an ordered one adds that no place comes before the one ahead of
 * it (!b U a); a strict one, that none recurs before the next (!a U (a & X (!a U b))).
 */
export function inOrder(fs: readonly FormulaJson[], order: Order): FormulaJson {
  const recurring = (f: FormulaJson) => f.kind === 'globally' && !f.interval && f.args[0]!.kind === 'finally' && !f.args[0]!.interval;
  if (fs.every(recurring)) return un('globally', inSequence(fs.map((f) => peel(f, 'globally'))));
  const sequence = inSequence(fs);
  const places = fs.map((f) => peel(f, 'finally'));
  if (order === 'sequence' || places.some((p) => p.kind !== 'prop')) return sequence;
  const pairs = places.slice(1).map((later, i) => [places[i]!, later] as const);
  const ordered = pairs.reduce((f, [first, later]) => bin('and', f, bin('until', un('not', later), first)), sequence);
  if (order === 'ordered') return ordered;
  return pairs.reduce((f, [first, later]) => bin('and', f, bin('until', un('not', first), bin('and', first, un('next', bin('until', un('not', first), later))))), ordered);
}

/** "not b until a" made weak (`!b W a`), in each conjunct: a precedence whose awaited event may never come. */
export const weakly = (f: FormulaJson): FormulaJson =>
  f.kind === 'until' && !f.interval && f.args[0]!.kind === 'not' ? { ...f, kind: 'weak_until' } : f.kind === 'and' ? bin('and', weakly(f.args[0]!), weakly(f.args[1]!)) : f;

/** `f` again and again: each eventually of a mission (a visit, a sequence) infinitely often. */
export const againAndAgain = (f: FormulaJson): FormulaJson =>
  f.kind === 'and' ? bin('and', againAndAgain(f.args[0]!), againAndAgain(f.args[1]!)) : f.kind === 'finally' && !f.interval ? un('globally', f) : f;
