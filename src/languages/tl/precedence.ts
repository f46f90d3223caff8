// Binding strength of binary operators, as in Spot: `-> <->` loosest, then `xor`, `or`, `and`,
// then the binary temporal operators; unary operators bind tighter than all of them.
import type { BinaryKind } from './ast';

export interface Binding {
  level: number;
  rightAssociative: boolean;
}

export const binding: Readonly<Record<BinaryKind, Binding>> = {
  implies: { level: 1, rightAssociative: true },
  iff: { level: 1, rightAssociative: true },
  xor: { level: 2, rightAssociative: false },
  or: { level: 3, rightAssociative: false },
  and: { level: 4, rightAssociative: false },
  until: { level: 5, rightAssociative: true },
  release: { level: 5, rightAssociative: true },
  weak_until: { level: 5, rightAssociative: true },
  strong_release: { level: 5, rightAssociative: true },
  since: { level: 5, rightAssociative: true },
};

export const unaryLevel = 6;
export const atomLevel = 7;
export const temporalBinaryLevel = 5;

/** Deepest syntax tree a statement may have; deeper statements get a diagnostic instead of a parse. */
export const maxNesting = 1000;
