// The syntax tree of .tl files. Positions are character offsets into the document text
// ([start, end), end exclusive); src/languages/tl/positions.ts turns them into LSP positions.
import type { ArithOp, BinaryKind, CompareOp, UnaryKind } from '../../../grammars/tl';

export type { ArithOp, BinaryKind, CompareOp, UnaryKind, OperatorKind } from '../../../grammars/tl';

export interface Span {
  start: number;
  end: number;
}

export interface Interval extends Span {
  lo: number;
  /** null when unbounded (`inf`, `infinite`, `$`). */
  hi: number | null;
}

// Positions on formula nodes are plain numbers rather than span objects: a large file has millions
// of nodes, and every object per node is time spent allocating and collecting.
interface NodeBase extends Span {
  /** Where the parentheses written directly around this node open and close; start and end when there are none. */
  outerStart: number;
  outerEnd: number;
}

export interface PropNode extends NodeBase {
  kind: 'prop';
  name: string;
}

export interface ConstNode extends NodeBase {
  kind: 'true' | 'false';
}

interface OperatorNode extends NodeBase {
  /** Where the operator token itself is, for hover on operators. */
  opStart: number;
  opEnd: number;
  /** The interval, for temporal operators that have one. */
  interval?: Interval;
}

export interface UnaryNode extends OperatorNode {
  kind: UnaryKind;
  args: [Formula];
}

export interface BinaryNode extends OperatorNode {
  kind: BinaryKind;
  args: [Formula, Formula];
}

/**
 * A comparison of signals and numbers (STL): `speed >= limit`, `abs(x - y) < 0.5`. It is an atom of
 * the formula: `args` is empty (its operands are terms, not formulas) so that code walking formulas
 * sees a leaf.
 */
export interface CompareNode extends NodeBase {
  kind: 'compare';
  op: CompareOp;
  left: Term;
  right: Term;
  /** Where the comparison operator is. */
  opStart: number;
  opEnd: number;
  args: [];
  interval?: undefined;
}

export type Formula = PropNode | ConstNode | UnaryNode | BinaryNode | CompareNode;

interface TermBase extends Span {
  /** Where the parentheses written directly around this term open and close; start and end when there are none. */
  outerStart: number;
  outerEnd: number;
}

export interface NumberTerm extends TermBase {
  kind: 'num';
  value: number;
}

/** A signal: a real-valued name, declared with `signal name "unit"`. */
export interface SignalTerm extends TermBase {
  kind: 'signal';
  name: string;
}

/** `true` or `false` where a number belongs: parsed so that a check can say what is wrong. */
export interface BoolTerm extends TermBase {
  kind: 'bool';
  value: boolean;
}

export interface ArithTerm extends TermBase {
  kind: 'arith';
  op: ArithOp;
  args: [Term, Term];
  opStart: number;
  opEnd: number;
}

export interface NegTerm extends TermBase {
  kind: 'neg';
  arg: Term;
  opStart: number;
  opEnd: number;
}

/** A function of one term: `abs(x)`. */
export interface CallTerm extends TermBase {
  kind: 'call';
  fn: string;
  fnSpan: Span;
  arg: Term;
}

export type Term = NumberTerm | SignalTerm | BoolTerm | ArithTerm | NegTerm | CallTerm;

export interface Comment extends Span {
  text: string;
  block: boolean;
  /** For `// nl: sentence` comments, the sentence and where it starts. */
  nl?: { text: string; start: number };
}

export interface PropDeclaration extends Span {
  kind: 'propDecl';
  name: string;
  nameSpan: Span;
  description?: string;
  descriptionSpan?: Span;
}

/** `signal speed "km/h"`: a real-valued signal, with its unit. */
export interface SignalDeclaration extends Span {
  kind: 'signalDecl';
  name: string;
  nameSpan: Span;
  unit?: string;
  unitSpan?: Span;
}

export interface SpecDeclaration extends Span {
  kind: 'specDecl';
  name: string;
  nameSpan: Span;
  formula?: Formula;
}

export interface FormulaStatement extends Span {
  kind: 'formula';
  formula: Formula;
}

/** A statement that did not parse; its errors are in the document's diagnostics. */
export interface BrokenStatement extends Span {
  kind: 'broken';
}

export type Statement = PropDeclaration | SignalDeclaration | SpecDeclaration | FormulaStatement | BrokenStatement;

export interface SyntaxProblem extends Span {
  code: string;
  message: string;
}

export interface TlDocument {
  text: string;
  statements: Statement[];
  comments: Comment[];
  problems: SyntaxProblem[];
}

const unaryKinds: ReadonlySet<string> = new Set<UnaryKind>(['not', 'next', 'finally', 'globally', 'historically', 'once', 'prev']);

/** Whether the user wrote parentheses directly around this node. */
export function hasParens(f: Formula): boolean {
  return f.outerStart !== f.start || f.outerEnd !== f.end;
}

export function isUnary(f: Formula): f is UnaryNode {
  return unaryKinds.has(f.kind);
}

