// Parses .tl text into statements. The scanner streams tokens into a buffer for the current
// statement; a statement ends at `;` or at a line break between two operands (see accept), and
// each statement is checked for nesting depth before the recursive parser sees it, so no input
// can overflow the stack and only one statement's tokens are held at a time.
import {
  False,
  gluedOperatorLetters,
  Identifier,
  kindOfToken,
  LParen,
  operatorInfo,
  operatorTokens,
  Prop,
  QuotedName,
  RParen,
  Semicolon,
  Spec,
  True,
  UnterminatedQuote,
  type OperatorKind,
} from '../../../grammars/tl';
import type { Comment, Formula, Statement, SyntaxProblem, TlDocument } from './ast';
import { maxNesting } from './precedence';
import { Scanner, tokenIdx } from './scanner';
import { parseStatementTokens, syntaxCodes, type TokenBuffer } from './statementParser';

export { syntaxCodes };

/** How many operator letters at the start of a word are operators glued to an atom (0: none). */
export function gluedRunLength(word: string): number {
  let i = 0;
  while (i < word.length && gluedOperatorLetters.includes(word[i]!)) i++;
  if (i === 0 || i === word.length) return i;
  const rest = word.slice(i);
  if (!/^[a-z][a-z0-9_]*$/.test(rest)) return 0;
  return i >= 2 || /^[a-z][0-9]*$/.test(rest) ? i : 0;
}

// Tables indexed by character code or token type, read once per token.
const letterType: number[] = [];
const isGluedLetter: boolean[] = [];
for (const [letter, kind] of Object.entries({ F: 'finally', G: 'globally', X: 'next', H: 'historically', O: 'once', Y: 'prev' }) as [string, OperatorKind][]) {
  letterType[letter.charCodeAt(0)] = operatorTokens[kind].tokenTypeIdx!;
}
for (const letter of gluedOperatorLetters) isGluedLetter[letter.charCodeAt(0)] = true;

const isOperator: boolean[] = [];
const isUnary: boolean[] = [];
for (const [type, kind] of kindOfToken) {
  isOperator[type.tokenTypeIdx!] = true;
  isUnary[type.tokenTypeIdx!] = operatorInfo[kind].arity === 1;
}
const endsOperand: boolean[] = [];
for (const t of [Identifier, QuotedName, True, False, RParen, UnterminatedQuote]) endsOperand[t.tokenTypeIdx!] = true;
const startsOperand: boolean[] = [];
for (const t of [Identifier, QuotedName, True, False, LParen, Prop, Spec, UnterminatedQuote]) startsOperand[t.tokenTypeIdx!] = true;
const lparen = LParen.tokenTypeIdx!;
const rparen = RParen.tokenTypeIdx!;
const semicolon = Semicolon.tokenTypeIdx!;
const prop = Prop.tokenTypeIdx!;
const spec = Spec.tokenTypeIdx!;
const { identifier, quoted, unterminatedQuote, unterminatedComment, lineComment } = tokenIdx;

function hasNewlineBetween(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) {
    const c = text.charCodeAt(i);
    if (c === 10 || c === 13) return true;
  }
  return false;
}

/**
 * The nesting a statement's syntax tree could reach: in each parenthesised group, one level per
 * operator plus the deepest group inside. Computed with an explicit stack.
 */
const nestingStack: number[] = [];

