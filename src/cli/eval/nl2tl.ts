// `nesy eval nl2tl --data FILE.jsonl`: accuracy of the NL->TL pipeline. Rows are told apart by
// their fields: lifted rows (`logic_sentence` -> `logic_ltl`) test the translation model alone;
// full rows (`sentence`, `logic_ltl`, `propositions`) test recognition, translation and grounding.
import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { TranslateResult } from '../../core/neuralApi';
import { astEqual, astEquivalent, fromJson, parseFormula, toJson, type Formula, type FormulaJson } from '../../languages/tl/api';
import { defaultBeams, defaultModelsDir, loadTranslator, type Translator } from '../../neural/index';
import { executionProviderOption, positiveInt } from '../commands/translate';
import type { EvalTask } from './index';

type Tokens = string[] | string;

interface LiftedRow {
  logic_sentence: Tokens;
  logic_ltl: Tokens;
}

interface FullRow {
  sentence: Tokens;
  logic_ltl: Tokens;
  propositions: Record<string, { span: [number, number] }>;
}

const batchSize = 32;

function text(t: Tokens): string {
  return Array.isArray(t) ? t.join(' ') : t;
}

function parseGold(t: Tokens): Formula | undefined {
  const r = parseFormula(text(t));
  return r.ok ? r.formula : undefined;
}

function renameProps(f: Formula, names: ReadonlyMap<string, string>): Formula {
  const rename = (j: FormulaJson): FormulaJson =>
    j.kind === 'prop' ? { kind: 'prop', name: names.get(j.name) ?? `unmatched:${j.name}` } : 'args' in j ? { ...j, args: j.args.map(rename) } : j;
  return fromJson(rename(toJson(f)));
}

/** Character offsets of each token when tokens are joined with single spaces. */
function tokenOffsets(tokens: readonly string[]): [number, number][] {
  let at = 0;
  return tokens.map((t) => {
    const span: [number, number] = [at, at + t.length];
    at += t.length + 1;
    return span;
  });
}

/** A predicted character span as [first, last + 1) token indices. */
function tokenSpan(offsets: readonly [number, number][], [s, e]: [number, number]): string {
  const first = offsets.findIndex(([, end]) => end > s);
  let last = first;
  while (last + 1 < offsets.length && offsets[last + 1]![0] < e) last++;
  return `${first},${last + 1}`;
}

interface Tally {
  n: number;
  exact: number;
  equivalent: number;
  failed: number;
  goldUnparsable: number;
  tp: number;
  fp: number;
  fn: number;
}

function scoreLifted(row: LiftedRow, result: TranslateResult | Error, t: Tally): void {
  const gold = parseGold(row.logic_ltl);
  if (!gold) {
    t.goldUnparsable++;
    return;
  }
  t.n++;
  if (result instanceof Error) {
    t.failed++;
    return;
  }
  const pred = parseFormula(result.best.lifted);
  if (!pred.ok) return;
  if (astEqual(pred.formula, gold)) t.exact++;
  if (astEquivalent(pred.formula, gold)) t.equivalent++;
}

function scoreFull(row: FullRow, result: TranslateResult | Error, t: Tally): void {
  const gold = parseGold(row.logic_ltl);
  if (!gold) {
    t.goldUnparsable++;
    return;
  }
  t.n++;
  const tokens = Array.isArray(row.sentence) ? row.sentence : row.sentence.split(' ');
  const goldSpans = new Map(Object.entries(row.propositions).map(([id, p]) => [`${p.span[0]},${p.span[1]}`, id]));
  if (result instanceof Error) {
    t.failed++;
    t.fn += goldSpans.size;
    return;
  }
  const offsets = tokenOffsets(tokens);
  const predicted = new Map(Object.entries(result.best.props).map(([id, p]) => [id, tokenSpan(offsets, p.span)]));
  const hits = [...predicted.values()].filter((s) => goldSpans.has(s)).length;
  t.tp += hits;
  t.fp += predicted.size - hits;
  t.fn += goldSpans.size - hits;
  if (hits !== goldSpans.size || predicted.size !== goldSpans.size) return;
  const pred = parseFormula(result.best.lifted);
  if (!pred.ok) return;
  const mapped = renameProps(pred.formula, new Map([...predicted].map(([id, s]) => [id, goldSpans.get(s)!])));
  if (astEqual(mapped, gold)) t.exact++;
  if (astEquivalent(mapped, gold)) t.equivalent++;
}

