// NeSy: Check Predictions. Picks a predictions file (JSON, .npy, .npz, safetensors, Parquet, Arrow) or a
// directory of them and asks the server (nesy/checkPredictions) to check it against the rules of the active
// .fol document, drawing each image's violation maps into a folder of the extension's storage; the report
// opens beside the editor as a webview (predictionsReport/panel.ts). Arrays without class names take them
// from a classes.txt beside the scores, or from a file the user picks when the server says none was found.
import * as vscode from 'vscode';
import { Requests, type CheckPredictionsFailure } from '../../core/protocol';
import type { RunReport } from '../../cli/predictions/report';
import { showPredictionsReport, type PredictionsReportPanel } from '../predictionsReport/panel';
import { type CommandContext, reportFailure } from './context';

export interface CheckPredictionsParams {
  /** The .fol document whose rules the predictions must satisfy. */
  uri: string;
  /** The predictions file or folder. */
  predictions: string;
  /** A file of class names, one per line. */
  classes?: string;
  /** Where the server draws the violation maps. */
  maps: string;
}

export interface CheckPredictionsOptions {
  /** The class names file (skips looking for classes.txt and asking). */
  classes?: vscode.Uri;
}

const scoreExtensions = ['json', 'npy', 'npz', 'safetensors', 'parquet', 'pq', 'arrow', 'arrows', 'feather', 'ipc'];
const classesFileName = 'classes.txt';

async function exists(uri: vscode.Uri): Promise<boolean> {
  return vscode.workspace.fs.stat(uri).then(
    () => true,
    () => false,
  );
}

/** classes.txt inside a predictions folder, or beside a predictions file. */
async function classesBeside(predictions: vscode.Uri): Promise<vscode.Uri | undefined> {
  const stat = await vscode.workspace.fs.stat(predictions).then(undefined, () => undefined);
  const folder = stat?.type === vscode.FileType.Directory ? predictions : vscode.Uri.joinPath(predictions, '..');
  const file = vscode.Uri.joinPath(folder, classesFileName);
  return (await exists(file)) ? file : undefined;
}

/**
 * A score file or a folder of them. Asked in two steps because on Windows and Linux one dialog cannot pick
 * files and folders both (it then picks folders only).
 */
async function pickPredictions(): Promise<vscode.Uri | undefined> {
  const file = { label: 'A score file', detail: scoreExtensions.map((e) => `.${e}`).join(', ') };
  const folder = { label: 'A folder of score files', detail: 'every score file under it; the totals are over all of them' };
  const kind = await vscode.window.showQuickPick([file, folder], { title: 'Predictions to check' });
  if (!kind) return undefined;
  const picked = await vscode.window.showOpenDialog(
    kind === file
      ? { title: 'Predictions to check', canSelectMany: false, filters: { 'Class scores': scoreExtensions } }
      : { title: 'Predictions to check: a folder of score files', canSelectFiles: false, canSelectFolders: true, canSelectMany: false },
  );
  return picked?.[0];
}

/** A report's maps folder is deleted when the report closes; this catches those of reports a closed window left behind. */
const staleAfterMs = 24 * 3600 * 1000;

async function removeStaleMaps(root: vscode.Uri): Promise<void> {
  const entries = await vscode.workspace.fs.readDirectory(root).then(undefined, () => [] as [string, vscode.FileType][]);
  for (const [name] of entries) {
    const folder = vscode.Uri.joinPath(root, name);
    const stat = await vscode.workspace.fs.stat(folder).then(undefined, () => undefined);
    if (stat && Date.now() - stat.mtime > staleAfterMs) await vscode.workspace.fs.delete(folder, { recursive: true, useTrash: false }).then(undefined, () => undefined);
  }
}

function needsClasses(error: unknown): boolean {
  const data = (error as { data?: Partial<CheckPredictionsFailure> } | undefined)?.data;
  return data?.needsClasses === true;
}

/** `predictions` skips the file dialog (for callers that already know the file). Returns the report's panel. */
export async function checkPredictions(context: CommandContext, predictions?: vscode.Uri, options: CheckPredictionsOptions = {}): Promise<PredictionsReportPanel | undefined> {
  const rules = vscode.window.activeTextEditor?.document;
  if (!rules || rules.languageId !== 'fol') {
    await vscode.window.showWarningMessage('NeSy: open the .fol rules to check predictions against first.');
    return undefined;
  }
  const picked = predictions ?? (await pickPredictions());
  if (!picked) return undefined;
  let classes = options.classes ?? (await classesBeside(picked));
  const mapsRoot = vscode.Uri.joinPath(context.storage, 'prediction-maps');
  await removeStaleMaps(mapsRoot);
  const maps = vscode.Uri.joinPath(mapsRoot, `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}`);
  const threshold = 0.5;
  const title = `Predictions: ${picked.path.split('/').pop()} against ${rules.uri.path.split('/').pop()}`;
  for (;;) {
    const params: CheckPredictionsParams = { uri: rules.uri.toString(), predictions: picked.toString(), maps: maps.toString(), ...(classes ? { classes: classes.toString() } : {}) };
    let report: RunReport;
    let cancelled = false;
    try {
      report = await vscode.window.withProgress(
        { location: vscode.ProgressLocation.Notification, title: 'NeSy: checking predictions…', cancellable: true },
        (_progress, token) => {
          token.onCancellationRequested(() => (cancelled = true));
          return context.client.sendRequest<RunReport>(Requests.checkPredictions, params, token);
        },
      );
    } catch (error) {
      if (!classes && needsClasses(error)) {
        classes = (
          await vscode.window.showOpenDialog({
            title: 'The scores carry no class names: pick a file of them, one per line in the class axis\'s order',
            canSelectMany: false,
            filters: { 'Class names': ['txt'] },
          })
        )?.[0];
        if (classes) continue;
      } else if (!cancelled) {
        reportFailure(context, 'Checking predictions', error);
      }
      await vscode.workspace.fs.delete(maps, { recursive: true, useTrash: false }).then(undefined, () => undefined);
      return undefined;
    }
    return showPredictionsReport(context.extensionUri, report, { title, threshold, mapsFolder: maps });
  }
}
