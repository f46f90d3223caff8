// Builds the linux-x64 .vsix: esbuild bundles, then @vscode/vsce (offline).
//   node scripts/package.mjs [--out file.vsix]
// vsce flags, each for a reason:
//  --target linux-x64            the package carries onnxruntime-node's native linux-x64 binaries only.
//  --allow-missing-repository    the project has no public repository yet; add package.json "repository"
//                                once it has one and drop this flag.
//  --no-rewrite-relative-links   README images (docs/screenshots/*.png) ship inside the package, so the
//                                relative links resolve in VS Code's extension page without a repository URL.
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const outIndex = process.argv.indexOf('--out');
const out = outIndex > 0 ? path.resolve(process.argv[outIndex + 1]) : path.join(root, 'nesy-studio-linux-x64.vsix');

function run(command, args) {
  console.log(`> ${command} ${args.join(' ')}`);
  const r = spawnSync(command, args, { cwd: root, stdio: 'inherit' });
  if (r.status !== 0) {
    console.error(`${command} failed (exit ${r.status ?? r.signal})`);
    process.exit(1);
  }
}

run(process.execPath, [path.join(root, 'scripts', 'build.mjs')]);
run(process.execPath, [
  path.join(root, 'node_modules', '@vscode', 'vsce', 'vsce'),
  'package',
  '--target', 'linux-x64',
  '--allow-missing-repository',
  '--no-rewrite-relative-links',
  '--out', out,
]);
