// Calibrates the MWP model's confidence on the dev splits and measures how well it is calibrated.
//   node --import tsx scripts/mwp-calibration.ts [--write]
// English problems (the English solver; dev: training/work/mwp/english/dev.json and its copy with an
// irrelevant sentence added, dev-distracted.json): temperature scaling of the ranker's softmax, the
// confidence being the probability of the chosen value summed over its expressions. Chinese problems
// (the seq2seq model; dev: training/work/mwp/dev.json, InterMWP): Platt scaling of the logarithm of the
// model's probability of the chosen expression. Each is fitted by the log-loss of "the answer is right",
// and what the model card reports is 5-fold cross-validated (fitted on four fifths, measured on the
// fifth): expected calibration error over 10 equal-width bins, the reliability diagram's bins, and how
// often answers below and above the low-confidence line (0.5) are right.
// --write stores the parameters fitted on all of dev: `temperature` in models/mwp/english.json and
// models/mwp/calibration.json for the Chinese path. training/work/mwp/calibration.json gets the figures
// (training/mwp/reliability.py draws them).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkRows, isSvamp, problemText, type InterMwpRow, type SvampRow } from '../src/cli/eval/mwpRows';
import { marks } from '../src/cli/eval/mwp';
import { sameValue } from '../src/languages/mwp/arith';
import { LOW_CONFIDENCE } from '../src/languages/mwp/explain';
import { numberValue } from '../src/languages/mwp/masking';
import Fraction from 'fraction.js';
import { defaultModelsDir } from '../src/neural/modelFiles';
import { MwpModel } from '../src/neural/mwp';
import { EnglishSolver } from '../src/neural/english/solver';
import { folds } from './folds';

const root = path.join(__dirname, '..');
const work = path.join(root, 'training', 'work', 'mwp');
const BINS = 10;

interface Point {
  /** Right (1) or wrong (0). */
  y: number;
  /** What the calibration maps to a confidence. */
  x: number[];
}

const clamp = (p: number) => Math.min(1 - 1e-6, Math.max(1e-6, p));
const logLoss = (ps: readonly number[], ys: readonly number[]) => -ps.reduce((s, p, i) => s + (ys[i] ? Math.log(clamp(p)) : Math.log(1 - clamp(p))), 0) / ps.length;

/** Expected calibration error and the diagram's bins (count, mean confidence, accuracy). */
function reliability(ps: readonly number[], ys: readonly number[]) {
  const bins = Array.from({ length: BINS }, () => ({ n: 0, conf: 0, acc: 0 }));
  ps.forEach((p, i) => {
    const b = bins[Math.min(BINS - 1, Math.floor(p * BINS))]!;
    b.n++;
    b.conf += p;
    b.acc += ys[i]!;
  });
  let ece = 0;
  for (const b of bins) {
    if (b.n) ece += (b.n / ps.length) * Math.abs(b.acc / b.n - b.conf / b.n);
  }
  const low = ps.map((p, i) => [p, ys[i]!] as const).filter(([p]) => p < LOW_CONFIDENCE);
  const high = ps.map((p, i) => [p, ys[i]!] as const).filter(([p]) => p >= LOW_CONFIDENCE);
  const rate = (xs: readonly (readonly [number, number])[]) => (xs.length ? xs.reduce((s, [, y]) => s + y, 0) / xs.length : NaN);
  return {
    n: ps.length,
    accuracy: ys.reduce((s, y) => s + y, 0) / ys.length,
    ece,
    logLoss: logLoss(ps, ys),
    low: { n: low.length, accuracy: rate(low) },
    high: { n: high.length, accuracy: rate(high) },
    bins: bins.map((b) => ({ n: b.n, confidence: b.n ? b.conf / b.n : null, accuracy: b.n ? b.acc / b.n : null })),
  };
}

/** A one-parameter-family fit by grid search (a grid is plenty for one or two parameters). */
function fit<P>(grid: readonly P[], predict: (p: P, x: number[]) => number, points: readonly Point[]): P {
  let best: P = grid[0]!;
  let bestLoss = Infinity;
  for (const g of grid) {
    const loss = logLoss(points.map((pt) => predict(g, pt.x)), points.map((pt) => pt.y));
    if (loss < bestLoss - 1e-12) [best, bestLoss] = [g, loss];
  }
  return best;
}

function crossValidated<P>(grid: readonly P[], predict: (p: P, x: number[]) => number, points: readonly Point[]) {
  const ps = new Array<number>(points.length);
  for (const fold of folds(points.length, 5, 1)) {
    const held = new Set(fold);
    const p = fit(grid, predict, points.filter((_, i) => !held.has(i)));
    for (const i of fold) ps[i] = predict(p, points[i]!.x);
  }
  return ps;
}

/** English: x = the candidates' scores (first the chosen value's, then the others, with a value-group id). */
interface EnglishPoint extends Point {
  scores: number[];
  chosen: boolean[];
}

function englishPoints(solver: EnglishSolver, rows: readonly SvampRow[]): EnglishPoint[] {
  return rows.map((row) => {
    const s = solver.solve(problemText(row));
    const gold = typeof row.Answer === 'number' ? new Fraction(row.Answer) : numberValue(String(row.Answer))!;
    const y = s.value && sameValue(s.value, gold) ? 1 : 0;
    const chosenValue = s.value?.valueOf();
    const chosen = s.candidates.map((c) => chosenValue !== undefined && Math.abs(c.value - chosenValue) <= 1e-9 * Math.max(1, Math.abs(chosenValue)));
    return { y, x: [], scores: s.candidates.map((c) => c.score), chosen };
  });
}

