// `nesy translate "SENTENCE"`: English requirement -> temporal-logic formula, locally.
import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { CliCommand } from '../command';
import type { ExecutionProviderChoice } from '../../core/settings';
import { parseDocument } from '../../languages/tl/api';
import { defaultBeams, defaultModelsDir, loadTranslator } from '../../neural/index';
import type { Declared } from '../../neural/apRecognition';

const providers: readonly ExecutionProviderChoice[] = ['auto', 'cpu', 'webgpu', 'cuda'];

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

export const translate: CliCommand = {
  name: 'translate',
  summary: 'Translate an English requirement into a temporal-logic formula with the local model',
  usage: [
    'usage: nesy translate "SENTENCE" [--json] [--ep auto|cpu|webgpu|cuda] [--beams N]',
    '                      [--prop NAME[=DESCRIPTION]]... [--tl FILE.tl] [--models DIR]',
    '',
    'Recognises the propositions (declared ones from --prop/--tl, "quoted" or (parenthesised) spans,',
    'then a learned tagger), translates the lifted sentence, and grounds the propositions back.',
    'Prints the formula; --json prints {formula, lifted (the formula over prop_i), lifted_sentence,',
    'props: {prop_i: {text, span, name, declared}}, english, ep, ms, alternatives}.',
    `--beams N: beam width and number of alternatives (default ${defaultBeams}).`,
    'Exit status: 0 translated, 1 no translation (message on stderr), 2 bad arguments.',
  ].join('\n'),
  async run(args) {
    let values;
    let positionals;
    let ep: ExecutionProviderChoice;
    let beams: number;
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
        },
      }));
      ep = executionProviderOption(values.ep, 'translate');
      beams = positiveInt(values.beams, defaultBeams, '--beams');
    } catch (e) {
      process.stderr.write(`nesy translate: ${(e as Error).message}\n`);
      return 2;
    }
    const sentence = positionals.join(' ').trim();
    if (sentence === '') {
      process.stderr.write('nesy translate: give a sentence, e.g. nesy translate "always avoid the red zone".\n');
      return 2;
    }
    const declared = declarations(values.tl, values.prop ?? []);
    const translator = await loadTranslator(ep, values.models ?? defaultModelsDir());
    if (translator.note) process.stderr.write(`nesy translate: ${translator.note}\n`);
    const [result] = await translator.translate([{ sentence, declared, beams }]);
    await translator.release();
    if (result instanceof Error || result === undefined) {
      process.stderr.write(`nesy translate: ${result?.message ?? 'no result'}\n`);
      return 1;
    }
    if (values.json) {
      const { best } = result;
      const out = {
        formula: best.formula,
        lifted: best.lifted,
        lifted_sentence: best.liftedSentence,
        props: best.props,
        english: best.english,
        ep: result.ep,
        ms: Math.round(result.ms * 10) / 10,
        alternatives: result.alternatives.map((a) => ({ formula: a.formula, score: a.score })),
      };
      process.stdout.write(JSON.stringify(out) + '\n');
    } else {
      process.stdout.write(result.best.formula + '\n');
    }
    return 0;
  },
};
