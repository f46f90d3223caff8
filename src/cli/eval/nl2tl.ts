// `nesy eval nl2tl --data FILE.jsonl`: accuracy of the NL->TL pipeline. Rows are told apart by
// their fields: lifted rows (`logic_sentence` -> `logic_ltl`) test the translation model alone;
// full rows (`sentence`, `logic_ltl`, `propositions`) test recognition, translation and grounding;
// free-text rows (`sentence`, `ltl`, optional `props`) test the whole pipeline on any wording, where
// the gold's proposition names are the writer's own, hence the `struct` metric (up to renaming).
import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { TranslateRequest, TranslateResult } from '../../core/neuralApi';
import { astEqual, fromJson, mapProps, parseFormula, sameMeaning, sameMeaningUpToRenaming, structEqual, toJson, type Formula } from '../../languages/tl/api';
import { defaultBeams, defaultModelsDir, loadTranslator, type Translator } from '../../neural/index';
import { executionProviderOption, positiveInt } from '../commands/translate';
import { defaultBatch, defaultWorkers, runCorpus, type CorpusJob, type CorpusRunner } from '../corpus';
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

interface FreeRow {
  sentence: Tokens;
  ltl: string;
  /** Proposition names and what they mean; kept only with --declare, which passes them to the translator. */
  props?: Record<string, string>;
}

type Row = LiftedRow | FullRow | FreeRow;
type Format = 'lifted' | 'full' | 'free';

function text(t: Tokens): string {
  return Array.isArray(t) ? t.join(' ') : t;
}

function parseGold(t: Tokens): Formula | undefined {
  const r = parseFormula(text(t));
  return r.ok ? r.formula : undefined;
}

function renameProps(f: Formula, names: ReadonlyMap<string, string>): Formula {
  return fromJson(mapProps(toJson(f), (p) => ({ kind: 'prop', name: names.get(p.name) ?? `unmatched:${p.name}` })));
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
  struct: number;
  /** The same meaning as the gold under some one-to-one renaming of propositions (struct counts too). */
  meaning: number;
  failed: number;
  goldUnparsable: number;
  tp: number;
  fp: number;
  fn: number;
}

const emptyTally = (): Tally => ({ n: 0, exact: 0, equivalent: 0, struct: 0, meaning: 0, failed: 0, goldUnparsable: 0, tp: 0, fp: 0, fn: 0 });

/** One row's share of the tally, scored in the thread that translated it, with its share of that batch's time. */
type RowScore = Tally & { ms: number };

/**
 * Lifted rows (the lifted formula against a lifted gold) and free-text rows (the grounded formula
 * against a gold whose names are the row's own): one formula against the gold, no spans.
 */
