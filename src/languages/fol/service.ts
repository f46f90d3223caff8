// The .fol language service: everything the server and CLI ask of a rule file goes through here.
import { CodeActionKind, CompletionItemKind, InsertTextFormat, SymbolKind, type CodeAction, type CompletionItem, type Diagnostic, type DocumentSymbol, type Hover, type Location, type Position, type Range, type TextEdit, type WorkspaceEdit } from 'vscode-languageserver-types';
import type { LanguageService, SemanticToken } from '../../core/language';
import type { Settings } from '../../core/settings';
import { spellings } from '../../../grammars/fol';
import type { ClassNode } from './ast';
import { analyzeFol, FolCodes, type FolAnalysis, type Occurrence } from './checks';
import { offsetRange, pathFromRoot, type HNode, type MoveData } from './hierarchy';
import { hierarchyRules } from './monadic';

const range = (a: FolAnalysis, start: number, end: number): Range => ({ start: a.document.positionAt(start), end: a.document.positionAt(end) });

function occurrenceAt(a: FolAnalysis, position: Position): Occurrence | undefined {
  const offset = a.document.offsetAt(position);
  return a.occurrences.find((o) => o.start <= offset && offset <= o.end);
}

function nodeLocation(a: FolAnalysis, n: HNode): Location {
  if (n.place.kind === 'doc') return { uri: a.document.uri, range: range(a, n.place.start, n.place.end) };
  const h = a.hierarchies.find((x) => x.source?.uri === (n.place as { uri: string }).uri);
  return { uri: n.place.uri, range: offsetRange(h?.source?.text ?? '', n.place.offset, n.place.length) };
}

export function hoverFol(a: FolAnalysis, position: Position): Hover | null {
  const offset = a.document.offsetAt(position);
  const imported = a.hierarchies.find((h) => h.source && h.decl.from && h.decl.from.start <= offset && offset <= h.decl.from.end);
  if (imported?.source && imported.decl.from) {
    const leaves = imported.nodes.filter((n) => n.children.length === 0).length;
    const depth = Math.max(0, ...imported.nodes.map((n) => n.depth));
    const top = imported.root.children.map((c) => c.label).join(', ');
    const value = `Hierarchy **${imported.name}** from \`${imported.source.path}\`: ${imported.nodes.length} classes, ${leaves} leaves, ${depth} level${depth === 1 ? '' : 's'} below the root.\n\nTop level: ${top}`;
    return { contents: { kind: 'markdown', value }, range: range(a, imported.decl.from.start, imported.decl.from.end) };
  }
  const o = occurrenceAt(a, position);
  if (!o) return null;
  const lines: string[] = [];
  if (o.kind === 'predicate' || o.kind === 'class' || o.kind === 'hierarchy') {
    const p = a.predicates.get(o.name);
    if (!p) return null;
    if (p.decl) {
      const decl = a.document.getText().slice(p.decl.start, p.decl.parens.end);
      lines.push('```fol\npredicate ' + decl.replace(/^predicate\s+/, '') + '\n```');
    } else {
      lines.push('```fol\npredicate ' + `${o.name}(x)` + '\n```');
    }
    for (const { hierarchy, node } of p.classNodes) {
      const path = pathFromRoot(node).map((n) => n.label).join(' › ');
      const siblings = (node.parent?.children ?? []).filter((s) => s.name !== node.name).map((s) => s.label);
      lines.push(`Class in hierarchy **${hierarchy.name}**: ${path}`);
      if (node.children.length) lines.push(`Subclasses: ${node.children.map((c) => c.label).join(', ')}`);
      if (siblings.length) lines.push(`Siblings (mutually exclusive): ${siblings.join(', ')}`);
    }
    const mentioning = a.rules.filter((r) => a.occurrences.some((x) => x.key === o.key && !x.declaration && x.start >= r.start && x.end <= r.end)).map((r) => r.name.text);
    lines.push(mentioning.length ? `Rules that mention it: ${mentioning.join(', ')}` : 'No rule mentions it.');
  } else if (o.kind === 'rule') {
    const r = a.rules.find((x) => x.name.text === o.name);
    if (r) lines.push('```fol\n' + a.document.getText().slice(r.start, r.end) + '\n```');
  } else if (o.kind === 'variable') {
    lines.push(`Variable \`${o.name}\`, bound by a quantifier.`);
  } else {
    lines.push(`${o.kind} \`${o.name}\``);
  }
  return { contents: { kind: 'markdown', value: lines.join('\n\n') }, range: range(a, o.start, o.end) };
}

