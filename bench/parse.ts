// Parse and validate throughput for .tl and .fol on generated files, against JSON.parse of a JSON
// encoding of the same syntax trees (the fastest parser JavaScript has: a speed-of-light reference).
// "validate" is the language service's analyze(), what the server runs on every edit: parse plus checks.
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { Host } from '../src/core/language';
import { defaultSettings } from '../src/core/settings';
import { parseFolFile } from '../src/languages/fol/ast';
import { languageById } from '../src/languages/index';
import { parseDocument } from '../src/languages/tl/api';
import { folText, tlText } from './corpus';
import { logLogSlope, median, note, nowMs, round, timeRuns, type BenchOptions } from './util';
import { nodeFiles } from '../src/core/nodeFiles';

// Issue #18 traded the hand-written .tl parser's 20 MB/s for one grammar (BENCHMARKS.md has both, measured
// side by side before it was deleted); the budget is now the level of the .fol Chevrotain fast path. The ratio
// to JSON.parse is still reported, as a reference.
const budgetMBs = 3;

interface Subject {
  id: 'tl' | 'fol';
  generate(bytes: number): string;
  /** The syntax tree alone, without the source text, for the JSON reference. */
  tree(text: string): unknown;
}

const subjects: Subject[] = [
  {
    id: 'tl',
    generate: (bytes) => tlText(bytes),
    tree: (text) => {
      const { statements, comments, problems } = parseDocument(text);
      return { statements, comments, problems };
    },
  },
  {
    id: 'fol',
    generate: (bytes) => folText(bytes),
    tree: (text) => {
      const { statements, comments, problems } = parseFolFile(text);
      return { statements, comments, problems };
    },
  },
];

const host: Host = { log: () => undefined, files: nodeFiles };

function repsFor(bytes: number, quick: boolean): { warmup: number; reps: number; minMs: number } {
  if (bytes >= 5e6) return { warmup: 1, reps: quick ? 1 : 3, minMs: 0 };
  if (bytes >= 5e5) return { warmup: 1, reps: quick ? 2 : 5, minMs: 0 };
  return { warmup: 3, reps: 5, minMs: quick ? 100 : 500 };
}

export async function benchParse(o: BenchOptions): Promise<void> {
  const sizes = o.quick ? [1e3, 1e5, 1e6] : [1e3, 1e4, 1e5, 1e6, 1e7];
  // A run longer than this (projected from the size before, assuming linear growth) is skipped and
  // reported as such: a language that slow has already missed the budget by orders of magnitude.
  const capMs = o.quick ? 10_000 : 60_000;
  for (const subject of subjects) {
    const language = languageById(subject.id)!;
    const points: { x: number; y: number }[] = [];
    // First analyses of each text: no cache of an earlier analysis of the same text can help them
    // (.fol keeps reasoning findings across analyses of unchanged rules, which the repetitions reuse).
    const firstPoints: { x: number; y: number }[] = [];
    let last: { bytes: number; ms: number } | undefined;
    for (const size of sizes) {
      const text = subject.generate(size);
      const bytes = Buffer.byteLength(text);
      if (last && (last.ms * bytes) / last.bytes > capMs) {
        const projected = Math.round((last.ms * bytes) / last.bytes / 1000);
        o.emit({ bench: `parse.${subject.id}`, bytes, skipped: `projected ${projected} s for validate at linear growth; over the ${capMs / 1000} s cap`, budget: `>= ${budgetMBs} MB/s`, within_budget: false });
        note(`parse.${subject.id} ${bytes} B skipped (projected ${projected} s)`);
        continue;
      }
      note(`parse.${subject.id} ${bytes} B`);
      const runs = repsFor(bytes, o.quick);
      const document = TextDocument.create(`file:///bench/generated.${subject.id}`, subject.id, 1, text);
      let diagnostics = 0;
      const validate = async () => {
        diagnostics = (await language.analyze(document, defaultSettings, host)).diagnostics.length;
      };
      // One probe first: when repetitions would overrun the cap, the probe is the measurement.
      const probe = await timeRuns(validate, { warmup: 0, reps: 1, minMs: 0 });
      const repeat = probe.wall[0]! * (runs.warmup + runs.reps) * 2 < capMs;
      const validated = repeat ? await timeRuns(validate, runs) : probe;
      const validateMs = median(validated.wall);
      firstPoints.push({ x: bytes, y: probe.wall[0]! });
      const validateCpuMs = median(validated.cpu);
      const t0 = nowMs();
      const tree = subject.tree(text);
      const parseMs = repeat ? median((await timeRuns(() => subject.tree(text), runs)).wall) : nowMs() - t0;
      const json = JSON.stringify(tree);
      const jsonRuns = await timeRuns(() => JSON.parse(json), runs);
      const jsonMs = median(jsonRuns.wall);
      const mb = bytes / 1e6;
      const validateMBs = mb / (validateMs / 1000);
      const ratio = validateMs / jsonMs;
      points.push({ x: bytes, y: validateMs });
      last = { bytes, ms: validateMs };
      o.emit({
        bench: `parse.${subject.id}`,
        bytes,
        lines: text.split('\n').length - 1,
        repetitions: repeat ? runs.reps : 1,
        diagnostics,
        parse_ms: round(parseMs),
        parse_mb_s: round(mb / (parseMs / 1000), 2),
        validate_ms: round(validateMs),
        first_validate_ms: round(probe.wall[0]!),
        validate_mb_s: round(validateMBs, 2),
        validate_cpu_ms: round(validateCpuMs),
        validate_mb_per_cpu_s: round(mb / (validateCpuMs / 1000), 2),
        json_bytes: json.length,
        json_parse_ms: round(jsonMs),
        json_parse_mb_s: round(json.length / 1e6 / (jsonMs / 1000), 1),
        validate_over_json_parse: round(ratio, 2),
        validate_over_json_parse_cpu: round(validateCpuMs / median(jsonRuns.cpu), 2),
        budget: `>= ${budgetMBs} MB/s`,
        within_budget: validateMBs >= budgetMBs,
      });
    }
    if (points.length >= 2) {
      const slope = logLogSlope(points);
      // Small files are dominated by fixed costs, which flatten the curve; the large ones show the growth.
      const large = points.filter((p) => p.x >= 1e5);
      const largeSlope = large.length >= 2 ? logLogSlope(large) : slope;
      const big = points[points.length - 1]!;
      const firstLarge = firstPoints.filter((p) => p.x >= 1e5);
      o.emit({
        bench: `parse.${subject.id}.scaling`,
        sizes_bytes: points.map((p) => p.x),
        validate_ms: points.map((p) => round(p.y)),
        loglog_slope: round(slope, 3),
        loglog_slope_from_100kb: round(largeSlope, 3),
        first_validate_ms: firstPoints.map((p) => round(p.y)),
        first_loglog_slope_from_100kb: firstLarge.length >= 2 ? round(logLogSlope(firstLarge), 3) : null,
        ms_per_mb_at_largest: round(big.y / (big.x / 1e6), 2),
        budget: 'linear: log-log slope from 100 KB <= 1.1',
        within_budget: largeSlope <= 1.1,
      });
    }
  }
}
