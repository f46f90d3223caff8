// Turns a model interpretation into what people read: the steps as a tree with their operand
// values, each formula with the numbers filled in, and markdown for hovers and the
// "Interpret math word problem" / "Explain step" commands.
import Fraction from 'fraction.js';
import type { MwpResult, MwpStep } from '../../core/neuralApi';
import { apply, formatValue, isOp, prefixToTree, type Op, type Tree } from './arith';
import { numberValue } from './masking';

/** Below this the prediction is a guess and is shown as one. */
export const LOW_CONFIDENCE = 0.5;

const SYMBOL: Record<Op, string> = { '+': '+', '-': '−', '*': '×', '/': '÷', '^': '^' };

export interface StepNode {
  /** Index into result.steps: the order a person computes them, innermost first. */
  index: number;
  step: MwpStep;
  op: Op;
  left: StepNode | { literal: string };
  right: StepNode | { literal: string };
  leftValue?: Fraction;
  rightValue?: Fraction;
  value?: Fraction;
}

const literalValue = (t: string): Fraction | undefined => numberValue(t);

/** The interpretation's steps as a tree, with every operand's value. */
export function stepTree(result: MwpResult): StepNode | { literal: string } | undefined {
  const tree = prefixToTree(result.expression_prefix.split(/\s+/).filter(Boolean));
  if (!tree) return undefined;
  let next = 0;
  const build = (t: Tree): { node: StepNode | { literal: string }; value?: Fraction } => {
    if (t.kind === 'leaf') return { node: { literal: t.token }, value: literalValue(t.token) };
    const l = build(t.left);
    const r = build(t.right);
    const index = next++;
    let value: Fraction | undefined;
    try {
      value = l.value && r.value ? apply(t.op, l.value, r.value) : undefined;
    } catch {
      value = undefined;
    }
    const step = result.steps[index] ?? { op: t.op, formula_id: 0, formula: '', gloss: '', value: '' };
    return { node: { index, step, op: t.op, left: l.node, right: r.node, leftValue: l.value, rightValue: r.value, value }, value };
  };
  return build(tree).node;
}

export function isStep(n: StepNode | { literal: string }): n is StepNode {
  return 'op' in n;
}

/** The steps in the order a person computes them: each after the steps its operands come from. */
export function allSteps(root: StepNode | { literal: string } | undefined): StepNode[] {
  if (!root || !isStep(root)) return [];
  return [...allSteps(root.left), ...allSteps(root.right), root];
}

/** Whether a step's formula is InterMWP's Chinese one (a Chinese problem's); English problems' formulas are English. */
export function isChineseFormula(step: MwpStep): boolean {
  return /\p{Script=Han}/u.test(step.formula);
}

/** How a step's formula reads in one line: `速度 = 路程 / 时间 (speed = distance ÷ time)`, or for English problems `speed = distance ÷ time`. */
export function formulaLine(step: MwpStep): string {
  if (step.formula_id === 0) return 'common-sense step';
  return isChineseFormula(step) ? `${step.formula} (${step.gloss})` : step.gloss || step.formula;
}

const show = (v: Fraction | undefined) => (v ? formatValue(v) : '?');

/** `400 ÷ 4 = 100` */
export function arithmeticLine(n: StepNode): string {
  return `${show(n.leftValue)} ${SYMBOL[n.op]} ${show(n.rightValue)} = ${show(n.value)}`;
}

/**
 * The formula with the step's numbers written under its names:
 * `速度 (100) = 路程 (400) / 时间 (4)`. Common-sense steps have no formula to fill.
 */
export function filledFormula(formula: string, n: StepNode): string | undefined {
  const eq = formula.indexOf('=');
  if (eq < 0) return undefined;
  const lhs = formula.slice(0, eq).trim();
  const rhs = formula.slice(eq + 1);
  const opAt = [...rhs].findIndex((c) => isOp(c) || c === '−' || c === '×' || c === '÷');
  if (opAt < 0) return undefined;
  const chars = [...rhs];
  const a = chars.slice(0, opAt).join('').trim();
  const op = chars[opAt];
  const b = chars.slice(opAt + 1).join('').trim();
  const fill = (name: string, v: Fraction | undefined) => (/^\d+(\.\d+)?$/.test(name) ? name : `${name} (${show(v)})`);
  return `${fill(lhs, n.value)} = ${fill(a, n.leftValue)} ${op} ${fill(b, n.rightValue)}`;
}

export function confidenceLabel(confidence: number): string {
  return `${Math.round(confidence * 100)}%`;
}

export function isLowConfidence(result: MwpResult): boolean {
  return result.confidence < LOW_CONFIDENCE;
}

/** Markdown for one step: the arithmetic, the formula that justifies it, filled in, and its gloss. */
export function stepMarkdown(n: StepNode, result: MwpResult): string {
  const lines = [`**Step ${n.index + 1}:** \`${arithmeticLine(n)}\``];
  if (n.step.formula_id === 0) {
    lines.push('', 'Justification: a common-sense step (no named formula).');
  } else if (!isChineseFormula(n.step)) {
    const formula = n.step.gloss || n.step.formula;
    const filled = filledFormula(formula, n);
    lines.push('', `Formula ${n.step.formula_id}: ${formula}`);
    if (filled) lines.push('', `With the numbers: ${filled}`);
  } else {
    const filled = filledFormula(n.step.formula, n);
    const glossFilled = filledFormula(n.step.gloss.replace(/−/g, '-').replace(/×/g, '*').replace(/÷/g, '/'), n);
    lines.push('', `Formula ${n.step.formula_id}: ${n.step.formula}`, '', `*${n.step.gloss}*`);
    if (filled) lines.push('', `With the numbers: ${filled}`);
    if (glossFilled) lines.push('', `*${glossFilled}*`);
  }
  if (isLowConfidence(result)) lines.push('', `_Low confidence (${confidenceLabel(result.confidence)}): this is the model's guess, not a checked fact._`);
  return lines.join('\n');
}

/** Markdown for a whole interpretation. */
export function interpretationMarkdown(result: MwpResult): string {
  const low = isLowConfidence(result);
  const head = low
    ? `**Model's guess (low confidence, ${confidenceLabel(result.confidence)}):** x = ${result.expression_infix} = ${result.answer}`
    : `**Model (confidence ${confidenceLabel(result.confidence)}):** x = ${result.expression_infix} = ${result.answer}`;
  const steps = allSteps(stepTree(result));
  const body = steps.map((n) => {
    const why = n.step.formula_id === 0 ? 'common-sense step' : isChineseFormula(n.step) ? `${n.step.formula} — *${n.step.gloss}*` : n.step.gloss || n.step.formula;
    return `${n.index + 1}. \`${arithmeticLine(n)}\` — ${why}`;
  });
  return [head, '', ...body, '', `_${result.ep}, ${result.ms} ms_`].join('\n');
}

/** Plain text for the terminal: one line per step. */
export function interpretationText(result: MwpResult): string {
  const steps = allSteps(stepTree(result));
  const lines = [
    `expression: ${result.expression_infix}   (prefix: ${result.expression_prefix})`,
    `answer: ${result.answer}${isLowConfidence(result) ? `   (low confidence ${confidenceLabel(result.confidence)}: a guess)` : ''}`,
  ];
  for (const n of steps) {
    const why = n.step.formula_id === 0 ? 'common-sense step' : `[${n.step.formula_id}] ${formulaLine(n.step)}`;
    lines.push(`  step ${n.index + 1}: ${arithmeticLine(n)}   ${why}`);
  }
  return lines.join('\n');
}
