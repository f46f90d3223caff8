// Number masking: the problem text becomes tokens with every number replaced by N0, N1, ... in
// order of appearance. This mirrors training/mwp/mwptext.py tokenize() exactly, because the model
// only understands the tokens it was trained on.
import Fraction from 'fraction.js';

// Math23K's number pattern: mixed numbers like 2(1/3), bracketed fractions, decimals, percentages.
// \p{Nd} matches what Python's \d matches in a str pattern.
const NUMBER = /\p{Nd}*\(\p{Nd}+\/\p{Nd}+\)\p{Nd}*|\p{Nd}+\.\p{Nd}+%?|\p{Nd}+%?/uy;
const WORD = /[A-Za-z]+/y;
const SPACE = /\s/u;

export interface Masked {
  tokens: string[];
  /** Literal number strings in order: N<i> stands for numbers[i]. */
  numbers: string[];
}

export function maskNumbers(text: string): Masked {
  const s = text.normalize('NFKC');
  const tokens: string[] = [];
  const numbers: string[] = [];
  let i = 0;
  while (i < s.length) {
    NUMBER.lastIndex = i;
    const num = NUMBER.exec(s);
    if (num) {
      tokens.push(`N${numbers.length}`);
      numbers.push(num[0]);
      i += num[0].length;
      continue;
    }
    WORD.lastIndex = i;
    const word = WORD.exec(s);
    if (word) {
      tokens.push(word[0].toLowerCase());
      i += word[0].length;
      continue;
    }
    const ch = String.fromCodePoint(s.codePointAt(i)!);
    if (!SPACE.test(ch)) tokens.push(ch);
    i += ch.length;
  }
  return { tokens, numbers };
}

/** The exact value of a literal as Math23K writes it: 20% is 1/5, 2(1/3) is 7/3. */
export function numberValue(literal: string): Fraction | undefined {
  let s = literal.normalize('NFKC').trim();
  const percent = s.endsWith('%');
  if (percent) s = s.slice(0, -1);
  const mixed = /^(\d*)\((\d+)\/(\d+)\)$/.exec(s);
  let v: Fraction;
  if (mixed) {
    if (mixed[3] === '0' || /^0+$/.test(mixed[3])) return undefined;
    v = new Fraction(BigInt(mixed[2]), BigInt(mixed[3]));
    if (mixed[1]) v = v.add(BigInt(mixed[1]));
  } else if (/^\d+(\.\d+)?$/.test(s)) {
    v = new Fraction(s);
  } else {
    return undefined;
  }
  return percent ? v.div(100) : v;
}