export function definitionFol(a: FolAnalysis, position: Position): Location[] {
  const offset = a.document.offsetAt(position);
  const imported = a.hierarchies.find((h) => h.source && h.decl.from && h.decl.from.start <= offset && offset <= h.decl.from.end);
  if (imported?.source) return [{ uri: imported.source.uri, range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } } }];
  const o = occurrenceAt(a, position);
  if (!o) return [];
  const p = o.key.startsWith('pred:') ? a.predicates.get(o.name) : undefined;
  if (p) {
    const locs: Location[] = [];
    if (p.decl) locs.push({ uri: a.document.uri, range: range(a, p.decl.start, p.decl.end) });
    for (const { node, hierarchy } of p.classNodes) locs.push(node === hierarchy.root ? { uri: a.document.uri, range: range(a, hierarchy.decl.name.start, hierarchy.decl.name.end) } : nodeLocation(a, node));
    return locs;
  }
  return a.occurrences.filter((x) => x.key === o.key && x.declaration).map((x) => ({ uri: a.document.uri, range: range(a, x.start, x.end) }));
}

export function referencesFol(a: FolAnalysis, position: Position, includeDeclaration: boolean): Location[] {
  const o = occurrenceAt(a, position);
  if (!o) return [];
  return a.occurrences.filter((x) => x.key === o.key && (includeDeclaration || !x.declaration)).map((x) => ({ uri: a.document.uri, range: range(a, x.start, x.end) }));
}

function renameTarget(a: FolAnalysis, position: Position): Occurrence | undefined {
  const o = occurrenceAt(a, position);
  if (!o) return undefined;
  // A class from an imported JSON file is named there; renaming it here alone would break the link.
  const p = o.key.startsWith('pred:') ? a.predicates.get(o.name) : undefined;
  if (p?.classNodes.some((c) => c.node.place.kind === 'json')) return undefined;
  return o;
}

export function prepareRenameFol(a: FolAnalysis, position: Position): Range | null {
  const o = renameTarget(a, position);
  return o ? range(a, o.start, o.end) : null;
}

