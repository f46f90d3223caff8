// What the English solver knows about a problem before it scores candidate expressions: the
// question (the last sentence that asks), each number's surroundings (its words, its unit, whether
// the question speaks of it), and the constants the problem's words call for (100 for a percentage
// question, 60 when hours and minutes meet, 2 and 4 for perimeters, …). Then the features of one
// candidate expression: the question's words crossed with its last operator and its other
// operators, each operand's surroundings crossed with the operator that uses it, the numbers it
// uses and leaves out, and the class of its value. SVAMP (Patel et al., 2021) showed solvers that
// ignore the question; every feature that decides an operator here is crossed with the question.
import Fraction from 'fraction.js';
import type { EnglishProblem } from './read';

export interface Item {
  /** N<i> for the problem's numbers, the literal for a constant. */
  token: string;
  literal: string;
  value: Fraction;
  float: number;
  constant: boolean;
  /** Its surroundings as features: the words next to it and in its sentence, its unit, its kind, whether the question speaks of it. */
  context: string[];
  /** The part of `context` that says whether it is used at all: the words next to it and how the question relates to it. */
  core: string[];
  unit: string;
  inQuestion: boolean;
  unitInQuestion: boolean;
  /** Position among the problem's numbers in text order (constants: -1). */
  order: number;
}

export interface Analysis {
  problem: EnglishProblem;
  items: Item[];
  /** Question words and pairs, the asked-for noun. */
  question: string[];
  /** How many of the items are the problem's own numbers. */
  numberCount: number;
}

const STOP = new Set([
  'the', 'a', 'an', 'of', 'to', 'is', 'are', 'was', 'were', 'be', 'been', 'do', 'does', 'did', 'has', 'have', 'had', 'and', 'or', 'it', 'its',
  'he', 'she', 'they', 'them', 'his', 'her', 'their', 'we', 'you', 'i', 'that', 'this', 'there', 'these', 'those', 'on', 'at', 'for', 'with',
  'by', 'from', 'if', 'so', 'as', 'will', 'would', 'can', 'could', 'then', 'some', 'him', 'our', 'your', 'my', 'me', 'us', "'s", "'",
]);

/** A light lemma: plural nouns and third-person verbs lose their s ("apples" → "apple", "berries" → "berry"). */
export function lemma(w: string): string {
  if (w.length <= 3 || /^N\d+$/.test(w)) return w;
  if (w.endsWith('ies')) return w.slice(0, -3) + 'y';
  if (/(ches|shes|sses|xes|oes)$/.test(w)) return w.slice(0, -2);
  if (w.endsWith('s') && !/(ss|us|is)$/.test(w)) return w.slice(0, -1);
  return w;
}

const isWord = (t: string) => /^[a-z]/.test(t);
const content = (t: string) => isWord(t) && !STOP.has(t);

/** Index of the sentence that asks: the last with a question mark or a question word; else the last. */
function questionSentence(p: EnglishProblem): number {
  const count = (p.sentence[p.sentence.length - 1] ?? 0) + 1;
  for (let s = count - 1; s >= 0; s--) {
    const words = p.tokens.filter((_, i) => p.sentence[i] === s);
    if (words.includes('?') || /^(how|what|find|calculate|determine|compute)$/.test(words.find(isWord) ?? '')) return s;
  }
  // A trailing sentence of punctuation only is no question.
  for (let s = count - 1; s >= 0; s--) if (p.tokens.some((t, i) => p.sentence[i] === s && isWord(t))) return s;
  return 0;
}

/** Constants a problem's words call for, with the cue that called each. */
function constants(words: ReadonlySet<string>, question: ReadonlySet<string>): { literal: string; cue: string }[] {
  const has = (...ws: string[]) => ws.some((w) => words.has(w));
  const out: { literal: string; cue: string }[] = [];
  if (question.has('percent') || question.has('percentage') || question.has('%')) out.push({ literal: '100', cue: 'percent' });
  // A rectangle's perimeter is 2 × (length + width), a square's 4 × side.
  if (has('perimeter', 'fence', 'fencing', 'border', 'around')) out.push(has('square') ? { literal: '4', cue: 'square-perimeter' } : { literal: '2', cue: 'perimeter' });
  if (has('minute') && has('hour')) out.push({ literal: '60', cue: 'minute-hour' });
  if (has('second') && has('minute') && !has('hour')) out.push({ literal: '60', cue: 'second-minute' });
  if (has('week') && has('day')) out.push({ literal: '7', cue: 'week-day' });
  if (has('day') && has('hour') && !has('minute')) out.push({ literal: '24', cue: 'day-hour' });
  if (has('foot', 'feet') && has('inch', 'inche')) out.push({ literal: '12', cue: 'foot-inch' });
  if (has('year') && has('month')) out.push({ literal: '12', cue: 'year-month' });
  if (has('quarter')) out.push({ literal: '0.25', cue: 'coin' });
  if (has('dime')) out.push({ literal: '0.1', cue: 'coin' });
  if (has('nickel')) out.push({ literal: '0.05', cue: 'coin' });
  if (has('cent', 'penny', 'pennie') && has('dollar')) out.push({ literal: '100', cue: 'cent-dollar' });
  return out;
}

