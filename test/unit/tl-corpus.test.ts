// Every formula of the NL2TL data parses (see ../shared/data/nl2tl/SOURCE.md for the files).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseFormula, printFormula } from '../../src/languages/tl/api';
import { hasSharedData, sharedDataDir } from '../helpers/data';

const root = path.join(sharedDataDir(), 'nl2tl');

function jsonlFiles(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = path.join(dir, e.name);
    if (e.isDirectory()) return jsonlFiles(p);
    return e.name.endsWith('.jsonl') ? [p] : [];
  });
}

/**
 * A grounded formula (`finally ( go_to_v house_n )`) names one proposition with several tokens.
 * Rule: a formula is grounded when two atom tokens stand side by side with no operator between
 * them. Such text is not a formula of this language, so it is counted and left out. In the lifted
 * navigation data this also catches `F ( prop_1 prop_2 )`, where one place was lifted to two props.
 */
const operatorWord = /^(?:negation|not|and|or|imply|implies|equal|iff|xor|globally|always|finally|eventually|next|until|true|false|F|G|X|U|R|W|M)$/;
function isGrounded(formula: string): boolean {
  const tokens = formula.split(/\s+/).filter(Boolean);
  const atom = (t: string | undefined): boolean => t !== undefined && /^[A-Za-z_][^\s()[\]]*$/.test(t) && !operatorWord.test(t);
  return tokens.some((t, i) => atom(t) && atom(tokens[i + 1]));
}

interface Corpus {
  formulas: { source: string; text: string }[];
  empty: number;
  grounded: number;
}

function collect(): Corpus {
  const corpus: Corpus = { formulas: [], empty: 0, grounded: 0 };
  const add = (source: string, value: unknown): void => {
    const text = Array.isArray(value) ? value.join(' ') : typeof value === 'string' ? value : '';
    if (text.trim() === '') corpus.empty++;
    else if (isGrounded(text)) corpus.grounded++;
    else corpus.formulas.push({ source, text });
  };
  for (const file of jsonlFiles(root)) {
    const rel = path.relative(root, file);
    if (rel.startsWith(`dataset${path.sep}`)) continue; // pre-order (Polish) targets, not infix formulas
    const field = /CW_total|GLTL_/.test(rel) ? 'ltl' : 'logic_ltl';
    for (const [i, line] of fs.readFileSync(file, 'utf8').split('\n').entries()) {
      if (line.trim() === '') continue;
      const record = JSON.parse(line) as Record<string, unknown>;
      add(`${rel}:${i + 1}`, record[field]);
    }
  }
  const tar = path.join(root, 'supple_data/Data_transfer_domain/Seq2Seq_baseline/Seq2seq_lifted_dataset_all_txt/tar.txt');
  for (const [i, record] of fs.readFileSync(tar, 'utf8').split('\n\n\n').entries()) add(`tar.txt record ${i + 1}`, record);
  return corpus;
}

test('every NL2TL formula parses', { skip: !hasSharedData() && 'shared data not present' }, () => {
  const corpus = collect();
  const failures = corpus.formulas
    .map((f) => ({ ...f, result: parseFormula(f.text) }))
    .filter((f) => !f.result.ok)
    .slice(0, 5)
    .map((f) => `${f.source}: ${f.text}: ${!f.result.ok && f.result.problems[0]!.message}`);
  assert.deepEqual(failures, []);
  // Counts of this copy of the data: 18 unlabeled demo rows and the empty record after the last
  // separator of tar.txt are empty; 23 navigation rows read `F ( prop_1 prop_2 )`.
  assert.equal(corpus.empty, 19);
  assert.equal(corpus.grounded, 23);
  assert.ok(corpus.formulas.length > 40_000, `${corpus.formulas.length} formulas`);
});

test('the grounded rule recognises multi-token propositions, and those are the only navigation formulas that fail', { skip: !hasSharedData() && 'shared data not present' }, () => {
  const file = path.join(root, 'supple_data/Data_transfer_domain/navi_total_refined.jsonl');
  let grounded = 0;
  let total = 0;
  for (const line of fs.readFileSync(file, 'utf8').split('\n')) {
    if (line.trim() === '') continue;
    total++;
    const text = (JSON.parse(line) as { ltl: string[] }).ltl.join(' ');
    if (isGrounded(text)) grounded++;
    else assert.equal(parseFormula(text).ok, true, text);
  }
  assert.ok(grounded > 0 && grounded <= total);
  assert.equal(isGrounded('finally ( go_to_v house_n )'), true);
  assert.equal(isGrounded('finally ( prop_1 and prop_2 )'), false);
});

test('printing in nl2tl style, keeping the parentheses, gives back the NL2TL word formulas exactly', { skip: !hasSharedData() && 'shared data not present' }, () => {
  let total = 0;
  const different: string[] = [];
  for (const rel of ['Data_para_gen_5_11_28_word_infix/combine_train_seq2tree_idea4.jsonl', 'Data_total64220_03_26/combine_dev_seq2tree_idea4.jsonl']) {
    for (const line of fs.readFileSync(path.join(root, rel), 'utf8').split('\n')) {
      if (line.trim() === '') continue;
      const text = (JSON.parse(line) as { logic_ltl: string[] }).logic_ltl.join(' ');
      const parsed = parseFormula(text);
      assert.ok(parsed.ok, text);
      total++;
      const printed = printFormula(parsed.formula, 'nl2tl', { keepParens: true });
      if (printed !== text && different.length < 5) different.push(`${text} -> ${printed}`);
    }
  }
  assert.deepEqual(different, []);
  assert.ok(total > 9000, `${total} formulas`);
});
