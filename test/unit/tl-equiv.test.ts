// decideEquivalence: exact LTL equivalence and implication (src/languages/tl/equiv), checked against a
// hand-written reference list of identities and non-identities, and every counterexample replayed by
// an independent evaluator written here: a direct evaluation of the formula on the lasso word by
// fixpoints over its finitely many positions (past operators by scanning the absolute history).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { decideEquivalence, equivalenceJson, fromJson, parseFormula, sameMeaningUpToRenaming, type Formula, type FormulaJson, type Lasso } from '../../src/languages/tl/api';

function parse(text: string): Formula {
  const r = parseFormula(text);
  if (!r.ok) assert.fail(`${text}: ${r.problems.map((p) => p.message).join('; ')}`);
  return r.formula;
}

// ---------------------------------------------------------------------------------------------
// The independent evaluator. A lasso word is prefix · loopω; position i of the lasso has successor
// i+1, except the last, whose successor is the loop's start q. Every future subformula's truth is
// then a vector over the n lasso positions (U a least fixpoint, R a greatest one). Past operators
// depend on the absolute time, not only on the lasso position, so the lasso is unrolled (the loop
// copied K times into the prefix) until every past subformula is periodic over the loop, which is
// checked: a past value must repeat with the loop from the loop's first visit on.

type Letter = Record<string, boolean>;

