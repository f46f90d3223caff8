// One clause of a requirement and its adverbials: what the reader's sentence-level structure (reader.ts)
// bottoms out in. A clause is content words (its proposition), cue phrases said of it ("always", "within 5
// seconds", "at most twice", "go to") and perhaps a parenthesised group; this class reads it into a formula
// over numbered propositions, and keeps the state that clauses share (the propositions read so far, what
// "it" and "one of them" refer to, how deep in conditions the reader is).
import type { FormulaJson } from '../../languages/tl/api';
import { bin, nexts, scoped, un, type Pattern } from './catalogue';
import { contentWords, isContent, isStateWord, nounLike, saysItHolds, refersBack } from './content';
import type { BinaryCue, Cue, Wrap } from './cues';
import { inSequence, negation, peel } from './formulas';
import type { Item } from './items';
import type { Word } from './words';

/** The reader gave up: the sentence is outside the fragment it reads. */
export class NotRead extends Error {}

export interface Clause {
  /** The content words that name the proposition. */
  words: Word[];
}

export interface ClauseParts {
  /** Where the place of a goal or avoidance starts among `words`. */
  place?: number;
  /** A parenthesised group that is the clause's body, as an item range. */
  group?: [number, number];
  wraps: Wrap[][];
  /** Wraps with their numbers resolved, outermost first. */
  words: Word[];
  goal: boolean;
  avoid: boolean;
  /** The goal is passed on the way ("go through", "pass by"): a place after "to" is where the way leads. */
  via?: boolean;
  /** "twice in a row": the clause now and at the next step. */
  inARow?: number;
  /** "a and b are the same": the coordinated subjects are equivalent. */
  same?: boolean;
  /** "p toggles", "a and b alternate": each step's value is followed by the other at the next. */
  alternate?: boolean;
  /** Wraps said of the clause itself ("is false"), the last group of `wraps`: said of each subject of a list. */
  said?: Wrap[];
  /** The goal is a place gone to ("return to its home position"), not stayed in: "always" makes it recurring. */
  goesTo?: boolean;
  /** "for more than 30 seconds": the longest the clause may hold, in the cue's numbers. */
  longerThan?: number;
  /**
   * "at most twice", "at least 3 times", "exactly once", "more than once": how often the clause occurs; `once` when
   * the words say "once" ("at most once") rather than count to one ("at most 1 times").
   */
  count?: { bound: 'atMost' | 'atLeast' | 'exactly' | 'moreThan'; n: number; once?: boolean };
}

/** The words that name a clause's place ("the robot must reach the goal": the goal), or all its words if it has none. */
function placeWords(parts: ClauseParts): Word[] {
  const place = parts.place !== undefined ? parts.words.slice(parts.place) : [];
  return contentWords(place).length > 0 ? place : parts.words;
}

/** Reads clauses; the subclass reads the sentence structure around them (`sentence`, for a parenthesised group). */
export abstract class ClauseReader {
  readonly clauses: Clause[] = [];

  /** For each '(' item, the index of its ')'. */
  protected readonly closing = new Map<number, number>();

  /** How many conditions the reader is inside. */
  protected conditionDepth = 0;
  /** How many leading "eventually"s ("infinitely often, ...") the reading is under: a "while" there is both at once. */
  protected momentDepth = 0;

  /** The first proposition of the last condition read: what "it" stands for in "whenever a becomes true, it stays true". */
  protected antecedent: Word[] | undefined;
  /** The subject of the last condition read: what "it" stands for as a subject ("whenever the lamp is on, it is off ..."). */
  protected antecedentSubject: Word[] | undefined;

  /** How many past adverbials relative to another clause ("beforehand", "before" at the end) were read. */
  protected relativePast = 0;

  /**
   * The catalogue patterns read so far, by the global formula written for each, so a scope ("Before R,") can
   * map its body to the catalogue's formula for that scope without reading the pattern back from the formula.
   */
  protected readonly patterns = new WeakMap<FormulaJson, Pattern>();

  /** How many steps ahead the last clause read with "next" spoke of: "the step after" is one more. */
  protected lastSteps = 0;

  /** The subjects of the last list that shared one predicate ("a and b never hold ..."): what "one of them" lists again. */
  protected lastList: Word[][] | undefined;

  /** The subject a verb phrase with none of its own shares ("the light is green and remains green"), while reading it. */
  protected elided: Word[] | undefined;

  constructor(protected readonly items: readonly Item[]) {
    const open: number[] = [];
    items.forEach((it, k) => {
      if (it.kind === 'open') open.push(k);
      else if (it.kind === 'close') {
        const o = open.pop();
        if (o === undefined) throw new NotRead('an unopened parenthesis');
        this.closing.set(o, k);
      }
    });
    if (open.length > 0) throw new NotRead('an unclosed parenthesis');
  }

  /** The next index at the same parenthesis depth: a group is stepped over whole. */
  protected step(k: number): number {
    return (this.closing.get(k) ?? k) + 1;
  }

  /** The first index in [a, b), at this depth, where `test` holds; -1 if none. */
  protected find(a: number, b: number, test: (k: number) => boolean): number {
    for (let k = a; k < b; k = this.step(k)) if (test(k)) return k;
    return -1;
  }

  protected cueAt(i: number): Cue | undefined {
    const it = this.items[i];
    return it?.kind === 'cue' ? it.cue : undefined;
  }

  /** The words of the cue at i as written ("but", ", then", "on your way to"); none for anything else. */
  protected cueWords(i: number): Word[] {
    const it = this.items[i];
    return it?.kind === 'cue' ? it.words : [];
  }

