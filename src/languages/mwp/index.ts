// The .mwp language: files of math word problems, each interpreted by the model into an
// expression whose every operator carries the formula that justifies it.
import {
  CodeActionKind,
  SymbolKind,
  type CodeAction,
  type CodeLens,
  type Diagnostic,
  type DocumentSymbol,
  type FoldingRange,
  type Hover,
  type InlayHint,
  type InlayHintLabelPart,
  type Position,
  type Range,
} from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, Host, LanguageService } from '../../core/language';
import type { MwpResult, NeuralApi } from '../../core/neuralApi';
import { Commands } from '../../core/protocol';
import type { Expr } from '../../../grammars/mwp';
import { formatValue, sameValue, type Op } from './arith';
import { ANSWER_DISAGREES, checkFile, evaluateExpr, EQUATION_DISAGREES, modelAnswer, modelEquation, type ReplaceData } from './checks';
import {
  allSteps,
  arithmeticLine,
  confidenceLabel,
  formulaLine,
  interpretationMarkdown,
  isLowConfidence,
  isStep,
  stepMarkdown,
  stepTree,
  type StepNode,
} from './explain';
import { formatEdits } from './format';
import { parseMwp, type ParsedFile, type Problem, type Span } from './parser';

export interface MwpAnalysis extends Analysis {
  file: ParsedFile;
  /** The model's interpretation of each problem, by problem index; absent without a model. */
  predictions: (MwpResult | undefined)[];
  /** Why there are no predictions, when the model failed. */
  modelNote?: string;
}

// Interpretations by problem text: re-analysis after each keystroke only runs the changed problem.
const cache = new Map<string, Promise<MwpResult>>();
const CACHE_SIZE = 500;

function interpretCached(neural: NeuralApi, text: string): Promise<MwpResult> {
  let p = cache.get(text);
  if (!p) {
    p = neural.interpretMwp(text);
    cache.set(text, p);
    p.catch(() => cache.delete(text));
    if (cache.size > CACHE_SIZE) cache.delete(cache.keys().next().value!);
  }
  return p;
}

const rangeOf = (doc: TextDocument, s: Span): Range => ({ start: doc.positionAt(s.start), end: doc.positionAt(s.end) });

/** Where a problem's summary goes: its header, or its first text line. */
function anchor(p: Problem): Span {
  return p.header ?? p.lines[0] ?? p.span;
}

function problemAt(a: MwpAnalysis, offset: number): Problem | undefined {
  return a.file.problems.find((p) => offset >= p.span.start && offset <= p.span.end);
}

/** The innermost binary node of the user's expression whose operator is at `offset`. */
function operatorAt(e: Expr, offset: number): Extract<Expr, { kind: 'binary' }> | undefined {
  if (e.kind === 'binary') {
    if (offset >= e.opStart && offset <= e.opEnd) return e;
    return operatorAt(e.left, offset) ?? operatorAt(e.right, offset);
  }
  return e.kind === 'negate' ? operatorAt(e.arg, offset) : undefined;
}

const COMMUTATIVE: ReadonlySet<Op> = new Set(['+', '*']);

/** The model step computing the same thing as the user's operator: same operator, same operands. */
function matchingStep(result: MwpResult, e: Extract<Expr, { kind: 'binary' }>): StepNode | undefined {
  const l = evaluateExpr(e.left);
  const r = evaluateExpr(e.right);
  if (!('value' in l) || !('value' in r)) return undefined;
  return allSteps(stepTree(result)).find((n) => {
    if (n.op !== e.op || !n.leftValue || !n.rightValue) return false;
    const straight = sameValue(n.leftValue, l.value) && sameValue(n.rightValue, r.value);
    const swapped = COMMUTATIVE.has(n.op) && sameValue(n.leftValue, r.value) && sameValue(n.rightValue, l.value);
    return straight || swapped;
  });
}

const PRECEDENCE: Record<Op, number> = { '+': 1, '-': 1, '*': 2, '/': 2, '^': 3 };

/** The expression as inlay-hint parts, each operator carrying its step's explanation. */
function infixParts(node: StepNode | { literal: string }, result: MwpResult): InlayHintLabelPart[] {
  if (!isStep(node)) return [{ value: node.literal }];
  const side = (child: StepNode | { literal: string }, right: boolean): InlayHintLabelPart[] => {
    const parts = infixParts(child, result);
    if (!isStep(child)) return parts;
    const p = PRECEDENCE[node.op];
    const q = PRECEDENCE[child.op];
    const needs = node.op === '^' ? q <= p : q < p || (right && q === p && (node.op === '-' || node.op === '/'));
    return needs ? [{ value: '(' }, ...parts, { value: ')' }] : parts;
  };
  const op: InlayHintLabelPart = { value: ` ${node.op} `, tooltip: { kind: 'markdown', value: stepMarkdown(node, result) } };
  return [...side(node.left, false), op, ...side(node.right, true)];
}

