// structEqual: equal up to a one-to-one renaming of propositions, the grouping of and/or chains and
// the order of and/or/iff/xor operands, and nothing else.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { astEqual, astEquivalent, fromJson, parseFormula, structEqual, toJson, type Formula, type FormulaJson } from '../../src/languages/tl/api';

function parse(text: string): Formula {
  const r = parseFormula(text);
  if (!r.ok) assert.fail(`${text}: ${r.problems.map((p) => p.message).join('; ')}`);
  return r.formula;
}

const same = (a: string, b: string): boolean => structEqual(parse(a), parse(b));

test('structEqual: renaming one-to-one, regrouping and reordering are equal', () => {
  for (const [a, b] of [
    ['G (a -> F b)', 'G (x -> F y)'],
    ['a & (b & c)', '(c & a) & b'],
    ['(a & b) | c', 'c | (b & a)'],
    ['a <-> b', 'b <-> a'],
    ['a xor b', 'b xor a'],
    ['F[0,5] a', 'F[0,5] z'],
    ['(p & q) | (q & r)', '(y & z) | (x & y)'],
    ['(a | b) & (a | c) & (b | c)', '(z | y) & (x | z) & (y | x)'],
    // Up to renaming, a U b is b U a (swap the two names), though U is not commutative.
    ['a U b', 'b U a'],
    ['(a U b) & G a', '(x U y) & G x'],
  ]) {
    assert.ok(same(a!, b!), `${a} vs ${b}`);
    assert.ok(same(b!, a!), `${b} vs ${a}`);
  }
});

test('structEqual: anything else is not equal', () => {
  for (const [a, b] of [
    ['G (a -> F a)', 'G (x -> F y)'],
    ['G (x -> F y)', 'G (a -> F a)'],
    ['a & b & c', 'a & (b | c)'],
    // Until and implication keep their order: G a pins the names, so no renaming swaps them.
    ['(a U b) & G a', '(b U a) & G a'],
    ['F a U b', 'b U F a'],
    ['(a -> b) & G a', '(b -> a) & G a'],
    ['F[0,5] a', 'F[0,6] a'],
    ['F[0,5] a', 'F a'],
    ['a & b', 'a & b & c'],
    ['a & b', 'a & a'],
    ['!!a', 'a'],
    ['a & b', 'a | b'],
    ['F a', 'G a'],
    ['a & (b | c)', '(a & b) | c'],
    ['a <-> (b <-> F c)', '(a <-> b) <-> F c'],
    ['true', 'false'],
    ['true', 'a'],
    // One prop each, but the bijection would have to send `a` to both x and y.
    ['(a & b) | (a & c)', '(x & y) | (z & w)'],
  ]) {
    assert.ok(!same(a!, b!), `${a} vs ${b}`);
    assert.ok(!same(b!, a!), `${b} vs ${a}`);
  }
});

test('structEqual: 2 props are not 3 props, even with the same operators', () => {
  assert.ok(!same('a U (b U b)', 'a U (b U c)'));
  assert.ok(same('a U (b U c)', 'c U (a U b)'));
});

// Small random formulas over few names, so that independently drawn pairs are sometimes equal.
const unaryKinds = ['not', 'finally', 'globally', 'next'] as const;
const binaryKinds = ['and', 'or', 'implies', 'iff', 'xor', 'until'] as const;
const interval = fc.option(fc.constantFrom<[number, number | null]>([0, 5], [1, 5], [0, null]), { nil: undefined });
const formula = (names: readonly string[]) =>
  fc.letrec<{ f: FormulaJson }>((tie) => ({
    f: fc.oneof(
      { depthSize: 'small', maxDepth: 4 },
      fc.constantFrom(...names).map((name): FormulaJson => ({ kind: 'prop', name })),
      fc.constant<FormulaJson>({ kind: 'true' }),
      fc.tuple(fc.constantFrom(...unaryKinds), tie('f'), interval).map(([kind, arg, iv]): FormulaJson =>
        iv && (kind === 'finally' || kind === 'globally') ? { kind, interval: iv, args: [arg] } : { kind, args: [arg] },
      ),
      fc.tuple(fc.constantFrom(...binaryKinds), tie('f'), tie('f')).map(([kind, l, r]): FormulaJson => ({ kind, args: [l, r] })),
      // Chains of three under one and/or, since regrouping acts on chains.
      fc.tuple(fc.constantFrom('and', 'or'), tie('f'), tie('f'), tie('f')).map(([kind, x, y, z]): FormulaJson => ({ kind, args: [x, { kind, args: [y, z] }] })),
    ),
  })).f;

