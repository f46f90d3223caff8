// NeSy: Check Predictions. Picks a predictions .json file and asks the server (nesy/checkPredictions) to
// check it against the rules of the active .fol document; the report opens beside the editor.
import * as vscode from 'vscode';
import { Requests } from '../../core/protocol';
import { pickJson, showReport } from '../userText';
import { type CommandContext, requestWithProgress } from './context';

export interface CheckPredictionsParams {
  /** The .fol document whose rules the predictions must satisfy. */
  uri: string;
  /** The predictions file. */
  predictions: string;
}

/** `predictions` skips the file dialog (for callers that already know the file). */
export async function checkPredictions(context: CommandContext, predictions?: vscode.Uri): Promise<void> {
  const rules = vscode.window.activeTextEditor?.document;
  if (!rules || rules.languageId !== 'fol') {
    await vscode.window.showWarningMessage('NeSy: open the .fol rules to check predictions against first.');
    return;
  }
  const file = predictions ?? (await pickJson('Predictions to check', 'Predictions (JSON)'));
  if (!file) return;
  const params: CheckPredictionsParams = { uri: rules.uri.toString(), predictions: file.toString() };
  const report = await requestWithProgress<unknown>(
    context, 'Checking predictions', 'NeSy: checking predictions…', Requests.checkPredictions, params,
  );
  if (report === undefined) return;
  if (typeof report === 'string') await showReport(report);
  else await showReport(JSON.stringify(report, null, 2), 'json');
}
