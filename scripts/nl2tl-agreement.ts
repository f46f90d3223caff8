// How often independent writers agree on the formula a sentence means, and how often the translator agrees with
// them: the ceiling that a struct-accuracy figure on writers' sentences should be read against.
//   node --import tsx scripts/nl2tl-agreement.ts [--helpers FILE] [--second FILE] [--list]
// For every helper row that second-writers.jsonl covers (each written by one writer, then given without its formula
// to two more who wrote their own), prints per style: how often each pair of writers means the same (under some
// renaming of the propositions), how often all three do, and how often the translator's first answer has the first
// writer's shape (the struct accuracy), means what the first writer means, what any writer means, and what all three
// mean where they agree. --list prints every row's four formulas.
import * as fs from 'node:fs';
import { parseArgs } from 'node:util';
import { parseFormula, sameMeaningUpToRenaming, structEqual, type Formula } from '../src/languages/tl/api';
import { loadTranslator } from '../src/neural/index';

const { values } = parseArgs({
  options: {
    helpers: { type: 'string', default: 'test/data/nl2tl-requirements/helper-sentences.jsonl' },
    second: { type: 'string', default: 'test/data/nl2tl-requirements/second-writers.jsonl' },
    list: { type: 'boolean', default: false },
  },
});
const jsonLines = <T>(file: string): T[] => fs.readFileSync(file, 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l) as T);
const helpers = jsonLines<{ sentence: string; ltl: string; style: string }>(values.helpers!);
const rows = jsonLines<{ line: number; sentence: string; ltl: string[] }>(values.second!).map((s) => {
  const first = helpers[s.line - 1];
  if (first?.sentence !== s.sentence) throw new Error(`${values.second}: helper line ${s.line} is not "${s.sentence}"`);
  return { ...s, style: first.style, writers: [first.ltl, ...s.ltl] };
});

/** Parses both formulas (either may be missing, when the translator gave none) and compares them with `equal`. */
const compared =
  (equal: (x: Formula, y: Formula) => boolean) =>
  (a: string | undefined, b: string | undefined): boolean => {
    if (a === undefined || b === undefined) return false;
    const x = parseFormula(a);
    const y = parseFormula(b);
    return x.ok && y.ok && equal(x.formula, y.formula);
  };
const same = compared(structEqual);
const meansSame = compared((x, y) => sameMeaningUpToRenaming(x, y));

async function main(): Promise<void> {
  const translator = await loadTranslator('cpu');
  const answers = await translator.translate(rows.map((r) => ({ sentence: r.sentence })));
  const tally = new Map<string, Record<string, number>>();
  rows.forEach((r, i) => {
    const answer = answers[i]!;
    const ours = answer instanceof Error ? undefined : answer.best.formula;
    const [w1, w2, w3] = r.writers;
    const allAgree = meansSame(w1, w2) && meansSame(w1, w3);
    const counts: Record<string, boolean> = {
      rows: true,
      'writers 1 and 2 agree': meansSame(w1, w2),
      'writers 1 and 3 agree': meansSame(w1, w3),
      'writers 2 and 3 agree': meansSame(w2, w3),
      'all three agree': allAgree,
      'ours = writer 1 up to renaming (struct)': same(ours, w1),
      'ours means what writer 1 means': meansSame(ours, w1),
      'ours means what some writer means': r.writers.some((w) => meansSame(ours, w)),
      'ours means what all three mean, where they agree': allAgree && meansSame(ours, w1),
    };
    for (const key of [r.style, 'all']) {
      const t = tally.get(key) ?? {};
      for (const [k, v] of Object.entries(counts)) t[k] = (t[k] ?? 0) + (v ? 1 : 0);
      tally.set(key, t);
    }
    if (values.list) console.log(`${r.line} ${r.sentence}\n  writers: ${r.writers.join('  |  ')}\n  ours:    ${ours ?? (answer as Error).message}`);
  });
  for (const [style, t] of tally) {
    const pct = (k: string, of = t['rows']!) => `${t[k]} of ${of} (${((100 * t[k]!) / Math.max(1, of)).toFixed(1)}%)`;
    console.log(`${style}:`);
    for (const k of Object.keys(t)) if (k !== 'rows') console.log(`  ${k}: ${k.endsWith('where they agree') ? pct(k, t['all three agree']) : pct(k)}`);
  }
}

main().then(
  () => process.exit(0),
  (e: unknown) => {
    console.error(`nl2tl-agreement: ${(e as Error).message}`);
    process.exit(1);
  },
);
