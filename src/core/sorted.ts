// Bisection over lists kept in document order (statements, comments, syntax problems): editor
// requests ask about one offset at a time in files with thousands of them.

/** The index of the first item for which `after` holds, in a list where it holds from some index on; the length if none. */
export function firstIndex<T>(items: readonly T[], after: (item: T) => boolean): number {
  let lo = 0;
  let hi = items.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (after(items[mid]!)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}
