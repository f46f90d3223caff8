// Partial reports and the final report of `nesy check-predictions` over many files. A run, sharded or not,
// first makes a partial report: per score file, its samples and its tally (crisp violations, the exact
// error-sum partials, the worst samples in the file's own numbering). `--shard i/n` prints it;
// `nesy merge-reports` and an unsharded run turn partial reports into the final one the same way, so n
// merged shards give exactly the report of one run: counts add, exact sums do not depend on the order of
// addition, and sample numbers are offset by the samples of the files before, in input order.
import { createHash } from 'node:crypto';
import { addTally, emptyTally, ruleReports, worstText, type RuleInfo, type RuleReport, type Tally, type WorstEntry } from '../../languages/fol/tally';

export type { WorstEntry } from '../../languages/fol/tally';
import type { RuleSet } from '../../languages/fol/scoring';
import type { WrittenMap } from '../../languages/fol/violationMaps';

export const partialKind = 'nesy check-predictions partial report';

export interface PartialFile {
  /** Position of the file among all the run's inputs. */
  index: number;
  name: string;
  samples: number;
  image?: { height: number; width: number };
  /** Per rule: [violations, error-sum partials, [[sample, truth], ...]]. */
  tally: [number, number[], [number, number][]][];
  maps?: WrittenMap[];
}

export interface PartialReport {
  kind: typeof partialKind;
  version: 1;
  shard: { index: number; count: number };
  settings: {
    threshold: number;
    worst: number;
    /** Digest of the rules checked, so shards of different rule files are not merged. */
    rules: string;
    /** How many inputs the whole run has, and a digest of their names in order. */
    inputs: number;
    inputsDigest: string;
  };
  /** The rules scored (the same for every file); null when no file had a sample. */
  rules: RuleInfo[] | null;
  skipped: { name: string; reason: string }[];
  files: PartialFile[];
}

export interface ImageReport {
  file: string;
  samples: number;
  rules: { name: string; violation_rate: number; fuzzy_truth: number }[];
}

export interface RunReport {
  rules: (Omit<RuleReport, 'worst'> & { worst: WorstEntry[] })[];
  samples: number;
  skipped: { name: string; reason: string }[];
  /** With several input files. */
  files?: number;
  /** With --per-image. */
  images?: ImageReport[];
  /** With --maps. */
  maps?: (WrittenMap & { file: string })[];
}

export function digest(value: unknown): string {
  return createHash('sha256').update(JSON.stringify(value)).digest('hex').slice(0, 16);
}

export function ruleSetDigest(set: RuleSet): string {
  return digest(set.rules.map((r) => [r.name, r.kind, r.body]));
}

export function toPartialTally(t: Tally): PartialFile['tally'] {
  return t.rules.map((r) => [r.violations, r.err, r.worst.map((w) => [w.sample, w.truth] as [number, number])]);
}

function fromPartialTally(samples: number, rows: PartialFile['tally']): Tally {
  return { samples, rules: rows.map(([violations, err, worst]) => ({ violations, err: [...err], worst: worst.map(([sample, truth]) => ({ sample, truth })) })) };
}

function sameRules(a: RuleInfo[], b: RuleInfo[]): boolean {
  return a.length === b.length && a.every((r, i) => r.name === b[i]!.name && r.kind === b[i]!.kind);
}

/** Checks that the parts are every shard of one run, once each. */
function checkShards(parts: { report: PartialReport; source: string }[]): void {
  if (parts.length === 0) throw new Error('no partial reports to merge.');
  for (const { report, source } of parts) {
    if (report.kind !== partialKind || report.version !== 1) throw new Error(`${source} is not a partial report of nesy check-predictions --shard.`);
  }
  const first = parts[0]!;
  const n = first.report.shard.count;
  const seen = new Map<number, string>();
  for (const { report, source } of parts) {
    if (report.shard.count !== n) throw new Error(`${source} is shard ${report.shard.index}/${report.shard.count}, but ${first.source} is one of ${n}.`);
    const s = report.settings;
    const f = first.report.settings;
    if (s.threshold !== f.threshold || s.worst !== f.worst) throw new Error(`${source} was made with --threshold ${s.threshold} --worst ${s.worst}, but ${first.source} with --threshold ${f.threshold} --worst ${f.worst}.`);
    if (s.rules !== f.rules) throw new Error(`${source} checked other rules than ${first.source}.`);
    if (s.inputs !== f.inputs || s.inputsDigest !== f.inputsDigest) throw new Error(`${source} read other inputs than ${first.source} (${s.inputs} files against ${f.inputs}).`);
    const other = seen.get(report.shard.index);
    if (other) throw new Error(`${source} and ${other} are both shard ${report.shard.index}/${n}.`);
    seen.set(report.shard.index, source);
  }
  const missing = Array.from({ length: n }, (_, i) => i).filter((i) => !seen.has(i));
  if (missing.length) throw new Error(`shard${missing.length > 1 ? 's' : ''} ${missing.map((i) => `${i}/${n}`).join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing.`);
}

