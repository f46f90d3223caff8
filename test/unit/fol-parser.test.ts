// The .fol AST parser (src/languages/fol/astParser.ts) reads files without syntax errors; the recovering CST
// parser reads the others. Both must give the same tree for a clean file, node for node and offset for offset.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseFolFile, parseFolFileWithRecovery } from '../../src/languages/fol/ast';
import { folText, rng } from '../../bench/corpus';
import { repoRoot } from '../helpers/data';

function sameAsRecovering(text: string): void {
  const fast = parseFolFile(text);
  assert.deepEqual(fast.problems.filter((p) => !/Unexpected character/.test(p.message)), [], `not a clean file: ${text}`);
  assert.deepStrictEqual(fast, parseFolFileWithRecovery(text), text);
}

/** Formulas mixing every connective, spelling, quantifier, (in)equation and nesting the grammar has. */
function formula(r: () => number, depth: number): string {
  const pick = <T>(xs: T[]) => xs[Math.floor(r() * xs.length)];
  const term = (d: number): string => (d <= 0 || r() < 0.6 ? pick(['x', 'y', 'a']) : `${pick(['f', 'g'])}(${Array.from({ length: Math.floor(r() * 3) }, () => term(d - 1)).join(', ')})`);
  const k = r();
  if (depth <= 0 || k < 0.2) return pick([`p(${term(2)})`, `q(${term(1)}, ${term(1)})`, 'true', 'false', `${term(1)} = ${term(1)}`, `${term(1)} != ${term(1)}`, 'r']);
  if (k < 0.3) return `${pick(['!', 'not ', '¬'])}${formula(r, depth - 1)}`;
  if (k < 0.4) return `${pick(['forall', 'exists', '∀', '∃'])} ${pick(['x', 'x, y', 'x: S', 'x:S, y'])}. ${formula(r, depth - 1)}`;
  if (k < 0.55) return `(${formula(r, depth - 1)})`;
  return `${formula(r, depth - 1)} ${pick(['&', '|', '->', '<->', 'and', 'or', 'implies', 'iff', '∧', '∨', '→', '↔', '&&', '||'])} ${formula(r, depth - 1)}`;
}

test('the AST parser gives the recovering parser\'s tree for generated rules over every connective and nesting', () => {
  const r = rng(11);
  for (let i = 0; i < 300; i++) sameAsRecovering(`sort S\npredicate p(x)\nrule r${i}: ${formula(r, 5)}\nrule s${i}: ${formula(r, 3)} /* c */ // d\n`);
});

test('the AST parser gives the recovering parser\'s tree for declarations, hierarchies and the benchmark corpus', () => {
  sameAsRecovering(`sort Object, Place
predicate near(x: Object, y: Object)
predicate none()
function loc(Object): Place
function id(x)
constant a: Object, b
hierarchy h levelled { g1 { c1, c2 }, g2 { c3 c4 { c5, c6 } } }
hierarchy e { }
hierarchy j from "x\\"y.json"
rule r1: forall x: Object, y. near(x, y) <-> near(y, x) -> !(x = y) & loc(x) != loc(y) | true
rule r2: # (forall x. ((c1(x))))
rule r3: p(a) & # p(b)
`);
  sameAsRecovering(fs.readFileSync(path.join(repoRoot, 'test', 'fixtures', 'fol', 'animals.fol'), 'utf8'));
  sameAsRecovering(folText(20_000, 3));
});

test('a file with a syntax error is read with recovery: the statements after it are kept', () => {
  const text = 'predicate p(x)\nrule a: forall x. p(x) &\nrule b: forall x. p(x)\n';
  const file = parseFolFile(text);
  assert.deepStrictEqual(file, parseFolFileWithRecovery(text));
  assert.ok(file.problems.length > 0);
  assert.deepEqual(file.statements.map((s) => s.kind), ['predicate', 'rule', 'rule']);
});
