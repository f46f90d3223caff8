// Completion: every operator spelling, keywords, declared propositions and spec names.
import { CompletionItemKind, InsertTextFormat, MarkupKind, type CompletionItem, type Position } from 'vscode-languageserver-types';
import { comparisons, functions, keywordDocs, operators } from '../../../grammars/tl';
import type { TlAnalysis } from './service';
import { firstIndex } from '../../core/sorted';

const intervalKinds = new Set(['finally', 'globally', 'historically', 'once', 'until', 'release', 'weak_until', 'strong_release', 'since']);

const operatorItems: CompletionItem[] = operators.flatMap((o) => {
  const doc = { kind: MarkupKind.Markdown, value: `${o.doc}\n\nSpellings: ${o.spellings.map((s) => `\`${s}\``).join(', ')}` };
  const detail = o.kind.replace('_', ' ');
  const items: CompletionItem[] = o.spellings.map((s) => ({ label: s, kind: CompletionItemKind.Operator, detail, documentation: doc }));
  if (intervalKinds.has(o.kind)) {
    for (const s of [o.canonical.ascii, o.canonical.words]) {
      items.push({
        label: `${s}[a,b]`,
        kind: CompletionItemKind.Snippet,
        detail: `${detail} within an interval`,
        documentation: doc,
        insertText: `${s}[\${1:0},\${2:10}] `,
        insertTextFormat: InsertTextFormat.Snippet,
      });
    }
  }
  return items;
});

const comparisonItems: CompletionItem[] = [
  ...comparisons.flatMap((c) =>
    c.spellings.map((s) => ({ label: s, kind: CompletionItemKind.Operator, detail: 'comparison', documentation: { kind: MarkupKind.Markdown, value: c.doc } })),
  ),
  ...Object.entries(functions).map(([name, f]) => ({
    label: `${name}(…)`,
    kind: CompletionItemKind.Function,
    detail: 'function of a signal',
    documentation: { kind: MarkupKind.Markdown, value: f.doc },
    insertText: `${name}(\${1:x})`,
    insertTextFormat: InsertTextFormat.Snippet,
  })),
];

const keywordItems: CompletionItem[] = [
  ...Object.entries(keywordDocs).map(([k, doc]) => ({ label: k, kind: CompletionItemKind.Keyword, documentation: doc })),
  {
    label: 'prop declaration',
    kind: CompletionItemKind.Snippet,
    insertText: 'prop ${1:name} "${2:description}"',
    insertTextFormat: InsertTextFormat.Snippet,
    documentation: keywordDocs.prop,
  },
  {
    label: 'signal declaration',
    kind: CompletionItemKind.Snippet,
    insertText: 'signal ${1:name} "${2:unit}"',
    insertTextFormat: InsertTextFormat.Snippet,
    documentation: keywordDocs.signal,
  },
  {
    label: 'spec definition',
    kind: CompletionItemKind.Snippet,
    insertText: 'spec ${1:name} := ${2:formula}',
    insertTextFormat: InsertTextFormat.Snippet,
    documentation: keywordDocs.spec,
  },
];

/** No completion inside comments and quoted text, or where a new name is being typed. */
function quietAt(a: TlAnalysis, offset: number): boolean {
  if (insideComment(a.tl.comments, offset)) return true;
  const line = a.document.getText({ start: a.document.positionAt(offset - Math.min(offset, 200)), end: a.document.positionAt(offset) }).split(/\r?\n/).pop()!;
  if (/^\s*(prop|spec|signal)\s+[A-Za-z0-9_.]*$/.test(line)) return true;
  return (line.match(/"/g)?.length ?? 0) % 2 === 1;
}

/** Comments come in document order, so the one that could hold the offset is found by bisection. */
function insideComment(comments: readonly { start: number; end: number }[], offset: number): boolean {
  const before = comments[firstIndex(comments, (c) => c.start >= offset) - 1];
  return before !== undefined && offset <= before.end;
}

/** Completion is asked for at every keystroke; the file's names change only with a new analysis. */
const namesOf = new WeakMap<TlAnalysis, CompletionItem[]>();

function declaredNames(a: TlAnalysis): CompletionItem[] {
  let names = namesOf.get(a);
  if (!names) {
    names = [];
    for (const s of a.tl.statements) {
      if (s.kind === 'propDecl') names.push({ label: s.name, kind: CompletionItemKind.Variable, detail: s.description ?? 'proposition' });
      if (s.kind === 'signalDecl') names.push({ label: s.name, kind: CompletionItemKind.Field, detail: s.unit === undefined ? 'signal' : `signal (${s.unit})` });
      if (s.kind === 'specDecl') names.push({ label: s.name, kind: CompletionItemKind.Function, detail: 'spec' });
    }
    namesOf.set(a, names);
  }
  return names;
}

export function completion(a: TlAnalysis, position: Position): CompletionItem[] {
  if (quietAt(a, a.document.offsetAt(position))) return [];
  return [...declaredNames(a), ...keywordItems, ...operatorItems, ...comparisonItems];
}
