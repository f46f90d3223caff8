// Verdicts over a trace read as a stream, in memory bounded by the formula's horizon rather than
// by the trace's length (for formulas whose windows are all bounded).
//
// Samples are buffered; every so often the specs are evaluated on the buffer with the same
// evaluator as for a whole trace (robustness.ts), treating the buffer's ends as the trace's ends.
// That is wrong near a cut that is not the real end (a window reaching past the last buffered
// sample, or before the first), so for each formula two time bounds are derived from its structure:
// its value is final at every buffered sample with time <= B (no later sample can change it) and
// correct at every buffered sample with time >= A (no discarded sample was needed). The samples
// between A and B are settled in order: the value at the first sample, and the first sample where
// the formula is false. Then the samples no longer needed (those before the earliest start that
// keeps the next unsettled sample correct) are discarded. An unbounded future operator makes B
// -inf until the trace ends, and an unbounded past one makes A +inf once anything was discarded, so
// such formulas are simply evaluated once on the whole trace, as before.
import * as readline from 'node:readline';
import type { Formula } from '../ast';
import { robustness, type Signals } from './robustness';
import { traceSignals, type MonitoredSpec } from './atoms';
import type { SpecVerdict } from './specs';
import { TraceReader, type Trace, type TraceOptions } from './trace';

const inf = Number.POSITIVE_INFINITY;

export interface StreamingOptions extends TraceOptions {
  /** Evaluate once at least this many samples are buffered (and twice as many as were kept). */
  chunk?: number;
}

/** a + b with +inf + x = +inf and -inf + x = -inf for finite or same-signed x. */
function plus(a: number, b: number): number {
  if (a === inf || a === -inf) return a;
  return a + b;
}

/**
 * Floating-point slack: the bounds are derived as t ≤ B - h while the evaluator tests t + h ≤ B;
 * moving each bound inwards by far more than the rounding error keeps "final"/"correct" safe. A
 * sample whose bound is that close is simply settled at the next evaluation.
 */
function inwards(x: number, by: number, sign: 1 | -1): number {
  if (!Number.isFinite(x)) return x;
  return x + sign * 1e-12 * (1 + Math.abs(x) + Math.abs(by));
}

/** Last index with times[k] <= x, or -1. */
function lastAtOrBefore(times: Float64Array, from: number, x: number): number {
  let lo = from;
  let hi = times.length - 1;
  let ans = from - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid]! <= x) {
      ans = mid;
      lo = mid + 1;
    } else hi = mid - 1;
  }
  return ans;
}

/** First index with times[k] >= x, or times.length. */
function firstAtOrAfter(times: Float64Array, from: number, x: number): number {
  let lo = from;
  let hi = times.length - 1;
  let ans = times.length;
  while (lo <= hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid]! >= x) {
      ans = mid;
      hi = mid - 1;
    } else lo = mid + 1;
  }
  return ans;
}

function intervalOf(f: Formula): { lo: number; hi: number } {
  const iv = 'interval' in f ? f.interval : undefined;
  return { lo: iv?.lo ?? 0, hi: iv?.hi ?? inf };
}

const futureTemporal = new Set(['finally', 'globally', 'until', 'release', 'weak_until', 'strong_release']);

/** Whether some future operator has no upper bound: then nothing is final before the trace ends. */
export function hasUnboundedFuture(f: Formula): boolean {
  if (futureTemporal.has(f.kind) && intervalOf(f).hi === inf) return true;
  return 'args' in f && f.args.some(hasUnboundedFuture);
}

/**
 * B: the formula's value is final at every buffered sample with time <= B. `times` is the buffer;
 * `realEnd` says its last sample is the trace's last.
 */
export function finalUpTo(f: Formula, times: Float64Array, realEnd: boolean): number {
  // Capped at the last buffered sample (past operators would otherwise reach beyond it): a parent
  // reads "t <= B" as "every sample up to t has been seen", which a later sample would contradict.
  const b = finalUpToUncapped(f, times, realEnd);
  return realEnd ? b : Math.min(b, times[times.length - 1]!);
}

