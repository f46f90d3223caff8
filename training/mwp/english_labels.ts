// The helper for labelling English dev problems by hand (the guide: test/fixtures/mwp/english-labels.md).
//   node --import tsx training/mwp/english_labels.ts show FROM COUNT      problems FROM.. of the dev split, each
//        with its gold expression, its steps innermost first and the rules' proposed formula for each
//   node --import tsx training/mwp/english_labels.ts set ROW ID[,ID...]   records a decision (formula ids of
//        the gold expression's operators, innermost first); `set ROW ok` accepts the proposal
//   node --import tsx training/mwp/english_labels.ts export               writes the labelled problems in
//        SVAMP's format with their Formulas, for `nesy eval mwp` (logic_acc), from ../shared/data
//   node --import tsx training/mwp/english_labels.ts inventory            lists the formulas
// Decisions go to test/fixtures/mwp/english-labels.json (row numbers, a hash of the question, the
// gold equation and the formula ids; no problem text).
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { isOp, prefixToTree, type Tree } from '../../src/languages/mwp/arith';
import { analyse } from '../../src/neural/english/features';
import { englishFormula, englishFormulas } from '../../src/neural/english/formulas';
import { readEnglish } from '../../src/neural/english/read';
import { proposeFormulas } from './english_rules';
import { goldInfix, goldValue, readRows, writtenNumber, type EnglishRow } from './english_rows';

const labelsFile = path.join(__dirname, '..', '..', 'test', 'fixtures', 'mwp', 'english-labels.json');
const exportFile = path.join(__dirname, '..', 'work', 'mwp', 'english', 'dev-labelled.json');

export interface LabelRecord {
  row: number;
  /** First 12 hex digits of sha1 of the masked question: the row is the one labelled. */
  question_sha1: string;
  equation: string;
  /** Formula ids of the equation's operators, innermost first. */
  formulas: number[];
  /** Whether the engineer changed any of the rules' proposed formulas. */
  changed: boolean;
}

export function sha(row: EnglishRow): string {
  return createHash('sha1').update(row.masked).digest('hex').slice(0, 12);
}

/** The gold expression over the problem's own numbers as the English reader finds them (N<i>), or undefined. */
export function goldPrefix(row: EnglishRow): string[] | undefined {
  const a = analyse(readEnglish(row.text));
  const used = new Set<number>();
  const out: string[] = [];
  for (const t of row.equation) {
    if (isOp(t)) {
      out.push(t);
      continue;
    }
    const v = Number(t.startsWith('number') ? row.numbers[Number(t.slice(6))] : t);
    if (!t.startsWith('number')) {
      out.push(writtenNumber(t));
      continue;
    }
    // The k-th CSV number is the reader's first unused number with that value.
    const k = Number(t.slice(6));
    const byOrder = a.items.findIndex((it, i) => !it.constant && Math.abs(it.float - v) < 1e-6 * Math.max(1, v) && i === k);
    const i = byOrder >= 0 ? byOrder : a.items.findIndex((it, j) => !it.constant && !used.has(j) && Math.abs(it.float - v) < 1e-6 * Math.max(1, v));
    if (i < 0) return undefined;
    used.add(i);
    out.push(`N${i}`);
  }
  return out;
}

/** Prefix positions of the operators in post-order (innermost first). */
export function postOrderPositions(prefix: readonly string[]): number[] {
  const tree = prefixToTree(prefix);
  if (!tree) return [];
  let pos = 0;
  const out: number[] = [];
  const go = (t: Tree) => {
    const here = pos++;
    if (t.kind === 'leaf') return;
    go(t.left);
    go(t.right);
    out.push(here);
  };
  go(tree);
  return out;
}

export function proposal(row: EnglishRow): number[] | undefined {
  const prefix = goldPrefix(row);
  if (!prefix) return undefined;
  const a = analyse(readEnglish(row.text));
  const ids = proposeFormulas(a, prefix);
  return postOrderPositions(prefix).map((p) => ids[p]!);
}

