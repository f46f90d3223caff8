// Analysis of a .fol document: symbols, every occurrence of a name (for hover, references and
// rename), and the diagnostics. Check codes are exported so quick fixes and tests name them once.
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { Analysis, Host } from '../../core/language';
import type { Settings } from '../../core/settings';
import { parseFolFile, type Binding, type FolFile, type Formula, type HierarchyDecl, type Name, type RuleDecl, type Term } from './ast';
import { StructureCodes, fromInline, jsonPlaceRange, type HNode, type Hierarchy, type Place } from './hierarchy';
import { hierarchyFromJson } from './hierarchyJson';
import { readImport } from './imports';
import { hierarchyRules, type PropRule } from './monadic';
import { reasoningDiagnostics } from './ruleFindings';

export const FolCodes = {
  syntax: 'fol/syntax',
  undeclaredPredicate: 'fol/undeclared-predicate',
  undeclaredFunction: 'fol/undeclared-function',
  arityMismatch: 'fol/arity-mismatch',
  freeVariable: 'fol/free-variable',
  unusedVariable: 'fol/unused-variable',
  shadowedVariable: 'fol/shadowed-variable',
  duplicateName: 'fol/duplicate-name',
  unknownSort: 'fol/unknown-sort',
  sortMismatch: 'fol/sort-mismatch',
  importFailed: 'fol/import-failed',
  unsatisfiableClass: 'fol/unsatisfiable-class',
  contradictingRules: 'fol/contradicting-rules',
  redundantRule: 'fol/redundant-rule',
  reasoningLimited: 'fol/reasoning-limited',
  ...StructureCodes,
} as const;

export type SymbolKind = 'predicate' | 'class' | 'function' | 'constant' | 'sort' | 'rule' | 'variable' | 'hierarchy';

/** One written occurrence of a name; `key` identifies the symbol it refers to. */
export interface Occurrence {
  key: string;
  kind: SymbolKind;
  name: string;
  start: number;
  end: number;
  declaration: boolean;
}

export interface PredicateInfo {
  name: string;
  arity: number;
  sorts: (string | undefined)[];
  decl?: { start: number; end: number; parens: { start: number; end: number } };
  classNodes: { hierarchy: Hierarchy; node: HNode }[];
}

export interface FolAnalysis extends Analysis {
  file: FolFile;
  hierarchies: Hierarchy[];
  predicates: Map<string, PredicateInfo>;
  occurrences: Occurrence[];
  rules: RuleDecl[];
  /** C/D/E rules derived from every hierarchy, in order. */
  axioms: PropRule[];
}

export function analyzeFol(document: TextDocument, settings: Settings, host: Host): Promise<FolAnalysis> {
  return analyze(document, settings, host, true);
}

/** The analysis without the SAT reasoning over the rules: what prediction checking needs (the rules and hierarchies). */
export function analyzeFolRules(document: TextDocument, settings: Settings, host: Host): Promise<FolAnalysis> {
  return analyze(document, settings, host, false);
}

