// Which candidate expression answers a word problem. The model's own scores pick the right value for
// 42% of dev problems although a right one is among its candidates for 66%; the neighbours from the
// retrieval memory, what word problems are like (whole-number answers, every given number used) and
// the shape prior learnt from the training problems' expressions (mwpShape.ts) pick it for about 58%
// (5-fold cross-validated on dev; see models/mwp/README.md).
import type Fraction from 'fraction.js';
import type { Neighbour } from './mwpMemory';

export interface RankedCandidate {
  /** Prefix tokens over operators, N<i> and constants. */
  structure: readonly string[];
  value: Fraction | undefined;
  /** The model's log-probability of the structure, summed over the formulas at its operators. */
  logprob: number;
  /** The log-probability with the likeliest formula at each operator (what the formulas shown have). */
  labelledLogprob: number;
  /** The shape prior's log-probability of this expression for this problem (mwpShape.ts). */
  shape: number;
}

/**
 * Feature weights: the best point on the dev split of the grid that scripts/mwp-rerank-cv.ts
 * cross-validates; models/mwp/README.md reports both. The model's log-probability counts for a
 * quarter: its beam is confident about wrong trees as often as about right ones.
 */
export const rerankWeights = { logprob: 0.25, wholeNumber: 2, allNumbersUsed: 4, neighbourVote: 0.5, nearestNeighbour: 1, shape: 1 };
export type RerankWeights = typeof rerankWeights;
/** How many of the nearest neighbours vote. */
export const votingNeighbours = 20;
/** Keeps a template no neighbour voted for from scoring minus infinity. */
const voteFloor = 0.02;

/**
 * The answer: the best-scoring candidate with a defined, non-negative value; then, among the
 * candidates with that value (trees that differ in operand order, say), the one the model finds
 * likeliest with its formulas, so that the formulas shown come from the tree the model believes.
 */
export function chooseCandidate<C extends RankedCandidate>(
  candidates: readonly C[],
  neighbours: readonly Neighbour[],
  numberCount: number,
  w: RerankWeights = rerankWeights,
): C | undefined {
  const voters = neighbours.slice(0, votingNeighbours);
  const total = voters.reduce((s, n) => s + n.similarity, 0) || 1;
  const votes = new Map<string, number>();
  for (const n of voters) {
    const key = n.template.join(' ');
    votes.set(key, (votes.get(key) ?? 0) + n.similarity / total);
  }
  const nearest = neighbours[0]?.template.join(' ');
  const score = (c: C): number => {
    const key = c.structure.join(' ');
    const used = new Set(c.structure.filter((t) => /^N\d+$/.test(t))).size;
    return (
      w.logprob * c.logprob +
      w.wholeNumber * (c.value!.d === 1n ? 1 : 0) +
      w.allNumbersUsed * (used === numberCount ? 1 : 0) +
      w.neighbourVote * Math.log(voteFloor + (votes.get(key) ?? 0)) +
      w.nearestNeighbour * (key === nearest ? 1 : 0) +
      w.shape * c.shape
    );
  };
  const quantities = candidates.filter((c) => c.value !== undefined && c.value.s >= 0n);
  const best = maxBy(quantities, score);
  if (!best) return undefined;
  return maxBy(
    quantities.filter((c) => c.value!.equals(best.value!)),
    (c) => c.labelledLogprob,
  );
}

function maxBy<T>(items: readonly T[], key: (t: T) => number): T | undefined {
  let best: T | undefined;
  let bestKey = -Infinity;
  for (const item of items) {
    const k = key(item);
    if (k > bestKey) [best, bestKey] = [item, k];
  }
  return best;
}
