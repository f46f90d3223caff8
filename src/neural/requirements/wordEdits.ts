// What the word rewrites (normalise.ts, orders.ts) share: how they find a noun phrase among tagged words and how they
// write a word of their own into a sentence.
import type { Word } from './words';

/** A word of a noun phrase as the rewrites find one: an article, an adjective, a number, a noun or a name. */
export const inPhrase = (w: Word | undefined): boolean => w !== undefined && ['DET', 'ADJ', 'NOUN', 'PROPN', 'NUM'].includes(w.pos);

/** Words that are a noun phrase with a noun or a name in it; `also` admits other words where a rewrite needs them. */
export const isNounPhrase = (ws: readonly Word[], also: (w: Word, k: number) => boolean = () => false): boolean =>
  ws.some((w) => ['NOUN', 'PROPN'].includes(w.pos)) && ws.every((w, k) => inPhrase(w) || also(w, k));

/** A word a rewrite writes into the sentence, empty-spanned at `at` (a comma, "then", "and"). */
export function inserted(text: string, lemma: string, pos: string, at: number): Word {
  return { text, norm: text, lemma, pos, start: at, end: at };
}
