// Parses .tl text into statements with the grammar in grammars/tl.ts. The lexer's tokens are cut
// into statements (a statement ends at `;` or at a line break between two operands), each statement
// is checked for nesting depth, and then parsed on its own: by the grammar without error recovery
// (the fast path, which builds the syntax tree directly), and only when that finds an error, again
// with Chevrotain's recovery to report every error of the statement. So no input can overflow the
// stack, an error never reaches past its statement, and an edit reparses only the statements it touches.
import type { IToken, TokenType } from 'chevrotain';
import {
  BinaryOperator,
  comparisonTokens,
  endsOperand,
  gluedRunLength,
  Identifier,
  kindOfToken,
  LBracket,
  lexerContext,
  LineComment,
  LParen,
  maxNesting,
  NumberLiteral,
  operatorTokens,
  Prop,
  RBracket,
  RParen,
  scanLookahead,
  Semicolon,
  Signal,
  Slash,
  Spec,
  startsOperand,
  tlLexer,
  TlParser,
  tokenEnd,
  UnaryOperator,
  UnterminatedComment,
  UnterminatedQuote,
} from '../../../grammars/tl';
import type { Comment, Formula, Statement, SyntaxProblem, TlDocument } from './ast';

export { gluedRunLength };

export const syntaxCodes = {
  syntax: 'tl/syntax-error',
  unknownCharacter: 'tl/unknown-character',
  unterminatedQuote: 'tl/unterminated-quote',
  unterminatedComment: 'tl/unterminated-comment',
  tooDeep: 'tl/too-deeply-nested',
  intervalNotAllowed: 'tl/interval-not-allowed',
  badBound: 'tl/invalid-bound',
} as const;

// Module-level copies of what the hot loops call: an imported binding is read through the importing
// module's namespace on every use, which shows in a profile of a large file.
const endOf = tokenEnd;
const nestingLimit = maxNesting;
const newParser = (recovery: boolean): TlParser => new TlParser(recovery);

// Tables indexed by token type, read once per token.
function table(types: readonly TokenType[]): boolean[] {
  const out: boolean[] = [];
  for (const t of types) out[t.tokenTypeIdx!] = true;
  return out;
}
const isOperator = table([...kindOfToken.keys(), ...Object.values(comparisonTokens), Slash]);
const isUnary = table([...kindOfToken.keys()].filter((t) => t.CATEGORIES?.includes(UnaryOperator)));
const isEndOfOperand = table(endsOperand);
const isStartOfOperand = table(startsOperand);
const lparen = LParen.tokenTypeIdx!;
const lbracket = LBracket.tokenTypeIdx!;
const rbracket = RBracket.tokenTypeIdx!;
const next = operatorTokens.next.tokenTypeIdx!;
const rparen = RParen.tokenTypeIdx!;
const semicolon = Semicolon.tokenTypeIdx!;
const prop = Prop.tokenTypeIdx!;
const spec = Spec.tokenTypeIdx!;
const signal = Signal.tokenTypeIdx!;
const unterminatedQuote = UnterminatedQuote.tokenTypeIdx!;

function hasNewlineBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

/**
 * The nesting a statement's syntax tree could reach: in each parenthesised group, one level per
 * operator plus the deepest group inside. Computed with an explicit stack, shared by every statement.
 */
const nestingStack: number[] = [];

function nestingBound(tokens: IToken[]): number {
  const stack = nestingStack;
  stack.length = 0;
  let ops = 0;
  let deepest = 0;
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    const type = t.tokenTypeIdx;
    // `X[n]` is n nested X.
    if (type === next && tokens[k + 1]?.tokenTypeIdx === lbracket && tokens[k + 2]?.tokenType === NumberLiteral && tokens[k + 3]?.tokenTypeIdx === rbracket) {
      ops += Math.max(1, Math.min(Number(tokens[k + 2]!.image), 1e9));
      k += 3;
      continue;
    }
    if (type === lparen) {
      stack.push(ops, deepest);
      ops = 0;
      deepest = 0;
    } else if (type === rparen && stack.length > 0) {
      const depth = ops + deepest + 1;
      deepest = Math.max(stack.pop()!, depth);
      ops = stack.pop()!;
    } else if (isOperator[type]) {
      ops++;
    }
  }
  while (stack.length > 0) {
    const depth = ops + deepest + 1;
    deepest = Math.max(stack.pop()!, depth);
    ops = stack.pop()!;
  }
  return ops + deepest + 1;
}

