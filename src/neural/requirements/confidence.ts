// How likely a translation is right, from two independent checks: do the grammar and the model read
// the sentence the same way, and does the English reading of the chosen formula read back to it?
// The probability of each combination is measured on the dev sets (scripts/nl2tl-confidence.ts) and
// shipped as models/nl2tl/confidence.json, so the number means what it says.
import * as path from 'node:path';
import { parseFormula, structEqual, type Formula } from '../../languages/tl/api';
import { modelFiles } from '../modelFiles';
import { translateRequirement } from './index';

/** Who read the sentence: the grammar and the model alike, only one of them, or both differently (and whose reading was chosen). */
export type Agreement = 'agree' | 'grammar-only' | 'model-only' | 'grammar-over-model' | 'model-over-grammar';

export interface ConfidenceEvidence {
  agreement: Agreement;
  /** The English reading of the chosen formula reads back to the same formula (up to renaming). */
  roundTrip: boolean;
  /**
   * Every proposition spans at most three words. A long one usually holds structure that was not read
   * (on the requirements dev set, grammar readings were right 18 of 40 times with only short
   * propositions and 7 of 77 times otherwise).
   */
  short: boolean;
}

export const bucketOf = (e: ConfidenceEvidence): string => `${e.agreement}/${e.roundTrip ? 'round-trip' : 'no-round-trip'}/${e.short ? 'short' : 'long'}`;

export interface ConfidenceTable {
  /** P(right | bucket), smoothed. */
  buckets: Record<string, number>;
  /** Below this, a translation is marked uncertain. */
  uncertainBelow: number;
}

export function loadConfidence(dir: string): ConfidenceTable {
  const file = path.join(dir, 'confidence.json');
  try {
    return JSON.parse(modelFiles().readText(file)) as ConfidenceTable;
  } catch (e) {
    throw new Error(`Cannot read the confidence table ${file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`);
  }
}

const parsed = (text: string): Formula | undefined => {
  const r = parseFormula(text);
  return r.ok ? r.formula : undefined;
};

/** The evidence for `chosen` (a formula as printed, over propositions read from `propTexts`), given the grammar's and the model's best readings. */
export function evidence(chosen: string, english: string, propTexts: readonly string[], grammar: string | undefined, model: string | undefined): ConfidenceEvidence {
  const g = grammar !== undefined ? parsed(grammar) : undefined;
  const m = model !== undefined ? parsed(model) : undefined;
  let agreement: Agreement;
  if (g && m) agreement = structEqual(g, m) ? 'agree' : chosen === grammar ? 'grammar-over-model' : 'model-over-grammar';
  else agreement = g ? 'grammar-only' : 'model-only';
  const back = translateRequirement(english);
  const c = parsed(chosen);
  const short = propTexts.every((t) => t.trim().split(/\s+/).length <= 3);
  return { agreement, roundTrip: !!back && !!c && structEqual(back.formula, c), short };
}

export function confidenceOf(table: ConfidenceTable, e: ConfidenceEvidence): number {
  return table.buckets[bucketOf(e)] ?? 0.5;
}
