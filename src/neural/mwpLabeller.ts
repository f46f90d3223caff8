// The formula labeller (training/mwp/labeller.py trains it): a sparse linear model that scores an
// operator's formulas from the whole expression tree and the words around its operands. The decoder
// names a formula before it writes the operands (prefix order); the labeller sees them, and adding
// its log-probabilities to the decoder's raises dev logic accuracy (models/mwp/README.md).
import { isOp } from '../languages/mwp/arith';
import { logSumExp } from './decode';
import { readJson } from './modelFiles';
import { linearScores, pairs, type SparseWeights } from './sparseLinear';

interface LabellerFile {
  format: number;
  window: number;
  question: number;
  /** One bias per formula id. */
  bias: number[];
  /** Feature name → [formula id, weight] pairs. */
  weights: SparseWeights;
}

interface Node {
  op: string;
  left: number;
  right: number;
  parent: number;
  side: 'L' | 'R' | 'T';
}

export class MwpLabeller {
  private constructor(private readonly file: LabellerFile) {}

  static load(file: string): MwpLabeller {
    const f = readJson<LabellerFile>(file);
    if (f.format !== 1 || !Array.isArray(f.bias) || typeof f.weights !== 'object' || !(f.window > 0) || !(f.question > 0)) {
      throw new Error(`Model file is corrupt (not a formula labeller): ${file}`);
    }
    return new MwpLabeller(f);
  }

  /**
   * For each operator position of `structure` (prefix tokens over operators, N<i> and constants),
   * the log-probability of every formula id that `fits(id, op)`; other ids get -Infinity.
   */
  logprobs(tokens: readonly string[], structure: readonly string[], fits: (id: number, op: string) => boolean): Map<number, Float64Array> {
    const nodes = tree(structure);
    const out = new Map<number, Float64Array>();
    for (const [at, node] of nodes) {
      const z = linearScores(this.file.bias, this.file.weights, this.features(tokens, structure, node));
      z.forEach((v, id) => (z[id] = fits(id, node.op) ? v : -Infinity));
      const norm = logSumExp(z);
      out.set(at, z.map((v) => v - norm));
    }
    return out;
  }

  /** The same features as labeller.py's `features`, in the same spelling. */
  private features(tokens: readonly string[], structure: readonly string[], n: Node): string[] {
    const { op } = n;
    const out = [`op:${op}`, `side:${n.side}${op}`];
    if (n.parent >= 0) out.push(`par:${structure[n.parent]}${n.side}${op}`);
    for (const [name, child] of [['L', n.left], ['R', n.right]] as const) {
      const leaf = structure[child]!;
      if (isOp(leaf)) out.push(`${name}op:${op}${leaf}`);
      else if (/^N\d+$/.test(leaf)) {
        out.push(`${name}num${op}`);
        const k = tokens.indexOf(leaf);
        if (k < 0) continue;
        const before = tokens.slice(Math.max(0, k - this.file.window), k);
        const after = tokens.slice(k + 1, k + 1 + this.file.window);
        out.push(...before.map((x) => `${name}b:${x}`), ...after.map((x) => `${name}a:${x}`));
        out.push(...pairs(after).map((p) => `${name}a2:${p}`), ...pairs(before).map((p) => `${name}b2:${p}`));
      } else out.push(`${name}c:${op}${leaf}`);
    }
    out.push(...pairs(tokens.slice(-this.file.question)).map((p) => `q2:${p}`));
    out.push(...pairs(tokens).map((p) => `t2:${op}${p}`));
    return out;
  }
}

/** The operators of a prefix tree by position, with their children, parent and side. */
function tree(structure: readonly string[]): Map<number, Node> {
  const nodes = new Map<number, Node>();
  let pos = 0;
  // Iterative, as a stack of open operators: a deep tree must not overflow the call stack.
  const open: { at: number; children: number[] }[] = [];
  const sides: ('L' | 'R' | 'T')[] = [];
  while (pos < structure.length) {
    const at = pos++;
    const parent = open.at(-1);
    const side: 'L' | 'R' | 'T' = parent ? (parent.children.length === 0 ? 'L' : 'R') : 'T';
    parent?.children.push(at);
    if (isOp(structure[at]!)) {
      open.push({ at, children: [] });
      sides.push(side);
    }
    while (open.length > 0 && open.at(-1)!.children.length === 2) {
      const done = open.pop()!;
      const doneSide = sides.pop()!;
      nodes.set(done.at, { op: structure[done.at]!, left: done.children[0]!, right: done.children[1]!, parent: open.at(-1)?.at ?? -1, side: doneSide });
    }
  }
  return nodes;
}
