// A generic ONNX encoder-decoder: encoder(src) -> memory, decoder(tgt, memory, src) -> last-step
// log-probabilities. Any seq2seq model exported this way (NL->TL, MWP) runs through it.
import * as path from 'node:path';
import type { InferenceSession, Tensor } from 'onnxruntime-node';
import type { ExecutionProviderChoice } from '../core/settings';
import { beamSearch, type DecodeItem, type DecodeOptions, type Hypothesis, type StepRow } from './decode';
import { openSessions, type ExecutionProviderName, type Ort } from './executionProvider';

export const PAD = 0;

export interface Seq2SeqFiles {
  encoder: string;
  decoder: string;
}

/** The encoder's output for a batch, kept so that search, teacher forcing and pooling share one encoder run. */
export interface Encoded {
  /** Source ids, padded to srcLen. */
  src: number[][];
  lengths: number[];
  srcLen: number;
  dim: number;
  /** [batch, srcLen, dim], row-major. */
  memory: Float32Array;
}

export class Seq2SeqModel {
  private constructor(
    private readonly encoder: InferenceSession,
    private readonly decoder: InferenceSession,
    private readonly ort: Ort,
    readonly ep: ExecutionProviderName,
    readonly note: string | undefined,
  ) {}

  static async load(files: Seq2SeqFiles, choice: ExecutionProviderChoice): Promise<Seq2SeqModel> {
    const set = await openSessions(
      [
        { path: files.encoder, inputs: ['src'] },
        { path: files.decoder, inputs: ['tgt', 'memory', 'src'] },
      ],
      choice,
      `${path.basename(path.dirname(files.encoder))} model`,
    );
    const [encoder, decoder] = set.sessions as [InferenceSession, InferenceSession];
    return new Seq2SeqModel(encoder, decoder, set.ort, set.ep, set.note);
  }

  async release(): Promise<void> {
    await Promise.all([this.encoder.release(), this.decoder.release()]);
  }

  /** Runs the encoder once over a batch of source id sequences. */
  async encode(sources: readonly number[][]): Promise<Encoded> {
    const srcLen = Math.max(1, ...sources.map((s) => s.length));
    const src = padRows(sources, srcLen);
    const encoded = await this.encoder.run({ src: int64(this.ort, src, [sources.length, srcLen]) });
    const memory = encoded['memory'] as Tensor;
    return { src, lengths: sources.map((s) => s.length), srcLen, dim: memory.dims[2]!, memory: memory.data as Float32Array };
  }

  /** Decodes a batch of source id sequences under per-item constraints. */
  async generate(sources: readonly number[][], items: readonly DecodeItem[], options: DecodeOptions): Promise<Hypothesis[][]> {
    return this.search(await this.encode(sources), items, options);
  }

  search(encoded: Encoded, items: readonly DecodeItem[], options: DecodeOptions): Promise<Hypothesis[][]> {
    return beamSearch(items, (rows) => this.step(encoded, rows), options);
  }

  /**
   * Teacher forcing: for each row, the decoder's log-probabilities at every position of its tokens,
   * given `bos` and the tokens before it. One decoder call per position, batched across rows.
   */
  async forced(encoded: Encoded, rows: readonly { item: number; tokens: readonly number[] }[], bos: number): Promise<Float32Array[][]> {
    const out: Float32Array[][] = rows.map(() => []);
    const longest = Math.max(0, ...rows.map((r) => r.tokens.length));
    for (let t = 0; t < longest; t++) {
      const active = rows.flatMap((r, i) => (r.tokens.length > t ? [i] : []));
      const logprobs = await this.step(encoded, active.map((i) => ({ item: rows[i]!.item, prefix: [bos, ...rows[i]!.tokens.slice(0, t)] })));
      const width = logprobs.length / active.length;
      active.forEach((i, k) => out[i]!.push(logprobs.slice(k * width, (k + 1) * width)));
    }
    return out;
  }

  /** An item's encoder output averaged over its tokens (padding excluded). */
  pooled(encoded: Encoded, item: number): Float32Array {
    const { srcLen, dim, memory } = encoded;
    const n = Math.max(1, encoded.lengths[item]!);
    const sum = new Float32Array(dim);
    for (let p = 0; p < n; p++) {
      const at = (item * srcLen + p) * dim;
      for (let d = 0; d < dim; d++) sum[d]! += memory[at + d]!;
    }
    return sum.map((x) => x / n);
  }

  private async step(encoded: Encoded, rows: readonly StepRow[]): Promise<Float32Array> {
    const { src, srcLen, dim, memory } = encoded;
    const rowSize = srcLen * dim;
    const tgtLen = rows[0]!.prefix.length;
    const mem = new Float32Array(rows.length * rowSize);
    rows.forEach((r, i) => mem.set(memory.subarray(r.item * rowSize, (r.item + 1) * rowSize), i * rowSize));
    const out = await this.decoder.run({
      tgt: int64(this.ort, rows.map((r) => [...r.prefix]), [rows.length, tgtLen]),
      memory: new this.ort.Tensor('float32', mem, [rows.length, srcLen, dim]),
      src: int64(this.ort, rows.map((r) => src[r.item]!), [rows.length, srcLen]),
    });
    return (out['logprobs'] as Tensor).data as Float32Array;
  }

  /** Runs the decoder once on explicit inputs; the parity test compares this with PyTorch. */
  async logprobs(sources: readonly number[][], targets: readonly number[][]): Promise<Float32Array> {
    const srcT = paddedInt64(this.ort, sources);
    const { memory } = await this.encoder.run({ src: srcT });
    const out = await this.decoder.run({ tgt: paddedInt64(this.ort, targets), memory: memory!, src: srcT });
    return (out['logprobs'] as Tensor).data as Float32Array;
  }
}

function padRows(rows: readonly (readonly number[])[], len: number): number[][] {
  return rows.map((r) => [...r, ...new Array<number>(len - r.length).fill(PAD)]);
}

/** An int64 tensor of `ort`'s, the onnxruntime of the session it is fed to (SessionSet.ort). */
function int64(ort: Ort, rows: readonly number[][], dims: number[]): Tensor {
  const data = BigInt64Array.from(rows.flat(), (v) => BigInt(v));
  return new ort.Tensor('int64', data, dims);
}

/** Id rows as one [rows, width] int64 tensor, padded with PAD to the longest row (width at least 1). */
export function paddedInt64(ort: Ort, rows: readonly (readonly number[])[]): Tensor {
  const width = Math.max(1, ...rows.map((r) => r.length));
  return int64(ort, padRows(rows, width), [rows.length, width]);
}
