// Inputs that try to break the parsers: noise, real files with random damage, and files built from
// each grammar's own spellings. The grammar-built ones reach deep into the parsers, which pure
// noise rarely does; the damaged real files probe error recovery.
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { operators } from '../../../grammars/tl';
import { spellings } from '../../../grammars/fol';
import { repoRoot } from '../../helpers/data';

export type LanguageId = 'tl' | 'fol' | 'mwp';

const seedFolders = [path.join(repoRoot, 'test', 'fixtures'), path.join(repoRoot, 'test', 'e2e', 'workspace'), path.join(repoRoot, 'test', 'lsp', 'fixtures')];

function filesUnder(dir: string): string[] {
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? filesUnder(path.join(dir, e.name)) : [path.join(dir, e.name)]));
}

/** The project's own example files of a language, as mutation seeds. */
export function seedTexts(extensions: readonly string[]): string[] {
  const texts = seedFolders
    .flatMap(filesUnder)
    .filter((f) => extensions.some((ext) => f.toLowerCase().endsWith(ext)))
    .sort()
    .map((f) => fs.readFileSync(f, 'utf8'));
  if (texts.length === 0) throw new Error(`no seed files for ${extensions.join(', ')}`);
  return texts;
}

/** Pieces of every grammar plus characters that often trip text handling (BOM, NUL, lone surrogates, CRLF). */
const fragments = [
  '(', ')', '[', ']', '{', '}', '"', '\\', '/*', '*/', '//', ':=', ':', ';', ',', '.', '=', '->', '<->', '&', '|', '!', '-', '+', '*', '/', '^', '%',
  '\n', '\r\n', '\r', ' ', '\t', '\u3000', 'G', 'F', 'X', 'U', '[0,10]', 'inf', 'prop', 'spec', 'forall x.', 'exists', 'rule r:', 'predicate',
  'hierarchy', 'from "h.json"', 'problem', 'equation:', 'answer:', '题目', '方程：', '（', '）', '\u0000', '\uFEFF', '\uD800', '\uDC00', '𝔸', '∀',
  '□', '◇', '¬', '∧', '→', '0', '1e309', '0.5', '12', '99999999999999999999', 'x', 'p', '_',
];

export const fragment = fc.constantFrom(...fragments);

/** Random bytes read as UTF-8 and as Latin-1, and arbitrary UTF-16 strings (lone surrogates included). */
export const noise: fc.Arbitrary<string> = fc.oneof(
  fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b).toString('utf8')),
  fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b).toString('latin1')),
  fc.string({ unit: 'binary', maxLength: 300 }),
  fc.array(fragment, { maxLength: 120 }).map((parts) => parts.join('')),
);

/** A replacement of `length` characters at `at` by `text`, as an editor sends it. */
export interface Edit {
  at: number;
  length: number;
  text: string;
}

/** Edits that replace up to `maxReplaced` characters by grammar fragments (up to `maxPieces`) or up to `maxChars` random graphemes. */
export function editOf(maxReplaced: number, maxPieces: number, maxChars: number): fc.Arbitrary<Edit> {
  return fc.record({
    at: fc.nat(),
    length: fc.nat({ max: maxReplaced }),
    text: fc.oneof(fragment, fc.array(fragment, { maxLength: maxPieces }).map((p) => p.join('')), fc.string({ unit: 'grapheme', maxLength: maxChars })),
  });
}

/** The span [start, end) an edit replaces in a text of `length` characters: `at` wraps round, the end stops at the text's. */
export function editSpan(e: Pick<Edit, 'at' | 'length'>, length: number): [number, number] {
  const start = e.at % (length + 1);
  return [start, Math.min(length, start + e.length)];
}

type Mutation = { kind: 'delete' | 'insert' | 'duplicate' | 'replace'; at: number; length: number; text: string };

const mutation: fc.Arbitrary<Mutation> = fc.record({
  kind: fc.constantFrom('delete', 'insert', 'duplicate', 'replace'),
  at: fc.nat(),
  length: fc.nat({ max: 40 }),
  text: fc.oneof(fragment, fc.string({ unit: 'grapheme', maxLength: 8 })),
});

