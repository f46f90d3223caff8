// Offsets and LSP positions.
import type { Range } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Span } from './ast';

export function toRange(doc: TextDocument, span: Span): Range {
  return { start: doc.positionAt(span.start), end: doc.positionAt(span.end) };
}

export function contains(span: Span, offset: number): boolean {
  return span.start <= offset && offset <= span.end;
}
