// The dependency tree that ships: committed lockfile, exact versions, and install scripts limited
// to a reviewed list, package.json's `allowScripts` (onnxruntime-node's download is denied there; the
// binaries it needs come inside the package). Known advisories: `npm audit`, where the registry's
// advisory endpoint answers.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { repoRoot } from '../helpers/data';

const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const lock = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8'));

test('the lockfile is committed', () => {
  const tracked = execFileSync('git', ['ls-files', 'package-lock.json'], { cwd: repoRoot, encoding: 'utf8' }).split('\n').filter(Boolean);
  assert.deepEqual(tracked, ['package-lock.json']);
  assert.equal(lock.lockfileVersion, 3);
});

test('npm commands in the project print no warning about its own configuration', () => {
  // A project .npmrc key npm does not know (such as onnxruntime-node-install) makes every npm and npx
  // command warn "Unknown project config".
  const r = spawnSync('npm', ['config', 'list'], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
  assert.equal(r.status, 0, r.stderr);
  assert.doesNotMatch(r.stderr, /project config/i, r.stderr);
});

test('every dependency is pinned to an exact version, and the lockfile agrees with package.json', () => {
  for (const kind of ['dependencies', 'devDependencies'] as const) {
    for (const [name, version] of Object.entries(manifest[kind] as Record<string, string>)) {
      assert.match(version, /^\d+\.\d+\.\d+$/, `${name}@${version} is not an exact version`);
      assert.equal(lock.packages[''][kind][name], version, `${name}: package-lock.json asks for ${lock.packages[''][kind][name]}`);
      assert.equal(lock.packages[`node_modules/${name}`].version, version, `${name}: the lockfile resolves another version`);
    }
  }
});

test('every locked package has an integrity hash, and none comes from outside the npm registry', () => {
  for (const [where, p] of Object.entries(lock.packages as Record<string, { resolved?: string; integrity?: string; link?: boolean }>)) {
    if (where === '' || p.link) continue;
    // npm leaves out `resolved` for the default registry; a git, file or tarball source would show here.
    if (p.resolved !== undefined) assert.match(p.resolved, /^https:\/\/registry\.npmjs\.org\//, `${where} is not from the registry`);
    assert.match(p.integrity ?? '', /^sha512-/, `${where} has no sha512 integrity`);
  }
});

test('install scripts are limited to the reviewed packages, and onnxruntime-node downloads nothing', (t) => {
  const withScripts = Object.entries(lock.packages as Record<string, { hasInstallScript?: boolean; dev?: boolean }>)
    .filter(([, p]) => p.hasInstallScript)
    .map(([where, p]) => `${where.replace(/^node_modules\//, '')}${p.dev ? ' (dev)' : ''}`)
    .sort();
  // Reviewed: esbuild checks its platform binary and vsce-sign (vsce's, for publishing) copies its own;
  // keytar (vsce's credential store, which packaging never opens) would download a prebuilt binary from
  // GitHub or compile one; none ships in the .vsix. onnxruntime-node's postinstall would fetch CUDA
  // libraries from api.nuget.org. protobufjs's postinstall (onnxruntime-web's dependency, used at build time
  // only) just warns about version schemes in the parent package.json; denied. package.json's allowScripts records the review, by name so that it
  // survives a version bump (npm 11 skips denied scripts and runs unreviewed ones with a warning; npm
  // 12 runs only allowed ones).
  assert.deepEqual(withScripts, ['@vscode/vsce-sign (dev)', 'esbuild (dev)', 'keytar (dev)', 'onnxruntime-node', 'protobufjs (dev)']);
  assert.deepEqual(manifest.allowScripts, { '@vscode/vsce-sign': true, esbuild: true, keytar: false, 'onnxruntime-node': false, protobufjs: false });
  const pending = spawnSync('npm', ['install-scripts', 'ls'], { cwd: repoRoot, encoding: 'utf8', timeout: 60_000 });
  if (pending.status !== 0) t.diagnostic(`npm ${execFileSync('npm', ['--version'], { encoding: 'utf8' }).trim()} has no install-scripts command`);
  else assert.match(pending.stdout, /No packages with unreviewed install scripts/, pending.stdout);
  const own = manifest.scripts as Record<string, string>;
  for (const hook of ['preinstall', 'install', 'postinstall']) assert.equal(own[hook], undefined, `package.json runs a ${hook} script`);
});

test('npm audit finds no high or critical advisory in the production dependencies', (t) => {
  // npm audit exits non-zero when it finds advisories, so read its JSON whatever the status.
  const run = spawnSync('npm', ['audit', '--omit=dev', '--json'], { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 });
  const report = JSON.parse(run.stdout || '{}') as { metadata?: { vulnerabilities?: Record<string, number> }; message?: string };
  const counts = report.metadata?.vulnerabilities;
  if (!counts) {
    // Offline machines and registry proxies without the advisory endpoint (this build machine answers 405).
    t.skip(`the advisory endpoint did not answer: ${report.message ?? run.stderr.trim().split('\n').pop()}`);
    return;
  }
  assert.equal((counts.high ?? 0) + (counts.critical ?? 0), 0, `npm audit: ${JSON.stringify(counts)}`);
});

// Reviewed by hand on a machine whose registry has no advisory endpoint: the production tree's
// packages with high advisories, and the first version that fixes them. A downgrade fails here.
const fixedVersions: Record<string, { atLeast: string; advisories: string }> = {
  lodash: { atLeast: '4.18.1', advisories: 'GHSA-r5fr-rjxr-66jc, GHSA-xxjr-mmjv-4gpg, GHSA-f23m-r3pf-42rh' },
};

test('production packages with known high advisories are locked at fixed versions', () => {
  const newer = (a: string, b: string) => {
    const [x, y] = [a, b].map((v) => v.split('.').map(Number));
    for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] > y[i];
    return true;
  };
  for (const [name, { atLeast, advisories }] of Object.entries(fixedVersions)) {
    const copies = Object.entries(lock.packages as Record<string, { version: string }>).filter(([where]) => where.endsWith(`node_modules/${name}`));
    assert.ok(copies.length > 0, `${name} is no longer in the lockfile: drop it from this list`);
    for (const [where, p] of copies) assert.ok(newer(p.version, atLeast), `${where}@${p.version} is affected by ${advisories}`);
  }
});
