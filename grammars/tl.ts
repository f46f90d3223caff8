// The grammar of temporal-logic files (.tl): the single source of truth for the language. Tokens,
// operator spellings, precedence and the rules are defined here once. The parser in
// src/languages/tl/parser.ts runs the rules below (with error recovery or without), the printer,
// completion, hover and semantic tokens read the tables, scripts/gen-syntaxes.ts turns
// `highlighting` into the TextMate grammar, and scripts/gen-syntax-diagrams.ts draws the rules as
// the syntax reference (docs/tl-syntax.html).
import { createToken, EmbeddedActionsParser, Lexer, type CustomPatternMatcherReturn, type IToken, type TokenType } from 'chevrotain';
import type { Formula, Interval, Statement, SyntaxProblem, Term } from '../src/languages/tl/ast';
import * as nodes from '../src/languages/tl/nodes';

export type Style = 'words' | 'ascii' | 'unicode';
export type UnaryKind = 'not' | 'next' | 'finally' | 'globally' | 'historically' | 'once' | 'prev';
export type BinaryKind =
  | 'and'
  | 'or'
  | 'implies'
  | 'iff'
  | 'xor'
  | 'until'
  | 'release'
  | 'weak_until'
  | 'strong_release'
  | 'since';
export type OperatorKind = UnaryKind | BinaryKind;
export type CompareOp = '<' | '<=' | '>' | '>=' | '==' | '!=';
export type ArithOp = '+' | '-' | '*' | '/';

export interface OperatorInfo {
  kind: OperatorKind;
  arity: 1 | 2;
  /** Temporal operators take an optional interval such as `[0,10]`. */
  temporal: boolean;
  /** Every accepted spelling; words are matched whole, symbols anywhere. */
  spellings: readonly string[];
  canonical: Readonly<Record<Style, string>>;
  /** What the operator means, in one paragraph, for hover and completion. */
  doc: string;
}

export const operators: readonly OperatorInfo[] = [
  {
    kind: 'not', arity: 1, temporal: false,
    spellings: ['not', 'negation', '!', '~', '-', '¬'],
    canonical: { words: 'not', ascii: '!', unicode: '¬' },
    doc: 'Negation: `not φ` holds exactly when φ does not hold. `negation` is the NL2TL spelling; a prefix `-` is the NL2TL navigation spelling.',
  },
  {
    kind: 'and', arity: 2, temporal: false,
    spellings: ['and', '&', '&&', '/\\', '∧', '∩', '*'],
    canonical: { words: 'and', ascii: '&', unicode: '∧' },
    doc: 'Conjunction: `φ and ψ` holds when both φ and ψ hold. Binds tighter than `xor` and `or`; left-associative. `*` is Wring\'s spelling (between numbers it is times).',
  },
  {
    kind: 'or', arity: 2, temporal: false,
    spellings: ['or', '|', '||', '\\/', '∨', '∪', '+'],
    canonical: { words: 'or', ascii: '|', unicode: '∨' },
    doc: 'Disjunction: `φ or ψ` holds when at least one of φ and ψ holds. Binds tighter than `->`, looser than `xor`; left-associative. `+` is Wring\'s spelling (between numbers it is plus).',
  },
  {
    kind: 'implies', arity: 2, temporal: false,
    spellings: ['implies', 'imply', '->', '=>', '→', '⇒', '-->', '⟶', '⟹'],
    canonical: { words: 'implies', ascii: '->', unicode: '→' },
    doc: 'Implication: `φ -> ψ` holds when φ is false or ψ is true. Lowest precedence, right-associative: `a -> b -> c` is `a -> (b -> c)`. `imply` is the NL2TL spelling.',
  },
  {
    kind: 'iff', arity: 2, temporal: false,
    spellings: ['iff', 'equal', '<->', '<=>', '↔', '⇔', '<-->'],
    canonical: { words: 'iff', ascii: '<->', unicode: '↔' },
    doc: 'Equivalence: `φ <-> ψ` holds when φ and ψ are both true or both false. Same precedence as `->`, right-associative. `equal` is the NL2TL spelling.',
  },
  {
    kind: 'xor', arity: 2, temporal: false,
    spellings: ['xor', '^', '⊕'],
    canonical: { words: 'xor', ascii: 'xor', unicode: '⊕' },
    doc: 'Exclusive or: `φ xor ψ` holds when exactly one of φ and ψ holds. Between `or` and `and` in precedence, as in Spot; left-associative.',
  },
  {
    kind: 'next', arity: 1, temporal: true,
    spellings: ['next', 'X', '()', '○', '◯'],
    canonical: { words: 'next', ascii: 'X', unicode: '○' },
    doc: 'Next: `X φ` holds now when φ holds at the next moment. `X[n] φ` is `X` n times, as in Spot.',
  },
  {
    kind: 'finally', arity: 1, temporal: true,
    spellings: ['eventually', 'finally', 'F', '<>', '◇', '⋄', '♢'],
    canonical: { words: 'eventually', ascii: 'F', unicode: '◇' },
    doc: 'Eventually: `F φ` holds when φ holds now or at some later moment. With an interval, `F[a,b] φ` requires φ at some moment between a and b time units from now. `finally` is the NL2TL spelling.',
  },
  {
    kind: 'globally', arity: 1, temporal: true,
    spellings: ['always', 'globally', 'G', '[]', '□', '⬜', '◻'],
    canonical: { words: 'always', ascii: 'G', unicode: '□' },
    doc: 'Always: `G φ` holds when φ holds now and at every later moment. With an interval, `G[a,b] φ` requires φ at every moment between a and b time units from now. `globally` is the NL2TL spelling.',
  },
  {
    kind: 'historically', arity: 1, temporal: true,
    spellings: ['historically', 'H'],
    canonical: { words: 'historically', ascii: 'H', unicode: 'H' },
    doc: 'Historically (past time): `H φ` holds when φ has held at every moment up to and including now.',
  },
  {
    kind: 'once', arity: 1, temporal: true,
    spellings: ['once', 'O'],
    canonical: { words: 'once', ascii: 'O', unicode: 'O' },
    doc: 'Once (past time): `O φ` holds when φ held at some moment up to and including now.',
  },
  {
    kind: 'prev', arity: 1, temporal: true,
    spellings: ['prev', 'previous', 'Y'],
    canonical: { words: 'prev', ascii: 'Y', unicode: 'Y' },
    doc: 'Previous (past time, "yesterday"): `Y φ` holds when there is a previous moment and φ held at it.',
  },
  {
    kind: 'until', arity: 2, temporal: true,
    spellings: ['until', 'U'],
    canonical: { words: 'until', ascii: 'U', unicode: 'U' },
    doc: 'Strong until: `φ U ψ` holds when ψ eventually holds and φ holds at every moment before that. Right-associative; binds tighter than `and`, looser than unary operators.',
  },
  {
    kind: 'release', arity: 2, temporal: true,
    spellings: ['release', 'releases', 'R', 'V'],
    canonical: { words: 'release', ascii: 'R', unicode: 'R' },
    doc: 'Release: `φ R ψ` holds when ψ holds up to and including the first moment φ holds, or forever if φ never holds. Dual of until: `φ R ψ` = `!(!φ U !ψ)`. `V` is Spin\'s spelling.',
  },
  {
    kind: 'weak_until', arity: 2, temporal: true,
    spellings: ['weak_until', 'W'],
    canonical: { words: 'weak_until', ascii: 'W', unicode: 'W' },
    doc: 'Weak until: `φ W ψ` holds when φ holds until ψ holds, or φ holds forever: `φ W ψ` = `(φ U ψ) | G φ`.',
  },
  {
    kind: 'strong_release', arity: 2, temporal: true,
    spellings: ['strong_release', 'M'],
    canonical: { words: 'strong_release', ascii: 'M', unicode: 'M' },
    doc: 'Strong release: `φ M ψ` holds when ψ holds up to and including a moment where φ holds, and that moment comes: `φ M ψ` = `ψ U (φ & ψ)`.',
  },
  {
    kind: 'since', arity: 2, temporal: true,
    spellings: ['since', 'S'],
    canonical: { words: 'since', ascii: 'S', unicode: 'S' },
    doc: 'Since (past time): `φ S ψ` holds when ψ held at some moment up to now and φ has held at every moment after it.',
  },
];

