// Bundles the extension, the language server, the CLI and the inference worker with esbuild.
// onnxruntime-node stays external: it is a native addon loaded from node_modules at run time.
import * as esbuild from 'esbuild';

const watch = process.argv.includes('--watch');
const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  external: ['vscode', 'onnxruntime-node'],
  // Prefer packages' ES module builds: some UMD builds (jsonc-parser's) load their parts with a
  // require() that esbuild cannot follow, which breaks the bundle at run time.
  mainFields: ['module', 'main'],
  logLevel: 'warning',
};
const entries = {
  extension: 'src/client/extension.ts',
  server: 'src/server/main.ts',
  cli: 'src/cli/main.ts',
  worker: 'src/neural/worker.ts',
  // `nesy check` over many files runs this on worker threads (src/core/parallel.ts).
  'check-worker': 'src/cli/checkWorker.ts',
  // `nesy eval` and `nesy translate --file` run models over corpora on these threads (src/cli/corpus.ts).
  'corpus-worker': 'src/cli/corpusWorker.ts',
};
const contexts = await Promise.all(
  Object.entries(entries).map(([name, entry]) =>
    esbuild.context({ ...common, entryPoints: [entry], outfile: `dist/${name}.js` }),
  ),
);
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