export function analyse(p: EnglishProblem): Analysis {
  const q = questionSentence(p);
  const lemmas = p.tokens.map(lemma);
  const qIdx = p.tokens.map((_, i) => i).filter((i) => p.sentence[i] === q);
  const qTokens = qIdx.map((i) => p.tokens[i]!).filter((t) => t !== '?' && t !== '.' && t !== ',');
  const qLemmas = new Set(qIdx.map((i) => lemmas[i]!).filter(content));
  const question: string[] = [...new Set(qTokens.filter(isWord).map((t) => `q:${lemma(t)}`))];
  for (let i = 0; i + 1 < qTokens.length; i++) question.push(`qq:${qTokens[i]}_${qTokens[i + 1]}`);
  const ask = qTokens.findIndex((t, i) => t === 'how' && (qTokens[i + 1] === 'many' || qTokens[i + 1] === 'much'));
  if (ask >= 0) {
    const target = qTokens.slice(ask + 2).find((t) => content(t) || /^N\d+$/.test(t));
    question.push(`qt:${target ? lemma(target) : 'none'}`);
  } else question.push(`qw:${qTokens.find(isWord) ?? 'none'}`);
  if (p.tokens.filter((t) => t === '?').length === 0) question.push('q:no-mark');
  // "How many more pens does Jack have than Mary?": who is on which side of "than" decides the order of a difference.
  const qList = qIdx.map((i) => lemmas[i]!);
  const than = qList.indexOf('than');
  const roleOf = (w: string): string => {
    const at = qList.indexOf(w);
    if (w === '' || at < 0) return 'none';
    return than < 0 ? 'asked' : at < than ? 'before-than' : 'after-than';
  };
  const numbers = p.numbers.map((n, i) => numberItem(p, lemmas, i, n.token, q, qLemmas, roleOf));
  const words = new Set(lemmas);
  const consts = constants(words, new Set(qIdx.map((i) => lemmas[i]!)))
    .filter((c, i, all) => all.findIndex((d) => d.literal === c.literal) === i)
    .filter((c) => !p.numbers.some((n) => n.value.equals(new Fraction(c.literal))));
  const items: Item[] = [
    ...numbers,
    ...consts.map((c): Item => {
      const value = new Fraction(c.literal);
      const context = [`const:${c.literal}`, `cue:${c.cue}`];
      return { token: c.literal, literal: c.literal, value, float: value.valueOf(), constant: true, context, core: context, unit: '', inQuestion: false, unitInQuestion: false, order: -1 };
    }),
  ];
  // A fraction or a percentage of something often leaves the rest: 1 - f.
  if (p.numbers.some((n) => n.value.compare(1) < 0 && n.value.compare(0) > 0) && !items.some((i) => i.value.equals(1))) {
    const context = ['const:1', 'cue:fraction'];
    items.push({ token: '1', literal: '1', value: new Fraction(1), float: 1, constant: true, context, core: context, unit: '', inQuestion: false, unitInQuestion: false, order: -1 });
  }
  return { problem: p, items, question, numberCount: numbers.length };
}

function numberItem(p: EnglishProblem, lemmas: readonly string[], i: number, at: number, q: number, qLemmas: ReadonlySet<string>, roleOf: (w: string) => string): Item {
  const n = p.numbers[i]!;
  const tokens = p.tokens;
  const before = lemmas.slice(Math.max(0, at - 3), at).map((t) => (/^N\d+$/.test(t) ? 'NUM' : t));
  const after = lemmas.slice(at + 1, at + 4).map((t) => (/^N\d+$/.test(t) ? 'NUM' : t));
  const unit = lemmas.slice(at + 1, at + 4).find((t) => content(t) && !['more', 'less', 'fewer', 'than', 'times', 'extra', 'additional', 'each', 'per', 'every'].includes(t)) ?? '';
  const sentenceWords = [...new Set(lemmas.filter((t, k) => p.sentence[k] === p.sentence[at] && content(t)))];
  const inQuestion = p.sentence[at] === q;
  const unitInQuestion = unit !== '' && qLemmas.has(unit);
  const window = [...before, ...after].filter(content);
  const overlap = window.filter((w) => qLemmas.has(w)).length;
  // Who or what the number's sentence is about (its first content word: usually a name), and how much
  // of the sentence the question speaks of: an added sentence about someone else shares neither.
  const subject = lemmas.find((t, k) => p.sentence[k] === p.sentence[at] && content(t) && !/^N\d+$/.test(t)) ?? '';
  const shared = sentenceWords.filter((w) => qLemmas.has(w)).length;
  const core = [
    `b1:${before[before.length - 1] ?? '^'}`,
    `a1:${after[0] ?? '$'}`,
    `a2:${after.slice(0, 2).join('_')}`,
    `u:${unit}`,
    `kind:${n.kind}`,
    inQuestion ? 'inq' : 'notq',
    unitInQuestion ? 'uq' : 'unq',
    `ov:${Math.min(overlap, 3)}`,
    `sq:${subject !== '' && qLemmas.has(subject) ? 1 : 0}`,
    `role:${roleOf(subject)}`,
    `sov:${Math.min(shared, 3)}`,
    i === 0 ? 'first' : i === p.numbers.length - 1 ? 'last' : 'mid',
    n.value.compare(1) < 0 ? 'lt1' : n.value.d === 1n ? 'whole' : 'nonwhole',
  ];
  if (tokens[at - 1] === '$' || after[0] === 'dollar' || after[0] === 'cent') core.push('money');
  const context = [...core, ...sentenceWords.map((t) => `s:${t}`)];
  return { token: `N${i}`, literal: n.literal, value: n.value, float: n.value.valueOf(), constant: false, context, core, unit, inQuestion, unitInQuestion, order: i };
}

