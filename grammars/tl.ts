// Tokens of temporal-logic files (.tl): the single source of truth for every spelling of every
// operator. The parser, the printer, completion, hover, semantic tokens and the generated TextMate
// grammar all read the tables below, so a new spelling is added here and nowhere else.
import { createToken, Lexer, type TokenType } from 'chevrotain';

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
    spellings: ['and', '&', '&&', '/\\', '∧'],
    canonical: { words: 'and', ascii: '&', unicode: '∧' },
    doc: 'Conjunction: `φ and ψ` holds when both φ and ψ hold. Binds tighter than `or`; left-associative.',
  },
  {
    kind: 'or', arity: 2, temporal: false,
    spellings: ['or', '|', '||', '\\/', '∨'],
    canonical: { words: 'or', ascii: '|', unicode: '∨' },
    doc: 'Disjunction: `φ or ψ` holds when at least one of φ and ψ holds. Binds tighter than `xor` and `->`; left-associative.',
  },
  {
    kind: 'implies', arity: 2, temporal: false,
    spellings: ['implies', 'imply', '->', '=>', '→', '⇒'],
    canonical: { words: 'implies', ascii: '->', unicode: '→' },
    doc: 'Implication: `φ -> ψ` holds when φ is false or ψ is true. Lowest precedence, right-associative: `a -> b -> c` is `a -> (b -> c)`. `imply` is the NL2TL spelling.',
  },
  {
    kind: 'iff', arity: 2, temporal: false,
    spellings: ['iff', 'equal', '<->', '<=>', '↔', '⇔'],
    canonical: { words: 'iff', ascii: '<->', unicode: '↔' },
    doc: 'Equivalence: `φ <-> ψ` holds when φ and ψ are both true or both false. Same precedence as `->`, right-associative. `equal` is the NL2TL spelling.',
  },
  {
    kind: 'xor', arity: 2, temporal: false,
    spellings: ['xor', '^', '⊕'],
    canonical: { words: 'xor', ascii: 'xor', unicode: '⊕' },
    doc: 'Exclusive or: `φ xor ψ` holds when exactly one of φ and ψ holds. Between `->` and `or` in precedence; left-associative.',
  },
  {
    kind: 'next', arity: 1, temporal: true,
    spellings: ['next', 'X', '○'],
    canonical: { words: 'next', ascii: 'X', unicode: '○' },
    doc: 'Next: `X φ` holds now when φ holds at the next moment.',
  },
  {
    kind: 'finally', arity: 1, temporal: true,
    spellings: ['eventually', 'finally', 'F', '<>', '◇'],
    canonical: { words: 'eventually', ascii: 'F', unicode: '◇' },
    doc: 'Eventually: `F φ` holds when φ holds now or at some later moment. With an interval, `F[a,b] φ` requires φ at some moment between a and b time units from now. `finally` is the NL2TL spelling.',
  },
  {
    kind: 'globally', arity: 1, temporal: true,
    spellings: ['always', 'globally', 'G', '[]', '□'],
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
    spellings: ['release', 'releases', 'R'],
    canonical: { words: 'release', ascii: 'R', unicode: 'R' },
    doc: 'Release: `φ R ψ` holds when ψ holds up to and including the first moment φ holds, or forever if φ never holds. Dual of until: `φ R ψ` = `!(!φ U !ψ)`.',
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
  true: 'The formula that always holds.',
  false: 'The formula that never holds.',
};

/** Words that end an interval without an upper bound, as in `[5,inf]`. */
export const unboundedSpellings = ['inf', 'infinite', '$', '∞'] as const;

/**
 * Letters that act as prefix operators when glued to an atom, as in Spot: `GFa` is `G F a`.
 * A word is split when it is a run of these letters followed by an atom that contains no capital
 * letter, and either the run has two letters or more (`GFa`, `XXgoal`, `FGprop_1`) or the atom is
 * one lowercase letter with optional digits (`Fa`, `Gp1`). Any other word is one atom, so
 * capitalised names such as `Goal`, `Open` or `Fire` stay propositions. A word made only of these
 * letters (`GF`) is read as operators.
 */
export const gluedOperatorLetters = 'FGXHOY';

function isWordSpelling(s: string): boolean {
  return /^[A-Za-z_]+$/.test(s);
}

function escapeRegExp(s: string): string {
  return s.replace(/[.*+?^${}()|[\]\\/-]/g, '\\$&');
}

export const Identifier = createToken({ name: 'Identifier', pattern: /[A-Za-z_][A-Za-z0-9_]*/ });

// Categories group operators of one precedence level, so the parser consumes a level at once.
export const UnaryOperator = createToken({ name: 'UnaryOperator', pattern: Lexer.NA });
export const BinaryOperator = createToken({ name: 'BinaryOperator', pattern: Lexer.NA });

function categoryOf(o: OperatorInfo): TokenType[] {
  return [o.arity === 1 ? UnaryOperator : BinaryOperator];
}

