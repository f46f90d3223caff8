// The temporal-logic language service: everything the server and the CLI ask of .tl files.
import type { TextEdit } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, LanguageService } from '../../core/language';
import type { Settings } from '../../core/settings';
import type { TlDocument } from './ast';
import { runChecks } from './checks';
import { formatReplacements } from './format';
import { reparse } from './incremental';
import { parseDocument } from './parser';
import { toRange } from './positions';
import { codeActions } from './actions';
import { completion } from './completion';
import { hover } from './hover';
import { codeLenses, documentSymbols, foldingRanges, semanticTokens } from './outline';
import { definition, prepareRename, references, rename } from './navigation';

export interface TlAnalysis extends Analysis {
  readonly tl: TlDocument;
}

/** Analyses the document; with the analysis of an earlier version, only the statements the edit touched are parsed again. */
export function analyzeTl(document: TextDocument, settings: Settings, previous?: TlAnalysis): TlAnalysis {
  const text = document.getText();
  const tl = previous ? reparse(previous.tl, text) : parseDocument(text);
  const diagnostics = runChecks(document, tl, new Set(settings.disabledChecks));
  return { document, tl, diagnostics };
}

export const tlLanguage: LanguageService<TlAnalysis> = {
  id: 'tl',
  extensions: ['.tl', '.ltl', '.stl', '.mtl'],
  analyze: (document, settings, _host, previous) => analyzeTl(document, settings, previous),
  format: (a, _options, settings): TextEdit[] =>
    formatReplacements(a.tl, settings.operatorStyle).map((r) => ({ range: toRange(a.document, r), newText: r.text })),
  codeActions,
  hover: (a, position) => hover(a, position),
  completion,
  // `(` opens a sub-formula, where propositions, specs and operators come next.
  completionTriggerCharacters: ['('],
  documentSymbols,
  definition,
  references,
  prepareRename,
  rename,
  semanticTokens,
  foldingRanges,
  codeLenses,
};
