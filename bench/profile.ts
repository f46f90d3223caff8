// CPU profiles of the workloads whose budgets are missed, with their hottest functions:
//   node --import tsx bench/profile.ts [tl-validate|fol-parse|fol-validate|server-edit|server-hover|server-start]...
// In-process workloads run in a child `node --cpu-prof`; server workloads profile dist/server.js.
// Profiles land in .test-tmp/bench/profiles/<workload>/, the top functions print as JSON lines.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultSettings } from '../src/core/settings';
import { languageById } from '../src/languages/index';
import { LspClient, positionOf } from '../test/helpers/lspClient';
import { folText, tlLines } from './corpus';
import { hotspots } from './hotspots';
import { mkdirp, packageRoot } from './util';
import { nodeFiles } from '../src/core/nodeFiles';

const root = packageRoot();
const profiles = path.join(root, '.test-tmp', 'bench', 'profiles');

/** Workloads that run inside the profiled child process. */
const inProcess: Record<string, () => Promise<void>> = {
  'tl-validate': async () => {
    const doc = TextDocument.create('file:///bench/big.tl', 'tl', 1, tlLines(10_000));
    for (let i = 0; i < 30; i++) await languageById('tl')!.analyze(doc, defaultSettings, { log: () => undefined });
  },
  'fol-parse': async () => {
    const { parseFolFile } = await import('../src/languages/fol/ast');
    const text = folText(30_000);
    for (let i = 0; i < 3; i++) parseFolFile(text);
  },
  'fol-validate': async () => {
    const doc = TextDocument.create('file:///bench/rules.fol', 'fol', 1, folText(10_000));
    await languageById('fol')!.analyze(doc, defaultSettings, { log: () => undefined, files: nodeFiles });
  },
};

/** Workloads that drive a profiled language server. */
const serverSide: Record<string, (lsp: LspClient) => Promise<void>> = {
  'server-start': async () => undefined,
  'server-edit': async (lsp) => {
    const uri = lsp.uri('big.tl');
    const text = tlLines(10_000);
    lsp.open(uri, text);
    await lsp.diagnostics(uri);
    const at = positionOf(text, 'p1', 3000);
    const range = { start: { line: at.line, character: at.character + 1 }, end: { line: at.line, character: at.character + 2 } };
    for (let i = 0; i < 20; i++) {
      lsp.change(uri, [{ range, text: i % 2 ? '1' : '2' }]);
      await lsp.diagnostics(uri);
    }
  },
  'server-hover': async (lsp) => {
    const uri = lsp.uri('big.tl');
    const text = tlLines(10_000);
    lsp.open(uri, text);
    await lsp.diagnostics(uri);
    const at = positionOf(text, 'G', 100);
    for (let i = 0; i < 30; i++) await lsp.hover(uri, at);
  },
};

function report(workload: string, dir: string): void {
  // tsx's loader runs in a thread of its own and gets a profile too; the workload's is the biggest.
  const file = fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.cpuprofile'))
    .map((f) => path.join(dir, f))
    .sort((a, b) => fs.statSync(a).size - fs.statSync(b).size)
    .pop();
  if (!file) throw new Error(`no profile written for ${workload}`);
  for (const h of hotspots(JSON.parse(fs.readFileSync(file, 'utf8')), 12)) process.stdout.write(JSON.stringify({ workload, ...h }) + '\n');
}

async function profileServer(workload: string): Promise<void> {
  const dir = path.join(profiles, workload);
  fs.rmSync(dir, { recursive: true, force: true });
  const lsp = new LspClient({
    args: ['--cpu-prof', '--cpu-prof-dir', dir, path.join(root, 'dist', 'server.js'), '--stdio'],
    cwd: root,
    workspaceFolder: mkdirp(path.join(root, '.test-tmp', 'bench', 'profile-ws')),
    timeoutMs: 300_000,
  });
  try {
    await lsp.initialize();
    await serverSide[workload]!(lsp);
    await lsp.shutdown();
  } finally {
    lsp.dispose();
  }
  report(workload, dir);
}

function profileChild(workload: string): void {
  const dir = path.join(profiles, workload);
  fs.rmSync(dir, { recursive: true, force: true });
  const r = spawnSync(process.execPath, ['--cpu-prof', '--cpu-prof-dir', dir, '--import', 'tsx', __filename, '--run', workload], { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) throw new Error(`profiling ${workload} failed (exit ${r.status})`);
  report(workload, dir);
}

async function main(args: string[]): Promise<void> {
  if (args[0] === '--run') {
    await inProcess[args[1]!]!();
    return;
  }
  const all = [...Object.keys(inProcess), ...Object.keys(serverSide)];
  const chosen = args.length > 0 ? args : all;
  for (const workload of chosen) {
    if (workload in inProcess) profileChild(workload);
    else if (workload in serverSide) await profileServer(workload);
    else throw new Error(`unknown workload ${workload}; choose from ${all.join(', ')}`);
  }
}

main(process.argv.slice(2)).catch((error: unknown) => {
  process.stderr.write(`profile: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
});
