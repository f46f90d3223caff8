// Signals and arithmetic (STL): comparisons of signals with numbers or with each other, `signal`
// declarations with units, and every editor feature on them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, MarkupContent } from 'vscode-languageserver-types';
import { defaultSettings } from '../../src/core/settings';
import { explain, fromJson, parseDocument, parseFormula, printFormula, toJson, type Formula, type FormulaJson, type PrintStyle } from '../../src/languages/tl/api';
import type { TermJson } from '../../src/languages/tl/ast';
import { checkCodes } from '../../src/languages/tl/checks';
import { analyzeTl, tlLanguage, type TlAnalysis } from '../../src/languages/tl/service';

function parse(text: string): Formula {
  const r = parseFormula(text);
  if (!r.ok) assert.fail(`${text}: ${r.problems.map((p) => p.message).join('; ')}`);
  return r.formula;
}

const sig = (name: string): TermJson => ({ kind: 'signal', name });
const num = (value: number): TermJson => ({ kind: 'num', value });

test('comparisons of signals with numbers and with each other, with arithmetic', () => {
  const table: [string, FormulaJson][] = [
    ['x < 3', { kind: 'compare', op: '<', left: sig('x'), right: num(3) }],
    ['speed >= limit', { kind: 'compare', op: '>=', left: sig('speed'), right: sig('limit') }],
    ['x - y > 0.5', { kind: 'compare', op: '>', left: { kind: 'arith', op: '-', args: [sig('x'), sig('y')] }, right: num(0.5) }],
    ['abs(x) <= 2', { kind: 'compare', op: '<=', left: { kind: 'call', fn: 'abs', arg: sig('x') }, right: num(2) }],
    [
      '2 * x + y < 1',
      { kind: 'compare', op: '<', left: { kind: 'arith', op: '+', args: [{ kind: 'arith', op: '*', args: [num(2), sig('x')] }, sig('y')] }, right: num(1) },
    ],
    ['x == 1', { kind: 'compare', op: '==', left: sig('x'), right: num(1) }],
    ['x != y', { kind: 'compare', op: '!=', left: sig('x'), right: sig('y') }],
    ['x ≤ 3', { kind: 'compare', op: '<=', left: sig('x'), right: num(3) }],
    ['-x < 3', { kind: 'compare', op: '<', left: { kind: 'neg', arg: sig('x') }, right: num(3) }],
    ['x - y - z > 0', { kind: 'compare', op: '>', left: { kind: 'arith', op: '-', args: [{ kind: 'arith', op: '-', args: [sig('x'), sig('y')] }, sig('z')] }, right: num(0) }],
    ['(x + 1) / 2 >= "the level"', { kind: 'compare', op: '>=', left: { kind: 'arith', op: '/', args: [{ kind: 'arith', op: '+', args: [sig('x'), num(1)] }, num(2)] }, right: sig('the level') }],
  ];
  for (const [text, json] of table) assert.deepEqual(toJson(parse(text)), json, text);
});

test('a comparison is an atom of the formula; elsewhere + and * are Wring\'s or and and, - is negation', () => {
  const grouping = (text: string) => printFormula(parse(text), 'ascii', { parens: 'full' });
  assert.equal(grouping('G (x < 3 -> F[0,5] y >= 2)'), 'G (x < 3 -> (F[0,5] y >= 2))');
  assert.equal(grouping('!x < 3'), '!x < 3');
  assert.equal(toJson(parse('!x < 3')).kind, 'not');
  assert.equal(grouping('x < 3 U y > 2 & a'), '(x < 3 U y > 2) & a');
  assert.equal(grouping('a + b * c'), 'a | (b & c)');
  assert.equal(grouping('- a & b'), '(!a) & b');
  assert.equal(grouping('(x < 3) & a'), 'x < 3 & a');
  // NL2TL's STL, propositions with intervals, reads as before.
  assert.deepEqual(toJson(parse('finally [0,10] ( prop_1 and prop_2 )')), {
    kind: 'finally', interval: [0, 10], args: [{ kind: 'and', args: [{ kind: 'prop', name: 'prop_1' }, { kind: 'prop', name: 'prop_2' }] }],
  });
});

