// Exact rational arithmetic over expression trees: InterMWP answers are fractions and percentages,
// so floating point would call right answers wrong.
import Fraction from 'fraction.js';

export type Op = '+' | '-' | '*' | '/' | '^';
export const OPS: readonly Op[] = ['+', '-', '*', '/', '^'];

export function isOp(token: string): token is Op {
  return (OPS as readonly string[]).includes(token);
}

export type Tree = { kind: 'leaf'; token: string } | { kind: 'op'; op: Op; left: Tree; right: Tree };

/** Parses a prefix token list into a tree; undefined unless it is exactly one well-formed tree. */
export function prefixToTree(tokens: readonly string[]): Tree | undefined {
  let pos = 0;
  const go = (): Tree | undefined => {
    if (pos >= tokens.length) return undefined;
    const t = tokens[pos++];
    if (!isOp(t)) return { kind: 'leaf', token: t };
    const left = go();
    const right = left && go();
    return left && right ? { kind: 'op', op: t, left, right } : undefined;
  };
  const tree = go();
  return tree && pos === tokens.length ? tree : undefined;
}

export function treeToPrefix(tree: Tree): string[] {
  return tree.kind === 'leaf' ? [tree.token] : [tree.op, ...treeToPrefix(tree.left), ...treeToPrefix(tree.right)];
}

const PRECEDENCE: Record<Op, number> = { '+': 1, '-': 1, '*': 2, '/': 2, '^': 3 };

/** Infix with only the brackets the precedence rules need: `N0/N1-N2`, `N0*(1+N1)`. */
export function treeToInfix(tree: Tree, leaf: (token: string) => string = (t) => t, spaced = false): string {
  if (tree.kind === 'leaf') return leaf(tree.token);
  const p = PRECEDENCE[tree.op];
  const side = (child: Tree, right: boolean): string => {
    const s = treeToInfix(child, leaf, spaced);
    if (child.kind === 'leaf') return s;
    const q = PRECEDENCE[child.op];
    const needs = tree.op === '^' ? q <= p : q < p || (right && q === p && (tree.op === '-' || tree.op === '/'));
    return needs ? `(${s})` : s;
  };
  const sep = spaced ? ' ' : '';
  return `${side(tree.left, false)}${sep}${tree.op}${sep}${side(tree.right, true)}`;
}

export class EvalError extends Error {}

/** a ^ b exactly when b is an integer; otherwise there is no rational answer. */
export function apply(op: Op, a: Fraction, b: Fraction): Fraction {
  switch (op) {
    case '+':
      return a.add(b);
    case '-':
      return a.sub(b);
    case '*':
      return a.mul(b);
    case '/':
      if (b.equals(0)) throw new EvalError('division by zero');
      return a.div(b);
    case '^': {
      if (b.d !== 1n) throw new EvalError('a power with a fractional exponent has no exact value');
      if (b.abs().compare(1000) > 0) throw new EvalError('the exponent is too large');
      if (a.equals(0) && b.s < 0n) throw new EvalError('division by zero');
      return a.pow(b);
    }
  }
}

/** Evaluates a tree; `value` gives each leaf's value. Throws EvalError with a readable reason. */
export function evaluate(tree: Tree, value: (token: string) => Fraction | undefined): Fraction {
  if (tree.kind === 'leaf') {
    const v = value(tree.token);
    if (!v) throw new EvalError(`'${tree.token}' has no value`);
    return v;
  }
  return apply(tree.op, evaluate(tree.left, value), evaluate(tree.right, value));
}

/**
 * A value as a person writes it: integers and terminating decimals in decimal form, anything else
 * as a fraction (1/3 rather than 0.333...).
 */
export function formatValue(v: Fraction): string {
  let d = v.d;
  while (d % 2n === 0n) d /= 2n;
  while (d % 5n === 0n) d /= 5n;
  if (d !== 1n) return v.toFraction();
  return v.toString(20);
}

/** Whether two answers agree: exact for rationals, to 4 significant decimals for rounded input. */
export function sameValue(a: Fraction, b: Fraction): boolean {
  if (a.equals(b)) return true;
  const x = a.valueOf();
  const y = b.valueOf();
  return Math.abs(x - y) <= 1e-4 * Math.max(1, Math.abs(x));
}

/**
 * Parses an infix expression over numbers, + - * / ^ and brackets, as SVAMP writes its equations
 * (`( ( 8.0 - 5.0 ) * 2.0 )`); `-` and `/` are left-associative, `^` right-associative. Leaves are
 * the number literals as written. Undefined unless the whole text is one expression.
 */
export function infixToTree(text: string): Tree | undefined {
  const tokens = text.match(/\d+(?:\.\d+)?%?|\.\d+%?|[-+*/^()]|\S/g) ?? [];
  let pos = 0;
  const peek = () => tokens[pos];
  const primary = (): Tree | undefined => {
    const t = tokens[pos++];
    if (t === undefined) return undefined;
    if (t === '(') {
      const inner = sum();
      return tokens[pos++] === ')' ? inner : undefined;
    }
    return /^(\d|\.\d)/.test(t) ? { kind: 'leaf', token: t } : undefined;
  };
  const power = (): Tree | undefined => {
    const base = primary();
    if (!base || peek() !== '^') return base;
    pos++;
    const exponent = power();
    return exponent && { kind: 'op', op: '^', left: base, right: exponent };
  };
  const chain = (next: () => Tree | undefined, ops: readonly Op[]) => (): Tree | undefined => {
    let left = next();
    while (left && ops.includes(peek() as Op)) {
      const op = tokens[pos++] as Op;
      const right = next();
      left = right && { kind: 'op', op, left, right };
    }
    return left;
  };
  const product = chain(power, ['*', '/']);
  const sum = chain(product, ['+', '-']);
  const tree = sum();
  return tree && pos === tokens.length ? tree : undefined;
}

/**
 * A key that two trees share exactly when they are the same expression up to the order of the
 * operands of + and ×; leaves are compared by value (`8.0` = `8`, `25%` = `0.25`), and a leaf
 * without a value by its text.
 */
export function commutativeKey(tree: Tree, value: (token: string) => Fraction | undefined): string {
  if (tree.kind === 'leaf') {
    const v = value(tree.token);
    return v ? v.toFraction() : tree.token;
  }
  const l = commutativeKey(tree.left, value);
  const r = commutativeKey(tree.right, value);
  const [a, b] = (tree.op === '+' || tree.op === '*') && r < l ? [r, l] : [l, r];
  return `(${a}${tree.op}${b})`;
}
