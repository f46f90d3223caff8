import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  astEqual,
  astEquivalent,
  canonical,
  explain,
  fromJson,
  parseFormula,
  printFormula,
  toJson,
  type Formula,
  type FormulaJson,
  type PrintStyle,
} from '../../src/languages/tl/api';

function parse(text: string): Formula {
  const r = parseFormula(text);
  if (!r.ok) assert.fail(`${text}: ${r.problems.map((p) => p.message).join('; ')}`);
  return r.formula;
}

const unaryKinds = ['not', 'next', 'finally', 'globally', 'historically', 'once', 'prev'] as const;
const binaryKinds = ['and', 'or', 'implies', 'iff', 'xor', 'until', 'release', 'weak_until', 'strong_release', 'since'] as const;
const timed = new Set(['finally', 'globally', 'historically', 'once', 'until', 'release', 'weak_until', 'strong_release', 'since']);

const bound = fc.oneof(fc.nat({ max: 1000 }), fc.integer({ min: 0, max: 10_000 }).map((n) => n / 100));
const interval = fc.tuple(bound, fc.option(bound, { nil: null })).map(([lo, hi]): [number, number | null] => [lo, hi]);
const name = fc.oneof(
  fc.constantFrom('a', 'b', 'prop_1', 'Goal', 'GFa', 'G', 'and', 'inf', 'prop', 'X1'),
  fc.stringMatching(/^[a-z_][a-z0-9_]{0,6}$/),
  fc.string({ minLength: 1, maxLength: 8 }).filter((s) => !/[\r\n]/.test(s)),
);

const formula = fc.letrec<{ f: FormulaJson }>((tie) => ({
  f: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    name.map((n): FormulaJson => ({ kind: 'prop', name: n })),
    fc.constantFrom<FormulaJson>({ kind: 'true' }, { kind: 'false' }),
    fc.tuple(fc.constantFrom(...unaryKinds), tie('f'), fc.option(interval, { nil: undefined })).map(([kind, arg, iv]): FormulaJson =>
      timed.has(kind) && iv ? { kind, interval: iv, args: [arg] } : { kind, args: [arg] },
    ),
    fc.tuple(fc.constantFrom(...binaryKinds), tie('f'), tie('f'), fc.option(interval, { nil: undefined })).map(([kind, l, r, iv]): FormulaJson =>
      timed.has(kind) && iv ? { kind, interval: iv, args: [l, r] } : { kind, args: [l, r] },
    ),
  ),
}));

for (const style of ['ascii', 'words', 'unicode', 'nl2tl'] as PrintStyle[]) {
  test(`printing in ${style} style parses back to the same tree`, () => {
    fc.assert(
      fc.property(formula.f, (json) => {
        const printed = printFormula(fromJson(json), style);
        const back = parseFormula(printed);
        assert.ok(back.ok, `${printed}: ${!back.ok && back.problems[0]!.message}`);
        assert.deepEqual(toJson(back.formula), json, printed);
      }),
      { numRuns: 400 },
    );
  });
}

test('fully parenthesised printing also round-trips', () => {
  fc.assert(
    fc.property(formula.f, (json) => {
      const back = parseFormula(printFormula(fromJson(json), 'ascii', { parens: 'full' }));
      assert.ok(back.ok && astEqual(back.formula, fromJson(json)));
    }),
    { numRuns: 300 },
  );
});

test('printed forms in each style', () => {
  const f = parse('G (door -> F[0,10] alarm) & !"red zone" U[2,inf] b');
  assert.equal(printFormula(f, 'ascii'), 'G (door -> F[0,10] alarm) & !"red zone" U[2,inf] b');
  assert.equal(printFormula(f, 'words'), 'always (door implies eventually[0,10] alarm) and not "red zone" until[2,inf] b');
  assert.equal(printFormula(f, 'unicode'), '□(door → ◇[0,10] alarm) ∧ ¬"red zone" U[2,inf] b');
  assert.equal(printFormula(f, 'nl2tl'), 'globally ( door imply finally [0,10] alarm ) and negation "red zone" until [2,infinite] b');
  assert.equal(canonical(parse('a U (b U c)')), 'a U (b U c)');
  assert.equal(canonical(parse('(a -> b) -> c')), '(a -> b) -> c');
});

test('astEqual ignores spelling, spacing and parentheses but not structure or intervals', () => {
  assert.ok(astEqual(parse('globally ( prop_1 imply finally prop_2 )'), parse('G(prop_1->F prop_2)')));
  assert.ok(astEqual(parse('((a)) & (b)'), parse('a ∧ b')));
  assert.ok(!astEqual(parse('a & b'), parse('b & a')));
  assert.ok(!astEqual(parse('F[0,1] a'), parse('F[0,2] a')));
  assert.ok(!astEqual(parse('F[0,1] a'), parse('F a')));
  assert.ok(!astEqual(parse('a & b & c'), parse('a & (b & c)')));
});

test('astEquivalent adds commutativity, associativity and double negation of and/or', () => {
  assert.ok(astEquivalent(parse('a & b'), parse('b & a')));
  assert.ok(astEquivalent(parse('a & (b & c)'), parse('(c & b) & a')));
  assert.ok(astEquivalent(parse('!!a | b'), parse('b | a')));
  assert.ok(astEquivalent(parse('G (x | (y | z))'), parse('G ((z | x) | y)')));
  assert.ok(astEquivalent(parse('!!(a & b) & c'), parse('a & (b & c)')));
  assert.ok(astEquivalent(parse('F[0,10] (a & b)'), parse('F[0,10] (b & a)')));
  assert.ok(!astEquivalent(parse('a & b'), parse('a | b')));
  assert.ok(!astEquivalent(parse('a U b'), parse('b U a')));
  assert.ok(!astEquivalent(parse('F[0,10] (a & b)'), parse('F[0,5] (b & a)')));
  assert.ok(!astEquivalent(parse('!a'), parse('a')));
});

test('explain reads formulas in English, with declared descriptions', () => {
  const descriptions = { door: 'the door is open', alarm: 'the alarm sounds' };
  assert.equal(explain(parse('G (door -> F[0,10] alarm)'), descriptions), 'at every moment, if the door is open then within 10 time units the alarm sounds');
  assert.equal(explain(parse('F at_goal')), 'eventually at_goal holds');
  assert.equal(explain(parse('!a')), 'a does not hold');
  assert.equal(explain(parse('G[2,5] a')), 'at every moment between 2 and 5 time units from now, a holds');
  assert.equal(explain(parse('F[3,inf] a')), 'at least 3 time units from now a holds');
  assert.equal(explain(parse('G[3,inf] a')), 'at every moment from 3 time units from now on, a holds');
  assert.equal(explain(parse('G[0,1] a')), 'at every moment within the next 1 time unit, a holds');
  assert.equal(explain(parse('a R b')), 'b holds up to and including the moment when a holds, or forever if that never happens');
  assert.equal(explain(parse('a U b')), 'a holds until b holds, which happens eventually');
  assert.equal(explain(parse('(a | b) & c')), '(a holds or b holds) and c holds');
  assert.equal(explain(parse('H a')), 'at every moment so far, a holds');
  assert.equal(explain(parse('X a')), explain(parse('next a')));
});