// ---------------------------------------------------------------------------------------------
// Syntax error messages
// ---------------------------------------------------------------------------------------------

interface ChevrotainError {
  name: string;
  message: string;
  token: IToken;
  previousToken?: IToken;
  context: { ruleStack: string[] };
}

function isEof(t: IToken | undefined): boolean {
  return t === undefined || t.tokenType.name === 'EOF' || Number.isNaN(t.startOffset);
}

function describe(t: IToken): string {
  if (t.tokenType === Identifier) return `proposition \`${t.image}\``;
  if (t.tokenType === NumberLiteral) return `the number ${t.image}`;
  return `\`${t.image}\``;
}

/** `(` ... `)` errors name the line and column of the `(`; a statement moved by an edit needs its message rebuilt. */
const unclosed = new WeakMap<SyntaxProblem, { paren: number; found: string | undefined }>();

function unclosedMessage(text: string, paren: number, found: string | undefined): string {
  const p = positionOf(text, paren);
  const where = `opened at line ${p.line}, column ${p.column}`;
  return found === undefined ? `The \`(\` ${where} is never closed: add \`)\`.` : `Expected \`)\` to close the \`(\` ${where}, but found ${found}.`;
}

/** The problem moved by delta in the new text: the same object where nothing in it changes. */
export function movedProblem(p: SyntaxProblem, text: string, delta: number): SyntaxProblem {
  const paren = unclosed.get(p);
  if (delta === 0 && !paren) return p;
  const moved = { code: p.code, message: p.message, start: p.start + delta, end: p.end + delta };
  if (paren) {
    moved.message = unclosedMessage(text, paren.paren + delta, paren.found);
    unclosed.set(moved, { paren: paren.paren + delta, found: paren.found });
  }
  return moved;
}

/**
 * When a word where a name was expected is an operator or a keyword (`V`, `U`, `TRUE`), how to use it
 * as a name: a file written before `V` meant release, say. The quick fix quotes it.
 */
function nameHint(t: IToken): string {
  if (t.tokenType === Identifier || !/^[A-Za-z_.][A-Za-z0-9_.]*$/.test(t.image)) return '';
  const kind = kindOfToken.get(t.tokenType);
  const what = kind ? `the ${kind.replace('_', ' ')} operator` : `the keyword \`${t.image.toLowerCase()}\``;
  return ` \`${t.image}\` is ${what}; write \`"${t.image}"\` for a proposition named ${t.image}.`;
}

const comparisonOps: ReadonlySet<TokenType> = new Set(Object.values(comparisonTokens));

const intervalHelp = 'write it as `[lo,hi]`, for example `[0,10]` or `[5,inf]`';

