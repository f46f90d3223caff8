// Trace monitoring (src/languages/tl/monitor): samples per second of the robustness evaluator on an
// in-memory trace of numeric signals (the STL formula) and of Boolean propositions, for
// window widths 10, 100 and 10,000, beside a plain per-window loop (O(n·w)) measured in the same
// run on a smaller trace. The evaluator's cost must not grow with the width: that is what the
// sliding-window algorithms are for. Then `nesy monitor` itself on a CSV file: samples/s through the
// reader, and peak memory, which must stay flat for a bounded-horizon formula because the trace is
// streamed (src/languages/tl/monitor/streaming.ts).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseFormula, type Formula } from '../src/languages/tl/api';
import { comparisonMargin } from '../src/languages/tl/monitor/atoms';
import { robustness, type Signals } from '../src/languages/tl/monitor/robustness';
import { rng } from './corpus';
import { note, round, runMeasured, timeRuns, type BenchOptions } from './util';

const budgetSamplesPerS = 5e6;
const widths = [10, 100, 10_000];

interface BoolTrace {
  times: Float64Array;
  columns: Record<string, Uint8Array>;
  /** Numeric signals of the same name: x above 0 5% of the time, y below 3 30% of the time. */
  numbers: Record<string, Float64Array>;
}

/** Unit-spaced samples; x true 5% of the time (a request), y 30% (a response), r 90%. */
function makeTrace(n: number): BoolTrace {
  const r = rng(11);
  const times = new Float64Array(n);
  const x = new Uint8Array(n);
  const y = new Uint8Array(n);
  const z = new Uint8Array(n);
  for (let i = 0; i < n; i++) {
    times[i] = i;
    x[i] = r() < 0.05 ? 1 : 0;
    y[i] = r() < 0.3 ? 1 : 0;
    z[i] = r() < 0.9 ? 1 : 0;
  }
  // The signals agree with the propositions: x > 0 exactly where x is true, y < 3 where y is.
  const xs = Float64Array.from(x, (v) => (v ? 0.5 + r() : -r() * 4));
  const ys = Float64Array.from(y, (v) => (v ? 3 - 0.5 - r() : 3 + r() * 4));
  return { times, columns: { x, y, r: z }, numbers: { x: xs, y: ys } };
}

function signals(trace: BoolTrace): Signals {
  return {
    times: trace.times,
    atom: (node) => {
      if (node.kind === 'compare') {
        const margin = comparisonMargin(node, (name) => trace.numbers[name]!, trace.times.length);
        return (i) => margin[i]!;
      }
      const c = trace.columns[node.name]!;
      return (i) => (c[i] ? Number.POSITIVE_INFINITY : Number.NEGATIVE_INFINITY);
    },
    // As the monitor's own trace signals do (monitor/atoms.ts): a comparison's margins as one column.
    column: (node) => (node.kind === 'compare' ? comparisonMargin(node, (name) => trace.numbers[name]!, trace.times.length) : undefined),
  };
}

/** The plain evaluator the fast one replaces: every sample scans its whole window. Unit-spaced times. */
function naive(f: Formula, trace: BoolTrace): Float64Array {
  const n = trace.times.length;
  const inf = Number.POSITIVE_INFINITY;
  const hiOf = (g: Formula) => ('interval' in g && g.interval?.hi != null ? g.interval.hi : n);
  const loOf = (g: Formula) => ('interval' in g && g.interval ? g.interval.lo : 0);
  switch (f.kind) {
    case 'prop': {
      const c = trace.columns[f.name]!;
      return Float64Array.from(c, (v) => (v ? inf : -inf));
    }
    case 'compare':
      // The atom costs the same in both evaluators: the comparison is not what is compared here.
      return comparisonMargin(f, (name) => trace.numbers[name]!, n);
    case 'implies': {
      const a = naive(f.args[0], trace);
      const b = naive(f.args[1], trace);
      return a.map((v, i) => Math.max(-v, b[i]!));
    }
    case 'finally':
    case 'globally': {
      const a = naive(f.args[0], trace);
      const max = f.kind === 'finally';
      const lo = loOf(f);
      const hi = hiOf(f);
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        let e = max ? -inf : inf;
        for (let j = i + lo; j <= i + hi && j < n; j++) e = max ? Math.max(e, a[j]!) : Math.min(e, a[j]!);
        out[i] = e;
      }
      return out;
    }
    case 'until': {
      const a = naive(f.args[0], trace);
      const b = naive(f.args[1], trace);
      const lo = loOf(f);
      const hi = hiOf(f);
      const out = new Float64Array(n);
      for (let i = 0; i < n; i++) {
        let best = -inf;
        let prefix = inf; // min of a over [i, j)
        for (let j = i; j <= i + hi && j < n; j++) {
          if (j >= i + lo) best = Math.max(best, Math.min(b[j]!, prefix));
          prefix = Math.min(prefix, a[j]!);
        }
        out[i] = best;
      }
      return out;
    }
    default:
      throw new Error(`the naive evaluator has no '${f.kind}'`);
  }
}

function formula(text: string): Formula {
  const r = parseFormula(text);
  if (!r.ok) throw new Error(`bench/monitor.ts: ${text} does not parse`);
  return r.formula;
}