function mutate(text: string, m: Mutation): string {
  const [at, end] = editSpan(m, text.length);
  switch (m.kind) {
    case 'delete':
      return text.slice(0, at) + text.slice(end);
    case 'insert':
      return text.slice(0, at) + m.text + text.slice(at);
    case 'duplicate':
      return text.slice(0, end) + text.slice(at, end) + text.slice(end);
    case 'replace':
      return text.slice(0, at) + m.text + text.slice(end);
  }
}

/** A real file with up to 12 random deletions, insertions, duplications and replacements. */
export function mutated(seeds: readonly string[]): fc.Arbitrary<string> {
  return fc.tuple(fc.constantFrom(...seeds), fc.array(mutation, { minLength: 1, maxLength: 12 })).map(([seed, ms]) => ms.reduce(mutate, seed));
}

const tlProp = fc.constantFrom('p', 'q', 'r1', 'at_goal', 'in_red', '"the door is open"', 'true', 'false');
const unarySpellings = operators.filter((o) => o.arity === 1).flatMap((o) => o.spellings.map((s) => ({ s, temporal: o.temporal })));
const binarySpellings = operators.filter((o) => o.arity === 2).flatMap((o) => o.spellings.map((s) => ({ s, temporal: o.temporal })));
const interval = fc.oneof(
  fc.constant(''),
  fc.tuple(fc.nat({ max: 20 }), fc.oneof(fc.nat({ max: 40 }).map(String), fc.constant('inf'))).map(([a, b]) => `[${a},${b}]`),
);

const tlFormula: fc.Arbitrary<string> = fc.letrec<{ f: string }>((tie) => ({
  f: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    tlProp,
    fc.tuple(fc.constantFrom(...unarySpellings), interval, tie('f')).map(([o, i, a]) => `${o.s}${o.temporal ? i : ''} ${a}`),
    fc.tuple(tie('f'), fc.constantFrom(...binarySpellings), interval, tie('f')).map(([a, o, i, b]) => `${a} ${o.s}${o.temporal ? i : ''} ${b}`),
    tie('f').map((a) => `(${a})`),
  ),
})).f;

const tlStatement = fc.oneof(
  fc.tuple(fc.constantFrom('p', 'q', 'r1', 'at_goal', 'in_red'), fc.string({ maxLength: 20 })).map(([n, d]) => `prop ${n} "${d.replace(/["\\\r\n]/g, '')}"`),
  fc.tuple(fc.constantFrom('safe', 'reach', 'mission'), tlFormula).map(([n, f]) => `spec ${n} := ${f}`),
  tlFormula,
  fc.string({ maxLength: 30 }).map((s) => `// nl: ${s.replace(/[\r\n]/g, ' ')}`),
);

const folStyle = fc.constantFrom(spellings.words, spellings.ascii, spellings.unicode);
const folVar = fc.constantFrom('x', 'y', 'z');
const folPred = fc.constantFrom('dog', 'cat', 'bird', 'near', 'animal');
const folAtom = fc.oneof(
  fc.tuple(folPred, fc.array(folVar, { minLength: 1, maxLength: 2 })).map(([p, args]) => `${p}(${args.join(', ')})`),
  fc.tuple(folVar, fc.constantFrom('=', '!=', '≠'), folVar).map(([a, op, b]) => `${a} ${op} ${b}`),
  fc.constantFrom('true', 'false'),
);
const folFormula: fc.Arbitrary<string> = fc.letrec<{ f: string }>((tie) => ({
  f: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    folAtom,
    fc.tuple(folStyle, tie('f')).map(([s, a]) => `${s.Not} ${a}`),
    fc.tuple(tie('f'), folStyle, fc.constantFrom('And', 'Or', 'Implies', 'Iff') as fc.Arbitrary<'And' | 'Or' | 'Implies' | 'Iff'>, tie('f')).map(
      ([a, s, op, b]) => `${a} ${s[op]} ${b}`,
    ),
    fc.tuple(folStyle, fc.constantFrom('Forall', 'Exists') as fc.Arbitrary<'Forall' | 'Exists'>, folVar, tie('f')).map(([s, q, v, a]) => `${s[q]} ${v}. ${a}`),
    tie('f').map((a) => `(${a})`),
  ),
})).f;