/** A deterministic generator of numbers in [0, 1) from a seed (mulberry32). */
function random(seed: number): () => number {
  let s = seed >>> 0;
  return () => {
    s = (s + 0x6d2b79f5) >>> 0;
    let t = s;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function chain(j: FormulaJson, kind: string): FormulaJson[] {
  return j.kind === kind && 'args' in j ? j.args.flatMap((a) => chain(a, kind)) : [j];
}

/** Renames one-to-one, shuffles and/or/iff/xor operands and regroups and/or chains at random. */
function scramble(j: FormulaJson, names: ReadonlyMap<string, string>, rnd: () => number): FormulaJson {
  if (j.kind === 'prop') return { kind: 'prop', name: names.get(j.name)! };
  if (!('args' in j)) return j;
  if (j.kind === 'and' || j.kind === 'or') {
    const parts = chain(j, j.kind).map((p) => scramble(p, names, rnd));
    parts.sort(() => rnd() - 0.5);
    while (parts.length > 1) {
      const i = Math.floor(rnd() * (parts.length - 1));
      parts.splice(i, 2, { kind: j.kind, args: [parts[i]!, parts[i + 1]!] });
    }
    return parts[0]!;
  }
  const args = j.args.map((a) => scramble(a, names, rnd));
  if ((j.kind === 'iff' || j.kind === 'xor') && rnd() < 0.5) args.reverse();
  return { ...j, args };
}

function propNames(j: FormulaJson): string[] {
  return j.kind === 'prop' ? [j.name] : 'args' in j ? j.args.flatMap(propNames) : [];
}

/** A canonical key when names are fixed: and/or chains flattened, and/or/iff/xor operands sorted. */
function key(j: FormulaJson): string {
  if (j.kind === 'prop') return JSON.stringify(j.name);
  if (!('args' in j)) return j.kind;
  const iv = j.interval ? `[${j.interval[0]},${j.interval[1]}]` : '';
  const args = (j.kind === 'and' || j.kind === 'or' ? chain(j, j.kind) : j.args).map(key);
  if (['and', 'or', 'iff', 'xor'].includes(j.kind)) args.sort();
  return `${j.kind}${iv}(${args.join(',')})`;
}

function permutations<T>(xs: T[]): T[][] {
  return xs.length <= 1 ? [xs] : xs.flatMap((x, i) => permutations([...xs.slice(0, i), ...xs.slice(i + 1)]).map((p) => [x, ...p]));
}

/** The oracle: some bijection of names makes the canonical keys equal (tried one by one). */
function oracle(a: FormulaJson, b: FormulaJson): boolean {
  const as = [...new Set(propNames(a))];
  const bs = [...new Set(propNames(b))];
  if (as.length !== bs.length) return false;
  const target = key(b);
  return permutations(bs).some((p) => key(scramble(a, new Map(as.map((n, i) => [n, p[i]!])), () => 0.99)) === target);
}

test('structEqual holds after a random renaming, reordering and regrouping', () => {
  fc.assert(
    fc.property(formula(['a', 'b', 'c', 'd']), fc.integer(), fc.integer(), (json, seed, namesSeed) => {
      const rnd = random(seed);
      const shuffle = random(namesSeed);
      const targets = ['x', 'y', 'z', 'w', 'a', 'b'].sort(() => shuffle() - 0.5);
      const names = new Map(['a', 'b', 'c', 'd'].map((n, i) => [n, targets[i]!]));
      const scrambled = scramble(json, names, rnd);
      assert.ok(structEqual(fromJson(json), fromJson(scrambled)), `${JSON.stringify(json)} vs ${JSON.stringify(scrambled)}`);
    }),
    { numRuns: 500 },
  );
});

test('structEqual agrees with trying every bijection, on random pairs', () => {
  // Half the pairs are scrambles of each other with one change at most, so both answers come up.
  const pair = fc.oneof(
    fc.tuple(formula(['a', 'b', 'c']), formula(['x', 'y', 'z'])),
    fc.tuple(formula(['a', 'b', 'c']), fc.integer(), fc.boolean()).map(([a, seed, change]): [FormulaJson, FormulaJson] => {
      const b = scramble(a, new Map([['a', 'y'], ['b', 'z'], ['c', 'x']]), random(seed));
      return [a, change ? { kind: 'not', args: [b] } : b];
    }),
    fc.tuple(formula(['a', 'b', 'c']), fc.integer()).map(([a, seed]): [FormulaJson, FormulaJson] => [a, scramble(a, new Map([['a', 'x'], ['b', 'x'], ['c', 'y']]), random(seed))]),
  );
  let equal = 0;
  let unequal = 0;
  fc.assert(
    fc.property(pair, ([a, b]) => {
      const got = structEqual(fromJson(a), fromJson(b));
      assert.equal(got, oracle(a, b), `${key(a)} vs ${key(b)}`);
      assert.equal(structEqual(fromJson(b), fromJson(a)), got, 'symmetric');
      if (astEqual(fromJson(a), fromJson(b))) assert.ok(got, 'astEqual implies structEqual');
      if (got) equal++;
      else unequal++;
    }),
    { numRuns: 1000 },
  );
  assert.ok(equal > 50 && unequal > 50, `both answers come up: ${equal} equal, ${unequal} not`);
});

test('structEqual ignores positions and spelling, as astEqual does', () => {
  assert.ok(structEqual(parse('always (a implies eventually b)'), fromJson(toJson(parse('G (q -> F p)')))));
});

test('signal comparisons are equal only when they compare the same terms the same way, in every comparison', () => {
  const f = (s: string) => {
    const r = parseFormula(s);
    assert.ok(r.ok, s);
    return r.formula;
  };
  for (const [a, b] of [['G (x < 3)', 'G (x < 4)'], ['x < 3', 'x <= 3'], ['x - y > 0.5', 'y - x > 0.5'], ['F (x < 3 & p)', 'F (y < 3 & p)']] as const) {
    assert.equal(astEqual(f(a), f(b)), false, `${a} / ${b}`);
    assert.equal(astEquivalent(f(a), f(b)), false, `${a} / ${b}`);
    assert.equal(structEqual(f(a), f(b)), false, `${a} / ${b}`);
  }
  assert.ok(astEqual(f('G (x < 3)'), f('G(x<3)')));
  assert.ok(structEqual(f('G (x < 3 -> F p)'), f('G (x < 3 -> F q)')));
});
