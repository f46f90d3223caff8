// The cue phrases of requirement English: the words that carry temporal and logical structure, and
// what each means. This table is the reader's whole vocabulary of structure; every other word is
// content and ends up in a proposition. It is data, not code, so a phrasing is added in one line.
//
// Patterns are space-separated; each word matches a token's normal form or lemma (so "holds" matches
// "hold", "isn't" matches "be not"). Slots: `#n` a number in digits or words, `#unit` a time unit,
// `#step` a unit counted in steps (a sample of a discrete trace), `word?` an optional word.
import type { UnaryKind } from '../../languages/tl/api';

/** One operator a cue wraps around its clause; bounds refer to the pattern's numbers (`n0`, `n1`) or are fixed. */
export interface Wrap {
  op: UnaryKind;
  lo?: number | 'n0' | 'n1';
  hi?: number | 'n0' | 'n1' | null;
  /** With `next`: at each of the steps lo to hi ("in the next two steps": X b & X X b). */
  each?: boolean;
  /** With `each`: at one of those steps at least ("in at least one of the next two steps": X b | X X b). */
  some?: boolean;
  /** With `next`: the number counts steps even with no unit after it ("at time 3"). */
  steps?: boolean;
  /** With `finally`: getting to the place ("and stay there"), which a time said for it replaces ("in the next step"). */
  reach?: boolean;
  /** With `globally`: said with "any" ("at any point"), which a negation before it scopes under ("not ... at any point": never). */
  any?: boolean;
  /** With an interval: named with no "every" ("between step 2 and step 5"), so "at some step" before it is one of its moments. */
  span?: boolean;
}

export type BinaryCue =
  | 'and'
  | 'or'
  | 'then'
  | 'until'
  | 'unless'
  /** "unless and until", "at least until": a weak until, never a condition. */
  | 'unlessUntil'
  | 'release'
  | 'since'
  | 'before'
  | 'after'
  | 'while'
  | 'implies'
  | 'iff'
  | 'response'
  | 'immediateResponse'
  /** "every a is immediately preceded by b": whenever a, b at the step before. */
  | 'immediatelyPrecededBy'
  /** "a is never followed by b": after a, never b. */
  | 'neverFollowedBy'
  /** "a is never immediately followed by b": after a, not b at the next step. */
  | 'neverNextBy'
  | 'respondsTo'
  | 'precedes'
  | 'precededBy'
  /** "B up to and including the moment when A": A releases B. */
  | 'releasedBy'
  | 'strongReleasedBy'
  /** "go to B via A": A, and later B. */
  | 'via'
  /** "b holds two steps after a holds": whenever a, b that many steps later; "5 seconds after": F[5,5]. */
  | 'stepsAfter'
  /** "shut down the pump within 3 seconds of a leak being detected": whenever the leak, within 3 seconds. */
  | 'withinOf';

export type Cue =
  /** Temporal or negating adverbials wrapped around their clause: "always", "within 5 seconds". */
  | {
      kind: 'unary';
      wraps: Wrap[];
      sentence?: boolean;
      goal?: boolean;
      /** Said of the clause itself ("is false"): innermost, under the clause's adverbials ("p is false at least once": F !p). */
      predicate?: boolean;
      /** "becomes true": eventually, except in a condition, where it is the moment it does ("whenever p becomes true"). */
      onset?: boolean;
      /** "from then on": from the moment the clause before speaks of ("at some point p holds, and from then on q never holds"). */
      fromThen?: boolean;
      /** "beforehand": before the moment another clause speaks of ("if b holds at some point, a held beforehand"). */
      relative?: boolean;
      /** "immediately": the next step for a command ("immediately head to the charger"), the same one for an obligation ("shall be disengaged immediately"). */
      immediate?: boolean;
    }
  | { kind: 'binary'; op: BinaryCue }
  /** Dwyer's global scope ("Globally, P is false"): G over a pattern body that has no temporal operator of its own. */
  | { kind: 'scope' }
  /** "in every interval from Q to R,": Dwyer's between scope. */
  | { kind: 'intervalFrom' }
  /**
   * What follows an until-like clause and qualifies the operator: "which happens eventually" (strong),
   * "or forever if that never happens" (weak), "which happens within 5 time units" (its interval), or
   * what follows a disjunction: "but not both" (exclusive).
   */
  | { kind: 'trailer'; weak?: boolean; exclusive?: boolean; wraps?: Wrap[] }
  /** Subordinators: "if" (plain) and "whenever", "once", "every time" (for all moments). */
  | { kind: 'if'; global: boolean; onlyIf?: boolean; fromThenOn?: boolean; later?: boolean }
  /**
   * How many times the clause occurs: "at most twice" (the catalogue's bounded existence), "at least 3 times",
   * "exactly once"; `times` when the words fix the number.
   */
  | { kind: 'count'; bound: 'atMost' | 'atLeast' | 'exactly' | 'moreThan'; times?: number }
  /** "b holds twice in a row", "for three states in a row": b now and at the next steps, that many in all. */
  | { kind: 'inARow'; times?: number }
  /** "b holds eventually, and c holds until then": c until the event the clause before waits for. */
  | { kind: 'untilThen' }
  /** "the door must not stay open for more than 30 seconds": G (door_open -> F[0,30] !door_open). */
  | { kind: 'longerThan' }
  /**
   * "neither a nor b", "at least one of a and b": the list that follows is a disjunction, negated for "neither";
   * "one of them": the list said before.
   */
  | { kind: 'listOf'; negated: boolean; atMostOne?: boolean; exactlyOne?: boolean }
  /** "b is true at that same moment": at the moment the clause before speaks of. */
  | { kind: 'thatMoment' }
  /** "b holds in the next step or the step after": one step after the step the part before names. */
  | { kind: 'stepAfter' }
  /**
   * "at the same time", "simultaneously": the coordination's adverbials scope over all of it. With wraps, the
   * phrase says how the coordinated clauses relate ("are mutually exclusive": never both).
   */
  | { kind: 'jointly'; wraps?: Wrap[] }
  /**
   * "in that order", "one after the other": a coordination is a sequence (PsALM's sequenced visit). An `ordered`
   * one ("following this order") visits no place before the one ahead of it; a `strict` one ("following the strict
   * order") also none twice before the next.
   */
  | { kind: 'inOrder'; order?: 'ordered' | 'strict' }
  /** Going somewhere: "go to", "visit", "reach". The place is the proposition; with no temporal word, eventually. */
  | { kind: 'goal' }
  /** FRET's "the vehicle shall within 10 ticks satisfy R": the proposition is R; the component before it names none. */
  | { kind: 'satisfy' }
  /** Staying away: "avoid", "stay away from": always not. */
  | { kind: 'avoid' }
  /** "..., and repeat this loop forever": everything said before it, again and again. */
  | { kind: 'repeat' }
  /** Words that mean nothing to the formula: modal verbs, "it is the case that", "at the same time". */
  | { kind: 'ignore'; obligation?: boolean; initial?: boolean; again?: boolean; onTheWay?: boolean; startsAt?: boolean }
  /** "a and b are the same": the coordinated clauses are equivalent. */
  | { kind: 'same' }
  /** "p toggles": p at every step exactly when not at the next; "a and b alternate": each is followed by the other. */
  | { kind: 'alternate' }
  /**
   * The end of a framing lead ("the system shall ensure that", "the requirement is that"): the requirement follows
   * it, under the lead's wraps if it has any ("the system never reaches a state where": always not).
   */
  | { kind: 'lead'; wraps?: Wrap[] };

const G: Wrap = { op: 'globally' };
const F: Wrap = { op: 'finally' };
const X: Wrap = { op: 'next' };
const NOT: Wrap = { op: 'not' };
const O: Wrap = { op: 'once' };
const H: Wrap = { op: 'historically' };
const Y: Wrap = { op: 'prev' };

const unary = (wraps: Wrap[], sentence = false): Cue => ({ kind: 'unary', wraps, ...(sentence ? { sentence } : {}) });
/** A verb that both goes somewhere and says how often: "patrol a" is always eventually a. */
const goalUnary = (wraps: Wrap[]): Cue => ({ kind: 'unary', wraps, goal: true });

/** Whether a cue goes somewhere: a going verb ("go to") or an adverbial of going ("patrol", "stay in"). */
export const goesSomewhere = (cue: Cue | undefined): boolean => cue?.kind === 'goal' || (cue?.kind === 'unary' && cue.goal === true);
/** Whether a cue opens a prohibition: an avoidance ("avoid", "never go to") or a negation ("never", "do not"). */
export const forbidding = (cue: Cue | undefined): boolean => cue?.kind === 'avoid' || (cue as { wraps?: Wrap[] } | undefined)?.wraps?.some((w) => w.op === 'not') === true;
const binary = (op: BinaryCue): Cue => ({ kind: 'binary', op });

/** Each entry: the pattern variants (`|`-separated) and the cue. */
/** Work a robot does at a place ("clean the east face"): the place is where it goes. */
export const taskVerbs: readonly string[] = [
  'clean', 'mow', 'spray', 'harvest', 'groom', 'sweep', 'mop', 'vacuum', 'scan', 'water', 'serve', 'photograph', 'film', 'paint', 'tidy',
  'tidy up', 'dust', 'restock', 'wipe', 'wash', 'scrub', 'polish', 'empty', 'feed', 'plough', 'plow', 'grit', 'salt', 'sample', 'explore', 'search',
];