function evaluate(f: Formula, prefix: Letter[], loop: Letter[]): { value: boolean; periodic: boolean } {
  const letters = [...prefix, ...loop];
  const n = letters.length;
  const q = prefix.length;
  const L = loop.length;
  const succ = (i: number) => (i + 1 < n ? i + 1 : q);
  const abs = (t: number) => (t < n ? t : q + ((t - q) % L));
  let periodic = true;
  const memo = new Map<Formula, boolean[]>();

  const lfp = (a: boolean[], b: boolean[]) => {
    const v = new Array<boolean>(n).fill(false);
    for (let changed = true; changed; ) {
      changed = false;
      for (let i = n - 1; i >= 0; i--) {
        const x = b[i]! || (a[i]! && v[succ(i)]!);
        if (x !== v[i]) (v[i] = x), (changed = true);
      }
    }
    return v;
  };
  const gfp = (a: boolean[], b: boolean[]) => {
    const v = new Array<boolean>(n).fill(true);
    for (let changed = true; changed; ) {
      changed = false;
      for (let i = n - 1; i >= 0; i--) {
        const x = b[i]! && (a[i]! || v[succ(i)]!);
        if (x !== v[i]) (v[i] = x), (changed = true);
      }
    }
    return v;
  };
  /** a U[lo,hi] b at every lasso position. */
  const untilBounded = (a: boolean[], b: boolean[], lo: number, hi: number | null) => {
    const unbounded = hi === null ? lfp(a, b) : undefined;
    return Array.from({ length: n }, (_, i) => {
      let p = i;
      for (let k = 0; k < lo; k++) {
        if (!a[p]) return false;
        p = succ(p);
      }
      if (unbounded) return unbounded[p]!;
      for (let k = lo; k <= hi!; k++) {
        if (b[p]) return true;
        if (!a[p]) return false;
        p = succ(p);
      }
      return false;
    });
  };
  /** a S[lo,hi] b at absolute time t. */
  const sinceAt = (a: boolean[], b: boolean[], lo: number, hi: number | null, t: number) => {
    const from = hi === null ? 0 : Math.max(0, t - hi);
    for (let j = t - lo; j >= from; j--) {
      if (b[abs(j)]) {
        let ok = true;
        for (let k = j + 1; k <= t && ok; k++) ok = a[abs(k)]!;
        if (ok) return true;
      }
    }
    return false;
  };
  // The value at absolute time t depends on the arguments from t − reach on (reach: the window's
  // far end, or lo + L for an unbounded one). Once that range lies inside the loop the value repeats
  // with the loop, so checking a repeat up to there shows the whole sequence periodic from q.
  const pastVector = (at: (t: number) => boolean, reach: number) => {
    const v = Array.from({ length: n }, (_, t) => at(t));
    for (let t = q; t <= q + L + reach; t++) if (at(t + L) !== at(t)) periodic = false;
    return v;
  };

  const not = (v: boolean[]) => v.map((x) => !x);
  const all = (x: boolean) => new Array<boolean>(n).fill(x);

  const ev = (g: Formula): boolean[] => {
    const known = memo.get(g);
    if (known) return known;
    const lo = 'interval' in g && g.interval ? g.interval.lo : 0;
    const hi = 'interval' in g && g.interval ? g.interval.hi : null;
    let v: boolean[];
    switch (g.kind) {
      case 'prop':
        v = letters.map((l) => l[g.name] === true);
        break;
      case 'true':
      case 'false':
        v = all(g.kind === 'true');
        break;
      case 'not':
        v = not(ev(g.args[0]));
        break;
      case 'and':
      case 'or':
      case 'xor':
      case 'implies':
      case 'iff': {
        const [a, b] = [ev(g.args[0]), ev(g.args[1])];
        const op = { and: (x: boolean, y: boolean) => x && y, or: (x: boolean, y: boolean) => x || y, xor: (x: boolean, y: boolean) => x !== y, implies: (x: boolean, y: boolean) => !x || y, iff: (x: boolean, y: boolean) => x === y }[g.kind];
        v = a.map((x, i) => op(x, b[i]!));
        break;
      }
      case 'next': {
        const a = ev(g.args[0]);
        v = a.map((_, i) => a[succ(i)]!);
        break;
      }
      case 'finally':
        v = untilBounded(all(true), ev(g.args[0]), lo, hi);
        break;
      case 'globally':
        v = not(untilBounded(all(true), not(ev(g.args[0])), lo, hi));
        break;
      case 'until':
        v = lo === 0 && hi === null ? lfp(ev(g.args[0]), ev(g.args[1])) : untilBounded(ev(g.args[0]), ev(g.args[1]), lo, hi);
        break;
      case 'release':
        v = lo === 0 && hi === null ? gfp(ev(g.args[0]), ev(g.args[1])) : not(untilBounded(not(ev(g.args[0])), not(ev(g.args[1])), lo, hi));
        break;
      case 'weak_until': {
        const [a, b] = [ev(g.args[0]), ev(g.args[1])];
        const u = untilBounded(a, b, lo, hi);
        const ga = not(untilBounded(all(true), not(a), lo, hi));
        v = u.map((x, i) => x || ga[i]!);
        break;
      }
      case 'strong_release': {
        const [a, b] = [ev(g.args[0]), ev(g.args[1])];
        v = untilBounded(b, a.map((x, i) => x && b[i]!), lo, hi);
        break;
      }
      case 'prev': {
        const a = ev(g.args[0]);
        v = pastVector((t) => t > 0 && a[abs(t - 1)]!, 1);
        break;
      }
      case 'once': {
        const a = ev(g.args[0]);
        v = pastVector((t) => sinceAt(all(true), a, lo, hi, t), lo + (hi ?? L) + 1);
        break;
      }
      case 'historically': {
        const a = not(ev(g.args[0]));
        v = pastVector((t) => !sinceAt(all(true), a, lo, hi, t), lo + (hi ?? L) + 1);
        break;
      }
      case 'since': {
        const [a, b] = [ev(g.args[0]), ev(g.args[1])];
        v = pastVector((t) => sinceAt(a, b, lo, hi, t), lo + (hi ?? L) + 1);
        break;
      }
      default:
        throw new Error(`unknown kind ${(g as Formula).kind}`);
    }
    memo.set(g, v);
    return v;
  };
  return { value: ev(f)[0]!, periodic };
}

/** Whether f holds on the lasso word, unrolling the loop until the past subformulas are periodic. */
function holds(f: Formula, w: Lasso): boolean {
  let prefix = w.prefix;
  for (let k = 0; k < 12; k++) {
    const r = evaluate(f, prefix, w.loop);
    if (r.periodic) return r.value;
    prefix = [...prefix, ...w.loop, ...w.loop];
  }
  throw new Error('past subformulas never became periodic');
}

