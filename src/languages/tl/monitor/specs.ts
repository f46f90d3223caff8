// Which specs of a .tl document to check, and their verdicts on a trace: the monitor's logic between the parser and `nesy monitor`.
import { walk, type Statement, type TlDocument } from '../api';
import { MonitorError, traceSignals, type MonitoredSpec } from './atoms';
import { robustness } from './robustness';
import type { Trace } from './trace';

export { MonitorError, type MonitoredSpec } from './atoms';

export interface Verdict {
  /** Robustness at the first sample > 0; a robustness of exactly 0 is not satisfied. */
  satisfied: boolean;
  /** At the first sample; ±Infinity for Boolean-only formulas. */
  robustness: number;
  /** The time of the first sample at which the formula, evaluated there, is false; null if none. */
  firstViolation: number | null;
}

export interface SpecVerdict extends Verdict {
  name: string;
}

/** A spec as the monitor names it, with the statement it comes from (for editor features). */
export interface NamedSpec extends MonitoredSpec {
  statement: Statement;
}

/**
 * Every spec of the document in order, named as the monitor names them: every `spec` declaration
 * by its name, and every bare formula as `formula N` (N counting bare formulas from 1).
 */
export function listSpecs(doc: TlDocument): NamedSpec[] {
  const specs: NamedSpec[] = [];
  let unnamed = 0;
  for (const s of doc.statements) {
    if (s.kind === 'specDecl' && s.formula) specs.push({ name: s.name, formula: s.formula, statement: s });
    else if (s.kind === 'formula') specs.push({ name: `formula ${++unnamed}`, formula: s.formula, statement: s });
  }
  return specs;
}

/** The specs to check (listSpecs), or with `only` just the spec of that name; their intervals checked. */
export function selectSpecs(doc: TlDocument, only?: string): MonitoredSpec[] {
  const specs: MonitoredSpec[] = listSpecs(doc).map(({ name, formula }) => ({ name, formula }));
  if (specs.length === 0) throw new MonitorError('the file has no spec or formula to monitor');
  const chosen = only === undefined ? specs : specs.filter((s) => s.name === only);
  if (chosen.length === 0) throw new MonitorError(`no spec named '${only}'; the specs are ${specs.map((s) => s.name).join(', ')}`);
  for (const spec of chosen) checkIntervals(spec);
  return chosen;
}

/** Negative and reversed intervals parse (the checks flag them); the monitor gives them no meaning. */
export function checkIntervals(spec: MonitoredSpec): void {
  walk(spec.formula, (f) => {
    const iv = 'interval' in f ? f.interval : undefined;
    if (!iv) return;
    const shown = `[${iv.lo},${iv.hi ?? 'inf'}]`;
    if (iv.lo < 0 || (iv.hi !== null && iv.hi < 0)) throw new MonitorError(`spec '${spec.name}': the interval ${shown} has a negative bound; bounds count time from now`);
    if (iv.hi !== null && iv.hi < iv.lo) throw new MonitorError(`spec '${spec.name}': the interval ${shown} ends before it starts`);
  });
}

/** The verdict of a robustness column. */
export function verdict(column: Float64Array, times: Float64Array): Verdict {
  let first = -1;
  for (let i = 0; i < column.length; i++) {
    // `!(r > 0)` rather than `r <= 0`: a NaN (a future signal's missing value) is not a satisfaction.
    if (!(column[i]! > 0)) {
      first = i;
      break;
    }
  }
  const r = column[0]!;
  return { satisfied: r > 0, robustness: r, firstViolation: first < 0 ? null : times[first]! };
}

export function monitorSpecs(specs: readonly MonitoredSpec[], trace: Trace): SpecVerdict[] {
  const signals = traceSignals(specs, trace);
  return specs.map((spec) => ({ name: spec.name, ...verdict(robustness(spec.formula, signals), trace.times) }));
}

/** Every spec of the document (or only `spec`) on the trace. The document must have parsed cleanly. */
export function monitorDocument(doc: TlDocument, trace: Trace, options: { spec?: string } = {}): SpecVerdict[] {
  if (doc.problems.length > 0) throw new MonitorError(`the spec file has syntax errors: ${doc.problems[0]!.message}`);
  return monitorSpecs(selectSpecs(doc, options.spec), trace);
}
