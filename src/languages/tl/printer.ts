// Prints formulas in each operator style. Output always parses back to the same tree
// (test/unit/tl-printer.test.ts checks this with generated trees).
import { comparisons, Identifier, keywordDocs, operatorInfo, operators, tlLexer, unboundedSpellings, type CompareOp, type Style } from '../../../grammars/tl';
import { hasParens, isBinary, type Formula, type Interval, type Term, type UnaryKind } from './ast';
import { atomLevel, binding, temporalBinaryLevel, unaryLevel } from './precedence';

/** `nl2tl` is the space-separated spelling of the NL2TL data set (`finally ( prop_1 and prop_2 )`). */
export type PrintStyle = Style | 'nl2tl';

export interface PrintOptions {
  /** `full` puts every compound subformula in parentheses, to show how the formula groups. */
  parens?: 'minimal' | 'full';
  /** Keep the parentheses the user wrote (formatting), on top of the ones precedence needs. */
  keepParens?: boolean;
}

const nl2tlSpelling: Readonly<Record<string, string>> = {
  not: 'negation',
  implies: 'imply',
  iff: 'equal',
  globally: 'globally',
  finally: 'finally',
};

const reservedWords: ReadonlySet<string> = new Set([
  ...operators.flatMap((o) => o.spellings.filter((s) => /^[A-Za-z_]+$/.test(s))),
  ...Object.keys(keywordDocs),
  ...unboundedSpellings,
]);

const bare = new Map<string, boolean>();

/**
 * Whether a proposition name can be written without quotes: the lexer reads it as one name (so not
 * `Goal`, which is `G oal`, nor `V`, nor `true`), and it is not a word that intervals read.
 */
export function isBareName(name: string): boolean {
  let known = bare.get(name);
  if (known === undefined) {
    const lexed = /^[A-Za-z_.][A-Za-z0-9_.]*$/.test(name) && !reservedWords.has(name) ? tlLexer.tokenize(name) : undefined;
    known = lexed !== undefined && lexed.errors.length === 0 && lexed.tokens.length === 1 && lexed.tokens[0]!.tokenType === Identifier && lexed.tokens[0]!.image === name;
    // Names come from one file at a time; the cache only saves relexing the same names.
    if (bare.size > 10_000) bare.clear();
    bare.set(name, known);
  }
  return known;
}

export function printName(name: string): string {
  return isBareName(name) ? name : `"${name.replace(/[\\"]/g, '\\$&')}"`;
}

export function printNumber(n: number): string {
  if (Number.isInteger(n) && Math.abs(n) < 1e21) return BigInt(n).toString();
  const s = String(n);
  if (!s.includes('e')) return s;
  return n.toFixed(20).replace(/0+$/, '').replace(/\.$/, '');
}

export function printInterval(i: Pick<Interval, 'lo' | 'hi'>, style: PrintStyle = 'ascii'): string {
  const hi = i.hi === null ? (style === 'nl2tl' ? 'infinite' : 'inf') : printNumber(i.hi);
  return `[${printNumber(i.lo)},${hi}]`;
}

function spelling(kind: keyof typeof operatorInfo, style: PrintStyle): string {
  if (style === 'nl2tl') return nl2tlSpelling[kind] ?? operatorInfo[kind].canonical.words;
  return operatorInfo[kind].canonical[style];
}

function level(f: Formula): number {
  if (isBinary(f)) return binding[f.kind].level;
  if (f.kind === 'compare') return atomLevel;
  if ('args' in f) return unaryLevel;
  return atomLevel;
}

const comparisonSpelling = new Map(comparisons.map((c) => [c.op, c.canonical]));

function compareSpelling(op: CompareOp, style: PrintStyle): string {
  return comparisonSpelling.get(op)![style === 'nl2tl' ? 'ascii' : style];
}

/** How tightly a term binds: sums, products, minus, then numbers, signals, calls. */
function termLevel(t: Term): number {
  if (t.kind === 'arith') return t.op === '+' || t.op === '-' ? 1 : 2;
  if (t.kind === 'neg') return 3;
  return 4;
}

