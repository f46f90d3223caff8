// The .fol syntax tree. Every node keeps source offsets so checks, quick fixes and navigation can point at
// exact text. A file without syntax errors is read by astParser.ts; one with errors by the recovering CST
// parser, whose tree is converted here, and recovery leaves holes as `missing` nodes.
import type { CstNode, IToken } from 'chevrotain';
import { parseFolCst, tokenizeFol, type FolTokens } from '../../../grammars/fol';
import { parseStatements } from './astParser';
import { name, present, problemIn, tokEnd, unquote } from './tokenSpans';

export interface Name {
  text: string;
  start: number;
  end: number;
}

export interface Binding {
  name: Name;
  sort?: Name;
  start: number;
  end: number;
}

export interface Term {
  name: Name;
  /** undefined for a bare identifier (variable or constant), [] for `f()`. */
  args?: Term[];
  start: number;
  end: number;
}

export type Formula =
  | { kind: 'atom'; pred: Name; args: Term[]; start: number; end: number }
  | { kind: 'eq'; negated: boolean; left: Term; right: Term; start: number; end: number }
  | { kind: 'bool'; value: boolean; start: number; end: number }
  | { kind: 'not'; arg: Formula; start: number; end: number }
  | { kind: 'and' | 'or'; args: Formula[]; start: number; end: number }
  | { kind: 'implies' | 'iff'; left: Formula; right: Formula; start: number; end: number }
  | { kind: 'quant'; q: 'forall' | 'exists'; vars: Binding[]; body: Formula; start: number; end: number; headerEnd: number }
  | { kind: 'missing'; start: number; end: number };

export interface ClassNode {
  name: Name;
  children?: ClassNode[];
  /** Offsets of the `{ ... }` block, when the class is a group. */
  block?: { start: number; end: number };
  start: number;
  end: number;
}

export type Statement =
  | { kind: 'sort'; names: Name[]; start: number; end: number }
  | { kind: 'predicate'; name: Name; params: Binding[]; parens: { start: number; end: number }; start: number; end: number }
  | { kind: 'function'; name: Name; params: Binding[]; result?: Name; start: number; end: number }
  | { kind: 'constant'; items: Binding[]; start: number; end: number }
  | HierarchyDecl
  | RuleDecl;

export interface HierarchyDecl {
  kind: 'hierarchy';
  name: Name;
  levelled: boolean;
  classes?: ClassNode[];
  block?: { start: number; end: number };
  from?: { path: string; start: number; end: number };
  start: number;
  end: number;
}

export interface RuleDecl {
  kind: 'rule';
  name: Name;
  formula: Formula;
  /**
   * The formula's text after the colon, enclosing parentheses included (`formula.start` may lie inside them).
   * Absent when no colon was read or tokens after it were skipped: then the formula's start is a recovery guess.
   */
  written?: { start: number; end: number };
  start: number;
  end: number;
}

export interface SyntaxProblem {
  start: number;
  end: number;
  message: string;
}

export interface FolFile {
  statements: Statement[];
  problems: SyntaxProblem[];
  comments: { start: number; end: number }[];
  tokens: IToken[];
}

function nodes(n: CstNode, key: string): CstNode[] {
  return (n.children[key] ?? []) as CstNode[];
}
function tokens(n: CstNode, key: string): IToken[] {
  return ((n.children[key] ?? []) as IToken[]).filter(present);
}

/** Extents already computed: each level of the precedence chain asks again about the same subtree. */
const extents = new WeakMap<CstNode, { start: number; end: number } | null>();

/** First and last real offsets covered by a CST node (recovered nodes may have none). */
function extent(n: CstNode): { start: number; end: number } | undefined {
  let e = extents.get(n);
  if (e === undefined) {
    let start = Infinity;
    let end = -Infinity;
    for (const list of Object.values(n.children)) {
      for (const child of list) {
        const c = 'image' in child ? (present(child) ? { start: child.startOffset, end: tokEnd(child) } : undefined) : extent(child);
        if (c) {
          start = Math.min(start, c.start);
          end = Math.max(end, c.end);
        }
      }
    }
    extents.set(n, (e = start === Infinity ? null : { start, end }));
  }
  return e ?? undefined;
}

function binding(n: CstNode): Binding | undefined {
  const nm = name(tokens(n, 'name')[0]);
  if (!nm) return undefined;
  const sort = name(tokens(n, 'sort')[0]);
  return { name: nm, sort, start: nm.start, end: sort ? sort.end : nm.end };
}

function term(n: CstNode): Term | undefined {
  const nm = name(tokens(n, 'Identifier')[0]);
  if (!nm) return undefined;
  const hasParens = tokens(n, 'LParen').length > 0;
  const args = hasParens ? nodes(n, 'args').map(term).filter((t): t is Term => !!t) : undefined;
  const e = extent(n)!;
  return { name: nm, args, start: e.start, end: e.end };
}

