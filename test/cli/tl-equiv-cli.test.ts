// `nesy equiv "A" "B" [--json]`, run as the real built bundle: output, --json contract, exit
// statuses (0 equivalent, 1 not, 2 bad input or outside the decided fragment). Build first: npm run build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { nesy } from '../helpers/cli';

test('nesy equiv: equivalent formulas exit 0', () => {
  const r = nesy(['equiv', 'a W b', '(a U b) | G a']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, 'equivalent\n');
  const json = nesy(['equiv', '--json', 'G G a', 'always a']);
  assert.equal(json.code, 0, json.stderr);
  assert.deepEqual(JSON.parse(json.stdout), { equivalent: true, a_implies_b: true, b_implies_a: true, counterexample: null });
});

test('nesy equiv: different formulas exit 1 with the implications and a lasso', () => {
  const r = nesy(['equiv', 'G F a', 'F G a']);
  assert.equal(r.code, 1, r.stderr);
  assert.match(r.stdout, /^not equivalent\nA implies B: no\nB implies A: yes\ncounterexample, satisfies A and not B:\n {2}prefix: .*\n {2}loop: {3}.*\{\}/);
  const json = nesy(['equiv', '--json', 'F (a & b)', 'F a & F b']);
  assert.equal(json.code, 1, json.stderr);
  const out = JSON.parse(json.stdout);
  assert.deepEqual(Object.keys(out), ['equivalent', 'a_implies_b', 'b_implies_a', 'counterexample']);
  assert.equal(out.equivalent, false);
  assert.equal(out.a_implies_b, true);
  assert.equal(out.b_implies_a, false);
  // B and not A: a and b both eventually, never together. Every letter names both propositions.
  const letters: Record<string, boolean>[] = [...out.counterexample.prefix, ...out.counterexample.loop];
  assert.ok(out.counterexample.loop.length > 0);
  for (const l of letters) {
    assert.deepEqual(Object.keys(l).sort(), ['a', 'b']);
    assert.ok(!(l.a && l.b));
  }
  assert.ok(letters.some((l) => l.a) && letters.some((l) => l.b));
});

test('nesy equiv: bad input and formulas outside the decided fragment exit 2', () => {
  const syntax = nesy(['equiv', 'G (a', 'a']);
  assert.equal(syntax.code, 2);
  assert.equal(syntax.stdout, '');
  assert.match(syntax.stderr, /tl\/syntax-error/);
  const one = nesy(['equiv', 'a']);
  assert.equal(one.code, 2);
  assert.match(one.stderr, /give two formulas/);
  for (const [a, reason] of [
    ['F[0,0.5] a', /not an integer/],
    ['G[0,100] a', /more than 64 steps/],
  ] as const) {
    const r = nesy(['equiv', '--json', a, 'a']);
    assert.equal(r.code, 2, a);
    assert.equal(r.stdout, '');
    assert.match(r.stderr, /^nesy equiv: undecided: /);
    assert.match(r.stderr, reason);
  }
  assert.equal(nesy(['equiv', '--timeout', 'soon', 'a', 'a']).code, 2);
  assert.equal(nesy(['equiv', '--fast', 'a', 'a']).code, 2);
});

test('nesy equiv: bounded intervals over discrete time and past operators', () => {
  assert.equal(nesy(['equiv', 'F[0,2] a', 'a | X a | X X a']).code, 0);
  assert.equal(nesy(['equiv', 'G (b -> O a)', '!b W a']).code, 0);
  const r = nesy(['equiv', '--json', 'F[0,2] a', 'F[0,3] a']);
  assert.equal(r.code, 1);
  assert.equal(JSON.parse(r.stdout).a_implies_b, true);
});

test('nesy equiv --help and the command list', () => {
  const help = nesy(['equiv', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /usage: nesy equiv "A" "B" \[--json\]/);
  assert.match(nesy(['--help']).stdout, /\n {2}equiv +Decide whether two temporal-logic formulas are equivalent/);
});