const folClasses: fc.Arbitrary<string> = fc.letrec<{ c: string }>((tie) => ({
  c: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    folPred,
    fc.tuple(folPred, fc.array(tie('c'), { minLength: 1, maxLength: 3 })).map(([n, cs]) => `${n} { ${cs.join(', ')} }`),
  ),
})).c;

const folStatement = fc.oneof(
  fc.tuple(folPred, fc.array(folVar, { minLength: 1, maxLength: 2 })).map(([p, vs]) => `predicate ${p}(${vs.join(', ')})`),
  fc.tuple(fc.boolean(), fc.array(folClasses, { minLength: 1, maxLength: 3 })).map(([lev, cs]) => `hierarchy animals ${lev ? 'levelled ' : ''}{\n  ${cs.join('\n  ')}\n}`),
  fc.tuple(fc.nat({ max: 9 }), folFormula).map(([n, f]) => `rule r${n}: ${f}`),
  fc.constantFrom('sort thing', 'constant rex: thing', 'function owner(x): thing', 'hierarchy h from "h.json"'),
);

const mwpNumber = fc.oneof(fc.nat({ max: 1000 }).map(String), fc.constantFrom('0.5', '12%', '.25', '3'));
const mwpExpr: fc.Arbitrary<string> = fc.letrec<{ e: string }>((tie) => ({
  e: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    mwpNumber,
    fc.constantFrom('x', '甲'),
    fc.tuple(tie('e'), fc.constantFrom('+', '-', '*', '/', '^', '×', '÷', '−'), tie('e')).map(([a, op, b]) => `${a} ${op} ${b}`),
    tie('e').map((a) => `-${a}`),
    tie('e').map((a) => `(${a})`),
  ),
})).e;
const mwpProblem = fc
  .tuple(
    fc.option(fc.constantFrom('apples', 'bus-speed', '1'), { nil: undefined }),
    fc.array(fc.tuple(fc.constantFrom('A shop sold', '客车每小时行', 'It took', 'There are'), mwpNumber).map(([w, n]) => `${w} ${n} items.`), { maxLength: 3 }),
    fc.option(mwpExpr, { nil: undefined }),
    fc.option(mwpExpr, { nil: undefined }),
  )
  .map(([id, lines, eq, ans]) =>
    [`problem${id ? ` ${id}` : ''}`, ...lines, ...(eq ? [`equation: x = ${eq}`] : []), ...(ans ? [`answer: ${ans}`] : [])].join('\n'),
  );

function joined(statement: fc.Arbitrary<string>, separator: fc.Arbitrary<string>): fc.Arbitrary<string> {
  return fc.array(fc.tuple(statement, separator), { maxLength: 8 }).map((parts) => parts.map(([s, sep]) => s + sep).join(''));
}

/** Whole files built from the language's grammar: mostly valid, sometimes meaningless. */
export const grammarFile: Record<LanguageId, fc.Arbitrary<string>> = {
  tl: joined(tlStatement, fc.constantFrom('\n', ';\n', '; ', '\n\n')),
  fol: joined(folStatement, fc.constantFrom('\n', '\n\n', '\r\n')),
  mwp: joined(mwpProblem, fc.constantFrom('\n', '\n\n')),
};

/** Every kind of input for one language. */
export function anyInput(id: LanguageId, extensions: readonly string[]): fc.Arbitrary<string> {
  return fc.oneof(noise, mutated(seedTexts(extensions)), grammarFile[id], fc.tuple(grammarFile[id], fc.array(mutation, { maxLength: 4 })).map(([t, ms]) => ms.reduce(mutate, t)));
}
