// The symbolic reading of a requirement: a recursive-descent grammar over cue phrases (cues.ts) and
// content words. It reads the specification-pattern fragment of English exactly (response,
// precedence, absence, universality, existence, bounded response and invariance, "X until Y",
// "never X while Y", "once X, always Y", "A and then B") and gives up, returning undefined, on
// anything else, so the caller can fall back to the neural model. Precedence, loosest first:
//   subordinate clauses (if, whenever, once)  >  implies, iff, "is followed by", "precedes"
//   >  until, unless, before, after, while  >  or  >  and  >  then  >  one clause with its adverbials.
// One clause and its adverbials are read by ClauseReader (clauses.ts); this class reads the structure around them.
import { mapProps, propNames, type FormulaJson } from '../../languages/tl/api';
import { bin, hasTemporal, isVisit, nexts, patternOf, scoped, un, type Binary, type ChainKind, type Scope } from './catalogue';
import { NotRead, type Clause, type ClauseParts } from './clauses';
import { contentWords, isContent, isStateWord, nounLike, refersBack } from './content';
import { forbidding, goesSomewhere, taskVerbs, type BinaryCue, type Cue, type Wrap } from './cues';
import { againAndAgain, conjuncts, eachGoal, eventOf, eventuallyEach, hasPast, lastStep, hasUnbounded, withoutNext, inOrder, inSequence, isTemporal, negation, peel, thenAlso, visitsInTurn, weakly, type Order } from './formulas';
import { toItems, type Item } from './items';
import { bulletedRule, commandsInOrder, normalisations, numberedList, twoNamed, unpunctuatedList, withoutGreetings, withoutReasons } from './normalise';
import { andOr, RangeReader, thenCue } from './ranges';
import type { Word } from './words';

export interface Reading {
  /** The formula over clause ids `#0`, `#1`, … (see `clauses`). */
  formula: FormulaJson;
  clauses: Clause[];
}

const levelOne: ReadonlySet<BinaryCue> = new Set(['implies', 'iff', 'response', 'neverFollowedBy', 'neverNextBy', 'immediateResponse', 'immediatelyPrecededBy', 'respondsTo', 'precedes', 'precededBy']);
const levelTwo: ReadonlySet<BinaryCue> = new Set(['until', 'unless', 'unlessUntil', 'release', 'releasedBy', 'strongReleasedBy', 'since', 'before', 'after', 'while', 'via', 'stepsAfter', 'withinOf']);
/** The cues whose numbers time a response ("5 seconds after", "within 3 seconds of"): timedResponse reads them, not combine. */
const timedOps: ReadonlySet<BinaryCue> = new Set(['stepsAfter', 'withinOf']);

interface Trailer {
  weak: boolean;
  window?: Wrap;
}

/** Verbs whose bare form opens a command after a condition with no comma: going somewhere, or work done there. */
const commandVerbs: ReadonlySet<string> = new Set(['go', 'head', 'visit', 'return', 'come', ...taskVerbs]);

/** Parts of speech that name nothing a requirement is about. */
const functionWords: ReadonlySet<string> = new Set(['DET', 'AUX', 'PART', 'PRON', 'CCONJ', 'SCONJ', 'PUNCT', 'SYM']);

/** The cues whose sides may be chains of two events ("S, T precedes P"). */
const chainOps: ReadonlySet<BinaryCue> = new Set(['precedes', 'precededBy', 'respondsTo', 'response']);

class Reader extends RangeReader {
  /**
   * "The hoist shall remain stationary until the stage is clear": a written specification ("shall") binds the system
   * until the release and does not promise that the release comes, so its "until" is weak (W). Independent writers
   * chose W for 102 of 138 such rows, and U for 276 of 344 "until"s with no modal (mostly missions, where the robot
   * brings the release about itself).
   */
  private readonly specification = this.items.some((it) => (it.kind === 'word' ? [it.word] : 'words' in it ? it.words : []).some((w) => w.norm === 'shall'));

  /** The whole requirement after its framing lead (which ends at a - 1, if there is one), under the lead's wraps. */
  requirement(a: number, b: number): FormulaJson {
    const lead = this.cueAt(a - 1);
    // "In all tasks, if ...": the things a requirement speaks of, each of them, at every moment it speaks of anyway.
    const domain = ['in', 'for'].includes(this.wordAt(a)?.norm ?? '') && ['all', 'every', 'each', 'any'].includes(this.wordAt(a + 1)?.norm ?? '');
    const comma = domain ? this.find(a + 2, b, (k) => this.items[k]!.kind !== 'word') : -1;
    if (comma > a + 2 && this.items[comma]!.kind === 'comma') return this.requirement(comma + 1, b);
    // "start at the main gate and visit the rose garden and then the pond": there now, and the rest from then on.
    const start = this.cueAt(a);
    if (start?.kind === 'ignore' && start.startsAt) {
      const end = this.find(a + 1, b, (k) => this.items[k]!.kind !== 'word');
      const here = end < 0 ? b : end;
      if (!this.placesOnly(a + 1, here)) throw new NotRead('a start that is no place');
      let next = here;
      while (next < b && (this.items[next]!.kind === 'comma' || this.isBinary(next, andOr) || this.isBinary(next, thenCue))) next++;
      const there = this.prop(this.wordsIn(a + 1, here));
      return next < b ? bin('and', there, this.requirement(next, b)) : there;
    }
    // "go to a, then b, and repeat this loop forever": the whole mission, again and again.
    if (b - 1 > a && this.cueAt(b - 1)?.kind === 'repeat') return againAndAgain(this.requirement(a, this.items[b - 2]!.kind === 'comma' ? b - 2 : b - 1));
    const read = this.sentence(a, b);
    // "move the chair to the green room": a command says what to get done, so with no temporal word, eventually;
    // "a must not occur": a prohibition with no temporal word holds at every moment.
    const modal = this.find(a, b, (k) => ['can', 'may', 'could'].includes(this.cueWord(k) ?? '')) >= 0;
    const obligation = this.findFlagged(a, b, 'obligation') >= 0;
    // "cannot stay on for three states in a row": steps counted from any moment are still no temporal word.
    // "don't touch the seabed": so is a command not to, as beside a goal ("go to the lab and don't touch the seabed").
    const prohibition = read.kind === 'not' && !hasTemporal(withoutNext(read)) && (modal || obligation || this.forbiddenCommand(a, b));
    // "the reactor temperature shall stay below 500 degrees": an obligation with no temporal word, no condition and
    // no first moment ("at startup") holds at every moment too.
    const standing = !hasTemporal(read) && read.kind !== 'implies' && obligation && this.findFlagged(a, b, 'initial') < 0;
    // "baggage claim", "either the Asian art gallery or the photography exhibit": places named with no verb at all
    // are where to go (not letters, which an exercise names: "p or q").
    const destination = !hasTemporal(read) && this.placesOnly(a, b);
    const body = this.imperative(a, b) || destination ? eventuallyEach(read) : prohibition || standing ? un('globally', read) : read;
    return lead?.kind === 'lead' && lead.wraps ? this.wrapAll(lead.wraps, body) : body;
  }

  sentence(a0: number, b0: number): FormulaJson {
    const [a, b] = this.trim(a0, b0);
    const first = this.cueAt(a);
    // "always, if ...", "it is never the case that ...": a leading adverbial over the whole sentence.
    if (first?.kind === 'unary') {
      // "eventually at the next moment, A or B": a run of adverbials and a comma scope over the rest.
      const run = this.leadingUnary(a, b);
      if (first.sentence || this.items[run]?.kind === 'comma' || this.cueAt(run)?.kind === 'if') {
        const wraps = this.resolveRange(a, run);
        // "infinitely often, req is high while ack is low": at such moments both hold.
        const moments = wraps[wraps.length - 1]?.op === 'finally';
        if (moments) this.momentDepth++;
        let rest: FormulaJson;
        try {
          rest = this.sentence(run, b);
        } finally {
          if (moments) this.momentDepth--;
        }
        // "never, under any circumstances, enter the server room": what is forbidden is the command's goal at any
        // moment, not its eventually.
        const forbids = wraps[wraps.length - 1]?.op === 'not' && this.imperative(run, b);
        // "in the very next step, move into the hallway": the time said for the goal is when it is reached.
        const timed = wraps[wraps.length - 1]?.op === 'next' && this.imperative(run, b) && isVisit(rest);
        return this.wrapAll(wraps, forbids || timed ? peel(rest, 'finally') : rest);
      }
    }
    // "a is high exactly when b is high, in every cycle": adverbials set off at the end scope over all before them.
    const lastComma = this.lastComma(a, b);
    const trailing = lastComma > a && lastComma + 1 < b && this.items.slice(lastComma + 1, b).every((it) => it.kind === 'cue' && it.cue.kind === 'unary' && !it.cue.goal && it.cue.wraps.every((w) => w.op === 'globally' && w.lo === undefined));
    if (trailing) return this.wrapAll(this.resolveRange(lastComma + 1, b), this.sentence(a, lastComma));
    const scoped = this.patternScope(a, b);
    if (scoped) return scoped;
    // "a eventually holds and whenever a holds, b holds afterwards": and/or before a subordinate clause joins sentences.
    const joined = this.find(a + 1, b, (k) => this.isBinary(k, andOr) && this.cueAt(k + 1)?.kind === 'if');
    if (joined > a) {
      const leftEnd = this.items[joined - 1]!.kind === 'comma' ? joined - 1 : joined;
      const read = this.clauses.length;
      const left = this.sentence(a, leftEnd);
      // "a holds at least once, and whenever it holds, ...": "it" is the clause before.
      if (this.clauses.length > read) this.antecedent = this.clauses[read]!.words;
      return bin((this.cueAt(joined) as { op: 'and' | 'or' }).op, left, this.sentence(joined + 1, b));
    }
    // "every connection request shall eventually be either granted or rejected": a quantified subject before a
    // predicate with its own and/or speaks of each such thing, at every moment.
    const every = this.everySubject(a, b);
    if (every) return un('globally', bin('implies', this.prop(every.subject), this.sentence(a + 1, b)));
    // "In landing mode the aircraft shall always satisfy gear_down", "In a safe domain, ...": a mode is a standing condition.
    const mode = this.modeScope(a, b);
    // "always" inside a mode holds while in it: G (mode -> gear_down), not G (mode -> G gear_down); a condition inside
    // it holds with it ("In dosing mode, when detergent_low is true, ...": G ((dosing_mode & detergent_low) -> ...)).
    if (mode) {
      const inMode = this.condition(a + 1, mode[0]);
      const main = peel(this.sentence(mode[1], b), 'globally');
      return un('globally', main.kind === 'implies' && !hasTemporal(main.args[0]!) ? bin('implies', bin('and', inMode, main.args[0]!), main.args[1]!) : bin('implies', inMode, main));
    }
    // "as long as the battery is low, stay in the charging station"; "while avoiding the river, reach the bank".
    if (first?.kind === 'binary' && first.op === 'while') {
      const [condEnd, mainStart] = this.separator(a + 1, b);
      const cond = this.condition(a + 1, condEnd);
      return this.combine('while', this.sentence(mainStart, b), cond);
    }
    // "Within 5 seconds of a sensor failure, the controller shall switch to the backup sensor": the timed response
    // with its event first.
    if (first?.kind === 'binary' && timedOps.has(first.op)) {
      const [condEnd, mainStart] = this.separator(a + 1, b);
      return this.timedResponse(a, this.sentence(mainStart, b), this.condition(a + 1, condEnd));
    }
    // "Having received an event of kind 1, the dispatcher never ...": a perfect participle clause is "after".
    const having = this.wordAt(a)?.norm === 'having' && (this.wordAt(a + 1)?.pos === 'VERB' || this.cueAt(a + 1)?.kind === 'goal');
    const opener: Cue | undefined = having ? { kind: 'binary', op: 'after' } : first;
    // "if A then B", "whenever A, B", "after A, B".
    if (opener?.kind === 'if' || (opener?.kind === 'binary' && opener.op === 'after')) {
      const global = opener.kind === 'binary' || opener.global;
      const [condEnd, mainStart] = this.separator(a + 1, b);
      // "Once armed, the alarm remains armed": a condition with no subject of its own is about the main clause's.
      const elliptical = this.onlyAdjectives(a + 1, condEnd) || (this.opensWithVerb(a + 1, condEnd) && this.wordAt(a + 1)?.pos === 'VERB' && this.wordAt(a + 1)!.norm.endsWith('ed'));
      const cond = this.condition(a + 1, condEnd, elliptical ? this.subjectOf(mainStart, b) : undefined);
      // "if p holds at infinitely many positions, then so does q": the condition said again of q.
      const so = this.wordAt(mainStart)?.norm === 'so' && ['do', 'be', 'will'].includes(this.wordAt(mainStart + 1)?.lemma ?? '') && mainStart + 2 < b ? this.wordsIn(mainStart + 2, b) : undefined;
      if (so && propNames(cond).size === 1) {
        const again = this.prop(so);
        return bin('implies', cond, mapProps(cond, () => again));
      }
      // "after visiting the bank, go to the park": a mission's steps in turn, not a rule for every visit of the bank.
      // (A ban is a rule from then on, as after "once you have visited": "after visiting aisle 1, never go to aisle 3".)
      const step = opener.kind === 'binary' && !having && this.imperative(mainStart, b) && !this.forbids(mainStart) && !this.forbiddenCommand(mainStart, b) && !hasTemporal(cond) && (this.wordAt(a + 1)?.pos === 'VERB' || this.goingAt(a + 1) || (opener.op === 'after' && this.isBare(a + 1, condEnd) && this.find(mainStart, b, (k) => this.goingAt(k)) >= 0));
      if (step) return inSequence([un('finally', cond), this.requirement(mainStart, b)]);
      const before = this.relativePast;
      // "if you see a, go to b, otherwise go to c": the other branch holds under the condition's negation.
      const otherwise = this.find(mainStart, b, (k) => this.isBinary(k, new Set(['or'])) && this.cueWord(k) === 'otherwise');
      const read = this.sentence(mainStart, otherwise > mainStart ? (this.items[otherwise - 1]!.kind === 'comma' ? otherwise - 1 : otherwise) : b);
      // "after transition CR is taken, transition CC will be taken": what will happen after A happens later.
      // "after power-up, the system shall perform a self-test": an action obliged after an event comes later too; a
      // state ("after a reset the counter must be zero") holds then.
      const obligation = this.findFlagged(mainStart, b, 'obligation');
      const obliged = this.willAt(mainStart, b) || (obligation >= 0 && this.wordAt(obligation + 1)?.lemma !== 'be');
      const later = !hasTemporal(read) && ((opener.kind === 'binary' && obliged) || (opener.kind === 'if' && opener.later === true));
      const main = later ? un('finally', read) : read;
      // "whenever p holds, q never holds afterwards": from then on, as after "once".
      const fromThenOn = opener.kind === 'binary' || opener.fromThenOn === true || this.isBinary(b - 1, thenCue);
      // "If a request occurs, it is acknowledged within two steps": a state condition set off by a comma, with a
      // consequence in time, is a rule for every moment, as requirements write it (explain() writes "if A then B",
      // without the comma, for a plain implication).
      const initial = this.findFlagged(a + 1, condEnd, 'initial') >= 0;
      const commaRule = this.isCommaSeparator(condEnd) && !initial && !hasTemporal(cond) && hasTemporal(main);
      const standing = global || commaRule || this.obliged(cond, mainStart, b) || this.imperative(mainStart, b);
      if (otherwise > mainStart) {
        // (A command in the other branch is carried out at some point, as a goal is: "otherwise just use the front door".)
        const other = this.sentence(otherwise + 1, b);
        const branches = bin('and', bin('implies', cond, main), bin('implies', negation(cond), this.imperative(otherwise + 1, b) ? eventuallyEach(other) : other));
        // "if the door is locked, use the back entrance; otherwise go in through the front door": a command's choice
        // is made once, as every independent writer read it (4 rows); a rule ("whenever ..., otherwise ...") stands.
        const choice = this.imperative(mainStart, b) && !global;
        return standing && !choice ? un('globally', branches) : branches;
      }
      return this.conditional(cond, main, standing, opener.kind === 'if' && opener.onlyIf === true, fromThenOn, this.relativePast > before);
    }
    // "the heater shall turn on when A and turn off when B": two rules for one subject, joined where the second starts.
    const firstIf = this.find(a + 1, b, (k) => this.cueAt(k)?.kind === 'if');
    const second = firstIf > a ? this.find(firstIf + 1, b, (k) => this.isBinary(k, andOr) && this.opensWithVerb(k + 1, b) && this.find(k + 1, b, (j) => this.cueAt(j)?.kind === 'if') > k + 1) : -1;
    const shared = second > 0 ? this.subjectOf(a, firstIf) : undefined;
    if (shared) {
      const left = this.sentence(a, this.items[second - 1]!.kind === 'comma' ? second - 1 : second);
      return bin((this.cueAt(second) as { op: 'and' | 'or' }).op, left, this.withSubject(shared, () => this.sentence(second + 1, b)));
    }
    // "B if A", "B whenever A", "B only if A"; "always B when A" is every time A.
    for (let k = this.step(a); k < b; k = this.step(k)) {
      const c = this.cueAt(k);
      if (c?.kind === 'if') {
        const always = first?.kind === 'unary' && first.wraps.length === 1 && first.wraps[0]!.op === 'globally' && first.wraps[0]!.lo === undefined && !first.goal && a + 1 < k;
        if (always && !c.onlyIf) return this.conditional(this.condition(k + 1, b), this.sentence(a + 1, k), true, false, c.fromThenOn === true);
        // "only enter the vault when the guard is present", "a refund shall only be issued if ...": "only" before the
        // main clause or its verb is "only when".
        const only = this.wordAt(a)?.norm === 'only' || this.find(a + 1, k, (j) => this.wordAt(j)?.norm === 'only' && (['VERB', 'AUX'].includes(this.wordAt(j + 1)?.pos ?? '') || this.cueAt(j + 1)?.kind === 'goal')) >= 0;
        const main = this.sentence(this.wordAt(a)?.norm === 'only' ? a + 1 : a, k);
        const cond = this.condition(k + 1, b);
        // "a will be true in the next state if b is true now": a condition at the first moment is no standing rule.
        const standing = c.global || (this.obliged(cond, a, k) && this.findFlagged(k + 1, b, 'initial') < 0);
        if (only && !c.onlyIf) return this.conditional(cond, peel(main, 'finally'), standing || this.imperative(a, k), true, false);
        // "you are allowed in the garage only while its door is open": being there, not getting there, needs the door.
        // "Go to the charging dock only when the battery is low": being there, at any moment, needs the battery low.
        const going = c.onlyIf === true && this.find(a, k, (j) => this.cueAt(j)?.kind === 'goal') >= 0;
        if (going) return this.conditional(cond, peel(main, 'finally'), standing || this.imperative(a, k), true, c.fromThenOn === true);
        return this.conditional(cond, c.later && !hasTemporal(main) ? un('finally', main) : main, standing, c.onlyIf === true, c.fromThenOn === true);
      }
    }
    return this.connectives(a, b);
  }

