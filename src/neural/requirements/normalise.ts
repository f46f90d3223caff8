// The rewrites of a requirement's words into the shapes the reader (reader.ts) reads: each a small function of the
// words, from what a message says besides the requirement (greetings, reasons, asides) to phrasings the grammar
// reads another way ("keep the rover out of the canyon" as "keep out of the canyon"). Words in, words out: the
// reading itself is reader.ts's.
import { isStateWord, nounLike } from './content';
import { taskVerbs, timeUnits } from './cues';
import { banBetweenSteps, notFirstSaidAfter, orderSaidAfter, twoOrdersBanned } from './orders';
import { inPhrase, inserted, isNounPhrase } from './wordEdits';
import type { Word } from './words';

/**
 * "visit the bakery the pharmacy and the post office": a list of places typed without commas. Before the list's "and"
 * or "or", an article right after a noun starts the next place, so it gets the comma the writer left out; only after
 * a verb of going ("give the dog the bone" names two things, not a list).
 */
export function unpunctuatedList(words: readonly Word[]): Word[] {
  const lastJoin = words.reduce((at, w, k) => (['and', 'or'].includes(w.norm) ? k : at), -1);
  const going = (k: number): boolean => {
    let j = k - 1;
    while (j >= 0 && (nounLike.has(words[j]!.pos) || words[j]!.norm === ',')) j--;
    return j >= 0 && ['visit', 'to', 'reach', 'patrol', 'survey', 'inspect', 'between', 'through', 'avoid', 'around', 'over', 'past', 'check'].includes(words[j]!.lemma);
  };
  return words.flatMap((w, k): Word[] => {
    const listed = k < lastJoin && w.norm === 'the' && w.pos === 'DET' && ['NOUN', 'PROPN'].includes(words[k - 1]?.pos ?? '') && going(k);
    return listed ? [inserted(',', ',', 'PUNCT', w.start), w] : [w];
  });
}

/** What speakers say while they think, which transcripts keep: no word of the requirement. */
const fillers: ReadonlySet<string> = new Set(['um', 'uh', 'umm', 'uhh', 'er', 'erm', 'hmm', 'yeah', 'basically']);

/**
 * "keep going between, um, the east corridor and ...": the fillers out, with the commas that set them off; and a
 * restart around one ("until, um, until it stops raining", "if you, uh, if you ever ...") said once.
 */
function withoutFillers(words: readonly Word[]): Word[] {
  const out: Word[] = [];
  // "like", "so", "okay" are fillers only where speech puts them: set off by commas, or opening the sentence.
  const comma = (k: number) => words[k]?.norm === ',';
  const filler = (k: number) =>
    // ("ER" in capitals is the emergency room.)
    (fillers.has(words[k]!.norm) && !(words[k]!.norm === 'er' && words[k]!.text !== 'er')) ||
    (words[k]!.norm === 'like' && (comma(k - 1) || comma(k + 1))) ||
    (['so', 'okay', 'ok', 'right'].includes(words[k]!.norm) && (k === 0 || (out.length === 0 && comma(k - 1))) && (comma(k + 1) || words[k]!.norm === 'so')) ||
    // ", okay, and ...", "..., okay?"
    (['okay', 'ok'].includes(words[k]!.norm) && comma(k - 1) && (comma(k + 1) || k === words.length - 1 || ['?', '.', '!'].includes(words[k + 1]!.norm)));
  for (let k = 0; k < words.length; k++) {
    // "don't, don't go", "or, or level four": a word said again after a comma, once.
    if (comma(k) && k > 0 && out.length > 0 && out[out.length - 1]!.norm === words[k + 1]?.norm && /^[a-z]{2,}/.test(words[k + 1]!.norm)) {
      out.pop();
      continue;
    }
    if (!filler(k)) {
      out.push(words[k]!);
      continue;
    }
    // "between, um, the", "the, uh, radiology": the commas go with the filler.
    if (words[k + 1]?.norm === ',') k++;
    if (out[out.length - 1]?.norm === ',') out.pop();
    // The words before the filler said again right after it: once.
    for (let n = 3; n >= 1; n--) {
      const again = out.length >= n && Array.from({ length: n }, (_, i) => out[out.length - n + i]!.norm === words[k + 1 + i]?.norm).every(Boolean);
      if (again) {
        out.splice(out.length - n, n);
        break;
      }
    }
  }
  return out;
}

/** How speakers take back what they just said: "gate 12, no wait, gate 14", "the information desk, actually no, ...". */
const corrections: readonly string[][] = [['actually', 'no'], ['no', 'actually'], ['no', 'wait'], ['no', 'sorry', 'i', 'meant'], ['no', 'sorry', 'i', 'mean'], ['sorry', 'i', 'meant'], ['sorry', 'i', 'mean'], ['no', 'sorry'], ['i', 'meant'], ['i', 'mean']];

/**
 * "take me to the information desk, actually no, the lost and found office": the place said again replaces the one
 * before it (the noun phrase right before the correction), so only the corrected place is read.
 */
function corrected(words: readonly Word[]): Word[] {
  const nounPhrase = new Set(['NOUN', 'PROPN', 'NUM', 'ADJ', 'DET']);
  for (let m = 1; m < words.length; m++) {
    const marker = corrections.find((c) => c.every((t, i) => words[m + i]?.norm === t));
    if (!marker) continue;
    let after = m + marker.length;
    while (words[after]?.norm === ',') after++;
    if (!nounPhrase.has(words[after]?.pos ?? '')) continue;
    let start = m;
    while (start > 0 && words[start - 1]!.norm === ',') start--;
    const end = start;
    while (start > 0 && nounPhrase.has(words[start - 1]!.pos)) start--;
    if (start === end) continue;
    return corrected([...words.slice(0, start), ...words.slice(after)]);
  }
  return [...words];
}

/**
 * "go home and stay home", "go hallway, wait there": a place right after a verb of going is the place gone to ("go to
 * home"), "home" after a verb of staying the place stayed at ("stay at home").
 */
function placeAfterVerb(words: readonly Word[]): Word[] {
  const going = new Set(['go', 'come', 'return', 'head', 'get', 'drive', 'fly', 'walk', 'back']);
  const staying = new Set(['stay', 'remain', 'wait']);
  return words.flatMap((w, k): Word[] => {
    const before = words[k - 1]?.lemma ?? '';
    // Not said of a subject ("until the owner comes home", "has gone home"): that is an event of its own.
    const subject = ['NOUN', 'PROPN', 'AUX'].includes(words[k - 2]?.pos ?? '') || ['he', 'she', 'it', 'they'].includes(words[k - 2]?.norm ?? '');
    const home = w.norm === 'home' && (going.has(before) || staying.has(before));
    // "go hallway": a bare noun after "go" (a chat spelling of "go to the hallway").
    const bare = before === 'go' && words[k - 1]!.norm === 'go' && ['NOUN', 'PROPN'].includes(w.pos);
    if (!(home || bare) || subject) return [w];
    const to = going.has(before) ? 'to' : 'at';
    return [inserted(to, to, 'ADP', w.start), { ...w, pos: 'NOUN' }];
  });
}

/**
 * "Make at least two passes by the carousel", "do two separate runs over the ridge": trips counted by their number are
 * visits counted, "go by the carousel at least 2 times".
 */
function countedTrips(words: readonly Word[]): Word[] {
  const trips = new Set(['pass', 'passes', 'trip', 'trips', 'visit', 'visits', 'run', 'runs', 'lap', 'laps', 'sweep', 'sweeps']);
  const k = words.findIndex((w) => ['make', 'do', 'take'].includes(w.lemma));
  if (k < 0) return [...words];
  let at = k + 1;
  const atLeast = words[at]?.norm === 'at' && words[at + 1]?.norm === 'least';
  if (atLeast) at += 2;
  const count = words[at];
  if (count?.pos !== 'NUM' || !(count.value! >= 2)) return [...words];
  at++;
  if (['separate', 'different', 'distinct', 'full'].includes(words[at]?.norm ?? '')) at++;
  const preposition = words[at + 1];
  if (!trips.has(words[at]?.norm ?? '') || !['by', 'over', 'past', 'to', 'through', 'around', 'across', 'of', 'at', 'along'].includes(preposition?.norm ?? '')) return [...words];
  let end = at + 2;
  while (end < words.length && inPhrase(words[end])) end++;
  if (end === at + 2) return [...words];
  const there = words[end - 1]!.end;
  const word = (text: string, pos: string) => inserted(text, text, pos, there);
  return [...words.slice(0, k), inserted('go', 'go', 'VERB', words[k]!.start), ...words.slice(at + 1, end), word('at', 'ADP'), word('least', 'ADJ'), count, word('times', 'NOUN'), ...words.slice(end)];
}

