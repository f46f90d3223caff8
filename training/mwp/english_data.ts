// Writes the English solver's training data: for every problem of train.csv, every candidate
// expression the runtime would consider (src/neural/english/candidates.ts) with its features
// (features.ts, the same code the runtime runs) and whether its value is the gold answer's.
//   node --import tsx training/mwp/english_data.ts [--max-ops 2]
// Output in training/work/mwp/english/: vocab.json (features seen in at least MIN_COUNT training
// problems), and per split (train, dev) int32 arrays: problem of each candidate, gold flag,
// feature offsets and feature ids; dev.json is the dev split in SVAMP's format for `nesy eval mwp`.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyse, candidateFeatures } from '../../src/neural/english/features';
import { defaultMaxOps, enumerate } from '../../src/neural/english/candidates';
import { readEnglish } from '../../src/neural/english/read';
import { englishFormulas } from '../../src/neural/english/formulas';
import { labellerExamples } from '../../src/neural/english/labeller';
import { goldPrefix } from './english_labels';
import { proposeFormulas } from './english_rules';
import { goldInfix, goldValue, readRows, type EnglishRow } from './english_rows';
import { syntheticRows } from './english_synthetic';
import { rng } from '../../bench/corpus';

const MIN_COUNT = 2;
/** Copies of each training problem with an irrelevant sentence (and its number) from another problem put into its body. */
const DISTRACTED_COPIES = Number(process.env.ENGLISH_DISTRACTED ?? 1);
/** Training problems keep at most this many candidates: every gold one, every one-operator one, and a seeded sample of the rest. */
const TRAIN_CAP = 100;
const out = path.join(__dirname, '..', 'work', 'mwp', 'english');
const maxOps = Number(process.argv[process.argv.indexOf('--max-ops') + 1] ?? defaultMaxOps) || defaultMaxOps;
/** --labeller-only: write only the labeller's silver labels (the ranker's data stays as it is). */
const labellerOnly = process.argv.includes('--labeller-only');

const sentences = (body: string) => body.split(/(?<=[.!?])\s+/).filter((x) => x.trim() !== '');

/**
 * SVAMP's "add irrelevant information": the same problem with a sentence from another problem of
 * the same split, holding one number, put somewhere into its body. The answer does not change, so
 * a solver that uses every number it sees is wrong on it.
 */
export function distract(rows: readonly EnglishRow[], seed: number): EnglishRow[] {
  const rand = rng(seed);
  const pool = rows.flatMap((r) => sentences(r.body).filter((x) => (x.match(/\d+(\.\d+)?/g) ?? []).length === 1 && !/\?/.test(x)).map((x) => ({ row: r.row, x })));
  return rows.map((r) => {
    let pick = pool[Math.floor(rand() * pool.length)]!;
    for (let k = 0; k < 5 && pick.row === r.row; k++) pick = pool[Math.floor(rand() * pool.length)]!;
    const parts = sentences(r.body);
    parts.splice(Math.floor(rand() * (parts.length + 1)), 0, pick.x);
    const body = parts.join(' ');
    return { ...r, body, text: `${body} ${r.ques}` };
  });
}

/**
 * The labeller's examples: every operator of the training problems' gold expressions, with the
 * formula the rules (english_rules.ts) propose for it: silver labels, never the hand-labelled dev.
 */
function writeLabeller(original: readonly EnglishRow[]): void {
  const silver: string[] = [];
  for (const row of original) {
    if (row.split !== 'train') continue;
    const prefix = goldPrefix(row);
    if (!prefix) continue;
    const a = analyse(readEnglish(row.text));
    const labels = proposeFormulas(a, prefix);
    for (const ex of labellerExamples(a, prefix)) silver.push(JSON.stringify({ op: ex.op, label: labels[ex.pos], features: ex.features }));
  }
  fs.mkdirSync(out, { recursive: true });
  fs.writeFileSync(path.join(out, 'labeller.jsonl'), silver.join('\n') + '\n');
  fs.writeFileSync(path.join(out, 'formulas.json'), JSON.stringify(englishFormulas));
  console.log(`labeller: ${silver.length} operators of training problems with silver labels`);
}

