// Tokens and expression grammar of math word problem files (.mwp).
//
//   // A comment.
//   problem bus-speed
//   甲乙两地相距400千米，客车和货车同时从两地相对开出，4小时相遇，
//   已知货车每小时行53千米，问客车每小时行多少千米？
//   equation: x = 400 / 4 - 53
//   answer: 47
//
// The file is line oriented: a line that starts with `problem` opens a problem (an optional id and,
// after a colon, the first line of text may follow); `equation:` and `answer:` lines hold the
// user's own solution; every other non-blank line is problem text, in any language. Text before
// the first `problem` line forms an unnamed problem, so a file holding one bare problem works.
import { createToken, EmbeddedActionsParser, Lexer, type IToken, type TokenType } from 'chevrotain';

/** Keyword spellings; Chinese ones so that a Chinese file reads naturally. */
export const problemKeywords = ['problem', '题目'] as const;
export const equationKeywords = ['equation', '方程', '算式'] as const;
export const answerKeywords = ['answer', '答案'] as const;

/** Indentation: spaces, tabs and the ideographic space of Chinese text (U+3000). */
export const indentChars = ' \t\u3000';
const indentRun = new RegExp(`[${indentChars}]+`);

function atLineStart(text: string, offset: number): boolean {
  let i = offset - 1;
  while (i >= 0 && indentChars.includes(text[i]!)) i--;
  return i < 0 || text[i] === '\n' || text[i] === '\r';
}

/** A token that only matches at the start of a line (after indentation). */
function lineStart(name: string, pattern: RegExp, starts: string[], extra: Partial<Parameters<typeof createToken>[0]> = {}): TokenType {
  const sticky = new RegExp(pattern.source, 'y' + pattern.flags.replace('y', ''));
  return createToken({
    name,
    pattern: {
      exec: (text: string, offset: number) => {
        if (!atLineStart(text, offset)) return null;
        sticky.lastIndex = offset;
        return sticky.exec(text);
      },
    },
    line_breaks: false,
    start_chars_hint: starts,
    ...extra,
  });
}

const words = (list: readonly string[]) => list.join('|');
const firstChars = (list: readonly string[]) => [...new Set(list.map((w) => w[0]))];

// Main mode: whole lines.
export const Newline = createToken({ name: 'Newline', pattern: /\r\n|\r|\n/, line_breaks: true });
export const Indent = createToken({ name: 'Indent', pattern: indentRun, group: Lexer.SKIPPED });
export const LineComment = lineStart('LineComment', /\/\/[^\r\n]*/, ['/']);
/** `problem [id] [: first text line]`; parser.ts splits the parts with headerParts(). */
export const ProblemHeader = lineStart('ProblemHeader', new RegExp(`(?:${words(problemKeywords)})(?![A-Za-z0-9_])[^\\r\\n]*`), firstChars(problemKeywords));
export const EquationKeyword = lineStart('EquationKeyword', new RegExp(`(?:${words(equationKeywords)})[ \\t]*[:：]`), firstChars(equationKeywords), { push_mode: 'expr' });
export const AnswerKeyword = lineStart('AnswerKeyword', new RegExp(`(?:${words(answerKeywords)})[ \\t]*[:：]`), firstChars(answerKeywords), { push_mode: 'expr' });
export const TextLine = createToken({ name: 'TextLine', pattern: /[^\r\n]+/ });

// Expression mode: the rest of an equation or answer line.
export const ExprNewline = createToken({ name: 'ExprNewline', pattern: /\r\n|\r|\n/, line_breaks: true, pop_mode: true });
export const ExprSpace = createToken({ name: 'ExprSpace', pattern: indentRun, group: Lexer.SKIPPED });
export const ExprComment = createToken({ name: 'ExprComment', pattern: /\/\/[^\r\n]*/, group: Lexer.SKIPPED });
export const NumberLiteral = createToken({ name: 'NumberLiteral', pattern: /\d+(?:\.\d+)?%?|\.\d+%?/ });
export const Name = createToken({ name: 'Name', pattern: /[A-Za-z_\u3400-\u9fff][A-Za-z0-9_\u3400-\u9fff]*/ });
export const Equals = createToken({ name: 'Equals', pattern: /=|＝/ });
export const Plus = createToken({ name: 'Plus', pattern: /\+|＋/ });
export const Minus = createToken({ name: 'Minus', pattern: /-|−|－/ });
export const Times = createToken({ name: 'Times', pattern: /\*|×|·|＊/ });
export const Divide = createToken({ name: 'Divide', pattern: /\/|÷|／/ });
export const Power = createToken({ name: 'Power', pattern: /\^|\*\*/ });
export const LParen = createToken({ name: 'LParen', pattern: /\(|（|\[/ });
export const RParen = createToken({ name: 'RParen', pattern: /\)|）|\]/ });