// A check of the evaluator itself on words worked out by hand.
test('lasso evaluator: hand-checked words', () => {
  const w = (prefix: string[], loop: string[]): Lasso => {
    const letter = (s: string) => Object.fromEntries([...s].map((c) => [c, true]));
    return { prefix: prefix.map(letter), loop: loop.map(letter) };
  };
  const cases: [string, Lasso, boolean][] = [
    ['G F a', w([], ['a', '']), true],
    ['F G a', w([], ['a', '']), false],
    ['F G a', w(['', ''], ['a']), true],
    ['a U b', w(['a', 'a'], ['b']), true],
    ['a U b', w(['a', ''], ['b']), false],
    ['a R b', w([], ['b']), true],
    ['a R b', w(['b', 'ab'], ['']), true],
    ['a R b', w(['b', 'a'], ['']), false],
    ['X X a', w(['', ''], ['a']), true],
    ['F[2,3] a', w(['', '', '', 'a'], ['']), true],
    ['F[2,3] a', w(['', '', '', '', 'a'], ['']), false],
    ['G[1,2] a', w(['', 'a', 'a'], ['']), true],
    ['a U[1,2] b', w(['a', 'b'], ['']), true],
    ['a U[1,2] b', w(['b', ''], ['']), false],
    ['F[3,inf] a', w(['a', '', ''], ['', 'a']), true],
    ['Y a', w(['a'], ['']), false],
    ['X Y a', w(['a'], ['']), true],
    ['G (b -> O a)', w(['', 'a', 'b'], ['b']), true],
    ['G (b -> O a)', w(['', 'b'], ['a']), false],
    ['G (b -> Y Y a)', w(['a', '', 'b'], ['']), true],
    ['F (b & H a)', w(['a', 'a', 'ab'], ['']), true],
    ['F (b & H a)', w(['a', ''], ['ab']), false],
    ['G F (a S b)', w(['b'], ['a']), true],
    ['G F (a S b)', w(['b'], ['a', '']), false],
    ['G F (O[2,3] a)', w([], ['a', '', '', '']), true],
    ['G F (O[2,3] a)', w([], ['a', '', '', '', '', '']), true],
    ['G (O[2,3] a)', w([], ['a', '', '', '', '']), false],
  ];
  for (const [text, word, expected] of cases) assert.equal(holds(parse(text), word), expected, text);
});

// ---------------------------------------------------------------------------------------------
// The reference list: [A, B, A implies B, B implies A].

