// Parses the tokens of one statement into a syntax tree.
import {
  allTokens,
  Colon,
  Comma,
  Define,
  False,
  Identifier,
  kindOfToken,
  LBracket,
  LParen,
  NumberLiteral,
  operatorInfo,
  operatorTokens,
  Prop,
  QuotedName,
  RBracket,
  RParen,
  Spec,
  True,
  Unbounded,
  type OperatorKind,
} from '../../../grammars/tl';
import type { BinaryKind, Formula, Interval, Span, Statement, SyntaxProblem, UnaryKind } from './ast';
import * as nodes from './nodes';
import { binding } from './precedence';

export const syntaxCodes = {
  syntax: 'tl/syntax-error',
  unknownCharacter: 'tl/unknown-character',
  unterminatedQuote: 'tl/unterminated-quote',
  unterminatedComment: 'tl/unterminated-comment',
  tooDeep: 'tl/too-deeply-nested',
  intervalNotAllowed: 'tl/interval-not-allowed',
  badBound: 'tl/invalid-bound',
} as const;

const intervalKinds: ReadonlySet<OperatorKind> = new Set<OperatorKind>([
  'finally', 'globally', 'historically', 'once', 'until', 'release', 'weak_until', 'strong_release', 'since',
]);

/** The tokens of one statement, as parallel arrays (type is the Chevrotain tokenTypeIdx). */
export interface TokenBuffer {
  types: Int32Array;
  starts: Int32Array;
  ends: Int32Array;
  /** The name of each identifier token (other entries are stale). */
  names: string[];
  length: number;
}

const closedQuote = /^"(?:[^"\\\r\n]|\\.)*"$/;

function unquote(image: string): string {
  const body = image.slice(1, closedQuote.test(image) ? -1 : undefined);
  return body.replace(/\\(.)/g, '$1');
}

function isUnboundedWord(image: string): boolean {
  return image === 'inf' || image === 'infinite';
}

/** A syntax error inside one statement; it stops that statement only. */
class StatementError {
  constructor(readonly problem: SyntaxProblem) {}
}

const code = syntaxCodes.syntax;
// Module-level copies of imported tables: the hot loops then read them without going through the
// importing module's bindings.
const bindingOf = binding;
const { constNode, intervalNode, operatorNode, propNode } = nodes;

// Dense tables indexed by token type, so every lookup (including noToken) stays in bounds.
const tableSize = Math.max(...allTokens.map((t) => t.tokenTypeIdx!)) + 1;
const binaryKinds: (BinaryKind | undefined)[] = new Array<BinaryKind | undefined>(tableSize).fill(undefined);
const unaryKinds: (UnaryKind | undefined)[] = new Array<UnaryKind | undefined>(tableSize).fill(undefined);
/** The type read past the end of a statement; no token has it (Chevrotain numbers types from 1). */
const noToken = 0;
for (const [type, kind] of kindOfToken) {
  if (operatorInfo[kind].arity === 2) binaryKinds[type.tokenTypeIdx!] = kind as BinaryKind;
  else unaryKinds[type.tokenTypeIdx!] = kind as UnaryKind;
}

const T = {
  identifier: Identifier.tokenTypeIdx!,
  quoted: QuotedName.tokenTypeIdx!,
  number: NumberLiteral.tokenTypeIdx!,
  true: True.tokenTypeIdx!,
  false: False.tokenTypeIdx!,
  lparen: LParen.tokenTypeIdx!,
  rparen: RParen.tokenTypeIdx!,
  lbracket: LBracket.tokenTypeIdx!,
  rbracket: RBracket.tokenTypeIdx!,
  comma: Comma.tokenTypeIdx!,
  colon: Colon.tokenTypeIdx!,
  define: Define.tokenTypeIdx!,
  prop: Prop.tokenTypeIdx!,
  spec: Spec.tokenTypeIdx!,
  unbounded: Unbounded.tokenTypeIdx!,
  not: operatorTokens.not.tokenTypeIdx!,
};

/**
 * A hand-written recursive-descent parser over one statement's tokens (faster than a generated
 * one, with messages written for people). It recurses only into parentheses: operators are
 * collected in loops and grouped by precedence, so with parseDocument's nesting check first its
 * depth is bounded.
 */
