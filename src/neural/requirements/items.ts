// Turns tagged words into the reader's items: cue phrases (longest match first) and content words.
import { cueTable, goesSomewhere, stepUnits, taskVerbs, timeUnits, type Cue } from './cues';
import type { Word } from './words';

export type Item =
  | { kind: 'cue'; cue: Cue; words: Word[]; numbers: number[]; steps: boolean }
  | { kind: 'word'; word: Word }
  /** Commas and semicolons separate clauses; parentheses group them. */
  | { kind: 'comma' | 'open' | 'close'; word: Word };

/** `>noun` looks ahead: the next word must be a noun or a name, and stays outside the cue. */
type Slot = { literal: string } | { slot: 'n' | 'unit' | 'step'; optional: boolean } | { optionalLiteral: string } | { ahead: 'noun' };

interface Pattern {
  slots: Slot[];
  cue: Cue;
}

function compile(): Pattern[] {
  const out: Pattern[] = [];
  for (const [variants, cue] of cueTable) {
    for (const variant of variants.split('|')) {
      const slots = variant
        .trim()
        .split(/\s+/)
        .map((w): Slot => {
          const optional = w.endsWith('?');
          const bare = optional ? w.slice(0, -1) : w;
          if (bare === '>noun') return { ahead: 'noun' };
          if (bare === '#n' || bare === '#unit' || bare === '#step') return { slot: bare.slice(1) as 'n' | 'unit' | 'step', optional };
          return optional ? { optionalLiteral: bare } : { literal: bare };
        });
      out.push({ slots, cue });
    }
  }
  // Longest patterns first, so "it is never the case that" wins over "never".
  return out.sort((a, b) => b.slots.length - a.slots.length);
}

let patterns: Pattern[] | undefined;

// The text too: wink normalises some spellings ("through" to "thru").
const matchesWord = (w: Word | undefined, literal: string): boolean =>
  w !== undefined && w.pos !== 'ATOM' && (w.norm === literal || w.lemma === literal || w.text.toLowerCase() === literal);

/** A time unit starting at word i ("time units" spans two words): how many words it takes, 0 if none. */
function unitLength(words: readonly Word[], i: number, only: ReadonlySet<string>): number {
  const two = words[i + 1] ? `${words[i]!.norm} ${words[i + 1]!.norm}` : '';
  if (only.has(two)) return 2;
  return words[i] && only.has(words[i]!.norm) ? 1 : 0;
}

/** Matches a pattern at word i; the number of words it covers, its numbers and whether its unit counts steps. */
function match(p: Pattern, words: readonly Word[], i: number): { length: number; numbers: number[]; steps: boolean } | undefined {
  let at = i;
  const numbers: number[] = [];
  let steps = false;
  for (const s of p.slots) {
    if ('literal' in s) {
      if (!matchesWord(words[at], s.literal)) return undefined;
      at++;
    } else if ('ahead' in s) {
      // ("dock at most once": "at most" counts.)
      if (!['NOUN', 'PROPN', 'ADJ'].includes(words[at]?.pos ?? '') || ['most', 'least'].includes(words[at]!.norm)) return undefined;
    } else if ('optionalLiteral' in s) {
      if (matchesWord(words[at], s.optionalLiteral)) at++;
    } else if (s.slot === 'n') {
      const v = words[at]?.value;
      if (v === undefined || v < 0) return undefined;
      numbers.push(v);
      at++;
    } else {
      const n = unitLength(words, at, s.slot === 'step' ? stepUnits : timeUnits);
      if (n === 0 && !s.optional) return undefined;
      if (n > 0) steps = stepUnits.has(words.slice(at, at + n).map((w) => w.norm).join(' '));
      at += n;
    }
  }
  // "the sensor stops at the previous step": an article that opens a time ("the previous step") belongs to it.
  const last = p.slots[p.slots.length - 1];
  if (last && 'literal' in last && last.literal === 'the' && ['previous', 'next', 'same', 'following', 'preceding'].includes(words[at]?.norm ?? '')) return undefined;
  return at > i ? { length: at - i, numbers, steps } : undefined;
}

