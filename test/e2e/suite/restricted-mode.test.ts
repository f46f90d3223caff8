// An untrusted workspace (Restricted Mode), run in a launch of its own: run-code-server.mjs opens a copy of the
// workspace with workspace trust on, test/e2e/restricted/.vscode/settings.json in it (a model path and an
// execution provider, which a workspace the user has not trusted must not choose, and an operator style, which
// applies in Restricted Mode too), and a machine-level `nesy.models.path` that does not exist. Language
// features work; the workspace's model path and provider are not applied; the server loads no model, whatever
// path reaches it, and says why.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as vscode from 'vscode';
import { Commands, type TranslateArgs } from '../../../src/core/protocol';
import { diagnosticsWithCode, openFixture, outputChannelText, positionOf, serverKnows, waitFor, workspaceFile } from './helpers';

// The user reads `NeSy: Translation failed: <reason>` in a notification; the output channel has the same
// reason after "Translation failed: " and the error's class, with the stack.
const translationRefused = /Translation failed: (Error: )?neural models are not available: the workspace is not trusted\./;

describe('Restricted Mode (untrusted workspace)', () => {
  it('runs in an untrusted workspace', () => {
    assert.equal(vscode.workspace.isTrusted, false);
  });

  it('reports diagnostics and answers hovers in a .tl file', async () => {
    const editor = await openFixture('mistakes.tl');
    const uri = editor.document.uri;
    const interval = await waitFor('the reversed interval', () => diagnosticsWithCode(uri, 'tl/interval-reversed')[0]);
    assert.equal(editor.document.getText(interval.range), '[10,0]');
    await serverKnows(editor, 'G (yellow');
  });

  it('does not apply the workspace\'s model path and execution provider, and applies its other settings', () => {
    const inWorkspace = JSON.parse(fs.readFileSync(workspaceFile('.vscode/settings.json').fsPath, 'utf8')) as Record<string, unknown>;
    // What the client answers the server's workspace/configuration request for `nesy` with.
    const served = vscode.workspace.getConfiguration().get<{ operatorStyle: string; models: { path: string }; inference: { executionProvider: string } }>('nesy');
    assert.ok(served);
    assert.equal(served.operatorStyle, inWorkspace['nesy.operatorStyle'], 'control: the workspace settings file is read');
    assert.notEqual(served.models.path, inWorkspace['nesy.models.path']);
    assert.notEqual(served.inference.executionProvider, inWorkspace['nesy.inference.executionProvider']);
    // The machine's own value reaches the server; the next test shows the server still loads no model.
    assert.notEqual(served.models.path, '', 'the runner sets nesy.models.path for the machine');
  });

  it('says neural features are off because the workspace is not trusted', async () => {
    const editor = await openFixture('nl.tl');
    const before = editor.document.getText();
    const line = positionOf(editor.document, '// nl:').line;
    const args: TranslateArgs = {
      uri: editor.document.uri.toString(),
      range: { start: { line, character: 0 }, end: { line, character: editor.document.lineAt(line).text.length } },
      sentence: 'Whenever the light is red, the light is eventually green.',
    };
    await vscode.commands.executeCommand(Commands.translate, args);
    assert.equal(editor.document.getText(), before, 'nothing was inserted');
    const output = await waitFor('the failure in the output channel', () => {
      const text = outputChannelText();
      return translationRefused.test(text) ? text : undefined;
    });
    assert.match(output, /NeSy language server ready for .*\(untrusted workspace: neural features off\)/);
    // Had the server used the machine's model path, it would have said the model files are missing.
    assert.doesNotMatch(output, /Model file not found|Loading a neural model/);
  });
});
