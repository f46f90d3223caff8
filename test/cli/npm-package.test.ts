// The CLI as an npm package: `npm pack` makes a tarball of the `nesy` command, its bundles and its models
// (.npmignore), and that tarball, installed globally into a temporary prefix the way `npm install -g
// nesy-studio` installs it, and run through `npm exec` the way `npx nesy-studio` runs it, checks,
// translates and solves from a folder outside the checkout. Needs the bundles: run `npm run build` first.
// The install is offline: its dependencies come from npm's cache (filled by `npm ci`). Where the cache
// lacks them, the installed copy is the unpacked tarball with this checkout's node_modules beside it, and
// the test says so. onnxruntime-node's own install script (CUDA libraries from api.nuget.org) is skipped
// with ONNXRUNTIME_NODE_INSTALL=skip.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { repoRoot } from '../helpers/data';

const work = fs.mkdtempSync(path.join(os.tmpdir(), 'nesy-npm-'));
const prefix = path.join(work, 'prefix');
const elsewhere = path.join(work, 'elsewhere');
const installed = path.join(prefix, 'lib', 'node_modules', 'nesy-studio');
let tarball = '';
let packed: { path: string; size: number }[] = [];
let packedSize = 0;
/** How the package was installed: 'npm' (npm install -g --offline) or why it was not. */
let howInstalled = '';

/** The environment without the npm_* variables of an enclosing `npm test`, which npm would take as its own configuration. */
const env: NodeJS.ProcessEnv = {
  ...Object.fromEntries(Object.entries(process.env).filter(([key]) => !key.toLowerCase().startsWith('npm_'))),
  ONNXRUNTIME_NODE_INSTALL: 'skip',
};

function npm(args: string[], cwd: string) {
  return spawnSync('npm', args, { cwd, env, encoding: 'utf8', timeout: 300_000 });
}

before(() => {
  assert.ok(fs.existsSync(path.join(repoRoot, 'dist', 'cli.js')), 'dist/ is built (run npm run build)');
  fs.mkdirSync(elsewhere);
  // --ignore-scripts: `prepare` would rebuild dist/, which may be in use; the test packs what is built.
  const pack = npm(['pack', '--ignore-scripts', '--json', '--pack-destination', work], repoRoot);
  assert.equal(pack.status, 0, pack.stderr);
  const [info] = JSON.parse(pack.stdout) as { filename: string; size: number; files: { path: string; size: number }[] }[];
  tarball = path.join(work, info!.filename);
  packed = info!.files;
  packedSize = info!.size;

  const install = npm(['install', '--global', '--prefix', prefix, tarball, '--offline', '--no-audit', '--no-fund', '--loglevel=error'], elsewhere);
  if (install.status === 0) {
    howInstalled = 'npm';
    return;
  }
  const why = /ENOTCACHED/.test(install.stderr) ? "npm's cache lacks nesy-studio's dependencies (ENOTCACHED)" : `npm install failed: ${install.stderr.trim().split('\n').slice(-3).join(' ')}`;
  howInstalled = `${why}; tested the unpacked tarball with this checkout's node_modules instead`;
  fs.rmSync(prefix, { recursive: true, force: true });
  fs.mkdirSync(installed, { recursive: true });
  const untar = spawnSync('tar', ['xzf', tarball, '-C', installed, '--strip-components=1'], { encoding: 'utf8' });
  assert.equal(untar.status, 0, untar.stderr);
  fs.symlinkSync(path.join(repoRoot, 'node_modules'), path.join(installed, 'node_modules'));
  fs.mkdirSync(path.join(prefix, 'bin'));
  fs.symlinkSync(path.join(installed, 'bin', 'nesy.js'), path.join(prefix, 'bin', 'nesy'));
});

after(() => fs.rmSync(work, { recursive: true, force: true }));