class StatementParser {
  private i = 0;
  problems: SyntaxProblem[] = [];
  private b!: TokenBuffer;
  private text = '';

  reset(b: TokenBuffer, text: string): void {
    this.b = b;
    this.text = text;
    this.i = 0;
    this.problems.length = 0;
    // A syntax error may have left entries behind.
    this.values.length = 0;
    this.opTop = 0;
    this.prefixTop = 0;
  }

  private type(k: number): number {
    return k < this.b.length ? this.b.types[k]! : noToken;
  }

  private image(k: number): string {
    return this.text.slice(this.b.starts[k], this.b.ends[k]);
  }

  private span(k: number): Span {
    return { start: this.b.starts[k]!, end: this.b.ends[k]! };
  }

  private describe(k: number): string {
    const type = this.type(k);
    if (type === T.identifier) return `proposition \`${this.image(k)}\``;
    if (type === T.number) return `the number ${this.image(k)}`;
    return `\`${this.image(k)}\``;
  }

  /** Parses the statement; throws StatementError on a syntax error. */
  statement(): Statement {
    let statement: Statement;
    const first = this.type(0);
    if (first === T.prop) statement = this.propDeclaration();
    else if (first === T.spec) statement = this.specDeclaration();
    else {
      const formula = this.formula();
      statement = { kind: 'formula', formula, start: formula.outerStart, end: formula.outerEnd };
    }
    if (this.i < this.b.length) {
      if (this.type(this.i) === T.rparen) this.fail(this.i, 'This `)` has no matching `(`.');
      const what = statement.kind === 'propDecl' ? 'declaration' : 'formula';
      this.fail(this.i, `Unexpected ${this.describe(this.i)} after a complete ${what}. Join the parts with an operator such as \`&\`, or put each statement on its own line or after \`;\`.`);
    }
    return statement;
  }

  /** Reports a syntax error at token k (or at the last token when k is past the end). */
  private fail(k: number, message: string): never {
    const at = Math.min(k, this.b.length - 1);
    throw new StatementError({ code, message, start: this.b.starts[at]!, end: this.b.ends[at]! });
  }

  private propDeclaration(): Statement {
    const keyword = this.i++;
    const name = this.i;
    if (name >= this.b.length) return this.fail(keyword, 'This declaration needs a name: write it as `prop name "optional description"`.');
    const nameType = this.type(name);
    if (nameType !== T.identifier && nameType !== T.quoted) {
      return this.fail(name, `Expected a proposition name after \`prop\`, but found ${this.describe(name)}.`);
    }
    this.i++;
    const description = this.type(this.i) === T.quoted ? this.i++ : -1;
    const statement: Statement = {
      kind: 'propDecl',
      name: nameType === T.identifier ? this.b.names[name]! : unquote(this.image(name)),
      nameSpan: this.span(name),
      start: this.b.starts[keyword]!,
      end: this.b.ends[description >= 0 ? description : name]!,
    };
    if (description >= 0) {
      statement.description = unquote(this.image(description));
      statement.descriptionSpan = this.span(description);
    }
    return statement;
  }

  private specDeclaration(): Statement {
    const keyword = this.i++;
    const name = this.i;
    if (name >= this.b.length) return this.fail(keyword, 'This spec is not complete: write it as `spec name := formula`.');
    if (this.type(name) !== T.identifier) {
      return this.fail(name, `Expected a spec name after \`spec\`, but found ${this.describe(name)}: a spec is written \`spec name := formula\`.`);
    }
    this.i++;
    if (this.i >= this.b.length) return this.fail(name, 'This spec is not complete: write it as `spec name := formula`.');
    if (this.type(this.i) !== T.define) return this.fail(this.i, `Expected \`:=\` after the spec name, but found ${this.describe(this.i)}.`);
    this.i++;
    const formula = this.formula();
    return { kind: 'specDecl', name: this.b.names[name]!, nameSpan: this.span(name), formula, start: this.b.starts[keyword]!, end: formula.outerEnd };
  }