test('malformed comparisons are syntax errors with plain messages', () => {
  const message = (text: string) => {
    const r = parseFormula(text);
    assert.equal(r.ok, false, text);
    return !r.ok ? r.problems[0]!.message : '';
  };
  assert.equal(message('x <'), 'The comparison ends too early: a number or a signal is missing after `<`.');
  assert.equal(message('x < &'), 'Expected a number or a signal after `<`, but found `&`.');
  assert.match(message('(a & b) > 0'), /Only numbers and signals can be compared: `>` follows a formula/);
  assert.match(message('x < 3 < 4'), /Only numbers and signals can be compared/);
  assert.match(message('(x + 1 < 3'), /`\(` opened at line 1, column 1 is never closed/);
});

const name = fc.constantFrom('x', 'speed', 'y_2', 'a.b', 'the level', 'Goal', 'G');
const term: fc.Arbitrary<TermJson> = fc.letrec<{ t: TermJson }>((tie) => ({
  t: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    name.map((n): TermJson => ({ kind: 'signal', name: n })),
    fc.integer({ min: 0, max: 10_000 }).map((n): TermJson => ({ kind: 'num', value: n / 100 })),
    fc.tuple(fc.constantFrom('+', '-', '*', '/') as fc.Arbitrary<'+' | '-' | '*' | '/'>, tie('t'), tie('t')).map(([op, l, r]): TermJson => ({ kind: 'arith', op, args: [l, r] })),
    tie('t').map((arg): TermJson => ({ kind: 'neg', arg })),
    tie('t').map((arg): TermJson => ({ kind: 'call', fn: 'abs', arg })),
  ),
})).t;
const comparison = fc
  .tuple(fc.constantFrom('<', '<=', '>', '>=', '==', '!=') as fc.Arbitrary<'<' | '<=' | '>' | '>=' | '==' | '!='>, term, term)
  .map(([op, left, right]): FormulaJson => ({ kind: 'compare', op, left, right }));
const formula = fc.letrec<{ f: FormulaJson }>((tie) => ({
  f: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    comparison,
    fc.constantFrom<FormulaJson>({ kind: 'prop', name: 'p' }, { kind: 'true' }),
    fc.tuple(fc.constantFrom('not', 'finally', 'next') as fc.Arbitrary<'not' | 'finally' | 'next'>, tie('f')).map(([kind, arg]): FormulaJson => ({ kind, args: [arg] })),
    fc.tuple(fc.constantFrom('and', 'or', 'until', 'implies') as fc.Arbitrary<'and' | 'or' | 'until' | 'implies'>, tie('f'), tie('f')).map(([kind, l, r]): FormulaJson => ({ kind, args: [l, r] })),
  ),
})).f;

for (const style of ['ascii', 'words', 'unicode', 'nl2tl'] as PrintStyle[]) {
  test(`comparisons printed in ${style} style parse back to the same tree`, () => {
    fc.assert(
      fc.property(formula, (json) => {
        const printed = printFormula(fromJson(json), style);
        const back = parseFormula(printed);
        assert.ok(back.ok, `${printed}: ${!back.ok && back.problems[0]!.message}`);
        assert.deepEqual(toJson(back.formula), json, printed);
      }),
      { numRuns: 300 },
    );
  });
}

test('the English reading of comparisons', () => {
  assert.equal(explain(parse('G (speed <= 50)')), 'at every moment, speed is at most 50');
  assert.equal(explain(parse('abs(x - y) < 0.5')), 'the absolute value of (x - y) is less than 0.5');
  assert.equal(explain(parse('x >= 1 -> F[0,3] y != 0')), 'if x is at least 1 then within 3 time units y differs from 0');
});

function analyze(text: string): TlAnalysis {
  return analyzeTl(TextDocument.create('file:///s.tl', 'tl', 1, text), defaultSettings);
}

function codes(a: TlAnalysis): string[] {
  return a.diagnostics.map((d) => String(d.code));
}