export const operatorInfo: Readonly<Record<OperatorKind, OperatorInfo>> = Object.fromEntries(
  operators.map((o) => [o.kind, o]),
) as Record<OperatorKind, OperatorInfo>;

/** Keywords that are not operators, with their documentation. */
export const keywordDocs: Readonly<Record<string, string>> = {
  prop: 'Declares a proposition, optionally with a description: `prop at_goal "the robot is at the goal"`. Once a file declares propositions, every proposition it uses must be declared.',
  spec: 'Names a formula: `spec reach := F[0,10] at_goal`.',
  signal: 'Declares a signal, a real-valued name that formulas compare (STL), optionally with its unit: `signal speed "km/h"`, then `G (speed <= 50)`. Once a file declares names, every signal it compares must be declared.',
  true: 'The formula that always holds.',
  false: 'The formula that never holds.',
};

export interface ComparisonInfo {
  op: CompareOp;
  spellings: readonly string[];
  canonical: Readonly<Record<Style, string>>;
  /** How the English reading says it: `x is less than 3`. */
  reading: string;
  doc: string;
}

/** Comparisons of signals and numbers (STL): each one an atom of the formula. */
export const comparisons: readonly ComparisonInfo[] = [
  { op: '<', spellings: ['<'], canonical: { words: '<', ascii: '<', unicode: '<' }, reading: 'is less than', doc: 'Less than: `x < 3` holds when the signal x is below 3 at this moment.' },
  { op: '<=', spellings: ['<=', '≤'], canonical: { words: '<=', ascii: '<=', unicode: '≤' }, reading: 'is at most', doc: 'At most: `x <= 3` holds when the signal x is 3 or below at this moment.' },
  { op: '>', spellings: ['>'], canonical: { words: '>', ascii: '>', unicode: '>' }, reading: 'is greater than', doc: 'Greater than: `x > 3` holds when the signal x is above 3 at this moment.' },
  { op: '>=', spellings: ['>=', '≥'], canonical: { words: '>=', ascii: '>=', unicode: '≥' }, reading: 'is at least', doc: 'At least: `x >= 3` holds when the signal x is 3 or above at this moment.' },
  { op: '==', spellings: ['=='], canonical: { words: '==', ascii: '==', unicode: '==' }, reading: 'equals', doc: 'Equals: `x == 3` holds when the signal x is exactly 3 at this moment.' },
  { op: '!=', spellings: ['!=', '≠'], canonical: { words: '!=', ascii: '!=', unicode: '≠' }, reading: 'differs from', doc: 'Differs from: `x != 3` holds when the signal x is not 3 at this moment.' },
];

/** Arithmetic between signals and numbers, inside comparisons: `*` and `/` bind tighter than `+` and `-`. */
export const arithmeticDocs: Readonly<Record<ArithOp, string>> = {
  '+': 'Plus (between numbers and signals; between formulas, `+` is Wring\'s or).',
  '-': 'Minus, or a negative number (before a formula, `-` is negation).',
  '*': 'Times (between numbers and signals; between formulas, `*` is Wring\'s and).',
  '/': 'Divided by.',
};

/** Functions of one term, with how the English reading says them. */
export const functions: Readonly<Record<string, { reading: string; doc: string }>> = {
  abs: { reading: 'the absolute value of', doc: 'The absolute value: `abs(x - y) < 0.5` holds when x and y are less than 0.5 apart.' },
};

/** Words that end an interval without an upper bound, as in `[5,inf]` (an interval may also leave it out: `[5..]`). */
export const unboundedSpellings = ['inf', 'infinite', '$', '∞'] as const;

// ---------------------------------------------------------------------------------------------
// Precedence
// ---------------------------------------------------------------------------------------------

export interface Binding {
  level: number;
  rightAssociative: boolean;
}

/**
 * Binding strength of binary operators, as in Spot: `-> <->` loosest, then `or`, `xor`, `and`, then
 * the binary temporal operators; unary operators bind tighter than all of them. The `formula` rule
 * reads a flat chain of operands and operators, and groups it by this table.
 */
export const binding: Readonly<Record<BinaryKind, Binding>> = {
  implies: { level: 1, rightAssociative: true },
  iff: { level: 1, rightAssociative: true },
  or: { level: 2, rightAssociative: false },
  xor: { level: 3, rightAssociative: false },
  and: { level: 4, rightAssociative: false },
  until: { level: 5, rightAssociative: true },
  release: { level: 5, rightAssociative: true },
  weak_until: { level: 5, rightAssociative: true },
  strong_release: { level: 5, rightAssociative: true },
  since: { level: 5, rightAssociative: true },
};

export const unaryLevel = 6;
export const atomLevel = 7;
export const temporalBinaryLevel = 5;

/**
 * Deepest syntax tree a statement may have (levels of operators and parentheses); deeper statements
 * get a diagnostic instead of a parse. The parser recurses once per parenthesis, about 12 stack
 * frames each, and a cold process (before the JIT shrinks those frames) has room for about 600:
 * this limit leaves half of that free for whatever called the parser.
 */
export const maxNesting = 256;

/** Operators that take an interval; the others (X, Y, !) get `tl/interval-not-allowed`. */
export const intervalKinds: ReadonlySet<OperatorKind> = new Set<OperatorKind>([
  'finally', 'globally', 'historically', 'once', 'until', 'release', 'weak_until', 'strong_release', 'since',
]);

// ---------------------------------------------------------------------------------------------
// Names, and operator letters glued to them
// ---------------------------------------------------------------------------------------------

/**
 * Operator letters read as operators when a name follows without a space, as in Spot: `GFa` is
 * `G F a`, `Goal` is `G oal`, `FFG__GFF` is `F F G __GFF`. A letter followed by a digit starts a
 * name (`F1`, `X0`), and after `prop` or `spec` a word is always a name. To name a proposition that
 * starts with one of these letters, quote it: `"Goal"`.
 */
export const gluedOperatorLetters = 'FGX';

/**
 * Binary operator letters glued to the name after them when they follow an operand on the same line,
 * as in Spot: `a Ub` is `a U b`, `(a)Wb` is `(a) W b`; anywhere else `Ub` is a name. (`aUb` is
 * always one name: letters inside a name never split it.)
 */
