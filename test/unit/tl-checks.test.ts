import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { defaultSettings, type Settings } from '../../src/core/settings';
import { checkCodes } from '../../src/languages/tl/checks';
import { toJson } from '../../src/languages/tl/api';
import { analyzeTl, type TlAnalysis } from '../../src/languages/tl/service';
import { editorActions } from '../../src/languages/tl/actions';


function analyze(text: string, settings: Settings = defaultSettings): TlAnalysis {
  return analyzeTl(TextDocument.create('file:///t.tl', 'tl', 1, text), settings);
}

function codes(a: TlAnalysis): string[] {
  return a.diagnostics.map((d) => String(d.code));
}

function slice(a: TlAnalysis, d: Diagnostic): string {
  return a.document.getText(d.range);
}

function apply(a: TlAnalysis, action: CodeAction): string {
  const edits = action.edit?.changes?.[a.document.uri];
  assert.ok(edits && edits.length > 0, action.title);
  return TextDocument.applyEdits(a.document, edits);
}

function fixFor(a: TlAnalysis, code: string): { diagnostic: Diagnostic; action: CodeAction } {
  const diagnostic = a.diagnostics.find((d) => d.code === code);
  assert.ok(diagnostic, `no ${code} in ${codes(a).join(', ')}`);
  const actions = editorActions(a, diagnostic.range, [diagnostic]);
  const action = actions.find((x) => x.diagnostics?.includes(diagnostic));
  assert.ok(action, `no fix for ${code}`);
  return { diagnostic, action };
}

test('diagnostics carry a string code, the nesy source and a plain message', () => {
  const a = analyze('F[10,2] a');
  assert.equal(a.diagnostics.length, 1);
  const d = a.diagnostics[0]!;
  assert.equal(d.code, checkCodes.intervalReversed);
  assert.equal(d.source, 'nesy');
  assert.equal(slice(a, d), '[10,2]');
  assert.match(d.message, /lower bound 10 is greater than its upper bound 2/);
});

test('reversed interval: the fix swaps the bounds and changes nothing else', () => {
  const text = 'prop a\n// keep me\nG (a -> F[10 : 2] a) // and me\n';
  const a = analyze(text);
  const { action } = fixFor(a, checkCodes.intervalReversed);
  const fixed = apply(a, action);
  assert.equal(fixed, 'prop a\n// keep me\nG (a -> F[2 : 10] a) // and me\n');
  assert.deepEqual(codes(analyze(fixed)), []);
});

test('negative bounds are errors', () => {
  const a = analyze('F[-1,5] a');
  assert.deepEqual(codes(a), [checkCodes.negativeBound]);
  assert.equal(slice(a, a.diagnostics[0]!), '[-1,5]');
});

test('undeclared propositions: only once the file declares some; the fix declares it with the others', () => {
  assert.deepEqual(codes(analyze('F goal & G !red')), []);
  const text = 'prop goal "the goal"\nprop red\n\nspec s := F goal & G !red & X blue\n';
  const a = analyze(text);
  assert.deepEqual(codes(a), [checkCodes.undeclaredProp]);
  assert.equal(slice(a, a.diagnostics[0]!), 'blue');
  const fixed = apply(a, fixFor(a, checkCodes.undeclaredProp).action);
  assert.equal(fixed, 'prop goal "the goal"\nprop red\nprop blue\n\nspec s := F goal & G !red & X blue\n');
  assert.deepEqual(codes(analyze(fixed)), []);
});

test('spec names used in formulas are not undeclared propositions', () => {
  assert.deepEqual(codes(analyze('prop a\nspec safe := G a\nspec both := safe & F a\n')), []);
});

test('unused declarations are hints marked unnecessary', () => {
  const a = analyze('prop a\nprop unused\nF a\n');
  assert.deepEqual(codes(a), [checkCodes.unusedDeclaration]);
  assert.equal(slice(a, a.diagnostics[0]!), 'unused');
  assert.deepEqual(a.diagnostics[0]!.tags, [1]);
});

test('duplicate specs and duplicate propositions', () => {
  const a = analyze('prop a\nprop a\nspec s := F a\nspec s := G a\n');
  assert.deepEqual(codes(a), [checkCodes.duplicateProp, checkCodes.duplicateSpec]);
  assert.deepEqual(a.diagnostics.map((d) => d.range.start.line), [1, 3]);
  const clash = analyze('prop a\nspec a := F a\n');
  assert.deepEqual(codes(clash), [checkCodes.duplicateSpec]);
  assert.match(clash.diagnostics[0]!.message, /already declared as a proposition/);
});