function summary(result: MwpResult): string {
  const low = isLowConfidence(result);
  return `${low ? `Model's guess (low confidence, ${confidenceLabel(result.confidence)})` : 'Model'}: x = ${result.expression_infix} = ${result.answer}`;
}

/** Markdown explaining the problem at `position`, or the model step under it: the server's "Explain step". */
export function explainAt(a: MwpAnalysis, position: Position): string | undefined {
  const offset = a.document.offsetAt(position);
  const p = problemAt(a, offset);
  if (!p) return undefined;
  const result = a.predictions[p.index];
  const op = p.equation?.value && offset >= p.equation.valueSpan.start ? operatorAt(p.equation.value.expr, offset) : undefined;
  if (op) {
    const step = result && matchingStep(result, op);
    if (result && step) return stepMarkdown(step, result);
    const v = evaluateExpr(op);
    const l = evaluateExpr(op.left);
    const r = evaluateExpr(op.right);
    const arithmetic = 'value' in v && 'value' in l && 'value' in r ? `\`${formatValue(l.value)} ${op.op} ${formatValue(r.value)} = ${formatValue(v.value)}\`` : 'This step has no value.';
    return `${arithmetic}\n\n${result ? "No step of the model's solution computes this." : 'No model interpretation is available.'}`;
  }
  if (!result) return a.modelNote ? `No model interpretation: ${a.modelNote}` : undefined;
  return interpretationMarkdown(result);
}

/** Markdown for the "Explain step" command given a problem index and, optionally, a step index. */
export function explainStep(a: MwpAnalysis, problem: number, step?: number): string | undefined {
  const result = a.predictions[problem];
  if (!result) return undefined;
  if (step === undefined) return interpretationMarkdown(result);
  const n = allSteps(stepTree(result)).find((s) => s.index === step);
  return n ? stepMarkdown(n, result) : undefined;
}

/** "Interpret math word problem" on any text, in or outside .mwp files. */
export async function interpretText(neural: NeuralApi, text: string): Promise<{ result: MwpResult; markdown: string }> {
  const result = await interpretCached(neural, text.trim());
  return { result, markdown: interpretationMarkdown(result) };
}

function stepSymbol(doc: TextDocument, n: StepNode, range: Range): DocumentSymbol {
  const children = [n.left, n.right].filter(isStep).map((c) => stepSymbol(doc, c, range));
  return {
    name: arithmeticLine(n),
    detail: formulaLine(n.step),
    kind: SymbolKind.Operator,
    range,
    selectionRange: range,
    children,
  };
}

function exprSymbols(doc: TextDocument, e: Expr): DocumentSymbol[] {
  if (e.kind === 'negate') return exprSymbols(doc, e.arg);
  if (e.kind !== 'binary') return [];
  const v = evaluateExpr(e);
  return [{
    name: `${e.op} ${'value' in v ? `= ${formatValue(v.value)}` : '(no value)'}`,
    kind: SymbolKind.Operator,
    range: rangeOf(doc, e),
    selectionRange: rangeOf(doc, { start: e.opStart, end: e.opEnd }),
    children: [...exprSymbols(doc, e.left), ...exprSymbols(doc, e.right)],
  }];
}

