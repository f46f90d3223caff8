// Hover: for an operator, its documentation and other spellings; for a name, its declaration; and
// always the formula fully parenthesised with its English reading; for a translated statement, the
// sentence it was translated from; for a spec, the other specs it is equivalent to, implies or is
// implied by.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import { comparisons, operatorInfo } from '../../../grammars/tl';
import { walk, type Formula, type TlDocument } from './ast';
import { explain } from './explain';
import { occurrenceAt, statementIndexAt } from './navigation';
import { contains, toRange } from './positions';
import { printFormula } from './printer';
import { relationLines, relationsOf } from './relations';
import type { TlAnalysis } from './service';
import { firstIndex } from '../../core/sorted';

function descriptionsOf(tl: TlDocument): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of tl.statements) if (s.kind === 'propDecl' && s.description) out.set(s.name, s.description);
  return out;
}

function formulaBlock(f: Formula, tl: TlDocument): string {
  return ['```tl', printFormula(f, 'ascii', { parens: 'full' }), '```', '', explain(f, descriptionsOf(tl))].join('\n');
}

/**
 * The sentence a spec or bare formula was translated from. A `// nl:` comment belongs to the first spec
 * or bare formula after it when only prop declarations, blank lines and comments that are not `// nl:`
 * comments come in between: translating keeps the comment and inserts the formula right below it,
 * sometimes after new prop declarations, while a later `// nl:` comment is another requirement.
 */
function translatedFrom(a: TlAnalysis, index: number): string | undefined {
  const statements = a.tl.statements;
  const statement = statements[index]!;
  if (statement.kind !== 'specDecl' && statement.kind !== 'formula') return undefined;
  let after = 0;
  for (let i = index - 1; i >= 0; i--) {
    const s = statements[i]!;
    if (s.kind !== 'propDecl') {
      after = s.end;
      break;
    }
  }
  // Comments are sorted and never overlap: walk back from the last one that ends before the statement.
  const comments = a.tl.comments;
  for (let i = firstIndex(comments, (c) => c.end > statement.start) - 1; i >= 0 && comments[i]!.start >= after; i--) {
    const sentence = comments[i]!.nl?.text;
    if (sentence) return sentence;
  }
  return undefined;
}

function withSource(value: string, sentence: string | undefined): string {
  // The sentence is the user's free text: escaped so that `*`, `_` and the like show as typed.
  return sentence === undefined ? value : `${value}\n\n**Translated from:** "${sentence.replace(/[\\`*_[\]<>]/g, '\\$&')}"`;
}

export function hover(a: TlAnalysis, position: Position): Hover | null {
  const tl = a.tl;
  const offset = a.document.offsetAt(position);
  const index = statementIndexAt(tl, offset);
  const statement = tl.statements[index];
  if (!statement || statement.kind === 'broken') return null;
  const name = occurrenceAt(tl, offset);
  const markdown = (value: string, span: { start: number; end: number }, source = index): Hover => ({
    contents: { kind: MarkupKind.Markdown, value: withSource(value, translatedFrom(a, source)) },
    range: toRange(a.document, span),
  });
  if (name) {
    if (name.kind === 'spec') {
      const specIndex = tl.statements.findIndex((s) => s.kind === 'specDecl' && s.name === name.name);
      const spec = tl.statements[specIndex];
      if (spec?.kind !== 'specDecl') return null;
      const f = spec.formula;
      // A spec named inside another formula stands for that spec, so it shows that spec's sentence.
      return markdown([`**spec ${name.name}**`, '', ...(f ? [formulaBlock(f, tl), ...related(tl, specIndex)] : [])].join('\n'), name.span, specIndex);
    }
    if (name.kind === 'signal') {
      const signal = tl.statements.find((s) => s.kind === 'signalDecl' && s.name === name.name);
      const unit = signal?.kind === 'signalDecl' && signal.unit !== undefined ? ` (${signal.unit})` : '';
      const about = signal ? 'A signal: a number at each moment, which formulas compare.' : 'Compared as a signal, but not declared in this file.';
      return markdown([`**signal ${name.name}**${unit}`, '', about].join('\n'), name.span);
    }
    const decl = tl.statements.find((s) => s.kind === 'propDecl' && s.name === name.name);
    const lines = [`**prop ${name.name}**`];
    if (decl?.kind === 'propDecl') lines.push('', decl.description ?? 'Declared without a description.');
    else lines.push('', 'Not declared in this file.');
    return markdown(lines.join('\n'), name.span);
  }
  const formula = statement.kind === 'propDecl' || statement.kind === 'signalDecl' ? undefined : statement.formula;
  if (!formula) return null;
  let operator: Formula | undefined;
  walk(formula, (node) => {
    if ('args' in node && ((node.opStart <= offset && offset <= node.opEnd) || (node.interval !== undefined && contains(node.interval, offset)))) operator = node;
  });
  if (operator?.kind === 'compare') {
    const info = comparisons.find((c) => c.op === (operator as { op: string }).op)!;
    const value = [`**${info.canonical.ascii}** — comparison`, '', info.doc, '', `Spellings: ${info.spellings.map((s) => `\`${s}\``).join(', ')}`, '', '---', formulaBlock(operator, tl)].join('\n');
    return markdown(value, { start: operator.opStart, end: operator.opEnd });
  }
  if (operator && 'args' in operator) {
    const info = operatorInfo[operator.kind as keyof typeof operatorInfo];
    const spellings = info.spellings.map((s) => `\`${s}\``).join(', ');
    const value = [
      `**${info.canonical.ascii}** — ${info.kind.replace('_', ' ')}`,
      '',
      info.doc,
      '',
      `Spellings: ${spellings}`,
      '',
      '---',
      formulaBlock(operator, tl),
    ].join('\n');
    return markdown(value, { start: operator.opStart, end: operator.opEnd });
  }
  return markdown([formulaBlock(formula, tl), ...related(tl, index)].join('\n'), statement);
}

/** How a spec relates to the file's other specs (relations.ts), as hover lines after a blank one. */
function related(tl: TlDocument, statementIndex: number): string[] {
  const r = relationsOf(tl, statementIndex);
  const lines = r ? relationLines(r) : [];
  return lines.length ? ['', ...lines] : [];
}