  /**
   * Dwyer, Avrunin and Corbett's scopes ("Globally,", "Before R,", "After Q,", "Between Q and R,", "After Q until
   * R,") over their patterns (absence, universality, existence, precedence, response), with the catalogue's
   * LTL mappings. "After Q," is read this way only when its body is a pattern in the catalogue's words ("P is
   * false", "P becomes true", "S precedes P", "S responds to P"); otherwise it is an ordinary "after".
   */
  private patternScope(a: number, b: number): FormulaJson | undefined {
    const first = this.cueAt(a);
    if (first?.kind === 'scope') {
      // "Globally, P is false": G over a body without temporal operators, and over a rule with them ("globally,
      // if a then next b" is G (a -> X b)); any other temporal body, a catalogue pattern above all, is its own
      // global form ("Globally, S precedes P" is !P W S).
      const body = this.sentence(a + 1, b);
      const rule = body.kind === 'implies' && hasTemporal(body) && !this.patterns.has(body);
      return hasTemporal(body) && !rule ? body : un('globally', peel(body, 'globally'));
    }
    const opens = (op: BinaryCue) => first?.kind === 'binary' && first.op === op;
    const word = (k: number) => this.wordAt(k)?.norm;
    const interval = first?.kind === 'intervalFrom';
    if (!opens('before') && !opens('until') && !opens('after') && !interval && !['between', 'from'].includes(word(a) ?? '')) return undefined;
    // "Between Q and R there is no P": the body may start at "there" instead of after a comma.
    const there = word(a) === 'between' ? this.find(a + 1, b, (k) => word(k) === 'there' || this.cueWords(k)[0]?.norm === 'there') : -1;
    const commaAt = this.find(a + 1, b, (k) => this.items[k]!.kind === 'comma');
    const comma = commaAt >= 0 ? commaAt : there;
    if (comma < 0) return undefined;
    const bodyStart = commaAt >= 0 ? comma + 1 : comma;
    const find = (test: (k: number) => boolean) => this.find(a + 1, comma, test);
    // Read only for "after Q," which is a scope only over a body in the catalogue's words.
    const catalogueWords = () => this.find(bodyStart, b, (k) => {
      const it = this.items[k]!;
      if (it.kind === 'word') return ['true', 'false'].includes(it.word.norm);
      if (it.kind !== 'cue') return false;
      if (it.cue.kind === 'binary') return ['precedes', 'respondsTo'].includes(it.cue.op);
      return (it.cue.kind === 'count' && it.cue.bound === 'atMost') || it.words.some((w) => ['true', 'false'].includes(w.norm));
    }) >= 0;
    // The scope and where Q ends and R starts: "between Q and R", "in every interval from Q to R", "after Q and
    // before R" (between); "after Q until R", "from Q until R" (after Q until R); "before R", "until R happens"
    // (before); "after Q" (after, only over a body in the catalogue's words).
    const until = find((k) => this.isBinary(k, new Set(['until'])));
    const andBefore = find((k) => this.isBinary(k, new Set(['and'])) && this.isBinary(k + 1, new Set(['before'])));
    let scope: { kind: Scope; q?: [number, number]; r?: [number, number] } | undefined;
    if (opens('before') || opens('until')) scope = { kind: 'before', r: [a + 1, comma] };
    else if (word(a) === 'between' || interval) {
      const mid = find((k) => (interval ? word(k) === 'to' : this.isBinary(k, new Set(['and']))));
      if (mid < 0) throw new NotRead('"between" without "and"');
      scope = { kind: 'between', q: [a + 1, mid], r: [mid + 1, comma] };
    } else if (opens('after') && andBefore >= 0) scope = { kind: 'between', q: [a + 1, andBefore], r: [andBefore + 2, comma] };
    else if (until >= 0) scope = { kind: 'afterUntil', q: [a + 1, until], r: [until + 1, comma] };
    else if (opens('after') && catalogueWords()) scope = { kind: 'after', q: [a + 1, comma] };
    if (!scope) return undefined;
    const read = this.sentence(bodyStart, b);
    const body = this.patterns.get(read) ?? patternOf(read);
    if (!body) throw new NotRead('a scope over a body that is not one of the catalogue\'s patterns');
    // Q and R are events, read as conditions are ("after m becomes true": at the moment it does).
    const q = scope.q ? this.condition(...scope.q) : undefined;
    return scoped(scope.kind, body, q, scope.r ? this.condition(...scope.r) : undefined);
  }

  /** A condition: reaching a place there is being at it, so goals add no "eventually" ("once the robot reaches a"). */
  private condition(a: number, b: number, subject?: Word[]): FormulaJson {
    this.conditionDepth++;
    const first = this.clauses.length;
    try {
      const cond = this.withSubject(subject, () => this.sentence(a, b));
      // "whenever the tank pressure is high, unless the manual lock is engaged": an exception to the condition.
      // (Only an "unless": explain()'s "p holds until q, or forever if that never happens" is a weak until.)
      const unless = this.find(a, b, (k) => this.isBinary(k, new Set(['unless']))) >= 0;
      const excepted = unless && cond.kind === 'weak_until' && !cond.interval && !hasTemporal(cond.args[0]!) && !hasTemporal(cond.args[1]!);
      return excepted ? bin('and', cond.args[0]!, negation(cond.args[1]!)) : cond;
    } finally {
      this.conditionDepth--;
      if (this.clauses.length > first) this.antecedent = this.clauses[first]!.words;
      this.antecedentSubject = this.subjectOf(a, b) ?? this.antecedentSubject;
    }
  }

  /**
   * "If the brake is pressed, the car must stop within 3 seconds", "the alarm shall sound if the temperature
   * exceeds the limit": an obligation under a state condition holds at every moment. Without an obligation ("If
   * Min is home then Henry is", "if a then eventually b", as explain() writes it) or under a temporal condition
   * ("if a holds infinitely often, ..."), the sentence speaks of the first moment only.
   */
  private obliged(cond: FormulaJson, a: number, b: number): boolean {
    // "b cannot happen", "b may not happen": a prohibition binds as "must not" does.
    const forbidden = this.find(a, b, (k) => ['can', 'may', 'could'].includes(this.cueWord(k) ?? '') && this.isNegation(k + 1)) >= 0;
    const obligation = forbidden || this.findFlagged(a, b, 'obligation') >= 0;
    return obligation && !hasUnbounded(cond);
  }

  /**
   * A leading "in <noun phrase> mode|state|domain|phase" (FRET's mode scope): where the noun phrase ends and where
   * the main clause starts, or undefined. "in the next state" and "in any state" are cues and never get here.
   */
  private modeScope(a: number, b: number): [number, number] | undefined {
    const first = this.items[a];
    if (first?.kind !== 'word' || first.word.norm !== 'in') return undefined;
    for (let j = a + 1; j < Math.min(a + 7, b - 1); j++) {
      const it = this.items[j]!;
      // ("In dosing mode": the tagger takes "dosing" for a verb.)
      if (it.kind !== 'word' || !(nounLike.has(it.word.pos) || (it.word.pos === 'VERB' && /ing$/.test(it.word.norm)))) return undefined;
      // A declared proposition may hold the whole noun phrase ("a safe domain").
      const atom = it.word.pos === 'ATOM';
      // ("In fault_mode, ...": an identifier's last part names it too.)
      const head = (atom ? it.word.norm.split(/\s+/).pop()! : it.word.lemma).split('_').pop()!;
      if (['mode', 'state', 'domain', 'phase', 'configuration'].includes(head) && (j > a + 1 || atom)) {
        const main = this.items[j + 1]!.kind === 'comma' ? j + 2 : j + 1;
        return main < b ? [j + 1, main] : undefined;
      }
    }
    return undefined;
  }

  private conditional(cond: FormulaJson, main: FormulaJson, global: boolean, onlyIf: boolean, fromThenOn: boolean, relativePast = false): FormulaJson {
    // "if r ever occurs, then c does not hold at any position before the first r": the main clause's scope ("before the
    // first r", F r -> ...) says the condition already.
    const scope = main.kind === 'implies' && main.args[0]!.kind === 'finally' && !main.args[0]!.interval ? main.args[0]!.args[0]! : undefined;
    if (scope && !onlyIf && this.sameFormula(peel(cond, 'finally'), scope)) return main;
    // (So does a precedence that waits for the condition's own event: "if r ever occurs, c does not hold before the
    // first r" is F r -> !c U r, r being sure to come.)
    // (A precedence, "not ... before r": not "whenever the tank is empty, the pump stops until the tank is empty".)
    const waits = main.kind === 'weak_until' && !main.interval;
    if (waits && !onlyIf && !hasTemporal(peel(cond, 'finally')) && this.sameFormula(peel(cond, 'finally'), main.args[1]!)) return bin('implies', un('finally', main.args[1]!), bin('until', main.args[0]!, main.args[1]!));
    // "a can only happen if b happened before": a rule about the past holds at every moment, as does "if b holds at
    // some point, a has held before": whenever b, once a.
    if (onlyIf) return hasPast(cond) || global ? un('globally', bin('implies', peel(main, 'globally'), cond)) : bin('implies', main, cond);
    if (relativePast && cond.kind === 'finally' && !cond.interval) return un('globally', bin('implies', cond.args[0]!, main));
    // "never X when Y": at every moment, Y implies not X; "once X, never Y" keeps its G, from then on.
    const never = main.kind === 'globally' && !main.interval && main.args[0]!.kind === 'not';
    // "after visiting the bakery, never go back to it": never again, from the next moment.
    const again = fromThenOn && never && this.sameProp(cond, (main.args[0] as { args: FormulaJson[] }).args[0]!);
    // "once the test starts, no changes shall be allowed": a prohibition from then on.
    const prohibition = fromThenOn && main.kind === 'not' && !hasTemporal(main);
    const then = again ? un('next', main) : never && !fromThenOn ? peel(main, 'globally') : prohibition ? un('globally', main) : main;
    // "When in safe mode, if the battery is low, the satellite shall ...": both conditions at once, not from then on.
    const inner = then.kind === 'globally' && !then.interval ? then.args[0]! : undefined;
    if (global && !fromThenOn && inner?.kind === 'implies' && !hasTemporal(cond) && !hasTemporal(inner.args[0]!)) return un('globally', bin('implies', bin('and', cond, inner.args[0]!), inner.args[1]!));
    // "if err occurs infinitely often, then reset also occurs infinitely often": what holds infinitely often holds so
    // from any moment, so the rule needs no "always" (fairness, as every writer puts it).
    const recurring = (f: FormulaJson) => !('interval' in f && f.interval) && ((f.kind === 'globally' && f.args[0]!.kind === 'finally') || (f.kind === 'finally' && f.args[0]!.kind === 'globally'));
    if (recurring(cond) && recurring(then)) return bin('implies', cond, then);
    return global ? un('globally', bin('implies', cond, then)) : bin('implies', cond, main);
  }

  /**
   * Where the condition of a leading subordinate clause ends and its main clause starts: at "then", else at the
   * first comma, else before the subject of the main clause's obligation ("when location l2 is reached action a
   * must be executed": the noun phrase right before "must").
   */
  private separator(a: number, b: number): [number, number] {
    const then = this.find(a, b, (k) => {
      const it = this.items[k]!;
      return it.kind === 'cue' && it.cue.kind === 'binary' && it.cue.op === 'then' && ['then', ','].includes(this.cueWord(k)!);
    });
    const at = then >= 0 ? then : this.find(a, b, (k) => this.items[k]!.kind === 'comma');
    if (at >= 0) return [at, at + 1];
    // "once you've been to the bank dont ever go to the courthouse", "whenever you pass reception make sure you stop
    // by the printer", "if you see a dog go to the kitchen": a command's prohibition, a framing lead or a goal after
    // the condition's own words opens the main clause.
    const said = (k: number) => this.items.slice(a, k).some((it) => it.kind === 'word' && isContent(it.word, undefined));
    const prohibition = this.find(a + 1, b, (k) => this.forbids(k) && said(k));
    if (prohibition > a && this.find(prohibition + 1, b, (k) => this.cueAt(k)?.kind === 'goal') >= 0) return [prohibition, prohibition];
    // Not a passive goal of the condition's own ("when location l2 is reached").
    const passive = (k: number) => this.cueWords(k)[0]?.lemma === 'be' || this.wordAt(k - 1)?.pos === 'AUX';
    const command = this.find(a + 1, b, (k) => (this.cueAt(k)?.kind === 'lead' || (this.cueAt(k)?.kind === 'goal' && !passive(k))) && said(k));
    if (command > a) return [command, command];
    // "whenever the cafeteria is dirty go clean it": a verb's bare form right after the condition's last word is a command.
    // (A verb of going or work: not "whenever it is over the rooftop set its camera ...", "once in safe mode".)
    const bare = this.find(a + 2, b, (k) => {
      const w = this.wordAt(k);
      return w?.pos === 'VERB' && w.lemma === w.norm && commandVerbs.has(w.lemma) && ['ADJ', 'NOUN', 'PROPN', 'NUM'].includes(this.wordAt(k - 1)?.pos ?? '') && said(k);
    });
    if (bare > a) return [bare, bare];
    const obligation = this.findFlagged(a, b, 'obligation');
    let subject = obligation;
    const posAt = (k: number) => this.wordAt(k)?.pos;
    while (subject > a && nounLike.has(posAt(subject - 1) ?? '')) subject--;
    // The noun phrase opens at its last determiner: "when the light is red the car must stop" (a final "a" is a name).
    for (let k = obligation - 2; k > subject; k--) {
      if (posAt(k) === 'DET') {
        subject = k;
        break;
      }
    }
    if (obligation < 0 || subject === obligation || subject === a) throw new NotRead('a subordinate clause without its main clause');
    return [subject, subject];
  }

