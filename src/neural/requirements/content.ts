// Which words of a clause name its proposition: content words, not the verbs that only say a clause is
// true ("holds", "stays"), articles or connectives. The reader names each proposition from these.
import type { Word } from './words';

export const nounLike = new Set(['NOUN', 'PROPN', 'ADJ', 'DET', 'NUM', 'ATOM', 'X', 'SYM', 'PRON']);
const droppedPos = new Set(['DET', 'PRON', 'AUX', 'PART', 'PUNCT', 'CCONJ', 'SCONJ', 'INTJ']);
// Words that say a clause holds, and nothing else: "it holds", "it persists", "it is still true".
const holdingWords = new Set(['true', 'hold', 'remain', 'stay', 'be', 'keep', 'still', 'persist', 'continue']);
// Verbs that say a proposition is true rather than what it is ("a holds", "the motor stays off").
const truthVerbs = new Set([...holdingWords, 'happen', 'occur', 'become', 'do', 'have', 'get', 'now', 'currently', 'just', 'only', 'already', 'even', 'first', 'firstly', 'initially']);

// "no further dose shall be delivered": a dose again is a dose; the proposition is the same as the one before.
const againWords = new Set(['further', 'additional', 'subsequent']);
// "once the door is fully closed, it must remain closed": how fully a state holds names no other state.
const degreeWords = new Set(['fully', 'completely', 'totally', 'entirely']);

/** A word that only says its clause holds: "it holds", "it persists", "it is still true". */
export const saysItHolds = (w: Word): boolean => holdingWords.has(w.lemma);

/** A word that says what state a thing is in ("green", "on", "closed"): a predicate with no verb of its own. */
export const isStateWord = (w: Word): boolean => w.pos === 'ADJ' || ['on', 'off', 'open', 'closed', 'up', 'down', 'in', 'out'].includes(w.norm);

/**
 * Pairs of states where one is the other's negation: a sentence that says both of one thing ("it is off in the
 * next state and on again") speaks of one proposition. Complementary pairs only, so not WordNet's antonyms, which
 * include contraries (hot and cold, full and empty) that are not each other's negation.
 */
export const complements: ReadonlyMap<string, string> = new Map([
  ['off', 'on'], ['closed', 'open'], ['close', 'open'], ['inactive', 'active'], ['disabled', 'enabled'], ['unlocked', 'locked'],
  ['disarmed', 'armed'], ['disconnected', 'connected'], ['unavailable', 'available'], ['absent', 'present'], ['invisible', 'visible'],
  ['unsafe', 'safe'], ['false', 'true'], ['stopped', 'running'],
]);

/** Whether a word names part of a proposition. A lone "a" before a verb or a connective is the proposition a. */
export function isContent(w: Word, next: Word | undefined): boolean {
  if (w.pos === 'ATOM') return true;
  // "neither e nor i is ever asserted": a lowercase i with a verb of the third person is a letter, not "I".
  const letterI = w.text === 'i' && ['is', 'holds', 'has', 'was', 'does', 'occurs', 'becomes', 'remains', 'stays'].includes(next?.norm ?? '');
  if (/^[a-z]$/i.test(w.text) && (w.text.toLowerCase() !== 'i' || letterI)) {
    if (w.text.toLowerCase() !== 'a' || w.pos === 'NOUN') return true;
    return !next || (!['NOUN', 'ADJ', 'PROPN', 'NUM', 'ADV', 'ATOM'].includes(next.pos) && !/^[a-z]$/i.test(next.text));
  }
  if (droppedPos.has(w.pos)) return false;
  return !truthVerbs.has(w.lemma) && !againWords.has(w.norm) && !degreeWords.has(w.norm) && /[a-z0-9]/i.test(w.text);
}

export function contentWords(words: readonly Word[]): Word[] {
  // "until done becomes true": a lone participle names a signal, though "is done" says only that something is.
  // So does one before words that only say it holds ("whenever done is true", "done holds").
  const participle = (w: Word) => ['VERB', 'NOUN'].includes(w.pos) && /(ne|ed|en)$/.test(w.norm) && w.norm !== w.lemma;
  const kept = words.filter((w, i) => isContent(w, words[i + 1]));
  if (kept.length === 0 && words.length > 0 && participle(words[0]!) && words.slice(1).every((w) => holdingWords.has(w.lemma) || droppedPos.has(w.pos))) return [words[0]!];
  // Prepositions at the edges name nothing ("to the goal", "the light is on" keeps "on" inside).
  while (kept.length > 1 && kept[0]!.pos === 'ADP') kept.shift();
  while (kept.length > 1 && kept[kept.length - 1]!.pos === 'ADP' && !['on', 'off', 'in', 'out', 'up', 'down'].includes(kept[kept.length - 1]!.norm)) kept.pop();
  return kept;
}

/** A pronoun that may stand for the proposition of the condition before it ("it stays true"). */
export const refersBack = (w: Word): boolean => w.pos === 'PRON' && ['it', 'they', 'this'].includes(w.norm);