async function analyze(document: TextDocument, settings: Settings, host: Host, reasoning: boolean): Promise<FolAnalysis> {
  const text = document.getText();
  const file = parseFolFile(text);
  const diagnostics: Diagnostic[] = [];
  const range = (start: number, end: number) => ({ start: document.positionAt(start), end: document.positionAt(end) });
  const report = (code: string, severity: DiagnosticSeverity, start: number, end: number, message: string, extra: Partial<Diagnostic> = {}) => {
    if (settings.disabledChecks.includes(code)) return;
    diagnostics.push({ range: range(start, end), severity, code, source: 'nesy', message, ...extra });
  };
  for (const p of file.problems) report(FolCodes.syntax, DiagnosticSeverity.Error, p.start, p.end, p.message);

  const occurrences: Occurrence[] = [];
  const hierarchies: Hierarchy[] = [];
  const predicates = new Map<string, PredicateInfo>();
  const functions = new Map<string, { arity: number; sorts: (string | undefined)[]; result?: string }>();
  const constants = new Map<string, string | undefined>();
  const sorts = new Set<string>();
  const sortNames = new Set(file.statements.flatMap((s) => (s.kind === 'sort' ? s.names.map((n) => n.text) : [])));
  // `predicate Car(Object)`: a parameter written as a declared sort's name gives the sort alone.
  const paramSort = (b: Binding) => b.sort?.text ?? (sortNames.has(b.name.text) ? b.name.text : undefined);
  const rules: RuleDecl[] = [];
  const firstDecl = new Map<string, Name>();

  const declareName = (kindLabel: string, n: Name) => {
    const key = `${kindLabel === 'rule' ? 'rule' : 'symbol'}:${n.text}`;
    const prev = firstDecl.get(key);
    if (prev) {
      report(FolCodes.duplicateName, DiagnosticSeverity.Error, n.start, n.end, `'${n.text}' is already declared (line ${document.positionAt(prev.start).line + 1}).`, {
        relatedInformation: [{ location: { uri: document.uri, range: range(prev.start, prev.end) }, message: 'first declaration' }],
      });
      return false;
    }
    firstDecl.set(key, n);
    return true;
  };

  // Declarations first, so rules may use names declared further down.
  for (const s of file.statements) {
    switch (s.kind) {
      case 'sort':
        for (const n of s.names) {
          if (declareName('sort', n)) sorts.add(n.text);
          occurrences.push({ key: `sort:${n.text}`, kind: 'sort', name: n.text, start: n.start, end: n.end, declaration: true });
        }
        break;
      case 'predicate':
        if (declareName('predicate', s.name)) {
          predicates.set(s.name.text, { name: s.name.text, arity: s.params.length, sorts: s.params.map(paramSort), decl: { start: s.name.start, end: s.name.end, parens: s.parens }, classNodes: [] });
        }
        occurrences.push({ key: `pred:${s.name.text}`, kind: 'predicate', name: s.name.text, start: s.name.start, end: s.name.end, declaration: true });
        break;
      case 'function':
        if (declareName('function', s.name)) functions.set(s.name.text, { arity: s.params.length, sorts: s.params.map(paramSort), result: s.result?.text });
        occurrences.push({ key: `fn:${s.name.text}`, kind: 'function', name: s.name.text, start: s.name.start, end: s.name.end, declaration: true });
        break;
      case 'constant':
        for (const b of s.items) {
          if (declareName('constant', b.name)) constants.set(b.name.text, b.sort?.text);
          occurrences.push({ key: `const:${b.name.text}`, kind: 'constant', name: b.name.text, start: b.name.start, end: b.name.end, declaration: true });
        }
        break;
      case 'hierarchy': {
        if (!declareName('hierarchy', s.name)) break;
        const h = await loadHierarchy(s, document, host, report);
        if (h) hierarchies.push(h);
        break;
      }
      case 'rule':
        if (declareName('rule', s.name)) rules.push(s);
        occurrences.push({ key: `rule:${s.name.text}`, kind: 'rule', name: s.name.text, start: s.name.start, end: s.name.end, declaration: true });
        break;
    }
  }
  for (const s of file.statements) {
    for (const b of s.kind === 'predicate' || s.kind === 'function' ? s.params : s.kind === 'constant' ? s.items : []) checkSort(b.sort);
    if (s.kind === 'function') checkSort(s.result);
  }
  function checkSort(n: Name | undefined) {
    if (!n) return;
    occurrences.push({ key: `sort:${n.text}`, kind: 'sort', name: n.text, start: n.start, end: n.end, declaration: false });
    if (!sorts.has(n.text)) report(FolCodes.unknownSort, DiagnosticSeverity.Error, n.start, n.end, `Sort '${n.text}' is not declared; add 'sort ${n.text}'.`, { data: { name: n.text } });
  }

  for (const h of hierarchies) {
    occurrences.push({ key: `pred:${h.name}`, kind: 'hierarchy', name: h.name, start: h.decl.name.start, end: h.decl.name.end, declaration: true });
    for (const node of [h.root, ...h.nodes]) {
      const existing = predicates.get(node.name);
      if (existing) {
        if (!existing.classNodes.some((c) => c.node.name === node.name && c.hierarchy === h)) existing.classNodes.push({ hierarchy: h, node });
      } else {
        predicates.set(node.name, { name: node.name, arity: 1, sorts: [undefined], classNodes: [{ hierarchy: h, node }] });
      }
      if (node.place.kind === 'doc' && node !== h.root) occurrences.push({ key: `pred:${node.name}`, kind: 'class', name: node.name, start: node.place.start, end: node.place.end, declaration: true });
    }
    for (const p of h.problems) reportStructure(h, p.code, p.severity, p.message, p.place, p.data);
  }
  function reportStructure(h: Hierarchy, code: string, severity: 'error' | 'warning', message: string, place: Place, data: unknown) {
    const sev = severity === 'error' ? DiagnosticSeverity.Error : DiagnosticSeverity.Warning;
    if (place.kind === 'doc') return report(code, sev, place.start, place.end, message, data === undefined ? {} : { data });
    const at = h.decl.from ?? h.decl.name;
    report(code, sev, at.start, at.end, message, { relatedInformation: [{ location: { uri: place.uri, range: jsonPlaceRange(h, place) }, message: 'in the imported file' }] });
  }

  const declaresPredicates = file.statements.some((s) => s.kind === 'predicate') || hierarchies.length > 0;
  for (const rule of rules) checkRule(rule);

  function checkRule(rule: RuleDecl) {
    type Scope = Map<string, { binding: Binding; used: boolean }>;
    const walkTerm = (t: Term, scope: Scope, expectedSort: string | undefined): string | undefined => {
      if (t.args === undefined) {
        const bound = scope.get(t.name.text);
        if (bound) {
          bound.used = true;
          occurrences.push({ key: varKey(rule, bound.binding), kind: 'variable', name: t.name.text, start: t.name.start, end: t.name.end, declaration: false });
          return sortCheck(t, bound.binding.sort?.text, expectedSort);
        }
        if (constants.has(t.name.text)) {
          occurrences.push({ key: `const:${t.name.text}`, kind: 'constant', name: t.name.text, start: t.name.start, end: t.name.end, declaration: false });
          return sortCheck(t, constants.get(t.name.text), expectedSort);
        }
        report(FolCodes.freeVariable, DiagnosticSeverity.Error, t.name.start, t.name.end, `'${t.name.text}' is not bound by a quantifier in rule '${rule.name.text}' and is not a declared constant.`, {
          data: { name: t.name.text, formulaStart: rule.written?.start },
        });
        return undefined;
      }
      occurrences.push({ key: `fn:${t.name.text}`, kind: 'function', name: t.name.text, start: t.name.start, end: t.name.end, declaration: false });
      const fn = functions.get(t.name.text);
      if (!fn) {
        report(FolCodes.undeclaredFunction, DiagnosticSeverity.Error, t.name.start, t.name.end, `Function '${t.name.text}' is not declared.`);
      } else if (fn.arity !== t.args.length) {
        report(FolCodes.arityMismatch, DiagnosticSeverity.Error, t.name.start, t.end, `Function '${t.name.text}' takes ${fn.arity} argument${fn.arity === 1 ? '' : 's'}, but is given ${t.args.length}.`);
      }
      t.args.forEach((a, i) => walkTerm(a, scope, fn?.sorts[i]));
      return sortCheck(t, fn?.result, expectedSort);
    };
    const sortCheck = (t: Term, actual: string | undefined, expected: string | undefined) => {
      if (actual && expected && actual !== expected && sorts.has(actual) && sorts.has(expected)) {
        report(FolCodes.sortMismatch, DiagnosticSeverity.Error, t.start, t.end, `'${t.name.text}' has sort '${actual}', but sort '${expected}' is expected here.`);
      }
      return actual;
    };
    const walk = (f: Formula, scope: Scope) => {
      switch (f.kind) {
        case 'atom': {
          occurrences.push({ key: `pred:${f.pred.text}`, kind: predicates.get(f.pred.text)?.classNodes.length ? 'class' : 'predicate', name: f.pred.text, start: f.pred.start, end: f.pred.end, declaration: false });
          const p = predicates.get(f.pred.text);
          if (!p) {
            if (declaresPredicates) {
              // A sort, function or constant of that name already holds it: declaring the predicate would clash.
              const free = !firstDecl.has(`symbol:${f.pred.text}`);
              report(FolCodes.undeclaredPredicate, DiagnosticSeverity.Error, f.pred.start, f.pred.end, `Predicate '${f.pred.text}' is not declared and is not a class of any hierarchy.`, {
                data: free ? { name: f.pred.text, arity: f.args.length } : undefined,
              });
            }
          } else if (p.arity !== f.args.length) {
            const what = p.classNodes.length && !p.decl ? `Class '${p.name}' is a unary predicate` : `Predicate '${p.name}' is declared with ${p.arity} argument${p.arity === 1 ? '' : 's'}`;
            report(FolCodes.arityMismatch, DiagnosticSeverity.Error, f.pred.start, f.end, `${what}, but is given ${f.args.length} here.`, {
              data: p.decl ? { name: p.name, arity: f.args.length, parens: p.decl.parens } : undefined,
            });
          }
          f.args.forEach((a, i) => walkTerm(a, scope, p?.sorts[i]));
          break;
        }
        case 'eq': {
          const l = walkTerm(f.left, scope, undefined);
          walkTerm(f.right, scope, l);
          break;
        }
        case 'not':
          walk(f.arg, scope);
          break;
        case 'and':
        case 'or':
          f.args.forEach((a) => walk(a, scope));
          break;
        case 'implies':
        case 'iff':
          walk(f.left, scope);
          walk(f.right, scope);
          break;
        case 'quant': {
          const inner: Scope = new Map(scope);
          const mine: { binding: Binding; used: boolean }[] = [];
          for (const b of f.vars) {
            if (scope.has(b.name.text) || mine.some((m) => m.binding.name.text === b.name.text)) {
              report(FolCodes.shadowedVariable, DiagnosticSeverity.Warning, b.name.start, b.name.end, `'${b.name.text}' is already bound by an enclosing quantifier; this one hides it.`);
            }
            if (b.sort) checkSort(b.sort);
            const entry = { binding: b, used: false };
            mine.push(entry);
            inner.set(b.name.text, entry);
            occurrences.push({ key: varKey(rule, b), kind: 'variable', name: b.name.text, start: b.name.start, end: b.name.end, declaration: true });
          }
          walk(f.body, inner);
          for (const m of mine) {
            if (!m.used && f.body.kind !== 'missing') {
              report(FolCodes.unusedVariable, DiagnosticSeverity.Warning, m.binding.name.start, m.binding.name.end, `Variable '${m.binding.name.text}' is quantified but never used.`, {
                tags: [DiagnosticTag.Unnecessary],
                data: { quantStart: f.start, headerEnd: f.headerEnd, name: m.binding.name.text, vars: f.vars.map((v) => ({ start: v.start, end: v.end })) },
              });
            }
          }
          break;
        }
        default:
          break;
      }
    };
    walk(rule.formula, new Map());
  }

  const axioms = hierarchies.flatMap(hierarchyRules);
  if (reasoning) reasoningDiagnostics({ document, rules, hierarchies, predicates, axioms, report });

  diagnostics.sort((x, y) => x.range.start.line - y.range.start.line || x.range.start.character - y.range.start.character);
  return { document, diagnostics, file, hierarchies, predicates, occurrences, rules, axioms };
}

function varKey(rule: RuleDecl, b: Binding): string {
  return `var:${rule.name.text}:${b.name.start}`;
}

async function loadHierarchy(
  decl: HierarchyDecl,
  document: TextDocument,
  host: Host,
  report: (code: string, severity: DiagnosticSeverity, start: number, end: number, message: string) => void,
): Promise<Hierarchy | undefined> {
  if (!decl.from) return fromInline(decl);
  const read = await readImport(document.uri, decl.from.path, host);
  if (!read.ok) {
    report(FolCodes.importFailed, DiagnosticSeverity.Error, decl.from.start, decl.from.end, read.message);
    return undefined;
  }
  const loaded = hierarchyFromJson(decl, read.uri, decl.from.path, read.text);
  if (!loaded.ok) {
    report(FolCodes.importFailed, DiagnosticSeverity.Error, decl.from.start, decl.from.end, loaded.message);
    return undefined;
  }
  return loaded.hierarchy;
}
