// Windowed max/min and windowed until over a column of robustness values, in time linear in the
// trace's length and independent of the window's width.
//
// Every future window is the set of samples j with times[i] + lo <= times[j] <= times[i] + hi. As
// times increase with i, both ends of that index range only move forward, which is what lets each
// algorithm below touch every sample a bounded number of times. Past windows are handled by the
// caller (robustness.ts) by running these on the time-reversed trace.

/**
 * out[i] = max (or min) of values[j] over the window of sample i; -inf (or +inf) when it is empty.
 * Lemire's monotonic deque ("Streaming maximum-minimum filter using no more than three comparisons
 * per element", 2006), as Breach uses it: the deque holds the indices whose values could still be
 * the window's extreme, their values strictly decreasing (for max) from the front, so the front is
 * the answer and every index is pushed and popped at most once.
 */
export function windowExtreme(values: Float64Array, times: Float64Array, lo: number, hi: number, max: boolean, out: Float64Array): Float64Array {
  const n = values.length;
  // Comparing sign * value lets one loop serve both max (sign 1) and min (sign -1); the product is
  // exact, and +-inf stay infinities.
  const sign = max ? 1 : -1;
  const empty = max ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  // Each index enters once, so the deque can be a plain array with head and tail that only grow.
  const deque = new Int32Array(n);
  let head = 0;
  let tail = 0;
  let start = 0; // first index with times[j] >= times[i] + lo
  let end = 0; // first index with times[j] > times[i] + hi
  for (let i = 0; i < n; i++) {
    const from = times[i]! + lo;
    const to = times[i]! + hi;
    while (end < n && times[end]! <= to) {
      const v = sign * values[end]!;
      while (tail > head && sign * values[deque[tail - 1]!]! <= v) tail--;
      deque[tail++] = end++;
    }
    while (start < n && times[start]! < from) start++;
    while (head < tail && deque[head]! < start) head++;
    // Every index still in the deque is < end, so an empty window (start >= end) leaves it empty.
    out[i] = head < tail ? values[deque[head]!]! : empty;
  }
  return out;
}

/**
 * out[i] = max over j in the window of i of min(b[j], min over i <= k < j of a[k]): the robustness
 * of `a U[lo,hi] b`, -inf when the window is empty.
 *
 * Write the window as [L, R] (L >= i because lo >= 0). The a's before L are shared by every j, and
 * min distributes over max, so
 *   out[i] = min( min a[i .. L-1],  Q(L, R) ),   Q(L, R) = max_{L<=j<=R} min(b[j], min a[L .. j-1]).
 * The first term is a windowed min over [i, L-1] (a monotonic deque again). For the second, Q obeys
 * the backward recursion V_j = max(b[j], min(a[j], V_{j+1})) started from V_{R+1} = -inf, so it is
 * the composition f_L ∘ f_{L+1} ∘ … ∘ f_R of the maps f_j(x) = max(b[j], min(a[j], x)) applied to
 * -inf. Maps of the form x ↦ max(p, min(q, x)) are closed under composition:
 *   (p1,q1) ∘ (p2,q2) = (max(p1, min(q1, p2)), min(q1, q2)),
 * an associative operation with identity (-inf, +inf), and applied to -inf such a map gives p. So Q
 * is a sliding-window aggregate of an associative but non-invertible operation, which the
 * two-stack queue computes in amortised O(1) per step: the front part [L, mid) keeps suffix
 * compositions f_k ∘ … ∘ f_{mid-1} in sufP/sufQ, the back part [mid, end) one running composition.
 * When L passes mid the back part is turned into suffix compositions in one sweep; each index is
 * swept at most once, so the whole is O(n) whatever the width.
 */
export function untilWindow(a: Float64Array, b: Float64Array, times: Float64Array, lo: number, hi: number, out: Float64Array): Float64Array {
  const n = a.length;
  const inf = Number.POSITIVE_INFINITY;
  const sufP = new Float64Array(n);
  const sufQ = new Float64Array(n);
  // Deque for the windowed min of a over [i, L-1].
  const deque = new Int32Array(n);
  let head = 0;
  let tail = 0;
  let pushed = 0; // next index of a to enter that deque
  let start = 0; // L: first index with times[j] >= times[i] + lo
  let end = 0; // R + 1: first index with times[j] > times[i] + hi
  let mid = 0;
  let backP = -inf;
  let backQ = inf;
  for (let i = 0; i < n; i++) {
    const from = times[i]! + lo;
    const to = times[i]! + hi;
    while (end < n && times[end]! <= to) {
      // back = back ∘ f_end
      const bj = b[end]!;
      const p = backQ < bj ? backQ : bj;
      if (p > backP) backP = p;
      const aj = a[end]!;
      if (aj < backQ) backQ = aj;
      end++;
    }
    while (start < n && times[start]! < from) start++;
    if (start >= mid) {
      // The front part is used up (or skipped past): sweep the back part into suffix compositions.
      let p = -inf;
      let q = inf;
      for (let k = end - 1; k >= start; k--) {
        // (p, q) = f_k ∘ (p, q)
        const ak = a[k]!;
        const m = ak < p ? ak : p;
        const bk = b[k]!;
        p = bk > m ? bk : m;
        if (ak < q) q = ak;
        sufP[k] = p;
        sufQ[k] = q;
      }
      mid = end > start ? end : start;
      backP = -inf;
      backQ = inf;
    }
    let until: number;
    if (start >= end) until = -inf;
    else {
      // (front ∘ back) applied to -inf
      const fq = sufQ[start]!;
      const m = fq < backP ? fq : backP;
      const fp = sufP[start]!;
      until = fp > m ? fp : m;
    }
    // min a[i .. start-1]
    const stop = start < n ? start : n;
    while (pushed < stop) {
      const v = a[pushed]!;
      while (tail > head && a[deque[tail - 1]!]! >= v) tail--;
      deque[tail++] = pushed++;
    }
    while (head < tail && deque[head]! < i) head++;
    if (head < tail && deque[head]! < start) {
      const prefix = a[deque[head]!]!;
      if (prefix < until) until = prefix;
    }
    out[i] = until;
  }
  return out;
}
