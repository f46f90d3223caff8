// The reasoner's shortcuts must not change its answers: binary-searched cores equal deletion in order,
// verdicts settled by candidate models equal a truth table, and cached findings follow edits.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultSettings } from '../../src/core/settings';
import { FolCodes, type FolAnalysis } from '../../src/languages/fol/checks';
import type { Prop, PropRule } from '../../src/languages/fol/monadic';
import { minimalCore, reason, withoutMinisatOutput } from '../../src/languages/fol/reasoning';
import { folLanguage } from '../../src/languages/fol/service';
import { rng } from '../../bench/corpus';
import { repoRoot } from '../helpers/data';
import { nodeFiles } from '../../src/core/nodeFiles';

test('minimalCore keeps exactly what deletion in order keeps', () => {
  const r = rng(5);
  for (let t = 0; t < 500; t++) {
    const n = 1 + Math.floor(r() * 40);
    // Unsatisfiable means: holds every item of at least one conflict set.
    const conflicts = Array.from({ length: 1 + Math.floor(r() * 4) }, () => Array.from({ length: 1 + Math.floor(r() * 4) }, () => Math.floor(r() * n)));
    const unsat = (items: Set<number>) => conflicts.some((c) => c.every((i) => items.has(i)));
    let kept = Array.from({ length: n }, (_, i) => i);
    for (let i = 0; i < n; i++) {
      const without = kept.filter((k) => k !== i);
      if (unsat(new Set(without))) kept = without;
    }
    const range = (from: number) => Array.from({ length: Math.max(0, n - from) }, (_, i) => from + i);
    assert.deepEqual(minimalCore(n, (core, from) => unsat(new Set([...core, ...range(from)]))), kept, JSON.stringify(conflicts));
  }
});

const v = (name: string): Prop => ({ kind: 'var', name });
const holds = (p: Prop, truth: Set<string>): boolean => {
  switch (p.kind) {
    case 'var':
      return truth.has(p.name);
    case 'bool':
      return p.value;
    case 'not':
      return !holds(p.arg, truth);
    case 'and':
      return p.args.every((a) => holds(a, truth));
    case 'or':
      return p.args.some((a) => holds(a, truth));
    case 'implies':
      return !holds(p.left, truth) || holds(p.right, truth);
    case 'iff':
      return holds(p.left, truth) === holds(p.right, truth);
  }
};

test('contradictions, unsatisfiable classes and redundant rules agree with a truth table', () => {
  const vars = ['a', 'b', 'c', 'd', 'e', 'f'];
  const axiom = (name: string, kind: PropRule['kind'], body: Prop): PropRule => ({ name, kind, body, text: '' });
  const axioms = [
    axiom('C_b', 'C', { kind: 'implies', left: v('b'), right: v('a') }),
    axiom('C_c', 'C', { kind: 'implies', left: v('c'), right: v('a') }),
    axiom('D_a', 'D', { kind: 'implies', left: v('a'), right: { kind: 'or', args: [v('b'), v('c')] } }),
    axiom('E_b', 'E', { kind: 'implies', left: v('b'), right: { kind: 'not', arg: v('c') } }),
    axiom('E_c', 'E', { kind: 'implies', left: v('c'), right: { kind: 'not', arg: v('b') } }),
    axiom('C_e', 'C', { kind: 'implies', left: v('e'), right: v('d') }),
  ];
  const assignments = Array.from({ length: 1 << vars.length }, (_, m) => new Set(vars.filter((_, i) => m & (1 << i))));
  const models = assignments.filter((t) => axioms.every((a) => holds(a.body, t)));
  const r = rng(3);
  const prop = (d: number): Prop => {
    const k = r();
    if (d === 0 || k < 0.35) return v(vars[Math.floor(r() * vars.length)]);
    if (k < 0.5) return { kind: 'not', arg: prop(d - 1) };
    if (k < 0.7) return { kind: 'implies', left: prop(d - 1), right: prop(d - 1) };
    return { kind: r() < 0.5 ? 'and' : 'or', args: [prop(d - 1), prop(d - 1)] };
  };
  const rule = (body: Prop, i: number): PropRule => ({ name: `r${i}`, kind: 'user', body, text: '' });
  // Settled only by knowing that `a` alone breaks D_a, then random sets.
  const cases = [[axioms[2].body], [v('a'), { kind: 'not', arg: v('b') }, { kind: 'not', arg: v('c') }] as Prop[]];
  for (let t = 0; t < 300; t++) cases.push(Array.from({ length: 1 + Math.floor(r() * 5) }, () => prop(2)));
  for (const bodies of cases) {
    const rules = bodies.map(rule);
    const f = reason(axioms, rules, vars, undefined, 1e9);
    const allRules = models.filter((m) => rules.every((x) => holds(x.body, m)));
    assert.equal(!!f.contradiction, allRules.length === 0);
    if (!f.contradiction) {
      const unsat = vars.filter((c) => models.some((m) => m.has(c)) && !allRules.some((m) => m.has(c)));
      assert.deepEqual(f.unsatisfiable.map((u) => u.className).sort(), unsat.sort());
    }
    const satisfiableClass = (c: string) => models.some((m) => m.has(c));
    const expected = rules.flatMap((x) => {
      if (assignments.every((m) => holds(x.body, m))) return [`${x.name}:tautology`];
      const overSatisfiable = vars.every((c) => !JSON.stringify(x.body).includes(`"${c}"`) || satisfiableClass(c));
      return overSatisfiable && models.every((m) => holds(x.body, m)) ? [`${x.name}:redundant`] : [];
    });
    assert.deepEqual(f.redundant.map((x) => `${x.rule}:${x.tautology ? 'tautology' : 'redundant'}`), expected);
  }
});