const reference: [string, string, boolean, boolean][] = [
  // Equivalences.
  ['G G a', 'G a', true, true],
  ['F F a', 'F a', true, true],
  ['G F G F a', 'G F a', true, true],
  ['F G F a', 'G F a', true, true],
  ['G F G a', 'F G a', true, true],
  ['a U (a U b)', 'a U b', true, true],
  ['(a U b) U b', 'a U b', true, true],
  ['!(a U b)', '!a R !b', true, true],
  ['!(a R b)', '!a U !b', true, true],
  ['a W b', '(a U b) | G a', true, true],
  ['a W b', 'b R (a | b)', true, true],
  ['a M b', 'b U (a & b)', true, true],
  ['a M b', '!(!a W !b)', true, true],
  ['X (a & b)', 'X a & X b', true, true],
  ['X (a | b)', 'X a | X b', true, true],
  ['!X a', 'X !a', true, true],
  ['G (a & b)', 'G a & G b', true, true],
  ['F (a | b)', 'F a | F b', true, true],
  ['F a', 'true U a', true, true],
  ['G a', 'false R a', true, true],
  ['!F a', 'G !a', true, true],
  ['!G F a', 'F G !a', true, true],
  ['a U b', 'b | (a & X (a U b))', true, true],
  ['a R b', 'b & (a | X (a R b))', true, true],
  ['F a', 'a | X F a', true, true],
  ['X F a', 'F X a', true, true],
  ['X G a', 'G X a', true, true],
  ['X (a U b)', 'X a U X b', true, true],
  ['G F (a | b)', 'G F a | G F b', true, true],
  ['F G (a & b)', 'F G a & F G b', true, true],
  ['F G a & G F a', 'F G a', true, true],
  ['a U (b | c)', '(a U b) | (a U c)', true, true],
  ['(a & b) U c', '(a U c) & (b U c)', true, true],
  ['G (a U b)', 'G (a | b) & G F b', true, true],
  ['G (a -> X b) & G (a -> X !b)', 'G !a', true, true],
  ['a -> b', '!a | b', true, true],
  ['a <-> b', '(a -> b) & (b -> a)', true, true],
  ['a xor b', '!(a <-> b)', true, true],
  ['a | !a', 'true', true, true],
  ['a & !a', 'F false', true, true],
  ['G true', 'true', true, true],
  ['F[0,2] a', 'a | X a | X X a', true, true],
  ['G[1,3] a', 'X a & X X a & X X X a', true, true],
  ['F[2,inf] a', 'X X F a', true, true],
  ['a U[0,2] b', 'b | (a & X (b | (a & X b)))', true, true],
  ['G (b -> O a)', '!b W a', true, true],
  ['O a', 'a', true, true],
  ['H a', 'a', true, true],
  ['Y a', 'false', true, true],
  ['G (a -> Y b)', '!a & G (X a -> b)', true, true],
  ['a S b', 'b', true, true],
  // Non-equivalences.
  ['G F a', 'F G a', false, true],
  ['F (a & b)', 'F a & F b', true, false],
  ['a U b', 'b U a', false, false],
  ['G (a -> F b)', 'G a -> G F b', true, false],
  ['G a', 'a', true, false],
  ['F a', 'a', false, true],
  ['X a', 'a', false, false],
  ['a', 'b', false, false],
  ['a U b', 'F b', true, false],
  ['a W b', 'a U b', false, true],
  ['a R b', 'G b', false, true],
  ['G F a', 'F a', true, false],
  ['a M b', 'a R b', true, false],
  ['F G a', 'G a', false, true],
  ['G (a -> X b)', 'G (a -> F b)', true, false],
  ['G (a -> F b)', 'G (a -> X F b)', false, true],
  ['G F a', 'G F (a & X a)', false, true],
  ['G a', 'G a & F b', false, true],
  ['F[0,2] a', 'F[0,3] a', true, false],
  ['G[0,3] a', 'G[0,2] a', true, false],
  ['a U[0,2] b', 'a U b', true, false],
  ['G (b -> Y a)', 'G (b -> O a)', true, false],
  ['F (a & Y b)', 'F (a & O b)', true, false],
];

test('reference list: at least 40 pairs, every direction as expected, every counterexample valid', () => {
  assert.ok(reference.length >= 40);
  for (const [a, b, aImpliesB, bImpliesA] of reference) {
    const A = parse(a);
    const B = parse(b);
    const r = decideEquivalence(A, B);
    assert.ok(r.decided, `${a} vs ${b}: ${r.decided ? '' : r.reason}`);
    assert.equal(r.aImpliesB, aImpliesB, `${a} -> ${b}`);
    assert.equal(r.bImpliesA, bImpliesA, `${b} -> ${a}`);
    assert.equal(r.equivalent, aImpliesB && bImpliesA, `${a} <-> ${b}`);
    if (r.equivalent) {
      assert.equal(r.counterexample, null);
      continue;
    }
    const w = r.counterexample!;
    assert.ok(w.loop.length > 0, `${a} vs ${b}: empty loop`);
    // The counterexample satisfies A and not B when A does not imply B, otherwise B and not A.
    const [yes, no] = r.aImpliesB ? [B, A] : [A, B];
    assert.equal(holds(yes, w), true, `${a} vs ${b}: counterexample should satisfy ${r.aImpliesB ? b : a}: ${JSON.stringify(w)}`);
    assert.equal(holds(no, w), false, `${a} vs ${b}: counterexample should violate ${r.aImpliesB ? a : b}: ${JSON.stringify(w)}`);
  }
});

