// Builds the .vsix packages, one per platform (scripts/targets.mjs) and the `web` one for VS Code for the web:
// esbuild bundles once, then @vscode/vsce (offline) packages each target with its own onnxruntime-node binaries.
//   node scripts/package.mjs                           every target -> nesy-studio-<target>.vsix here
//   node scripts/package.mjs --target win32-x64 ...    those targets (--target may repeat)
//   node scripts/package.mjs --out file.vsix           one package: --target's, else this machine's
//   node scripts/package.mjs --out-dir DIR             where the packages go (default: the repository)
//   node scripts/package.mjs --no-build                package the dist/ that is already built
// A package over the size budget (40 MB without its web part, 10 MB for the web part) fails the run.
// vsce flags, each for a reason:
//  --target T                    the package installs only on T; VS Code and Open VSX pick the package for the
//                                user's platform.
//  --ignoreFile F                .vscodeignore plus the lines that let T's binaries in (writeIgnoreFile).
//  --allow-missing-repository    the project has no public repository yet; add package.json "repository"
//                                once it has one and drop this flag.
//  --no-rewrite-relative-links   README images (docs/screenshots/*.png) ship inside the package, so the
//                                relative links resolve in VS Code's extension page without a repository URL.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { fileURLToPath } from 'node:url';
import { budgetBytes, hostTarget, packageTargets, webBudgetBytes, webPartBytes, writeIgnoreFile } from './targets.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function fail(message) {
  console.error(`npm run package: ${message}`);
  process.exit(2);
}

let options;
try {
  ({ values: options } = parseArgs({
    options: {
      target: { type: 'string', multiple: true },
      out: { type: 'string' },
      'out-dir': { type: 'string' },
      'no-build': { type: 'boolean' },
    },
  }));
} catch (e) {
  fail(e.message);
}

let chosen = options.target ?? [];
for (const t of chosen) if (!packageTargets.includes(t)) fail(`unknown --target ${t}; the targets are ${packageTargets.join(', ')}`);
if (options.out !== undefined) {
  if (chosen.length > 1) fail('--out names one package; give at most one --target with it');
  if (chosen.length === 0) {
    const host = hostTarget();
    if (!host) fail(`no package is built for ${process.platform}-${process.arch}; give --target (one of ${packageTargets.join(', ')})`);
    chosen = [host];
  }
}
if (chosen.length === 0) chosen = packageTargets;
const outDir = path.resolve(options['out-dir'] ?? repoRoot);

function run(command, args) {
  console.log(`> ${command} ${args.join(' ')}`);
  const r = spawnSync(command, args, { cwd: repoRoot, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`${command} failed (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
}

if (!options['no-build']) run(process.execPath, [path.join(repoRoot, 'scripts', 'build.mjs')]);
fs.mkdirSync(outDir, { recursive: true });
const ignoreDir = fs.mkdtempSync(path.join(os.tmpdir(), 'nesy-package-'));
const built = [];
try {
  for (const target of chosen) {
    const out = options.out !== undefined ? path.resolve(options.out) : path.join(outDir, `nesy-studio-${target}.vsix`);
    run(process.execPath, [
      path.join(repoRoot, 'node_modules', '@vscode', 'vsce', 'vsce'),
      'package',
      '--target', target,
      '--ignoreFile', writeIgnoreFile(target, ignoreDir, repoRoot),
      '--allow-missing-repository',
      '--no-rewrite-relative-links',
      '--out', out,
    ]);
    built.push({ target, out, bytes: fs.statSync(out).size, webBytes: await webPartBytes(out) });
  }
} finally {
  fs.rmSync(ignoreDir, { recursive: true, force: true });
}

console.log('');
for (const { target, out, bytes, webBytes } of built) {
  console.log(`${target.padEnd(13)} ${(bytes / 1e6).toFixed(1).padStart(5)} MB (web part ${(webBytes / 1e6).toFixed(1)} MB)  ${path.relative(process.cwd(), out) || out}`);
}
const over = built.filter((b) => b.bytes - b.webBytes > budgetBytes || b.webBytes > webBudgetBytes);
if (over.length > 0) {
  console.error(`over the budget (${budgetBytes / 1e6} MB without the web part, ${webBudgetBytes / 1e6} MB for it): ${over.map((b) => b.target).join(', ')}`);
  process.exit(1);
}