  /** The first word of the cue at i (telling "but" from "and", "otherwise" from "or"), if it is a cue. */
  protected cueWord(i: number): string | undefined {
    return this.cueWords(i)[0]?.norm;
  }

  /** The one wrap of a clause whose adverbials are a single operator ("not", "eventually"), if they are. */
  protected soleWrap(wraps: readonly Wrap[][]): Wrap | undefined {
    return wraps.length === 1 && wraps[0]!.length === 1 ? wraps[0]![0] : undefined;
  }

  /** Reads with `subject` as the one a clause without its own shares ("and remains green"), then restores the outer one. */
  protected withSubject<T>(subject: Word[] | undefined, read: () => T): T {
    const outer = this.elided;
    this.elided = subject;
    try {
      return read();
    } finally {
      this.elided = outer;
    }
  }

  protected wordAt(i: number): Word | undefined {
    const it = this.items[i];
    return it?.kind === 'word' ? it.word : undefined;
  }

  /** The first index in [a, b) of an "ignore" cue with this flag ("must": obligation; "at the beginning": initial); -1 if none. */
  protected findFlagged(a: number, b: number, flag: 'obligation' | 'initial'): number {
    return this.find(a, b, (k) => {
      const cue = this.cueAt(k);
      return cue?.kind === 'ignore' && cue[flag] === true;
    });
  }

  protected isBinary(i: number, ops: ReadonlySet<BinaryCue>): boolean {
    const c = this.cueAt(i);
    return c?.kind === 'binary' && ops.has(c.op);
  }

  /** Ranges [a, b) without commas at their edges. */
  protected trim(a: number, b: number): [number, number] {
    while (a < b && this.items[a]!.kind === 'comma') a++;
    while (b > a && this.items[b - 1]!.kind === 'comma') b--;
    if (a >= b) throw new NotRead('empty part');
    return [a, b];
  }

  /** The end of the plain adverbial cues that start [a, b). */
  protected leadingUnary(a: number, b: number): number {
    let k = a;
    while (k < b && this.cueAt(k)?.kind === 'unary') k++;
    return k;
  }

  protected wordsIn(s: number, e: number): Word[] {
    return this.items.slice(s, e).flatMap((it) => (it.kind === 'word' ? [it.word] : []));
  }

  /** "the user has been authenticated", "you've already picked up the key": [s, e) says that it has happened. */
  protected perfect(s: number, e: number): boolean {
    const words = this.wordsIn(s, e).filter((w) => w.pos !== 'ADV');
    return words.some((w, i) => w.lemma === 'have' && w.pos === 'AUX' && (words[i + 1]?.pos === 'VERB' || words[i + 1]?.lemma === 'be'));
  }

  /** A noun phrase and nothing else ("in any order" and other empty phrases aside), perhaps with "of" ("the west gate of campus"). */
  protected isBare(s: number, e: number): boolean {
    const items = this.items.slice(s, e).filter((it) => !(it.kind === 'cue' && it.cue.kind === 'ignore'));
    const noun = (it: Item | undefined) => it?.kind === 'word' && nounLike.has(it.word.pos);
    const of = (it: Item, k: number) => it.kind === 'word' && it.word.norm === 'of' && k > 0 && noun(items[k - 1]) && noun(items[k + 1]);
    return items.length > 0 && items.every((it, k) => noun(it) || of(it, k));
  }

  /** Whether [a, b) is only a proposition's name (a letter, p1, a declared or quoted one), perhaps with "holds" (and "will", with `modal`). */
  protected isNamed(a: number, b: number, modal = false): boolean {
    if (!this.items.slice(a, b).every((it) => it.kind === 'word' || (modal && it.kind === 'cue' && it.cue.kind === 'ignore'))) return false;
    const content = contentWords(this.wordsIn(a, b));
    // A letter, a letter with an index, or an identifier as code writes it ("task1_terminated").
    return content.length === 1 && (content[0]!.pos === 'ATOM' || /^[a-z]\d*$/i.test(content[0]!.text) || /^[a-z]\w*_\w+$/i.test(content[0]!.text));
  }

  /** Whether the item at k is a plain "not". */
  protected isNegation(k: number): boolean {
    const cue = this.cueAt(k);
    return cue?.kind === 'unary' && cue.wraps.length === 1 && cue.wraps[0]!.op === 'not';
  }

  /** The catalogue pattern's global formula, remembered as that pattern for a scope around it. */
  protected pattern(pat: Pattern): FormulaJson {
    const f = scoped('globally', pat, undefined, undefined);
    this.patterns.set(f, pat);
    return f;
  }

