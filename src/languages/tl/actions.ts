// Quick fixes for the checks, and conversions between operator styles.
import { CodeActionKind, type CodeAction, type Diagnostic, type Range, type TextEdit } from 'vscode-languageserver-types';
import type { Style } from '../../../grammars/tl';
import type { Host } from '../../core/language';
import type { NeuralApi, TranslateResult } from '../../core/neuralApi';
import { Commands } from '../../core/protocol';
import { confidenceText, insertedLines, type Declared } from '../../core/translation';
import type { Settings } from '../../core/settings';
import type { Comment } from './ast';
import { checkCodes, syntaxCodes, type ParenthesizeData, type RewriteData, type SwapBoundsData, type UndeclaredData } from './checks';
import { nlComments } from './outline';
import { toRange } from './positions';
import { printName } from './printer';
import { simplification } from './simplify';
import type { TlAnalysis } from './service';
import { comparisonSpans, styleReplacements, type Replacement } from './style';
import type { Span } from './ast';

const styles: Style[] = ['words', 'ascii', 'unicode'];
/** Files larger than this (in characters) get no whole-file conversion; `nesy format` still converts them. */
const wholeFileLimit = 1_000_000;

function edit(a: TlAnalysis, title: string, kind: string, edits: TextEdit[], diagnostic?: Diagnostic): CodeAction {
  const action: CodeAction = { title, kind, edit: { changes: { [a.document.uri]: edits } } };
  if (diagnostic) {
    action.diagnostics = [diagnostic];
    action.isPreferred = true;
  }
  return action;
}

function toEdits(a: TlAnalysis, replacements: Replacement[]): TextEdit[] {
  return replacements.map((r) => ({ range: toRange(a.document, r), newText: r.text }));
}

/** Where `prop name` (or `signal name`) goes: after the last declaration of its kind, or of any kind, or at the top of the file. */
function declarationInsert(a: TlAnalysis, name: string, keyword: 'prop' | 'signal' = 'prop'): TextEdit {
  const kind = keyword === 'prop' ? 'propDecl' : 'signalDecl';
  let decls = a.tl.statements.filter((s) => s.kind === kind);
  if (decls.length === 0) decls = a.tl.statements.filter((s) => s.kind === 'propDecl' || s.kind === 'signalDecl');
  const last = decls[decls.length - 1];
  if (!last) return { range: toRange(a.document, { start: 0, end: 0 }), newText: `${keyword} ${printName(name)}\n` };
  const line = a.document.positionAt(last.end).line;
  const lineEnd = line + 1 < a.document.lineCount ? a.document.offsetAt({ line: line + 1, character: 0 }) : a.document.getText().length;
  const atEnd = lineEnd === a.document.getText().length && !a.document.getText().endsWith('\n');
  return { range: toRange(a.document, { start: lineEnd, end: lineEnd }), newText: `${atEnd ? '\n' : ''}${keyword} ${printName(name)}\n` };
}

function fixFor(a: TlAnalysis, d: Diagnostic): CodeAction | undefined {
  switch (d.code) {
    case checkCodes.intervalReversed: {
      const data = d.data as SwapBoundsData;
      return edit(a, 'Swap the interval bounds', CodeActionKind.QuickFix, [{ range: d.range, newText: data.replacement }], d);
    }
    case checkCodes.chainedTemporal: {
      const data = d.data as ParenthesizeData;
      return edit(a, 'Add parentheses to show the grouping', CodeActionKind.QuickFix, [
        { range: toRange(a.document, { start: data.start, end: data.start }), newText: '(' },
        { range: toRange(a.document, { start: data.end, end: data.end }), newText: ')' },
      ], d);
    }
    case checkCodes.undeclaredProp: {
      const data = d.data as UndeclaredData;
      return edit(a, `Declare proposition \`${data.name}\``, CodeActionKind.QuickFix, [declarationInsert(a, data.name)], d);
    }
    case checkCodes.undeclaredSignal: {
      const data = d.data as UndeclaredData;
      return edit(a, `Declare signal \`${data.name}\``, CodeActionKind.QuickFix, [declarationInsert(a, data.name, 'signal')], d);
    }
    case checkCodes.gluedOperator:
    case checkCodes.gluedName:
    case checkCodes.dottedName:
    case checkCodes.mixedXor: {
      // A diagnostic whose rewrite would break the file carries none (a dotted keyword, `prop.`).
      const data = d.data as RewriteData | undefined;
      return data && edit(a, data.title, CodeActionKind.QuickFix, [{ range: toRange(a.document, data), newText: data.replacement }], d);
    }
    case syntaxCodes.syntax: {
      // An operator or keyword where a name was expected (`V`, `TRUE`): the message says how to quote it.
      const quoted = /write `("(?:[^"\\]|\\.)*")` for a proposition named/.exec(d.message)?.[1];
      return quoted === undefined ? undefined : edit(a, `Write \`${quoted}\``, CodeActionKind.QuickFix, [{ range: d.range, newText: quoted }], d);
    }
    default:
      return undefined;
  }
}

