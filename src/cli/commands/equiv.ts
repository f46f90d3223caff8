// `nesy equiv "A" "B" [--json]`: whether two temporal-logic formulas are equivalent on infinite
// words, which implies which, and a lasso word that tells them apart.
import type { CliCommand } from '../command';
import { decideEquivalence, equivalenceJson, maxUnrolledSteps, parseFormula, type Letter } from '../../languages/tl/api';
import { reportProblems } from './parse';

const showLetter = (l: Letter): string => `{${Object.keys(l).filter((p) => l[p]).join(', ')}}`;

export const equiv: CliCommand = {
  name: 'equiv',
  summary: 'Decide whether two temporal-logic formulas are equivalent (LTL, exactly), with a counterexample',
  usage: [
    'usage: nesy equiv "A" "B" [--json] [--timeout SECONDS]',
    '',
    'Decides, exactly, whether A and B hold on the same infinite words (LTL semantics, read from the',
    'first position), and whether A implies B and B implies A. When they differ, prints a lasso word,',
    'a prefix then a loop repeated forever, that satisfies A and not B (if A does not imply B), else',
    'B and not A. Each letter lists the propositions true there; the others are false.',
    '',
    `Bounded intervals ([lo,hi], integers) are decided over discrete time, one step per time unit, by`,
    `unrolling: at most ${maxUnrolledSteps} steps per formula (the sum of the bounds). Past operators (Y, O, H, S) are`,
    'decided too. Other formulas, and searches past the time limit (default 10 s), are reported as',
    'undecided (exit 2), never guessed.',
    '',
    '--json prints {"equivalent": bool, "a_implies_b": bool, "b_implies_a": bool,',
    '  "counterexample": {"prefix": [{"p": true, ...}, ...], "loop": [...]} | null}.',
    'Exit status: 0 equivalent, 1 not equivalent, 2 syntax error or undecided.',
  ].join('\n'),
  async run(args) {
    let json = false;
    let timeoutMs = 10_000;
    const formulas: string[] = [];
    for (let i = 0; i < args.length; i++) {
      const a = args[i]!;
      if (a === '--json') json = true;
      else if (a === '--timeout' || a.startsWith('--timeout=')) {
        const value = Number(a === '--timeout' ? args[++i] : a.slice('--timeout='.length));
        if (!(value > 0)) {
          process.stderr.write('nesy equiv: --timeout takes a number of seconds, e.g. --timeout 30.\n');
          return 2;
        }
        timeoutMs = value * 1000;
      } else if (a.startsWith('--')) {
        process.stderr.write(`nesy equiv: unknown option ${a}.\n`);
        return 2;
      } else formulas.push(a);
    }
    if (formulas.length !== 2) {
      process.stderr.write('nesy equiv: give two formulas, e.g. nesy equiv "G F a" "F G a".\n');
      return 2;
    }
    const parsed = [];
    for (const text of formulas) {
      const r = parseFormula(text);
      if (!r.ok) {
        reportProblems(text, r.problems);
        return 2;
      }
      parsed.push(r.formula);
    }
    const result = decideEquivalence(parsed[0]!, parsed[1]!, { timeoutMs });
    if (!result.decided) {
      process.stderr.write(`nesy equiv: undecided: ${result.reason}.\n`);
      return 2;
    }
    if (json) process.stdout.write(JSON.stringify(equivalenceJson(result)) + '\n');
    else if (result.equivalent) process.stdout.write('equivalent\n');
    else {
      const yesNo = (x: boolean) => (x ? 'yes' : 'no');
      const w = result.counterexample!;
      process.stdout.write(
        [
          'not equivalent',
          `A implies B: ${yesNo(result.aImpliesB)}`,
          `B implies A: ${yesNo(result.bImpliesA)}`,
          `counterexample, satisfies ${result.aImpliesB ? 'B and not A' : 'A and not B'}:`,
          `  prefix: ${w.prefix.map(showLetter).join(' ') || '(none)'}`,
          `  loop:   ${w.loop.map(showLetter).join(' ')}`,
        ].join('\n') + '\n',
      );
    }
    return result.equivalent ? 0 : 1;
  },
};