  private connectives(a0: number, b0: number): FormulaJson {
    const [a, b] = this.trim(a0, b0);
    // "visit the park and the school, in that order, and never fly over the highway": a prohibition after the last
    // comma of a command (a whole list or sequence before it, not a bare comma list) holds beside all of it.
    const lastComma = this.lastComma(a, b);
    // Where a part after the comma at k opens, past an "and" ("..., and never fly over the highway").
    const pastComma = (k: number) => (this.isBinary(k + 1, andOr) && this.cueWord(k + 1) === 'and' ? k + 2 : k + 1);
    const afterComma = pastComma(lastComma);
    // ("..., dont use elevator b at all": past the "do" of "do not".)
    const prohibition = this.wordAt(afterComma)?.norm === 'do' && this.forbids(afterComma + 1) ? afterComma + 1 : afterComma;
    const whole = (k: number) => this.isBinary(k, andOr) || this.isBinary(k, thenCue) || this.cueAt(k)?.kind === 'inOrder';
    // Not after "and once there,": the prohibition is then the next step.
    const stepBefore = this.isBinary(lastComma - 1, thenCue);
    // ("lab then sterilisation unit, dont use elevator b at all": places named with no verb are goals too.)
    const goalBefore = (k: number) => this.find(a, k, (j) => this.cueAt(j)?.kind === 'goal') >= 0 || this.placesOnly(a, k);
    if (lastComma > a && !stepBefore && this.forbids(prohibition) && goalBefore(lastComma) && this.find(a, lastComma, whole) >= 0) {
      // A command not to ("don't use elevator b at all") holds at every moment, as on its own.
      const forbidden = this.connectives(prohibition, b);
      return bin('and', this.connectives(a, lastComma), hasTemporal(forbidden) ? forbidden : un('globally', forbidden));
    }
    // "dont drop anything in the red bowl ever, and put the teddy bear into the blue bowl": a command not to, said
    // first, holds at every moment beside the command after it, as it does said last.
    const firstComma = this.find(a + 1, b, (k) => this.items[k]!.kind === 'comma');
    const nextCommand = pastComma(firstComma);
    if (firstComma > a + 1 && this.wordAt(a)?.norm === 'do' && this.forbiddenCommand(a, firstComma) && (this.imperative(nextCommand, b) || this.cueAt(nextCommand)?.kind === 'goal')) {
      const forbidden = this.connectives(a, firstComma);
      return bin('and', hasTemporal(forbidden) ? forbidden : un('globally', forbidden), this.connectives(nextCommand, b));
    }
    // "the valve opens, must eventually get back to normal operation": a statement of plain words, a comma, and a
    // command or clause with no comma of its own are two clauses side by side (the first is no agent of the second).
    const opening = this.conditionDepth === 0 && (a === 0 || this.cueAt(a - 1)?.kind === 'lead');
    const splice = opening ? this.find(a + 2, b, (k) => this.items[k]!.kind === 'comma') : -1;
    if (splice > a && this.statementWords(a, splice) && this.find(splice + 1, b, (k) => this.items[k]!.kind === 'comma') < 0) {
      const rest = this.leadingUnary(splice + 1, b);
      if (this.opensWithVerb(rest, b) || this.find(rest, b, (k) => this.cueAt(k)?.kind === 'goal') >= 0) return bin('and', this.connectives(a, splice), this.connectives(splice + 1, b));
    }
    // "fly to the red tower or the white tower and avoid the power lines": the avoidance is beside the whole choice.
    let andAvoid = -1;
    for (let k = a + 1; k < b - 1; k = this.step(k)) if (this.isBinary(k, new Set(['and'])) && this.cueWord(k) === 'and' && this.forbids(k + 1)) andAvoid = k;
    if (andAvoid > a && goalBefore(andAvoid) && this.find(a, andAvoid, (k) => this.isBinary(k, new Set(['or']))) >= 0) {
      return bin('and', this.connectives(a, andAvoid), this.connectives(andAvoid + 1, b));
    }
    // "reach the summit without ever passing the waterfall": never, beside the command, with or without a comma.
    const withoutEver = this.find(a + 1, b, (k) => this.cueWord(k) === 'without' && this.forbids(k));
    if (withoutEver > a && goalBefore(withoutEver)) {
      return bin('and', this.connectives(a, this.items[withoutEver - 1]!.kind === 'comma' ? withoutEver - 1 : withoutEver), this.connectives(withoutEver, b));
    }
    // "a and b never hold at the same time but c eventually holds": "but" joins whole clauses. "but not the
    // bathroom" (a place not to go to) and "but only after ..." (a connective whose other side is before it) are read below.
    // "go to the attic and the cellar, but not the garage or the shed": none of the places after "but not".
    const butNot = this.find(a + 1, b - 2, (k) => this.isBinary(k, andOr) && this.cueWord(k) === 'but' && this.isNegation(k + 1));
    const places = butNot > a ? this.placesAfter(butNot + 2, b) : undefined;
    if (places && this.find(a, butNot, (k) => this.cueAt(k)?.kind === 'goal') >= 0) {
      const left = this.connectives(a, this.items[butNot - 1]!.kind === 'comma' ? butNot - 1 : butNot);
      return [left, ...places.map(([s, e]) => un('globally', un('not', this.prop(this.wordsIn(s, e)))))].reduce((x, y) => bin('and', x, y));
    }
    const but = this.find(a + 1, b - 1, (k) => this.isBinary(k, andOr) && this.cueWord(k) === 'but' && this.cueAt(k + 1)?.kind !== 'binary' && !this.isNegation(k + 1));
    if (but > a) {
      // "go to the blue room, but pass through the hallway first", "but first go to the blue flag": the part said last comes first.
      // "visit the bakery, but before that you must visit the bank": "before that" opening the part is "first".
      const beforeThat = (this.cueAt(but + 1) as { relative?: boolean } | undefined)?.relative === true && this.cueWords(but + 1).some((w) => w.norm === 'before');
      const firstAt = this.wordAt(b - 1)?.norm === 'first' ? b - 1 : this.wordAt(but + 1)?.norm === 'first' || beforeThat ? but + 1 : -1;
      // "head to the office, but stop by the cafe on the way": a stop on the way comes first too.
      const onTheWay = this.saysOnTheWay(but + 1, b);
      if (firstAt > 0 || onTheWay) {
        const [left, right] = [this.connectives(a, but), firstAt === b - 1 ? this.connectives(but + 1, b - 1) : firstAt > 0 ? this.connectives(but + 2, b) : this.connectives(but + 1, b)];
        // "go to the red room but avoid the blue room on the way": not there until the goal is reached.
        const untilThere = onTheWay ? avoidedOnTheWay(right, left) : undefined;
        if (untilThere) return untilThere;
        // "visit the school and the park, but go to the school first": that visit of the list, then the others.
        const goals = left.kind === 'and' ? conjuncts(left) : [];
        const again = right.kind === 'finally' ? goals.findIndex((g) => g.kind === 'finally' && this.sameProp(g.args[0]!, right.args[0]!)) : -1;
        if (firstAt > 0 && again >= 0 && goals.every((g) => g.kind === 'finally' && !g.interval)) {
          return inSequence([goals[again]!, goals.filter((_, i) => i !== again).reduce((x, y) => bin('and', x, y))]);
        }
        return left.kind === 'finally' && (right.kind === 'finally' || (onTheWay && !hasTemporal(right))) ? inSequence([right, left]) : bin('and', left, right);
      }
      const first = this.connectives(a, but);
      // "eventually go to a but never visit b before that": b waits for a.
      const waits = this.relativeEnd(b) && this.negated(but + 1, b - 1);
      // "w is true now but will be false in the next state": the subject before "but" is the one after it.
      const subjectless = this.opensWithVerb(but + 1, b) || this.onlyAdjectives(but + 1, b) || contentWords(this.wordsIn(but + 1, b)).length === 0;
      const second = () => (waits ? this.combine('before', this.connectives(but + 1, b - 1), first) : this.connectives(but + 1, b));
      return bin('and', first, subjectless ? this.withSubject(this.subjectOf(a, but) ?? this.elided, second) : second());
    }
    // "a holds until b holds, and b holds until c holds", "visit a, but do not visit b before a": a comma
    // before and/or joins two whole clauses when either has a connective of its own.
    const joint = this.find(a, b, (k) => this.items[k]!.kind === 'comma' && this.isBinary(k + 1, andOr));
    const connected = (s: number, e: number) => this.find(s, e, (k) => this.isBinary(k, levelOne) || this.isBinary(k, levelTwo)) >= 0;
    // "b will hold eventually, and c will hold until then": c until b, beside eventually b (with or without the comma).
    let lastJoin = -1;
    for (let k = a; k < b - 1; k = this.step(k)) if (this.isBinary(k, andOr)) lastJoin = k;
    const join = joint >= 0 ? joint + 1 : lastJoin;
    // "eventually p holds, and until then q holds": the same with "until then" first.
    const thenAtStart = join > a && this.cueAt(join + 1)?.kind === 'untilThen' && b > join + 2;
    if (join > a && ((this.cueAt(b - 1)?.kind === 'untilThen' && b - 1 > join + 1) || thenAtStart)) {
      const first = this.connectives(a, this.items[join - 1]!.kind === 'comma' ? join - 1 : join);
      const event = peel(first, 'finally');
      if (first.kind !== 'finally' || hasTemporal(event)) throw new NotRead('"until then" after something other than an event');
      const meanwhile = thenAtStart ? this.connectives(join + 2, b) : this.connectives(join + 1, b - 1);
      return bin((this.cueAt(join) as { op: 'and' | 'or' }).op, first, bin('until', meanwhile, event));
    }
    // "..., and one of them always holds": a clause about the list before it.
    const aboutThem = (k: number) => this.cueAt(k)?.kind === 'listOf' && this.listSaidBefore(k + 1) > 0;
    if (joint >= 0 && (connected(a, joint) || connected(joint + 2, b) || aboutThem(joint + 2))) {
      // "go to the bank, but only after visiting the pharmacy": the second part's connective takes the first as its side.
      const elided = this.cueAt(joint + 2);
      // (Not "..., and after the gym go to the dorms": a step of its own, with its own verb of going after the place.)
      const ownStep = elided?.kind === 'binary' && elided.op === 'after' && this.find(joint + 4, b, (i) => this.goingAt(i)) >= 0 && !this.goingAt(joint + 3);
      if (ownStep) return this.joinClauses((this.cueAt(joint + 1) as { op: 'and' | 'or' }).op, this.connectives(a, joint), this.sentence(joint + 2, b));
      if (elided?.kind === 'binary' && !timedOps.has(elided.op) && (levelOne.has(elided.op) || levelTwo.has(elided.op))) {
        const left = this.connectives(a, joint);
        return elided.op === 'precededBy' ? this.onlyAfter(left, this.sentence(joint + 3, b), a, joint) : this.combine(elided.op, left, this.sentence(joint + 3, b));
      }
      const first = this.connectives(a, joint);
      // "the valve shall be open, and it shall stay open until ...": "it" is the subject of the clause before.
      this.antecedentSubject = this.subjectOf(a, joint) ?? this.antecedentSubject;
      return this.joinClauses((this.cueAt(joint + 1) as { op: 'and' | 'or' }).op, first, this.connectives(joint + 2, b));
    }
    // "p1 is always followed by p2 and p3 is always followed by p4", "visit a before b and b before c": two
    // implications, or two relations of one kind, joined by the last and/or between them.
    const implications: number[] = [];
    for (let k = a; k < b; k = this.step(k)) if (this.isBinary(k, levelOne)) implications.push(k);
    if (implications.length < 2) {
      const relations: number[] = [];
      for (let k = a; k < b; k = this.step(k)) if (this.isBinary(k, levelTwo) && !timedOps.has((this.cueAt(k) as { op: BinaryCue }).op)) relations.push(k);
      const op = (k: number) => (this.cueAt(k) as { op: BinaryCue }).op;
      if (relations.length >= 2 && op(relations[0]!) === op(relations[1]!)) implications.splice(0, implications.length, ...relations);
    }
    if (implications.length >= 2) {
      let join = -1;
      for (let k = implications[0]! + 1; k < implications[1]!; k = this.step(k)) if (this.isBinary(k, andOr)) join = k;
      if (join > 0) return bin((this.cueAt(join) as { op: 'and' | 'or' }).op, this.connectives(a, join), this.connectives(join + 1, b));
    }
    for (const level of [levelOne, levelTwo]) {
      for (let k = a; k < b; k = this.step(k)) {
        if (!this.isBinary(k, level)) continue;
        const op = (this.cueAt(k) as { op: BinaryCue }).op;
        // "the system shall respond to every request within 100 ms": whenever a request, the response in time.
        if (op === 'respondsTo' && (this.genericObject(k + 1, b) || ['every', 'each', 'any', 'all'].includes(this.wordAt(k + 1)?.lemma ?? ''))) {
          return this.respondToEvery(a, k, b);
        }
        // "b happened before" (or "before it"), with nothing after: at some earlier moment.
        if (op === 'before' && (k + 1 === b || (k + 2 === b && ['it', 'that', 'then'].includes(this.wordAt(k + 1)?.norm ?? '')))) {
          this.relativePast++;
          return un('once', this.connectives(a, k));
        }
        // A leading "always" scopes over an implication ("always a implies b"), not over one side of
        // it, and so does one right before it ("a always implies b").
        // "eventually reach a while avoiding b" keeps its "eventually" with the goal: F a & G !b.
        const lead = level === levelOne || (op !== 'while' && this.plainTemporalLead(a, k)) ? this.leadingUnary(a, k) : a;
        // "go to the market while staying on the sidewalk": a command and what to keep doing meanwhile.
        // ("keep the gripper closed while carrying the cup" keeps a state, not a way: the while is a condition.)
        const moving = this.find(a, k, (j) => this.goingAt(j, true)) >= 0;
        const staying = op === 'while' && moving && this.imperative(a, k) && /ing$/.test(this.wordAt(k + 1)?.norm ?? '') && this.wordAt(k + 1)?.pos === 'VERB';
        if (staying) return bin('and', this.connectives(a, k), un('globally', peel(this.sentence(k + 1, b), 'globally')));
        // "head towards the bridge; after crossing it, go to the old mill": an "after" clause that only says the goal
        // before it again ("it", "there") is a "then".
        const restated = op === 'after' && this.items[k - 1]?.kind === 'comma' ? this.find(k + 1, b, (j) => this.items[j]!.kind === 'comma') : -1;
        const saysAgain = restated > k + 1 && this.wordsIn(k + 1, restated).every((w) => w.pos === 'VERB' || ['it', 'there', 'them'].includes(w.norm));
        if (saysAgain && this.wordsIn(k + 1, restated).some((w) => w.pos !== 'VERB')) return inSequence([this.connectives(a, k - 1), this.sentence(restated + 1, b)]);
        // "always go to b after reaching a": each time a, then b.
        const always = op === 'after' && lead === a + 1 && (this.cueAt(a) as { wraps: Wrap[] }).wraps[0]!.op === 'globally';
        if (always) return un('globally', bin('implies', peel(this.sentence(k + 1, b), 'finally'), this.connectives(a + 1, k)));
        const waits = op === 'until' || op === 'unless' || op === 'unlessUntil';
        // "go to the kitchen and avoid the bathroom until you reach the kitchen": until waits with the last command of a list.
        const lastCommand = waits && lead === a ? this.lastCommand(a, k) : -1;
        if (lastCommand > a) return bin('and', this.connectives(a, lastCommand), this.connectives(lastCommand + 1, b));
        // "a holds until b holds or a always holds": a clause with its own subject and temporal adverbial after and/or
        // is not part of what until waits for.
        const aside = waits ? this.find(k + 1, b, (j) => this.isBinary(j, andOr) && this.ownTemporalClause(j + 1, b)) : -1;
        if (aside > k) return this.joinClauses((this.cueAt(aside) as { op: 'and' | 'or' }).op, this.connectives(a, aside), this.connectives(aside + 1, b));
        // Not "fly to the lighthouse eventually, but not until ...": that "eventually" is the goal's own.
        const before = level === levelOne && op !== 'precededBy' && k - 1 > lead && this.cueAt(k - 1)?.kind === 'unary' && !(this.cueAt(k - 1) as { sentence?: boolean }).sentence ? k - 1 : k;
        const t = this.find(k + 1, b, (j) => this.cueAt(j)?.kind === 'trailer' && !(this.cueAt(j) as { exclusive?: boolean }).exclusive);
        const chained = chainOps.has(op) && t < 0 && lead === a && before === k ? this.chainPattern(op, [a, k], [k + 1, b]) : undefined;
        if (chained) return chained;
        const end = t >= 0 ? t : b;
        // "busy goes high in the next cycle and remains high until done": the state kept until then, from the step it
        // starts at (the onset and the state kept are one proposition to every independent writer, 5 rows).
        // ("..., and remain closed until the alarm is reset, or forever if it is never reset": the same, weak.)
        const weakTrailer = t >= 0 && t === b - 1 && this.trailer(t).weak && !this.trailer(t).window;
        const kept = op === 'until' && (t < 0 || weakTrailer) && before === k ? this.keptUntil(lead, k, this.sentence(k + 1, end), weakTrailer) : undefined;
        if (kept) return lead > a ? this.wrapAll(this.resolveRange(a, lead), kept) : kept;
        const left = this.connectives(lead, before);
        const right = this.sentence(k + 1, end);
        // "q holds infinitely often, while p holds only finitely many times": "while" between two clauses that each say
        // when they hold is "whereas".
        if (op === 'while' && this.items[k - 1]?.kind === 'comma' && t < 0 && hasTemporal(left) && hasTemporal(right)) return bin('and', left, right);
        // "p is true at some point after q is true", "the server shall restart after every crash": a statement after an
        // event responds to it; "visit a after b" (a goal) orders two visits.
        const going = this.find(lead, before, (j) => this.goingAt(j)) >= 0;
        // "you may only enter the vault after visiting the guard post": "only" makes the order a precedence.
        const only = op === 'after' && this.find(lead, before, (j) => this.wordAt(j)?.norm === 'only') >= 0;
        if (op === 'after' && t < 0 && !going && !only && !hasTemporal(peel(left, 'finally')) && !hasTemporal(peel(right, 'finally'))) {
          // "the user shall not log in after three failed attempts": not from then on.
          const then = left.kind === 'finally' ? left : left.kind === 'not' ? un('globally', left) : un('finally', left);
          const response = un('globally', bin('implies', peel(right, 'finally'), then));
          return lead > a ? this.wrapAll(this.resolveRange(a, lead), response) : response;
        }
        // A parenthesised side is taken as written: "(at every moment, a holds) until b" keeps its G, and
        // "a until (eventually b holds)" its F.
        const grouped = this.items[lead]?.kind === 'open' && this.closing.get(lead) === before - 1;
        const rightGrouped = this.items[k + 1]?.kind === 'open' && this.closing.get(k + 1) === end - 1;
        const timed = timedOps.has(op) ? this.timedResponse(k, left, right) : undefined;
        const trailer = t >= 0 ? this.trailer(t) : undefined;
        // "... unless the user has been authenticated": what has happened once is an event, as a visit is.
        const happened = op === 'unless' && right.kind !== 'finally' && this.perfect(k + 1, end) ? un('finally', right) : right;
        // "up to and including the moment when eventually p holds" says its "eventually" (explain() writes F p so), which
        // release keeps; "the moment p becomes true" only says when.
        const saysEventually = (op === 'releasedBy' || op === 'strongReleasedBy') && (this.cueAt(k + 1) as { wraps?: Wrap[]; onset?: boolean } | undefined)?.wraps?.[0]?.op === 'finally' && !(this.cueAt(k + 1) as { onset?: boolean }).onset;
        const combined = timed ?? (only || (op === 'precededBy' && !trailer) ? this.onlyAfter(left, right, lead, before) : this.combine(op, left, happened, trailer, grouped, rightGrouped || saysEventually));
        // "b never holds before a holds", "the pump shall not start before ...": a statement's precedence, where a may
        // never come, as the pattern catalogue maps it; "do not go to b before a" is part of a mission that visits a.
        // (Not "the returned item": a goal verb after an article is an adjective.)
        // ("A connection shall never enter the established state before ...": going said of a subject is a statement.)
        const mission = this.find(a, b, (j) => this.goingAt(j, true) && this.wordAt(j - 1)?.pos !== 'DET') >= 0 && !this.saidOfSubject(a);
        const forbids = left.kind === 'not' || (left.kind === 'globally' && !left.interval && left.args[0]!.kind === 'not');
        // "deliver the meds to ward 4 before you go to the ICU": a command that says it goes on to B asks for B too.
        // (Not under a condition: "whenever ..., refill it before going back to the field" is a rule, not a mission.)
        // ("town hall b4 castle": places with no verb at all in the sentence are a mission too.)
        const named = this.placesOnly(lead, k) && this.placesOnly(k + 1, end) && this.find(0, this.items.length, (j) => this.goingAt(j, true)) < 0;
        // ("go down the blue run before you try the black run": so does one that says "you" will do B, whatever B is, as
        // every writer of such a command read it (9 rows).)
        const youDo = this.wordAt(k + 1)?.norm === 'you' && this.wordAt(k + 2)?.pos === 'VERB' && this.wordAt(k + 2)!.norm === this.wordAt(k + 2)!.lemma;
        const goesOn = op === 'before' && !forbids && (named || (this.imperative(lead, k) && ((isVisit(right) && this.find(k + 1, end, (j) => this.goingAt(j)) >= 0) || youDo))) && this.find(0, lead, (j) => this.cueAt(j)?.kind === 'if') < 0;
        // ("..., even if a never comes" only says so again.)
        // (A mission's ban waits for the place it visits, unless the sentence says the place may never come.)
        const f = op === 'before' && forbids && (trailer?.weak || (!mission && !trailer)) ? weakly(combined) : goesOn ? bin('and', combined, isVisit(right) ? right : un('finally', right)) : combined;
        if (t >= 0 && t + 1 < b) throw new NotRead('words after an until clause\'s qualifier');
        const scoped = before < k ? this.wrapAll(this.resolve(before), f) : f;
        return lead > a ? this.wrapAll(this.resolveRange(a, lead), scoped) : scoped;
      }
    }
    return this.coordination(a, b, 'or');
  }