export const mwpLexer = new Lexer(
  {
    modes: {
      line: [Newline, Indent, LineComment, ProblemHeader, EquationKeyword, AnswerKeyword, TextLine],
      // Power before Times: `**` is a power, not two products.
      expr: [ExprNewline, ExprSpace, ExprComment, NumberLiteral, Name, Equals, Plus, Minus, Power, Times, Divide, LParen, RParen],
    },
    defaultMode: 'line',
  },
  { positionTracking: 'full', ensureOptimizations: false },
);

/** The expression tree the parser builds; offsets are into the document text. */
export type Expr =
  | { kind: 'number'; text: string; start: number; end: number }
  | { kind: 'name'; name: string; start: number; end: number }
  | { kind: 'negate'; arg: Expr; start: number; end: number }
  | { kind: 'binary'; op: '+' | '-' | '*' | '/' | '^'; opStart: number; opEnd: number; left: Expr; right: Expr; start: number; end: number };

const opOf = (t: IToken): '+' | '-' | '*' | '/' | '^' =>
  t.tokenType === Plus ? '+' : t.tokenType === Minus ? '-' : t.tokenType === Times ? '*' : t.tokenType === Divide ? '/' : '^';

const end = (t: IToken) => t.startOffset + t.image.length;

/** `[name =] expression [unit]` on an equation or answer line. */
export interface LineValue {
  variable?: { name: string; start: number; end: number };
  expr: Expr;
  unit?: { name: string; start: number; end: number };
}

class ExpressionParser extends EmbeddedActionsParser {
  constructor() {
    super([NumberLiteral, Name, Equals, Plus, Minus, Times, Divide, Power, LParen, RParen], { recoveryEnabled: false });
    this.performSelfAnalysis();
  }

  line = this.RULE('line', (): LineValue => {
    let variable: LineValue['variable'];
    let unit: LineValue['unit'];
    this.OPTION(() => {
      const n = this.CONSUME(Name);
      this.CONSUME(Equals);
      variable = { name: n.image, start: n.startOffset, end: end(n) };
    });
    const expr = this.SUBRULE(this.sum);
    this.OPTION2(() => {
      const u = this.CONSUME2(Name);
      unit = { name: u.image, start: u.startOffset, end: end(u) };
    });
    return { variable, expr, unit };
  });

  private sum = this.RULE('sum', (): Expr => {
    let left = this.SUBRULE(this.product);
    this.MANY(() => {
      const op = this.OR([{ ALT: () => this.CONSUME(Plus) }, { ALT: () => this.CONSUME(Minus) }]);
      const right = this.SUBRULE2(this.product);
      left = this.ACTION(() => binary(op, left, right));
    });
    return left;
  });

  private product = this.RULE('product', (): Expr => {
    let left = this.SUBRULE(this.unary);
    this.MANY(() => {
      const op = this.OR([{ ALT: () => this.CONSUME(Times) }, { ALT: () => this.CONSUME(Divide) }]);
      const right = this.SUBRULE2(this.unary);
      left = this.ACTION(() => binary(op, left, right));
    });
    return left;
  });

  private unary = this.RULE('unary', (): Expr =>
    this.OR([
      {
        ALT: () => {
          const m = this.CONSUME(Minus);
          const arg = this.SUBRULE(this.unary);
          return this.ACTION(() => ({ kind: 'negate' as const, arg, start: m.startOffset, end: arg?.end ?? end(m) }));
        },
      },
      { ALT: () => this.SUBRULE(this.power) },
    ]),
  );