function finalUpToUncapped(f: Formula, times: Float64Array, realEnd: boolean): number {
  const m = times.length;
  switch (f.kind) {
    case 'prop':
    case 'compare':
    case 'true':
    case 'false':
      return realEnd ? inf : times[m - 1]!;
    case 'not':
      return finalUpTo(f.args[0], times, realEnd);
    case 'next': {
      const c = finalUpTo(f.args[0], times, realEnd);
      if (c === inf) return inf;
      const k = lastAtOrBefore(times, 0, c);
      return k >= 1 ? times[k - 1]! : -inf;
    }
    case 'prev': {
      const c = finalUpTo(f.args[0], times, realEnd);
      if (c === inf) return inf;
      const k = lastAtOrBefore(times, 0, c);
      return k + 1 < m ? times[k + 1]! : times[m - 1]!;
    }
    case 'finally':
    case 'globally': {
      const { hi } = intervalOf(f);
      return inwards(plus(finalUpTo(f.args[0], times, realEnd), -hi), hi, -1);
    }
    case 'once':
    case 'historically': {
      const { lo } = intervalOf(f);
      return inwards(plus(finalUpTo(f.args[0], times, realEnd), lo), lo, -1);
    }
    default:
      break;
  }
  const a = finalUpTo(f.args[0]!, times, realEnd);
  const b = finalUpTo(f.args[1]!, times, realEnd);
  const both = Math.min(a, b);
  const { lo, hi } = intervalOf(f);
  switch (f.kind) {
    case 'until':
    case 'release':
    case 'weak_until':
    case 'strong_release':
      return inwards(plus(both, -hi), hi, -1);
    case 'since':
      // b over [t-hi, t-lo], a over the samples after it up to t itself.
      return Math.min(a, inwards(plus(b, lo), lo, -1));
    default:
      return both;
  }
}

/**
 * A: the formula's value is correct at every buffered sample with time >= A, when the samples
 * before the buffer's first have been discarded (`realStart` false).
 */
export function correctFrom(f: Formula, times: Float64Array, start: number, realStart: boolean): number {
  switch (f.kind) {
    case 'prop':
    case 'compare':
    case 'true':
    case 'false':
      return realStart ? -inf : times[start]!;
    case 'not':
    case 'next':
      // X reads the next sample, which is later and so correct whenever this one is.
      return correctFrom(f.args[0], times, start, realStart);
    case 'prev': {
      const c = correctFrom(f.args[0], times, start, realStart);
      if (c === -inf) return -inf;
      const k = firstAtOrAfter(times, start, c);
      return k + 1 < times.length ? times[k + 1]! : inf;
    }
    case 'finally':
    case 'globally':
      // Future windows start at t+lo >= t: correct wherever the operand is.
      return correctFrom(f.args[0], times, start, realStart);
    case 'once':
    case 'historically': {
      const { hi } = intervalOf(f);
      const c = correctFrom(f.args[0], times, start, realStart);
      if (c === -inf) return -inf;
      return inwards(c + hi, hi, 1);
    }
    default:
      break;
  }
  const both = Math.max(correctFrom(f.args[0]!, times, start, realStart), correctFrom(f.args[1]!, times, start, realStart));
  if (f.kind === 'since') {
    const { hi } = intervalOf(f);
    return both === -inf ? -inf : inwards(both + hi, hi, 1);
  }
  return both;
}

interface Progress {
  spec: MonitoredSpec;
  /** Whether every future window is bounded: then samples settle before the trace ends. */
  settlesEarly: boolean;
  /** Index in the whole trace of the next sample to settle. */
  next: number;
  robustness: number | undefined;
  firstViolation: number | null;
}

/** Feeds a trace line by line and settles the specs' verdicts as soon as the samples allow. */
export class StreamingMonitor {
  private readonly reader: TraceReader;
  private readonly progress: Progress[];
  private readonly chunk: number;
  private kept = 0;
  /** The most samples held at once, for tests and benchmarks of the memory bound. */
  maxHeld = 0;

