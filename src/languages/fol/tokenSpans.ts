// Token helpers shared by the two AST builders (astParser.ts for clean files, ast.ts for files with errors).
import type { IToken } from 'chevrotain';
import type { Name, SyntaxProblem } from './ast';
import { firstIndex } from '../../core/sorted';

/** Whether a token was read from the text (error recovery inserts tokens without offsets). */
export const present = (t: IToken | undefined): t is IToken => !!t && !t.isInsertedInRecovery && Number.isFinite(t.startOffset);
/** The lexer tracks start offsets only (grammars/fol.ts); a token ends where its image does. */
export const tokEnd = (t: IToken) => t.startOffset + t.image.length;

export function name(t: IToken | undefined): Name | undefined {
  return present(t) ? { text: t.image, start: t.startOffset, end: tokEnd(t) } : undefined;
}

export function unquote(image: string): string {
  try {
    return JSON.parse(image) as string;
  } catch {
    return image.slice(1, -1);
  }
}

/** Whether a problem starts in [from, to); `problems` are sorted by start, so this is a binary search. */
export function problemIn(problems: readonly SyntaxProblem[], from: number, to: number): boolean {
  const i = firstIndex(problems, (p) => p.start >= from);
  return i < problems.length && problems[i].start < to;
}
