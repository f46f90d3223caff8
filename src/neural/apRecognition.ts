// Finds the atomic propositions in an English sentence and lifts them to `( prop_i )`, from three
// sources in priority order: propositions declared in the file (by name or description), spans the
// user marked with quotes or parentheses, and the learned tagger for the remaining free text; words
// that none of them covered and the translation model has never seen are made propositions last.
import { tokenize, isPropToken, type Token } from './nl2tlText';

export type ApSource = 'lifted' | 'declared' | 'marked' | 'tagger' | 'unseen';

export interface ApSpan {
  /** Character offsets into the sentence, [start, end). */
  start: number;
  end: number;
  text: string;
  source: ApSource;
  /** The declared proposition it matched, for source 'declared'. */
  declared?: string;
}

export interface Declared {
  name: string;
  description?: string;
}

const stopWords = new Set(['the', 'a', 'an', 'is', 'are', 'be', 'in', 'at', 'on', 'of', 'to', 'it', 'its', 'robot', 'system']);

/** Words of an identifier: `red_zone`, `redZone` and `RED-ZONE` all read "red zone". */
export function nameWords(name: string): string[] {
  return name
    .replace(/([a-z\d])([A-Z])/g, '$1 $2')
    .toLowerCase()
    .split(/[^a-z\d]+/)
    .filter((w) => w !== '');
}

function contentWords(words: readonly string[]): string[] {
  return words.filter((w) => !stopWords.has(w));
}

/** Spans written as "quoted", “quoted”, 'quoted' or (parenthesised) text. */
export function markedSpans(sentence: string): ApSpan[] {
  const out: ApSpan[] = [];
  const re = /"([^"]+)"|“([^”]+)”|(?<![A-Za-z])'([^']+)'(?![A-Za-z])|\(([^()]+)\)/g;
  for (const m of sentence.matchAll(re)) {
    const inner = m[1] ?? m[2] ?? m[3] ?? m[4]!;
    const lead = inner.length - inner.trimStart().length;
    const text = inner.trim();
    if (text === '') continue;
    const start = m.index! + 1 + lead;
    out.push({ start, end: start + text.length, text, source: 'marked' });
  }
  return out;
}

/**
 * Declared propositions found in the sentence: the name's words as a phrase ("red zone" for
 * red_zone), or a run of sentence words that covers most of the description's content words.
 */
export function declaredSpans(sentence: string, declared: readonly Declared[]): ApSpan[] {
  const tokens = tokenize(sentence);
  const words = tokens.map((t) => t.text);
  const out: ApSpan[] = [];
  for (const d of declared) {
    const byName = findPhrase(words, nameWords(d.name));
    const byDescription = d.description ? findDescription(words, d.description) : undefined;
    // The description's wider match wins when it contains the name ("charging dock" over "dock").
    const contains = byName && byDescription && byDescription[0] <= byName[0] && byName[1] <= byDescription[1];
    const span = contains || !byName ? byDescription : byName;
    if (span) out.push(toSpan(sentence, tokens, span, 'declared', d.name));
  }
  return out;
}

/** The phrase's words in order, with articles in the sentence skipped ("at goal" finds "at the goal"). */
function findPhrase(words: readonly string[], phrase: readonly string[]): [number, number] | undefined {
  if (phrase.length === 0) return undefined;
  const kept = words.map((w, i) => [w, i] as const).filter(([w]) => !articles.has(w) || phrase.includes(w));
  for (let i = 0; i + phrase.length <= kept.length; i++) {
    if (phrase.every((w, k) => kept[i + k]![0] === w)) return [kept[i]![1], kept[i + phrase.length - 1]![1] + 1];
  }
  return undefined;
}

function findDescription(words: readonly string[], description: string): [number, number] | undefined {
  const wanted = new Set(contentWords(tokenize(description).map((t) => t.text)));
  if (wanted.size === 0) return undefined;
  let best: [number, number] | undefined;
  let bestHits = 0;
  for (let i = 0; i < words.length; i++) {
    if (!wanted.has(words[i]!)) continue;
    let j = i;
    const hits = new Set<string>();
    while (j < words.length && (wanted.has(words[j]!) || stopWords.has(words[j]!))) {
      if (wanted.has(words[j]!)) hits.add(words[j]!);
      j++;
    }
    while (j > i && !wanted.has(words[j - 1]!)) j--;
    if (hits.size > bestHits) {
      best = [i, j];
      bestHits = hits.size;
    }
  }
  return best && bestHits >= Math.max(1, Math.ceil(wanted.size * 0.6)) ? best : undefined;
}

