// What inserting a translation writes, shared by the editor's command (src/client) and the language
// server's code action (src/languages/tl), so both insert the same lines, and how its confidence reads.
import type { TranslateResult, Translation } from './neuralApi';

export type Declared = readonly { name: string; description?: string }[];

/** `prop` lines for the names the translation made up from phrases of the sentence. */
export function newDeclarations(translation: Translation, declared: Declared): string[] {
  const known = new Set(declared.map((d) => d.name));
  const lines: string[] = [];
  for (const p of Object.values(translation.props)) {
    if (p.declared || known.has(p.name)) continue;
    known.add(p.name);
    // A name the sentence already spelled (prop_1) has no phrase to describe it.
    lines.push(p.text === p.name ? `prop ${p.name}` : `prop ${p.name} "${p.text.replace(/[\\"]/g, '\\$&')}"`);
  }
  return lines;
}

/** The lines to insert: the declarations the formula needs, then the formula. */
export function insertedLines(translation: Translation, declared: Declared): string[] {
  return [...newDeclarations(translation, declared), translation.formula];
}

/** "87% confident", or "uncertain (16% confident): check its reading". */
export function confidenceText(result: Pick<TranslateResult, 'confidence' | 'uncertain'>): string {
  const pct = `${Math.round(result.confidence * 100)}% confident`;
  return result.uncertain ? `uncertain (${pct}): check its reading` : pct;
}
