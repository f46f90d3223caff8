// The rows `nesy eval mwp` reads, in either of two formats told apart by their fields, checked
// before any model runs so that a malformed file gets one clear line naming the row and the field:
//   InterMWP: {original_text, nums, output_prefix?, interpretation} (LogicSolver's format);
//   SVAMP:    {Body, Question, Equation?, Answer} (SVAMP's own JSON), optionally with Formulas, the
//             formula id of each operator of Equation in the order a person computes them
//             (innermost first), as the hand-labelled English dev set has.
import Fraction from 'fraction.js';
import { commutativeKey, evaluate, infixToTree, prefixToTree, sameValue, type Tree } from '../../languages/mwp/arith';
import { numberValue } from '../../languages/mwp/masking';
import { mirrorOf } from '../../neural/english/formulas';

export interface GoldNode {
  op: string;
  logic: number;
  left: GoldNode | Record<string, never>;
  right: GoldNode | Record<string, never>;
}

export interface InterMwpRow {
  original_text: string;
  nums: string;
  output_prefix?: string;
  interpretation: GoldNode | GoldNode[];
}

export interface SvampRow {
  Body: string;
  Question: string;
  Equation?: string;
  Answer: number | string;
  Formulas?: number[];
}

export type Row = InterMwpRow | SvampRow;

export class RowError extends Error {}

const what = (v: unknown): string => (v === null ? 'null' : Array.isArray(v) ? 'a list' : typeof v === 'object' ? 'an object' : `a ${typeof v}`);

/** Checks one row; throws RowError naming the row (counting from 1) and the field. */
export function checkRow(row: unknown, index: number): Row {
  const at = `row ${index + 1}`;
  if (row === null || typeof row !== 'object' || Array.isArray(row)) throw new RowError(`${at}: expected an object, found ${what(row)}`);
  const r = row as Record<string, unknown>;
  const field = (name: string, ok: (v: unknown) => boolean, expected: string, optional = false) => {
    if (r[name] === undefined && optional) return;
    if (r[name] === undefined) throw new RowError(`${at}: the field "${name}" is missing (${expected})`);
    if (!ok(r[name])) throw new RowError(`${at}: the field "${name}" must be ${expected}, found ${what(r[name])}${typeof r[name] === 'string' ? ` "${String(r[name]).slice(0, 40)}"` : ''}`);
  };
  const isString = (v: unknown) => typeof v === 'string';
  if ('Body' in r || 'Question' in r) {
    field('Body', isString, 'a string');
    field('Question', isString, 'a string');
    field('Answer', (v) => (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && numberValue(v.trim()) !== undefined), 'a number');
    field('Equation', (v) => typeof v === 'string' && infixToTree(v) !== undefined, 'an infix expression over numbers such as "( 8.0 - 5.0 )"', true);
    field('Formulas', (v) => Array.isArray(v) && v.every((x) => Number.isInteger(x) && x >= 0), 'a list of formula ids', true);
    if (r.Formulas !== undefined) {
      if (r.Equation === undefined) throw new RowError(`${at}: the field "Formulas" needs "Equation"`);
      const ops = operators(infixToTree(r.Equation as string)!);
      if ((r.Formulas as number[]).length !== ops) throw new RowError(`${at}: the field "Formulas" has ${(r.Formulas as number[]).length} ids for the ${ops} operators of "Equation"`);
    }
    return r as unknown as SvampRow;
  }
  if ('original_text' in r || 'nums' in r || 'interpretation' in r) {
    field('original_text', isString, 'a string');
    field('nums', (v) => typeof v === 'string' && v.split(/\s+/).filter(Boolean).every((n) => numberValue(n) !== undefined), 'a string of numbers separated by spaces');
    field('output_prefix', (v) => typeof v === 'string' && prefixToTree(v.split(/\s+/).filter(Boolean)) !== undefined, 'a prefix expression such as "- N0 N1"', true);
    field('interpretation', (v) => (Array.isArray(v) ? v.length > 0 && v.every(isGoldNode) : isGoldNode(v)), 'a formula tree {op, logic, left, right} or a list of them');
    return r as unknown as InterMwpRow;
  }
  throw new RowError(`${at}: neither InterMWP fields (original_text, nums, interpretation) nor SVAMP fields (Body, Question, Answer)`);
}

function isGoldNode(v: unknown): boolean {
  if (v === null || typeof v !== 'object' || Array.isArray(v)) return false;
  const n = v as Record<string, unknown>;
  if (typeof n.op !== 'string' || typeof n.left !== 'object' || typeof n.right !== 'object' || n.left === null || n.right === null) return false;
  const leaf = Object.keys(n.left as object).length === 0;
  if (leaf !== (Object.keys(n.right as object).length === 0)) return false;
  return leaf || (typeof n.logic === 'number' && isGoldNode(n.left) && isGoldNode(n.right));
}