function scoreFormula(goldText: Tokens, result: TranslateResult | Error, which: 'lifted' | 'formula', t: Tally): void {
  const gold = parseGold(goldText);
  if (!gold) {
    t.goldUnparsable++;
    return;
  }
  t.n++;
  if (result instanceof Error) {
    t.failed++;
    return;
  }
  const pred = parseFormula(result.best[which]);
  if (!pred.ok) return;
  if (astEqual(pred.formula, gold)) t.exact++;
  // equivalent: same meaning on infinite words (nesy equiv's decision, at most 200 ms per row).
  if (sameMeaning(pred.formula, gold)) t.equivalent++;
  if (structEqual(pred.formula, gold)) t.struct++;
  if (sameMeaningUpToRenaming(pred.formula, gold)) t.meaning++;
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
  const pred = parseFormula(result.best.lifted);
  // struct asks only whether the formula has the gold's shape, whichever spans its propositions cover.
  if (pred.ok && structEqual(pred.formula, gold)) t.struct++;
  if (pred.ok && sameMeaningUpToRenaming(pred.formula, gold)) t.meaning++;
  if (!pred.ok || hits !== goldSpans.size || predicted.size !== goldSpans.size) return;
  const mapped = renameProps(pred.formula, new Map([...predicted].map(([id, s]) => [id, goldSpans.get(s)!])));
  if (astEqual(mapped, gold)) t.exact++;
  if (sameMeaning(mapped, gold)) t.equivalent++;
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

function isFree(r: unknown): r is FreeRow {
  return typeof r === 'object' && r !== null && 'sentence' in r && 'ltl' in r && !('logic_ltl' in r);
}

const formats: Record<Format, (r: unknown) => boolean> = { full: isFull, free: isFree, lifted: isLifted };

function rowFormat(r: unknown): Format | undefined {
  return (['full', 'free', 'lifted'] as const).find((f) => formats[f](r));
}

/** A free-text row's fields, checked; `props` only with --declare. */
function freeRow(r: FreeRow, row: number, declare: boolean): FreeRow {
  if (typeof r.ltl !== 'string') throw new Error(`row ${row}: ltl must be a string`);
  const props: unknown = r.props;
  if (props !== undefined && (typeof props !== 'object' || props === null || Array.isArray(props) || Object.values(props).some((v) => typeof v !== 'string')))
    throw new Error(`row ${row}: props must be an object of strings (name -> description)`);
  return declare && r.props ? { sentence: r.sentence, ltl: r.ltl, props: r.props } : { sentence: r.sentence, ltl: r.ltl };
}

/**
 * Checks every row against the first row's format and keeps only that format's fields, so a
 * thread can tell a row's format from the row alone (and less data is copied to it).
 */
function formatRows(rows: unknown[], declare: boolean): { format: Format; rows: Row[] } {
  const format = (rows.length > 0 && rowFormat(rows[0])) || 'lifted';
  return {
    format,
    rows: rows.map((r, i) => {
      if (!formats[format](r)) throw new Error(`row ${i + 1} lacks the fields of the first row's format`);
      if (format === 'free') return freeRow(r as FreeRow, i + 1, declare);
      if (format === 'full') {
        const f = r as FullRow;
        return { sentence: f.sentence, logic_ltl: f.logic_ltl, propositions: f.propositions };
      }
      const l = r as LiftedRow;
      return { logic_sentence: l.logic_sentence, logic_ltl: l.logic_ltl };
    }),
  };
}

/** What the translator is asked for a row: a free-text row's props (kept only with --declare) are declared, as `nesy translate --prop` does. */
function request(r: Row, beams: number): TranslateRequest {
  if (isFull(r)) return { sentence: text(r.sentence), beams };
  if (!isFree(r)) return { sentence: text(r.logic_sentence), beams };
  const declared = Object.entries(r.props ?? {}).map(([name, description]) => ({ name, description }));
  return declared.length > 0 ? { sentence: text(r.sentence), beams, declared } : { sentence: text(r.sentence), beams };
}

/** Translates a batch of rows in one model call and scores each. */
async function scoreRows(translator: Translator, rows: Row[], beams: number): Promise<RowScore[]> {
  const started = performance.now();
  const results = await translator.translate(rows.map((r) => request(r, beams)));
  const tallies = rows.map((r, k) => {
    const t = emptyTally();
    if (isFull(r)) scoreFull(r, results[k]!, t);
    else if (isFree(r)) scoreFormula(r.ltl, results[k]!, 'formula', t);
    else scoreFormula(r.logic_ltl, results[k]!, 'lifted', t);
    return t;
  });
  const ms = (performance.now() - started) / rows.length;
  return tallies.map((t) => ({ ...t, ms }));
}

/** The worker thread's side (src/cli/corpusWorker.ts). */
export async function nl2tlRunner(job: CorpusJob): Promise<CorpusRunner<Row, RowScore>> {
  const translator = await loadTranslator(job.ep, job.modelsDir);
  return { ep: translator.ep, note: translator.note, run: (rows) => scoreRows(translator, rows, job.beams) };
}

const round = (x: number): number => Math.round(x * 10000) / 10000;

export const nl2tlEval: EvalTask = {
  name: 'nl2tl',
  usage: [
    'nesy eval nl2tl --data FILE.jsonl [--limit N] [--ep auto|cpu|webgpu|cuda|dml|coreml] [--beams N] [--models DIR]',
    '                [--workers N] [--batch N] [--declare]',
    '  Rows, all of the first row\'s format: lifted (logic_sentence, logic_ltl), full (sentence, logic_ltl,',
    '  propositions), or free text (sentence, ltl, optional props: {NAME: "what it means"}; no logic_ltl).',
    '  Free-text rows score the grounded formula; --declare passes their props to the translator as',
    '  `nesy translate --prop NAME=TEXT` does, so the formula can use the gold\'s names.',
    '  Prints {n, exact, equivalent, struct, meaning, ms_per_item, ep, workers, rows_per_s, ...}; full rows add',
    '  ap_span_f1. equivalent: the same meaning as the gold (nesy equiv, at most 200 ms a row, else by syntax).',
    '  struct: equal to the gold up to a one-to-one renaming of propositions, the grouping',
    '  of and/or chains and the order of and/or/iff/xor operands (full rows: the lifted formulas).',
    '  meaning: struct, or the same meaning as the gold under one of the one-to-one renamings of the',
    '  propositions (at most 200 ms a row): `!a U (b & F a)` for `(!a U b) & F a`.',
    `  Rows run on --workers threads (default one per core), --batch rows per model call (default ${defaultBatch});`,
    '  the metrics depend on --batch alone. ms_per_item is model and scoring time per row in its thread;',
    '  rows_per_s is the whole run\'s throughput. A progress bar goes to stderr when it is a terminal.',
  ].join('\n'),
  async run(args) {
    let values;
    let ep;
    let beams: number;
    let limit: number;
    let workers: number;
    let batch: number;
    try {
      ({ values } = parseArgs({
        args,
        options: {
          data: { type: 'string' },
          limit: { type: 'string' },
          ep: { type: 'string' },
          beams: { type: 'string' },
          models: { type: 'string' },
          workers: { type: 'string' },
          batch: { type: 'string' },
          declare: { type: 'boolean' },
        },
      }));
      if (!values.data) throw new Error('give --data FILE.jsonl');
      ep = executionProviderOption(values.ep, 'eval');
      beams = positiveInt(values.beams, defaultBeams, '--beams');
      limit = positiveInt(values.limit, Number.MAX_SAFE_INTEGER, '--limit');
      workers = positiveInt(values.workers, defaultWorkers(), '--workers');
      batch = positiveInt(values.batch, defaultBatch, '--batch');
    } catch (e) {
      process.stderr.write(`nesy eval nl2tl: ${(e as Error).message}\n`);
      return 2;
    }
    let rows: Row[];
    let format: Format;
    try {
      const read = readRows(values.data).slice(0, limit);
      if (read.length > 0 && !rowFormat(read[0]))
        throw new Error('rows need logic_sentence+logic_ltl (lifted), sentence+logic_ltl+propositions (full) or sentence+ltl (free text)');
      ({ rows, format } = formatRows(read, values.declare ?? false));
    } catch (e) {
      process.stderr.write(`nesy eval nl2tl: ${(e as Error).message}\n`);
      return 2;
    }
    const job: CorpusJob = { task: 'nl2tl-eval', ep, modelsDir: values.models ?? defaultModelsDir(), beams };
    const run = await runCorpus<Row, RowScore>(job, rows, { workers, batchSize: batch, label: 'nesy eval nl2tl' });
    for (const note of run.notes) process.stderr.write(`nesy eval: ${note}\n`);
    const t = emptyTally();
    let ms = 0;
    for (const score of run.values) {
      for (const key of Object.keys(t) as (keyof Tally)[]) t[key] += score[key];
      ms += score.ms;
    }
    const out: Record<string, unknown> = {
      task: 'nl2tl',
      format,
      n: t.n,
      exact: round(t.exact / Math.max(1, t.n)),
      equivalent: round(t.equivalent / Math.max(1, t.n)),
      struct: round(t.struct / Math.max(1, t.n)),
      meaning: round(t.meaning / Math.max(1, t.n)),
      ms_per_item: round(ms / Math.max(1, t.n + t.goldUnparsable)),
      ep: run.ep,
      beams,
      failed: t.failed,
      gold_unparsable: t.goldUnparsable,
      workers: run.workers,
      rows_per_s: round((rows.length * 1000) / Math.max(1, run.ms)),
    };
    if (format === 'full') out['ap_span_f1'] = round((2 * t.tp) / Math.max(1, 2 * t.tp + t.fp + t.fn));
    process.stdout.write(JSON.stringify(out) + '\n');
    return 0;
  },
};
