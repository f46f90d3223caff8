// `nesy monitor SPEC.tl TRACE`: the verdict and robustness of each spec of a .tl file on a recorded
// trace (src/languages/tl/monitor; semantics in src/languages/tl/README.md, "Monitoring traces").
import * as fs from 'node:fs';
import type { CliCommand } from '../command';
import { parseDocument } from '../../languages/tl/api';
import { MonitorError, monitorSpecs, propositionsOf, readTrace, selectSpecs, TraceError, type SpecVerdict } from '../../languages/tl/monitor/index';

const usage = [
  'usage: nesy monitor SPEC.tl TRACE [--spec NAME] [--json]',
  '',
  'Evaluates every `spec` of SPEC.tl (and every bare formula, as `formula 1`, `formula 2`, ...) on a',
  'trace, or only the spec NAME. TRACE (a file, or - for stdin) is CSV with a header',
  '  time,door_open,alarm',
  '  0,0,0',
  'or JSON lines {"time": 0, "door_open": true, ...}; truth values are 0/1 or true/false, times',
  'increase strictly and need not be evenly spaced. Propositions are read from the same-named columns.',
  '',
  'Time is discrete over the samples; F[a,b] at time t looks at the samples in [t+a, t+b]; unbounded',
  'operators follow LTLf (finite traces); X is false at the last sample, Y at the first.',
  'Verdicts are at the first sample: satisfied iff the robustness there is > 0 (Boolean propositions',
  'give +inf / -inf).',
  '',
  '  --spec NAME   check only this spec',
  '  --json        print {"specs":[{"name", "satisfied", "robustness" (a number, "Infinity" or',
  '                "-Infinity"), "first_violation" (the time of the first sample where the',
  '                formula is false, or null)}]}',
  '',
  'Exit status: 0 every spec satisfied, 1 some spec violated, 2 bad input.',
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

function report(verdicts: SpecVerdict[], json: boolean): string {
  if (json) {
    const specs = verdicts.map((v) => ({ name: v.name, satisfied: v.satisfied, robustness: shownRobustness(v.robustness, true), first_violation: v.firstViolation }));
    return JSON.stringify({ specs }) + '\n';
  }
  return verdicts
    .map((v) => {
      const r = shownRobustness(v.robustness, false);
      return v.satisfied ? `${v.name}: satisfied (robustness ${r})\n` : `${v.name}: violated at t=${v.firstViolation} (robustness ${r})\n`;
    })
    .join('');
}

export const monitor: CliCommand = {
  name: 'monitor',
  summary: 'Check the specs of a .tl file on a recorded trace (CSV or JSON lines): verdicts and robustness',
  usage,
  async run(args) {
    const files: string[] = [];
    let json = false;
    let only: string | undefined;
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--json') json = true;
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
      const keep = new Set(specs.flatMap((s) => propositionsOf(s.formula)));
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
      const trace = await readTrace(input, source, { keep });
      const verdicts = monitorSpecs(specs, trace);
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