  /** [a, b) as noun phrases joined by and/or and commas ("the garage or the shed", "the mall"), or undefined. */
  private placesAfter(a: number, b: number): [number, number][] | undefined {
    const out: [number, number][] = [];
    let start = a;
    for (let k = a; k <= b; k++) {
      if (k === b || this.items[k]!.kind === 'comma' || this.isBinary(k, andOr)) {
        if (k > start) out.push([start, k]);
        start = k + 1;
      }
    }
    return out.length >= 1 && out.every(([s, e]) => this.isBare(s, e)) ? out : undefined;
  }

  /** Whether [a, b) is words only, a subject and then its finite verb ("the valve opens", "the tank is empty"). */
  private statementWords(a: number, b: number): boolean {
    if (this.items.slice(a, b).some((it) => it.kind !== 'word')) return false;
    const verb = this.find(a + 1, b, (k) => {
      const w = this.wordAt(k)!;
      return w.pos === 'AUX' || (w.pos === 'VERB' && w.norm !== w.lemma && !w.norm.endsWith('ing'));
    });
    return verb > a && nounLike.has(this.wordAt(verb - 1)?.pos ?? '');
  }

  /** Two whole clauses joined by and/or; "p holds until q holds, or p holds forever" is a weak until. */
  private joinClauses(op: 'and' | 'or', l: FormulaJson, r: FormulaJson): FormulaJson {
    const forever = op === 'or' && l.kind === 'until' && !l.interval && r.kind === 'globally' && !r.interval && this.sameProp(l.args[0]!, r.args[0]!);
    return forever ? bin('weak_until', l.args[0]!, l.args[1]!) : bin(op, l, r);
  }

  /**
   * The last "and" in [a, k) between commands ("go to a and avoid b") or obligations ("the heater shall switch off
   * within 1 s and shall remain off"), if [a, k) is a list of them; else -1.
   */
  private lastCommand(a: number, k: number): number {
    let last = -1;
    for (let j = a; j < k; j = this.step(j)) if (this.isBinary(j, new Set(['and']))) last = j;
    if (last < 0) return -1;
    const end = this.items[last - 1]?.kind === 'comma' ? last - 1 : last;
    const obliged = (s: number, e: number) => this.findFlagged(s, e, 'obligation') >= 0;
    // (Not "the barriers shall be lowered in the next cycle and shall remain lowered until ...": a state reached and
    // then kept, which keptUntil reads, says a word of the first part again.)
    const said = (s: number, e: number) => new Set(this.wordsIn(s, e).filter((w) => !functionWords.has(w.pos) && !['stay', 'remain', 'keep', 'be'].includes(w.lemma)).map((w) => w.lemma));
    const first = said(a, end);
    const keptAgain = [...said(last + 1, k)].some((l) => first.has(l));
    return (this.imperative(a, end) && this.imperative(last + 1, k)) || (obliged(a, end) && obliged(last + 1, k) && !keptAgain) ? last : -1;
  }

  /** Whether [s, e) is a clause of its own with a temporal adverbial: a subject, then "always", "eventually" and no connective. */
  private ownTemporalClause(s: number, e: number): boolean {
    if (this.wordAt(s) === undefined || !nounLike.has(this.wordAt(s)!.pos)) return false;
    const items = this.items.slice(s, e);
    if (items.some((it) => it.kind === 'cue' && (it.cue.kind === 'binary' || it.cue.kind === 'if'))) return false;
    return items.some((it) => it.kind === 'cue' && it.cue.kind === 'unary' && it.cue.wraps.some((w) => w.op === 'globally' || w.op === 'finally'));
  }

  /**
   * Whether [a, b) opens with one unbounded "always" or "eventually" and nothing else before the
   * operator: "eventually p until q" is F (p U q), and "always p until not p" G (p U !p), as the pattern
   * survey reads them; a bounded or negated adverb ("within 5 seconds", "never") stays with its clause.
   */
  private plainTemporalLead(a: number, b: number): boolean {
    const cue = this.cueAt(a);
    if (cue?.kind !== 'unary' || cue.sentence || cue.goal || this.leadingUnary(a, b) !== a + 1 || a + 1 >= b) return false;
    return cue.wraps.length === 1 && ['globally', 'finally'].includes(cue.wraps[0]!.op) && cue.wraps[0]!.lo === undefined;
  }

  /**
   * "b holds two steps after a holds": G (a -> X X b); "the gate closes 5 seconds after the train has passed":
   * F[5,5]; "shut down the pump within 3 seconds of a leak being detected": G (leak_detected -> F[0,3] ...).
   */
  private timedResponse(k: number, l0: FormulaJson, r0: FormulaJson): FormulaJson {
    const cue = this.items[k] as Extract<Item, { kind: 'cue' }>;
    // "b becomes true 2 steps after a becomes true": the timing says when, so neither side is an "eventually".
    const [l, r] = [peel(l0, 'finally'), peel(r0, 'finally')];
    const n = cue.numbers[0]!;
    // "shall not restart within 180 seconds after it stops": not at any moment of that window.
    if ((cue.cue as { op: BinaryCue }).op === 'withinOf') return un('globally', bin('implies', r, un(l.kind === 'not' ? 'globally' : 'finally', l, [0, n])));
    if (!cue.steps) return un('globally', bin('implies', r, un('finally', l, [n, n])));
    if (!Number.isInteger(n) || n < 1 || n > 10) throw new NotRead('a step count outside 1-10');
    return un('globally', bin('implies', r, nexts(n, l)));
  }

  /**
   * "go to the bank only after visiting the pharmacy" (left read from [s, e)): a command asks for its visit, and not
   * before the other; a permission ("you may only enter the vault after ...") is a precedence, which asks for
   * neither; a statement ("the engine enters a landing zone only after ...") says only the order.
   */
  private onlyAfter(left: FormulaJson, right: FormulaJson, s: number, e: number): FormulaJson {
    const may = this.find(s, e, (j) => ['can', 'may', 'could'].includes(this.cueWord(j) ?? '')) >= 0;
    const order = this.combine('precededBy', may ? peel(left, 'finally') : left, right);
    // "w holds at some point, but not before v holds": an "eventually" said in words asks for it too.
    const said = this.find(s, e, (j) => (this.cueAt(j) as { wraps?: Wrap[] } | undefined)?.wraps?.some((w) => w.op === 'finally') === true) >= 0;
    return !may && left.kind === 'finally' && !left.interval && (this.imperative(s, e) || this.placesOnly(s, e) || said) ? bin('and', left, order) : order;
  }

  /**
   * [a, k) as "A and stays S" before an until whose other side is `right`: S until `right`, at the step A says (X X
   * for "in the next two cycles"); undefined unless [a, k) ends with such a second part.
   */
  private keptUntil(a: number, k: number, right: FormulaJson, weak = false): FormulaJson | undefined {
    let join = -1;
    for (let j = a; j < k; j = this.step(j)) if (this.isBinary(j, new Set(['and']))) join = j;
    let verb = join + 1;
    // "... and it stays low until ...": "it" is what the onset spoke of.
    while (verb < k && (this.cueAt(verb)?.kind === 'ignore' || (this.wordAt(verb) !== undefined && refersBack(this.wordAt(verb)!)))) verb++;
    if (join <= a || !(this.stayingCue(verb) || ['stay', 'remain', 'keep'].includes(this.wordAt(verb)?.lemma ?? ''))) return undefined;
    // When it starts: "in the next cycle" (X), "within 50 ms" (F[0,50]), "eventually" (F), around the onset.
    const starts: FormulaJson[] = [];
    let now = this.connectives(a, join);
    for (; now.kind === 'next' || now.kind === 'finally'; now = now.args[0]!) starts.push(now);
    if (hasTemporal(now)) return undefined;
    // "busy goes high ... and remains high": with no subject the tagger can find, the state is what went high.
    const subject = this.subjectOf(a, join);
    const state = subject || !this.onlyAdjectives(verb + 1, k) ? peel(this.withSubject(subject, () => this.connectives(verb, k)), 'globally') : peel(now, 'finally');
    if (hasTemporal(state)) return undefined;
    return starts.reduceRight<FormulaJson>((f, start) => ({ ...start, args: [f] }) as FormulaJson, bin(weak ? 'weak_until' : 'until', state, peel(right, 'finally')));
  }

  /** "S shall respond to every R [within N]": G (R -> F[0,N] S_respond); the responder and the verb name the response. */
  private respondToEvery(a: number, k: number, b: number): FormulaJson {
    let end = k + 2;
    while (end < b && this.items[end]!.kind === 'word') end++;
    const trigger = this.prop(this.wordsIn(k + 2, end));
    const timing = end < b ? this.clauseParts(end, b, true) : { wraps: [], words: [], goal: false, avoid: false };
    if (timing.words.length > 0 || timing.group) throw new NotRead('words after the timing of a response');
    const response = this.prop([...this.wordsIn(a, k), (this.items[k] as Extract<Item, { kind: 'cue' }>).words[0]!]);
    const timed = timing.wraps.length > 0 ? this.applyWraps(timing, response) : un('finally', response);
    return un('globally', bin('implies', trigger, timed));
  }

  /** The trailer at k, its window resolved. */
  private trailer(k: number): Trailer {
    const it = this.items[k] as Extract<Item, { kind: 'cue' }>;
    const cue = it.cue as Extract<Cue, { kind: 'trailer' }>;
    const window = cue.wraps ? this.resolveWraps(it, cue.wraps)[0] : undefined;
    return { weak: cue.weak === true, ...(window ? { window } : {}) };
  }

  /** An until-like operator's interval: from the trailer, or from "B holds within 5 time units" (not for since). */
  private window(r: FormulaJson, trailer: Trailer | undefined, past: boolean): { f: FormulaJson; interval?: [number, number | null] } {
    if (trailer?.window) return { f: r, interval: [trailer.window.lo as number, trailer.window.hi as number | null] };
    // Release's window reads as a span ("from 3 time units from now on"), until's as a deadline.
    if (!past && (r.kind === 'finally' || r.kind === 'globally') && r.interval) return { f: r.args[0]!, interval: r.interval };
    return { f: r };
  }

  /** `kind` over (first, second), with the interval found on `windowed` (which is first or second). */
  private untilLike(kind: Binary, l: FormulaJson, r: FormulaJson, trailer: Trailer | undefined, swap = false): FormulaJson {
    const { f, interval } = this.window(r, trailer, kind === 'since');
    const args: [FormulaJson, FormulaJson] = swap ? [f, l] : [l, f];
    return { kind, args, ...(interval ? { interval } : {}) };
  }