/** A term of a comparison, with the parentheses its grouping needs (and with `keepParens`, those written). */
export function printTerm(t: Term, keepParens = false): string {
  const wrap = (child: Term, needed: boolean): string => {
    const text = printTerm(child, keepParens);
    return needed || (keepParens && (child.outerStart !== child.start || child.outerEnd !== child.end)) ? `(${text})` : text;
  };
  switch (t.kind) {
    case 'num':
      return printNumber(t.value);
    case 'signal':
      return printName(t.name);
    case 'bool':
      return String(t.value);
    case 'call':
      return `${t.fn}(${printTerm(t.arg, keepParens)})`;
    case 'neg':
      return `-${wrap(t.arg, termLevel(t.arg) < 3)}`;
    case 'arith': {
      const level = termLevel(t);
      // Left-associative: the right operand needs parentheses at the same level (`a - (b - c)`).
      return `${wrap(t.args[0], termLevel(t.args[0]) < level)} ${t.op} ${wrap(t.args[1], termLevel(t.args[1]) <= level)}`;
    }
  }
}

function needsParens(child: Formula, parent: Formula, side: 'left' | 'right' | 'only', full: boolean): boolean {
  const childLevel = level(child);
  if (childLevel === atomLevel) return false;
  if (full) return true;
  if (side === 'only') return childLevel < unaryLevel;
  const parentBinding = binding[(parent as { kind: keyof typeof binding }).kind];
  if (childLevel !== parentBinding.level) return childLevel < parentBinding.level;
  // Same level: nested temporal binaries and mixed `->`/`<->` get parentheses for the reader's sake.
  if (childLevel === temporalBinaryLevel || child.kind !== parent.kind) return true;
  return parentBinding.rightAssociative ? side === 'left' : side === 'right';
}

/**
 * A unary operator before its operand's text (already parenthesised as needed): a symbol sticks to
 * its operand (`!a`), a letter or an interval is followed by a space (`F a`, `G[0,5] a`).
 */
export function printUnary(kind: UnaryKind, interval: Pick<Interval, 'lo' | 'hi'> | undefined, operand: string, style: PrintStyle = 'ascii'): string {
  const op = spelling(kind, style);
  const iv = interval ? printInterval(interval, style) : '';
  if (style === 'nl2tl') return iv ? `${op} ${iv} ${operand}` : `${op} ${operand}`;
  const symbol = !/^[A-Za-z_]+$/.test(op);
  return symbol && !iv ? op + operand : `${op}${iv} ${operand}`;
}

/** Prints a formula; the default style is ASCII (Spot's letters and symbols). */
export function printFormula(f: Formula, style: PrintStyle = 'ascii', options: PrintOptions = {}): string {
  const full = options.parens === 'full';
  const open = style === 'nl2tl' ? '( ' : '(';
  const close = style === 'nl2tl' ? ' )' : ')';
  const wrap = (child: Formula, parent: Formula, side: 'left' | 'right' | 'only'): string => {
    const text = print(child);
    const keep = options.keepParens === true && hasParens(child);
    return keep || needsParens(child, parent, side, full) ? open + text + close : text;
  };
  const print = (node: Formula): string => {
    switch (node.kind) {
      case 'prop':
        return printName(node.name);
      case 'true':
      case 'false':
        return node.kind;
      case 'compare':
        return `${printTerm(node.left, options.keepParens)} ${compareSpelling(node.op, style)} ${printTerm(node.right, options.keepParens)}`;
      default: {
        if (isBinary(node)) {
          const op = spelling(node.kind, style);
          const interval = node.interval ? printInterval(node.interval, style) : '';
          const opText = style === 'nl2tl' && interval ? `${op} ${interval}` : op + interval;
          return `${wrap(node.args[0], node, 'left')} ${opText} ${wrap(node.args[1], node, 'right')}`;
        }
        return printUnary(node.kind as UnaryKind, node.interval, wrap(node.args[0], node, 'only'), style);
      }
    }
  };
  const text = print(f);
  return options.keepParens === true && hasParens(f) ? open + text + close : text;
}

/** The one normal spelling used to compare and store formulas: ASCII with minimal parentheses. */
export function canonical(f: Formula): string {
  return printFormula(f, 'ascii');
}
