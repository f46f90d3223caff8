// `nesy parse [--json] FORMULA`: the syntax tree of one temporal-logic formula.
import type { CliCommand } from '../command';
import { canonical, parseFormula, toJson, type SyntaxProblem } from '../../languages/tl/api';

export function formulaArgument(args: string[], command: string): string | undefined {
  const rest = args.filter((a) => !a.startsWith('--'));
  if (rest.length === 0) return undefined;
  if (rest.length > 1) process.stderr.write(`nesy ${command}: reading the ${rest.length} arguments as one formula.\n`);
  return rest.join(' ');
}

export function reportProblems(formula: string, problems: SyntaxProblem[]): void {
  for (const p of problems) {
    process.stderr.write(`${formula}\n${' '.repeat(p.start)}${'^'.repeat(Math.max(1, p.end - p.start))}\ncolumn ${p.start + 1}: error ${p.code} ${p.message}\n`);
  }
}

export const parse: CliCommand = {
  name: 'parse',
  summary: 'Parse a temporal-logic formula and print it in canonical form (or its tree with --json)',
  usage: [
    'usage: nesy parse [--json] "FORMULA"',
    '',
    'Parses one temporal-logic formula in any spelling (words, Spot ASCII, Unicode, NL2TL).',
    'Prints its canonical ASCII form, or with --json its syntax tree:',
    '  {"kind":"prop","name":…}, {"kind":"true"}, {"kind":"false"}, or',
    '  {"kind":K,"args":[…]} with "interval":[lo,hi] (hi null when unbounded) on temporal operators.',
    'Exit status: 0 parsed, 2 syntax error.',
  ].join('\n'),
  async run(args) {
    const formula = formulaArgument(args, 'parse');
    if (formula === undefined) {
      process.stderr.write('nesy parse: give a formula, e.g. nesy parse --json "G (a -> F b)".\n');
      return 2;
    }
    const result = parseFormula(formula);
    if (!result.ok) {
      reportProblems(formula, result.problems);
      return 2;
    }
    process.stdout.write((args.includes('--json') ? JSON.stringify(toJson(result.formula)) : canonical(result.formula)) + '\n');
    return 0;
  },
};
