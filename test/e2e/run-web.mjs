// The web extension in a real VS Code for the web: code-server's workbench in headless Chromium, with the
// extension's `browser` entry (dist/web/extension.js) in the workbench's web worker extension host and its
// language server in a web worker of its own (dist/web/server.js), as on vscode.dev. No Node language server
// or inference worker runs; the check says so.
//
//   node test/e2e/run-web.mjs            package the linux-x64 .vsix, install it, run the checks
//   node test/e2e/run-web.mjs --vsix F   use the package F
//
// How the web host is chosen: code-server installs extensions on its server, where the Node extension host
// would run them; the user setting `remote.extensionKind: { "nesy-studio.nesy-studio": ["ui"] }` asks the
// workbench to run this one on the client side instead, which in a browser is the web worker extension host
// and its `browser` entry. (@vscode/test-web, the usual way, downloads VS Code, which cannot work here.)
// The extension-test payload (extensionTestsPath) is not used: the suites in test/e2e/suite are bundled for
// Node's extension host, so these checks drive the UI as a user would, like ui.mjs: diagnostics, a quick fix,
// a hover, a hierarchy import, a translation from the Command Palette, a word-problem interpretation and a
// command the server runs (Convert Operator Style).
import { spawn, spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { chromium } from 'playwright-core';
import { provision } from './provision.mjs';
import { codeServerBin, ensureCodeServer, node24, repoRoot } from './tools.mjs';
import { hoverShows, moveToText, openFile, runCommand } from './ui.mjs';

const log = (message) => console.log(`[web] ${message}`);
const timeoutS = Number(process.env.NESY_E2E_TIMEOUT_S ?? 600);

export async function runWebChecks({ vsix, env, tmp }) {
  const dirs = { userData: path.join(tmp, 'user-data'), extensions: path.join(tmp, 'extensions'), workspace: path.join(tmp, 'workspace') };
  fs.cpSync(path.join(repoRoot, 'test', 'e2e', 'workspace'), dirs.workspace, { recursive: true });
  // A second file with a mistake, opened once the extension runs: its diagnostics time is the server's, not activation's.
  fs.writeFileSync(path.join(dirs.workspace, 'later.tl'), 'spec late := F[9,2] b\n');
  fs.mkdirSync(path.join(dirs.userData, 'User'), { recursive: true });
  fs.writeFileSync(path.join(dirs.userData, 'User', 'settings.json'), JSON.stringify({
    'remote.extensionKind': { 'nesy-studio.nesy-studio': ['ui'] },
    'workbench.startupEditor': 'none',
    'workbench.tips.enabled': false,
    'extensions.autoCheckUpdates': false,
    'extensions.autoUpdate': false,
    'telemetry.telemetryLevel': 'off',
    'chat.disableAIFeatures': true,
    'editor.hover.delay': 150,
    'editor.minimap.enabled': false,
    'workbench.secondarySideBar.defaultVisibility': 'hidden',
  }));
  const own = ['--config', path.join(tmp, 'config.yaml'), '--user-data-dir', dirs.userData, '--extensions-dir', dirs.extensions];
  const install = spawnSync(node24, [codeServerBin, ...own, '--install-extension', vsix], { env, encoding: 'utf8' });
  if (install.status !== 0) throw new Error(`installing ${vsix} failed: ${install.stderr}`);
  const installed = path.join(dirs.extensions, fs.readdirSync(dirs.extensions).find((d) => d.startsWith('nesy-studio.nesy-studio-')));

  const port = 20000 + Math.floor(Math.random() * 30000);
  const logFile = path.join(tmp, 'code-server.log');
  const out = fs.openSync(logFile, 'w');
  const server = spawn(node24, [codeServerBin, '--auth', 'none', '--bind-addr', `127.0.0.1:${port}`, '--disable-telemetry', '--disable-update-check',
    '--disable-workspace-trust', '--disable-getting-started-override', ...own, dirs.workspace], { env, detached: true, stdio: ['ignore', out, out] });
  fs.closeSync(out);
  const results = [];
  let browser;
  try {
    for (let i = 0; ; i++) {
      if (server.exitCode !== null) throw new Error(`code-server exited:\n${fs.readFileSync(logFile, 'utf8')}`);
      try {
        if ((await fetch(`http://127.0.0.1:${port}/healthz`)).ok) break;
      } catch {
        if (i > 240) throw new Error('code-server did not start within 60 s');
      }
      await new Promise((r) => setTimeout(r, 250));
    }
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: ['--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--no-first-run', '--disable-sync', '--disable-quic'],
    });
    const page = await browser.newPage({ viewport: { width: 1280, height: 720 } });
    const hostLines = [];
    page.on('console', (m) => hostLines.push(m.text()));
    const check = async (title, body) => {
      try {
        await body();
        results.push({ title, ok: true });
        log(`ok   ${title}`);
      } catch (error) {
        results.push({ title, ok: false, error: error instanceof Error ? error.message.split('\n')[0] : String(error) });
        log(`FAIL ${title}`);
        await page.screenshot({ path: path.join(repoRoot, '.test-tmp', `web-failure-${results.length}.png`) }).catch(() => {});
      }
    };
    await page.goto(`http://127.0.0.1:${port}/?folder=${encodeURIComponent(dirs.workspace)}`);
    await page.locator('.monaco-workbench').waitFor({ timeout: 60_000 });

    await check('diagnostics: a .tl file gets its problems from the web worker server, and no Node server runs', async () => {
      const opened = Date.now();
      await openFile(page, 'mistakes.tl');
      await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 60_000 });
      log(`  first diagnostics ${Date.now() - opened} ms after opening the first file (extension activation included)`);
      if (hostLines.some((l) => /Activating extension 'nesy-studio.nesy-studio' failed/.test(l))) throw new Error('the extension failed to activate');
      const nodeServers = nodeProcessesUnder(installed);
      if (nodeServers.length > 0) throw new Error(`a Node process runs the extension's files: ${nodeServers.join('; ')}`);
    });

    await check('a quick fix: the quick-fix menu offers to swap the interval bounds', async () => {
      const point = await moveToText(page, '[10,0]', 2);
      await page.mouse.click(point.x, point.y);
      await page.keyboard.press('Control+.');
      await page.locator('.action-widget', { hasText: 'Swap the interval bounds' }).waitFor({ timeout: 15_000 });
      await page.keyboard.press('Escape');
    });

    await check('a hover: an operator\'s documentation', async () => {
      await openFile(page, 'traffic.tl');
      await page.locator('.monaco-editor .view-lines', { hasText: 'spec liveness' }).waitFor({ timeout: 10_000 });
      await hoverShows(page, 'G (red', 0, 'Always');
    });

    await check('a hierarchy import read through the editor\'s file system: an imported class\'s hover', async () => {
      await openFile(page, 'zoo.fol');
      // cat is a class of zoo.json only; the server reads it with ClientRequests, answered by vscode.workspace.fs.
      await hoverShows(page, 'cat(x)', 0, /›\s*cat/);
    });

    await check('a translation from the Command Palette, on onnxruntime-web', async () => {
      await openFile(page, 'nl.tl');
      await runCommand(page, 'NeSy: Translate English to Temporal Logic');
      await page.locator('.quick-input-widget', { hasText: 'English sentence to translate' }).waitFor({ timeout: 10_000 });
      await page.locator('.quick-input-widget input').fill('whenever the light is red, the light is eventually green');
      await page.keyboard.press('Enter');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'G (red -> F green)' }).first().waitFor({ timeout: 120_000 });
      await page.keyboard.press('Escape');
    });

    await check('a server command: Convert Operator Style rewrites the file in Unicode', async () => {
      // traffic.tl is open from the hover check: its tab, since Quick Open puts recently opened files first.
      await page.locator('.tab', { hasText: 'traffic.tl' }).first().click();
      await page.locator('.tab.active', { hasText: 'traffic.tl' }).waitFor({ timeout: 10_000 });
      await runCommand(page, 'NeSy: Convert Operator Style');
      await page.locator('.quick-input-list .monaco-list-row', { hasText: 'unicode' }).first().waitFor({ timeout: 10_000 });
      await page.locator('.quick-input-widget input').fill('unicode');
      await page.keyboard.press('Enter');
      await page.locator('.monaco-editor .view-lines', { hasText: '□(red → ◇[0,10] green)' }).first().waitFor({ timeout: 30_000 });
    });

    await check('a word problem interpreted from the Command Palette, on onnxruntime-web', async () => {
      await runCommand(page, 'NeSy: Interpret Math Word Problem');
      await page.locator('.quick-input-widget', { hasText: 'Math word problem to interpret' }).waitFor({ timeout: 10_000 });
      await page.locator('.quick-input-widget input').fill('Jack had 8 pens. He gave 5 pens to Mary. How many pens does Jack have now?');
      await page.keyboard.press('Enter');
      await page.locator('.monaco-editor .view-lines', { hasText: 'Answer:** 3' }).first().waitFor({ timeout: 120_000 });
    });

    // A measurement, not a check: the diagnostics time of a .tl file opened once the extension runs (the first
    // file's includes the extension host starting and activating the extension). Quick Open's typing is included.
    try {
      await page.keyboard.press('Escape');
      const opened = Date.now();
      await openFile(page, 'later.tl');
      await page.locator('.monaco-editor .squiggly-error').first().waitFor({ timeout: 60_000 });
      log(`  first diagnostics ${Date.now() - opened} ms after opening a .tl file once the extension runs (Quick Open typing included)`);
    } catch (error) {
      log(`  diagnostics of a later file not measured: ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`);
    }
  } finally {
    await browser?.close();
    try {
      process.kill(-server.pid, 'SIGTERM');
    } catch {
      // already gone
    }
  }
  return results;
}

