// .fol through the real language server (dist/server.js; `npm run build` first): diagnostics, a quick
// fix applied, hover, go-to-definition into an imported JSON hierarchy, and the outline tree.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { CodeAction, Diagnostic, DocumentSymbol, Location } from 'vscode-languageserver/node';
import { ServerCommands } from '../../src/core/protocol';
import { applyEdits, positionOf, startLsp } from '../helpers/lspClient';

const text = `hierarchy animals {
  mammal { dog, cat }
  bird { sparrow, penguin }
}
hierarchy scene from "scene.json"
predicate near(x, y)
rule r1: forall x. dog(x) -> bird(x)
rule r2: forall x. exists y. near(x, y) & !cat(y)
rule r3: forall x. car(x) -> fish(x)
`;
const scene = JSON.stringify({ name: 'root', children: [{ name: 'vehicle', children: [{ name: 'car' }, { name: 'bus' }] }, { name: 'human', children: [{ name: 'person' }, { name: 'rider' }] }] }, null, 1);

test('.fol in the server: diagnostics, quick fix, hover, definition into JSON, outline', async (t) => {
  const lsp = await startLsp(t);
  const uri = lsp.uri('rules.fol');
  fs.writeFileSync(fileURLToPath(lsp.uri('scene.json')), scene);
  fs.writeFileSync(fileURLToPath(uri), text);
  lsp.open(uri, text, 'fol');
  const diags: Diagnostic[] = await lsp.diagnostics(uri);
  const unsat = diags.find((d) => d.code === 'fol/unsatisfiable-class');
  assert.ok(unsat, JSON.stringify(diags));
  assert.equal(unsat.source, 'nesy');
  assert.match(unsat.message, /'dog' unsatisfiable/);
  const undeclared = diags.find((d) => d.code === 'fol/undeclared-predicate')!;
  assert.match(undeclared.message, /'fish'/);

  const actions = ((await lsp.codeActions(uri, undeclared.range, [undeclared])) ?? []) as CodeAction[];
  const declare = actions.find((a) => a.title === 'Declare predicate fish(x)');
  assert.ok(declare?.edit, actions.map((a) => a.title).join(' | '));
  const fixed = applyEdits(lsp.text(uri), declare.edit.changes![uri]);
  assert.match(fixed, /predicate fish\(x\)\nrule r1/);

  const hover = await lsp.hover(uri, positionOf(text, 'cat(y)'));
  const value = (hover!.contents as { value: string }).value;
  assert.match(value, /animals › mammal › cat/);
  assert.match(value, /Rules that mention it: r2/);

  const defs = (await lsp.definition(uri, positionOf(text, 'car(x)'))) as Location[];
  assert.equal(defs.length, 1);
  assert.ok(defs[0].uri.endsWith('/scene.json'));
  const line = scene.split('\n')[defs[0].range.start.line];
  assert.equal(line.slice(defs[0].range.start.character, defs[0].range.end.character), '"car"');

  const symbols = (await lsp.documentSymbols(uri)) as DocumentSymbol[];
  assert.deepEqual(symbols[0].children!.map((c) => c.name), ['mammal', 'bird']);
  assert.deepEqual(symbols[1].children!.map((c) => c.name), ['vehicle', 'human']);
  assert.deepEqual(symbols[1].children![0].children!.map((c) => c.name), ['car', 'bus']);
});

test('.fol in the server: generate C/D/E rules from the hierarchy, applied', async (t) => {
  const lsp = await startLsp(t);
  const uri = lsp.uri('gen.fol');
  const src = 'hierarchy h {\n  a { b, c }\n  d { e, f }\n}\n';
  fs.writeFileSync(fileURLToPath(uri), src);
  lsp.open(uri, src, 'fol');
  await lsp.diagnostics(uri);
  const actions = ((await lsp.codeActions(uri, { start: positionOf(src, 'h {'), end: positionOf(src, 'h {') }, [])) ?? []) as CodeAction[];
  const gen = actions.find((a) => a.title === 'Generate C/D/E rules for hierarchy h');
  assert.ok(gen?.edit, actions.map((a) => a.title).join(' | '));
  const out = applyEdits(src, gen.edit.changes![uri]);
  for (const rule of ['rule h_C_b: forall x. b(x) -> a(x)', 'rule h_D_h: forall x. h(x) -> a(x) | d(x)', 'rule h_E_a: forall x. a(x) -> !d(x)']) {
    assert.ok(out.includes(rule), `${rule} in\n${out}`);
  }
  lsp.replace(uri, src, out);
  const after: Diagnostic[] = await lsp.diagnostics(uri);
  assert.ok(after.every((d) => d.code === 'fol/redundant-rule'), JSON.stringify(after.map((d) => d.code)));
});


test('.fol in the server: Convert Operator Style rewrites the connectives only', async (t) => {
  const lsp = await startLsp(t);
  const uri = lsp.uri('style.fol');
  const src = '// a -> b stays\nhierarchy h { a, b }\nrule r: forall x. a(x) -> !b(x)\n';
  lsp.open(uri, src, 'fol');
  await lsp.diagnostics(uri);
  await lsp.executeCommand(ServerCommands.convertStyle, [{ uri, style: 'unicode' }]);
  assert.equal(lsp.appliedEdits.length, 1);
  lsp.applyWorkspaceEdit(lsp.appliedEdits[0]);
  assert.equal(lsp.text(uri), '// a -> b stays\nhierarchy h { a, b }\nrule r: ∀ x. a(x) → ¬b(x)\n');
});
