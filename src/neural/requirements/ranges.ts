// What the sentence reader (reader.ts) asks of a range of items before it reads it: where a clause's subject
// ends and its verb starts, whether a part is a command, a prohibition, a list of names or a state, whether it
// ends with "before that" or "at the next step". Questions only: nothing here reads a formula or a proposition.
import { ClauseReader, type ClauseParts } from './clauses';
import { contentWords, isStateWord, nounLike, refersBack } from './content';
import { forbidding, goesSomewhere, type BinaryCue, type Wrap } from './cues';
import type { Word } from './words';

export const andOr: ReadonlySet<BinaryCue> = new Set(['and', 'or']);
export const thenCue: ReadonlySet<BinaryCue> = new Set(['then']);

export abstract class RangeReader extends ClauseReader {
  /** Whether the separator at k is a comma, or a "then" that a comma opens (", then"). */
  protected isCommaSeparator(k: number): boolean {
    const it = this.items[k];
    return it?.kind === 'comma' || this.cueWord(k) === ',';
  }

  /**
   * Whether [a, b) is a command ("perform the grasp", "go to the charging station"): a robot's mission says what to
   * do each time its condition holds, so "if you reach l1, perform the grasp" holds at every moment.
   */
  protected imperative(a: number, b: number): boolean {
    // Past commas, politeness ("robot pls", "could you") and a leading "only" ("only go to the pool after ...").
    // "You may enter the server room only if ...": a permission given to "you" is a command's.
    const you = (k: number) => this.wordAt(k)?.norm === 'you' && ['can', 'may', 'could'].includes(this.cueWord(k + 1) ?? '');
    const skipped = (k: number) => this.items[k]!.kind === 'comma' || (this.cueAt(k)?.kind === 'ignore' && this.findFlagged(k, k + 1, 'initial') < 0) || this.wordAt(k)?.norm === 'only' || you(k);
    while (a < b && skipped(a)) a++;
    const it = this.items[a];
    if (it?.kind === 'cue') return it.cue.kind === 'goal' || it.cue.kind === 'avoid';
    // A declared proposition that is itself a command ("perform a collaborative grasping action").
    const w = it?.kind === 'word' ? it.word.head ?? it.word : undefined;
    // "tick occurs", "grant holds": a signal named by a verb, the subject of the verb after it.
    const next = this.wordAt(a + 1);
    const subject = next !== undefined && ((next.pos === 'VERB' && next.norm !== next.lemma && /s$/.test(next.norm)) || next.pos === 'AUX');
    return w !== undefined && w.pos === 'VERB' && w.lemma === w.norm && w.norm === w.text.toLowerCase() && !subject;
  }

  /** The noun phrase that opens [s, e) before its verb ("the light" in "eventually the light is green"), if there is one. */
  protected subjectOf(s: number, e: number): Word[] | undefined {
    const start = this.leadingUnary(s, e);
    let k = start;
    while (k < e && nounLike.has(this.wordAt(k)?.pos ?? '')) k++;
    const subject = this.wordsIn(start, k);
    // "it is off in the next state": the subject of the condition before.
    if (subject.length === 1 && refersBack(subject[0]!) && this.antecedentSubject) return this.antecedentSubject;
    // "p becomes true": the verb may be a cue of its own, after adverbials ("q eventually becomes true").
    let j = k;
    while (j < e && this.cueAt(j)?.kind === 'unary' && !(this.cueAt(j) as { onset?: boolean; predicate?: boolean }).onset && !(this.cueAt(j) as { predicate?: boolean }).predicate) j++;
    const cue = this.cueAt(j);
    const verb = this.opensWithVerb(k, e) || (cue?.kind === 'unary' && (cue.onset === true || cue.predicate === true));
    return verb && contentWords(subject).length > 0 ? subject : undefined;
  }

  /** The verb that opens [s, e) after its adverbials and modal verbs ("eventually stops", "must remain closed"), if one does. */
  protected verbAt(s: number, e: number): Word | undefined {
    let k = s;
    while (k < e && ['unary', 'ignore'].includes(this.cueAt(k)?.kind ?? '')) k++;
    const w = k < e ? this.wordAt(k) : undefined;
    return w !== undefined && ['VERB', 'AUX'].includes(w.pos) && !/^[a-z]\d*$/i.test(w.text) ? w : undefined;
  }

