// `nesy check-predictions RULES.fol PREDICTIONS...`: how far a network's scores violate the rules.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { CliCommand } from '../command';
import { checkPredictions, analyzeRulesFile, ruleSetOf, type PredictionReport } from '../../languages/fol/predictions';
import type { RepairMode } from '../../languages/fol/repair';
import { readClassNames, scoreFormatOf } from '../../languages/fol/scoreFiles';
import { expandInputs, isGlob } from '../predictions/inputs';
import { finalReport, formatReport } from '../predictions/report';
import { runCheck, type CheckSettings } from '../predictions/run';

const usage = [
  'usage: nesy check-predictions RULES.fol PREDICTIONS... [--threshold 0.5] [--worst 5] [--json]',
  '         [--classes CLASSES.txt] [--layout chw|hwc] [--key NAME]',
  '         [--per-image] [--maps DIR [--images DIR]] [--shard I/N] [--workers N]',
  '         [--repair path|max --out REPAIRED.json]',
  '',
  'Scores every rule of RULES.fol against per-sample class scores in [0, 1]: the C/D/E rules derived',
  'from each hierarchy (C: a class implies its parent; D: a group implies one of its children;',
  'E: siblings exclude each other) and every user rule of the form `forall x. φ(x)` over unary predicates.',
  '',
  'PREDICTIONS are files, directories (every score file under them) or quoted globs (*, ?, **):',
  '  .json         [{"dog": 0.9, "cat": 0.1}, ...] or {"classes": ["dog", "cat"], "scores": [[0.9, 0.1], ...]}',
  '  .npy          float16/32/64: samples × classes, or one image: classes × height × width (PyTorch),',
  '                or height × width × classes with --layout hwc; one sample per pixel',
  '  .npz          the same, from np.savez or np.savez_compressed, with an optional `classes` array',
  '  .safetensors  the same, F16/BF16/F32/F64; class names in the metadata\'s "classes" (a JSON list)',
  '  .parquet, .arrow/.arrows/.feather   one float column per class',
  'Files are streamed: memory does not grow with their size. Several files (or one large file) are',
  'checked on worker threads, one per idle core; totals are those of one run over the rows concatenated.',
  '',
  'For each rule it reports the crisp violation rate at --threshold and the fuzzy truth with LogicSeg\'s',
  'operators (not 1-a, and product, or max, implication 1-a+ab, forall the p-mean-error with q = 5),',
  'plus the --worst lowest-scoring samples (with their file, and pixel for images, when there are several files).',
  '',
  '  --json              print {rules:[{name, kind, violation_rate, fuzzy_truth, worst}], samples, skipped}',
  '  --classes FILE      class names, one per line in the class axis\'s order, for arrays without names',
  '  --layout chw|hwc    how 3-D arrays are laid out (default chw: classes × height × width)',
  '  --key NAME          the array to read from an .npz or .safetensors file that holds several',
  '  --per-image         a table (JSON: `images`) of each file\'s samples, violated rules and fuzzy truths',
  '  --maps DIR          a PNG heatmap of the fuzzy violation (1 - truth) per pixel for each image and each',
  '                      rule it violates: DIR/<file>/<rule>.png, blended over DIR2/<file>.png with --images DIR2',
  '  --shard I/N         check only shard I of N (0 ≤ I < N) and print its partial report (JSON) for',
  '                      `nesy merge-reports`; exit status 0 unless the input is bad',
  '  --workers N         worker threads (default: one per idle core: the cores less the load average)',
  '  --repair path|max   write corrected scores to --out (one input): `path` keeps the best root-to-leaf path',
  '                      (LogicSeg); `max` lifts each class to the max over its descendants (C-HMCNN).',
  '                      --out is in the input\'s format: the same dtype, shape and layout for .npy, .npz and',
  '                      .safetensors (their other arrays and metadata kept), the same columns for Arrow and',
  '                      Parquet (other columns kept), {classes, scores} for JSON',
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
    let repair: RepairMode | undefined;
    let out: string | undefined;
    let classesFile: string | undefined;
    let layout: 'chw' | 'hwc' | undefined;
    let key: string | undefined;
    let perImage = false;
    let maps: string | undefined;
    let images: string | undefined;
    let shard: { index: number; count: number } | undefined;
    let workers: number | undefined;
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
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
        else if (a === '--classes') classesFile = value();
        else if (a === '--layout') {
          const v = value();
          if (v !== 'chw' && v !== 'hwc') return fail(`--layout takes 'chw' or 'hwc', not '${v}'.`);
          layout = v;
        } else if (a === '--key') key = value();
        else if (a === '--per-image') perImage = true;
        else if (a === '--maps') maps = value();
        else if (a === '--images') images = value();
        else if (a === '--shard') {
          const v = value();
          const m = /^(\d+)\/(\d+)$/.exec(v);
          if (!m || Number(m[2]) < 1 || Number(m[1]) >= Number(m[2])) return fail(`--shard takes I/N with 0 ≤ I < N (e.g. 0/4), not '${v}'.`);
          shard = { index: Number(m[1]), count: Number(m[2]) };
        } else if (a === '--workers') {
          const v = Number(value());
          if (!Number.isInteger(v) || v < 1) return fail('--workers must be a whole number of at least 1.');
          workers = v;
        } else if (a.startsWith('--')) return fail(`unknown option '${a}'.\n\n${usage}`);
        else files.push(a);
      } catch (e) {
        return fail((e as Error).message);
      }
    }
    if (files.length < 2) return fail(`expected RULES.fol and PREDICTIONS.\n\n${usage}`);
    if (!(threshold >= 0 && threshold <= 1)) return fail('--threshold must be a number between 0 and 1.');
    if (!Number.isInteger(worst) || worst < 0) return fail('--worst must be a whole number.');
    if (repair && !out) return fail('--repair needs --out FILE for the corrected scores.');
    if (images && !maps) return fail('--images needs --maps DIR: the images are drawn under the maps.');
    const [rulesArg, ...predictionArgs] = files as [string, ...string[]];
    let classes: string[] | undefined;
    if (classesFile) {
      try {
        classes = readClassNames(classesFile);
      } catch (e) {
        return fail(`cannot read ${classesFile}: ${(e as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file.' : (e as Error).message}`);
      }
      if (classes.length === 0) return fail(`${classesFile} names no class.`);
    }
    let analysis;
    try {
      analysis = await analyzeRulesFile(path.resolve(rulesArg));
    } catch (e) {
      return fail(`cannot read ${rulesArg}: ${(e as Error).message}`);
    }
    const errors = analysis.diagnostics.filter((d) => d.severity === 1 && (d.code === 'fol/syntax' || d.code === 'fol/import-failed'));
    if (errors.length) {
      for (const d of errors) process.stderr.write(`${rulesArg}:${d.range.start.line + 1}:${d.range.start.character + 1}: ${d.message}\n`);
      return 2;
    }
    const fileOptions = { classes, layout, key };

    if (repair) {
      // Repair writes one corrected file, so it reads one input, in this process.
      const single = predictionArgs[0]!;
      if (predictionArgs.length !== 1 || isGlob(single) || (fs.existsSync(single) && fs.statSync(single).isDirectory()) || shard) {
        return fail('--repair reads one predictions file (no directory, glob or --shard).');
      }
      const [inFormat, outFormat] = [scoreFormatOf(single), scoreFormatOf(out!)];
      if (inFormat && outFormat !== inFormat) return fail(`--out must be in the input's format (${inFormat}, like ${path.basename(single)}): repaired scores are written as they were read.`);
      let report: PredictionReport;
      try {
        report = await checkPredictions(analysis, path.resolve(single), { threshold, worst, repair, repairOut: path.resolve(out!), ...fileOptions });
      } catch (e) {
        const err = e as NodeJS.ErrnoException;
        return fail(err.code === 'ENOENT' ? `cannot read ${single}: no such file.` : err.message.startsWith(path.basename(single)) ? err.message : `${single}: ${err.message}`);
      }
      if (json) process.stdout.write(JSON.stringify(report) + '\n');
      else process.stdout.write(formatReport(report, threshold));
      return report.rules.some((r) => r.violation_rate > 0) ? 1 : 0;
    }

    let inputs;
    try {
      inputs = expandInputs(predictionArgs);
    } catch (e) {
      return fail((e as Error).message);
    }
    const settings: CheckSettings = {
      threshold,
      worst,
      file: fileOptions,
      ...(maps ? { maps: { dir: path.resolve(maps), ...(images ? { images: path.resolve(images) } : {}) } } : {}),
    };
    try {
      const partial = await runCheck(ruleSetOf(analysis), inputs, settings, { shard, workers });
      if (shard) {
        process.stdout.write(JSON.stringify(partial) + '\n');
        return 0;
      }
      const report = finalReport([{ report: partial, source: 'this run' }], { perImage });
      if (maps && !partial.files.some((f) => f.image)) {
        process.stderr.write('nesy check-predictions: no violation maps: --maps draws images, and these scores are samples × classes, not classes × height × width.\n');
      }
      if (json) process.stdout.write(JSON.stringify(report) + '\n');
      else process.stdout.write(formatReport(report, threshold));
      return report.rules.some((r) => r.violation_rate > 0) ? 1 : 0;
    } catch (e) {
      return fail((e as Error).message);
    }
  },
};