  protected clause(a0: number, b0: number): FormulaJson {
    const [a, b] = this.trim(a0, b0);
    const every = this.quantified(a, b);
    if (every) return every;
    // "if a then next b": a bare "next" before a proposition's name (not "the next train").
    const first = this.items[a];
    const second = this.items[a + 1];
    const subject = second?.kind === 'word' && second.word.pos === 'DET';
    if (first?.kind === 'word' && first.word.norm === 'next' && (this.isNamed(a + 1, b) || subject)) return un('next', this.clause(a + 1, b));
    const listed = this.ofThem(a, b);
    if (listed) return listed;
    const parts = this.clauseParts(a, b, false);
    if (parts.count) return this.counted(parts, parts.count);
    if (parts.longerThan !== undefined) return this.atMostFor(parts, parts.longerThan);
    if (parts.alternate) return this.alternation(parts, [this.prop(parts.words)]);
    if (parts.inARow !== undefined) {
      if (parts.group || parts.goal || parts.avoid) throw new NotRead('"in a row" beside a place or a group');
      if (!Number.isInteger(parts.inARow) || parts.inARow < 2 || parts.inARow > 10) throw new NotRead('a run of steps outside 2-10');
      const p = this.prop(parts.words);
      // "p never holds in two consecutive steps": after every p, no p next, G (p -> X !p), as seven of the nine
      // independent writers put it ("it is never the case that r holds in two consecutive states" says G !(r & X r)).
      const never = parts.wraps.length === 1 && parts.wraps[0]!.length === 2 && parts.wraps[0]![0]!.op === 'globally' && parts.wraps[0]![1]!.op === 'not' && !parts.wraps[0]![0]!.lo;
      if (never && parts.inARow === 2) return un('globally', bin('implies', p, un('next', un('not', p))));
      return this.applyWraps(parts, Array.from({ length: parts.inARow }, (_, i) => nexts(i, p)).reduce((x, y) => bin('and', x, y)));
    }
    if (parts.group) return this.applyWraps(parts, this.sentence(...parts.group));
    const constant = parts.words.filter((w, i) => w.pos !== 'DET' || isContent(w, parts.words[i + 1])).map((w) => w.norm);
    if (constant.length === 1 && (constant[0] === 'true' || constant[0] === 'false')) return this.applyWraps(parts, { kind: constant[0] });
    const said = placeWords(parts);
    // "(w is true now but) will be false": no words of its own but cues, so the subject is all there is.
    const subjectless = said.length === 0 || ['VERB', 'AUX'].includes(said[0]?.pos ?? '') || said.every(isStateWord);
    const place = this.elided && subjectless ? [...this.elided, ...said] : said;
    if (parts.via) {
      // "go through the blue room to the red room": the place passed, and later the one gone to, where the command's
      // adverbials ("and stay there") are said of.
      const to = place.findIndex((w, i) => i > 0 && ['to', 'into', 'towards'].includes(w.norm));
      if (to > 0 && to < place.length - 1) {
        if (parts.avoid || parts.wraps.flat().some((w) => w.op === 'not')) throw new NotRead('a route forbidden');
        return inSequence([this.prop(place.slice(0, to)), this.applyWraps(parts, this.prop(place.slice(to + 1)))]);
      }
    }
    // "move the chair from the blue room to the red room": a command that takes something from one place to
    // another goes to the first, then to the second.
    const from = place.findIndex((w) => w.norm === 'from');
    const to = place.findIndex((w, i) => from > 0 && i > from + 1 && ['to', 'into'].includes(w.norm));
    const carried = place[0]?.pos === 'VERB' && !parts.goal && !parts.avoid && parts.wraps.length === 0 && to > 0;
    if (carried && contentWords(place.slice(from + 1, to)).length > 0 && contentWords(place.slice(to + 1)).length > 0) {
      return inSequence([this.prop(place.slice(from + 1, to)), this.prop(place.slice(to + 1))]);
    }
    // "put the red block in the blue bin": the thing, then where it goes, as the independent writers read it (4 rows;
    // "bring" and "take" they read either way). ("put it in the bin" is the step after what the command before took.)
    const placed = place[0]?.pos === 'VERB' && ['put', 'place'].includes(place[0].lemma) && !parts.goal && !parts.avoid && parts.wraps.length === 0 && from < 0;
    const into = placed ? place.findIndex((w, i) => i > 1 && ['in', 'into', 'on', 'onto', 'to'].includes(w.norm)) : -1;
    const thing = into > 0 ? place.slice(1, into) : [];
    if (into > 0 && contentWords(thing).length > 0 && !thing.some(refersBack) && contentWords(place.slice(into + 1)).length > 0) {
      return inSequence([this.prop(thing), this.prop(place.slice(into + 1))]);
    }
    // "it stays true forever": a pronoun said to hold is the condition's proposition.
    const pronoun = place.some(refersBack);
    const onlyHolds = place.every((w) => w.pos === 'PRON' || saysItHolds(w) || w.pos === 'AUX');
    if (contentWords(place).length === 0 && pronoun && onlyHolds && this.antecedent) return this.applyWraps(parts, this.prop(this.antecedent));
    // "whenever the lamp is on, it is off in the next state": "it" as the subject is the condition's subject.
    const head = place[0] ?? parts.words[0];
    if (head && refersBack(head) && this.antecedentSubject && contentWords(place.slice(1)).length > 0) {
      // ("whenever busy holds, it stays busy": the state it is said to be in is the subject's own name.)
      const lemmas = (ws: readonly Word[]) => contentWords(ws).map((w) => w.lemma).join(' ');
      const same = lemmas(place.slice(1)) === lemmas(this.antecedentSubject);
      return this.applyWraps(parts, this.prop(same ? this.antecedentSubject : [...this.antecedentSubject, ...place.slice(1)]));
    }
    return this.applyWraps(parts, this.prop(place));
  }

  /** How many words at k name the list said before ("them", "these", "the two"): 0 if they do not. */
  protected listSaidBefore(k: number): number {
    if (['them', 'these', 'those'].includes(this.wordAt(k)?.norm ?? '')) return 1;
    return this.wordAt(k)?.norm === 'the' && ['two', 'three', 'four'].includes(this.wordAt(k + 1)?.norm ?? '') ? 2 : 0;
  }

  /** "one of them holds at every step", "at least one of the two": the subjects of the list said before, as a disjunction. */
  protected ofThem(a: number, b: number): FormulaJson | undefined {
    const cue = this.cueAt(a);
    const them = this.listSaidBefore(a + 1);
    if (cue?.kind !== 'listOf' || cue.negated || them === 0) return undefined;
    if (!this.lastList) throw new NotRead('"one of them" with no list before it');
    const predicate = this.clauseParts(a + 1 + them, b, true);
    if (predicate.group || predicate.goal || predicate.avoid || predicate.count) throw new NotRead('"one of them" beside a place, a group or a count');
    const body = this.lastList.map((subject) => this.prop([...subject, ...predicate.words])).reduce((x, y) => bin('or', x, y));
    return this.applyWraps({ ...predicate, words: [] }, body);
  }