/**
 * "The HVAC controller shall never run heating and cooling at the same time", "the arm never grips and rotates at the
 * same time", "The north-south and east-west signals shall never both be green": a subject's "never" before a
 * coordination said to hold together scopes over the whole clause, as "never the arm grips and rotates at the same
 * time" says, which the reader reads as never both.
 */
function neverTogether(words: readonly Word[]): Word[] {
  const never = words.findIndex((w) => w.norm === 'never');
  if (never <= 0) return [...words];
  const modals = new Set(['shall', 'must', 'should', 'will', 'may', 'can', 'could', 'would']);
  let subjectEnd = never;
  while (subjectEnd > 0 && modals.has(words[subjectEnd - 1]!.norm)) subjectEnd--;
  const subject = words.slice(0, subjectEnd);
  // (A hyphenated word's parts may be tagged anything: "north-south" is north/ADJ -/SYM south/ADV.)
  const hyphenated = (k: number) => subject[k]!.text === '-' || subject[k - 1]?.text === '-';
  const nounPhrase = isNounPhrase(subject, (w, k) => w.pos === 'CCONJ' || hyphenated(k));
  const rest = words.slice(never + 1).map((w) => w.norm).join(' ');
  const together = /\b(at the same time|simultaneously|at once)$/.test(rest) || /^both\b/.test(rest);
  if (!nounPhrase || !together || !words.some((w) => w.norm === 'and') || words.some((w) => [',', ';', 'if', 'when', 'while', 'until', 'unless'].includes(w.norm))) return [...words];
  return [words[never]!, ...subject, ...words.slice(never + 1)];
}

/**
 * "The headlamp should be on exactly when you are inside the tunnel, and off otherwise", "the bow light must be on
 * when we're in the lane, never otherwise": the state's opposite the rest of the time is what "exactly when" says,
 * so the last part goes and a plain "when" becomes "exactly when".
 */
function offOtherwise(words: readonly Word[]): Word[] {
  const lemmas = words.map((w) => w.lemma);
  const tail = /(^| )(, )?(and |but )?(be |stay |remain |keep it )?(off|never|false|not|low|closed|dark|out) (otherwise|at all other times|the rest of the time|at any other time)$/.exec(lemmas.join(' '));
  if (!tail) return [...words];
  const cut = lemmas.join(' ').slice(0, tail.index).split(' ').filter((x) => x !== '').length;
  const kept = words.slice(0, cut);
  const exactly = lemmas.slice(0, cut).join(' ').match(/\b(exactly when|precisely when|if and only if|iff|exactly while)\b/);
  if (exactly) return kept;
  const when = kept.findIndex((w) => ['when', 'whenever', 'while', 'if'].includes(w.norm));
  if (when <= 0) return [...words];
  return [...kept.slice(0, when), inserted('exactly', 'exactly', 'ADV', kept[when]!.start), { ...kept[when]!, text: 'when', norm: 'when', lemma: 'when' }, ...kept.slice(when + 1)];
}

/**
 * "Lion enclosure: off limits.", "Roof - forbidden": a place labelled with a ban, as a sign or a list writes it, is
 * the place said to be off limits.
 */
function labelledBan(words: readonly Word[]): Word[] {
  const mark = words.findIndex((w) => [':', '-', '—', '–'].includes(w.text));
  const label = words.slice(0, mark);
  if (mark < 1 || mark > 5 || !isNounPhrase(label)) return [...words];
  const ban = words.slice(mark + 1).map((w) => w.norm).join(' ');
  if (!/^(strictly |completely )?(off limits|off - limits|out of bounds|forbidden|prohibited|no go|no - go|not allowed|closed|restricted)( [.,;!]|$)/.test(ban)) return [...words];
  return [...label, inserted('is', 'be', 'AUX', words[mark]!.start), ...words.slice(mark + 1)];
}

/**
 * "fly to the ice cave, after go to the moraine, after come back to camp": "after" before a command's bare verb, as some
 * non-native speakers write it, is "then"; so is "after" with a place the sentence named before it ("avoid the farm
 * until you've been to the cafe. After the cafe go to the entrance").
 */
function afterAsThen(words: readonly Word[]): Word[] {
  const bare = (w: Word | undefined) => w?.pos === 'VERB' && w.norm === w.lemma && !w.norm.endsWith('ing');
  const out: Word[] = [];
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    const opens = w.norm === 'after' && [',', '.'].includes(words[k - 1]?.norm ?? '');
    // ("..., after to house number 9": so before the place gone to next.)
    if (opens && (bare(words[k + 1]) || words[k + 1]?.norm === 'to')) {
      out.push({ ...w, text: 'then', norm: 'then', lemma: 'then', pos: 'ADV' });
      continue;
    }
    let end = k + 1;
    while (inPhrase(words[end])) end++;
    const named = words.slice(k + 1, end).filter((x) => ['NOUN', 'PROPN'].includes(x.pos));
    const said = (x: Word) => words.slice(0, k).some((y) => y.norm === x.norm);
    if (opens && named.length > 0 && named.every(said) && bare(words[end])) {
      out.push({ ...w, text: 'then', norm: 'then', lemma: 'then', pos: 'ADV' });
      k = end - 1;
      continue;
    }
    out.push(w);
  }
  return out;
}

/** "go clean it", "come mop the hall": going to do work at a place is doing it there (the place is where it goes). */
function goAndDo(words: readonly Word[]): Word[] {
  return words.flatMap((w, k): Word[] => {
    if (['go', 'come'].includes(w.lemma) && taskVerbs.includes(words[k + 1]?.norm ?? '')) return [];
    return ['go', 'come'].includes(words[k - 1]?.lemma ?? '') && taskVerbs.includes(w.norm) ? [{ ...w, pos: 'VERB', lemma: w.norm }] : [w];
  });
}

/**
 * The specification patterns' scopes as exercises write them in prose, put the way the pattern catalogue reads them:
 * "In every segment that begins with q and ends with the next r, ..." and "In every interval from q to a later r, ..."
 * are "Between q and r, ..."; "From each q until the next r (or forever, if no r follows), ..." is "After q until r, ...".
 */
function scopeInProse(words: readonly Word[]): Word[] {
  const lemmas = words.map((w) => w.lemma);
  const text = lemmas.join(' ');
  const span = '(?:segment|interval|period|stretch|window)';
  const each = '(?:in|within|during) (?:every|each|any|all) ' + span + 's?';
  const next = '(?:the next |a later |a subsequent |the following |a |an |the )?';
  const between = [
    new RegExp(`^${each} (?:that |which )?(?:begin|start|open) (?:with|at) (?:a |an |the )?(\\S+) (?:and|,) (?:end|close|finish) (?:with|at) ${next}(\\S+) , `),
    new RegExp(`^${each} (?:that |which )?(?:be )?(?:open|start|begin) by (?:a |an |the )?(\\S+) and (?:be )?(?:close|end) by ${next}(\\S+) , `),
    new RegExp(`^${each} from (?:a |an |each |every )?(\\S+) to ${next}(\\S+) , `),
  ];
  const afterUntil = new RegExp(`^from (?:each|every|any|a) (\\S+) until ${next}(\\S+) (?:\\( or forever , if no \\S+ follow \\) )?, `);
  const found = (re: RegExp) => re.exec(text + ' ');
  const m = between.map(found).find((x) => x) ?? found(afterUntil);
  if (!m) return [...words];
  const used = m[0].trim().split(' ').length;
  const q = words[lemmas.findIndex((l) => l === m[1])]!;
  const r = words[lemmas.lastIndexOf(m[2]!, used - 1)]!;
  const at = words[0]!.start;
  const opening = m[0].startsWith('from') ? [inserted('after', 'after', 'ADP', at), q, inserted('until', 'until', 'ADP', at), r] : [inserted('between', 'between', 'ADP', at), q, inserted('and', 'and', 'CCONJ', at), r];
  // ("..., b must be true at least once before r": before the scope's own end, which the scope says.)
  const rest = words.slice(used);
  const last = rest.length - 1;
  const before = rest[last]?.lemma === m[2] ? (rest[last - 1]?.norm === 'before' ? last - 1 : rest[last - 1]?.norm === 'the' && rest[last - 2]?.norm === 'before' ? last - 2 : -1) : -1;
  return [...opening, inserted(',', ',', 'PUNCT', at), ...(before > 0 ? rest.slice(0, before) : rest)];
}

