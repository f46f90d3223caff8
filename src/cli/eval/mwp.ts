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
import { defaultMwpBeams, MwpModel } from '../../neural/mwp';
import { executionProviderOption, positiveInt } from '../commands/translate';
import type { EvalTask } from './index';

interface GoldNode {
  op: string;
  logic: number;
  left: GoldNode | Record<string, never>;
  right: GoldNode | Record<string, never>;
}

interface Row {
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

export const mwpEval: EvalTask = {
  name: 'mwp',
  usage: [
    'nesy eval mwp --data FILE.json [--limit N] [--beams N] [--ep auto|cpu|webgpu|cuda] [--models DIR]',
    '  InterMWP format (a JSON list with original_text, nums, output_prefix, interpretation).',
    '  Prints {n, answer_acc, formula_acc, logic_acc, ms_per_item, ms_median, ep}.',
  ].join('\n'),
  async run(args) {
    let values;
    let limit: number;
    let beams: number;
    let ep;
    try {
      ({ values } = parseArgs({ args, options: { data: { type: 'string' }, limit: { type: 'string' }, ep: { type: 'string' }, models: { type: 'string' }, beams: { type: 'string' } } }));
      limit = positiveInt(values.limit, Number.MAX_SAFE_INTEGER, '--limit');
      beams = positiveInt(values.beams, defaultMwpBeams, '--beams');
      ep = executionProviderOption(values.ep, 'eval mwp');
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
    const model = await MwpModel.load(values.models ?? defaultModelsDir(), ep);
    let answer = 0;
    let formula = 0;
    let logic = 0;
    const times: number[] = [];
    try {
      for (const row of rows) {
        const nums = row.nums.split(/\s+/).filter(Boolean);
        const golds = (Array.isArray(row.interpretation) ? row.interpretation : [row.interpretation]).map(goldSequences);
        const goldValue = valueOf(row.output_prefix ? row.output_prefix.split(/\s+/) : golds[0].tokens, nums);
        const r = await model.interpret(row.original_text, beams);
        times.push(r.ms);
        const map = toGoldIndex(r.numbers, nums);
        const tokens = r.target.map((t) => map(model.meta.out_op[t] ?? t));
        const labels = r.target.map((t) => (t.startsWith('F') ? Number(t.slice(1)) : model.meta.out_op[t] ? 0 : -1));
        const predValue = valueOf(tokens, nums);
        if (goldValue && predValue && sameValue(goldValue, predValue)) answer++;
        const sameTree = golds.filter((g) => g.tokens.join(' ') === tokens.join(' '));
        if (sameTree.length > 0) formula++;
        if (sameTree.some((g) => g.labels.every((l, i) => l === labels[i]))) logic++;
      }
    } finally {
      await model.close();
    }
    const n = rows.length;
    const sorted = [...times].sort((a, b) => a - b);
    const round = (x: number) => Math.round(x * 10000) / 10000;
    process.stdout.write(JSON.stringify({
      n,
      answer_acc: round(n ? answer / n : 0),
      formula_acc: round(n ? formula / n : 0),
      logic_acc: round(n ? logic / n : 0),
      ms_per_item: round(n ? times.reduce((s, t) => s + t, 0) / n : 0),
      ms_median: n ? sorted[Math.floor(n / 2)] : 0,
      ep: model.ep,
    }) + '\n');
    return 0;
  },
};