  // Shared stacks for operands and pending operators, so that grouping by precedence allocates
  // nothing but the tree itself. A parenthesised subformula works above its caller's entries.
  private values: Formula[] = [];
  private opTop = 0;
  private opKind: BinaryKind[] = [];
  private opToken: number[] = [];
  private opInterval: (Interval | undefined)[] = [];
  private opLevel: number[] = [];
  private prefixTop = 0;
  private prefixKind: UnaryKind[] = [];
  private prefixToken: number[] = [];
  private prefixInterval: (Interval | undefined)[] = [];

  private reduce(): void {
    const k = --this.opTop;
    const right = this.values.pop()!;
    const left = this.values.pop()!;
    const t = this.opToken[k]!;
    this.values.push(operatorNode(this.opKind[k]!, [left, right], this.b.starts[t]!, this.b.ends[t]!, this.opInterval[k], left.outerStart, right.outerEnd));
  }

  private formula(): Formula {
    const base = this.opTop;
    this.values.push(this.operand());
    for (let kind = binaryKinds[this.type(this.i)]; kind; kind = binaryKinds[this.type(this.i)]) {
      const t = this.i++;
      const interval = this.type(this.i) === T.lbracket ? this.interval(kind, t) : undefined;
      const { level, rightAssociative } = bindingOf[kind];
      while (this.opTop > base) {
        const top = this.opLevel[this.opTop - 1]!;
        if (top < level || (top === level && rightAssociative)) break;
        this.reduce();
      }
      const k = this.opTop++;
      this.opKind[k] = kind;
      this.opToken[k] = t;
      this.opInterval[k] = interval;
      this.opLevel[k] = level;
      this.values.push(this.operand());
    }
    while (this.opTop > base) this.reduce();
    return this.values.pop()!;
  }

  private operand(): Formula {
    const base = this.prefixTop;
    for (let kind = unaryKinds[this.type(this.i)]; kind; kind = unaryKinds[this.type(this.i)]) {
      const t = this.i++;
      const interval = this.type(this.i) === T.lbracket ? this.interval(kind, t) : undefined;
      const k = this.prefixTop++;
      this.prefixKind[k] = kind;
      this.prefixToken[k] = t;
      this.prefixInterval[k] = interval && intervalKinds.has(kind) ? interval : undefined;
    }
    let f = this.primary();
    while (this.prefixTop > base) {
      const k = --this.prefixTop;
      const t = this.prefixToken[k]!;
      const opStart = this.b.starts[t]!;
      f = operatorNode(this.prefixKind[k]!, [f], opStart, this.b.ends[t]!, this.prefixInterval[k], opStart, f.outerEnd);
    }
    return f;
  }

  private primary(): Formula {
    const k = this.i;
    if (k >= this.b.length) {
      const after = k > 0 ? ` after \`${this.image(k - 1)}\`` : '';
      return this.fail(k, `The formula ends too early: a proposition, \`true\`, \`false\` or \`(\` is missing${after}.`);
    }
    const type = this.type(k);
    const start = this.b.starts[k]!;
    const end = this.b.ends[k]!;
    if (type === T.identifier) {
      this.i++;
      return propNode(this.b.names[k]!, start, end);
    }
    if (type === T.quoted) {
      this.i++;
      return propNode(unquote(this.text.slice(start, end)), start, end);
    }
    if (type === T.true || type === T.false) {
      this.i++;
      return constNode(type === T.true ? 'true' : 'false', start, end);
    }
    if (type === T.lparen) {
      this.i++;
      const inner = this.formula();
      if (this.type(this.i) !== T.rparen) {
        const found = this.i >= this.b.length ? undefined : this.describe(this.i);
        const at = Math.min(this.i, this.b.length - 1);
        const problem = { code, message: unclosedMessage(this.text, start, found), start: this.b.starts[at]!, end: this.b.ends[at]! };
        unclosed.set(problem, { paren: start, found });
        throw new StatementError(problem);
      }
      inner.outerStart = start;
      inner.outerEnd = this.b.ends[this.i]!;
      this.i++;
      return inner;
    }
    const after = k > 0 ? ` after \`${this.image(k - 1)}\`` : '';
    return this.fail(k, `Expected a proposition, \`true\`, \`false\`, \`(\` or a unary operator${after}, but found ${this.describe(k)}.`);
  }

