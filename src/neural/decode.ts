// Constrained beam search over any autoregressive model, batched across requests: every live
// hypothesis of every item goes through one model call per step. Greedy search is beams = 1.
import type { DecodeConstraint } from './constraint';

export interface DecodeItem {
  constraint: DecodeConstraint;
}

/** One row of a decoder step: which item it belongs to and the tokens emitted so far. */
export interface StepRow {
  item: number;
  prefix: readonly number[];
}

/** Returns log-probabilities over the target vocabulary for each row, row-major. */
export type StepFn = (rows: readonly StepRow[]) => Promise<Float32Array>;

export interface Hypothesis {
  tokens: number[];
  /** Sum of token log-probabilities. */
  logprob: number;
  /** Whether the constraint accepted the end of sequence. */
  complete: boolean;
}

export interface DecodeOptions {
  bos: number;
  eos: number;
  vocabSize: number;
  beams: number;
  maxLength: number;
  signal?: AbortSignal;
}

interface Live {
  prefix: number[];
  logprob: number;
  constraint: DecodeConstraint;
}

/** log Σ exp(x): the log-probability of any of several outcomes, given theirs; -Infinity entries add nothing. */
export function logSumExp(xs: ArrayLike<number>): number {
  const m = Math.max(...Array.from(xs));
  if (m === -Infinity) return -Infinity;
  let sum = 0;
  for (let i = 0; i < xs.length; i++) sum += Math.exp(xs[i]! - m);
  return m + Math.log(sum);
}

/** Length-normalised score, so that longer correct formulas are not beaten by short ones. */
export function score(h: Pick<Hypothesis, 'tokens' | 'logprob'>): number {
  return h.logprob / Math.max(1, h.tokens.length + 1);
}

export async function beamSearch(items: readonly DecodeItem[], step: StepFn, o: DecodeOptions): Promise<Hypothesis[][]> {
  const live: Live[][] = items.map((it) => [{ prefix: [o.bos], logprob: 0, constraint: it.constraint }]);
  const finished: Hypothesis[][] = items.map(() => []);
  for (let t = 0; t < o.maxLength && live.some((l) => l.length > 0); t++) {
    o.signal?.throwIfAborted();
    const rows: StepRow[] = [];
    const owners: Live[] = [];
    live.forEach((hyps, item) => {
      for (const h of hyps) {
        rows.push({ item, prefix: h.prefix });
        owners.push(h);
      }
    });
    const logprobs = await step(rows);
    const candidates: { item: number; from: Live; token: number; logprob: number }[][] = items.map(() => []);
    owners.forEach((h, r) => {
      const item = rows[r]!.item;
      for (const token of h.constraint.allowed()) {
        const lp = logprobs[r * o.vocabSize + token]!;
        candidates[item]!.push({ item, from: h, token, logprob: h.logprob + lp });
      }
    });
    candidates.forEach((cands, item) => {
      cands.sort((a, b) => b.logprob - a.logprob);
      const next: Live[] = [];
      for (const c of cands) {
        if (next.length >= o.beams) break;
        if (c.token === o.eos) {
          finished[item]!.push({ tokens: c.from.prefix.slice(1), logprob: c.logprob, complete: true });
          continue;
        }
        next.push({ prefix: [...c.from.prefix, c.token], logprob: c.logprob, constraint: c.from.constraint.advance(c.token) });
      }
      // Stop an item once its best finished hypotheses outscore every live one (length-normalised).
      const done = finished[item]!;
      if (done.length >= o.beams) {
        const worstKept = done.map(score).sort((a, b) => b - a)[o.beams - 1]!;
        const bestLive = Math.max(...next.map((h) => h.logprob / (h.prefix.length + 1)), -Infinity);
        if (bestLive <= worstKept) next.length = 0;
      }
      live[item] = next;
    });
  }
  return finished.map((done, item) => {
    const out = [...done];
    if (out.length === 0) {
      for (const h of live[item]!) out.push({ tokens: h.prefix.slice(1), logprob: h.logprob, complete: false });
    }
    return out.sort((a, b) => score(b) - score(a)).slice(0, o.beams);
  });
}
