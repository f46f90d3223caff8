// NeSy: Interpret Math Word Problem. Selection or typed problem -> server (nesy/interpretMwp) -> a report
// beside the editor: the answer, the expression and each step with its annotated formula.
import { Requests } from '../../core/protocol';
import type { MwpResult } from '../../core/neuralApi';
import { selectionOrInput, showReport } from '../userText';
import { type CommandContext, requestWithProgress } from './context';

export async function interpretMwp(context: CommandContext): Promise<void> {
  const input = await selectionOrInput({
    prompt: 'Math word problem to interpret',
    placeHolder: 'e.g. A shop sold 12 apples in the morning and 3 times as many in the afternoon. How many in all?',
  });
  if (!input) return;
  const result = await requestWithProgress<MwpResult>(
    context, 'Interpreting the problem', 'NeSy: interpreting (the model loads on first use)…', Requests.interpretMwp, { text: input.text },
  );
  if (!result) return;
  await showReport(mwpReport(input.text, result));
}

function mwpReport(problem: string, result: MwpResult): string {
  const cell = (text: string | number) => String(text).replace(/\|/g, '\\|').replace(/\r?\n/g, ' ');
  const steps = result.steps.map(
    (s, i) => `| ${i + 1} | \`${cell(s.op)}\` | ${cell(s.formula)} (#${s.formula_id}) | ${cell(s.gloss)} | ${cell(s.value)} |`,
  );
  return [
    '# Math word problem',
    '',
    ...problem.split(/\r?\n/).map((line) => `> ${line}`),
    '',
    `**Answer:** ${result.answer}  `,
    `**Expression:** \`${result.expression_infix}\` (prefix \`${result.expression_prefix}\`)  `,
    `**Confidence:** ${(result.confidence * 100).toFixed(1)}% · ${result.ep}, ${Math.round(result.ms)} ms`,
    '',
    '| # | Operation | Formula | Meaning | Value |',
    '|---|---|---|---|---|',
    ...steps,
    '',
  ].join('\n');
}