/**
 * "from any point where q holds, x must stay false ...", "any occurrence of a or of b must be followed ...", "every a
 * must be followed, at that point or later, by c": an exercise's ways of saying "whenever q holds", "every a or b" and
 * "followed by c" (which includes that point).
 */
function exerciseWording(words: readonly Word[]): Word[] {
  const norms = words.map((w) => w.norm);
  const text = norms.join(' ');
  // (At the start, or after a label: "Express in LTL: from any point where ...".)
  const colon = norms.indexOf(':');
  const from = colon >= 0 && colon <= 4 ? colon + 1 : 0;
  const whenever = /^(from|at) (any|every|each) (point|moment|position|step|state) (where|when|at which|in which) /.exec(norms.slice(from).join(' ') + ' ');
  if (whenever) return exerciseWording([...words.slice(0, from), inserted('whenever', 'whenever', 'SCONJ', words[from]!.start), ...words.slice(from + whenever[0].trim().split(' ').length)]);
  const occurrence = norms.findIndex((n, k) => ['occurrence', 'occurrences'].includes(n) && norms[k + 1] === 'of' && ['any', 'every', 'each', 'an', 'the'].includes(norms[k - 1] ?? ''));
  if (occurrence > 0) {
    const rest = words.slice(occurrence + 2).filter((w, k, ws) => !(w.norm === 'of' && ws[k - 1]?.norm === 'or'));
    return exerciseWording([...words.slice(0, occurrence), ...rest]);
  }
  const aside = /, (at that point or later|now or later|at that point or afterwards|then or later) ,/.exec(text);
  if (aside) {
    const start = text.slice(0, aside.index).trim().split(' ').length;
    return [...words.slice(0, start), ...words.slice(start + aside[0].split(' ').length)];
  }
  return [...words];
}

/**
 * "go round the garden in a loop: flower bed, then patio, then shed, and repeat that forever": an opening that only says
 * the round is a loop, which the rest says again.
 */
function loopOpening(words: readonly Word[]): Word[] {
  const colon = words.findIndex((w) => w.norm === ':');
  if (colon < 2 || colon > 7) return [...words];
  const said = words.slice(0, colon).map((w) => w.lemma).join(' ');
  const loop = /^(?:(?:go|fly|drive|move|walk) (?:a)?round(?: the \S+(?: \S+)?)? in a (?:loop|circle|circuit)|do (?:a|this) (?:loop|round|circuit)|(?:go|fly|drive) in a (?:loop|circle))$/.test(said);
  return loop ? words.slice(colon + 1) : [...words];
}

/** The words that make a sentence a ban, for the rewrites below that only apply to one. */
const banWords: ReadonlySet<string> = new Set(['not', 'never', 'avoid']);

/**
 * "the robot must not pass the reception before": a ban that ends with a bare "before", in a mission, is one on the way
 * to its goal.
 */
function bareBefore(words: readonly Word[]): Word[] {
  const last = words.length - 1;
  const banned = words.some((w) => banWords.has(w.norm));
  if (words[last]?.norm !== 'before' || !banned || !['NOUN', 'PROPN', 'NUM'].includes(words[last - 1]?.pos ?? '')) return [...words];
  const at = words[last]!.start;
  return [...words.slice(0, last), inserted('on', 'on', 'ADP', at), inserted('the', 'the', 'DET', at), inserted('way', 'way', 'NOUN', at)];
}

/**
 * "dont go to the reef ever", "go to a but do not pass by table 3": an "ever" said after a ban for emphasis adds nothing
 * to it; a ban on passing a place, in a mission that goes somewhere, is one on the way there ("without passing").
 */
function banWording(words: readonly Word[]): Word[] {
  const banned = (k: number) => words.slice(0, k).some((w) => banWords.has(w.norm));
  const out = words.filter((w, k) => !(w.norm === 'ever' && (k === words.length - 1 || [',', '.'].includes(words[k + 1]!.norm)) && ['NOUN', 'PROPN', 'NUM'].includes(words[k - 1]?.pos ?? '') && banned(k)));
  const norms = out.map((w) => w.norm);
  const pass = norms.findIndex((n, k) => n === 'pass' && norms[k - 1] === 'not' && norms[k - 2] === 'do' && k > 3);
  const going = norms.slice(0, Math.max(pass, 0)).some((n) => ['go', 'get', 'reach', 'head', 'fly', 'drive'].includes(n));
  // (Not a ban that says its own scope: "don't pass the bank until ...", "on the way don't pass through reception".)
  const scoped = norms.some((n) => ['until', 'till', 'before', 'way', 'unless', 'while'].includes(n));
  if (pass < 0 || !going || scoped) return out;
  const from = ['but', 'and'].includes(norms[pass - 3] ?? '') ? pass - 3 : pass - 2;
  const by = ['by', 'through', 'thru', 'over'].includes(norms[pass + 1] ?? '') ? pass + 2 : pass + 1;
  const at = out[from]!.start;
  return [...out.slice(0, from), inserted('without', 'without', 'ADP', at), inserted('passing', 'pass', 'VERB', at), ...out.slice(by)];
}

/**
 * "please keep patrolling living room, porch and attic", "first the food court, second cinema, third parking garage":
 * a "please" that opens the sentence asks for nothing itself, and places counted off ("second", "third") are steps in
 * turn.
 */
function missionWording(words: readonly Word[]): Word[] {
  const from = ['please', 'pls', 'plz', 'kindly'].includes(words[0]?.norm ?? '') && words.length > 2 ? 1 : 0;
  const ordinal = (k: number) => ['second', 'third', 'fourth', 'fifth', 'last', 'lastly'].includes(words[k]!.norm) && words[k - 1]?.norm === ',' && words.slice(0, k).some((w) => w.norm === 'first');
  return words.slice(from).map((w, k) => (ordinal(k + from) ? { ...w, text: 'then', norm: 'then', lemma: 'then', pos: 'ADV' } : w));
}

/**
 * "grant is only ever true when req was true ...", "the heater may only run if the door is shut": an "only" before the
 * state or verb belongs to the condition after it ("true only when"), so the condition is what the state needs.
 */
function onlyBeforePredicate(words: readonly Word[]): Word[] {
  const k = words.findIndex((w, i) => w.norm === 'only' && i > 0);
  if (k < 0) return [...words];
  const ever = words[k + 1]?.norm === 'ever' ? 1 : 0;
  const predicate = words[k + 1 + ever];
  const condition = words[k + 2 + ever];
  const state = predicate !== undefined && (['ADJ', 'VERB'].includes(predicate.pos) || ['true', 'false', 'on', 'off', 'high', 'low'].includes(predicate.norm));
  if (!state || !['when', 'if', 'while', 'whenever'].includes(condition?.norm ?? '')) return [...words];
  return [...words.slice(0, k), predicate, words[k]!, ...words.slice(k + 2 + ever)];
}

/**
 * "I want the drone to keep flying ...", "we need the robot to go ...": the one asked to do it, named before the
 * command, is addressed as "you" is ("I want you to ...").
 */
