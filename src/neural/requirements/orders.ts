// The rewrites of a sentence's words that concern the order of a mission's steps: an order said again after the
// steps ("strict order, no skipping ahead", "the library must not come first", "... too early"), two orders banned at
// once, and a ban said between the steps and the sentence that goes on from them. Words in, words out, as the other
// rewrites of normalise.ts (whose list, `normalisations`, runs these in their place).
import { inserted, isNounPhrase } from './wordEdits';
import type { Word } from './words';

/**
 * "hit rooftop A then rooftop B then rooftop C. strict order, no skipping ahead", "... Deliver in exactly that order,
 * no skipping ahead.": a last sentence that only says the order is the order of the steps before it. Skipping ahead
 * forbidden, or the order strict, no place comes before the one ahead of it ("following this order"); otherwise the
 * steps are in order already.
 */
export function orderSaidAfter(words: readonly Word[]): Word[] {
  const stop = words.map((w) => w.norm).lastIndexOf('.');
  if (stop <= 0) return [...words];
  const said = words.slice(stop + 1).map((w) => w.lemma).join(' ');
  const order = '((deliver|do|visit|go|hit) (it |them )?)?(in |strictly in |follow )?(exactly |the |this |that |strict |a strict |the exact |that exact )*(order|sequence)';
  const skipping = '(no skip( ahead)?|without skip( ahead)?|skip nothing|do not skip( ahead| any)?|no skip any)';
  const only = new RegExp(`^(${order}( ,)?( ${skipping})?|${skipping})$`);
  if (!only.test(said)) return [...words];
  const at = words[stop]!.start;
  // ("skip nothing" asks for every step, which the steps say already.)
  return /skip( any)? ahead|strict/.test(said) ? followingThisOrder(words.slice(0, stop), at) : words.slice(0, stop);
}

/**
 * The steps with ", following this order" after them: the words the reader reads as a strict order of the steps. An
 * order they say already ("..., in exactly that order") gives way to it.
 */
function followingThisOrder(given: readonly Word[], at: number): Word[] {
  let end = given.length;
  while (end > 0 && given[end - 1]!.norm === ',') end--;
  const steps = given.slice(0, end);
  // (With or without a comma before it: "..., in exactly that order", "... and c in this order".)
  const said = /(^|, |\s)(in )?(exactly |precisely |strictly )?(that|this|the same|the given|the list) order$/.exec(steps.map((w) => w.lemma).join(' '));
  const kept = said ? steps.slice(0, steps.length - said[0].trim().split(' ').length) : steps;
  return [...kept, inserted(',', ',', 'PUNCT', at), inserted('following', 'follow', 'VERB', at), inserted('this', 'this', 'DET', at), inserted('order', 'order', 'NOUN', at)];
}

/**
 * "stop by the cafeteria before going to the library, the library must not come first", "go to a then b. don't visit b
 * first", "... dont visit the statue or fountain early": a last clause that only says places of the order ahead of it
 * do not come first says that "before" again, or makes the steps' order strict.
 */
export function notFirstSaidAfter(words: readonly Word[]): Word[] {
  const norms = words.map((w) => w.norm);
  // (At the last comma or full stop, or at an "and" before the ban: "... in exactly that order and dont go to ...".)
  const andBan = norms.reduce((last, n, k) => (n === 'and' && ['do', 'never'].includes(norms[k + 1] ?? '') ? k : last), -1);
  const cut = Math.max(norms.lastIndexOf(','), norms.lastIndexOf('.'), andBan);
  const before = norms.slice(0, cut).includes('before');
  if (cut <= 0 || !(before || norms.slice(0, cut).some((n) => ['then', 'after', 'first', 'order'].includes(n)))) return [...words];
  const said = words.slice(cut + 1).filter((w) => w.pos !== 'PUNCT').map((w) => w.lemma).join(' ').replace(/^(and|but) /, '');
  const m = /^(?:(?:the )?(.+?) (?:must|should|can|may|will|shall)? ?(?:not|never) (?:come|be|go|happen) first|(?:do not|never|not) (?:go to |visit |enter |do )?(?:the )?(.+?) (?:first|early|too early|too soon|ahead of time|out of order|before (?:its|their) turn|earlier than (?:its|their) turn|out of turn|before the earlier one|before the earlier ones|before an earlier one))$/.exec(said);
  // ("dont visit the statue or fountain early": each of them.)
  const places = m ? (m[1] ?? m[2])!.split(/ (?:or|and|nor) (?:the )?/).map((p) => p.split(' ')) : [];
  const earlier = ` ${words.slice(0, cut).map((w) => w.lemma).join(' ')} `;
  // ("dont go to any of them earlier than its turn": every place of the order.)
  const all = m !== null && /^(any|each|all|none) of (them|those|these)$|^them$|^(a|any) later one$/.test((m[1] ?? m[2])!);
  if (!all && (places.length === 0 || places.some((place) => place.length > 4 || !earlier.includes(` ${place.join(' ')} `)))) return [...words];
  return before ? words.slice(0, cut) : followingThisOrder(words.slice(0, cut), words[cut]!.start);
}

