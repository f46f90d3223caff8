// Runs every node:test file of the project: each `*.test.ts` under test/ except the real-VS-Code suites
// (test/e2e, which need VS Code: npm run test:e2e). Extra arguments go to `node --test`.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const testDir = path.join(root, 'test');
const excluded = new Set([path.join(testDir, 'e2e'), path.join(testDir, 'fixtures')]);

function testFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) return excluded.has(full) ? [] : testFiles(full);
    return entry.name.endsWith('.test.ts') ? [path.relative(root, full)] : [];
  });
}

const files = testFiles(testDir).sort();
if (files.length === 0) {
  console.error('no test files under test/');
  process.exit(1);
}
// No --test-force-exit: under per-file processes it drops the tail of a file's results before the parent reads them
// and still exits 0 (nodejs/node#64833), so tests could go unreported, failures included. A file that holds the run
// open through a handle left behind is stopped by the watchdog below instead, with one line saying so.
const watchdogMinutes = 45;
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', ...process.argv.slice(2), ...files], {
  cwd: root,
  stdio: 'inherit',
  timeout: watchdogMinutes * 60_000,
  killSignal: 'SIGKILL',
});
if (r.error?.code === 'ETIMEDOUT') {
  console.error(`test-node: the node tests ran past ${watchdogMinutes} minutes (a test file holding a handle open?), stopped`);
  process.exit(1);
}
process.exit(r.status ?? 1);
