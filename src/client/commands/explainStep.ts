// NeSy: Explain Step. Called with a step (from a code lens or a report) it explains that step; called from
// the palette it shows the language server's explanation (hover) for whatever is under the cursor.
import * as vscode from 'vscode';
import type { MwpStep } from '../../core/neuralApi';

export async function explainStep(step?: MwpStep): Promise<void> {
  if (isStep(step)) {
    await vscode.window.showInformationMessage(`${step.gloss}: ${step.formula} = ${step.value}`);
    return;
  }
  const editor = vscode.window.activeTextEditor;
  if (!editor) {
    await vscode.window.showInformationMessage('NeSy: put the cursor on a step or formula to explain it.');
    return;
  }
  await vscode.commands.executeCommand('editor.action.showHover');
}

function isStep(value: unknown): value is MwpStep {
  return typeof value === 'object' && value !== null && 'gloss' in value && 'formula' in value && 'value' in value;
}
