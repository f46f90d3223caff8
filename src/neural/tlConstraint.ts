// Grammar constraint for the lifted NL2TL target language (mirrors training/nl2tl/constraint.py).
// Every sequence it admits parses: parentheses balance, operators only where they fit (only those in
// the model's target vocabulary), every one of the sentence's props used before the end (a prop may
// recur: the pattern catalogue's scoped mappings name R three times), interval bounds drawn from
// the sentence's numbers (or 0 / inf), each number at most once, and an upper bound that is the
// number written right after the lower one ("between 96 and 129": [num_1, num_2]; 99% of the
// training intervals follow both rules). It never leads into a dead end: no token is allowed that
// could not finish within the length limit.
import type { DecodeConstraint } from './constraint';

const unaryPlain = ['negation', 'next', 'prev'];
/** Unary operators that may take an interval. */
const unaryTemporal = ['finally', 'globally', 'once', 'historically'];
const binaryPlain = ['and', 'or', 'imply', 'equal', 'weak_until', 'release', 'strong_release', 'since'];
export const maxDepth = 8;

type Phase = 'operand' | 'operator' | 'lo' | 'comma' | 'hi' | 'close' | 'done';

interface State {
  phase: Phase;
  depth: number;
  used: ReadonlySet<string>;
  usedNums: ReadonlySet<string>;
  /** The lower bound just written, inside an interval. */
  lo?: string;
  intervalAllowed: boolean;
  /** Tokens still allowed, counting the end of sequence. */
  budget: number;
}

/** The fewest tokens, end of sequence included, that complete a formula from this state. */
function minToFinish(s: State, nProps: number): number {
  const unused = nProps - s.used.size;
  const closeAndEnd = s.depth + 1;
  // An operand still to write needs a prop: an unused one (each unused prop after the first also needs
  // a binary before it), or any prop again when all are used.
  const operand = Math.max(1, 2 * unused - 1);
  switch (s.phase) {
    case 'done':
      return 0;
    case 'operator':
      return closeAndEnd + 2 * unused;
    case 'operand':
      return closeAndEnd + operand;
    case 'lo':
      return 4 + closeAndEnd + operand;
    case 'comma':
      return 3 + closeAndEnd + operand;
    case 'hi':
      return 2 + closeAndEnd + operand;
    case 'close':
      return 1 + closeAndEnd + operand;
  }
}

/** Grammatical tokens that can still finish within the length budget. */
function allowedNames(s: State, props: readonly string[], nums: readonly string[], vocab: ReadonlyMap<string, number>): string[] {
  return grammarNames(s, props, nums).filter((t) => vocab.has(t) && 1 + minToFinish(next(s, t), props.length) <= s.budget);
}

function grammarNames(s: State, props: readonly string[], nums: readonly string[]): string[] {
  switch (s.phase) {
    case 'operand': {
      const out = [...unaryPlain, ...unaryTemporal, ...props];
      if (s.depth < maxDepth) out.push('(');
      if (s.intervalAllowed) out.push('[');
      return out;
    }
    case 'operator': {
      const out = [...binaryPlain, 'until'];
      if (s.depth > 0) out.push(')');
      else if (s.used.size === props.length) out.push('<eos>');
      return out;
    }
    case 'lo':
      return [...nums.filter((n) => !s.usedNums.has(n)), '0'];
    case 'comma':
      return [','];
    case 'hi': {
      if (s.lo === '0') return [...nums.filter((n) => !s.usedNums.has(n)), 'inf'];
      const following = `num_${Number(s.lo!.slice(4)) + 1}`;
      return [...(nums.includes(following) && !s.usedNums.has(following) ? [following] : []), 'inf'];
    }
    case 'close':
      return [']'];
    case 'done':
      return [];
  }
}

function withNum(used: ReadonlySet<string>, tok: string): ReadonlySet<string> {
  return tok.startsWith('num_') ? new Set([...used, tok]) : used;
}

function next(s: State, tok: string): State {
  const base = { ...s, intervalAllowed: false, budget: s.budget - 1 };
  switch (s.phase) {
    case 'operand':
      if (tok === '(') return { ...base, depth: s.depth + 1 };
      if (unaryTemporal.includes(tok)) return { ...base, intervalAllowed: true };
      if (tok === '[') return { ...base, phase: 'lo' };
      if (tok.startsWith('prop_')) return { ...base, phase: 'operator', used: new Set([...s.used, tok]) };
      return base;
    case 'operator':
      if (tok === ')') return { ...base, depth: s.depth - 1 };
      if (tok === '<eos>') return { ...base, phase: 'done' };
      return { ...base, phase: 'operand', intervalAllowed: tok === 'until' };
    case 'lo':
      return { ...base, phase: 'comma', lo: tok, usedNums: withNum(s.usedNums, tok) };
    case 'comma':
      return { ...base, phase: 'hi' };
    case 'hi':
      return { ...base, phase: 'close', lo: undefined, usedNums: withNum(s.usedNums, tok) };
    default:
      return { ...base, phase: 'operand' };
  }
}

export class TlConstraint implements DecodeConstraint {
  private readonly props: string[];
  private readonly nums: string[];
  private cache: number[] | undefined;

  private constructor(
    private readonly vocab: ReadonlyMap<string, number>,
    private readonly names: readonly string[],
    nProps: number,
    nNums: number,
    private readonly state: State,
  ) {
    this.props = Array.from({ length: nProps }, (_, i) => `prop_${i + 1}`).filter((p) => vocab.has(p));
    this.nums = Array.from({ length: nNums }, (_, i) => `num_${i + 1}`).filter((n) => vocab.has(n));
  }

  /** `targetVocab` lists the model's target tokens by id; `maxLength` counts the end of sequence. */
  static start(targetVocab: readonly string[], nProps: number, nNums: number, maxLength: number): TlConstraint {
    const vocab = new Map(targetVocab.map((t, i) => [t, i]));
    const state: State = { phase: 'operand', depth: 0, used: new Set(), usedNums: new Set(), intervalAllowed: false, budget: maxLength };
    return new TlConstraint(vocab, targetVocab, nProps, nNums, state);
  }

  get finished(): boolean {
    return this.state.phase === 'done';
  }

  allowedNames(): string[] {
    return allowedNames(this.state, this.props, this.nums, this.vocab);
  }

  allowed(): readonly number[] {
    this.cache ??= this.allowedNames().map((t) => this.vocab.get(t)!);
    return this.cache;
  }

  advance(token: number): TlConstraint {
    if (!this.allowed().includes(token)) {
      throw new Error(`Token ${this.names[token] ?? token} cannot continue the formula here.`);
    }
    const s = next(this.state, this.names[token]!);
    return new TlConstraint(this.vocab, this.names, this.props.length, this.nums.length, s);
  }
}
