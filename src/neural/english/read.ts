// Reads an English math word problem: its numbers, written in digits ("1,200.50", "3/4", "2 1/2",
// "20%") or in words ("twenty-five", "a quarter", "two-thirds", "three dozen", "twice", "half"),
// and its words, lower-cased, with every number replaced by N0, N1, … in order. compromise (npm)
// reads the number words; it loads on the first problem that has one.
import Fraction from 'fraction.js';

export interface EnglishNumber {
  /** How the expression writes it: `20`, `1200.5`, `(1/4)`, `20%`. masking.ts's numberValue reads it. */
  literal: string;
  value: Fraction;
  /** As written in the problem. */
  text: string;
  start: number;
  end: number;
  /** digits, a fraction (in digits or words), a percentage, a number word, or a multiplier word (twice, double). */
  kind: 'int' | 'dec' | 'frac' | 'pct' | 'word' | 'times';
  /** Index of its N<i> token in `tokens`. */
  token: number;
}

export interface EnglishProblem {
  text: string;
  /** Lower-cased words and punctuation; numbers are N<i>. */
  tokens: string[];
  numbers: EnglishNumber[];
  /** Sentence of each token (split after . ? !). */
  sentence: number[];
}

/** Whether a problem is read by the English solver: it has no CJK characters and some Latin words. */
export function isEnglish(text: string): boolean {
  return !/[\p{Script=Han}\p{Script=Hiragana}\p{Script=Katakana}\p{Script=Hangul}]/u.test(text) && /[A-Za-z]{2,}/.test(text);
}

const DIGITS = /(\d+)\s+(\d+)\s*\/\s*(\d+)(?![\d.\/])|(\d+)\s*\/\s*(\d+)(?![\d.\/])|((?:\d{1,3}(?:,\d{3})+|\d+)(?:\.\d+)?|\.\d+)(\s*(?:%|percent\b|per cent\b))?/gy;

/** Words compromise should be asked about; without one of them it is not loaded. */
const NUMBER_WORD = /\b(zero|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|thirteen|fourteen|fifteen|sixteen|seventeen|eighteen|nineteen|twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety|hundred|thousand|million|half|halves|quarters?|thirds?|fourths?|fifths?|sixths?|sevenths?|eighths?|ninths?|tenths?|dozens?)\b/i;
const ORDINAL = /^(first|second|third|fourth|fifth|sixth|seventh|eighth|ninth|tenth|eleventh|twelfth|\w+teenth|\w+ieth|hundredth|thousandth|\d+(st|nd|rd|th))$/i;
const MULTIPLIER: Record<string, number> = { twice: 2, double: 2, doubled: 2, thrice: 3, triple: 3, tripled: 3 };

type Compromise = (text: string) => {
  numbers(): { json(o: object): { text: string; offset: { start: number; length: number }; number?: { num: number } }[] };
  fractions(): { json(o: object): { text: string; offset: { start: number; length: number }; fraction?: { numerator: number; denominator: number } }[] };
};
let nlp: Compromise | undefined;

function compromise(): Compromise {
  if (!nlp) {
    const m = require('compromise') as { default?: Compromise } & Compromise;
    nlp = m.default ?? m;
  }
  return nlp;
}

/** A literal for a value: integers and short decimals as digits, other fractions as (p/q). */
export function literalOf(v: Fraction): string {
  if (v.d === 1n) return v.n.toString() === '0' ? '0' : (v.s < 0n ? '-' : '') + v.n.toString();
  let d = v.d;
  while (d % 2n === 0n) d /= 2n;
  while (d % 5n === 0n) d /= 5n;
  const dec = v.toString(20);
  if (d === 1n && dec.length <= 8) return dec;
  return `(${v.abs().toFraction()})`;
}

interface Span {
  start: number;
  end: number;
  value: Fraction;
  literal?: string;
  kind: EnglishNumber['kind'];
}

function digitSpans(text: string): Span[] {
  const out: Span[] = [];
  for (let i = 0; i < text.length; ) {
    const prev = text[i - 1];
    if (!/\d|\./.test(text[i]!) || (prev && /[\w.]/.test(prev) && !/\$/.test(prev))) {
      i++;
      continue;
    }
    DIGITS.lastIndex = i;
    const m = DIGITS.exec(text);
    if (!m || m[0] === '.' || !/\d/.test(m[0])) {
      i++;
      continue;
    }
    // Ordinals ("the 3rd day") name a position, not a quantity.
    if (/^(st|nd|rd|th)\b/i.test(text.slice(i + m[0].length))) {
      i += m[0].length;
      continue;
    }
    let value: Fraction;
    let kind: Span['kind'];
    let literal: string | undefined;
    if (m[1] !== undefined) {
      if (/^0+$/.test(m[3]!)) {
        i += m[0].length;
        continue;
      }
      value = new Fraction(BigInt(m[2]!), BigInt(m[3]!)).add(BigInt(m[1]));
      kind = 'frac';
    } else if (m[4] !== undefined) {
      if (/^0+$/.test(m[5]!)) {
        i += m[0].length;
        continue;
      }
      value = new Fraction(BigInt(m[4]), BigInt(m[5]!));
      kind = 'frac';
    } else {
      const plain = m[6]!.replace(/,/g, '');
      value = new Fraction(plain.startsWith('.') ? `0${plain}` : plain);
      kind = m[7] ? 'pct' : plain.includes('.') ? 'dec' : 'int';
      if (m[7]) {
        literal = `${literalOf(value).replace(/^\((.*)\)$/, '$1')}%`;
        if (literal.includes('/')) literal = undefined;
        value = value.div(100);
      }
    }
    out.push({ start: i, end: i + m[0].length, value, kind, ...(literal ? { literal } : {}) });
    i += m[0].length;
  }
  return out;
}

