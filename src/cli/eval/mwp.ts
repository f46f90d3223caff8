// `nesy eval mwp --data FILE.json`: LogicSolver's three accuracies on InterMWP-format data.
//   answer:  the expression's value equals the gold value;
//   formula: the prefix expression equals one of the gold trees (test_full.json lists several);
//   logic:   it equals a gold tree and the formula at every operator equals that tree's label.
import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import Fraction from 'fraction.js';
import { evaluate, prefixToTree, sameValue } from '../../languages/mwp/arith';
import { numberValue } from '../../languages/mwp/masking';
import { defaultModelsDir } from '../../neural/modelFiles';
import { defaultMwpBeams, MwpModel, type MwpInterpretation } from '../../neural/mwp';
import { executionProviderOption, positiveInt } from '../commands/translate';
import { defaultWorkers, runCorpus, type CorpusJob, type CorpusRunner } from '../corpus';
import type { EvalTask } from './index';

interface GoldNode {
  op: string;
  logic: number;
  left: GoldNode | Record<string, never>;
  right: GoldNode | Record<string, never>;
}

export interface Row {
  original_text: string;
  nums: string;
  output_prefix?: string;
  interpretation: GoldNode | GoldNode[];
}

/** A gold tree as prefix tokens and as prefix formula labels (0 = common sense; leaves -1). */
function goldSequences(node: GoldNode): { tokens: string[]; labels: number[] } {
  if (!('op' in node.left)) return { tokens: [node.op], labels: [-1] };
  const l = goldSequences(node.left as GoldNode);
  const r = goldSequences(node.right as GoldNode);
  return { tokens: [node.op, ...l.tokens, ...r.tokens], labels: [node.logic, ...l.labels, ...r.labels] };
}

function valueOf(tokens: string[], nums: readonly string[]): Fraction | undefined {
  const tree = prefixToTree(tokens);
  if (!tree) return undefined;
  try {
    return evaluate(tree, (t) => (/^N\d+$/.test(t) ? (nums[Number(t.slice(1))] === undefined ? undefined : numberValue(nums[Number(t.slice(1))])) : numberValue(t)));
  } catch {
    return undefined;
  }
}

/** Our N<i> follow our own number extraction; gold N<j> follow the row's `nums`. */
function toGoldIndex(ours: readonly string[], gold: readonly string[]): (token: string) => string {
  return (token) => {
    if (!/^N\d+$/.test(token)) return token;
    const i = Number(token.slice(1));
    if (gold[i] === ours[i]) return token;
    const same = gold.indexOf(ours[i]);
    if (same >= 0) return `N${same}`;
    const v = numberValue(ours[i]);
    const byValue = v ? gold.findIndex((g) => numberValue(g)?.equals(v)) : -1;
    return byValue >= 0 ? `N${byValue}` : `unmatched:${ours[i]}`;
  };
}

/** One problem's marks (1 or 0) and its model time, computed in the thread that interpreted it. */
export interface RowScore {
  answer: number;
  formula: number;
  logic: number;
  ms: number;
}

async function scoreRow(model: MwpModel, row: Row, beams: number): Promise<RowScore> {
  return marks(model, row, await model.interpret(row.original_text, beams));
}

/** LogicSolver's three marks for one interpretation of a row. */
export function marks(model: MwpModel, row: Row, r: MwpInterpretation): RowScore {
  const nums = row.nums.split(/\s+/).filter(Boolean);
  const golds = (Array.isArray(row.interpretation) ? row.interpretation : [row.interpretation]).map(goldSequences);
  const goldValue = valueOf(row.output_prefix ? row.output_prefix.split(/\s+/) : golds[0].tokens, nums);
  const map = toGoldIndex(r.numbers, nums);
  const tokens = r.target.map((t) => map(model.meta.out_op[t] ?? t));
  const labels = r.target.map((t) => (t.startsWith('F') ? Number(t.slice(1)) : model.meta.out_op[t] ? 0 : -1));
  const predValue = valueOf(tokens, nums);
  const sameTree = golds.filter((g) => g.tokens.join(' ') === tokens.join(' '));
  return {
    answer: goldValue && predValue && sameValue(goldValue, predValue) ? 1 : 0,
    formula: sameTree.length > 0 ? 1 : 0,
    logic: sameTree.some((g) => g.labels.every((l, i) => l === labels[i])) ? 1 : 0,
    ms: r.ms,
  };
}

