// The MWP interpretation model: problem text in, solution expression out, with the formula that
// justifies each operator. It runs on the shared seq2seq runtime (seq2seq.ts, decode.ts) under the
// MWP decoding constraint (mwpDecode.ts), batched across problems.
import * as path from 'node:path';
import Fraction from 'fraction.js';
import type { MwpResult, MwpStep } from '../core/neuralApi';
import type { ExecutionProviderChoice } from '../core/settings';
import { maskNumbers, numberValue } from '../languages/mwp/masking';
import { apply, evaluate, formatValue, isOp, prefixToTree, treeToInfix, type Tree } from '../languages/mwp/arith';
import { logSumExp } from './decode';
import { defaultModelsDir, modelFiles, readJson } from './modelFiles';
import { MwpConstraint, MwpTokenTable } from './mwpDecode';
import { MwpLabeller } from './mwpLabeller';
import { MwpMemory, type Neighbour } from './mwpMemory';
import { MwpShapePrior, type ProblemPrior } from './mwpShape';
import { chooseCandidate, rerankWeights, type RankedCandidate, type RerankWeights } from './mwpRerank';
import { Seq2SeqModel, type Encoded } from './seq2seq';
import { isEnglish } from './english/read';
import { EnglishSolver, type EnglishSolution } from './english/solver';
import { asciiFormula, englishFormula } from './english/formulas';

export interface MwpFormula {
  id: number;
  /** null for id 0, the common-sense step, which fits any operator. */
  op: string | null;
  formula: string;
  gloss: string;
}

export interface MwpModelMeta {
  config: Record<string, number>;
  src_vocab: string[];
  in_vocab: string[];
  out_vocab: string[];
  out_op: Record<string, string>;
  /** Extra output ids after out_vocab: end of sequence and start. */
  eos: number;
  bos: number;
  consts: string[];
  max_nums: number;
  max_target: number;
  formulas: MwpFormula[];
  dev_metrics: Record<string, number>;
}

export interface MwpStepDetail extends MwpStep {
  /** The operands' values, left then right. */
  operands: [string, string];
}

export interface MwpInterpretation extends MwpResult {
  steps: MwpStepDetail[];
  /** The problem's numbers in order: N<i> is numbers[i]. */
  numbers: string[];
  /** The raw target: formula and common-sense tokens with masked numbers, e.g. F107 F86 N0 N1 N2. */
  target: string[];
  /** The expression as prefix tokens over operators, N<i> and constants, e.g. - N0 N1. */
  structure: string[];
  /** The formula id at each position of `structure` (0 for a common-sense step, -1 at leaves). */
  labels: number[];
  /** The confidence before calibration: the model's own probability of the chosen answer. */
  rawConfidence: number;
}

/** Platt scaling of the seq2seq path's confidence (models/mwp/calibration.json, scripts/mwp-calibration.ts). */
interface Calibration {
  format: number;
  platt: { a: number; b: number };
}

/** Beam width: the beam's trees are candidates beside the neighbours' templates. */
export const defaultMwpBeams = 5;
/** Neighbours whose templates become candidates; the nearest of them also vote (mwpRerank.ts). */
export const neighbourCount = 30;
/** Source positions the encoder was trained with (training/mwp/model.py max_src). */
export const maxSourceTokens = 256;

export class MwpModel {
  private readonly srcIds: Map<string, number>;
  private readonly table: MwpTokenTable;
  private readonly formulas: Map<number, MwpFormula>;
  private readonly outIds: Map<string, number>;
  /** Output ids of each operator's tokens: its formulas and its common-sense token. */
  private readonly opGroups = new Map<string, number[]>();

