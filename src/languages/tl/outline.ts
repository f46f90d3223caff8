// Outline-like features: symbols, folding, semantic tokens, the code lens on `// nl:` comments and the
// "Evaluate on trace…" lens on each spec.
import { type CodeLens, DocumentSymbol, FoldingRange, FoldingRangeKind, SymbolKind } from 'vscode-languageserver-types';
import { compareOpOf, False, Identifier, kindOfToken, NumberLiteral, PostNeg, PostPos, Prop, QuotedName, Signal, Slash, Spec, tlLexer, True } from '../../../grammars/tl';
import { Commands, type EvaluateTraceArgs, type TranslateArgs } from '../../core/protocol';
import type { SemanticToken, SemanticTokenModifier, SemanticTokenType } from '../../core/language';
import type { Comment } from './ast';
import { listSpecs } from './monitor/specs';
import { occurrences } from './navigation';
import { toRange } from './positions';
import { canonical } from './printer';
import type { TlAnalysis } from './service';

export function documentSymbols(a: TlAnalysis): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  for (const s of a.tl.statements) {
    if (s.kind === 'propDecl') {
      out.push(DocumentSymbol.create(s.name, s.description, SymbolKind.Variable, toRange(a.document, s), toRange(a.document, s.nameSpan)));
    } else if (s.kind === 'signalDecl') {
      out.push(DocumentSymbol.create(s.name, s.unit === undefined ? 'signal' : `signal (${s.unit})`, SymbolKind.Field, toRange(a.document, s), toRange(a.document, s.nameSpan)));
    } else if (s.kind === 'specDecl') {
      const detail = s.formula ? canonical(s.formula) : undefined;
      out.push(DocumentSymbol.create(s.name, detail, SymbolKind.Function, toRange(a.document, s), toRange(a.document, s.nameSpan)));
    }
  }
  return out;
}

export function foldingRanges(a: TlAnalysis): FoldingRange[] {
  const out: FoldingRange[] = [];
  const line = (offset: number): number => a.document.positionAt(offset).line;
  for (const c of a.tl.comments) {
    const [from, to] = [line(c.start), line(c.end)];
    if (c.block && to > from) out.push(FoldingRange.create(from, to, undefined, undefined, FoldingRangeKind.Comment));
  }
  for (const s of a.tl.statements) {
    const [from, to] = [line(s.start), line(s.end)];
    if (to > from) out.push(FoldingRange.create(from, to));
  }
  return out;
}

const keywordTypes = new Set([Prop, Spec, Signal, True, False].map((t) => t.tokenTypeIdx!));
const operatorTypes = new Set([...kindOfToken.keys(), ...compareOpOf.keys(), Slash, PostPos, PostNeg].map((t) => t.tokenTypeIdx!));
const number = NumberLiteral.tokenTypeIdx!;
const identifier = Identifier.tokenTypeIdx!;

/** Semantic tokens for names and operators; comments and multi-line tokens are left to TextMate. */
export function semanticTokens(a: TlAnalysis): SemanticToken[] {
  const text = a.tl.text;
  const names = occurrences(a.tl).sort((x, y) => x.span.start - y.span.start);
  const out: SemanticToken[] = [];
  const add = (start: number, length: number, type: SemanticTokenType, modifiers?: SemanticTokenModifier[]): void => {
    const p = a.document.positionAt(start);
    out.push(modifiers ? { line: p.line, character: p.character, length, type, modifiers } : { line: p.line, character: p.character, length, type });
  };
  let n = 0;
  const name = (start: number, end: number, quoted: boolean): void => {
    while (n < names.length && names[n]!.span.end <= start) n++;
    const o = names[n];
    if (o && o.span.start === start) add(start, end - start, o.kind === 'spec' ? 'function' : 'variable', o.declaration ? ['declaration'] : undefined);
    else if (quoted) add(start, end - start, 'string');
  };
  // Operator letters glued to an atom (`GFa`) are operator tokens of their own.
  for (const t of tlLexer.tokenize(text).tokens) {
    const type = t.tokenTypeIdx;
    const start = t.startOffset;
    const end = start + t.image.length;
    if (operatorTypes.has(type)) add(start, end - start, 'operator');
    else if (keywordTypes.has(type)) add(start, end - start, 'keyword');
    else if (type === number) add(start, end - start, 'number');
    else if (t.tokenType === QuotedName) name(start, end, true);
    else if (type === identifier) name(start, end, false);
  }
  return out;
}

/** The `// nl: sentence` comments with a sentence, each with the translate command's arguments. */
export function nlComments(a: TlAnalysis): { comment: Comment; args: TranslateArgs }[] {
  return a.tl.comments
    .filter((c) => c.nl && c.nl.text.length > 0)
    .map((comment) => ({ comment, args: { uri: a.document.uri, range: toRange(a.document, comment), sentence: comment.nl!.text } }));
}

/** The title of the lens that evaluates a spec on a trace (the editor's tests look for it). */
export const evaluateTraceTitle = 'Evaluate on trace…';

/** A "translate" lens above each `// nl: sentence` comment, and an "Evaluate on trace…" lens above each spec. */
export function codeLenses(a: TlAnalysis): CodeLens[] {
  const translate = nlComments(a).map(({ args }) => ({
    range: args.range,
    command: { title: 'Translate to temporal logic', command: Commands.translate, arguments: [args] },
  }));
  const evaluate = listSpecs(a.tl).map(({ name, statement }, index) => {
    const args: EvaluateTraceArgs = { uri: a.document.uri, spec: name, index, range: toRange(a.document, statement) };
    return { range: args.range, command: { title: evaluateTraceTitle, command: Commands.evaluateTrace, arguments: [args] } };
  });
  return [...translate, ...evaluate].sort((x, y) => x.range.start.line - y.range.start.line);
}