/** One token type per operator kind; its spellings are alternatives of one pattern. */
export const operatorTokens: Readonly<Record<OperatorKind, TokenType>> = Object.fromEntries(
  operators.map((o) => {
    const words = o.spellings.filter(isWordSpelling);
    // Longer symbols first so that `&&` is not read as `&` `&`.
    const symbols = o.spellings.filter((s) => !isWordSpelling(s)).sort((a, b) => b.length - a.length);
    const alternatives = [...words.map((w) => `${escapeRegExp(w)}(?![A-Za-z0-9_])`), ...symbols.map(escapeRegExp)];
    // Prefix `-` must not swallow the start of `->`.
    const pattern = new RegExp(alternatives.map((a) => (a === '\\-' ? '-(?!>)' : a)).join('|'));
    return [o.kind, createToken({ name: `Op_${o.kind}`, pattern, categories: categoryOf(o), start_chars_hint: startChars(o.spellings) })];
  }),
) as Record<OperatorKind, TokenType>;

function startChars(spellings: readonly string[]): string[] {
  return [...new Set(spellings.map((s) => s[0]!))];
}

function keyword(name: string): TokenType {
  return createToken({ name: `Kw_${name}`, pattern: new RegExp(`${name}(?![A-Za-z0-9_])`), start_chars_hint: [name[0]!] });
}

export const Prop = keyword('prop');
export const Spec = keyword('spec');
export const True = keyword('true');
export const False = keyword('false');

export const QuotedName = createToken({ name: 'QuotedName', pattern: /"(?:[^"\\\r\n]|\\.)*"/, start_chars_hint: ['"'] });
export const UnterminatedQuote = createToken({ name: 'UnterminatedQuote', pattern: /"(?:[^"\\\r\n]|\\.)*/, start_chars_hint: ['"'] });
export const NumberLiteral = createToken({ name: 'NumberLiteral', pattern: /\d+(?:\.\d+)?/ });
export const Unbounded = createToken({ name: 'Unbounded', pattern: /\$|∞/, start_chars_hint: ['$', '∞'] });
export const Define = createToken({ name: 'Define', pattern: /:=/ });
export const LParen = createToken({ name: 'LParen', pattern: /\(/ });
export const RParen = createToken({ name: 'RParen', pattern: /\)/ });
export const LBracket = createToken({ name: 'LBracket', pattern: /\[/ });
export const RBracket = createToken({ name: 'RBracket', pattern: /\]/ });
export const Comma = createToken({ name: 'Comma', pattern: /,/ });
export const Colon = createToken({ name: 'Colon', pattern: /:/ });
export const Semicolon = createToken({ name: 'Semicolon', pattern: /;/ });

export const LineComment = createToken({ name: 'LineComment', pattern: /\/\/[^\n\r]*/, group: 'comments' });
export const BlockComment = createToken({
  name: 'BlockComment', pattern: /\/\*[\s\S]*?\*\//, group: 'comments', line_breaks: true, start_chars_hint: ['/'],
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
  // Multi-character symbols come before the single characters they start with.
  operatorTokens.iff,
  operatorTokens.implies,
  operatorTokens.and,
  operatorTokens.or,
  operatorTokens.globally,
  operatorTokens.finally,
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
  Prop,
  Spec,
  True,
  False,
  NumberLiteral,
  Unbounded,
  LParen,
  RParen,
  LBracket,
  RBracket,
  Comma,
  Colon,
  Semicolon,
  Identifier,
  UnaryOperator,
  BinaryOperator,
];

/**
 * The lexer is built once, on its first use: building it validates every pattern (~15 ms), and a
 * .tl document is read by the scanner in src/languages/tl/scanner.ts, so opening one never needs it.
 */
let lexer: Lexer | undefined;
export const tlLexer: Pick<Lexer, 'tokenize'> = {
  tokenize: (text, initialMode) =>
    (lexer ??= new Lexer(allTokens, { positionTracking: 'onlyOffset', ensureOptimizations: true })).tokenize(text, initialMode),
};

export const kindOfToken: ReadonlyMap<TokenType, OperatorKind> = new Map(
  operators.map((o) => [operatorTokens[o.kind], o.kind]),
);

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
    { scope: 'keyword.declaration.tl', words: ['prop', 'spec'] },
    { scope: 'constant.language.boolean.tl', words: ['true', 'false'] },
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
  /** Operator letters also glued to an atom, as in `GFa`. */
  gluedPrefixLetters: { scope: 'keyword.operator.temporal.tl', letters: gluedOperatorLetters },
  symbols: [
    { scope: 'keyword.operator.definition.tl', symbols: [':='] },
    { scope: 'keyword.operator.temporal.tl', symbols: operators.filter((o) => o.temporal).flatMap((o) => o.spellings.filter((s) => !isWordSpelling(s))) },
    { scope: 'keyword.operator.logical.tl', symbols: operators.filter((o) => !o.temporal).flatMap((o) => o.spellings.filter((s) => !isWordSpelling(s))) },
    { scope: 'constant.language.infinity.tl', symbols: ['$', '∞'] },
    { scope: 'punctuation.separator.tl', symbols: [';', ',', ':'] },
  ],
  numbers: true,
  strings: { begin: '"', end: '"', escape: '\\\\.', scope: 'string.quoted.double.tl' },
  identifierPattern: '[A-Za-z_][A-Za-z0-9_]*',
  identifierScope: 'variable.other.proposition.tl',
  /** `prop NAME` and `spec NAME` highlight the declared name as a definition. */
  declarations: [
    { keyword: 'prop', scope: 'entity.name.variable.proposition.tl' },
    { keyword: 'spec', scope: 'entity.name.function.spec.tl' },
  ],
};
