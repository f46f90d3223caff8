import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { DiagnosticSeverity, type CodeAction, type Diagnostic, type TextEdit } from 'vscode-languageserver-types';
import { defaultSettings } from '../../src/core/settings';
import { FolCodes, type FolAnalysis } from '../../src/languages/fol/checks';
import { codeActionsFol, folLanguage, generateRulesEdit } from '../../src/languages/fol/service';
import { hasSharedData, repoRoot, sharedDataDir } from '../helpers/data';
import { nodeFiles } from '../../src/core/nodeFiles';

const tmp = path.join(repoRoot, '.test-tmp', 'fol-checks');
fs.mkdirSync(path.join(tmp, 'data'), { recursive: true });
fs.writeFileSync(path.join(tmp, '.nesyroot'), '');

async function analyze(text: string, name = 'rules.fol'): Promise<FolAnalysis> {
  const doc = TextDocument.create(pathToFileURL(path.join(tmp, name)).toString(), 'fol', 1, text);
  return folLanguage.analyze(doc, defaultSettings, { log: () => undefined, files: nodeFiles });
}
const codes = (a: FolAnalysis) => a.diagnostics.map((d) => d.code);
const at = (a: FolAnalysis, d: Diagnostic) => a.document.getText(d.range);
function fixes(a: FolAnalysis, code: string): CodeAction[] {
  const ds = a.diagnostics.filter((d) => d.code === code);
  assert.ok(ds.length, `no ${code} in ${JSON.stringify(codes(a))}`);
  return codeActionsFol(a, ds[0].range, ds);
}
function apply(a: FolAnalysis, action: CodeAction): string {
  const edits = action.edit!.changes![a.document.uri] as TextEdit[];
  return TextDocument.applyEdits(a.document, edits);
}

const example = `// comments
hierarchy animals {
  mammal { dog, cat }
  bird { sparrow, penguin }
}
predicate near(x, y)
rule r1: forall x. dog(x) -> bird(x)
rule r2: forall x. exists y. near(x, y) & !cat(y)
`;

test('the required example parses; r1 makes dog unsatisfiable by SAT reasoning', async () => {
  const a = await analyze(example);
  assert.deepEqual(codes(a), [FolCodes.unsatisfiableClass]);
  const d = a.diagnostics[0];
  assert.match(d.message, /'dog' unsatisfiable/);
  assert.ok(at(a, d).startsWith('r1'));
  const place = d.relatedInformation!.find((r) => r.message === 'class dog in hierarchy animals')!;
  assert.equal(a.document.getText(place.location.range), 'dog');
});

test('syntax errors are reported with recovery: later statements are still checked', async () => {
  const a = await analyze('predicate p(x)\nrule bad: forall x. p(x) ->\nrule ok: forall x. q(x)\n');
  assert.equal(codes(a)[0], FolCodes.syntax);
  assert.match(a.diagnostics[0].message, /^Expected /);
  assert.ok(codes(a).includes(FolCodes.undeclaredPredicate), 'the rule after the error is still analyzed');
});

test('Unicode and ASCII connectives mean the same', async () => {
  const a = await analyze('hierarchy h { a, b }\nrule u: ∀x. a(x) → ¬b(x) ∧ (a(x) ∨ b(x)) ↔ a(x)\nrule w: forall x. a(x) and not b(x) or a(x) <-> a(x)\n');
  assert.ok(!codes(a).includes(FolCodes.syntax), JSON.stringify(a.diagnostics));
});

test('semantic checks: free, unused and shadowed variables, arity, duplicates, sorts', async () => {
  const a = await analyze(`sort Animal, Place
predicate near(x: Animal, y: Place)
constant home: Place, rex: Animal
rule a: forall x. exists z. near(x, y)
rule b: forall x: Animal. exists x: Animal. near(x, home)
rule c: forall x: Place. near(x, rex)
rule a: forall x. near(x, home)
rule e: forall x. near(x)
predicate near(x)
rule d: forall x: Thing. near(x, home)
`);
  const cs = codes(a);
  for (const c of [FolCodes.freeVariable, FolCodes.unusedVariable, FolCodes.shadowedVariable, FolCodes.sortMismatch, FolCodes.arityMismatch, FolCodes.duplicateName, FolCodes.unknownSort]) {
    assert.ok(cs.includes(c), `${c} missing from ${JSON.stringify(cs)}`);
  }
  const sort = a.diagnostics.filter((d) => d.code === FolCodes.sortMismatch).map((d) => at(a, d));
  assert.deepEqual(sort, ['x', 'rex']);
});

