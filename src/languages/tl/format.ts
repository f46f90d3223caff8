// Formatting: each statement is printed again in the chosen style, keeping the parentheses the
// user wrote. A statement with a comment inside, or laid out over several lines, is only
// respelled, so comments and the user's line breaks are never lost.
import type { Style } from '../../../grammars/tl';
import type { Statement, TlDocument } from './ast';
import { printFormula, printName } from './printer';
import { comparisonSpans, styleReplacements, type Replacement } from './style';

function printStatement(s: Statement, text: string, style: Style): string | undefined {
  switch (s.kind) {
    case 'propDecl':
      return `prop ${printName(s.name)}${s.descriptionSpan ? ' ' + text.slice(s.descriptionSpan.start, s.descriptionSpan.end) : ''}`;
    case 'signalDecl':
      return `signal ${printName(s.name)}${s.unitSpan ? ' ' + text.slice(s.unitSpan.start, s.unitSpan.end) : ''}`;
    case 'specDecl':
      return s.formula ? `spec ${s.name} := ${printFormula(s.formula, style, { keepParens: true })}` : undefined;
    case 'formula':
      return printFormula(s.formula, style, { keepParens: true });
    case 'broken':
      return undefined;
  }
}

/** The edits that format a document; statements that did not parse are left as they are. */
export function formatReplacements(tl: TlDocument, style: Style): Replacement[] {
  const out: Replacement[] = [];
  let c = 0;
  for (const s of tl.statements) {
    while (c < tl.comments.length && tl.comments[c]!.end <= s.start) c++;
    const hasComment = c < tl.comments.length && tl.comments[c]!.start < s.end;
    if (s.kind === 'broken') continue;
    if (hasComment || /[\r\n]/.test(tl.text.slice(s.start, s.end))) {
      out.push(...styleReplacements(tl.text, s.start, s.end, style, comparisonSpans(s)));
      continue;
    }
    const printed = printStatement(s, tl.text, style);
    if (printed !== undefined && printed !== tl.text.slice(s.start, s.end)) out.push({ start: s.start, end: s.end, text: printed });
  }
  return out;
}
