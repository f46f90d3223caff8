// The atoms of a formula on a trace: Boolean propositions (±inf) and STL comparisons (a signed
// margin), each bound to the trace's columns and checked before anything is evaluated, so that a
// spec that cannot be monitored fails with one line naming the spec, the name and the column.
import { walk, type CompareNode, type Formula, type Term } from '../api';
import { functions } from '../../../../grammars/tl';
import type { AtomNode, Signals } from './robustness';
import type { Trace } from './trace';

/** A spec that cannot be monitored (on this trace): the message says which and why. */
export class MonitorError extends Error {}

export interface MonitoredSpec {
  name: string;
  formula: Formula;
}

/** The trace columns a formula reads: its propositions and the signals its comparisons name, each once. */
export function columnsOf(formula: Formula): { propositions: string[]; signals: string[] } {
  const propositions = new Set<string>();
  const signals = new Set<string>();
  walk(formula, (f) => {
    if (f.kind === 'prop') propositions.add(f.name);
    else if (f.kind === 'compare') {
      termSignals(f.left, signals);
      termSignals(f.right, signals);
    }
  });
  return { propositions: [...propositions], signals: [...signals] };
}

function termSignals(t: Term, into: Set<string>): void {
  switch (t.kind) {
    case 'signal':
      into.add(t.name);
      return;
    case 'arith':
      termSignals(t.args[0], into);
      termSignals(t.args[1], into);
      return;
    case 'neg':
    case 'call':
      termSignals(t.arg, into);
      return;
    default:
      return;
  }
}

/**
 * The robustness of the atoms on a trace: a proposition is +inf where its column is 1 (true) and
 * -inf where it is 0; `l > r` and `l >= r` give l − r, `l < r` and `l <= r` give r − l (Donzé–Maler,
 * as RTAMT), with the terms computed per sample in IEEE double arithmetic. Checks every atom of
 * every spec first, so a bad spec fails before any output.
 */
export function traceSignals(specs: readonly MonitoredSpec[], trace: Trace): Signals {
  const columnList = () => [...trace.columns.keys()].join(', ');
  const missing = (kind: string, name: string, spec: string) =>
    new MonitorError(
      name === 'time'
        ? `'time' is the trace's time column, not a ${kind} (write a comparison of a signal column instead)`
        : `${kind} '${name}' of spec '${spec}' is not a column of ${trace.source} (columns: ${columnList()})`,
    );
  for (const spec of specs) {
    const { propositions, signals } = columnsOf(spec.formula);
    for (const name of propositions) {
      const column = trace.columns.get(name);
      if (!column) throw missing('proposition', name, spec.name);
      if (!column.boolean) {
        const first = column.firstNumber!;
        throw new MonitorError(`proposition '${name}' of spec '${spec.name}': column '${name}' holds numbers (${first.value} at line ${first.line}), not 0/1 or true/false`);
      }
    }
    for (const name of signals) {
      const column = trace.columns.get(name);
      if (!column) throw missing('signal', name, spec.name);
      if (column.truthWords) throw new MonitorError(`signal '${name}' of spec '${spec.name}': column '${name}' holds true/false, not numbers (compare numbers, or use it as a proposition)`);
    }
    walk(spec.formula, (f) => {
      if (f.kind === 'compare') checkComparison(f, spec.name);
    });
  }
  return {
    times: trace.times,
    atom(node: AtomNode) {
      if (node.kind === 'prop') {
        const values = trace.columns.get(node.name)!.values;
        return (i) => (values[i] !== 0 ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY);
      }
      const margin = comparisonMargin(node, (name) => trace.columns.get(name)!.values, trace.length);
      return (i) => margin[i]!;
    },
    column: (node) => (node.kind === 'compare' ? comparisonMargin(node, (name) => trace.columns.get(name)!.values, trace.length) : undefined),
  };
}

/** `==` and `!=` have no margin whose sign is the verdict (x == c would hold nowhere): refused. */
function checkComparison(f: CompareNode, spec: string): void {
  if (f.op === '==' || f.op === '!=') {
    throw new MonitorError(`spec '${spec}': '${f.op}' has no robustness (an equality has no margin); write abs(x - c) < e or abs(x - c) > e instead`);
  }
  const problem = termProblem(f.left) ?? termProblem(f.right);
  if (problem) throw new MonitorError(`spec '${spec}': ${problem}`);
}

