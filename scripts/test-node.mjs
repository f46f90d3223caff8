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
// --test-force-exit: a test file whose tests have all finished must not hold CI open through a handle a
// child process left behind (seen in test/lsp/lifecycle.test.ts in about 1 run of 4).
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-force-exit', '--test-reporter=spec', ...process.argv.slice(2), ...files], {
  cwd: root,
  stdio: 'inherit',
});
process.exit(r.status ?? 1);
