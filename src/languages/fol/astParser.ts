// The .fol AST straight from the tokens, for files without syntax errors: Chevrotain's embedded actions
// build each node as its rule completes, with no CST in between. The CST parser in grammars/fol.ts builds
// ~9 CST nodes per atom (one per precedence level), and allocating and collecting them was most of the
// parse time. A file with an error goes to that parser instead, for its error recovery and messages, so
// the result here must equal its conversion (ast.ts) node for node: test/unit/fol-parser.test.ts checks.
import { EmbeddedActionsParser, type IOrAlt, type IToken, type TokenType } from 'chevrotain';
import {
  allTokens, And, Colon, Comma, Constant, Dot, Equals, Exists, False, Forall, From, Function, Hierarchy, Identifier, Iff, Implies,
  LBrace, Levelled, LParen, Not, NotEquals, Or, Predicate, RBrace, RParen, Rule, Sort, StringLiteral, True,
} from '../../../grammars/fol';
import type { Binding, ClassNode, Formula, Name, Statement, SyntaxProblem, Term } from './ast';
import { problemIn, tokEnd, unquote } from './tokenSpans';

const nameOf = (t: IToken): Name => ({ text: t.image, start: t.startOffset, end: tokEnd(t) });

/** Binding strength of the binary connectives, loosest first. */
const loosestFirst: TokenType[] = [Iff, Implies, Or, And];

/**
 * One flat list of operands and the connectives between them, as the grammar reads `a & b -> c`; `starts`
 * and `ends` are each operand's token span, parentheses included, which is where the CST put its nodes' bounds.
 */
interface Chain {
  operands: Formula[];
  starts: number[];
  ends: number[];
  connectives: TokenType[];
}

/** The operands first..last (inclusive) grouped by precedence: iff chains to the left, implies to the right. */
function group(c: Chain, first: number, last: number, level = 0): Formula {
  if (first === last) return c.operands[first];
  const op = loosestFirst[level];
  const cuts: number[] = [];
  for (let i = first; i < last; i++) if (c.connectives[i] === op) cuts.push(i);
  if (!cuts.length) return group(c, first, last, level + 1);
  const parts: [number, number][] = [];
  let from = first;
  for (const cut of cuts) {
    parts.push([from, cut]);
    from = cut + 1;
  }
  parts.push([from, last]);
  const grouped = parts.map(([a, b]) => group(c, a, b, level + 1));
  if (op === Iff) {
    let left = grouped[0];
    for (let i = 1; i < grouped.length; i++) left = { kind: 'iff', left, right: grouped[i], start: left.start, end: grouped[i].end };
    return left;
  }
  if (op === Implies) {
    let right = grouped[grouped.length - 1];
    for (let i = grouped.length - 2; i >= 0; i--) right = { kind: 'implies', left: grouped[i], right, start: c.starts[parts[i][0]], end: Math.max(c.ends[last], right.end) };
    return right;
  }
  return { kind: op === Or ? 'or' : 'and', args: grouped, start: c.starts[first], end: c.ends[last] };
}

class AstParser extends EmbeddedActionsParser {
  /** Problems found before parsing (lexer errors, statements left out): a rule's `written` span may not contain one. */
  problems: readonly SyntaxProblem[] = [];

  constructor() {
    super(allTokens, { recoveryEnabled: false, maxLookahead: 3 });
    this.performSelfAnalysis();
  }

  /** End offset of the last token read: where the rule that just finished ends. */
  private lastEnd(): number {
    return tokEnd(this.LA(0));
  }

  file = this.RULE('file', () => {
    const statements: Statement[] = [];
    this.MANY(() => {
      statements.push(this.SUBRULE(this.statement));
    });
    return statements;
  });

  statement = this.RULE('statement', (): Statement =>
    this.OR<Statement>([
      { ALT: () => this.SUBRULE(this.sortDecl) },
      { ALT: () => this.SUBRULE(this.predicateDecl) },
      { ALT: () => this.SUBRULE(this.functionDecl) },
      { ALT: () => this.SUBRULE(this.constantDecl) },
      { ALT: () => this.SUBRULE(this.hierarchyDecl) },
      { ALT: () => this.SUBRULE(this.ruleDecl) },
    ]),
  );

