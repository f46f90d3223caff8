// Constructors for formula nodes: one object shape per kind of node, shared by the parser and by the
// incremental reparse's shifted copies, so that a kept tree and a freshly parsed one are the same
// objects property for property (and V8 sees few shapes).
import type { ArithOp, BinaryKind, CompareOp, Formula, Interval, Term, UnaryKind } from './ast';

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

export function compareNode(op: CompareOp, left: Term, right: Term, opStart: number, opEnd: number): Formula {
  const start = left.outerStart;
  const end = right.outerEnd;
  return { kind: 'compare', op, left, right, opStart, opEnd, args: [], start, end, outerStart: start, outerEnd: end };
}

export function numberTerm(value: number, start: number, end: number): Term {
  return { kind: 'num', value, start, end, outerStart: start, outerEnd: end };
}

export function signalTerm(name: string, start: number, end: number): Term {
  return { kind: 'signal', name, start, end, outerStart: start, outerEnd: end };
}

export function boolTerm(value: boolean, start: number, end: number): Term {
  return { kind: 'bool', value, start, end, outerStart: start, outerEnd: end };
}

export function arithTerm(op: ArithOp, left: Term, right: Term, opStart: number, opEnd: number): Term {
  const start = left.outerStart;
  const end = right.outerEnd;
  return { kind: 'arith', op, args: [left, right], opStart, opEnd, start, end, outerStart: start, outerEnd: end };
}

export function negTerm(arg: Term, opStart: number, opEnd: number): Term {
  return { kind: 'neg', arg, opStart, opEnd, start: opStart, end: arg.outerEnd, outerStart: opStart, outerEnd: arg.outerEnd };
}

export function callTerm(fn: string, fnStart: number, fnEnd: number, arg: Term, end: number): Term {
  return { kind: 'call', fn, fnSpan: { start: fnStart, end: fnEnd }, arg, start: fnStart, end, outerStart: fnStart, outerEnd: end };
}

/** A copy of a term with every position moved by delta. */
export function shiftedTerm(t: Term, delta: number): Term {
  let copy: Term;
  switch (t.kind) {
    case 'num':
      copy = numberTerm(t.value, t.start + delta, t.end + delta);
      break;
    case 'signal':
      copy = signalTerm(t.name, t.start + delta, t.end + delta);
      break;
    case 'bool':
      copy = boolTerm(t.value, t.start + delta, t.end + delta);
      break;
    case 'arith':
      copy = arithTerm(t.op, shiftedTerm(t.args[0], delta), shiftedTerm(t.args[1], delta), t.opStart + delta, t.opEnd + delta);
      break;
    case 'neg':
      copy = negTerm(shiftedTerm(t.arg, delta), t.opStart + delta, t.opEnd + delta);
      break;
    case 'call':
      copy = callTerm(t.fn, t.fnSpan.start + delta, t.fnSpan.end + delta, shiftedTerm(t.arg, delta), t.end + delta);
      break;
  }
  copy.start = t.start + delta;
  copy.end = t.end + delta;
  copy.outerStart = t.outerStart + delta;
  copy.outerEnd = t.outerEnd + delta;
  return copy;
}

export function intervalNode(lo: number, hi: number | null, start: number, end: number): Interval {
  return { lo, hi, start, end };
}

/** A copy of the tree with every position moved by delta (statements after an edit). */
export function shifted(f: Formula, delta: number): Formula {
  let copy: Formula;
  if (f.kind === 'prop') copy = propNode(f.name, f.start + delta, f.end + delta);
  else if (!('args' in f)) copy = constNode(f.kind, f.start + delta, f.end + delta);
  else if (f.kind === 'compare') {
    copy = compareNode(f.op, shiftedTerm(f.left, delta), shiftedTerm(f.right, delta), f.opStart + delta, f.opEnd + delta);
    copy.start = f.start + delta;
    copy.end = f.end + delta;
  } else {
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
