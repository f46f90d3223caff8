// How people type commands in a hurry, and chat spellings: the words they stand for. A hand-written table and a
// few rules, because the taggers keep these tokens as they are and no npm library maps them. Each rule looks at
// the tokens around one so that the same letters keep their meaning elsewhere: "n" is "and" in "lvl 3 n lvl 5"
// but a proposition's name in "neither m nor n ever holds"; ">" is "then" between words, a comparison before a number.
import type { Word } from './words';

/** Chat spellings and what they stand for (none a single letter, which may name a proposition). */
export const chatSpellings: ReadonlyMap<string, { word: string; pos: string }> = new Map([
  ['thru', { word: 'through', pos: 'ADP' }],
  ['tho', { word: 'though', pos: 'SCONJ' }],
  ['gonna', { word: 'going', pos: 'VERB' }],
  ['wanna', { word: 'want', pos: 'VERB' }],
  ['im', { word: 'i', pos: 'PRON' }],
  ['nd', { word: 'and', pos: 'CCONJ' }],
  ['til', { word: 'until', pos: 'ADP' }],
  ['untill', { word: 'until', pos: 'ADP' }],
  // Typos crowd workers leave in the words the grammar reads.
  ['finaly', { word: 'finally', pos: 'ADV' }],
  ['finnaly', { word: 'finally', pos: 'ADV' }],
  ['betwen', { word: 'between', pos: 'ADP' }],
  ['beetween', { word: 'between', pos: 'ADP' }],
  ['befor', { word: 'before', pos: 'ADP' }],
  ['allways', { word: 'always', pos: 'ADV' }],
  ['alwys', { word: 'always', pos: 'ADV' }],
  ['eventualy', { word: 'eventually', pos: 'ADV' }],
  ['evntually', { word: 'eventually', pos: 'ADV' }],
  ['nver', { word: 'never', pos: 'ADV' }],
  ['evry', { word: 'every', pos: 'DET' }],
  ['ther', { word: 'there', pos: 'ADV' }],
  ['everytime', { word: 'whenever', pos: 'SCONJ' }],
  ['b4', { word: 'before', pos: 'ADP' }],
  ['lvl', { word: 'level', pos: 'NOUN' }],
  ['rn', { word: 'now', pos: 'ADV' }],
  ['rm', { word: 'room', pos: 'NOUN' }],
  ['sq', { word: 'square', pos: 'NOUN' }],
  ['rd', { word: 'road', pos: 'NOUN' }],
  ['bldg', { word: 'building', pos: 'NOUN' }],
  ['ave', { word: 'avenue', pos: 'NOUN' }],
  ['asap', { word: 'immediately', pos: 'ADV' }],
  ['chk', { word: 'check', pos: 'VERB' }],
]);

const goingVerbs: ReadonlySet<string> = new Set(['go', 'get', 'come', 'head', 'back', 'fly', 'drive', 'walk', 'return']);

/**
 * The words that the shorthand at `raw[i]` stands for, and how many tokens it takes ("w", "/", "o" are one), or
 * undefined where `raw[i]` is no shorthand. `numbers` reads a number's value.
 */
export function shorthand(raw: readonly Word[], i: number, numbers: (text: string) => number | undefined): { words: Word[]; used: number } | undefined {
  const w = raw[i]!;
  const [before, after] = [raw[i - 1], raw[i + 1]];
  const glued = (j: number) => j > 0 && raw[j] !== undefined && raw[j]!.start === raw[j - 1]!.end;
  const as = (norm: string, pos: string, used = 1, text = w.text): { words: Word[]; used: number } => ({
    words: [{ ...w, text, norm, lemma: norm, pos, end: raw[i + used - 1]!.end }],
    used,
  });
  if (/^w$/i.test(w.text) && after?.text === '/' && /^o$/i.test(raw[i + 2]?.text ?? '') && glued(i + 1) && glued(i + 2)) return as('without', 'ADP', 3, 'w/o');
  if (w.text === '4' && after?.text.toLowerCase() === 'ever' && glued(i + 1)) return as('forever', 'ADV', 2, '4ever');
  // "2x" twice, "3x" three times.
  if (w.pos === 'NUM' && /^x$/i.test(after?.text ?? '') && glued(i + 1)) {
    const value = numbers(w.text);
    if (value !== undefined) return { words: [{ ...w, norm: w.text, lemma: w.text, value }, { ...after!, text: 'times', norm: 'times', lemma: 'time', pos: 'NOUN' }], used: 2 };
  }
  // "+" and ">" between words (between numbers they add and compare).
  const number = (t: Word | undefined) => t === undefined || t.pos === 'NUM' || /^[\d.]+$/.test(t.text);
  if ((w.text === '+' || w.text === '>') && i > 0 && !glued(i) && !glued(i + 1) && !number(after) && !number(before)) {
    return w.text === '+' ? as('and', 'CCONJ') : as('then', 'ADV');
  }
  // "heartbeat lost -> failover", "brake pressed => cruise off": an arrow typed between words is "implies"; "in <= 5s"
  // is "in at most 5 s". A chain of arrows is a route ("home -> gym -> grocery store"), and so is an arrow after
  // "then" ("material yard then-> crane 1").
  const arrow = (j: number) => ['-', '='].includes(raw[j]?.text ?? '') && raw[j + 1]?.text === '>' && glued(j + 1);
  if (arrow(i) && i > 0 && raw[i + 2] !== undefined && !number(before) && before?.norm !== 'then') {
    return raw.filter((_, j) => arrow(j)).length > 1 ? as('then', 'ADV', 2, w.text + '>') : as('implies', 'VERB', 2, w.text + '>');
  }
  if (w.text === '<' && after?.text === '=' && glued(i + 1) && number(raw[i + 2])) {
    return { words: [{ ...w, text: 'at', norm: 'at', lemma: 'at', pos: 'ADP' }, { ...after!, text: 'most', norm: 'most', lemma: 'most', pos: 'ADJ' }], used: 2 };
  }
  // "lvl 3 n lvl 5" (and), "til u reach" (you). A letter before a verb of its own ("n holds", "u is set"), or after a
  // connective or a preposition ("neither m nor n ever holds"), stays a proposition's name.
  const ownVerb = (t: Word | undefined) => t !== undefined && ((t.pos === 'VERB' && t.norm !== t.lemma) || t.pos === 'AUX');
  const joined = (t: Word | undefined) => t !== undefined && ['CCONJ', 'SCONJ', 'ADP'].includes(t.pos);
  if (w.text === 'n' && before && after && !ownVerb(after) && after.pos !== 'PUNCT' && !joined(before) && after.norm !== 'ever') return as('and', 'CCONJ');
  // ("u have been in the lobby", "u can go": an auxiliary of "you", not of a signal u, which "is" and "has".)
  const yourAux = after?.pos === 'AUX' && !['is', 'has', 'was', 'does'].includes(after.norm);
  if (w.text === 'u' && ((after?.pos === 'VERB' && !ownVerb(after)) || yourAux)) return as('you', 'PRON', 1, 'you');
  // "fly 2 the park", "go 2 reading room 2": a 2 after a verb of going, or between a verb and an article, is "to".
  if (w.text === '2' && ((((before?.pos === 'VERB') || i === 1) && after?.pos === 'DET') || goingVerbs.has(before?.lemma ?? ''))) return as('to', 'ADP');
  return undefined;
}
