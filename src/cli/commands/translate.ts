// `nesy translate "SENTENCE"`: English requirement -> temporal-logic formula, locally.
import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { CliCommand } from '../command';
import { defaultBatch, defaultWorkers, runCorpus, type CorpusJob, type CorpusRunner } from '../corpus';
import { executionProviderChoices, type ExecutionProviderChoice } from '../../core/settings';
import { parseDocument } from '../../languages/tl/api';
import { defaultBeams, defaultModelsDir, loadTranslator, type Translator } from '../../neural/index';
import type { Declared } from '../../neural/apRecognition';
import type { NlTranslateResult } from '../../neural/translator';
import { reportProviderFallback, verboseUsage } from '../providerNote';

const providers: readonly ExecutionProviderChoice[] = executionProviderChoices;

export function executionProviderOption(value: string | undefined, command: string): ExecutionProviderChoice {
  const ep = (value ?? 'auto') as ExecutionProviderChoice;
  if (!providers.includes(ep)) throw new Error(`nesy ${command}: --ep must be one of ${providers.join(', ')} (got ${value}).`);
  return ep;
}

export function positiveInt(value: string | undefined, fallback: number, flag: string): number {
  if (value === undefined) return fallback;
  const n = Number(value);
  if (!Number.isInteger(n) || n < 1) throw new Error(`${flag} must be a positive whole number (got ${value}).`);
  return n;
}

function declarations(tlFile: string | undefined, props: string[]): Declared[] {
  const out: Declared[] = props.map((p) => {
    const [name, ...rest] = p.split('=');
    return rest.length > 0 ? { name: name!, description: rest.join('=') } : { name: name! };
  });
  if (tlFile) {
    const doc = parseDocument(fs.readFileSync(tlFile, 'utf8'));
    for (const s of doc.statements) {
      if (s.kind === 'propDecl') out.push(s.description ? { name: s.name, description: s.description } : { name: s.name });
    }
  }
  return out;
}

/** What --json prints for one sentence; with --file, `error` instead when it has no translation. */
type TranslationJson = ReturnType<typeof translationJson> | { error: string };

function translationJson(result: NlTranslateResult) {
  const { best } = result;
  return {
    formula: best.formula,
    lifted: best.lifted,
    lifted_sentence: best.liftedSentence,
    props: best.props,
    english: best.english,
    confidence: Math.round(result.confidence * 1000) / 1000,
    uncertain: result.uncertain,
    reader: result.reader,
    ep: result.ep,
    ms: Math.round(result.ms * 10) / 10,
    alternatives: result.alternatives.map((a) => ({ formula: a.formula, score: a.score })),
  };
}

async function translateBatch(translator: Translator, sentences: string[], declared: Declared[], beams: number): Promise<TranslationJson[]> {
  const results = await translator.translate(sentences.map((sentence) => ({ sentence, declared, beams })));
  return results.map((r) => (r instanceof Error ? { error: r.message } : translationJson(r)));
}

/** The worker thread's side of --file (src/cli/corpusWorker.ts). */
export async function translateRunner(job: CorpusJob): Promise<CorpusRunner<string, TranslationJson>> {
  const translator = await loadTranslator(job.ep, job.modelsDir);
  return { ep: translator.ep, note: translator.note, run: (sentences) => translateBatch(translator, sentences, job.declared ?? [], job.beams) };
}

/** The non-blank lines of FILE (or stdin for `-`), with their line numbers from 1. */
function readSentences(file: string): { line: number; sentence: string }[] {
  let content: string;
  try {
    content = fs.readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    throw new Error(`cannot read ${file === '-' ? 'stdin' : file} (${(e as NodeJS.ErrnoException).code ?? (e as Error).message}).`);
  }
  return content
    .split(/\r?\n/)
    .map((text, i) => ({ line: i + 1, sentence: text.trim() }))
    .filter((s) => s.sentence !== '');
}

/** --file: one JSON line per sentence, in input order; status 1 when any sentence has no translation. */
async function translateFile(job: CorpusJob, file: string, workers: number, batch: number): Promise<number> {
  let sentences;
  try {
    sentences = readSentences(file);
  } catch (e) {
    process.stderr.write(`nesy translate: ${(e as Error).message}\n`);
    return 2;
  }
  const run = await runCorpus<string, TranslationJson>(job, sentences.map((s) => s.sentence), { workers, batchSize: batch, label: 'nesy translate' });
  for (const note of run.notes) process.stderr.write(`nesy translate: ${note}\n`);
  const lines = run.values.map((value, i) => JSON.stringify({ line: sentences[i]!.line, ...value }) + '\n');
  process.stdout.write(lines.join(''));
  const failed = run.values.filter((v) => 'error' in v).length;
  if (failed > 0) process.stderr.write(`nesy translate: ${failed} of ${sentences.length} sentences have no translation (their lines carry "error").\n`);
  return failed > 0 ? 1 : 0;
}