  /**
   * "transitions to P-states occur at most 2 times" (the catalogue's bounded existence), "visit a at least twice"
   * (that many separate occurrences: F (a & F (!a & F a))), "exactly once" (both), over a plain clause.
   */
  protected counted(parts: ClauseParts, count: NonNullable<ClauseParts['count']>): FormulaJson {
    // "do not go to a more than twice" is at most twice; "visit a more than once", at least twice.
    const not = this.soleWrap(parts.wraps)?.op === 'not';
    if (count.bound === 'moreThan') {
      const negated = not || (parts.avoid && parts.wraps.length === 0);
      const reread = negated ? { bound: 'atMost' as const, n: count.n } : { bound: 'atLeast' as const, n: count.n + 1 };
      // (What was avoided is still a place: "don't go to the reception more than once".)
      return this.counted(negated ? { ...parts, wraps: [], avoid: false, goal: parts.goal || parts.avoid } : parts, reread);
    }
    const { bound, n } = count;
    // "visit a at most twice": the place is what occurs, with no "eventually" of its own.
    if (parts.group || parts.avoid || parts.wraps.length > 0) throw new NotRead('a count beside other adverbials');
    if (!Number.isInteger(n) || n < 1 || n > 5) throw new NotRead('a count outside 1-5');
    const place = placeWords(parts);
    const p = this.prop(place);
    // "p holds at most once": at one step at most, as every independent writer of exercises read it (3 rows); a
    // visit ("visit the lab at most once") is one stay, however long, so it keeps the catalogue's bounded existence.
    // ("p occurs at most 1 times", the catalogue's own words for its pattern, stays the catalogue's.)
    const once = n === 1 && count.once === true && !parts.goal ? un('globally', bin('implies', p, un('next', un('globally', negation(p))))) : undefined;
    if (bound === 'atMost' && once) {
      // Still the catalogue's pattern to a scope ("between q and r, p occurs at most once").
      this.patterns.set(once, { kind: 'boundedExistence', p, n });
      return once;
    }
    if (bound === 'atMost') return this.pattern({ kind: 'boundedExistence', p, n });
    // "visit the hill exactly once": not there, then there for one stay that ends for good; "p holds exactly once":
    // for one step. Both as every independent writer of such a sentence put them (9 rows), the same meaning as the
    // catalogue's existence with bounded existence, written the short way.
    if (bound === 'exactly' && n === 1) return bin('until', negation(p), bin('and', p, parts.goal ? bin('until', p, un('globally', negation(p))) : un('next', un('globally', negation(p)))));
    // "visit a at least twice": separate visits, with leaving in between; "p holds at least twice", of a letter: at two
    // positions, F (p & X F p), as four of the five independent writers of such an exercise put it.
    const named = contentWords(place);
    const letter = !parts.goal && named.length === 1 && /^[a-z]\d*$/i.test(named[0]!.text);
    // "p is true at exactly two positions": not p, p at one step, and so on, then never again (as the writers of both
    // such exercises put it); of a visit, stays counted with the catalogue's bounded existence below.
    if (bound === 'exactly' && letter) {
      let exactly = un('globally', negation(p));
      for (let i = 0; i < n; i++) exactly = bin('until', negation(p), bin('and', p, un('next', exactly)));
      return exactly;
    }
    let atLeast = un('finally', p);
    for (let i = 1; i < n; i++) atLeast = un('finally', bin('and', p, letter ? un('next', atLeast) : un('finally', bin('and', negation(p), atLeast))));
    return bound === 'atLeast' ? atLeast : bin('and', atLeast, once ?? scoped('globally', { kind: 'boundedExistence', p, n }, undefined, undefined));
  }

  /**
   * "p toggles (at every step)": G (p <-> X !p), as three of the four independent writers put it; "a and b
   * alternate": G ((a -> X b) & (b -> X a)). Said at every step anyway, so a bare "always" adds nothing.
   */
  protected alternation(parts: ClauseParts, props: FormulaJson[]): FormulaJson {
    const wraps = parts.wraps.flat();
    if (parts.group || parts.goal || parts.avoid || props.length > 2 || wraps.some((w) => w.op !== 'globally' || w.lo !== undefined)) {
      throw new NotRead('an alternation beside a place, a group, adverbials or more than two clauses');
    }
    const [a, b] = props as [FormulaJson, FormulaJson?];
    if (!b) return un('globally', bin('iff', a, un('next', negation(a))));
    return un('globally', bin('and', bin('implies', a, un('next', b)), bin('implies', b, un('next', a))));
  }

  /** "the door must not stay open for more than 30 seconds": whenever it is open, it is closed again within 30. */
  protected atMostFor(parts: ClauseParts, n: number): FormulaJson {
    const wraps = parts.wraps.flat();
    if (parts.group || parts.goal || parts.avoid) throw new NotRead('"for more than" beside a place or a group');
    // "if the speed exceeds the limit for more than 3 seconds": it has held for that long.
    if (wraps.length === 0) return un('globally', this.prop(parts.words), [0, n]);
    if (wraps.length !== 1 || wraps[0]!.op !== 'not') throw new NotRead('"for more than" with adverbials other than "not"');
    const p = this.prop(parts.words);
    return un('globally', bin('implies', p, un('finally', un('not', p), [0, n])));
  }

