// `nesy check-predictions RULES.fol PREDICTIONS.json`: how far a network's scores violate the rules.
import * as path from 'node:path';
import type { CliCommand } from '../command';
import { checkPredictions, analyzeRulesFile, type PredictionReport } from '../../languages/fol/predictions';

const usage = [
  'usage: nesy check-predictions RULES.fol PREDICTIONS.json [--threshold 0.5] [--worst 5] [--json]',
  '                              [--repair path|max --out REPAIRED.json]',
  '',
  'Scores every rule of RULES.fol against per-sample class scores in [0, 1]: the C/D/E rules derived',
  'from each hierarchy (C: a class implies its parent; D: a group implies one of its children;',
  'E: siblings exclude each other) and every user rule of the form `forall x. φ(x)` over unary predicates.',
  '',
  'PREDICTIONS.json is either [{"dog": 0.9, "cat": 0.1}, ...] or, for large inputs,',
  '{"classes": ["dog", "cat"], "scores": [[0.9, 0.1], ...]}; it is streamed, never loaded whole.',
  '',
  'For each rule it reports the crisp violation rate at --threshold and the fuzzy truth with LogicSeg\'s',
  'operators (not 1-a, and product, or max, implication 1-a+ab, forall the p-mean-error with q = 5),',
  'plus the --worst lowest-scoring samples.',
  '',
  '  --json              print {rules:[{name, kind, violation_rate, fuzzy_truth, worst}], samples, skipped}',
  '  --repair path|max   write corrected scores to --out: `path` keeps the best root-to-leaf path',
  '                      (LogicSeg); `max` lifts each class to the max over its descendants (C-HMCNN)',
  '',
  'Exit status: 0 when every checked rule holds on every sample, 1 when some rule is violated, 2 on bad input.',
].join('\n');

function fail(message: string): number {
  process.stderr.write(`nesy check-predictions: ${message}\n`);
  return 2;
}

export const checkPredictionsCommand: CliCommand = {
  name: 'check-predictions',
  summary: 'Measure how far class predictions violate the rules and hierarchy of a .fol file',
  usage,
  async run(args) {
    const files: string[] = [];
    let threshold = 0.5;
    let worst = 5;
    let json = false;
    let repair: 'path' | 'max' | undefined;
    let out: string | undefined;
    for (let i = 0; i < args.length; i++) {
      const a = args[i];
      const value = () => {
        const v = args[++i];
        if (v === undefined) throw new Error(`${a} needs a value`);
        return v;
      };
      try {
        if (a === '--json') json = true;
        else if (a === '--threshold') threshold = Number(value());
        else if (a === '--worst') worst = Number(value());
        else if (a === '--repair') {
          const v = value();
          if (v !== 'path' && v !== 'max') return fail(`--repair takes 'path' or 'max', not '${v}'.`);
          repair = v;
        } else if (a === '--out') out = value();
        else if (a.startsWith('--')) return fail(`unknown option '${a}'.\n\n${usage}`);
        else files.push(a);
      } catch (e) {
        return fail((e as Error).message);
      }
    }
    if (files.length !== 2) return fail(`expected RULES.fol and PREDICTIONS.json.\n\n${usage}`);
    if (!(threshold >= 0 && threshold <= 1)) return fail('--threshold must be a number between 0 and 1.');
    if (!Number.isInteger(worst) || worst < 0) return fail('--worst must be a whole number.');
    if (repair && !out) return fail('--repair needs --out FILE for the corrected scores.');
    const [rulesPath, predictionsPath] = files.map((f) => path.resolve(f));
    let analysis;
    try {
      analysis = await analyzeRulesFile(rulesPath);
    } catch (e) {
      return fail(`cannot read ${files[0]}: ${(e as Error).message}`);
    }
    const errors = analysis.diagnostics.filter((d) => d.severity === 1 && (d.code === 'fol/syntax' || d.code === 'fol/import-failed'));
    if (errors.length) {
      for (const d of errors) process.stderr.write(`${files[0]}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.message}\n`);
      return 2;
    }
    let report: PredictionReport;
    try {
      report = await checkPredictions(analysis, predictionsPath, { threshold, worst, repair, repairOut: out && path.resolve(out) });
    } catch (e) {
      const err = e as NodeJS.ErrnoException;
      return fail(err.code === 'ENOENT' ? `cannot read ${files[1]}: no such file.` : `${files[1]}: ${err.message}`);
    }
    if (json) process.stdout.write(JSON.stringify(report) + '\n');
    else process.stdout.write(formatReport(report, threshold));
    return report.rules.some((r) => r.violation_rate > 0) ? 1 : 0;
  },
};

function formatReport(r: PredictionReport, threshold: number): string {
  const lines = [`${r.samples} samples, ${r.rules.length} rules, threshold ${threshold}`, ''];
  const width = Math.max(4, ...r.rules.map((x) => x.name.length));
  lines.push(`${'rule'.padEnd(width)}  kind  violated  fuzzy truth  worst samples (truth)`);
  for (const x of r.rules) {
    const worst = x.worst.map((w) => `#${w.sample} (${w.truth.toFixed(3)})`).join(', ');
    lines.push(`${x.name.padEnd(width)}  ${x.kind.padEnd(4)}  ${(100 * x.violation_rate).toFixed(2).padStart(7)}%  ${x.fuzzy_truth.toFixed(4).padStart(11)}  ${worst}`);
  }
  for (const s of r.skipped) lines.push(`skipped ${s.name}: ${s.reason}`);
  return lines.join('\n') + '\n';
}