  /** Parses `[lo,hi]` at the current token and reports operators that take no interval. */
  private interval(kind: OperatorKind, operator: number): Interval {
    const open = this.i++;
    this.bound();
    const lo = this.boundValue;
    const loStart = this.boundStart;
    const loEnd = this.boundEnd;
    const separator = this.type(this.i);
    if (separator !== T.comma && separator !== T.colon) return this.incompleteInterval();
    this.i++;
    this.bound();
    if (this.type(this.i) !== T.rbracket) return this.incompleteInterval();
    const interval = intervalNode(lo ?? 0, this.boundValue, this.b.starts[open]!, this.b.ends[this.i]!);
    this.i++;
    if (lo === null) {
      this.problems.push({ code: syntaxCodes.badBound, message: 'The lower bound of an interval must be a number; only the upper bound can be `inf`.', start: loStart, end: loEnd });
    }
    if (!intervalKinds.has(kind)) {
      this.problems.push({
        code: syntaxCodes.intervalNotAllowed,
        message: `\`${this.image(operator)}\` (${kind.replace('_', ' ')}) does not take an interval; only F, G, H, O, U, R, W, M and S do.`,
        start: interval.start,
        end: interval.end,
      });
    }
    return interval;
  }

  private incompleteInterval(): never {
    return this.fail(
      this.i,
      this.i < this.b.length
        ? `Unexpected ${this.describe(this.i)} in an interval: write it as \`[lo,hi]\`, for example \`[0,10]\` or \`[5,inf]\`.`
        : 'This interval is not complete: write it as `[lo,hi]`, for example `[0,10]` or `[5,inf]`.',
    );
  }

  // The last bound read: its value (null for no bound) and where it is. Fields rather than a
  // returned object, as the parser allocates nothing but the tree.
  private boundValue: number | null = null;
  private boundStart = 0;
  private boundEnd = 0;

  /** Reads a bound: a number, a negative number, or a marker for no bound (`inf`, `infinite`, `$`, `∞`). */
  private bound(): void {
    const k = this.i;
    if (k >= this.b.length) return this.incompleteInterval();
    const type = this.type(k);
    this.boundStart = this.b.starts[k]!;
    if (type === T.not && this.b.ends[k]! - this.b.starts[k]! === 1 && this.text.charCodeAt(this.b.starts[k]!) === 45 /* - */ && this.type(k + 1) === T.number) {
      this.i += 2;
      this.boundValue = -this.number(k + 1);
      this.boundEnd = this.b.ends[k + 1]!;
      return;
    }
    if (type === T.number) {
      this.i++;
      this.boundValue = this.number(k);
      this.boundEnd = this.b.ends[k]!;
      return;
    }
    if (type === T.unbounded || (type === T.identifier && isUnboundedWord(this.b.names[k]!))) {
      this.i++;
      this.boundValue = null;
      this.boundEnd = this.b.ends[k]!;
      return;
    }
    if (type === T.identifier) return this.fail(k, `\`${this.image(k)}\` is not a bound: write a number, or \`inf\` for no upper bound.`);
    return this.incompleteInterval();
  }

  /** The value of number token k; short integers are read in place, anything else through Number. */
  private number(k: number): number {
    const start = this.b.starts[k]!;
    const end = this.b.ends[k]!;
    if (end - start > 15) return Number(this.text.slice(start, end));
    let value = 0;
    for (let i = start; i < end; i++) {
      const digit = this.text.charCodeAt(i) - 48;
      if (digit < 0 || digit > 9) return Number(this.text.slice(start, end));
      value = value * 10 + digit;
    }
    return value;
  }
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

const shared = new StatementParser();

/** Parses one statement's tokens; a syntax error becomes a problem and a broken statement. */
export function parseStatementTokens(b: TokenBuffer, text: string, problems: SyntaxProblem[]): Statement {
  shared.reset(b, text);
  try {
    const statement = shared.statement();
    for (const problem of shared.problems) problems.push(problem);
    return statement;
  } catch (e) {
    if (!(e instanceof StatementError)) throw e;
    problems.push(e.problem);
    return { kind: 'broken', start: b.starts[0]!, end: b.ends[b.length - 1]! };
  }
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
