// How much the NL->TL channel model helps, and how well its weight generalises, since the weight
// is chosen on the dev split it is reported on: lifted exact match with each weight of a small
// grid, then 5-fold cross-validation (the weight chosen on four fifths, scored on the fifth),
// over 5 seeded fold splits.
//   node --import tsx scripts/nl2tl-channel-cv.ts [training/work/nl2tl/styled/dev_lifted.jsonl] [--beams N]
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { astEqual, parseFormula } from '../src/languages/tl/api';
import { defaultModelsDir } from '../src/neural/modelFiles';
import { channelWeight, Nl2tlModel, rank } from '../src/neural/nl2tlModel';
import { folds } from './folds';

const weights = [0, 0.25, 0.5, 1, 2, 3, 4, 6, 8];

const text = (t: string | string[]) => (Array.isArray(t) ? t.join(' ') : t);
const pct = (x: number) => Math.round(x * 1000) / 10;

async function main(): Promise<void> {
  const { values, positionals } = parseArgs({ allowPositionals: true, options: { beams: { type: 'string' } } });
  const file = positionals[0] ?? 'training/work/nl2tl/styled/dev_lifted.jsonl';
  const beams = Number(values.beams ?? 4);
  const rows = fs
    .readFileSync(file, 'utf8')
    .split('\n')
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as { logic_sentence: string | string[]; logic_ltl: string | string[] });
  const model = await Nl2tlModel.load(path.join(defaultModelsDir(), 'nl2tl'), 'cpu');
  try {
    // hit[w][i]: 1 when weight w puts a formula equal to row i's gold first.
    const hit = weights.map(() => new Array<number>(rows.length).fill(0));
    let oracle = 0;
    for (let start = 0; start < rows.length; start += 32) {
      const batch = rows.slice(start, start + 32);
      const lists = await model.candidates(batch.map((r) => text(r.logic_sentence)), batch.map(() => 'nl2tl'), beams);
      lists.forEach((list, k) => {
        const gold = parseFormula(text(batch[k]!.logic_ltl));
        if (!gold.ok) return;
        const right = (formula: string) => {
          const p = parseFormula(formula);
          return p.ok && astEqual(p.formula, gold.formula);
        };
        if (list.some((c) => right(c.formula))) oracle++;
        weights.forEach((w, g) => (hit[g]![start + k] = right(rank(list, w)[0]?.formula ?? '') ? 1 : 0));
      });
    }
    const accuracy = (g: number, idx: readonly number[]) => idx.reduce((s, i) => s + hit[g]![i]!, 0) / idx.length;
    const best = (idx: readonly number[]) => weights.reduce((b, _, g) => (accuracy(g, idx) > accuracy(b, idx) + 1e-12 ? g : b), 0);
    const all = rows.map((_, i) => i);
    const splits = [1, 2, 3, 4, 5].map((seed) => {
      let right = 0;
      for (const fold of folds(rows.length, 5, seed)) {
        const held = new Set(fold);
        const g = best(all.filter((i) => !held.has(i)));
        right += fold.reduce((s, i) => s + hit[g]![i]!, 0);
      }
      return pct(right / rows.length);
    });
    process.stdout.write(
      `${JSON.stringify({
        n: rows.length,
        beams,
        oracle: pct(oracle / rows.length),
        // [weight, exact %] pairs: an object would list integer keys first.
        exact_by_weight: weights.map((w, g) => [w, pct(accuracy(g, all))]),
        shipped_weight: channelWeight,
        cross_validated: splits,
        cross_validated_mean: Math.round((splits.reduce((s, x) => s + x, 0) / splits.length) * 10) / 10,
      })}\n`,
    );
  } finally {
    await model.release();
  }
}

void main();