test('hierarchy structure: duplicates, two parents, cycles, empty and single-child groups, levels', async () => {
  const a = await analyze(`hierarchy h levelled {
  a { b, c, b }
  d { e { f } }
  g { }
  k { c, a }
  m
}
`);
  const by = (code: string) => a.diagnostics.filter((d) => d.code === code).map((d) => at(a, d));
  assert.deepEqual(by(FolCodes.duplicateClass), ['b']);
  assert.deepEqual(by(FolCodes.twoParents), ['c', 'a']);
  assert.deepEqual(by(FolCodes.emptyGroup), ['g']);
  assert.deepEqual(by(FolCodes.singleChild), ['d', 'e']);
  assert.ok(by(FolCodes.unevenDepth).includes('m'));
  const cyc = await analyze('hierarchy h { a { b { a } } }\n');
  assert.deepEqual(cyc.diagnostics.filter((d) => d.code === FolCodes.cycle).map((d) => at(cyc, d)), ['a']);
});

test('quick fix: declare a missing predicate, applied', async () => {
  const a = await analyze('hierarchy h { a, b }\nrule r: forall x. a(x) -> fish(x)\n');
  const fixed = apply(a, fixes(a, FolCodes.undeclaredPredicate)[0]);
  assert.match(fixed, /predicate fish\(x\)\nrule r/);
  assert.ok(!codes(await analyze(fixed)).includes(FolCodes.undeclaredPredicate));
});

test('quick fix: change an arity, applied', async () => {
  const a = await analyze('predicate near(x, y)\nrule r: forall x. near(x)\n');
  const fixed = apply(a, fixes(a, FolCodes.arityMismatch)[0]);
  assert.equal(fixed, 'predicate near(x)\nrule r: forall x. near(x)\n');
});

test('quick fix: an arity change replaces a declared parameter that is not a name (found by the quick-fix fuzz test)', async () => {
  const a = await analyze('predicate near(x,from "h.json" y)\nrule r: forall x. exists y. near(x, y)\n');
  const fixed = apply(a, fixes(a, FolCodes.arityMismatch)[0]);
  assert.equal(fixed, 'predicate near(x, y)\nrule r: forall x. exists y. near(x, y)\n');
  assert.ok(!codes(await analyze(fixed)).includes(FolCodes.arityMismatch));
});

test('quick fixes: bind a free variable, drop an unused one', async () => {
  const a = await analyze('predicate p(x)\nrule r: p(y)\n');
  assert.equal(apply(a, fixes(a, FolCodes.freeVariable)[0]), 'predicate p(x)\nrule r: forall y. p(y)\n');
  const b = await analyze('predicate p(x)\nrule r: forall x. exists z. p(x)\n');
  assert.equal(apply(b, fixes(b, FolCodes.unusedVariable)[0]), 'predicate p(x)\nrule r: forall x. p(x)\n');
});

test('quick fix: no move is offered where a syntax error leaves the class\'s parents uncertain (found by the quick-fix fuzz test, seed 1991740357)', async () => {
  const text = " over it, for the  over it, for the .fol suite (test/e2e/suite/fol.test.ts).\nhierarchy animals {\n  mammal { dog, cat }\n  bird {,erule r{\n  mammal { dog, cat }\n  bird {,erule r1 dog, cat }\n  bird {,erule r1: forall x. dog(x) -> bird(x)\nrule r2: forall x. exists y. near(x, y) & !cat(y)\nrule r3: forall x. cat(x) -> fish(x)\n";
  const a = await analyze(text);
  const twice = a.diagnostics.filter((d) => d.code === FolCodes.twoParents);
  assert.ok(twice.length > 0, JSON.stringify(codes(a)));
  for (const d of twice) {
    for (const action of codeActionsFol(a, d.range, [d]).filter((x) => x.kind === 'quickfix')) {
      const after = await analyze(apply(a, action));
      const same = after.diagnostics.filter((x) => x.code === d.code && x.message === d.message).length;
      assert.ok(same < twice.filter((x) => x.message === d.message).length, `"${action.title}" left the problem in place`);
    }
  }
});