function readRows(file: string): unknown[] {
  let content: string;
  try {
    content = fs.readFileSync(file, 'utf8');
  } catch {
    throw new Error(`cannot read ${file}`);
  }
  return content
    .split('\n')
    .filter((l) => l.trim() !== '')
    .map((l, i) => {
      try {
        return JSON.parse(l) as unknown;
      } catch {
        throw new Error(`${file}:${i + 1} is not a JSON object`);
      }
    });
}

function isFull(r: unknown): r is FullRow {
  return typeof r === 'object' && r !== null && 'sentence' in r && 'propositions' in r && 'logic_ltl' in r;
}

function isLifted(r: unknown): r is LiftedRow {
  return typeof r === 'object' && r !== null && 'logic_sentence' in r && 'logic_ltl' in r;
}

async function evaluate(translator: Translator, rows: unknown[], beams: number): Promise<{ tally: Tally; full: boolean; ms: number }> {
  const tally: Tally = { n: 0, exact: 0, equivalent: 0, failed: 0, goldUnparsable: 0, tp: 0, fp: 0, fn: 0 };
  const full = rows.length > 0 && isFull(rows[0]);
  const started = performance.now();
  for (let i = 0; i < rows.length; i += batchSize) {
    const batch = rows.slice(i, i + batchSize);
    const requests = batch.map((r, k) => {
      if (full ? !isFull(r) : !isLifted(r)) throw new Error(`row ${i + k + 1} lacks the fields of the first row's format`);
      const sentence = full ? text((r as FullRow).sentence) : text((r as LiftedRow).logic_sentence);
      return { sentence, beams };
    });
    const results = await translator.translate(requests);
    batch.forEach((r, k) => (full ? scoreFull(r as FullRow, results[k]!, tally) : scoreLifted(r as LiftedRow, results[k]!, tally)));
  }
  return { tally, full, ms: performance.now() - started };
}

const round = (x: number): number => Math.round(x * 10000) / 10000;

export const nl2tlEval: EvalTask = {
  name: 'nl2tl',
  usage: [
    'nesy eval nl2tl --data FILE.jsonl [--limit N] [--ep auto|cpu|webgpu|cuda] [--beams N] [--models DIR]',
    '  Lifted rows (logic_sentence, logic_ltl) or full rows (sentence, logic_ltl, propositions).',
    '  Prints {n, exact, equivalent, ms_per_item, ep, ...}; full rows add ap_span_f1.',
  ].join('\n'),
  async run(args) {
    let values;
    let ep;
    let beams: number;
    let limit: number;
    try {
      ({ values } = parseArgs({
        args,
        options: { data: { type: 'string' }, limit: { type: 'string' }, ep: { type: 'string' }, beams: { type: 'string' }, models: { type: 'string' } },
      }));
      if (!values.data) throw new Error('give --data FILE.jsonl');
      ep = executionProviderOption(values.ep, 'eval');
      beams = positiveInt(values.beams, defaultBeams, '--beams');
      limit = positiveInt(values.limit, Number.MAX_SAFE_INTEGER, '--limit');
    } catch (e) {
      process.stderr.write(`nesy eval nl2tl: ${(e as Error).message}\n`);
      return 2;
    }
    let rows: unknown[];
    try {
      rows = readRows(values.data).slice(0, limit);
      if (rows.length > 0 && !isFull(rows[0]) && !isLifted(rows[0])) throw new Error('rows need logic_sentence+logic_ltl (lifted) or sentence+logic_ltl+propositions (full)');
    } catch (e) {
      process.stderr.write(`nesy eval nl2tl: ${(e as Error).message}\n`);
      return 2;
    }
    const translator = await loadTranslator(ep, values.models ?? defaultModelsDir());
    if (translator.note) process.stderr.write(`nesy eval: ${translator.note}\n`);
    let outcome;
    try {
      outcome = await evaluate(translator, rows, beams);
    } catch (e) {
      process.stderr.write(`nesy eval nl2tl: ${(e as Error).message}\n`);
      return 2;
    } finally {
      await translator.release();
    }
    const { tally: t, full, ms } = outcome;
    const out: Record<string, unknown> = {
      task: 'nl2tl',
      format: full ? 'full' : 'lifted',
      n: t.n,
      exact: round(t.exact / Math.max(1, t.n)),
      equivalent: round(t.equivalent / Math.max(1, t.n)),
      ms_per_item: round(ms / Math.max(1, t.n + t.goldUnparsable)),
      ep: translator.ep,
      beams,
      failed: t.failed,
      gold_unparsable: t.goldUnparsable,
    };
    if (full) out['ap_span_f1'] = round((2 * t.tp) / Math.max(1, 2 * t.tp + t.fp + t.fn));
    process.stdout.write(JSON.stringify(out) + '\n');
    return 0;
  },
};