  /** "every request is eventually acknowledged": at every moment, a request is eventually acknowledged. */
  protected quantified(a: number, b: number): FormulaJson | undefined {
    const first = this.items[a];
    // "never in motion while any door is open": in a condition, any door open is a door open.
    if (first?.kind === 'word' && first.word.lemma === 'any' && this.conditionDepth > 0) return undefined;
    const relative = this.relativeSubject(a, b);
    if (relative) return relative;
    const object = this.quantifiedObject(a, b);
    if (object) return object;
    if (first?.kind !== 'word' || !['every', 'each', 'any'].includes(first.word.lemma)) return undefined;
    // The word after "every" is a noun, whatever the tagger says ("every message/VERB sent").
    let end = this.wordAt(a + 1) ? a + 2 : a + 1;
    while (end < b && this.wordAt(end) && !['AUX', 'VERB'].includes(this.wordAt(end)!.pos)) end++;
    // "every message placed on the queue must ...": a participle after the noun says which; the verb is the auxiliary.
    const participle = this.wordAt(end)?.pos === 'VERB' && /(ed|en|nt)$/.test(this.wordAt(end)!.norm);
    const auxiliary = participle ? this.find(end + 1, b, (k) => this.wordAt(k)?.pos === 'AUX') : -1;
    if (auxiliary > end && this.items.slice(end, auxiliary).every((it) => it.kind === 'word')) end = auxiliary;
    // ("every request must be followed by a grant": a subject and its modal, the predicate being the response's.)
    if (end === a + 1 || end === b || this.items.slice(end, b).every((it) => it.kind === 'cue' && it.cue.kind === 'ignore')) return undefined;
    const predicate = this.clauseParts(end, b, false);
    if (predicate.group) return undefined;
    const trigger = this.prop(this.wordsIn(a + 1, end));
    return un('globally', bin('implies', trigger, this.applyWraps(predicate, this.prop(predicate.words))));
  }

  /** "The system shall log every error": whenever there is one, the system logs it (with the clause's adverbials). */
  protected quantifiedObject(a: number, b: number): FormulaJson | undefined {
    const q = this.find(a + 1, b, (k) => ['every', 'each', 'all', 'any'].includes(this.wordAt(k)?.lemma ?? '') && this.wordAt(k - 1)?.pos === 'VERB');
    if (q < 0) return undefined;
    let end = q + 1;
    // "every access to the database": a prepositional phrase belongs to the noun phrase.
    const preposition = (k: number) => ['of', 'to', 'in', 'on', 'from', 'for'].includes(this.wordAt(k)?.norm ?? '') && nounLike.has(this.wordAt(k + 1)?.pos ?? '');
    while (end < b && (nounLike.has(this.wordAt(end)?.pos ?? '') || (end > q + 1 && preposition(end)))) end++;
    if (end === q + 1) return undefined;
    // "reject any input that is out of range": the relative clause says which.
    const that = this.items[end];
    const relative = that?.kind === 'cue' && that.cue.kind === 'ignore' && that.words.length === 1 && ['that', 'which'].includes(that.words[0]!.norm);
    const triggerEnd = relative && this.items.slice(end + 1, b).every((it) => it.kind === 'word') ? b : end;
    const response = this.clauseParts(a, q, false);
    // "does not notify any artists": "any" under a negation is "no", not "every".
    if (this.wordAt(q)?.lemma === 'any' && response.wraps.flat().some((w) => w.op === 'not')) return undefined;
    const after = triggerEnd < b ? this.clauseParts(triggerEnd, b, true) : undefined;
    if (response.group || response.goal || response.avoid || response.count || after?.words.length || after?.group || after?.goal) return undefined;
    const trigger = this.prop([...this.wordsIn(q + 1, end), ...(triggerEnd > end ? this.wordsIn(end + 1, triggerEnd) : [])]);
    const wraps = [...response.wraps, ...(after?.wraps ?? [])];
    return un('globally', bin('implies', trigger, this.applyWraps({ ...response, wraps, words: [] }, this.prop(response.words))));
  }

  /**
   * "A message that is sent is eventually received": a subject with a relative clause speaks of every such thing, at
   * every moment: G (message_sent -> F received). The relative clause ends where a second verb group, an adverbial or
   * an obligation starts after its own verb.
   */
  protected relativeSubject(a: number, b: number): FormulaJson | undefined {
    const first = this.items[a];
    if (first?.kind !== 'word' || !['a', 'an', 'every', 'each', 'any'].includes(first.word.norm)) return undefined;
    let that = a + 1;
    while (that < b && ['NOUN', 'PROPN', 'ADJ', 'NUM'].includes(this.wordAt(that)?.pos ?? '')) that++;
    const it = this.items[that];
    const isThat = it?.kind === 'cue' ? it.cue.kind === 'ignore' && ['that', 'which', 'who'].includes(it.words[0]!.norm) && it.words.length === 1 : it?.kind === 'word' && ['which', 'who'].includes(it.word.norm);
    if (that === a + 1 || !isThat) return undefined;
    const isVerb = (k: number) => {
      const x = this.items[k]!;
      return (x.kind === 'word' && ['AUX', 'VERB'].includes(x.word.pos)) || (x.kind === 'cue' && x.cue.kind === 'goal');
    };
    let main = -1;
    let seenVerb = false;
    for (let k = that + 1; k < b; k++) {
      const x = this.items[k]!;
      if (x.kind !== 'word' && x.kind !== 'cue') return undefined;
      const adverbial = x.kind === 'cue' && (x.cue.kind === 'unary' || (x.cue.kind === 'ignore' && x.cue.obligation === true));
      if (seenVerb && (adverbial || (isVerb(k) && !isVerb(k - 1)))) {
        main = k;
        break;
      }
      if (x.kind === 'cue' && x.cue.kind !== 'goal' && x.cue.kind !== 'ignore') return undefined;
      if (isVerb(k)) seenVerb = true;
    }
    if (main < 0) return undefined;
    const predicate = this.clauseParts(main, b, false);
    if (predicate.group || predicate.goal || predicate.avoid || predicate.count) return undefined;
    const trigger = this.prop([...this.wordsIn(a + 1, that), ...this.wordsIn(that + 1, main)]);
    return un('globally', bin('implies', trigger, this.applyWraps(predicate, this.prop(predicate.words))));
  }

