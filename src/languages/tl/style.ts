// Rewriting operator spellings in place: used by the "convert to words/ascii/unicode" fixes and
// by the formatter for statements that contain comments. Only operator tokens change, so nothing
// else the user wrote (comments, spacing, descriptions) can be lost.
import { kindOfToken, operatorInfo, tlLexer, type OperatorKind, type Style } from '../../../grammars/tl';

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

/** Replacements that respell every operator in text[from, to) in the given style. */
export function styleReplacements(text: string, from: number, to: number, style: Style): Replacement[] {
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
    // Operator letters glued to an atom (`GFa`) are operator tokens of their own.
    const kind = kindOfToken.get(t.tokenType);
    if (kind) respell(start, t.image, kind);
  }
  return out;
}
