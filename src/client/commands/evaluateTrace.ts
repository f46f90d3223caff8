// NeSy: Evaluate on Trace (the code lens above each spec of a .tl file). Picks a trace (CSV or JSON
// lines), asks the server (nesy/monitorTrace) for the spec's verdict and robustness on it, shows the
// verdict at the end of the spec's line, and opens the robustness plot beside the editor.
import * as vscode from 'vscode';
import { Commands, Requests, type EvaluateTraceArgs, type MonitorTraceParams } from '../../core/protocol';
import { infinityOnTheWire } from '../../core/monitorPlot';
import type { PlotData } from '../monitorPlot/messages';
import { showMonitorPlot, type MonitorPlotPanel } from '../monitorPlot/panel';
import { type CommandContext, requestWithProgress } from './context';

/** What the command did, for tests: the plot's data, the verdict line shown inline, and the panel. */
export interface EvaluateTraceResult {
  plot: PlotData;
  inline: string;
  view: MonitorPlotPanel;
}

const verdictDecoration = vscode.window.createTextEditorDecorationType({
  after: { margin: '0 0 0 2em', color: new vscode.ThemeColor('editorCodeLens.foreground'), fontStyle: 'italic' },
  isWholeLine: false,
});

/** The verdicts shown per document, by spec index (the spec's first line and the text); cleared when the document changes. */
const shownVerdicts = new Map<string, Map<number, { line: number; text: string }>>();
let watching: vscode.Disposable | undefined;

function robustnessText(r: number): string {
  if (r >= infinityOnTheWire) return '+∞';
  if (r <= -infinityOnTheWire) return '−∞';
  return String(Number.isInteger(r) ? r : Number(r.toPrecision(6)));
}

export function verdictLine(plot: PlotData): string {
  const v = plot.verdict;
  const what = v.satisfied ? '✓ satisfied' : `✗ violated at t=${v.firstViolation}`;
  return `${what} · robustness ${robustnessText(v.robustness)} · ${plot.trace}`;
}

function decorate(uri: string): void {
  for (const editor of vscode.window.visibleTextEditors) {
    if (editor.document.uri.toString() !== uri) continue;
    const shown = [...(shownVerdicts.get(uri)?.values() ?? [])].filter((v) => v.line < editor.document.lineCount);
    // At the end of the spec's first line, after its text.
    const decorations = shown.map((v): vscode.DecorationOptions => {
      const end = editor.document.lineAt(v.line).range.end;
      return { range: new vscode.Range(end, end), renderOptions: { after: { contentText: v.text } } };
    });
    editor.setDecorations(verdictDecoration, decorations);
  }
}

function watchEdits(): void {
  watching ??= vscode.Disposable.from(
    // An edit may move or change any spec: the verdicts no longer describe the text.
    vscode.workspace.onDidChangeTextDocument((e) => {
      const uri = e.document.uri.toString();
      if (e.contentChanges.length > 0 && shownVerdicts.delete(uri)) decorate(uri);
    }),
    vscode.window.onDidChangeVisibleTextEditors(() => {
      for (const uri of shownVerdicts.keys()) decorate(uri);
    }),
  );
}

/** The spec under the cursor of the active .tl editor, or one the user picks, from the server's code lenses. */
async function specFromEditor(): Promise<EvaluateTraceArgs | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || editor.document.languageId !== 'tl') {
    void vscode.window.showErrorMessage('NeSy: open a .tl file to evaluate one of its specs on a trace.');
    return undefined;
  }
  const lenses = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', editor.document.uri)) ?? [];
  const specs = lenses.filter((l) => l.command?.command === Commands.evaluateTrace).map((l) => l.command!.arguments![0] as EvaluateTraceArgs);
  if (specs.length === 0) {
    void vscode.window.showErrorMessage('NeSy: this file has no spec or formula to evaluate.');
    return undefined;
  }
  const line = editor.selection.active.line;
  const here = specs.find((s) => s.range.start.line <= line && line <= s.range.end.line);
  if (here || specs.length === 1) return here ?? specs[0];
  const pick = await vscode.window.showQuickPick(specs.map((s) => ({ label: s.spec, spec: s })), { placeHolder: 'Which spec?' });
  return pick?.spec;
}

/** `trace` skips the file dialog (tests, and callers that know the file). */
export async function evaluateTrace(context: CommandContext, args?: EvaluateTraceArgs, trace?: vscode.Uri): Promise<EvaluateTraceResult | undefined> {
  const spec = args ?? (await specFromEditor());
  if (!spec) return undefined;
  const file =
    trace ??
    (
      await vscode.window.showOpenDialog({
        canSelectMany: false,
        openLabel: `Evaluate ${spec.spec}`,
        title: `A trace to evaluate ${spec.spec} on`,
        filters: { 'Traces (CSV, JSON lines)': ['csv', 'jsonl', 'ndjson', 'json'], 'All files': ['*'] },
      })
    )?.[0];
  if (!file) return undefined;
  const params: MonitorTraceParams = { uri: spec.uri, spec: spec.spec, index: spec.index, trace: file.toString() };
  const plot = await requestWithProgress<PlotData>(context, 'Evaluating on the trace', `NeSy: evaluating ${spec.spec} on ${file.path.split('/').pop()}…`, Requests.monitorTrace, params);
  if (!plot) return undefined;
  const inline = verdictLine(plot);
  const byIndex = shownVerdicts.get(spec.uri) ?? new Map<number, { line: number; text: string }>();
  byIndex.set(spec.index, { line: spec.range.start.line, text: inline });
  shownVerdicts.set(spec.uri, byIndex);
  watchEdits();
  decorate(spec.uri);
  const extensionUri = vscode.extensions.getExtension('nesy-studio.nesy-studio')?.extensionUri;
  if (!extensionUri) throw new Error('NeSy Studio cannot find its own extension folder');
  const view = showMonitorPlot(extensionUri, `${spec.uri}#${spec.index}`, plot);
  return { plot, inline, view };
}