/**
 * "dont enter aisle 2 before aisle 1 or aisle 4 before aisle 2": a ban on two orders with the ban said once is two
 * bans, each of which holds ("do not enter aisle 2 before aisle 1 and do not enter aisle 4 before aisle 2").
 */
export function twoOrdersBanned(words: readonly Word[]): Word[] {
  const norms = words.map((w) => w.norm);
  // ("You are not allowed to go to the barn before the well or to the gate before the barn": so is "not allowed to".)
  const allowed = (k: number) => norms[k] === 'not' && norms[k + 1] === 'allowed' && norms[k + 2] === 'to';
  const ban = norms.findIndex((n, k) => n === 'never' || (n === 'not' && norms[k - 1] === 'do') || allowed(k));
  const bare = allowed(ban) ? ban + 3 : ban + 1;
  // ("never go to b before a, or c before b": the verb with its preposition.)
  const verb = words[bare + 1]?.pos === 'ADP' ? bare + 1 : bare;
  if (ban < 0 || words[bare]?.pos !== 'VERB') return [...words];
  const first = norms.indexOf('before', verb);
  const or = norms.indexOf('or', first);
  const second = norms.indexOf('before', or);
  // (The second order ends with its clause; "or to the gate" says the preposition again.)
  const stop = norms.findIndex((n, k) => k > second && [',', '.', ';'].includes(n));
  const end = stop < 0 ? words.length : stop;
  const again = norms[or + 1] === norms[verb] && words[verb]!.pos === 'ADP' ? or + 2 : or + 1;
  const phrase = (s: number, e: number) => e > s && isNounPhrase(words.slice(s, e).filter((w) => w.norm !== ','));
  if (first < 0 || or < 0 || second < 0 || !phrase(verb + 1, first) || !phrase(first + 1, or) || !phrase(again, second) || !phrase(second + 1, end)) return [...words];
  const at = words[or]!.start;
  const said = words.slice(norms[ban] === 'not' && !allowed(ban) ? ban - 1 : ban, verb + 1).map((w) => ({ ...w, start: at, end: at }));
  return [...words.slice(0, or), inserted('and', 'and', 'CCONJ', at), ...said, ...words.slice(again)];
}

/**
 * "Go to lab 101 and then lab 102. Do not use the freight elevator at any point. When you are done go to the charging
 * station and stay there.": a ban said between the steps holds beside them all; the sentence after it goes on from the
 * steps, so the ban is read last.
 */
export function banBetweenSteps(words: readonly Word[]): Word[] {
  const sentences: Word[][] = [[]];
  for (const w of words) {
    sentences[sentences.length - 1]!.push(w);
    if (['.', '!', ';'].includes(w.norm)) sentences.push([]);
  }
  const said = (ws: readonly Word[]) => ws.map((w) => w.lemma).join(' ');
  const ban = (ws: readonly Word[]) => /^(do not|never|avoid|stay away|keep away|keep out|stay out) /.test(said(ws));
  const goesOn = (ws: readonly Word[]) => /^(when you be (do|finish)|once you be (do|finish)|when (do|finish)|after that|afterwards|then|finally|after all that|at the end) /.test(said(ws));
  for (let i = 1; i + 1 < sentences.length; i++) {
    if (ban(sentences[i]!) && !ban(sentences[i - 1]!) && goesOn(sentences[i + 1]!)) {
      const [b, next] = [sentences[i]!, sentences[i + 1]!];
      // (The last sentence has no full stop of its own any more: the ban's goes with it.)
      const stop = b[b.length - 1]!;
      const ends = ['.', '!', ';'].includes(next[next.length - 1]?.norm ?? '');
      sentences[i] = ends ? next : [...next, { ...stop, start: next[next.length - 1]!.end, end: next[next.length - 1]!.end }];
      sentences[i + 1] = ends ? b : b.slice(0, -1);
      return sentences.flat();
    }
  }
  return [...words];
}
