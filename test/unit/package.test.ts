// What the linux-x64 .vsix holds, as vsce selects it (`vsce ls` applies package.json and the ignore file
// exactly as `npm run package` does for linux-x64: .vscodeignore plus that platform's binaries,
// scripts/targets.mjs): everything the editor needs is there, nothing else is, and a copy of exactly
// those files, away from this checkout's node_modules, runs its language server and neural models.
// The other platforms' packages: test/unit/package-targets.test.ts. Needs the bundles: run `npm run build` first.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import { builtinModules } from 'node:module';
import * as os from 'node:os';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { TranslateResult } from '../../src/core/neuralApi';
import { Requests } from '../../src/core/protocol';
import { repoRoot } from '../helpers/data';
import { startLsp } from '../helpers/lspClient';
// @ts-expect-error: a plain ES module without type declarations
import { writeIgnoreFile } from '../../scripts/targets.mjs';

// dist/server.js is the small entry that loads dist/server-main.js (src/server/start.ts).
const bundles = ['dist/extension.js', 'dist/server.js', 'dist/server-main.js', 'dist/worker.js'];
let files: string[] = [];
let copy = '';

before(() => {
  for (const bundle of bundles) assert.ok(fs.existsSync(path.join(repoRoot, bundle)), `${bundle} exists (run npm run build)`);
  // Outside the checkout, so that module resolution cannot fall back to the repository's node_modules.
  copy = fs.mkdtempSync(path.join(os.tmpdir(), 'nesy-package-'));
  const ignoreFile = writeIgnoreFile('linux-x64', copy, repoRoot);
  const ls = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules/@vscode/vsce/vsce'), 'ls', '--ignoreFile', ignoreFile], {
    cwd: repoRoot,
    encoding: 'utf8',
    timeout: 120_000,
  });
  assert.equal(ls.status, 0, `vsce ls failed: ${ls.stderr}`);
  files = ls.stdout.split('\n').map((l) => l.trim()).filter(Boolean);
  fs.rmSync(ignoreFile);
  for (const file of files) {
    fs.mkdirSync(path.dirname(path.join(copy, file)), { recursive: true });
    fs.copyFileSync(path.join(repoRoot, file), path.join(copy, file));
  }
});

after(() => {
  if (copy) fs.rmSync(copy, { recursive: true, force: true });
});

/** Packages a bundle loads at run time: esbuild leaves `require("x")` for externals and createRequire loads. */
function runtimePackages(bundle: string): string[] {
  const text = fs.readFileSync(path.join(repoRoot, bundle), 'utf8');
  const names = new Set<string>();
  for (const m of text.matchAll(/(?:require|createRequire\)\([^)]*\))\(\s*"([^"]+)"\s*\)/g)) names.add(m[1]);
  return [...names].filter((n) => !n.startsWith('.') && !n.startsWith('node:') && !builtinModules.includes(n) && n !== 'vscode');
}

test('ships the bundles, the license and every file the manifest points at', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  const needed = [
    'package.json',
    'LICENSE',
    ...bundles,
    // The robustness plot's page (a webview loads it from dist/, src/client/monitorPlot/panel.ts).
    'dist/monitor-plot.js',
    'dist/monitor-plot.css',
    // The predictions report's page (src/client/predictionsReport/panel.ts).
    'dist/predictions-report.js',
    'dist/predictions-report.css',
    manifest.icon,
    ...manifest.contributes.languages.map((l: { configuration: string }) => l.configuration),
    ...manifest.contributes.grammars.map((g: { path: string }) => g.path),
  ].map((f: string) => f.replace(/^\.\//, ''));
  for (const file of needed) assert.ok(files.includes(file), `${file} is packaged`);
});

test('ships every model and vocabulary in models/', () => {
  const modelsDir = path.join(repoRoot, 'models');
  const models = fs.existsSync(modelsDir)
    ? (fs.readdirSync(modelsDir, { recursive: true }) as string[])
        .filter((f) => /\.(onnx|json|txt)$/.test(f))
        .map((f) => `models/${f.split(path.sep).join('/')}`)
    : [];
  for (const model of models) assert.ok(files.includes(model), `${model} is packaged`);
});

test('ships no sources, tests, tools or source maps', () => {
  const forbidden = /^(src|test|training|bench|scripts|grammars|bin|out|\.tools|\.ci|\.test-tmp)\/|\.ts$|\.map$|^tsconfig\.json$|^package-lock\.json$/;
  assert.deepEqual(files.filter((f) => forbidden.test(f)), []);
});

test('ships only the packages the bundles load at run time, and only their linux-x64 binaries', () => {
  const shipped = new Set(files.filter((f) => f.startsWith('node_modules/')).map((f) => f.split('/')[1]));
  const loaded = new Set(bundles.flatMap(runtimePackages));
  for (const name of loaded) assert.ok(shipped.has(name), `${name} (loaded by a bundle) is packaged`);
  const dependencies = (name: string): string[] =>
    Object.keys(JSON.parse(fs.readFileSync(path.join(repoRoot, 'node_modules', name, 'package.json'), 'utf8')).dependencies ?? {});
  // A shipped package is loaded by a bundle or required by a package that is.
  for (const name of shipped) {
    const wanted = loaded.has(name) || [...loaded].some((l) => dependencies(l).includes(name));
    assert.ok(wanted, `${name} is packaged but nothing loads it`);
  }
  const binaries = files.filter((f) => /\.(node|so(\.\d+)*|dylib|dll)$/.test(f));
  assert.ok(binaries.length > 0, 'the onnxruntime binaries are packaged');
  for (const binary of binaries) assert.match(binary, /\/linux\/x64\//, `${binary} is a linux-x64 binary`);
});

test('every package the bundles load resolves and loads inside the package', () => {
  for (const bundle of bundles) {
    for (const name of runtimePackages(bundle)) {
      const r = spawnSync(process.execPath, ['-e', `require(${JSON.stringify(name)})`], {
        cwd: path.join(copy, 'dist'),
        encoding: 'utf8',
        env: { ...process.env, NODE_PATH: '' },
      });
      assert.equal(r.status, 0, `${name}, loaded by ${bundle}, fails inside the package:\n${r.stderr}`);
    }
  }
});

test('the packaged language server starts and reports problems in a .tl file', async (t) => {
  const lsp = await startLsp(t, { command: process.execPath, args: [path.join(copy, 'dist', 'server.js'), '--stdio'], cwd: copy });
  const uri = pathToFileURL(path.join(copy, 'check.tl')).toString();
  lsp.open(uri, 'F[10,0] goal\n');
  const diagnostics = await lsp.diagnostics(uri);
  assert.deepEqual(diagnostics.map((d) => d.code), ['tl/interval-reversed']);
});

test('the packaged language server translates with the packaged models on the CPU', async (t) => {
  const lsp = await startLsp(t, {
    command: process.execPath,
    args: [path.join(copy, 'dist', 'server.js'), '--stdio'],
    cwd: copy,
    settings: { inference: { executionProvider: 'cpu' } },
    env: { ...process.env, NESY_MODELS: '' },
    timeoutMs: 60_000,
  });
  const result = (await lsp.request(Requests.translate, { sentence: 'The robot eventually reaches the goal.' })) as TranslateResult;
  assert.equal(result.ep, 'cpu');
  assert.ok(result.best.formula.length > 0, 'a formula comes back');
});
