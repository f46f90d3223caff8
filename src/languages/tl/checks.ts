// Semantic checks on a parsed .tl document. Each check has a code that users can switch off in
// Settings.disabledChecks; what a quick fix needs travels in diagnostic.data.
import { DiagnosticSeverity, DiagnosticTag, type Diagnostic } from 'vscode-languageserver-types';
import type { TextDocument } from 'vscode-languageserver-textdocument';
import { functions } from '../../../grammars/tl';
import { hasParens, type CompareNode, type Formula, type Span, type Term, type TlDocument } from './ast';
import { temporalBinaryLevel, binding } from './precedence';
import { syntaxCodes } from './parser';
import { toRange } from './positions';
import { isBareName } from './printer';

export const checkCodes = {
  intervalReversed: 'tl/interval-reversed',
  negativeBound: 'tl/negative-bound',
  undeclaredProp: 'tl/undeclared-prop',
  unusedDeclaration: 'tl/unused-declaration',
  duplicateSpec: 'tl/duplicate-spec',
  duplicateProp: 'tl/duplicate-prop',
  chainedTemporal: 'tl/chained-temporal',
  // Readings that changed when .tl came to read what Spot reads (issue #18); each has a quick fix
  // back to what the file may have meant before.
  gluedOperator: 'tl/glued-operator',
  gluedName: 'tl/glued-name',
  mixedXor: 'tl/mixed-xor',
  dottedName: 'tl/dotted-name',
  // Signals (STL).
  undeclaredSignal: 'tl/undeclared-signal',
  propAsSignal: 'tl/prop-as-signal',
  signalAsProp: 'tl/signal-as-prop',
  compareBoolean: 'tl/compare-boolean',
  unknownFunction: 'tl/unknown-function',
  duplicateSignal: 'tl/duplicate-signal',
} as const;

export { syntaxCodes };

/** data of tl/interval-reversed: the interval text with its bounds swapped. */
export interface SwapBoundsData {
  replacement: string;
}
/** data of tl/undeclared-prop and tl/undeclared-signal. */
export interface UndeclaredData {
  name: string;
}
/** data of tl/chained-temporal: the operand to put in parentheses (offsets). */
export interface ParenthesizeData {
  start: number;
  end: number;
}
/** data of tl/glued-operator, tl/glued-name and tl/dotted-name: what to write instead, and the fix's title. */
export interface RewriteData {
  start: number;
  end: number;
  replacement: string;
  title: string;
}

/**
 * The glued-letter rule before issue #18: a run of F, G, X, H, O, Y at the start of a word was split
 * off when an atom without capitals followed, and either the run had two letters or the atom was one
 * lowercase letter with digits (`Goal` was a name, `Ha` was `H a`). Kept to find files that meant it.
 */
export function legacyGluedRunLength(word: string): number {
  let i = 0;
  while (i < word.length && 'FGXHOY'.includes(word[i]!)) i++;
  if (i === 0 || i === word.length) return i;
  const rest = word.slice(i);
  if (!/^[a-z][a-z0-9_]*$/.test(rest)) return 0;
  return i >= 2 || /^[a-z][0-9]*$/.test(rest) ? i : 0;
}

function spaced(word: string, run: number): string {
  return [...word.slice(0, run), word.slice(run)].join(' ');
}

function isGluedLetterCode(c: number): boolean {
  return c === 70 || c === 71 || c === 88; // F G X
}

