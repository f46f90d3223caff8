// English requirement -> formula by the symbolic reader: tag the words, read the structure, then name
// each clause's proposition from its content words, reusing a declared proposition where one fits.
// Mentions with the same content words ("the tank is empty" twice) are one proposition.
import { fromJson, mapProps, type Formula, type FormulaJson } from '../../languages/tl/api';
import { declaredSpans, markedSpans, mergeSpans, nameWords, type ApSpan, type Declared } from '../apRecognition';
import { identifierFor, uniqueIdentifier } from '../grounding';
import type { Clause } from './clauses';
import { complements, contentWords, isStateWord } from './content';
import { readRequirement } from './reader';
import { readWords, type Word } from './words';

export interface ReadProp {
  name: string;
  /** The first mention: its text and character span in the sentence. */
  text: string;
  start: number;
  end: number;
  declared: boolean;
  /** The clause's content words, without the cue words its span may straddle ("light is eventually green"). */
  content: string;
}

export interface SymbolicTranslation {
  formula: Formula;
  props: ReadProp[];
}

const key = (words: readonly Word[]): string => words.map((w) => (w.atom ? `@${w.atom.declared ?? w.atom.text}` : w.lemma)).join(' ');

/** The content lemmas of a declared proposition's description (and of its name, as words). */
function declaredKeys(declared: readonly Declared[]): Map<string, Set<string>[]> {
  const out = new Map<string, Set<string>[]>();
  for (const d of declared) {
    const keys = [new Set(nameWords(d.name))];
    if (d.description) keys.push(new Set(contentWords(readWords(d.description)).map((w) => w.lemma)));
    out.set(d.name, keys);
  }
  return out;
}

/** The declared proposition whose name or description best covers the clause (Jaccard ≥ 0.5), if any. */
function matchDeclared(clause: Clause, keys: ReadonlyMap<string, Set<string>[]>): string | undefined {
  const only = clause.words.length === 1 ? clause.words[0]!.atom : undefined;
  if (only?.declared) return only.declared;
  const lemmas = new Set(clause.words.flatMap((w) => [w.lemma, w.norm]));
  const distinct = new Set(clause.words.map((w) => w.lemma));
  let best: string | undefined;
  let bestScore = 0.5 - 1e-9;
  for (const [name, sets] of keys) {
    for (const set of sets) {
      if (set.size === 0) continue;
      const hits = [...set].filter((w) => lemmas.has(w)).length;
      const score = hits / (set.size + distinct.size - hits);
      if (score > bestScore) {
        best = name;
        bestScore = score;
      }
    }
  }
  return best;
}

/** Identifiers as code writes them ("task1_terminated"): one proposition each, which the tagger would cut at the underscores. */
function identifierSpans(sentence: string): ApSpan[] {
  return [...sentence.matchAll(/(?<![\w.])[A-Za-z][A-Za-z0-9]*(?:_[A-Za-z0-9]+)+(?![\w.])/g)].map((m) => ({ start: m.index!, end: m.index! + m[0].length, text: m[0], source: 'marked' as const }));
}

/**
 * The clauses that say the complement of another clause's state of the same thing ("the lamp is off" beside "the
 * lamp is on"): each such clause's index, with the index of the clause it negates.
 */
function complementsOf(clauses: readonly Clause[]): Map<number, number> {
  // States only: "the valve opens" is an event, not the state "open".
  const lemmas = clauses.map((c) => c.words.map((w) => (isStateWord(w) ? w.lemma : `${w.lemma}/`)));
  const out = new Map<number, number>();
  lemmas.forEach((ws, i) => {
    const at = ws.findIndex((w) => complements.has(w));
    // ("on and off are never true at the same time": a state word alone names a signal of its own.)
    if (at < 0 || ws.length === 1) return;
    const positive = [...ws.slice(0, at), complements.get(ws[at]!)!, ...ws.slice(at + 1)].join(' ');
    const j = lemmas.findIndex((other) => other.join(' ') === positive);
    if (j >= 0) out.set(i, j);
  });
  return out;
}

