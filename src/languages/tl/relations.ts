// For the hover on a spec: which other specs of the file it is equivalent to, implies, or is implied
// by, decided by the equivalence procedure (equiv/). Hover must stay fast, so each hover spends at
// most a time budget on pairs it has not decided before, and answers are cached by the two formulas'
// canonical text: moving the mouse back gets the pairs decided so far, and decides more.
import type { Formula, TlDocument } from './ast';
import { decideEquivalence } from './equiv/index';
import { listSpecs } from './monitor/specs';
import { canonical } from './printer';

type Relation = 'equivalent' | 'implies' | 'implied' | 'unrelated' | { undecided: string };

const cache = new Map<string, Relation>();
const maxCached = 5000;

/** Canonical texts, once per formula object (a hover over a large file would print each formula each time). */
const canonicalTexts = new WeakMap<Formula, string>();

function canonicalOf(f: Formula): string {
  let text = canonicalTexts.get(f);
  if (text === undefined) canonicalTexts.set(f, (text = canonical(f)));
  return text;
}

/** The relation of `a` to `b`, or undefined when deciding it did not fit in `timeoutMs`. */
function relation(a: Formula, aKey: string, b: Formula, timeoutMs: number): Relation | undefined {
  const key = `${aKey}\u0000${canonicalOf(b)}`;
  const known = cache.get(key);
  if (known !== undefined) return known;
  const r = decideEquivalence(a, b, { timeoutMs, maxStates: 20_000 });
  let answer: Relation;
  if (!r.decided) {
    // Out of time: try again on a later hover. Outside the fragment: say so, once.
    if (/went past/.test(r.reason)) return undefined;
    answer = { undecided: r.reason };
  } else answer = r.equivalent ? 'equivalent' : r.aImpliesB ? 'implies' : r.bImpliesA ? 'implied' : 'unrelated';
  if (cache.size >= maxCached) cache.delete(cache.keys().next().value!);
  cache.set(key, answer);
  return answer;
}

export interface Relations {
  equivalent: string[];
  implies: string[];
  impliedBy: string[];
  /** Specs compared with this one that are outside what is decided (signal comparisons, ...), and why. */
  undecided: { name: string; reason: string }[];
  /** Specs not compared within this hover's budget. */
  pending: number;
}

/**
 * How the spec or bare formula of statement `statementIndex` relates to every other one of the file,
 * within `budgetMs` (deciding new pairs and looking up decided ones). Specs are named as `nesy monitor` names them.
 */
export function relationsOf(doc: TlDocument, statementIndex: number, budgetMs = 100): Relations | undefined {
  const statement = doc.statements[statementIndex];
  const specs = listSpecs(doc);
  const self = specs.find((s) => s.statement === statement);
  if (!self) return undefined;
  const out: Relations = { equivalent: [], implies: [], impliedBy: [], undecided: [], pending: 0 };
  const deadline = performance.now() + budgetMs;
  const selfKey = canonicalOf(self.formula);
  for (const other of specs) {
    if (other === self) continue;
    // Past the budget even cached answers are left for the next hover: in a file of thousands of specs,
    // looking them all up would be the slow part.
    const left = deadline - performance.now();
    const r = left > 0 ? relation(self.formula, selfKey, other.formula, left) : undefined;
    if (r === undefined) out.pending++;
    else if (r === 'equivalent') out.equivalent.push(other.name);
    else if (r === 'implies') out.implies.push(other.name);
    else if (r === 'implied') out.impliedBy.push(other.name);
    else if (typeof r === 'object') out.undecided.push({ name: other.name, reason: r.undecided });
  }
  return out;
}

/** The hover's lines for these relations; empty when there is nothing to say. */
export function relationLines(r: Relations): string[] {
  const names = (list: string[]) => list.map((n) => `\`${n}\``).join(', ');
  const lines: string[] = [];
  if (r.equivalent.length) lines.push(`**Equivalent to** ${names(r.equivalent)}`);
  if (r.implies.length) lines.push(`**Implies** ${names(r.implies)}`);
  if (r.impliedBy.length) lines.push(`**Implied by** ${names(r.impliedBy)}`);
  if (r.pending) lines.push(`_${r.pending} other spec${r.pending === 1 ? '' : 's'} not compared yet: hover again to compare more._`);
  if (r.undecided.length) lines.push(`_Not decided against ${names(r.undecided.map((u) => u.name))}: ${r.undecided[0]!.reason}._`);
  return lines.length ? ['---', ...lines.flatMap((l) => [l, ''])].slice(0, -1) : [];
}
