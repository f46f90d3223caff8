// NeSy: Translate English to Temporal Logic, end to end: a selected sentence, or the code lens and code
// action on a `// nl:` comment -> the packaged model in the language server -> the quick pick -> the
// formula inserted below the sentence, which stays as written, with declarations for the names it adds.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { Commands, type TranslateArgs } from '../../../src/core/protocol';
import { defaultSettings } from '../../../src/core/settings';
import { analyzeTl } from '../../../src/languages/tl/service';
import { openFixture, positionOf, revert, waitFor } from './helpers';

/** Runs the translate command and accepts the quick pick's first (best) item once the model has answered. */
async function translateAndAccept(args: unknown, inserted: () => boolean): Promise<void> {
  const command = vscode.commands.executeCommand(Commands.translate, ...(args === undefined ? [] : [args]));
  await waitFor('the translation to be inserted', async () => {
    await vscode.commands.executeCommand('workbench.action.acceptSelectedQuickOpenItem');
    return inserted() ? true : undefined;
  }, 120_000);
  await command;
}

describe('Translate English to temporal logic', function () {
  this.timeout(180_000);

  it('inserts the picked formula below the selected sentence', async () => {
    const editor = await openFixture('requirements.tl');
    const sentence = 'The robot eventually reaches the goal.';
    const line = editor.document.lineAt(0);
    const start = line.text.indexOf(sentence);
    editor.selection = new vscode.Selection(0, start, 0, start + sentence.length);
    const before = editor.document.getText();

    await translateAndAccept(undefined, () => editor.document.lineCount > 1 && editor.document.lineAt(1).text.trim() !== '');

    assert.equal(editor.document.lineAt(0).text, before.split('\n')[0], 'the sentence stays as written');
    const added = editor.document.getText().split('\n').slice(1).filter((l) => l.trim() !== '');
    const formula = added[added.length - 1]!.trim();
    assert.ok(added.slice(0, -1).every((l) => /^prop \w+/.test(l)), `declarations for the new names come first: ${added.join(' / ')}`);
    assert.ok(formula.length > 0 && !/^(prop|spec)\b|^\/\//.test(formula), `a formula was inserted: ${formula}`);
    await revert(editor);
  });

  it('offers a Translate code lens and code action on a `// nl:` comment', async () => {
    const editor = await openFixture('nl.tl');
    const uri = editor.document.uri;
    const lenses = await waitFor('the Translate code lens', async () => {
      const result = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
      return result?.length ? result : undefined;
    });
    assert.equal(lenses.length, 1);
    assert.equal(lenses[0]!.range.start.line, 3);
    assert.equal(lenses[0]!.command?.command, Commands.translate);
    const args = lenses[0]!.command?.arguments?.[0] as TranslateArgs;
    assert.equal(args.sentence, 'Whenever the light is red, the light is eventually green.');
    const at = positionOf(editor.document, 'nl:');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(at, at));
    const action = actions.find((a) => a.command?.command === Commands.translate);
    assert.ok(action, actions.map((a) => a.title).join(' | '));
    assert.deepEqual(action.command?.arguments, lenses[0]!.command?.arguments);
  });

  it('offers to insert a `// nl:` comment\'s translation at once, titled with how sure it is, and inserting it keeps the file valid', async () => {
    const editor = await openFixture('nl.tl');
    const document = editor.document;
    const at = positionOf(document, 'nl:');
    // The first code action request loads the model in the server; the action appears once it has answered.
    const insert = await waitFor('the Insert translation code action', async () => {
      const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', document.uri, new vscode.Range(at, at));
      return actions.find((a) => a.title.startsWith('Insert'));
    });
    assert.match(insert.title, /^Insert `.+`, the translation \((uncertain \(\d+% confident\): check its reading|\d+% confident)\)$/);
    const before = document.getText();
    assert.ok(insert.edit && (await vscode.workspace.applyEdit(insert.edit)));
    assert.ok(document.getText().startsWith(before.split('\n').slice(0, at.line + 1).join('\n')), 'everything up to the comment stays');
    const analysis = analyzeTl(TextDocument.create(document.uri.toString(), 'tl', document.version, document.getText()), defaultSettings);
    assert.deepEqual(analysis.diagnostics.filter((d) => d.severity === 1), [], 'the inserted lines parse and declare what they use');
    await revert(editor);
  });

  it('translates a `// nl:` comment with the lens\'s arguments into a formula the .tl language accepts', async () => {
    const editor = await openFixture('nl.tl');
    const document = editor.document;
    const lenses = await waitFor('the Translate code lens', async () => {
      const result = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', document.uri);
      return result?.length ? result : undefined;
    });
    const comment = lenses[0]!.range.start.line;
    const before = document.getText();
    await translateAndAccept(lenses[0]!.command?.arguments?.[0], () => document.lineCount > comment + 1 && document.lineAt(comment + 1).text.trim() !== '');

    const lines = document.getText().split('\n');
    assert.deepEqual(lines.slice(0, comment + 1), before.split('\n').slice(0, comment + 1), 'everything up to the comment stays');
    const added = lines.slice(comment + 1).filter((l) => l.trim() !== '');
    const formula = added[added.length - 1]!;
    assert.ok(added.slice(0, -1).every((l) => /^prop \w+/.test(l)), `only declarations precede the formula: ${added.join(' / ')}`);
    assert.ok(formula.length > 0 && !/^(prop|spec)\b|^\/\//.test(formula), `a formula was inserted: ${formula}`);
    // The file declares its propositions, so a name without a declaration would be reported too.
    const analysis = analyzeTl(TextDocument.create(document.uri.toString(), 'tl', document.version, document.getText()), defaultSettings);
    const problems = analysis.diagnostics.filter((d) => d.severity === 1 || d.code === 'tl/undeclared-prop');
    assert.deepEqual(problems.map((d) => d.message), [], document.getText());
    assert.ok(analysis.tl.statements.some((s) => s.kind === 'formula' && document.positionAt(s.start).line > comment), 'the formula is a statement');
    await revert(editor);
  });
});