test('chained until/release warns; the fix adds parentheses that keep the meaning', () => {
  const text = '// before\nG (a U b R c) & d\n';
  const a = analyze(text);
  assert.deepEqual(codes(a), [checkCodes.chainedTemporal]);
  assert.equal(slice(a, a.diagnostics[0]!), 'a U b R c');
  const fixed = apply(a, fixFor(a, checkCodes.chainedTemporal).action);
  assert.equal(fixed, '// before\nG (a U (b R c)) & d\n');
  assert.deepEqual(codes(analyze(fixed)), []);
  assert.deepEqual(codes(analyze('(a U b) U c')), []);
});

test('Settings.disabledChecks switches a check off by code', () => {
  const text = 'prop a\nprop b\nF[5,1] a U a U c';
  assert.deepEqual(codes(analyze(text)), [checkCodes.unusedDeclaration, checkCodes.chainedTemporal, checkCodes.intervalReversed, checkCodes.undeclaredProp]);
  const off = analyze(text, { ...defaultSettings, disabledChecks: [checkCodes.unusedDeclaration, checkCodes.chainedTemporal, checkCodes.undeclaredProp] });
  assert.deepEqual(codes(off), [checkCodes.intervalReversed]);
});

test('converting the whole file to another style keeps every comment and description', () => {
  const text = [
    'prop door "the door is open -> not closed"',
    '/* block & comment */',
    'spec s := G(door->F[0,10]alarm) // nl: if the door opens, alarm',
    'GFa && !b',
    '[]<>(x || ~y)',
  ].join('\n');
  const a = analyze(text);
  const byTitle = (title: string): CodeAction => {
    const found = editorActions(a, { start: { line: 3, character: 0 }, end: { line: 3, character: 0 } }, []).find((x) => x.title === title);
    assert.ok(found, title);
    return found;
  };
  const words = apply(a, byTitle('Convert the whole file to words operators'));
  assert.equal(
    words,
    [
      'prop door "the door is open -> not closed"',
      '/* block & comment */',
      'spec s := always (door implies eventually[0,10]alarm) // nl: if the door opens, alarm',
      'always eventually a and not b',
      'always eventually (x or not y)',
    ].join('\n'),
  );
  const unicode = apply(a, byTitle('Convert the whole file to unicode operators'));
  assert.equal(unicode.split('\n')[2], 'spec s := □(door → ◇[0,10]alarm) // nl: if the door opens, alarm');
  for (const converted of [words, unicode, apply(a, byTitle('Convert the whole file to ascii operators'))]) {
    const b = analyze(converted);
    assert.deepEqual(codes(b), codes(a));
    const formulas = (x: TlAnalysis): string[] =>
      x.tl.statements.map((s) => (s.kind === 'formula' || (s.kind === 'specDecl' && s.formula) ? JSON.stringify(toJson(s.formula!)) : s.kind));
    assert.deepEqual(formulas(b), formulas(a));
    assert.deepEqual(b.tl.comments.map((c) => c.text), a.tl.comments.map((c) => c.text));
  }
  const line = apply(a, byTitle('Convert this statement to ascii operators'));
  assert.equal(line.split('\n')[3], 'GFa & !b');
  assert.deepEqual(line.split('\n').filter((_, i) => i !== 3), text.split('\n').filter((_, i) => i !== 3));
});

test('analysis never throws on hostile input', () => {
  for (const text of ['', '\u0000\uffff', '"', '/*', 'prop', 'spec', 'spec x', 'spec x :=', 'F[', 'F[1', 'F[1,', 'F[1,2', ')))', '(((', ';;;', 'prop "a\\', '\r\n\r\n', '💥 & a']) {
    const a = analyze(text);
    assert.ok(Array.isArray(a.diagnostics));
  }
});

test('no "Remove the final `.`" fix where the name without its dot is a keyword: `prop.` would become `prop`', () => {
  // Found by test/fuzz/edits.test.ts (2,000 runs): "prop." followed by a declaration turned into a broken `prop` line.
  const a = analyze('prop.\nprop red "the light is red"\nspec s := G red\n');
  const dotted = a.diagnostics.filter((d) => d.code === checkCodes.dottedName);
  assert.ok(dotted.length > 0, codes(a).join(', '));
  for (const d of dotted) assert.deepEqual(editorActions(a, d.range, [d]).filter((x) => x.title === 'Remove the final `.`'), []);
  const ok = analyze('prop red "the light is red"\nspec s := G red.\n');
  assert.equal(apply(ok, fixFor(ok, checkCodes.dottedName).action), 'prop red "the light is red"\nspec s := G red\n');
});
