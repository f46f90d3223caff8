// `nesy eval mwp --data FILE.json`: LogicSolver's three accuracies on InterMWP-format data, and the
// same on SVAMP-format data (mwpRows.ts tells the two apart by their fields):
//   answer:  the expression's value equals the gold value;
//   formula: the prefix expression equals one of the gold trees (test_full.json lists several); for
//            SVAMP rows, the expression equals Equation up to the order of the operands of + and ×;
//   logic:   it equals a gold tree and the formula at every operator equals that tree's label (SVAMP
//            rows: only when they give Formulas).
import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import { sameValue } from '../../languages/mwp/arith';
import { answerValue } from '../../languages/mwp/checks';
import { numberValue } from '../../languages/mwp/masking';
import { defaultModelsDir } from '../../neural/modelFiles';
import { defaultMwpBeams, MwpModel, type MwpInterpretation } from '../../neural/mwp';
import { executionProviderOption, positiveInt } from '../commands/translate';
import { defaultWorkers, runCorpus, type CorpusJob, type CorpusRunner } from '../corpus';
import type { EvalTask } from './index';
import { checkRows, isSvamp, prefixValue, problemText, rowHas, RowError, svampMarks, type GoldNode, type Marks, type Row } from './mwpRows';
export type { Row } from './mwpRows';

/** A gold tree as prefix tokens and as prefix formula labels (0 = common sense; leaves -1). */
function goldSequences(node: GoldNode): { tokens: string[]; labels: number[] } {
  if (!('op' in node.left)) return { tokens: [node.op], labels: [-1] };
  const l = goldSequences(node.left as GoldNode);
  const r = goldSequences(node.right as GoldNode);
  return { tokens: [node.op, ...l.tokens, ...r.tokens], labels: [node.logic, ...l.labels, ...r.labels] };
}

/** Our N<i> follow our own number extraction; gold N<j> follow the row's `nums`. */
function toGoldIndex(ours: readonly string[], gold: readonly string[]): (token: string) => string {
  return (token) => {
    if (!/^N\d+$/.test(token)) return token;
    const i = Number(token.slice(1));
    if (gold[i] === ours[i]) return token;
    const same = gold.indexOf(ours[i]!);
    if (same >= 0) return `N${same}`;
    const v = numberValue(ours[i]!);
    const byValue = v ? gold.findIndex((g) => numberValue(g)?.equals(v)) : -1;
    return byValue >= 0 ? `N${byValue}` : `unmatched:${ours[i]}`;
  };
}

/** One problem's marks (1 or 0) and its model time, computed in the thread that interpreted it. */
export interface RowScore extends Marks {
  ms: number;
  answer_given: string;
  confidence: number;
}

async function scoreRow(model: MwpModel, row: Row, beams: number): Promise<RowScore> {
  return marks(row, await model.interpret(problemText(row), beams));
}

