// A streaming scanner built from the token tables in grammars/tl.ts. It reads the same tokens as
// the Chevrotain lexer there (test/unit/tl-scanner.test.ts compares them on generated input and
// on the NL2TL data) but allocates nothing per token, which keeps parsing large files fast.
import type { TokenType } from 'chevrotain';
import {
  allTokens,
  BlockComment,
  Identifier,
  LineComment,
  NumberLiteral,
  QuotedName,
  UnterminatedComment,
  UnterminatedQuote,
  WhiteSpace,
} from '../../../grammars/tl';

function idx(t: TokenType): number {
  return t.tokenTypeIdx!;
}

/** Splits a regular expression source at its top-level `|`, minding escapes. */
function alternatives(source: string): string[] {
  const out: string[] = [];
  let from = 0;
  let depth = 0;
  for (let i = 0; i < source.length; i++) {
    const c = source[i];
    if (c === '\\') i++;
    else if (c === '(') depth++;
    else if (c === ')') depth--;
    else if (c === '|' && depth === 0) {
      out.push(source.slice(from, i));
      from = i + 1;
    }
  }
  out.push(source.slice(from));
  return out;
}

/** Every literal spelling (symbols and whole words) of every token, from the token patterns. */
function literalSpellings(): { symbols: Map<string, number>; words: Map<string, number> } {
  const symbols = new Map<string, number>();
  const words = new Map<string, number>();
  for (const t of allTokens) {
    const pattern = t.PATTERN;
    if (!(pattern instanceof RegExp) || t === Identifier || t === NumberLiteral || t === WhiteSpace || t.GROUP === 'comments') continue;
    if (t === QuotedName || t === UnterminatedQuote) continue;
    for (const alternative of alternatives(pattern.source)) {
      const word = /^([A-Za-z_]+)\(\?!\[A-Za-z0-9_\]\)$/.exec(alternative);
      if (word) {
        if (!words.has(word[1]!)) words.set(word[1]!, idx(t));
        continue;
      }
      const literal = alternative.replace(/\(\?!.*\)$/, '').replace(/\\(.)/g, '$1');
      if (!symbols.has(literal)) symbols.set(literal, idx(t));
    }
  }
  return { symbols, words };
}

const { symbols, words } = literalSpellings();
const symbolsByFirst = new Map<number, [string, number][]>();
for (const [s, type] of symbols) {
  const list = symbolsByFirst.get(s.charCodeAt(0)) ?? [];
  list.push([s, type]);
  list.sort((a, b) => b[0].length - a[0].length);
  symbolsByFirst.set(s.charCodeAt(0), list);
}

export const tokenIdx = {
  identifier: idx(Identifier),
  number: idx(NumberLiteral),
  quoted: idx(QuotedName),
  unterminatedQuote: idx(UnterminatedQuote),
  lineComment: idx(LineComment),
  blockComment: idx(BlockComment),
  unterminatedComment: idx(UnterminatedComment),
};

function isSpace(c: number): boolean {
  return c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 0xa0 || c === 0xfeff;
}

function isWordStart(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95;
}

function isWordPart(c: number): boolean {
  return isWordStart(c) || (c >= 48 && c <= 57);
}

function isDigit(c: number): boolean {
  return c >= 48 && c <= 57;
}

/**
 * Reads tokens one at a time: after next() returns true, type/start/end describe the token
 * (type is the Chevrotain tokenTypeIdx). Comments and unknown characters go to the callbacks.
 */
export class Scanner {
  type = 0;
  start = 0;
  end = 0;
  /** The text of the last word token, which the scanner had to read anyway. */
  word = '';
  private pos = 0;

  constructor(
    private readonly text: string,
    private readonly onComment: (type: number, start: number, end: number) => void,
    private readonly onError: (start: number, end: number) => void,
  ) {}

  next(): boolean {
    const text = this.text;
    const n = text.length;
    let errorStart = -1;
    while (this.pos < n) {
      const p = this.pos;
      const c = text.charCodeAt(p);
      if (isSpace(c)) {
        this.pos++;
      } else if (!this.token(p, c)) {
        if (errorStart < 0) errorStart = p;
        this.pos++;
        continue;
      } else if (this.type === -1) {
        // a comment: reported, not returned
      } else {
        if (errorStart >= 0) this.onError(errorStart, p);
        return true;
      }
      if (errorStart >= 0) {
        this.onError(errorStart, p);
        errorStart = -1;
      }
    }
    if (errorStart >= 0) this.onError(errorStart, n);
    return false;
  }

  /** Tries to read a token at p; sets type to -1 for comments. */
  private token(p: number, c: number): boolean {
    const text = this.text;
    if (c === 47 /* / */) {
      const d = text.charCodeAt(p + 1);
      if (d === 47) {
        let e = p + 2;
        while (e < text.length && text.charCodeAt(e) !== 10 && text.charCodeAt(e) !== 13) e++;
        return this.comment(tokenIdx.lineComment, p, e);
      }
      if (d === 42) {
        const close = text.indexOf('*/', p + 2);
        return close < 0 ? this.comment(tokenIdx.unterminatedComment, p, text.length) : this.comment(tokenIdx.blockComment, p, close + 2);
      }
    }
    if (c === 34 /* " */) {
      let e = p + 1;
      for (;;) {
        const d = text.charCodeAt(e);
        if (e >= text.length || d === 10 || d === 13) return this.emit(tokenIdx.unterminatedQuote, p, e);
        if (d === 34) return this.emit(tokenIdx.quoted, p, e + 1);
        if (d === 92 /* \ */) {
          const escaped = text.charCodeAt(e + 1);
          if (e + 1 >= text.length || escaped === 10 || escaped === 13) return this.emit(tokenIdx.unterminatedQuote, p, e);
          e += 2;
        } else e++;
      }
    }
    if (isWordStart(c)) {
      let e = p + 1;
      while (e < text.length && isWordPart(text.charCodeAt(e))) e++;
      this.word = text.slice(p, e);
      return this.emit(words.get(this.word) ?? tokenIdx.identifier, p, e);
    }
    if (isDigit(c)) {
      let e = p + 1;
      while (isDigit(text.charCodeAt(e))) e++;
      if (text.charCodeAt(e) === 46 && isDigit(text.charCodeAt(e + 1))) {
        e += 2;
        while (isDigit(text.charCodeAt(e))) e++;
      }
      return this.emit(tokenIdx.number, p, e);
    }
    const candidates = symbolsByFirst.get(c);
    if (candidates) {
      for (const [s, type] of candidates) {
        if (text.startsWith(s, p)) {
          // Prefix `-` never starts `->`; `->` itself is listed first.
          return this.emit(type, p, p + s.length);
        }
      }
    }
    return false;
  }

  private emit(type: number, start: number, end: number): boolean {
    this.type = type;
    this.start = start;
    this.end = end;
    this.pos = end;
    return true;
  }

  private comment(type: number, start: number, end: number): boolean {
    this.onComment(type, start, end);
    this.type = -1;
    this.pos = end;
    return true;
  }
}
