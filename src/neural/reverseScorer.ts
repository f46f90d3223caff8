// The NL->TL channel model (training/nl2tl/reverse.py): how likely a lifted sentence is given a
// lifted formula, p(sentence | formula). The translator reranks its beam with it (a noisy channel):
// of the forward model's candidates, those from which the sentence is likely win.
import * as path from 'node:path';
import type { InferenceSession, Tensor } from 'onnxruntime-node';
import type { ExecutionProviderChoice } from '../core/settings';
import { openSessions, type Ort } from './executionProvider';
import { readJson } from './modelFiles';
import { paddedInt64 } from './seq2seq';

interface ReverseMeta {
  kind: string;
  src_vocab: string[];
  tgt_vocab: string[];
  config: { max_src: number; max_tgt: number };
}

const BOS = 1;
const EOS = 2;
const UNK = 3;

export class ReverseScorer {
  private readonly srcIndex: Map<string, number>;
  private readonly tgtIndex: Map<string, number>;

  private constructor(
    private readonly session: InferenceSession,
    private readonly ort: Ort,
    private readonly meta: ReverseMeta,
  ) {
    this.srcIndex = new Map(meta.src_vocab.map((w, i) => [w, i]));
    this.tgtIndex = new Map(meta.tgt_vocab.map((w, i) => [w, i]));
  }

  static async load(dir: string, choice: ExecutionProviderChoice): Promise<ReverseScorer> {
    const metaFile = path.join(dir, 'reverse.json');
    const meta = readJson<ReverseMeta>(metaFile);
    if (meta.kind !== 'nl2tl-reverse' || !Array.isArray(meta.src_vocab) || !Array.isArray(meta.tgt_vocab) || !meta.config) {
      throw new Error(`Model file is corrupt (not an NL->TL channel model): ${metaFile}`);
    }
    const { sessions, ort } = await openSessions([{ path: path.join(dir, 'reverse.onnx'), inputs: ['src', 'tgt'] }], choice, 'the NL->TL channel model');
    return new ReverseScorer(sessions[0]!, ort, meta);
  }

  /**
   * Mean log-probability per token of each sentence given its formula. `formulas[i]` (lifted
   * target tokens) goes with `sentences[i]` (lifted sentence tokens); `styles[i]` is the style token.
   */
  async score(formulas: readonly (readonly string[])[], sentences: readonly (readonly string[])[], styles: readonly string[]): Promise<Float32Array> {
    const { src, tgt } = this.ids(formulas, sentences, styles);
    const out = await this.session.run({ src: paddedInt64(this.ort, src), tgt: paddedInt64(this.ort, tgt) });
    return (out['score'] as Tensor).data as Float32Array;
  }

  /** The id rows `score` runs (unpadded); the parity test gives the same rows to PyTorch. */
  ids(formulas: readonly (readonly string[])[], sentences: readonly (readonly string[])[], styles: readonly string[]): { src: number[][]; tgt: number[][] } {
    const { max_src: maxSrc, max_tgt: maxTgt } = this.meta.config;
    return {
      src: formulas.map((f, i) => [styles[i]!, ...f].slice(0, maxSrc).map((w) => this.srcIndex.get(w) ?? 1)),
      tgt: sentences.map((s) => [BOS, ...s.slice(0, maxTgt - 2).map((w) => this.tgtIndex.get(w) ?? UNK), EOS]),
    };
  }

  release(): Promise<void> {
    return this.session.release();
  }
}