test('counterexample letters name every proposition of both formulas, unconstrained ones false', () => {
  const r = decideEquivalence(parse('G F a'), parse('F G a & F c'));
  assert.ok(r.decided && !r.equivalent);
  for (const letter of [...r.counterexample!.prefix, ...r.counterexample!.loop]) assert.deepEqual(Object.keys(letter).sort(), ['a', 'c']);
  const x = decideEquivalence(parse('X b'), parse('false'));
  assert.ok(x.decided);
  assert.deepEqual(equivalenceJson(x), { equivalent: false, a_implies_b: false, b_implies_a: true, counterexample: x.counterexample });
  assert.equal(holds(parse('X b'), x.counterexample!), true);
  const y = decideEquivalence(parse('a'), parse('!!a'));
  assert.ok(y.decided);
  assert.deepEqual(equivalenceJson(y), { equivalent: true, a_implies_b: true, b_implies_a: true, counterexample: null });
});

test('outside the decided fragment: said plainly, never a guess', () => {
  for (const [a, reason] of [
    ['F[0.5,2] a', /integer/],
    ['F[3,1] a', /reversed/],
    ['G[0,100] a', /64/],
    ['F[0,40] a & G[0,40] b', /64/],
  ] as const) {
    const r = decideEquivalence(parse(a), parse('a'));
    assert.equal(r.decided, false, a);
    assert.match(r.decided ? '' : r.reason, reason);
  }
  // A budget too small for the search gives up instead of answering.
  const r = decideEquivalence(parse('G F a & G F b & G F c'), parse('G F (a & b & c)'), { maxStates: 1 });
  assert.equal(r.decided, false);
});

// ---------------------------------------------------------------------------------------------
// Random formulas.

const props = ['a', 'b', 'c'];
const interval = fc.option(
  fc.tuple(fc.integer({ min: 0, max: 3 }), fc.option(fc.integer({ min: 0, max: 3 }), { nil: null })).map(([lo, d]) => [lo, d === null ? null : lo + d] as [number, number | null]),
  { nil: undefined, freq: 3 },
);
const withInterval = (kind: string, args: FormulaJson[], iv: [number, number | null] | undefined): FormulaJson =>
  (iv ? { kind, args, interval: iv } : { kind, args }) as FormulaJson;

function formulas(withPast: boolean): fc.Arbitrary<FormulaJson> {
  const { f } = fc.letrec<{ f: FormulaJson }>((tie) => ({
    f: fc.oneof(
      { depthSize: 'medium', withCrossShrink: true },
      fc.constantFrom(...props).map((name): FormulaJson => ({ kind: 'prop', name })),
      fc.constantFrom<FormulaJson>({ kind: 'true' }, { kind: 'false' }),
      fc.tuple(fc.constantFrom('not', 'next', ...(withPast ? ['prev'] : [])), tie('f')).map(([kind, a]) => ({ kind, args: [a] }) as FormulaJson),
      fc.tuple(fc.constantFrom('finally', 'globally', ...(withPast ? ['once', 'historically'] : [])), tie('f'), interval).map(([kind, a, iv]) => withInterval(kind, [a], iv)),
      fc.tuple(fc.constantFrom('and', 'or', 'implies', 'iff', 'xor'), tie('f'), tie('f')).map(([kind, a, b]) => ({ kind, args: [a, b] }) as FormulaJson),
      fc.tuple(fc.constantFrom('until', 'release', 'weak_until', 'strong_release', ...(withPast ? ['since'] : [])), tie('f'), tie('f'), interval).map(([kind, a, b, iv]) => withInterval(kind, [a, b], iv)),
    ),
  }));
  return f;
}

const letter = fc.record(Object.fromEntries(props.map((p) => [p, fc.boolean()])) as Record<string, fc.Arbitrary<boolean>>);
const lasso: fc.Arbitrary<Lasso> = fc.record({ prefix: fc.array(letter, { maxLength: 4 }), loop: fc.array(letter, { minLength: 1, maxLength: 4 }) });

