import { test } from 'node:test';
import assert from 'node:assert/strict';
import { canonical, maxNesting, operators, parseDocument, parseFormula, toJson } from '../../src/languages/tl/api';
import { grouping, parse } from '../helpers/tl';

test('precedence and associativity follow Spot', () => {
  const table: [string, string][] = [
    ['a -> b -> c', 'a -> (b -> c)'],
    ['a <-> b <-> c', 'a <-> (b <-> c)'],
    ['a -> b <-> c', 'a -> (b <-> c)'],
    ['a <-> b -> c', 'a <-> (b -> c)'],
    ['a xor b -> c', '(a xor b) -> c'],
    ['a xor b xor c', '(a xor b) xor c'],
    // Spot: `xor` binds tighter than `|` and looser than `&`.
    ['a | b xor c', 'a | (b xor c)'],
    ['a xor b | c', '(a xor b) | c'],
    ['a & b xor c', '(a & b) xor c'],
    ['a xor b & c', 'a xor (b & c)'],
    ['a | b | c', '(a | b) | c'],
    ['a & b | c', '(a & b) | c'],
    ['a | b & c', 'a | (b & c)'],
    ['a & b & c', '(a & b) & c'],
    ['a U b & c', '(a U b) & c'],
    ['a & b U c', 'a & (b U c)'],
    ['a U b U c', 'a U (b U c)'],
    ['a R b U c', 'a R (b U c)'],
    ['a W b M c', 'a W (b M c)'],
    ['a S b U c', 'a S (b U c)'],
    ['!a U b', '(!a) U b'],
    ['F a U b', '(F a) U b'],
    ['G a & b', '(G a) & b'],
    ['X a -> b', '(X a) -> b'],
    ['! a & b', '(!a) & b'],
    ['!F G a', '!(F (G a))'],
    ['a -> b | c & d U e', 'a -> (b | (c & (d U e)))'],
    ['a & b -> c | d', '(a & b) -> (c | d)'],
  ];
  for (const [input, expected] of table) assert.equal(grouping(input), expected, input);
});

test('every spelling of every operator parses to its kind', () => {
  for (const o of operators) {
    for (const s of o.spellings) {
      const text = o.arity === 1 ? `${s} p` : `p ${s} q`;
      const json = toJson(parse(text));
      assert.equal(json.kind, o.kind, `${s} in ${text}`);
    }
  }
  // Symbols also work without spaces.
  assert.equal(toJson(parse('!p&&q||r->s<->t')).kind, 'implies');
  assert.deepEqual(toJson(parse('true & false')), { kind: 'and', args: [{ kind: 'true' }, { kind: 'false' }] });
});

test('NL2TL spellings, including prefix minus, read as expected', () => {
  assert.equal(canonical(parse('F ( prop_1 ) & G ( - prop_2 )')), 'F prop_1 & G !prop_2');
  assert.equal(canonical(parse('( ( prop_3 imply prop_2 ) until negation prop_1 )')), '(prop_3 -> prop_2) U !prop_1');
  assert.equal(canonical(parse('finally [462,infinite] ( prop_1 equal prop_2 )')), 'F[462,inf] (prop_1 <-> prop_2)');
  assert.equal(canonical(parse('-prop_1')), '!prop_1');
  assert.equal(canonical(parse('a->b')), 'a -> b');
});

test('operator letters glued to an atom split as in Spot: F, G and X before a name, unless a digit follows', () => {
  assert.equal(canonical(parse('GFa')), 'G F a');
  assert.equal(canonical(parse('FGprop_1')), 'F G prop_1');
  assert.equal(canonical(parse('XXgoal')), 'X X goal');
  assert.equal(canonical(parse('Fa & Gp1')), 'F a & G p1');
  assert.equal(canonical(parse('GF a')), 'G F a');
  // Spot reads a capital F, G or X at the start of a name as an operator: quote such names.
  assert.equal(canonical(parse('Goal')), 'G oal');
  assert.deepEqual(toJson(parse('Fire U Open')), { kind: 'until', args: [{ kind: 'finally', args: [{ kind: 'prop', name: 'ire' }] }, { kind: 'prop', name: 'Open' }] });
  assert.equal(canonical(parse('Gab')), 'G ab');
  assert.deepEqual(toJson(parse('"Goal"')), { kind: 'prop', name: 'Goal' });
  assert.deepEqual(toJson(parse('F1 & X0')), { kind: 'and', args: [{ kind: 'prop', name: 'F1' }, { kind: 'prop', name: 'X0' }] });
  // Letters inside a name never split it; H, O and Y are not glued (Spot has no past operators).
  assert.deepEqual(toJson(parse('aUb')), { kind: 'prop', name: 'aUb' });
  assert.deepEqual(toJson(parse('Ha')), { kind: 'prop', name: 'Ha' });
  assert.deepEqual(toJson(parse('"G"')), { kind: 'prop', name: 'G' });
});

