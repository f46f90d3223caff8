// The public API of the temporal-logic language, for other parts of NeSy Studio (the NL->TL
// model, the language server, benchmarks). Import from here rather than from the modules behind it.
export { parseFormula, parseDocument, gluedRunLength, type ParseResult } from './parser';
export { printFormula, printTerm, canonical, printName, printInterval, isBareName, type PrintStyle, type PrintOptions } from './printer';
export { astEqual, astEquivalent, equivalenceKey, structEqual } from './compare';
export { explain, type PropDescriptions } from './explain';
export { decideEquivalence, equivalenceJson, sameMeaning, maxUnrolledSteps, type EquivalenceResult, type EquivalenceOptions, type Lasso, type Letter } from './equiv/index';
export { sameMeaningUpToRenaming } from './equiv/renaming';
export { toJson, fromJson, termToJson, termFromJson, walk, isUnary, isBinary, hasParens, mapProps, propNames } from './ast';
export type {
  Formula,
  FormulaJson,
  Interval,
  Statement,
  PropDeclaration,
  SignalDeclaration,
  SpecDeclaration,
  CompareNode,
  Term,
  TermJson,
  CompareOp,
  ArithOp,
  Comment,
  TlDocument,
  SyntaxProblem,
  Span,
  UnaryKind,
  BinaryKind,
  OperatorKind,
} from './ast';
export { operators, operatorInfo, comparisons, type Style } from '../../../grammars/tl';
export { maxNesting } from './precedence';