function wantedOfAgent(words: readonly Word[]): Word[] {
  const wants = ['i', 'we'].includes(words[0]?.norm ?? '') && ['want', 'need'].includes(words[1]?.lemma ?? '') && ['the', 'my', 'our', 'this'].includes(words[2]?.norm ?? '');
  if (!wants) return [...words];
  let k = 3;
  while (k < words.length && k < 6 && ['NOUN', 'PROPN'].includes(words[k]!.pos)) k++;
  return k > 3 && words[k]?.norm === 'to' && words[k + 1]?.pos === 'VERB' ? words.slice(k + 1) : [...words];
}

/**
 * "keep going from the returns desk to the fiction shelves, forever": a trip kept up between two places is going back
 * and forth between them.
 */
function tripKeptUp(words: readonly Word[]): Word[] {
  const k = words.findIndex((w, i) => w.lemma === 'keep' && words[i + 1]?.pos === 'VERB' && words[i + 1]!.norm.endsWith('ing') && words[i + 2]?.norm === 'from');
  if (k < 0) return [...words];
  const to = words.findIndex((w, i) => i > k + 3 && w.norm === 'to');
  let end = to + 1;
  while (inPhrase(words[end])) end++;
  if (to < 0 || !isNounPhrase(words.slice(k + 3, to)) || !isNounPhrase(words.slice(to + 1, end))) return [...words];
  const at = words[k + 2]!.start;
  const between = ['back', 'and', 'forth', 'between'].map((t) => inserted(t, t, t === 'and' ? 'CCONJ' : t === 'between' ? 'ADP' : 'ADV', at));
  return [...words.slice(0, k + 2), ...between, ...words.slice(k + 3, to), inserted('and', 'and', 'CCONJ', words[to]!.start), ...words.slice(to + 1)];
}

/** "the AGV shall then remain stopped": a "then" after a modal orders the main clause's own parts, as "and" does. */
function modalThen(words: readonly Word[]): Word[] {
  return words.filter((w, k) => !(w.norm === 'then' && ['shall', 'must', 'will', 'should'].includes(words[k - 1]?.norm ?? '') && k > 2));
}

/**
 * "you need to go to cell 3 after": "after" with nothing after it is "afterwards"; "slow down right after" is
 * "immediately afterwards", the next step.
 */
function afterAtTheEnd(words: readonly Word[]): Word[] {
  const last = words.length - 1;
  // (In a response only: "whenever p, then q right after".)
  const response = words.some((w) => ['whenever', 'when', 'if', 'once', 'every', 'each'].includes(w.norm));
  if (words[last]?.norm === 'after' && ['right', 'immediately', 'straight', 'directly'].includes(words[last - 1]?.norm ?? '') && last > 2 && response) {
    const at = words[last - 1]!.start;
    return [...words.slice(0, last - 1), inserted('immediately', 'immediately', 'ADV', at), inserted('afterwards', 'afterwards', 'ADV', at)];
  }
  // (After a place: not "stays true forever after", "in the next step or the step after".)
  const place = ['NOUN', 'PROPN', 'NUM'].includes(words[last - 1]?.pos ?? '') && !['step', 'moment', 'state', 'position', 'cycle', 'one', 'time', 'tick'].includes(words[last - 1]!.lemma);
  return words[last]?.norm === 'after' && last > 2 && place ? [...words.slice(0, last), { ...words[last]!, text: 'afterwards', norm: 'afterwards', lemma: 'afterwards', pos: 'ADV' }] : [...words];
}

/**
 * "First region b, then region c. Do not go in c before you visited b.": a letter or number said alone, where the
 * sentence named it before with a noun ("region c"), is that place again.
 */
function namedAgainShort(words: readonly Word[]): Word[] {
  const indexed = (w: Word | undefined) => w !== undefined && /^([a-z]|\d+)$/.test(w.norm);
  const named = new Map<string, Word>();
  const out: Word[] = [];
  words.forEach((w, k) => {
    const noun = words[k - 1];
    // (A noun, not a verb the tagger reads as one: "q releases p: p must hold ...".)
    if (indexed(w) && noun?.pos === 'NOUN' && !indexed(noun) && !/s$/.test(noun.norm)) named.set(w.norm, noun);
    // (Said where a place goes: after a verb or a preposition, "go in c", "you visited b".)
    const alone = indexed(w) && ['ADP', 'VERB'].includes(noun?.pos ?? '') && named.has(w.norm);
    if (alone) out.push({ ...named.get(w.norm)!, start: w.start, end: w.start });
    out.push(w);
  });
  return out;
}

/**
 * "heartbeat lost -> failover in <= 5s": an arrow typed between clauses (words.ts reads it as "implies") is a rule, as
 * a bullet's is: "whenever heartbeat lost, failover ..."; between two letters ("a -> b") it stays an implication.
 */
function arrowRule(words: readonly Word[]): Word[] {
  const arrow = words.findIndex((w) => w.norm === 'implies' && ['->', '=>'].includes(w.text));
  if (arrow < 2 || words.slice(0, arrow).some((w) => ['if', 'when', 'whenever', 'always', 'globally'].includes(w.norm))) return [...words];
  return [inserted('whenever', 'whenever', 'SCONJ', words[0]!.start), ...words.slice(0, arrow), inserted(',', ',', 'PUNCT', words[arrow]!.start), ...words.slice(arrow + 1)];
}

/**
 * "Every req is eventually followed by an ack, which in turn is eventually followed by a grant": a relative clause that
 * follows the response on is the chain's next step, "followed by an ack and then by a grant".
 */
function followedInTurn(words: readonly Word[]): Word[] {
  const lemmas = words.map((w) => w.lemma);
  const which = lemmas.findIndex((l, k) => ['which', 'that', 'itself'].includes(l) && lemmas.slice(0, k).includes('follow'));
  if (which < 0) return [...words];
  let k = which + 1;
  if (lemmas[k] === 'in' && lemmas[k + 1] === 'turn') k += 2;
  if (lemmas[k] !== 'be') return [...words];
  k++;
  while (['eventually', 'then', 'later', 'in', 'turn', 'always', 'itself'].includes(lemmas[k] ?? '')) k++;
  if (lemmas[k] !== 'follow' || lemmas[k + 1] !== 'by') return [...words];
  const start = words[which - 1]?.norm === ',' ? which - 1 : which;
  const at = words[which]!.start;
  return [...words.slice(0, start), inserted('and', 'and', 'CCONJ', at), inserted('then', 'then', 'ADV', at), ...words.slice(k + 1)];
}

/**
 * "whenever room 302 calls, go there", "whenever a customer is waiting at the front desk, go there": "there" after the
 * command's verb of going is the place the condition names ("go to room 302", "go to the front desk").
 */
function thereInCondition(words: readonly Word[]): Word[] {
  // (Or "every time": its condition opens a word later.)
  const opens = ['every', 'each'].includes(words[0]?.norm ?? '') && words[1]?.norm === 'time' ? 1 : 0;
  if (!['whenever', 'when', 'if', 'once'].includes(words[0]?.norm ?? '') && opens === 0) return [...words];
  const comma = words.findIndex((w) => w.norm === ',');
  if (comma < 2) return [...words];
  // The condition's subject: up to its verb, or all but its last word ("room 302 calls", which the tagger reads as
  // a verb, a number and a noun).
  // A place the condition names after "at" or "in" comes first ("whenever a customer is waiting at the front desk").
  const verb = words.findIndex((w, k) => k > 1 + opens && k < comma && (w.pos === 'AUX' || (w.pos === 'VERB' && w.norm !== w.lemma)));
  const condition = words.slice(0, comma).map((w) => w.norm);
  const at = Math.max(...['at', 'in', 'near', 'by'].map((p) => condition.lastIndexOf(p)));
  const place = (at > 0 && isNounPhrase(words.slice(at + 1, comma)) ? words.slice(at + 1, comma) : words.slice(1 + opens, verb > 0 ? verb : comma - 1)).filter((w) => w.pos !== 'DET');
  const named = place.length > 0 && place.some((w) => ['NOUN', 'PROPN', 'NUM'].includes(w.pos)) && place.every((w) => inPhrase(w) || (w.pos === 'VERB' && w.norm === w.lemma));
  // (The command's own "there", after at most a subject and a modal: "whenever room 302 calls, go there", "..., robot
  // should go there"; not "..., and avoid the basement until it gets there".)
  const before = (w: Word) => ['DET', 'NOUN', 'PROPN'].includes(w.pos) || ['then', 'please', 'should', 'must', 'shall', 'will', 'you', 'need', 'to'].includes(w.norm);
  // ("whenever the kitchen is dirty, go clean it": "it" after work done at a place is that place too.)
  const there = words.findIndex((w, k) => k > comma && k <= comma + 5 && (w.norm === 'there' || (w.norm === 'it' && taskVerbs.includes(words[k - 1]!.lemma))));
  const going = ['go', 'head', 'fly', 'drive', 'rush', 'hurry'].includes(words[there - 1]?.lemma ?? '');
  if (!named || there < 0 || !(going || words[there]!.norm === 'it') || !words.slice(comma + 1, there - 1).every(before)) return [...words];
  const start = words[there]!.start;
  const to = words[there]!.norm === 'there' ? [inserted('to', 'to', 'ADP', start)] : [inserted('the', 'the', 'DET', start)];
  return [...words.slice(0, there), ...to, ...place.map((w) => ({ ...w, start, end: start })), ...words.slice(there + 1)];
}