export const gluedBinaryLetters = 'URVWM';

/** How many operator letters at the start of a word are operators glued to the name after them (0: none). */
export function gluedRunLength(word: string): number {
  let i = 0;
  while (i < word.length && gluedOperatorLetters.includes(word[i]!) && !isDigitCode(word.charCodeAt(i + 1))) i++;
  return i;
}

function isDigitCode(c: number): boolean {
  return c >= 48 && c <= 57;
}

/** Characters of a name after its first: letters, digits, `_` and `.` (as in Spot: `P_0.b_c`). */
function isNameCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 46 || isDigitCode(c);
}

const nameBoundary = '(?![A-Za-z0-9_.])';

// ---------------------------------------------------------------------------------------------
// Tokens
// ---------------------------------------------------------------------------------------------

function isWordSpelling(s: string): boolean {
  return /^[A-Za-z_]+$/.test(s);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

/** A name: letters, digits, `_` and `.`, not starting with a digit (`..` is the interval separator). */
export const Identifier = createToken({ name: 'Identifier', label: 'name', pattern: /[A-Za-z_.][A-Za-z0-9_.]*/ });

// Categories group operators of one arity, so the parser consumes any of them at once.
export const UnaryOperator = createToken({ name: 'UnaryOperator', label: 'unary operator', pattern: Lexer.NA });
export const BinaryOperator = createToken({ name: 'BinaryOperator', label: 'binary operator', pattern: Lexer.NA });

/**
 * Spellings with a token of their own, because signals give them a second meaning: `-` is negation
 * before a formula and minus in arithmetic, `+` and `*` are Wring's or and and between formulas and
 * plus and times between numbers.
 */
export const Minus = createToken({ name: 'Minus', label: '-', pattern: /-/, categories: [UnaryOperator] });
export const Plus = createToken({ name: 'Plus', label: '+', pattern: /\+/, categories: [BinaryOperator] });
export const Star = createToken({ name: 'Star', label: '*', pattern: /\*/, categories: [BinaryOperator] });
const ownTokens: Readonly<Record<string, { token: TokenType; kind: OperatorKind }>> = {
  '-': { token: Minus, kind: 'not' },
  '+': { token: Plus, kind: 'or' },
  '*': { token: Star, kind: 'and' },
};

function startChars(spellings: readonly string[]): string[] {
  return [...new Set(spellings.map((s) => s[0]!))];
}

type Matcher = { exec: (text: string, offset: number, tokens: IToken[]) => CustomPatternMatcherReturn | null };

/**
 * The lexer's context across pieces of text (src/languages/tl/parser.ts lexes an edited file a
 * piece at a time): the token before the piece, and whether a line break follows it.
 */
export const lexerContext: { previous: IToken | undefined; lineBreakAfter: boolean } = { previous: undefined, lineBreakAfter: false };

/** The token before `offset`, and whether a line break lies between it and `offset`. */
function previousToken(text: string, offset: number, tokens: IToken[]): { token: IToken | undefined; sameLine: boolean } {
  const last = tokens[tokens.length - 1];
  const token = last ?? lexerContext.previous;
  if (!token) return { token, sameLine: false };
  const from = last ? last.startOffset + last.image.length : 0;
  if (!last && lexerContext.lineBreakAfter) return { token, sameLine: false };
  for (let i = from; i < offset; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return { token, sameLine: false };
  }
  return { token, sameLine: true };
}

/** The pattern of an operator: its spellings, and its letter glued to a name where Spot reads it so. */
function operatorPattern(o: OperatorInfo): RegExp | Matcher {
  const spellings = o.spellings.filter((s) => !(s in ownTokens));
  const words = spellings.filter(isWordSpelling);
  // Longer symbols first so that `&&` is not read as `&` `&`.
  const symbols = spellings.filter((s) => !isWordSpelling(s)).sort((a, b) => b.length - a.length);
  const source = [...words.map((w) => `${escapeRegExp(w)}${nameBoundary}`), ...symbols.map(escapeRegExp)].join('|');
  const prefixLetter = o.spellings.find((s) => s.length === 1 && gluedOperatorLetters.includes(s));
  const binaryLetters = o.spellings.filter((s) => s.length === 1 && gluedBinaryLetters.includes(s));
  if (prefixLetter === undefined && binaryLetters.length === 0) return new RegExp(source);
  const sticky = new RegExp(source, 'y');
  const images = new Map<number, CustomPatternMatcherReturn>();
  for (const letter of [prefixLetter, ...binaryLetters]) if (letter) images.set(letter.charCodeAt(0), [letter] as unknown as CustomPatternMatcherReturn);
  return {
    exec: (text, offset, tokens) => {
      const image = images.get(text.charCodeAt(offset));
      if (image !== undefined) {
        const next = text.charCodeAt(offset + 1);
        if (!isNameCode(next)) return image;
        if (prefixLetter !== undefined) {
          // F, G, X: an operator before a name, unless a digit follows or a declaration names it.
          if (isDigitCode(next)) return null;
          const before = previousToken(text, offset, tokens).token;
          return before !== undefined && (before.tokenType === Prop || before.tokenType === Spec || before.tokenType === Signal) ? null : image;
        }
        // U, R, V, W, M: an operator before a name only right after an operand on the same line.
        const { token, sameLine } = previousToken(text, offset, tokens);
        return token !== undefined && sameLine && endsOperandIdx[token.tokenTypeIdx] === true ? image : null;
      }
      sticky.lastIndex = offset;
      return sticky.exec(text) as CustomPatternMatcherReturn | null;
    },
  };
}

/** Token type indices that end an operand; filled in once the tokens exist. */
const endsOperandIdx: boolean[] = [];

/** One token type per operator kind; its spellings are alternatives of one pattern. */
export const operatorTokens: Readonly<Record<OperatorKind, TokenType>> = Object.fromEntries(
  operators.map((o) => [
    o.kind,
    createToken({
      name: `Op_${o.kind}`,
      label: o.spellings.join(' '),
      pattern: operatorPattern(o),
      categories: [o.arity === 1 ? UnaryOperator : BinaryOperator],
      start_chars_hint: startChars(o.spellings.filter((s) => !(s in ownTokens))),
      line_breaks: false,
    }),
  ]),
) as Record<OperatorKind, TokenType>;

function keyword(name: string, pattern = new RegExp(`${name}${nameBoundary}`), starts = [name[0]!]): TokenType {
  return createToken({ name: `Kw_${name}`, label: name, pattern, start_chars_hint: starts });
}

export const Prop = keyword('prop');
export const Spec = keyword('spec');
export const Signal = keyword('signal');
// As in Spot: `true`, `false`, `1` and `0` in any case; a name cannot start with `F`, so `Falsey` is `False y`.
export const True = keyword('true', new RegExp(`[tT][rR][uU][eE]${nameBoundary}`), ['t', 'T']);
export const False = keyword('false', new RegExp(`[fF][aA][lL][sS][eE]${nameBoundary}|F[aA][lL][sS][eE]`), ['f', 'F']);

export const QuotedName = createToken({ name: 'QuotedName', label: '"quoted name"', pattern: /"(?:[^"\\\r\n]|\\.)*"/, start_chars_hint: ['"'] });
/** A quoted name without its closing quote; read as a quoted name, with a problem. */
export const UnterminatedQuote = createToken({ name: 'UnterminatedQuote', pattern: /"(?:[^"\\\r\n]|\\.)*/, start_chars_hint: ['"'], categories: [QuotedName] });
export const NumberLiteral = createToken({ name: 'NumberLiteral', label: 'number', pattern: /\d+(?:\.\d+)?/ });
export const Unbounded = createToken({ name: 'Unbounded', label: '$ or ∞', pattern: /\$|∞/, start_chars_hint: ['$', '∞'] });
export const Define = createToken({ name: 'Define', label: ':=', pattern: /:=/ });
export const LParen = createToken({ name: 'LParen', label: '(', pattern: /\(/ });
export const RParen = createToken({ name: 'RParen', label: ')', pattern: /\)/ });
export const LBracket = createToken({ name: 'LBracket', label: '[', pattern: /\[/ });
export const RBracket = createToken({ name: 'RBracket', label: ']', pattern: /\]/ });
export const Comma = createToken({ name: 'Comma', label: ',', pattern: /,/ });
export const Colon = createToken({ name: 'Colon', label: ':', pattern: /:/ });
/** `[2..5]`, `[2..]`: the interval separator of PSL and Spot. */
export const DotDot = createToken({ name: 'DotDot', label: '..', pattern: /\.\./ });
export const Semicolon = createToken({ name: 'Semicolon', label: ';', pattern: /;/ });
/** Wring's suffixes on a proposition: `p=1` is `p`, `p=0` is `!p`. */
export const PostPos = createToken({ name: 'PostPos', label: '=1', pattern: /=1/ });
export const PostNeg = createToken({ name: 'PostNeg', label: '=0', pattern: /=0/ });