/** The message people read for one of Chevrotain's errors in a statement's tokens. */
function problemOf(e0: ChevrotainError, tokens: IToken[], text: string): SyntaxProblem {
  const code = syntaxCodes.syntax;
  // "a U (signal & b)": the parser's lookahead stops at `(`, but what is wrong is the keyword after it.
  const inside = tokens[tokens.indexOf(e0.token) + 1];
  const e = e0.token.tokenType === LParen && inside && [Prop, Spec, Signal].includes(inside.tokenType) ? { ...e0, token: inside } : e0;
  const atEnd = isEof(e.token);
  const last = tokens[tokens.length - 1]!;
  // At the end of the statement, the error is shown on its last token.
  const at = atEnd ? last : e.token;
  const index = atEnd ? tokens.length : tokens.indexOf(e.token);
  const previous = index > 0 ? tokens[index - 1] : undefined;
  const problem = (message: string, t: IToken = at): SyntaxProblem => ({ code, message, start: t.startOffset, end: tokenEnd(t) });
  const found = atEnd ? undefined : describe(e.token);
  const rule = e.context.ruleStack[e.context.ruleStack.length - 1];
  const unclosedProblem = (): SyntaxProblem => {
    // The innermost `(` still open before the error.
    let depth = 0;
    let paren = 0;
    for (let i = index - 1; i >= 0; i--) {
      const type = tokens[i]!.tokenType;
      if (type === RParen) depth++;
      else if (type === LParen && depth-- === 0) {
        paren = tokens[i]!.startOffset;
        break;
      }
    }
    const p = problem(unclosedMessage(text, paren, found));
    unclosed.set(p, { paren, found });
    return p;
  };

  if (e.name === 'NotAllInputParsedException' || (rule === 'formula' && e.message === BinaryOperator.name)) {
    if (e.token.tokenType === RParen) return problem('This `)` has no matching `(`.');
    const what = tokens[0]!.tokenType === Prop || tokens[0]!.tokenType === Signal ? 'declaration' : 'formula';
    if (comparisonOps.has(e.token.tokenType)) {
      return problem(`Only numbers and signals can be compared: \`${e.token.image}\` follows a formula. Compare a signal, as in \`x ${e.token.image} 3\`, or join formulas with an operator such as \`&\`.`);
    }
    return problem(`Unexpected ${found} after a complete ${what}. Join the parts with an operator such as \`&\`, or put each statement on its own line or after \`;\`.`);
  }
  switch (rule) {
    case 'propDeclaration':
      return atEnd
        ? problem('This declaration needs a name: write it as `prop name "optional description"`.', previous)
        : problem(`Expected a proposition name after \`prop\`, but found ${found}.${nameHint(e.token)}`);
    case 'signalDeclaration':
      return atEnd
        ? problem('This declaration needs a name: write it as `signal name "optional unit"`.', previous)
        : problem(`Expected a signal name after \`signal\`, but found ${found}.${nameHint(e.token)}`);
    case 'comparison':
    case 'sum':
    case 'product':
    case 'factor':
      if (e.message === RParen.name) return unclosedProblem();
      return atEnd
        ? problem(`The comparison ends too early: a number or a signal is missing after \`${last.image}\`.`)
        : problem(`Expected a number or a signal${previous ? ` after \`${previous.image}\`` : ''}, but found ${found}.`);
    case 'specDeclaration':
      if (atEnd) return problem('This spec is not complete: write it as `spec name := formula`.', previous);
      if (e.message === Identifier.name) return problem(`Expected a spec name after \`spec\`, but found ${found}: a spec is written \`spec name := formula\`.`);
      return problem(`Expected \`:=\` after the spec name, but found ${found}.`);
    case 'interval':
    case 'bound':
      if (rule === 'bound' && !atEnd && e.token.tokenType === Identifier) return problem(`\`${e.token.image}\` is not a bound: write a number, or \`inf\` for no upper bound.`);
      return atEnd ? problem(`This interval is not complete: ${intervalHelp}.`) : problem(`Unexpected ${found} in an interval: ${intervalHelp}.`);
    case 'operand':
      if (e.message === RParen.name) return unclosedProblem();
      break;
  }
  if (atEnd) return problem(`The formula ends too early: a proposition, \`true\`, \`false\` or \`(\` is missing after \`${last.image}\`.`);
  const after = previous ? ` after \`${previous.image}\`` : '';
  return problem(`Expected a proposition, \`true\`, \`false\`, \`(\` or a unary operator${after}, but found ${found}.${nameHint(e.token)}`);
}

// ---------------------------------------------------------------------------------------------
// Statements
// ---------------------------------------------------------------------------------------------

let fast: TlParser | undefined;
let recovering: TlParser | undefined;

function parseStatement(tokens: IToken[], text: string, problems: SyntaxProblem[]): Statement {
  const start = tokens[0]!.startOffset;
  const end = endOf(tokens[tokens.length - 1]!);
  // Chevrotain reports errors as exceptions; a stack trace for each would cost more than the parse.
  const stackTraceLimit = Error.stackTraceLimit;
  Error.stackTraceLimit = 0;
  try {
    if (nestingBound(tokens) <= nestingLimit) return parseTokens(tokens, text, problems, start, end);
  } catch (e) {
    // The bound above keeps the parser's recursion far from the stack's end; this is the last resort.
    if (!(e instanceof RangeError)) throw e;
  } finally {
    Error.stackTraceLimit = stackTraceLimit;
  }
  problems.push({
    code: syntaxCodes.tooDeep,
    message: `This statement is nested too deeply to analyse (more than ${maxNesting} levels of operators and parentheses). Split it into smaller specs.`,
    start,
    end: tokenEnd(tokens[0]!),
  });
  return { kind: 'broken', start, end };
}

function parseTokens(tokens: IToken[], text: string, problems: SyntaxProblem[], start: number, end: number): Statement {
  const parser = (fast ??= newParser(false));
  const statement = parser.parseStatement(tokens);
  if (parser.errors.length === 0) {
    for (const p of parser.problems) problems.push(p);
    return statement;
  }
  // The statement has an error: Chevrotain's recovery reads on past it and finds the others.
  const slow = (recovering ??= newParser(true));
  slow.parseStatement(tokens);
  const errors = slow.errors.length > 0 ? slow.errors : parser.errors;
  // One problem per token: what recovery finds again at a token already reported only repeats it.
  const seen = new Set<string>();
  for (const e of errors as unknown as ChevrotainError[]) {
    const p = problemOf(e, tokens, text);
    const key = `${p.start}:${p.end}`;
    if (seen.has(key)) continue;
    seen.add(key);
    problems.push(p);
  }
  return { kind: 'broken', start, end };
}

