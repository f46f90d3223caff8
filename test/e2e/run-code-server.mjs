// Runs the real-VS-Code suites inside VS Code itself, here, through code-server (VS Code's server build,
// whose workbench runs in headless Chromium and whose extension host is the real one). The recipe and why
// each step is needed: ../shared/docs/real-vscode-tests.md.
//
//   npm run test:e2e                         package the .vsix, install it, run every suite, then the UI checks,
//                                            then the web extension's checks in the web worker host (run-web.mjs)
//   node test/e2e/run-code-server.mjs --screenshots docs/screenshots   ...and save the README's screenshots there
//   node test/e2e/run-code-server.mjs --ui-only                        only the UI checks (quicker to iterate on)
// Screenshots go to .test-tmp/e2e-screenshots by default; those of failed UI checks to .test-tmp/e2e-failures.
//
// Adding tests: put `test/e2e/suite/<topic>.test.ts` (mocha `describe`/`it`, `import * as vscode from
// 'vscode'`, helpers in suite/helpers.ts) and any fixture files in test/e2e/workspace/. Every suite file is
// bundled and run in the same launch; the workspace is a fresh temporary copy each run, so tests may edit it.
// The same suites run in desktop VS Code with `npm run test:electron`.
// `suite/restricted-*.test.ts` run afterwards in a second launch of the same install, with workspace trust on
// and the workspace (plus test/e2e/restricted/) untrusted; @vscode/test-electron always disables workspace
// trust, so they run only here.
//
// Environment: NESY_E2E_TIMEOUT_S (whole run, default 900), NESY_E2E_KEEP=1 keeps the temporary folder.
// Debian packages: chromium, and the build tools for code-server's first install; provision.mjs installs them
// as root, or stops here with one line naming them.
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as net from 'node:net';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { buildSuites } from './build.mjs';
import { provision } from './provision.mjs';
import { codeServerBin, ensureCodeServer, node24, repoRoot } from './tools.mjs';
import { runUiChecks } from './ui.mjs';
import { runWebChecks } from './run-web.mjs';

const timeoutS = Number(process.env.NESY_E2E_TIMEOUT_S ?? 900);
const screenshotsArg = process.argv.indexOf('--screenshots');
const uiOnly = process.argv.includes('--ui-only');
const started = [];
let browser;
let tmp;

const log = (message) => console.log(`[e2e] ${message}`);

