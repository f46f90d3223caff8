// Shared measuring and reporting for the benchmark areas. Every result is one JSON line on stdout,
// so a run can be diffed, grepped or fed to a table; progress notes go to stderr.
import { spawn } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';

export interface BenchOptions {
  /** Smaller sizes and fewer repetitions, for a reviewer's quick rerun. */
  quick: boolean;
  /** Where generated corpora and packages go (git-ignored). */
  workDir: string;
  /** The package root: dist/, models/ and package.json live here. */
  root: string;
  /** Writes one result line. */
  emit(record: BenchRecord): void;
}

export interface BenchRecord {
  bench: string;
  [metric: string]: unknown;
}

/** The package root, found from this file whether it runs from bench/ (tsx) or dist/ (the CLI bundle). */
export function packageRoot(): string {
  let dir = __dirname;
  for (let i = 0; i < 5; i++) {
    const manifest = path.join(dir, 'package.json');
    if (fs.existsSync(manifest) && JSON.parse(fs.readFileSync(manifest, 'utf8')).name === 'nesy-studio') return dir;
    dir = path.dirname(dir);
  }
  throw new Error(`cannot find the nesy-studio package above ${__dirname}`);
}

export function note(message: string): void {
  process.stderr.write(`[bench] ${message}\n`);
}

export function median(xs: readonly number[]): number {
  return quantile(xs, 0.5);
}

/** Linear interpolation between closest ranks. */
export function quantile(xs: readonly number[], q: number): number {
  if (xs.length === 0) return Number.NaN;
  const sorted = [...xs].sort((a, b) => a - b);
  const at = (sorted.length - 1) * q;
  const lo = Math.floor(at);
  const hi = Math.ceil(at);
  return sorted[lo]! + (sorted[hi]! - sorted[lo]!) * (at - lo);
}

export function nowMs(): number {
  return Number(process.hrtime.bigint()) / 1e6;
}

export interface Runs {
  /** Wall-clock ms per call. */
  wall: number[];
  /** CPU ms per call (all threads of this process, so GC helpers count): less sensitive than wall time to other load on the machine. */
  cpu: number[];
}

/**
 * Times `fn` after `warmup` untimed calls: at least `reps` timed calls and, for fast functions,
 * enough to fill `minMs` so timer resolution and one-off pauses do not dominate.
 */
export async function timeRuns(fn: () => unknown, { warmup = 2, reps = 5, minMs = 200 } = {}): Promise<Runs> {
  for (let i = 0; i < warmup; i++) await fn();
  const runs: Runs = { wall: [], cpu: [] };
  const started = nowMs();
  while (runs.wall.length < reps || (nowMs() - started < minMs && runs.wall.length < 10_000)) {
    const c0 = process.cpuUsage();
    const t0 = nowMs();
    await fn();
    runs.wall.push(nowMs() - t0);
    const c = process.cpuUsage(c0);
    runs.cpu.push((c.user + c.system) / 1000);
  }
  return runs;
}

/** Least-squares slope of log(y) against log(x): 1 means linear growth. */
export function logLogSlope(points: readonly { x: number; y: number }[]): number {
  const lx = points.map((p) => Math.log(p.x));
  const ly = points.map((p) => Math.log(p.y));
  const mx = lx.reduce((a, b) => a + b, 0) / lx.length;
  const my = ly.reduce((a, b) => a + b, 0) / ly.length;
  let num = 0;
  let den = 0;
  lx.forEach((x, i) => {
    num += (x - mx) * (ly[i]! - my);
    den += (x - mx) ** 2;
  });
  return num / den;
}

export function round(x: number, digits = 3): number {
  if (!Number.isFinite(x)) return x;
  const f = 10 ** digits;
  return Math.round(x * f) / f;
}

/** Resident set size of a process, from /proc (Linux), in MiB; `peak` reads the high-water mark. */
export function rssMiB(pid: number, peak = false): number | undefined {
  try {
    const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
    const m = new RegExp(`^${peak ? 'VmHWM' : 'VmRSS'}:\\s+(\\d+) kB`, 'm').exec(status);
    return m ? round(Number(m[1]) / 1024, 1) : undefined;
  } catch {
    return undefined;
  }
}

/** The machine, for the record: results from different machines are not comparable. */
export function machine(): Record<string, unknown> {
  const cpu = os.cpus()[0]?.model ?? 'unknown';
  return {
    cpus: os.availableParallelism(),
    cpu_model: cpu.trim(),
    memory_gib: round(os.totalmem() / 2 ** 30, 1),
    node: process.version,
    platform: `${process.platform}-${process.arch}`,
    load_average_1m: round(os.loadavg()[0]!, 2),
    date: new Date().toISOString(),
  };
}

export function mkdirp(dir: string): string {
  fs.mkdirSync(dir, { recursive: true });
  return dir;
}

/** Runs a command, sampling its peak resident memory (VmHWM only grows, so the last sample is the peak so far). */
/** CPU seconds (user + system, every thread) a process has used so far, from /proc; undefined elsewhere or once it is gone. */
export function cpuSeconds(pid: number): number | undefined {
  try {
    // Fields after the command name (which may hold spaces): state is field 3, utime 14 and stime 15, in ticks of 1/100 s.
    const fields = fs.readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[11]) + Number(fields[12])) / 100;
  } catch {
    return undefined;
  }
}

/**
 * Runs node with `args` and measures wall time, peak RSS and CPU time (user + system of every thread, sampled
 * every 20 ms, so up to 20 ms short; undefined where /proc is missing). On a busy machine the CPU time is the
 * steadier figure: wall time then includes waiting for a core.
 */
export function runMeasured(args: string[], cwd: string): Promise<{ code: number | null; ms: number; peakMiB: number; cpuSeconds: number | undefined; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const t0 = nowMs();
    const child = spawn(process.execPath, args, { cwd, stdio: ['ignore', 'pipe', 'pipe'] });
    let peak = 0;
    let cpu: number | undefined;
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.stderr.setEncoding('utf8').on('data', (d: string) => (stderr += d));
    const timer = setInterval(() => {
      peak = Math.max(peak, rssMiB(child.pid!, true) ?? 0);
      cpu = cpuSeconds(child.pid!) ?? cpu;
    }, 20);
    child.on('exit', (code) => {
      clearInterval(timer);
      resolve({ code, ms: nowMs() - t0, peakMiB: peak, cpuSeconds: cpu, stdout, stderr });
    });
  });
}
