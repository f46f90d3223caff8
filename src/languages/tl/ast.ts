// The syntax tree of .tl files. Positions are character offsets into the document text
// ([start, end), end exclusive); src/languages/tl/positions.ts turns them into LSP positions.
import type { BinaryKind, UnaryKind } from '../../../grammars/tl';

export type { BinaryKind, UnaryKind, OperatorKind } from '../../../grammars/tl';

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

export type Formula = PropNode | ConstNode | UnaryNode | BinaryNode;

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

export type Statement = PropDeclaration | SpecDeclaration | FormulaStatement | BrokenStatement;

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
  | { kind: UnaryKind | BinaryKind; interval?: [number, number | null]; args: FormulaJson[] };

export function toJson(f: Formula): FormulaJson {
  switch (f.kind) {
    case 'prop':
      return { kind: 'prop', name: f.name };
    case 'true':
    case 'false':
      return { kind: f.kind };
    default: {
      const json: FormulaJson = { kind: f.kind, args: f.args.map(toJson) };
      if (f.interval) json.interval = [f.interval.lo, f.interval.hi];
      return json;
    }
  }
}

/** Builds a formula from its JSON form; positions are all zero. */
export function fromJson(j: FormulaJson): Formula {
  const zero = { start: 0, end: 0, outerStart: 0, outerEnd: 0 };
  switch (j.kind) {
    case 'prop':
      return { kind: 'prop', name: j.name, ...zero };
    case 'true':
    case 'false':
      return { kind: j.kind, ...zero };
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