  private combine(op: BinaryCue, l: FormulaJson, r: FormulaJson, trailer?: Trailer, leftAsWritten = false, rightAsWritten = false): FormulaJson {
    const left = leftAsWritten ? l : this.negatedLeft(l);
    // What until waits for is an event, not a promise: "until you visit the red room" is until red_room
    // (a U F b would hold whenever F b does).
    const event = rightAsWritten ? r : eventOf(r);
    switch (op) {
      case 'until': {
        // "d holds from the next state on until t holds": from that step, d until t.
        let steps = 0;
        let from = l;
        for (; from.kind === 'next'; from = from.args[0]!) steps++;
        if (steps > 0 && from.kind === 'globally' && !from.interval && !trailer && !rightAsWritten) return nexts(steps, bin('until', from.args[0]!, event));
        // "keep circling the barn until the sheep are in the pen", "keep flying over the harbor until ...": over it until
        // then, not visiting it again and again (G F x U y asks nothing a robot could do).
        const circled = l.kind === 'globally' && !l.interval && isVisit(l.args[0]!) ? peel(l.args[0]!, 'finally') : undefined;
        if (circled && !rightAsWritten) return eachGoal(r.kind === 'or' ? event : r, (goal) => this.untilLike(trailer?.weak ? 'weak_until' : 'until', circled, goal, trailer));
        // "proceed to gate 3 and remain there until boarding starts": there, then there until.
        const stay = l.kind === 'finally' && !l.interval ? l.args[0]! : undefined;
        if (stay?.kind === 'globally' && !stay.interval && !trailer && !rightAsWritten) return un('finally', bin('and', stay.args[0]!, bin('until', stay.args[0]!, event)));
        const weak = trailer ? trailer.weak === true : this.specification;
        return rightAsWritten ? this.untilLike(weak ? 'weak_until' : 'until', left, r, trailer) : eachGoal(r.kind === 'or' ? event : r, (goal) => this.untilLike(weak ? 'weak_until' : 'until', left, goal, trailer));
      }
      case 'unless': {
        // "w never holds unless v holds" and "the motor shall not start unless the guard is closed" (a state): w only
        // when v, at every moment; "do not go to a unless you have visited b" (an event, done once): not before b.
        const visited = r.kind === 'finally' && !r.interval;
        const never = l.kind === 'globally' && !l.interval && l.args[0]!.kind === 'not' ? l.args[0]!.args[0]! : undefined;
        const mustNot = l.kind === 'not' && !hasTemporal(l) && !hasTemporal(r) ? l.args[0]! : undefined;
        const forbidden = never ?? mustNot;
        if (forbidden && !trailer && !visited) return un('globally', bin('implies', forbidden, event));
        return this.untilLike('weak_until', left, event, trailer);
      }
      case 'unlessUntil':
        return this.untilLike('weak_until', left, event, trailer);
      case 'releasedBy':
        // "..., which happens eventually" makes the releasing moment a promise: strong release. ("remain inside the
        // corridor up to and including ...": staying is what release says of every moment until then.)
        return this.untilLike(trailer && !trailer.weak ? 'strong_release' : 'release', l.kind === 'globally' && !l.interval && !leftAsWritten ? l.args[0]! : l, event, trailer, true);
      case 'strongReleasedBy':
        return this.untilLike('strong_release', l, event, trailer, true);
      case 'since':
        return this.untilLike('since', l, event, trailer);
    }
    // ("a must not happen before b, even if b never comes": what a precedence says anyway; the caller weakens it.)
    if (trailer && !(op === 'before' && trailer.weak && !trailer.window)) throw new NotRead(`a qualifier after ${op}`);
    switch (op) {
      case 'implies':
        return bin('implies', l, r);
      case 'iff':
        return bin('iff', l, r);
      case 'response':
        return un('globally', bin('implies', peel(l, 'globally'), isTemporal(r) ? r : un('finally', r)));
      case 'neverFollowedBy':
        return un('globally', bin('implies', peel(l, 'globally'), un('globally', negation(peel(r, 'finally')))));
      case 'neverNextBy':
        return un('globally', bin('implies', peel(l, 'globally'), un('next', negation(peel(r, 'finally')))));
      case 'immediateResponse':
        return un('globally', bin('implies', peel(l, 'globally'), un('next', r)));
      case 'immediatelyPrecededBy': {
        // ("... immediately preceded by a req in the previous step": the previous step said twice.)
        const before = peel(r, 'finally');
        return un('globally', bin('implies', peel(l, 'globally'), before.kind === 'prev' && !before.interval ? before : un('prev', before)));
      }
      case 'respondsTo':
        return un('globally', bin('implies', r, isTemporal(l) ? l : un('finally', l)));
      case 'precedes':
        return bin('weak_until', negation(r), l);
      case 'precededBy':
        // "visit b only after visiting a": not b until a (which must come; onlyAfter adds the visit of b); "b happens
        // only after a" is precedence.
        if (l.kind === 'finally' && !l.interval) return eachGoal(r, (goal) => bin('until', negation(peel(l, 'finally')), goal));
        return eachGoal(r, (goal) => bin('weak_until', negation(l), goal));
      case 'release':
        return bin('release', l, r);
      case 'before': {
        // "A before B": B does not happen until A has; "A must not happen before B" (or "never A before B"): A waits for B.
        if (left.kind === 'not') return eachGoal(r, (goal) => bin('until', left, goal));
        // "a light is green at all times before the server is available": the catalogue's universality before R.
        if (l.kind === 'globally' && !l.interval && !hasTemporal(l.args[0]!)) return scoped('before', { kind: 'universality', p: l.args[0]! }, undefined, peel(r, 'finally'));
        // "visit the dentist after the doctor, but before the pharmacy": the sequence, and its last visit first.
        const last = lastStep(l);
        if (last) return bin('and', l, bin('until', negation(peel(r, 'finally')), last));
        return bin('until', negation(peel(r, 'finally')), peel(l, 'finally'));
      }
      case 'after': {
        // "the alarm sounds within 5 seconds after the door opens" is a response; "go to a after going to b" is a
        // sequence (both visits, b first); "a happens after b", with no goal, is not a until b.
        const goal = l.kind === 'finally' && !('interval' in l && l.interval);
        if (isTemporal(l) && !goal) return un('globally', bin('implies', peel(r, 'finally'), l));
        return eachGoal(r, (event) => (goal ? inSequence([event, l]) : bin('until', negation(l), event)));
      }
      case 'via':
        return un('finally', bin('and', peel(r, 'finally'), l.kind === 'finally' ? l : un('finally', l)));
      case 'while': {
        // "whenever a holds while b does not, ...": inside a condition, both at once.
        if ((this.conditionDepth > 0 || this.momentDepth > 0) && !hasTemporal(l) && !hasTemporal(r)) return bin('and', l, r);
        // "reach a while avoiding b (and c)": both, not a condition.
        const avoiding = (f: FormulaJson): boolean => (f.kind === 'globally' && !f.interval && f.args[0]!.kind === 'not') || (f.kind === 'and' && f.args.every(avoiding));
        if (avoiding(r)) return bin('and', l, r);
        // "keep away from the power lines while you go through the arch bridge to the park": so the other way round.
        if (avoiding(l) && (isVisit(r) || lastStep(r) !== undefined)) return bin('and', l, r);
        // "while the system is armed, the siren shall sound whenever a window is open": both conditions at once.
        const main = peel(l, 'globally');
        if (main.kind === 'implies' && !hasTemporal(r) && !hasTemporal(main.args[0]!)) return un('globally', bin('implies', bin('and', r, main.args[0]!), main.args[1]!));
        return un('globally', bin('implies', r, main));
      }
      default:
        throw new NotRead(`unexpected ${op}`);
    }
  }

  /**
   * The catalogue's chains of two events: "S, T precedes P", "P precedes (S, T)", "P responds to S, T", "S, T
   * (without Z) responds to P", and the same with "is preceded by" and "is followed by". A chain is two plain
   * clauses in a comma list, as the catalogue writes it, or, beside precedence and "responds to", joined by
   * "then" or "followed by" ("P is preceded by S followed by T").
   */
  private chainPattern(op: BinaryCue, left: [number, number], right: [number, number]): FormulaJson | undefined {
    const leftChain = this.chain(...left, op);
    const chain = leftChain ?? this.chain(...right, op);
    const other = leftChain ? right : left;
    if (!chain || !this.isPlain(...other)) return undefined;
    // Which side is the chain decides the pattern: the earlier events are the chain in "S, T precedes P".
    const kinds: Record<string, [ChainKind, ChainKind]> = {
      precedes: ['chainPrecedes', 'precedesChain'],
      precededBy: ['precedesChain', 'chainPrecedes'],
      respondsTo: ['chainRespondsTo', 'respondsToChain'],
      response: ['respondsToChain', 'chainRespondsTo'],
    };
    const kind = kinds[op]![leftChain ? 0 : 1];
    if (chain.z && kind !== 'chainRespondsTo') return undefined;
    const [s, t, z, p] = [chain.s, chain.t, chain.z, other].map((range) => (range ? this.condition(...range) : undefined));
    return this.pattern({ kind, p: p!, s: s!, t: t!, ...(z ? { z } : {}) });
  }

  /** [a, b) as two plain clauses, a chain (see chainPattern), the second perhaps constrained ("T without Z"). */
  private chain(a0: number, b0: number, op: BinaryCue): { s: [number, number]; t: [number, number]; z?: [number, number] } | undefined {
    let [a, b] = this.trim(a0, b0);
    if (this.items[a]!.kind === 'open' && this.closing.get(a) === b - 1) [a, b] = this.trim(a + 1, b - 1);
    let parts = this.splitCommas(a, b);
    if (parts.length === 1 && op !== 'response') {
      const then = this.find(a, b, (k) => this.isBinary(k, thenCue));
      if (then >= 0) parts = [[a, then], [then + 1, b]];
    }
    if (parts.length !== 2) return undefined;
    const [s, [ts, te]] = parts as [[number, number], [number, number]];
    const without = this.find(ts, te, (k) => this.wordAt(k)?.norm === 'without');
    const t: [number, number] = [ts, without >= 0 ? without : te];
    const z: [number, number] | undefined = without >= 0 ? [without + 1, te] : undefined;
    return this.isPlain(...s) && this.isPlain(...t) && (!z || this.isPlain(...z)) ? { s, t, ...(z ? { z } : {}) } : undefined;
  }

  /** Whether [a, b) reads as one proposition with no temporal or logical structure (checked before reading it). */
  private isPlain(a: number, b: number): boolean {
    if (a >= b) return false;
    const items = this.items.slice(a, b);
    // A going verb names an event here ("the robot enters the room"), as in a condition.
    if (!items.every((it) => it.kind === 'word' || (it.kind === 'cue' && (it.cue.kind === 'ignore' || it.cue.kind === 'goal')))) return false;
    const words = this.wordsIn(a, b);
    const content = contentWords(words);
    const constant = content.length === 1 && ['true', 'false'].includes(content[0]!.norm);
    return content.length > 0 && !constant && !['every', 'each', 'any'].includes(words[0]?.lemma ?? '');
  }

  /** "never X until Y" means X does not happen before Y: not X until Y; "X always holds until Y" is X until Y. */
  private negatedLeft(l: FormulaJson): FormulaJson {
    // "avoid both the ravine and the crater rim until ...": each avoided until then.
    if (l.kind === 'and' && l.args.every((g) => g.kind === 'and' || (g.kind === 'globally' && !g.interval && g.args[0]!.kind === 'not'))) return bin('and', this.negatedLeft(l.args[0]!), this.negatedLeft(l.args[1]!));
    // "b has never held before a" is the same precedence said in the perfect.
    return (l.kind === 'globally' || l.kind === 'historically') && 'args' in l && !l.interval ? l.args[0]! : l;
  }

