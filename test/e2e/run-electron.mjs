// Runs the real-VS-Code suites (test/e2e/suite/*.test.ts but restricted-*, which need workspace trust on:
// @vscode/test-electron always passes --disable-workspace-trust) in desktop VS Code, downloaded by
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
const userData = path.join(tmp, 'user-data');
fs.cpSync(path.join(repoRoot, 'test', 'e2e', 'workspace'), workspace, { recursive: true });

let code = 1;
try {
  code = await runTests({
    version: process.env.NESY_E2E_VSCODE_VERSION ?? 'stable',
    // The download stays in the git-ignored tools folder, beside code-server.
    cachePath: path.join(repoRoot, '.tools', 'vscode-test'),
    extensionDevelopmentPath: repoRoot,
    extensionTestsPath,
    // The output channels are log files under the user-data folder; suites read the extension's (helpers.ts).
    extensionTestsEnv: { NESY_E2E_RESULTS: results, NESY_E2E_LOGS: path.join(userData, 'logs') },
    launchArgs: [workspace, '--disable-extensions', '--user-data-dir', userData],
  });
} catch (error) {
  console.error(`[e2e] ${error instanceof Error ? error.message : String(error)}`);
} finally {
  const counts = fs.existsSync(results) ? JSON.parse(fs.readFileSync(results, 'utf8')) : { passed: 0, failed: 1 };
  console.log(`${counts.passed} passed, ${counts.failed} failed`);
  fs.rmSync(tmp, { recursive: true, force: true });
}
process.exit(code === 0 ? 0 : 1);
