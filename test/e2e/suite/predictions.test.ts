// Checking a network's scores in a real VS Code: NeSy: Check Predictions on an .npy image (class names from
// the classes.txt beside it) opens the report webview, which renders the rules table, lists the image and
// loads the violation map the server drew (a PNG from the extension's storage, through the webview's
// resource roots and Content-Security-Policy); selecting another rule, as a click does, loads that rule's
// map. On JSON samples it renders the table without maps.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';
import { Commands } from '../../../src/core/protocol';
import type { FromView } from '../../../src/client/predictionsReport/model';
import { predictionsReportViewType, type PredictionsReportPanel } from '../../../src/client/predictionsReport/panel';
import { npyBytes } from '../../helpers/scoreFiles';
import { openFixture, waitFor, workspaceFile } from './helpers';

function messages<T extends FromView['type']>(report: PredictionsReportPanel, type: T): Extract<FromView, { type: T }>[] {
  return report.received.filter((m): m is Extract<FromView, { type: T }> => m.type === type);
}

function reportTabs(): vscode.Tab[] {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).filter((t) => t.input instanceof vscode.TabInputWebview && t.input.viewType.endsWith(predictionsReportViewType));
}

function tabsText(): string {
  return vscode.window.tabGroups.all.flatMap((g) => g.tabs).map((t) => `${t.label}: ${t.input instanceof vscode.TabInputWebview ? t.input.viewType : typeof t.input}`).join(', ');
}

const classes = ['mammal', 'bird', 'dog', 'cat', 'sparrow', 'penguin'];

describe('Checking predictions', () => {
  it('opens the report webview for an .npy image, with the rules table and its violation maps', async () => {
    await openFixture('animals.fol');
    // One 2 x 3 image of mammal dogs (r1, dog -> bird, fails everywhere); pixel 4 is a dog that is neither a
    // mammal nor a bird, so C_dog and the root's D-rule fail there too.
    const planes = new Float32Array(classes.length * 6);
    for (let p = 0; p < 6; p++) {
      planes[classes.indexOf('mammal') * 6 + p] = p === 4 ? 0.1 : 0.9;
      planes[classes.indexOf('dog') * 6 + p] = 0.8;
    }
    await vscode.workspace.fs.writeFile(workspaceFile('image.npy'), npyBytes('<f4', [classes.length, 2, 3], planes));
    await vscode.workspace.fs.writeFile(workspaceFile('classes.txt'), new TextEncoder().encode(classes.join('\n') + '\n'));
    const report = await vscode.commands.executeCommand<PredictionsReportPanel | undefined>(Commands.checkPredictions, workspaceFile('image.npy'));
    assert.ok(report, 'the command opened a report');
    // The workbench shows the tab a moment after the panel is made.
    await waitFor('one report tab', () => (reportTabs().length === 1 ? true : undefined), 10_000).catch((e: Error) => {
      throw new Error(`${e.message}; the tabs: ${tabsText()}`);
    });
    const rendered = await waitFor('the report page to render', () => messages(report, 'rendered')[0]);
    assert.equal(rendered.images, 1);
    assert.ok(rendered.rules >= 5, JSON.stringify(rendered));
    assert.ok(rendered.maps >= 2, `a map for each violated rule (r1, C_dog, D_animals, ...): ${JSON.stringify(rendered)}`);
    // The page shows the image's worst rule's map at once; it loaded at the image's size.
    const first = await waitFor('a violation map to load', () => messages(report, 'mapShown')[0] ?? messages(report, 'mapFailed')[0]);
    assert.equal(first.type, 'mapShown', `the map of ${first.rule} loaded`);
    assert.deepEqual(first.type === 'mapShown' && [first.file, first.width, first.height], ['image.npy', 3, 2]);
    // Another rule's map, as a click on the rule shows it.
    const other = first.rule === 'animals.C_dog' ? 'r1' : 'animals.C_dog';
    await report.post({ type: 'select', file: 'image.npy', rule: other });
    const second = await waitFor(`the map of ${other}`, () => messages(report, 'mapShown').find((m) => m.rule === other) ?? messages(report, 'mapFailed')[0]);
    assert.equal(second.type, 'mapShown');
    report.panel.dispose();
  });

  it('removes maps folders that closed windows left behind a day ago, and keeps newer ones', async () => {
    await openFixture('animals.fol');
    const first = await vscode.commands.executeCommand<PredictionsReportPanel | undefined>(Commands.checkPredictions, workspaceFile('image.npy'));
    assert.ok(first);
    // The page may read the extension's dist/ and this report's maps folder, which lies in prediction-maps/.
    const mapsFolder = first.panel.webview.options.localResourceRoots!.find((u) => u.path.includes('/prediction-maps/'))!;
    const root = path.dirname(mapsFolder.fsPath);
    const stale = path.join(root, 'left-behind');
    const recent = path.join(root, 'still-open-elsewhere');
    for (const dir of [stale, recent]) fs.mkdirSync(dir, { recursive: true });
    const twoDaysAgo = new Date(Date.now() - 2 * 24 * 3600 * 1000);
    fs.utimesSync(stale, twoDaysAgo, twoDaysAgo);
    const second = await vscode.commands.executeCommand<PredictionsReportPanel | undefined>(Commands.checkPredictions, workspaceFile('image.npy'));
    assert.ok(second);
    assert.equal(fs.existsSync(stale), false, 'the day-old folder is gone');
    assert.equal(fs.existsSync(recent), true, 'a recent folder stays');
    // Closing a report deletes its own folder.
    first.panel.dispose();
    await waitFor('the closed report\'s maps folder to go', () => (fs.existsSync(mapsFolder.fsPath) ? undefined : true), 10_000);
    second.panel.dispose();
    fs.rmSync(recent, { recursive: true, force: true });
  });

  it('renders the rules table for JSON samples, which have no maps', async () => {
    const editor = await openFixture('animals.fol');
    const report = await vscode.commands.executeCommand<PredictionsReportPanel | undefined>(Commands.checkPredictions, workspaceFile('predictions-small.json'));
    assert.ok(report);
    const rendered = await waitFor('the report page to render', () => messages(report, 'rendered')[0]);
    assert.deepEqual([rendered.maps, rendered.images], [0, 1]);
    assert.ok(rendered.rules >= 5, JSON.stringify(rendered));
    report.panel.dispose();
    await vscode.window.showTextDocument(editor.document);
  });
});