  /** Splits at `or` (then `and`) cues; commas in such a list separate too. */
  private coordination(a: number, b: number, kind: 'or' | 'and'): FormulaJson {
    const parts: [number, number][] = [];
    // "either the link is restored or return-to-home is initiated eventually": "either" opens the choice, so what
    // follows its last part is said of the whole choice.
    // "in the next step either gnt holds or req holds", "always either a or b": an adverbial before "either" is said of
    // the whole choice.
    const before = this.cueAt(a);
    if (kind === 'or' && before?.kind === 'unary' && !before.goal && this.cueWord(a + 1) === 'either') return this.wrapAll(this.resolveRange(a, a + 1), this.coordination(a + 1, b, 'or'));
    if (kind === 'or' && this.cueWord(a) === 'either') {
      let tail = b;
      // (Only "eventually": "or d holds in the next cycle" says when d holds, and the first part may say its own time.)
      const eventually = (k: number) => { const c = this.cueAt(k); return c?.kind === 'unary' && !c.goal && c.wraps.length === 1 && c.wraps[0]!.op === 'finally' && c.wraps[0]!.lo === undefined; };
      while (tail > a + 1 && eventually(tail - 1)) tail--;
      const or = this.find(a, tail, (k) => this.isBinary(k, new Set(['or'])));
      const ownTime = this.find(a + 1, or, (k) => this.cueAt(k)?.kind === 'unary' || this.findFlagged(k, k + 1, 'initial') >= 0) >= 0;
      if (tail < b && or >= 0 && !ownTime) return this.wrapAll(this.resolveRange(tail, b), this.coordination(a, tail, 'or'));
    }
    // "first the footbridge, then either the church or the school": an "either" after a "then" keeps its choice in that step.
    const then = kind === 'or' ? this.find(a + 1, b, (k) => this.isBinary(k, thenCue)) : -1;
    if (then > a && this.cueWord(then + 1) === 'either' && this.find(a, then, (k) => this.isBinary(k, andOr)) < 0) return this.coordination(a, b, 'and');
    // "go to a or b, then go to c": a ", then" after a choice orders the choice and what follows.
    const commaThen = kind === 'or' ? this.find(a + 1, b, (k) => this.isBinary(k, thenCue) && (this.isCommaSeparator(k) || this.isCommaSeparator(k - 1))) : -1;
    if (commaThen > a && this.find(a, commaThen, (k) => this.isBinary(k, new Set(['or']))) >= 0) {
      const leftEnd = this.items[commaThen - 1]!.kind === 'comma' ? commaThen - 1 : commaThen;
      return inSequence([this.coordination(a, leftEnd, 'or'), this.coordination(commaThen + 1, b, 'or')]);
    }
    // "visit a and b (in any order), then go to c", "visit a and b and then c": each place of the list, and c after it.
    const listThen = kind === 'and' ? this.find(a + 1, b, (k) => this.isBinary(k, thenCue) && (this.isCommaSeparator(k) || this.isCommaSeparator(k - 1) || ['and', 'then'].includes(this.cueWord(k) ?? ''))) : -1;
    if (listThen > a && this.find(a, listThen, (k) => this.isBinary(k, andOr)) >= 0) {
      const leftEnd = this.items[listThen - 1]!.kind === 'comma' ? listThen - 1 : listThen;
      const places: [number, number][] = [];
      let from = a;
      for (let k = a; k < leftEnd; k = this.step(k)) {
        if (!this.isBinary(k, new Set(['and']))) continue;
        places.push([from, k]);
        from = k + 1;
      }
      const byVerb = this.sharedVerb([...places, [from, leftEnd]].flatMap(([s, e]) => this.splitCommas(s, e)));
      if (byVerb) {
        const after = this.sequence(listThen + 1, b);
        return byVerb().map((goal) => inSequence([goal, after])).reduce((x, y) => bin('and', x, y));
      }
    }
    // "either A or B, but not both".
    const exclusive = kind === 'or' && this.find(a, b, (k) => this.cueAt(k)?.kind === 'trailer') === b - 1 && (this.cueAt(b - 1) as { exclusive?: boolean }).exclusive === true;
    if (exclusive) b -= 1;
    // "visit a and b in that order"; "... following the strict order l1, l2, l3" names the places again.
    const orderAt = kind === 'and' ? this.find(a, b, (k) => this.cueAt(k)?.kind === 'inOrder') : -1;
    // "patrol a, b and c in that order forever": adverbials after the order are the whole sequence's.
    const afterOrder = orderAt >= 0 && orderAt + 1 < b && this.items.slice(orderAt + 1, b).every((it) => it.kind === 'cue' && it.cue.kind === 'unary');
    if (afterOrder) return this.wrapAll(this.resolveRange(orderAt + 1, b), this.coordination(a, orderAt + 1, kind));
    // "visit a, b and c in that order and keep away from d": the order ends its list; what follows "and" is a command
    // of its own.
    const joinedAfter = orderAt >= 0 && orderAt + 2 < b && (this.isBinary(orderAt + 1, new Set(['and'])) || this.items[orderAt + 1]!.kind === 'comma');
    if (joinedAfter && this.cueAt(orderAt + 2)?.kind !== undefined && this.cueAt(orderAt + 2)!.kind !== 'inOrder') {
      return bin('and', this.coordination(a, orderAt + 1, kind), this.coordination(orderAt + 2, b, kind));
    }
    const orderCue = orderAt >= 0 && (orderAt === b - 1 || this.repeats(orderAt + 1, b, a, orderAt)) ? this.cueAt(orderAt) : undefined;
    const order: Order | undefined = orderCue?.kind === 'inOrder' ? orderCue.order ?? 'sequence' : undefined;
    if (order) b = orderAt;
    // "eventually a and b hold at the same time": the leading adverbials scope over the coordination.
    const lead = this.leadingUnary(a, b);
    // ("never go to a, and eventually get to both b and c": a "both" that opens a list further on says nothing of
    // time; "never both a and b", right after the adverbial, is never the two together.)
    const together = (k: number) => this.cueAt(k)?.kind === 'jointly' && !(k > lead && this.cueWord(k) === 'both' && this.items[k + 1]?.kind === 'word' && this.items[k - 1]?.kind !== 'word');
    if (lead > a && this.find(lead, b, together) >= 0 && this.find(lead, b, (k) => this.isBinary(k, new Set([kind]))) >= 0) {
      return this.wrapAll(this.resolveRange(a, lead), this.coordination(lead, b, kind));
    }
    // "always a or b": over a list of names, a leading adverbial scopes over the whole list.
    const goalLead = this.find(a, lead, (k) => (this.cueAt(k) as { goal?: boolean } | undefined)?.goal === true) >= 0;
    if (lead > a && !goalLead && this.namesOnly(lead, b, kind)) return this.wrapAll(this.resolveRange(a, lead), this.coordination(lead, b, kind));
    // "at every step exactly one of p and q is true": so does one before "one of".
    if (lead > a && this.cueAt(lead)?.kind === 'listOf') return this.wrapAll(this.resolveRange(a, lead), this.coordination(lead, b, kind));
    let start = a;
    let found = false;
    for (let k = a; k < b; k = this.step(k)) {
      if (this.isBinary(k, new Set([kind]))) {
        found = true;
        if (k > start) parts.push([start, k]);
        start = k + 1;
      }
    }
    if (!found && kind === 'and') {
      // "locations l1, l2, l3 must be surveilled": a comma list of places before their one predicate.
      const listed = this.sharedPredicate(this.splitCommas(a, b), order);
      if (listed) return listed('and');
      // "go to A, B, C, D in order", "visit a, b, c": a comma list under one verb, without "and".
      const byVerb = this.splitCommas(a, b).length > 1 ? this.sharedVerb(this.splitCommas(a, b)) : undefined;
      if (byVerb) return order ? inOrder(byVerb(), order) : byVerb().reduce((x, y) => bin('and', x, y));
      // "go to a, then b, then c, in that order": the "then"s already order them.
      // "go to a, then b, avoiding c": a comma before an avoidance joins it to everything before.
      const comma = this.find(a, b, (k) => this.items[k]!.kind === 'comma' && this.cueAt(k + 1)?.kind === 'avoid');
      // ("... then c, following this order": an order that forbids skipping ahead adds its bans to the "then"s.)
      if (comma < 0) return order === 'ordered' || order === 'strict' ? inOrder(visitsInTurn(this.sequence(a, b)), order) : this.sequence(a, b);
      // "head to the purple room, avoiding the red room on the way": avoided until there.
      const [goal, avoided] = [this.sequence(a, comma), this.sequence(comma + 1, b)];
      return (this.saysOnTheWay(comma + 1, b) ? avoidedOnTheWay(avoided, goal) : undefined) ?? bin('and', goal, avoided);
    }
    if (!found) return this.coordination(a, b, 'and');
    parts.push([start, b]);
    const split = parts.flatMap(([s, e]) => this.splitCommas(s, e));
    if (split.length === 0) throw new NotRead(`"${kind}" with nothing on either side`);
    const next = (s: number, e: number): FormulaJson => (kind === 'or' ? this.coordination(s, e, 'and') : this.sequence(s, e));
    const joined = exclusive ? 'xor' : kind;
    // "go to a or b, but not both": (F a | F b) & !(F a & F b), as people write it (F a xor F b says the same);
    // "either p holds or q holds, but not both" stays p xor q, as explain() writes it.
    const eitherNotBoth = (fs: FormulaJson[]): FormulaJson =>
      bin('and', fs.reduce((x, y) => bin('or', x, y)), un('not', fs.reduce((x, y) => bin('and', x, y))));
    // "go to the cafe or the library", "either go to a or go to b": F (cafe | library), as people write it (F cafe |
    // F library says the same).
    const eitherVisit = (fs: FormulaJson[]): FormulaJson => un('finally', fs.map((f) => peel(f, 'finally')).reduce((x, y) => bin('or', x, y)));
    const combine = (fs: FormulaJson[]): FormulaJson =>
      order ? inOrder(fs, order)
      : exclusive && fs.length === 2 && fs.every(isVisit) ? eitherNotBoth(fs)
      : kind === 'or' && !exclusive && fs.every(isVisit) ? eitherVisit(fs)
      : fs.reduce((x, y) => bin(joined, x, y));
    const byPredicate = this.sharedPredicate(split, order);
    if (byPredicate) return byPredicate(joined);
    const bySubject = this.sharedSubject(split, joined);
    if (bySubject) return bySubject;
    const byVerb = this.sharedVerb(split);
    if (byVerb) {
      const each = byVerb();
      // "never go to a or b": avoiding either place is avoiding both.
      const avoided = (f: FormulaJson) => f.kind === 'globally' && !f.interval && f.args[0]!.kind === 'not';
      if (kind === 'or' && each.every(avoided)) return each.reduce((x, y) => bin('and', x, y));
      return combine(each);
    }
    // "at some point the light is green and remains green forever": one subject, so the leading adverbials scope over both verbs.
    const sharesSubject = split.some(([s, e], i) => i > 0 && this.opensWithVerb(s, e)) && this.subjectOf(...split[0]!) !== undefined;
    if (lead > a && split[0]![0] === a && sharesSubject) return this.wrapAll(this.resolveRange(a, lead), this.coordination(lead, b, kind));
    // "eventually a happens and b never happens after that": a part that ends in "after that" follows the one before.
    const later = (e: number) => kind === 'and' && this.isBinary(e - 1, thenCue);
    // "a holds now and in the next two steps": a part that is only adverbials says them of the clause before it.
    const onlyAdverbials = (s: number, e: number) => this.items.slice(s, e).every((it) => it.kind === 'cue' && it.cue.kind === 'unary');
    const fs: FormulaJson[] = [];
    /** Parts whose event the next part took in ("at some point p holds and at the next step q holds"). */
    const absorbed = new Set<number>();
    /** Parts read with the subject of the part before ("and remains true"). */
    const elliptical = new Set<number>();
    let subject: Word[] | undefined;
    for (const [i, [s, e]] of split.entries()) {
      const before = fs[i - 1];
      // "... becomes false and stays false": a predicate cue of staying is a verb phrase too.
      const staysCue = this.stayingCue(s) && onlyAdverbials(s, e);
      const shared = before && (this.opensWithVerb(s, e) || this.onlyAdjectives(s, e) || staysCue) ? subject : undefined;
      const eventBefore = before?.kind === 'finally' && !before.interval;
      if (before && e === s + 1 && this.cueAt(s)?.kind === 'stepAfter') fs.push(un('next', before));
      // "at some point p holds and at the next step q holds": the next step after that point; "at that moment", the
      // point; "and from then on q never holds", every moment after it.
      else if (eventBefore && (this.opensWithNext(s, e) || this.endsWithNext(s, e) || this.find(s, e, (k) => this.cueAt(k)?.kind === 'thatMoment' || (this.cueAt(k) as { fromThen?: boolean } | undefined)?.fromThen === true) >= 0)) {
        absorbed.add(i - 1);
        fs.push(un('finally', bin('and', before.args[0]!, this.withSubject(shared, () => this.clause(s, e)))));
      }
      // "patrol a and b over and over, forever": "forever" after what already holds forever says nothing more.
      else if (before && onlyAdverbials(s, e) && before.kind === 'globally' && !before.interval && this.clauseParts(s, e, true).wraps.flat().every((w) => w.op === 'globally' && w.lo === undefined)) {
        absorbed.add(i - 1);
        fs.push(before);
      }
      else if (before && onlyAdverbials(s, e) && !staysCue) fs.push(this.applyWraps({ ...this.clauseParts(s, e, true), words: [] }, this.sameClause(...split[i - 1]!)));
      // "b holds at some point, and a holds at every step before that": a until that point.
      else if (eventBefore && this.relativeEnd(e) && this.find(s, e - 1, (k) => (this.cueAt(k) as { wraps?: Wrap[] } | undefined)?.wraps?.some((w) => w.op === 'globally' && w.lo === undefined) === true) >= 0) {
        absorbed.add(i - 1);
        fs.push(bin('until', peel(this.clause(s, e - 1), 'globally'), before.args[0]!));
      }
      // "eventually go to a but never visit b before that": b waits for a.
      // "f will hold before that": before the event of the part before (not in the past).
      else if (before && this.relativeEnd(e) && (this.negated(s, e - 1) || this.willAt(s, e - 1))) fs.push(this.combine('before', next(s, e - 1), before));
      else if (before && later(e)) fs.push(this.sequence(s, e - 1));
      else {
        if (shared) elliptical.add(i);
        const read = this.clauses.length;
        // "the relief valve shall be open, and it shall stay open": "it" is the subject of the part before.
        const it = this.wordAt(s);
        if (subject && it && refersBack(it)) this.antecedentSubject = subject;
        const f = this.withSubject(shared, () => next(s, e));
        // "p becomes true at some point and stays true": from that point on.
        const stays = shared && eventBefore && kind === 'and' && !hasTemporal(f) && (staysCue || ['stay', 'remain'].includes(this.verbAt(s, e)?.lemma ?? ''));
        // "shall eventually enter safe mode and remain in safe mode forever": kept from the moment it is reached.
        const kept = eventBefore && kind === 'and' && f.kind === 'globally' && !f.interval && this.sameFormula(f.args[0]!, before.args[0]!);
        // "at some point p holds, and at some later point q holds": later than that point.
        const laterCue = this.cueAt(s) as { kind: string; wraps?: Wrap[] } | undefined;
        const afterIt = eventBefore && kind === 'and' && laterCue?.kind === 'unary' && laterCue.wraps?.length === 2 && laterCue.wraps[0]!.op === 'next' && laterCue.wraps[1]!.op === 'finally';
        if (stays || kept || afterIt) absorbed.add(i - 1);
        fs.push(stays ? inSequence([before, un('globally', f)]) : kept ? inSequence([before, f]) : afterIt ? un('finally', bin('and', before.args[0]!, f)) : f);
        // "g holds, and it holds from that point on": "it" is the clause before.
        if (this.clauses.length > read) this.antecedent = this.clauses[read]!.words;
      }
      subject = this.subjectOf(s, e) ?? subject;
    }
    // "walk to a, then walk to b, and end at c": a goal after a sequence is its next step; so is coming back after a goal.
    const comesBack = (k: number) => this.cueWords(k).some((w) => ['back', 'return'].includes(w.norm));
    // "..., and visit d at some point": a goal with an adverbial of its own is no step of the sequence.
    const ownTime = (i: number) => this.find(...split[i]!, (k) => this.cueAt(k)?.kind === 'unary') >= 0;
    // "go to the plaza and look for the fountain there": there, so after getting there.
    const there = (i: number) => this.wordAt(split[i]![1] - 1)?.norm === 'there';
    // "pick up the red block and put it in the bin": a command on what the command before took is its next step.
    // (Also when the command is a cue that says "it": "and bring it to the table".)
    const it = (k: number) => [this.wordAt(k), ...this.cueWords(k)].some((w) => ['it', 'them'].includes(w?.norm ?? ''));
    const onIt = (i: number) => this.imperative(...split[i]!) && this.imperative(...split[i - 1]!) && this.find(split[i]![0], split[i]![1], it) >= 0;
    // "go to the garage and pick up the toolbox, then return to the workshop": commands joined by "and" before a
    // "then" are steps in turn too.
    const stepsAfter = (i: number) => this.imperative(...split[i]!) && this.imperative(...split[i - 1]!) && this.find(...split[i]!, (k) => this.isBinary(k, thenCue)) >= 0;
    const continues = (i: number) =>
      kind === 'and' &&
      ((this.cueAt(split[i]![0])?.kind === 'goal' && !ownTime(i) && (this.find(...split[i - 1]!, (k) => this.isBinary(k, thenCue)) >= 0 || comesBack(split[i]![0]) || there(i))) ||
        onIt(i) ||
        stepsAfter(i));
    const merged = fs.reduce<FormulaJson[]>((out, f, i) => {
      if (absorbed.has(i)) return out;
      if (i > 0 && continues(i)) return [...out.slice(0, -1), thenAlso(out[out.length - 1]!, f)];
      return i > 0 && later(split[i]![1]) ? [...out.slice(0, -1), inSequence([out[out.length - 1]!, f])] : [...out, f];
    }, []);
    // "a is true and remains true": a verb phrase that says its subject's clause again says nothing more.
    const repeated = (f: FormulaJson) => fs.some((g, j) => elliptical.has(j) && g === f) && merged.some((g) => g !== f && this.sameProp(f, g));
    const distinct = kind === 'and' && !exclusive ? merged.filter((f) => !repeated(f)) : merged;
    // "the transaction eventually commits or aborts": the subject's adverbial scopes over the verbs it shares.
    const sharedEventually = kind === 'or' && distinct.length === fs.length && distinct[0]!.kind === 'finally' && !distinct[0]!.interval && distinct.every((f, i) => i === 0 || (elliptical.has(i) && !hasTemporal(f)));
    if (sharedEventually) return un('finally', distinct.map((f) => peel(f, 'finally')).reduce((x, y) => bin(joined, x, y)));
    return distinct.length === 1 ? distinct[0]! : combine(distinct);
  }

  /**
   * The simpler equivalent forms people write: F F a is F a, G G a is G a, "eventually p becomes true and stays
   * true forever" (F (p & G p)) is F G p, and F b & a U b is a U b.
   */
  tidy(f: FormulaJson): FormulaJson {
    if (!('args' in f)) return f;
    const t = { ...f, args: f.args.map((g) => this.tidy(g)) } as FormulaJson;
    // "a stays false until b becomes true, and b does eventually become true": until says so already.
    if (t.kind === 'and') {
      const [x, y] = t.args as [FormulaJson, FormulaJson];
      // "..., and do go to pier 3": a goal said twice is one. (Only a goal: "p holds and p holds" stays as written,
      // which is how explain() words p & p.)
      const goal = y.kind === 'finally' || (y.kind === 'globally' && y.args[0]!.kind === 'finally');
      if (goal && conjuncts(x).some((g) => this.sameFormula(g, y))) return x;
      const promised = (until: FormulaJson, eventually: FormulaJson) =>
        until.kind === 'until' && !until.interval && eventually.kind === 'finally' && !eventually.interval && this.sameFormula(until.args[1]!, eventually.args[0]!);
      if (promised(x, y)) return x;
      if (promised(y, x)) return y;
      // "b holds until and including the moment a holds, and a must eventually happen": a R b & F a is a M b.
      // (A M b & F a is a M b already.)
      const released = (r: FormulaJson, eventually: FormulaJson) =>
        (r.kind === 'release' || r.kind === 'strong_release') && !r.interval && eventually.kind === 'finally' && !eventually.interval && this.sameFormula(r.args[0]!, eventually.args[0]!);
      if (released(x, y)) return { ...x, kind: 'strong_release' } as FormulaJson;
      if (released(y, x)) return { ...y, kind: 'strong_release' } as FormulaJson;
      // "visit a and b in any order, then end at c and stay there": F (a & F G c) & F (b & F G c) is F a & F b & F G c,
      // since whether c holds forever from some moment on does not depend on the moment asked (nor does "infinitely
      // often"). Only for places visited in any order: a sequence's last step stays where writers put it.
      const all = conjuncts(t);
      const anyMoment = (g: FormulaJson) => (g.kind === 'finally' || g.kind === 'globally') && !g.interval && (g.args[0]!.kind === 'finally' || g.args[0]!.kind === 'globally') && g.args[0]!.kind !== g.kind && !(g.args[0] as { interval?: unknown }).interval && !hasPast(g);
      const visitThen = (g: FormulaJson) => (g.kind === 'finally' && !g.interval && g.args[0]!.kind === 'and' && anyMoment(g.args[0]!.args[1]!) ? g.args[0]!.args as [FormulaJson, FormulaJson] : undefined);
      const split = all.map(visitThen);
      const shared = split.find((v) => v)?.[1];
      // (Read bottom up, the first two of three places may have been rewritten already: F a & F b & F G c & F (d & F G c).)
      const rewritten = (g: FormulaJson) => this.sameFormula(g, shared!) || (g.kind === 'finally' && !g.interval && !hasTemporal(g.args[0]!));
      const fits = shared && all.every((g, i) => (split[i] && this.sameFormula(split[i]![1], shared)) || rewritten(g));
      if (fits && (split.filter((v) => v).length > 1 || all.some((g) => this.sameFormula(g, shared)))) {
        return [...all.map((g, i) => (split[i] ? un('finally', split[i]![0]) : g)).filter((g) => !this.sameFormula(g, shared)), shared].reduce((l, r) => bin('and', l, r));
      }
    }
    // "after a dose is delivered, no further dose shall be delivered for 3 cycles": not again from the next step, as
    // G (p -> G[0,3] !p) would forbid the very p it follows.
    if (t.kind === 'implies') {
      const [cond, then] = t.args as [FormulaJson, FormulaJson];
      // "if r eventually happens, then p does not occur before r": given that r comes, not before it is until it
      // (the catalogue's absence before r, F r -> (!p U r)).
      const comes = cond.kind === 'finally' && !cond.interval && then.kind === 'weak_until' && !then.interval && this.sameFormula(then.args[1]!, cond.args[0]!);
      if (comes) return bin('implies', cond, { ...then, kind: 'until' });
      const never = then.kind === 'globally' && then.args[0]!.kind === 'not' && this.sameFormula(then.args[0]!.args[0]!, cond) && (then.interval?.[0] ?? 0) === 0;
      if (never) return bin('implies', cond, then.interval ? un('globally', then.args[0]!, [1, then.interval[1]]) : un('next', then));
      // "after every a, there is no further a until b": so is not p until q.
      const notUntil = (then.kind === 'until' || then.kind === 'weak_until') && !then.interval && then.args[0]!.kind === 'not' && this.sameFormula(then.args[0]!.args[0]!, cond);
      if (notUntil) return bin('implies', cond, un('next', then));
    }
    // "p stays true until a point where p and q hold together": p U (p & q) is q M p, as writers put it.
    if (t.kind === 'until' && !t.interval) {
      const [held, awaited] = t.args as [FormulaJson, FormulaJson];
      // (Of a proposition only: the catalogue's scopes wait with !r U (p & !r), which writers keep as it is.)
      const [x, y] = awaited.kind === 'and' && held.kind === 'prop' ? (awaited.args as [FormulaJson, FormulaJson]) : [];
      if (x && y && this.sameFormula(x, held) && !this.sameFormula(y, held)) return bin('strong_release', y, held);
      if (x && y && this.sameFormula(y, held) && !this.sameFormula(x, held)) return bin('strong_release', x, held);
    }
    if ((t.kind !== 'finally' && t.kind !== 'globally') || t.interval) return t;
    const inner = t.args[0]!;
    if (inner.kind === t.kind && !inner.interval) return inner;
    if (t.kind === 'finally' && inner.kind === 'and') {
      const [x, y] = inner.args as [FormulaJson, FormulaJson];
      // "becomes true" may have said its own "eventually": F (F p & G p) is F G p too.
      const staysAfter = (now: FormulaJson, always: FormulaJson) => always.kind === 'globally' && !always.interval && this.sameFormula(peel(now, 'finally'), always.args[0]!);
      if (staysAfter(x, y)) return y.kind === 'globally' ? un('finally', y) : t;
      if (staysAfter(y, x)) return un('finally', x);
    }
    return t;
  }

  /** Whether f and g say the same, propositions compared by their content words. */
  private sameFormula(f: FormulaJson, g: FormulaJson): boolean {
    if (f.kind === 'prop' || g.kind === 'prop') return f.kind === g.kind && this.sameProp(f, g);
    if (f.kind !== g.kind || JSON.stringify('interval' in f ? f.interval : null) !== JSON.stringify('interval' in g ? g.interval : null)) return false;
    const [fa, ga] = ['args' in f ? f.args : [], 'args' in g ? g.args : []];
    return fa.length === ga.length && fa.every((x, i) => this.sameFormula(x, ga[i]!));
  }

  /** Whether f and g are propositions read from the same content words. */
  private sameProp(f: FormulaJson, g: FormulaJson): boolean {
    if (f.kind !== 'prop' || g.kind !== 'prop') return false;
    const lemmas = (p: { name: string }) => this.clauses[Number(p.name.slice(1))]!.words.map((w) => w.lemma).join(' ');
    return lemmas(f) === lemmas(g);
  }