export function isBinary(f: Formula): f is BinaryNode {
  return 'args' in f && f.args.length === 2;
}

/** JSON form without positions: the `nesy parse --json` contract. */
export type FormulaJson =
  | { kind: 'prop'; name: string }
  | { kind: 'true' }
  | { kind: 'false' }
  | { kind: 'compare'; op: CompareOp; left: TermJson; right: TermJson }
  | { kind: UnaryKind | BinaryKind; interval?: [number, number | null]; args: FormulaJson[] };

export type TermJson =
  | { kind: 'num'; value: number }
  | { kind: 'signal'; name: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'arith'; op: ArithOp; args: [TermJson, TermJson] }
  | { kind: 'neg'; arg: TermJson }
  | { kind: 'call'; fn: string; arg: TermJson };

export function termToJson(t: Term): TermJson {
  switch (t.kind) {
    case 'num':
    case 'bool':
      return { kind: t.kind, value: t.value } as TermJson;
    case 'signal':
      return { kind: 'signal', name: t.name };
    case 'arith':
      return { kind: 'arith', op: t.op, args: [termToJson(t.args[0]), termToJson(t.args[1])] };
    case 'neg':
      return { kind: 'neg', arg: termToJson(t.arg) };
    case 'call':
      return { kind: 'call', fn: t.fn, arg: termToJson(t.arg) };
  }
}

export function termFromJson(j: TermJson): Term {
  const zero = { start: 0, end: 0, outerStart: 0, outerEnd: 0 };
  switch (j.kind) {
    case 'num':
      return { kind: 'num', value: j.value, ...zero };
    case 'bool':
      return { kind: 'bool', value: j.value, ...zero };
    case 'signal':
      return { kind: 'signal', name: j.name, ...zero };
    case 'arith':
      return { kind: 'arith', op: j.op, args: [termFromJson(j.args[0]), termFromJson(j.args[1])], opStart: 0, opEnd: 0, ...zero };
    case 'neg':
      return { kind: 'neg', arg: termFromJson(j.arg), opStart: 0, opEnd: 0, ...zero };
    case 'call':
      return { kind: 'call', fn: j.fn, fnSpan: { start: 0, end: 0 }, arg: termFromJson(j.arg), ...zero };
  }
}

export function toJson(f: Formula): FormulaJson {
  switch (f.kind) {
    case 'prop':
      return { kind: 'prop', name: f.name };
    case 'true':
    case 'false':
      return { kind: f.kind };
    case 'compare':
      return { kind: 'compare', op: f.op, left: termToJson(f.left), right: termToJson(f.right) };
    default: {
      const json: FormulaJson = { kind: f.kind, args: f.args.map(toJson) };
      if (f.interval) json.interval = [f.interval.lo, f.interval.hi];
      return json;
    }
  }
}

/** `f` with each proposition replaced by what `to` gives for it. */
export const mapProps = (f: FormulaJson, to: (p: Extract<FormulaJson, { kind: 'prop' }>) => FormulaJson): FormulaJson =>
  f.kind === 'prop' ? to(f) : 'args' in f ? ({ ...f, args: f.args.map((g) => mapProps(g, to)) } as FormulaJson) : f;

/** The names of the propositions in `f`. */
export const propNames = (f: FormulaJson): Set<string> => {
  const names = new Set<string>();
  mapProps(f, (p) => (names.add(p.name), p));
  return names;
};

/** Builds a formula from its JSON form; positions are all zero. */
export function fromJson(j: FormulaJson): Formula {
  const zero = { start: 0, end: 0, outerStart: 0, outerEnd: 0 };
  switch (j.kind) {
    case 'prop':
      return { kind: 'prop', name: j.name, ...zero };
    case 'true':
    case 'false':
      return { kind: j.kind, ...zero };
    case 'compare':
      return { kind: 'compare', op: j.op, left: termFromJson(j.left), right: termFromJson(j.right), opStart: 0, opEnd: 0, args: [], ...zero };
    default: {
      const args = j.args.map(fromJson);
      const interval = j.interval ? { lo: j.interval[0], hi: j.interval[1], start: 0, end: 0 } : undefined;
      const node = { kind: j.kind, args, opStart: 0, opEnd: 0, ...zero, ...(interval ? { interval } : {}) };
      return node as Formula;
    }
  }
}

/** Calls visit on every node, parents before children, without recursion. */
export function walk(root: Formula, visit: (f: Formula, parent: Formula | undefined) => void): void {
  // Two parallel stacks rather than a [node, parent] pair per node: walks run over whole files.
  const nodes: Formula[] = [root];
  const parents: (Formula | undefined)[] = [undefined];
  while (nodes.length > 0) {
    const f = nodes.pop()!;
    visit(f, parents.pop());
    if ('args' in f) {
      for (let i = f.args.length - 1; i >= 0; i--) {
        nodes.push(f.args[i]!);
        parents.push(f);
      }
    }
  }
}