  /** Right-associative: 2^3^2 is 2^(3^2). */
  private power = this.RULE('power', (): Expr => {
    const base = this.SUBRULE(this.atom);
    let result = base;
    this.OPTION(() => {
      const op = this.CONSUME(Power);
      const exponent = this.SUBRULE(this.unary);
      result = this.ACTION(() => binary(op, base, exponent));
    });
    return result;
  });

  private atom = this.RULE('atom', (): Expr =>
    this.OR([
      {
        ALT: () => {
          const t = this.CONSUME(NumberLiteral);
          return { kind: 'number' as const, text: t.image, start: t.startOffset, end: end(t) };
        },
      },
      {
        ALT: () => {
          const t = this.CONSUME(Name);
          return { kind: 'name' as const, name: t.image, start: t.startOffset, end: end(t) };
        },
      },
      {
        ALT: () => {
          const l = this.CONSUME(LParen);
          const inner = this.SUBRULE(this.sum);
          const r = this.CONSUME(RParen);
          return this.ACTION(() => ({ ...inner, start: l.startOffset, end: end(r) }));
        },
      },
    ]),
  );
}

function binary(op: IToken, left: Expr, right: Expr): Expr {
  return { kind: 'binary', op: opOf(op), opStart: op.startOffset, opEnd: end(op), left, right, start: left.start, end: right.end };
}

const parser = new ExpressionParser();

export interface ExprParseError {
  message: string;
  start: number;
  end: number;
}

/**
 * The most operators and parentheses one line may hold. The parser recurses per parenthesis,
 * prefix minus and power, and the checks and the explanation recurse per tree level, so without a
 * bound a long line overflows the stack (test/fuzz/parsers.test.ts); real equations stay far below.
 */
export const maxExpressionOperators = 200;
const nestingTypes: ReadonlySet<TokenType> = new Set([Plus, Minus, Times, Divide, Power, LParen]);

/** Parses the tokens of one equation or answer line. */
export function parseLine(tokens: IToken[]): { value?: LineValue; errors: ExprParseError[] } {
  if (tokens.filter((t) => nestingTypes.has(t.tokenType)).length > maxExpressionOperators) {
    const message = `This expression is too long to check (more than ${maxExpressionOperators} operators and parentheses). Split it into steps.`;
    return { errors: [{ message, start: tokens[0]!.startOffset, end: end(tokens[tokens.length - 1]!) }] };
  }
  parser.input = tokens;
  const value = parser.line();
  const errors = parser.errors.map((e) => {
    const t = e.token;
    const at = Number.isNaN(t.startOffset) ? (tokens.length ? end(tokens[tokens.length - 1]) : 0) : t.startOffset;
    const found = t.tokenType.name === 'EOF' ? 'the end of the line' : `'${t.image}'`;
    return { message: `The expression cannot be read at ${found}.`, start: at, end: Number.isNaN(t.startOffset) ? at : end(t) };
  });
  return errors.length ? { errors } : { value, errors };
}

/**
 * What syntax highlighting needs, in the shape every grammar file exports: scripts/gen-syntaxes.ts
 * turns it into syntaxes/mwp.tmLanguage.json.
 */
export const highlighting = {
  language: 'mwp',
  scopeName: 'source.mwp',
  lineComment: '//',
  keywords: [
    { scope: 'keyword.other.problem.mwp', words: [...problemKeywords] },
    { scope: 'keyword.other.solution.mwp', words: [...equationKeywords, ...answerKeywords] },
  ],
  symbols: [
    { scope: 'keyword.operator.arithmetic.mwp', symbols: ['+', '-', '−', '*', '×', '·', '/', '÷', '^'] },
    { scope: 'keyword.operator.assignment.mwp', symbols: ['='] },
    { scope: 'punctuation.separator.mwp', symbols: [':', '：'] },
  ],
  numbers: true,
  /** Keywords only count at the start of a line: elsewhere they are problem text. */
  keywordsAtLineStartOnly: true,
};
