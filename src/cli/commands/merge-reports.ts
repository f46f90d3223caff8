// `nesy merge-reports PARTIAL.json...`: the report of a sharded `nesy check-predictions` run.
import * as fs from 'node:fs';
import type { CliCommand } from '../command';
import { finalReport, formatReport, type PartialReport } from '../predictions/report';

const usage = [
  'usage: nesy merge-reports PARTIAL.json... [--json] [--per-image]',
  '',
  'Combines the partial reports that `nesy check-predictions ... --shard I/N` prints, one per shard,',
  'into the report one unsharded run gives: the same rates, fuzzy truths (exactly) and worst samples.',
  'Every shard 0..N-1 must be given once, all made with the same rules, inputs, --threshold and --worst.',
  '',
  '  --json        print {rules:[{name, kind, violation_rate, fuzzy_truth, worst}], samples, skipped, files}',
  '  --per-image   add the per-file table (JSON: `images`)',
  '',
  'Exit status: 0 when every checked rule holds on every sample, 1 when some rule is violated, 2 on bad input.',
].join('\n');

function fail(message: string): number {
  process.stderr.write(`nesy merge-reports: ${message}\n`);
  return 2;
}

export const mergeReportsCommand: CliCommand = {
  name: 'merge-reports',
  summary: 'Combine the partial reports of a sharded check-predictions run into one report',
  usage,
  async run(args) {
    let json = false;
    let perImage = false;
    const files: string[] = [];
    for (const a of args) {
      if (a === '--json') json = true;
      else if (a === '--per-image') perImage = true;
      else if (a.startsWith('--')) return fail(`unknown option '${a}'.\n\n${usage}`);
      else files.push(a);
    }
    if (files.length === 0) return fail(`expected the partial reports.\n\n${usage}`);
    const parts: { report: PartialReport; source: string }[] = [];
    for (const file of files) {
      let text: string;
      try {
        text = fs.readFileSync(file, 'utf8');
      } catch (e) {
        return fail(`cannot read ${file}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file.' : (e as Error).message}`);
      }
      try {
        parts.push({ report: JSON.parse(text) as PartialReport, source: file });
      } catch {
        return fail(`${file} is not JSON: is it the output of check-predictions --shard?`);
      }
    }
    try {
      const report = finalReport(parts, { perImage });
      if (json) process.stdout.write(JSON.stringify(report) + '\n');
      else process.stdout.write(formatReport(report, parts[0]!.report.settings.threshold));
      return report.rules.some((r) => r.violation_rate > 0) ? 1 : 0;
    } catch (e) {
      return fail((e as Error).message);
    }
  },
};