function missing(n: CstNode | undefined, fallback: number): Formula {
  const e = n && extent(n);
  return { kind: 'missing', start: e?.start ?? fallback, end: e?.end ?? fallback };
}

function formula(n: CstNode | undefined, fallback: number): Formula {
  if (!n) return missing(n, fallback);
  const e = extent(n);
  if (!e) return missing(n, fallback);
  switch (n.name) {
    case 'formula':
      return formula(nodes(n, 'iff')[0], e.start);
    case 'iff': {
      const ops = nodes(n, 'operands').map((o) => formula(o, e.end));
      return ops.slice(1).reduce((left, right) => ({ kind: 'iff', left, right, start: left.start, end: right.end }), ops[0] ?? missing(n, e.start));
    }
    case 'implies': {
      const left = formula(nodes(n, 'left')[0], e.start);
      const r = nodes(n, 'right')[0];
      if (!r && tokens(n, 'Implies').length === 0) return left;
      const right = formula(r, e.end);
      return { kind: 'implies', left, right, start: e.start, end: Math.max(e.end, right.end) };
    }
    case 'disjunction':
    case 'conjunction': {
      const ops = nodes(n, 'operands').map((o) => formula(o, e.end));
      if (ops.length === 1) return ops[0];
      return { kind: n.name === 'disjunction' ? 'or' : 'and', args: ops, start: e.start, end: e.end };
    }
    case 'unary': {
      if (tokens(n, 'Not').length) return { kind: 'not', arg: formula(nodes(n, 'unary')[0], e.end), start: e.start, end: e.end };
      const q = nodes(n, 'quantified')[0];
      return formula(q ?? nodes(n, 'primary')[0], e.start);
    }
    case 'quantified': {
      const q = tokens(n, 'Forall').length ? 'forall' : 'exists';
      const vars = nodes(n, 'binding').map(binding).filter((b): b is Binding => !!b);
      const dot = tokens(n, 'Dot')[0];
      const headerEnd = dot ? tokEnd(dot) : (vars.at(-1)?.end ?? e.start + 1);
      const body = formula(nodes(n, 'formula')[0], headerEnd);
      return { kind: 'quant', q, vars, body, start: e.start, end: e.end, headerEnd };
    }
    case 'primary': {
      if (tokens(n, 'True').length) return { kind: 'bool', value: true, ...e };
      if (tokens(n, 'False').length) return { kind: 'bool', value: false, ...e };
      const inner = nodes(n, 'formula')[0];
      if (inner) return formula(inner, e.start + 1);
      return formula(nodes(n, 'atom')[0], e.start);
    }
    case 'atom': {
      const left = nodes(n, 'left')[0] && term(nodes(n, 'left')[0]);
      if (!left) return missing(n, e.start);
      if (tokens(n, 'Equals').length || tokens(n, 'NotEquals').length) {
        const right = nodes(n, 'right')[0] && term(nodes(n, 'right')[0]);
        if (!right) return missing(n, e.start);
        return { kind: 'eq', negated: tokens(n, 'NotEquals').length > 0, left, right, ...e };
      }
      return { kind: 'atom', pred: left.name, args: left.args ?? [], ...e };
    }
  }
  return missing(n, e.start);
}

function classNodes(block: CstNode): ClassNode[] {
  return nodes(block, 'classNode').flatMap((c) => {
    const nm = name(tokens(c, 'Identifier')[0]);
    if (!nm) return [];
    const inner = nodes(c, 'classBlock')[0];
    const blockExtent = inner && extent(inner);
    return [{
      name: nm,
      children: inner ? classNodes(inner) : undefined,
      block: blockExtent,
      start: nm.start,
      end: blockExtent ? blockExtent.end : nm.end,
    }];
  });
}

