// The lifted NL->TL model: a lifted sentence ("always ( prop_1 ) within 5 seconds") in, ranked
// formulas over the same prop ids out, each guaranteed to parse by the grammar constraint.
import * as path from 'node:path';
import type { ExecutionProviderChoice } from '../core/settings';
import { readJson } from './modelFiles';
import { fromModelOutput, toModelInput, type ModelInput } from './nl2tlText';
import { ReverseScorer } from './reverseScorer';
import { Seq2SeqModel } from './seq2seq';
import { score } from './decode';
import { TlConstraint } from './tlConstraint';

interface Vocab {
  src: string[];
  tgt: string[];
}

interface Meta {
  kind: string;
  max_target: number;
  config: { max_src: number };
}

/**
 * Which annotation convention to follow (see training/nl2tl/prepare.py): `navi` scopes each
 * clause's operator to its clause, the reading that is right in English, in NL2TL's navigation
 * phrasing (where "whenever X" means eventually X); `req` is requirement phrasing, learnt from the
 * pattern-literature pairs (training/nl2tl/patterns.py); `nl2tl` is the NL2TL lifted data sets' own
 * convention, for sentences that arrive already lifted.
 */
export type Style = 'navi' | 'nl2tl' | 'req';

export interface LiftedTranslation {
  /** NL2TL spelling over the input's prop ids, e.g. `globally ( prop_2 imply finally prop_1 )`. */
  formula: string;
  /** The ranking score: log-probability per token of the formula given the sentence, plus channelWeight × that of the sentence given the formula. */
  score: number;
}

/**
 * Weight of the channel model's score against the forward model's in the beam's ranking, chosen on
 * the lifted dev split by 5-fold cross-validation (models/README.md).
 */
export const channelWeight = 1;

export interface ScoredFormula {
  formula: string;
  /** Log-probability per token of the formula given the sentence. */
  forward: number;
  /** Log-probability per token of the sentence given the formula; absent when nothing was reranked. */
  channel?: number;
}

/** Best first by forward + weight × channel score. */
export function rank(list: readonly ScoredFormula[], weight = channelWeight): LiftedTranslation[] {
  return list.map((c) => ({ formula: c.formula, score: c.forward + weight * (c.channel ?? 0) })).sort((a, b) => b.score - a.score);
}

export class Nl2tlModel {
  private readonly srcIndex: Map<string, number>;

  private constructor(
    private readonly model: Seq2SeqModel,
    private readonly reverse: ReverseScorer | undefined,
    private readonly vocab: Vocab,
    private readonly meta: Meta,
    private readonly channelNote: string | undefined,
  ) {
    this.srcIndex = new Map(vocab.src.map((w, i) => [w, i]));
  }

  static async load(dir: string, ep: ExecutionProviderChoice): Promise<Nl2tlModel> {
    const meta = readJson<Meta>(path.join(dir, 'meta.json'));
    if (meta.kind !== 'nl2tl-seq2seq') throw new Error(`${path.join(dir, 'meta.json')} is not an NL->TL model (kind ${meta.kind}).`);
    const vocab = readJson<Vocab>(path.join(dir, 'vocab.json'));
    if (!Array.isArray(vocab.src) || !Array.isArray(vocab.tgt)) throw new Error(`${path.join(dir, 'vocab.json')} lacks src/tgt token lists.`);
    const model = await Seq2SeqModel.load({ encoder: path.join(dir, 'encoder.onnx'), decoder: path.join(dir, 'decoder.onnx') }, ep);
    // The channel model only reorders the beam, so without it translation still works, ranked by the
    // translation model alone (3 points less exact on the lifted dev split), and the note says why.
    try {
      return new Nl2tlModel(model, await ReverseScorer.load(dir, model.ep), vocab, meta, undefined);
    } catch (e) {
      const reason = e instanceof Error ? e.message : String(e);
      return new Nl2tlModel(model, undefined, vocab, meta, `The NL->TL channel model is not used (${reason}); formulas are ranked by the translation model alone.`);
    }
  }

  get ep(): string {
    return this.model.ep;
  }

  /** Why the execution provider fell back, or why the channel model is not used, if either happened. */
  get note(): string | undefined {
    const { note } = this.model;
    return note && this.channelNote ? `${note.replace(/\.?$/, '.')} ${this.channelNote}` : (note ?? this.channelNote);
  }