  /** Whether the words of [a, b), and/or and commas aside, all appear in [from, to): a list named again. */
  private repeats(a: number, b: number, from: number, to: number): boolean {
    const earlier = new Set(this.wordsIn(from, to).map((w) => w.norm));
    const again = this.items.slice(a, b).filter((it) => it.kind !== 'comma' && !(it.kind === 'cue' && it.cue.kind === 'binary' && it.cue.op === 'and'));
    return again.length > 0 && again.every((it) => it.kind === 'word' && earlier.has(it.word.norm));
  }

  /** The proposition of the plain clause [a, b) once more, without its adverbials (one clause said twice is one proposition). */
  private sameClause(a: number, b: number): FormulaJson {
    const parts = this.clauseParts(a, b, false);
    if (parts.group || parts.goal || parts.avoid || parts.count || parts.place !== undefined) throw new NotRead('adverbials alone after a clause that is not plain');
    return this.prop(parts.words);
  }

  /** The comma-separated parts of [a, b), without those that say nothing ("visit a and b, in any order, ..."). */
  private splitCommas(a: number, b: number): [number, number][] {
    const out: [number, number][] = [];
    const says = (s: number, e: number) => this.items.slice(s, e).some((it) => !(it.kind === 'cue' && it.cue.kind === 'ignore'));
    let start = a;
    for (let k = a; k < b; k = this.step(k)) {
      if (this.items[k]!.kind === 'comma') {
        if (k > start && says(start, k)) out.push([start, k]);
        start = k + 1;
      }
    }
    if (b > start && says(start, b)) out.push([start, b]);
    return out;
  }

  /**
   * "a and b never hold at the same time": bare noun phrases coordinated before one predicate share it,
   * and its adverbials scope over the whole coordination.
   */
  private sharedPredicate(parts0: readonly [number, number][], order?: Order): ((kind: 'and' | 'or' | 'xor') => FormulaJson) | undefined {
    if (parts0.length < 2) return undefined;
    // "neither a nor b holds", "at least one of a and b holds": the list's opening words say how it combines.
    const list = this.cueAt(parts0[0]![0]);
    const listOf = list?.kind === 'listOf' ? list : undefined;
    // "both a and b hold": "both" only opens the list.
    const opened = listOf !== undefined || (list?.kind === 'jointly' && !list.wraps && this.cueWord(parts0[0]![0]) === 'both');
    const parts: [number, number][] = opened ? [[parts0[0]![0] + 1, parts0[0]![1]], ...parts0.slice(1)] : [...parts0];
    // "both p and the error is pressed": a verb for one subject is not shared.
    const verb = this.wordAt(this.find(...parts[parts.length - 1]!, (k) => ['VERB', 'AUX'].includes(this.wordAt(k)?.pos ?? '')));
    if (opened && !listOf && verb && verb.norm !== verb.lemma && /(s|is|was|has)$/.test(verb.norm)) return undefined;
    const bare = (s: number, e: number): boolean => this.isBare(s, e);
    if (!parts.slice(0, -1).every(([s, e]) => bare(s, e))) return undefined;
    const [ls, le] = parts[parts.length - 1]!;
    if (bare(ls, le)) return undefined;
    let subjectEnd = ls;
    while (subjectEnd < le && nounLike.has(this.wordAt(subjectEnd)?.pos ?? '')) subjectEnd++;
    if (subjectEnd === ls) return undefined;
    const predicate = this.clauseParts(subjectEnd, le, true);
    // Only places are visited in order ("l1, l2 and l3 must be patrolled in sequence").
    if (order && !predicate.goal) return undefined;
    if ((predicate.same || predicate.alternate) && parts.length !== 2) return undefined;
    return (kind0) => {
      const kind = predicate.same ? 'iff' : listOf ? 'or' : kind0;
      const subjects = [...parts.slice(0, -1), [ls, subjectEnd] as [number, number]];
      this.lastList = subjects.map(([s, e]) => this.wordsIn(s, e));
      // "a and b are false": said of each; "a and b are never true at the same time": the adverbials of the whole.
      const said = predicate.said;
      const each = (p: FormulaJson) => (said ? this.applyWraps({ wraps: [said], words: [], goal: false, avoid: false }, p) : p);
      const outer: ClauseParts = { ...predicate, wraps: said ? predicate.wraps.slice(0, -1) : predicate.wraps };
      const props = subjects.map(([s, e]) => each(this.prop([...this.wordsIn(s, e), ...predicate.words])));
      if (predicate.alternate) return this.alternation(outer, props);
      // "at most one of a and b is true": no two of them at once; "exactly one of p and q": one, and no two.
      if (listOf?.atMostOne || listOf?.exactlyOne) {
        const pairs = props.flatMap((x, i) => props.slice(i + 1).map((y) => un('not', bin('and', x, y))));
        const one = listOf.exactlyOne ? [props.reduce((x, y) => bin('or', x, y))] : [];
        return this.applyWraps({ ...outer, words: [] }, [...one, ...pairs].reduce((x, y) => bin('and', x, y)));
      }
      // Goals distribute ("a and b must be visited": each eventually); other adverbials scope over the whole.
      if (predicate.goal || predicate.avoid) {
        const goals = props.map((p) => this.applyWraps({ ...outer, words: [] }, p));
        return order ? inOrder(goals, order) : goals.reduce((x, y) => bin(kind, x, y));
      }
      // "a and b eventually hold": each of them, unless they do "at the same time".
      const sole = this.soleWrap(outer.wraps);
      const eventually = sole?.op === 'finally' && sole.lo === undefined;
      const jointly = this.find(subjectEnd, le, (k) => this.cueAt(k)?.kind === 'jointly') >= 0;
      if (kind === 'and' && eventually && !jointly) return props.map((p) => un('finally', p)).reduce((x, y) => bin('and', x, y));
      // "both p and q hold infinitely often": each of them, again and again.
      const flat = outer.wraps.flat();
      const recurring = flat.length === 2 && flat[0]!.op === 'globally' && flat[1]!.op === 'finally' && flat.every((w) => w.lo === undefined);
      if (kind === 'and' && recurring && !jointly) return props.map((p) => un('globally', un('finally', p))).reduce((x, y) => bin('and', x, y));
      const body = props.reduce((x, y) => bin(kind, x, y));
      if (!listOf?.negated) return this.applyWraps({ ...outer, words: [] }, body);
      // "neither a nor b ever holds": not at any time, so never either; other adverbials say when neither holds.
      // Neither is each one not, as the independent writers put it (!a & !b, 2 rows), not !(a | b).
      const neither = props.map((p) => negation(p)).reduce((x, y) => bin('and', x, y));
      if (eventually) return un('globally', neither);
      return this.applyWraps({ ...outer, words: [] }, neither);
    };
  }

  /**
   * "visit a, b and c": a part's going or avoiding verb and its adverbials apply to each bare noun phrase
   * after it, up to the next such verb ("go to a, avoiding b and c": F a, G !b, G !c).
   */
  private sharedVerb(parts0: readonly [number, number][]): (() => FormulaJson[]) | undefined {
    // "go to a then b and c": a part that is a sequence of its own is no noun phrase under the verb.
    if (parts0.length < 2 || parts0.some(([s, e]) => this.find(s, e, (k) => this.isBinary(k, thenCue)) >= 0)) return undefined;
    // "visit a and b infinitely often": adverbials after the last noun phrase apply to every part its verb governs;
    // so do those before a part with a verb of its own ("keep visiting a and b forever, and avoid c").
    const tails = parts0.map(([s, e]) => {
      let tail = e;
      // (Past "pls" too: "keep looping ballroom and garden all night pls".)
      while (tail > s && (this.cueAt(tail - 1)?.kind === 'unary' || (this.cueAt(tail - 1)?.kind === 'ignore' && tail === e))) tail--;
      return tail;
    });
    // "go to the kitchen and the bedroom, but not the bathroom": a place under "not" is one never to go to.
    // ("go to the kitchen, never the garage": so is one under "never".)
    const never = (k: number) => { const c = this.cueAt(k); return c?.kind === 'unary' && c.wraps.length === 2 && c.wraps[0]!.op === 'globally' && c.wraps[1]!.op === 'not'; };
    const negatedPlace = ([s, e]: readonly [number, number]) => (this.isNegation(s) || never(s)) && this.isBare(s + 1, e);
    const ownVerb = (i: number) => i < parts0.length && !this.isBare(parts0[i]![0], tails[i]!) && this.placeVerb(parts0[i]![0], tails[i]!) !== undefined;
    // ("loop between a and b forever and never park in c": the list, and its adverbials, end before a ban of its own.)
    const ownBanNext = (i: number) => i + 1 < parts0.length && this.negated(...parts0[i + 1]!) && !negatedPlace(parts0[i + 1]!);
    const endsGroup = parts0.map((_, i) => i === parts0.length - 1 || (i > 0 && (ownVerb(i + 1) || ownBanNext(i)) && !ownVerb(i)));
    const parts = parts0.map(([s, e], i): [number, number] => [s, endsGroup[i] ? tails[i]! : e]);
    const negated = parts.map(negatedPlace);
    // "stop at the bank and also at the post office": the verb's preposition said again.
    const withPreposition = ([s, e]: [number, number]) => this.wordAt(s)?.pos === 'ADP' && this.isBare(s + 1, e);
    const bare = (i: number) => negated[i] || this.isBare(...parts[i]!) || (i > 0 && withPreposition(parts[i]!));
    const verbs = parts.map(([s, e], i) => (bare(i) ? undefined : this.placeVerb(s, e)));
    // "keep going back and forth between a and b and never touch c": a ban with a verb of its own at the end is a
    // clause beside the list, not a part of it.
    // ("never touch the deck, and keep circling pillar 2 and pillar 5 forever": so is one before it.)
    const ownBan = (i: number) => !bare(i) && !verbs[i] && this.negated(...parts0[i]!);
    let end = parts.length;
    while (end > 2 && ownBan(end - 1)) end--;
    let start = 0;
    while (start < end - 2 && ownBan(start)) start++;
    const listed = (i: number) => i >= start && i < end;
    if (!verbs[start] || parts.some((_, i) => listed(i) && !verbs[i] && !bare(i))) return undefined;
    if (!parts.some((_, i) => i > start && listed(i) && bare(i))) return undefined;
    const governing = verbs.map((_, i) => verbs.slice(start, i + 1).reverse().find((v) => v));
    if (negated.some((n, i) => n && listed(i) && !governing[i]!.lead.goal)) return undefined;
    parts0.forEach(([, e], i) => {
      if (listed(i) && endsGroup[i] && tails[i]! < e) governing[i]!.lead.wraps.push(...this.clauseParts(tails[i]!, e, true).wraps);
    });
    return () =>
      parts.map(([s, e], i) =>
        !listed(i)
          ? this.connectives(...parts0[i]!)
          : negated[i]
            ? un('globally', un('not', this.prop(this.wordsIn(s + 1, e))))
            : this.applyWraps(governing[i]!.lead, this.prop(this.wordsIn(verbs[i] ? verbs[i]!.end : s, e))),
      );
  }

  /**
   * "the traffic light is never green and red at the same time": adjectives after one subject and verb share both,
   * and the first part's adverbials scope over the coordination. An adjective with adverbials of its own is a clause.
   */
  private sharedSubject(parts: readonly [number, number][], kind: 'and' | 'or' | 'xor'): FormulaJson | undefined {
    if (parts.length < 2) return undefined;
    const subject = this.subjectOf(...parts[0]!);
    // "the battery shall never be charged and discharged at the same time": participles after "be" are states too.
    const participle = (w: Word | undefined) => w?.pos === 'VERB' && /(ed|en)$/.test(w.norm);
    const said = this.wordsIn(...parts[0]!);
    const participles = participle(said[said.length - 1]) && said[said.length - 2]?.lemma === 'be';
    const state = (w: Word) => isStateWord(w) || (participles && participle(w));
    const adjectives = ([s, e]: readonly [number, number]) =>
      this.items.slice(s, e).every((it) => (it.kind === 'word' && state(it.word)) || (it.kind === 'cue' && it.cue.kind === 'jointly' && !it.cue.wraps)) &&
      this.wordsIn(s, e).length > 0;
    // "the light shall be green or red at all times": adverbials after the last adjective scope over all of them.
    const [ls, le] = parts[parts.length - 1]!;
    let tail = le;
    while (tail > ls && this.cueAt(tail - 1)?.kind === 'unary') tail--;
    const listed = [...parts.slice(1, -1), [ls, tail] as [number, number]];
    if (!subject || !listed.every(adjectives)) return undefined;
    const first = this.clauseParts(...parts[0]!, false);
    if (first.goal || first.avoid || first.count || first.group || first.inARow !== undefined || first.longerThan !== undefined) return undefined;
    // "s is true in the first state and false in the second state": when the first adjective has a time of its
    // own, each has its own, and "true" and "false" are said of the subject itself.
    const ownTime = tail < le && this.find(this.leadingUnary(...parts[0]!), parts[0]![1], (k) => this.cueAt(k)?.kind === 'unary' || this.findFlagged(k, k + 1, 'initial') === k) >= 0;
    const stated = ([s, e]: readonly [number, number]): FormulaJson => {
      const said = this.wordsIn(s, e).map((w) => w.norm);
      if (!ownTime || said.length !== 1 || !['true', 'false'].includes(said[0]!)) return this.prop([...subject, ...this.wordsIn(s, e)]);
      return said[0] === 'true' ? this.prop(subject) : negation(this.prop(subject));
    };
    const props = [this.prop(first.words), ...listed.map(stated)];
    const trailing = tail < le ? this.clauseParts(tail, le, true).wraps : [];
    if (ownTime) {
      const last = props.length - 1;
      return props.map((p, i) => (i === 0 ? this.applyWraps(first, p) : i === last ? this.applyWraps({ ...first, words: [], wraps: trailing }, p) : p)).reduce((x, y) => bin(kind, x, y));
    }
    return this.applyWraps({ ...first, words: [], wraps: [...first.wraps, ...trailing] }, props.reduce((x, y) => bin(kind, x, y)));
  }

  /**
   * "Go to a. Go to b.", "go to the kitchen, grab a cup": commands one after another with only commas (or full stops)
   * between them are steps in turn; "Avoid the highway. Get to the warehouse.": an avoidance among them holds beside
   * them all. Undefined unless [a, b) is two or more such commands.
   */
  private commandsInTurn(a: number, b: number): FormulaJson | undefined {
    const parts = this.splitCommas(a, b).map(([s, e]) => this.trim(s, e));
    // Past "do not", "never", "eventually" before the verb.
    const verbAt = (s: number, e: number) => this.leadingUnary(this.wordAt(s)?.norm === 'do' && this.isNegation(s + 1) ? s + 1 : s, e);
    if (parts.length < 2 || !parts.every(([s, e]) => this.imperative(verbAt(s, e), e))) return undefined;
    const avoids = (s: number) => this.forbids(s) || this.isNegation(s + 1);
    const steps = parts.filter(([s]) => !avoids(s)).map(([s, e]) => this.clause(s, e));
    // "Go to nurse station 5. Don't pass through pediatrics on the way.": avoided until there.
    const kept = parts.filter(([s]) => avoids(s)).map(([s, e]) => {
      const avoided = this.clause(s, e);
      return (steps.length === 1 && this.saysOnTheWay(s, e) ? avoidedOnTheWay(avoided, steps[0]!) : undefined) ?? avoided;
    });
    return [...(steps.length > 0 ? [inSequence(steps)] : []), ...kept].reduce((x, y) => bin('and', x, y));
  }

  /** "A, then B, then C": A and later B and later C. */
  private sequence(a: number, b: number): FormulaJson {
    const steps: [number, number][] = [];
    let start = a;
    // "and then, when you get there, go to b": two cues for one step between them say it once.
    const empty = (s: number, e: number) => this.items.slice(s, e).every((it) => it.kind === 'comma');
    /** The steps said to come right after the one before ("and right after it", "straight away"), by their start. */
    const immediate = new Set<number>();
    for (let k = a; k < b; k = this.step(k)) {
      if (this.isBinary(k, thenCue)) {
        if (k > start && !empty(start, k)) steps.push([start, k]);
        start = k + 1;
        if (this.cueWords(k).some((w) => ['right', 'straight'].includes(w.norm))) immediate.add(start);
      }
    }
    const step = ([s, e]: [number, number]): FormulaJson => {
      // "... then either the church or the school": a step that is a choice of its own.
      const f = this.cueWord(s) === 'either' ? this.connectives(...this.trim(s, e)) : this.clause(...this.trim(s, e));
      return immediate.has(s) ? un('next', peel(f, 'finally')) : f;
    };
    if (steps.length === 0) return this.commandsInTurn(a, b) ?? this.clause(a, b);
    // "b holds afterwards": a "then" with nothing after it is "later"; "first visit a, b afterwards": after the part before.
    if (start === b && steps.length === 1) {
      const listed = this.splitCommas(...this.trim(...steps[0]!));
      const byVerb = listed.length === 2 ? this.sharedVerb(listed) : undefined;
      if (byVerb) return inSequence(byVerb());
      // "v is always true afterwards": from then on.
      const later = this.clause(...this.trim(...steps[0]!));
      return later.kind === 'globally' && !later.interval ? later : un('finally', peel(later, 'finally'));
    }
    steps.push([start, b]);
    // "avoid the construction zone on your way to the office": avoided until there.
    const onTheWay = this.find(a, b, (k) => this.isBinary(k, thenCue) && this.cueWords(k).some((w) => w.norm === 'way'));
    if (steps.length === 2 && onTheWay >= 0) {
      const [avoided, goal] = steps.map(([s, e]) => this.clause(...this.trim(s, e))) as [FormulaJson, FormulaJson];
      if (avoided.kind === 'globally' && !avoided.interval && avoided.args[0]!.kind === 'not') return bin('until', avoided.args[0]!, peel(goal, 'finally'));
      return inSequence([avoided, goal]);
    }
    // "go to a, b, and then c": the commas of a sequence separate its steps too, under the first step's verb.
    const listed = steps.flatMap(([s, e]) => this.splitCommas(...this.trim(s, e)));
    const byVerb = listed.length > steps.length ? this.sharedVerb(listed) : undefined;
    if (byVerb) return inSequence(byVerb());
    // "go to the kitchen, grab a cup, and then head to the living room": commands of their own are steps too.
    const commands = listed.length > steps.length && listed.every(([s, e]) => this.cueAt(s)?.kind === 'goal' || (this.wordAt(s)?.pos === 'VERB' && this.opensWithVerb(s, e)));
    // "go to a, then stay in the lobby": a later step that stays somewhere stays from when it gets there, not from a.
    const staying = (s: number) => {
      const cue = this.cueAt(this.trim(s, b)[0]);
      return cue?.kind === 'unary' && cue.goal === true && cue.wraps.length === 1 && cue.wraps[0]!.op === 'globally' && cue.wraps[0]!.lo === undefined;
    };
    return inSequence((commands ? listed : steps).map((range, i) => {
      const f = step(range);
      return i > 0 && staying(range[0]) && f.kind === 'globally' && !f.interval ? un('finally', f) : f;
    }));
  }
}