function nestingBound(b: TokenBuffer): number {
  // One stack for every statement: this runs once per statement of the file.
  const stack = nestingStack;
  stack.length = 0;
  let ops = 0;
  let deepest = 0;
  for (let k = 0; k < b.length; k++) {
    const type = b.types[k]!;
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

class GrowableBuffer implements TokenBuffer {
  types: Int32Array = new Int32Array(64);
  starts: Int32Array = new Int32Array(64);
  ends: Int32Array = new Int32Array(64);
  names: string[] = [];
  length = 0;

  push(type: number, start: number, end: number, name = ''): void {
    if (this.length === this.types.length) {
      const grow = (a: Int32Array): Int32Array => {
        const bigger = new Int32Array(a.length * 2);
        bigger.set(a);
        return bigger;
      };
      this.types = grow(this.types);
      this.starts = grow(this.starts);
      this.ends = grow(this.ends);
    }
    this.types[this.length] = type;
    this.starts[this.length] = start;
    this.ends[this.length] = end;
    if (name !== '') this.names[this.length] = name;
    this.length++;
  }
}

function parseStatement(b: TokenBuffer, text: string, problems: SyntaxProblem[]): Statement {
  if (nestingBound(b) > maxNesting) {
    const start = b.starts[0]!;
    problems.push({
      code: syntaxCodes.tooDeep,
      message: `This statement is nested too deeply to analyse (more than ${maxNesting} levels of operators and parentheses). Split it into smaller specs.`,
      start,
      end: b.ends[0]!,
    });
    return { kind: 'broken', start, end: b.ends[b.length - 1]! };
  }
  return parseStatementTokens(b, text, problems);
}

function commentOf(text: string, type: number, start: number, end: number): Comment {
  const image = text.slice(start, end);
  const block = type !== lineComment;
  const comment: Comment = { text: image, block, start, end };
  if (!block) {
    const m = /^\/\/\s*nl:\s*/.exec(image);
    if (m) comment.nl = { text: image.slice(m[0].length).trimEnd(), start: start + m[0].length };
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

/**
 * Parses doc.text from offset `from` (0, or where a statement starts) and appends what it finds to
 * doc's lists; problems are left unsorted. With `resumable`, it stops before the first statement
 * whose first token starts where resumable says a statement known from an earlier parse starts, and
 * returns that offset (the rest would parse exactly as before); otherwise it parses to the end and
 * returns -1.
 */
export function parseFrom(doc: TlDocument, from: number, resumable?: (start: number) => boolean): number {
  const { text, statements, comments, problems } = doc;
  const current = new GrowableBuffer();

  const flush = (): void => {
    if (current.length > 0) statements.push(parseStatement(current, text, problems));
    current.length = 0;
  };

  const scanner = new Scanner(
    text,
    (type, start, end) => {
      if (type === unterminatedComment) {
        problems.push({ code: syntaxCodes.unterminatedComment, message: 'This block comment is never closed: add `*/`.', start, end: start + 2 });
      }
      comments.push(commentOf(text, type, start, end));
    },
    (start, end) =>
      problems.push({
        code: syntaxCodes.unknownCharacter,
        message: `Unexpected character \`${text.slice(start, end)}\`: it is not part of the temporal-logic syntax.`,
        start,
        end,
      }),
    from,
  );

  while (scanner.next()) {
    let type = scanner.type;
    const start = scanner.start;
    const end = scanner.end;
    if (type === semicolon) {
      flush();
      continue;
    }
    if (current.length > 0 && hasNewlineBetween(text, current.ends[current.length - 1]!, start)) {
      // Two operands side by side never form a formula, so a line break between them ends a statement.
      const previous = current.types[current.length - 1]!;
      if (type === prop || type === spec || (endsOperand[previous] && (startsOperand[type] || isUnary[type]))) flush();
    }
    // A statement starts here, and the text from here on is what an earlier parse already read.
    if (current.length === 0 && resumable?.(start)) return start;
    if (type === unterminatedQuote) {
      problems.push({ code: syntaxCodes.unterminatedQuote, message: 'This quoted name is not closed: add `"` at its end.', start, end });
      type = quoted;
    }
    if (type !== identifier) {
      current.push(type, start, end);
      continue;
    }
    const word = scanner.word;
    const run = isGluedLetter[word.charCodeAt(0)] ? gluedRunLength(word) : 0;
    for (let i = 0; i < run; i++) current.push(letterType[word.charCodeAt(i)]!, start + i, start + i + 1);
    if (start + run < end) current.push(type, start + run, end, run === 0 ? word : word.slice(run));
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
