// The contract between a decoder and a grammar: at each step the constraint names the tokens that
// may come next. Constraints are immutable so beam hypotheses can share and branch them freely.
export interface DecodeConstraint {
  /** Token ids allowed next; the end-of-sequence id is among them exactly when the output may stop. */
  allowed(): readonly number[];
  /** The constraint after emitting `token`; throws if `token` was not allowed. */
  advance(token: number): DecodeConstraint;
}