/** What makes a term impossible to compute (the checks flag these in the editor too). */
function termProblem(t: Term): string | undefined {
  switch (t.kind) {
    case 'bool':
      return `'${t.value}' inside a comparison is not a number`;
    case 'call':
      return t.fn in functions ? termProblem(t.arg) : `the monitor has no function '${t.fn}'`;
    case 'arith':
      return termProblem(t.args[0]) ?? termProblem(t.args[1]);
    case 'neg':
      return termProblem(t.arg);
    default:
      return undefined;
  }
}

/**
 * The margin of a comparison at every sample: positive where it holds. Where a term is undefined
 * (0/0, ∞ − ∞) the comparison does not hold, with robustness −∞: a NaN has no sign, and min and
 * max would pass it on in an order-dependent way.
 */
export function comparisonMargin(f: CompareNode, column: (name: string) => Float64Array, n: number): Float64Array {
  const out = new Float64Array(n);
  // The common shape, a signal against a number (`speed < 50`), in one pass without term columns.
  const [l, r] = [f.left, f.right];
  if ((l.kind === 'signal' && r.kind === 'num') || (l.kind === 'num' && r.kind === 'signal')) {
    const values = column(l.kind === 'signal' ? l.name : (r as { name: string }).name);
    const c = l.kind === 'num' ? l.value : (r as { value: number }).value;
    // margin = l − r for > and >=, r − l for < and <=: ±(x − c) with the signal's side deciding the sign.
    const greater = f.op === '>' || f.op === '>=';
    if (!greater && f.op !== '<' && f.op !== '<=') throw new MonitorError(`'${f.op}' has no robustness`);
    const sign = greater === (l.kind === 'signal') ? 1 : -1;
    // Trace values and numbers are finite, so no NaN can arise here.
    if (sign === 1) for (let i = 0; i < n; i++) out[i] = values[i]! - c;
    else for (let i = 0; i < n; i++) out[i] = c - values[i]!;
    return out;
  }
  const left = termColumn(f.left, column, n);
  const right = termColumn(f.right, column, n);
  if (f.op === '>' || f.op === '>=') for (let i = 0; i < n; i++) out[i] = left[i]! - right[i]!;
  else if (f.op === '<' || f.op === '<=') for (let i = 0; i < n; i++) out[i] = right[i]! - left[i]!;
  else throw new MonitorError(`'${f.op}' has no robustness`);
  for (let i = 0; i < n; i++) if (out[i] !== out[i]) out[i] = Number.NEGATIVE_INFINITY;
  return out;
}

/** A term's value at every sample (a fresh array: callers may write to it). */
function termColumn(t: Term, column: (name: string) => Float64Array, n: number): Float64Array {
  switch (t.kind) {
    case 'num':
      return new Float64Array(n).fill(t.value);
    case 'signal':
      return Float64Array.from(column(t.name).subarray(0, n));
    case 'bool':
      throw new MonitorError(termProblem(t)!);
    case 'neg': {
      const a = termColumn(t.arg, column, n);
      for (let i = 0; i < n; i++) a[i] = -a[i]!;
      return a;
    }
    case 'call': {
      // abs is the grammar's one function (grammars/tl.ts `functions`); termProblem refuses others.
      if (t.fn !== 'abs') throw new MonitorError(termProblem(t)!);
      const a = termColumn(t.arg, column, n);
      for (let i = 0; i < n; i++) a[i] = Math.abs(a[i]!);
      return a;
    }
    case 'arith': {
      const a = termColumn(t.args[0], column, n);
      const b = termColumn(t.args[1], column, n);
      switch (t.op) {
        case '+':
          for (let i = 0; i < n; i++) a[i] = a[i]! + b[i]!;
          break;
        case '-':
          for (let i = 0; i < n; i++) a[i] = a[i]! - b[i]!;
          break;
        case '*':
          for (let i = 0; i < n; i++) a[i] = a[i]! * b[i]!;
          break;
        case '/':
          for (let i = 0; i < n; i++) a[i] = a[i]! / b[i]!;
          break;
      }
      return a;
    }
  }
}