export function toSpan(sentence: string, tokens: readonly Token[], [a, b]: [number, number], source: ApSource, declared?: string): ApSpan {
  const start = tokens[a]!.start;
  const end = tokens[b - 1]!.end;
  return { start, end, text: sentence.slice(start, end), source, ...(declared ? { declared } : {}) };
}

// Words that end a proposition when the tagger runs on past them: time bounds and their lead-ins.
const articles = new Set(['the', 'a', 'an']);
const boundWords = new Set(['within', 'in', 'for', 'after', 'before', 'during', 'by', 'next', 'at', 'most', 'least', 'less', 'than', 'no', 'later', 'the', 'a', 'an', 'and', 'or']);
// Clause connectives. No proposition of the navigation corpus contains one, but next to words it does
// not know the tagger pulls them in ("then the garage", "runs while the tank is empty").
const connectives = new Set(['then', 'and', 'or', 'but', 'also', 'if', 'when', 'whenever', 'while', 'until', 'unless']);

/**
 * Cleans the tagger's word spans for free text: cut before a number ("reach the goal within 10
 * seconds" keeps "reach the goal"), units after numbers dropped, spans split at connectives, edges
 * trimmed to words, and spans that touch a declared or marked span dropped (that span already claims
 * the phrase).
 */
export function cleanTaggedSpans(sentence: string, tokens: readonly Token[], spans: readonly [number, number][], fixed: readonly ApSpan[]): ApSpan[] {
  const isWord = (i: number): boolean => /[a-z]/.test(tokens[i]!.text);
  const isNumber = (i: number): boolean => i >= 0 && /^\d/.test(tokens[i]!.text);
  // The tagger knows only navigation words, so it splits unknown phrases ("avoid the | red zone"):
  // spans separated by nothing but an article are one proposition.
  const joined: [number, number][] = [];
  for (const [a, b] of spans) {
    const last = joined[joined.length - 1];
    if (last && tokens.slice(last[1], a).every((t) => articles.has(t.text))) last[1] = b;
    else joined.push([a, b]);
  }
  const pieces = joined.flatMap(([a, b]): [number, number][] => {
    const out: [number, number][] = [];
    let start = a;
    for (let i = a; i <= b; i++) {
      if (i === b || connectives.has(tokens[i]!.text)) {
        if (start < i) out.push([start, i]);
        start = i + 1;
      }
    }
    return out;
  });
  const cut: [number, number][] = [];
  for (let [a, b] of pieces) {
    // A span right after a number is its unit ("10 seconds"), not a proposition.
    if (isNumber(a - 1)) continue;
    const num = tokens.slice(a, b).findIndex((t) => /^\d/.test(t.text));
    if (num >= 0) {
      b = a + num;
      while (b > a && boundWords.has(tokens[b - 1]!.text)) b--;
    }
    while (a < b && !isWord(a)) a++;
    while (b > a && (!isWord(b - 1) || articles.has(tokens[b - 1]!.text))) b--;
    if (a < b) cut.push([a, b]);
  }
  const touches = (x: ApSpan): boolean =>
    fixed.some((f) => {
      const between = x.end <= f.start ? sentence.slice(x.end, f.start) : f.end <= x.start ? sentence.slice(f.end, x.start) : '';
      return x.start < f.end + 1 && f.start < x.end + 1 ? true : /^[\s"“”'(]*(the\s+)?[\s"“”'(]*$/i.test(between);
    });
  return cut.map((w) => toSpan(sentence, tokens, w, 'tagger')).filter((x) => !touches(x));
}

// Words that hold the words of one proposition together ("battery is low", "returns to the dock").
const glueWords = new Set(['the', 'a', 'an', 'is', 'are', 'was', 'were', 'be', 'been', 'of', 'to', 'on', 'in', 'its', 'their']);

/**
 * The propositions the tagger missed, so that no clause of the sentence is dropped without a trace.
 * The translation model's vocabulary holds the corpus's connectives and navigation words, so a word it
 * has never seen belongs to a proposition: each run of such words, with the glue words between them,
 * becomes one ("if the battery is low then ..." yields "battery is low"). A run separated from a tagger
 * span (or an earlier run) by glue words only extends it; one next to a declared or marked span is left
 * to that span.
 */
export function coverUnseenWords(sentence: string, tokens: readonly Token[], spans: readonly ApSpan[], known: (word: string) => boolean): ApSpan[] {
  const out = spans.map((s) => ({ ...s }));
  const spanAt = (i: number): ApSpan | undefined => out.find((s) => tokens[i]!.start < s.end && s.start < tokens[i]!.end);
  const isWord = (i: number): boolean => /[a-z]/.test(tokens[i]!.text) && !isPropToken(tokens[i]!.text);
  const unseen = (i: number): boolean => isWord(i) && !known(tokens[i]!.text) && !spanAt(i);
  /** The span that the run would touch across glue words only, looking from token `i` in direction `step`. */
  const neighbour = (i: number, step: 1 | -1): ApSpan | undefined => {
    while (i >= 0 && i < tokens.length && !spanAt(i) && glueWords.has(tokens[i]!.text)) i += step;
    return i >= 0 && i < tokens.length ? spanAt(i) : undefined;
  };
  for (let i = 0; i < tokens.length; i++) {
    if (!unseen(i)) continue;
    let end = i + 1;
    while (end < tokens.length && !spanAt(end) && isWord(end) && (unseen(end) || glueWords.has(tokens[end]!.text))) end++;
    // Trailing glue is not part of the proposition, unless the model has never seen it ("their").
    while (glueWords.has(tokens[end - 1]!.text) && known(tokens[end - 1]!.text)) end--;
    const touching = [neighbour(i - 1, -1), neighbour(end, 1)].filter((s): s is ApSpan => s !== undefined);
    const extendable = touching.find((s) => s.source === 'tagger' || s.source === 'unseen');
    if (extendable) {
      extendable.start = Math.min(extendable.start, tokens[i]!.start);
      extendable.end = Math.max(extendable.end, tokens[end - 1]!.end);
      extendable.text = sentence.slice(extendable.start, extendable.end);
    } else if (touching.length === 0) {
      out.push(toSpan(sentence, tokens, [i, end], 'unseen'));
    }
    i = end - 1;
  }
  return out.sort((a, b) => a.start - b.start);
}

/** Spans of prop_i ids the user already wrote; such a sentence is lifted already. */
export function liftedSpans(sentence: string): ApSpan[] {
  return tokenize(sentence)
    .filter((t) => isPropToken(t.text))
    .map((t) => ({ start: t.start, end: t.end, text: t.text, source: 'lifted' as const }));
}

/** Adds spans in order, skipping any that overlap one already taken; returns them by position. */
export function mergeSpans(...groups: ApSpan[][]): ApSpan[] {
  const taken: ApSpan[] = [];
  for (const group of groups) {
    for (const s of group) {
      if (!taken.some((t) => s.start < t.end && t.start < s.end)) taken.push(s);
    }
  }
  return taken.sort((a, b) => a.start - b.start);
}

export interface Lifted {
  /** The sentence with each span replaced by `( prop_i )`, numbered left to right. */
  text: string;
  /** prop_i -> its span. */
  props: Map<string, ApSpan>;
}

export function liftSentence(sentence: string, spans: readonly ApSpan[]): Lifted {
  if (spans.every((s) => s.source === 'lifted')) {
    return { text: sentence, props: new Map(spans.map((s) => [s.text, s])) };
  }
  let text = '';
  let at = 0;
  const props = new Map<string, ApSpan>();
  spans.forEach((s, i) => {
    const id = `prop_${i + 1}`;
    // Marked spans lose their quotes or parentheses along with the text inside.
    const [from, to] = s.source === 'marked' ? [s.start - 1, s.end + 1] : [s.start, s.end];
    text += `${sentence.slice(at, from)} ( ${id} ) `;
    at = to;
    props.set(id, s);
  });
  text += sentence.slice(at);
  return { text: text.replace(/\s+/g, ' ').trim(), props };
}