/** The marks for one interpretation of a row: LogicSolver's three for InterMWP rows, svampMarks for SVAMP rows. */
export function marks(row: Row, r: MwpInterpretation): RowScore {
  if (isSvamp(row)) {
    const literal = (t: string) => (/^N\d+$/.test(t) ? r.numbers[Number(t.slice(1))] ?? t : t);
    return { ...svampMarks(row, { answer: answerValue(r.answer), prefix: r.structure.map(literal), labels: r.labels }), ms: r.ms, answer_given: r.answer, confidence: r.confidence };
  }
  const nums = row.nums.split(/\s+/).filter(Boolean);
  const golds = (Array.isArray(row.interpretation) ? row.interpretation : [row.interpretation]).map(goldSequences);
  const goldValue = prefixValue(row.output_prefix ? row.output_prefix.split(/\s+/) : golds[0]!.tokens, nums);
  const map = toGoldIndex(r.numbers, nums);
  const tokens = r.structure.map(map);
  const predValue = prefixValue(tokens, nums);
  const sameTree = golds.filter((g) => g.tokens.join(' ') === tokens.join(' '));
  return {
    answer: goldValue && predValue && sameValue(goldValue, predValue) ? 1 : 0,
    formula: sameTree.length > 0 ? 1 : 0,
    logic: sameTree.some((g) => g.labels.every((l, i) => l === r.labels[i])) ? 1 : 0,
    ms: r.ms,
    answer_given: r.answer,
    confidence: r.confidence,
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
    'nesy eval mwp --data FILE.json [--limit N] [--beams N] [--ep auto|cpu|webgpu|cuda] [--models DIR] [--workers N] [--per-row OUT.jsonl]',
    '  A JSON list of problems in InterMWP format (original_text, nums, output_prefix, interpretation) or in',
    '  SVAMP\'s (Body, Question, Answer, and optionally Equation and Formulas), told apart by their fields.',
    '  Prints {n, answer_acc, formula_acc, logic_acc, ms_per_item, ms_median, ep, workers, rows_per_s}:',
    '  formula_acc only when every row has a gold expression (SVAMP: Equation, compared up to the order',
    '  of the operands of + and ×), logic_acc only when every row has formula labels (SVAMP: Formulas).',
    '  --per-row writes each row\'s marks, answer and confidence as JSON lines.',
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
        options: { data: { type: 'string' }, limit: { type: 'string' }, ep: { type: 'string' }, models: { type: 'string' }, beams: { type: 'string' }, workers: { type: 'string' }, 'per-row': { type: 'string' } },
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
      process.stderr.write('nesy eval mwp: give --data FILE.json (InterMWP or SVAMP format)\n');
      return 2;
    }
    let data: unknown;
    try {
      data = JSON.parse(fs.readFileSync(values.data, 'utf8'));
    } catch (e) {
      process.stderr.write(`nesy eval mwp: cannot read ${values.data}: ${(e as Error).message}\n`);
      return 2;
    }
    let rows: Row[];
    try {
      rows = checkRows(data).slice(0, limit);
    } catch (e) {
      if (!(e instanceof RowError)) throw e;
      process.stderr.write(`nesy eval mwp: ${values.data}: ${e.message}\n`);
      return 2;
    }
    const job: CorpusJob = { task: 'mwp-eval', ep, modelsDir: values.models ?? defaultModelsDir(), beams };
    const run = await runCorpus<Row, RowScore>(job, rows, { workers, label: 'nesy eval mwp' });
    for (const note of run.notes) process.stderr.write(`nesy eval: ${note}\n`);
    const scores = run.values;
    const n = rows.length;
    const sum = (key: 'answer' | 'formula' | 'logic' | 'ms') => scores.reduce((s, r) => s + r[key], 0);
    const sorted = scores.map((s) => s.ms).sort((a, b) => a - b);
    const round = (x: number) => Math.round(x * 10000) / 10000;
    // formula_acc and logic_acc only where every row has what they need (SVAMP rows: Equation, Formulas).
    const has = rows.map(rowHas);
    const out: Record<string, unknown> = { n, answer_acc: round(n ? sum('answer') / n : 0) };
    if (has.every((h) => h.formula)) out.formula_acc = round(n ? sum('formula') / n : 0);
    if (has.every((h) => h.logic)) out.logic_acc = round(n ? sum('logic') / n : 0);
    Object.assign(out, {
      ms_per_item: round(n ? sum('ms') / n : 0),
      ms_median: n ? sorted[Math.floor(n / 2)] : 0,
      ep: run.ep,
      workers: run.workers,
      rows_per_s: round((n * 1000) / Math.max(1, run.ms)),
    });
    if (values['per-row']) {
      fs.writeFileSync(values['per-row'], scores.map((s, i) => JSON.stringify({ row: i + 1, ...s })).join('\n') + '\n');
    }
    process.stdout.write(JSON.stringify(out) + '\n');
    return 0;
  },
};
