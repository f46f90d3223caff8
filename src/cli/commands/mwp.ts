// `nesy mwp "PROBLEM TEXT"`: solves a math word problem with the local model and names the
// formula behind every operator.
import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import type { CliCommand } from '../command';
import type { MwpResult } from '../../core/neuralApi';
import { interpretationText } from '../../languages/mwp/explain';
import { defaultModelsDir } from '../../neural/modelFiles';
import { MwpModel, type MwpInterpretation } from '../../neural/mwp';
import { reportProviderFallback, verboseUsage } from '../providerNote';
import { executionProviderOption } from './translate';

/** The JSON contract: exactly these step fields, plus confidence. */
export function resultJson(r: MwpInterpretation): MwpResult {
  return {
    expression_prefix: r.expression_prefix,
    expression_infix: r.expression_infix,
    answer: r.answer,
    steps: r.steps.map((s) => ({ op: s.op, formula_id: s.formula_id, formula: s.formula, gloss: s.gloss, value: s.value })),
    confidence: Math.round(r.confidence * 10000) / 10000,
    ep: r.ep,
    ms: r.ms,
  };
}

export const mwp: CliCommand = {
  name: 'mwp',
  summary: 'Solve a math word problem and show the formula behind each step (Chinese or English)',
  usage: [
    'usage: nesy mwp "PROBLEM TEXT" [--json] [--ep auto|cpu|webgpu|cuda|dml|coreml] [--models DIR] [--verbose]',
    '       nesy mwp --file PROBLEM.txt [--json]     (or the text on stdin)',
    '',
    'Prints the expression, the answer, and for every operator, innermost first, the formula that justifies',
    'it (a Chinese problem: InterMWP\'s formula and an English gloss; an English problem: the English formula).',
    'Confidence is calibrated on the dev sets; answers below 50% are marked as guesses.',
    '--json prints {expression_prefix, expression_infix, answer, steps:[{op, formula_id, formula,',
    'gloss, value}], confidence, ep, ms}.',
    verboseUsage,
    'Exit status: 0 solved, 1 no solution (message on stderr), 2 bad arguments.',
  ].join('\n'),
  async run(args) {
    let values;
    let positionals;
    try {
      ({ values, positionals } = parseArgs({
        args,
        allowPositionals: true,
        options: { json: { type: 'boolean' }, ep: { type: 'string' }, models: { type: 'string' }, file: { type: 'string' }, verbose: { type: 'boolean' } },
      }));
    } catch (e) {
      process.stderr.write(`nesy mwp: ${(e as Error).message}\n`);
      return 2;
    }
    let ep;
    try {
      ep = executionProviderOption(values.ep, 'mwp');
    } catch (e) {
      process.stderr.write(`${(e as Error).message}\n`);
      return 2;
    }
    let text = positionals.join(' ');
    if (values.file) {
      try {
        text = fs.readFileSync(values.file, 'utf8');
      } catch {
        process.stderr.write(`nesy mwp: cannot read ${values.file}\n`);
        return 2;
      }
    } else if (text === '' && !process.stdin.isTTY) {
      text = fs.readFileSync(0, 'utf8');
    }
    if (text.trim() === '') {
      process.stderr.write('nesy mwp: give the problem text, e.g. nesy mwp "小明有5个苹果，吃了2个，还剩几个？"\n');
      return 2;
    }
    reportProviderFallback(ep, values.verbose === true);
    const model = await MwpModel.load(values.models ?? defaultModelsDir(), ep);
    try {
      const r = await model.interpret(text);
      process.stdout.write(values.json ? JSON.stringify(resultJson(r)) + '\n' : interpretationText(r) + '\n');
      if (model.note) process.stderr.write(`nesy mwp: ${model.note}\n`);
      return 0;
    } catch (e) {
      process.stderr.write(`nesy mwp: ${(e as Error).message}\n`);
      return 1;
    } finally {
      await model.close();
    }
  },
};
