// What languages may ask of the neural layer. src/neural implements it; languages never import src/neural.
import type { OperatorStyle } from './settings';

export interface TranslateRequest {
  sentence: string;
  /** Propositions declared in the current file, with their descriptions, for grounding. */
  declared?: { name: string; description?: string }[];
  beams?: number;
  /** How the formula is spelled; ASCII unless asked (the editor passes the user's operator style). */
  style?: OperatorStyle;
}

export interface Translation {
  formula: string;
  lifted: string;
  props: Record<string, { text: string; span: [number, number]; name: string; declared: boolean }>;
  english: string;
  /** The beam's ranking score: forward log-probability per token plus the weighted channel score (higher is better). */
  score: number;
}

export interface TranslateResult {
  best: Translation;
  alternatives: Translation[];
  ep: string;
  ms: number;
  /** How likely `best` is right (0 to 1), calibrated on the dev sets. */
  confidence: number;
  /** The confidence is low enough that the user should check the reading before using it. */
  uncertain: boolean;
}

export interface MwpStep {
  op: string;
  formula_id: number;
  formula: string;
  gloss: string;
  value: string;
}

export interface MwpResult {
  expression_prefix: string;
  expression_infix: string;
  answer: string;
  steps: MwpStep[];
  confidence: number;
  ep: string;
  ms: number;
}

export interface NeuralApi {
  translate(request: TranslateRequest, signal?: AbortSignal): Promise<TranslateResult>;
  interpretMwp(text: string, signal?: AbortSignal): Promise<MwpResult>;
  /** Which execution provider runs, and why if it fell back. */
  status(): { ep: string | null; note?: string };
}
