// The MWP interpretation model: problem text in, solution expression out, with the formula that
// justifies each operator. It runs on the shared seq2seq runtime (seq2seq.ts, decode.ts) under the
// MWP decoding constraint (mwpDecode.ts), batched across problems.
import * as path from 'node:path';
import Fraction from 'fraction.js';
import type { MwpResult, MwpStep } from '../core/neuralApi';
import type { ExecutionProviderChoice } from '../core/settings';
import { maskNumbers, numberValue } from '../languages/mwp/masking';
import { apply, evaluate, formatValue, prefixToTree, treeToInfix, type Tree } from '../languages/mwp/arith';
import type { Hypothesis } from './decode';
import { defaultModelsDir, readJson } from './modelFiles';
import { MwpConstraint, MwpTokenTable } from './mwpDecode';
import { Seq2SeqModel } from './seq2seq';

export interface MwpFormula {
  id: number;
  /** null for id 0, the common-sense step, which fits any operator. */
  op: string | null;
  formula: string;
  gloss: string;
}

export interface MwpModelMeta {
  config: Record<string, number>;
  src_vocab: string[];
  in_vocab: string[];
  out_vocab: string[];
  out_op: Record<string, string>;
  /** Extra output ids after out_vocab: end of sequence and start. */
  eos: number;
  bos: number;
  consts: string[];
  max_nums: number;
  max_target: number;
  formulas: MwpFormula[];
  /** Share of whole-number answers in the training problems: the prior over the beam's candidates. */
  integer_answer_rate?: number;
  dev_metrics: Record<string, number>;
}

export interface MwpStepDetail extends MwpStep {
  /** The operands' values, left then right. */
  operands: [string, string];
}

export interface MwpInterpretation extends MwpResult {
  steps: MwpStepDetail[];
  /** The problem's numbers in order: N<i> is numbers[i]. */
  numbers: string[];
  /** The raw target: formula and common-sense tokens with masked numbers, e.g. F107 F86 N0 N1 N2. */
  target: string[];
}

/** Beam width: wider finds slightly better trees, at a cost in time per problem. */
export const defaultMwpBeams = 5;
/** Source positions the encoder was trained with (training/mwp/model.py max_src). */
export const maxSourceTokens = 256;

/**
 * Word problems ask for quantities: among candidates with a defined, non-negative value, the most
 * probable once each answer's kind is weighed by how often training answers were whole numbers
 * (`integerRate`; without it, by log-probability alone).
 */
export function likeliestQuantity<C extends { logprob: number; value: Fraction | undefined }>(candidates: readonly C[], integerRate?: number): C | undefined {
  const prior = (v: Fraction): number => (integerRate === undefined ? 0 : Math.log(v.d === 1n ? integerRate : 1 - integerRate));
  let best: C | undefined;
  let bestScore = -Infinity;
  for (const c of candidates) {
    if (c.value === undefined || c.value.s < 0n) continue;
    const score = c.logprob + prior(c.value);
    if (score > bestScore) [best, bestScore] = [c, score];
  }
  return best;
}

export class MwpModel {
  private readonly srcIds: Map<string, number>;
  private readonly table: MwpTokenTable;
  private readonly formulas: Map<number, MwpFormula>;

  private constructor(
    readonly meta: MwpModelMeta,
    private readonly seq2seq: Seq2SeqModel,
  ) {
    this.srcIds = new Map(meta.src_vocab.map((t, i) => [t, i]));
    this.table = new MwpTokenTable({ out: meta.out_vocab, outOp: meta.out_op, eos: meta.eos, maxTarget: meta.max_target });
    this.formulas = new Map(meta.formulas.map((f) => [f.id, f]));
  }

  get ep(): string {
    return this.seq2seq.ep;
  }

  get note(): string | undefined {
    return this.seq2seq.note;
  }

  /** Loads models/mwp from `modelsDir` on the best execution provider `choice` allows. */
  static async load(modelsDir = defaultModelsDir(), choice: ExecutionProviderChoice = 'auto'): Promise<MwpModel> {
    const dir = path.join(modelsDir, 'mwp');
    const meta = readJson<MwpModelMeta>(path.join(dir, 'mwp.json'));
    const seq2seq = await Seq2SeqModel.load({ encoder: path.join(dir, 'encoder.onnx'), decoder: path.join(dir, 'decoder.onnx') }, choice);
    return new MwpModel(meta, seq2seq);
  }

  formula(id: number): MwpFormula | undefined {
    return this.formulas.get(id);
  }

  /** Why a problem cannot be interpreted, or undefined when it can. */
  inputError(text: string): string | undefined {
    if (text.trim() === '') return 'the problem text is empty';
    const count = maskNumbers(text).tokens.length;
    // The encoder's position table has maxSourceTokens rows; cutting the problem would silently drop its question.
    if (count > maxSourceTokens) return `The problem is too long (${count} tokens; at most ${maxSourceTokens}).`;
    return undefined;
  }