  protected clauseParts(a: number, b: number, predicateOnly: boolean): ClauseParts {
    const parts: ClauseParts = { wraps: [], words: [], goal: false, avoid: false };
    const predicate: Wrap[] = [];
    /** "becomes true": eventually, unless another adverbial says when ("becomes true in the next step"). */
    const onsets = new Set<Wrap[]>();
    let again = false;
    // "no calls occur": a clause that opens with "no" says its proposition does not hold.
    const opening = this.items[a];
    if (opening?.kind === 'word' && opening.word.norm === 'no' && opening.word.pos === 'DET') predicate.push({ op: 'not' });
    for (let k = a; k < b; k = this.step(k)) {
      const it = this.items[k]!;
      if (it.kind === 'word') parts.words.push(it.word);
      else if (it.kind === 'open') this.group(k, parts);
      else if (it.kind !== 'cue') continue;
      else if (it.cue.kind === 'unary') {
        // "whenever k becomes false": the moment it does; "becomes true" says nothing more there.
        if (it.cue.onset && this.conditionDepth > 0 && !it.cue.predicate) continue;
        if (it.cue.relative) this.relativePast++;
        if (it.cue.predicate) {
          predicate.push(...this.resolve(k));
          // "k becomes false" outside a condition: eventually not k.
          if (it.cue.onset && this.conditionDepth === 0) {
            const eventually: Wrap[] = [{ op: 'finally' }];
            onsets.add(eventually);
            parts.wraps.push(eventually);
          }
        } else if (!(it.cue.immediate && this.findFlagged(a, b, 'obligation') >= 0 && !this.imperative(a, b))) {
          const wraps = this.resolve(k);
          if (it.cue.onset) onsets.add(wraps);
          parts.wraps.push(wraps);
        }
        if (it.cue.goal) parts.goal = true;
      }
      else if (it.cue.kind === 'goal' || it.cue.kind === 'avoid') {
        parts[it.cue.kind] = true;
        if (it.cue.kind === 'goal') parts.goesTo = true;
        if (it.cue.kind === 'goal' && it.words.some((w) => ['through', 'thru', 'past', 'by', 'via'].includes(w.norm))) parts.via = true;
        // The agent before "go to" or "avoid" ("the robot must reach the goal") is not part of the place.
        parts.place ??= parts.words.length;
      }
      else if (it.cue.kind === 'satisfy') parts.place ??= parts.words.length;
      else if (it.cue.kind === 'count') {
        if (parts.count) throw new NotRead('two counts in one clause');
        parts.count = { bound: it.cue.bound, n: it.cue.times ?? it.numbers[0]!, ...(it.cue.times === 1 ? { once: true } : {}) };
      }
      else if (it.cue.kind === 'jointly' && it.cue.wraps) parts.wraps.push(it.cue.wraps);
      else if (it.cue.kind === 'ignore' && it.cue.again) again = true;
      else if (it.cue.kind === 'ignore' || it.cue.kind === 'jointly' || it.cue.kind === 'inOrder' || it.cue.kind === 'thatMoment') continue;
      else if (it.cue.kind === 'same') parts.same = true;
      else if (it.cue.kind === 'alternate') parts.alternate = true;
      // "c holds in the step after": one step after the step the clause before spoke of.
      else if (it.cue.kind === 'stepAfter') parts.wraps.push(Array.from({ length: this.lastSteps + 1 }, () => ({ op: 'next' as const })));
      // "head to a, and make sure you never go to b": a framing lead inside the sentence frames the clause after it.
      else if (it.cue.kind === 'lead' && !it.cue.wraps) continue;
      // "one of the doors is open" names the door that is; "neither" with no list says nothing.
      else if (it.cue.kind === 'listOf' && !it.cue.negated) continue;
      else if (it.cue.kind === 'listOf') throw new NotRead('"neither" before no list');
      else if (it.cue.kind === 'untilThen') throw new NotRead('"until then" with no event before it');
      else if (it.cue.kind === 'longerThan') parts.longerThan = it.numbers[0];
      else if (it.cue.kind === 'inARow') parts.inARow = it.cue.times ?? it.numbers[0];
      else throw new NotRead(`a ${it.cue.kind} cue inside a clause`);
    }
    // (Not before an interval named alone: "at some step between step 2 and step 5" is F[2,5], applyWraps.)
    const laterInterval = parts.wraps.every((ws) => onsets.has(ws) || ws.every((w) => w.span === true));
    if (!laterInterval && parts.wraps.some((ws) => !onsets.has(ws) && ws.some((w) => w.op !== 'not'))) parts.wraps = parts.wraps.filter((ws) => !onsets.has(ws));
    if (predicate.length > 0) {
      parts.wraps.push(predicate);
      parts.said = predicate;
    }
    // "go down Valley Run next", "go straight to the feed store next step": a command's last words "next (step)" are
    // the next step.
    const last = (k: number) => parts.words[parts.words.length - k]?.norm;
    const stepWord = ['step', 'cycle', 'tick'].includes(last(1) ?? '') && last(2) === 'next' ? 2 : last(1) === 'next' ? 1 : 0;
    if (parts.goal && stepWord > 0 && parts.words.length > stepWord) {
      parts.words.splice(parts.words.length - stepWord);
      parts.wraps.push([{ op: 'next' }]);
    }
    // "b will not happen again": never again; "dont fly over the crowd ever": never.
    const notEver = parts.wraps.length === 2 && parts.wraps[0]!.length === 1 && parts.wraps[0]![0]!.op === 'not' && onsets.has(parts.wraps[1]!) && parts.wraps[1]!.length === 1 && parts.wraps[1]![0]!.op === 'finally';
    if ((again && this.soleWrap(parts.wraps)?.op === 'not') || notEver) parts.wraps = [[{ op: 'globally' }, { op: 'not' }]];
    if (parts.same && !predicateOnly) throw new NotRead('"the same" with nothing to compare');
    const referent = this.antecedent !== undefined && parts.words.some(refersBack);
    const hasContent = contentWords(parts.words).length > 0 || referent || this.elided !== undefined || parts.words.some((w) => w.norm === 'true' || w.norm === 'false');
    if (parts.group ? hasContent : !predicateOnly && !hasContent) throw new NotRead('a clause with no proposition, or words beside a group');
    return parts;
  }

