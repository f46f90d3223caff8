// .tl reads what Spot reads, for LTL (PSL's SEREs aside): the syntax of Spot's documentation
// ("Spot's Temporal Logic Formulas", doc/tl/tl.pdf, and its LTL syntax page), with Spot's meaning.
// Where Spot's reading clashed with the one .tl had, Spot's wins, and a check with a quick fix helps
// a file that meant the old one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { CodeAction, Diagnostic } from 'vscode-languageserver-types';
import { defaultSettings } from '../../src/core/settings';
import { astEqual, astEquivalent, canonical, parseDocument, parseFormula, printFormula } from '../../src/languages/tl/api';
import { checkCodes } from '../../src/languages/tl/checks';
import { analyzeTl, tlLanguage, type TlAnalysis } from '../../src/languages/tl/service';
import { grouping, parse } from '../helpers/tl';

test('Spot\'s spellings parse to Spot\'s meaning', () => {
  const table: [string, string][] = [
    // Constants: `1` and `0`, and true/false in any case.
    ['1', 'true'],
    ['0 | a', 'false | a'],
    ['TRUE & False', 'true & false'],
    ['X(0)', 'X false'],
    // Operators of Spin, LTL2BA, LBTT, Goal and Wring.
    ['[]<>a', 'G F a'],
    ['() a', 'X a'],
    ['◯ a', 'X a'],
    ['a V b', 'a R b'],
    ['a --> b', 'a -> b'],
    ['a <--> b', 'a <-> b'],
    ['a /\\ b \\/ c', 'a & b | c'],
    ['a ^ b', 'a xor b'],
    ['a * b', 'a & b'],
    ['a + b', 'a | b'],
    ['a=1', 'a'],
    ['a=0', '!a'],
    ['p0=1Up1=0', 'p0 U !p1'],
    ['⋄ a ∩ ⬜ b', 'F a & G b'],
    // Names: dots, underscores, double quotes; letters inside a name never split it.
    ['GFP_0.b_c', 'G F P_0.b_c'],
    ['"a.b" U c.d.e', 'a.b U c.d.e'],
    ['.a & _b', '.a & _b'],
    ['aUb', 'aUb'],
    ['GF"GFa"', 'G F "GFa"'],
    // F, G and X before a name are operators, unless a digit follows.
    ['GFa', 'G F a'],
    ['FFG__GFF', 'F F G __GFF'],
    ['Fa1 & X0 & F1', 'F a1 & X0 & F1'],
    ['Goal', 'G oal'],
    // After an operand, U, R, V, W and M before a name are operators too.
    ['a Ub', 'a U b'],
    ['(a)Wb', 'a W b'],
    ['a=1Mb=1', 'a M b'],
    // Intervals: F[n..m], G[n:], the separators `,` `:` `..` `to`, `$` and `inf`; X[n] is X n times.
    ['F[2..4] a', 'F[2,4] a'],
    ['G[2:] a', 'G[2,inf] a'],
    ['F[2..] a', 'F[2,inf] a'],
    ['F[1 to 3] a', 'F[1,3] a'],
    ['G[1..$] a', 'G[1,inf] a'],
    ['F[0:inf] a', 'F[0,inf] a'],
    ['X[3] a', 'X X X a'],
    ['X[] a', 'X G a'],
    // Comments nest.
    ['a /* x /* y */ z */ & b', 'a & b'],
  ];
  for (const [input, expected] of table) assert.equal(canonical(parse(input)), expected, input);
});

test('Spot\'s precedence: -> <-> loosest, then | and +, xor, & and *, U R W M, unary operators', () => {
  const table: [string, string][] = [
    ['a | b xor c', 'a | (b xor c)'],
    ['a xor b & c', 'a xor (b & c)'],
    ['a + b * c', 'a | (b & c)'],
    ['a -> b | c', 'a -> (b | c)'],
    ['a U b & c', '(a U b) & c'],
    ['a U b U c', 'a U (b U c)'],
    ['a V b U c', 'a R (b U c)'],
    ['F a U b', '(F a) U b'],
    ['!a U b', '(!a) U b'],
    ['X a W b', '(X a) W b'],
  ];
  for (const [input, expected] of table) assert.equal(grouping(input), expected, input);
  // Spot gives `*` its own level above `&`; and is associative, so the meaning is the same.
  assert.ok(astEquivalent(parse('a & b * c'), parse('a & (b & c)')));
});

test('what Spot rejects is rejected', () => {
  for (const text of ['a b', 'U a', 'a U', '(a', 'a)', 'F[2] a', 'G[3] a', 'F[..4] a', 'X[1,2] a', 'Falsey', 'a & & b', '1 2', 'a=2', 'F[2 a', 'a = 1']) {
    assert.equal(parseFormula(text).ok, false, text);
  }
  // Both readings of a Wring suffix are kept apart: `a=10` is `a=1` then `0`.
  assert.equal(parseFormula('a=10').ok, false);
  // `X[n]` counts as n levels of nesting: a huge n is refused, not unrolled.
  assert.deepEqual(parseDocument('X[1000000] a; b').problems.map((p) => p.code), ['tl/too-deeply-nested']);
});

