// What an untrusted workspace can and cannot make the extension do: no code from documents, no
// files outside the project, no models or providers taken from workspace settings, and a manifest
// that declares all of this to VS Code.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import fc from 'fast-check';
import { repoRoot } from '../helpers/data';
import { startLsp } from '../helpers/lspClient';
import { Requests } from '../../src/core/protocol';
import { maxImportBytes, readImport } from '../../src/languages/fol/imports';
import { nodeFiles } from '../../src/core/nodeFiles';
import { compileCrisp, compileFuzzy } from '../../src/languages/fol/predictions';
import { tallyKernelSources, truthKernelSource } from '../../src/languages/fol/ruleKernels';
import type { Prop } from '../../src/languages/fol/monadic';
import { fuzzParameters } from '../fuzz/support/runs';
import { contentSecurityPolicy, webviewHtml } from '../../src/client/webview/page';

const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));

test('the manifest declares limited support for untrusted workspaces and restricts the model and provider settings', () => {
  const trust = manifest.capabilities.untrustedWorkspaces;
  assert.equal(trust.supported, 'limited');
  assert.match(trust.description, /trusted/);
  const machineScoped = Object.entries(manifest.contributes.configuration.properties as Record<string, { scope?: string }>)
    .filter(([key]) => /path|executionProvider|executable|command/i.test(key))
    .map(([key, p]) => [key, p.scope]);
  assert.ok(machineScoped.length >= 2);
  for (const [key, scope] of machineScoped) {
    assert.equal(scope, 'machine', `${key} must be machine-scoped so a workspace cannot set it`);
    assert.ok(trust.restrictedConfigurations.includes(key), `${key} must be restricted in untrusted workspaces`);
  }
});

test('an untrusted workspace gets language features but never loads a model, whatever its settings say', async (t) => {
  const evil = fs.mkdtempSync(path.join(repoRoot, '.test-tmp', 'evil-models-'));
  t.after(() => fs.rmSync(evil, { recursive: true, force: true }));
  const lsp = await startLsp(t, { trusted: false, settings: { models: { path: evil }, inference: { executionProvider: 'cuda' } } });
  const uri = lsp.uri('a.tl');
  lsp.open(uri, 'prop p\nspec s := G (p -> F p)\n');
  assert.deepEqual(await lsp.diagnostics(uri), []);
  assert.ok(await lsp.hover(uri, { line: 1, character: 14 }));
  await assert.rejects(lsp.request(Requests.translate, { sentence: 'always "p"' }), (e: Error) => /untrusted|trust/i.test(e.message));
  const status = await lsp.request<Record<string, unknown>>(Requests.status, {});
  assert.match(JSON.stringify(status), /untrusted|trust/i);
  assert.ok(!lsp.logs.some((m) => m.includes(evil)), `the workspace's model path was used: ${lsp.logs.join('\n')}`);
});

