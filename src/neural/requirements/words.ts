// The words of an English requirement, tagged by wink-nlp (part of speech, lemma, normal form) with
// number words and commands' verbs read by compromise ("three" = 3, "twenty five" = 25; "move the chair"). Spans the caller already knows
// to be propositions (declared or quoted) become one word each, so no cue inside them is read.
import type { ApSpan } from '../apRecognition';

export interface Word {
  /** The text as written. */
  text: string;
  /** Lowercased, contractions expanded ("n't" reads "not"). */
  norm: string;
  lemma: string;
  /** Universal POS tag from wink-nlp, or ATOM for a known proposition span. */
  pos: string;
  start: number;
  end: number;
  /** The value of a number, written in digits or words. */
  value?: number;
  /** For ATOM words: the span they stand for. */
  atom?: ApSpan;
  /** For ATOM words: the first word inside, as tagged ("perform a grasp" starts with a verb). */
  head?: Word;
}

type Wink = ReturnType<typeof import('wink-nlp').default>;
let wink: Wink | undefined;
let compromise: typeof import('compromise').default | undefined;

/** Loads the English models on first use (about 0.3 s), so importing this module costs nothing. */
function models(): { nlp: Wink; numbers: (text: string) => number | undefined; commands: (text: string) => Set<number> } {
  if (!wink) wink = (require('wink-nlp') as typeof import('wink-nlp').default)(require('wink-eng-lite-web-model'));
  if (!compromise) {
    const mod = require('compromise') as typeof import('compromise').default & { default?: typeof import('compromise').default };
    compromise = mod.default ?? mod;
  }
  const c = compromise;
  return {
    nlp: wink,
    commands: (text) => {
      const terms = (c(text).json({ offset: true }) as { terms: { tags: string[]; offset: { start: number } }[] }[]).flatMap((s) => s.terms);
      return new Set(terms.filter((t) => t.tags.includes('Verb') && (t.tags.includes('Imperative') || t.tags.includes('Infinitive'))).map((t) => t.offset.start));
    },
    numbers: (text) => {
      const digits = Number(text.replace(/,/g, ''));
      if (Number.isFinite(digits)) return digits;
      const values = c(text).numbers().get() as unknown[];
      return typeof values[0] === 'number' && values.length === 1 ? values[0] : undefined;
    },
  };
}

/** Tags the sentence; `atoms` (non-overlapping, any order) each become one ATOM word. */
export function readWords(sentence: string, atoms: readonly ApSpan[] = []): Word[] {
  const { nlp, numbers, commands } = models();
  const its = nlp.its;
  const doc = nlp.readDoc(sentence);
  const texts = doc.tokens().out() as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  // wink's type for its.lemma omits the model's add-ons argument it is called with.
  const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.pos) as string[];
  const norms = doc.tokens().out(its.normal) as string[];
  // wink gives no offsets: find each token in order.
  let at = 0;
  // wink tags a command's verb at the start of a sentence as a noun ("move the chair ..."); compromise knows
  // commands and base-form verbs ("... and place it in the bin"), so its word wins there.
  const verbs = commands(sentence);
  const raw: Word[] = texts.map((text, i) => {
    const start = sentence.indexOf(text, at);
    const s = start >= 0 ? start : at;
    at = s + text.length;
    // Not a proposition's letter or name ("then b holds", "c1").
    const tag = pos[i] === 'NOUN' && verbs.has(s) && /^[a-z]{3,}$/i.test(text) ? 'VERB' : pos[i]!;
    return { text, norm: norms[i]!.toLowerCase(), lemma: lemmas[i]!.toLowerCase(), pos: tag, start: s, end: s + text.length };
  });
  // "process 1 and process 2 are ...": a word with an index after it is a name, whatever the taggers say of its
  // verb reading ("visit 2 rooms" counts rooms, so the number must end the phrase).
  raw.forEach((w, i) => {
    const index = raw[i + 1];
    if (w.pos === 'VERB' && index?.pos === 'NUM' && !['NOUN', 'PROPN', 'ADJ'].includes(raw[i + 2]?.pos ?? '') && /^[a-z]{3,}$/i.test(w.text)) w.pos = 'NOUN';
  });
  const cardinals = new Map<number, number>();
  doc.entities().each((e: import('wink-nlp').ItemEntity) => {
    if (e.out(its.type) !== 'CARDINAL') return;
    const [a, b] = e.out(its.span) as unknown as [number, number];
    cardinals.set(a, b);
  });
  const out: Word[] = [];
  for (let i = 0; i < raw.length; i++) {
    const w = raw[i]!;
    const atom = atoms.find((s) => s.start < w.end && w.start < s.end);
    if (atom) {
      const head = w;
      while (i + 1 < raw.length && raw[i + 1]!.start < atom.end) i++;
      out.push({ text: atom.text, norm: atom.text.toLowerCase(), lemma: atom.text.toLowerCase(), pos: 'ATOM', start: atom.start, end: atom.end, atom, head });
      continue;
    }
    const last = cardinals.get(i);
    if (last !== undefined && last > i) {
      const text = sentence.slice(w.start, raw[last]!.end);
      const value = numbers(text);
      if (value !== undefined) {
        out.push({ text, norm: text.toLowerCase(), lemma: text.toLowerCase(), pos: 'NUM', start: w.start, end: raw[last]!.end, value });
        i = last;
        continue;
      }
    }
    // wink reads a single letter before a full stop as an abbreviation ("e."): split it.
    if (/^[a-z]\.$/i.test(w.text)) {
      const letter = w.text[0]!.toLowerCase();
      out.push({ ...w, text: w.text[0]!, norm: letter, lemma: letter, pos: 'NOUN', end: w.start + 1 });
      out.push({ text: '.', norm: '.', lemma: '.', pos: 'PUNCT', start: w.start + 1, end: w.end });
      continue;
    }
    // "satisfy !fcs": an exclamation mark written against the next word is negation, not the end of a sentence.
    if (w.text === '!' && raw[i + 1]?.start === w.end) {
      out.push({ ...w, norm: 'not', lemma: 'not', pos: 'PART' });
      continue;
    }
    const value = w.pos === 'NUM' ? numbers(w.text) : undefined;
    out.push(value === undefined ? w : { ...w, value });
  }
  return out;
}