  /** Token ids of the problem as the encoder sees them. */
  sourceIds(text: string): { ids: number[]; numbers: string[] } {
    const error = this.inputError(text);
    if (error) throw new Error(error);
    const { tokens, numbers } = maskNumbers(text);
    const unk = this.srcIds.get('<unk>')!;
    return { ids: tokens.map((t) => this.srcIds.get(t) ?? unk), numbers };
  }

  /** The decoder's log-probabilities for explicit inputs (the parity test compares them with PyTorch). */
  logprobs(sources: readonly number[][], targets: readonly number[][]): Promise<Float32Array> {
    return this.seq2seq.logprobs(sources, targets);
  }

  /** Values of leaves: N<i> is the problem's i-th number, anything else a constant. */
  private leafValue(numbers: readonly string[]) {
    return (token: string): Fraction | undefined => {
      if (!/^N\d+$/.test(token)) return numberValue(token);
      const literal = numbers[Number(token.slice(1))];
      return literal === undefined ? undefined : numberValue(literal);
    };
  }

  async interpret(text: string, beams = defaultMwpBeams, signal?: AbortSignal): Promise<MwpInterpretation> {
    return (await this.interpretMany([text], beams, signal))[0];
  }

  /** Interprets several problems through one batched beam search; `ms` is each one's share. */
  async interpretMany(texts: readonly string[], beams = defaultMwpBeams, signal?: AbortSignal): Promise<MwpInterpretation[]> {
    const started = performance.now();
    const inputs = texts.map((t) => this.sourceIds(t));
    const items = inputs.map((s) => ({ constraint: MwpConstraint.start(this.table, Math.min(s.numbers.length, this.meta.max_nums)) }));
    const found = await this.seq2seq.generate(inputs.map((s) => s.ids), items, {
      bos: this.meta.bos,
      eos: this.meta.eos,
      vocabSize: this.meta.eos + 2,
      beams,
      maxLength: this.meta.max_target + 1,
      signal,
    });
    const ms = (performance.now() - started) / texts.length;
    return found.map((hyps, i) => this.choose(hyps, inputs[i].numbers, ms));
  }

  private choose(hyps: Hypothesis[], numbers: string[], ms: number): MwpInterpretation {
    const value = this.leafValue(numbers);
    const valueOf = (tokens: string[]): Fraction | undefined => {
      try {
        return evaluate(prefixToTree(tokens)!, value);
      } catch {
        return undefined;
      }
    };
    const candidates = hyps
      .filter((h) => h.complete)
      .map((h) => {
        const tokens = h.tokens.map((id) => this.meta.out_op[this.meta.out_vocab[id]] ?? this.meta.out_vocab[id]);
        return { h, tokens, key: tokens.join(' '), logprob: h.logprob, value: valueOf(tokens) };
      });
    const best =
      likeliestQuantity(candidates, this.meta.integer_answer_rate) ?? candidates.find((c) => c.value !== undefined) ?? candidates[0];
    if (!best) throw new Error('the model produced no complete expression');
    // The probability the beam gives this expression, whatever the formulas at its operators.
    const confidence = candidates.filter((c) => c.key === best.key).reduce((s, c) => s + Math.exp(c.logprob), 0);
    return this.describe(best.h, best.tokens, numbers, Math.min(1, confidence), ms);
  }

  private describe(best: Hypothesis, structure: string[], numbers: string[], confidence: number, ms: number): MwpInterpretation {
    const target = best.tokens.map((id) => this.meta.out_vocab[id]);
    const literal = (t: string) => (/^N\d+$/.test(t) ? numbers[Number(t.slice(1))] : t);
    const tree = prefixToTree(structure)!;
    const value = this.leafValue(numbers);
    const steps: MwpStepDetail[] = [];
    let pos = 0;
    let opCount = 0;
    const walk = (node: Tree): Fraction | undefined => {
      const here = pos++;
      if (node.kind === 'leaf') return value(node.token);
      // Steps are listed in prefix order: this operator before those of its operands.
      const stepIndex = opCount++;
      const l = walk(node.left);
      const r = walk(node.right);
      let v: Fraction | undefined;
      try {
        v = l && r ? apply(node.op, l, r) : undefined;
      } catch {
        v = undefined;
      }
      const tok = target[here];
      const id = tok.startsWith('F') ? Number(tok.slice(1)) : 0;
      const f = this.formulas.get(id);
      steps[stepIndex] = {
        op: node.op,
        formula_id: id,
        formula: f?.formula ?? '',
        gloss: f?.gloss ?? '',
        value: v ? formatValue(v) : 'undefined',
        operands: [l ? formatValue(l) : 'undefined', r ? formatValue(r) : 'undefined'],
      };
      return v;
    };
    const answer = walk(tree);
    return {
      expression_prefix: structure.map(literal).join(' '),
      expression_infix: treeToInfix(tree, literal),
      answer: answer ? formatValue(answer) : 'undefined',
      steps,
      confidence,
      numbers,
      target,
      ep: this.ep,
      ms: Math.round(ms * 100) / 100,
    };
  }

  close(): Promise<void> {
    return this.seq2seq.release();
  }
}
