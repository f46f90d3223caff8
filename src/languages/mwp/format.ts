// `nesy format` and the editor's Format Document for .mwp files: one blank line between problems,
// no indentation or trailing spaces, `keyword: value` with one space after an ASCII colon, and
// equations spaced as `x = (15 - 3) * 2`, their operators spelled in the chosen style (ascii or
// unicode; words, which .mwp has none of, is ascii). Problem text, comments and ids are kept as
// written; an equation or answer line with a syntax error is kept as written too.
import type { TextEdit } from 'vscode-languageserver-types';
import type { OperatorStyle } from '../../core/settings';
import { answerKeywords, equationKeywords, indentChars, problemKeywords } from '../../../grammars/mwp';
import type { ParsedFile } from './parser';
import { headerParts } from './parser';

const SPACE = new RegExp(`^[${indentChars}]+|[${indentChars}]+$`, 'g');
const header = new RegExp(`^(?:${problemKeywords.join('|')})(?![A-Za-z0-9_])`);
const keywordLine = new RegExp(`^(${[...equationKeywords, ...answerKeywords].join('|')})[ \\t]*([:：])(.*)$`);
const TOKEN = /\d+(?:\.\d+)?%?|\.\d+%?|[A-Za-z_\u3400-\u9fff][A-Za-z0-9_\u3400-\u9fff]*|\*\*|[-−－+＋*×·＊/÷／^=＝(（)）[\]]|\S/g;

const ascii: Record<string, string> = { '−': '-', '－': '-', '＋': '+', '×': '*', '·': '*', '＊': '*', '÷': '/', '／': '/', '**': '^', '＝': '=', '（': '(', '）': ')' };
const unicode: Record<string, string> = { '-': '−', '*': '×', '/': '÷' };

/** One expression (the value after `equation:`), spaced and spelled in `style`. */
export function formatExpression(value: string, style: OperatorStyle): string {
  const comment = /\s*\/\/.*$/.exec(value);
  const body = comment ? value.slice(0, comment.index) : value;
  const tokens = (body.match(TOKEN) ?? []).map((t) => ascii[t] ?? t);
  type Kind = 'operand' | 'binary' | 'unary' | 'open' | 'close';
  const kinds: Kind[] = [];
  tokens.forEach((t, i) => {
    const before = kinds[i - 1];
    if (t === '(' || t === '[') kinds.push('open');
    else if (t === ')' || t === ']') kinds.push('close');
    else if (t === '-' && (before === undefined || before === 'binary' || before === 'unary' || before === 'open')) kinds.push('unary');
    else if (t.length === 1 && '+-*/^='.includes(t)) kinds.push('binary');
    else kinds.push('operand');
  });
  let out = '';
  tokens.forEach((t, i) => {
    const spelled = style === 'unicode' ? unicode[t] ?? t : t;
    const before = kinds[i - 1];
    const kind = kinds[i]!;
    const tight = before === undefined || before === 'open' || before === 'unary' || kind === 'close';
    out += tight ? spelled : ` ${spelled}`;
  });
  return comment ? `${out}  // ${comment[0].trim().slice(2).trim()}` : out;
}

/** The formatted text of a whole file. */
export function formatMwp(source: string, file: ParsedFile, style: OperatorStyle): string {
  const newline = /\r\n/.test(source) ? '\r\n' : '\n';
  const lines = source.split(/\r\n|\r|\n/);
  // Equation and answer lines the parser found errors in stay as written.
  const broken = new Set<number>();
  const lineOf = (offset: number) => source.slice(0, offset).split(/\r\n|\r|\n/).length - 1;
  for (const p of file.problems) {
    for (const l of [p.equation, p.answer, ...p.duplicates]) if (l && (l.errors.length > 0 || !l.value)) broken.add(lineOf(l.keyword.start));
  }
  for (const e of file.errors) broken.add(lineOf(e.start));
  const out: string[] = [];
  let pendingBlank = false;
  // Comments directly above a header belong to it: the blank line goes above them.
  let commentRun: string[] = [];
  const flush = () => {
    if (commentRun.length) {
      if (pendingBlank && out.length) out.push('');
      out.push(...commentRun);
      commentRun = [];
      pendingBlank = false;
    }
  };
  lines.forEach((raw, i) => {
    const line = raw.replace(SPACE, '');
    if (line === '') {
      flush();
      pendingBlank = out.length > 0;
      return;
    }
    if (line.startsWith('//')) {
      if (commentRun.length === 0 && pendingBlank && out.length === 0) pendingBlank = false;
      commentRun.push(line);
      return;
    }
    const isHeader = header.test(line);
    if (isHeader && (out.length > 0 || commentRun.length > 0)) {
      if (out.length > 0) out.push('');
      out.push(...commentRun);
      commentRun = [];
      pendingBlank = false;
    } else flush();
    if (pendingBlank) out.push('');
    pendingBlank = false;
    if (isHeader) {
      const keyword = problemKeywords.find((k) => line.startsWith(k))!;
      const parts = headerParts(line, 0);
      const rest = line.slice(keyword.length);
      if (!parts.id && !parts.text && rest.trim() !== '' && !/^[ \t]*[:：][ \t]*$/.test(rest)) out.push(line);
      else out.push(`${keyword}${parts.id ? ` ${parts.id.name}` : ''}${parts.text ? `${/：/.test(rest) ? '：' : ': '}${parts.text.text}` : ''}`);
      return;
    }
    const kw = keywordLine.exec(line);
    if (kw && !broken.has(i)) {
      const value = formatExpression(kw[3]!.trim(), style);
      out.push(`${kw[1]}${kw[2] === '：' ? '：' : ': '}${value}`);
      return;
    }
    out.push(line);
  });
  flush();
  return out.length ? out.join(newline) + newline : '';
}

/** One edit replacing the whole document, or none when it is already formatted. */
export function formatEdits(source: string, file: ParsedFile, style: OperatorStyle, end: { line: number; character: number }): TextEdit[] {
  const formatted = formatMwp(source, file, style);
  return formatted === source ? [] : [{ range: { start: { line: 0, character: 0 }, end }, newText: formatted }];
}