/**
 * "grab the costumes from wardrobe and take them to stage four", "get me cough syrup from the pharmacy": where a thing
 * is fetched from is a place gone to ("go to wardrobe and take them to stage four"); so is where a thing is left or
 * brought ("leave the package at the front porch", "bring the mic stand to the stage").
 */
function fetchedFrom(words: readonly Word[]): Word[] {
  const out = [...words];
  const fetching = ['grab', 'get', 'fetch', 'collect', 'pick', 'retrieve'];
  // (Not "put the red block in the blue bin": a block picked and placed is a place visited, as the writers put it.)
  const leaving = ['leave', 'drop', 'deliver', 'bring', 'carry', 'take'];
  for (let k = 0; k < out.length; k++) {
    const phrasal = ['pick', 'drop'].includes(out[k]!.lemma) && ['up', 'off'].includes(out[k + 1]?.norm ?? '') ? 2 : 1;
    // (A command's verb: first, or after "and", "then", "please" or a comma; not "the robot must collect data from ...".
    // A thing brought somewhere is brought there whoever is told to: "the robot should bring towels to room 305".)
    const verb = out[k]!.lemma;
    const command = k === 0 || [',', 'and', 'then', 'please', 'pls', 'first'].includes(out[k - 1]!.norm) || (['have', 'need'].includes(out[k - 2]?.lemma ?? '') && out[k - 1]!.norm === 'to') || (leaving.includes(verb) && ['should', 'must', 'shall', 'will', 'to'].includes(out[k - 1]!.norm) && !['in', 'into', 'on', 'onto'].includes(out.slice(k + 1, k + 7).find((w) => w.pos === 'ADP')?.norm ?? ''));
    if (!command || ![...fetching, ...leaving].includes(verb) || (verb === 'pick' && phrasal === 1)) continue;
    let from = k + phrasal;
    while (from < out.length && from - k - phrasal < 5 && (inPhrase(out[from]) || ['me', 'us'].includes(out[from]!.norm))) from++;
    // ("get fuel at the fuel dock": where a thing is got is a place gone to, as where it is got from.)
    const prepositions = fetching.includes(verb) ? ['from', 'at'] : ['at', 'to', 'in', 'into', 'on', 'onto'];
    const place = inPhrase(out[from + 1]) || out[from + 1]?.norm === 'either';
    if (from === k + phrasal || !prepositions.includes(out[from]?.norm ?? '') || !place) continue;
    const at = out[k]!.start;
    out.splice(k, from - k + 1, inserted('go', 'go', 'VERB', at), inserted('to', 'to', 'ADP', at));
  }
  return out;
}

/**
 * "Keep the rover out of the canyon until ...", "keep the drone away from the crowd": what the command keeps out of a
 * place is the one it speaks to, so it keeps out of the place (and stays in one it is kept inside).
 */
function keptOut(words: readonly Word[]): Word[] {
  const k = words.findIndex((w) => w.lemma === 'keep');
  if (k < 0) return [...words];
  let end = k + 1;
  while (end < words.length && end - k <= 4 && (['DET', 'ADJ', 'NOUN', 'PROPN'].includes(words[end]!.pos) || ['it', 'them', 'yourself'].includes(words[end]!.norm))) end++;
  const away = [words[end]?.norm, words[end + 1]?.norm].join(' ');
  // ("Keep the boat inside the channel markers": kept in a place, it stays there.)
  if (end > k + 1 && ['inside', 'within'].includes(words[end]?.norm ?? '')) return [...words.slice(0, k), { ...words[k]!, text: 'stay', norm: 'stay', lemma: 'stay' }, ...words.slice(end)];
  if (end === k + 1 || !['out of', 'away from', 'clear of', 'well clear of'].some((p) => away.startsWith(p))) return [...words];
  return [...words.slice(0, k + 1), ...words.slice(end)];
}

/**
 * "keep the lights on", "Keep the floodlights on; ...": a state a command keeps, with nothing said of how long, is kept
 * always ("always keep the lights on"), not reached once. A time said for it ("until", "while", "forever") reads as it is.
 */
function keptState(words: readonly Word[]): Word[] {
  const ends = [',', ';', '.', 'and', 'but', 'then'];
  const out = [...words];
  for (let k = out.length - 1; k >= 0; k--) {
    if (out[k]!.lemma !== 'keep' || !(k === 0 || [',', ';', '.', 'and', 'please', 'pls'].includes(out[k - 1]!.norm))) continue;
    // ("Whenever you're inside the tunnel, keep the headlights on": under a condition, at its moments.)
    if (out.slice(0, k).some((w) => ['if', 'when', 'whenever', 'while', 'once', 'during', 'as'].includes(w.norm))) continue;
    let j = k + 1;
    while (j < out.length && j - k <= 4 && (['DET', 'NOUN', 'PROPN'].includes(out[j]!.pos) || ['it', 'them', 'your', 'its', 'their', 'all'].includes(out[j]!.norm))) j++;
    const state = out[j];
    if (j === k + 1 || !state || !isStateWord(state) || (j + 1 < out.length && !ends.includes(out[j + 1]!.norm))) continue;
    out.splice(k, 0, inserted('always', 'always', 'ADV', out[k]!.start));
  }
  return out;
}

/**
 * "Never go straight from the freezer into the loading bay", "Never go to the pool right after the sauna": a ban on
 * one place right after another is a ban at the next step after it ("whenever you are in the sauna, you must not be
 * in the pool in the next step").
 */
function neverStraightAfter(words: readonly Word[]): Word[] {
  const lemmas = words.map((w) => w.lemma);
  const ban = lemmas[0] === 'never' ? 1 : lemmas[0] === 'do' && lemmas[1] === 'not' ? 2 : 0;
  if (ban === 0) return [...words];
  let k = ban + (lemmas[ban] === 'ever' ? 1 : 0);
  const going = ['go', 'move', 'drive', 'fly', 'walk', 'head', 'come', 'travel', 'run', 'sail'];
  const right = ['straight', 'directly', 'right', 'immediately'];
  const nounPhrase = (ws: readonly Word[]) => isNounPhrase(ws, (w) => w.text === '-');
  let from: Word[] | undefined;
  let to: Word[] | undefined;
  if (going.includes(lemmas[k] ?? '')) {
    k++;
    if (right.includes(lemmas[k] ?? '')) k++;
    if (lemmas[k] === 'from') {
      const into = lemmas.findIndex((l, j) => j > k && ['into', 'to', 'onto'].includes(l));
      [from, to] = into > 0 ? [words.slice(k + 1, into), words.slice(into + 1)] : [];
    } else if (lemmas[k] === 'to') {
      const after = lemmas.findIndex((l, j) => j > k + 1 && right.includes(l) && lemmas[j + 1] === 'after');
      [to, from] = after > 0 ? [words.slice(k + 1, after), words.slice(after + 2)] : [];
    }
  }
  if (!from || !to || !nounPhrase(from) || !nounPhrase(to)) return [...words];
  const at = words[0]!.start;
  const word = (text: string, lemma: string, pos: string) => inserted(text, lemma, pos, at);
  return [
    word('whenever', 'whenever', 'SCONJ'), word('you', 'you', 'PRON'), word('are', 'be', 'AUX'), word('in', 'in', 'ADP'), ...from, word(',', ',', 'PUNCT'),
    word('you', 'you', 'PRON'), word('must', 'must', 'AUX'), word('not', 'not', 'PART'), word('be', 'be', 'AUX'), word('in', 'in', 'ADP'), ...to,
    word('in', 'in', 'ADP'), word('the', 'the', 'DET'), word('next', 'next', 'ADJ'), word('step', 'step', 'NOUN'),
  ];
}

