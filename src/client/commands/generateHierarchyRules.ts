// NeSy: Generate Rules from Class Hierarchy. Picks a class hierarchy ({name, children} JSON) and adds a
// `hierarchy <Name> from "<file>"` declaration to the active .fol document (or a new one); the language
// server derives the hierarchy's rules and checks from that declaration.
import * as path from 'node:path';
import * as vscode from 'vscode';
import { pickJson } from '../userText';

/** `file` skips the file dialog (for callers that already know the hierarchy). */
export async function generateHierarchyRules(file?: vscode.Uri): Promise<void> {
  const hierarchy = file ?? (await pickJson('Class hierarchy to generate rules from', 'Hierarchy (JSON)'));
  if (!hierarchy) return;
  const editor = vscode.window.activeTextEditor;
  if (editor?.document.languageId === 'fol' && !editor.document.isUntitled) {
    const from = path.posix.relative(path.posix.dirname(editor.document.uri.path), hierarchy.path);
    const document = editor.document;
    const end = document.lineAt(document.lineCount - 1).range.end;
    const separator = document.getText().trim() ? '\n\n' : '';
    await editor.edit((edit) => edit.insert(end, `${separator}${declaration(hierarchy, from)}\n`));
    return;
  }
  const document = await vscode.workspace.openTextDocument({ content: `${declaration(hierarchy, hierarchy.fsPath)}\n`, language: 'fol' });
  await vscode.window.showTextDocument(document);
}

/** `hierarchy Cityscapes from "hierarchies/cityscapes.json"`: the file name, as an identifier, names it. */
export function declaration(file: vscode.Uri, from: string): string {
  const base = path.posix.basename(file.path).replace(/\.json$/i, '');
  const words = base.split(/[^A-Za-z0-9]+/).filter(Boolean);
  let name = words.map((w) => w[0].toUpperCase() + w.slice(1)).join('') || 'Hierarchy';
  if (/^[0-9]/.test(name)) name = `H${name}`;
  return `hierarchy ${name} from ${JSON.stringify(from)}`;
}
