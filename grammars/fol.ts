// Grammar of first-order rule files (.fol): sorts, declarations, class hierarchies and named rules.
// The parser builds a CST with error recovery on, so one typo never hides the rest of the file.
import { createToken, CstParser, Lexer, type CstNode, type IToken, type TokenType } from 'chevrotain';

export const Identifier = createToken({ name: 'Identifier', pattern: /[A-Za-z_][A-Za-z0-9_']*/ });

function keyword(name: string, pattern: RegExp): TokenType {
  return createToken({ name, pattern, longer_alt: Identifier });
}

export const Sort = keyword('Sort', /sort\b/);
export const Predicate = keyword('Predicate', /predicate\b/);
export const Function = keyword('Function', /function\b/);
export const Constant = keyword('Constant', /constant\b/);
export const Hierarchy = keyword('Hierarchy', /hierarchy\b/);
export const Levelled = keyword('Levelled', /levell?ed\b/);
export const From = keyword('From', /from\b/);
export const Rule = keyword('Rule', /rule\b/);
export const True = keyword('True', /true\b/);
export const False = keyword('False', /false\b/);

export const Forall = createToken({ name: 'Forall', pattern: /forall\b|∀/, longer_alt: Identifier });
export const Exists = createToken({ name: 'Exists', pattern: /exists\b|∃/, longer_alt: Identifier });
export const Not = createToken({ name: 'Not', pattern: /not\b|¬|!(?!=)/, longer_alt: Identifier });
export const And = createToken({ name: 'And', pattern: /and\b|&&?|∧/, longer_alt: Identifier });
export const Or = createToken({ name: 'Or', pattern: /or\b|\|\|?|∨/, longer_alt: Identifier });
export const Iff = createToken({ name: 'Iff', pattern: /<->|↔|⇔|iff\b/, longer_alt: Identifier });
export const Implies = createToken({ name: 'Implies', pattern: /->|→|⇒|implies\b/, longer_alt: Identifier });
export const NotEquals = createToken({ name: 'NotEquals', pattern: /!=|≠/ });
export const Equals = createToken({ name: 'Equals', pattern: /=/ });

export const LParen = createToken({ name: 'LParen', pattern: /\(/ });
export const RParen = createToken({ name: 'RParen', pattern: /\)/ });
export const LBrace = createToken({ name: 'LBrace', pattern: /\{/ });
export const RBrace = createToken({ name: 'RBrace', pattern: /\}/ });
export const Comma = createToken({ name: 'Comma', pattern: /,/ });
export const Colon = createToken({ name: 'Colon', pattern: /:/ });
export const Dot = createToken({ name: 'Dot', pattern: /\./ });
export const StringLiteral = createToken({ name: 'StringLiteral', pattern: /"(?:[^"\\\r\n]|\\.)*"/ });

export const LineComment = createToken({ name: 'LineComment', pattern: /\/\/[^\n\r]*/, group: 'comments' });
export const BlockComment = createToken({ name: 'BlockComment', pattern: /\/\*[\s\S]*?\*\//, group: 'comments', line_breaks: true });
export const WhiteSpace = createToken({ name: 'WhiteSpace', pattern: /\s+/, group: Lexer.SKIPPED, line_breaks: true });

export const allTokens: TokenType[] = [
  WhiteSpace,
  LineComment,
  BlockComment,
  StringLiteral,
  Sort,
  Predicate,
  Function,
  Constant,
  Hierarchy,
  Levelled,
  From,
  Rule,
  True,
  False,
  Forall,
  Exists,
  Not,
  And,
  Or,
  Iff,
  Implies,
  NotEquals,
  Equals,
  LParen,
  RParen,
  LBrace,
  RBrace,
  Comma,
  Colon,
  Dot,
  Identifier,
];

/** How each style spells the connectives and quantifiers; the formatter rewrites to one of them. */
export const spellings = {
  words: { Not: 'not', And: 'and', Or: 'or', Implies: 'implies', Iff: 'iff', Forall: 'forall', Exists: 'exists', NotEquals: '!=' },
  ascii: { Not: '!', And: '&', Or: '|', Implies: '->', Iff: '<->', Forall: 'forall', Exists: 'exists', NotEquals: '!=' },
  unicode: { Not: '¬', And: '∧', Or: '∨', Implies: '→', Iff: '↔', Forall: '∀', Exists: '∃', NotEquals: '≠' },
} as const;

/** What syntax highlighting needs; scripts/gen-syntaxes.ts writes syntaxes/fol.tmLanguage.json from it. */
export const highlighting = {
  language: 'fol',
  scopeName: 'source.fol',
  lineComment: '//',
  blockComment: ['/*', '*/'] as [string, string],
  declarations: [
    { keyword: 'hierarchy', scope: 'entity.name.namespace.fol' },
    { keyword: 'predicate', scope: 'entity.name.function.fol' },
    { keyword: 'function', scope: 'entity.name.function.fol' },
    { keyword: 'sort', scope: 'entity.name.type.fol' },
    { keyword: 'rule', scope: 'entity.name.tag.fol' },
  ],
  identifierPattern: "[A-Za-z_][A-Za-z0-9_']*",
  keywords: [
    { scope: 'keyword.declaration.fol', words: ['sort', 'predicate', 'function', 'constant', 'hierarchy', 'rule', 'from', 'levelled', 'leveled'] },
    { scope: 'constant.language.boolean.fol', words: ['true', 'false'] },
  ],
  operatorWords: [
    { scope: 'keyword.operator.quantifier.fol', words: ['forall', 'exists'] },
    { scope: 'keyword.operator.logical.fol', words: ['not', 'and', 'or', 'implies', 'iff'] },
  ],
  symbols: [
    { scope: 'keyword.operator.quantifier.fol', symbols: ['∀', '∃'] },
    { scope: 'keyword.operator.logical.fol', symbols: ['<->', '↔', '⇔', '->', '→', '⇒', '¬', '!', '&&', '&', '∧', '||', '|', '∨'] },
    { scope: 'keyword.operator.comparison.fol', symbols: ['!=', '≠', '='] },
    { scope: 'punctuation.separator.fol', symbols: [',', ':', '.'] },
  ],
  strings: { begin: '"', end: '"', escape: '\\\\.', scope: 'string.quoted.double.fol' },
};

// Offsets are all the language uses; line and column tracking would cost time on every token.
export const folLexer = new Lexer(allTokens, { ensureOptimizations: false, positionTracking: 'onlyOffset' });

class FolParser extends CstParser {
  constructor() {
    super(allTokens, { recoveryEnabled: true, maxLookahead: 3 });
    this.performSelfAnalysis();
  }

  file = this.RULE('file', () => {
    this.MANY(() => this.SUBRULE(this.statement));
  });

  statement = this.RULE('statement', () => {
    this.OR([
      { ALT: () => this.SUBRULE(this.sortDecl) },
      { ALT: () => this.SUBRULE(this.predicateDecl) },
      { ALT: () => this.SUBRULE(this.functionDecl) },
      { ALT: () => this.SUBRULE(this.constantDecl) },
      { ALT: () => this.SUBRULE(this.hierarchyDecl) },
      { ALT: () => this.SUBRULE(this.ruleDecl) },
    ]);
  });

  sortDecl = this.RULE('sortDecl', () => {
    this.CONSUME(Sort);
    this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => this.CONSUME(Identifier) });
  });

  predicateDecl = this.RULE('predicateDecl', () => {
    this.CONSUME(Predicate);
    this.CONSUME(Identifier);
    this.SUBRULE(this.paramList);
  });

  functionDecl = this.RULE('functionDecl', () => {
    this.CONSUME(Function);
    this.CONSUME(Identifier);
    this.SUBRULE(this.paramList);
    this.OPTION(() => {
      this.CONSUME(Colon);
      this.CONSUME2(Identifier, { LABEL: 'resultSort' });
    });
  });

  paramList = this.RULE('paramList', () => {
    this.CONSUME(LParen);
    this.MANY_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.binding) });
    this.CONSUME(RParen);
  });

  /** `x` or `x: Sort`, used by parameters, constants and quantified variables. */
  binding = this.RULE('binding', () => {
    this.CONSUME(Identifier, { LABEL: 'name' });
    this.OPTION(() => {
      this.CONSUME(Colon);
      this.CONSUME2(Identifier, { LABEL: 'sort' });
    });
  });

  constantDecl = this.RULE('constantDecl', () => {
    this.CONSUME(Constant);
    this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.binding) });
  });

  hierarchyDecl = this.RULE('hierarchyDecl', () => {
    this.CONSUME(Hierarchy);
    this.CONSUME(Identifier);
    this.OPTION(() => this.CONSUME(Levelled));
    this.OR([
      { ALT: () => this.SUBRULE(this.classBlock) },
      {
        ALT: () => {
          this.CONSUME(From);
          this.CONSUME(StringLiteral);
        },
      },
    ]);
  });

  /** Commas between classes are optional, so one class per line reads naturally. */
  classBlock = this.RULE('classBlock', () => {
    this.CONSUME(LBrace);
    this.MANY(() => {
      this.SUBRULE(this.classNode);
      this.OPTION(() => this.CONSUME(Comma));
    });
    this.CONSUME(RBrace);
  });

  classNode = this.RULE('classNode', () => {
    this.CONSUME(Identifier);
    this.OPTION(() => this.SUBRULE(this.classBlock));
  });

  ruleDecl = this.RULE('ruleDecl', () => {
    this.CONSUME(Rule);
    this.CONSUME(Identifier);
    this.CONSUME(Colon);
    this.SUBRULE(this.formula);
  });

  formula = this.RULE('formula', () => {
    this.SUBRULE(this.iff);
  });

  quantified = this.RULE('quantified', () => {
    this.OR([{ ALT: () => this.CONSUME(Forall) }, { ALT: () => this.CONSUME(Exists) }]);
    this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.binding) });
    this.CONSUME(Dot);
    this.SUBRULE(this.formula);
  });

  iff = this.RULE('iff', () => {
    this.SUBRULE(this.implies, { LABEL: 'operands' });
    this.MANY(() => {
      this.CONSUME(Iff);
      this.SUBRULE2(this.implies, { LABEL: 'operands' });
    });
  });

  /** Right-associative: a -> b -> c is a -> (b -> c). */
  implies = this.RULE('implies', () => {
    this.SUBRULE(this.disjunction, { LABEL: 'left' });
    this.OPTION(() => {
      this.CONSUME(Implies);
      this.SUBRULE2(this.implies, { LABEL: 'right' });
    });
  });

  disjunction = this.RULE('disjunction', () => {
    this.SUBRULE(this.conjunction, { LABEL: 'operands' });
    this.MANY(() => {
      this.CONSUME(Or);
      this.SUBRULE2(this.conjunction, { LABEL: 'operands' });
    });
  });

  conjunction = this.RULE('conjunction', () => {
    this.SUBRULE(this.unary, { LABEL: 'operands' });
    this.MANY(() => {
      this.CONSUME(And);
      this.SUBRULE2(this.unary, { LABEL: 'operands' });
    });
  });

  unary = this.RULE('unary', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(Not);
          this.SUBRULE(this.unary);
        },
      },
      { ALT: () => this.SUBRULE(this.quantified) },
      { ALT: () => this.SUBRULE(this.primary) },
    ]);
  });

  primary = this.RULE('primary', () => {
    this.OR([
      {
        ALT: () => {
          this.CONSUME(LParen);
          this.SUBRULE(this.formula);
          this.CONSUME(RParen);
        },
      },
      { ALT: () => this.CONSUME(True) },
      { ALT: () => this.CONSUME(False) },
      { ALT: () => this.SUBRULE(this.atom) },
    ]);
  });

  /** A predicate application, or an (in)equation between terms. */
  atom = this.RULE('atom', () => {
    this.SUBRULE(this.term, { LABEL: 'left' });
    this.OPTION(() => {
      this.OR([{ ALT: () => this.CONSUME(Equals) }, { ALT: () => this.CONSUME(NotEquals) }]);
      this.SUBRULE2(this.term, { LABEL: 'right' });
    });
  });

  term = this.RULE('term', () => {
    this.CONSUME(Identifier);
    this.OPTION(() => {
      this.CONSUME(LParen);
      this.MANY_SEP({ SEP: Comma, DEF: () => this.SUBRULE(this.term, { LABEL: 'args' }) });
      this.CONSUME(RParen);
    });
  });
}