/**
 * "The two processes are never in their critical sections at the same time", "Two transactions shall never hold the
 * lock at the same time": two things of one kind that open the sentence are the first and the second ("processes 1
 * and 2"), each with a proposition of its own.
 */
export function twoNamed(words: readonly Word[]): Word[] {
  const at = words[0]?.norm === 'the' ? 1 : 0;
  const [two, noun] = [words[at], words[at + 1]];
  // Not a time ("two steps after req"): counted units are no things.
  if (!two || !noun || two.value !== 2 || !/^(two|2)$/.test(two.norm) || noun.pos !== 'NOUN' || noun.lemma === noun.norm || timeUnits.has(noun.norm)) return [...words];
  const number = (text: string, value: number): Word => ({ text, norm: text, lemma: text, pos: 'NUM', start: two.start, end: two.end, value });
  return [...words.slice(0, at), noun, number('1', 1), inserted('and', 'and', 'CCONJ', two.end), number('2', 2), ...words.slice(at + 2)];
}

/**
 * "stay out of aisles 4 and 5", "patrol rooms 1, 2 and 3": a plural noun before a list of numbers names one place per
 * number, so each number gets the noun again ("aisle 4 and aisle 5").
 */
export function numberedList(words: readonly Word[]): Word[] {
  const out: Word[] = [];
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    out.push(w);
    // (A plural the lemmatiser does not know, "waypoints", by its s.)
    const singular = w.lemma !== w.norm ? w.lemma : /[^s]s$/.test(w.norm) ? w.norm.slice(0, -1) : undefined;
    const plural = w.pos === 'NOUN' && singular !== undefined && words[k + 1]?.pos === 'NUM';
    if (!plural) continue;
    // "neighbouring philosophers 1 and 2": the adjectives before the noun are each one's.
    let first = k;
    // (Not the verb of "keep inspecting turbines 1, 2 and 3": an -ing word after a verb is that verb's.)
    const modifier = (j: number) => words[j]!.pos === 'ADJ' || (words[j]!.pos === 'VERB' && /ing$/.test(words[j]!.norm) && words[j - 1]?.pos !== 'VERB');
    while (first > 0 && modifier(first - 1)) first--;
    const described = words.slice(first, k);
    // The list: numbers separated by commas and one "and"/"or" before the last, or by nothing ("rooms 1 3 7 and 9").
    let end = k + 1;
    const joined = (j: number) => words[j + 1]?.pos === 'NUM' && [',', 'and', 'or'].includes(words[j]?.norm ?? '');
    while (words[end + 1]?.pos === 'NUM' || joined(end + 1) || (words[end + 1]?.norm === ',' && joined(end + 2))) {
      end += words[end + 1]?.pos === 'NUM' ? 1 : joined(end + 1) ? 2 : 3;
    }
    if (end === k + 1) continue;
    out[out.length - 1] = { ...w, text: singular, norm: singular, lemma: singular };
    for (let j = k + 1; j <= end; j++) {
      if (words[j]!.pos === 'NUM' && j > k + 1) {
        if (words[j - 1]!.pos === 'NUM') out.push(inserted(',', ',', 'PUNCT', words[j]!.start));
        out.push(...described.map((d) => ({ ...d, start: words[j]!.start, end: words[j]!.start })));
        out.push({ ...w, text: singular, norm: singular, lemma: singular, start: words[j]!.start, end: words[j]!.start });
      }
      out.push(words[j]!);
    }
    k = end;
  }
  return out;
}

/**
 * "c holds until d holds, even if d never holds", "..., although d is not required to ever happen", "...; if b never
 * holds, a must hold forever": a last part that only says the awaited event may never come is the weak trailer the
 * cue table spells ", even if that never happens", whatever words restate the event, so it is read as that.
 */
function restatedWeakness(words: readonly Word[]): Word[] {
  const lemmas = words.map((w) => w.lemma);
  const waits = ['until', 'till', 'unless', 'before'].some((w) => lemmas.includes(w)) || lemmas.join(' ').includes('up to and include');
  if (!waits) return [...words];
  const says = (part: string): boolean => restates(part) || restates(part.replace(/^(and|but|or|just) /, ''));
  const restates = (part: string): boolean =>
    /^(even if|even when|even though) .*\b(never|not ever)\b/.test(part) ||
    /^(although|though|but|even though) .*\b(be not require to|need not|need never|do not have to|may never|might never|can never|be not guarantee to)\b/.test(part) ||
    /^whether or not\b/.test(part) ||
    // "..., if it ever is", "..., however long that takes", "..., where b need not occur at all".
    /^if (it|one|he|she|they|that|this) ever (be|do|happen|come|arrive|occur)\b/.test(part) ||
    /^however long (that|it) take\b/.test(part) ||
    // "..., even if that takes forever"; "...; b is not required to ever occur", "..., which is not required to happen".
    /^even if (that|it|this) take forever$/.test(part) ||
    /^(which|[a-z0-9_]+|the [a-z0-9_ ]{1,30}) (be not require to|need not|need never|do not have to|be not guarantee to) (ever )?(occur|happen|hold|come|arrive|become true|be true)( at all| ever)?$/.test(part) ||
    // "No scan, no vault.", "maybe clearance never come, then never enter".
    /^no [a-z]+ , no [a-z]+$/.test(part) ||
    /^(maybe|perhaps)\b.*\bnever\b/.test(part) ||
    /^where\b.*\b(need not|may not|might not|need never)\b/.test(part) ||
    // "...; without clearance it never departs": without the awaited event, what waits for it never comes.
    /^without\b.*\bnever\b/.test(part) ||
    /^(forever|for ever|indefinitely) if\b/.test(part) ||
    // "..., and stay locked forever if no reset ever occurs".
    /^(to )?(stay|remain|keep|be|hold)\b.{0,40}\b(forever|for ever|indefinitely) if\b/.test(part) ||
    // "The spraying might not finish today at all, in which case just never go in."
    /^[a-z0-9 ]*\b(might|may) not (finish|happen|come|arrive|occur|end)\b/.test(part) ||
    /^never ,? if\b/.test(part) ||
    /^if (no|nothing|none|nobody|no one)\b/.test(part) ||
    /^if .*\b(never|not ever|nobody ever|no one ever)\b/.test(part) ||
    // "the clearance may never come": the event may not happen, not a ban ("the door may never open" is one).
    /^[a-z0-9 ]*\b(may|might|could) never (come|happen|arrive|occur|be give|be grant|be receive)\b/.test(part);
  const weak = (k: number): Word[] => {
    const word = (text: string, lemma: string, pos: string): Word => inserted(text, lemma, pos, words[k]!.start);
    return [word(',', ',', 'PUNCT'), word('even', 'even', 'ADV'), word('if', 'if', 'SCONJ'), word('that', 'that', 'PRON'), word('never', 'never', 'ADV'), word('happens', 'happen', 'VERB')];
  };
  // "keep it reduced till docked (forever if never docked)": the same said in brackets at the end.
  const open = lemmas.lastIndexOf('(');
  if (open > 0 && lemmas[lemmas.length - 1] === ')' && lemmas.indexOf(')', open) === lemmas.length - 1 && says(lemmas.slice(open + 1, -1).join(' '))) {
    return [...words.slice(0, open), ...weak(open)];
  }
  // Parentheses group the clauses explain() writes, whose ", or forever if that never happens" the cue table reads.
  if (lemmas.includes('(')) return [...words];
  for (let cut = words.length - 1; cut > 0; cut--) {
    if (![',', ';', '.'].includes(words[cut]!.norm)) continue;
    if (!says(lemmas.slice(cut + 1).join(' '))) continue;
    return [...words.slice(0, cut), ...weak(cut)];
  }
  return [...words];
}