test('quick fix: move a class that sits under two parents', async () => {
  const a = await analyze('hierarchy h {\n  a { x, w, y }\n  b { z, y }\n}\n');
  const actions = fixes(a, FolCodes.twoParents).filter((x) => x.kind === 'quickfix');
  assert.equal(actions.length, 2);
  const keepUnderB = actions.find((x) => x.title.includes("under 'b'"))!;
  const fixed = apply(a, keepUnderB);
  assert.equal(fixed, 'hierarchy h {\n  a { x, w }\n  b { z, y }\n}\n');
  assert.deepEqual(codes(await analyze(fixed)), []);
});

test('redundant rule is a hint with a removal fix; generated C/D/E rules are all redundant', async () => {
  const a = await analyze('hierarchy h { a { b, c } d }\nrule r: forall x. b(x) -> a(x)\n');
  const red = a.diagnostics.find((d) => d.code === FolCodes.redundantRule)!;
  assert.equal(red.severity, 4);
  assert.equal(apply(a, fixes(a, FolCodes.redundantRule)[0]), 'hierarchy h { a { b, c } d }\n');
  const g = generateRulesEdit(a, 'h')!;
  const text = TextDocument.applyEdits(a.document, g.changes![a.document.uri]);
  assert.match(text, /rule h_C_b: forall x\. b\(x\) -> a\(x\)/);
  assert.match(text, /rule h_D_a: forall x\. a\(x\) -> b\(x\) \| c\(x\)/);
  assert.match(text, /rule h_E_b: forall x\. b\(x\) -> !c\(x\)/);
  const again = await analyze(text);
  const generated = again.rules.filter((r) => r.name.text.startsWith('h_'));
  assert.equal(again.diagnostics.filter((d) => d.code === FolCodes.redundantRule).length, generated.length + 1);
  assert.ok(!codes(again).includes(FolCodes.syntax));
});

test('two rules that together make a class unsatisfiable contradict each other', async () => {
  // a is exclusive with its siblings b and c, so r1 leaves nothing for a; r2 alone is harmless
  const a = await analyze('hierarchy h { a, b, c }\nrule r1: forall x. a(x) -> b(x) | c(x)\nrule r2: forall x. b(x) -> c(x) | a(x)\n');
  assert.deepEqual(codes(a), [FolCodes.unsatisfiableClass, FolCodes.unsatisfiableClass]);
  // r2 and r3 together: b must hold for everything, and b then must be c or a, which exclude b
  const b = await analyze('hierarchy h { a, b, c }\nrule r2: forall x. b(x) -> c(x) | a(x)\nrule r3: forall x. b(x)\n');
  const msgs = b.diagnostics.filter((d) => d.code === FolCodes.contradictingRules).map((d) => d.message);
  assert.equal(msgs.length, 2, JSON.stringify(b.diagnostics));
  assert.match(msgs[0], /Rule 'r2' contradicts 'r3'/);
});

test('hover shows declaration, hierarchy path, siblings and mentioning rules', async () => {
  const a = await analyze(example);
  const pos = a.document.positionAt(example.indexOf('dog(x)'));
  const h = await folLanguage.hover!(a, pos, { log: () => undefined, files: nodeFiles });
  const v = (h!.contents as { value: string }).value;
  assert.match(v, /animals › mammal › dog/);
  assert.match(v, /Siblings \(mutually exclusive\): cat/);
  assert.match(v, /Rules that mention it: r1/);
});

test('references, rename and outline', async () => {
  const a = await analyze(example);
  const pos = a.document.positionAt(example.indexOf('cat'));
  assert.equal(folLanguage.references!(a, pos, true).length, 2);
  const edit = folLanguage.rename!(a, pos, 'kitten')!;
  const renamed = TextDocument.applyEdits(a.document, edit.changes![a.document.uri]);
  assert.match(renamed, /mammal \{ dog, kitten \}/);
  assert.match(renamed, /!kitten\(y\)/);
  const outline = folLanguage.documentSymbols!(a);
  assert.deepEqual(outline[0].children!.map((c) => [c.name, c.children!.map((k) => k.name)]), [
    ['mammal', ['dog', 'cat']],
    ['bird', ['sparrow', 'penguin']],
  ]);
});

