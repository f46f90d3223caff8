// Calibrates the NL->TL confidence (src/neural/requirements/confidence.ts) on our own dev sets and
// writes models/nl2tl/confidence.json: for each evidence bucket, the share of right translations
// (add-one smoothed). Prints the buckets, and the expected calibration error (10 equal-width bins)
// both in-sample and 5-fold cross-validated (buckets fitted on four fifths, scored on the fifth).
//   node --import tsx scripts/nl2tl-confidence.ts [--requirements FILE] [--helpers FILE] [--navi FILE] [--lifted FILE] [--write]
// Its inputs are our dev splits only: test/data/nl2tl-requirements/dev.jsonl, the sentences independent
// writers wrote for us (helper-sentences.jsonl there), and the navigation held-out slice and lifted dev
// split that training/nl2tl/prepare.py writes.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { parseFormula, structEqual } from '../src/languages/tl/api';
import { defaultModelsDir } from '../src/neural/modelFiles';
import { bucketOf } from '../src/neural/requirements/confidence';
import { Translator } from '../src/neural/translator';
import { folds } from './folds';

interface Row {
  sentence: string;
  gold: string;
  /** Whether the gold is over prop_i names (compare the lifted formula) or grounded names. */
  lifted: boolean;
  set: string;
}

const text = (t: string | string[]) => (Array.isArray(t) ? t.join(' ') : t);
const lines = (file: string) => (fs.existsSync(file) ? fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as Record<string, string | string[]>) : []);

function rows(files: { requirements: string; helpers: string; navi: string; lifted: string }): Row[] {
  return [
    ...lines(files.requirements).map((r) => ({ sentence: text(r['sentence']!), gold: text(r['ltl']!), lifted: false, set: 'requirements' })),
    ...lines(files.helpers).map((r) => ({ sentence: text(r['sentence']!), gold: text(r['ltl']!), lifted: false, set: 'helpers' })),
    ...lines(files.navi).map((r) => ({ sentence: text(r['sentence']!), gold: text(r['logic_ltl']!), lifted: true, set: 'navigation' })),
    ...lines(files.lifted).map((r) => ({ sentence: text(r['logic_sentence']!), gold: text(r['logic_ltl']!), lifted: true, set: 'lifted' })),
  ];
}

function fit(samples: { bucket: string; right: boolean }[]): Record<string, number> {
  const counts = new Map<string, [number, number]>();
  for (const s of samples) {
    const c = counts.get(s.bucket) ?? [0, 0];
    c[0] += s.right ? 1 : 0;
    c[1] += 1;
    counts.set(s.bucket, c);
  }
  return Object.fromEntries([...counts].sort().map(([b, [right, n]]) => [b, Math.round(((right + 1) / (n + 2)) * 1000) / 1000]));
}

/** Expected calibration error over 10 equal-width confidence bins. */
function ece(scored: { p: number; right: boolean }[]): number {
  const bins = Array.from({ length: 10 }, () => ({ n: 0, p: 0, right: 0 }));
  for (const s of scored) {
    const b = bins[Math.min(9, Math.floor(s.p * 10))]!;
    b.n++;
    b.p += s.p;
    b.right += s.right ? 1 : 0;
  }
  return bins.reduce((sum, b) => sum + (b.n === 0 ? 0 : (b.n / scored.length) * Math.abs(b.p / b.n - b.right / b.n)), 0);
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { requirements: { type: 'string' }, helpers: { type: 'string' }, navi: { type: 'string' }, lifted: { type: 'string' }, write: { type: 'boolean' } },
  });
  const data = rows({
    requirements: values.requirements ?? 'test/data/nl2tl-requirements/dev.jsonl',
    helpers: values.helpers ?? 'test/data/nl2tl-requirements/helper-sentences.jsonl',
    navi: values.navi ?? 'training/work/nl2tl/styled/navi_heldout.jsonl',
    lifted: values.lifted ?? 'training/work/nl2tl/styled/dev_lifted.jsonl',
  });
  const translator = await Translator.load(defaultModelsDir(), 'cpu');
  const samples: { bucket: string; right: boolean; set: string }[] = [];
  try {
    for (let start = 0; start < data.length; start += 32) {
      const batch = data.slice(start, start + 32);
      const results = await translator.translate(batch.map((r) => ({ sentence: r.sentence })));
      results.forEach((result, k) => {
        const row = batch[k]!;
        const gold = parseFormula(row.gold.replace(/(^|\( )- /g, '$1! '));
        if (!gold.ok || result instanceof Error) return;
        const pred = parseFormula(row.lifted ? result.best.lifted : result.best.formula);
        samples.push({ bucket: bucketOf(result.evidence), right: pred.ok && structEqual(pred.formula, gold.formula), set: row.set });
      });
    }
  } finally {
    await translator.release();
  }
  const buckets = fit(samples);
  const inSample = ece(samples.map((s) => ({ p: buckets[s.bucket]!, right: s.right })));
  const crossValidated: { p: number; right: boolean }[] = [];
  for (const test of folds(samples.length, 5, 1)) {
    const held = new Set(test);
    const table = fit(samples.filter((_, i) => !held.has(i)));
    for (const i of test) crossValidated.push({ p: table[samples[i]!.bucket] ?? 0.5, right: samples[i]!.right });
  }
  const perBucket = Object.fromEntries(Object.keys(buckets).map((b) => [b, samples.filter((s) => s.bucket === b).length]));
  const perSet = Object.fromEntries(['requirements', 'helpers', 'navigation', 'lifted'].map((set) => [set, samples.filter((s) => s.set === set).length]));
  // What "uncertain" means: how often the translations on each side of the threshold are right (cross-validated).
  const side = (uncertain: boolean) => {
    const rows = crossValidated.filter((s) => s.p < 0.5 === uncertain);
    return { n: rows.length, right: Math.round((rows.filter((s) => s.right).length / Math.max(1, rows.length)) * 1000) / 1000 };
  };
  const r3 = (x: number) => Math.round(x * 1000) / 1000;
  console.log(JSON.stringify({ rows: samples.length, perSet, buckets, perBucket, ece_in_sample: r3(inSample), ece_cv5: r3(ece(crossValidated)), certain_cv5: side(false), uncertain_cv5: side(true) }, null, 1));
  if (values.write) {
    const file = path.join(defaultModelsDir(), 'nl2tl', 'confidence.json');
    fs.writeFileSync(file, JSON.stringify({ buckets, uncertainBelow: 0.5 }, null, 1) + '\n');
    console.log(`wrote ${file}`);
  }
}

main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