  /** A parenthesised group in a clause: its formula, or, for "(within the next 5 time units)", its adverbials. */
  protected group(open: number, parts: ClauseParts): void {
    const close = this.closing.get(open)!;
    const inner = this.items.slice(open + 1, close);
    if (inner.length > 0 && inner.every((it) => it.kind === 'cue' && it.cue.kind === 'unary')) {
      // "in the third state (two steps after the initial state)": the same time said again in brackets adds nothing.
      const said = (ws: Wrap[]) => JSON.stringify(ws);
      const again = (k: number) => parts.wraps.some((ws) => said(ws) === said(this.resolve(k)));
      for (let k = open + 1; k < close; k++) if (!again(k)) parts.wraps.push(this.resolve(k));
      return;
    }
    // "when the pilot is not in control (not standby)", "a request (of some resource) occurs": brackets after a
    // clause's words are an aside that restates or qualifies it.
    if (contentWords(parts.words).length > 0) return;
    if (inner.length > 0 && inner.every((it) => it.kind === 'word')) {
      parts.words.push(...this.wordsIn(open + 1, close));
      return;
    }
    if (parts.group) throw new NotRead('two groups in one clause');
    parts.group = [open + 1, close];
  }

  /** Wraps the clause's adverbials around `body`, outermost first, adding the implied ones of goals and avoidance. */
  protected applyWraps(parts: ClauseParts, body: FormulaJson): FormulaJson {
    let wraps = parts.wraps.flat();
    if (parts.avoid) wraps = [...wraps, { op: 'globally' }, { op: 'not' }];
    const temporal = wraps.some((w) => w.op !== 'not');
    if (parts.goal && !temporal && (this.conditionDepth === 0 || wraps.length > 0)) wraps = wraps.length > 0 ? [{ op: 'globally' }, ...wraps] : [{ op: 'finally' }];
    // "the robot shall always return to its home position": again and again.
    else if (parts.goesTo && this.conditionDepth === 0 && wraps.length === 1 && wraps[0]!.op === 'globally' && wraps[0]!.lo === undefined) wraps = [...wraps, { op: 'finally' }];
    // "b holds at some step between step 2 and step 5": some moment of the interval, F[2,5]. (Not "eventually p holds
    // for 5 steps" or "eventually at every moment between 2 and 10 time units from now": F G.)
    const someMomentOf = (i: number) => wraps[i]!.op === 'finally' && wraps[i]!.lo === undefined && !wraps[i]!.reach && wraps[i + 1]?.span === true;
    wraps = wraps.flatMap((w, i): Wrap[] => (someMomentOf(i) ? [] : i > 0 && someMomentOf(i - 1) ? [{ op: 'finally', lo: w.lo, hi: w.hi }] : [w]));
    // "always avoid": one G; "eventually reach the goal within 10 seconds": F[0,10], not F F[0,10].
    wraps = wraps.filter((w, i) => {
      const next = wraps[i + 1];
      // "q eventually becomes true": one F.
      if (i > 0 && (w.op === 'globally' || w.op === 'finally') && wraps[i - 1]!.op === w.op && w.lo === undefined && wraps[i - 1]!.lo === undefined) return false;
      // "keep visiting a forever": a recurring visit already goes on forever; "p never holds from then on": never.
      const unbounded = (j: number, op: Wrap['op']) => wraps[j]?.op === op && wraps[j]!.lo === undefined;
      if (i >= 2 && unbounded(i, 'globally') && (unbounded(i - 1, 'finally') || wraps[i - 1]!.op === 'not') && unbounded(i - 2, 'globally')) return false;
      // "enter safe mode in the next step and stay there": X G, the step says when it is reached.
      if (w.reach && i > 0 && (wraps[i - 1]!.op === 'next' || (wraps[i - 1]!.op === 'finally' && wraps[i - 1]!.lo !== undefined))) return false;
      // "continuously during the next 4 steps", "always true for the next 5 steps": G[0,4], not G G[0,4].
      return !((w.op === 'finally' || w.op === 'globally') && w.lo === undefined && next?.op === w.op && next.lo !== undefined);
    });
    // "if the battery runs low at any point, ...": a condition holds at any point it holds, so "any" adds nothing there.
    if (this.conditionDepth > 0 && wraps.some((w) => w.any)) wraps = wraps.filter((w) => !w.any);
    // "must not start for 5 seconds", "cannot hold in the next step": the negation is of the clause, under the
    // duration or the step (G[0,5] !p, X !p); "does not always hold" and "not within 5 seconds" keep theirs.
    for (let i = 0; i + 1 < wraps.length; i++) {
      const next = wraps[i + 1]!;
      if (wraps[i]!.op === 'not' && ((next.op === 'globally' && (next.lo !== undefined || next.any)) || next.op === 'next')) [wraps[i], wraps[i + 1]] = [next, wraps[i]!];
    }
    const each = (w: Wrap, f: FormulaJson): FormulaJson => {
      const steps = Array.from({ length: (w.hi as number) - (w.lo as number) + 1 }, (_, i) => nexts((w.lo as number) + i, f));
      return steps.reduce((x, y) => bin(w.some ? 'or' : 'and', x, y));
    };
    this.lastSteps = wraps.filter((w) => w.op === 'next').reduce((n, w) => n + (w.each ? (w.hi as number) : 1), 0) || this.lastSteps;
    // "it is never the case that the elevator is not active": one negation cancels the other.
    const wrap = (f: FormulaJson, w: Wrap): FormulaJson => (w.op === 'not' && f.kind === 'not' ? f.args[0]! : w.lo === undefined ? un(w.op, f) : un(w.op, f, [w.lo as number, w.hi as number | null]));
    return wraps.reduceRight<FormulaJson>((f, w) => (w.each ? each(w, f) : wrap(f, w)), body);
  }

