// Rewriting operator spellings in place: used by the "convert to words/ascii/unicode" fixes and
// by the formatter for statements that contain comments. Only operator tokens change, so nothing
// else the user wrote (comments, spacing, descriptions) can be lost.
import { compareOpOf, comparisons, kindOfToken, operatorInfo, tlLexer, type OperatorKind, type Style } from '../../../grammars/tl';
import { walk, type Span, type Statement } from './ast';
import { firstIndex } from '../../core/sorted';

const comparisonSpelling = new Map(comparisons.map((c) => [c.op, c.canonical]));

/**
 * Where a statement's comparisons are, in order: inside them `+`, `-` and `*` are arithmetic, not
 * Wring's or, negation and and, so converting a style leaves them as they are.
 */
export function comparisonSpans(s: Statement): Span[] {
  const out: Span[] = [];
  const f = s.kind === 'formula' || s.kind === 'specDecl' ? s.formula : undefined;
  if (f) walk(f, (node) => {
    if (node.kind === 'compare') out.push({ start: node.start, end: node.end });
  });
  return out.sort((a, b) => a.start - b.start);
}

export interface Replacement {
  start: number;
  end: number;
  text: string;
}

function isWordChar(c: string | undefined): boolean {
  return c !== undefined && /[A-Za-z0-9_]/.test(c);
}

function isWordLike(s: string): boolean {
  return /^[A-Za-z_]+$/.test(s);
}

/**
 * Replacements that respell every operator in text[from, to) in the given style; `arithmetic` lists
 * the comparisons (sorted), whose `+ - *` are arithmetic and stay, and whose comparison is respelled.
 */
export function styleReplacements(text: string, from: number, to: number, style: Style, arithmetic: readonly Span[] = []): Replacement[] {
  const out: Replacement[] = [];
  const slice = text.slice(from, to);
  const lexed = tlLexer.tokenize(slice);
  // The character that will precede the next replacement in the output, which may come from the
  // previous replacement: it decides whether a word needs a space in front.
  let lastEnd = -1;
  let lastText = '';
  const respell = (start: number, image: string, kind: OperatorKind): void => {
    const target = operatorInfo[kind].canonical[style];
    if (target === image) return;
    const end = start + image.length;
    const before = start === lastEnd ? lastText[lastText.length - 1] : text[start - 1];
    const after = text[end];
    let replacement = target;
    if (isWordLike(target)) {
      if (before !== undefined && !/[\s(]/.test(before)) replacement = ' ' + replacement;
      if (after !== undefined && !/[\s)[]/.test(after)) replacement += ' ';
    } else if (operatorInfo[kind].arity === 1) {
      if (isWordChar(before)) replacement = ' ' + replacement;
    } else {
      if (isWordChar(before)) replacement = ' ' + replacement;
      if (isWordChar(after)) replacement += ' ';
    }
    out.push({ start, end, text: replacement });
    lastEnd = end;
    lastText = replacement;
  };
  for (const t of lexed.tokens) {
    const start = from + t.startOffset;
    const compare = compareOpOf.get(t.tokenType);
    if (compare !== undefined) {
      const target = comparisonSpelling.get(compare)![style];
      if (target !== t.image) out.push({ start, end: start + t.image.length, text: target });
      continue;
    }
    // Operator letters glued to an atom (`GFa`) are operator tokens of their own.
    const kind = kindOfToken.get(t.tokenType);
    if (kind && !inside(arithmetic, start)) respell(start, t.image, kind);
  }
  return out;
}

function inside(spans: readonly Span[], offset: number): boolean {
  const span = spans[firstIndex(spans, (s) => s.end > offset)];
  return span !== undefined && span.start <= offset;
}
