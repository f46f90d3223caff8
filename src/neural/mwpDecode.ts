// The decoding constraint of the MWP model's flat prefix target. Every operator position holds a
// formula token (F<id>, which implies its operator) or a common-sense token (C<op>); leaves are the
// problem's own numbers N<i> and the trained constants. Only single well-formed prefix trees over
// numbers that the problem contains come out; the end token is allowed exactly when the tree is
// complete, and then alone.
import type { DecodeConstraint } from './constraint';

export interface TargetVocab {
  /** Output tokens, in the model's output order. */
  out: readonly string[];
  /** Operator of each operator token (C+, F86, ...); leaves are absent. */
  outOp: Readonly<Record<string, string>>;
  /** The end-of-sequence id (after the output tokens). */
  eos: number;
  /** Most tokens in a tree, end token excluded. */
  maxTarget: number;
}

/** What the constraint knows about the vocabulary, computed once per model. */
export class MwpTokenTable {
  readonly opIds: number[] = [];
  readonly leaves: { id: number; number: number | null }[] = [];

  constructor(readonly vocab: TargetVocab) {
    vocab.out.forEach((t, id) => {
      if (vocab.outOp[t]) this.opIds.push(id);
      else this.leaves.push({ id, number: /^N\d+$/.test(t) ? Number(t.slice(1)) : null });
    });
  }
}

export class MwpConstraint implements DecodeConstraint {
  private constructor(
    private readonly table: MwpTokenTable,
    private readonly leafIds: readonly number[],
    /** Subtrees still to be completed. */
    readonly open: number,
    readonly length: number,
  ) {}

  /** Leaves are restricted to the problem's `numberCount` numbers and the constants. */
  static start(table: MwpTokenTable, numberCount: number): MwpConstraint {
    const leafIds = table.leaves.filter((l) => l.number === null || l.number < numberCount).map((l) => l.id);
    return new MwpConstraint(table, leafIds, 1, 0);
  }

  get done(): boolean {
    return this.open === 0;
  }

  /** Operators only while the tree can still be closed within the length limit. */
  allowed(): readonly number[] {
    if (this.open === 0) return [this.table.vocab.eos];
    if (this.length + 1 + this.open + 1 > this.table.vocab.maxTarget) return this.leafIds;
    return [...this.leafIds, ...this.table.opIds];
  }

  advance(token: number): MwpConstraint {
    if (this.open === 0 || !this.allowed().includes(token)) {
      throw new Error(`token '${this.table.vocab.out[token] ?? token}' is not allowed here`);
    }
    const isOp = this.table.vocab.outOp[this.table.vocab.out[token]] !== undefined;
    return new MwpConstraint(this.table, this.leafIds, this.open + (isOp ? 1 : -1), this.length + 1);
  }
}