async function main() {
  const env = ensureCodeServer();
  tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nesy-e2e-'));
  const dirs = {
    userData: path.join(tmp, 'user-data'),
    extensions: path.join(tmp, 'extensions'),
    workspace: path.join(tmp, 'workspace'),
    // The UI checks get their own copy: the suites may leave edits and settings in theirs.
    uiWorkspace: path.join(tmp, 'ui', 'examples'),
    results: path.join(tmp, 'results.json'),
    screenshots: path.resolve(screenshotsArg > 0 ? process.argv[screenshotsArg + 1] : path.join(repoRoot, '.test-tmp', 'e2e-screenshots')),
  };
  for (const copy of [dirs.workspace, dirs.uiWorkspace]) fs.cpSync(path.join(repoRoot, 'test', 'e2e', 'workspace'), copy, { recursive: true });
  writeUserSettings(dirs.userData);

  log('packaging the extension');
  const vsix = path.join(tmp, 'nesy-studio.vsix');
  runOrThrow(process.execPath, [path.join(repoRoot, 'scripts', 'package.mjs'), '--out', vsix], process.env);
  log('bundling the suites');
  const suiteIndex = await buildSuites();
  log('installing the .vsix into code-server');
  runOrThrow(node24, [codeServerBin, ...ownFolders(dirs), '--install-extension', vsix], env);
  const installed = installedExtensionDir(dirs.extensions);

  const port = await freePort();
  const server = startCodeServer(port, dirs, env);
  await waitForHttp(`http://127.0.0.1:${port}/healthz`, 60_000, server);
  browser = await chromium.launch({
    executablePath: '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking',
      '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
  });

  const suites = uiOnly ? noResults : await runSuites(port, installed, suiteIndex, dirs);

  log('checking what a user sees in the workbench');
  const failedShots = path.join(repoRoot, '.test-tmp', 'e2e-failures');
  fs.rmSync(failedShots, { recursive: true, force: true });
  for (const dir of [dirs.screenshots, failedShots]) fs.mkdirSync(dir, { recursive: true });
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(dirs.uiWorkspace)}`;
  const serverModule = path.join(installed, 'dist', 'server.js');
  const ui = await runUiChecks(browser, { url, workspace: dirs.uiWorkspace, screenshots: dirs.screenshots, failedShots, serverModule, log });
  log(`screenshots in ${path.relative(repoRoot, dirs.screenshots)}`);
  await stop(server);

  const restricted = uiOnly ? noResults : await runRestrictedSuites(installed, suiteIndex, env);

  log('checking the web extension in the web worker extension host (run-web.mjs)');
  fs.mkdirSync(path.join(tmp, 'web'));
  const web = uiOnly ? [] : await runWebChecks({ vsix, env, tmp: path.join(tmp, 'web') });

  const failures = [
    ...suites.failures,
    ...restricted.failures,
    ...ui.filter((c) => !c.ok).map((c) => ({ title: `UI: ${c.title}`, error: c.error })),
    ...web.filter((c) => !c.ok).map((c) => ({ title: `web: ${c.title}`, error: c.error })),
  ];
  const passed = suites.passed + restricted.passed + ui.filter((c) => c.ok).length + web.filter((c) => c.ok).length;
  if (failures.length > 0) for (const userData of [dirs.userData, restrictedDirs().userData]) printExtensionLogs(userData);
  for (const f of failures) console.log(`FAILED ${f.title}: ${f.error}`);
  console.log(`${passed} passed, ${failures.length} failed`);
  return failures.length === 0 ? 0 : 1;
}

const noResults = { passed: 0, failed: 0, failures: [] };

/** Where the restricted launch keeps its user data and its (untrusted) workspace. */
function restrictedDirs() {
  const dir = path.join(tmp, 'restricted');
  return { userData: path.join(dir, 'user-data'), workspace: path.join(dir, 'workspace'), results: path.join(dir, 'results.json') };
}

/**
 * The suites for Restricted Mode: code-server again, on the installed extension, with workspace trust on. A
 * folder the browser has never trusted opens untrusted; `startupPrompt: never` keeps the trust dialog away.
 * The machine-level model path does not exist, so a server that used it would say so.
 */
async function runRestrictedSuites(installed, suiteIndex, env) {
  log('running the Restricted Mode suites in an untrusted workspace');
  const dirs = { ...restrictedDirs(), extensions: path.join(tmp, 'extensions') };
  fs.cpSync(path.join(repoRoot, 'test', 'e2e', 'workspace'), dirs.workspace, { recursive: true });
  fs.cpSync(path.join(repoRoot, 'test', 'e2e', 'restricted'), dirs.workspace, { recursive: true });
  writeUserSettings(dirs.userData, { 'security.workspace.trust.enabled': true, 'security.workspace.trust.startupPrompt': 'never' });
  // code-server is a remote window: `machine`-scoped settings are read from Machine/, not User/.
  fs.mkdirSync(path.join(dirs.userData, 'Machine'), { recursive: true });
  fs.writeFileSync(path.join(dirs.userData, 'Machine', 'settings.json'), JSON.stringify({ 'nesy.models.path': path.join(tmp, 'no-such-models') }));
  const port = await freePort();
  const server = startCodeServer(port, dirs, env, { workspaceTrust: true });
  await waitForHttp(`http://127.0.0.1:${port}/healthz`, 60_000, server);
  const results = await runSuites(port, installed, suiteIndex, dirs, { NESY_E2E_RESTRICTED: '1' });
  await stop(server);
  return results;
}

/** The extension's output channel ("NeSy Studio", with the language server's stderr), which explains most failures. */
function printExtensionLogs(userData) {
  if (!fs.existsSync(path.join(userData, 'logs'))) return;
  const logs = fs.readdirSync(path.join(userData, 'logs'), { recursive: true })
    .filter((f) => String(f).endsWith('NeSy Studio.log'))
    .map((f) => path.join(userData, 'logs', String(f)));
  for (const file of logs) {
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n');
    console.log(`--- last lines of ${path.relative(userData, file)} ---`);
    console.log(lines.slice(-40).join('\n'));
  }
}

function writeUserSettings(userData, extra = {}) {
  const dir = path.join(userData, 'User');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'settings.json'), JSON.stringify({
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'workbench.enableExperiments': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'extensions.ignoreRecommendations': true,
    'update.mode': 'none',
    'telemetry.telemetryLevel': 'off',
    'chat.disableAIFeatures': true,
    'editor.hover.delay': 150,
    'editor.minimap.enabled': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
    ...extra,
  }, null, 2));
}

/** code-server's folders and config file, all inside the run's temporary folder (not the user's ~/.config). */
function ownFolders(dirs) {
  return ['--config', path.join(tmp, 'config.yaml'), '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
}

function runOrThrow(command, args, env) {
  const r = spawnSync(command, args, { cwd: repoRoot, env, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`${path.basename(args[0] ?? command)} failed (exit ${r.status ?? r.signal})`);
}

function installedExtensionDir(extensionsDir) {
  const name = fs.readdirSync(extensionsDir).find((d) => d.startsWith('nesy-studio.nesy-studio-'));
  if (!name) throw new Error(`the .vsix did not install into ${extensionsDir}`);
  return path.join(extensionsDir, name);
}

function freePort() {
  return new Promise((resolve, reject) => {
    const probe = net.createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const { port } = probe.address();
      probe.close(() => resolve(port));
    });
  });
}