test('imports: refused outside the project, non-JSON, missing; go-to-definition lands on the JSON name', async () => {
  fs.writeFileSync(path.join(tmp, 'data', 'tree.json'), JSON.stringify({ name: 'root', children: [{ name: 'vehicle', children: [{ name: 'car' }, { name: 'bus' }] }, { name: 'person' }] }, null, 1));
  fs.writeFileSync(path.join(tmp, 'data', 'notes.txt'), 'x');
  const text = 'hierarchy s from "data/tree.json"\nhierarchy t from "../../package.json"\nhierarchy u from "data/notes.txt"\nhierarchy v from "data/none.json"\nrule r: forall x. car(x) -> person(x)\n';
  const a = await analyze(text);
  const failed = a.diagnostics.filter((d) => d.code === FolCodes.importFailed).map((d) => d.message);
  assert.equal(failed.length, 3);
  assert.match(failed[0], /outside the project folder/);
  assert.match(failed[1], /must be \.json/);
  assert.match(failed[2], /not found/);
  assert.ok(codes(a).includes(FolCodes.unsatisfiableClass));
  const locs = folLanguage.definition!(a, a.document.positionAt(text.indexOf('car(x)')));
  assert.equal(locs.length, 1);
  assert.ok(locs[0].uri.endsWith('/data/tree.json'));
  const json = fs.readFileSync(path.join(tmp, 'data', 'tree.json'), 'utf8').split('\n');
  const line = json[locs[0].range.start.line];
  assert.equal(line.slice(locs[0].range.start.character, locs[0].range.end.character), '"car"');
});

test('JSON graph form: unreachable classes and cycles are reported', async () => {
  fs.writeFileSync(path.join(tmp, 'data', 'graph.json'), JSON.stringify([{ name: 'root', children: ['a', 'b'] }, { name: 'a', children: ['c'] }, { name: 'c', children: ['a'] }, { name: 'lost', children: [] }]));
  const a = await analyze('hierarchy g from "data/graph.json"\n');
  const msgs = a.diagnostics.map((d) => `${d.code}: ${d.message}`);
  assert.ok(msgs.some((m) => m.startsWith(FolCodes.unreachable) && m.includes("'lost'")), JSON.stringify(msgs));
  assert.ok(msgs.some((m) => m.startsWith(FolCodes.cycle)), JSON.stringify(msgs));
});

test('the shared LogicSeg hierarchies load; Mapillary defects are reported', { skip: hasSharedData() ? false : `no shared data at ${sharedDataDir()}` }, async () => {
  for (const f of fs.readdirSync(path.join(sharedDataDir(), 'hierarchies')).filter((x) => x.endsWith('.json'))) {
    fs.copyFileSync(path.join(sharedDataDir(), 'hierarchies', f), path.join(tmp, 'data', f));
  }
  const city = await analyze('hierarchy scene from "data/cityscapes.json"\nrule r: forall x. car(x) -> person(x)\n');
  assert.ok(codes(city).includes(FolCodes.unsatisfiableClass));
  assert.ok(!codes(city).includes(FolCodes.importFailed));
  const mv = await analyze('hierarchy mv from "data/mapillary_vistas_v2.json"\n');
  const msgs = mv.diagnostics.map((d) => d.message).join('\n');
  assert.match(msgs, /'Unlabeled' .* not reachable/);
  assert.match(msgs, /no leaf in the tree has index 123/);
  assert.match(msgs, /Class 'void' has the same name as its parent/);
});

test('completion offers classes with their hierarchy path, bound variables and keywords', async () => {
  const text = 'hierarchy h { a { b, c } }\npredicate near(x, y)\nrule r: forall x. ';
  const a = await analyze(text);
  const items = folLanguage.completion!(a, a.document.positionAt(text.length));
  const b = items.find((i) => i.label === 'b')!;
  assert.equal(b.detail, 'h › a › b');
  assert.equal(b.insertText, 'b(${1:x})');
  assert.equal(items.find((i) => i.label === 'near')!.insertText, 'near(${1:x}, ${2:y})');
  assert.ok(items.some((i) => i.label === 'x' && i.kind === 6));
  assert.ok(items.some((i) => i.label === 'forall'));
});