  private constructor(
    readonly meta: MwpModelMeta,
    private readonly seq2seq: Seq2SeqModel,
    private readonly memory: MwpMemory,
    private readonly labeller: MwpLabeller,
    private readonly shape: MwpShapePrior,
    /** The English solver (models/mwp/english.json); English problems go to the seq2seq model without it. */
    readonly english: EnglishSolver | undefined,
    private readonly calibration: Calibration | undefined,
  ) {
    this.srcIds = new Map(meta.src_vocab.map((t, i) => [t, i]));
    this.outIds = new Map(meta.out_vocab.map((t, i) => [t, i]));
    meta.out_vocab.forEach((t, id) => {
      const op = meta.out_op[t];
      if (op) this.opGroups.set(op, [...(this.opGroups.get(op) ?? []), id]);
    });
    this.table = new MwpTokenTable({ out: meta.out_vocab, outOp: meta.out_op, eos: meta.eos, maxTarget: meta.max_target });
    this.formulas = new Map(meta.formulas.map((f) => [f.id, f]));
  }

  get ep(): string {
    return this.seq2seq.ep;
  }

  get note(): string | undefined {
    return this.seq2seq.note;
  }

  /** Loads models/mwp from `modelsDir` on the best execution provider `choice` allows. */
  static async load(modelsDir = defaultModelsDir(), choice: ExecutionProviderChoice = 'auto'): Promise<MwpModel> {
    const dir = path.join(modelsDir, 'mwp');
    const meta = readJson<MwpModelMeta>(path.join(dir, 'mwp.json'));
    const memory = MwpMemory.load(path.join(dir, 'memory.json'), path.join(dir, 'memory.bin'));
    const labeller = MwpLabeller.load(path.join(dir, 'labeller.json'));
    const shape = MwpShapePrior.load(path.join(dir, 'shape.json'));
    const englishFile = path.join(dir, 'english.json');
    const english = modelFiles().exists(englishFile) ? EnglishSolver.load(englishFile) : undefined;
    const calibrationFile = path.join(dir, 'calibration.json');
    const calibration = modelFiles().exists(calibrationFile) ? readJson<Calibration>(calibrationFile) : undefined;
    if (calibration && (calibration.format !== 1 || typeof calibration.platt?.a !== 'number' || typeof calibration.platt?.b !== 'number')) {
      throw new Error(`Model file is corrupt (not a confidence calibration): ${calibrationFile}`);
    }
    const seq2seq = await Seq2SeqModel.load({ encoder: path.join(dir, 'encoder.onnx'), decoder: path.join(dir, 'decoder.onnx') }, choice);
    return new MwpModel(meta, seq2seq, memory, labeller, shape, english, calibration);
  }

  /** An InterMWP formula (ids below 210) or one of the English formulas (ids from 300). */
  formula(id: number): MwpFormula | undefined {
    const f = this.formulas.get(id);
    if (f) return f;
    const e = englishFormula(id);
    return e && { id, op: e.op, formula: asciiFormula(e.gloss), gloss: e.gloss };
  }

  /** Whether the English solver reads this problem (rather than the seq2seq model). */
  readsEnglish(text: string): boolean {
    return this.english !== undefined && isEnglish(text);
  }

  /** Why a problem cannot be interpreted, or undefined when it can. */
  inputError(text: string): string | undefined {
    if (text.trim() === '') return 'the problem text is empty';
    const count = maskNumbers(text).tokens.length;
    // The encoder's position table has maxSourceTokens rows; cutting the problem would silently drop its question.
    // The English solver keeps to the same limit, so a problem is refused alike whichever reads it (and a
    // problem of a hundred numbers does not make it enumerate millions of expressions).
    if (count > maxSourceTokens) return `The problem is too long (${count} tokens; at most ${maxSourceTokens}).`;
    return undefined;
  }

  /** Token ids of the problem as the encoder sees them. */
  sourceIds(text: string): { ids: number[]; tokens: string[]; numbers: string[] } {
    const error = this.inputError(text);
    if (error) throw new Error(error);
    const { tokens, numbers } = maskNumbers(text);
    const unk = this.srcIds.get('<unk>')!;
    return { ids: tokens.map((t) => this.srcIds.get(t) ?? unk), tokens, numbers };
  }

  /** The decoder's log-probabilities for explicit inputs (the parity test compares them with PyTorch). */
  logprobs(sources: readonly number[][], targets: readonly number[][]): Promise<Float32Array> {
    return this.seq2seq.logprobs(sources, targets);
  }