/**
 * "hold position until the fix is restored or the timer expires, and one of the two must eventually happen": a last
 * part that only says the awaited event does come says what "until" says already, so it goes.
 */
function restatedStrength(words: readonly Word[]): Word[] {
  const lemmas = words.map((w) => w.lemma);
  // (Not after "until and including", a release: tidy() makes "a R b, and a must come" a M b.)
  if ((!lemmas.includes('until') && !lemmas.includes('till')) || lemmas.includes('include')) return [...words];
  // ("..., and ack does arrive", "and r is guaranteed to show up": the event named again, in a word or two.)
  const event = '(one of (the two|them|these|those|the two event|both)|either( one)?( of them)?|such a (point|moment|state|step|time)|that (point|moment|event)|it|this|that|the latter|[a-z0-9_]+|the [a-z0-9_]+)';
  const comes = new RegExp(`^(and |but )?${event} (must |will |shall |should |do |be guarantee to |be guaranteed to |be sure to |have to )?(eventually |finally |at some point |also |really |definitely |certainly |surely )?(happen|occur|come|arrive|take place|be reach|show up|turn up)$`);
  // ("..., after that go wherever you want": freedom after the wait asks for nothing.)
  const free = /^(and )?(after that|then|afterwards|from then on|after it)? ?,? ?(you can |you may |feel free to )?(go|roam|wander|do) (wherever|anywhere|whatever)( you)?( want| like| please)?$/;
  for (let cut = words.length - 1; cut > 0; cut--) {
    if (![',', ';', 'and'].includes(words[cut]!.norm)) continue;
    const from = words[cut]!.norm === 'and' ? cut : cut + 1;
    const tail = lemmas.slice(from).join(' ');
    if (comes.test(tail) || free.test(tail)) return words.slice(0, cut);
  }
  return [...words];
}

/**
 * "1) go to shelf A 2) pick up the box 3) bring it to the station", "(1) ... (2) ...", "Step 1: ... Step 2: ...": numbered
 * steps, from 1 at the start of the sentence, each number then a command, are done in their order: ", then".
 */
function numberedSteps(words: readonly Word[]): Word[] {
  const markers: [number, number][] = [];
  for (let k = 0; k < words.length; k++) {
    const w = words[k]!;
    if (w.pos !== 'NUM' || w.value !== markers.length + 1 || ![')', '.', ':'].includes(words[k + 1]?.norm ?? '')) continue;
    const next = words[k + 2];
    if (!next || next.pos !== 'VERB' || next.lemma !== next.norm) continue;
    const start = ['(', 'step'].includes(words[k - 1]?.norm ?? '') ? k - 1 : k;
    if (markers.length === 0 && start !== 0) return [...words];
    markers.push([start, k + 2]);
  }
  if (markers.length < 2) return [...words];
  const out: Word[] = [];
  let from = 0;
  markers.forEach(([start, end], i) => {
    out.push(...words.slice(from, start));
    const at = words[start]!;
    if (i > 0) out.push(inserted(',', ',', 'PUNCT', at.start), inserted('then', 'then', 'ADV', at.start));
    from = end;
  });
  return [...out, ...words.slice(from)];
}

/**
 * "once busy becomes true it stays true forever": with no comma after the condition, a pronoun that opens the main
 * clause is where the condition ends.
 */
function pronounAfterCondition(words: readonly Word[]): Word[] {
  // (Also after a framing "that": "I want to say that whenever req is true it stays true ...".)
  const opener = ['once', 'when', 'whenever', 'if', 'after'];
  const at = opener.includes(words[0]?.norm ?? '') ? 0 : words.findIndex((w, i) => i > 0 && i < 8 && opener.includes(w.norm) && words[i - 1]!.norm === 'that');
  if (at < 0 || words.slice(at).some((w) => w.norm === ',')) return [...words];
  // (So does a command: "whenever a helicopter is landing dont be on the helideck".)
  const opensMain = (w: Word, i: number) => ['it', 'they', 'never'].includes(w.norm) || (w.norm === 'do' && ['not', 'nt', "n't"].includes(words[i + 1]?.norm ?? ''));
  const k = words.findIndex((w, i) => i > at + 2 && opensMain(w, i) && ['ADJ', 'VERB', 'NOUN', 'PROPN', 'ADV'].includes(words[i - 1]!.pos));
  return k < 0 ? [...words] : [...words.slice(0, k), inserted(',', ',', 'PUNCT', words[k]!.start), ...words.slice(k)];
}

/**
 * "The alarm, once triggered, remains active until ...", "the door, when open, must ...": a condition set off by commas
 * after the subject is the condition said first ("once triggered, the alarm remains active ..."), whose missing
 * subject the reader takes from the main clause.
 */
function frontedCondition(words: readonly Word[]): Word[] {
  const first = words.findIndex((w) => w.norm === ',');
  const subject = words.slice(0, first);
  const nounPhrase = first >= 1 && first <= 5 && isNounPhrase(subject);
  if (!nounPhrase || !['once', 'when', 'whenever', 'if', 'after', 'while'].includes(words[first + 1]?.norm ?? '')) return [...words];
  const second = words.findIndex((w, k) => k > first + 1 && w.norm === ',');
  if (second < 0 || second === words.length - 1) return [...words];
  return [...words.slice(first + 1, second + 1), ...subject, ...words.slice(second + 1)];
}

/**
 * "the nurses' station": a plural's possessive apostrophe, which the tagger keeps as a word of its own, is none; nor is
 * the comma that opens an aside right after a connective ("p holds and, from that moment on, q holds"), whose clause
 * the connective joins.
 */
function withoutStrayMarks(words: readonly Word[]): Word[] {
  // ("a or b (or both) is true": an inclusive or says so.)
  const aside = ['(', 'or', 'both', ')'];
  const opens = new Set(words.flatMap((_, k) => (aside.every((n, d) => words[k + d]?.norm === n) ? [k] : [])));
  const orBoth = (k: number) => [0, 1, 2, 3].some((d) => opens.has(k - d));
  const possessive = (w: Word, k: number) => w.text === "'" && /s$/.test(words[k - 1]?.norm ?? '') && ['NOUN', 'PROPN', 'ADJ'].includes(words[k + 1]?.pos ?? '');
  const afterConnective = (k: number) => words[k]?.norm === ',' && k > 0 && ['and', 'but', 'or'].includes(words[k - 1]!.norm);
  // (With the comma that closes a short aside: "and, from that moment on, q holds".)
  const closing = (k: number) => words[k]!.norm === ',' && [1, 2, 3, 4, 5, 6].some((d) => afterConnective(k - d) && !words.slice(k - d + 1, k).some((w) => w.norm === ','));
  return words.filter((w, k) => !possessive(w, k) && !afterConnective(k) && !closing(k) && !orBoth(k));
}

/** The rewrites of a sentence's words into the shapes the reader reads, in the order they apply. */
export const normalisations: ((words: readonly Word[]) => Word[])[] = [
  labelledBan,
  pronounAfterCondition,
  withoutFillers,
  corrected,
  withoutStrayMarks,
  placeAfterVerb,
  fetchedFrom,
  keptOut,
  keptState,
  neverStraightAfter,
  afterAsThen,
  countedTrips,
  neverTogether,
  frontedCondition,
  numberedSteps,
  restatedWeakness,
  restatedStrength,
  offOtherwise,
  orderSaidAfter,
  notFirstSaidAfter,
  twoOrdersBanned,
  arrowRule,
  followedInTurn,
  banBetweenSteps,
  banWording,
  scopeInProse,
  exerciseWording,
  onlyBeforePredicate,
  wantedOfAgent,
  tripKeptUp,
  modalThen,
  missionWording,
  loopOpening,
  bareBefore,
  goAndDo,
  thereInCondition,
  afterAtTheEnd,
  namedAgainShort,
];