/** Comparisons, one token each, grouped in a category the `comparison` rule consumes. */
export const Comparison = createToken({ name: 'Comparison', label: 'comparison', pattern: Lexer.NA });
export const comparisonTokens: Readonly<Record<CompareOp, TokenType>> = Object.fromEntries(
  comparisons.map((c) => [
    c.op,
    createToken({
      name: `Cmp_${{ '<': 'lt', '<=': 'le', '>': 'gt', '>=': 'ge', '==': 'eq', '!=': 'ne' }[c.op]}`,
      label: c.op,
      // Longer spellings first; `<` must not read the start of `<=`.
      pattern: new RegExp([...c.spellings].sort((a, b) => b.length - a.length).map(escapeRegExp).join('|')),
      categories: [Comparison],
      start_chars_hint: startChars(c.spellings),
    }),
  ]),
) as Record<CompareOp, TokenType>;
export const compareOpOf: ReadonlyMap<TokenType, CompareOp> = new Map(comparisons.map((c) => [comparisonTokens[c.op], c.op]));
export const Slash = createToken({ name: 'Slash', label: '/', pattern: /\// });

/** Where the block comment opening at `offset` ends: comments nest, as in Spot; -1 when it never closes. */
function blockCommentEnd(text: string, offset: number): number {
  let depth = 0;
  let i = offset;
  while (i < text.length - 1) {
    const c = text.charCodeAt(i);
    const d = text.charCodeAt(i + 1);
    if (c === 47 && d === 42) {
      depth++;
      i += 2;
    } else if (c === 42 && d === 47) {
      i += 2;
      if (--depth === 0) return i;
    } else i++;
  }
  return -1;
}

export const LineComment = createToken({ name: 'LineComment', pattern: /\/\/[^\n\r]*/, group: 'comments' });
export const BlockComment = createToken({
  name: 'BlockComment',
  pattern: {
    exec: (text: string, offset: number) => {
      if (text.charCodeAt(offset) !== 47 || text.charCodeAt(offset + 1) !== 42) return null;
      const end = blockCommentEnd(text, offset);
      return end < 0 ? null : ([text.slice(offset, end)] as unknown as CustomPatternMatcherReturn);
    },
  },
  group: 'comments',
  line_breaks: true,
  start_chars_hint: ['/'],
});
export const UnterminatedComment = createToken({
  name: 'UnterminatedComment', pattern: /\/\*[\s\S]*/, group: 'comments', line_breaks: true, start_chars_hint: ['/'],
});
export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /[ \t\r\n\f\v\u00a0\ufeff]+/, group: Lexer.SKIPPED, line_breaks: true });

export const allTokens: TokenType[] = [
  WhiteSpace,
  LineComment,
  BlockComment,
  UnterminatedComment,
  QuotedName,
  UnterminatedQuote,
  Define,
  // Keywords before the operators: `False` is the constant, not `F alse`.
  Prop,
  Spec,
  Signal,
  True,
  False,
  // Multi-character symbols come before the single characters they start with: `<->`, `<=>` and `<>`
  // before `<=` and `<`, `!=` before `!`, `/\` before `/`.
  operatorTokens.iff,
  operatorTokens.implies,
  operatorTokens.and,
  operatorTokens.or,
  operatorTokens.globally,
  operatorTokens.finally,
  comparisonTokens['<='],
  comparisonTokens['<'],
  comparisonTokens['>='],
  comparisonTokens['>'],
  comparisonTokens['=='],
  comparisonTokens['!='],
  operatorTokens.not,
  operatorTokens.xor,
  operatorTokens.next,
  operatorTokens.historically,
  operatorTokens.once,
  operatorTokens.prev,
  operatorTokens.until,
  operatorTokens.release,
  operatorTokens.weak_until,
  operatorTokens.strong_release,
  operatorTokens.since,
  Minus,
  Plus,
  Star,
  Slash,
  PostPos,
  PostNeg,
  NumberLiteral,
  Unbounded,
  LParen,
  RParen,
  LBracket,
  RBracket,
  Comma,
  Colon,
  DotDot,
  Semicolon,
  Identifier,
  UnaryOperator,
  BinaryOperator,
  Comparison,
];

/**
 * How many characters past a token's end the lexer may read to decide where it ends (a symbol that
 * a longer symbol starts, a word boundary, or `1.` before a digit). Text edited further away than
 * this from a token cannot change it, which tells the incremental parser what it may keep.
 */
export const scanLookahead = Math.max(2, ...operators.flatMap((o) => o.spellings.map((s) => s.length)));

/** Built on first use: building it validates every pattern. */
let lexer: Lexer | undefined;
export const tlLexer: Pick<Lexer, 'tokenize'> = {
  tokenize: (text, initialMode) =>
    (lexer ??= new Lexer(allTokens, { positionTracking: 'onlyOffset', ensureOptimizations: true })).tokenize(text, initialMode),
};

export const kindOfToken: ReadonlyMap<TokenType, OperatorKind> = new Map([
  ...operators.map((o): [TokenType, OperatorKind] => [operatorTokens[o.kind], o.kind]),
  ...Object.values(ownTokens).map(({ token, kind }): [TokenType, OperatorKind] => [token, kind]),
]);