  constructor(private readonly specs: readonly MonitoredSpec[], source: string, options: StreamingOptions = {}) {
    this.reader = new TraceReader(source, options);
    this.chunk = options.chunk ?? 1 << 16;
    this.progress = specs.map((spec) => ({ spec, settlesEarly: !hasUnboundedFuture(spec.formula), next: 0, robustness: undefined, firstViolation: null }));
  }

  line(text: string): void {
    this.reader.line(text);
    const held = this.reader.sampleCount - this.reader.offset;
    if (held > this.maxHeld) this.maxHeld = held;
    if (held < this.chunk || held < 2 * this.kept) return;
    if (this.progress.every(settled)) {
      // Every verdict is known: the rest of the trace is only read to check its rows.
      this.reader.discard(held);
      this.kept = 0;
    } else if (this.progress.some((p) => p.settlesEarly && !settled(p))) this.evaluate(false);
  }

  /** The verdicts, once the trace has ended. */
  finish(): SpecVerdict[] {
    this.evaluate(true);
    return this.progress.map((p) => ({ name: p.spec.name, satisfied: p.robustness! > 0, robustness: p.robustness!, firstViolation: p.firstViolation }));
  }

  private evaluate(realEnd: boolean): void {
    const trace = this.reader.finish();
    const offset = this.reader.offset;
    // Checked on every evaluation: a column can turn out to hold numbers at any line.
    const signals = traceSignals(this.specs, trace);
    let keepFrom = offset + trace.length;
    for (const p of this.progress) {
      if (settled(p)) continue;
      if (realEnd || p.settlesEarly) this.settle(p, trace, offset, signals, realEnd);
      if (!settled(p)) keepFrom = Math.min(keepFrom, this.earliestNeeded(p, trace, offset, realEnd));
    }
    const drop = keepFrom - offset;
    this.reader.discard(drop);
    this.kept = trace.length - drop;
  }

  private settle(p: Progress, trace: Trace, offset: number, signals: Signals, realEnd: boolean): void {
    const times = trace.times;
    const until = finalUpTo(p.spec.formula, times, realEnd);
    let i = p.next - offset;
    if (i >= trace.length || !(times[i]! <= until)) return;
    const column = robustness(p.spec.formula, signals);
    const from = correctFrom(p.spec.formula, times, 0, offset === 0);
    for (; i < trace.length && times[i]! <= until; i++) {
      // Cannot happen when earliestNeeded kept enough; stop rather than settle a wrong value.
      if (!(times[i]! >= from)) break;
      const r = column[i]!;
      if (offset + i === 0) p.robustness = r;
      if (!(r > 0)) {
        p.firstViolation = times[i]!;
        i++;
        break;
      }
    }
    p.next = offset + i;
  }

  /** The first sample (index in the whole trace) that settling p's next sample still needs. */
  private earliestNeeded(p: Progress, trace: Trace, offset: number, realEnd: boolean): number {
    if (!p.settlesEarly && !realEnd) return offset;
    const times = trace.times;
    const next = Math.min(p.next - offset, trace.length - 1);
    // Later samples than `next` are >= times[next], so a start that keeps `next` correct keeps them too.
    const ok = (start: number) => correctFrom(p.spec.formula, times, start, offset + start === 0) <= times[next]!;
    if (!ok(0)) return offset; // cannot happen: everything held is correct from the held start on
    // correctFrom only grows with the start: binary search for the latest start that is still ok.
    let lo = 0;
    let hi = next;
    while (lo < hi) {
      const mid = (lo + hi + 1) >>> 1;
      if (ok(mid)) lo = mid;
      else hi = mid - 1;
    }
    return offset + lo;
  }
}

function settled(p: Progress): boolean {
  return p.robustness !== undefined && p.firstViolation !== null;
}

/** The specs' verdicts on a trace read from a stream line by line (see StreamingMonitor). */
export async function monitorStream(input: NodeJS.ReadableStream, specs: readonly MonitoredSpec[], source: string, options: StreamingOptions = {}): Promise<SpecVerdict[]> {
  const monitor = new StreamingMonitor(specs, source, options);
  const lines = readline.createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) monitor.line(line);
  return monitor.finish();
}
