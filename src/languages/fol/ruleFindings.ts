// Diagnostics from SAT reasoning over the rules and the hierarchies: unsatisfiable classes,
// contradicting rules and redundant rules, each explained by the hierarchy axioms behind it.
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic, type DiagnosticRelatedInformation } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import type { RuleDecl } from './ast';
import { FolCodes, type PredicateInfo } from './checks';
import { distinctClasses, jsonPlaceRange, type Hierarchy } from './hierarchy';
import { monadicBody, propVars, type PropRule } from './monadic';
import { reason } from './reasoning';
import { cachedFindings, reasoningKey } from './reasoningCache';

export interface ReasoningContext {
  document: TextDocument;
  rules: RuleDecl[];
  hierarchies: Hierarchy[];
  predicates: Map<string, PredicateInfo>;
  axioms: PropRule[];
  report(code: string, severity: DiagnosticSeverity, start: number, end: number, message: string, extra?: Partial<Diagnostic>): void;
}

export function reasoningDiagnostics({ document, rules, hierarchies, predicates, axioms, report }: ReasoningContext): void {
  const range = (start: number, end: number) => ({ start: document.positionAt(start), end: document.positionAt(end) });
  const monadic = rules.flatMap((r) => {
    const body = monadicBody(r);
    return body ? [{ rule: r, prop: { name: r.name.text, kind: 'user' as const, body, text: '' } }] : [];
  });
  if (!monadic.length) return;
  const classes = [...new Set(hierarchies.flatMap((h) => distinctClasses(h).map((n) => n.name)))];
  const parents = hierarchies.flatMap((h) => h.nodes.map((n): [string, string | undefined] => [n.name, n.parent?.name]));
  const parentsOf = new Map<string, string[]>();
  for (const [child, parent] of parents) {
    if (parent === undefined || parent === child) continue;
    const list = parentsOf.get(child);
    if (list) list.push(parent);
    else parentsOf.set(child, [parent]);
  }
  // A subclass of an unsatisfiable class is unsatisfiable too; the report on the topmost one says it all.
  const topmost = (unsat: Set<string>) => [...unsat].filter((c) => !(parentsOf.get(c) ?? []).some((p) => unsat.has(p)));
  const first = monadic[0].rule;
  const props = monadic.map((m) => m.prop);
  const text = document.getText();
  const texts = monadic.map((m) => text.slice(m.rule.start, m.rule.end));
  const findings = cachedFindings(reasoningKey(axioms, texts, classes, parents), () => reason(axioms, props, classes, topmost));
  if (findings.failed) {
    report(FolCodes.reasoningLimited, DiagnosticSeverity.Information, first.name.start, first.name.end, `Reasoning over the rules was skipped: the SAT solver failed (${findings.failed}). The other checks ran.`);
    return;
  }
  if (findings.limited) {
    const { used, budget } = findings.limited;
    report(
      FolCodes.reasoningLimited,
      DiagnosticSeverity.Information,
      first.name.start,
      first.name.end,
      `Reasoning was limited: checking ${monadic.length} rules against ${classes.length} classes needs more than the budget of ${budget} solver work units (${used} spent), ` +
        'so unsatisfiable classes, contradicting rules and redundant rules beyond the findings shown are not reported. Split the rules over smaller files to check them all.',
    );
  }
  const ruleByName = new Map(monadic.map((m) => [m.rule.name.text, m.rule]));
  const propByName = new Map(monadic.map((m) => [m.rule.name.text, m.prop.body]));
  /** The classes a finding is about, so an explanation names those siblings and not all of them. */
  const focusOf = (ruleNames: string[], cls?: string) => {
    const vars = new Set<string>(cls ? [cls] : []);
    for (const n of ruleNames) propVars(propByName.get(n)!, vars);
    return vars;
  };
  const related = (names: string[], self: string): DiagnosticRelatedInformation[] =>
    names.filter((n) => n !== self).map((n) => {
      const r = ruleByName.get(n)!;
      return { location: { uri: document.uri, range: range(r.name.start, r.name.end) }, message: `rule ${n}` };
    });
  const classPlace = (name: string): DiagnosticRelatedInformation[] =>
    (predicates.get(name)?.classNodes ?? []).slice(0, 1).map(({ hierarchy, node }) => ({
      location:
        node.place.kind === 'doc'
          ? { uri: document.uri, range: range(node.place.start, node.place.end) }
          : { uri: node.place.uri, range: jsonPlaceRange(hierarchy, node.place) },
      message: `class ${node.label} in hierarchy ${hierarchy.name}`,
    }));
  if (findings.contradiction) {
    const { rules: rs, axioms: as } = findings.contradiction;
    for (const n of rs) {
      const r = ruleByName.get(n)!;
      const others = rs.filter((o) => o !== n);
      const msg = others.length
        ? `Rule '${n}' contradicts ${others.map((o) => `'${o}'`).join(' and ')}: no individual can satisfy them together${explain(as, focusOf(rs))}.`
        : `Rule '${n}' can never hold: no individual satisfies it${explain(as, focusOf(rs))}.`;
      report(FolCodes.contradictingRules, DiagnosticSeverity.Error, r.name.start, r.formula.end, msg, { relatedInformation: related(rs, n) });
    }
  }
  for (const u of findings.unsatisfiable) {
    for (const n of u.rules) {
      const r = ruleByName.get(n)!;
      const others = u.rules.filter((o) => o !== n);
      const code = others.length ? FolCodes.contradictingRules : FolCodes.unsatisfiableClass;
      const msg = others.length
        ? `Rule '${n}' contradicts ${others.map((o) => `'${o}'`).join(' and ')}: together they make class '${u.className}' unsatisfiable${explain(u.axioms, focusOf(u.rules, u.className))}.`
        : `Rule '${n}' makes class '${u.className}' unsatisfiable: nothing can be a '${u.className}'${explain(u.axioms, focusOf(u.rules, u.className))}.`;
      report(code, DiagnosticSeverity.Error, r.name.start, r.formula.end, msg, { relatedInformation: [...related(u.rules, n), ...classPlace(u.className)], data: { className: u.className } });
    }
  }
  for (const red of findings.redundant) {
    const r = ruleByName.get(red.rule)!;
    const msg = red.tautology ? `Rule '${red.rule}' is always true and says nothing.` : `Rule '${red.rule}' is redundant: the hierarchy already implies it${explain(red.by, focusOf([red.rule]))}.`;
    report(FolCodes.redundantRule, DiagnosticSeverity.Hint, r.name.start, r.formula.end, msg, { tags: [DiagnosticTag.Unnecessary], data: { start: r.start, end: r.end } });
  }
}

function explain(axioms: PropRule[], focus: Set<string>): string {
  if (!axioms.length) return '';
  const words = axioms.slice(0, 4).map((a) => axiomInWords(a, focus));
  return ` (by the hierarchy: ${words.join('; ')}${axioms.length > 4 ? '; ...' : ''})`;
}

/** C/D/E axioms are all `class -> something`; say them the way a person would. */
function axiomInWords(a: PropRule, focus: Set<string>): string {
  if (a.body.kind !== 'implies' || a.body.left.kind !== 'var') return a.text;
  const cls = a.body.left.name;
  const names = [...propVars(a.body.right)];
  const list = (xs: string[], joiner: string) => (xs.length > 1 ? `${xs.slice(0, -1).join(', ')} ${joiner} ${xs.at(-1)}` : xs[0]);
  if (a.kind === 'C') return `every ${cls} is a ${names[0]}`;
  if (a.kind === 'D') return `every ${cls} is a ${list(names, 'or')}`;
  const relevant = names.filter((n) => focus.has(n));
  const shown = relevant.length ? relevant : names;
  return `${cls} and ${list(shown, 'and')} exclude each other`;
}