  /** The wraps of the unary cue at k, with its numbers filled in. */
  protected resolve(k: number): Wrap[] {
    const it = this.items[k] as Extract<Item, { kind: 'cue' }>;
    return this.resolveWraps(it, (it.cue as Extract<Cue, { kind: 'unary' }>).wraps);
  }

  protected resolveWraps(it: Extract<Item, { kind: 'cue' }>, wraps: readonly Wrap[]): Wrap[] {
    const num = (v: Wrap['lo'] | Wrap['hi']): number | null | undefined => (v === 'n0' ? it.numbers[0] : v === 'n1' ? it.numbers[1] : v);
    return wraps.flatMap((w): Wrap[] => {
      if (w.lo === undefined) return [w];
      const lo = num(w.lo)!;
      // "in the next two steps": X b & X X b, as many as there are (at most 10), else G[1,n].
      if (w.each) {
        const hi = num(w.hi)!;
        return hi >= 1 && hi <= 10 ? [{ op: 'next', lo, hi, each: true, ...(w.some ? { some: true } : {}) }] : [{ op: w.some ? 'finally' : 'globally', lo, hi }];
      }
      // "three steps later": X X X; "3 seconds later": F[3,3].
      if (w.op === 'next') {
        const counted = it.steps || w.steps === true || it.words.length <= 2;
        return counted && lo >= 1 && lo <= 10 ? Array.from({ length: lo }, () => ({ op: 'next' as const })) : [{ op: 'finally', lo, hi: lo }];
      }
      const hi = num(w.hi);
      if (hi !== null && hi !== undefined && hi < lo) throw new NotRead('a reversed interval');
      return [{ op: w.op, lo, hi: hi ?? null, ...(w.span ? { span: true } : {}) }];
    });
  }

  protected resolveRange(a: number, b: number): Wrap[] {
    const out: Wrap[] = [];
    for (let k = a; k < b; k++) out.push(...this.resolve(k));
    return out;
  }

  protected wrapAll(wraps: Wrap[], f: FormulaJson): FormulaJson {
    // "always, whenever A, B": one G; "within 7 steps, reach the lock": F[0,7] lock, not F[0,7] F lock.
    const last = wraps[wraps.length - 1];
    // "always avoid both the pit and the fire": each avoidance holds at every moment already.
    const always = (g: FormulaJson): boolean => (g.kind === 'globally' && !g.interval) || (g.kind === 'and' && g.args.every(always));
    if (wraps.length === 1 && last?.op === 'globally' && last.lo === undefined && f.kind === 'and' && always(f)) return f;
    const inner = last && last.op === 'globally' && last.lo === undefined ? peel(f, 'globally') : last?.op === 'finally' ? peel(f, 'finally') : f;
    return this.applyWraps({ wraps: [wraps], words: [], goal: false, avoid: false }, inner);
  }

  protected prop(words: Word[]): FormulaJson {
    const content = contentWords(words);
    if (content.length === 0) throw new NotRead('a clause with no proposition');
    const level = signalLevel(words, content);
    this.clauses.push({ words: level ? [content[0]!] : content });
    const p: FormulaJson = { kind: 'prop', name: `#${this.clauses.length - 1}` };
    return level === 'low' ? un('not', p) : p;
  }

  abstract sentence(a: number, b: number): FormulaJson;

  /** Whether [a, b) is a command (RangeReader answers it). */
  protected abstract imperative(a: number, b: number): boolean;
}

/**
 * "req goes high", "busy is low", "grant is asserted": a signal named by one bare word (no article) holds when high
 * and not when low, as hardware specifications write it. "High" and "low" count only after a signal's short name
 * ("req", "busy", "x1"): "the pressure is high" and "temperature is high" name a state of their own.
 */
function signalLevel(words: readonly Word[], content: readonly Word[]): 'high' | 'low' | undefined {
  // "req goes high": going is becoming.
  const core = content.filter((w) => !['go', 'turn'].includes(w.lemma));
  if (core.length !== 2 || words.some((w) => w.pos === 'DET')) return undefined;
  const [name, level] = core as [Word, Word];
  const short = /^[a-z]{1,5}\d*$|\d|_/i.test(name.text);
  if (['asserted', 'raised'].includes(level.norm) || (short && level.norm === 'high')) return 'high';
  if (level.norm === 'deasserted' || (short && level.norm === 'low')) return 'low';
  return undefined;
}
