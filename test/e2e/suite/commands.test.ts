// The client-side flows of the NeSy commands that take input and show a result, run as a user would run
// them (arguments stand in for the file dialogs, which the tests cannot click).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../../src/core/protocol';
import { openFixture, revert, waitFor, workspaceFile } from './helpers';

describe('NeSy commands', () => {
  it('interprets the selected math word problem into a report with the answer and its steps', async () => {
    const editor = await openFixture('apples.mwp');
    const first = 2;
    const last = 3;
    editor.selection = new vscode.Selection(first, 0, last, editor.document.lineAt(last).text.length);
    await vscode.commands.executeCommand(Commands.interpretMwp);
    const report = await waitFor('the report editor', () => {
      const active = vscode.window.activeTextEditor?.document;
      return active?.isUntitled && active.languageId === 'markdown' ? active : undefined;
    });
    const text = report.getText();
    assert.match(text, /^> A shop sold 12 apples/m, 'the problem is quoted');
    assert.match(text, /^\*\*Answer:\*\* \S+/m);
    assert.match(text, /^\| 1 \| /m, 'the first step is listed');
    await vscode.commands.executeCommand('workbench.action.revertAndCloseActiveEditor');
  });

  it('adds a hierarchy declaration for the chosen JSON file to the .fol document, and it analyses cleanly', async () => {
    const editor = await openFixture('rules.fol');
    await vscode.commands.executeCommand(Commands.generateHierarchyRules, workspaceFile('vehicles.json'));
    assert.match(editor.document.getText(), /\n\nhierarchy Vehicles from "vehicles\.json"\n$/);
    const declared = editor.document.lineCount - 2;
    // The outline shows the hierarchy once the server has analysed the edited text.
    await waitFor('the hierarchy in the outline', async () => {
      const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
      return symbols?.some((s) => s.name.includes('Vehicles')) ? true : undefined;
    });
    const problems = vscode.languages.getDiagnostics(editor.document.uri).filter((d) => d.range.start.line === declared);
    assert.deepEqual(problems.map((d) => d.message), []);
    await revert(editor);
  });
});
