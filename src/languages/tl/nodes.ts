// Constructors for formula nodes: one object shape per kind of node, shared by the parser and by the
// incremental reparse's shifted copies, so that a kept tree and a freshly parsed one are the same
// objects property for property (and V8 sees few shapes).
import type { BinaryKind, Formula, Interval, UnaryKind } from './ast';

export function propNode(name: string, start: number, end: number): Formula {
  return { kind: 'prop', name, start, end, outerStart: start, outerEnd: end };
}

export function constNode(kind: 'true' | 'false', start: number, end: number): Formula {
  return { kind, start, end, outerStart: start, outerEnd: end };
}

export function operatorNode(
  kind: UnaryKind | BinaryKind,
  args: Formula[],
  opStart: number,
  opEnd: number,
  interval: Interval | undefined,
  start: number,
  end: number,
): Formula {
  return { kind, args, opStart, opEnd, interval, start, end, outerStart: start, outerEnd: end } as Formula;
}

export function intervalNode(lo: number, hi: number | null, start: number, end: number): Interval {
  return { lo, hi, start, end };
}

/** A copy of the tree with every position moved by delta (statements after an edit). */
export function shifted(f: Formula, delta: number): Formula {
  let copy: Formula;
  if (f.kind === 'prop') copy = propNode(f.name, f.start + delta, f.end + delta);
  else if (!('args' in f)) copy = constNode(f.kind, f.start + delta, f.end + delta);
  else {
    const iv = f.interval;
    copy = operatorNode(
      f.kind,
      f.args.map((a) => shifted(a, delta)),
      f.opStart + delta,
      f.opEnd + delta,
      iv && intervalNode(iv.lo, iv.hi, iv.start + delta, iv.end + delta),
      f.start + delta,
      f.end + delta,
    );
  }
  copy.outerStart = f.outerStart + delta;
  copy.outerEnd = f.outerEnd + delta;
  return copy;
}
