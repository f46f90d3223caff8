// What the editor's robustness plot shows for one spec on one trace: the verdict on the whole trace,
// the signals the spec reads, and the robustness over time of the spec and of every subformula, each
// with its place in the formula's text so that the plot can link a curve to the words it belongs to.
import type { Formula, TlDocument } from '../api';
import { columnsOf, MonitorError, traceSignals } from './atoms';
import { robustness } from './robustness';
import { checkIntervals, listSpecs, verdict, type SpecVerdict } from './specs';
import type { Trace } from './trace';
import { infinityOnTheWire, type MonitorPlot, type PlotNode } from '../../../core/monitorPlot';

const wire = (v: number) => (v === Infinity ? infinityOnTheWire : v === -Infinity ? -infinityOnTheWire : v);

/**
 * The plot of the `index`-th spec of `doc` (listSpecs' order), which must be named `name` (so a
 * stale request after an edit fails instead of plotting another spec). The whole trace is evaluated;
 * the plot holds its first `maxPoints` samples.
 */
export function plotSpec(doc: TlDocument, index: number, name: string, trace: Trace, maxPoints = 50_000): MonitorPlot {
  const named = listSpecs(doc)[index];
  if (!named || named.name !== name) throw new MonitorError(`the spec '${name}' is no longer where it was: evaluate again from its code lens`);
  const statement = named.statement;
  const problem = doc.problems.find((p) => p.start < statement.end && p.end >= statement.start);
  if (problem) throw new MonitorError(`spec '${name}' has a syntax error: ${problem.message}`);
  const spec = { name: named.name, formula: named.formula };
  checkIntervals(spec);
  const signals = traceSignals([spec], trace);
  const shown = Math.min(trace.length, maxPoints);
  const slice = (column: Float64Array) => Array.from(column.subarray(0, shown), wire);
  const top: SpecVerdict = { name, ...verdict(robustness(spec.formula, signals), trace.times) };
  const base = spec.formula.start;
  const nodes: PlotNode[] = [];
  // Preorder, so a parent's id is below its children's; one robustness pass per subformula (the
  // plot is for traces a person reads, and each pass is linear).
  const visit = (f: Formula, parent: number | null) => {
    const id = nodes.length;
    const column = robustness(f, signals);
    let firstFalse: number | null = null;
    for (let i = 0; i < shown; i++) {
      if (!(column[i]! > 0)) {
        firstFalse = i;
        break;
      }
    }
    nodes.push({ id, parent, start: f.start - base, end: f.end - base, values: slice(column), firstFalse });
    if ('args' in f) for (const arg of f.args) visit(arg, id);
  };
  visit(spec.formula, null);
  const { propositions, signals: signalNames } = columnsOf(spec.formula);
  const column = (n: string) => slice(trace.columns.get(n)!.values);
  return {
    spec: name,
    formula: doc.text.slice(spec.formula.start, spec.formula.end),
    verdict: { satisfied: top.satisfied, robustness: wire(top.robustness), firstViolation: top.firstViolation },
    samples: trace.length,
    shown,
    times: Array.from(trace.times.subarray(0, shown)),
    signals: [
      ...propositions.map((n) => ({ name: n, kind: 'proposition' as const, values: column(n) })),
      ...signalNames.map((n) => ({ name: n, kind: 'signal' as const, values: column(n) })),
    ],
    nodes,
  };
}