/** The words of a quoted property, tagged on their own (a quote mark glued to a word is no part of it), at their offsets in the sentence. */
function quotedWords(quote: ApSpan, atoms: readonly ApSpan[], tag: typeof readWords): Word[] {
  const at = quote.start;
  const inside = atoms.filter((a) => a.start >= quote.start && a.end <= quote.end).map((a) => ({ ...a, start: a.start - at, end: a.end - at }));
  const shift = (w: Word): Word => ({ ...w, start: w.start + at, end: w.end + at, ...(w.head ? { head: shift(w.head) } : {}), ...(w.atom ? { atom: { ...w.atom, start: w.atom.start + at, end: w.atom.end + at } } : {}) });
  return tag(quote.text, inside).map(shift);
}

/** `tag` is the part-of-speech tagger (wink-nlp's; scripts/nl2tl-taggers.ts measures compromise's in its place). */
export function translateRequirement(sentence: string, declared: readonly Declared[] = [], tag: typeof readWords = readWords): SymbolicTranslation | undefined {
  // Quoted spans are propositions; parentheses group clauses here, as in the formulas' English readings.
  // ("formalise 'a and b are never true at the same time'": a quoted property is read, not named.)
  const property = (text: string) => text.split(/\s+/).length >= 4 && /\b(never|always|eventually|until|whenever|every|each|followed|must|shall|infinitely|if|true|holds?)\b/i.test(text);
  const marked = markedSpans(sentence);
  const quoted = marked.filter((s) => sentence[s.start - 1 - (sentence.slice(0, s.start).length - sentence.slice(0, s.start).trimEnd().length)] !== '(' && !property(s.text));
  const atoms: ApSpan[] = mergeSpans(declaredSpans(sentence, declared), quoted, identifierSpans(sentence));
  // "From the manual: the property 'every fail is eventually followed by recover' is written as follows": a sentence
  // about one quoted property asks for that property.
  const properties = marked.filter((s) => property(s.text) && `'"“`.includes(sentence[s.start - 1] ?? ''));
  const inQuote = properties.length === 1 ? properties[0]! : undefined;
  const reading = readRequirement(inQuote ? quotedWords(inQuote, atoms, tag) : tag(sentence, atoms));
  if (!reading) return undefined;
  const keys = declaredKeys(declared);
  const taken = new Set(declared.map((d) => d.name));
  const byKey = new Map<string, ReadProp>();
  const bySpelling = new Map<string, ReadProp>();
  const negates = complementsOf(reading.clauses);
  const names = reading.clauses.map((clause, i) => {
    if (negates.has(i)) return '';
    const k = key(clause.words);
    // (The same words may be tagged, so lemmatised, apart in two places: "the cooling tower" as a noun and as a verb.)
    const spelled = clause.words.map((w) => w.norm).join(' ');
    const known = byKey.get(k) ?? bySpelling.get(spelled);
    if (known) return known.name;
    const first = clause.words[0]!;
    const last = clause.words[clause.words.length - 1]!;
    const declaredName = matchDeclared(clause, keys);
    // A quoted span is named like the model's spans; a clause by its content words, single letters kept.
    const quoted = clause.words.length === 1 && clause.words[0]!.atom;
    const name = declaredName ?? (quoted ? identifierFor(first.text, taken) : uniqueIdentifier(clause.words.flatMap((w) => nameWords(w.text)).slice(0, 5), taken));
    taken.add(name);
    const prop = { name, text: sentence.slice(first.start, last.end), start: first.start, end: last.end, declared: declaredName !== undefined, content: clause.words.map((w) => w.text).join(' ') };
    byKey.set(k, prop);
    bySpelling.set(spelled, prop);
    return name;
  });
  const named = (i: number): FormulaJson => {
    const positive = negates.get(i);
    return positive === undefined ? { kind: 'prop', name: names[i]! } : { kind: 'not', args: [{ kind: 'prop', name: names[positive]! }] };
  };
  return { formula: fromJson(mapProps(reading.formula, (p) => named(Number(p.name.slice(1))))), props: [...byKey.values()] };
}