function main(): void {
  fs.mkdirSync(out, { recursive: true });
  const original = [...readRows(), ...(process.env.ENGLISH_SYNTHETIC === '0' ? [] : syntheticRows())];
  const train = original.filter((r) => r.split === 'train');
  const rows = [...original, ...Array.from({ length: DISTRACTED_COPIES }, (_, k) => distract(train, k + 1)).flat()];
  const features = (row: EnglishRow, index: number) => {
    const a = analyse(readEnglish(row.text));
    const gold = goldValue(row);
    let cands = enumerate(a, maxOps).map((c) => ({ c, gold: Math.abs(c.value - gold) <= 1e-6 * Math.max(1, Math.abs(gold)) }));
    if (row.split === 'train' && cands.length > TRAIN_CAP) {
      const rand = rng(index + 1);
      const keep = cands.filter((x) => x.gold || x.c.ops === 1);
      const rest = cands.filter((x) => !(x.gold || x.c.ops === 1)).map((x) => ({ x, r: rand() })).sort((p, q) => p.r - q.r).map((y) => y.x);
      cands = [...keep, ...rest.slice(0, Math.max(0, TRAIN_CAP - keep.length))];
    }
    return cands.map(({ c, gold: g }) => ({ features: candidateFeatures(a, c), gold: g }));
  };
  if (labellerOnly) {
    writeLabeller(original);
    return;
  }
  // Two passes, so the feature strings of every problem are never held at once: count, then write.
  const counts = new Map<string, number>();
  for (const [index, row] of rows.entries()) {
    if (row.split !== 'train') continue;
    const seen = new Set<string>();
    for (const c of features(row, index)) for (const f of c.features) seen.add(f);
    for (const f of seen) counts.set(f, (counts.get(f) ?? 0) + 1);
  }
  const vocab = [...counts.entries()].filter(([, n]) => n >= MIN_COUNT).map(([f]) => f).sort();
  counts.clear();
  const ids = new Map(vocab.map((f, i) => [f, i]));
  fs.writeFileSync(path.join(out, 'vocab.json'), JSON.stringify(vocab));
  for (const split of ['train', 'dev'] as const) {
    const chosen = [...rows.entries()].filter(([, r]) => r.split === split);
    const problem: number[] = [];
    const gold: number[] = [];
    const offsets: number[] = [0];
    const file = fs.openSync(path.join(out, `${split}.features.i32`), 'w');
    let written = 0;
    let reachable = 0;
    chosen.forEach(([index, row], i) => {
      const cands = features(row, index);
      if (cands.some((c) => c.gold)) reachable++;
      const buf: number[] = [];
      for (const c of cands) {
        problem.push(i);
        gold.push(c.gold ? 1 : 0);
        for (const f of c.features) {
          const id = ids.get(f);
          if (id !== undefined) buf.push(id);
        }
        offsets.push(written + buf.length);
      }
      fs.writeSync(file, Buffer.from(Int32Array.from(buf).buffer));
      written += buf.length;
    });
    fs.closeSync(file);
    const write = (name: string, xs: number[]) => fs.writeFileSync(path.join(out, `${split}.${name}.i32`), Buffer.from(Int32Array.from(xs).buffer));
    write('problem', problem);
    write('gold', gold);
    write('offsets', offsets);
    fs.writeFileSync(path.join(out, `${split}.rows.json`), JSON.stringify(chosen.map(([, r]) => r.row)));
    console.log(`${split}: ${chosen.length} problems, ${problem.length} candidates, ${written} feature occurrences, gold reachable for ${(100 * reachable / chosen.length).toFixed(1)}%`);
  }
  writeLabeller(original);
  // The dev split in SVAMP's format: `nesy eval mwp --data training/work/mwp/english/dev.json`.
  const svamp = (r: EnglishRow) => ({ ID: `row-${r.row}`, Body: r.body, Question: r.ques, Equation: goldInfix(r), Answer: goldValue(r) });
  const devRows = original.filter((r) => r.split === 'dev');
  fs.writeFileSync(path.join(out, 'dev.json'), JSON.stringify(devRows.map(svamp), null, 1));
  // The dev problems with an irrelevant sentence from another dev problem: a check of robustness only.
  fs.writeFileSync(path.join(out, 'dev-distracted.json'), JSON.stringify(distract(devRows, 1000).map(svamp), null, 1));
  console.log(`vocab: ${vocab.length} features; dev in SVAMP format: ${path.join(out, 'dev.json')}`);
}

main();
