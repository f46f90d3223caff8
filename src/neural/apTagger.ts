// The learned atomic-proposition span tagger (B/I/O over words), trained on the navigation
// rows' gold proposition spans and the pattern-literature rows (training/nl2tl/tagger.py).
import * as path from 'node:path';
import type { InferenceSession, Tensor } from 'onnxruntime-node';
import type { ExecutionProviderChoice } from '../core/settings';
import { openSessions, type Ort } from './executionProvider';
import { readJson } from './modelFiles';
import { paddedInt64 } from './seq2seq';

interface TaggerInfo {
  vocab: string[];
  /** The first `corpus_words` vocabulary entries are the navigation rows' words (absent: all of them). */
  corpus_words?: number;
  tags: string[];
  config: { max_len: number };
}

/** [start, end) word indices. */
export type WordSpan = [number, number];

/** Reads B/I/O tags into spans; a stray I starts a span, as B would. */
export function spansFromTags(tags: readonly string[]): WordSpan[] {
  const out: WordSpan[] = [];
  let start: number | undefined;
  [...tags, 'O'].forEach((t, i) => {
    if ((t === 'B' || t === 'O') && start !== undefined) {
      out.push([start, i]);
      start = undefined;
    }
    if (t === 'B' || (t === 'I' && start === undefined)) start = i;
  });
  return out;
}

export class ApTagger {
  private readonly index: Map<string, number>;

  private constructor(
    private readonly session: InferenceSession,
    private readonly ort: Ort,
    private readonly info: TaggerInfo,
  ) {
    this.index = new Map(info.vocab.map((w, i) => [w, i]));
  }

  static async load(dir: string, ep: ExecutionProviderChoice): Promise<ApTagger> {
    const info = readJson<TaggerInfo>(path.join(dir, 'tagger.json'));
    const { sessions, ort } = await openSessions([{ path: path.join(dir, 'tagger.onnx'), inputs: ['ids'] }], ep);
    return new ApTagger(sessions[0]!, ort, info);
  }

  /** Whether every one of these (lowercased) words is in NL2TL's navigation rows: the sentence is in that corpus's phrasing. */
  inCorpusPhrasing(words: readonly string[]): boolean {
    const corpus = this.info.corpus_words ?? this.info.vocab.length;
    return words.every((w) => (this.index.get(w) ?? corpus) < corpus);
  }

  /** Tags each sentence (lowercased words) and returns its proposition spans. */
  async tag(sentences: readonly string[][]): Promise<WordSpan[][]> {
    const max = this.info.config.max_len;
    const rows = sentences.map((s) => s.slice(0, max));
    const ids = paddedInt64(this.ort, rows.map((r) => r.map((w) => this.index.get(w) ?? 1)));
    const len = ids.dims[1]!;
    const out = await this.session.run({ ids });
    const logits = (out['logits'] as Tensor).data as Float32Array;
    const n = this.info.tags.length;
    return rows.map((r, b) => {
      const tags = r.map((_, i) => {
        const at = (b * len + i) * n;
        let best = 0;
        for (let k = 1; k < n; k++) if (logits[at + k]! > logits[at + best]!) best = k;
        return this.info.tags[best]!;
      });
      return spansFromTags(tags);
    });
  }

  async release(): Promise<void> {
    await this.session.release();
  }
}
