// The generic constrained beam search, driven by a scripted scorer (the model is an input here;
// the real ONNX models are exercised in neural-model.test.ts).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { beamSearch, type StepRow } from '../../src/neural/decode';
import type { DecodeConstraint } from '../../src/neural/constraint';

const [BOS, EOS, A, B] = [1, 2, 3, 4];
const V = 5;

/** Allows exactly the sequences a^n b (n >= 0, at most `max` tokens) followed by the end. */
class AB implements DecodeConstraint {
  constructor(private readonly done = false, private readonly len = 0, private readonly max = 4) {}
  allowed(): number[] {
    if (this.done) return [EOS];
    return this.len + 1 < this.max ? [A, B] : [B];
  }
  advance(t: number): AB {
    if (!this.allowed().includes(t)) throw new Error('not allowed');
    return new AB(t === B, this.len + 1, this.max);
  }
}

/** Prefers EOS most, then A; item 1 prefers B. Returns log-probabilities row by row. */
function scorer(calls: StepRow[][]) {
  return async (rows: readonly StepRow[]): Promise<Float32Array> => {
    calls.push(rows.map((r) => ({ item: r.item, prefix: [...r.prefix] })));
    const out = new Float32Array(rows.length * V).fill(-20);
    rows.forEach((r, i) => {
      out[i * V + EOS] = Math.log(0.5);
      out[i * V + A] = Math.log(r.item === 0 ? 0.3 : 0.1);
      out[i * V + B] = Math.log(r.item === 0 ? 0.2 : 0.4);
    });
    return out;
  };
}

test('greedy search follows the scorer inside the constraint and batches items in one call per step', async () => {
  const calls: StepRow[][] = [];
  const res = await beamSearch([{ constraint: new AB() }, { constraint: new AB() }], scorer(calls), { bos: BOS, eos: EOS, vocabSize: V, beams: 1, maxLength: 10 });
  // EOS scores best but is not allowed until B: item 0 picks A while it may, item 1 picks B at once.
  assert.deepEqual(res[0]![0]!.tokens, [A, A, A, B]);
  assert.deepEqual(res[1]![0]!.tokens, [B]);
  assert.ok(res.every((r) => r[0]!.complete));
  assert.deepEqual(calls[0]!.map((r) => r.item), [0, 1], 'both items share the first call');
  assert.deepEqual(calls[2]!.map((r) => r.item), [0], 'a finished item leaves the batch');
});

test('beam search returns distinct hypotheses best first, by length-normalised score', async () => {
  const res = await beamSearch([{ constraint: new AB() }], scorer([]), { bos: BOS, eos: EOS, vocabSize: V, beams: 3, maxLength: 10 });
  const seqs = res[0]!.map((h) => h.tokens.join(','));
  assert.equal(new Set(seqs).size, seqs.length);
  assert.equal(seqs.length, 3);
  const norm = res[0]!.map((h) => h.logprob / (h.tokens.length + 1));
  for (let i = 1; i < norm.length; i++) assert.ok(norm[i - 1]! >= norm[i]!);
});

test('an aborted signal stops the search', async () => {
  const controller = new AbortController();
  controller.abort();
  await assert.rejects(beamSearch([{ constraint: new AB() }], scorer([]), { bos: BOS, eos: EOS, vocabSize: V, beams: 2, maxLength: 10, signal: controller.signal }), { name: 'AbortError' });
});