export async function benchMonitor(o: BenchOptions): Promise<void> {
  const fastSamples = o.quick ? 1_000_000 : 10_000_000;
  const naiveSamples = o.quick ? 20_000 : 100_000;
  note(`monitor: generating ${fastSamples} samples`);
  const big = makeTrace(fastSamples);
  const small = makeTrace(naiveSamples);
  const shapes = [(w: number) => `G[0,${w}] (x > 0 -> F[0,10] y < 3)`, (w: number) => `G[0,${w}] (x -> F[0,10] y)`, (w: number) => `r U[0,${w}] y`];
  for (const shape of shapes) {
    const rates: number[] = [];
    for (const w of widths) {
      const text = shape(w);
      const f = formula(text);
      note(`monitor ${text}`);
      let verdict = 0;
      const fast = await timeRuns(() => (verdict = robustness(f, signals(big))[0]!), { warmup: 1, reps: o.quick ? 2 : 3, minMs: 0 });
      let naiveVerdict = 0;
      const slow = await timeRuns(() => (naiveVerdict = naive(f, small)[0]!), { warmup: 0, reps: 1, minMs: 300 });
      // The same formula on the small trace through both evaluators: the benchmark compares equals.
      const check = robustness(f, signals(small));
      const reference = naive(f, small);
      if (check.some((v, i) => v !== reference[i])) throw new Error(`${text}: the evaluator and the per-window loop disagree`);
      const fastMs = Math.min(...fast.wall);
      const slowMs = Math.min(...slow.wall);
      const fastRate = fastSamples / (fastMs / 1000);
      const slowRate = naiveSamples / (slowMs / 1000);
      rates.push(fastRate);
      o.emit({
        bench: 'monitor.robustness',
        formula: text,
        window: w,
        samples: fastSamples,
        ms: round(fastMs, 1),
        samples_per_s: Math.round(fastRate),
        verdict_at_0: verdict > 0,
        naive_samples: naiveSamples,
        naive_ms: round(slowMs, 1),
        naive_samples_per_s: Math.round(slowRate),
        naive_verdict_at_0: naiveVerdict > 0,
        speedup: round(fastRate / slowRate, 1),
        budget: `>= ${budgetSamplesPerS} samples/s`,
        within_budget: fastRate >= budgetSamplesPerS,
      });
    }
    o.emit({
      bench: 'monitor.width_independence',
      formula: shape(0).replace('[0,0]', '[0,W]'),
      widths,
      samples_per_s: rates.map((r) => Math.round(r)),
      widest_over_narrowest: round(rates[rates.length - 1]! / rates[0]!, 2),
      budget: 'widest window >= 0.5x the narrowest one',
      within_budget: rates[rates.length - 1]! >= 0.5 * rates[0]!,
    });
  }
  await benchMonitorCli(o);
}

/** Writes a unit-spaced CSV trace in chunks, never holding it whole. */
async function writeCsv(file: string, samples: number): Promise<void> {
  const r = rng(13);
  const out = fs.createWriteStream(file);
  const write = (text: string) => (out.write(text) ? Promise.resolve() : new Promise<void>((resolve) => out.once('drain', () => resolve())));
  await write('time,x,y\n');
  const rows: string[] = [];
  for (let i = 0; i < samples; i++) {
    rows.push(`${i},${r() < 0.05 ? 1 : 0},${r() < 0.3 ? 1 : 0}`);
    if (rows.length === 10_000) await write(rows.splice(0).join('\n') + '\n');
  }
  if (rows.length) await write(rows.join('\n') + '\n');
  await new Promise<void>((resolve, reject) => out.end(() => resolve()).once('error', reject));
}

async function benchMonitorCli(o: BenchOptions): Promise<void> {
  const samples = o.quick ? 500_000 : 5_000_000;
  const cli = path.join(o.root, 'dist', 'cli.js');
  if (!fs.existsSync(cli)) throw new Error(`${cli} is missing: run \`npm run build\` first`);
  const trace = path.join(o.workDir, `monitor-${samples}.csv`);
  if (!fs.existsSync(trace)) {
    note(`monitor: writing ${samples} samples to ${trace}`);
    await writeCsv(`${trace}.partial`, samples);
    fs.renameSync(`${trace}.partial`, trace);
  }
  // The bounded spec holds on this trace, so every sample is settled (none is skipped after a verdict).
  const specs = { bounded: 'G[0,100] (x -> F[0,100] y)', unbounded: 'G (x -> F[0,10] y)' };
  for (const [kind, text] of Object.entries(specs)) {
    const spec = path.join(o.workDir, `monitor-${kind}.tl`);
    fs.writeFileSync(spec, `prop x\nprop y\nspec ${kind} := ${text}\n`);
    note(`monitor: nesy monitor ${text}`);
    const r = await runMeasured([cli, 'monitor', spec, trace, '--json'], o.root);
    if (r.code !== 0 && r.code !== 1) throw new Error(`nesy monitor exited ${r.code}: ${r.stderr.trim()}`);
    const verdict = (JSON.parse(r.stdout) as { specs: { satisfied: boolean; first_violation: number | null }[] }).specs[0]!;
    o.emit({
      bench: 'monitor.cli',
      formula: text,
      samples,
      file_mb: round(fs.statSync(trace).size / 1e6, 1),
      ms: round(r.ms),
      samples_per_s: Math.round(samples / (r.ms / 1000)),
      peak_rss_mib: r.peakMiB,
      satisfied: verdict.satisfied,
      first_violation: verdict.first_violation,
    });
  }
}