function operators(t: Tree): number {
  return t.kind === 'leaf' ? 0 : 1 + operators(t.left) + operators(t.right);
}

/** Checks every row of a parsed file. */
export function checkRows(data: unknown): Row[] {
  if (!Array.isArray(data)) throw new RowError(`expected a JSON list of problems, found ${what(data)}`);
  return data.map(checkRow);
}

export function isSvamp(row: Row): row is SvampRow {
  return 'Body' in row;
}

/** The problem text the model reads: SVAMP's body and question joined by a space. */
export function problemText(row: Row): string {
  return isSvamp(row) ? `${row.Body.trim()} ${row.Question.trim()}` : row.original_text;
}

/** What a row is scored on: which accuracies it can give. */
export function rowHas(row: Row): { formula: boolean; logic: boolean } {
  if (!isSvamp(row)) return { formula: true, logic: true };
  return { formula: row.Equation !== undefined, logic: row.Formulas !== undefined };
}

/** A tree whose operators carry formula ids, for comparing formulas up to commutativity. */
export type LabelledTree = { kind: 'leaf'; token: string } | { kind: 'op'; op: string; label: number; left: LabelledTree; right: LabelledTree };

/** Labels a tree's operators in the order a person computes them (innermost first). */
export function labelPostOrder(tree: Tree, labels: readonly number[]): LabelledTree {
  let next = 0;
  const go = (t: Tree): LabelledTree => {
    if (t.kind === 'leaf') return t;
    const left = go(t.left);
    const right = go(t.right);
    return { kind: 'op', op: t.op, label: labels[next++] ?? -1, left, right };
  };
  return go(tree);
}

/** commutativeKey with each operator's formula id: equal keys mean the same expression and the same formulas. */
export function labelledKey(tree: LabelledTree, value: (token: string) => Fraction | undefined): string {
  if (tree.kind === 'leaf') {
    const v = value(tree.token);
    return v ? v.toFraction() : tree.token;
  }
  const l = labelledKey(tree.left, value);
  const r = labelledKey(tree.right, value);
  // Operands of + and × in either order; a formula that names its operands' roles in order
  // (total = amount per unit × number of units) reads as its mirror when they are swapped.
  const swap = (tree.op === '+' || tree.op === '*') && r < l;
  return swap ? `(${r} ${tree.op}#${mirrorOf(tree.label)} ${l})` : `(${l} ${tree.op}#${tree.label} ${r})`;
}

export interface Marks {
  answer: number;
  formula: number;
  logic: number;
}

/** A prediction as the marks need it: its value and its tree over literal numbers, labels in prefix order. */
export interface Predicted {
  answer: Fraction | undefined;
  /** Prefix tokens over operators and literal numbers. */
  prefix: string[];
  /** Formula id at each prefix position (-1 at leaves). */
  labels: number[];
}

/** SVAMP marks: the value against Answer, the tree against Equation up to commutativity, the formulas against Formulas. */
export function svampMarks(row: SvampRow, p: Predicted): Marks {
  const gold = typeof row.Answer === 'number' ? new Fraction(row.Answer) : numberValue(row.Answer.trim())!;
  const answer = p.answer && sameValue(gold, p.answer) ? 1 : 0;
  if (row.Equation === undefined) return { answer, formula: 0, logic: 0 };
  const goldTree = infixToTree(row.Equation)!;
  const tree = prefixToTree(p.prefix);
  const formula = tree && commutativeKey(tree, numberValue) === commutativeKey(goldTree, numberValue) ? 1 : 0;
  let logic = 0;
  if (formula && row.Formulas && tree) {
    const ours = labelPrefix(tree, p.labels);
    logic = labelledKey(ours, numberValue) === labelledKey(labelPostOrder(goldTree, row.Formulas), numberValue) ? 1 : 0;
  }
  return { answer, formula, logic };
}

function labelPrefix(tree: Tree, labels: readonly number[]): LabelledTree {
  let pos = 0;
  const go = (t: Tree): LabelledTree => {
    const here = pos++;
    if (t.kind === 'leaf') return t;
    const label = labels[here] ?? -1;
    const left = go(t.left);
    const right = go(t.right);
    return { kind: 'op', op: t.op, label, left, right };
  };
  return go(tree);
}

/** The value of a prefix expression over N<i> and constants, N<i> being nums[i]. */
export function prefixValue(tokens: readonly string[], nums: readonly string[]): Fraction | undefined {
  const tree = prefixToTree(tokens);
  if (!tree) return undefined;
  try {
    return evaluate(tree, (t) => (/^N\d+$/.test(t) ? (nums[Number(t.slice(1))] === undefined ? undefined : numberValue(nums[Number(t.slice(1))]!)) : numberValue(t)));
  } catch {
    return undefined;
  }
}