  sortDecl = this.RULE('sortDecl', (): Statement => {
    const start = this.CONSUME(Sort).startOffset;
    const names: Name[] = [];
    this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => names.push(nameOf(this.CONSUME(Identifier))) });
    return { kind: 'sort', names, start, end: this.lastEnd() };
  });

  predicateDecl = this.RULE('predicateDecl', (): Statement => {
    const start = this.CONSUME(Predicate).startOffset;
    const name = nameOf(this.CONSUME(Identifier));
    const { params, parens } = this.SUBRULE(this.paramList);
    return { kind: 'predicate', name, params, parens, start, end: this.lastEnd() };
  });

  functionDecl = this.RULE('functionDecl', (): Statement => {
    const start = this.CONSUME(Function).startOffset;
    const name = nameOf(this.CONSUME(Identifier));
    const { params } = this.SUBRULE(this.paramList);
    let result: Name | undefined;
    this.OPTION(() => {
      this.CONSUME(Colon);
      result = nameOf(this.CONSUME2(Identifier));
    });
    return { kind: 'function', name, params, result, start, end: this.lastEnd() };
  });

  paramList = this.RULE('paramList', () => {
    const start = this.CONSUME(LParen).startOffset;
    const params: Binding[] = [];
    this.MANY_SEP({ SEP: Comma, DEF: () => params.push(this.SUBRULE(this.binding)) });
    return { params, parens: { start, end: tokEnd(this.CONSUME(RParen)) } };
  });

  binding = this.RULE('binding', (): Binding => {
    const name = nameOf(this.CONSUME(Identifier));
    let sort: Name | undefined;
    this.OPTION(() => {
      this.CONSUME(Colon);
      sort = nameOf(this.CONSUME2(Identifier));
    });
    return { name, sort, start: name.start, end: sort ? sort.end : name.end };
  });

  constantDecl = this.RULE('constantDecl', (): Statement => {
    const start = this.CONSUME(Constant).startOffset;
    const items: Binding[] = [];
    this.AT_LEAST_ONE_SEP({ SEP: Comma, DEF: () => items.push(this.SUBRULE(this.binding)) });
    return { kind: 'constant', items, start, end: this.lastEnd() };
  });

  hierarchyDecl = this.RULE('hierarchyDecl', (): Statement => {
    const start = this.CONSUME(Hierarchy).startOffset;
    const name = nameOf(this.CONSUME(Identifier));
    let levelled = false;
    this.OPTION(() => {
      this.CONSUME(Levelled);
      levelled = true;
    });
    let classes: ClassNode[] | undefined;
    let block: { start: number; end: number } | undefined;
    let from: { path: string; start: number; end: number } | undefined;
    this.OR([
      {
        ALT: () => {
          ({ classes, block } = this.SUBRULE(this.classBlock));
        },
      },
      {
        ALT: () => {
          this.CONSUME(From);
          const path = this.CONSUME(StringLiteral);
          from = { path: unquote(path.image), start: path.startOffset, end: tokEnd(path) };
        },
      },
    ]);
    return { kind: 'hierarchy', name, levelled, classes, block, from, start, end: this.lastEnd() };
  });

  classBlock = this.RULE('classBlock', () => {
    const start = this.CONSUME(LBrace).startOffset;
    const classes: ClassNode[] = [];
    this.MANY(() => {
      classes.push(this.SUBRULE(this.classNode));
      this.OPTION(() => this.CONSUME(Comma));
    });
    return { classes, block: { start, end: tokEnd(this.CONSUME(RBrace)) } };
  });

  classNode = this.RULE('classNode', (): ClassNode => {
    const name = nameOf(this.CONSUME(Identifier));
    let children: ClassNode[] | undefined;
    let block: { start: number; end: number } | undefined;
    this.OPTION(() => {
      ({ classes: children, block } = this.SUBRULE(this.classBlock));
    });
    return { name, children, block, start: name.start, end: block ? block.end : name.end };
  });

  ruleDecl = this.RULE('ruleDecl', (): Statement => {
    const start = this.CONSUME(Rule).startOffset;
    const name = nameOf(this.CONSUME(Identifier));
    const colonEnd = tokEnd(this.CONSUME(Colon));
    const formulaStart = this.LA(1).startOffset;
    const formula = this.SUBRULE(this.formula);
    const end = this.lastEnd();
    // The lexer may have dropped a character between the colon and the formula; then the formula is a fragment.
    const written = problemIn(this.problems, colonEnd, formulaStart) ? undefined : { start: formulaStart, end };
    return { kind: 'rule', name, formula, written, start, end };
  });

  formula = this.RULE('formula', (): Formula => {
    const chain: Chain = { operands: [], starts: [], ends: [], connectives: [] };
    const first = this.LA(1).startOffset;
    this.addOperand(chain, this.SUBRULE(this.unary), first);
    this.MANY(() => {
      chain.connectives.push(this.OR(this.connectives).tokenType);
      const start = this.LA(1).startOffset;
      this.addOperand(chain, this.SUBRULE2(this.unary), start);
    });
    return group(chain, 0, chain.operands.length - 1);
  });

  private addOperand(chain: Chain, operand: Formula, start: number): void {
    chain.operands.push(operand);
    chain.starts.push(start);
    chain.ends.push(this.lastEnd());
  }

  quantified = this.RULE('quantified', (): Formula => {
    const quantifier = this.OR(this.quantifiers);
    const vars: Binding[] = [this.SUBRULE(this.binding)];
    this.MANY(() => {
      this.CONSUME(Comma);
      vars.push(this.SUBRULE2(this.binding));
    });
    const headerEnd = tokEnd(this.CONSUME(Dot));
    const body = this.SUBRULE(this.formula);
    const q = quantifier.tokenType === Forall ? 'forall' : 'exists';
    return { kind: 'quant', q, vars, body, start: quantifier.startOffset, end: this.lastEnd(), headerEnd };
  });

  unary = this.RULE('unary', (): Formula => this.OR(this.unaryForms));

  primary = this.RULE('primary', (): Formula => this.OR(this.primaryForms));

  atom = this.RULE('atom', (): Formula => {
    const left = this.SUBRULE(this.term);
    let negated = false;
    let right: Term | undefined;
    this.OPTION(() => {
      negated = this.OR(this.equalities).tokenType === NotEquals;
      right = this.SUBRULE2(this.term);
    });
    if (right) return { kind: 'eq', negated, left, right, start: left.start, end: right.end };
    return { kind: 'atom', pred: left.name, args: left.args ?? [], start: left.start, end: left.end };
  });

  term = this.RULE('term', (): Term => {
    const name = nameOf(this.CONSUME(Identifier));
    let args: Term[] | undefined;
    let end = name.end;
    this.OPTION(() => {
      this.CONSUME(LParen);
      const list: Term[] = (args = []);
      this.OPTION2(() => {
        list.push(this.SUBRULE(this.term));
        this.MANY(() => {
          this.CONSUME(Comma);
          list.push(this.SUBRULE2(this.term));
        });
      });
      end = tokEnd(this.CONSUME(RParen));
    });
    return { name, args, start: name.start, end };
  });

  // Alternatives built once rather than on every call (Chevrotain's advice for hot rules): the rules below
  // run for every operand, and a fresh array of closures each time was a measurable share of the parse.
  private readonly connectives = [Iff, Implies, Or, And].map((t) => ({ ALT: () => this.CONSUME(t) }));
  private readonly quantifiers = [Forall, Exists].map((t) => ({ ALT: () => this.CONSUME(t) }));
  private readonly equalities = [Equals, NotEquals].map((t) => ({ ALT: () => this.CONSUME(t) }));
  private readonly unaryForms: IOrAlt<Formula>[] = [
    {
      ALT: () => {
        const start = this.CONSUME(Not).startOffset;
        const arg = this.SUBRULE(this.unary);
        return { kind: 'not', arg, start, end: this.lastEnd() };
      },
    },
    { ALT: () => this.SUBRULE(this.quantified) },
    { ALT: () => this.SUBRULE(this.primary) },
  ];
  private readonly primaryForms: IOrAlt<Formula>[] = [
    {
      ALT: () => {
        this.CONSUME(LParen);
        const inner = this.SUBRULE(this.formula);
        this.CONSUME(RParen);
        return inner;
      },
    },
    { ALT: () => this.bool(this.CONSUME(True), true) },
    { ALT: () => this.bool(this.CONSUME(False), false) },
    { ALT: () => this.SUBRULE(this.atom) },
  ];

  private bool(t: IToken, value: boolean): Formula {
    return { kind: 'bool', value, start: t.startOffset, end: tokEnd(t) };
  }
}

const parser = new AstParser();

/** The statements of a token stream, or undefined when it has a syntax error. `problems`: see AstParser.problems. */
export function parseStatements(tokens: IToken[], problems: readonly SyntaxProblem[]): Statement[] | undefined {
  parser.input = tokens;
  parser.problems = problems;
  const statements = parser.file();
  return parser.errors.length ? undefined : statements;
}
