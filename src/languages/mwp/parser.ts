// Turns a .mwp document into problems: header, text lines, and the user's equation and answer.
import type { IToken } from 'chevrotain';
import {
  EquationKeyword,
  ExprNewline,
  LineComment,
  mwpLexer,
  Newline,
  parseLine,
  ProblemHeader,
  problemKeywords,
  TextLine,
  type LineValue,
} from '../../../grammars/mwp';

export interface Span {
  start: number;
  end: number;
}

export interface SyntaxError extends Span {
  message: string;
}

/** An `equation:` or `answer:` line. */
export interface UserLine {
  keyword: Span;
  /** From the keyword to the end of the line. */
  line: Span;
  /** After the colon; what a quick fix replaces. */
  valueSpan: Span;
  raw: string;
  value?: LineValue;
  errors: SyntaxError[];
}

export interface Problem {
  index: number;
  id?: { name: string } & Span;
  /** The header line, absent for text before the first header. */
  header?: Span;
  /** From the header (or first text line) to the end of the last line that belongs to it. */
  span: Span;
  lines: ({ text: string } & Span)[];
  /** The problem text as the model reads it: the lines joined by spaces, which the model ignores. */
  text: string;
  equation?: UserLine;
  answer?: UserLine;
  duplicates: UserLine[];
}

export interface ParsedFile {
  problems: Problem[];
  errors: SyntaxError[];
}

const tokenEnd = (t: IToken) => t.startOffset + t.image.length;

/** Splits `problem id: text` into its id and inline text. */
export function headerParts(image: string, start: number): { id?: { name: string } & Span; text?: { text: string } & Span } {
  const keyword = problemKeywords.find((k) => image.startsWith(k))!;
  const m = /^([ \t]+([^\s:：]+))?[ \t]*([:：][ \t]*(.*))?$/.exec(image.slice(keyword.length));
  if (!m) return {};
  const rest = start + keyword.length;
  const id = m[2] ? { name: m[2], start: rest + m[0].indexOf(m[2]), end: rest + m[0].indexOf(m[2]) + m[2].length } : undefined;
  const inline = m[4]?.trimEnd();
  const text = inline ? { text: inline, start: rest + m[0].lastIndexOf(m[4]), end: rest + m[0].lastIndexOf(m[4]) + inline.length } : undefined;
  return { id, text };
}

export function parseMwp(source: string): ParsedFile {
  const lexed = mwpLexer.tokenize(source);
  const errors: SyntaxError[] = lexed.errors.map((e) => ({
    message: `Unexpected '${source.substr(e.offset, e.length)}' in an expression: use numbers, + - * / ^, brackets and one variable.`,
    start: e.offset,
    end: e.offset + e.length,
  }));
  const problems: Problem[] = [];
  let current: Problem | undefined;
  const open = (start: number): Problem => {
    const p: Problem = { index: problems.length, span: { start, end: start }, lines: [], text: '', duplicates: [] };
    problems.push(p);
    return p;
  };
  const tokens = lexed.tokens;
  let i = 0;
  while (i < tokens.length) {
    const t = tokens[i];
    if (t.tokenType === Newline || t.tokenType === LineComment) {
      i++;
      continue;
    }
    if (t.tokenType === ProblemHeader) {
      current = open(t.startOffset);
      current.header = { start: t.startOffset, end: tokenEnd(t) };
      current.span.end = tokenEnd(t);
      const parts = headerParts(t.image, t.startOffset);
      current.id = parts.id;
      if (parts.text) current.lines.push(parts.text);
      i++;
      continue;
    }
    current ??= open(t.startOffset);
    if (t.tokenType === TextLine) {
      const text = t.image.trimEnd();
      current.lines.push({ text, start: t.startOffset, end: t.startOffset + text.length });
      current.span.end = t.startOffset + text.length;
      i++;
      continue;
    }
    // An equation or answer line: the keyword, then expression tokens up to the end of the line.
    const exprTokens: IToken[] = [];
    let j = i + 1;
    while (j < tokens.length && tokens[j].tokenType !== ExprNewline) exprTokens.push(tokens[j++]);
    const lineEnd = exprTokens.length ? tokenEnd(exprTokens[exprTokens.length - 1]) : tokenEnd(t);
    const lineStop = j < tokens.length ? tokens[j].startOffset : source.length;
    const raw = source.slice(tokenEnd(t), lineStop).trim();
    const valueStart = tokenEnd(t) + (source.slice(tokenEnd(t), lineStop).length - source.slice(tokenEnd(t), lineStop).trimStart().length);
    const user: UserLine = {
      keyword: { start: t.startOffset, end: tokenEnd(t) },
      line: { start: t.startOffset, end: Math.max(lineEnd, valueStart + raw.length) },
      valueSpan: { start: valueStart, end: valueStart + raw.length },
      raw,
      errors: [],
    };
    if (raw === '') {
      user.errors.push({ message: `The ${t.tokenType === EquationKeyword ? 'equation' : 'answer'} is empty.`, ...user.keyword });
    } else if (!errors.some((e) => e.start >= user.valueSpan.start && e.start < user.valueSpan.end)) {
      const parsed = parseLine(exprTokens);
      user.value = parsed.value;
      user.errors.push(...parsed.errors);
    }
    const slot = t.tokenType === EquationKeyword ? 'equation' : 'answer';
    if (current[slot]) current.duplicates.push(user);
    else current[slot] = user;
    current.span.end = Math.max(current.span.end, user.line.end);
    i = j + 1;
  }
  for (const p of problems) p.text = p.lines.map((l) => l.text).join(' ');
  return { problems, errors };
}

