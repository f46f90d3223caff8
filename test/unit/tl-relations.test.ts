// The hover's relations between specs (src/languages/tl/relations.ts): decided by the equivalence
// procedure, named as nesy monitor names specs, within a time budget whose leftovers later hovers
// decide, and plain about formulas outside the decided fragment.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { parseDocument } from '../../src/languages/tl/api';
import { relationLines, relationsOf } from '../../src/languages/tl/relations';

const doc = parseDocument(
  [
    'prop a',
    'prop b',
    'spec response := G (a -> F b)', // 2
    'spec negated := !F (a & !F b)', // 3: the same, written through its negation
    'spec stronger := G a & G (a -> F b)', // 4
    'spec unrelated := F a', // 5
    'X b', // 6: formula 1
    'signal x',
    'spec stl := G x < 3', // 8
  ].join('\n'),
);

test('equivalent, implies and implied by, against every other spec and bare formula', () => {
  assert.deepEqual(relationsOf(doc, 2), { equivalent: ['negated'], implies: [], impliedBy: ['stronger'], undecided: [{ name: 'stl', reason: relationsOf(doc, 8)!.undecided[0]!.reason }], pending: 0 });
  assert.deepEqual(relationsOf(doc, 4)!.implies, ['response', 'negated', 'unrelated']);
  assert.deepEqual(relationsOf(doc, 5)!.impliedBy, ['stronger']);
  const bare = relationsOf(doc, 6)!;
  assert.deepEqual([bare.equivalent, bare.implies, bare.impliedBy], [[], [], []]);
  // A signal comparison is outside the decided fragment: said, not guessed.
  const stl = relationsOf(doc, 8)!;
  assert.deepEqual(stl.undecided.map((u) => u.name), ['response', 'negated', 'stronger', 'unrelated', 'formula 1']);
  assert.match(stl.undecided[0]!.reason, /compares signals/);
  // Declarations have no relations.
  assert.equal(relationsOf(doc, 0), undefined);
});

test('the hover lines', () => {
  assert.deepEqual(relationLines(relationsOf(doc, 3)!).filter((l) => l !== ''), [
    '---',
    '**Equivalent to** `response`',
    '**Implied by** `stronger`',
    "_Not decided against `stl`: it compares signals (STL), which nesy equiv does not decide: it decides propositional LTL._",
  ]);
  assert.deepEqual(relationLines({ equivalent: [], implies: [], impliedBy: [], undecided: [], pending: 0 }), []);
});

test('a hover past its budget leaves the rest for the next one, which answers what was decided', () => {
  const fresh = parseDocument(['spec p1 := G (c -> X F d)', 'spec p2 := G (c -> F X d)', 'spec p3 := F d'].join('\n'));
  const first = relationsOf(fresh, 0, 0)!;
  assert.equal(first.pending, 2);
  assert.deepEqual(first.equivalent, []);
  const second = relationsOf(fresh, 0, 5_000)!;
  assert.deepEqual([second.equivalent, second.implies, second.pending], [['p2'], [], 0]);
  // Decided now: a small budget is enough to look the answers up (and none is left at zero).
  assert.deepEqual(relationsOf(fresh, 0, 20), second);
  assert.equal(relationsOf(fresh, 0, 0)!.pending, 2);
});
