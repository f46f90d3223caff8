// Parsing helpers shared by the .tl tests.
import assert from 'node:assert/strict';
import { parseFormula, printFormula, type Formula } from '../../src/languages/tl/api';

/** The formula, or a test failure naming the text and its problems. */
export function parse(text: string): Formula {
  const r = parseFormula(text);
  if (!r.ok) assert.fail(`${text}: ${r.problems.map((p) => p.message).join('; ')}`);
  return r.formula;
}

/** Fully parenthesised ASCII: shows exactly how a formula grouped. */
export function grouping(text: string): string {
  return printFormula(parse(text), 'ascii', { parens: 'full' });
}