test('imports: symlink loops and oversized files are refused; the import path leads to the file', async () => {
  const loop = path.join(tmp, 'data', 'loop.json');
  fs.rmSync(loop, { force: true });
  fs.symlinkSync(loop, loop);
  const big = path.join(tmp, 'data', 'big.json');
  fs.writeFileSync(big, JSON.stringify({ name: 'root', children: [], pad: 'x'.repeat(1024 * 1024) }));
  fs.writeFileSync(path.join(tmp, 'data', 'small.json'), JSON.stringify({ name: 'root', children: [{ name: 'a' }, { name: 'b' }] }));
  const text = 'hierarchy l from "data/loop.json"\nhierarchy b from "data/big.json"\nhierarchy s from "data/small.json"\n';
  const a = await analyze(text);
  const msgs = a.diagnostics.filter((d) => d.code === FolCodes.importFailed).map((d) => d.message);
  assert.match(msgs[0], /symbolic link loop/);
  assert.match(msgs[1], /hierarchy files may be at most 1048576 bytes/);
  const defs = folLanguage.definition!(a, a.document.positionAt(text.indexOf('small.json')));
  assert.ok(defs[0].uri.endsWith('/data/small.json'));
});

test('checks switched off in settings are not reported', async () => {
  const doc = TextDocument.create(pathToFileURL(path.join(tmp, 'off.fol')).toString(), 'fol', 1, example);
  const a = await folLanguage.analyze(doc, { ...defaultSettings, disabledChecks: [FolCodes.unsatisfiableClass] }, { log: () => undefined, files: nodeFiles });
  assert.deepEqual(codes(a), []);
});

