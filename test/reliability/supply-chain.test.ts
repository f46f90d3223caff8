// The dependency tree that ships: committed lockfile, exact versions, and install scripts limited
// to a reviewed list (onnxruntime-node's download is switched off by .npmrc; the binaries it needs
// come inside the package). Known advisories are checked by `npm run audit` (see RELIABILITY.md).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { execFileSync } from 'node:child_process';
import { repoRoot } from '../helpers/data';

const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
const lock = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package-lock.json'), 'utf8'));

test('the lockfile and .npmrc are committed', () => {
  const tracked = execFileSync('git', ['ls-files', 'package-lock.json', '.npmrc'], { cwd: repoRoot, encoding: 'utf8' }).split('\n').filter(Boolean);
  assert.deepEqual(tracked.sort(), ['.npmrc', 'package-lock.json']);
  assert.equal(lock.lockfileVersion, 3);
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

test('install scripts are limited to the reviewed packages, and onnxruntime-node downloads nothing', () => {
  const withScripts = Object.entries(lock.packages as Record<string, { hasInstallScript?: boolean; dev?: boolean }>)
    .filter(([, p]) => p.hasInstallScript)
    .map(([where, p]) => `${where.replace(/^node_modules\//, '')}${p.dev ? ' (dev)' : ''}`)
    .sort();
  // Reviewed: esbuild checks its platform binary, keytar and vsce-sign (vsce's, for publishing) build or
  // check native parts; none ships in the .vsix. onnxruntime-node's postinstall would fetch GPU
  // libraries from the network, which .npmrc turns off.
  assert.deepEqual(withScripts, ['@vscode/vsce-sign (dev)', 'esbuild (dev)', 'keytar (dev)', 'onnxruntime-node']);
  assert.match(fs.readFileSync(path.join(repoRoot, '.npmrc'), 'utf8'), /^onnxruntime-node-install=skip$/m);
  const own = manifest.scripts as Record<string, string>;
  for (const hook of ['preinstall', 'install', 'postinstall']) assert.equal(own[hook], undefined, `package.json runs a ${hook} script`);
});
