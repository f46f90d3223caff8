// Shared by the real-VS-Code suites: the extension under test, fixture documents and waiting for the server.
import * as assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as vscode from 'vscode';

export const extensionId = 'nesy-studio.nesy-studio';

export function extension(): vscode.Extension<unknown> {
  const ext = vscode.extensions.getExtension(extensionId);
  assert.ok(ext, `${extensionId} is installed`);
  return ext;
}

/** A file of the test workspace (a temporary copy of test/e2e/workspace). */
export function workspaceFile(name: string): vscode.Uri {
  const folder = vscode.workspace.workspaceFolders?.[0];
  assert.ok(folder, 'the tests run with a workspace folder open');
  return vscode.Uri.joinPath(folder.uri, name);
}

export async function openFixture(name: string): Promise<vscode.TextEditor> {
  const document = await vscode.workspace.openTextDocument(workspaceFile(name));
  return vscode.window.showTextDocument(document);
}

/** Polls until `probe` returns a value that is not undefined, or fails after `ms`. */
export async function waitFor<T>(what: string, probe: () => T | undefined | Promise<T | undefined>, ms = 30_000): Promise<T> {
  const deadline = Date.now() + ms;
  for (;;) {
    const value = await probe();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${ms} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 100));
  }
}

export function diagnosticsWithCode(uri: vscode.Uri, code: string): vscode.Diagnostic[] {
  return vscode.languages.getDiagnostics(uri).filter((d) => codeOf(d) === code);
}

export function codeOf(d: vscode.Diagnostic): string | undefined {
  return typeof d.code === 'object' ? String(d.code.value) : d.code === undefined ? undefined : String(d.code);
}

/** The position of the first occurrence of `text` in the document, plus `offset` characters. */
export function positionOf(document: vscode.TextDocument, text: string, offset = 0): vscode.Position {
  const index = document.getText().indexOf(text);
  assert.ok(index >= 0, `"${text}" occurs in ${document.uri.path}`);
  return document.positionAt(index + offset);
}

/** Throws away unsaved edits a test made, so that the next test sees the fixture as committed. */
export async function revert(editor: vscode.TextEditor): Promise<void> {
  await vscode.window.showTextDocument(editor.document);
  await vscode.commands.executeCommand('workbench.action.files.revert');
  assert.equal(editor.document.isDirty, false, `${editor.document.uri.path} is reverted`);
}

/** Waits until the language server answers for the document (a hover at `text`), so results are current. */
export async function serverKnows(editor: vscode.TextEditor, text: string): Promise<void> {
  const position = positionOf(editor.document, text);
  await waitFor(`the server to answer for ${editor.document.uri.path}`, async () => {
    const hovers = await vscode.commands.executeCommand<vscode.Hover[]>('vscode.executeHoverProvider', editor.document.uri, position);
    return hovers?.length ? true : undefined;
  });
}

/**
 * What the extension wrote to its "NeSy Studio" output channel, the client's and the server's lines. VS Code keeps
 * each output channel in a file under the user-data folder's logs, which both runners pass as NESY_E2E_LOGS.
 */
export function outputChannelText(): string {
  const logs = process.env.NESY_E2E_LOGS;
  assert.ok(logs, 'the runner passes the logs folder in NESY_E2E_LOGS');
  return fs.readdirSync(logs, { recursive: true }).map(String)
    .filter((f) => f.endsWith('NeSy Studio.log'))
    .map((f) => fs.readFileSync(path.join(logs, f), 'utf8'))
    .join('\n');
}