function isNameCode(c: number): boolean {
  return (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c === 95 || c === 46 || (c >= 48 && c <= 57);
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
  const signals = new Map<string, Span>();
  for (const s of tl.statements) {
    if (s.kind === 'signalDecl') {
      if ((signals.has(s.name) || props.has(s.name)) && on(checkCodes.duplicateSignal)) {
        const what = signals.has(s.name) ? 'a signal' : 'a proposition';
        out.push(diagnostic(doc, s.nameSpan, DiagnosticSeverity.Error, checkCodes.duplicateSignal, `\`${s.name}\` is already declared above, as ${what}.`));
      } else if (!signals.has(s.name) && !props.has(s.name)) signals.set(s.name, s.nameSpan);
      continue;
    }
    if (s.kind === 'propDecl' && signals.has(s.name) && on(checkCodes.duplicateSignal)) {
      out.push(diagnostic(doc, s.nameSpan, DiagnosticSeverity.Error, checkCodes.duplicateSignal, `\`${s.name}\` is already declared above, as a signal.`));
      continue;
    }
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
  const usedSignals = new Set<string>();
  const checkUndeclared = props.size > 0 && on(checkCodes.undeclaredProp);
  const checkUndeclaredSignals = (props.size > 0 || signals.size > 0) && on(checkCodes.undeclaredSignal);
  /** The terms of a comparison: each signal declared as one, no truth values, known functions. */
  const terms: Term[] = [];
  const checkComparison = (node: CompareNode): void => {
    terms.push(node.right, node.left);
    while (terms.length > 0) {
      const t = terms.pop()!;
      switch (t.kind) {
        case 'signal':
          usedSignals.add(t.name);
          if ((props.has(t.name) || specs.has(t.name)) && on(checkCodes.propAsSignal)) {
            const what = props.has(t.name) ? 'a proposition' : 'a spec';
            out.push(diagnostic(doc, t, DiagnosticSeverity.Error, checkCodes.propAsSignal, `\`${t.name}\` is ${what}, true or false at each moment: only signals and numbers can be compared. Declare a signal with \`signal name\`.`));
          } else if (!signals.has(t.name) && !props.has(t.name) && !specs.has(t.name) && checkUndeclaredSignals) {
            out.push(
              diagnostic(doc, t, DiagnosticSeverity.Warning, checkCodes.undeclaredSignal,
                `The signal \`${t.name}\` is compared but not declared. This file declares its names, so add \`signal ${t.name}\` (with its unit, as in \`signal ${t.name} "m/s"\`).`,
                { name: t.name } satisfies UndeclaredData),
            );
          }
          break;
        case 'bool':
          if (on(checkCodes.compareBoolean)) {
            out.push(diagnostic(doc, t, DiagnosticSeverity.Error, checkCodes.compareBoolean, `\`${t.value}\` is a truth value, not a number: only signals and numbers can be compared.`));
          }
          break;
        case 'call':
          if (!Object.prototype.hasOwnProperty.call(functions, t.fn) && on(checkCodes.unknownFunction)) {
            out.push(diagnostic(doc, t.fnSpan, DiagnosticSeverity.Error, checkCodes.unknownFunction, `There is no function \`${t.fn}\`: the functions are ${Object.keys(functions).map((f) => `\`${f}\``).join(', ')}.`));
          }
          terms.push(t.arg);
          break;
        case 'neg':
          terms.push(t.arg);
          break;
        case 'arith':
          terms.push(t.args[1], t.args[0]);
          break;
        case 'num':
          break;
      }
    }
  };
  const checkNegative = on(checkCodes.negativeBound);
  const checkReversed = on(checkCodes.intervalReversed);
  const checkChained = on(checkCodes.chainedTemporal);
  const checkMixedXor = on(checkCodes.mixedXor);
  const checkReadings = on(checkCodes.gluedOperator) || on(checkCodes.gluedName) || on(checkCodes.dottedName);
  const text = tl.text;
  /**
   * `a | b xor c | d` reads `a | (b xor c) | d`, as in Spot; NeSy Studio used to read `(a | b) xor (c | d)` (xor
   * looser than or). One warning per chain of `|` written without parentheses, at its outermost node (the walk
   * visits it first and marks the inner ones), and the fix writes the whole chain in the old grouping.
   */
  const readChains = new Set<Formula>();
  const mixedXor = (root: Formula): void => {
    if (root.kind !== 'or' || readChains.has(root)) return;
    const chained = (f: Formula, kind: 'or' | 'xor'): Formula[] => {
      if (f.kind !== kind || (f !== root && hasParens(f))) return [f];
      if (kind === 'or') readChains.add(f);
      return [...chained(f.args[0], kind), ...chained(f.args[1], kind)];
    };
    // The old reading's groups: the chain cut at each xor written inside it.
    const groups: { start: number; end: number; parts: number }[] = [{ start: root.start, end: root.end, parts: 0 }];
    for (const operand of chained(root, 'or')) {
      const xored = operand.kind === 'xor' && !hasParens(operand) ? chained(operand, 'xor') : [operand];
      xored.forEach((x, i) => {
        if (i > 0) groups.push({ start: x.outerStart, end: root.end, parts: 0 });
        const group = groups[groups.length - 1]!;
        group.parts++;
        if (i < xored.length - 1) group.end = x.outerEnd;
      });
    }
    if (groups.length === 1) return;
    let replacement = '';
    groups.forEach((g, i) => {
      const written = text.slice(g.start, g.end);
      if (i > 0) replacement += text.slice(groups[i - 1]!.end, g.start);
      replacement += g.parts > 1 ? `(${written})` : written;
    });
    out.push(
      diagnostic(doc, { start: root.start, end: root.end }, DiagnosticSeverity.Warning, checkCodes.mixedXor,
        '`xor` binds tighter than `|`, as in Spot; NeSy Studio used to bind it looser. Add parentheses to say which grouping is meant.',
        { start: root.start, end: root.end, replacement, title: `Group as before: \`${replacement}\`` } satisfies RewriteData),
    );
  };
  /** Names the lexer read differently before issue #18, which the file may have meant. */
  const readingChanges = (name: string, start: number, end: number): void => {
    if (text.charCodeAt(start) === 34 /* " */) return;
    // F, G or X glued before the name: Spot's operators, which the old rule may have read otherwise.
    let from = start;
    while (from > 0 && isGluedLetterCode(text.charCodeAt(from - 1))) from--;
    if (from > 0 && isNameCode(text.charCodeAt(from - 1))) return;
    const word = text.slice(from, end);
    if (from < start && on(checkCodes.gluedOperator)) {
      const legacy = legacyGluedRunLength(word);
      if (legacy !== start - from) {
        const now = spaced(word, start - from);
        const before = legacy === 0 ? `the proposition \`${word}\`` : `\`${spaced(word, legacy)}\``;
        const replacement = legacy === 0 ? `"${word}"` : spaced(word, legacy);
        out.push(
          diagnostic(doc, { start: from, end }, DiagnosticSeverity.Warning, checkCodes.gluedOperator,
            `\`${word}\` reads \`${now}\`, as in Spot: \`F\`, \`G\` and \`X\` before a name are operators. NeSy Studio used to read ${before}; write \`${replacement}\` for that.`,
            { start: from, end, replacement, title: `Write \`${replacement}\`` } satisfies RewriteData),
        );
      }
    } else if (from === start && !props.has(name) && !specs.has(name) && on(checkCodes.gluedName)) {
      const legacy = legacyGluedRunLength(name);
      if (legacy > 0) {
        const replacement = spaced(name, legacy);
        out.push(
          diagnostic(doc, { start, end }, DiagnosticSeverity.Warning, checkCodes.gluedName,
            `\`${name}\` is one proposition, as in Spot: only \`F\`, \`G\` and \`X\` before a name are operators. NeSy Studio used to read \`${replacement}\`; write that for the operators.`,
            { start, end, replacement, title: `Write \`${replacement}\`` } satisfies RewriteData),
        );
      }
    }
    if (name.endsWith('.') && on(checkCodes.dottedName)) {
      const replacement = name.replace(/\.+$/, '');
      if (replacement !== '') {
        // Without its dot `prop.` is the keyword `prop`, which would swallow the next line: no fix there.
        const fix: RewriteData | undefined = isBareName(replacement) ? { start, end, replacement, title: 'Remove the final `.`' } : undefined;
        out.push(
          diagnostic(doc, { start, end }, DiagnosticSeverity.Warning, checkCodes.dottedName,
            `\`${name}\` is one name: names may contain dots, as in Spot (\`P_0.b_c\`). If the \`.\` ends a sentence, remove it.`,
            fix),
        );
      }
    }
  };
  // One explicit stack for every formula, and no callback per node: this loop visits every node of the file.
  const pending: Formula[] = [];
  for (const s of tl.statements) {
    const root = s.kind === 'formula' || s.kind === 'specDecl' ? s.formula : undefined;
    if (root) pending.push(root);
    while (pending.length > 0) {
      const node = pending.pop()!;
      if (node.kind === 'prop') {
        used.add(node.name);
        if (checkReadings) readingChanges(node.name, node.start, node.end);
        if (signals.has(node.name)) {
          usedSignals.add(node.name);
          if (on(checkCodes.signalAsProp)) {
            out.push(diagnostic(doc, node, DiagnosticSeverity.Error, checkCodes.signalAsProp, `\`${node.name}\` is a signal, a number at each moment, not true or false: compare it, as in \`${node.name} > 0\`.`));
          }
        } else if (checkUndeclared && !props.has(node.name) && !specs.has(node.name)) {
          out.push(
            diagnostic(doc, node, DiagnosticSeverity.Warning, checkCodes.undeclaredProp,
              `The proposition \`${node.name}\` is used but not declared. This file declares its propositions, so add \`prop ${node.name}\`.`,
              { name: node.name } satisfies UndeclaredData),
          );
        }
        continue;
      }
      if (node.kind === 'compare') {
        checkComparison(node);
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
        if (checkMixedXor) mixedXor(node);
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
        pending.push(node.args[0]!);
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
    for (const [name, span] of signals) {
      if (!usedSignals.has(name)) {
        const d = diagnostic(doc, span, DiagnosticSeverity.Hint, checkCodes.unusedDeclaration, `The signal \`${name}\` is declared but never compared.`);
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
