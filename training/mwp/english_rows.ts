// The English training data (../shared/data/english-mwp/train.csv: MAWPS + ASDiv-A from the SVAMP
// repository) as problems with their numbers written back in, and the seeded split into training
// and dev problems that every English script uses. Shared by english_data.ts and english_labels.ts.
import { createHash } from 'node:crypto';
import * as fs from 'node:fs';
import * as path from 'node:path';
import Fraction from 'fraction.js';

export const dataDir = process.env.NESY_DATA ?? path.join(__dirname, '..', '..', '..', 'shared', 'data');
export const csvFile = path.join(dataDir, 'english-mwp', 'train.csv');
/** Per cent of the problems (by a hash of the masked question, so repeated templates stay on one side) held out as dev. */
export const devPercent = 12;

export interface EnglishRow {
  /** Row number in train.csv, from 1 (after the header). */
  row: number;
  masked: string;
  body: string;
  ques: string;
  /** Body and question with the numbers written back in. */
  text: string;
  numbers: string[];
  /** The gold equation in prefix over number<k> and constants. */
  equation: string[];
  answer: number;
  split: 'train' | 'dev';
}

/** RFC 4180 CSV: quoted fields, doubled quotes, newlines inside quotes. */
export function parseCsv(text: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i]!;
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') {
        field += '"';
        i++;
      } else if (c === '"') quoted = false;
      else field += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(field);
      field = '';
    } else if (c === '\n' || c === '\r') {
      if (c === '\r' && text[i + 1] === '\n') i++;
      row.push(field);
      rows.push(row);
      row = [];
      field = '';
    } else field += c;
  }
  if (field !== '' || row.length) {
    row.push(field);
    rows.push(row);
  }
  return rows;
}

/** A number of the CSV as a person writes it: 56.0 → 56, 0.16666666666666666 → 1/6, 2.5 → 2.5. */
export function writtenNumber(s: string): string {
  const x = Number(s);
  if (Number.isInteger(x)) return String(x);
  for (let q = 2; q <= 16; q++) {
    const p = Math.round(x * q);
    if (Math.abs(x * q - p) < 1e-6 * q) {
      const f = new Fraction(p, q);
      let d = f.d;
      while (d % 2n === 0n) d /= 2n;
      while (d % 5n === 0n) d /= 5n;
      if (d === 1n) return f.toString(20);
      return f.d === BigInt(q) ? `${p}/${q}` : f.toFraction();
    }
  }
  return String(Number(x.toPrecision(12)));
}

export function fill(masked: string, numbers: readonly string[]): string {
  return masked.replace(/number(\d+)/g, (_, k: string) => writtenNumber(numbers[Number(k)]!)).replace(/\s+([.,?!;:])/g, '$1').replace(/\$\s+/g, '$').replace(/\s+%/g, '%').replace(/\s+'\s*s\b/g, "'s").replace(/\s+’\s*s\b/g, "'s");
}

export function split(masked: string): 'train' | 'dev' {
  const h = createHash('sha1').update(masked.toLowerCase().replace(/\s+/g, ' ').trim()).digest();
  return h.readUInt32BE(0) % 100 < devPercent ? 'dev' : 'train';
}

export function readRows(file = csvFile): EnglishRow[] {
  const [header, ...rows] = parseCsv(fs.readFileSync(file, 'utf8'));
  const col = (name: string) => header!.indexOf(name);
  return rows
    .filter((r) => r.length === header!.length)
    .map((r, i) => {
      const numbers = r[col('Numbers')]!.split(/\s+/).filter(Boolean);
      const masked = r[col('Question')]!;
      return {
        row: i + 1,
        masked,
        body: fill(r[col('Body')]!, numbers),
        ques: fill(r[col('Ques')]!, numbers),
        text: fill(masked, numbers),
        numbers,
        equation: r[col('Equation')]!.split(/\s+/).filter(Boolean),
        answer: Number(r[col('Answer')]),
        split: split(masked),
      };
    });
}

/** The gold equation's value, in floating point. */
export function goldValue(row: EnglishRow): number {
  let pos = 0;
  const go = (): number => {
    const t = row.equation[pos++]!;
    if (t.startsWith('number')) return Number(row.numbers[Number(t.slice(6))]);
    if (!'+-*/^'.includes(t)) return Number(t);
    const a = go();
    const b = go();
    return t === '+' ? a + b : t === '-' ? a - b : t === '*' ? a * b : t === '/' ? a / b : a ** b;
  };
  return go();
}

/** The gold equation in infix over the written numbers, as SVAMP writes equations: ( ( 8 - 5 ) * 2 ). */
export function goldInfix(row: EnglishRow): string {
  let pos = 0;
  const go = (): string => {
    const t = row.equation[pos++]!;
    if (t.startsWith('number')) return numberLiteral(writtenNumber(row.numbers[Number(t.slice(6))]!));
    if (!'+-*/^'.includes(t)) return numberLiteral(writtenNumber(t));
    const a = go();
    const b = go();
    return `( ${a} ${t} ${b} )`;
  };
  return go();
}

/** A written number as the expression grammar reads it (fractions in brackets are Math23K's). */
function numberLiteral(w: string): string {
  return w.includes('/') ? `${Number(w.split('/')[0]) / Number(w.split('/')[1])}` : w;
}