  /** Values of leaves: N<i> is the problem's i-th number, anything else a constant. */
  private leafValue(numbers: readonly string[]) {
    return (token: string): Fraction | undefined => {
      if (!/^N\d+$/.test(token)) return numberValue(token);
      const literal = numbers[Number(token.slice(1))];
      return literal === undefined ? undefined : numberValue(literal);
    };
  }

  async interpret(text: string, beams = defaultMwpBeams, signal?: AbortSignal): Promise<MwpInterpretation> {
    return (await this.interpretMany([text], beams, signal))[0];
  }

  /**
   * Interprets several problems, batched: one encoder run, one beam search, then the candidates of
   * all problems (beam trees and the retrieval neighbours' templates) scored in one teacher-forced
   * pass. `ms` is each problem's share.
   */
  async interpretMany(texts: readonly string[], beams = defaultMwpBeams, signal?: AbortSignal): Promise<MwpInterpretation[]> {
    for (const t of texts) {
      const error = this.inputError(t);
      if (error) throw new Error(error);
    }
    // English problems the solver can compute something for are its; the rest (Chinese, and English
    // with fewer than two quantities) go to the seq2seq model, which can also use its constants.
    const english = texts.map((t) => (this.readsEnglish(t) ? this.interpretEnglish(t) : undefined));
    const others = texts.filter((_, i) => !english[i]);
    const solved = others.length ? (await this.candidates(others, beams, signal)).map((set) => this.conclude(set)) : [];
    let next = 0;
    return texts.map((_, i) => english[i] ?? solved[next++]!);
  }

  /** An English problem through the English solver (src/neural/english/); undefined when it has no candidate. */
  interpretEnglish(text: string): MwpInterpretation | undefined {
    const started = performance.now();
    const solution = this.english!.solve(text);
    if (solution.prefix.length === 0) return undefined;
    return this.describeEnglish(solution, performance.now() - started);
  }

  private describeEnglish(solution: EnglishSolution, ms: number): MwpInterpretation {
    const { analysis } = solution;
    const numbers = analysis.problem.numbers.map((n) => n.literal);
    const { prefix: structure, ids: labels } = this.english!.labelled(analysis, solution.prefix);
    const target = structure.map((t, i) => (isOp(t) ? (labels[i]! > 0 ? `F${labels[i]}` : `C${t}`) : t));
    // English steps show English formulas: the InterMWP formulas by their gloss, and English ones.
    const formulaOf = (id: number) => {
      if (id === 0) return { formula: 'common-sense step', gloss: 'common-sense step' };
      const f = englishFormula(id);
      return f ? { formula: asciiFormula(f.gloss), gloss: f.gloss } : undefined;
    };
    return this.describe(target, structure, numbers, solution.probability, ms, formulaOf, solution.rawProbability);
  }

  /** Every problem's scored candidates and neighbours, before one is chosen. */
  async candidates(texts: readonly string[], beams = defaultMwpBeams, signal?: AbortSignal): Promise<CandidateSet[]> {
    const started = performance.now();
    const inputs = texts.map((t) => this.sourceIds(t));
    const encoded = await this.seq2seq.encode(inputs.map((s) => s.ids));
    const usable = inputs.map((s) => Math.min(s.numbers.length, this.meta.max_nums));
    const found = await this.seq2seq.search(
      encoded,
      usable.map((n) => ({ constraint: MwpConstraint.start(this.table, n) })),
      { bos: this.meta.bos, eos: this.meta.eos, vocabSize: this.meta.eos + 2, beams, maxLength: this.meta.max_target + 1, signal },
    );
    const neighbours = inputs.map((_, i) => this.memory.nearest(this.seq2seq.pooled(encoded, i), neighbourCount));
    const structures = found.map((hyps, i) => {
      const beamTrees = hyps.filter((h) => h.complete).map((h) => h.tokens.map((id) => this.structural(this.meta.out_vocab[id]!)));
      const templates = neighbours[i]!.map((n) => n.template).filter((t) => this.fits(t, usable[i]!));
      return [...new Map([...beamTrees, ...templates].map((t) => [t.join(' '), t])).values()];
    });
    signal?.throwIfAborted();
    const priors = inputs.map((s) => this.shape.forProblem(s.tokens, s.numbers));
    const scored = await this.score(encoded, structures, inputs.map((s) => this.leafValue(s.numbers)), priors);
    const ms = (performance.now() - started) / texts.length;
    return scored.map((candidates, i) => ({ candidates, neighbours: neighbours[i]!, tokens: inputs[i]!.tokens, numbers: inputs[i]!.numbers, ms }));
  }

