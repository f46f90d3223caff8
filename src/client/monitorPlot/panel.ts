// The robustness plot beside the editor: the page (dist/monitor-plot.js and .css, built from
// src/webview/monitorPlot.ts with uPlot) in a panel of the shared webview plumbing, the plot's data
// posted once the page says it is ready. One panel per spec and trace: evaluating again replaces it.
import * as vscode from 'vscode';
import { openWebviewPanel, type WebviewPanel } from '../webview/index';
import type { FromPlotPage, PlotData, ToPlotPage } from './messages';

export const monitorPlotViewType = 'nesy.monitorPlot';

export type MonitorPlotPanel = WebviewPanel<ToPlotPage, FromPlotPage>;

const open = new Map<string, MonitorPlotPanel>();

export function showMonitorPlot(extensionUri: vscode.Uri, key: string, plot: PlotData): MonitorPlotPanel {
  open.get(key)?.panel.dispose();
  const dist = vscode.Uri.joinPath(extensionUri, 'dist');
  const view = openWebviewPanel<ToPlotPage, FromPlotPage>({
    viewType: monitorPlotViewType,
    title: `${plot.spec} on ${plot.trace}`,
    localResourceRoots: [dist],
    page: {
      body: '<main id="root"><p>Drawing the plot…</p></main>',
      scripts: [vscode.Uri.joinPath(dist, 'monitor-plot.js')],
      styles: [vscode.Uri.joinPath(dist, 'monitor-plot.css')],
    },
    // The charts are drawn from the message: keeping the page saves redrawing it on every tab switch.
    retainContextWhenHidden: true,
    onMessage: (m, v) => {
      if (m.type === 'ready') void v.post({ type: 'plot', plot });
    },
  });
  open.set(key, view);
  view.panel.onDidDispose(() => {
    if (open.get(key) === view) open.delete(key);
  });
  return view;
}
