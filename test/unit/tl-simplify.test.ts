// Simplify (src/languages/tl/simplify.ts): the rewrite table on hand-checked formulas, the edit keeping
// the user's text, and on random formulas: every simplification offered parses back to the tree it
// claims, keeps every comment, and has the same robustness as the original at every sample of random
// traces (the monitor is an independent judge of the equivalence the decision procedure proved).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { astEqual, parseDocument, printFormula, fromJson, type FormulaJson } from '../../src/languages/tl/api';
import { robustness } from '../../src/languages/tl/monitor/robustness';
import { simplification, simplified } from '../../src/languages/tl/simplify';

function simplify(source: string, style: 'ascii' | 'words' = 'ascii'): string | undefined {
  const doc = parseDocument(source);
  assert.deepEqual(doc.problems, [], source);
  const s = doc.statements.find((x) => x.kind === 'formula' || x.kind === 'specDecl') as { formula: import('../../src/languages/tl/api').Formula };
  const r = simplification(s.formula, doc.text, doc.comments, style);
  if (!r) return undefined;
  // The edits applied to the document give the text the action names.
  let out = source;
  for (const e of [...r.edits].reverse()) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}

test('the rules, each proven before it is offered', () => {
  const cases: [string, string][] = [
    ['!!a', 'a'],
    ['F F a', 'F a'],
    ['G G a', 'G a'],
    ['a & a', 'a'],
    ['a | a', 'a'],
    ['a | true', 'true'],
    ['a & false', 'false'],
    ['true & a', 'a'],
    ['!G !a', 'F a'],
    ['!F !a', 'G a'],
    ['!H !a', 'O a'],
    ['!G[0,5] !(a & b)', 'F[0,5] (a & b)'],
    ['F G F a', 'G F a'],
    ['G F G a', 'F G a'],
    ['true U a', 'F a'],
    ['false R a', 'G a'],
    ['a W false', 'G a'],
    ['a -> false', '!a'],
    ['false -> a', 'true'],
    ['!!!!a', 'a'],
  ];
  for (const [from, to] of cases) assert.equal(simplify(from), to, from);
  // `F !!!G !a`: !!!G!a is !G!a is F a, so F F a, then F a.
  assert.equal(simplify('F !!!G !a'), 'F a');
});

test('only what changed is rewritten: the rest, comments and spelling included, stays as written', () => {
  assert.equal(simplify('spec s := b & !!(a | c) // why\n'), 'spec s := b & (a | c) // why\n');
  assert.equal(simplify('G (p -> /* the reply */ !!q)'), 'G (p -> /* the reply */ q)');
  assert.equal(simplify('always (p -> not not q)'), 'always (p -> q)');
  // New operators are spelled in the style asked for.
  assert.equal(simplify('not always not p', 'words'), 'eventually p');
  // A comment inside what would be replaced: not offered rather than lost.
  assert.equal(simplify('F /* keep */ F a'), undefined);
  assert.equal(simplify('!!/* x */a'), undefined);
});

test('nothing is offered where no rule applies or the rewrite would not be an identity on finite traces', () => {
  for (const f of ['G (a -> F b)', 'X X a', '!X !a', 'G[0,3] G[0,2] a', 'F[1,2] true', 'a U b', 'speed < 3 & speed < 3 | x > 1']) {
    assert.equal(simplify(f.includes('<') ? `signal speed\nsignal x\n${f}` : f), undefined, f);
  }
});

const atoms = fc.constantFrom<FormulaJson>({ kind: 'prop', name: 'p' }, { kind: 'prop', name: 'q' }, { kind: 'true' }, { kind: 'false' });
const unaryKinds = ['not', 'not', 'finally', 'globally', 'once', 'historically', 'next'] as const;
const binaryKinds = ['and', 'or', 'implies', 'until', 'release', 'weak_until'] as const;
const formulaArb: fc.Arbitrary<FormulaJson> = fc.letrec<{ f: FormulaJson }>((tie) => ({
  f: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    atoms,
    fc.tuple(fc.constantFrom(...unaryKinds), tie('f')).map(([kind, a]) => ({ kind, args: [a] }) as FormulaJson),
    fc.tuple(fc.constantFrom(...binaryKinds), tie('f'), tie('f')).map(([kind, a, b]) => ({ kind, args: [a, b] }) as FormulaJson),
  ),
})).f;

test('an operand simplified to a looser operator gets parentheses where it stands (found by the property below on a random CI seed)', () => {
  assert.equal(simplify('!(q & p -> false) U p'), '(q & p) U p');
  assert.equal(simplify('!(q | p -> false) & r'), '(q | p) & r');
});

test('random formulas: an offered simplification parses to its tree and keeps the robustness at every sample', () => {
  const inf = Number.POSITIVE_INFINITY;
  let offered = 0;
  fc.assert(
    fc.property(formulaArb, fc.array(fc.tuple(fc.boolean(), fc.boolean()), { minLength: 1, maxLength: 12 }), (json, rows) => {
      const source = `${printFormula(fromJson(json))} // end\n`;
      const doc = parseDocument(source);
      const f = (doc.statements[0] as { formula: import('../../src/languages/tl/api').Formula }).formula;
      const r = simplification(f, doc.text, doc.comments, 'ascii', 2000);
      if (!r) {
        // Not offered only when no rule applies: every rule's result is proven by the decision procedure.
        assert.equal(simplified(f), f, `${source}: a rewrite was not proven equivalent`);
        return;
      }
      offered++;
      let text = source;
      for (const e of [...r.edits].reverse()) text = text.slice(0, e.start) + e.text + text.slice(e.end);
      const after = parseDocument(text);
      assert.deepEqual(after.problems, [], text);
      assert.ok(text.endsWith(' // end\n'), text);
      const g = (after.statements[0] as { formula: import('../../src/languages/tl/api').Formula }).formula;
      assert.ok(astEqual(g, r.formula), `${source} -> ${text}`);
      const times = Float64Array.from(rows, (_, i) => i);
      const atom = (node: { kind: string; name?: string }) => (i: number) => (rows[i]![node.name === 'p' ? 0 : 1] ? inf : -inf);
      assert.deepEqual([...robustness(g, { times, atom })], [...robustness(f, { times, atom })], `${source} -> ${text}`);
    }),
    { numRuns: 1500 },
  );
  assert.ok(offered > 100, `only ${offered} simplifications offered: the generator no longer exercises the rules`);
});