export function toItems(words: readonly Word[]): Item[] {
  patterns ??= compile();
  const items: Item[] = [];
  for (let i = 0; i < words.length; ) {
    const w = words[i]!;
    let found: { p: Pattern; m: NonNullable<ReturnType<typeof match>> } | undefined;
    for (const p of patterns) {
      const m = match(p, words, i);
      if (m && (!found || m.length > found.m.length)) found = { p, m };
    }
    if (found) {
      items.push({ kind: 'cue', cue: found.p.cue, words: words.slice(i, i + found.m.length), numbers: found.m.numbers, steps: found.m.steps });
      i += found.m.length;
    } else {
      const kind = w.text === ',' || w.text === ';' || w.norm === ',' ? 'comma' : w.text === '(' ? 'open' : w.text === ')' ? 'close' : undefined;
      items.push(kind ? { kind, word: w } : { kind: 'word', word: w });
      i++;
    }
  }
  // "patrol ballroom and garden forever": after a going verb, a lone word after "and" with only adverbials after it
  // is the list's last place, whatever the tagger says of it ("garden/VERB").
  items.forEach((it, k) => {
    if (it.kind !== 'cue' || !goesSomewhere(it.cue) || items[k + 1]?.kind !== 'word') return;
    let j = k + 1;
    while (items[j]?.kind === 'word') j++;
    const and = items[j];
    const last = items[j + 1];
    if (and?.kind !== 'cue' || and.cue.kind !== 'binary' || and.cue.op !== 'and' || last?.kind !== 'word' || last.word.pos !== 'VERB' || last.word.norm !== last.word.lemma) return;
    const after = items.slice(j + 2);
    if (!after.some((a) => a.kind === 'cue' && a.cue.kind === 'unary') || !after.every((a) => a.kind === 'cue' && (a.cue.kind === 'unary' || a.cue.kind === 'ignore'))) return;
    // ("go to the kitchen and wait forever": a command of its own.)
    if (['wait', 'stop', 'stay', 'rest', 'return', 'land', 'hover', 'park', 'come', 'go', 'leave', 'sleep', 'charge', 'recharge', 'idle'].includes(last.word.lemma)) return;
    items[j + 1] = { kind: 'word', word: { ...last.word, pos: 'NOUN' } };
  });
  // "the pressure must stay between 2 and 5 bar": a range of values in a unit, not two clauses (a range of time
  // units is a cue of its own, matched above).
  return items.flatMap((it, k): Item[] => {
    const word = (j: number) => (items[j]?.kind === 'word' ? (items[j] as { word: Word }).word : undefined);
    const range = it.kind === 'cue' && it.cue.kind === 'binary' && it.cue.op === 'and' && word(k - 1)?.pos === 'NUM' && word(k + 1)?.pos === 'NUM' && word(k - 2)?.norm === 'between' && word(k + 2)?.pos === 'NOUN';
    // "toggle the lights", "the alternate route": a verb with an object, or an adjective, is no alternation.
    const transitive = it.kind === 'cue' && it.cue.kind === 'alternate' && items[k + 1]?.kind === 'word';
    // "the heater stays off overnight": "stay off" right after its subject is a state, not a place kept off.
    const state = it.kind === 'cue' && it.cue.kind === 'avoid' && it.words.length === 2 && it.words[1]!.norm === 'off' && items[k - 1]?.kind === 'word';
    // "each health-check ping": "check" inside a compound noun goes nowhere.
    const compound = it.kind === 'cue' && it.cue.kind === 'goal' && it.words[0]!.norm === 'check' && ['SYM', 'NOUN', 'ADJ'].includes(word(k - 1)?.pos ?? '');
    // "keep vacuuming the carpet until ...": work going on is an activity, not a place to get to.
    // ("the clean room", "a sweep pattern": after an article the word describes a noun.)
    const activity = it.kind === 'cue' && it.cue.kind === 'goal' && taskVerbs.includes(it.words[0]!.lemma) && (it.words[0]!.norm.endsWith('ing') || word(k - 1)?.pos === 'DET');
    // "the returns desk", "a return trip": a going verb of one word right after an article names a thing.
    const named = it.kind === 'cue' && it.cue.kind === 'goal' && it.words.length === 1 && word(k - 1)?.pos === 'DET';
    // "no other train is approaching": a going verb in the progressive after "is" says where a thing is, not a goal.
    // ("a customer is waiting at the front desk": the same with staying.)
    const progressive = it.kind === 'cue' && goesSomewhere(it.cue) && it.words[0]!.norm.endsWith('ing') && (it.words.length === 1 || it.words[0]!.lemma === 'wait') && ['be'].includes(word(k - 1)?.lemma ?? '');
    // "it has been continuously on ever since some trigger occurred": held at every step since is what "since" says
    // (explain()'s "(at every moment, r holds) ... since" keeps its G).
    const held = it.kind === 'cue' && ['continuously', 'at all times'].includes(it.words.map((w) => w.norm).join(' '));
    const since = held ? items.findIndex((a, j) => j > k && a.kind === 'cue' && a.cue.kind === 'binary' && a.cue.op === 'since') : -1;
    if (since > k && !items.slice(k + 1, since).some((a) => a.kind === 'comma')) return [];
    // ("keep sweeping the porch unless it starts raining": so is work kept up until something happens.)
    const keptUp = it.kind === 'cue' && it.words[0]!.lemma === 'keep' && taskVerbs.includes(it.words[1]?.lemma ?? '') && items.slice(k + 1).some((a) => a.kind === 'cue' && a.cue.kind === 'binary' && ['until', 'unless'].includes(a.cue.op));
    return range || transitive || state || compound || activity || named || progressive || keptUp ? it.words.map((w) => ({ kind: 'word' as const, word: w })) : [it];
  });
}
