// The textDocument/* requests. Each one finds the document's analysis for the version the request
// was made on, clamps positions into the document, and asks the document's language.
import {
  CompletionTriggerKind,
  ErrorCodes,
  ResponseError,
  type CancellationToken,
  type CodeActionParams,
  type CompletionParams,
  type DefinitionParams,
  type DocumentFormattingParams,
  type DocumentSymbolParams,
  type ExecuteCommandParams,
  type FoldingRangeParams,
  type HoverParams,
  type InlayHintParams,
  type PrepareRenameParams,
  type ReferenceParams,
  type RenameParams,
  type SemanticTokensParams,
  type CodeLensParams,
} from 'vscode-languageserver';
import type { Analyzed } from './analyses';
import { ServerCommands } from '../core/protocol';
import { convertStyleArgs, convertStyleEdit } from './commands';
import { guardFeature, guardRequest } from './guard';
import { clampPosition, clampRange } from './positions';
import { encodeSemanticTokens } from './semanticTokens';
import type { ServerContext } from './server';

function requireUri(params: unknown, method: string): string {
  const uri = (params as { textDocument?: { uri?: unknown } } | null)?.textDocument?.uri;
  if (typeof uri !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, `${method} needs textDocument.uri.`);
  return uri;
}

export function registerFeatures(ctx: ServerContext): void {
  const { connection, analyses } = ctx;

  /** A handler that answers `empty` for closed documents, unknown languages and failed analyses. */
  function onDocument<P, R, E>(method: string, empty: E, run: (analyzed: Analyzed, params: P, token: CancellationToken) => R | Promise<R>) {
    return guardFeature(ctx.error, method, empty, async (params: P, token: CancellationToken) => {
      const analyzed = await analyses.get(requireUri(params, method), token);
      return analyzed ? run(analyzed, params, token) : empty;
    });
  }

  connection.onHover(
    onDocument('textDocument/hover', null, ({ language, analysis, document }, p: HoverParams) =>
      language.hover ? language.hover(analysis, clampPosition(document, p.position), ctx.host()) : null,
    ),
  );

  connection.onCompletion(
    onDocument('textDocument/completion', null, ({ language, analysis, document }, p: CompletionParams) => {
      if (!language.completion) return null;
      // The declared trigger characters are every language's; another language's character is just text here.
      const trigger = p.context?.triggerKind === CompletionTriggerKind.TriggerCharacter ? p.context.triggerCharacter : undefined;
      if (trigger !== undefined && !language.completionTriggerCharacters?.includes(trigger)) return null;
      return language.completion(analysis, clampPosition(document, p.position));
    }),
  );

  connection.onCodeAction(
    onDocument('textDocument/codeAction', null, ({ language, analysis, document }, p: CodeActionParams) =>
      language.codeActions
        ? language.codeActions(analysis, clampRange(document, p.range), p.context?.diagnostics ?? [], ctx.settings(), ctx.host())
        : null,
    ),
  );

  connection.onDocumentSymbol(
    onDocument('textDocument/documentSymbol', null, ({ language, analysis }, _p: DocumentSymbolParams) =>
      language.documentSymbols ? language.documentSymbols(analysis) : null,
    ),
  );

  connection.onDefinition(
    onDocument('textDocument/definition', null, ({ language, analysis, document }, p: DefinitionParams) =>
      language.definition ? language.definition(analysis, clampPosition(document, p.position)) : null,
    ),
  );

  connection.onReferences(
    onDocument('textDocument/references', null, ({ language, analysis, document }, p: ReferenceParams) =>
      language.references
        ? language.references(analysis, clampPosition(document, p.position), p.context?.includeDeclaration !== false)
        : null,
    ),
  );

  connection.onPrepareRename(
    onDocument('textDocument/prepareRename', null, ({ language, analysis, document }, p: PrepareRenameParams) => {
      // Without its own check the language leaves the choice of what to rename to the editor.
      if (!language.prepareRename) return language.rename ? { defaultBehavior: true } : null;
      return language.prepareRename(analysis, clampPosition(document, p.position));
    }),
  );

  connection.onRenameRequest(
    onDocument('textDocument/rename', null, ({ language, analysis, document }, p: RenameParams) => {
      if (typeof p.newName !== 'string' || p.newName.trim() === '') {
        throw new ResponseError(ErrorCodes.InvalidParams, 'The new name must not be empty.');
      }
      return language.rename ? language.rename(analysis, clampPosition(document, p.position), p.newName) : null;
    }),
  );

  connection.onDocumentFormatting(
    onDocument('textDocument/formatting', null, ({ language, analysis }, p: DocumentFormattingParams) =>
      language.format ? language.format(analysis, p.options ?? { tabSize: 2, insertSpaces: true }, ctx.settings()) : null,
    ),
  );

  connection.languages.semanticTokens.on(
    onDocument('textDocument/semanticTokens/full', { data: [] }, ({ language, analysis, document }, _p: SemanticTokensParams) =>
      encodeSemanticTokens(document, language.semanticTokens ? language.semanticTokens(analysis) : []),
    ),
  );

  connection.onFoldingRanges(
    onDocument('textDocument/foldingRange', null, ({ language, analysis }, _p: FoldingRangeParams) =>
      language.foldingRanges ? language.foldingRanges(analysis) : null,
    ),
  );

  connection.onCodeLens(
    onDocument('textDocument/codeLens', null, ({ language, analysis }, _p: CodeLensParams) =>
      language.codeLenses ? language.codeLenses(analysis) : null,
    ),
  );

  connection.languages.inlayHint.on(
    onDocument('textDocument/inlayHint', null, ({ language, analysis, document }, p: InlayHintParams) =>
      language.inlayHints ? language.inlayHints(analysis, clampRange(document, p.range), ctx.host()) : null,
    ),
  );

  connection.onExecuteCommand(
    guardRequest(ctx.error, 'workspace/executeCommand', async (p: ExecuteCommandParams, token: CancellationToken) => {
      if (p.command !== ServerCommands.convertStyle) {
        throw new ResponseError(ErrorCodes.InvalidParams, `The NeSy server has no command ${JSON.stringify(p.command)}.`);
      }
      const args = convertStyleArgs(p.arguments);
      const analyzed = await analyses.get(args.uri, token);
      if (!analyzed) throw new ResponseError(ErrorCodes.InvalidParams, `${args.uri} is not an open NeSy document.`);
      const result = await connection.workspace.applyEdit({
        label: `Convert operators to ${args.style}`,
        edit: convertStyleEdit(analyzed, args, ctx.settings()),
      });
      return { applied: result.applied };
    }),
  );
}