/** Token types that can end an operand, and that can start one: a line break between the two ends a statement. */
export const endsOperand: readonly TokenType[] = [Identifier, QuotedName, UnterminatedQuote, True, False, NumberLiteral, RParen, PostPos, PostNeg];
export const startsOperand: readonly TokenType[] = [Identifier, QuotedName, UnterminatedQuote, True, False, NumberLiteral, LParen, Prop, Spec, Signal];
for (const t of [Identifier, QuotedName, UnterminatedQuote, RParen, PostPos, PostNeg]) endsOperandIdx[t.tokenTypeIdx!] = true;

// ---------------------------------------------------------------------------------------------
// Rules
// ---------------------------------------------------------------------------------------------

/** The end offset (exclusive) of a token. */
export function tokenEnd(t: IToken): number {
  return t.startOffset + t.image.length;
}

const closedQuote = /^"(?:[^"\\\r\n]|\\.)*"$/;

export function unquote(image: string): string {
  const body = image.slice(1, closedQuote.test(image) ? -1 : undefined);
  return body.replace(/\\(.)/g, '$1');
}

export function isUnboundedWord(image: string): boolean {
  return image === 'inf' || image === 'infinite';
}

export const problemCodes = {
  intervalNotAllowed: 'tl/interval-not-allowed',
  badBound: 'tl/invalid-bound',
} as const;

// Module-level copies of the node constructors: the actions call them for every node, and an
// imported binding is read through the other module's namespace on each use.
const { constNode, intervalNode, operatorNode, propNode, compareNode, numberTerm, signalTerm, boolTerm, arithTerm, negTerm, callTerm } = nodes;

// Dense tables indexed by token type: the hot loops read them once per operator.
const tableSize = Math.max(...allTokens.map((t) => t.tokenTypeIdx!)) + 1;
const binaryKindOf: (BinaryKind | undefined)[] = new Array<BinaryKind | undefined>(tableSize).fill(undefined);
const unaryKindOf: (UnaryKind | undefined)[] = new Array<UnaryKind | undefined>(tableSize).fill(undefined);
for (const [type, kind] of kindOfToken) {
  if (operatorInfo[kind].arity === 2) binaryKindOf[type.tokenTypeIdx!] = kind as BinaryKind;
  else unaryKindOf[type.tokenTypeIdx!] = kind as UnaryKind;
}

/**
 * Chevrotain's errors carry these short keys instead of its own English: src/languages/tl/parser.ts
 * writes the messages people read, from the error, the rule it happened in and the tokens around it.
 */
const errorKeys = {
  buildMismatchTokenMessage: ({ expected }: { expected: TokenType }) => expected.name,
  buildNotAllInputParsedMessage: () => 'NotAllInputParsed',
  buildNoViableAltMessage: () => 'NoViableAlt',
  buildEarlyExitMessage: () => 'EarlyExit',
};

// What a comparison's terms are made of: the `comparison` rule is chosen where these tokens, with
// parentheses around them, lead to a comparison operator (`2 * x + y < 1`); elsewhere `+` and `*`
// between formulas are Wring's or and and.
const isTermToken: boolean[] = [];
for (const t of [Identifier, QuotedName, UnterminatedQuote, NumberLiteral, True, False, Minus, Plus, Star, Slash]) isTermToken[t.tokenTypeIdx!] = true;
const isComparisonToken: boolean[] = [];
for (const t of Object.values(comparisonTokens)) isComparisonToken[t.tokenTypeIdx!] = true;

/** What a rule gives back when error recovery leaves it: the tree of a statement with errors is dropped. */
const recovered = {
  formula: (): Formula => constNode('false', 0, 0),
  term: (): Term => numberTerm(0, 0, 0),
};

/**
 * The rules, with the actions that build the syntax tree as each rule completes (no CST). The same
 * class runs twice: without recovery, the fast path for statements without errors, and with
 * Chevrotain's recovery for a statement that has errors, to report all of them.
 *
 * Actions run only outside Chevrotain's recording phase (`this.RECORDING_PHASE`, in which it walks
 * the rules once to learn the grammar): a test of that flag rather than `this.ACTION(() => ...)`,
 * and alternatives built once, because a closure made on every call of a rule that runs for every
 * operand of a large file was a good part of its parse time.
 */
export class TlParser extends EmbeddedActionsParser {
  /** Problems found by the actions (an interval where none is allowed, a bad bound); the statement still parses. */
  problems: SyntaxProblem[] = [];

  /**
   * `validate` runs Chevrotain's checks of the grammar itself (ambiguities, unreachable alternatives);
   * the syntax reference's generator and its test build the parser with them, so the parsers that
   * read files can skip them and start sooner.
   */
  constructor(recovery: boolean, validate = false) {
    super(allTokens, { recoveryEnabled: recovery, maxLookahead: 2, errorMessageProvider: errorKeys, skipValidations: !validate });
    this.performSelfAnalysis();
  }

  /** A statement: a proposition declaration, a named spec or a bare formula. */
  statement = this.RULE('statement', (): Statement => this.OR(this.statementForms), { recoveryValueFunc: () => ({ kind: 'broken', start: 0, end: 0 }) as Statement });

  propDeclaration = this.RULE('propDeclaration', (): Statement => {
    const keyword = this.CONSUME(Prop);
    const name = this.OR(this.propNames);
    const description = this.OPTION(this.description);
    if (this.RECORDING_PHASE) return recordingStatement;
    const statement: Statement = {
      kind: 'propDecl',
      name: name.tokenType === Identifier ? name.image : unquote(name.image),
      nameSpan: { start: name.startOffset, end: tokenEnd(name) },
      start: keyword.startOffset,
      end: tokenEnd(description ?? name),
    };
    if (description) {
      statement.description = unquote(description.image);
      statement.descriptionSpan = { start: description.startOffset, end: tokenEnd(description) };
    }
    return statement;
  });

  /** `signal speed "km/h"`: a signal, optionally with its unit. */
  signalDeclaration = this.RULE('signalDeclaration', (): Statement => {
    const keyword = this.CONSUME(Signal);
    const name = this.OR(this.signalNames);
    const unit = this.OPTION(this.unit);
    if (this.RECORDING_PHASE) return recordingStatement;
    const statement: Statement = {
      kind: 'signalDecl',
      name: name.tokenType === Identifier ? name.image : unquote(name.image),
      nameSpan: { start: name.startOffset, end: tokenEnd(name) },
      start: keyword.startOffset,
      end: tokenEnd(unit ?? name),
    };
    if (unit) {
      statement.unit = unquote(unit.image);
      statement.unitSpan = { start: unit.startOffset, end: tokenEnd(unit) };
    }
    return statement;
  });

  specDeclaration = this.RULE('specDeclaration', (): Statement => {
    const keyword = this.CONSUME(Spec);
    const name = this.CONSUME(Identifier);
    this.CONSUME(Define);
    const formula = this.SUBRULE(this.formula);
    if (this.RECORDING_PHASE) return recordingStatement;
    return { kind: 'specDecl', name: name.image, nameSpan: { start: name.startOffset, end: tokenEnd(name) }, formula, start: keyword.startOffset, end: formula.outerEnd };
  });

  formulaStatement = this.RULE('formulaStatement', (): Statement => {
    const formula = this.SUBRULE(this.formula);
    if (this.RECORDING_PHASE) return recordingStatement;
    return { kind: 'formula', formula, start: formula.outerStart, end: formula.outerEnd };
  });