function wordSpans(text: string, taken: readonly Span[]): Span[] {
  const out: Span[] = [];
  const free = (s: number, e: number) => !taken.some((t) => s < t.end && e > t.start) && !out.some((t) => s < t.end && e > t.start);
  if (NUMBER_WORD.test(text)) {
    const doc = compromise()(text);
    for (const f of doc.fractions().json({ offset: true, terms: false })) {
      const { start, length } = f.offset;
      if (!f.fraction || !(f.fraction.denominator > 0) || !free(start, start + length)) continue;
      // A fraction's words may include a trailing "of"; the value is what matters.
      const value = new Fraction(Math.round(f.fraction.numerator * 1e6), Math.round(f.fraction.denominator * 1e6));
      if (/\d/.test(f.text)) continue;
      out.push({ start, end: start + length, value, kind: 'frac' });
    }
    for (const n of doc.numbers().json({ offset: true, terms: false })) {
      const { start, length } = n.offset;
      const words = n.text.replace(/[^\w\s-]+$/, '').trim();
      if (n.number === undefined || /\d/.test(words) || !free(start, start + length)) continue;
      if (ORDINAL.test(words)) continue;
      // "one" alone is usually a pronoun ("each one", "one of them"), and "a"/"an" is not a number.
      if (/^(one|a|an|zero)$/i.test(words)) continue;
      const num = n.number.num;
      if (!Number.isFinite(num)) continue;
      const value = Number.isInteger(num) ? new Fraction(num) : new Fraction(Math.round(num * 1000), 1000);
      out.push({ start, end: start + words.length, value, kind: 'word' });
    }
  }
  const re = /\b(twice|double|doubled|thrice|triple|tripled)\b/gi;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    if (free(m.index, m.index + m[0].length)) out.push({ start: m.index, end: m.index + m[0].length, value: new Fraction(MULTIPLIER[m[1]!.toLowerCase()]!), kind: 'times' });
  }
  const dozen = /\b(a|one)?\s*dozens?\b/gi;
  for (let m = dozen.exec(text); m; m = dozen.exec(text)) {
    if (free(m.index, m.index + m[0].length)) out.push({ start: m.index, end: m.index + m[0].length, value: new Fraction(12), kind: 'word' });
  }
  return out;
}

/** A number in digits directly followed by "dozen" is that many twelves ("3 dozen eggs" is 36 eggs). */
function mergeDozens(text: string, spans: Span[]): Span[] {
  const out: Span[] = [];
  for (const s of spans) {
    const last = out[out.length - 1];
    if (last && last.kind !== 'times' && /^\s*$/.test(text.slice(last.end, s.start)) && /^(a |one )?dozens?$/i.test(text.slice(s.start, s.end).trim()) && s.value.equals(12)) {
      out[out.length - 1] = { ...last, end: s.end, value: last.value.mul(12), kind: last.kind === 'word' ? 'word' : 'int', literal: undefined };
      continue;
    }
    out.push(s);
  }
  return out;
}

const TOKEN = /[A-Za-z]+(?:'[a-z]+)?|\S/g;

export function readEnglish(text: string): EnglishProblem {
  const digits = digitSpans(text);
  const spans = mergeDozens(text, [...digits, ...wordSpans(text, digits)].sort((a, b) => a.start - b.start));
  const tokens: string[] = [];
  const sentence: number[] = [];
  const numbers: EnglishNumber[] = [];
  let s = 0;
  let at = 0;
  const words = (from: number, to: number) => {
    const chunk = text.slice(from, to);
    TOKEN.lastIndex = 0;
    for (let m = TOKEN.exec(chunk); m; m = TOKEN.exec(chunk)) {
      const w = m[0].toLowerCase();
      if (w === '$') continue;
      tokens.push(w === '’' ? "'" : w);
      sentence.push(s);
      if (w === '.' || w === '?' || w === '!') s++;
    }
  };
  for (const span of spans) {
    words(at, span.start);
    const literal = span.literal ?? literalOf(span.value);
    numbers.push({ literal, value: span.value, text: text.slice(span.start, span.end), start: span.start, end: span.end, kind: span.kind, token: tokens.length });
    tokens.push(`N${numbers.length - 1}`);
    sentence.push(s);
    at = span.end;
  }
  words(at, text.length);
  return { text, tokens, numbers, sentence };
}