  /** The interpretation a candidate set leads to under the given rerank weights. */
  conclude(set: CandidateSet, weights: RerankWeights = rerankWeights): MwpInterpretation {
    const best = chooseCandidate(set.candidates, set.neighbours, set.numbers.length, weights) ?? set.candidates[0];
    if (!best) throw new Error('the model produced no complete expression');
    const target = this.formulasFor(best, set.tokens);
    // The model's probability of this expression, whatever the formulas at its operators, calibrated.
    const raw = Math.min(1, Math.exp(best.logprob));
    const confidence = this.calibration ? 1 / (1 + Math.exp(-(this.calibration.platt.a * Math.log(Math.max(1e-6, raw)) + this.calibration.platt.b))) : raw;
    return this.describe(target, [...best.structure], set.numbers, confidence, set.ms, undefined, raw);
  }

  /** The nearest training problems' templates: what the retrieval memory proposes for a problem. */
  async neighbours(text: string): Promise<Neighbour[]> {
    const encoded = await this.seq2seq.encode([this.sourceIds(text).ids]);
    return this.memory.nearest(this.seq2seq.pooled(encoded, 0), neighbourCount);
  }

  /**
   * The formula at each operator: the token with the highest decoder plus labeller log-probability
   * (a product of the two models). Formula ids map to F<id>; id 0 is the operator's C<op>.
   */
  private formulasFor(c: ScoredCandidate, tokens: readonly string[]): string[] {
    const fits = (id: number, op: string): boolean => id === 0 || this.formulas.get(id)?.op === op;
    const labeller = this.labeller.logprobs(tokens, c.structure, fits);
    return c.structure.map((t, pos) => {
      const decoder = c.opLogprobs.get(pos);
      const byLabeller = labeller.get(pos);
      if (!decoder || !byLabeller) return c.target[pos]!;
      let best = c.target[pos]!;
      let bestScore = -Infinity;
      for (const id of this.opGroups.get(t)!) {
        const token = this.meta.out_vocab[id]!;
        const formula = token.startsWith('F') ? Number(token.slice(1)) : 0;
        const score = decoder[id]! + byLabeller[formula]!;
        if (score > bestScore) [best, bestScore] = [token, score];
      }
      return best;
    });
  }

  private structural(token: string): string {
    return this.meta.out_op[token] ?? token;
  }

  /** Whether a template is a tree this problem can have: its numbers exist, its length fits. */
  private fits(template: readonly string[], numberCount: number): boolean {
    if (template.length > this.meta.max_target) return false;
    return template.every((t) => (/^N\d+$/.test(t) ? Number(t.slice(1)) < numberCount : this.opGroups.has(t) || this.outIds.has(t)));
  }

