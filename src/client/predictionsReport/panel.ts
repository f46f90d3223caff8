// The predictions report beside the editor: the page (dist/predictions-report.js and .css, built from
// src/webview/predictionsReport.ts) in a panel of the shared webview plumbing (src/client/webview), the
// report posted once the page says it is ready. The page may read the extension's dist/ folder and this
// report's own maps folder, where the language server drew the violation maps; that folder is deleted
// when the panel closes.
import * as vscode from 'vscode';
import type { RunReport } from '../../cli/predictions/report';
import { openWebviewPanel, type WebviewPanel } from '../webview/index';
import { reportView, type FromView, type ToView } from './model';

export const predictionsReportViewType = 'nesy.predictionsReport';

export type PredictionsReportPanel = WebviewPanel<ToView, FromView>;

export function showPredictionsReport(extensionUri: vscode.Uri, report: RunReport, options: { title: string; threshold: number; mapsFolder: vscode.Uri }): PredictionsReportPanel {
  const dist = vscode.Uri.joinPath(extensionUri, 'dist');
  let view: ReturnType<typeof reportView> | undefined;
  const panel = openWebviewPanel<ToView, FromView>({
    viewType: predictionsReportViewType,
    title: options.title,
    localResourceRoots: [dist, options.mapsFolder],
    page: {
      body: '<main id="root"><p>Loading the report…</p></main>',
      scripts: [vscode.Uri.joinPath(dist, 'predictions-report.js')],
      styles: [vscode.Uri.joinPath(dist, 'predictions-report.css')],
    },
    onMessage: (m, p) => {
      if (m.type === 'ready' && view) void p.post({ type: 'report', view });
    },
  });
  const webview = panel.panel.webview;
  view = reportView(report, { title: options.title, threshold: options.threshold, mapUri: (png) => webview.asWebviewUri(vscode.Uri.file(png)).toString() });
  panel.panel.onDidDispose(() => {
    void vscode.workspace.fs.delete(options.mapsFolder, { recursive: true, useTrash: false }).then(undefined, () => undefined);
  });
  return panel;
}