  /**
   * Operands joined by binary operators, each with an optional interval. The chain is grouped by the
   * precedence table `binding` as it is read (operator-precedence parsing on two stacks), so the
   * rule does not recurse once per level of precedence.
   */
  formula = this.RULE(
    'formula',
    (): Formula => {
      const base = this.opTop;
      this.opBases.push(base);
      this.values.push(this.SUBRULE(this.operand));
      this.MANY(this.formulaTail);
      if (this.RECORDING_PHASE) return recordingFormula;
      while (this.opTop > base) this.reduce();
      this.opBases.pop();
      return this.values.pop()!;
    },
    { recoveryValueFunc: recovered.formula },
  );

  private readonly formulaTail = (): void => {
    const op = (this.operator = this.CONSUME(BinaryOperator));
    const interval = this.OPTION(this.operatorInterval);
    if (!this.RECORDING_PHASE) {
      const kind = binaryKindOf[op.tokenTypeIdx]!;
      const { level, rightAssociative } = binding[kind];
      // Reduce what binds at least as tightly, down to this formula's own entries.
      const base = this.opBases[this.opBases.length - 1]!;
      while (this.opTop > base) {
        const top = this.opLevel[this.opTop - 1]!;
        if (top < level || (top === level && rightAssociative)) break;
        this.reduce();
      }
      const k = this.opTop++;
      this.opKind[k] = kind;
      this.opToken[k] = op;
      this.opInterval[k] = interval;
      this.opLevel[k] = level;
    }
    this.values.push(this.SUBRULE2(this.operand));
  };

  /**
   * Prefix operators (each with an optional interval) before a proposition, a constant or a formula
   * in parentheses. (One rule rather than two, so that each level of parentheses costs the stack less.)
   */
  operand = this.RULE(
    'operand',
    (): Formula => {
      const base = this.prefixTop;
      this.MANY(this.prefixes);
      let f = this.OR(this.primaryForms);
      if (this.RECORDING_PHASE) return recordingFormula;
      while (this.prefixTop > base) {
        const k = --this.prefixTop;
        const t = this.prefixToken[k]!;
        const iv = this.prefixInterval[k];
        const kind = unaryKindOf[t.tokenTypeIdx]!;
        if (kind === 'next' && iv !== undefined && this.prefixSingle[k]) {
          // Spot's `X[n] φ`: X applied n times; the nodes share the operator's span, `X[n]`.
          for (let n = Number.isInteger(iv.lo) && iv.lo > 0 ? iv.lo : 0; n > 0; n--) f = operatorNode(kind, [f], t.startOffset, iv.end, undefined, t.startOffset, f.outerEnd);
          continue;
        }
        f = operatorNode(kind, [f], t.startOffset, tokenEnd(t), iv && intervalKinds.has(kind) ? iv : undefined, t.startOffset, f.outerEnd);
      }
      return f;
    },
    { recoveryValueFunc: recovered.formula },
  );

  /** Prefix operators, up to a comparison: in `-x < 3` the `-` is minus, not negation. */
  private readonly prefixes = { GATE: (): boolean => this.LA(1).tokenType !== Minus || !this.comparisonAhead(), DEF: (): void => this.prefix() };

  private readonly prefix = (): void => {
    const op = (this.operator = this.CONSUME(UnaryOperator));
    this.single = false;
    const interval = this.OPTION2(this.operatorInterval);
    const k = this.prefixTop++;
    this.prefixToken[k] = op;
    this.prefixInterval[k] = interval;
    this.prefixSingle[k] = this.single;
  };

  /**
   * `[lo,hi]` after an operator, the separator `,`, `:`, `..` or `to`; `hi` may be `inf`, `infinite`,
   * `$` or `∞`, or left out (`[2..]`), for no bound. `X[n]` takes one number: X applied n times.
   */
  interval = this.RULE(
    'interval',
    (): Interval => {
      const operator = this.operator;
      const open = this.CONSUME(LBracket);
      const lo = this.SUBRULE(this.bound);
      let separated = false;
      let hi: Bound | undefined;
      this.OPTION(() => {
        this.OR(this.separators);
        separated = true;
        hi = this.OPTION2(this.upperBound);
      });
      const close = this.CONSUME(RBracket);
      if (this.RECORDING_PHASE) return recordingInterval;
      const single = !separated;
      const interval = intervalNode(lo.value ?? 0, single ? lo.value : (hi?.value ?? null), open.startOffset, tokenEnd(close));
      this.single = single;
      const kind = kindOfToken.get(operator.tokenType)!;
      const spelled = `\`${operator.image}\``;
      if (lo.value === null) {
        this.problems.push({ code: problemCodes.badBound, message: 'The lower bound of an interval must be a number; only the upper bound can be `inf`.', start: lo.start, end: lo.end });
      } else if (single && kind === 'next') {
        if (!Number.isInteger(lo.value) || lo.value < 0) {
          this.problems.push({ code: problemCodes.badBound, message: '`X[n]` applies X n times: n must be a whole number.', start: interval.start, end: interval.end });
        }
        return interval;
      } else if (single && intervalKinds.has(kind)) {
        this.problems.push({
          code: problemCodes.badBound,
          message: `${spelled} needs two bounds, \`[lo,hi]\` (or \`[lo..]\` for no upper bound); only \`X[n]\` takes one number.`,
          start: interval.start,
          end: interval.end,
        });
      }
      if (!intervalKinds.has(kind)) {
        this.problems.push({
          code: problemCodes.intervalNotAllowed,
          message: `${spelled} (${kind.replace('_', ' ')}) does not take an interval; only F, G, H, O, U, R, W, M and S do (and \`X[n]\`, X n times).`,
          start: interval.start,
          end: interval.end,
        });
      }
      return interval;
    },
    // An error in an interval is recovered from in the operand or formula around it, which skips past
    // the rest of the interval (recovering here would read a bad bound as the operand after it).
    { resyncEnabled: false },
  );

  /** A bound: a number, a negative number, or a mark for no bound (`inf`, `infinite`, `$`, `∞`). */
  bound = this.RULE('bound', (): Bound => this.OR(this.boundForms), { resyncEnabled: false });

  /** A comparison of two terms (STL): `speed >= limit`, `abs(x - y) < 0.5`, `2 * x + y < 1`. */
  comparison = this.RULE(
    'comparison',
    (): Formula => {
      const left = this.SUBRULE(this.sum);
      const op = this.CONSUME(Comparison);
      const right = this.SUBRULE2(this.sum);
      return this.RECORDING_PHASE ? recordingFormula : compareNode(compareOpOf.get(op.tokenType)!, left, right, op.startOffset, tokenEnd(op));
    },
    { recoveryValueFunc: recovered.formula },
  );

  /** Terms joined by `+` and `-`, left to right. */
  sum = this.RULE(
    'sum',
    (): Term => {
      let left = this.SUBRULE(this.product);
      this.MANY(() => {
        const op = this.OR(this.additions);
        const right = this.SUBRULE2(this.product);
        if (!this.RECORDING_PHASE) left = arithTerm(op.tokenType === Plus ? '+' : '-', left, right, op.startOffset, tokenEnd(op));
      });
      return left;
    },
    { recoveryValueFunc: recovered.term },
  );

