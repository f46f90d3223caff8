// Diagnostics for .mwp files: the user's own equation and answer are checked exactly, and against
// the model's interpretation when one is available.
import Fraction from 'fraction.js';
import { DiagnosticSeverity, type Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { MwpResult } from '../../core/neuralApi';
import type { Expr } from '../../../grammars/mwp';
import { apply, EvalError, formatValue, sameValue } from './arith';
import { confidenceLabel, isLowConfidence } from './explain';
import { numberValue } from './masking';
import type { ParsedFile, Problem, Span, UserLine } from './parser';

export const SYNTAX = 'mwp/syntax';
export const EMPTY_PROBLEM = 'mwp/empty-problem';
export const DUPLICATE_LINE = 'mwp/duplicate-line';
export const DUPLICATE_ID = 'mwp/duplicate-id';
export const EQUATION_UNDEFINED = 'mwp/equation-undefined';
export const EQUATION_ANSWER_MISMATCH = 'mwp/equation-answer-mismatch';
export const EQUATION_DISAGREES = 'mwp/equation-disagrees';
export const ANSWER_DISAGREES = 'mwp/answer-disagrees';

/** What a "use the model's ..." quick fix needs: the text that replaces the line's value. */
export interface ReplaceData {
  replacement: string;
  problem: number;
}

export type Evaluated = { value: Fraction } | { error: string; span: Span };

/** Exact value of the user's expression; a name inside it (not the `x =` before it) has no value. */
export function evaluateExpr(e: Expr): Evaluated {
  switch (e.kind) {
    case 'number': {
      const v = numberValue(e.text);
      return v ? { value: v } : { error: `'${e.text}' is not a number.`, span: e };
    }
    case 'name':
      return { error: `'${e.name}' has no value: the expression may use only numbers.`, span: e };
    case 'negate': {
      const a = evaluateExpr(e.arg);
      return 'value' in a ? { value: a.value.neg() } : a;
    }
    case 'binary': {
      const l = evaluateExpr(e.left);
      if (!('value' in l)) return l;
      const r = evaluateExpr(e.right);
      if (!('value' in r)) return r;
      try {
        return { value: apply(e.op, l.value, r.value) };
      } catch (err) {
        if (err instanceof EvalError) return { error: `This has no value: ${err.message}.`, span: { start: e.opStart, end: e.opEnd } };
        throw err;
      }
    }
  }
}

export function lineValue(line: UserLine | undefined): Fraction | undefined {
  if (!line?.value) return undefined;
  const v = evaluateExpr(line.value.expr);
  return 'value' in v ? v.value : undefined;
}

function diag(doc: TextDocument, span: Span, severity: DiagnosticSeverity, code: string, message: string, data?: unknown): Diagnostic {
  return {
    range: { start: doc.positionAt(span.start), end: doc.positionAt(span.end) },
    severity,
    code,
    source: 'nesy',
    message,
    ...(data === undefined ? {} : { data }),
  };
}

/** The equation line the model's interpretation suggests, keeping the user's variable name. */
export function modelEquation(result: MwpResult, existing?: UserLine): string {
  return `${existing?.value?.variable?.name ?? 'x'} = ${result.expression_infix.replace(/([+\-*/^])/g, ' $1 ').replace(/\( /g, '(').replace(/ \)/g, ')')}`;
}

export function modelAnswer(result: MwpResult, existing?: UserLine): string {
  return existing?.value?.unit ? `${result.answer} ${existing.value.unit.name}` : result.answer;
}

function checkProblem(doc: TextDocument, p: Problem, prediction: MwpResult | undefined, out: Diagnostic[]): void {
  if (p.lines.length === 0) {
    out.push(diag(doc, p.header ?? p.span, DiagnosticSeverity.Warning, EMPTY_PROBLEM, 'This problem has no text: write the problem on the lines after the header.'));
  }
  for (const d of p.duplicates) {
    out.push(diag(doc, d.keyword, DiagnosticSeverity.Error, DUPLICATE_LINE, 'A problem has at most one equation and one answer; this line repeats one.'));
  }
  for (const line of [p.equation, p.answer]) {
    if (!line) continue;
    for (const e of line.errors) out.push(diag(doc, e, DiagnosticSeverity.Error, SYNTAX, e.message));
    if (line.value) {
      const v = evaluateExpr(line.value.expr);
      if ('error' in v) out.push(diag(doc, v.span, DiagnosticSeverity.Error, EQUATION_UNDEFINED, v.error));
    }
  }
  const eq = lineValue(p.equation);
  const ans = lineValue(p.answer);
  if (eq && ans && !sameValue(eq, ans)) {
    out.push(diag(doc, p.answer!.valueSpan, DiagnosticSeverity.Warning, EQUATION_ANSWER_MISMATCH,
      `The answer ${p.answer!.raw} differs from the equation's value, ${formatValue(eq)}.`));
  }
  if (!prediction || prediction.answer === 'undefined') return;
  const predicted = answerValue(prediction.answer);
  if (!predicted) return;
  const low = isLowConfidence(prediction);
  const who = low ? `The model guesses, with low confidence (${confidenceLabel(prediction.confidence)}),` : `The model (confidence ${confidenceLabel(prediction.confidence)}) finds`;
  const severity = low ? DiagnosticSeverity.Information : DiagnosticSeverity.Warning;
  if (p.equation && eq && !sameValue(eq, predicted)) {
    const replacement = modelEquation(prediction, p.equation);
    const data: ReplaceData = { replacement, problem: p.index };
    out.push(diag(doc, p.equation.valueSpan, severity, EQUATION_DISAGREES,
      `${who} x = ${prediction.expression_infix} = ${prediction.answer}, but this equation gives ${formatValue(eq)}.`, data));
  }
  if (p.answer && ans && !sameValue(ans, predicted)) {
    const replacement = modelAnswer(prediction, p.answer);
    const data: ReplaceData = { replacement, problem: p.index };
    out.push(diag(doc, p.answer.valueSpan, severity, ANSWER_DISAGREES,
      `${who} the answer ${prediction.answer} (x = ${prediction.expression_infix}), not ${p.answer.raw}.`, data));
  }
}

/** `1/3` as the model prints non-terminating answers. */
function fractionOf(s: string): Fraction | undefined {
  const m = /^(-?\d+)\/(\d+)$/.exec(s);
  return m && m[2] !== '0' ? new Fraction(BigInt(m[1]), BigInt(m[2])) : undefined;
}

export function answerValue(answer: string): Fraction | undefined {
  if (answer.startsWith('-')) {
    const v = answerValue(answer.slice(1));
    return v?.neg();
  }
  return numberValue(answer) ?? fractionOf(answer);
}

export function checkFile(doc: TextDocument, file: ParsedFile, predictions: readonly (MwpResult | undefined)[]): Diagnostic[] {
  const out: Diagnostic[] = file.errors.map((e) => diag(doc, e, DiagnosticSeverity.Error, SYNTAX, e.message));
  const seen = new Map<string, Problem>();
  for (const p of file.problems) {
    if (p.id) {
      const first = seen.get(p.id.name);
      if (first) out.push(diag(doc, p.id, DiagnosticSeverity.Warning, DUPLICATE_ID, `Problem id '${p.id.name}' is already used on line ${doc.positionAt(first.span.start).line + 1}.`));
      else seen.set(p.id.name, p);
    }
    checkProblem(doc, p, predictions[p.index], out);
  }
  return out;
}
