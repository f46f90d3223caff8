// Binding strength of binary operators: defined with the grammar in grammars/tl.ts, re-exported
// here for the printer and the checks.
export { binding, unaryLevel, atomLevel, temporalBinaryLevel, maxNesting, type Binding } from '../../../grammars/tl';