function temperatureProbability(t: number, p: EnglishPoint): number {
  if (p.scores.length === 0) return 0;
  const top = Math.max(...p.scores);
  let mass = 0;
  let total = 0;
  p.scores.forEach((s, i) => {
    const m = Math.exp((s - top) / t);
    total += m;
    if (p.chosen[i]) mass += m;
  });
  return mass / total;
}

async function main(): Promise<void> {
  const write = process.argv.includes('--write');
  const models = defaultModelsDir();
  const englishFile = path.join(models, 'mwp', 'english.json');
  const solver = EnglishSolver.load(englishFile);
  const load = (f: string) => checkRows(JSON.parse(fs.readFileSync(path.join(work, f), 'utf8')));
  const dev = load(path.join('english', 'dev.json')).filter(isSvamp);
  const distracted = load(path.join('english', 'dev-distracted.json')).filter(isSvamp);
  const temperatures = Array.from({ length: 60 }, (_, i) => Math.round((0.25 + i * 0.05) * 100) / 100);
  // Fitted on dev and its distracted copy together: SVAMP-like problems are harder than MAWPS ones,
  // and a temperature fitted on the easy ones alone would be overconfident on them.
  const points = [...englishPoints(solver, dev), ...englishPoints(solver, distracted)];
  const wrap = points.map((p) => ({ ...p, x: [points.indexOf(p)] }));
  const predict = (t: number, x: number[]) => temperatureProbability(t, points[x[0]!]!);
  const cvEnglish = crossValidated(temperatures, predict, wrap);
  const tAll = fit(temperatures, predict, wrap);
  const half = dev.length;
  const ys = points.map((p) => p.y);
  const english = {
    temperature: tAll,
    raw: reliability(points.map((p) => temperatureProbability(1, p)), ys),
    crossValidated: reliability(cvEnglish, ys),
    crossValidatedDev: reliability(cvEnglish.slice(0, half), ys.slice(0, half)),
    crossValidatedDistracted: reliability(cvEnglish.slice(half), ys.slice(half)),
  };

  // Chinese: the seq2seq path on InterMWP dev.
  const model = await MwpModel.load(models, 'cpu');
  let chinese: Record<string, unknown> | undefined;
  let platt: { a: number; b: number } | undefined;
  try {
    const interFile = path.join(work, 'dev.json');
    if (fs.existsSync(interFile)) {
      const rows = load('dev.json').filter((r): r is InterMwpRow => !isSvamp(r));
      const cpoints: Point[] = [];
      for (const row of rows) {
        const r = await model.interpret(row.original_text);
        cpoints.push({ y: marks(row, r).answer, x: [Math.log(Math.max(1e-6, r.rawConfidence))] });
      }
      const grid: { a: number; b: number }[] = [];
      for (let a = 0; a <= 1.5001; a += 0.05) for (let b = -2; b <= 3.0001; b += 0.1) grid.push({ a: Math.round(a * 100) / 100, b: Math.round(b * 100) / 100 });
      const sigmoid = (z: number) => 1 / (1 + Math.exp(-z));
      const predictC = (p: { a: number; b: number }, x: number[]) => sigmoid(p.a * x[0]! + p.b);
      platt = fit(grid, predictC, cpoints);
      const cy = cpoints.map((p) => p.y);
      chinese = {
        platt,
        raw: reliability(cpoints.map((p) => Math.exp(p.x[0]!)), cy),
        crossValidated: reliability(crossValidated(grid, predictC, cpoints), cy),
      };
    }
  } finally {
    await model.close();
  }
  const report = { english, chinese };
  fs.mkdirSync(work, { recursive: true });
  fs.writeFileSync(path.join(work, 'calibration.json'), JSON.stringify(report, null, 1));
  const brief = (r: ReturnType<typeof reliability>) => ({ n: r.n, accuracy: +r.accuracy.toFixed(4), ece: +r.ece.toFixed(4), low: r.low, high: r.high });
  console.log(JSON.stringify({
    english: { temperature: tAll, raw: brief(english.raw), crossValidated: brief(english.crossValidated), dev: brief(english.crossValidatedDev), distracted: brief(english.crossValidatedDistracted) },
    chinese: chinese && { platt, raw: brief(chinese.raw as ReturnType<typeof reliability>), crossValidated: brief(chinese.crossValidated as ReturnType<typeof reliability>) },
  }, null, 1));
  if (write) {
    const f = JSON.parse(fs.readFileSync(englishFile, 'utf8')) as Record<string, unknown>;
    f.temperature = tAll;
    fs.writeFileSync(englishFile, JSON.stringify(f));
    if (platt) fs.writeFileSync(path.join(models, 'mwp', 'calibration.json'), JSON.stringify({ format: 1, platt, note: 'confidence = sigmoid(a * ln(p) + b), p the model\'s probability of the chosen expression; fitted by scripts/mwp-calibration.ts on the InterMWP dev split' }, null, 1) + '\n');
  }
}

void main();
