// Math word problems (.mwp) with the packaged model in a real VS Code: the predicted expression as an inlay
// hint and a code lens, the formula behind a step on hover, and the quick fix that takes the model's answer
// when the written one disagrees. What the model predicts depends on its training, so the tests check the
// shape of its answers (an expression, a numeric value), not the numbers themselves.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { ANSWER_DISAGREES } from '../../../src/languages/mwp/checks';
import { diagnosticsWithCode, openFixture, positionOf, revert, waitFor } from './helpers';

/** An answer as the model writes it: an integer, a decimal, a fraction or a percentage, maybe negative. */
const numeric = /^-?\d+(\.\d+)?(\/\d+)?%?$/;

function labelText(hint: vscode.InlayHint): string {
  return typeof hint.label === 'string' ? hint.label : hint.label.map((p) => p.value).join('');
}

function hoverText(hovers: vscode.Hover[]): string {
  return hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
}

describe('Math word problems (.mwp)', function () {
  // The first request loads the model.
  this.timeout(180_000);

  it('shows the predicted expression and its value as an inlay hint and a code lens', async () => {
    const editor = await openFixture('shop.mwp');
    const uri = editor.document.uri;
    const whole = new vscode.Range(0, 0, editor.document.lineCount, 0);
    const hints = await waitFor('the model\'s inlay hint', async () => {
      const result = await vscode.commands.executeCommand<vscode.InlayHint[]>('vscode.executeInlayHintProvider', uri, whole);
      return result?.length ? result : undefined;
    }, 120_000);
    const label = labelText(hints[0]!);
    const m = /x = (.+) = (\S+?)(?: \(low confidence [^)]*\))?$/.exec(label);
    assert.ok(m, `the hint shows x = expression = value: ${label}`);
    assert.match(m[2]!, numeric, label);
    assert.equal(hints[0]!.position.line, 2, 'the hint follows the problem text');

    const lenses = await vscode.commands.executeCommand<vscode.CodeLens[]>('vscode.executeCodeLensProvider', uri);
    const title = lenses.map((l) => l.command?.title ?? '').find((t) => /^Model/.test(t));
    assert.ok(title && / = /.test(title), lenses.map((l) => l.command?.title).join(' | '));
  });

  it('explains the step under the cursor with its arithmetic on hover', async () => {
    const editor = await openFixture('shop.mwp');
    const position = positionOf(editor.document, '- 3');
    const text = await waitFor('a hover on the equation\'s operator', async () => {
      const result = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position);
      return result?.length ? hoverText(result) : undefined;
    }, 120_000);
    assert.match(text, /15 [-−] 3 = 12/);
  });

  it('replaces a disagreeing answer with the model\'s through the quick fix', async () => {
    const editor = await openFixture('shop.mwp');
    const uri = editor.document.uri;
    const d = await waitFor(`a ${ANSWER_DISAGREES} diagnostic`, () => diagnosticsWithCode(uri, ANSWER_DISAGREES)[0], 120_000);
    assert.match(d.message, /999999/);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const fix = actions.find((a) => a.edit && /^Use the model's answer/.test(a.title));
    assert.ok(fix?.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(fix.edit));
    const answer = editor.document.getText().split('\n').find((l) => l.startsWith('answer:'));
    const value = answer?.slice('answer:'.length).trim() ?? '';
    assert.match(value, numeric, `the model's answer was inserted: ${answer}`);
    assert.notEqual(value, '999999');
    await waitFor('the disagreement to go', () => (diagnosticsWithCode(uri, ANSWER_DISAGREES).length === 0 ? true : undefined));
    await revert(editor);
  });
});
