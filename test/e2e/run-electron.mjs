// Runs the real-VS-Code suites (test/e2e/suite/*.test.ts) in desktop VS Code, downloaded by
// @vscode/test-electron, for machines that can download it (these cannot: use `npm run test:e2e`, which runs
// the same suites in VS Code's server build). The extension runs from this checkout (dist/, built first).
//
// Environment: NESY_E2E_VSCODE_VERSION (default 'stable').
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { runTests } from '@vscode/test-electron';
import { buildSuites } from './build.mjs';
import { repoRoot } from './tools.mjs';

const build = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'build.mjs')], { stdio: 'inherit' });
if (build.status !== 0) process.exit(1);
const extensionTestsPath = await buildSuites();
const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nesy-e2e-electron-'));
const workspace = path.join(tmp, 'workspace');
const results = path.join(tmp, 'results.json');
fs.cpSync(path.join(repoRoot, 'test', 'e2e', 'workspace'), workspace, { recursive: true });

let code = 1;
try {
  code = await runTests({
    version: process.env.NESY_E2E_VSCODE_VERSION ?? 'stable',
    // The download stays in the git-ignored tools folder, beside code-server.
    cachePath: path.join(repoRoot, '.tools', 'vscode-test'),
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath,
    extensionTestsEnv: { NESY_E2E_RESULTS: results },
    launchArgs: [workspace, '--disable-extensions', '--user-data-dir', path.join(tmp, 'user-data')],
  });
} catch (error) {
  console.error(`[e2e] ${error instanceof Error ? error.message : String(error)}`);
} finally {
  const counts = fs.existsSync(results) ? JSON.parse(fs.readFileSync(results, 'utf8')) : { passed: 0, failed: 1 };
  console.log(`${counts.passed} passed, ${counts.failed} failed`);
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(code === 0 ? 0 : 1);