test('intervals: every bracket form, decimals, spacing and unbounded ends', () => {
  const cases: [string, [number, number | null]][] = [
    ['F[0,10] a', [0, 10]],
    ['F [0, 10] a', [0, 10]],
    ['F[0:10] a', [0, 10]],
    ['G[2.5,7.25] a', [2.5, 7.25]],
    ['F[3,inf] a', [3, null]],
    ['F[3,infinite] a', [3, null]],
    ['F[3,$] a', [3, null]],
    ['finally [16,64] a', [16, 64]],
  ];
  for (const [text, interval] of cases) assert.deepEqual((toJson(parse(text)) as { interval: unknown }).interval, interval, text);
  assert.deepEqual(toJson(parse('a U[1,5] b')), { kind: 'until', args: [{ kind: 'prop', name: 'a' }, { kind: 'prop', name: 'b' }], interval: [1, 5] });
  assert.equal('interval' in toJson(parse('F a')), false);
});

test('the JSON contract of nesy parse', () => {
  assert.deepEqual(toJson(parse('G (door -> F[0,10] alarm)')), {
    kind: 'globally',
    args: [{ kind: 'implies', args: [{ kind: 'prop', name: 'door' }, { kind: 'finally', interval: [0, 10], args: [{ kind: 'prop', name: 'alarm' }] }] }],
  });
  assert.deepEqual(toJson(parse('"quoted name" S H Y O x')).kind, 'since');
});

test('statements: declarations, specs, formulas, separators, comments', () => {
  const text = [
    'prop at_goal "the robot is at the goal"',
    'prop "red zone"',
    '// nl: always avoid the red zone',
    'spec reach := F[0,10] at_goal',
    'G !"red zone"; F at_goal',
    '/* a block',
    '   comment */ at_goal &',
    '  F at_goal',
  ].join('\n');
  const doc = parseDocument(text);
  assert.deepEqual(doc.problems, []);
  assert.deepEqual(doc.statements.map((s) => s.kind), ['propDecl', 'propDecl', 'specDecl', 'formula', 'formula', 'formula']);
  const decl = doc.statements[0]!;
  assert.equal(decl.kind === 'propDecl' && decl.description, 'the robot is at the goal');
  assert.equal(text.slice(decl.start, decl.end), 'prop at_goal "the robot is at the goal"');
  assert.equal(doc.comments.length, 2);
  const nl = doc.comments[0]!;
  assert.equal(nl.nl?.text, 'always avoid the red zone');
  assert.equal(text.slice(nl.start, nl.end), '// nl: always avoid the red zone');
  assert.equal(text.slice(nl.nl!.start), 'always avoid the red zone' + text.slice(nl.end));
  const multiLine = doc.statements[5]!;
  assert.equal(text.slice(multiLine.start, multiLine.end), 'at_goal &\n  F at_goal');
});

test('a line break continues a statement unless two operands would meet', () => {
  const doc = parseDocument('G (a ->\n  F b)\na\n| b\nc\nd');
  assert.deepEqual(doc.problems, []);
  assert.deepEqual(doc.statements.map((s) => s.kind === 'formula' && canonical(s.formula)), ['G (a -> F b)', 'a | b', 'c', 'd']);
});