  /** Whether [a, b) is two or more proposition names joined by `kind` ("a or b"). */
  protected namesOnly(a: number, b: number, kind: 'and' | 'or'): boolean {
    const joins: number[] = [];
    for (let k = a; k < b; k = this.step(k)) if (this.isBinary(k, new Set([kind]))) joins.push(k);
    if (joins.length === 0) return false;
    const bounds = [a - 1, ...joins, b];
    return bounds.slice(1).every((end, i) => this.isNamed(bounds[i]! + 1, end, true));
  }

  /** Whether [s, e) is state words after its adverbials ("eventually red", "on again in the state after that"). */
  protected onlyAdjectives(s: number, e: number): boolean {
    const k = this.leadingUnary(s, e);
    const words = this.items.slice(k, e).filter((it) => !(it.kind === 'cue' && (it.cue.kind === 'ignore' || it.cue.kind === 'unary' || it.cue.kind === 'stepAfter')));
    return words.length > 0 && words.every((it) => it.kind === 'word' && isStateWord(it.word));
  }

  protected opensWithVerb(s: number, e: number): boolean {
    return this.verbAt(s, e) !== undefined;
  }

  /** Whether [s, e) opens with "at the next step" (one or more nexts and nothing else). */
  protected opensWithNext(s: number, e: number): boolean {
    const cue = this.cueAt(s);
    return s + 1 < e && cue?.kind === 'unary' && cue.wraps.length > 0 && cue.wraps.every((w) => w.op === 'next');
  }

  /**
   * Whether a noun phrase with "a" opens at k and is all there is ("... must respond to a request within 5 ms": a
   * generic request is any), not the subject of a clause ("responds to a camera reaches the target").
   */
  protected genericObject(k: number, b: number): boolean {
    if (!['a', 'an'].includes(this.wordAt(k)?.norm ?? '') || this.wordAt(k)?.pos !== 'DET') return false;
    let end = k + 1;
    while (end < b && ['NOUN', 'ADJ'].includes(this.wordAt(end)?.pos ?? '')) end++;
    const after = this.cueAt(end);
    return end > k + 1 && (end >= b || this.items[end]!.kind === 'comma' || (after?.kind === 'unary' && !after.predicate));
  }

  /** "every request shall be granted or rejected": the subject after "every", when its predicate has an and/or. */
  protected everySubject(a: number, b: number): { subject: Word[] } | undefined {
    if (!['every', 'each', 'any'].includes(this.wordAt(a)?.lemma ?? '')) return undefined;
    let end = a + 1;
    while (end < b && nounLike.has(this.wordAt(end)?.pos ?? '')) end++;
    const joined = this.find(end, b, (k) => this.isBinary(k, andOr));
    const clause = this.find(end, b, (k) => this.cueAt(k)?.kind === 'if' || this.items[k]!.kind === 'comma');
    return end > a + 1 && end < b && joined > end && clause < 0 && this.opensWithVerb(end, b) ? { subject: this.wordsIn(a + 1, end) } : undefined;
  }

  /** The last comma in [a, b) at this depth, or -1. */
  protected lastComma(a: number, b: number): number {
    let last = -1;
    for (let k = a; k < b; k = this.step(k)) if (this.items[k]!.kind === 'comma') last = k;
    return last;
  }

  /** Whether a cue of going stands at k ("go to", "patrol"'s goal), or with `avoiding` one of avoiding too ("avoid"). */
  protected goingAt(k: number, avoiding = false): boolean {
    const cue = this.cueAt(k);
    return goesSomewhere(cue) || (avoiding && cue?.kind === 'avoid');
  }

  /** Whether a prohibition opens at k: an avoidance ("avoid", "never go to") or a negation ("never", "do not"). */
  protected forbids(k: number): boolean {
    return forbidding(this.cueAt(k));
  }