/** The installed `nesy`, run from a folder outside the checkout. */
function nesy(args: string[]) {
  const r = spawnSync(path.join(prefix, 'bin', 'nesy'), args, { cwd: elsewhere, env, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, stdout: r.stdout, stderr: r.stderr };
}

test('the tarball holds the CLI, its bundles and its models, and nothing of the sources or the extension', () => {
  const files = packed.map((f) => f.path).sort();
  for (const f of ['package.json', 'README.md', 'LICENSE', 'bin/nesy.js', 'dist/cli.js', 'dist/worker.js', 'dist/corpus-worker.js', 'dist/check-worker.js', 'dist/predictions-worker.js']) {
    assert.ok(files.includes(f), `${f} is packed`);
  }
  const models = (fs.readdirSync(path.join(repoRoot, 'models'), { recursive: true }) as string[])
    .filter((f) => fs.statSync(path.join(repoRoot, 'models', f)).isFile() && !/\.(pt|pth|ckpt)$/.test(f))
    .map((f) => `models/${f.split(path.sep).join('/')}`);
  for (const m of models) assert.ok(files.includes(m), `${m} is packed`);
  const unwanted = files.filter((f) => /^(src|test|training|bench|scripts|grammars|syntaxes|docs|images|node_modules)\/|\.(map|ts|pt|vsix)$|^dist\/(extension|server|server-main)\.js$|^dist\/web\//.test(f));
  assert.deepEqual(unwanted, []);
  // Every top-level file is one of these (a new bundle in dist/ is fine; a stray file at the top is not).
  assert.deepEqual([...new Set(files.map((f) => f.split('/')[0]))].sort(), ['LICENSE', 'README.md', 'bin', 'dist', 'models', 'package.json']);
  assert.ok(packedSize < 30e6, `the tarball is ${(packedSize / 1e6).toFixed(1)} MB`);
});

test('npm install -g of the tarball gives a `nesy` that checks, translates and solves from another folder', (t) => {
  t.diagnostic(howInstalled === 'npm' ? `installed with npm install -g --offline into ${prefix}` : howInstalled);
  assert.ok(fs.existsSync(path.join(installed, 'models', 'nl2tl', 'encoder.onnx')), 'the models are installed with the package');
  fs.writeFileSync(path.join(elsewhere, 'goal.tl'), 'F[10,0] goal\n');
  const check = nesy(['check', 'goal.tl']);
  assert.equal(check.code, 1, check.stderr);
  assert.match(check.stdout, /^goal\.tl:1:2 error tl\/interval-reversed /);

  const translate = nesy(['translate', 'always avoid the red zone', '--json']);
  assert.equal(translate.code, 0, translate.stderr);
  assert.equal(translate.stderr, '');
  const tr = JSON.parse(translate.stdout) as { formula: string; ep: string };
  assert.equal(tr.formula, 'G !red_zone');
  assert.equal(tr.ep, 'cpu');

  const mwp = nesy(['mwp', '小明有5个苹果，吃了2个，还剩几个？', '--json']);
  assert.equal(mwp.code, 0, mwp.stderr);
  const m = JSON.parse(mwp.stdout) as { answer: string; ep: string };
  assert.equal(m.answer, '3');
  assert.equal(m.ep, 'cpu');
});

test('npx runs the tarball\'s `nesy` (npm exec --package), as `npx nesy-studio` runs the published one', (t) => {
  if (howInstalled !== 'npm') return t.skip(howInstalled);
  const r = npm(['exec', '--offline', '--yes', '--loglevel=error', `--package=${tarball}`, '--', 'nesy', 'translate', 'always avoid the red zone'], elsewhere);
  assert.equal(r.status, 0, r.stderr);
  assert.equal(r.stdout, 'G !red_zone\n');
  // `npx nesy-studio ARGS` needs the package's only bin to be `nesy`.
  const manifest = JSON.parse(fs.readFileSync(path.join(installed, 'package.json'), 'utf8'));
  assert.deepEqual(manifest.bin, { nesy: 'bin/nesy.js' });
});