/** A candidate expression: a leaf (an item) or an operator over two candidates. */
export type Expr = { kind: 'leaf'; item: number } | { kind: 'op'; op: '+' | '-' | '*' | '/'; left: Expr; right: Expr };

export interface Candidate {
  expr: Expr;
  value: number;
  ops: number;
  /** Bitmask of the items used. */
  mask: number;
}

/** The candidate's features: what the ranker (models/mwp/english.json) weighs. */
export function candidateFeatures(a: Analysis, c: Candidate): string[] {
  const out: string[] = [];
  const root = c.expr.kind === 'op' ? c.expr.op : 'leaf';
  const words = a.question.filter((f) => !f.startsWith('qq:'));
  out.push(`R:${root}`, ...a.question.map((f) => `R:${root}|${f}`));
  out.push(`N:${c.ops}`, `N:${c.ops}|n:${Math.min(a.numberCount, 5)}`);
  const node = (e: Expr, parent: string, side: string): void => {
    if (e.kind === 'leaf') return;
    const { op } = e;
    out.push(`O:${op}|${parent}${side}`);
    if (parent !== 'T') for (const f of words) out.push(`O:${op}|${f}`);
    for (const [s, child] of [['L', e.left], ['R', e.right]] as const) {
      if (child.kind === 'leaf') for (const f of a.items[child.item]!.context) out.push(`${s}${op}:${f}`);
      else out.push(`C:${op}${s}${child.op}`);
    }
    if (e.left.kind === 'leaf' && e.right.kind === 'leaf') {
      const l = a.items[e.left.item]!;
      const r = a.items[e.right.item]!;
      out.push(`P:${op}:${l.unit !== '' && l.unit === r.unit ? 'same' : 'diff'}`);
      out.push(`P:${op}:${l.order < r.order ? 'fwd' : 'rev'}`);
      out.push(`P:${op}:q${l.inQuestion ? 1 : 0}${r.inQuestion ? 1 : 0}`);
      out.push(`P:${op}:uq${l.unitInQuestion ? 1 : 0}${r.unitInQuestion ? 1 : 0}`);
      out.push(`P:${op}:${l.float > r.float ? 'gt' : l.float < r.float ? 'lt' : 'eq'}`);
      out.push(`P:${op}:${l.unit}|${r.unit}`);
    }
    node(e.left, op, 'L');
    node(e.right, op, 'R');
  };
  node(c.expr, 'T', '');
  let unused = 0;
  a.items.forEach((item, i) => {
    if (c.mask & (1 << i)) for (const f of item.core) out.push(`U:${f}`);
    else if (!item.constant) unused++;
  });
  out.push(`unused:${Math.min(unused, 3)}`, `unused:${Math.min(unused, 3)}|n:${Math.min(a.numberCount, 5)}`);
  const cls = valueClass(c.value, a);
  out.push(`V:${cls}`, ...words.map((f) => `V:${cls}|${f}`));
  return out;
}

/** Whole or not, below 1, and where it lies against the problem's numbers. */
function valueClass(v: number, a: Analysis): string {
  const nums = a.items.filter((i) => !i.constant).map((i) => i.float);
  const whole = Math.abs(v - Math.round(v)) < 1e-9 ? 'w' : 'f';
  const max = nums.length ? Math.max(...nums) : 1;
  const min = nums.length ? Math.min(...nums) : 1;
  const where = v > max + 1e-9 ? 'above' : v < min - 1e-9 ? 'below' : 'between';
  return `${whole}${v < 1 ? '<1' : ''}:${where}`;
}