function agreesWithEvaluator(fj: FormulaJson, gj: FormulaJson, words: Lasso[]): boolean {
  const f = fromJson(fj);
  const g = fromJson(gj);
  // A time limit so that one unlucky draw cannot hold the suite for the default 10 s.
  const r = decideEquivalence(f, g, { timeoutMs: 3000 });
  if (!r.decided) return true;
  if (r.counterexample) {
    const [yes, no] = r.aImpliesB ? [g, f] : [f, g];
    if (!holds(yes, r.counterexample) || holds(no, r.counterexample)) return false;
  } else if (!r.equivalent) return false;
  for (const w of words) {
    const [x, y] = [holds(f, w), holds(g, w)];
    if (r.aImpliesB && x && !y) return false;
    if (r.bImpliesA && y && !x) return false;
  }
  return true;
}

test('property: every formula is equivalent to itself and to its double negation', () => {
  fc.assert(
    fc.property(formulas(true), (fj) => {
      const f = fromJson(fj);
      const r = decideEquivalence(f, f);
      const s = decideEquivalence(f, fromJson({ kind: 'not', args: [{ kind: 'not', args: [fj] }] }));
      return (!r.decided || r.equivalent) && (!s.decided || s.equivalent) && (r.decided || /64/.test(r.reason));
    }),
    { numRuns: 150 },
  );
});

test('property: the decision agrees with the lasso evaluator (future operators)', () => {
  fc.assert(fc.property(formulas(false), formulas(false), fc.array(lasso, { minLength: 20, maxLength: 20 }), agreesWithEvaluator), { numRuns: 250 });
});

test('property: the decision agrees with the lasso evaluator (past operators too)', () => {
  fc.assert(fc.property(formulas(true), formulas(true), fc.array(lasso, { minLength: 20, maxLength: 20 }), agreesWithEvaluator), { numRuns: 200 });
});

test('property: a formula and a random rewrite of it by a true identity are equivalent', () => {
  // Identities the translation does not apply itself: the expansion laws of F and U, W by its
  // definition (the translation uses y R (x | y)), and G F distributing over &.
  fc.assert(
    fc.property(formulas(false), formulas(false), (xj, yj) => {
      const F = (a: FormulaJson): FormulaJson => ({ kind: 'finally', args: [a] });
      const G = (a: FormulaJson): FormulaJson => ({ kind: 'globally', args: [a] });
      const X = (a: FormulaJson): FormulaJson => ({ kind: 'next', args: [a] });
      const op = (kind: 'and' | 'or' | 'until' | 'weak_until', a: FormulaJson, b: FormulaJson): FormulaJson => ({ kind, args: [a, b] });
      const pairs: [FormulaJson, FormulaJson][] = [
        [F(xj), op('or', xj, X(F(xj)))],
        [op('until', xj, yj), op('or', yj, op('and', xj, X(op('until', xj, yj))))],
        [op('weak_until', xj, yj), op('or', op('until', xj, yj), G(xj))],
        [op('and', G(F(xj)), G(F(yj))), G(op('and', F(xj), F(yj)))],
      ];
      return pairs.every(([p, q]) => {
        const r = decideEquivalence(fromJson(p), fromJson(q));
        return !r.decided || r.equivalent;
      });
    }),
    { numRuns: 100 },
  );
});

test('sameMeaningUpToRenaming: the same meaning under some one-to-one renaming of propositions, and nothing more', () => {
  const same = (a: string, b: string, want: boolean) => assert.equal(sameMeaningUpToRenaming(parse(a), parse(b), 2000), want, `${a} vs ${b}`);
  // A different shape with the same meaning, and the writer's own names.
  same('!go_cafe U (platform_2 & F go_cafe)', '(!cafe U platform_2) & F cafe', true);
  same('G (x -> F y)', 'G (req -> F ack)', true);
  // Only the second renaming tried makes these the same (x, y onto a, b fails; onto b, a holds).
  same('F x & (!y U x) & F y', '!a U (b & F a)', true);
  // The same shape with another meaning, a renaming that is not one-to-one, and a proposition too many: different.
  same('F (a & F b)', 'F a & F b', false);
  same('G (a -> F a)', 'G (p -> F q)', false);
  same('F a & F b', 'F a', false);
  same('a U b', 'a W b', false);
});