/** Node processes whose command line names a file of the installed extension (its language server or worker). */
function nodeProcessesUnder(dir) {
  return fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d)).flatMap((pid) => {
    try {
      const args = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
      return args.some((a) => a.startsWith(dir)) ? [`${pid}: ${args.join(' ')}`] : [];
    } catch {
      return [];
    }
  });
}

async function main() {
  provision();
  const env = ensureCodeServer();
  const tmp = fs.mkdtempSync(path.join(os.tmpdir(), 'nesy-web-'));
  const timer = setTimeout(() => {
    console.error(`[web] timed out after ${timeoutS} s`);
    process.exit(1);
  }, timeoutS * 1000);
  try {
    const vsixArg = process.argv.indexOf('--vsix');
    let vsix = vsixArg > 0 ? path.resolve(process.argv[vsixArg + 1]) : path.join(tmp, 'nesy-studio.vsix');
    if (vsixArg < 0) {
      log('packaging the extension');
      const r = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'package.mjs'), '--target', 'linux-x64', '--out', vsix], { cwd: repoRoot, stdio: 'inherit' });
      if (r.status !== 0) throw new Error('packaging failed');
    }
    const results = await runWebChecks({ vsix, env, tmp });
    const failed = results.filter((r) => !r.ok);
    for (const f of failed) console.log(`FAILED ${f.title}: ${f.error}`);
    console.log(`${results.length - failed.length} passed, ${failed.length} failed`);
    return failed.length === 0 ? 0 : 1;
  } finally {
    clearTimeout(timer);
    fs.rmSync(tmp, { recursive: true, force: true });
  }
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(new URL(import.meta.url).pathname)) {
  main().then(
    (code) => process.exit(code),
    (error) => {
      console.error(`[web] ${error instanceof Error ? error.message : String(error)}`);
      process.exit(1);
    },
  );
}
