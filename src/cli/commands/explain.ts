// `nesy explain FORMULA`: the English reading of a temporal-logic formula.
import type { CliCommand } from '../command';
import { explain as readInEnglish, parseFormula } from '../../languages/tl/api';
import { formulaArgument, reportProblems } from './parse';

export const explain: CliCommand = {
  name: 'explain',
  summary: 'Read a temporal-logic formula in English',
  usage: [
    'usage: nesy explain "FORMULA"',
    '',
    'Prints a deterministic English reading, e.g.',
    '  nesy explain "G (door -> F[0,10] alarm)"',
    '  at every moment, if door holds then within 10 time units alarm holds',
    'Exit status: 0 explained, 2 syntax error.',
  ].join('\n'),
  async run(args) {
    const formula = formulaArgument(args, 'explain');
    if (formula === undefined) {
      process.stderr.write('nesy explain: give a formula, e.g. nesy explain "G (a -> F b)".\n');
      return 2;
    }
    const result = parseFormula(formula);
    if (!result.ok) {
      reportProblems(formula, result.problems);
      return 2;
    }
    process.stdout.write(readInEnglish(result.formula) + '\n');
    return 0;
  },
};
