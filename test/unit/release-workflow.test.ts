// The release workflow (.github/workflows/release.yml) cannot run here; what it runs can. This checks that
// it builds every platform of scripts/targets.mjs on that platform's runner, and that each command it runs
// exists with the options it passes (npm scripts, the smoke test, the test files, vsce's publish flags).
// Those commands themselves are tested by test/unit/package-targets.test.ts and test/cli/npm-package.test.ts.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../helpers/data';
// @ts-expect-error: a plain ES module without type declarations
import { targets } from '../../scripts/targets.mjs';

const workflow = fs.readFileSync(path.join(repoRoot, '.github', 'workflows', 'release.yml'), 'utf8');
const runs = [...workflow.matchAll(/^\s*- run: (.+)$/gm)].map((m) => m[1]!.trim());

test('the release runs on a pushed version tag', () => {
  assert.match(workflow, /^on:\n\s+push:\n\s+tags: \['v\*'\]$/m);
});

test('every platform is built, smoke-tested and published on its own runner', () => {
  const matrix = [...workflow.matchAll(/- \{ target: ([\w-]+), runner: ([\w.-]+) \}/g)].map((m) => [m[1], m[2]]);
  const expected = Object.entries(targets as Record<string, { runner: string }>).map(([target, t]) => [target, t.runner]);
  assert.deepEqual(matrix, expected);
  const vsix = 'nesy-studio-${{ matrix.target }}.vsix';
  assert.ok(runs.includes(`npm run package -- --target \${{ matrix.target }} --out ${vsix}`), 'builds the matrix target');
  assert.ok(runs.includes(`node scripts/smoke-package.mjs ${vsix} --target \${{ matrix.target }}`), 'smoke-tests it');
  assert.ok(runs.includes(`npx vsce publish --packagePath ${vsix} --skip-duplicate`), 'publishes it to the Marketplace');
  assert.ok(runs.some((r) => r.startsWith('npx --yes ovsx@') && r.endsWith(`publish ${vsix} --skip-duplicate`)), 'publishes it to Open VSX');
  // Publishing comes after the smoke test.
  const at = (prefix: string) => runs.findIndex((r) => r.startsWith(prefix));
  assert.ok(at('node scripts/smoke-package.mjs') < at('npx vsce publish') && at('npx vsce publish') < at('npx --yes ovsx@'));
});

test('each command the workflow runs exists here', () => {
  const manifest = JSON.parse(fs.readFileSync(path.join(repoRoot, 'package.json'), 'utf8'));
  for (const run of runs) {
    for (const m of run.matchAll(/npm run (\S+)/g)) assert.ok(manifest.scripts[m[1]!], `npm run ${m[1]} is a script`);
    for (const m of run.matchAll(/(?:^|\s)((?:scripts|test)\/\S+\.(?:mjs|ts))/g)) assert.ok(fs.existsSync(path.join(repoRoot, m[1]!)), `${m[1]} exists`);
  }
  const help = spawnSync(process.execPath, [path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce'), 'publish', '--help'], { encoding: 'utf8' });
  assert.equal(help.status, 0, help.stderr);
  for (const flag of ['--packagePath', '--skip-duplicate', 'VSCE_PAT']) assert.ok(help.stdout.includes(flag), `vsce publish knows ${flag}`);
  assert.ok(manifest.devDependencies['@vscode/vsce'], 'vsce is a pinned devDependency, so npx vsce runs that version');
});

test('the web package is built and published', () => {
  assert.ok(runs.includes('npm run package -- --target web --out nesy-studio-web.vsix'), 'builds the web target');
  assert.ok(runs.includes('npx vsce publish --packagePath nesy-studio-web.vsix --skip-duplicate'), 'publishes it to the Marketplace');
  assert.ok(runs.some((r) => r.startsWith('npx --yes ovsx@') && r.endsWith('publish nesy-studio-web.vsix --skip-duplicate')), 'publishes it to Open VSX');
});

test('secrets reach only the steps that publish, through the environment', () => {
  const secretLines = workflow.split('\n').filter((l) => l.includes('secrets.'));
  assert.deepEqual(secretLines.map((l) => /\{ (\w+): '\$\{\{ secrets\.(\w+) \}\}' \}/.exec(l)?.slice(1)), [
    ['VSCE_PAT', 'VSCE_PAT'],
    ['OVSX_PAT', 'OVSX_PAT'],
    ['VSCE_PAT', 'VSCE_PAT'],
    ['OVSX_PAT', 'OVSX_PAT'],
    ['NODE_AUTH_TOKEN', 'NPM_TOKEN'],
  ]);
  assert.ok(!runs.some((r) => r.includes('secrets.')), 'no secret on a command line');
});
