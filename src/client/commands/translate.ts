// NeSy: Translate English to Temporal Logic. The sentence comes from a `// nl:` comment (its code lens or
// code action pass TranslateArgs), the selection, or an input box -> server (nesy/translate, with the
// file's declared propositions for grounding) -> a quick pick of the best formula and its alternatives,
// each with its English back-translation -> inserted, with `prop` declarations for names it introduces.
import * as vscode from 'vscode';
import { Requests, type TranslateArgs } from '../../core/protocol';
import type { TranslateRequest, TranslateResult, Translation } from '../../core/neuralApi';
import { confidenceText, insertedLines } from '../../core/translation';
import { selectionOrInput } from '../userText';
import { type CommandContext, requestWithProgress } from './context';

interface TranslationItem extends vscode.QuickPickItem {
  translation: Translation;
}

type Declared = NonNullable<TranslateRequest['declared']>;

/** Where the sentence came from, and so where the formula goes. */
type Target =
  | { kind: 'comment'; document: vscode.TextDocument; line: number }
  | { kind: 'selection'; editor: vscode.TextEditor; selection: vscode.Selection }
  | { kind: 'cursor'; editor: vscode.TextEditor | undefined };

export async function translate(context: CommandContext, args?: unknown): Promise<void> {
  // The editor's context menu passes the document's Uri, which says nothing the selection does not.
  const found = isTranslateArgs(args) ? await fromComment(args) : await fromUser();
  if (!found) return;
  const { sentence, target } = found;
  const document = target.kind === 'comment' ? target.document : target.editor?.document;
  const declared = document ? await declaredPropositions(document) : [];
  const params: TranslateRequest = { sentence, ...(declared.length ? { declared } : {}) };
  const result = await requestWithProgress<TranslateResult>(
    context, 'Translation', 'NeSy: translating (the model loads on first use)…', Requests.translate, params,
  );
  if (!result) return;
  const picked = await vscode.window.showQuickPick(translationItems(result), {
    title: `Translations of “${sentence}” (${result.ep}, ${Math.round(result.ms)} ms)`,
    placeHolder: 'Pick a formula to insert',
    matchOnDetail: true,
  });
  if (!picked) return;
  await insert(picked.translation, declared, target);
}

async function fromUser(): Promise<{ sentence: string; target: Target } | undefined> {
  const input = await selectionOrInput({
    prompt: 'English sentence to translate into temporal logic',
    placeHolder: 'e.g. Whenever the light is red, the car eventually stops.',
  });
  if (!input) return undefined;
  const target: Target = input.source
    ? { kind: 'selection', ...input.source }
    : { kind: 'cursor', editor: vscode.window.activeTextEditor };
  return { sentence: input.text, target };
}

function isTranslateArgs(value: unknown): value is TranslateArgs {
  const v = value as Partial<TranslateArgs> | null;
  return (
    typeof v === 'object' && v !== null && typeof v.uri === 'string' && typeof v.sentence === 'string' &&
    typeof v.range?.start?.line === 'number' && typeof v.range.end?.line === 'number'
  );
}

async function fromComment(args: TranslateArgs): Promise<{ sentence: string; target: Target } | undefined> {
  const document = await vscode.workspace.openTextDocument(vscode.Uri.parse(args.uri));
  const line = commentLine(document, args);
  if (line === undefined) {
    await vscode.window.showWarningMessage(`NeSy: the comment “// nl: ${args.sentence}” is no longer in ${vscode.workspace.asRelativePath(document.uri)}.`);
    return undefined;
  }
  return { sentence: args.sentence, target: { kind: 'comment', document, line } };
}

/** The comment's line; found again by its sentence when edits moved it after the lens was drawn. */
function commentLine(document: vscode.TextDocument, args: TranslateArgs): number | undefined {
  const holds = (line: number) => {
    const text = document.lineAt(line).text;
    return /\/\/\s*nl:/.test(text) && text.includes(args.sentence);
  };
  if (args.range.end.line < document.lineCount && holds(args.range.end.line)) return args.range.end.line;
  for (let line = 0; line < document.lineCount; line++) if (holds(line)) return line;
  return undefined;
}

/** The `prop` declarations of a .tl document, from its outline (the server reports them as variables). */
async function declaredPropositions(document: vscode.TextDocument): Promise<Declared> {
  if (document.languageId !== 'tl') return [];
  const symbols = await vscode.commands.executeCommand<vscode.DocumentSymbol[] | undefined>('vscode.executeDocumentSymbolProvider', document.uri);
  return (symbols ?? [])
    .filter((s) => s.kind === vscode.SymbolKind.Variable)
    .map((s) => (s.detail ? { name: s.name, description: s.detail } : { name: s.name }));
}

function translationItems(result: TranslateResult): TranslationItem[] {
  return [result.best, ...result.alternatives].map((translation, index) => ({
    // An uncertain best reading is flagged where the eye lands first.
    label: index === 0 && result.uncertain ? `$(warning) ${translation.formula}` : translation.formula,
    description: index === 0 ? `best · ${confidenceText(result)}` : `alternative · score ${translation.score.toFixed(2)}`,
    detail: `Reads back as: ${translation.english}`,
    translation,
  }));
}

/**
 * Inserts the formula as a statement of its own: on the lines after the comment or the selected
 * sentence (which stay), preceded by the declarations it needs; at the cursor; or in a new .tl document.
 */
async function insert(translation: Translation, declared: Declared, target: Target): Promise<void> {
  const lines = insertedLines(translation, declared);
  if (target.kind === 'cursor') {
    const editor = target.editor;
    if (!editor) {
      const document = await vscode.workspace.openTextDocument({ content: `${lines.join('\n')}\n`, language: 'tl' });
      await vscode.window.showTextDocument(document);
      return;
    }
    await editor.edit((edit) => edit.insert(editor.selection.active, lines.join('\n')));
    return;
  }
  const document = target.kind === 'comment' ? target.document : target.editor.document;
  const line = target.kind === 'comment' ? target.line : target.selection.end.line;
  const edit = new vscode.WorkspaceEdit();
  edit.insert(document.uri, document.lineAt(line).range.end, lines.map((l) => `\n${l}`).join(''));
  await vscode.workspace.applyEdit(edit);
}