/** The sources and bundles that run document text; code generation there must not see that text. */
test('no eval, Function or vm runs document text: the only generated code is built from numbers', () => {
  const sources = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? sources(path.join(dir, e.name)) : e.name.endsWith('.ts') ? [path.join(dir, e.name)] : []));
  const hits = [...sources(path.join(repoRoot, 'src')), ...sources(path.join(repoRoot, 'grammars'))].flatMap((file) =>
    fs.readFileSync(file, 'utf8').split('\n').flatMap((line, i) => (/\beval\s*\(|new Function\s*\(|\bnode:vm\b|require\(['"]vm['"]\)/.test(line) ? [`${path.relative(repoRoot, file)}:${i + 1}`] : [])),
  );
  // fol/predictions.ts (one row at a time) and fol/ruleKernels.ts (batch kernels) compile rules to JS for speed over
  // millions of prediction rows; the properties below show no name reaches the code.
  assert.deepEqual(hits.map((h) => h.replace(/:\d+$/, '')), ['src/languages/fol/predictions.ts', 'src/languages/fol/predictions.ts', 'src/languages/fol/ruleKernels.ts']);
  for (const bundle of ['server.js', 'cli.js', 'worker.js', 'extension.js']) {
    const text = fs.readFileSync(path.join(repoRoot, 'dist', bundle), 'utf8');
    const evals = text.match(/[^\w.]eval\([^)]*\)/g) ?? [];
    // chevrotain's toFastProperties keeps an unreachable `eval(toBecomeFast)` after `if (1) return`.
    assert.deepEqual([...new Set(evals.map((e) => e.slice(1)))].filter((e) => e !== 'eval(toBecomeFast)'), [], `${bundle} calls eval`);
    assert.ok(!/\bvm\.runIn|new vm\.Script|require\("vm"\)|require\("node:vm"\)/.test(text), `${bundle} uses node:vm`);
  }
});

const prop: fc.Arbitrary<Prop> = fc.letrec<{ p: Prop }>((tie) => ({
  p: fc.oneof(
    { depthSize: 'small' },
    fc.string().map((name): Prop => ({ kind: 'var', name })),
    fc.boolean().map((value): Prop => ({ kind: 'bool', value })),
    tie('p').map((arg): Prop => ({ kind: 'not', arg })),
    fc.tuple(fc.constantFrom('and' as const, 'or' as const), fc.array(tie('p'), { minLength: 1, maxLength: 3 })).map(([kind, args]): Prop => ({ kind, args })),
    fc.tuple(fc.constantFrom('implies' as const, 'iff' as const), tie('p'), tie('p')).map(([kind, left, right]): Prop => ({ kind, left, right })),
  ),
})).p;

test('rules compiled for prediction checking contain only numbers and operators, whatever the class names', () => {
  const safe = /^\(r, o\) => [\s\w()[\]+*\-<>=!&|?:.,]*$/;
  const allowedWords = new Set(['r', 'o', 'th', 'imp', 'iff', 'true', 'false', 'Math', 'max', 'min']);
  fc.assert(
    fc.property(prop, (p) => {
      const columns = new Map<string, number>();
      const col = (name: string) => columns.get(name) ?? columns.set(name, columns.size).get(name)!;
      for (const fn of [compileFuzzy(p, col), compileCrisp(p, col, 0.5)]) {
        const source = fn.toString();
        assert.match(source, safe);
        for (const word of source.match(/[A-Za-z_$][\w$]*/g) ?? []) assert.ok(allowedWords.has(word), `identifier ${word} in ${source}`);
      }
    }),
    fuzzParameters(300),
  );
});

test('batch kernels compiled for prediction checking contain only numbers, operators and fixed local names, whatever the class names', () => {
  const allowed = /^(?:[xtpudevlwfmck]\d*(?:_\d+)?|r|o|o0|row|rows|first|out|worst|limits|cand|cols|tr|at|th|q|limit|offer|Math|max|abs|const|let|for|if|return|function)$/;
  fc.assert(
    fc.property(fc.array(prop, { minLength: 1, maxLength: 6 }), fc.double({ min: 0, max: 1, noNaN: true }), fc.boolean(), (bodies, threshold, planar) => {
      const columns = new Map<string, number>();
      const col = (name: string) => columns.get(name) ?? columns.set(name, columns.size).get(name)!;
      const layout = planar ? { rowStride: 1, colStride: 16384 } : { rowStride: 40, colStride: 1 };
      const sources = [...tallyKernelSources(bodies, col, threshold, layout).map((k) => k.source), ...bodies.map((b) => truthKernelSource(b, col, layout))];
      for (const source of sources) {
        assert.match(source, /^[\s\w()[\]{}+*\-<>=!&|^;,.]*$/, source);
        for (const word of source.replace(/\b\d+(?:\.\d+)?(?:e[-+]?\d+)?\b/g, ' ').match(/[A-Za-z_$][\w$]*/g) ?? []) assert.match(word, allowed, `identifier ${word} in ${source}`);
      }
    }),
    fuzzParameters(200),
  );
});

test('hierarchy imports by URI: backslashes separate folders in a Windows document\'s imports, and any scheme the host reads works', async () => {
  const files = new Map([
    ['file:///c%3A/proj/.git', { kind: 'directory' as const, size: 0 }],
    ['file:///c%3A/proj/data/tree.json', { kind: 'file' as const, size: 2 }],
    ['vscode-vfs://github/o/r/.git', { kind: 'directory' as const, size: 0 }],
    ['vscode-vfs://github/o/r/tree.json', { kind: 'file' as const, size: 2 }],
  ]);
  const host = {
    log: () => undefined,
    files: {
      stat: async (uri: string) => {
        const f = files.get(uri);
        return f ? { ...f, realUri: uri } : { kind: 'missing' as const };
      },
      readText: async () => '{}',
    },
  };
  assert.deepEqual(await readImport('file:///c%3A/proj/rules/a.fol', '..\\data\\tree.json', host), { ok: true, uri: 'file:///c%3A/proj/data/tree.json', text: '{}' });
  assert.deepEqual(await readImport('vscode-vfs://github/o/r/rules/a.fol', '../tree.json', host), { ok: true, uri: 'vscode-vfs://github/o/r/tree.json', text: '{}' });
  assert.match((await readImport('vscode-vfs://github/o/r/rules/a.fol', '../../x.json', host) as { message: string }).message, /outside the project folder 'vscode-vfs:\/\/github\/o\/r'/);
});

test('hierarchy imports stay in the project, read only regular .json files, and refuse links out, loops and huge files', async (t) => {
  const base = fs.mkdtempSync(path.join(repoRoot, '.test-tmp', 'imports-'));
  t.after(() => fs.rmSync(base, { recursive: true, force: true }));
  const project = path.join(base, 'project');
  fs.mkdirSync(path.join(project, 'rules'), { recursive: true });
  fs.writeFileSync(path.join(project, '.nesyroot'), '');
  fs.writeFileSync(path.join(base, 'secret.json'), '{"secret": true}');
  fs.writeFileSync(path.join(project, 'ok.json'), '{"animal": {"dog": {}}}');
  fs.writeFileSync(path.join(project, 'notes.txt'), 'not json');
  fs.writeFileSync(path.join(project, 'huge.json'), Buffer.alloc(maxImportBytes + 1, 0x20));
  fs.symlinkSync(path.join(base, 'secret.json'), path.join(project, 'link-out.json'));
  fs.symlinkSync(path.join(project, 'loop-b.json'), path.join(project, 'loop-a.json'));
  fs.symlinkSync(path.join(project, 'loop-a.json'), path.join(project, 'loop-b.json'));
  fs.mkdirSync(path.join(project, 'dir.json'));
  const doc = pathToFileURL(path.join(project, 'rules', 'a.fol')).href;
  const host = { log: () => undefined, files: nodeFiles };
  const read = (rel: string) => readImport(doc, rel, host);

  assert.deepEqual(await read('../ok.json'), { ok: true, uri: pathToFileURL(path.join(project, 'ok.json')).href, text: '{"animal": {"dog": {}}}' });
  const refused: Record<string, RegExp> = {
    '../../secret.json': /outside the project folder/,
    [path.join(base, 'secret.json')]: /outside the project folder/,
    '../link-out.json': /links to .* outside the project folder/,
    '../loop-a.json': /symbolic link loop/,
    '../notes.txt': /must be \.json files/,
    '../huge.json': /at most 1048576 bytes/,
    '../dir.json': /is not a file/,
    '../missing.json': /was not found/,
  };
  for (const [rel, message] of Object.entries(refused)) {
    const r = await read(rel);
    assert.equal(r.ok, false, `${rel} was read`);
    assert.match((r as { message: string }).message, message);
  }
  assert.equal((await readImport('untitled:Untitled-1', 'ok.json', host)).ok, false);
});

test('webviews load nothing remote: one place makes them, under a policy of local files and nonce\'d scripts', () => {
  const client = path.join(repoRoot, 'src', 'client');
  const files = (dir: string): string[] =>
    fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) => (e.isDirectory() ? files(path.join(dir, e.name)) : [path.join(dir, e.name)]));
  const uses = files(client).filter((f) => /createWebviewPanel|registerWebviewViewProvider|registerCustomEditorProvider/.test(fs.readFileSync(f, 'utf8')));
  // Every panel is made by the shared plumbing, which writes each page's HTML with the policy below.
  assert.deepEqual(uses.map((f) => path.relative(repoRoot, f).split(path.sep).join('/')), ['src/client/webview/panel.ts']);
  const policy = contentSecurityPolicy('vscode-webview-resource:', 'NONCE');
  assert.equal(policy.split('; ')[0], "default-src 'none'");
  assert.ok(!/https?:|\*|'unsafe-/.test(policy), policy);
  const html = webviewHtml({ cspSource: 'vscode-webview-resource:', asWebviewUri: (u: { p: string }) => ({ toString: () => `local:${u.p}` }) }, { title: '<b>', scripts: [{ p: 'a.js' }], styles: [{ p: 'a.css' }] }, 'NONCE');
  assert.ok(html.includes(`content="${policy}"`) && html.includes('<script nonce="NONCE" src="local:a.js">') && html.includes('&#60;b&#62;'));
  // The pages' own code asks for nothing outside the extension.
  for (const page of files(path.join(repoRoot, 'src', 'webview'))) assert.ok(!/https?:\/\//.test(fs.readFileSync(page, 'utf8')), `${page} names no URL`);
  assert.ok(!/"webview|customEditors/.test(JSON.stringify(manifest.contributes)));
});
