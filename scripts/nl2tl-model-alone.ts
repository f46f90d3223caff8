// The NL->TL model alone, without the requirement grammar: struct accuracy of its best beam formula (`req` style,
// 4 beams) on the real-requirements dev set (test/data/nl2tl-requirements/dev.jsonl, declared props passed) and on
// the held-out pattern pairs (training/work/nl2tl/styled/patterns_dev.tsv, written by training/nl2tl/patterns.py).
// The model card's "Pattern-literature pairs" table comes from this script.
// Usage: node --import tsx scripts/nl2tl-model-alone.ts [MODELS_DIR]   (default: models)
import { readFileSync } from 'node:fs';
import { Translator } from '../src/neural/translator';
import { toModelInput } from '../src/neural/nl2tlText';
import { parseFormula, structEqual } from '../src/languages/tl/api';
async function main() {
  const t = await Translator.load(process.argv[2] ?? 'models', 'cpu');
  const rows = readFileSync('test/data/nl2tl-requirements/dev.jsonl', 'utf8').trim().split('\n').map((l) => JSON.parse(l));
  let ok = 0;
  for (const r of rows) {
    const declared = Object.entries(r.props ?? {}).map(([name, description]) => ({ name, description: String(description) }));
    const [lifted] = await t.lift([{ sentence: r.sentence, declared }]);
    if (!lifted || lifted.props.size === 0 || t.model.problem(toModelInput(lifted.text))) continue;
    const [beam] = await t.model.translate([lifted.text], ['req'], 4);
    const g = parseFormula(r.ltl);
    const p = beam?.[0] ? parseFormula(beam[0].formula) : undefined;
    if (g.ok && p?.ok && structEqual(p.formula, g.formula)) ok++;
  }
  console.log(`model-only dev struct ${ok}/${rows.length} = ${((100 * ok) / rows.length).toFixed(1)}%`);
  const pd = readFileSync('training/work/nl2tl/styled/patterns_dev.tsv', 'utf8').trim().split('\n').map((l) => l.replace(/num_(\d+)/g, (_, k) => String(10 * Number(k) + 3)).split('\t'));
  const outs = await t.model.translate(pd.map(([s]) => s!.replace(/^<\w+> /, '')), pd.map(() => 'req'), 4);
  let e = 0;
  pd.forEach(([, gold], i) => {
    const g = parseFormula(gold!.replace(/\[ (\S+) , (\S+) \]/g, '[$1,$2]'));
    const p = outs[i]?.[0] ? parseFormula(outs[i]![0]!.formula) : undefined;
    if (g.ok && p?.ok && structEqual(p.formula, g.formula)) e++;
  });
  console.log(`patterns dev struct ${e}/${pd.length} = ${((100 * e) / pd.length).toFixed(1)}%`);
  await t.release();
}
main().catch((e) => {
  console.error(e instanceof Error ? e.message : e);
  process.exit(1);
});