  get maxProps(): number {
    return this.vocab.tgt.filter((t) => t.startsWith('prop_')).length;
  }

  encodeSource(input: ModelInput, style: Style = 'nl2tl'): number[] {
    const styleToken = `<${style}>`;
    const tokens = this.srcIndex.has(styleToken) ? [styleToken, ...input.tokens] : input.tokens;
    return tokens.slice(0, this.meta.config.max_src).map((t) => this.srcIndex.get(t) ?? 1);
  }

  /** Whether the model was trained with this style's token (models before the pattern pairs lack `req`). */
  hasStyle(style: Style): boolean {
    return this.srcIndex.has(`<${style}>`);
  }

  /** Whether the model has seen this (lowercase) word in training. */
  knows(word: string): boolean {
    return this.srcIndex.has(word);
  }

  targetVocab(): readonly string[] {
    return this.vocab.tgt;
  }

  /** Why the model cannot take this lifted sentence, if it cannot. */
  /** The most words a sentence may have: the encoder's length (the grammar keeps to it too, so both refuse alike). */
  get maxWords(): number {
    return this.meta.config.max_src - 1;
  }

  problem(input: ModelInput): string | undefined {
    if (input.props.size === 0) return 'The sentence has no propositions to translate.';
    if (input.props.size > this.maxProps) return `Too many propositions (${input.props.size}; the model handles at most ${this.maxProps}).`;
    if (input.tokens.length >= this.meta.config.max_src) return `The sentence is too long (${input.tokens.length} words; at most ${this.meta.config.max_src - 1}).`;
    return undefined;
  }

  /** Translates lifted sentences in one batch; `beams` alternatives each, best first. */
  async translate(sentences: readonly string[], styles: readonly Style[], beams: number, signal?: AbortSignal): Promise<LiftedTranslation[][]> {
    return (await this.candidates(sentences, styles, beams, signal)).map((list) => rank(list));
  }

  /**
   * The beam's complete formulas for each sentence, with the forward model's score (log-probability
   * per token) and, for already-lifted (`nl2tl`-style) sentences with two or more to choose from, the
   * channel model's. Every such candidate goes through the channel model in one call.
   */
  async candidates(sentences: readonly string[], styles: readonly Style[], beams: number, signal?: AbortSignal): Promise<ScoredFormula[][]> {
    const inputs = sentences.map(toModelInput);
    for (const input of inputs) {
      const problem = this.problem(input);
      if (problem) throw new Error(problem);
    }
    const tgt = this.vocab.tgt;
    const items = inputs.map((input) => ({ constraint: TlConstraint.start(tgt, input.props.size, input.numbers.size, this.meta.max_target) }));
    const results = await this.model.generate(inputs.map((input, i) => this.encodeSource(input, styles[i])), items, {
      bos: tgt.indexOf('<bos>'),
      eos: tgt.indexOf('<eos>'),
      vocabSize: tgt.length,
      beams,
      maxLength: this.meta.max_target,
      signal,
    });
    const lists = results.map((hyps) => hyps.filter((h) => h.complete).map((h) => ({ target: h.tokens.map((t) => tgt[t]!), forward: score(h) })));
    // The channel model learnt the NL2TL convention (95% of its pairs); on free text in the navigation
    // convention it cost a held-out row and misread "reach the goal within 10 seconds", so it reranks
    // only already-lifted sentences.
    const reverse = this.reverse;
    const rerank = reverse ? lists.flatMap((list, item) => (list.length > 1 && styles[item] === 'nl2tl' ? list.map((c) => ({ item, c })) : [])) : [];
    signal?.throwIfAborted();
    const channel = reverse && rerank.length
      ? await reverse.score(rerank.map((r) => r.c.target), rerank.map((r) => inputs[r.item]!.tokens), rerank.map((r) => `<${styles[r.item]}>`))
      : new Float32Array(0);
    const channelOf = new Map(rerank.map((r, k) => [r.c, channel[k]!]));
    return lists.map((list, i) => list.map((c) => ({ formula: fromModelOutput(c.target, inputs[i]!), forward: c.forward, channel: channelOf.get(c) })));
  }

  async release(): Promise<void> {
    await Promise.all([this.model.release(), this.reverse?.release()]);
  }

  /** For the parity test: decoder log-probabilities for explicit id sequences. */
  logprobs(sources: number[][], targets: number[][]): Promise<Float32Array> {
    return this.model.logprobs(sources, targets);
  }
}