  /** Factors joined by `*` and `/`, left to right. */
  product = this.RULE(
    'product',
    (): Term => {
      let left = this.SUBRULE(this.factor);
      this.MANY(() => {
        const op = this.OR(this.multiplications);
        const right = this.SUBRULE2(this.factor);
        if (!this.RECORDING_PHASE) left = arithTerm(op.tokenType === Star ? '*' : '/', left, right, op.startOffset, tokenEnd(op));
      });
      return left;
    },
    { recoveryValueFunc: recovered.term },
  );

  /** A number, a signal, `abs(term)`, a term in parentheses, or minus a factor. */
  factor = this.RULE('factor', (): Term => this.OR(this.factorForms), { recoveryValueFunc: recovered.term });

  private readonly additions = [{ ALT: () => this.CONSUME(Plus) }, { ALT: () => this.CONSUME(Minus) }];
  private readonly multiplications = [{ ALT: () => this.CONSUME(Star) }, { ALT: () => this.CONSUME(Slash) }];
  private readonly factorForms = [
    {
      ALT: (): Term => {
        const minus = this.CONSUME(Minus);
        const arg = this.SUBRULE(this.factor);
        return this.RECORDING_PHASE ? recordingTerm : negTerm(arg, minus.startOffset, tokenEnd(minus));
      },
    },
    {
      ALT: (): Term => {
        const n = this.CONSUME(NumberLiteral);
        return this.RECORDING_PHASE ? recordingTerm : numberTerm(Number(n.image), n.startOffset, tokenEnd(n));
      },
    },
    {
      ALT: (): Term => {
        const name = this.CONSUME(Identifier);
        const call = this.OPTION(this.callArgument);
        if (this.RECORDING_PHASE) return recordingTerm;
        if (!call) return signalTerm(name.image, name.startOffset, tokenEnd(name));
        return callTerm(name.image, name.startOffset, tokenEnd(name), call.arg, call.end);
      },
    },
    {
      ALT: (): Term => {
        const t = this.CONSUME(QuotedName);
        return this.RECORDING_PHASE ? recordingTerm : signalTerm(unquote(t.image), t.startOffset, tokenEnd(t));
      },
    },
    {
      ALT: (): Term => {
        const t = this.CONSUME(True);
        return this.RECORDING_PHASE ? recordingTerm : boolTerm(true, t.startOffset, tokenEnd(t));
      },
    },
    {
      ALT: (): Term => {
        const t = this.CONSUME(False);
        return this.RECORDING_PHASE ? recordingTerm : boolTerm(false, t.startOffset, tokenEnd(t));
      },
    },
    {
      ALT: (): Term => {
        const open = this.CONSUME(LParen);
        const inner = this.SUBRULE2(this.sum);
        const close = this.CONSUME(RParen);
        if (this.RECORDING_PHASE) return recordingTerm;
        inner.outerStart = open.startOffset;
        inner.outerEnd = tokenEnd(close);
        return inner;
      },
    },
  ];
  private readonly callArgument = (): { arg: Term; end: number } => {
    this.CONSUME2(LParen);
    const arg = this.SUBRULE(this.sum);
    const close = this.CONSUME2(RParen);
    return { arg, end: tokenEnd(close) };
  };

  /**
   * Whether a comparison starts here: terms (names, numbers, `+ - * /`, parentheses around terms)
   * up to a comparison operator outside parentheses. A comparison inside parentheses makes them a
   * formula's (`(x < 3) & a`); any other token ends the terms.
   */
  private comparisonAhead(): boolean {
    let depth = 0;
    for (let i = 1; ; i++) {
      const t = this.LA(i);
      const type = t.tokenTypeIdx;
      if (isComparisonToken[type]) return depth === 0;
      if (type === lparenIdx) depth++;
      else if (type === rparenIdx) {
        if (depth-- === 0) return false;
      } else if (isTermToken[type] !== true) return false;
    }
  }

  /** Wring's `=1` or `=0` after a proposition. */
  wringSuffix = this.RULE('wringSuffix', (): IToken => this.OR(this.wringSuffixes));

  /** The operator whose interval is read next. */
  private operator!: IToken;
  private readonly operatorInterval = (): Interval => this.SUBRULE(this.interval);
  private readonly upperBound = (): Bound => this.SUBRULE2(this.bound);
  /** Whether the interval just read had one number (`X[3]`). */
  private single = false;
  private readonly description = (): IToken => this.CONSUME2(QuotedName);

  // Alternatives built once rather than on every call (Chevrotain's advice for hot rules).
  private readonly statementForms = [
    { ALT: () => this.SUBRULE(this.propDeclaration) },
    { ALT: () => this.SUBRULE(this.signalDeclaration) },
    { ALT: () => this.SUBRULE(this.specDeclaration) },
    { ALT: () => this.SUBRULE(this.formulaStatement) },
  ];
  private readonly propNames = [{ ALT: () => this.CONSUME(Identifier) }, { ALT: () => this.CONSUME(QuotedName) }];
  private readonly signalNames = [{ ALT: () => this.CONSUME(Identifier) }, { ALT: () => this.CONSUME(QuotedName) }];
  private readonly unit = (): IToken => this.CONSUME2(QuotedName);
  private readonly separators = [
    { ALT: () => this.CONSUME(Comma) },
    { ALT: () => this.CONSUME(Colon) },
    { ALT: () => this.CONSUME(DotDot) },
    // VHDL's `to`, which Spot reads too.
    { GATE: () => this.LA(1).image === 'to', ALT: () => this.CONSUME(Identifier) },
  ];
  private readonly primaryForms = [
    {
      // A comparison starts like a proposition or a parenthesis; what follows decides.
      GATE: (): boolean => this.comparisonAhead(),
      IGNORE_AMBIGUITIES: true,
      ALT: (): Formula => this.SUBRULE(this.comparison),
    },
    {
      ALT: (): Formula => {
        const t = this.CONSUME(Identifier);
        const suffix = this.OPTION3(this.nameSuffix);
        return this.RECORDING_PHASE ? recordingFormula : this.withSuffix(propNode(t.image, t.startOffset, tokenEnd(t)), suffix);
      },
    },
    {
      ALT: (): Formula => {
        const t = this.CONSUME(QuotedName);
        const suffix = this.OPTION4(this.quotedSuffix);
        return this.RECORDING_PHASE ? recordingFormula : this.withSuffix(propNode(unquote(t.image), t.startOffset, tokenEnd(t)), suffix);
      },
    },
    {
      ALT: (): Formula => {
        const t = this.CONSUME(True);
        return this.RECORDING_PHASE ? recordingFormula : constNode('true', t.startOffset, tokenEnd(t));
      },
    },
    {
      ALT: (): Formula => {
        const t = this.CONSUME(False);
        return this.RECORDING_PHASE ? recordingFormula : constNode('false', t.startOffset, tokenEnd(t));
      },
    },
    {
      // Spot's `1` and `0`.
      GATE: () => this.LA(1).image === '1' || this.LA(1).image === '0',
      ALT: (): Formula => {
        const t = this.CONSUME(NumberLiteral);
        return this.RECORDING_PHASE ? recordingFormula : constNode(t.image === '1' ? 'true' : 'false', t.startOffset, tokenEnd(t));
      },
    },
    {
      ALT: (): Formula => {
        const open = this.CONSUME(LParen);
        const inner = this.SUBRULE(this.formula);
        const close = this.CONSUME(RParen);
        if (this.RECORDING_PHASE) return recordingFormula;
        inner.outerStart = open.startOffset;
        inner.outerEnd = tokenEnd(close);
        return inner;
      },
    },
  ];
  private readonly nameSuffix = (): IToken => this.SUBRULE(this.wringSuffix);
  private readonly quotedSuffix = (): IToken => this.SUBRULE2(this.wringSuffix);
  private readonly wringSuffixes = [{ ALT: () => this.CONSUME(PostPos) }, { ALT: () => this.CONSUME(PostNeg) }];

