// The English formula labeller: for each operator of the chosen expression, which formula of the
// English inventory (formulas.ts) justifies it, from the operator, where it sits in the tree, the
// words around its operands and the question's words. A sparse linear softmax model (trained by
// training/mwp/english.py with sparse_linear.train_softmax, on the training split's gold
// expressions labelled by training/mwp/english_rules.ts), restricted to the formulas of the operator.
import { isOp, prefixToTree, type Tree } from '../../languages/mwp/arith';
import { linearScores, type SparseWeights } from '../sparseLinear';
import { englishFormula } from './formulas';
import type { Analysis } from './features';

export interface LabellerTable {
  /** Formula ids, one per class. */
  classes: number[];
  bias: number[];
  weights: SparseWeights;
}

interface OpNode {
  pos: number;
  op: string;
  left: { pos: number; tree: Tree };
  right: { pos: number; tree: Tree };
  parent: string;
  side: string;
}

function nodes(prefix: readonly string[]): OpNode[] {
  const tree = prefixToTree(prefix);
  if (!tree) return [];
  const out: OpNode[] = [];
  let pos = 0;
  const go = (t: Tree, parent: string, side: string): number => {
    const here = pos++;
    if (t.kind === 'leaf') return here;
    const l = go(t.left, t.op, 'L');
    const r = go(t.right, t.op, 'R');
    out.push({ pos: here, op: t.op, left: { pos: l, tree: t.left }, right: { pos: r, tree: t.right }, parent, side });
    return here;
  };
  go(tree, 'T', '');
  return out;
}

/** The features of the operator at prefix position `pos`. */
export function operatorFeatures(a: Analysis, node: OpNode): string[] {
  const { op } = node;
  const out = [`op:${op}`, `par:${op}${node.parent}${node.side}`];
  if (node.parent === 'T') out.push(...a.question.map((f) => `T${op}${f}`));
  else out.push(...a.question.filter((f) => !f.startsWith('qq:')).map((f) => `I${op}${f}`));
  for (const [side, child] of [['L', node.left.tree], ['R', node.right.tree]] as const) {
    if (child.kind === 'op') {
      out.push(`${side}op:${op}${child.op}`);
      continue;
    }
    const item = a.items.findIndex((it) => it.token === child.token);
    if (item < 0) out.push(`${side}c:${op}${child.token}`);
    else for (const f of a.items[item]!.context) out.push(`${side}${op}:${f}`);
  }
  return out;
}

/** Every operator of `prefix` with its features: what the trainer and the runtime both read. */
export function labellerExamples(a: Analysis, prefix: readonly string[]): { pos: number; op: string; features: string[] }[] {
  return nodes(prefix).map((n) => ({ pos: n.pos, op: n.op, features: operatorFeatures(a, n) }));
}

export class EnglishLabeller {
  constructor(private readonly table: LabellerTable) {
    if (!Array.isArray(table.classes) || !Array.isArray(table.bias) || table.bias.length !== table.classes.length || typeof table.weights !== 'object') {
      throw new Error('Model file is corrupt (not an English formula labeller)');
    }
  }

  /** The formula id at each position of `prefix` (0, a common-sense step, where no formula fits; -1 at leaves), and each one's probability. */
  label(a: Analysis, prefix: readonly string[]): { ids: number[]; probabilities: number[] } {
    const ids: number[] = prefix.map((t) => (isOp(t) ? 0 : -1));
    const probabilities = prefix.map(() => 1);
    for (const ex of labellerExamples(a, prefix)) {
      const z = linearScores(this.table.bias, this.table.weights, ex.features);
      let best = -1;
      let total = 0;
      let top = -Infinity;
      const fits = this.table.classes.map((id) => id === 0 || englishFormula(id)?.op === ex.op);
      z.forEach((v, k) => fits[k] && (top = Math.max(top, v)));
      z.forEach((v, k) => {
        if (!fits[k]) return;
        total += Math.exp(v - top);
        if (best < 0 || v > z[best]!) best = k;
      });
      if (best >= 0) {
        ids[ex.pos] = this.table.classes[best]!;
        probabilities[ex.pos] = 1 / total;
      }
    }
    return { ids, probabilities };
  }
}