export const translate: CliCommand = {
  name: 'translate',
  summary: 'Translate an English requirement into a temporal-logic formula with the local model',
  usage: [
    'usage: nesy translate "SENTENCE" [--json] [--ep auto|cpu|webgpu|cuda|dml|coreml] [--beams N]',
    '                      [--prop NAME[=DESCRIPTION]]... [--tl FILE.tl] [--models DIR] [--verbose]',
    '       nesy translate --file FILE|- [--workers N] [--batch N] [same options]',
    '',
    'A requirement grammar reads the specification-pattern fragment of English (clauses as propositions,',
    'matched to declared ones from --prop/--tl); the seq2seq model translates sentences in its own corpus\'s',
    'phrasing and anything the grammar does not read (propositions from declarations, "quoted" or',
    '(parenthesised) spans, then a learned tagger). The other reading follows as an alternative.',
    'Prints the formula; --json prints {formula, lifted (the formula over prop_i), lifted_sentence,',
    'props: {prop_i: {text, span, name, declared}}, english, confidence (0 to 1, calibrated on the dev sets),',
    'uncertain (confidence below 0.5), reader ("grammar": read by the requirement grammar; "model": the',
    'seq2seq model), ep, ms, alternatives}.',
    `--beams N: beam width and number of alternatives (default ${defaultBeams}).`,
    '--file FILE (- for stdin): one sentence per line (blank lines skipped); prints one --json object per',
    'sentence in input order, with its `line`, or {line, error} when it has no translation. Sentences run on',
    `--workers threads (default one per core), --batch per model call (default ${defaultBatch}), with a`,
    'progress bar on stderr when it is a terminal.',
    verboseUsage,
    'Exit status: 0 translated, 1 no translation (message on stderr; with --file, for any sentence), 2 bad arguments.',
  ].join('\n'),
  async run(args) {
    let values;
    let positionals;
    let ep: ExecutionProviderChoice;
    let beams: number;
    let workers: number;
    let batch: number;
    try {
      ({ values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: {
          json: { type: 'boolean' },
          ep: { type: 'string' },
          beams: { type: 'string' },
          prop: { type: 'string', multiple: true },
          tl: { type: 'string' },
          models: { type: 'string' },
          file: { type: 'string' },
          workers: { type: 'string' },
          batch: { type: 'string' },
          verbose: { type: 'boolean' },
        },
      }));
      ep = executionProviderOption(values.ep, 'translate');
      beams = positiveInt(values.beams, defaultBeams, '--beams');
      workers = positiveInt(values.workers, defaultWorkers(), '--workers');
      batch = positiveInt(values.batch, defaultBatch, '--batch');
    } catch (e) {
      process.stderr.write(`nesy translate: ${(e as Error).message}\n`);
      return 2;
    }
    const sentence = positionals.join(' ').trim();
    if (values.file !== undefined && sentence !== '') {
      process.stderr.write('nesy translate: give either a sentence or --file, not both.\n');
      return 2;
    }
    if (values.file === undefined && sentence === '') {
      process.stderr.write('nesy translate: give a sentence, e.g. nesy translate "always avoid the red zone".\n');
      return 2;
    }
    const declared = declarations(values.tl, values.prop ?? []);
    const modelsDir = values.models ?? defaultModelsDir();
    if (values.file !== undefined) return translateFile({ task: 'translate', ep, modelsDir, beams, declared, verbose: values.verbose === true }, values.file, workers, batch);
    reportProviderFallback(ep, values.verbose === true);
    const translator = await loadTranslator(ep, modelsDir);
    if (translator.note) process.stderr.write(`nesy translate: ${translator.note}\n`);
    const [result] = await translator.translate([{ sentence, declared, beams }]);
    await translator.release();
    if (result instanceof Error || result === undefined) {
      process.stderr.write(`nesy translate: ${result?.message ?? 'no result'}\n`);
      return 1;
    }
    process.stdout.write((values.json ? JSON.stringify(translationJson(result)) : result.best.formula) + '\n');
    return 0;
  },
};
