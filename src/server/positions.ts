// Clients send positions that can be stale or simply wrong; features see them clamped to the document.
import { ErrorCodes, ResponseError, type Position, type Range } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';

function isPosition(value: unknown): value is Position {
  if (typeof value !== 'object' || value === null) return false;
  const { line, character } = value as Record<string, unknown>;
  return typeof line === 'number' && typeof character === 'number' && Number.isFinite(line) && Number.isFinite(character);
}

function requirePosition(value: unknown, what: string): Position {
  if (!isPosition(value)) {
    throw new ResponseError(ErrorCodes.InvalidParams, `${what} must be an object with numeric line and character.`);
  }
  return value;
}

/** The nearest position inside the document (offsetAt already clamps lines and characters). */
export function clampPosition(document: TextDocument, value: unknown, what = 'position'): Position {
  const p = requirePosition(value, what);
  return document.positionAt(document.offsetAt({ line: Math.trunc(p.line), character: Math.trunc(p.character) }));
}

/** Clamps both ends into the document and puts them in order. */
export function clampRange(document: TextDocument, value: unknown, what = 'range'): Range {
  if (typeof value !== 'object' || value === null) {
    throw new ResponseError(ErrorCodes.InvalidParams, `${what} must be an object with start and end positions.`);
  }
  const { start, end } = value as Record<string, unknown>;
  const a = clampPosition(document, start, `${what}.start`);
  const b = clampPosition(document, end, `${what}.end`);
  return document.offsetAt(a) <= document.offsetAt(b) ? { start: a, end: b } : { start: b, end: a };
}
