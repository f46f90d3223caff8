// Evaluating a spec on a trace in a real VS Code: the "Evaluate on trace…" code lens above each spec,
// its command on a CSV trace (the verdict line shown at the spec), and the robustness plot webview: the
// page (uPlot, under the shared webview CSP) draws its charts from the server's data, and choosing a
// subformula shows that subformula's curve and where it is false.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands, type EvaluateTraceArgs } from '../../../src/core/protocol';
import type { EvaluateTraceResult } from '../../../src/client/commands/evaluateTrace';
import type { FromPlotPage } from '../../../src/client/monitorPlot/messages';
import { monitorPlotViewType } from '../../../src/client/monitorPlot/panel';
import { waitFor, workspaceFile } from './helpers';

const spec = ['signal speed "km/h"', 'prop door', 'spec limit := G[0,2] (door -> speed < 50)', 'F door', ''].join('\n');
const csv = ['time,speed,door', '0,40,0', '1,45,1', '2,55,0', '3,52,1', '4,30,1', ''].join('\n');

function message<T extends FromPlotPage['type']>(result: EvaluateTraceResult, type: T, where: (m: Extract<FromPlotPage, { type: T }>) => boolean = () => true): Extract<FromPlotPage, { type: T }> | undefined {
  return result.view.received.find((m): m is Extract<FromPlotPage, { type: T }> => m.type === type && where(m as Extract<FromPlotPage, { type: T }>));
}

function plotTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(monitorPlotViewType));
}

describe('Evaluating a spec on a trace', () => {
  it('offers the lens on each spec, shows the verdict and opens the robustness plot, linked to the formula', async () => {
    const encoder = new TextEncoder();
    await vscode.workspace.fs.writeFile(workspaceFile('speed.tl'), encoder.encode(spec));
    await vscode.workspace.fs.writeFile(workspaceFile('run.csv'), encoder.encode(csv));
    const document = await vscode.workspace.openTextDocument(workspaceFile('speed.tl'));
    await vscode.window.showTextDocument(document);
    const lenses = await waitFor('the evaluate lenses', async () => {
      const all = (await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri)) ?? [];
      const found = all.filter((l) => l.command?.command === Commands.evaluateTrace);
      return found.length === 2 ? found : undefined;
    });
    assert.deepEqual(lenses.map((l) => [l.range.start.line, l.command!.title]), [[2, 'Evaluate on trace…'], [3, 'Evaluate on trace…']]);
    const args = lenses[0]!.command!.arguments![0] as EvaluateTraceArgs;
    assert.equal(args.spec, 'limit');

    const result = await vscode.commands.executeCommand<EvaluateTraceResult | undefined>(Commands.evaluateTrace, args, workspaceFile('run.csv'));
    assert.ok(result, 'the command evaluated the spec');
    assert.equal(result.inline, '✓ satisfied · robustness 5 · run.csv');
    // The tab model follows the panel asynchronously.
    await waitFor('one plot tab', () => (plotTabs().length === 1 ? true : undefined));
    const rendered = await waitFor('the plot page to render', () => message(result, 'rendered') ?? message(result, 'error'));
    assert.deepEqual(rendered, { type: 'rendered', charts: 2, signals: 2, nodes: 4, violationBands: 1 });
    // At first the spec itself is selected; choosing `speed < 50` shows its curve, false from t=2 to t=3.
    assert.ok(message(result, 'selected', (m) => m.node === 0));
    await result.view.post({ type: 'select', node: 3 });
    const chosen = await waitFor('the subformula to be shown', () => message(result, 'selected', (m) => m.node === 3));
    assert.deepEqual(chosen, { type: 'selected', node: 3, text: 'speed < 50', firstFalse: 2, violationBands: 1 });
    assert.equal(message(result, 'error'), undefined, JSON.stringify(result.view.received));

    // Evaluating again replaces the plot rather than adding a tab.
    let firstDisposed = false;
    result.view.panel.onDidDispose(() => (firstDisposed = true));
    const again = await vscode.commands.executeCommand<EvaluateTraceResult | undefined>(Commands.evaluateTrace, args, workspaceFile('run.csv'));
    assert.ok(again);
    await waitFor('the second plot to render', () => message(again, 'rendered'));
    await waitFor('still one plot tab', async () => {
      await new Promise((r) => setTimeout(r, 300));
      return plotTabs().length === 1 ? true : undefined;
    });
    assert.ok(firstDisposed, 'the first plot was closed');
    again.view.panel.dispose();
    await vscode.commands.executeCommand('workbench.action.closeAllEditors');
  });
});