function statement(n: CstNode, problems: readonly SyntaxProblem[]): Statement | undefined {
  const [kind, inner] = Object.entries(n.children)[0] ?? [];
  if (!kind || !inner?.[0] || !('children' in inner[0])) return undefined;
  const s = inner[0] as CstNode;
  const e = extent(s);
  if (!e) return undefined;
  const nm = name(tokens(s, 'Identifier')[0]);
  switch (kind) {
    case 'sortDecl':
      return { kind: 'sort', names: tokens(s, 'Identifier').map((t) => name(t)!), ...e };
    case 'predicateDecl':
    case 'functionDecl': {
      if (!nm) return undefined;
      const pl = nodes(s, 'paramList')[0];
      const params = pl ? nodes(pl, 'binding').map(binding).filter((b): b is Binding => !!b) : [];
      if (kind === 'functionDecl') return { kind: 'function', name: nm, params, result: name(tokens(s, 'resultSort')[0]), ...e };
      const pe = (pl && extent(pl)) ?? { start: nm.end, end: nm.end };
      return { kind: 'predicate', name: nm, params, parens: pe, ...e };
    }
    case 'constantDecl':
      return { kind: 'constant', items: nodes(s, 'binding').map(binding).filter((b): b is Binding => !!b), ...e };
    case 'hierarchyDecl': {
      if (!nm) return undefined;
      const block = nodes(s, 'classBlock')[0];
      const str = tokens(s, 'StringLiteral')[0];
      return {
        kind: 'hierarchy',
        name: nm,
        levelled: tokens(s, 'Levelled').length > 0,
        classes: block ? classNodes(block) : undefined,
        block: block ? extent(block) : undefined,
        from: str ? { path: unquote(str.image), start: str.startOffset, end: tokEnd(str) } : undefined,
        ...e,
      };
    }
    case 'ruleDecl': {
      if (!nm) return undefined;
      const colon = tokens(s, 'Colon')[0];
      const body = nodes(s, 'formula')[0];
      const f = formula(body, colon ? tokEnd(colon) : nm.end);
      const at = body && extent(body);
      // A problem between the colon and the formula means the parser skipped tokens there: what follows is a fragment.
      const written = colon && at && !problemIn(problems, tokEnd(colon), at.start) ? at : undefined;
      return { kind: 'rule', name: nm, formula: f, written, ...e };
    }
  }
  return undefined;
}

export function parseFolFile(text: string): FolFile {
  const lexed = tokenizeFol(text);
  const problems = [...lexProblems(text, lexed), ...lexed.tooDeep].sort((a, b) => a.start - b.start);
  const statements = parseStatements(lexed.tokens, problems);
  if (!statements) return parseFolFileWithRecovery(text, lexed);
  return { statements, problems, comments: commentSpans(lexed), tokens: lexed.tokens };
}

/**
 * The file as the recovering CST parser reads it: what parseFolFile returns for a file with syntax errors,
 * and what the AST parser must equal for one without.
 */
export function parseFolFileWithRecovery(text: string, lexed = tokenizeFol(text)): FolFile {
  const problems = lexProblems(text, lexed);
  const r = parseFolCst(lexed.tokens);
  for (const e of r.parseErrors) {
    const at = present(e.token) && e.token.tokenType.name !== 'EOF' ? e.token : undefined;
    const start = at ? at.startOffset : e.previousToken && present(e.previousToken) ? tokEnd(e.previousToken) : text.length;
    const end = at ? tokEnd(at) : start;
    problems.push({ start, end, message: readableParseError(e.message, at?.image) });
  }
  problems.push(...lexed.tooDeep);
  problems.sort((a, b) => a.start - b.start);
  const statements = nodes(r.cst, 'statement').map((n) => statement(n, problems)).filter((s): s is Statement => !!s);
  return { statements, problems, comments: commentSpans(lexed), tokens: lexed.tokens };
}

function lexProblems(text: string, lexed: FolTokens): SyntaxProblem[] {
  return lexed.lexErrors.map((e) => ({
    start: e.offset,
    end: e.offset + Math.max(1, e.length),
    message: `Unexpected character '${text.slice(e.offset, e.offset + Math.max(1, e.length))}'.`,
  }));
}

function commentSpans(lexed: FolTokens): FolFile['comments'] {
  return lexed.comments.map((c) => ({ start: c.startOffset, end: tokEnd(c) }));
}

const tokenWords: Record<string, string> = {
  Identifier: 'a name',
  LParen: "'('",
  RParen: "')'",
  LBrace: "'{'",
  RBrace: "'}'",
  Colon: "':'",
  Dot: "'.' after the quantified variables",
  Comma: "','",
  StringLiteral: 'a quoted file path',
  Not: "'not'",
  Forall: "'forall'",
  Exists: "'exists'",
  True: "'true'",
  False: "'false'",
  From: "'from'",
};

/** Chevrotain lists token sequences; a person wants one sentence naming what was expected. */
function readableParseError(message: string, found: string | undefined): string {
  const expected = new Set<string>();
  for (const m of message.matchAll(/\[(\w+)/g)) expected.add(tokenWords[m[1]] ?? `'${m[1].toLowerCase()}'`);
  const single = /Expecting token of type --> (\w+) <--/.exec(message);
  if (single) expected.add(tokenWords[single[1]] ?? `'${single[1].toLowerCase()}'`);
  const what = found ? `'${found}'` : 'the end of the file';
  if (expected.size === 0) return `Unexpected ${what}.`;
  const list = [...expected];
  const wanted = list.length === 1 ? list[0] : `${list.slice(0, -1).join(', ')} or ${list.at(-1)}`;
  return `Expected ${wanted}, but found ${what}.`;
}