function steps(row: EnglishRow, ids: readonly number[]): string[] {
  const prefix = row.equation;
  const literal = (t: string) => (t.startsWith('number') ? writtenNumber(row.numbers[Number(t.slice(6))]!) : writtenNumber(t));
  const tree = prefixToTree(prefix)!;
  const lines: string[] = [];
  const go = (t: Tree): string => {
    if (t.kind === 'leaf') return literal(t.token);
    const l = go(t.left);
    const r = go(t.right);
    const id = ids[lines.length]!;
    lines.push(`   ${l} ${t.op} ${r}: [${id}] ${id === 0 ? 'common-sense step' : englishFormula(id)?.gloss ?? '?'}`);
    return `(${l}${t.op}${r})`;
  };
  go(tree);
  return lines;
}

function load(): LabelRecord[] {
  return fs.existsSync(labelsFile) ? (JSON.parse(fs.readFileSync(labelsFile, 'utf8')) as LabelRecord[]) : [];
}

function save(records: LabelRecord[]): void {
  records.sort((x, y) => x.row - y.row);
  fs.writeFileSync(labelsFile, '[\n' + records.map((r) => ' ' + JSON.stringify(r)).join(',\n') + '\n]\n');
}

function main(): void {
  const [command, ...args] = process.argv.slice(2);
  const dev = readRows().filter((r) => r.split === 'dev');
  if (command === 'inventory') {
    for (const f of englishFormulas) console.log(`${f.id}\t${f.op}\t${f.gloss}`);
    return;
  }
  if (command === 'show') {
    const from = Number(args[0] ?? 0);
    const count = Number(args[1] ?? 20);
    const done = new Map(load().map((r) => [r.row, r]));
    for (const row of dev.slice(from, from + count)) {
      const ids = done.get(row.row)?.formulas ?? proposal(row);
      console.log(`#${row.row}${done.has(row.row) ? ' (labelled)' : ''} ${row.text}`);
      console.log(`   = ${goldInfix(row)} = ${goldValue(row)}`);
      if (!ids) console.log('   (the reader does not find the equation\'s numbers)');
      else console.log(steps(row, ids).join('\n'));
    }
    return;
  }
  if (command === 'set') {
    const records = load();
    for (let i = 0; i + 1 < args.length; i += 2) {
      const row = dev.find((r) => r.row === Number(args[i]));
      if (!row) throw new Error(`row ${args[i]} is not a dev problem`);
      const proposed = proposal(row) ?? [];
      const ids = args[i + 1] === 'ok' ? proposed : args[i + 1]!.split(',').map(Number);
      const ops = row.equation.filter((t) => isOp(t)).length;
      if (ids.length !== ops) throw new Error(`row ${row.row}: ${ids.length} ids for ${ops} operators`);
      ids.forEach((id, k) => {
        const f = englishFormula(id);
        const op = prefixToTree(row.equation) && postOrderPositions(row.equation).map((p) => row.equation[p])[k];
        if (id !== 0 && (!f || f.op !== op)) throw new Error(`row ${row.row}: formula ${id} does not fit operator ${op}`);
      });
      const record: LabelRecord = { row: row.row, question_sha1: sha(row), equation: row.equation.join(' '), formulas: ids, changed: ids.join() !== proposed.join() };
      const at = records.findIndex((r) => r.row === row.row);
      if (at >= 0) records[at] = record;
      else records.push(record);
    }
    save(records);
    return;
  }
  if (command === 'export') {
    const byRow = new Map(dev.map((r) => [r.row, r]));
    const out = load().map((rec) => {
      const row = byRow.get(rec.row);
      if (!row || sha(row) !== rec.question_sha1) throw new Error(`row ${rec.row} is not the problem that was labelled (hash differs)`);
      return { ID: `row-${row.row}`, Body: row.body, Question: row.ques, Equation: goldInfix(row), Answer: goldValue(row), Formulas: rec.formulas };
    });
    fs.mkdirSync(path.dirname(exportFile), { recursive: true });
    fs.writeFileSync(exportFile, JSON.stringify(out, null, 1));
    console.log(`${out.length} labelled dev problems: ${exportFile}`);
    return;
  }
  console.error('usage: english_labels.ts show FROM COUNT | set ROW IDS... | export | inventory');
  process.exit(2);
}

if (require.main === module) main();