export const cueTable: readonly [string, Cue][] = [
  // Always.
  // "do not fly over the highway at any point": "any" under a negation is "never", not "not always".
  ['at any time | at any point | for any state | in any state | at any moment | at any position | at any step | in any step | at any time step', unary([{ op: 'globally', any: true }])],
  ['always | globally | at all times | for every state | for all states | ' +
    'at every time step | in every time step | at each time step | in each time step | at every timestep | at all time steps | in every step | ' +
    'at every time | at every moment | at every step | at each step | all the time | ' +
    'at every position | at each position | at all positions | in every position | in all positions | ' +
    'continuously | constantly | invariably | invariantly | in every state | in all states | permanently | forever | for ever | forever and ever | for ever and ever | ' +
    'from now on | henceforth | perpetually | at every point in time | at every point of the execution | at every point | at all points | ' +
    'all day long | all day | all night long | all night | all evening | all shift long | the entire shift | the whole night | ' +
    'for the whole game | for the rest of the evening | for the rest of the day | for the rest of the night | for the whole shift | ' +
    'for the whole day | for the whole night | for the entire shift | for as long as the voyage last | for the entire game | ' +
    'at every point in the execution | throughout the execution | for the rest of the operation | for the rest of the mission | ' +
    'for the rest of the run | for the rest of the flight | for the rest of the trip | for the rest of the session | for the remainder of the operation | ' +
    'for the remainder of the mission | for the remainder of the run | for the remainder of the flight | for the rest of the execution | ' +
    'forever after | ever after | the whole time | the entire time | indefinitely | for good | without end | endlessly | nonstop | non-stop | ' +
    'round the clock | around the clock | day and night | at that moment and from then on | now and from then on | at that moment and forever after | ' +
    'in that state and in all subsequent states | in that state and all subsequent states | in that state and every later state | ' +
    'in that state and in every later state | in that state and all later states | at that step and at every later step | ' +
    'in all future states | throughout | in every cycle | in each cycle | at every cycle | on every cycle | in all cycles | every cycle', unary([G])],
  ['it be always the case that | it always hold that | it be globally the case that | it be always true that', unary([G], true)],
  ['from then on | from that point on | from that moment on | from there on | from that time on | thereafter', { kind: 'unary', wraps: [G], fromThen: true }],
  // Eventually.
  ['eventually | finally | at some point | at some time | at some moment | sometime | some time | in the future | sooner or later | ' +
    'ultimately | at least once | at some point in the future | in the end | some day | later on | ' +
    'at some future point | at a future point | at some future time | at some future moment | sometime later | some time later | ' +
    'at some position | in some position | at some state | ' +
    // "q is guaranteed to occur": what is sure to happen happens at some point ("is guaranteed to be valid" is an obligation).
    'be guarantee to occur | be guarantee to happen | be guarantee to arrive | be guarantee to come | be sure to occur | be sure to happen | ' +
    'be bound to occur | be bound to happen | be certain to occur | be certain to happen | ' +
    'in the long run', unary([F])],
  ['it be eventually the case that | eventually it will be the case that', unary([F], true)],
  // Always eventually, eventually always.
  ['at infinitely many positions | at infinitely many steps | at infinitely many states | in infinitely many states | ' +
    'at infinitely many points | infinitely often | infinitely many times | infinitely | again and again | over and over | over and over again | repeatedly | recurrently | periodically | ' +
    'every night | every day | every morning | every evening | every hour | every week | daily | nightly | hourly | weekly | ' +
    'time and again | always eventually | continually | regularly | routinely | on a regular basis | every now and then | now and then | ' +
    'from time to time | every so often | once in a while', unary([G, F])],
  ['patrol | keep visit | keep go to | keep return to | keep reach | repeatedly visit | repeatedly go to | surveil | ' +
    'go back and forth between | keep go back and forth between | move back and forth between | travel back and forth between | ' +
    'circle over | circle around | orbit | keep orbit | keep cycling | keep cycling between | cycle through | keep looping | ' +
    'patrol back and forth between | fly back and forth between | drive back and forth between | walk back and forth between | ' +
    'loop between | keep loop between | cycle between | keep circle between | circle between | keep circle | ' +
    'keep go up and down between | go up and down between | move up and down between | keep move up and down between | ' +
    'keep fly back and forth over | keep fly back and forth between | keep drive back and forth between | fly back and forth over | ' +
    'keep drive in a loop between | drive in a loop between | keep go in a loop between | go in a loop between | keep fly in a loop between | ' +
    'keep scanning | keep inspecting | keep surveying | keep checking | keep monitor | keep go back to | keep come back to | keep check on | ' +
    'keep an eye on | keep watch over | keep fly over | keep fly to | keep drive to | keep drive by | keep pass by | ' +
    'walk between | fly between | drive between | move between | travel between | go between | run between | commute between | ' +
    'do laps between | keep do laps between | do laps around | keep do laps around | ' +
    'circulate between | keep circulate between | keep circulating between | shuttle back and forth | ' +
    'alternate between | shuttle between | shuttle back and forth between | go back and forth from | run back and forth between |  keep go between | keep move between | keep travel between | keep drive between | frequent the | ' +
    'visit infinitely often | go infinitely often to | be surveilled | be patrolled | ' +
    // "keep sweeping the east flank and the west flank": work kept up at places is a round of them.
    taskVerbs.map((verb) => `keep ${verb} the | keep ${verb} >noun`).join(' | '), goalUnary([G, F])],
  // "circle pier 1 and pier 2 again and again", "circle the block until a spot opens up": going round and round.
  ['circle the | circle >noun', goalUnary([G, F])],
  ['stay in | remain in | stay inside | remain inside | stay within | remain within | stay at | remain at | wait at the | wait at >noun | wait in the | ' +
    'keep within | always stay in | always remain in | hold position at | hold position in | hover at | hover over | hover above', goalUnary([G])],
  ['and stay there | and remain there | and stay there forever | and then stay there | and remain there forever | and wait there | ' +
    'and remain in it | and stay in it | and remain at it | and stay at it | and do not leave it | and never leave it | and not leave it | ' +
    'and then wait there | and wait there forever | and hover there | and hover there forever | and hover there indefinitely | ' +
    'and stay there indefinitely | and remain there indefinitely | and wait there indefinitely | and park there | and park there for good | ' +
    'and stay there for good | and remain there for good | and stay put | and stay put there | ' +
    'and stay moored there | and stay parked there | and stay docked there | and remain moored there | and remain parked there | ' +
    'and remain docked there | and stay there always | and then stay there always | and always stay there | ' +
    'and just stay there | and just hover there | and stay hover there | and keep hover there | and stay hovering there | and just wait there | and hover there do not leave | and just hover there do not leave | ' +
    'and stay there do not leave | and stay there and do not leave | and stay there , do not leave | and stay there afterwards | and just stay there afterwards | and then just stay there | and stay there after that | ' +
    'and stay there after | and once you be there , wait there | once you be there , wait there | once there , wait there | ' +
    'once you be there , stay put | once you be there , stay there | once you get there , stay there | once you get there , stay put | ' +
    'once you get there , do not leave | once you get there do not leave | once you get there , never leave | once you be there , do not leave | ' +
    'once you be there do not leave | once there , do not leave | once you arrive , do not leave | once there , stay put | once there , stay there | once you arrive , stay there | once you arrive , stay put | ' +
    'and hold position there | and hold your position there | and hold there | and keep position there | ' +
    'and once there , never leave it | once there , never leave it | and then never leave it | and never leave it again | ' +
    ', wait there | , stay there | , remain there | , then wait there | , then stay there', unary([{ op: 'finally', reach: true }, G])],
  // "you have ten steps to reach the summit": a deadline on what follows.
  ['you have #n #unit to | you have #n #unit in which to | you get #n #unit to', unary([{ op: 'finally', lo: 0, hi: 'n0' }])],
  ['from some point on | from some point onwards | from some point onward | from some moment onward | from some moment onwards | ' +
    'from some step onward | from some position onward | eventually forever | eventually always | eventually permanently | ' +
    'from some position on | from some position onwards | from some step on | from some state on | ' +
    'after some point always | from some time on | continuously from some point on | continuously from some point onwards | ' +
    'permanently from some point on', unary([F, G])],
  // Next.
  // Not a bare "next": "the next train" is a clause.
  ['the next state satisfy | the next state will satisfy | the following state satisfy | the next step satisfy', unary([X])],
  // "false in the second state": the first state is now, so the Nth is N - 1 steps on.
  ...['second', 'third', 'fourth', 'fifth'].map((nth, i): [string, Cue] => [
    ['state', 'step', 'position', 'moment', 'instant'].flatMap((unit) => [`in the ${nth} ${unit}`, `at the ${nth} ${unit}`]).join(' | '),
    unary(Array.from({ length: i + 1 }, () => X)),
  ]),
  ['in the state right after the initial one | in the state right after the initial state | in the state just after the initial one | ' +
    'in the step right after the initial one | at the step right after the initial one', unary([X])],
  ['in the state after the next | in the step after the next | at the step after the next | in the state after next | in the step after next', unary([X, X])],
  ['next , | holds next | hold next | in the next step | in the next state | at the next step | at the next state | in the next moment | at the next moment | ' +
    'in the very next state | in the very next step | at the very next step | at the very next state | ' +
    'in the next time step | at the next time step | at the next timepoint | at the next time point | in the next timepoint | in the next cycle | at the next cycle | in the following step | ' +
    'in the following state | one step later | after one step | immediately after that | immediately afterwards | ' +
    'in the following cycle | at the following cycle | in the following time step | in the next control cycle | in the following control cycle | ' +
    'on the next tick | on the very next tick | at the next tick | on your next move | on your very next move | your very next move | very next move | ' +
    'in the next clock cycle | in the next scan cycle | at the next control cycle | ' +
    // "the brake lights must turn on within the next step": no step between, so in it.
    'within the next step | within the next state | within the next cycle | within one step | ' +
    'by the next step | by the next cycle | by the next control cycle | by the next clock cycle | by the next tick | ' +
    'in the next position | at the next position | at the very next position | in the very next position | at the very next moment | ' +
    'in the very next moment | at the very next cycle | in the very next cycle | ' +
    'right in the next step | right at the next step | right in the next state', unary([X])],
  // "your very next move must be into the refuge chamber": where the agent is at the next step.
  // "the next thing it does must be taking a photo".
  ['the next thing it do must be | the next thing you do must be | the next thing it do be | the next thing must be | the next thing you do be | ' +
    'the very next stop must be | the next stop must be | the next stop have to be | the very next stop have to be | the next stop be', { kind: 'unary', wraps: [X], goal: true }],
  [['move', 'position', 'stop', 'destination', 'step', 'location'].flatMap((noun) => ['must be', 'have to be', 'should be', 'be', 'will be', 'need to be'].map((be) =>
    `your very? next ${noun} ${be} into? at? to? in?`)).join(' | '), { kind: 'unary', wraps: [X], goal: true }],
  // FRET and requirement writers read "shall ... immediately" as at that moment; a command's "immediately" is next.
  ['immediately | right away', { kind: 'unary', wraps: [X], immediate: true }],
  // "s holds at some point strictly afterwards": later, not now.
  // "s holds at some later point": later than now, as every independent writer read it (3 rows).
  // "q holds at every step starting from the next one": from the next step on.
  ['at every step starting from the next one | at every step starting from the next step | starting from the next step | ' +
    'starting from the next one | at every later step | ' +
    'at every subsequent step | in every later state | in all later states | in every strictly later state | at every strictly later step | ' +
    'in all strictly later states | at every strictly later position | in every state after the first one | in every state after the first | ' +
    'in every state after the initial one | in every state after the initial state | at every step after the first one | at every step after the first | ' +
    'in all states after the first one | in all states after the first | at every position after the first | at every position after the first one', unary([X, G])],
  ['at some point strictly afterwards | strictly afterwards | strictly later | at some strictly later point | strictly after that | ' +
    'at some later point | at a later point | at a later time | at some later time | at some position strictly after it | ' +
    'at some position strictly afterwards | at some later position | at a later position | at some position after it | ' +
    'at some point strictly after it | strictly after it | at some point strictly after that | at some step strictly after it | ' +
    'at a strictly later step | at some strictly later step | at a strictly later position | at some strictly later position | at a later step | at some later step', unary([X, F])],
  ['#n #step later | after #n #step | in #n #step | #n #step after that | #n #step afterwards | after exactly #n #step | exactly #n #step later | ' +
    '#n #step from now | exactly #n #step from now | #n #step after the initial step | exactly #n #step after the initial step | ' +
    '#n #step after the initial state | exactly #n #step after the initial state | #n #step after the start | exactly #n #step after the start | ' +
    '#n #step from the initial state | exactly #n #step from the initial state | #n #step from the start | exactly #n #step from the start | ' +
    'in the state exactly #n #step after the initial one | exactly #n #step after the initial one | #n #step after the initial one',
    unary([{ op: 'next', lo: 'n0' }])],
  // "reset holds at that step and at each of the following 3 steps": now and at the next three, G[0,3].
  ['in that cycle and in each of the following #n #step | in that cycle and each of the following #n #step | ' +
    'in that step and in each of the following #n #step | in that state and in each of the following #n #step | ' +
    'in the current state and in each of the next #n #step | in the current step and in each of the next #n #step | ' +
    'at the current state and at each of the next #n #step | now and in each of the next #n #step | now and at each of the next #n #step | ' +
    'at the current step and at each of the #n following #step | at the current step and the #n following #step | ' +
    'during the following #n #unit | for the following #n #unit | throughout the following #n #unit | ' +
    'in the current cycle and each of the following #n #step | in the current step and each of the following #n #step | ' +
    'at that moment and for the following #n #unit | now and for the following #n #unit | at that moment and during the following #n #unit | ' +
    'at that step and at each of the following #n #step | at that step and the following #n #step | in the current step and in each of the following #n #step | ' +
    'in the current step and the following #n #step | at that step and in each of the following #n #step | now and at each of the following #n #step | ' +
    'now and in each of the following #n #step | at that step and during the following #n #step',
    unary([{ op: 'globally', lo: 0, hi: 'n0' }])],
  ['in the next #n #step | at the next #n #step | in each of the #n following #step | in both of the next #n #step | in the #n following #step | ' +
    'at each of the #n following #step', unary([{ op: 'next', lo: 1, hi: 'n0', each: true }])],
  // "c holds in each of the next 5 steps": at steps 1 to 5, as three of the four independent writers put it.
  ['in each of the next #n #step | at each of the next #n #step | for each of the next #n #step | at every one of the next #n #step | in every one of the next #n #step | ' +
    'during each of the following #n #step | during each of the next #n #step | in each of the following #n #step | at each of the following #n #step',
    unary([{ op: 'globally', lo: 1, hi: 'n0' }])],
  // "b holds continuously from step 0 through step 4".
  ['at each of the positions #n through #n | at positions #n through #n | at each of positions #n to #n | at each of the positions #n to #n | ' +
    'from step #n through step #n | from step #n to step #n | from position #n through position #n | ' +
    'from position #n to position #n | at every step from #n to #n inclusive | at every step from #n to #n | at every step from #n through #n | ' +
    'at each step from #n to #n | at every step between #n and #n inclusive', unary([{ op: 'globally', lo: 'n0', hi: 'n1' }])],
  ['between step #n and step #n | between position #n and position #n', unary([{ op: 'globally', lo: 'n0', hi: 'n1', span: true }])],
  // "p holds in at least one state": at some state.
  ['in at least one state | at least in one state | in at least one position | at least at one position | in some state', unary([F])],
  // "serve a, b and c in a loop, forever": again and again.
  ['in a loop | on a loop | in a cycle', unary([G, F])],
  // "r holds now or at some later point": eventually.
  ['now or at some later point | now or at a later point | now or at some point later | now or at some later time | now or later on', unary([F])],
  // "no watering run may take place": taking place is occurring.
  ['take place', { kind: 'ignore' }],
  // "start at the main gate and visit ...": where a mission starts is where the robot is at the first moment.
  ['start at | begin at | you start at | you begin at | start off at | start out at', { kind: 'ignore', startsAt: true }],
  ['in at least one of the next #n #step | at least once in the next #n #step | in one of the next #n #step | at some of the next #n #step',
    unary([{ op: 'next', lo: 1, hi: 'n0', each: true, some: true }])],
  // Negation and never.
  ['not | not yet | no longer | no more', unary([NOT])],
  ['never | at no time | at no point | under no circumstances | in no state | not ever | never ever | do not ever', unary([G, NOT])],
  // "..., in that order, without ever flying over the stadium": at no time (a "without" before a place of its own,
  // "reach the summit without passing the waterfall", is a "before": see below).
  ['without ever', unary([G, NOT])],
  // "x holds at the beginning and never again": from the next step on, never.
  ['never again | not ever again', unary([X, G, NOT])],
  ['it be impossible to get to a state where | it be impossible to reach a state where | there be no state where | ' +
    'there be no state in which | it be impossible to get to a state in which', unary([G, NOT], true)],
  ['it be never the case that | it never hold that | it can never happen that | it must never happen that | it be impossible that | ' +
    'it be never true that', unary([G, NOT], true)],
  ['it be not the case that | it be false that | it be not true that', unary([NOT], true)],
  ['be false | be not true | be both false | stay false | remain false | keep false', { kind: 'unary', wraps: [NOT], predicate: true }],
  // "k becomes false": the moment it does, which is an eventually except in a condition.
  ['become false | turn false | become not true', { kind: 'unary', wraps: [NOT], predicate: true, onset: true }],
  ['be both true', { kind: 'ignore' }],
  ['in every state except possibly the first | in every state except the first | at every step except the first | ' +
    'at every position except possibly the first | at every position except the first | ' +
    'at every step except possibly the first | except possibly the first | except the first | except in the first state', unary([X, G])],
  ['be always false | be false forever | be false at all times | be forever false | be never true | be permanently false | be false permanently | ' +
    'be constantly false | be continuously false | be invariably false', unary([G, NOT])],
  ['be never false | be always true | be true at all times | be permanently true | be true permanently | be constantly true | be continuously true', unary([G])],
  ['there be no | there be never', unary([NOT])],
  // "shall not be able to log in": whether one can is whether one does.
  ['be able to', { kind: 'ignore' }],
  ['be unable to', unary([NOT])],
  // "between Q and R there must be a P": P happens (the catalogue's existence), where it must.
  ['there must be a | there must be an | there shall be a | there shall be an | there have to be a | there have to be an | ' +
    'there must be at least one | there shall be at least one', unary([F])],
  ['become true | will become true | start to hold | begin to hold | become the case', { kind: 'unary', wraps: [F], onset: true }],
  // Past.
  // "neither a nor b ever holds": not at any time; "if a is ever true": whenever it is, so nothing in a condition.
  ['ever', { kind: 'unary', wraps: [F], onset: true }],
  // "at some step p holds": eventually; "if err holds at some step, ...": at any step it does.
  ['at some step | in some step | at some instant', { kind: 'unary', wraps: [F], onset: true }],
  ['previously | at some point in the past | in the past | once before | at some earlier time | ' +
    'at some point in the past or present | in the past or present | in the past or now | at some point in the past or now | ' +
    'now or in the past | now or at some point in the past | at some point before or at that moment | at some point before or at that time | ' +
    'before or at that moment | before or at that time | at or before that moment | at or before that point | at that moment or before | ' +
    'at that moment or earlier | then or earlier | then or before | at some point in the past or at the current moment | ' +
    'in the past or at the current moment | at some earlier or current moment | at some earlier or the current moment | ' +
    'at some earlier or current step | at the current moment or earlier | at some earlier or the current time | at some earlier or current time | ' +
    'at the current or some earlier position | at the current or an earlier position | at the current or some earlier step | ' +
    'at the current or an earlier time | at the current or some earlier time | at the current or an earlier step | ' +
    'at some point up to that moment | at some point up to now | ' +
    'at some point up to and including that moment | up to that moment | at some point up to and including the current position | ' +
    'at some point up to and including now | at some step in the past or at the current step | at some step in the past or at the current one | ' +
    'at some earlier or the current step | at the current step or earlier | at the current step or before', unary([O])],
  ['beforehand | somewhere beforehand | at some point before | before that | sometime before | some time before | earlier | ' +
    'at some point before that | at some earlier point | before then',
    { kind: 'unary', wraps: [O], relative: true }],
  ['always in the past | so far always | have always be | have always hold | at all previous times | at every earlier time | ' +
    'at every position from the initial state up to now | at every step from the initial state up to now | at every position up to now | ' +
    'at every step up to now | at all positions up to now | at every position so far | from the initial state up to now | ' +
    'in every state up to and including the current one | at every state up to and including the current one | ' +
    'at every position up to and including the present one | at every step up to and including the present one | ' +
    'in all states up to and including the current one | at every step up to and including the current one | in every state up to now | ' +
    'at every point up to and including the current one | at every position up to and including the current one | ' +
    'at every point up to and including now | at every step up to and including now | at every position up to and including now | ' +
    'at every point up to now | at every moment up to and including now | at every step so far , the current one included | ' +
    'at every step so far , including the current one | at every point so far , the current one included', unary([H])],
  // "the alarm must sound from the next cycle on for at least 5 cycles": steps 1 to 5 from now.
  ['from the next cycle on for at least #n #step | from the next step on for at least #n #step | from the next cycle on for #n #step | ' +
    'from the next step on for #n #step | starting in the next cycle for at least #n #step | starting at the next step for at least #n #step',
    unary([{ op: 'globally', lo: 1, hi: 'n0' }])],
  ['have never | have not ever | have never once', unary([H, NOT])],
  // "err has never held up to and including the current step": the past up to now is what "has never" says.
  ['up to and including the current step | up to and including the current moment | up to and including now | ' +
    'up to and including the current state | up to now | until now', { kind: 'ignore' }],
  // "p does not hold at any point before the first occurrence of r": before the first r is before r.
  ['the first occurrence of | the first time that | the first time | its first occurrence of', { kind: 'ignore' }],
  ['in the previous step | in the previous state | at the previous step | at the previous state | one step before | one step earlier | ' +
    'in the last step | at the last step | in the immediately preceding step | in the immediately preceding state | ' +
    'at the immediately preceding step | in the preceding step | in the preceding state | at the preceding step | in the prior step | ' +
    'in the previous cycle | in the preceding cycle | at the previous cycle | in the immediately preceding cycle | in the cycle before | ' +
    'in the previous control cycle | in the preceding control cycle | in the previous clock cycle | in the previous scan cycle', unary([Y])],
  // "the payment was captured at some strictly earlier step": before now, not now.
  ['at some strictly earlier position | at some strictly earlier step | at some strictly earlier point | at some strictly earlier time | at a strictly earlier step | ' +
    'strictly earlier | strictly before now | at some strictly earlier state | in some strictly earlier state', unary([Y, O])],
  // The windows of explain()'s readings (src/languages/tl/explain.ts), so that a reading reads back.
  ['at every moment within the next #n #unit', unary([{ op: 'globally', lo: 0, hi: 'n0' }])],
  ['at every moment between #n and #n #unit from now', unary([{ op: 'globally', lo: 'n0', hi: 'n1' }])],
  ['at every moment from #n #unit from now on', unary([{ op: 'globally', lo: 'n0', hi: null }])],
  ['at every moment from now on', unary([G])],
  ['from #n #unit from now on', unary([{ op: 'globally', lo: 'n0', hi: null }])],
  ['at every moment at any time so far', unary([H])],
  ['at some moment at any time so far', unary([O])],
  ['between #n and #n #unit from now', unary([{ op: 'finally', lo: 'n0', hi: 'n1' }])],
  ['at least #n #unit from now', unary([{ op: 'finally', lo: 'n0', hi: null }])],
  ['at some moment from now on', unary([F])],
  ['at every moment so far | always so far | at all times so far | at every point so far | at every step so far', unary([H])],
  ['at every moment within the last #n #unit', unary([{ op: 'historically', lo: 0, hi: 'n0' }])],
  ['at every moment between #n and #n #unit ago', unary([{ op: 'historically', lo: 'n0', hi: 'n1' }])],
  ['at every moment at least #n #unit ago', unary([{ op: 'historically', lo: 'n0', hi: null }])],
  ['at some moment so far', unary([O])],
  // "q holds now or has held at some earlier point": once (now included).
  ['hold now or have hold at some earlier point | hold now or have hold before | hold now or have hold earlier | hold now or held before | ' +
    'be true now or have be true before | be true now or have be true at some earlier point', unary([O])],
  // "a has held at least once, now or earlier": once.
  ['at least once , now or earlier | at least once now or earlier | at least once , now or before | at least once up to now | at least once so far', unary([O])],
  ['at some moment within the last #n #unit | within the last #n #unit', unary([{ op: 'once', lo: 0, hi: 'n0' }])],
  ['at some moment between #n and #n #unit ago | between #n and #n #unit ago', unary([{ op: 'once', lo: 'n0', hi: 'n1' }])],
  ['at some moment at least #n #unit ago | at least #n #unit ago', unary([{ op: 'once', lo: 'n0', hi: null }])],
  ['at the previous moment', unary([Y])],
  [', which happen eventually | which happen eventually | , which eventually happen | which eventually happen', { kind: 'trailer' }],
  [', which happen within #n #unit | which happen within #n #unit', { kind: 'trailer', wraps: [{ op: 'finally', lo: 0, hi: 'n0' }] }],
  [', which happen between #n and #n #unit from now', { kind: 'trailer', wraps: [{ op: 'finally', lo: 'n0', hi: 'n1' }] }],
  [', which happen at least #n #unit from now', { kind: 'trailer', wraps: [{ op: 'finally', lo: 'n0', hi: null }] }],
  [', or forever if that never happen | or forever if that never happen | , or forever | or forever | , even if that never happen | ' +
    'even if that never happen | , even if it never happen | even if it never happen', { kind: 'trailer', weak: true }],
  ['within #n #unit , or forever if that never happen', { kind: 'trailer', weak: true, wraps: [{ op: 'finally', lo: 0, hi: 'n0' }] }],
  ['between #n and #n #unit from now , or forever if that never happen', { kind: 'trailer', weak: true, wraps: [{ op: 'finally', lo: 'n0', hi: 'n1' }] }],
  ['at least #n #unit from now , or forever if that never happen', { kind: 'trailer', weak: true, wraps: [{ op: 'finally', lo: 'n0', hi: null }] }],
  ['at some moment from now on , or forever if that never happen', { kind: 'trailer', weak: true }],
  [', which happen at some moment from now on', { kind: 'trailer' }],
  [', at any time so far', { kind: 'trailer' }],
  [', within the last #n #unit', { kind: 'trailer', wraps: [{ op: 'once', lo: 0, hi: 'n0' }] }],
  [', between #n and #n #unit ago', { kind: 'trailer', wraps: [{ op: 'once', lo: 'n0', hi: 'n1' }] }],
  [', at least #n #unit ago', { kind: 'trailer', wraps: [{ op: 'once', lo: 'n0', hi: null }] }],
  [', but not both | but not both | , but never both | but never both | , but not both at once | , but never at the same time', { kind: 'trailer', exclusive: true }],
  ['#n #unit after | #n #unit later than | exactly #n #unit after', binary('stepsAfter')],
  // "err is true in at most one state": a count, not "within at most 1 time unit" (the same length, so first here).
  ['in at most one state | in at most one step | at at most one step | in at most one position | at at most one position | ' +
    'at most at one position | at most at one step', { kind: 'count', bound: 'atMost', times: 1 }],
  ['within #n #unit of | no later than #n #unit of | at most #n #unit after | within #n #unit after | no later than #n #unit after | ' +
    'no more than #n #unit after | less than #n #unit after', binary('withinOf')],
  ['via | through | by way of | by going through | by passing through | passing through | going through', binary('via')],
  ['up to and including the moment when | until and including when | until and including the moment when | up to and including when | ' +
    'up to and including the moment | until and including the moment | ' +
    ['the first position where', 'the position where', 'the first moment where', 'the first moment when', 'the first moment', 'the first time', 'the point where', 'the point when',
      'the first point where', 'the first state where', 'the first state in which', 'the state where', 'the first step where', 'the step where',
      'the step at which', 'the first step at which', 'the moment at which', 'the first moment at which', 'the step in which', 'the first step in which']
      .map((end) => `up to and including ${end}`).join(' | '), binary('releasedBy')],
  ['up to and including a moment when | up to and including a moment where | until and including a moment when | until and including a moment where', binary('strongReleasedBy')],
  ['at every moment since a moment when | ever since the moment when | at every moment since', binary('since')],
  // Bounded.
  ['within #n #unit? | within at most #n #unit? | within the first #n #unit | in the first #n #unit | in less than #n #unit? | in at most #n #unit? | no later than #n #unit? | at most #n #unit? later | no more than #n #unit? later | ' +
    'within the next #n #unit? | in no more than #n #unit? | before #n #unit? elapse | before #n #unit? pass', unary([{ op: 'finally', lo: 0, hi: 'n0' }])],
  ['for #n #unit? | for at least #n #unit? | for the next #n #unit? | for at least the next #n #unit? | during the next #n #unit? | for the following #n #unit? | ' +
    'throughout the next #n #unit? | over the next #n #unit? | during the first #n #unit? | in the first #n #unit? | for the first #n #unit?',
    unary([{ op: 'globally', lo: 0, hi: 'n0' }])],
  ['for the next #n to #n #unit? | during the next #n to #n #unit? | throughout the next #n to #n #unit? | for #n to #n #unit? | ' +
    'over the next #n to #n #unit?', unary([{ op: 'globally', lo: 'n0', hi: 'n1' }])],
  ['after #n #unit | #n #unit later | in #n #unit | exactly #n #unit later | #n #unit from now', unary([{ op: 'finally', lo: 'n0', hi: 'n0' }])],
  ['in #n #unit or less | within #n #unit or less | in #n #unit or sooner | in #n #unit at most', unary([{ op: 'finally', lo: 0, hi: 'n0' }])],
  ['somewhere between #n and #n #unit later | at some point between #n and #n #unit later | between #n and #n #unit later', unary([{ op: 'finally', lo: 'n0', hi: 'n1' }])],
  ['between #n and #n #unit | between #n #unit and #n #unit | after #n to #n #unit | in #n to #n #unit | ' +
    'after #n #unit but within #n #unit | after #n #unit and within #n #unit', unary([{ op: 'finally', lo: 'n0', hi: 'n1' }])],
  ['at least #n #unit later | after at least #n #unit | not before #n #unit', unary([{ op: 'finally', lo: 'n0', hi: null }])],
  ['every #n #unit | at least every #n #unit? | at least once every #n #unit | once every #n #unit', unary([G, { op: 'finally', lo: 0, hi: 'n0' }])],
  ['at least once per #unit | once per #unit | at least once a #unit | at least once every #unit | once every #unit', unary([G, { op: 'finally', lo: 0, hi: 1 }])],
  // Counting: bounded existence and its kin.
  ['at most #n time | at most #n times | no more than #n times | not more than #n times | at most #n occasion | at most #n occasions',
    { kind: 'count', bound: 'atMost' }],
  ['at most once | no more than once | not more than once | not more than one time | no more than one time | at most one time | ' +
    'only once at most | once at most | maximum one time | maximum one time only | maximum once | max once | max one time | a maximum of one time | ' +
    'a maximum of once | but not more than one time | but not more than once | but at most once | , but at most once | ' +
    'but only once at most | , but only once at most | , but not more than one time | , but not more than once', { kind: 'count', bound: 'atMost', times: 1 }],
  // "p holds in the initial state and in no later state": not at any step after this one.
  ['in no later state | in no later step | at no later step | at no later position | in no later position | at no later time | ' +
    'at no later point | in no subsequent state | at no subsequent step', unary([X, G, NOT])],
  ['at most twice | no more than twice | not more than twice', { kind: 'count', bound: 'atMost', times: 2 }],
  // "Do Market Street, then King Street, then Market Street a second time": a visit again is a visit.
  ['a second time | one more time | once more | a third time', { kind: 'ignore' }],
  // "Stop by the galley exactly once on this run, no more, no less": the count says it already.
  [', no second pass | no second pass | , no second time | no second time | , no second visit | no second visit | , no repeats | no repeats | ' +
    ', no more , no less | no more , no less | , no more no less | no more no less | , no more | , not more | and not more | and no more | , not more than that | , not twice | on this run | on this trip | on this shift | ' +
    'per run | per trip | per shift', { kind: 'ignore' }],
  // "check on Miller's Hut and Granite Hut, whichever order is quicker": any order.
  ['whichever order be quicker | whichever order be fast | whichever order be faster | whichever order be short | whichever order be shorter | ' +
    'whichever be quicker | whichever be faster | whichever be shorter | whichever be easier | , your choice | your choice | , up to you | ' +
    ', your call | , never stopping | never stopping | without stopping | , your pick | your pick | , leave them in between | ' +
    ', leave it in between | leave them in between | leave it in between | back and forth | as soon as you can | as soon as possible | ' +
    'as quickly as you can | as fast as you can', { kind: 'ignore' }],
  // "keep patrolling a and b, back and forth, forever": the patrol says so already.
  [', back and forth ,', { kind: 'ignore' }],
  // "visit berth 5 at least twice, with leaving in between": separate visits are what the count means.
  [', with leave in between | with leave in between | , leave in between | leave in between | with a break in between', { kind: 'ignore' }],
  ['at least #n times | no fewer than #n times | at least #n separate times | minimum #n times | minimum #n separate times | ' +
    'a minimum of #n times | at minimum #n times | on #n separate occasions | on #n different occasions | on #n occasions | #n separate times | ' +
    'on at least #n separate occasions | on at least #n different occasions | on at least #n occasions | ' +
    '#n different times', { kind: 'count', bound: 'atLeast' }],
  ['at least twice | no fewer than twice | at two or more different positions | at two or more positions | at two distinct positions | ' +
    'at two different positions | at two or more different steps | at two distinct steps | at two different steps', { kind: 'count', bound: 'atLeast', times: 2 }],
  ['exactly #n times | exactly #n time', { kind: 'count', bound: 'exactly' }],
  // Exercises count the positions of the trace where a letter holds ("a is true at three or more distinct positions").
  ...((): [string, Cue][] => {
    // (Not steps: "a holds in exactly three steps from now" is a time.)
    const at = ['at', 'in'].flatMap((p) => ['positions', 'states', 'points'].map((n) => [p, n] as const));
    const each = (f: (p: string, n: string) => string) => at.map(([p, n]) => f(p, n)).join(' | ');
    return [
      [each((p, n) => `${p} exactly #n ${n} | ${p} exactly #n distinct ${n} | ${p} exactly #n different ${n}`), { kind: 'count', bound: 'exactly' }],
      [each((p, n) => `${p} no more than #n ${n} | ${p} at most #n ${n} | ${p} no more than #n distinct ${n}`), { kind: 'count', bound: 'atMost' }],
      [each((p, n) => `${p} #n or more ${n} | ${p} #n or more distinct ${n} | ${p} #n or more different ${n} | ${p} at least #n ${n} | ${p} at least #n distinct ${n} | ${p} at least #n different ${n}`), { kind: 'count', bound: 'atLeast' }],
      [['at no more than one position', 'in no more than one state', 'at no more than one step', 'in no more than one position', 'at no more than one point'].join(' | '), { kind: 'count', bound: 'atMost', times: 1 }],
    ];
  })(),
  // "do not go to a more than twice": at most twice; without the negation, at least once more.
  ['more than #n times | more than #n time', { kind: 'count', bound: 'moreThan' }],
  ['more than once', { kind: 'count', bound: 'moreThan', times: 1 }],
  ['more than twice', { kind: 'count', bound: 'moreThan', times: 2 }],
  ['exactly one of | precisely one of', { kind: 'listOf', negated: false, exactlyOne: true }],
  ['exactly once | only once | in exactly one state | in exactly one step | at exactly one step | in only one state | in a single state | ' +
    'at exactly one position | in exactly one position | at only one position | ' +
    'in just one state | exactly one time | one time only | only one time | just once | one single time | once and only once | one time and one time only', { kind: 'count', bound: 'exactly', times: 1 }],
  ['exactly twice', { kind: 'count', bound: 'exactly', times: 2 }],
  // A bare count ("visit the cafe twice", "go to the library three times") asks for that many visits at least.
  ['twice', { kind: 'count', bound: 'atLeast', times: 2 }],
  ['thrice', { kind: 'count', bound: 'atLeast', times: 3 }],
  ['#n times', { kind: 'count', bound: 'atLeast' }],
  // After the counts, so that "at least 3 times" is a count ("times" is a unit too).
  ['at least #n #unit', unary([{ op: 'finally', lo: 'n0', hi: null }])],
  ['for more than #n #unit? | for longer than #n #unit? | longer than #n #unit? | for over #n #unit?', { kind: 'longerThan' }],
  // Connectives.
  // ("never both at once, yet at least one of the two infinitely often"; "not yet" is read as "not" first, longest match.)
  ['and | as well as | along with | and also | , also | but | but also | whereas | plus | together with | moreover | in addition | yet', binary('and')],
  // "p also holds": no connective inside a clause.
  ['also', { kind: 'ignore' }],
  // "stay out of aisles 4 and 5 completely": emphasis says nothing more.
  ['completely | entirely | totally | altogether | anymore | at all | just', { kind: 'ignore' }],
  // "go past the koi pond twice today": the day a mission is given for is no part of what it asks.
  ['today | tonight | this morning | this afternoon | this evening', { kind: 'ignore' }],
  // "never, under any circumstances, enter the server room": so is insistence.
  ['under any circumstances | in any circumstances | for any reason | no matter what', { kind: 'ignore' }],
  ['or | or else | otherwise | alternatively', binary('or')],
  // "if the door is locked, go to the office instead": the condition already says what is replaced.
  ['instead | instead of that', { kind: 'ignore' }],
  [', then | , and then | then | and then | after that | afterwards | afterward | and afterwards | and afterward | and later | later | and sometime afterward | ' +
    'and sometime afterwards | and after that | , and after that | and finally | followed by | next go | and next | subsequently | and subsequently | ' +
    'and only then | , and only then | only then | and only after that | ' +
    // "go to a, and once you are there, go to b": being there is having gone; what follows comes later.
    'once you be there | and once you be there | once there | and once there | once you get there | and once you get there | ' +
    'once you be do there | and once you be do there | once you be finish there | when you be do there | when you be finish there | ' +
    'once do there | when do there | after you be do there | ' +
    'when you get there | and when you get there | once you arrive there | and once you arrive there | when you be there | and when you be there | ' +
    ', finally | , lastly | and lastly | and last | , and last | and at last | , and at last | , at last | and at the end | , and at the end | and at the very end | and in the end | , and in the end |  thereafter go | to reach | to get to | in order to reach | in order to get to | to arrive at | on the way to | on your way to | ' +
    // "first landmark 1. next landmark 2.": a step list's "next" (a comma or full stop before it).
    ', next | when you be finish | and when you be finish | once you be finish | when you be do | once you be do | and once you have , | once you have , | ' +
    // "go to the bell tower and right after it the clock tower": the very next step (sequence() reads the X).
    'right after it | and right after it | right after that | and right after that | straight away | and straight away | then straight away | ' +
    'and then straight away | , and after you have do that , | and after you have do that , | after you have do that , | ' +
    'and once you have do that , | once you have do that , | and when you have do that , | when you have do that , | ' +
    'and from there to | , and from there to | and from there go to | from there go to | and from there , go to', binary('then')],
  ['twice in a row | two times in a row | in two consecutive steps | in two successive steps | at two consecutive steps | in two consecutive positions | ' +
    'in two successive positions | at two successive steps | in two successive states | ' +
    'at two consecutive positions | at two successive positions | in two consecutive states | at two consecutive states', { kind: 'inARow', times: 2 }],
  ['for #n #step in a row | #n #step in a row | #n times in a row | #n time in a row | for #n consecutive #step | in #n consecutive #step | ' +
    'at #n consecutive #step | for #n successive #step | in #n successive #step', { kind: 'inARow' }],
  // "the fan will be on then or at some point in the future": now or later, which is eventually.
  ['then or at some point in the future | then or later | now or later | now or at some point in the future | then or afterwards | ' +
    'at the same time or later | at that time or later | at the same moment or later | at the same time or afterwards | ' +
    'then or in the future | now or in the future | then or at some later point', unary([F])],
  ['until then | until that happen | until that moment | until that point | until that time | till then', { kind: 'untilThen' }],
  ['until | till | up until | up to the point when | until the moment when | until the point when | as long as not | ' +
    'until a point where | until a point at which | until a point when | until a moment where | until a moment when | until a state where | ' +
    'until a step where | until a state in which | until the first point where | until the first state where | until the first step where', binary('until')],
  ['unless', binary('unless')],
  ['at least until | until possibly | unless and until', binary('unlessUntil')],
  // Only the operator's own word: "the brake is released" is a clause (cue words match lemmas too).
  ['releases', binary('release')],
  // "p has held ever since the most recent r", "connected at every step since the last authentication": since r.
  ['since | ever since | since the most recent | ever since the most recent | since the last | ever since the last | ' +
    'since the most recent occurrence of | ever since the most recent occurrence of | since the last occurrence of | since the last time | ' +
    'ever since the last time | ' +
    'at every step since | at every step since the most recent | at every step since the last | in every step since | at all steps since', binary('since')],
  ['before | prior to | earlier than | ahead of | without pass through | without go through | without visit | without enter | ' +
    'without first visit | without touch | without cross | without pass | without go past | without go by | without stop by | without stop at | ' +
    'without go into | but not through | ' +
    'but not via | but not pass through | without use | without take | without ride | without ever go through | without ever pass through | without ever visit | without ever enter | ' +
    'without fly over | without fly through | without drive through | without go near | without walk through | without go over | ' +
    'without drive over | without pass over | without go across | ' +
    'without ever cross | without ever touch | without hit | without collide with | without bump into | without crash into', binary('before')],
  ['after | later than', binary('after')],
  // Precedence: "a happens only after b" forbids a before b, and needs no b.
  ['only after | not until after | but not before | , but not before | but not until | , but not until | only happen after | only occur after | only hold after | only be true after', binary('precededBy')],
  // "visit the museum, but only once the gallery has been visited": "once" before a clause is "after"; "only once"
  // at the end is a count. The clause's opening word tells them apart (it carries no content).
  ['only once the | only once you | only once it | only once they | only once a | only once an', binary('precededBy')],
  ['while | as long as | during | whilst | at the same time as | for as long as', binary('while')],
  ['imply | implies | mean that | means that | entail | entails', binary('implies')],
  ['if and only if | iff | exactly when | precisely when | just in case | be equivalent to | be the same as | in exactly the states where | ' +
    'exactly in the states where | in precisely the states where | at exactly the steps where | exactly at the steps where', binary('iff')],
  ['be followed by | be eventually followed by | be always followed by | be always eventually followed by | eventually lead to | lead to | ' +
    'leads to | triggers | causes | results in | must trigger | must cause | will trigger | will cause | be eventually succeeded by | ' +
    'be succeeded by | must eventually be followed by | will eventually be followed by | shall eventually be followed by | eventually be followed by', binary('response')],
  ['neither', { kind: 'listOf', negated: true }],
  ['nor', binary('or')],
  ['at least one of | either one of | one of | any one of | any of | either of', { kind: 'listOf', negated: false }],
  ['at most one of | no more than one of | not more than one of', { kind: 'listOf', negated: false, atMostOne: true }],
  ['at that same moment | at that moment | at that point | at that time | at that same time | at the very same moment', { kind: 'thatMoment' }],
  ['the step after | in the step after | the step after that | in the step after that | the state after | in the state after | ' +
    'the position after that | at the position after that | the position after | at the position after | ' +
    'the state after that | in the state after that | the moment after | the moment after that | ' +
    'the cycle after | in the cycle after | the cycle after that | in the cycle after that | the tick after | the tick after that | ' +
    'the one after | the one after that | in the step right after it | in the step right after that | in the step immediately after it | ' +
    'in the step immediately after that | at the step right after it', { kind: 'stepAfter' }],
  ['be never followed by | be not followed by | never be followed by | be not ever followed by', binary('neverFollowedBy')],
  ['be never immediately followed by | be never directly followed by | be not immediately followed by | never be immediately followed by | ' +
    'be never followed immediately by | be never followed in the next step by', binary('neverNextBy')],
  ['from the next step on | from the next state on | from the next moment on | from the next step onwards | from the next position on | ' +
    'in the next cycle and from then on | in the next step and from then on | in the next state and from then on | at the next step and from then on', unary([X, G])],
  // "from the third state on, c holds": the first state is now.
  ...['second', 'third', 'fourth', 'fifth'].map((nth, i): [string, Cue] => [
    ['state', 'step', 'position', 'moment'].flatMap((unit) => [`from the ${nth} ${unit} on`, `from the ${nth} ${unit} onwards`, `from the ${nth} ${unit} onward`]).join(' | '),
    unary([...Array.from({ length: i + 1 }, () => X), G]),
  ]),
  ['be immediately followed by | be followed immediately by | be followed in the next step by | be directly followed by | ' +
    'be always immediately followed by | be always followed immediately by | be always directly followed by | always be immediately followed by', binary('immediateResponse')],
  ['respond to | responds to | be a response to | be triggered by | be caused by | send a response to | send a reply to | reply to | answer to', binary('respondsTo')],
  ['precede | precedes | must precede | be a precondition for', binary('precedes')],
  ['be immediately preceded by | be always immediately preceded by | be directly preceded by | be preceded immediately by', binary('immediatelyPrecededBy')],
  ['be preceded by | be always preceded by | be enabled by | be only possible after', binary('precededBy')],
  // Dwyer, Avrunin and Corbett's global scope; the reader knows their "Before R,", "Between Q and R," and "After Q until R," too.
  ['globally ,', { kind: 'scope' }],
  ['in every interval from | in each interval from | in any interval from | in every period from', { kind: 'intervalFrom' }],
  // Subordinators.
  ['if | in case | provided that | assuming that | given that | in the case that | on condition that', { kind: 'if', global: false }],
  ['only if | only happen if | only hold if | only occur if | only be true if | only be possible if | only with', { kind: 'if', global: false, onlyIf: true }],
  ['only when | only while | only whenever | only at times when | only at steps where | only at steps in which | only in states where | ' +
    'only at positions where | only in steps where', { kind: 'if', global: true, onlyIf: true }],
  ['whenever | upon | every time | each time | each moment that | every moment that | ' +
    'every time that | at every moment when | when | any time | anytime | any time that | in every state where | in all states where | every time when | ' +
    'always when | always if | at every point where | at every point at which | at each point where | at every moment where | ' +
    'at every step where | at every position where | at each step where | in every step where', { kind: 'if', global: true }],
  // "a confirmation shall be sent after each payment": each time, at that moment or later.
  ['after each | after every | after any', { kind: 'if', global: true, later: true }],
  // "once X, Y": from the moment X holds on, so "never Y" keeps its G.
  ['once | as soon as | from the moment that | from the moment when | from the moment | from the first moment | from the first moment that | ' +
    'from the first moment when | from the instant', { kind: 'if', global: true, fromThenOn: true }],
  ['both | at the same time | simultaneously | together | at once | in parallel | in the same step | at the same step | in the same state | ' +
    'at the same moment | at the same instant | at the same position | in the same position | at the same point | at the same point in time', { kind: 'jointly' }],
  ['be mutually exclusive | be exclusive | exclude each other | be never true together | never hold together', { kind: 'jointly', wraps: [G, NOT] }],
  ['in that order | in this order | in exactly this order | in exactly that order | in order | one after the other | one after another | in sequence | sequentially | in the order give | ' +
    'in the given order | following this sequence | following the sequence | in this sequence | in the following sequence', { kind: 'inOrder' }],
  ['following this order | following the order | following the given order | no skip ahead | without skip ahead | do not skip ahead', { kind: 'inOrder', order: 'ordered' }],
  ['following the strict order | following this strict order | in strict order | in this strict order | strictly in this order | ' +
    'strictly in that order | strictly in order', { kind: 'inOrder', order: 'strict' }],
  ['only finitely often | finitely often | finitely many times | only finitely many times | at only finitely many positions | ' +
    'at finitely many positions | at only finitely many steps | at finitely many steps | in only finitely many states', unary([F, G, NOT])],
  // "there are infinitely many positions where p holds": textbooks' way to say infinitely often.
  [['positions', 'states', 'points', 'steps', 'moments', 'times', 'instants'].flatMap((n) => ['where', 'at which', 'in which', 'when'].map((w) => `there be infinitely many ${n} ${w}`)).join(' | '), unary([G, F], true)],
  ['there be a point where | there be a moment where | there be a state where | there be a point at which | there be some point at which | ' +
    'there be some point where | there be some moment at which | there be some moment when | ' +
    'there will be a point where | there will be a moment where | there will be a state where | there will be a state in which | ' +
    'there will be a moment when | there will be a time when | ' +
    'there be a time when | there be a moment when', unary([F], true)],
  ['satisfy | satisfies | shall satisfy | must satisfy', { kind: 'satisfy' }],
  // Going and avoiding.
  ['go to | go into | go through | go past | goes to | go towards | move to | move into | visit | reach | enter | navigate to | ' +
    'head to | head towards | travel to | proceed to | arrive at | get to | walk to | drive to | fly to | return to | come to | ' +
    'go back to | come back to | get back to | head back to | move back to | walk back to | fly back to | back to | ' +
    'come back | go back | get back | return | head back | ' +
    'pass through | pass by | go by | drive by | walk by | stop by | make it to | end up at | end up in | be visit | be reach | be enter | be cover | make your way to | ' +
    'make its way to | make their way to | find your way to | find its way to | find | search for | look for | ' +
    'go near | get near | come near | approach | go close to | get close to | survey | inspect | ' +
    'head out to | head over to | go over to | swing by | drop by | pop over to | pop by | head for | make for | check on | go check on | ' +
    'go anywhere near | come anywhere near | get anywhere near | plug in at | charge at | land on | land at | touch down on | set down on | ' +
    'end at | end in | finish at | finish in | end your route at | terminate at | have be to | have be at | end up park at | end up park in | ' +
    'end up dock at | end up stop at | '  +
    'go in | go out to | go outside to | go around to | go down to | go up to | go on to | fly up to | fly down to | fly out to | fly over to | ' +
    'get yourself to | get yourself over to | get yourself down to | get yourself up to | take yourself to | ' +
    // "do three laps around the track" (countedTrips: "go around the track 3 times"): a place gone around or across.
    'go around the | go around >noun | go along the | go along >noun | go across the | go across >noun | ' +
    // "go down Valley Run": a run or a street gone down is a place ("prices go down", no place after it, is no goal).
    'go down the | go down >noun | go up the | go up >noun | ski down | ski to | ' +
    // "you're never allowed in the basement": where one may not be is a place one may not go.
    'allowed in | allowed into | allowed inside | permitted in | permitted into | ' +
    // "pick up the box and bring it to the packing station": where the thing goes is where the robot goes.
    'bring it to | bring them to | take it to | take them to | carry it to | carry them to | deliver it to | deliver them to | ' +
    'bring it back to | take it back to | bring that to | take that to | ' +
    // "take me to the Chase bank", "route me to Trader Joe's": the rider goes where the car goes.
    'take me to | drive me to | bring me to | get me to | route me to | navigate me to | guide me to | take us to | drive us to | get us to | ' +
    'go survey | go inspect | go check | go see | go visit | check out | cross over | fly over | pass over | allowed over | ' +
    // "go sample the chlorine tank": work gone to do is done at its place.
    taskVerbs.map((verb) => `go ${verb} the | `).join('') +
    // "check the haunted house": a place checked is a place gone to ("check that ..." frames a property).
    // "hit saloon set, then harbor set": a place hit is a place reached.
    'hit the | hit >noun | stop at the | stop at >noun | pass the | pass >noun | pick up at | pick up from | collect from | ' +
    'refill at | refuel at | recharge at | ride the | set foot in | set foot on | step into | step onto | ' +
    // "clean the east face", "serve the Elm Street stop": work done at a place is done there.
    taskVerbs.map((verb) => `${verb} the | `).join('') +
    // ("plough maple road", "mop kitchen": with no article, only verbs that are seldom nouns before a noun; not "water level".)
    ['clean', 'mow', 'spray', 'harvest', 'sweep', 'mop', 'vacuum', 'tidy', 'restock', 'wipe', 'scrub', 'plough', 'plow'].map((verb) => `${verb} >noun | `).join('') +
    'check the | check >noun | dock at the | dock at >noun | berth at the | berth at >noun | moor at the | moor at >noun | ' +
    'drive into | fly into | walk into | run into | ride into | sail into | drive onto | walk onto | ride to | ' +
    'fly through | drive through | walk through | move through | travel through | sail through | swim through | sneak into | sneak in to | ' +
    'sneak to | run to | hurry to | rush to | dash to | zoom to | descend to | climb to | climb up to | ascend to | dive to | sail to | ' +
    // "I want the food court but only after ...": the place a rider wants is where to go.
    'i want | we want | i would like | we would like | ' +
    'swim to | roll to | surface at | make a stop at | deliver to | go straight to | head straight to | go directly to | ' +
    'head directly to | come straight back to | go straight back to | come straight to', { kind: 'goal' }],
  ['in any order | in some order | in whatever order | in whatever order you like | in whichever order | in whichever order you like | ' +
    'in any order you like | no matter the order | obviously | of course | , obviously , | , of course , | order do not matter | the order do not matter | ' +
    'whichever | whichever be closer | whichever be nearer | whichever come first | whichever be first | ' +
    // "go to room 101 or room 102, I don't care which": the choice is the robot's, as "or" already says.
    'i do not care which | i do not care which one | i do not mind which | i do not mind which one | whichever order be fine | ' +
    'whichever order you like | whichever order suit you | whatever order suit you | whichever suit you | whichever order | whichever closer | whichever nearer | whatever order you like | whatever order | ' +
    'either one | either be fine | either one be fine | either will do | either one will do | ' +
    'it do not matter which | it do not matter which one | do not matter which | whichever you like | whichever you prefer | ' +
    'in no particular order | any order be ok | any order be fine | any order work | , any order | in either order | , in either order | either order | ' +
    ', order be not important | order be not important | , the order be not important | , order do not matter | ' +
    ', it do not matter which first | , it do not matter which one first | , it do not matter which order | ' +
    ', any order be fine | , any order be ok | , any order work | , any order be good | , either order be fine | , whichever order be fine | ' +
    'any order you like | any order you want | any order u like | either order fine | either order be fine | either order be ok | whichever easy | ' +
    'whichever be easy | whichever easier', { kind: 'ignore' }],
  // "x must not occur before y has occurred in that interval": a scope's interval, which the scope says already.
  ['in that interval | within that interval | within the same interval | in the same interval | in that segment | within the same segment | ' +
    'in the same segment | within that segment', { kind: 'ignore' }],
  // "between step 2 and step 5, inclusive": the bounds of every interval here are in it.
  [', inclusive | , both inclusive | , bounds inclusive', { kind: 'ignore' }],
  // "avoid the red room on the way": what is avoided, is avoided until the goal is reached.
  ['along the way | on the way | along your way | on your way | ' +
    'the whole way | the entire way | the whole way there | the entire way there | all the way there | on the way there | ' +
    'along the route | en route | until you get there | until you arrive there | until you be there | until you reach it | ' +
    'until you have reach it | till you get there | until you get to it | before you get there | before you reach it | before you arrive there | ' +
    'before get there | before you be there | before it get there | before it reach it | before it arrive there | before it be there | to get there | to get there at all | when you go there | ' +
    'when go there | when you be go there | to reach it', { kind: 'ignore', onTheWay: true }],
  ['avoid | skip | bypass | stay away from | keep away from | keep well away from | stay well away from | keep far away from | ' +
    'stay out from | keep out from | refrain from enter | refrain from go into | refrain from go to | refrain from visit | ' +
    'hold off on enter | hold off on go into | hold off on go to | hold off on visit | hold off enter | ' +
    'stay far away from | keep well clear of | stay well clear of | keep your distance from | keep out of | stay out of | steer clear of | stay clear of | keep clear of | never go to | never visit | never enter | ' +
    // ("the motor stays off" is a state; "stay off Powder Bowl", with a place after it, is not.)
    'stay off the | keep off the | stay off of | keep off of | stay off >noun | keep off >noun | ' +
    'do not go to | do not visit | do not enter | must not go to | must not enter | must not visit | ' +
    // "if it is snowing, do not be on the hill road": where one may not be is where one may not go.
    'do not be on | do not be in | do not be at | do not be near | ' +
    // "the avalanche zone is off-limits from then on": said of the place, a ban on going there.
    'be off limits | be off - limits | be out of bounds | be off bound | be off bounds | ' +
    'be prohibited | be forbidden | be not permitted | be not allowed | no go near | you no go near | ' +
    // "at some point stop visiting the lobby for good": from then on, no more visits.
    'stop visit | stop go to | stop enter | stop come to | stop come back to | stop return to | stop go near | stop go into | stop go in | ' +
    // "no fly over the school at all": a ban said as a sign says it.
    'no fly over | no going to | no go to | no entering | no entry to', { kind: 'avoid' }],
  ['and repeat | and repeat it | and repeat this | and repeat that | and repeat the loop | and repeat this loop | and repeat that loop | ' +
    'and repeat the route | and repeat this route | and repeat the whole thing | and repeat the cycle | and repeat this cycle | ' +
    'and repeat this loop forever | and repeat the loop forever | and repeat forever | and repeat that forever | and repeat it forever | ' +
    'and keep do that loop forever | and keep do this loop forever | and keep do that forever | and keep do this forever | ' +
    'and keep repeat | and keep repeat it | and keep repeat that | and do it again and again | and loop forever | and keep loop | ' +
    'on repeat | in a loop forever | in an endless loop', { kind: 'repeat' }],
  // "get out of the red zone right away": being there no more. ("leave" alone is also what a train does to a crossing.)
  ['get out of | go out of | move out of | step out of | fly out of | back out of', { kind: 'unary', wraps: [NOT], goal: true }],
  // "don't leave the dock until there's a new order": staying there.
  ['do not leave | never leave | must not leave | shall not leave | should not leave | may not leave | cannot leave | can not leave | ' +
    'do not ever leave | never ever leave', goalUnary([G])],
  // Framing: what comes before names who must see to the requirement, not part of it.
  ['ensure that | guarantee that | make sure that | require that | be require that | demand that | must hold that | ' +
    'it be guarantee that | it be ensure that | it be required that | it must be ensure that | ' +
    'shall hold that | should hold that | hold that | requirement be that | property be that | rule be that | goal be that | ' +
    'specification be that | state that | specify that | mandate that | make sure | ensure | ' +
    // A grader's or a reviewer's words about the property: "Your formula should say that ...".
    'your formula should say that | the formula should say that | your formula must say that | the formula must say that | ' +
    'this spec should require that | the spec should require that | this specification should require that | this spec must require that | ' +
    'i need a formula for | give me a formula for | write a formula for | i need a formula saying that | i need a formula that say | ' +
    // A question asking how to write the property: "How do I express that whenever p holds, ...?"
    'how do i express that | how can i express that | how do i say that | how can i say that | how do i write that | how can i write that | ' +
    'express in ltl that | formalise that | formalize that | express that | ' +
    'how do i write in ltl that | how do i express in ltl that | how do i say in ltl that | how can i write in ltl that | how to write in ltl that | ' +
    'how do i specify that | how can i specify that | how would i express that | how would i write that | how do you express that | ' +
    'how to express that | how to say that | how to write that | how to specify that | i want to express that | i want to say that | ' +
    'i want to specify that | i need to express that | i need to specify that | write a formula saying that | write a formula say that | ' +
    'write a formula expressing that | write a formula express that | give a formula saying that | write an ltl formula saying that | ' +
    'using ltl , state that | using ltl state that | in ltl , state that | in ltl state that', { kind: 'lead' }],
  ['never reach a state where | never reach a state in which | never get to a state where | never get into a state where | ' +
    'never enter a state where | never be in a state where', { kind: 'lead', wraps: [G, NOT] }],
  ['eventually reach a state where | eventually reach a state in which | eventually get to a state where | there be at least one position at which | ' +
    'there be a position at which | there be some position at which | there be a step at which | there be some step at which | ' +
    'there be at least one step at which | there be a state in which | there be some state in which', { kind: 'lead', wraps: [F] }],
  ['there be a state after which | there be a point after which | there be a moment after which | there be a time after which',
    { kind: 'lead', wraps: [F, G] }],
  // No meaning of their own.
  // Chatty openers and politeness: "hey robot, can you head over to the coffee shop please".
  ['hey robot | hey drone | hey there | hey | hi robot | hi drone | ok robot | okay robot | robot pls | robot please | drone pls | ' +
    'can you | could you | would you | will you | pls | plz | kindly | thanks | thank you | ' +
    // Speech ("um" and the like go before: reader.ts, withoutFillers), and "let's".
    'okay so | ok so | let s | let us | sorry | you know | mate', { kind: 'ignore' }],
  // "visit berth 2 exactly once during the shift": the mission is the shift.
  ['during the reception | during the game | during the event | during the party | during the match | during the ceremony | ' +
    'during the shift | during your shift | during the route | during the mission | during the tour | during the trip | during the run | ' +
    'during the patrol | during the night | during the day | during the task | during this shift | during the round | during this run | ' +
    'during the race | during the show | during the survey | during the flight | ' +
    'during the dive | ' +
    'during this mission', { kind: 'ignore' }],
  // Path quantifiers: every linear-time formula speaks of every execution already ("err is true in at most one state
  // of the run").
  // Asides that frame the next words: "Suppose the robot must go to ...", "Separately, it must never ...".
  ['suppose that | suppose | separately | separately ,', { kind: 'ignore' }],
  ['whatever happen | no matter what happen | in every execution | on every path | on all paths | on every computation path | ' +
    'on all computation paths | in all executions | of the run | of the trace | of the execution | of any run | of every run | ' +
    'on every run | in every run | on any run | along every run | along the run | in any execution | along the whole trace | along the trace | ' +
    'in the whole trace | of the whole trace | over the whole trace | in the entire trace | of the entire trace | ' +
    'in the trace | on the trace | in the run', { kind: 'ignore' }],
  // Obligations: nothing of their own, but they mark a requirement, which holds at every moment.
  ['must | should | shall | have to | has to | need to | needs to | be required to | ought to | be supposed to | ' +
    'you should | you must | you need to | you have to | you will | i need you to | i want you to | i would like you to | ' +
    // "im gonna grab coffee at Dunkin, then go to work": the speaker's own plan is the route asked for.
    'i going | i be go to | i be going to | i want to | i would like to | i need to | we want to | we would like to | we need to | ' +
    'we be go to | we be going to', { kind: 'ignore', obligation: true }],
  // The first moment is where a formula is read (so a condition at it is no rule for every moment), and "as well"
  // adds nothing.
  ['in the first step | in the first state | at the first step | initially | at the start | at the beginning | in the initial state | ' +
    'at the first position | in the first position | ' +
    'at time zero | at time 0 | now | right now | at this moment | at startup | at start-up | on startup | at power-up | on power-up', { kind: 'ignore', initial: true }],
  // "q is true at time 1": time 0 is now, and time counts steps (after the line above, so "at time 0" stays the first moment).
  ['at time #n | at time step #n | at step #n', unary([{ op: 'next', lo: 'n0', steps: true }])],
  ['as well | too | in a step', { kind: 'ignore' }],
  ['will | be expected to | be guaranteed to', { kind: 'ignore', obligation: true }],
  // "p never happens again after q": again repeats nothing the formula does not say.
  // "b will not happen again": never again.
  ['again | ever again', { kind: 'ignore', again: true }],
  ['toggle | alternate | flip | alternate between true and false | toggle between true and false | flip between true and false | ' +
    'alternate between on and off | toggle between on and off | flip between on and off | hold alternately | be true alternately | occur alternately | ' +
    'be true in alternating states | hold in alternating states | be true in alternate states | hold in alternate states | ' +
    'take turns | change value at every step | change its value at every step', { kind: 'alternate' }],
  ['be the same | be equal | be equivalent | have the same value | be identical | be both true or both false | have the same truth value | ' +
    'agree', { kind: 'same' }],
  ['would | can | could | may | might | make sure to | ' +
    'it be the case that | either | the case that | it hold that | it be true that | true that | that | please', { kind: 'ignore' }],
];

export const timeUnits: ReadonlySet<string> = new Set([
  'step', 'steps', 'time step', 'time steps', 'timestep', 'timesteps', 'time point', 'time points', 'timepoint', 'timepoints', 'time unit', 'time units', 'unit', 'units', 'second', 'seconds', 's', 'sec', 'secs',
  'ms', 'millisecond', 'milliseconds', 'minute', 'minutes', 'min', 'mins', 'hour', 'hours', 'h', 'cycle', 'cycles', 'tick', 'ticks',
  'moment', 'moments', 'instant', 'instants', 'state', 'states', 'time', 'times', 'day', 'days', 'iteration', 'iterations',
]);

/** Units that count samples of a discrete trace, so "three steps later" is X X X rather than F[3,3]. */
export const stepUnits: ReadonlySet<string> = new Set(['step', 'steps', 'time step', 'time steps', 'timestep', 'timesteps', 'time point', 'time points', 'timepoint', 'timepoints', 'state', 'states', 'cycle', 'cycles', 'tick', 'ticks', 'iteration', 'iterations', 'moment', 'moments', 'instant', 'instants']);