/**
 * "Hi Marco, the tug should ... Regards, Dana", "Dear pilot team, ... Thanks, Priya": a message's greeting and its
 * sign-off are no part of what it asks for.
 */
export function withoutGreetings(words: readonly Word[]): Word[] {
  let from = 0;
  // ("Hi Marco,", "Hi!", "Hello team.")
  const comma = words.findIndex((w) => [',', '!', '.'].includes(w.norm));
  if (['hi', 'hello', 'hey', 'dear', 'greetings'].includes(words[0]?.norm ?? '') && comma > 0 && comma <= 4) from = comma + 1;
  let to = words.length;
  // "Thanks, Priya", "Many thanks, Tom", "Best, Ana", "Thank you very much for your help today": up to eight words after
  // the last sentence.
  // So are a last question about the formula ("What is the formula?") and a last word said for emphasis ("Ever.").
  const asides = /^(ever|never|ever again|at all|always|forever|always and forever|do not ever stop|do not stop|never stop|nonstop|non - stop|no stopping|no detours|whichever first|whichever first (does|do) not matter( to me)?|got it|simple as that|understood|like (on|at|in) the (very )?next (tick|step|move)|(does|do) not matter to me|(i 'm|i'm|i am) not fussed( which)?|not fussed which|what is the formula|what 's the formula|what would the formula be|is that right|is this right|is that correct|am i right|(i )?do not care which( one)?( first| comes first| you do first| goes first)?|(it )?(does|do) not matter which( one)?( first| comes first)?|one of them is enough|one is enough|either one is fine|either is fine|either one is ok|either is ok)$/;
  const signOff = (tail: readonly Word[]) =>
    asides.test(tail.filter((w) => w.pos !== 'PUNCT').map((w) => w.norm).join(' ')) ||
    ['thanks', 'thank', 'regards', 'cheers', 'sincerely', 'cordially', 'thx'].includes(tail[0]!.norm) ||
    (['many', 'kind', 'warm', 'best'].includes(tail[0]!.norm) && ['thanks', 'regards', 'wishes', ','].includes(tail[1]?.norm ?? ''));
  for (let k = words.length - 1; k > from; k--) {
    if (![',', '.', '!', '?', ';'].includes(words[k]!.norm)) continue;
    const tail = words.slice(k + 1);
    if (tail.length > 0 && tail.filter((w) => w.pos !== 'PUNCT').length <= 8 && signOff(tail)) to = k;
  }
  return words.slice(from, to);
}

/**
 * Ways of ordering commands said the other way round, put the way the grammar reads them: "Not until you've served
 * table 1 should you head into the kitchen" is "do not head into the kitchen until ..."; "Only after you've been to
 * the green classroom are you allowed on the playground" is "you are allowed on the playground only after ..."; "When
 * you're done with High Street, go to the depot" is "after visiting High Street, go to the depot" (a step of the
 * mission, not a response to it); a command ending "and stay" stays there.
 */
export function commandsInOrder(all: readonly Word[]): Word[] {
  // (The sentence's own full stop stays at its end.)
  let end = all.length;
  while (end > 0 && ['.', '!', '?'].includes(all[end - 1]!.norm)) end--;
  const words = all.slice(0, end);
  const at = (k: number) => words[k]!.start;
  const word = (text: string, lemma: string, pos: string, k: number): Word => inserted(text, lemma, pos, at(k));
  const norms = words.map((w) => w.norm);
  const modal = (k: number) => ['should', 'may', 'can', 'will', 'must', 'shall', 'could', 'are', 'do'].includes(norms[k] ?? '') && norms[k + 1] === 'you';
  if (norms[0] === 'not' && norms[1] === 'until') {
    const m = norms.findIndex((_, k) => k > 2 && modal(k));
    if (m > 0) return [word('do', 'do', 'AUX', 0), word('not', 'not', 'PART', 0), ...words.slice(m + 2), word('until', 'until', 'ADP', 1), ...words.slice(2, m), ...all.slice(end)];
  }
  // "Until you reach the gym avoid the cafeteria, and ...": the ban said first is "avoid the cafeteria until you reach
  // the gym".
  if (['until', 'till', 'til'].includes(norms[0]!) && norms[1] === 'you') {
    const ban = norms.findIndex((n, k) => k > 3 && ['avoid', 'never', 'do', 'stay', 'keep'].includes(n) && (norms[k - 1] === ',' || words[k - 1]!.pos !== 'AUX'));
    const comma = ban > 0 && norms[ban - 1] === ',' ? ban - 1 : ban;
    const stop = norms.indexOf(',', ban);
    if (ban > 0) return [...words.slice(ban, stop < 0 ? words.length : stop), word('until', 'until', 'ADP', 0), ...words.slice(1, comma), ...(stop < 0 ? [] : words.slice(stop)), ...all.slice(end)];
  }
  if (norms[0] === 'only' && norms[1] === 'after') {
    const m = norms.findIndex((_, k) => k > 2 && modal(k));
    if (m > 0) return [word('you', 'you', 'PRON', m), ...words.slice(m, m + 1), ...words.slice(m + 2), word('only', 'only', 'ADV', 0), word('after', 'after', 'ADP', 1), ...words.slice(2, m), ...all.slice(end)];
  }
  const done = norms.findIndex((n, k) => ['when', 'once', 'after'].includes(n) && norms[k + 1] === 'you' && ['be', "'re", 'are', 'have', "'ve"].includes(norms[k + 2] ?? '') && ['done', 'finished', 'through'].includes(norms[k + 3] ?? '') && norms[k + 4] === 'with');
  if (done >= 0) return [...words.slice(0, done), word('after', 'after', 'ADP', done), word('visiting', 'visit', 'VERB', done), ...words.slice(done + 5), ...all.slice(end)];
  const last = norms.length - 1;
  if (norms[last] === 'stay' && ['and', 'n'].includes(norms[last - 1] ?? '')) return [...words, word('there', 'there', 'ADV', last), ...all.slice(end)];
  return [...all];
}

/**
 * "Never go to the front door at night, because she gets frightened", "Because the birds are nesting, stay out of ...":
 * the reason given for a requirement is no part of it.
 */
export function withoutReasons(words: readonly Word[]): Word[] {
  const because = words.findIndex((w) => ['because', 'becuase', 'cause', 'coz'].includes(w.norm));
  if (because < 0) return [...words];
  const comma = words.findIndex((w, k) => k > because && [',', '.', ';'].includes(w.norm));
  if (because === 0) return comma > 0 ? words.slice(comma + 1) : [...words];
  const before = words[because - 1]?.norm === ',' ? because - 1 : because;
  return [...words.slice(0, before), ...(comma > 0 ? words.slice(comma) : [])];
}

/**
 * "- Grid loss: blades feathered within 3 s": a bullet whose label names an event says what follows it, whenever the
 * event happens ("- Departure: only with all doors closed" is the event only with them). Other words as they are.
 */
export function bulletedRule(words: readonly Word[]): { words: Word[]; rule: boolean } {
  const colon = words.findIndex((w) => w.norm === ':');
  const label = words.slice(1, colon);
  const named = label.length > 0 && label.length <= 4 && label.every((w) => ['NOUN', 'PROPN', 'ADJ', 'SYM'].includes(w.pos) || (w.pos === 'VERB' && /ing$/.test(w.norm)));
  if (!['-', '*', '•'].includes(words[0]?.text ?? '') || colon < 0 || !named || colon + 1 >= words.length) return { words: [...words], rule: false };
  const rest = words.slice(colon + 1);
  if (rest[0]!.norm === 'only') return { words: [...label, ...rest], rule: true };
  const at = words[0]!.start;
  return { words: [inserted('whenever', 'whenever', 'SCONJ', at), ...label, inserted(',', ',', 'PUNCT', words[colon]!.start), ...rest], rule: true };
}
