// The server declares only what at least one registered language implements, so clients never ask
// for a feature that would always come back empty. It reads that from the registry's entries, so
// initialize loads no language.
import {
  CodeActionKind,
  TextDocumentSyncKind,
  type ClientCapabilities,
  type CompletionOptions,
  type ServerCapabilities,
} from 'vscode-languageserver';
import type { LanguageEntry, LanguageFeature } from '../languages/index';
import { serverCommandIds } from './commands';
import { semanticTokensLegend } from './semanticTokens';

export function serverCapabilities(languages: readonly LanguageEntry[], client: ClientCapabilities): ServerCapabilities {
  const has = (feature: LanguageFeature) => languages.some((l) => l.features.includes(feature));
  const prepareSupport = client.textDocument?.rename?.prepareSupport === true;
  return {
    textDocumentSync: { openClose: true, change: TextDocumentSyncKind.Incremental, save: { includeText: false } },
    hoverProvider: has('hover'),
    completionProvider: has('completion') ? completionOptions(languages) : undefined,
    codeActionProvider: has('codeActions')
      ? { codeActionKinds: [CodeActionKind.QuickFix, CodeActionKind.Refactor, CodeActionKind.Source], resolveProvider: false }
      : undefined,
    documentSymbolProvider: has('documentSymbols'),
    definitionProvider: has('definition'),
    referencesProvider: has('references'),
    renameProvider: has('rename') ? { prepareProvider: prepareSupport } : undefined,
    documentFormattingProvider: has('format'),
    semanticTokensProvider: has('semanticTokens') ? { legend: semanticTokensLegend, full: true, range: false } : undefined,
    foldingRangeProvider: has('foldingRanges'),
    codeLensProvider: has('codeLenses') ? { resolveProvider: false } : undefined,
    inlayHintProvider: has('inlayHints') ? { resolveProvider: false } : undefined,
    executeCommandProvider: { commands: [...serverCommandIds] },
    workspace: { workspaceFolders: { supported: true, changeNotifications: true } },
  };
}

/** One list for all languages, as LSP has no per-language triggers; features.ts drops the characters a document's language did not ask for. */
function completionOptions(languages: readonly LanguageEntry[]): CompletionOptions {
  const triggers = [...new Set(languages.flatMap((l) => (l.features.includes('completion') ? (l.completionTriggerCharacters ?? []) : [])))].sort();
  return triggers.length ? { resolveProvider: false, triggerCharacters: triggers } : { resolveProvider: false };
}
