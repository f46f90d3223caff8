// Names in a .tl file: declared propositions and specs, where they are used, and renaming them.
import type { Location, Position, Range, WorkspaceEdit } from 'vscode-languageserver-types';
import { walk, type Span, type Statement, type Term, type TlDocument } from './ast';
import { contains, toRange } from './positions';
import { isBareName } from './printer';
import type { TlAnalysis } from './service';
import { firstIndex } from '../../core/sorted';

export interface Occurrence {
  name: string;
  kind: 'prop' | 'spec' | 'signal';
  span: Span;
  declaration: boolean;
}

/** Every declaration and use of a name; a formula atom named like a spec refers to that spec. */
export function occurrences(tl: TlDocument): Occurrence[] {
  const specNames = new Set<string>();
  for (const s of tl.statements) if (s.kind === 'specDecl') specNames.add(s.name);
  const out: Occurrence[] = [];
  for (const s of tl.statements) namesIn(s, specNames, out);
  return out;
}

/** The signals a term compares, left to right. */
function signalsIn(t: Term, out: Occurrence[]): void {
  switch (t.kind) {
    case 'signal':
      out.push({ name: t.name, kind: 'signal', span: { start: t.start, end: t.end }, declaration: false });
      break;
    case 'arith':
      signalsIn(t.args[0], out);
      signalsIn(t.args[1], out);
      break;
    case 'neg':
    case 'call':
      signalsIn(t.arg, out);
      break;
    default:
      break;
  }
}

/** The declaration and uses of names in one statement, in the order occurrences lists them. */
function namesIn(s: Statement, specNames: ReadonlySet<string>, out: Occurrence[]): void {
  if (s.kind === 'propDecl') out.push({ name: s.name, kind: 'prop', span: s.nameSpan, declaration: true });
  if (s.kind === 'signalDecl') out.push({ name: s.name, kind: 'signal', span: s.nameSpan, declaration: true });
  if (s.kind === 'specDecl') out.push({ name: s.name, kind: 'spec', span: s.nameSpan, declaration: true });
  const formula = s.kind === 'formula' || s.kind === 'specDecl' ? s.formula : undefined;
  if (formula) {
    walk(formula, (node) => {
      if (node.kind === 'prop') {
        out.push({ name: node.name, kind: specNames.has(node.name) ? 'spec' : 'prop', span: { start: node.start, end: node.end }, declaration: false });
      } else if (node.kind === 'compare') {
        signalsIn(node.left, out);
        signalsIn(node.right, out);
      }
    });
  }
}

/** The index of the statement whose span contains offset, or -1. Statements are sorted and never touch. */
export function statementIndexAt(tl: TlDocument, offset: number): number {
  const lo = firstIndex(tl.statements, (s) => s.start > offset);
  return lo > 0 && contains(tl.statements[lo - 1]!, offset) ? lo - 1 : -1;
}

/** The name at offset: only the statement there is walked, and only that name is looked up among the specs. */
export function occurrenceAt(tl: TlDocument, offset: number): Occurrence | undefined {
  const i = statementIndexAt(tl, offset);
  if (i < 0) return undefined;
  const here: Occurrence[] = [];
  namesIn(tl.statements[i]!, noNames, here);
  const found = here.find((o) => contains(o.span, offset));
  if (!found || found.declaration) return found;
  const isSpec = tl.statements.some((s) => s.kind === 'specDecl' && s.name === found.name);
  return isSpec ? { ...found, kind: 'spec' } : found;
}

const noNames: ReadonlySet<string> = new Set();

function sameName(a: Occurrence, b: Occurrence): boolean {
  return a.name === b.name && a.kind === b.kind;
}

export function definition(a: TlAnalysis, position: Position): Location[] {
  const here = occurrenceAt(a.tl, a.document.offsetAt(position));
  if (!here) return [];
  return occurrences(a.tl).filter((o) => o.declaration && sameName(o, here)).map((o) => ({ uri: a.document.uri, range: toRange(a.document, o.span) }));
}

export function references(a: TlAnalysis, position: Position, includeDeclaration: boolean): Location[] {
  const here = occurrenceAt(a.tl, a.document.offsetAt(position));
  if (!here) return [];
  return occurrences(a.tl)
    .filter((o) => sameName(o, here) && (includeDeclaration || !o.declaration))
    .map((o) => ({ uri: a.document.uri, range: toRange(a.document, o.span) }));
}

export function prepareRename(a: TlAnalysis, position: Position): Range | null {
  const here = occurrenceAt(a.tl, a.document.offsetAt(position));
  return here ? toRange(a.document, here.span) : null;
}

/** Renames a proposition or spec everywhere; refuses names that are not plain identifiers or are taken. */
export function rename(a: TlAnalysis, position: Position, newName: string): WorkspaceEdit | null {
  const here = occurrenceAt(a.tl, a.document.offsetAt(position));
  if (!here || !isBareName(newName)) return null;
  const all = occurrences(a.tl);
  if (newName !== here.name && all.some((o) => o.name === newName && o.declaration)) return null;
  const edits = all.filter((o) => sameName(o, here)).map((o) => ({ range: toRange(a.document, o.span), newText: newName }));
  return { changes: { [a.document.uri]: edits } };
}

