// Scoring for the sparse linear models that training/mwp/sparse_linear.py trains (the MWP formula
// labeller and shape prior): a bias per class plus one weight per (string feature, class).

/** Feature name → [class index, weight] pairs; absent pairs weigh 0. */
export type SparseWeights = Record<string, [number, number][]>;

/** Each class's score: its bias plus the weights of the features present (a feature listed twice counts twice). */
export function linearScores(bias: readonly number[], weights: SparseWeights, features: Iterable<string>): Float64Array {
  const z = Float64Array.from(bias);
  for (const feature of features) {
    for (const [k, w] of weights[feature] ?? []) z[k]! += w;
  }
  return z;
}

/** Adjacent pairs of tokens, joined: the trainers' bigram features. */
export function pairs(xs: readonly string[]): string[] {
  return xs.slice(1).map((y, i) => xs[i]! + y);
}