  /** `p=1` is `p`, `p=0` is `!p` (the negation's operator is the `=0`). */
  private withSuffix(f: Formula, suffix: IToken | undefined): Formula {
    if (suffix === undefined || suffix.tokenType === PostPos) return f;
    return operatorNode('not', [f], suffix.startOffset, tokenEnd(suffix), undefined, f.start, tokenEnd(suffix));
  }
  private readonly boundForms = [
    {
      // A negative number (the checks refuse it, with a clear message).
      ALT: (): Bound => {
        const minus = this.CONSUME(Minus);
        const n = this.CONSUME(NumberLiteral);
        return { value: -Number(n.image), start: minus.startOffset, end: tokenEnd(n) };
      },
    },
    {
      ALT: (): Bound => {
        const n = this.CONSUME2(NumberLiteral);
        return { value: Number(n.image), start: n.startOffset, end: tokenEnd(n) };
      },
    },
    {
      ALT: (): Bound => {
        const t = this.CONSUME(Unbounded);
        return { value: null, start: t.startOffset, end: tokenEnd(t) };
      },
    },
    {
      GATE: () => isUnboundedWord(this.LA(1).image),
      ALT: (): Bound => {
        const t = this.CONSUME2(Identifier);
        return { value: null, start: t.startOffset, end: tokenEnd(t) };
      },
    },
  ];

  // Shared stacks for operands and pending operators, so that grouping by precedence allocates
  // nothing but the tree itself. A parenthesised subformula works above its caller's entries.
  private values: Formula[] = [];
  private opTop = 0;
  private opBases: number[] = [];
  private opKind: BinaryKind[] = [];
  private opToken: IToken[] = [];
  private opInterval: (Interval | undefined)[] = [];
  private opLevel: number[] = [];
  private prefixTop = 0;
  private prefixToken: IToken[] = [];
  private prefixInterval: (Interval | undefined)[] = [];
  private prefixSingle: boolean[] = [];

  private reduce(): void {
    const k = --this.opTop;
    const right = this.values.pop()!;
    const left = this.values.pop()!;
    const t = this.opToken[k]!;
    this.values.push(operatorNode(this.opKind[k]!, [left, right], t.startOffset, tokenEnd(t), this.opInterval[k], left.outerStart, right.outerEnd));
  }

  /** Parses one statement's tokens. */
  parseStatement(tokens: IToken[]): Statement {
    this.input = tokens;
    this.problems = [];
    this.values.length = 0;
    this.opTop = 0;
    this.opBases.length = 0;
    this.prefixTop = 0;
    const statement = this.statement();
    // A statement ends with its last token, which may lie past its formula (Wring's `p=1`).
    if (statement.kind !== 'broken' && this.errors.length === 0) statement.end = tokenEnd(tokens[tokens.length - 1]!);
    return statement;
  }
}

interface Bound {
  value: number | null;
  start: number;
  end: number;
}

// What the rules give back while Chevrotain records the grammar; never part of a tree.
const recordingFormula = constNode('false', 0, 0);
const recordingInterval = intervalNode(0, null, 0, 0);
const recordingStatement: Statement = { kind: 'broken', start: 0, end: 0 };
const recordingTerm: Term = numberTerm(0, 0, 0);
const lparenIdx = LParen.tokenTypeIdx!;
const rparenIdx = RParen.tokenTypeIdx!;

// ---------------------------------------------------------------------------------------------
// Highlighting
// ---------------------------------------------------------------------------------------------

/**
 * What syntax highlighting needs, in a form every grammar file can export: the generator in
 * scripts/gen-syntaxes.ts turns it into syntaxes/<language>.tmLanguage.json.
 */
export const highlighting = {
  language: 'tl',
  scopeName: 'source.tl',
  lineComment: '//',
  blockComment: ['/*', '*/'] as [string, string],
  /** Special comments shown in a distinct colour: `// nl: ...` holds a sentence to translate. */
  specialLineComments: [{ prefix: 'nl:', scope: 'comment.line.double-slash.nl.tl' }],
  keywords: [
    { scope: 'keyword.declaration.tl', words: ['prop', 'spec', 'signal'] },
    { scope: 'constant.language.boolean.tl', words: ['true', 'false', 'True', 'False', 'TRUE', 'FALSE'] },
    { scope: 'constant.language.infinity.tl', words: ['inf', 'infinite'] },
  ],
  operatorWords: [
    {
      scope: 'keyword.operator.temporal.tl',
      words: operators.filter((o) => o.temporal).flatMap((o) => o.spellings.filter(isWordSpelling)),
    },
    {
      scope: 'keyword.operator.logical.tl',
      words: operators.filter((o) => !o.temporal).flatMap((o) => o.spellings.filter(isWordSpelling)),
    },
  ],
  /** Operator letters also glued to a name, as in `GFa` (not before a digit: `F1` is a name). */
  gluedPrefixLetters: { scope: 'keyword.operator.temporal.tl', letters: gluedOperatorLetters, pattern: `\\b((?:[${gluedOperatorLetters}](?![0-9]))+)(?=[A-Za-z_.])` },
  symbols: [
    { scope: 'keyword.operator.definition.tl', symbols: [':='] },
    { scope: 'keyword.operator.temporal.tl', symbols: operators.filter((o) => o.temporal).flatMap((o) => o.spellings.filter((s) => !isWordSpelling(s))) },
    { scope: 'keyword.operator.logical.tl', symbols: [...operators.filter((o) => !o.temporal).flatMap((o) => o.spellings.filter((s) => !isWordSpelling(s))), '=0', '=1'] },
    { scope: 'keyword.operator.comparison.tl', symbols: comparisons.flatMap((c) => c.spellings) },
    { scope: 'keyword.operator.arithmetic.tl', symbols: ['/'] },
    { scope: 'constant.language.infinity.tl', symbols: ['$', '∞'] },
    { scope: 'punctuation.separator.tl', symbols: [';', ',', ':', '..'] },
  ],
  numbers: true,
  strings: { begin: '"', end: '"', escape: '\\\\.', scope: 'string.quoted.double.tl' },
  identifierPattern: '[A-Za-z_.][A-Za-z0-9_.]*',
  identifierScope: 'variable.other.proposition.tl',
  /** `prop NAME` and `spec NAME` highlight the declared name as a definition. */
  declarations: [
    { keyword: 'prop', scope: 'entity.name.variable.proposition.tl' },
    { keyword: 'spec', scope: 'entity.name.function.spec.tl' },
    { keyword: 'signal', scope: 'entity.name.variable.signal.tl' },
  ],
};
