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
      // What starts like a word is read as a word (Chevrotain's NOT_APPLICABLE category patterns).
      if (isWordStart(literal.charCodeAt(0))) continue;
      if (!symbols.has(literal)) symbols.set(literal, idx(t));
    }
  }
  return { symbols, words };
}

const { symbols, words } = literalSpellings();
/** Symbol spellings (as character codes) by their first character code, longest first. */
const symbolsByFirst: ({ codes: number[]; type: number }[] | undefined)[] = [];
for (const [s, type] of symbols) {
  const list = symbolsByFirst[s.charCodeAt(0)] ?? [];
  list.push({ codes: Array.from({ length: s.length }, (_, i) => s.charCodeAt(i)), type });
  list.sort((a, b) => b.codes.length - a.codes.length);
  symbolsByFirst[s.charCodeAt(0)] = list;
}

/**
 * How many characters past a token's end the scanner may read to decide where it ends (a symbol
 * that a longer symbol starts, or `1.` before a digit). Text edited further away than this from a
 * token cannot change it, which tells the incremental parser what it may keep.
 */
export const scanLookahead = Math.max(2, ...[...symbols.keys()].map((s) => s.length - 1));

export const tokenIdx = {
  identifier: idx(Identifier),
  number: idx(NumberLiteral),
  quoted: idx(QuotedName),
  unterminatedQuote: idx(UnterminatedQuote),
  lineComment: idx(LineComment),
  blockComment: idx(BlockComment),
  unterminatedComment: idx(UnterminatedComment),
};

/**
 * Every distinct word a scanner has read, with its token type, so that a name used a thousand
 * times is one string rather than a thousand: reading a word looks it up by hash and compares
 * characters in place, allocating only for a word not seen before.
 */
class WordTable {
  private strings: string[] = [];
  private types: number[] = [];
  private hashes: number[] = [];
  /** Open addressing: slot -> index into the arrays above, plus one (0 is empty). */
  private slots = new Int32Array(1024);

  constructor() {
    for (const [word, type] of words) this.add(word, type, hashOf(word, 0, word.length));
  }

  /** The index of text[start, end), added as an identifier when new. */
  find(text: string, start: number, end: number, hash: number): number {
    const mask = this.slots.length - 1;
    for (let slot = hash & mask; ; slot = (slot + 1) & mask) {
      const entry = this.slots[slot]!;
      if (entry === 0) return this.add(text.slice(start, end), tokenIdx.identifier, hash);
      const i = entry - 1;
      if (this.hashes[i] === hash && sameText(this.strings[i]!, text, start, end)) return i;
    }
  }

  word(i: number): string {
    return this.strings[i]!;
  }

  type(i: number): number {
    return this.types[i]!;
  }

  private add(word: string, type: number, hash: number): number {
    const i = this.strings.length;
    this.strings.push(word);
    this.types.push(type);
    this.hashes.push(hash);
    if (this.strings.length * 2 > this.slots.length) {
      this.slots = new Int32Array(this.slots.length * 2);
      for (let j = 0; j < this.strings.length; j++) this.place(j);
    } else {
      this.place(i);
    }
    return i;
  }

  private place(i: number): void {
    const mask = this.slots.length - 1;
    let slot = this.hashes[i]! & mask;
    while (this.slots[slot] !== 0) slot = (slot + 1) & mask;
    this.slots[slot] = i + 1;
  }
}

function hashOf(text: string, start: number, end: number): number {
  let h = 0x811c9dc5;
  for (let i = start; i < end; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return h >>> 0;
}

function sameText(word: string, text: string, start: number, end: number): boolean {
  if (word.length !== end - start) return false;
  for (let i = 0; i < word.length; i++) if (word.charCodeAt(i) !== text.charCodeAt(start + i)) return false;
  return true;
}

function startsWithCodes(text: string, p: number, codes: number[]): boolean {
  for (let i = 1; i < codes.length; i++) if (text.charCodeAt(p + i) !== codes[i]) return false;
  return true;
}

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
  /** The text of the last word token; the same string for every occurrence of a word. */
  word = '';
  private pos: number;
  private readonly words = new WordTable();

  /** Scans text from offset `from`, which must not be inside a token or comment. */
  constructor(
    private readonly text: string,
    private readonly onComment: (type: number, start: number, end: number) => void,
    private readonly onError: (start: number, end: number) => void,
    from = 0,
  ) {
    this.pos = from;
  }

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
      let hash = Math.imul(0x811c9dc5 ^ c, 0x01000193);
      for (let d = text.charCodeAt(e); e < text.length && isWordPart(d); d = text.charCodeAt(++e)) hash = Math.imul(hash ^ d, 0x01000193);
      const i = this.words.find(text, p, e, hash >>> 0);
      this.word = this.words.word(i);
      return this.emit(this.words.type(i), p, e);
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
    const candidates = symbolsByFirst[c];
    if (candidates) {
      // Prefix `-` never starts `->`; `->` itself is listed first.
      for (const { codes, type } of candidates) if (startsWithCodes(text, p, codes)) return this.emit(type, p, p + codes.length);
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