// Code actions are asked for on every cursor move: each sentence is translated once (the last 64 kept).
const translations = new Map<string, Promise<TranslateResult | undefined>>();

function translated(neural: NeuralApi, sentence: string, declared: Declared): Promise<TranslateResult | undefined> {
  const key = JSON.stringify([sentence, declared]);
  let found = translations.get(key);
  if (!found) {
    // A model that cannot load leaves the Translate command, which says why; the action is just left out.
    found = neural.translate({ sentence, declared: [...declared] }).catch(() => undefined);
    translations.set(key, found);
    if (translations.size > 64) translations.delete(translations.keys().next().value!);
  }
  return found;
}

/** "Insert G (a -> F b)" after a `// nl:` comment, with the declarations it needs and how sure the translator is. */
async function insertTranslation(a: TlAnalysis, comment: Comment, sentence: string, neural: NeuralApi): Promise<CodeAction | undefined> {
  const declared = a.tl.statements.flatMap((s) => (s.kind === 'propDecl' ? [s.description ? { name: s.name, description: s.description } : { name: s.name }] : []));
  const result = await translated(neural, sentence, declared);
  if (!result) return undefined;
  const at = a.document.positionAt(comment.end);
  const newText = insertedLines(result.best, declared).map((l) => `\n${l}`).join('');
  return {
    title: `Insert \`${result.best.formula}\`, the translation (${confidenceText(result)})`,
    kind: CodeActionKind.Refactor,
    edit: { changes: { [a.document.uri]: [{ range: { start: at, end: at }, newText }] } },
  };
}

/** Every action, with the translations of the `// nl:` comments in range when the host has models. */
export async function codeActions(a: TlAnalysis, range: Range, diagnostics: Diagnostic[], settings: Settings, host?: Host): Promise<CodeAction[]> {
  const inserts: CodeAction[] = [];
  if (host?.neural) {
    for (const { comment, args } of nlComments(a)) {
      if (!inRange(args.range, range)) continue;
      const insert = await insertTranslation(a, comment, args.sentence, host.neural);
      if (insert) inserts.push(insert);
    }
  }
  return [...inserts, ...editorActions(a, range, diagnostics, settings.operatorStyle)];
}

const inRange = (r: Range, range: Range): boolean => r.start.line <= range.end.line && range.start.line <= r.end.line;

/**
 * The actions that need no model: quick fixes, the Translate command on `// nl:` comments, Simplify on
 * a spec, style conversions. `operatorStyle` spells the operators a simplification writes.
 */
export function editorActions(a: TlAnalysis, range: Range, diagnostics: Diagnostic[], operatorStyle: Style = 'ascii'): CodeAction[] {
  const out: CodeAction[] = [];
  for (const d of diagnostics) {
    const fix = fixFor(a, d);
    if (fix) out.push(fix);
  }
  for (const { args } of nlComments(a)) {
    if (inRange(args.range, range)) {
      out.push({ title: `Translate “${args.sentence}” to temporal logic`, kind: CodeActionKind.Refactor, command: { title: 'Translate to temporal logic', command: Commands.translate, arguments: [args] } });
    }
  }
  const start = a.document.offsetAt(range.start);
  const end = a.document.offsetAt(range.end);
  const statement = a.tl.statements.find((s) => s.kind !== 'broken' && s.start <= end && start <= s.end);
  const formula = statement?.kind === 'specDecl' || statement?.kind === 'formula' ? statement.formula : undefined;
  const simpler = formula && !a.tl.problems.some((p) => statement!.start <= p.end && p.start <= statement!.end) ? simplification(formula, a.tl.text, a.tl.comments, operatorStyle) : undefined;
  if (simpler) {
    out.push(edit(a, `Simplify to \`${simpler.text}\` (proven equivalent)`, CodeActionKind.QuickFix, toEdits(a, simpler.edits)));
  }
  for (const style of styles) {
    if (statement) {
      const r = styleReplacements(a.tl.text, statement.start, statement.end, style, comparisonSpans(statement));
      if (r.length > 0) out.push(edit(a, `Convert this statement to ${style} operators`, CodeActionKind.RefactorRewrite, toEdits(a, r)));
    }
    // Code actions are requested on every cursor move; respelling a huge file each time would lag.
    if (a.tl.text.length > wholeFileLimit) continue;
    const all = styleReplacements(a.tl.text, 0, a.tl.text.length, style, arithmeticOf(a));
    if (all.length > 0) out.push(edit(a, `Convert the whole file to ${style} operators`, CodeActionKind.RefactorRewrite, toEdits(a, all)));
  }
  return out;
}

/** Every comparison of the file, for the whole-file conversions (asked for on every cursor move). */
const spansOf = new WeakMap<TlAnalysis, Span[]>();

function arithmeticOf(a: TlAnalysis): Span[] {
  let spans = spansOf.get(a);
  if (!spans) spansOf.set(a, (spans = a.tl.statements.flatMap(comparisonSpans)));
  return spans;
}
