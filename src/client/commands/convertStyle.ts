// NeSy: Convert Operator Style. Asks for words, ascii or unicode and has the server rewrite every operator
// of the active document in that style (the server's own command, which reprints through the formatter
// and applies the edit).
import * as vscode from 'vscode';
import { ExecuteCommandRequest } from 'vscode-languageclient/node';
import { ServerCommands } from '../../core/protocol';
import type { OperatorStyle } from '../../core/settings';
import { languageIds } from '../languages';
import { type CommandContext, reportFailure } from './context';

const styles: (vscode.QuickPickItem & { style: OperatorStyle })[] = [
  { label: 'words', description: 'always, eventually, not, and, implies', style: 'words' },
  { label: 'ascii', description: 'G, F, !, &, ->', style: 'ascii' },
  { label: 'unicode', description: '□, ◇, ¬, ∧, →', style: 'unicode' },
];

export async function convertStyle(context: CommandContext, style?: OperatorStyle): Promise<void> {
  const editor = vscode.window.activeTextEditor;
  if (!editor || !(languageIds as readonly string[]).includes(editor.document.languageId)) {
    await vscode.window.showWarningMessage('NeSy: open a .tl, .fol or .mwp document to convert its operators.');
    return;
  }
  const chosen = style ?? (await vscode.window.showQuickPick(styles, { title: 'Convert operators to' }))?.style;
  if (!chosen) return;
  const options = {
    tabSize: Number(editor.options.tabSize) || 2,
    insertSpaces: editor.options.insertSpaces !== false,
  };
  try {
    await context.client.sendRequest(ExecuteCommandRequest.type, {
      command: ServerCommands.convertStyle,
      arguments: [{ uri: editor.document.uri.toString(), style: chosen, options }],
    });
  } catch (error) {
    reportFailure(context, 'Converting operators', error);
  }
}