  /** Whether the clause at a opens with a noun phrase other than "you", "we" or "I" ("the pump ...", "a connection ..."). */
  protected saidOfSubject(a: number): boolean {
    const w = this.wordAt(a);
    return w !== undefined && nounLike.has(w.pos) && !(/^[a-z]$/i.test(w.text) && w.pos !== 'DET') && !['you', 'we', 'i', 'u'].includes(w.norm);
  }

  /** Whether [a, b) names places and nothing else: words of nouns (no verb, no letter for a name) and connectives. */
  protected placesOnly(a: number, b: number): boolean {
    const words = this.wordsIn(a, b);
    const connective = (k: number) => this.items[k]!.kind === 'comma' || this.isBinary(k, andOr) || this.isBinary(k, thenCue) || this.cueAt(k)?.kind === 'ignore';
    const onlyWordsAndConnectives = this.items.slice(a, b).every((it, i) => it.kind === 'word' || connective(a + i));
    return onlyWordsAndConnectives && words.length > 0 && words.every((w) => !['VERB', 'AUX'].includes(w.pos) && w.pos !== 'ATOM') && contentWords(words).some((w) => w.text.length > 2);
  }

  /** Whether a predicate cue of staying stands at k ("stays false", "remains false", "keep false"). */
  protected stayingCue(k: number): boolean {
    return (this.cueAt(k) as { predicate?: boolean } | undefined)?.predicate === true && ['stay', 'remain', 'keep'].includes(this.cueWords(k)[0]?.lemma ?? '');
  }

  /** Whether [s, e) says "on the way" ("along the route", "on your way"): what it avoids, it avoids until the goal. */
  protected saysOnTheWay(s: number, e: number): boolean {
    return this.find(s, e, (k) => (this.cueAt(k) as { onTheWay?: boolean } | undefined)?.onTheWay === true) >= 0;
  }

  /** Whether [a, b) is a command not to do something ("don't touch the seabed", "do not use elevator B"). */
  protected forbiddenCommand(a: number, b: number): boolean {
    const k = this.wordAt(a)?.norm === 'do' ? a + 1 : a;
    return (this.cueAt(k) as { wraps?: Wrap[] } | undefined)?.wraps?.at(-1)?.op === 'not' && this.imperative(k + 1, b);
  }

  /** Whether [s, e) is a clause of its own that ends with "at the next step" ("q holds at the next step"). */
  protected endsWithNext(s: number, e: number): boolean {
    const cue = this.cueAt(e - 1);
    return e - 1 > s && !this.opensWithVerb(s, e) && cue?.kind === 'unary' && cue.wraps.length > 0 && cue.wraps.every((w) => w.op === 'next');
  }

  /** Whether the item before e is a past adverbial relative to another clause ("before that", "beforehand"). */
  protected relativeEnd(e: number): boolean {
    const cue = this.cueAt(e - 1);
    return cue?.kind === 'unary' && cue.relative === true;
  }

  /** Whether [s, e) has the future's "will". */
  protected willAt(s: number, e: number): boolean {
    return this.find(s, e, (k) => this.cueWord(k) === 'will') >= 0;
  }

  /** Whether [s, e) says its clause does not hold: "never", "not", an avoidance. */
  protected negated(s: number, e: number): boolean {
    return this.find(s, e, (k) => {
      const cue = this.cueAt(k);
      return cue?.kind === 'avoid' || (cue?.kind === 'unary' && cue.wraps[cue.wraps.length - 1]?.op === 'not');
    }) >= 0;
  }

  /** The going or avoiding verb that opens [s, e) ("the robot must go to"), if one does, and where the place starts. */
  protected placeVerb(s: number, e: number): { lead: ClauseParts; end: number } | undefined {
    // The subject before the verb ("the robot must go to ...") names no place.
    let verbStart = s;
    while (verbStart < e && this.items[verbStart]!.kind === 'word') verbStart++;
    let verbEnd = verbStart;
    while (verbEnd < e && this.items[verbEnd]!.kind === 'cue') verbEnd++;
    if (verbEnd === verbStart || verbEnd === e) return undefined;
    const lead = this.clauseParts(verbStart, verbEnd, true);
    return lead.goal || lead.avoid ? { lead, end: verbEnd } : undefined;
  }
}