test('recovery: several errors in one file, each with its exact range and a plain message', () => {
  const text = ['a & ;', 'G (b', 'c ) d', 'F[1,2 e', 'ok & fine', 'x @ & y'].join('\n');
  const doc = parseDocument(text);
  const found = doc.problems.map((p) => [text.slice(p.start, p.end), p.code, p.message]);
  assert.deepEqual(found, [
    ['&', 'tl/syntax-error', 'The formula ends too early: a proposition, `true`, `false` or `(` is missing after `&`.'],
    ['b', 'tl/syntax-error', 'The `(` opened at line 2, column 3 is never closed: add `)`.'],
    [')', 'tl/syntax-error', 'This `)` has no matching `(`.'],
    ['e', 'tl/syntax-error', 'Unexpected proposition `e` in an interval: write it as `[lo,hi]`, for example `[0,10]` or `[5,inf]`.'],
    ['@', 'tl/unknown-character', 'Unexpected character `@`: it is not part of the temporal-logic syntax.'],
  ]);
  assert.ok(doc.statements.some((s) => s.kind === 'formula' && canonical(s.formula) === 'ok & fine'));
  for (const p of doc.problems) assert.doesNotMatch(p.message, /Expecting|-->|EOF|token/i);
});

test('unterminated quotes and comments are reported, not fatal', () => {
  const doc = parseDocument('prop "open\nG a /* never closed');
  assert.deepEqual(doc.problems.map((p) => p.code), ['tl/unterminated-quote', 'tl/unterminated-comment']);
  assert.equal(doc.statements[1]?.kind, 'formula');
});

test('bad intervals: operators without intervals, bad bounds', () => {
  const x = parseFormula('X[0,1] a');
  assert.equal(x.ok, false);
  assert.equal(!x.ok && x.problems[0]!.code, 'tl/interval-not-allowed');
  const lo = parseFormula('F[inf,3] a');
  assert.equal(!lo.ok && lo.problems[0]!.code, 'tl/invalid-bound');
  const word = parseFormula('F[0,ten] a');
  assert.equal(!word.ok && word.problems[0]!.message, '`ten` is not a bound: write a number, or `inf` for no upper bound.');
});

test(`nesting up to ${maxNesting} levels parses; deeper input gets a diagnostic, never a stack overflow`, () => {
  const depth = maxNesting - 1;
  assert.equal(parseFormula('('.repeat(depth) + 'a' + ')'.repeat(depth)).ok, true);
  assert.equal(parseFormula('!'.repeat(depth) + 'a').ok, true);
  for (const text of ['('.repeat(100_000), '('.repeat(100_000) + 'a' + ')'.repeat(100_000), '!'.repeat(100_000) + 'a', Array.from({ length: 5000 }, (_, i) => `p${i}`).join(' & ')]) {
    const doc = parseDocument(text + ';ok');
    assert.equal(doc.problems.length, 1);
    assert.equal(doc.problems[0]!.code, 'tl/too-deeply-nested');
    assert.equal(doc.statements[1]?.kind, 'formula', 'the statements after it still parse');
  }
});

test('large files parse statement by statement without crashing', () => {
  const line = 'G (door_open -> F[0,10] alarm) & (a U b) | !c // note\n';
  const text = line.repeat(Math.ceil(3_000_000 / line.length));
  const doc = parseDocument(text);
  assert.equal(doc.problems.length, 0);
  assert.equal(doc.statements.length, Math.ceil(3_000_000 / line.length));
  assert.equal(doc.comments.length, doc.statements.length);
  const last = doc.statements[doc.statements.length - 1]!;
  assert.equal(text.slice(last.start, last.end), line.slice(0, line.indexOf(' //')));
});

test('parseFormula wants exactly one formula', () => {
  assert.equal(parseFormula('').ok, false);
  assert.equal(parseFormula('a; b').ok, false);
  assert.equal(parseFormula('prop a').ok, false);
});

test('recovery inside one statement: every error of the statement is reported, each once', () => {
  const text = 'G (a U ) & F[0,x] b & (c | ) & d';
  const doc = parseDocument(text);
  assert.deepEqual(doc.problems.map((p) => [text.slice(p.start, p.end), p.start]), [
    [')', 7],
    ['x', 15],
    [')', 27],
  ]);
  assert.match(doc.problems[1]!.message, /`x` is not a bound/);
  assert.deepEqual(doc.statements.map((s) => s.kind), ['broken']);
});

test('a keyword right after `(` is the token the error names, with the hint to quote it', () => {
  const text = 'region_b U (signal & F region_d)';
  const doc = parseDocument(text);
  const p = doc.problems[0]!;
  assert.equal(text.slice(p.start, p.end), 'signal');
  assert.match(p.message, /found `signal`.*write `"signal"` for a proposition named signal/);
  // Quoted, it is a proposition.
  assert.equal(parseDocument('region_b U ("signal" & F region_d)').problems.length, 0);
});
