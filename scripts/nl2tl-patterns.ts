// Training pairs from the specification-pattern literature (issue 16, item 3): Dwyer, Avrunin and
// Corbett's patterns (absence, existence, bounded existence, universality, precedence, response, and
// the chains of two events) in their five scopes with the catalogue's LTL mappings (src/neural/requirements/catalogue.ts, the mappings the grammar
// reader writes), Konrad and Cheng's real-time patterns (bounded response, bounded invariance,
// periodic existence), and the operators NL2TL's corpus never uses (next and "k steps later", weak
// until, release, strong release, past). Each pattern has several phrasings; each slot is filled
// with a clause from a broad vocabulary (subject + verb + object, copula + adjective, passive,
// negated, single letters), so the tagger learns that a whole clause is one proposition.
//
// Rows are written in the navigation rows' JSON shape, which training/nl2tl/tagger.py already reads
// (`sentence` tokens and `propositions` spans), plus `lifted` (the clauses replaced by `( prop_k )`,
// what the translation model reads) and `ltl` (the formula over prop ids, NL2TL spelling).
// Usage: npx tsx scripts/nl2tl-patterns.ts --n 6000 --seed 11 --out training/work/nl2tl/patterns.jsonl
import { writeFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { rng as seeded } from '../bench/corpus';
import { fromJson, printFormula, type FormulaJson } from '../src/languages/tl/api';
import { tokenize } from '../src/neural/nl2tlText';
import { bin, nexts, scoped, un, type Pattern, type Scope } from '../src/neural/requirements/catalogue';

type Rng = () => number;
const pick = <T>(r: Rng, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;

// ---- Clauses -------------------------------------------------------------------------------------
const nouns = ['pump', 'valve', 'door', 'robot', 'drone', 'train', 'gate', 'motor', 'heater', 'alarm', 'light', 'sensor', 'controller',
  'server', 'client', 'user', 'operator', 'pilot', 'vehicle', 'arm', 'gripper', 'tank', 'battery', 'engine', 'brake', 'elevator',
  'printer', 'fan', 'camera', 'system', 'aircraft', 'rover', 'conveyor', 'signal', 'switch', 'reactor', 'car', 'boiler', 'display', 'router'];
const adjectives = ['open', 'closed', 'empty', 'full', 'on', 'off', 'idle', 'busy', 'ready', 'active', 'locked', 'unlocked', 'available',
  'low', 'high', 'hot', 'stable', 'safe', 'armed', 'enabled', 'disabled', 'connected', 'visible', 'green', 'red', 'charged', 'stopped', 'moving'];
const intransitive: Array<[string, string]> = [['runs', 'run'], ['stops', 'stop'], ['starts', 'start'], ['fails', 'fail'], ['moves', 'move'],
  ['opens', 'open'], ['closes', 'close'], ['halts', 'halt'], ['restarts', 'restart'], ['overheats', 'overheat'], ['arrives', 'arrive'],
  ['responds', 'respond'], ['lands', 'land'], ['crashes', 'crash'], ['beeps', 'beep'], ['shuts down', 'shut down'], ['takes off', 'take off']];
const transitive: Array<[string, string]> = [['sends', 'send'], ['receives', 'receive'], ['reaches', 'reach'], ['detects', 'detect'],
  ['presses', 'press'], ['releases', 'release'], ['grabs', 'grab'], ['enters', 'enter'], ['leaves', 'leave'], ['requests', 'request'],
  ['grants', 'grant'], ['reports', 'report'], ['acknowledges', 'acknowledge'], ['visits', 'visit']];
const objects = ['message', 'request', 'button', 'target', 'dock', 'obstacle', 'package', 'door', 'room', 'kitchen', 'station',
  'fault', 'key', 'token', 'lock', 'error', 'charging station', 'landing zone', 'reply', 'warning'];
const participles = ['granted', 'sent', 'received', 'pressed', 'triggered', 'locked', 'released', 'detected', 'acknowledged', 'cleared',
  'raised', 'reset', 'approved', 'rejected', 'loaded', 'delivered', 'opened', 'closed', 'stored', 'logged'];
const letters = ['a', 'b', 'c', 'd', 'e', 'p', 'q', 'r', 's', 't', 'x', 'y', 'z'];
const the = (r: Rng) => pick(r, ['the ', 'the ', 'the ', 'a ', 'the ']);

/** A clause that names one proposition; the sentence uses it whole, so it is one span. */
function clause(r: Rng): string {
  const k = r();
  if (k < 0.22) return pick(r, letters);
  const subj = `${the(r)}${pick(r, nouns)}`;
  if (k < 0.42) return `${subj} is ${r() < 0.15 ? 'not ' : ''}${pick(r, adjectives)}`;
  if (k < 0.58) return `${subj} ${pick(r, intransitive)[0]}`;
  if (k < 0.72) return `${subj} ${pick(r, transitive)[0]} ${the(r)}${pick(r, objects)}`;
  if (k < 0.86) return `${the(r)}${pick(r, objects)} is ${pick(r, participles)}`;
  if (k < 0.93) return `${subj} does not ${pick(r, intransitive)[1]}`;
  return `${subj} ${pick(r, ['has', 'reports'])} ${the(r)}${pick(r, objects)}`;
}

// ---- Templates ------------------------------------------------------------------------------------
// {P} {S} {Q} {R} {T} {Z} are clauses; {n} {m} numbers (m > n); {u} a time unit; {k} a step count in words;
// {c} the same count as a number of times ("twice", "3 times").
type Slots = Record<'P' | 'S' | 'Q' | 'R' | 'T' | 'Z', FormulaJson> & { n: number; m: number; k: number };
interface Template {
  texts: readonly string[];
  formula: (s: Slots) => FormulaJson;
}

const units = ['seconds', 'time units', 'steps', 'minutes', 'cycles', 'ms', 'ticks', 'hours'];
const stepWords = ['one step', 'two steps', 'three steps', 'four steps'];
const timesWords = ['once', 'twice', 'three times', 'four times'];
const not = (f: FormulaJson) => un('not', f);

/** Patterns in the global scope, phrased as a whole sentence. */
const global: Template[] = [
  { formula: (s) => un('globally', not(s.P)), texts: ['it is never the case that {P}', 'it must never happen that {P}', 'never {P}', 'at no time {P}', 'it shall never be the case that {P}', 'globally , it is not the case that {P}', 'it is never allowed that {P}', 'we never want that {P}'] },
  { formula: (s) => un('globally', s.P), texts: ['it is always the case that {P}', 'always {P}', '{P} at all times', 'at every moment {P}', 'it must always hold that {P}', 'globally {P}', 'it is invariant that {P}', 'at all times , {P}'] },
  { formula: (s) => un('finally', s.P), texts: ['eventually {P}', 'at some point {P}', 'sooner or later {P}', 'it will eventually be the case that {P}', 'in the future {P}', 'at some time {P}', 'it must eventually happen that {P}', 'finally , {P}'] },
  { formula: (s) => un('globally', un('finally', s.P)), texts: ['infinitely often {P}', '{P} infinitely often', 'again and again , {P}', 'it is infinitely often the case that {P}', 'always eventually {P}'] },
  { formula: (s) => un('finally', un('globally', s.P)), texts: ['eventually forever {P}', 'from some point on , {P} forever', 'eventually it is always the case that {P}', 'in the long run {P} permanently'] },
  { formula: (s) => un('globally', bin('implies', s.P, un('finally', s.S))), texts: ['whenever {P} , eventually {S}', 'every time {P} , {S} at some point afterwards', 'if {P} , then eventually {S}', 'each time {P} , {S} eventually follows', 'always , if {P} then eventually {S}', 'it is always the case that if {P} then at some point {S}', 'whenever {P} , {S} sooner or later'] },
  { formula: (s) => bin('weak_until', not(s.P), s.S), texts: ['{P} only after {S}', 'it is not the case that {P} before {S}', 'not {P} unless {S} first', 'it is never the case that {P} until {S}'] },
  { formula: (s) => bin('until', s.P, s.S), texts: ['{P} until {S}', '{P} until eventually {S}', '{P} holds until {S}', 'it is the case that {P} until {S}'] },
  { formula: (s) => bin('weak_until', s.P, s.S), texts: ['{P} unless {S}', '{P} until {S} , or forever', '{P} as long as it is not the case that {S}'] },
  { formula: (s) => bin('release', s.S, s.P), texts: ['{P} until and including when {S}', '{S} releases {P}', '{P} up to and including the moment {S}'] },
  { formula: (s) => bin('strong_release', s.S, s.P), texts: ['{P} until and including when {S} , which eventually happens', '{S} eventually happens and {P} holds until and including then'] },
  { formula: (s) => un('next', s.P), texts: ['next {P}', 'in the next step {P}', 'at the next step , {P}', '{P} in the next state'] },
  { formula: (s) => un('globally', bin('implies', s.P, un('next', s.S))), texts: ['whenever {P} , {S} in the next step', 'every time {P} , {S} right after', 'if {P} , then {S} at the next step', 'whenever {P} , immediately afterwards {S}'] },
  { formula: (s) => un('globally', bin('implies', s.P, nexts(s.k, s.S))), texts: ['whenever {P} , {S} {k} later', 'every time {P} , {S} after exactly {k}', 'if {P} , then {k} later {S}'] },
  { formula: (s) => un('globally', bin('implies', s.P, un('once', s.S))), texts: ['{P} only if {S} has happened before', 'whenever {P} , {S} has happened at some earlier time', 'whenever {P} , previously {S}'] },
  { formula: (s) => un('globally', bin('implies', s.P, un('prev', s.S))), texts: ['whenever {P} , {S} at the previous step', 'every time {P} , {S} one step earlier'] },
  { formula: (s) => un('globally', bin('implies', s.P, un('historically', s.S))), texts: ['whenever {P} , {S} has always held so far', 'whenever {P} , {S} held at every earlier step'] },
  { formula: (s) => un('globally', bin('implies', s.P, bin('since', s.S, s.Q))), texts: ['whenever {P} , {S} has held since {Q}', 'every time {P} , {S} since {Q}'] },
  { formula: (s) => un('globally', not(bin('and', s.P, s.S))), texts: ['it is never the case that {P} and {S} at the same time', '{P} and {S} never hold together', 'never both {P} and {S}'] },
  { formula: (s) => un('globally', bin('implies', s.P, un('globally', s.S))), texts: ['once {P} , {S} forever', 'once {P} , always {S}', 'after {P} , {S} from then on', 'as soon as {P} , {S} forever after'] },
  { formula: (s) => un('finally', bin('and', s.P, un('finally', s.S))), texts: ['{P} and then {S}', 'first {P} , then {S}', 'eventually {P} and later {S}', '{P} , and afterwards {S}'] },
  // Konrad and Cheng's real-time patterns.
  { formula: (s) => un('globally', bin('implies', s.P, un('finally', s.S, [0, s.n]))), texts: ['whenever {P} , {S} within {n} {u}', 'if {P} , then {S} within {n} {u}', 'every time {P} , {S} must follow within {n} {u}', 'whenever {P} , {S} in at most {n} {u}', 'it is always the case that if {P} , then within {n} {u} {S}'] },
  { formula: (s) => un('globally', bin('implies', s.P, un('globally', s.S, [0, s.n]))), texts: ['whenever {P} , {S} for at least {n} {u}', 'if {P} , then {S} for {n} {u}', 'every time {P} , {S} during the next {n} {u}'] },
  { formula: (s) => un('globally', un('finally', s.P, [0, s.n])), texts: ['{P} at least every {n} {u}', 'at least once every {n} {u} , {P}', 'periodically , {P} every {n} {u}'] },
  { formula: (s) => un('finally', s.P, [0, s.n]), texts: ['{P} within {n} {u}', 'within {n} {u} , {P}', 'in at most {n} {u} , {P}'] },
  { formula: (s) => un('globally', s.P, [0, s.n]), texts: ['{P} for {n} {u}', 'for the next {n} {u} , {P}', 'during the first {n} {u} , {P}'] },
  { formula: (s) => un('finally', s.P, [s.n, s.m]), texts: ['{P} between {n} and {m} {u} from now', 'after {n} {u} but within {m} {u} , {P}'] },
];

/** The catalogue's patterns as scope bodies, in the words the catalogue uses. */
const bodies: Array<{ pattern: (s: Slots) => Pattern; texts: readonly string[] }> = [
  { pattern: (s) => ({ kind: 'absence', p: s.P }), texts: ['it is never the case that {P}', 'never {P}', 'it is not the case that {P}'] },
  { pattern: (s) => ({ kind: 'universality', p: s.P }), texts: ['it is always the case that {P}', 'always {P}', '{P} at all times'] },
  { pattern: (s) => ({ kind: 'existence', p: s.P }), texts: ['eventually {P}', 'at some point {P}', '{P} at least once'] },
  { pattern: (s) => ({ kind: 'response', p: s.P, s: s.S }), texts: ['whenever {P} , eventually {S}', 'if {P} , then eventually {S}'] },
  { pattern: (s) => ({ kind: 'precedence', p: s.P, s: s.S }), texts: ['{P} only after {S}', 'it is not the case that {P} before {S}'] },
  { pattern: (s) => ({ kind: 'boundedExistence', p: s.P, n: s.k }), texts: ['{P} at most {c}', '{P} occurs at most {c}', '{P} happens no more than {c}'] },
  { pattern: (s) => ({ kind: 'chainPrecedes', p: s.P, s: s.S, t: s.T }), texts: ['{S} , {T} precedes {P}', '{P} is preceded by {S} followed by {T}', '{S} followed by {T} precedes {P}'] },
  { pattern: (s) => ({ kind: 'precedesChain', p: s.P, s: s.S, t: s.T }), texts: ['{P} precedes {S} , {T}', '{P} precedes {S} followed by {T}', '{S} followed by {T} is preceded by {P}'] },
  { pattern: (s) => ({ kind: 'respondsToChain', p: s.P, s: s.S, t: s.T }), texts: ['{P} responds to {S} , {T}', '{P} responds to {S} followed by {T}', '{S} , {T} is followed by {P}'] },
  { pattern: (s) => ({ kind: 'chainRespondsTo', p: s.P, s: s.S, t: s.T }), texts: ['{S} , {T} responds to {P}', '{P} is followed by {S} , {T}', '{S} followed by {T} responds to {P}'] },
  { pattern: (s) => ({ kind: 'chainRespondsTo', p: s.P, s: s.S, t: s.T, z: s.Z }), texts: ['{S} , {T} without {Z} responds to {P}', '{P} is followed by {S} , {T} without {Z}'] },
];
const scopes: Array<{ scope: Scope; texts: readonly string[] }> = [
  { scope: 'globally', texts: ['{B}', 'globally , {B}'] },
  { scope: 'before', texts: ['before {R} , {B}', '{B} before {R}', 'until {R} happens , {B}'] },
  { scope: 'after', texts: ['after {Q} , {B}', 'once {Q} has happened , {B}', 'from the moment {Q} on , {B}'] },
  { scope: 'between', texts: ['between {Q} and {R} , {B}', 'after {Q} and before {R} , {B}', 'in every interval from {Q} to {R} , {B}'] },
  { scope: 'afterUntil', texts: ['after {Q} until {R} , {B}', 'from {Q} until {R} , {B}', 'after {Q} and as long as not {R} , {B}'] },
];

// ---- Realisation ---------------------------------------------------------------------------------
export interface Row {
  sentence: string[];
  propositions: Record<string, { span: [number, number] }>;
  lifted: string;
  ltl: string;
}

const prop = (name: string): FormulaJson => ({ kind: 'prop', name });

function rename(f: FormulaJson, ids: ReadonlyMap<string, string>): FormulaJson {
  if (f.kind === 'prop') return prop(ids.get(f.name)!);
  return 'args' in f ? { ...f, args: f.args.map((a) => rename(a, ids)) } : f;
}

/** Fills a template, cutting the text into literal pieces and clause slots, and numbers the clauses by first appearance. */
function realise(text: string, clauses: Record<string, string>, numbers: Record<string, string>, formula: FormulaJson): Row {
  const words: string[] = [];
  const liftedWords: string[] = [];
  const propositions: Row['propositions'] = {};
  const ids = new Map<string, string>();
  for (const part of text.split(/(\{[A-Z]\})/)) {
    const slot = /^\{([A-Z])\}$/.exec(part)?.[1];
    if (slot) {
      const id = ids.get(slot) ?? `prop_${ids.size + 1}`;
      ids.set(slot, id);
      const toks = tokenize(clauses[slot]!).map((t) => t.text);
      if (!propositions[id]) propositions[id] = { span: [words.length, words.length + toks.length] };
      words.push(...toks);
      liftedWords.push('(', id, ')');
    } else {
      const filled = part.replace(/\{([a-z])\}/g, (_, k: string) => numbers[k]!);
      const toks = tokenize(filled).map((t) => t.text);
      words.push(...toks);
      liftedWords.push(...toks);
    }
  }
  return { sentence: words, propositions, lifted: liftedWords.join(' '), ltl: printFormula(fromJson(rename(formula, ids)), 'nl2tl') };
}

function example(r: Rng): Row {
  const names = ['P', 'S', 'Q', 'R', 'T', 'Z'] as const;
  const clauses: Record<string, string> = {};
  for (const n of names) {
    do clauses[n] = clause(r);
    while (Object.entries(clauses).some(([k, c]) => k !== n && c === clauses[n]));
  }
  const n = 1 + Math.floor(r() * (r() < 0.5 ? 10 : 120));
  const m = n + 1 + Math.floor(r() * 60);
  const k = 1 + Math.floor(r() * 4);
  const slots: Slots = { P: prop('P'), S: prop('S'), Q: prop('Q'), R: prop('R'), T: prop('T'), Z: prop('Z'), n, m, k };
  const numbers = { n: String(n), m: String(m), u: pick(r, units), k: stepWords[k - 1]!, c: r() < 0.5 ? timesWords[k - 1]! : `${k} times` };
  const lead = pick(r, ['', '', '', 'the system shall ensure that ', 'it must hold that ', 'the requirement is that ']);
  if (r() < 0.3) {
    const body = pick(r, bodies);
    const scope = pick(r, scopes);
    const text = pick(r, scope.texts).replace('{B}', pick(r, body.texts));
    return realise(lead + text, clauses, numbers, scoped(scope.scope, body.pattern(slots), slots.Q, slots.R));
  }
  const t = pick(r, global);
  return realise(lead + pick(r, t.texts), clauses, numbers, t.formula(slots));
}

/** `n` distinct rows (by sentence) from a seeded generator. */
export function patternRows(n: number, seed: number): Row[] {
  const r = seeded(seed);
  const rows = new Map<string, Row>();
  for (let tries = 0; rows.size < n && tries < 50 * n; tries++) {
    const row = example(r);
    rows.set(row.sentence.join(' '), row);
  }
  return [...rows.values()];
}

function main(): void {
  const { values } = parseArgs({ options: { n: { type: 'string', default: '6000' }, seed: { type: 'string', default: '11' }, out: { type: 'string' } } });
  if (!values.out) throw new Error('--out FILE is required');
  const rows = patternRows(Number(values.n), Number(values.seed));
  writeFileSync(values.out, rows.map((x) => JSON.stringify(x)).join('\n') + '\n');
  console.log(`wrote ${rows.length} pattern pairs to ${values.out}`);
}

if (require.main === module) main();
