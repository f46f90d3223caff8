// `nesy monitor SPEC.tl TRACE`: the verdict and robustness of each spec of a .tl file on a recorded
// trace (src/languages/tl/monitor; semantics in src/languages/tl/README.md, "Monitoring traces").
import * as fs from 'node:fs';
import { StringDecoder } from 'node:string_decoder';
import type { CliCommand } from '../command';
import { parseDocument } from '../../languages/tl/api';
import {
  MonitorError,
  monitorStream,
  OnlineMonitor,
  columnsOf,
  selectSpecs,
  TraceError,
  type MonitoredSpec,
  type SpecVerdict,
} from '../../languages/tl/monitor/index';

const usage = [
  'usage: nesy monitor SPEC.tl TRACE [--spec NAME] [--json] [--follow]',
  '',
  'Evaluates every `spec` of SPEC.tl (and every bare formula, as `formula 1`, `formula 2`, ...) on a',
  'trace, or only the spec NAME. TRACE (a file, or - for stdin) is CSV with a header',
  '  time,door_open,alarm',
  '  0,0,0',
  'or JSON lines {"time": 0, "door_open": true, ...}; truth values are 0/1 or true/false, times',
  'increase strictly and need not be evenly spaced. Propositions and signals are read from the',
  'same-named columns; a comparison x > c or x >= c has robustness x - c, x < c or x <= c has c - x.',
  '',
  'Time is discrete over the samples; F[a,b] at time t looks at the samples in [t+a, t+b]; unbounded',
  'operators follow LTLf (finite traces); X is false at the last sample, Y at the first.',
  'Verdicts are at the first sample: satisfied iff the robustness there is > 0 (Boolean propositions',
  'give +inf / -inf; a margin of exactly 0 is not satisfied).',
  '',
  '  --spec NAME   check only this spec',
  '  --json        print {"specs":[{"name", "satisfied", "robustness" (a number, "Infinity" or',
  '                "-Infinity"), "first_violation" (the time of the first sample where the',
  '                formula is false, or null)}]}',
  '  --follow      online: read TRACE as it grows (a file, like tail -f, until interrupted; or - until',
  '                stdin ends) and print a line each time a spec\'s verdict changes:',
  '                "[t=LAST] name: ..." or, with --json, {"time": LAST, "name", ...} per line. Each update',
  '                re-evaluates every sample so far (at most every 100 ms while lines keep coming).',
  '',
  'Exit status: 0 every spec satisfied, 1 some spec violated, 2 bad input; with --follow, that of the',
  'last verdicts when stdin ends or the command is interrupted (SIGINT, SIGTERM).',
].join('\n');

function fail(message: string): number {
  process.stderr.write(`nesy monitor: ${message}\n`);
  return 2;
}

/** 1-based line and column of an offset, for syntax errors in the spec file. */
function lineColumn(text: string, offset: number): string {
  let line = 1;
  let lineStart = 0;
  for (let i = 0; i < offset && i < text.length; i++) {
    if (text.charCodeAt(i) === 10) {
      line++;
      lineStart = i + 1;
    }
  }
  return `${line}:${offset - lineStart + 1}`;
}

function shownRobustness(r: number, json: boolean): number | string {
  if (r === Number.POSITIVE_INFINITY) return json ? 'Infinity' : '+inf';
  if (r === Number.NEGATIVE_INFINITY) return json ? '-Infinity' : '-inf';
  return r;
}

function jsonVerdict(v: SpecVerdict): Record<string, unknown> {
  return { name: v.name, satisfied: v.satisfied, robustness: shownRobustness(v.robustness, true), first_violation: v.firstViolation };
}

function textVerdict(v: SpecVerdict): string {
  const r = shownRobustness(v.robustness, false);
  return v.satisfied ? `${v.name}: satisfied (robustness ${r})` : `${v.name}: violated at t=${v.firstViolation} (robustness ${r})`;
}

function report(verdicts: SpecVerdict[], json: boolean): string {
  if (json) return JSON.stringify({ specs: verdicts.map(jsonVerdict) }) + '\n';
  return verdicts.map((v) => textVerdict(v) + '\n').join('');
}

/** Updates at most this often while lines keep coming, so re-evaluating the whole prefix stays cheap. */
const followIntervalMs = 100;
/** How often a followed file is checked for new lines once its end is reached. */
const pollMs = 200;

/**
 * --follow: reads the trace as it grows (a file, like `tail -f`, until SIGINT or SIGTERM; or stdin
 * until it ends) and prints each verdict change. Returns the exit status of the last verdicts.
 */
