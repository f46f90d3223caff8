// First-order rules (.fol) in a real VS Code: the hierarchy reasoning as diagnostics, a quick fix
// applied, hover on a class, the outline tree, the generate-rules refactoring, re-validation when an
// imported hierarchy changes on disk (checking predictions against the rules: predictions.test.ts).
import * as assert from 'node:assert/strict';
import * as vscode from 'vscode';
import { diagnosticsWithCode, openFixture, positionOf, waitFor, workspaceFile } from './helpers';

const unsatisfiable = 'fol/unsatisfiable-class';
const undeclared = 'fol/undeclared-predicate';

async function diagnosticFor(uri: vscode.Uri, code: string): Promise<vscode.Diagnostic> {
  return waitFor(`a ${code} diagnostic in ${uri.path}`, () => diagnosticsWithCode(uri, code)[0]);
}

describe('First-order rules (.fol)', () => {
  it('reports a rule that makes a class unsatisfiable', async () => {
    const editor = await openFixture('animals.fol');
    const d = await diagnosticFor(editor.document.uri, unsatisfiable);
    assert.ok(editor.document.getText(d.range).startsWith('r1: forall x. dog(x) -> bird(x)'));
    assert.match(d.message, /makes class 'dog' unsatisfiable/);
    assert.equal(d.severity, vscode.DiagnosticSeverity.Error);
  });

  it('declares a missing predicate with the quick fix', async () => {
    const editor = await openFixture('animals.fol');
    const uri = editor.document.uri;
    const d = await diagnosticFor(uri, undeclared);
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, d.range, vscode.CodeActionKind.QuickFix.value);
    const action = actions.find((a) => a.title === 'Declare predicate fish(x)');
    assert.ok(action?.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(action.edit));
    assert.match(editor.document.getText(), /predicate fish\(x\)\nrule r1/);
    await waitFor('the undeclared-predicate diagnostic to go', () => (diagnosticsWithCode(uri, undeclared).length === 0 ? true : undefined));
  });

  it('hovers a class with its place in the hierarchy', async () => {
    const editor = await openFixture('animals.fol');
    const position = positionOf(editor.document, 'cat(y)');
    const hovers = await waitFor('a hover on cat', async () => {
      const result = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position);
      return result?.length ? result : undefined;
    });
    const text = hovers.flatMap((h) => h.contents.map((c) => (typeof c === 'string' ? c : c.value))).join('\n');
    assert.match(text, /animals › mammal › cat/);
    assert.match(text, /Siblings \(mutually exclusive\): dog/);
  });

  it('shows the hierarchy as a tree in the outline', async () => {
    const editor = await openFixture('animals.fol');
    const symbols = await waitFor('the outline of animals.fol', async () => {
      const result = await vscode.commands.executeCommand<vscode.DocumentSymbol[]>('vscode.executeDocumentSymbolProvider', editor.document.uri);
      return result?.length ? result : undefined;
    });
    assert.equal(symbols[0].name, 'animals');
    assert.deepEqual(symbols[0].children.map((c) => [c.name, c.children.map((k) => k.name)]), [
      ['mammal', ['dog', 'cat']],
      ['bird', ['sparrow', 'penguin']],
    ]);
  });

  it('generates the C/D/E rules of a hierarchy as explicit rules', async () => {
    const editor = await openFixture('animals.fol');
    const uri = editor.document.uri;
    await diagnosticFor(uri, unsatisfiable);
    const at = positionOf(editor.document, 'animals {');
    const actions = await vscode.commands.executeCommand<vscode.CodeAction[]>('vscode.executeCodeActionProvider', uri, new vscode.Range(at, at), vscode.CodeActionKind.RefactorRewrite.value);
    const action = actions.find((a) => a.title === 'Generate C/D/E rules for hierarchy animals');
    assert.ok(action?.edit, actions.map((a) => a.title).join(' | '));
    assert.ok(await vscode.workspace.applyEdit(action.edit));
    const text = editor.document.getText();
    assert.match(text, /rule animals_C_dog: forall x\. dog\(x\) -> mammal\(x\)/);
    assert.match(text, /rule animals_D_mammal: forall x\. mammal\(x\) -> dog\(x\) \| cat\(x\)/);
    assert.match(text, /rule animals_E_dog: forall x\. dog\(x\) -> !cat\(x\)/);
  });

  it('re-validates a .fol file when the hierarchy JSON it imports changes on disk', async () => {
    const editor = await openFixture('zoo.fol');
    const uri = editor.document.uri;
    const d = await diagnosticFor(uri, undeclared);
    assert.match(d.message, /'lion'/);
    // Written behind the editor's back, as git or a script would: only the file watcher tells the server.
    const json = { name: 'animal', children: [{ name: 'cat', children: [{ name: 'lion' }, { name: 'tiger' }] }, { name: 'dog' }] };
    await vscode.workspace.fs.writeFile(workspaceFile('zoo.json'), new TextEncoder().encode(JSON.stringify(json)));
    await waitFor('the undeclared-predicate diagnostic to go', () => (diagnosticsWithCode(uri, undeclared).length === 0 ? true : undefined));
  });
});
