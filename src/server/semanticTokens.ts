// Languages report absolute tokens; the wire wants them sorted and delta-encoded against the shared legend.
import { SemanticTokensBuilder, type SemanticTokens } from 'vscode-languageserver';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { semanticTokenModifiers, semanticTokenTypes, type SemanticToken } from '../core/language';

export const semanticTokensLegend = {
  tokenTypes: [...semanticTokenTypes],
  tokenModifiers: [...semanticTokenModifiers],
};

/** Encodes tokens, dropping ones that overlap an earlier token or fall outside the document, which clients reject. */
export function encodeSemanticTokens(document: TextDocument, tokens: SemanticToken[]): SemanticTokens {
  const sorted = [...tokens].sort((a, b) => a.line - b.line || a.character - b.character);
  const builder = new SemanticTokensBuilder();
  let lastLine = -1;
  let lastEnd = 0;
  for (const token of sorted) {
    const type = semanticTokenTypes.indexOf(token.type);
    if (type < 0 || token.length <= 0 || token.line < 0 || token.character < 0 || token.line >= document.lineCount) continue;
    if (token.line === lastLine && token.character < lastEnd) continue;
    let modifiers = 0;
    for (const m of token.modifiers ?? []) {
      const bit = semanticTokenModifiers.indexOf(m);
      if (bit >= 0) modifiers |= 1 << bit;
    }
    builder.push(token.line, token.character, token.length, type, modifiers);
    lastLine = token.line;
    lastEnd = token.character + token.length;
  }
  return builder.build();
}