test('any text, including cut-up versions of a real file, is analyzed without throwing', async () => {
  const fc = await import('fast-check');
  const pieces = example.split(/(?<=[\s(){},.:])/);
  await fc.assert(
    fc.asyncProperty(fc.oneof(fc.string({ maxLength: 80 }), fc.shuffledSubarray(pieces).map((p) => p.join(''))), async (text) => {
      const a = await analyze(text, 'fuzz.fol');
      for (const d of a.diagnostics) {
        assert.ok(a.document.offsetAt(d.range.start) <= a.document.offsetAt(d.range.end));
        assert.equal(typeof d.message, 'string');
      }
      folLanguage.documentSymbols!(a);
      codeActionsFol(a, { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, a.diagnostics);
    }),
    { numRuns: 150 },
  );
});

test('formatting rewrites only the operators, in each style, and the result means the same', async () => {
  const text = '// keep: a -> b\nhierarchy h { a, b }\nrule r: ∀x. ¬a(x)∧b(x) → (a(x)∨b(x)) ↔ a(x)\n';
  const a = await analyze(text);
  const as = (style: 'words' | 'ascii' | 'unicode') => TextDocument.applyEdits(a.document, folLanguage.format!(a, { tabSize: 2, insertSpaces: true }, { ...defaultSettings, operatorStyle: style }));
  assert.equal(as('ascii'), '// keep: a -> b\nhierarchy h { a, b }\nrule r: forall x. !a(x)&b(x) -> (a(x)|b(x)) <-> a(x)\n');
  assert.equal(as('words'), '// keep: a -> b\nhierarchy h { a, b }\nrule r: forall x. not a(x) and b(x) implies (a(x) or b(x)) iff a(x)\n');
  assert.equal(as('unicode'), text);
  for (const style of ['words', 'ascii'] as const) {
    const b = await analyze(as(style));
    assert.deepEqual(codes(b), codes(a), style);
    assert.deepEqual(b.rules[0].formula.kind, a.rules[0].formula.kind);
  }
});

test('hover on an import path summarises the imported hierarchy', async () => {
  fs.writeFileSync(path.join(tmp, 'data', 'tree2.json'), JSON.stringify({ name: 'root', children: [{ name: 'vehicle', children: [{ name: 'car' }, { name: 'bus' }] }, { name: 'person' }] }));
  const text = 'hierarchy s from "data/tree2.json"\n';
  const a = await analyze(text);
  const h = await folLanguage.hover!(a, a.document.positionAt(text.indexOf('tree2')), { log: () => undefined, files: nodeFiles });
  assert.match((h!.contents as { value: string }).value, /Hierarchy \*\*s\*\* from `data\/tree2\.json`: 4 classes, 3 leaves, 2 levels below the root\.\n\nTop level: vehicle, person/);
});

test('no forall fix is offered where the rule header was not read: it would land inside an atom', async () => {
  // Found by test/fuzz/edits.test.ts: the unreadable name makes the parser take `lion` as the rule's name.
  const a = await analyze('hierarchy zoo { cat { lion, tiger } }\nrule 𐀀\ud800. lion(x) -> cat(x)\n');
  assert.ok(codes(a).includes(FolCodes.freeVariable));
  assert.deepEqual(fixes(a, FolCodes.freeVariable).filter((f) => /Quantify/.test(f.title)), []);
  const skipped = await analyze('hierarchy zoo { cat { lion, tiger } }\nrule r: . lion(x) -> cat(x)\n');
  assert.deepEqual(fixes(skipped, FolCodes.freeVariable).filter((f) => /Quantify/.test(f.title)), []);
  const ok = await analyze('hierarchy zoo { cat { lion, tiger } }\nrule r: ((lion(x)) -> cat(x))\n');
  assert.equal(apply(ok, fixes(ok, FolCodes.freeVariable)[0]), 'hierarchy zoo { cat { lion, tiger } }\nrule r: forall x. ((lion(x)) -> cat(x))\n');
});

test('reasoning past its budget reports one information diagnostic, and the next analysis in the process reasons in full', async () => {
  const rules = Array.from({ length: 3000 }, (_, i) => `rule q${i}: forall x. dog(x) -> mammal(x) | cat(x)`).join('\n');
  const big = await analyze(`${example}rule d: forall x. dog(x) -> bird(x)\n${rules}\n`);
  const limited = big.diagnostics.filter((d) => d.code === FolCodes.reasoningLimited);
  assert.equal(limited.length, 1);
  assert.equal(limited[0].severity, DiagnosticSeverity.Information);
  assert.match(limited[0].message, /budget of [0-9]+ solver work units/);
  const a = await analyze(example);
  assert.deepEqual(codes(a), [FolCodes.unsatisfiableClass]);
});

test('no declare-predicate fix for a name a sort already holds: the declaration would clash', async () => {
  // Found by test/fuzz/edits.test.ts (NESY_FUZZ_SEED=12345): the fix added `predicate Object()` next to `sort Object`.
  const a = await analyze('sort Object\npredicate Car(Object)\nrule r: forall x. Object(x) -> Car(x)\n');
  assert.deepEqual(fixes(a, FolCodes.undeclaredPredicate).filter((f) => /Declare predicate/.test(f.title)), []);
});

test('moving a class away from a parent that lists it twice removes both occurrences there', async () => {
  const a = await analyze('hierarchy h {\n  a { x, x, y }\n  b { x, z }\n}\n');
  const move = fixes(a, FolCodes.twoParents).find((f) => f.title.startsWith("Move 'x' under 'b' only"))!;
  const moved = apply(a, move);
  assert.equal(moved, 'hierarchy h {\n  a { y }\n  b { x, z }\n}\n');
  assert.ok(!codes(await analyze(moved)).includes(FolCodes.twoParents));
});

test('a declaration the quick fix adds goes before the first rule only when no syntax error comes before it', async () => {
  // Found by test/fuzz/edits.test.ts (3,000 runs): after a bare "rule" line the declaration became that rule's body.
  const broken = 'predicate near(x, y)\nrule\nrule forall x}\nrule r3: forall x. near(x, x) -> fish(x)\n';
  const a = await analyze(broken);
  const fix = fixes(a, FolCodes.undeclaredPredicate).find((f) => /Declare predicate fish/.test(f.title))!;
  const fixed = apply(a, fix);
  const syntax = (x: FolAnalysis) => x.diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error && /syntax/.test(String(d.code))).length;
  const after = await analyze(fixed);
  assert.ok(syntax(after) <= syntax(a), fixed);
  assert.ok(!codes(after).includes(FolCodes.undeclaredPredicate), fixed);
  // Where nothing is broken, it still goes right before the first rule.
  const ok = await analyze('predicate near(x, y)\nrule r: forall x. near(x, x) -> fish(x)\n');
  assert.equal(apply(ok, fixes(ok, FolCodes.undeclaredPredicate)[0]), 'predicate near(x, y)\npredicate fish(x)\nrule r: forall x. near(x, x) -> fish(x)\n');
});

test('an import path with a lone UTF-16 surrogate is refused in one line, not an analysis failure', async () => {
  // Found by test/fuzz/lsp-edits.test.ts (3,000 runs): building the file URI threw "URI malformed".
  const a = await analyze('hierarchy zoo from "zo\udc00o.json"\nrule r: forall x. lion(x) -> cat(x)\n');
  const failed = a.diagnostics.filter((d) => d.code === FolCodes.importFailed).map((d) => d.message);
  assert.equal(failed.length, 1);
  assert.match(failed[0], /not a valid file name/);
});