test('signal declarations: name and unit; checks of signals and propositions', async () => {
  const doc = parseDocument('signal speed "km/h"\nsignal "engine temp"\nG (speed < 120)');
  assert.deepEqual(doc.problems, []);
  const [speed, temp] = doc.statements;
  assert.ok(speed?.kind === 'signalDecl' && speed.name === 'speed' && speed.unit === 'km/h');
  assert.ok(temp?.kind === 'signalDecl' && temp.name === 'engine temp' && temp.unit === undefined);

  assert.deepEqual(codes(analyze('x < 3 & a')), [], 'a file that declares nothing is not asked to');
  const text = 'prop door "the door is open"\nsignal speed "km/h"\nG (door -> speed < 10 & limit > 2)\nspeed & door < 1\ntrue < 3 & sqrt(speed) > 1\n';
  const a = analyze(text);
  const found = a.diagnostics.map((d) => [String(d.code), a.document.getText(d.range)]);
  assert.deepEqual(found, [
    [checkCodes.undeclaredSignal, 'limit'],
    [checkCodes.signalAsProp, 'speed'],
    [checkCodes.propAsSignal, 'door'],
    [checkCodes.compareBoolean, 'true'],
    [checkCodes.unknownFunction, 'sqrt'],
  ]);
  // The undeclared signal's fix declares it with the other signals.
  const undeclared = a.diagnostics.find((d) => d.code === checkCodes.undeclaredSignal)!;
  const actions: CodeAction[] = await tlLanguage.codeActions!(a, undeclared.range, [undeclared], defaultSettings, { log: () => {} });
  const fix = actions.find((x) => x.diagnostics?.includes(undeclared))!;
  assert.equal(fix.title, 'Declare signal `limit`');
  assert.equal(TextDocument.applyEdits(a.document, fix.edit!.changes![a.document.uri]!).split('\n')[2], 'signal limit');

  assert.deepEqual(codes(analyze('signal speed\nsignal speed\nprop speed\n')), [checkCodes.unusedDeclaration, checkCodes.duplicateSignal, checkCodes.duplicateSignal]);
  assert.deepEqual(codes(analyze('signal speed\nprop a\nF a')), [checkCodes.unusedDeclaration]);
});

test('editor features on signals: hover, completion, rename, symbols, formatting, semantic tokens', () => {
  const text = 'signal speed "km/h"\nprop door\nspec slow := G (door -> speed + 2 * 3 <= 50)\n';
  const a = analyze(text);
  const at = (needle: string, delta = 0) => a.document.positionAt(text.indexOf(needle) + delta);
  const hover = (needle: string, delta = 0) => (tlLanguage.hover!(a, at(needle, delta), { log: () => {} }) as { contents: MarkupContent }).contents.value;
  assert.match(hover('speed +'), /\*\*signal speed\*\* \(km\/h\)/);
  assert.match(hover('<='), /\*\*<=\*\* — comparison/);
  assert.match(hover('<='), /speed \+ 2 \* 3 is at most 50/);
  const labels = new Set(tlLanguage.completion!(a, at('G (')).map((i) => i.label));
  for (const l of ['speed', 'signal', 'signal declaration', '<=', '≥', 'abs(…)']) assert.ok(labels.has(l), l);
  const renamed = tlLanguage.rename!(a, at('speed +'), 'velocity');
  assert.equal(TextDocument.applyEdits(a.document, renamed!.changes![a.document.uri]!), text.replace(/speed/g, 'velocity'));
  assert.deepEqual(tlLanguage.documentSymbols!(a).map((s) => [s.name, s.detail]), [['speed', 'signal (km/h)'], ['door', undefined], ['slow', 'G (door -> speed + 2 * 3 <= 50)']]);
  // Formatting respells operators in each style and leaves arithmetic alone.
  const format = (source: string, style: 'words' | 'ascii' | 'unicode') => {
    const b = analyze(source);
    return TextDocument.applyEdits(b.document, tlLanguage.format!(b, { tabSize: 2, insertSpaces: true }, { ...defaultSettings, operatorStyle: style }));
  };
  // (Wring's `+` is or, looser than `&`, as in Spot.)
  assert.equal(format('G(x+1<=2*y&a+b)', 'words'), 'always (x + 1 <= 2 * y and a or b)');
  assert.equal(format('G(x+1<=2*y&a+b)', 'unicode'), '□(x + 1 ≤ 2 * y ∧ a ∨ b)');
  // With a comment inside, the statement is only respelled, in place.
  assert.equal(format('G (x + 1 <= 2 * y /* c */ & a + b)', 'words'), 'always (x + 1 <= 2 * y /* c */ and a or b)');
  assert.equal(format('signal  v   "m/s"\n-v>=3', 'ascii'), 'signal v "m/s"\n-v >= 3');
  const tokens = tlLanguage.semanticTokens!(a).filter((t) => t.line === 2).map((t) => [text.split('\n')[2]!.slice(t.character, t.character + t.length), t.type]);
  assert.deepEqual(tokens.filter(([s]) => ['speed', '+', '<=', '50'].includes(s!)), [['speed', 'variable'], ['+', 'operator'], ['<=', 'operator'], ['50', 'number']]);
});
