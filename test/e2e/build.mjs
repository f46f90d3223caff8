// Bundles the real-VS-Code suites (test/e2e/suite/*.ts) into out/e2e/, one file per suite plus index.js.
// vscode and mocha stay external: the extension host provides the first, node_modules the second.
import * as esbuild from 'esbuild';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const suiteOut = path.join(root, 'out', 'e2e');

export async function buildSuites() {
  const suiteDir = path.join(root, 'test', 'e2e', 'suite');
  const entryPoints = fs.readdirSync(suiteDir).filter((f) => f.endsWith('.ts')).map((f) => path.join(suiteDir, f));
  fs.rmSync(suiteOut, { recursive: true, force: true });
  await esbuild.build({
    entryPoints,
    outdir: suiteOut,
    bundle: true,
    platform: 'node',
    target: 'node20',
    format: 'cjs',
    sourcemap: 'inline',
    external: ['vscode', 'mocha'],
    logLevel: 'warning',
  });
  return path.join(suiteOut, 'index.js');
}

if (process.argv[1] === fileURLToPath(import.meta.url)) await buildSuites();