test('every accepted Spot spelling keeps its meaning through printing in each style', () => {
  for (const text of ['GFP_0.b_c', 'a V b', 'p0=1Up1=0', 'F[2..] a', 'X[2] a', 'a * b + c', 'Goal']) {
    for (const style of ['ascii', 'words', 'unicode', 'nl2tl'] as const) {
      const printed = printFormula(parse(text), style);
      assert.ok(astEqual(parse(printed), parse(text)), `${text} in ${style}: ${printed}`);
    }
  }
});

test('statements still end at a line break between two operands, with Spot\'s operands', () => {
  const doc = parseDocument('a & 1\nb.c\nX[2] d\n"e" U\n  f\nUb');
  assert.deepEqual(doc.problems, []);
  assert.deepEqual(doc.statements.map((s) => s.kind === 'formula' && canonical(s.formula)), ['a & true', 'b.c', 'X X d', 'e U f', 'Ub']);
  // After `prop` or `spec`, a word is a name.
  const decl = parseDocument('prop Goal "the goal"\nspec Xray := F "Goal"');
  assert.deepEqual(decl.problems, []);
  assert.deepEqual(decl.statements.map((s) => s.kind !== 'broken' && s.kind !== 'formula' && s.name), ['Goal', 'Xray']);
});

function analyze(text: string): TlAnalysis {
  return analyzeTl(TextDocument.create('file:///spot.tl', 'tl', 1, text), defaultSettings);
}

async function fixed(a: TlAnalysis, code: string): Promise<{ diagnostic: Diagnostic; text: string; title: string }> {
  const diagnostic = a.diagnostics.find((d) => d.code === code);
  assert.ok(diagnostic, `no ${code} in ${a.diagnostics.map((d) => d.code).join(', ')}`);
  const actions: CodeAction[] = await tlLanguage.codeActions!(a, diagnostic.range, [diagnostic], defaultSettings, { log: () => {} });
  const action = actions.find((x) => x.diagnostics?.includes(diagnostic));
  assert.ok(action, `no fix for ${code}`);
  return { diagnostic, text: TextDocument.applyEdits(a.document, action.edit!.changes![a.document.uri]!), title: action.title };
}

test('clashes with the old reading get a warning and a quick fix back to it', async () => {
  // A name that F, G or X starts: the old reading was the name.
  const goal = await fixed(analyze('prop Goal\nF Goal\n'), checkCodes.gluedOperator);
  assert.match(goal.diagnostic.message, /`Goal` reads `G oal`/);
  assert.equal(goal.text, 'prop Goal\nF "Goal"\n');
  assert.deepEqual(analyze(goal.text).diagnostics, []);
  // H, O and Y no longer glue: `Ha` is a name, which was `H a`.
  const ha = await fixed(analyze('Ha & G b'), checkCodes.gluedName);
  assert.equal(ha.text, 'H a & G b');
  // `V` is release: a proposition named V must be quoted.
  const v = await fixed(analyze('G V'), 'tl/syntax-error');
  assert.equal(v.text, 'G "V"');
  assert.equal(v.title, 'Write `"V"`');
  assert.equal((await fixed(analyze('prop V\nF "V"'), 'tl/syntax-error')).text, 'prop "V"\nF "V"');
  // xor now binds tighter than |: the fix writes the old grouping.
  const xor = await fixed(analyze('a | b xor c'), checkCodes.mixedXor);
  assert.equal(xor.text, '(a | b) xor c');
  assert.equal((await fixed(analyze('a xor b | c'), checkCodes.mixedXor)).text, 'a xor (b | c)');
  assert.deepEqual(analyze('a | (b xor c)').diagnostics, []);
  // The old grouping of a whole chain: xor was looser than every | around it (found by the quick-fix property on a
  // random CI seed, where the fix grouped only the left side and the chain stayed mixed).
  const chain = await fixed(analyze('not p ∨ p ^ not p | p'), checkCodes.mixedXor);
  assert.equal(chain.text, '(not p ∨ p) ^ (not p | p)');
  assert.deepEqual(analyze(chain.text).diagnostics, []);
  assert.equal((await fixed(analyze('a | b xor c | d xor e'), checkCodes.mixedXor)).text, '(a | b) xor (c | d) xor e');
  assert.equal(analyze('a | b xor c | d').diagnostics.filter((d) => d.code === checkCodes.mixedXor).length, 1);
  // A name with a final dot, as at the end of a sentence.
  assert.equal((await fixed(analyze('F goal.'), checkCodes.dottedName)).text, 'F goal');
  // Readings that did not change get nothing.
  assert.deepEqual(analyze('GFa & XXgoal & F a1 & "Goal" & GF"x" & a.b').diagnostics, []);
});