/**
 * Where the requirement starts after a framing lead ("the system shall ensure that", "it must hold that",
 * "the requirement is that"): a lead cue within the first words, with only a subject and modal verbs before it.
 */
function framingEnd(items: readonly Item[]): number {
  const lead = items.findIndex((it) => it.kind === 'cue' && it.cue.kind === 'lead');
  if (lead < 0 || lead > 6) return 0;
  const subjectOnly = items.slice(0, lead).every((it) => (it.kind === 'word' && nounLike.has(it.word.pos)) || (it.kind === 'cue' && it.cue.kind === 'ignore'));
  return subjectOnly ? lead + 1 : 0;
}

/**
 * What a colon near the start sets apart: "Requirement 3: the pump ..." names the requirement (a label with no cue
 * or verb of its own); in "Visit each of the three checkpoints: alpha, bravo and charlie" the noun phrase between
 * a going or avoiding verb and the colon names the kind of the places it lists, so the verb governs the list.
 */
function withoutLabel(items: Item[]): Item[] {
  const colon = items.findIndex((it) => it.kind === 'comma' && it.word.text === ':');
  if (colon < 0) return items;
  // "Absence before r: p does not occur before r occurs": a pattern's name, scope words and all, is a label too.
  const first = items[0]?.kind === 'word' ? items[0].word.lemma : undefined;
  // "q releases p: p must hold up to ...": so is the operator's own statement over two names, which the rest explains.
  const name = (it: Item | undefined) => it?.kind === 'word' && /^[a-z]\d*$/i.test(it.word.text);
  // ("a holds unless b: ...": the names may be said to hold.)
  const before = items.slice(0, colon);
  const binaryCue = (it: Item) => it.kind === 'cue' && it.cue.kind === 'binary';
  const holding = (it: Item) => it.kind === 'word' && ['hold', 'be', 'true'].includes(it.word.lemma);
  const restated = colon <= 6 && before.filter(name).length === 2 && before.filter(binaryCue).length === 1 && before.every((it) => name(it) || binaryCue(it) || holding(it));
  // ("Think of the robot's rounds:", "A patrol in LTL:", "I need a formula:": words to the reader about the property.)
  const aboutIt = items.slice(0, colon).some((it) => it.kind === 'word' && ['ltl', 'formula', 'spec', 'specification'].includes(it.word.lemma)) ||
    ['think', 'create', 'consider', 'imagine', 'here', 'note', 'write', 'translate', 'express'].includes(first ?? '');
  const named = (first !== undefined && patternNames.has(first)) || restated || aboutIt;
  const label = colon <= 8 && (named || items.slice(0, colon).every((it) => (it.kind === 'word' && it.word.pos !== 'VERB') || (it.kind === 'cue' && it.cue.kind === 'ignore')));
  if (label) return items.slice(colon + 1);
  let verb = colon - 1;
  while (verb >= 0 && items[verb]!.kind === 'word') verb--;
  const cue = items[verb];
  const places = cue?.kind === 'cue' && (cue.cue.kind === 'goal' || cue.cue.kind === 'avoid');
  return places && verb + 1 < colon ? [...items.slice(0, verb + 1), ...items.slice(colon + 1)] : items;
}

/** The names exercises give a property before a colon ("Weak fairness: ...", "Response after q: ..."). */
const patternNames: ReadonlySet<string> = new Set([
  'absence', 'existence', 'universality', 'precedence', 'response', 'bounded', 'chain', 'fairness', 'weak', 'strong', 'mutual',
  'safety', 'liveness', 'invariant', 'invariance', 'formalise', 'formalize', 'property', 'exercise', 'persistence', 'recurrence',
  'review', 'comment', 'task', 'note', 'hint', 'feedback', 'question', 'lecture', 'exam', 'learner', 'past', 'dwyer', 'homework', 'quiz',
  'slide', 'manual', 'example', 'pattern',
]);

/**
 * "Drone, fly to the tower", "drone: fly over ...", "Drone please check ...": who is addressed (a noun or two before a
 * comma or colon, "please" aside, or one noun right before "please") is not a step, when a command follows.
 */
function withoutAddressee(items: Item[]): Item[] {
  // ("do" before a negation: "drone, don't fly over the park"; "please": "Drone, please check out ...".)
  const skipped = (it: Item | undefined) => (it?.kind === 'word' && ['do', 'please', 'pls'].includes(it.word.norm)) || (it?.kind === 'cue' && it.cue.kind === 'ignore' && ['please', 'pls'].includes(it.words[0]!.norm));
  const comma = items.findIndex((it) => it.kind === 'comma');
  const please = items[1] !== undefined && skipped(items[1]) && !(items[1].kind === 'word' && items[1].word.norm === 'do');
  const [end, rest] = please ? [1, 1] : comma >= 1 ? [comma, comma + 1] : [-1, -1];
  if (end < 1) return items;
  const before = items.slice(0, end);
  const named = before.filter((it) => it.kind === 'word');
  // The tagger takes a lone "Drone" for a verb.
  const nameLike = named.length === 1 ? ['NOUN', 'PROPN', 'VERB'] : ['NOUN', 'PROPN'];
  const addressee = named.length >= 1 && named.length <= 2 && named.every((it) => nameLike.includes((it as { word: Word }).word.pos)) &&
    before.every((it) => it.kind === 'word' || (it.kind === 'cue' && it.cue.kind === 'ignore'));
  const next = skipped(items[rest]) ? items[rest + 1] : items[rest];
  // ("Robot, patrol the hallway ...", "drone, never fly over the park": a going adverbial or a ban opens one too.)
  const command = next?.kind === 'cue' ? goesSomewhere(next.cue) || forbidding(next.cue) : next?.kind === 'word' && next.word.pos === 'VERB' && next.word.lemma === next.word.norm;
  return addressee && command ? items.slice(rest) : items;
}


/**
 * "q cannot happen unless p has happened before" (!q W O p) is the catalogue's precedence !q W p: from the first
 * moment, until the first p is until p has once held. (Only there: inside a G, O p may count a p before that moment.)
 */
function precedence(f: FormulaJson): FormulaJson {
  const [left, right] = f.kind === 'until' || f.kind === 'weak_until' ? f.args : [];
  const named = (g: FormulaJson | undefined) => g?.kind === 'prop';
  if (f.kind !== 'until' && f.kind !== 'weak_until') return f;
  if (f.interval || left?.kind !== 'not' || !named(left.args[0]) || right?.kind !== 'once' || right.interval || !named(right.args[0])) return f;
  return bin(f.kind, left, right.args[0]!);
}

/** "go to the red room, avoiding the blue room on the way": not there until the goal (a single visit) is reached. */
function avoidedOnTheWay(avoidance: FormulaJson, goal: FormulaJson): FormulaJson | undefined {
  const avoided = avoidance.kind === 'not' ? avoidance : avoidance.kind === 'globally' && !avoidance.interval && avoidance.args[0]!.kind === 'not' ? avoidance.args[0]! : undefined;
  return avoided && goal.kind === 'finally' && !goal.interval ? bin('until', avoided, goal.args[0]!) : undefined;
}


/** Reads the sentence's words as a formula over clauses, or undefined when it is outside the fragment. */
export function readRequirement(words: readonly Word[]): Reading | undefined {
  // Sentence punctuation carries nothing at the end; between sentences ("go to a. then go to b.") it separates
  // clauses, as a comma does. Commas and semicolons are items of their own.
  const stop = (w: Word) => ['.', '!', '?', ':'].includes(w.norm);
  // "-- whenever req is raised, ...", "/* grant never holds */": a comment's marks around a property in a model file.
  const commentMark = (w: Word | undefined) => w !== undefined && ['PUNCT', 'SYM'].includes(w.pos) && /^[-/*#%>]+$/.test(w.text);
  const { words: ended, rule } = bulletedRule(commandsInOrder(withoutReasons(withoutGreetings(words))));
  while (commentMark(ended[0])) ended.shift();
  // "2. gnt must not occur before req ...": an exercise's number is no word of it (numberedSteps reads a list of them).
  const marker = (k: number) => ended[k]?.pos === 'NUM' && ['.', ')'].includes(ended[k + 1]?.norm ?? '');
  if (marker(0) && ended.length > 2 && !ended.some((_, k) => k > 0 && marker(k))) ended.splice(0, 2);
  while (ended.length > 0 && (stop(ended[ended.length - 1]!) || commentMark(ended[ended.length - 1]))) ended.pop();
  const kept = normalisations.reduce<Word[]>((ws, normalise) => normalise(ws), ended);
  // "Keep out of the boiler room. Deliver to the laundry, then the loading dock.": sentences that each stand on their
  // own are read one by one, side by side, so the second's "then" orders only its own steps.
  const sentences = standingSentences(kept);
  if (sentences.length > 1) {
    const readings = sentences.map((ws) => readSentence(ws, stop));
    if (readings.every((r) => r !== undefined)) {
      let offset = 0;
      const shifted = readings.map((r) => {
        const f = mapProps(r!.formula, (p) => ({ kind: 'prop', name: `#${Number(p.name.slice(1)) + offset}` }));
        offset += r!.clauses.length;
        return f;
      });
      return { formula: shifted.reduce((x, y) => bin('and', x, y)), clauses: readings.flatMap((r) => r!.clauses) };
    }
  }
  const reading = readSentence(kept, stop);
  // A bulleted rule is one of a list of requirements: it holds at every moment.
  return reading && rule && !hasTemporal(reading.formula) ? { ...reading, formula: un('globally', reading.formula) } : reading;
}

/**
 * "Patrol the yellow classroom, the nap room and the playground, over and over, forever": adverbials set off by
 * commas at the very end of a command are said of the places before them, as they are without the commas.
 */
function adverbialsAtTheEnd(items: Item[]): Item[] {
  let k = items.length;
  const adverbial = (it: Item) => it.kind === 'comma' || (it.kind === 'cue' && ((it.cue.kind === 'unary' && !it.cue.goal) || it.cue.kind === 'ignore'));
  while (k > 0 && adverbial(items[k - 1]!)) k--;
  const tail = items.slice(k);
  // (Only after places gone to: set off after a statement, "a is high exactly when b is high, in every cycle", they
  // scope over the whole sentence.)
  const going = items.slice(0, k).some((it) => it.kind === 'cue' && goesSomewhere(it.cue));
  if (k === 0 || !going || tail[0]?.kind !== 'comma' || !tail.some((it) => it.kind === 'cue' && it.cue.kind === 'unary')) return items;
  return [...items.slice(0, k), ...tail.filter((it) => it.kind !== 'comma')];
}

/**
 * Splits at full stops and semicolons into sentences that stand on their own: none after the first opens with a word
 * that ties it to the one before ("Then ...", "After that: ...") or points back to it ("it", "they", "there"); a
 * condition of its own ("...; once you have been in row 15, never visit row 16") stands. Otherwise the whole, as one
 * sentence.
 */
function standingSentences(words: readonly Word[]): Word[][] {
  const out: Word[][] = [[]];
  for (const w of words) {
    if (['.', '!', '?', ';'].includes(w.norm) && out[out.length - 1]!.length > 0) out.push([]);
    else out[out.length - 1]!.push(w);
  }
  const sentences = out.filter((ws) => ws.length > 0);
  const opensTied = (ws: readonly Word[]) => ['then', 'after', 'afterwards', 'afterward', 'next', 'finally', 'later', 'subsequently', 'and', 'but', 'or', 'so', 'otherwise', 'until', 'unless', 'before', 'while'].includes(ws[0]!.norm);
  // ("It must never enter the storeroom.": "it" as the subject of a rule of its own is the agent, whoever it is.)
  const agent = (ws: readonly Word[], k: number) => {
    const first = ws.findIndex((w) => !['separately', 'also', 'additionally', 'moreover', ','].includes(w.norm));
    // (Not "they should still be on at that moment", which speaks of the moment the sentence before named.)
    if (ws.some((w) => ['still', 'that', 'then'].includes(w.norm))) return false;
    return k === first && ['must', 'should', 'shall', 'may', 'can', 'has', 'have', 'need', 'needs', 'will', 'is', 'are'].includes(ws[k + 1]?.norm ?? '');
  };
  // ("on the way", "along the way": the way to the place before; not "Willow Way".)
  const theWay = (ws: readonly Word[], k: number) => ws[k]!.norm === 'way' && ws[k - 1]?.norm === 'the' && ['on', 'along', 'all'].includes(ws[k - 2]?.norm ?? '');
  // ("Once you have been to b, never visit a again": "again" in a condition's sentence speaks of what it names itself.)
  const condition = (ws: readonly Word[]) => ['once', 'when', 'whenever', 'if', 'after'].includes(ws[0]!.norm);
  const backWord = (ws: readonly Word[], w: Word, k: number) =>
    ['it', 'its', 'they', 'their', 'there', 'them', 'same', 'again'].includes(w.norm) && !(['it', 'they'].includes(w.norm) && agent(ws, k)) && !(w.norm === 'again' && condition(ws));
  const pointsBack = (ws: readonly Word[]) => ws.some((w, k) => backWord(ws, w, k) || theWay(ws, k));
  // ("... come home to the barn at the end. Cheers.", "Reception first.": two words are no requirement of their own.)
  const short = (ws: readonly Word[]) => ws.filter((w) => w.pos !== 'PUNCT').length < 3;
  // ("Go to a. Go to b.": commands to go, one after another, are steps in turn, read together.)
  const goesOnly = (ws: readonly Word[]) => {
    const cues = toItems(ws).flatMap((it) => (it.kind === 'cue' ? [it.cue] : []));
    return cues.some((c) => c.kind === 'goal') && !cues.some((c) => c.kind === 'avoid' || c.kind === 'if' || (c.kind === 'unary' && c.wraps.some((w) => w.op === 'not')));
  };
  const step = (i: number) => goesOnly(sentences[i]!) && goesOnly(sentences[i - 1]!);
  if (sentences.length < 2 || sentences.some(short)) return [[...words]];
  // "Visit a. Later, visit b. Once you have been to b, never visit a again.": a sentence tied to the one before, or
  // pointing back to it, is read with it (their full stop kept, as a comma); the groups stand on their own.
  const groups: Word[][] = [];
  let from = 0;
  sentences.forEach((ws, i) => {
    const stopAt = words.indexOf(ws[0]!) - 1;
    if (i > 0 && (opensTied(ws) || pointsBack(ws) || step(i))) return;
    if (i > 0) {
      groups.push(words.slice(from, stopAt));
      from = stopAt + 1;
    }
  });
  groups.push(words.slice(from));
  return groups.length > 1 ? groups : [[...words]];
}

/** Reads one sentence's words, its stops already dropped at the end. */
function readSentence(kept: readonly Word[], stop: (w: Word) => boolean): Reading | undefined {
  // The comma keeps the colon's text, so a colon after a category can be told apart (withoutCategory).
  const separated = kept.flatMap((w, k): Word[] => (!stop(w) ? [w] : k > 0 && !stop(kept[k - 1]!) && kept[k - 1]!.norm !== ',' ? [{ ...w, text: w.norm === ':' ? ':' : ',', norm: ',', lemma: ',' }] : []));
  const items = adverbialsAtTheEnd(withoutAddressee(withoutLabel(toItems(unpunctuatedList(numberedList(twoNamed(separated)))))));
  if (items.length === 0) return undefined;
  try {
    const reader = new Reader(items);
    return { formula: precedence(reader.tidy(reader.requirement(framingEnd(items), items.length))), clauses: reader.clauses };
  } catch (e) {
    if (e instanceof NotRead) return undefined;
    throw e;
  }
}
