// NeSy: Translate English to Temporal Logic, end to end: selected sentence -> the packaged model in the
// language server -> the quick pick -> the formula inserted below the sentence, which stays as written.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../../src/core/protocol';
import { openFixture, waitFor } from './helpers';

describe('Translate English to temporal logic', () => {
  it('inserts the picked formula below the selected sentence', async () => {
    const editor = await openFixture('requirements.tl');
    const sentence = 'The robot eventually reaches the goal.';
    const line = editor.document.lineAt(0);
    const start = line.text.indexOf(sentence);
    editor.selection = new vscode.Selection(0, start, 0, start + sentence.length);
    const before = editor.document.getText();

    const command = vscode.commands.executeCommand(Commands.translate);
    // The quick pick opens once the model has answered; accept its first (best) item as a user would.
    await waitFor('the translation to be inserted', async () => {
      await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
      return editor.document.lineCount > 1 && editor.document.lineAt(1).text.trim() ? true : undefined;
    }, 120_000);
    await command;

    assert.equal(editor.document.lineAt(0).text, before.split('\n')[0], 'the sentence stays as written');
    const formula = editor.document.lineAt(1).text.trim();
    assert.ok(formula.length > 0 && !formula.startsWith('//'), `a formula was inserted: ${formula}`);
  });
});
