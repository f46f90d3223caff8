// Hover: for an operator, its documentation and other spellings; for a name, its declaration; and
// always the formula fully parenthesised with its English reading.
import { MarkupKind, type Hover, type Position } from 'vscode-languageserver-types';
import { operatorInfo } from '../../../grammars/tl';
import { walk, type Formula, type TlDocument } from './ast';
import { explain } from './explain';
import { occurrenceAt } from './navigation';
import { contains, toRange } from './positions';
import { printFormula } from './printer';
import type { TlAnalysis } from './service';

function descriptionsOf(tl: TlDocument): Map<string, string> {
  const out = new Map<string, string>();
  for (const s of tl.statements) if (s.kind === 'propDecl' && s.description) out.set(s.name, s.description);
  return out;
}

function formulaBlock(f: Formula, tl: TlDocument): string {
  return ['```tl', printFormula(f, 'ascii', { parens: 'full' }), '```', '', explain(f, descriptionsOf(tl))].join('\n');
}

export function hover(a: TlAnalysis, position: Position): Hover | null {
  const tl = a.tl;
  const offset = a.document.offsetAt(position);
  const statement = tl.statements.find((s) => contains(s, offset));
  if (!statement || statement.kind === 'broken') return null;
  const name = occurrenceAt(tl, offset);
  const markdown = (value: string, span: { start: number; end: number }): Hover => ({
    contents: { kind: MarkupKind.Markdown, value },
    range: toRange(a.document, span),
  });
  if (name) {
    if (name.kind === 'spec') {
      const spec = tl.statements.find((s) => s.kind === 'specDecl' && s.name === name.name);
      const f = spec?.kind === 'specDecl' ? spec.formula : undefined;
      return markdown([`**spec ${name.name}**`, '', ...(f ? [formulaBlock(f, tl)] : [])].join('\n'), name.span);
    }
    const decl = tl.statements.find((s) => s.kind === 'propDecl' && s.name === name.name);
    const lines = [`**prop ${name.name}**`];
    if (decl?.kind === 'propDecl') lines.push('', decl.description ?? 'Declared without a description.');
    else lines.push('', 'Not declared in this file.');
    return markdown(lines.join('\n'), name.span);
  }
  const formula = statement.kind === 'propDecl' ? undefined : statement.formula;
  if (!formula) return null;
  let operator: Formula | undefined;
  walk(formula, (node) => {
    if ('op' in node && (contains(node.op, offset) || (node.interval !== undefined && contains(node.interval, offset)))) operator = node;
  });
  if (operator && 'op' in operator) {
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
    return markdown(value, operator.op);
  }
  return markdown(formulaBlock(formula, tl), statement);
}
