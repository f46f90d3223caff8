// The real-VS-Code suite's Debian packages (test/e2e/provision.mjs): which are needed, and what happens when
// some are missing (installed as root on Debian, otherwise one line naming them), from injected facts only.
import { test } from 'node:test';
import assert from 'node:assert/strict';
// @ts-expect-error: a plain .mjs script without type declarations
import { neededPackages, provisionPlan } from '../e2e/provision.mjs';

const has = (...present: string[]) => (pkg: string) => present.includes(pkg);
const debianRoot = { uid: 0, platform: 'linux', debian: true };

test('chromium is always needed; the build tools only until code-server is installed', () => {
  assert.deepEqual(neededPackages(true), ['chromium']);
  assert.deepEqual(neededPackages(false), ['chromium', 'libkrb5-dev', 'make', 'g++', 'python3']);
});

test('nothing missing: ready, whoever runs it', () => {
  const all = has('chromium', 'libkrb5-dev', 'make', 'g++', 'python3');
  for (const uid of [0, 1000, undefined]) {
    assert.deepEqual(provisionPlan({ needed: neededPackages(false), installed: all, uid, platform: 'linux', debian: true }), { action: 'ready' });
  }
  assert.deepEqual(provisionPlan({ needed: ['chromium'], installed: all, uid: 1000, platform: 'linux', debian: false }), { action: 'ready' });
});

test('as root on Debian, exactly the missing packages are installed, in order', () => {
  assert.deepEqual(provisionPlan({ ...debianRoot, needed: neededPackages(false), installed: has('make', 'g++', 'python3') }), { action: 'install', packages: ['chromium', 'libkrb5-dev'] });
  assert.deepEqual(provisionPlan({ ...debianRoot, needed: neededPackages(true), installed: has('make') }), { action: 'install', packages: ['chromium'] });
});

test('not root on Debian: one line naming the packages and the command to run', () => {
  const plan = provisionPlan({ needed: neededPackages(false), installed: has('make', 'g++', 'python3'), uid: 1000, platform: 'linux', debian: true });
  assert.equal(plan.action, 'stop');
  assert.deepEqual(plan.packages, ['chromium', 'libkrb5-dev']);
  assert.equal(plan.message, 'nesy e2e: missing Debian packages chromium libkrb5-dev; run: sudo apt-get install -y chromium libkrb5-dev');
});

test('without apt (not Debian, even as root): one line naming what is missing, no install', () => {
  const plan = provisionPlan({ needed: neededPackages(false), installed: has('chromium', 'make', 'g++'), uid: 0, platform: 'linux', debian: false });
  assert.equal(plan.action, 'stop');
  assert.deepEqual(plan.packages, ['libkrb5-dev', 'python3']);
  assert.equal(plan.message, "nesy e2e: missing libkrb5-dev python3 (Debian package names); install them with this system's package manager, then run npm test again.");
  assert.ok(!plan.message.includes('\n'));
});

test('off Linux the code-server suites do not run: one line pointing at the Electron runner', () => {
  const plan = provisionPlan({ needed: neededPackages(false), installed: has(), uid: 501, platform: 'darwin', debian: false });
  assert.equal(plan.action, 'stop');
  assert.match(plan.message, /^nesy e2e: the code-server suites run on Linux only \(this is darwin\); run npm run test:electron instead\.$/);
});