/** The report of the whole run from its partial reports (one for an unsharded run). */
export function finalReport(parts: { report: PartialReport; source: string }[], options: { perImage?: boolean } = {}): RunReport {
  checkShards(parts);
  const { worst: k, inputs } = parts[0]!.report.settings;
  let rules: RuleInfo[] | null = null;
  let skipped = parts[0]!.report.skipped;
  let rulesFrom = '';
  for (const { report, source } of parts) {
    if (!report.rules) continue;
    if (rules && !sameRules(rules, report.rules)) throw new Error(`${source} scored other rules than ${rulesFrom}: its files have other classes.`);
    if (!rules) {
      rules = report.rules;
      skipped = report.skipped;
      rulesFrom = source;
    }
  }
  // One entry per file, its parts (row ranges in different shards) added together.
  const files = new Map<number, { name: string; image?: PartialFile['image']; tally: Tally; maps: WrittenMap[] }>();
  for (const { report } of parts) {
    for (const f of report.files) {
      const tally = fromPartialTally(f.samples, f.tally);
      const entry = files.get(f.index);
      if (!entry) files.set(f.index, { name: f.name, image: f.image, tally, maps: f.maps ?? [] });
      else if (tally.rules.length) {
        if (!entry.tally.rules.length) entry.tally = { samples: entry.tally.samples, rules: emptyTally(tally.rules.length).rules };
        addTally(entry.tally, tally, 0, k);
      } else entry.tally.samples += tally.samples;
      if (entry && f.maps) entry.maps.push(...f.maps);
    }
  }
  const ordered = [...files.entries()].sort((a, b) => a[0] - b[0]).map(([, f]) => f);
  const ruleList = rules ?? [];
  const total = emptyTally(ruleList.length);
  const offsets: number[] = [];
  for (const f of ordered) {
    offsets.push(total.samples);
    if (f.tally.samples === 0) continue;
    if (f.tally.rules.length !== ruleList.length) throw new Error(`${f.name} scored other rules than the other files: it has other classes.`);
    addTally(total, f.tally, total.samples, k);
  }
  const many = inputs > 1;
  const locate = (sample: number): Omit<WorstEntry, 'sample' | 'truth'> => {
    let i = ordered.length - 1;
    while (i > 0 && offsets[i]! > sample) i--;
    const f = ordered[i]!;
    const at = sample - offsets[i]!;
    return f.image ? { file: f.name, at, x: at % f.image.width, y: Math.floor(at / f.image.width) } : { file: f.name, at };
  };
  const report: RunReport = {
    rules: ruleReports(ruleList, total).map((r) => (many ? { ...r, worst: r.worst.map((w) => ({ ...w, ...locate(w.sample) })) } : r)),
    samples: total.samples,
    skipped,
  };
  if (many) report.files = inputs;
  if (options.perImage) {
    report.images = ordered.map((f) => ({
      file: f.name,
      samples: f.tally.samples,
      rules: f.tally.rules.length ? ruleReports(ruleList, f.tally).map((r) => ({ name: r.name, violation_rate: r.violation_rate, fuzzy_truth: r.fuzzy_truth })) : [],
    }));
  }
  const maps = ordered.flatMap((f) => f.maps.map((m) => ({ ...m, file: f.name })));
  if (maps.length) report.maps = maps;
  return report;
}

/** The text report: the rule table, then the per-image table when asked. */
export function formatReport(r: RunReport, threshold: number): string {
  const lines = [`${r.samples} samples${r.files ? ` in ${r.files} files` : ''}, ${r.rules.length} rules, threshold ${threshold}`, ''];
  const width = Math.max(4, ...r.rules.map((x) => x.name.length));
  lines.push(`${'rule'.padEnd(width)}  kind  violated  fuzzy truth  worst samples (truth)`);
  for (const x of r.rules) {
    const worst = worstText(x.worst);
    lines.push(`${x.name.padEnd(width)}  ${x.kind.padEnd(4)}  ${(100 * x.violation_rate).toFixed(2).padStart(7)}%  ${x.fuzzy_truth.toFixed(4).padStart(11)}  ${worst}`);
  }
  for (const s of r.skipped) lines.push(`skipped ${s.name}: ${s.reason}`);
  if (r.images) {
    lines.push('', 'per image:');
    const w = Math.max(5, ...r.images.map((i) => i.file.length));
    lines.push(`${'image'.padEnd(w)}  ${'samples'.padStart(9)}  rules violated  lowest fuzzy truth`);
    for (const img of r.images) {
      const violated = img.rules.filter((x) => x.violation_rate > 0).length;
      const lowest = img.rules.reduce<(typeof img.rules)[number] | undefined>((a, b) => (!a || b.fuzzy_truth < a.fuzzy_truth ? b : a), undefined);
      lines.push(`${img.file.padEnd(w)}  ${String(img.samples).padStart(9)}  ${String(violated).padStart(14)}  ${lowest ? `${lowest.fuzzy_truth.toFixed(4)} ${lowest.name}` : '–'}`);
    }
  }
  if (r.maps) lines.push('', `${r.maps.length} violation map${r.maps.length === 1 ? '' : 's'} written (${r.maps.filter((m) => m.blended).length} over their source image).`);
  return lines.join('\n') + '\n';
}
