// NeSy: Translate English to Temporal Logic. Selection or typed sentence -> server (nesy/translate) ->
// a quick pick of the best formula and its alternatives, each with its English back-translation -> inserted.
import * as vscode from 'vscode';
import { Requests } from '../../core/protocol';
import type { TranslateRequest, TranslateResult, Translation } from '../../core/neuralApi';
import { selectionOrInput } from '../userText';
import { type CommandContext, requestWithProgress } from './context';

interface TranslationItem extends vscode.QuickPickItem {
  translation: Translation;
}

export async function translate(context: CommandContext): Promise<void> {
  const input = await selectionOrInput({
    prompt: 'English sentence to translate into temporal logic',
    placeHolder: 'e.g. Whenever the light is red, the car eventually stops.',
  });
  if (!input) return;
  const editor = input.source?.editor ?? vscode.window.activeTextEditor;
  const params: TranslateRequest = { sentence: input.text };
  const result = await requestWithProgress<TranslateResult>(
    context, 'Translation', 'NeSy: translating (the model loads on first use)…', Requests.translate, params,
  );
  if (!result) return;
  const picked = await vscode.window.showQuickPick(translationItems(result), {
    title: `Translations of “${input.text}” (${result.ep}, ${Math.round(result.ms)} ms)`,
    placeHolder: 'Pick a formula to insert',
    matchOnDetail: true,
  });
  if (!picked) return;
  await insertFormula(picked.translation.formula, editor, input.source?.selection);
}

function translationItems(result: TranslateResult): TranslationItem[] {
  return [result.best, ...result.alternatives].map((translation, index) => ({
    label: translation.formula,
    description: index === 0 ? `best · score ${translation.score.toFixed(2)}` : `score ${translation.score.toFixed(2)}`,
    detail: `Reads back as: ${translation.english}`,
    translation,
  }));
}

/** Inserts on the line after the selected sentence (which stays), at the cursor, or in a new .tl document. */
async function insertFormula(formula: string, editor: vscode.TextEditor | undefined, selection?: vscode.Selection): Promise<void> {
  if (!editor) {
    const document = await vscode.workspace.openTextDocument({ content: `${formula}\n`, language: 'tl' });
    await vscode.window.showTextDocument(document);
    return;
  }
  await editor.edit((edit) => {
    if (selection) {
      const end = editor.document.lineAt(selection.end.line).range.end;
      edit.insert(end, `\n${formula}`);
    } else {
      edit.insert(editor.selection.active, formula);
    }
  });
}
