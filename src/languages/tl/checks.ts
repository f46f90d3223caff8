// Semantic checks on a parsed .tl document. Each check has a code that users can switch off in
// Settings.disabledChecks; what a quick fix needs travels in diagnostic.data.
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { hasParens, type Formula, type Span, type TlDocument } from './ast';
import { temporalBinaryLevel, binding } from './precedence';
import { syntaxCodes } from './parser';
import { toRange } from './positions';

export const checkCodes = {
  intervalReversed: 'tl/interval-reversed',
  negativeBound: 'tl/negative-bound',
  undeclaredProp: 'tl/undeclared-prop',
  unusedDeclaration: 'tl/unused-declaration',
  duplicateSpec: 'tl/duplicate-spec',
  duplicateProp: 'tl/duplicate-prop',
  chainedTemporal: 'tl/chained-temporal',
} as const;

export { syntaxCodes };

/** data of tl/interval-reversed: the interval text with its bounds swapped. */
export interface SwapBoundsData {
  replacement: string;
}
/** data of tl/undeclared-prop. */
export interface UndeclaredData {
  name: string;
}
/** data of tl/chained-temporal: the operand to put in parentheses (offsets). */
export interface ParenthesizeData {
  start: number;
  end: number;
}

function diagnostic(doc: TextDocument, span: Span, severity: DiagnosticSeverity, code: string, message: string, data?: unknown): Diagnostic {
  const d: Diagnostic = { range: toRange(doc, span), severity, code, source: 'nesy', message };
  if (data !== undefined) d.data = data;
  return d;
}

// A lookup by kind in a table keyed by strings is slow in a loop over every node of a file; a Set
// of the few kinds at the temporal level is checked once per binary node.
const temporalBinaryKinds: ReadonlySet<string> = new Set(Object.entries(binding).filter(([, b]) => b.level === temporalBinaryLevel).map(([kind]) => kind));

function isTemporalBinary(f: Formula): boolean {
  return 'args' in f && f.args.length === 2 && temporalBinaryKinds.has(f.kind);
}

export function runChecks(doc: TextDocument, tl: TlDocument, disabled: ReadonlySet<string>): Diagnostic[] {
  const out: Diagnostic[] = [];
  const on = (code: string): boolean => !disabled.has(code);
  for (const p of tl.problems) {
    if (on(p.code)) out.push(diagnostic(doc, p, DiagnosticSeverity.Error, p.code, p.message));
  }

  const props = new Map<string, Span>();
  const specs = new Map<string, Span>();
  for (const s of tl.statements) {
    if (s.kind === 'propDecl') {
      if (props.has(s.name) && on(checkCodes.duplicateProp)) {
        out.push(diagnostic(doc, s.nameSpan, DiagnosticSeverity.Error, checkCodes.duplicateProp, `The proposition \`${s.name}\` is already declared above.`));
      } else if (!props.has(s.name)) props.set(s.name, s.nameSpan);
    } else if (s.kind === 'specDecl') {
      if (specs.has(s.name) && on(checkCodes.duplicateSpec)) {
        out.push(diagnostic(doc, s.nameSpan, DiagnosticSeverity.Error, checkCodes.duplicateSpec, `A spec named \`${s.name}\` is already defined above; give this one another name.`));
      } else if (!specs.has(s.name)) specs.set(s.name, s.nameSpan);
    }
  }
  for (const s of tl.statements) {
    // A name used in a formula must mean one thing: a spec and a proposition cannot share it.
    if (s.kind === 'specDecl' && props.has(s.name) && specs.get(s.name) === s.nameSpan && on(checkCodes.duplicateSpec)) {
      out.push(diagnostic(doc, s.nameSpan, DiagnosticSeverity.Error, checkCodes.duplicateSpec, `\`${s.name}\` is already declared as a proposition; give this spec another name.`));
    }
  }

  const used = new Set<string>();
  const checkUndeclared = props.size > 0 && on(checkCodes.undeclaredProp);
  const checkNegative = on(checkCodes.negativeBound);
  const checkReversed = on(checkCodes.intervalReversed);
  const checkChained = on(checkCodes.chainedTemporal);
  // One explicit stack for every formula, and no callback per node: this loop visits every node of the file.
  const pending: Formula[] = [];
  for (const s of tl.statements) {
    const root = s.kind === 'formula' || s.kind === 'specDecl' ? s.formula : undefined;
    if (root) pending.push(root);
    while (pending.length > 0) {
      const node = pending.pop()!;
      if (node.kind === 'prop') {
        used.add(node.name);
        if (checkUndeclared && !props.has(node.name) && !specs.has(node.name)) {
          out.push(
            diagnostic(doc, node, DiagnosticSeverity.Warning, checkCodes.undeclaredProp,
              `The proposition \`${node.name}\` is used but not declared. This file declares its propositions, so add \`prop ${node.name}\`.`,
              { name: node.name } satisfies UndeclaredData),
          );
        }
        continue;
      }
      if (!('args' in node)) continue;
      const iv = node.interval;
      if (iv) {
        if ((iv.lo < 0 || (iv.hi !== null && iv.hi < 0)) && checkNegative) {
          out.push(diagnostic(doc, iv, DiagnosticSeverity.Error, checkCodes.negativeBound, 'Interval bounds count time from now, so they cannot be negative.'));
        } else if (iv.hi !== null && iv.lo > iv.hi && checkReversed) {
          out.push(
            diagnostic(doc, iv, DiagnosticSeverity.Error, checkCodes.intervalReversed,
              `This interval is empty: its lower bound ${iv.lo} is greater than its upper bound ${iv.hi}. Did you mean to swap them?`,
              { replacement: swappedInterval(tl.text, iv.start, iv.end) } satisfies SwapBoundsData),
          );
        }
      }
      if (node.args.length === 2) {
        const right = node.args[1];
        if (checkChained && isTemporalBinary(node) && isTemporalBinary(right) && !hasParens(right)) {
          out.push(
            diagnostic(doc, { start: node.start, end: node.end }, DiagnosticSeverity.Warning, checkCodes.chainedTemporal,
              'Chained temporal operators group to the right (`a U b U c` means `a U (b U c)`). Add parentheses to make the grouping explicit.',
              { start: right.start, end: right.end } satisfies ParenthesizeData),
          );
        }
        // Pushed right first so that diagnostics come out in the order of a walk from the left.
        pending.push(right, node.args[0]);
      } else {
        pending.push(node.args[0]);
      }
    }
  }

  if (on(checkCodes.unusedDeclaration)) {
    for (const [name, span] of props) {
      if (!used.has(name)) {
        const d = diagnostic(doc, span, DiagnosticSeverity.Hint, checkCodes.unusedDeclaration, `The proposition \`${name}\` is declared but never used.`);
        d.tags = [DiagnosticTag.Unnecessary];
        out.push(d);
      }
    }
  }
  return out.sort((x, y) => x.range.start.line - y.range.start.line || x.range.start.character - y.range.start.character);
}

/** `[10,2]` becomes `[2,10]`, keeping the separator and spacing the user wrote. */
export function swappedInterval(text: string, start: number, end: number): string {
  const inner = text.slice(start + 1, end - 1);
  const m = /^(\s*)(.*?)(\s*[,:]\s*)(.*?)(\s*)$/s.exec(inner);
  if (!m) return text.slice(start, end);
  return `[${m[1]}${m[4]}${m[3]}${m[2]}${m[5]}]`;
}