/** Built on first use: files without syntax errors never need it (src/languages/fol/astParser.ts reads them). */
let recoveringParser: FolParser | undefined;

export interface FolTokens {
  tokens: IToken[];
  comments: IToken[];
  lexErrors: { offset: number; length: number; message: string }[];
  /** Statements left out because they nest deeper than maxStatementNesting. */
  tooDeep: { start: number; end: number; message: string }[];
}

export interface FolCstResult {
  cst: CstNode;
  parseErrors: { token: IToken; message: string; previousToken?: IToken }[];
}

/**
 * The most nesting tokens (parentheses, braces, negations, quantifiers, implications) one statement
 * may hold. The parser recurses on each, and so do the checks, so deeper statements are left out
 * with a problem instead of overflowing the stack (test/fuzz/parsers.test.ts); real rules stay far below.
 */
export const maxStatementNesting = 200;
const statementStarts: ReadonlySet<TokenType> = new Set([Sort, Predicate, Function, Constant, Hierarchy, Rule]);
const nesting: ReadonlySet<TokenType> = new Set([LParen, LBrace, Not, Forall, Exists, Implies, Iff]);

function withoutDeepStatements(tokens: IToken[]): { kept: IToken[]; tooDeep: FolTokens['tooDeep'] } {
  const tooDeep: FolTokens['tooDeep'] = [];
  let kept: IToken[] | undefined;
  let from = 0;
  let depth = 0;
  const close = (to: number) => {
    if (depth > maxStatementNesting) {
      kept ??= tokens.slice(0, from);
      const last = tokens[to - 1]!;
      const message = `This statement nests too deeply to check (more than ${maxStatementNesting} parentheses, braces, negations, quantifiers and implications). Split it up.`;
      tooDeep.push({ start: tokens[from]!.startOffset, end: last.startOffset + last.image.length, message });
    } else if (kept) {
      for (let i = from; i < to; i++) kept.push(tokens[i]!);
    }
    from = to;
    depth = 0;
  };
  for (let i = 0; i < tokens.length; i++) {
    const type = tokens[i]!.tokenType;
    if (i > from && statementStarts.has(type)) close(i);
    if (nesting.has(type)) depth++;
  }
  if (from < tokens.length) close(tokens.length);
  // Most files have no such statement: their token array is kept as it is.
  return { kept: kept ?? tokens, tooDeep };
}

export function tokenizeFol(text: string): FolTokens {
  const lexed = folLexer.tokenize(text);
  const { kept, tooDeep } = withoutDeepStatements(lexed.tokens);
  return {
    tokens: kept,
    tooDeep,
    comments: (lexed.groups.comments ?? []) as IToken[],
    lexErrors: lexed.errors.map((e) => ({ offset: e.offset, length: e.length, message: e.message })),
  };
}

/** The syntax tree with error recovery: a typo leaves `recoveredNode`s and errors, and the rest of the file is still read. */
export function parseFolCst(tokens: IToken[]): FolCstResult {
  const parser = (recoveringParser ??= new FolParser());
  parser.input = tokens;
  const cst = parser.file();
  return {
    cst,
    parseErrors: parser.errors.map((e) => ({
      token: e.token,
      message: e.message,
      previousToken: (e as { previousToken?: IToken }).previousToken,
    })),
  };
}