export const mwpLanguage: LanguageService<MwpAnalysis> = {
  id: 'mwp',
  extensions: ['.mwp'],

  async analyze(document, settings, host: Host) {
    const file = parseMwp(document.getText());
    const predictions: (MwpResult | undefined)[] = [];
    let modelNote: string | undefined;
    const neural = settings.neuralEnabled ? host.neural : undefined;
    if (neural) {
      await Promise.all(file.problems.map(async (p) => {
        if (p.text.trim() === '') return;
        try {
          predictions[p.index] = await interpretCached(neural, p.text);
        } catch (err) {
          modelNote = err instanceof Error ? err.message : String(err);
        }
      }));
      if (modelNote) host.log(`mwp: the model could not interpret a problem: ${modelNote}`);
    }
    const diagnostics = checkFile(document, file, predictions).filter((d) => !settings.disabledChecks.includes(String(d.code)));
    return { document, diagnostics, file, predictions, modelNote };
  },

  hover(a, position) {
    const value = explainAt(a, position);
    return value ? { contents: { kind: 'markdown', value } } satisfies Hover : null;
  },

  inlayHints(a, range) {
    const hints: InlayHint[] = [];
    for (const p of a.file.problems) {
      const result = a.predictions[p.index];
      const root = result && stepTree(result);
      if (!result || !root) continue;
      const last = p.lines[p.lines.length - 1] ?? anchor(p);
      const position = a.document.positionAt(last.end);
      if (position.line < range.start.line || position.line > range.end.line) continue;
      const low = isLowConfidence(result);
      hints.push({
        position,
        label: [
          { value: low ? '⇒ guess: x = ' : '⇒ x = ', tooltip: { kind: 'markdown', value: interpretationMarkdown(result) } },
          ...infixParts(root, result),
          { value: ` = ${result.answer}` },
          ...(low ? [{ value: ` (low confidence ${confidenceLabel(result.confidence)})` }] : []),
        ],
        paddingLeft: true,
      });
    }
    return hints;
  },

  codeLenses(a) {
    const lenses: CodeLens[] = [];
    for (const p of a.file.problems) {
      const result = a.predictions[p.index];
      if (!result) continue;
      const range = rangeOf(a.document, anchor(p));
      lenses.push({ range, command: { title: summary(result), command: Commands.explainStep, arguments: [a.document.uri, p.index] } });
    }
    return lenses;
  },

  codeActions(a, range, diagnostics) {
    const uri = a.document.uri;
    const actions: CodeAction[] = [];
    for (const d of diagnostics as Diagnostic[]) {
      if ((d.code !== EQUATION_DISAGREES && d.code !== ANSWER_DISAGREES) || !d.data) continue;
      const data = d.data as ReplaceData;
      const what = d.code === EQUATION_DISAGREES ? 'equation' : 'answer';
      const low = a.predictions[data.problem] && isLowConfidence(a.predictions[data.problem]!);
      actions.push({
        title: `Use the model's ${what}: ${data.replacement}${low ? ' (low confidence)' : ''}`,
        kind: CodeActionKind.QuickFix,
        diagnostics: [d],
        isPreferred: !low,
        edit: { changes: { [uri]: [{ range: d.range, newText: data.replacement }] } },
      });
    }
    const p = problemAt(a, a.document.offsetAt(range.start));
    const result = p && a.predictions[p.index];
    if (p && result && (!p.equation || !p.answer)) {
      const lines = [...(p.equation ? [] : [`equation: ${modelEquation(result)}`]), ...(p.answer ? [] : [`answer: ${modelAnswer(result)}`])];
      const at = a.document.positionAt(p.span.end);
      actions.push({
        title: `Insert the model's ${lines.length === 2 ? 'equation and answer' : p.equation ? 'answer' : 'equation'}${isLowConfidence(result) ? ' (low confidence)' : ''}`,
        kind: CodeActionKind.RefactorRewrite,
        edit: { changes: { [uri]: [{ range: { start: at, end: at }, newText: lines.map((l) => `\n${l}`).join('') }] } },
      });
    }
    return actions;
  },

  documentSymbols(a) {
    return a.file.problems.map((p) => {
      const range = rangeOf(a.document, p.span);
      const selectionRange = rangeOf(a.document, p.id ?? anchor(p));
      const children: DocumentSymbol[] = [];
      const result = a.predictions[p.index];
      const root = result && stepTree(result);
      if (result && root && isStep(root)) {
        const at = rangeOf(a.document, anchor(p));
        children.push({ name: summary(result), kind: SymbolKind.Function, range: at, selectionRange: at, children: [stepSymbol(a.document, root, at)] });
      }
      if (p.equation?.value) {
        const r = rangeOf(a.document, p.equation.line);
        children.push({ name: `equation: ${p.equation.raw}`, kind: SymbolKind.Variable, range: r, selectionRange: rangeOf(a.document, p.equation.keyword), children: exprSymbols(a.document, p.equation.value.expr) });
      }
      if (p.answer) {
        const r = rangeOf(a.document, p.answer.line);
        children.push({ name: `answer: ${p.answer.raw}`, kind: SymbolKind.Constant, range: r, selectionRange: rangeOf(a.document, p.answer.keyword) });
      }
      const text = p.text.length > 40 ? `${p.text.slice(0, 40)}…` : p.text;
      return { name: p.id?.name ?? `Problem ${p.index + 1}`, detail: text, kind: SymbolKind.Namespace, range, selectionRange, children };
    });
  },

  format(a, _options, settings) {
    const text = a.document.getText();
    return formatEdits(text, a.file, settings.operatorStyle, a.document.positionAt(text.length));
  },

  foldingRanges(a) {
    const ranges: FoldingRange[] = [];
    for (const p of a.file.problems) {
      const start = a.document.positionAt(p.span.start).line;
      const end = a.document.positionAt(p.span.end).line;
      if (end > start) ranges.push({ startLine: start, endLine: end });
    }
    return ranges;
  },
};