function startCodeServer(port, dirs, env, { workspaceTrust = false } = {}) {
  const logFile = path.join(dirs.userData, '..', 'code-server.log');
  const out = fs.openSync(logFile, 'w');
  // Its own process group, so that cleanup can end code-server and everything it spawned, and nothing else.
  const child = spawn(node24, [codeServerBin, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry',
    '--disable-update-check', ...(workspaceTrust ? [] : ['--disable-workspace-trust']), '--disable-getting-started-override',
    ...ownFolders(dirs), '--vscode-option', 'enable-smoke-test-driver', dirs.workspace], { env, detached: true, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  child.logFile = logFile;
  started.push(child);
  return child;
}

async function waitForHttp(url, ms, server) {
  const deadline = Date.now() + ms;
  while (Date.now() < deadline) {
    if (server.exitCode !== null) throw new Error(`code-server exited (${server.exitCode}):\n${fs.readFileSync(server.logFile, 'utf8')}`);
    try {
      if ((await fetch(url)).ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`code-server did not answer at ${url} within ${ms / 1000} s`);
}

async function runSuites(port, installed, suiteIndex, dirs, environment = {}) {
  log('running the suites in the extension host');
  const remote = (p) => `vscode-remote://127.0.0.1:${port}${p}`;
  const payload = [
    ['extensionDevelopmentPath', remote(installed)],
    ['extensionTestsPath', remote(suiteIndex)],
    ['extensionEnvironment', JSON.stringify({
      NESY_E2E_RESULTS: dirs.results,
      NESY_E2E_EXTENSIONS_DIR: dirs.extensions,
      NESY_E2E_LOGS: path.join(dirs.userData, 'logs'),
      ...environment,
    })],
  ];
  const url = `http://127.0.0.1:${port}/?folder=${encodeURIComponent(dirs.workspace)}&payload=${encodeURIComponent(JSON.stringify(payload))}`;
  const exitCode = await runInWorkbench(url);
  if (!fs.existsSync(dirs.results)) {
    return { passed: 0, failed: 1, failures: [{ title: 'the suites', error: `did not report results (extension host exit code ${exitCode})` }] };
  }
  const results = JSON.parse(fs.readFileSync(dirs.results, 'utf8'));
  if (exitCode !== 0 && results.failed === 0) results.failures.push({ title: 'the extension host', error: `exited with code ${exitCode}` });
  return results;
}

/** Opens the workbench with the test payload and resolves to the extension host's exit code. */
async function runInWorkbench(url) {
  const page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
  try {
    const exited = new Promise((resolve) => page.exposeFunction('codeAutomationExit', (code) => resolve(code)));
    await page.exposeFunction('codeAutomationLog', (type, args) => {
      const line = (Array.isArray(args) ? args : [args]).join(' ');
      if (type === 'error') console.error(`  | ${line}`);
      else console.log(`  | ${line}`);
    });
    await page.goto(url);
    return await exited;
  } finally {
    await page.close();
  }
}

/** Ends a code-server this script started, with everything it spawned (its process group). */
async function stop(child) {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const gone = new Promise((r) => child.once('exit', r));
  try {
    process.kill(-child.pid, 'SIGTERM');
  } catch {
    return;
  }
  const timer = setTimeout(() => {
    try {
      process.kill(-child.pid, 'SIGKILL');
    } catch {
      // already gone
    }
  }, 5000);
  await gone;
  clearTimeout(timer);
}

async function cleanup() {
  await browser?.close().catch(() => {});
  for (const child of started) await stop(child);
  if (tmp && process.env.NESY_E2E_KEEP !== '1') fs.rmSync(tmp, { recursive: true, force: true });
  else if (tmp) log(`kept ${tmp}`);
}

// Before anything is packaged or built: what the machine must have.
if (!provision()) process.exit(1);

const deadline = setTimeout(async () => {
  console.error(`[e2e] timed out after ${timeoutS} s`);
  console.log('0 passed, 1 failed');
  await cleanup();
  process.exit(1);
}, timeoutS * 1000);
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.once(signal, async () => {
    await cleanup();
    process.exit(130);
  });
}

let code = 1;
try {
  code = await main();
} catch (error) {
  console.error(`[e2e] ${error instanceof Error ? error.message : String(error)}`);
  console.log('0 passed, 1 failed');
} finally {
  clearTimeout(deadline);
  await cleanup();
}
process.exit(code);