  /**
   * Teacher-forces every structure: its log-probability summed over the formulas at each operator,
   * and the likeliest formula there (with the log-probability of that labelled tree); and its value,
   * with leaves valued by the item's `leafValues`.
   */
  private async score(
    encoded: Encoded,
    structures: (readonly string[])[][],
    leafValues: readonly ((token: string) => Fraction | undefined)[],
    priors: readonly ProblemPrior[],
  ): Promise<ScoredCandidate[][]> {
    const rows = structures.flatMap((list, item) =>
      list.map((structure) => ({ item, structure, tokens: structure.map((t) => this.opGroups.get(t)?.[0] ?? this.outIds.get(t)!) })),
    );
    const logprobs = await this.seq2seq.forced(encoded, rows, this.meta.bos);
    const out: ScoredCandidate[][] = structures.map(() => []);
    rows.forEach((row, r) => {
      let logprob = 0;
      let labelledLogprob = 0;
      const opLogprobs = new Map<number, Float32Array>();
      const target = row.structure.map((t, pos) => {
        const lp = logprobs[r]![pos]!;
        const group = this.opGroups.get(t);
        if (!group) {
          logprob += lp[row.tokens[pos]!]!;
          labelledLogprob += lp[row.tokens[pos]!]!;
          return t;
        }
        const best = group.reduce((a, b) => (lp[b]! > lp[a]! ? b : a));
        opLogprobs.set(pos, lp);
        logprob += logSumExp(group.map((id) => lp[id]!));
        labelledLogprob += lp[best]!;
        return this.meta.out_vocab[best]!;
      });
      const value = valueOf(row.structure, leafValues[row.item]!);
      const shape = value ? priors[row.item]!(row.structure, value) : -Infinity;
      out[row.item]!.push({ structure: row.structure, target, logprob, labelledLogprob, opLogprobs, value, shape });
    });
    return out;
  }

  private describe(
    target: readonly string[],
    structure: string[],
    numbers: string[],
    confidence: number,
    ms: number,
    formulaOf: (id: number) => { formula: string; gloss: string } | undefined = (id) => this.formulas.get(id),
    rawConfidence = confidence,
  ): MwpInterpretation {
    const literal = (t: string) => (/^N\d+$/.test(t) ? numbers[Number(t.slice(1))] : t);
    const tree = prefixToTree(structure)!;
    const value = this.leafValue(numbers);
    const steps: MwpStepDetail[] = [];
    let pos = 0;
    let opCount = 0;
    const walk = (node: Tree): Fraction | undefined => {
      const here = pos++;
      if (node.kind === 'leaf') return value(node.token);
      // Steps are listed in the order a person computes them: an operator after those of its
      // operands (innermost first), so each step uses only values already shown.
      const l = walk(node.left);
      const r = walk(node.right);
      const stepIndex = opCount++;
      let v: Fraction | undefined;
      try {
        v = l && r ? apply(node.op, l, r) : undefined;
      } catch {
        v = undefined;
      }
      const tok = target[here]!;
      const id = tok.startsWith('F') ? Number(tok.slice(1)) : 0;
      const f = formulaOf(id) ?? this.formulas.get(0);
      steps[stepIndex] = {
        op: node.op,
        formula_id: id,
        formula: f?.formula ?? '',
        gloss: f?.gloss ?? '',
        value: v ? formatValue(v) : 'undefined',
        operands: [l ? formatValue(l) : 'undefined', r ? formatValue(r) : 'undefined'],
      };
      return v;
    };
    const answer = walk(tree);
    return {
      expression_prefix: structure.map(literal).join(' '),
      expression_infix: treeToInfix(tree, literal),
      answer: answer ? formatValue(answer) : 'undefined',
      steps,
      confidence,
      rawConfidence,
      numbers,
      target: [...target],
      structure: [...structure],
      labels: target.map((t) => (t.startsWith('F') ? Number(t.slice(1)) : /^C[-+*/^]$/.test(t) ? 0 : -1)),
      ep: this.ep,
      ms: Math.round(ms * 100) / 100,
    };
  }

  close(): Promise<void> {
    return this.seq2seq.release();
  }
}

export interface CandidateSet {
  candidates: ScoredCandidate[];
  neighbours: Neighbour[];
  tokens: string[];
  numbers: string[];
  ms: number;
}

interface ScoredCandidate extends RankedCandidate {
  /** The structure with the decoder's likeliest formula token at each operator. */
  target: string[];
  /** The decoder's log-probabilities over output tokens at each operator position. */
  opLogprobs: Map<number, Float32Array>;
}

function valueOf(structure: readonly string[], value: (token: string) => Fraction | undefined): Fraction | undefined {
  try {
    const tree = prefixToTree([...structure]);
    return tree ? evaluate(tree, value) : undefined;
  } catch {
    return undefined;
  }
}