function commentOf(t: IToken): Comment {
  const block = t.tokenType !== LineComment;
  const start = t.startOffset;
  const comment: Comment = { text: t.image, block, start, end: endOf(t) };
  if (!block) {
    const m = /^\/\/\s*nl:\s*/.exec(t.image);
    if (m) comment.nl = { text: t.image.slice(m[0].length).trimEnd(), start: start + m[0].length };
  }
  return comment;
}

/** Parses a whole .tl file. Never throws; problems are reported with their spans. */
export function parseDocument(text: string): TlDocument {
  const doc: TlDocument = { text, statements: [], comments: [], problems: [] };
  parseFrom(doc, 0);
  doc.problems.sort(byStart);
  return doc;
}

export function byStart(a: { start: number }, b: { start: number }): number {
  return a.start - b.start;
}

interface LexError {
  offset: number;
  length: number;
}

/**
 * Pieces of at most this many characters: a large file's tokens are never all alive at once, which
 * keeps them in the young generation of the heap (lexing a 400 KB file whole took 4 times as long
 * per byte as lexing it in 64 KB pieces, most of it in the garbage collector).
 */
const maxPiece = 65536;

/**
 * The lexer's output from offset `from` on, a piece at a time: for an incremental parse the first
 * piece is small, so that one that stops soon after an edit lexes little of the file. Tokens,
 * comments and errors that end too near a piece's end to be sure of are read again with the next piece.
 */
class Pieces {
  tokens: IToken[] = [];
  comments: IToken[] = [];
  errors: LexError[] = [];
  private next: number;
  private size: number;
  /** The last token read (the previous piece's, while the next is lexed). */
  private last: IToken | undefined;

  constructor(
    private readonly text: string,
    from: number,
    whole: boolean,
  ) {
    this.next = from;
    this.size = whole ? maxPiece : 4096;
  }

  /** Reads the next piece; false at the end of the text. */
  read(): boolean {
    const text = this.text;
    if (this.next >= text.length) return false;
    for (;;) {
      const from = this.next;
      let to = Math.min(text.length, from + this.size);
      // Never cut a word: whether its first letters are glued operators depends on all of it.
      while (to < text.length && isWordCode(text.charCodeAt(to - 1)) && isWordCode(text.charCodeAt(to))) to++;
      // The token before the piece decides how its first word is read (`Ub` after an operand is `U b`).
      lexerContext.previous = this.last;
      lexerContext.lineBreakAfter = this.last !== undefined && hasNewlineBetween(text, endOf(this.last), from);
      let lexed: ReturnType<typeof tlLexer.tokenize>;
      try {
        lexed = tlLexer.tokenize(from === 0 && to === text.length ? text : text.slice(from, to));
      } finally {
        lexerContext.previous = undefined;
      }
      if (from === 0 && to === text.length) {
        // The whole text at once: every token is sure.
        this.tokens = lexed.tokens;
        this.comments = lexed.groups.comments ?? [];
        this.errors = lexed.errors;
        this.next = to;
        return true;
      }
      // What ends within the limit is sure; each list is in order, so that is a prefix of it.
      const limit = to === text.length ? Infinity : to - from - scanLookahead;
      const tokens = lexed.tokens;
      const comments = lexed.groups.comments ?? [];
      while (tokens.length > 0 && endOf(tokens[tokens.length - 1]!) > limit) tokens.pop();
      while (comments.length > 0 && endOf(comments[comments.length - 1]!) > limit) comments.pop();
      const errors = lexed.errors.filter((e) => e.offset + e.length <= limit).map((e) => ({ offset: e.offset + from, length: e.length }));
      let end = 0;
      if (tokens.length > 0) end = endOf(tokens[tokens.length - 1]!);
      if (comments.length > 0) end = Math.max(end, endOf(comments[comments.length - 1]!));
      if (errors.length > 0) end = Math.max(end, errors[errors.length - 1]!.offset - from + errors[errors.length - 1]!.length);
      if (to < text.length && end === 0) {
        // Nothing in this piece is sure (one long comment, say): read a larger one.
        this.size *= 2;
        continue;
      }
      if (from !== 0) {
        for (const t of tokens) shift(t, from);
        for (const t of comments) shift(t, from);
      }
      this.tokens = tokens;
      this.comments = comments;
      this.errors = errors;
      this.next = to === text.length ? text.length : from + end;
      if (tokens.length > 0) this.last = tokens[tokens.length - 1];
      this.size = Math.min(this.size * 2, maxPiece);
      return true;
    }
  }
}

function isWordCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || (c >= 48 && c <= 57);
}

function shift(t: IToken, delta: number): void {
  t.startOffset += delta;
}

/**
 * Parses doc.text from offset `from` (0, or where a statement starts) and appends what it finds to
 * doc's lists; problems are left unsorted. With `resumable`, it stops before the first statement
 * whose first token starts where resumable says a statement known from an earlier parse starts, and
 * returns that offset (the rest would parse exactly as before); otherwise it parses to the end and
 * returns -1.
 */
export function parseFrom(doc: TlDocument, from: number, resumable?: (start: number) => boolean): number {
  const { text, statements, comments, problems } = doc;
  let current: IToken[] = [];
  const flush = (): void => {
    if (current.length > 0) statements.push(parseStatement(current, text, problems));
    current = [];
  };
  const pieces = new Pieces(text, from, resumable === undefined);
  while (pieces.read()) {
    const { tokens } = pieces;
    let c = 0;
    let e = 0;
    const before = (offset: number): void => {
      // Comments and unknown characters before offset, in order.
      for (;;) {
        const comment = pieces.comments[c];
        const error = pieces.errors[e];
        const commentAt = comment && comment.startOffset < offset ? comment.startOffset : Infinity;
        const errorAt = error && error.offset < offset ? error.offset : Infinity;
        if (commentAt === Infinity && errorAt === Infinity) return;
        if (commentAt < errorAt) {
          if (comment!.tokenType === UnterminatedComment) {
            problems.push({ code: syntaxCodes.unterminatedComment, message: 'This block comment is never closed: add `*/`.', start: commentAt, end: commentAt + 2 });
          }
          comments.push(commentOf(comment!));
          c++;
        } else {
          const end = error!.offset + error!.length;
          problems.push({
            code: syntaxCodes.unknownCharacter,
            message: `Unexpected character \`${text.slice(error!.offset, end)}\`: it is not part of the temporal-logic syntax.`,
            start: error!.offset,
            end,
          });
          e++;
        }
      }
    };
    for (const t of tokens) {
      const start = t.startOffset;
      const type = t.tokenTypeIdx;
      before(start);
      if (type === semicolon) {
        flush();
        continue;
      }
      if (current.length > 0) {
        const previous = current[current.length - 1]!;
        // Two operands side by side never form a formula, so a line break between them ends a statement.
        if (hasNewlineBetween(text, endOf(previous), start) && (type === prop || type === spec || type === signal || (isEndOfOperand[previous.tokenTypeIdx] && (isStartOfOperand[type] || isUnary[type])))) {
          flush();
        }
      }
      // A statement starts here, and the text from here on is what an earlier parse already read.
      if (current.length === 0 && resumable?.(start)) return start;
      if (type === unterminatedQuote) {
        problems.push({ code: syntaxCodes.unterminatedQuote, message: 'This quoted name is not closed: add `"` at its end.', start, end: tokenEnd(t) });
      }
      current.push(t);
    }
    before(Infinity);
  }
  flush();
  return -1;
}

export type ParseResult = { ok: true; formula: Formula } | { ok: false; problems: SyntaxProblem[] };

/** Parses one formula (no declarations). */
export function parseFormula(text: string): ParseResult {
  const doc = parseDocument(text);
  const formulas = doc.statements.filter((s) => s.kind === 'formula');
  if (doc.problems.length > 0) return { ok: false, problems: doc.problems };
  if (doc.statements.length !== 1 || formulas.length !== 1) {
    const message = doc.statements.length === 0 ? 'There is no formula here.' : 'Expected exactly one formula.';
    const first = doc.statements[0];
    const second = doc.statements[1];
    const span = second ?? first ?? { start: 0, end: text.length };
    return { ok: false, problems: [{ code: syntaxCodes.syntax, message, start: span.start, end: span.end }] };
  }
  return { ok: true, formula: formulas[0]!.formula };
}

function positionOf(text: string, offset: number): { line: number; column: number } {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return { line, column: offset - lineStart + 1 };
}