async function analyze(text: string): Promise<FolAnalysis> {
  const uri = pathToFileURL(path.join(repoRoot, '.test-tmp', 'fol-reasoning', 'rules.fol')).toString();
  return folLanguage.analyze(TextDocument.create(uri, 'fol', 1, text), defaultSettings, { log: () => undefined, files: nodeFiles });
}
const example = `hierarchy animals {
  mammal { dog, cat }
  bird { sparrow, penguin }
}
rule r1: forall x. dog(x) -> bird(x)
rule r2: forall x. cat(x) -> mammal(x)
`;

test('findings reused for an unchanged rule set land on the edited text; a changed rule is reasoned about again', async () => {
  const before = await analyze(example);
  const shown = (a: FolAnalysis) => a.diagnostics.map((d) => `${d.code} ${a.document.getText(d.range)} ${d.message}`);
  assert.deepEqual(before.diagnostics.map((d) => d.code), [FolCodes.unsatisfiableClass, FolCodes.redundantRule]);
  const moved = await analyze(`// a comment above\npredicate near(x, y)\n${example.replace('rule r1', 'rule   r1')}`);
  assert.deepEqual(shown(moved), shown(before));
  assert.deepEqual(moved.diagnostics.map((d) => d.range.start.line), before.diagnostics.map((d) => d.range.start.line + 2));
  const fixed = await analyze(example.replace('dog(x) -> bird(x)', 'dog(x) -> mammal(x)'));
  assert.deepEqual(fixed.diagnostics.map((d) => `${d.code} ${fixed.document.getText(d.range)}`), [
    `${FolCodes.redundantRule} r1: forall x. dog(x) -> mammal(x)`,
    `${FolCodes.redundantRule} r2: forall x. cat(x) -> mammal(x)`,
  ]);
});

test("MiniSat's own abort printing is kept off stdout; other logging and errors pass through", () => {
  const seen: unknown[][] = [];
  const original = console.log;
  console.log = (...args: unknown[]) => void seen.push(args);
  try {
    assert.throws(() =>
      withoutMinisatOutput(() => {
        console.log('MINISAT-out:', 'Cannot enlarge memory arrays.');
        console.log('MINISAT-err:', 'abort()');
        console.log('kept');
        throw new Error('abort() at Error');
      }),
    /abort\(\) at Error/);
    console.log('after');
  } finally {
    console.log = original;
  }
  assert.deepEqual(seen, [['kept'], ['after']]);
});
