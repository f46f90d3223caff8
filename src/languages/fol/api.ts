// What other parts of NeSy Studio call in the .fol language: the server's nesy/checkPredictions
// request, the bench harness, and the generate-rules edit.
import { fileURLToPath } from 'node:url';
import type { FolAnalysis } from './checks';
import { checkPredictions, type CheckPredictionsOptions, type PredictionReport } from './predictions';

export { checkPredictionsFile, checkPredictions, type CheckPredictionsOptions, type PredictionReport } from './predictions';
export { generateRulesEdit } from './service';
export type { FolAnalysis } from './checks';

/**
 * The server's handler for nesy/checkPredictions ({ uri, predictions }): `analysis` is the open .fol
 * document's analysis, `predictionsUri` a file: URI. Answers a Markdown report for the editor.
 */
export async function checkPredictionsMarkdown(analysis: FolAnalysis, predictionsUri: string, options: CheckPredictionsOptions = {}): Promise<string> {
  if (analysis.document.languageId !== 'fol' && !analysis.document.uri.endsWith('.fol')) throw new Error('Predictions are checked against a .fol document.');
  const file = predictionsUri.startsWith('file:') ? fileURLToPath(predictionsUri) : predictionsUri;
  return reportMarkdown(await checkPredictions(analysis, file, options), options.threshold ?? 0.5, file);
}

export function reportMarkdown(r: PredictionReport, threshold: number, file: string): string {
  const cell = (s: string) => s.replace(/\|/g, '\\|');
  const lines = [
    `# Predictions against the rules`,
    '',
    `${r.samples} samples from \`${file}\`, ${r.rules.length} rules, threshold ${threshold}.`,
    '',
    '| rule | kind | violated | fuzzy truth | worst samples (truth) |',
    '|---|---|---:|---:|---|',
    ...r.rules.map(
      (x) =>
        `| ${cell(x.name)} | ${x.kind} | ${(100 * x.violation_rate).toFixed(2)}% | ${x.fuzzy_truth.toFixed(4)} | ${x.worst.map((w) => `#${w.sample} (${w.truth.toFixed(3)})`).join(', ')} |`,
    ),
  ];
  if (r.skipped.length) lines.push('', '**Not checked:**', ...r.skipped.map((s) => `- ${cell(s.name)}: ${s.reason}`));
  return lines.join('\n') + '\n';
}
