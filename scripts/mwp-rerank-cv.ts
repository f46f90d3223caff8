// How well the MWP rerank weights generalise, since they were chosen on the dev split they are
// reported on: 5-fold cross-validation over the dev problems, each fold's weights chosen on the other
// four fifths from the same grid (by answer + logic accuracy), repeated over 5 random fold splits.
//   node --import tsx scripts/mwp-rerank-cv.ts [training/work/mwp/dev.json]
// Prints JSON: the grid's best weights on all of dev with their accuracies, and the cross-validated
// accuracies per split and on average.
import * as fs from 'node:fs';
import { marks, type RowScore } from '../src/cli/eval/mwp';
import type { InterMwpRow as Row } from '../src/cli/eval/mwpRows';
import { defaultModelsDir } from '../src/neural/modelFiles';
import { MwpModel, type CandidateSet } from '../src/neural/mwp';
import { rerankWeights, type RerankWeights } from '../src/neural/mwpRerank';
import { folds } from './folds';

const grid: RerankWeights[] = [];
for (const logprob of [0.25, 0.5, 1]) {
  for (const neighbourVote of [0, 0.25, 0.5, 1]) {
    for (const nearestNeighbour of [0, 0.5, 1]) {
      for (const shape of [0.25, 0.5, 1]) grid.push({ ...rerankWeights, logprob, neighbourVote, nearestNeighbour, shape });
    }
  }
}

const mean = (xs: readonly number[]) => xs.reduce((s, x) => s + x, 0) / xs.length;
const round = (x: number) => Math.round(x * 1000) / 10;

async function main(): Promise<void> {
  const rows = JSON.parse(fs.readFileSync(process.argv[2] ?? 'training/work/mwp/dev.json', 'utf8')) as Row[];
  const model = await MwpModel.load(defaultModelsDir(), 'cpu');
  try {
    const sets: CandidateSet[] = [];
    for (const row of rows) sets.push((await model.candidates([row.original_text]))[0]!);
    // marks[g][i]: grid point g on problem i.
    const table: RowScore[][] = grid.map((w) => sets.map((set, i) => marks(rows[i]!, model.conclude(set, w))));
    const accuracy = (g: number, idx: readonly number[]) => ({
      answer: mean(idx.map((i) => table[g]![i]!.answer)),
      formula: mean(idx.map((i) => table[g]![i]!.formula)),
      logic: mean(idx.map((i) => table[g]![i]!.logic)),
    });
    const best = (idx: readonly number[]) => {
      let pick = 0;
      let top = -1;
      grid.forEach((_, g) => {
        const a = accuracy(g, idx);
        if (a.answer + a.logic > top + 1e-12) [pick, top] = [g, a.answer + a.logic];
      });
      return pick;
    };
    const all = rows.map((_, i) => i);
    const splits = [1, 2, 3, 4, 5].map((seed) => {
      const held = folds(rows.length, 5, seed);
      const hits = { answer: 0, formula: 0, logic: 0 };
      for (const fold of held) {
        const inFold = new Set(fold);
        const g = best(all.filter((i) => !inFold.has(i)));
        for (const i of fold) {
          hits.answer += table[g]![i]!.answer;
          hits.formula += table[g]![i]!.formula;
          hits.logic += table[g]![i]!.logic;
        }
      }
      return { answer: round(hits.answer / rows.length), formula: round(hits.formula / rows.length), logic: round(hits.logic / rows.length) };
    });
    const g = best(all);
    const onAll = accuracy(g, all);
    const shipped = grid.findIndex((w) => JSON.stringify(w) === JSON.stringify(rerankWeights));
    process.stdout.write(
      `${JSON.stringify({
        n: rows.length,
        grid: grid.length,
        best_on_dev: { weights: grid[g], answer: round(onAll.answer), formula: round(onAll.formula), logic: round(onAll.logic) },
        shipped_on_dev: shipped < 0 ? null : Object.fromEntries(Object.entries(accuracy(shipped, all)).map(([k, v]) => [k, round(v)])),
        cross_validated: splits,
        cross_validated_mean: {
          answer: round(mean(splits.map((s) => s.answer)) / 100),
          formula: round(mean(splits.map((s) => s.formula)) / 100),
          logic: round(mean(splits.map((s) => s.logic)) / 100),
        },
      })}\n`,
    );
  } finally {
    await model.close();
  }
}

void main();