/**
 * The worker thread's side (src/cli/corpusWorker.ts). Problems are interpreted one at a time, as
 * `nesy mwp` does, so a batch here only saves messages and the scores match a one-thread run.
 */
export async function mwpRunner(job: CorpusJob): Promise<CorpusRunner<Row, RowScore>> {
  const model = await MwpModel.load(job.modelsDir, job.ep);
  return {
    ep: model.ep,
    note: model.note,
    async run(rows) {
      const scores: RowScore[] = [];
      for (const row of rows) scores.push(await scoreRow(model, row, job.beams));
      return scores;
    },
  };
}

export const mwpEval: EvalTask = {
  name: 'mwp',
  usage: [
    'nesy eval mwp --data FILE.json [--limit N] [--beams N] [--ep auto|cpu|webgpu|cuda] [--models DIR] [--workers N]',
    '  InterMWP format (a JSON list with original_text, nums, output_prefix, interpretation).',
    '  Prints {n, answer_acc, formula_acc, logic_acc, ms_per_item, ms_median, ep, workers, rows_per_s}.',
    '  Problems run on --workers threads (default one per core); ms_per_item is model time per problem',
    '  in its thread, rows_per_s the whole run\'s throughput. A progress bar goes to stderr on a terminal.',
  ].join('\n'),
  async run(args) {
    let values;
    let limit: number;
    let beams: number;
    let ep;
    let workers: number;
    try {
      ({ values } = parseArgs({
        args,
        options: { data: { type: 'string' }, limit: { type: 'string' }, ep: { type: 'string' }, models: { type: 'string' }, beams: { type: 'string' }, workers: { type: 'string' } },
      }));
      limit = positiveInt(values.limit, Number.MAX_SAFE_INTEGER, '--limit');
      beams = positiveInt(values.beams, defaultMwpBeams, '--beams');
      ep = executionProviderOption(values.ep, 'eval mwp');
      workers = positiveInt(values.workers, defaultWorkers(), '--workers');
    } catch (e) {
      process.stderr.write(`nesy eval mwp: ${(e as Error).message}\n`);
      return 2;
    }
    if (!values.data) {
      process.stderr.write('nesy eval mwp: give --data FILE.json (InterMWP format)\n');
      return 2;
    }
    let rows: Row[];
    try {
      rows = JSON.parse(fs.readFileSync(values.data, 'utf8')) as Row[];
      if (!Array.isArray(rows)) throw new Error('not a JSON list');
    } catch (e) {
      process.stderr.write(`nesy eval mwp: cannot read ${values.data}: ${(e as Error).message}\n`);
      return 2;
    }
    rows = rows.slice(0, limit);
    const job: CorpusJob = { task: 'mwp-eval', ep, modelsDir: values.models ?? defaultModelsDir(), beams };
    const run = await runCorpus<Row, RowScore>(job, rows, { workers, label: 'nesy eval mwp' });
    for (const note of run.notes) process.stderr.write(`nesy eval: ${note}\n`);
    const scores = run.values;
    const n = rows.length;
    const sum = (key: keyof RowScore) => scores.reduce((s, r) => s + r[key], 0);
    const sorted = scores.map((s) => s.ms).sort((a, b) => a - b);
    const round = (x: number) => Math.round(x * 10000) / 10000;
    process.stdout.write(JSON.stringify({
      n,
      answer_acc: round(n ? sum('answer') / n : 0),
      formula_acc: round(n ? sum('formula') / n : 0),
      logic_acc: round(n ? sum('logic') / n : 0),
      ms_per_item: round(n ? sum('ms') / n : 0),
      ms_median: n ? sorted[Math.floor(n / 2)] : 0,
      ep: run.ep,
      workers: run.workers,
      rows_per_s: round((n * 1000) / Math.max(1, run.ms)),
    }) + '\n');
    return 0;
  },
};