export function renameFol(a: FolAnalysis, position: Position, newName: string): WorkspaceEdit | null {
  const o = renameTarget(a, position);
  if (!o || !/^[A-Za-z_][A-Za-z0-9_']*$/.test(newName)) return null;
  const edits: TextEdit[] = a.occurrences.filter((x) => x.key === o.key).map((x) => ({ range: range(a, x.start, x.end), newText: newName }));
  return { changes: { [a.document.uri]: edits } };
}

export function documentSymbolsFol(a: FolAnalysis): DocumentSymbol[] {
  const out: DocumentSymbol[] = [];
  const classSymbol = (c: ClassNode): DocumentSymbol => ({
    name: c.name.text,
    kind: c.children ? SymbolKind.Namespace : SymbolKind.Class,
    range: range(a, c.start, c.end),
    selectionRange: range(a, c.name.start, c.name.end),
    children: (c.children ?? []).map(classSymbol),
  });
  const jsonSymbol = (n: HNode, at: Range): DocumentSymbol => ({ name: n.label, kind: n.children.length ? SymbolKind.Namespace : SymbolKind.Class, range: at, selectionRange: at, children: n.children.map((c) => jsonSymbol(c, at)) });
  for (const s of a.file.statements) {
    const r = range(a, s.start, s.end);
    if (s.kind === 'hierarchy') {
      const h = a.hierarchies.find((x) => x.decl === s);
      const sel = range(a, s.name.start, s.name.end);
      const children = s.classes ? s.classes.map(classSymbol) : (h?.root.children ?? []).map((c) => jsonSymbol(c, r));
      out.push({ name: s.name.text, detail: s.from ? `from ${s.from.path}` : 'hierarchy', kind: SymbolKind.Module, range: r, selectionRange: sel, children });
    } else if (s.kind === 'rule') {
      out.push({ name: s.name.text, detail: a.document.getText().slice(s.formula.start, s.formula.end), kind: SymbolKind.Property, range: r, selectionRange: range(a, s.name.start, s.name.end) });
    } else if (s.kind === 'predicate' || s.kind === 'function') {
      out.push({ name: s.name.text, detail: `${s.params.length}-ary`, kind: s.kind === 'predicate' ? SymbolKind.Function : SymbolKind.Method, range: r, selectionRange: range(a, s.name.start, s.name.end) });
    } else if (s.kind === 'sort') {
      for (const n of s.names) out.push({ name: n.text, kind: SymbolKind.TypeParameter, range: r, selectionRange: range(a, n.start, n.end) });
    } else {
      for (const b of s.items) out.push({ name: b.name.text, kind: SymbolKind.Constant, range: r, selectionRange: range(a, b.name.start, b.name.end) });
    }
  }
  return out;
}

/** The C/D/E rules of one hierarchy as explicit rule text, inserted after its declaration. */
export function generateRulesEdit(a: FolAnalysis, hierarchyName: string): WorkspaceEdit | null {
  const h = a.hierarchies.find((x) => x.name === hierarchyName);
  if (!h) return null;
  const taken = new Set(a.rules.map((r) => r.name.text));
  const lines = hierarchyRules(h).filter((r) => !taken.has(`${h.name}_${r.name}`)).map((r) => `rule ${h.name}_${r.name}: ${r.text}`);
  if (!lines.length) return null;
  const at = a.document.positionAt(h.decl.end);
  const text = `\n\n// ${h.name}: C-rules (class implies parent), D-rules (group implies a child), E-rules (siblings exclude each other)\n${lines.join('\n')}`;
  return { changes: { [a.document.uri]: [{ range: { start: at, end: at }, newText: text }] } };
}

export function codeActionsFol(a: FolAnalysis, r: Range, diagnostics: Diagnostic[]): CodeAction[] {
  const out: CodeAction[] = [];
  const uri = a.document.uri;
  const text = a.document.getText();
  const edit = (edits: TextEdit[]): WorkspaceEdit => ({ changes: { [uri]: edits } });
  for (const d of diagnostics) {
    const data = d.data as Record<string, unknown> | undefined;
    if (d.code === FolCodes.undeclaredPredicate && data) {
      const params = Array.from({ length: Number(data.arity) }, (_, i) => ['x', 'y', 'z', 'w'][i] ?? `x${i + 1}`).join(', ');
      // Right before the first rule; where a syntax error comes first, the parser's recovery decides where that rule
      // starts (after a bare "rule" line the declaration would become its body), so before the first statement read
      // whole ahead of every error, or at the very start.
      const firstError = Math.min(...a.file.problems.map((p) => p.start));
      const firstRule = a.file.statements.find((s) => s.kind === 'rule');
      const firstRead = a.file.statements.find((s) => s.end <= firstError);
      const offset = firstRule && firstRule.end <= firstError ? firstRule.start : a.file.problems.length > 0 ? (firstRead?.start ?? 0) : text.length;
      const at = a.document.positionAt(offset);
      out.push({ title: `Declare predicate ${data.name}(${params})`, kind: CodeActionKind.QuickFix, diagnostics: [d], isPreferred: true, edit: edit([{ range: { start: at, end: at }, newText: `predicate ${data.name}(${params})\n` }]) });
    } else if (d.code === FolCodes.arityMismatch && data?.parens) {
      const parens = data.parens as { start: number; end: number };
      // Keep the parameters that are names (with their sort); a malformed one is replaced, or the fix would keep
      // the text that makes the declaration's arity wrong.
      const old = text.slice(parens.start + 1, parens.end - 1).split(',').map((s) => s.trim()).filter((p) => /^[A-Za-z_]\w*(\s*:\s*[A-Za-z_]\w*)?$/.test(p));
      const n = Number(data.arity);
      const fresh = ['x', 'y', 'z', 'w', ...Array.from({ length: n }, (_, i) => `x${i + 1}`)].filter((v) => !old.some((p) => p.split(':')[0]!.trim() === v));
      const params = [...old.slice(0, n), ...fresh.slice(0, Math.max(0, n - old.length))].join(', ');
      out.push({ title: `Change the declaration of ${data.name} to take ${n} argument${n === 1 ? '' : 's'}`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: edit([{ range: range(a, parens.start, parens.end), newText: `(${params})` }]) });
    } else if (d.code === FolCodes.freeVariable && data?.formulaStart !== undefined) {
      const at = a.document.positionAt(Number(data.formulaStart));
      out.push({ title: `Quantify '${data.name}' with forall`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: edit([{ range: { start: at, end: at }, newText: `forall ${data.name}. ` }]) });
    } else if (d.code === FolCodes.unusedVariable && data) {
      const vars = data.vars as { start: number; end: number }[];
      const idx = vars.findIndex((v) => text.slice(v.start, v.end).split(':')[0].trim() === data.name);
      const cut =
        vars.length === 1
          ? { start: Number(data.quantStart), end: skipSpace(text, Number(data.headerEnd)) }
          : idx < vars.length - 1
            ? { start: vars[idx].start, end: vars[idx + 1].start }
            : { start: vars[idx - 1].end, end: vars[idx].end };
      out.push({ title: `Remove unused variable '${data.name}'`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: edit([{ range: range(a, cut.start, cut.end), newText: '' }]) });
    } else if (d.code === FolCodes.redundantRule && data) {
      out.push({ title: 'Remove the redundant rule', kind: CodeActionKind.QuickFix, diagnostics: [d], edit: edit([{ range: range(a, Number(data.start), skipLine(text, Number(data.end))), newText: '' }]) });
    } else if ((d.code === FolCodes.twoParents || d.code === FolCodes.duplicateClass) && data && 'first' in data) {
      out.push(...moveActions(a, d, data as unknown as MoveData));
    } else if (d.code === FolCodes.unknownSort && data) {
      out.push({ title: `Declare sort ${data.name}`, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: edit([{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, newText: `sort ${data.name}\n` }]) });
    }
  }
  const offset = a.document.offsetAt(r.start);
  for (const h of a.hierarchies) {
    if (offset < h.decl.start || offset > h.decl.end) continue;
    const e = generateRulesEdit(a, h.name);
    if (e) out.push({ title: `Generate C/D/E rules for hierarchy ${h.name}`, kind: CodeActionKind.RefactorRewrite, edit: e });
  }
  return out;
}

/**
 * A class written twice: keep one occurrence and delete the other. Only an occurrence without
 * subclasses is ever deleted, so no text the user wrote below it is lost.
 */
function moveActions(a: FolAnalysis, d: Diagnostic, m: MoveData): CodeAction[] {
  const text = a.document.getText();
  const out: CodeAction[] = [];
  // A syntax error among the occurrences leaves their parents to the parser's recovery, which a deletion can change:
  // the class could land under another parent again, so no move is offered until the hierarchy parses.
  const places = [...m.first.all, ...m.second.all, m.first, m.second];
  const [from, to] = [Math.min(...places.map((p) => p.start)), Math.max(...places.map((p) => p.end))];
  const broken = a.diagnostics.some((x) => x.code === FolCodes.syntax && a.document.offsetAt(x.range.end) >= from && a.document.offsetAt(x.range.start) <= to);
  if (broken) return out;
  const options: [typeof m.first, typeof m.second][] = [
    [m.second, m.first],
    [m.first, m.second],
  ];
  for (const [keep, drop] of options) {
    const same = keep.parent === drop.parent;
    // A class listed twice under the parent it leaves would still be under both parents after one deletion.
    const dropped = same ? [drop] : drop.all;
    if (dropped.some((o) => text.slice(o.start, o.end).includes('{'))) continue;
    const cuts: { start: number; end: number }[] = [];
    for (const o of dropped) {
      let end = o.end;
      let start = o.start;
      const after = /^[ \t]*,[ \t]*/.exec(text.slice(end));
      if (after) end += after[0].length;
      else start -= /,?[ \t]*$/.exec(text.slice(0, start))![0].length;
      // Neighbours in one list claim the comma between them from both sides; one edit must cover both.
      const last = cuts.at(-1);
      if (last && start <= last.end) last.end = Math.max(last.end, end);
      else cuts.push({ start, end });
    }
    const title = same ? `Remove the duplicate '${m.name}'` : `Move '${m.name}' under '${keep.parent}' only (remove it from '${drop.parent}')`;
    out.push({ title, kind: CodeActionKind.QuickFix, diagnostics: [d], edit: { changes: { [a.document.uri]: cuts.map((c) => ({ range: range(a, c.start, c.end), newText: '' })) } } });
    if (same) break;
  }
  return out;
}

function skipSpace(text: string, at: number): number {
  while (at < text.length && (text[at] === ' ' || text[at] === '\t')) at++;
  return at;
}

function skipLine(text: string, at: number): number {
  const nl = text.indexOf('\n', at);
  return nl < 0 ? text.length : nl + 1;
}

function semanticTokensFol(a: FolAnalysis): SemanticToken[] {
  const kindType = { predicate: 'function', class: 'class', function: 'function', constant: 'enumMember', sort: 'type', rule: 'property', variable: 'variable', hierarchy: 'class' } as const;
  return a.occurrences
    .map((o) => {
      const p = a.document.positionAt(o.start);
      return { line: p.line, character: p.character, length: o.end - o.start, type: kindType[o.kind], modifiers: o.declaration ? (['declaration'] as const).slice() : undefined };
    })
    .sort((x, y) => x.line - y.line || x.character - y.character);
}

/**
 * Formatting rewrites connectives and quantifiers in the configured operator style and touches
 * nothing else, so comments, layout and names stay exactly as written.
 */
export function formatFol(a: FolAnalysis, settings: Settings): TextEdit[] {
  const text = a.document.getText();
  const target: Record<string, string> = spellings[settings.operatorStyle];
  const wordChar = (c: string | undefined) => !!c && /[A-Za-z0-9_']/.test(c);
  // A word needs space where a symbol did not: `¬a(x)∧b(x)` becomes `not a(x) and b(x)`.
  const gap = (c: string | undefined, open: string) => c !== undefined && !/\s/.test(c) && c !== open;
  const edits: TextEdit[] = [];
  for (const t of a.file.tokens) {
    const want = target[t.tokenType.name];
    if (want === undefined || want === t.image) continue;
    const start = t.startOffset;
    const end = start + t.image.length;
    const isWord = wordChar(want[0]);
    const before = isWord && gap(text[start - 1], '(') ? ' ' : '';
    const after = isWord && gap(text[end], ')') ? ' ' : '';
    edits.push({ range: range(a, start, end), newText: before + want + after });
  }
  return edits;
}

const keywords = ['sort', 'predicate', 'function', 'constant', 'hierarchy', 'from', 'levelled', 'rule', 'forall', 'exists', 'not', 'and', 'or', 'implies', 'iff', 'true', 'false'];

/** Predicates and classes (with their place in the hierarchy), variables bound in the rule, and keywords. */
export function completionFol(a: FolAnalysis, position: Position): CompletionItem[] {
  const offset = a.document.offsetAt(position);
  // Prose in comments ends sentences with the `.` that triggers completion; offer nothing there.
  if (a.file.comments.some((c) => c.start < offset && offset <= c.end)) return [];
  const items: CompletionItem[] = [];
  for (const p of a.predicates.values()) {
    const params = Array.from({ length: p.arity }, (_, i) => `\${${i + 1}:${['x', 'y', 'z', 'w'][i] ?? `x${i + 1}`}}`).join(', ');
    const where = p.classNodes[0] ? pathFromRoot(p.classNodes[0].node).map((n) => n.label).join(' › ') : `${p.arity}-ary predicate`;
    items.push({ label: p.name, kind: p.classNodes.length ? CompletionItemKind.Class : CompletionItemKind.Function, detail: where, insertText: `${p.name}(${params})`, insertTextFormat: InsertTextFormat.Snippet });
  }
  const rule = a.rules.find((r) => r.start <= offset && offset <= r.end + 1);
  const vars = new Set(a.occurrences.filter((o) => o.kind === 'variable' && o.declaration && rule && o.start >= rule.start && o.end <= rule.end).map((o) => o.name));
  for (const v of vars) items.push({ label: v, kind: CompletionItemKind.Variable });
  for (const k of keywords) items.push({ label: k, kind: CompletionItemKind.Keyword });
  return items;
}

export const folLanguage: LanguageService<FolAnalysis> = {
  id: 'fol',
  extensions: ['.fol'],
  analyze: analyzeFol,
  hover: hoverFol,
  completion: completionFol,
  // `.` opens a quantifier's body and `(` an argument list or a sub-formula: predicates and bound variables come next.
  completionTriggerCharacters: ['(', '.'],
  format: (a, _options, settings) => formatFol(a, settings),
  definition: definitionFol,
  references: referencesFol,
  prepareRename: prepareRenameFol,
  rename: renameFol,
  documentSymbols: documentSymbolsFol,
  codeActions: codeActionsFol,
  semanticTokens: semanticTokensFol,
  foldingRanges: (a) =>
    a.file.statements
      .filter((s) => s.kind === 'hierarchy' && s.block)
      .map((s) => ({ startLine: a.document.positionAt(s.start).line, endLine: a.document.positionAt(s.end).line }))
      .filter((f) => f.endLine > f.startLine),
};
