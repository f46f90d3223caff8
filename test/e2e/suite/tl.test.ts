// Temporal logic (.tl) in a real VS Code: diagnostics, quick fixes, hover, settings and commands, all
// through VS Code's own APIs, so the client, the manifest and the server are exercised together.
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { Commands } from '../../../src/core/protocol';
import { diagnosticsWithCode, openFixture, positionOf, revert, serverKnows, waitFor } from './helpers';

const reversed = 'tl/interval-reversed';
const undeclared = 'tl/undeclared-prop';

async function diagnosticFor(uri: vscode.Uri, code: string): Promise<vscode.Diagnostic> {
  return waitFor(`a ${code} diagnostic in ${uri.path}`, () => diagnosticsWithCode(uri, code)[0]);
}

async function quickFix(uri: vscode.Uri, diagnostic: vscode.Diagnostic, title: string): Promise<vscode.CodeAction> {
  const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>(
    'vscode.executeCodeActionProvider', uri, diagnostic.range, vscode.CodeActionKind.QuickFix.value,
  );
  const action = actions.find((a) => a.title === title);
  assert.ok(action?.edit, `quick fix "${title}" among: ${actions.map((a) => a.title).join(' | ')}`);
  return action;
}

describe('Temporal logic (.tl)', () => {
  afterEach(async () => {
    await vscode.workspace.getConfiguration('nesy').update('diagnostics.disabled', undefined, vscode.ConfigurationTarget.Workspace);
  });

  it('reports the mistakes in a file as diagnostics at the right places', async () => {
    const editor = await openFixture('mistakes.tl');
    const interval = await diagnosticFor(editor.document.uri, reversed);
    assert.equal(editor.document.getText(interval.range), '[10,0]');
    assert.equal(interval.severity, vscode.DiagnosticSeverity.Error);
    const prop = await diagnosticFor(editor.document.uri, undeclared);
    assert.equal(editor.document.getText(prop.range), 'yellow');
  });

  it('reports nothing in a correct file', async () => {
    const editor = await openFixture('traffic.tl');
    await serverKnows(editor, 'G (red');
    assert.deepEqual(vscode.languages.getDiagnostics(editor.document.uri).map((d) => d.message), []);
  });

  it('swaps reversed interval bounds with the quick fix', async () => {
    const editor = await openFixture('mistakes.tl');
    const uri = editor.document.uri;
    const action = await quickFix(uri, await diagnosticFor(uri, reversed), 'Swap the interval bounds');
    assert.ok(await vscode.workspace.applyEdit(action.edit!));
    assert.match(editor.document.getText(), /^spec late := F\[0,10\] green$/m);
    await waitFor('the interval diagnostic to go', () => (diagnosticsWithCode(uri, reversed).length === 0 ? true : undefined));
    await revert(editor);
  });

  it('declares an undeclared proposition with the quick fix, after the other declarations', async () => {
    const editor = await openFixture('mistakes.tl');
    const uri = editor.document.uri;
    const action = await quickFix(uri, await diagnosticFor(uri, undeclared), 'Declare proposition `yellow`');
    assert.ok(await vscode.workspace.applyEdit(action.edit!));
    assert.match(editor.document.getText(), /prop green "the light is green"\nprop yellow\n/);
    await waitFor('the undeclared-prop diagnostic to go', () => (diagnosticsWithCode(uri, undeclared).length === 0 ? true : undefined));
    await revert(editor);
  });

  it('hovers an operator with its documentation', async () => {
    const editor = await openFixture('traffic.tl');
    const position = positionOf(editor.document, 'G (red');
    const hovers = await waitFor('a hover on G', async () => {
      const result = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position);
      return result?.length ? result : undefined;
    });
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /Always: `G φ` holds when φ holds now and at every later moment/);
  });

  it('hovers a proposition with its declared description', async () => {
    const editor = await openFixture('traffic.tl');
    const position = positionOf(editor.document, 'green)', 1);
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position);
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /the light is green/);
  });

  it('switches a check off through the nesy.diagnostics.disabled setting', async () => {
    const editor = await openFixture('mistakes.tl');
    const uri = editor.document.uri;
    await diagnosticFor(uri, undeclared);
    await vscode.workspace.getConfiguration('nesy').update('diagnostics.disabled', [undeclared], vscode.ConfigurationTarget.Workspace);
    await waitFor('the disabled check to go', () => (diagnosticsWithCode(uri, undeclared).length === 0 ? true : undefined));
    assert.ok(diagnosticsWithCode(uri, reversed).length > 0, 'other checks stay on');
  });

  it('converts every operator to unicode with the Convert Operator Style command', async () => {
    const editor = await openFixture('robot.ltl');
    await serverKnows(editor, 'F goal');
    await vscode.commands.executeCommand(Commands.convertStyle, 'unicode');
    const converted = /^◇\s*goal\s*∧\s*□\s*¬\s*obstacle$/m;
    await waitFor('the converted text', () => (converted.test(editor.document.getText()) ? true : undefined), 10_000);
    assert.match(editor.document.getText(), /^\/\/ nl: The robot eventually reaches the goal/m, 'comments stay as written');
    await revert(editor);
  });

});
