// Where a command's input text comes from: the editor's selection, or else an input box.
import * as vscode from 'vscode';

export interface UserText {
  text: string;
  /** The editor and selection the text came from, when it was selected rather than typed. */
  source?: { editor: vscode.TextEditor; selection: vscode.Selection };
}

export async function selectionOrInput(options: vscode.InputBoxOptions): Promise<UserText | undefined> {
  const editor = vscode.window.activeTextEditor;
  if (editor && !editor.selection.isEmpty) {
    const text = editor.document.getText(editor.selection).trim();
    if (text) return { text, source: { editor, selection: editor.selection } };
  }
  const typed = await vscode.window.showInputBox({ ignoreFocusOut: true, ...options });
  const text = typed?.trim();
  return text ? { text } : undefined;
}

/** Opens a report in a new, unsaved editor beside the current one; nothing is written to disk. */
export async function showReport(content: string, language = 'markdown'): Promise<void> {
  const document = await vscode.workspace.openTextDocument({ content, language });
  await vscode.window.showTextDocument(document, { viewColumn: vscode.ViewColumn.Beside, preview: true });
}

/** Asks for one .json file. */
export async function pickJson(title: string, kind: string): Promise<vscode.Uri | undefined> {
  const picked = await vscode.window.showOpenDialog({ title, canSelectMany: false, filters: { [kind]: ['json'] } });
  return picked?.[0];
}
