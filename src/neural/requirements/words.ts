// The words of an English requirement, tagged by wink-nlp (part of speech, lemma, normal form) with
// number words, commands' verbs and plural nouns read by compromise ("three" = 3, "twenty five" = 25; "move
// the chair"; "a requests the lock"). Spans the caller already knows
// to be propositions (declared or quoted) become one word each, so no cue inside them is read.
import type { ApSpan } from '../apRecognition';
import { taskVerbs } from './cues';
import { chatSpellings, shorthand } from './shorthand';

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
function models(): { nlp: Wink; numbers: (text: string) => number | undefined; tags: (text: string) => Map<number, string[]>; infinitive: (gerund: string) => string } {
  if (!wink) wink = (require('wink-nlp') as typeof import('wink-nlp').default)(require('wink-eng-lite-web-model'));
  if (!compromise) {
    const mod = require('compromise') as typeof import('compromise').default & { default?: typeof import('compromise').default };
    compromise = mod.default ?? mod;
  }
  const c = compromise;
  return {
    nlp: wink,
    tags: (text) => {
      const terms = (c(text).json({ offset: true }) as { terms: { tags: string[]; offset: { start: number } }[] }[]).flatMap((s) => s.terms);
      return new Map(terms.map((t) => [t.offset.start, t.tags]));
    },
    // (compromise reads "sweeping" alone as an adjective; in "we were sweeping it", as the verb it is.)
    infinitive: (gerund) => c(`we were ${gerund} it`).verbs().toInfinitive().text().split(' ').pop() || gerund,
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
  const { nlp, numbers, tags, infinitive } = models();
  const its = nlp.its;
  const doc = nlp.readDoc(sentence);
  const texts = doc.tokens().out() as string[];
  const pos = doc.tokens().out(its.pos) as string[];
  // wink's type for its.lemma omits the model's add-ons argument it is called with.
  const lemmas = doc.tokens().out(its.lemma as unknown as typeof its.pos) as string[];
  const norms = doc.tokens().out(its.normal) as string[];
  // wink gives no offsets: find each token in order.
  let at = 0;
  // wink tags a command's verb at the start of a sentence as a noun ("move the chair ..."), capitalised as a proper
  // noun ("Move the chair ..."); compromise knows
  // commands and base-form verbs ("... and place it in the bin"), so its word wins there.
  const second = tags(sentence);
  const command = (at: number) => ['Verb', 'Imperative'].every((t) => second.get(at)?.includes(t)) || ['Verb', 'Infinitive'].every((t) => second.get(at)?.includes(t));
  const raw: Word[] = texts.map((text, i) => {
    const start = sentence.indexOf(text, at);
    const s = start >= 0 ? start : at;
    at = s + text.length;
    // Not a proposition's letter or name ("then b holds", "c1"), a noun before a noun and a verb ("once insulin
    // delivery is suspended"), or a noun named by the letter or number after it ("Route A and route B shall ...").
    const subject = (pos[i + 1] === 'NOUN' && ['AUX', 'VERB'].includes(pos[i + 2] ?? '')) || /^([A-Z]|\d+)$/.test(texts[i + 1] ?? '');
    const tag = (pos[i] === 'NOUN' || (pos[i] === 'PROPN' && i === 0)) && command(s) && /^[a-z]{3,}$/i.test(text) && !subject ? 'VERB' : pos[i]!;
    // "the high-pressure alarm": a hyphen inside a word joins the noun phrase (SYM names nothing of its own).
    const joining = text === '-' && sentence[s - 1] !== ' ' && sentence[s + 1] !== ' ' && s > 0;
    // (wink gives some contractions no lemma: "doesnt" before a parenthesis.)
    const norm = (norms[i] ?? text).toLowerCase();
    return { text, norm, lemma: (lemmas[i] ?? norm).toLowerCase(), pos: joining ? 'SYM' : tag, start: s, end: s + text.length };
  });
  // "the relief valve shall open": after a modal verb comes a verb's bare form, which wink may tag as an adjective.
  raw.forEach((w, i) => {
    if (i > 0 && second.get(raw[i - 1]!.start)?.includes('Modal') && ['ADJ', 'NOUN'].includes(w.pos) && command(w.start)) w.pos = 'VERB';
  });
  // "busy remains false", "x stays high": wink reads "remains" after a signal's name as a noun ("the remains").
  raw.forEach((w, i) => {
    if (['remains', 'stays'].includes(w.norm) && w.pos === 'NOUN' && ['ADJ', 'ADV', 'ADP'].includes(raw[i + 1]?.pos ?? '')) Object.assign(w, { pos: 'VERB', lemma: w.norm.slice(0, -1) });
  });
  // "keep sweeping the east flank": after "keep" an -ing word of work done at a place is a verb, which wink may tag as
  // an adjective.
  raw.forEach((w, i) => {
    if (raw[i - 1]?.lemma !== 'keep' || !/^[a-z]+ing$/.test(w.norm) || !['ADJ', 'NOUN'].includes(w.pos)) return;
    const verb = infinitive(w.norm);
    if (!taskVerbs.includes(verb)) return;
    w.pos = 'VERB';
    w.lemma = verb;
  });
  // "process 1 and process 2 are ...": a word with an index after it is a name, whatever the taggers say of its
  // verb reading ("visit 2 rooms" counts rooms, so the number must end the phrase).
  raw.forEach((w, i) => {
    const index = raw[i + 1];
    if (w.pos === 'VERB' && index?.pos === 'NUM' && !['NOUN', 'PROPN', 'ADJ'].includes(raw[i + 2]?.pos ?? '') && /^[a-z]{3,}$/i.test(w.text)) w.pos = 'NOUN';
  });
  // "the emergency brake is applied", "grant is asserted": a word right before an auxiliary is the subject's, not a
  // verb, whatever wink says ("Flying is ..." aside: an -ing word may be a gerund subject).
  raw.forEach((w, i) => {
    const next = raw[i + 1];
    const before = raw[i - 1];
    // ("busy and done are never true at the same time": so is one after "and".)
    if (w.pos === 'VERB' && next?.pos === 'AUX' && !/ing$/.test(w.norm) && (!before || ['DET', 'NOUN', 'PROPN', 'ADJ', 'ADV', 'SCONJ', 'PUNCT', 'CCONJ'].includes(before.pos))) w.pos = 'NOUN';
  });
  // "level 5 and charging bay 2": an -ing word after a connective, before a noun, names a kind of place ("loading
  // dock", "waiting room"), as it would after an article.
  raw.forEach((w, i) => {
    if (w.pos === 'VERB' && /ing$/.test(w.norm) && raw[i - 1]?.pos === 'CCONJ' && raw[i + 1]?.pos === 'NOUN') w.pos = 'ADJ';
  });
  // "every submitted flight plan", "the detected fault": a participle between an article and a noun describes it.
  raw.forEach((w, i) => {
    const det = raw[i - 1];
    if (w.pos === 'VERB' && /ed$/.test(w.norm) && w.norm !== w.lemma && det?.pos === 'DET' && !['a', 'all'].includes(det.norm) && raw[i + 1]?.pos === 'NOUN') w.pos = 'ADJ';
  });
  // "walk between tavern and market": "between A and B" joins two noun phrases, whatever the taggers say of B.
  raw.forEach((w, i) => {
    if (w.norm !== 'and' || raw[i + 1]?.pos !== 'VERB') return;
    const from = raw.slice(0, i).map((t) => t.norm).lastIndexOf('between');
    const phrase = from >= 0 && i - from <= 5 ? raw.slice(from + 1, i) : [];
    if (phrase.length > 0 && phrase.every((t) => ['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM'].includes(t.pos))) raw[i + 1]!.pos = 'NOUN';
  });
  // "the north tower": after an article comes a noun phrase; wink-nlp sometimes tags its words as adverbs and verbs
  // ("north/ADV tower/VERB"), compromise does not. Not after "a", which may be a proposition ("a holds").
  raw.forEach((w, i) => {
    if (w.pos !== 'DET' || w.text === 'a') return;
    for (let j = i + 1; j < Math.min(i + 4, raw.length); j++) {
      const t = raw[j]!;
      const theirs = second.get(t.start) ?? [];
      // ("the dessert counter": past the nouns and adjectives wink got right, to a bare word it did not; not an
      // inflected verb, which says what the noun phrase does: "the pump starts", "all doors closed".)
      if (['NOUN', 'ADJ'].includes(t.pos) && j === i + 1) continue;
      // (Nor one with an object after it: "the rooftop set its camera".)
      const verbLike = (t.norm !== t.lemma && !t.norm.endsWith('ing')) || ['DET', 'PRON'].includes(raw[j + 1]?.pos ?? '');
      if (!['VERB', 'ADV'].includes(t.pos) || theirs.includes('Verb') || (j > i + 1 && verbLike)) break;
      if (theirs.includes('Noun')) t.pos = 'NOUN';
      else if (theirs.includes('Adjective')) t.pos = 'ADJ';
      else break;
    }
  });
  // Before a verb, an auxiliary or a connective ("a has always been true", "a or b"), "a" is a name; so it is
  // before a plural noun, which an article cannot precede ("a requests the lock"), and the noun is the verb after it.
  raw.forEach((w, i) => {
    const next = raw[i + 1];
    if (w.text === 'a' && ['AUX', 'VERB', 'CCONJ'].includes(next?.pos ?? '')) w.pos = 'NOUN';
    // "Eventually A, B, and C": no article stands before a comma, a full stop or nothing.
    if (/^a$/i.test(w.text) && (!next || next.pos === 'PUNCT')) w.pos = 'NOUN';
    // "route A and route B": a capital A right after a noun names it; no article follows a noun.
    if (w.text === 'A' && ['NOUN', 'PROPN'].includes(raw[i - 1]?.pos ?? '')) w.pos = 'NOUN';
    if (w.text === 'a' && next?.pos === 'NOUN' && second.get(next.start)?.includes('Plural')) {
      w.pos = 'NOUN';
      next.pos = 'VERB';
      // Its lemma as a verb: "remains" is a noun of its own to the tagger.
      if (next.lemma === next.norm) next.lemma = next.norm.replace(/ies$/, 'y').replace(/(ch|sh|ss|x|z|o)es$/, '$1').replace(/([^s])s$/, '$1');
    }
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
    // Typed in a hurry ("w/o", "2x", "lvl 3 n lvl 5", "go 2 the lab"): the words meant.
    const typed = shorthand(raw, i, numbers);
    if (typed) {
      out.push(...typed.words);
      i += typed.used - 1;
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
    // wink reads a single letter before a full stop as an abbreviation ("e."): split it; so is a short word that
    // ends the sentence ("within 200 ms.").
    if (/^[a-z]\.$/i.test(w.text) || (i === raw.length - 1 && /^[a-z]{2,4}\.$/i.test(w.text))) {
      const word = w.text.slice(0, -1);
      const lower = word.toLowerCase();
      out.push({ ...w, text: word, norm: lower, lemma: lower, pos: 'NOUN', end: w.end - 1 });
      out.push({ text: '.', norm: '.', lemma: '.', pos: 'PUNCT', start: w.end - 1, end: w.end });
      continue;
    }
    // "the manager's office", "the dry cleaner's": a possessive names nothing of its own.
    if (w.pos === 'PART' && (w.norm === "'s" || w.norm === '’s')) continue;
    // "satisfy !fcs": an exclamation mark written against the next word is negation, not the end of a sentence
    // ("the ice cream shop!!" ends one twice).
    if (w.text === '!' && raw[i + 1]?.start === w.end && raw[i + 1]!.pos !== 'PUNCT') {
      out.push({ ...w, norm: 'not', lemma: 'not', pos: 'PART' });
      continue;
    }
    // "between ER and pharmacy": an acronym the tagger reads as an interjection is a name.
    if (/^[A-Z]{2,5}$/.test(w.text) && ['INTJ', 'X', 'SYM'].includes(w.pos)) {
      out.push({ ...w, pos: 'PROPN' });
      continue;
    }
    // Chat spellings the tagger keeps as they are ("dont go thru the park"); "pls" it already reads.
    const spelled = chatSpellings.get(w.norm);
    if (spelled) {
      out.push({ ...w, norm: spelled.word, lemma: spelled.word, pos: spelled.pos });
      continue;
    }
    const value = w.pos === 'NUM' ? numbers(w.text) : undefined;
    out.push(value === undefined ? w : { ...w, value });
  }
  return out;
}