async function follow(specs: MonitoredSpec[], traceFile: string, json: boolean, keep: Set<string>): Promise<number> {
  const source = traceFile === '-' ? 'stdin' : traceFile;
  const online = new OnlineMonitor(specs, source, { keep });
  let status: number | undefined;
  let pending = '';
  let lastUpdate = 0;
  let timer: NodeJS.Timeout | undefined;
  const update = () => {
    if (timer) clearTimeout(timer);
    timer = undefined;
    lastUpdate = Date.now();
    const u = online.update();
    if (!u) return;
    status = u.verdicts.every((v) => v.satisfied) ? 0 : 1;
    for (const v of u.changed) {
      process.stdout.write((json ? JSON.stringify({ time: u.time, ...jsonVerdict(v) }) : `[t=${u.time}] ${textVerdict(v)}`) + '\n');
    }
  };
  const feed = (chunk: string) => {
    pending += chunk;
    let from = 0;
    for (let nl = pending.indexOf('\n'); nl >= 0; nl = pending.indexOf('\n', from)) {
      online.line(pending.slice(from, nl));
      from = nl + 1;
    }
    pending = pending.slice(from);
  };
  const finalStatus = () => {
    if (status === undefined) throw new TraceError(`${source}: the trace has no samples`);
    return status;
  };

  if (traceFile === '-') {
    return new Promise<number>((resolve, reject) => {
      const guard = (fn: () => void) => {
        try {
          fn();
        } catch (e) {
          process.stdin.destroy();
          if (timer) clearTimeout(timer);
          reject(e);
        }
      };
      process.stdin.setEncoding('utf8');
      process.stdin.on('data', (chunk: string) =>
        guard(() => {
          feed(chunk);
          const wait = lastUpdate + followIntervalMs - Date.now();
          if (wait <= 0) update();
          else timer ??= setTimeout(() => guard(update), wait);
        }),
      );
      process.stdin.on('end', () =>
        guard(() => {
          if (pending !== '') feed('\n');
          update();
          resolve(finalStatus());
        }),
      );
      process.stdin.on('error', reject);
    });
  }

  const fd = fs.openSync(traceFile, 'r');
  const decoder = new StringDecoder('utf8');
  const buffer = Buffer.alloc(1 << 16);
  let position = 0;
  let stop: (() => void) | undefined;
  let stopped = false;
  const onSignal = () => {
    stopped = true;
    stop?.();
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);
  try {
    while (!stopped) {
      const read = fs.readSync(fd, buffer, 0, buffer.length, position);
      if (read > 0) {
        position += read;
        feed(decoder.write(buffer.subarray(0, read)));
        if (Date.now() - lastUpdate >= followIntervalMs) update();
        continue;
      }
      // At the end of what has been written so far: report, then wait for more.
      update();
      await new Promise<void>((resolve) => {
        const t = setTimeout(resolve, pollMs);
        stop = () => {
          clearTimeout(t);
          resolve();
        };
      });
    }
    return finalStatus();
  } finally {
    process.removeListener('SIGINT', onSignal);
    process.removeListener('SIGTERM', onSignal);
    fs.closeSync(fd);
  }
}

export const monitor: CliCommand = {
  name: 'monitor',
  summary: 'Check the specs of a .tl file on a recorded trace (CSV or JSON lines): verdicts and robustness',
  usage,
  async run(args) {
    const files: string[] = [];
    let json = false;
    let only: string | undefined;
    let following = false;
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--json') json = true;
      else if (a === '--follow') following = true;
      else if (a === '--spec') {
        only = args[++i];
        if (only === undefined) return fail('--spec needs a spec name.');
      } else if (a.startsWith('--spec=')) only = a.slice('--spec='.length);
      else if (a.startsWith('--') || (a.startsWith('-') && a !== '-')) return fail(`unknown option '${a}'.\n\n${usage}`);
      else files.push(a);
    }
    if (files.length !== 2) return fail(`expected SPEC.tl and TRACE.\n\n${usage}`);
    const [specFile, traceFile] = files as [string, string];

    let text: string;
    try {
      text = fs.readFileSync(specFile, 'utf8');
    } catch (e) {
      return fail(`cannot read ${specFile}: ${(e as Error).message}`);
    }
    const doc = parseDocument(text);
    if (doc.problems.length > 0) {
      for (const p of doc.problems) process.stderr.write(`${specFile}:${lineColumn(text, p.start)}: error ${p.code} ${p.message}\n`);
      return 2;
    }
    try {
      const specs = selectSpecs(doc, only);
      // Only the columns the chosen specs read are kept in memory; the others are still checked.
      const keep = new Set(specs.flatMap((s) => {
        const { propositions, signals } = columnsOf(s.formula);
        return [...propositions, ...signals];
      }));
      if (following) {
        try {
          if (traceFile !== '-') fs.accessSync(traceFile, fs.constants.R_OK);
        } catch (e) {
          return fail(`cannot read ${traceFile}: ${(e as Error).message}`);
        }
        return await follow(specs, traceFile, json, keep);
      }
      const source = traceFile === '-' ? 'stdin' : traceFile;
      let input: NodeJS.ReadableStream;
      if (traceFile === '-') input = process.stdin;
      else {
        try {
          // Open first so a missing file is reported here, not as a stream error mid-read.
          input = fs.createReadStream(traceFile, { fd: fs.openSync(traceFile, 'r') });
        } catch (e) {
          return fail(`cannot read ${traceFile}: ${(e as Error).message}`);
        }
      }
      // Streamed: samples are dropped once every spec's verdict no longer needs them.
      const verdicts = await monitorStream(input, specs, source, { keep });
      process.stdout.write(report(verdicts, json));
      return verdicts.every((v) => v.satisfied) ? 0 : 1;
    } catch (e) {
      if (e instanceof MonitorError || e instanceof TraceError) return fail(e.message);
      // A read that fails part-way (a directory, an I/O error) is bad input too, not a crash.
      if (typeof (e as NodeJS.ErrnoException).code === 'string') return fail(`cannot read ${traceFile}: ${(e as Error).message}`);
      throw e;
    }
  },
};
