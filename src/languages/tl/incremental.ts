// Reparsing after an edit. Statements end at `;` or at a line break between two operands, so an
// edit changes one or two of them: the statements before it are kept as they are, those after it
// are kept with their offsets moved, and only the text in between is scanned and parsed again.
// The result is the document a fresh parseDocument would give (test/fuzz/tl-incremental.test.ts).
import type { Comment, Statement, TlDocument } from './ast';
import { shifted } from './nodes';
import { scanLookahead } from '../../../grammars/tl';
import { byStart, movedProblem, parseDocument, parseFrom } from './parser';
import { firstIndex } from '../../core/sorted';

/** Parses `text`, an edited version of `previous.text`, reusing the statements the edit cannot have changed. */
export function reparse(previous: TlDocument, text: string): TlDocument {
  const old = previous.text;
  if (old === text) return previous;
  const prefix = commonPrefix(old, text);
  const suffix = commonSuffix(old, text, Math.min(old.length, text.length) - prefix);
  const delta = text.length - old.length;

  // Restart one statement before the first that the edit may touch: whether a statement ends where
  // the next begins depends on the next one's first token, which the edit may have changed.
  const statements = previous.statements;
  const touched = firstIndex(statements, (s) => s.end + scanLookahead > prefix);
  if (touched === 0) return parseDocument(text);
  const from = statements[touched - 1]!.start;

  const doc: TlDocument = {
    text,
    statements: statements.slice(0, touched - 1),
    comments: previous.comments.slice(0, firstIndex(previous.comments, (c) => c.start >= from)),
    problems: previous.problems.slice(0, firstIndex(previous.problems, (p) => p.start >= from)),
  };
  // Parsing may stop where an old statement starts in the text after the edit: from there on the
  // text, and so the tokens and statements, are the old ones moved by delta.
  const unchanged = firstIndex(statements, (s) => s.start >= old.length - suffix);
  const oldAt = (start: number): number => {
    const i = firstIndex(statements, (s) => s.start >= start - delta);
    return i >= unchanged && i < statements.length && statements[i]!.start === start - delta ? i : -1;
  };
  const resumedAt = parseFrom(doc, from, (start) => oldAt(start) >= 0);
  if (resumedAt >= 0) {
    const oldStart = resumedAt - delta;
    for (let i = oldAt(resumedAt); i < statements.length; i++) doc.statements.push(delta === 0 ? statements[i]! : shiftedStatement(statements[i]!, delta));
    for (let i = firstIndex(previous.comments, (c) => c.start >= oldStart); i < previous.comments.length; i++) doc.comments.push(shiftedComment(previous.comments[i]!, delta));
    for (let i = firstIndex(previous.problems, (p) => p.start >= oldStart); i < previous.problems.length; i++) doc.problems.push(movedProblem(previous.problems[i]!, text, delta));
  }
  // Stable, like parseDocument's sort: problems at the same offset keep the order they were found in.
  doc.problems.sort(byStart);
  return doc;
}

// Whole blocks are compared as strings (a native comparison) before the last one character by
// character: a character loop over a large file costs more than the rest of a small edit's reparse.
const block = 512;

function commonPrefix(a: string, b: string): number {
  const n = Math.min(a.length, b.length);
  let i = 0;
  while (i + block <= n && a.substring(i, i + block) === b.substring(i, i + block)) i += block;
  while (i < n && a.charCodeAt(i) === b.charCodeAt(i)) i++;
  return i;
}

/** The length of the common end of a and b, at most max. */
function commonSuffix(a: string, b: string, max: number): number {
  let i = 0;
  while (i + block <= max && a.substring(a.length - i - block, a.length - i) === b.substring(b.length - i - block, b.length - i)) i += block;
  while (i < max && a.charCodeAt(a.length - 1 - i) === b.charCodeAt(b.length - 1 - i)) i++;
  return i;
}

function span(s: { start: number; end: number }, delta: number): { start: number; end: number } {
  return { start: s.start + delta, end: s.end + delta };
}

function shiftedStatement(s: Statement, delta: number): Statement {
  const start = s.start + delta;
  const end = s.end + delta;
  switch (s.kind) {
    case 'propDecl': {
      const moved: Statement = { kind: 'propDecl', name: s.name, nameSpan: span(s.nameSpan, delta), start, end };
      if (s.description !== undefined) moved.description = s.description;
      if (s.descriptionSpan) moved.descriptionSpan = span(s.descriptionSpan, delta);
      return moved;
    }
    case 'signalDecl': {
      const moved: Statement = { kind: 'signalDecl', name: s.name, nameSpan: span(s.nameSpan, delta), start, end };
      if (s.unit !== undefined) moved.unit = s.unit;
      if (s.unitSpan) moved.unitSpan = span(s.unitSpan, delta);
      return moved;
    }
    case 'specDecl':
      return { kind: 'specDecl', name: s.name, nameSpan: span(s.nameSpan, delta), formula: s.formula && shifted(s.formula, delta), start, end };
    case 'formula':
      return { kind: 'formula', formula: shifted(s.formula, delta), start, end };
    case 'broken':
      return { kind: 'broken', start, end };
  }
}

function shiftedComment(c: Comment, delta: number): Comment {
  if (delta === 0) return c;
  const moved: Comment = { text: c.text, block: c.block, start: c.start + delta, end: c.end + delta };
  if (c.nl) moved.nl = { text: c.nl.text, start: c.nl.start + delta };
  return moved;
}
