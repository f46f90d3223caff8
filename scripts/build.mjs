// Bundles the extension, the language server, the CLI and the inference worker with esbuild.
// onnxruntime-node stays external: it is a native addon loaded from node_modules at run time.
import * as esbuild from 'esbuild';

import { copyWebAssets, webBuildOptions } from './build-web.mjs';

const watch = process.argv.includes('--watch');

// Chevrotain's entry point requires @chevrotain/cst-dts-gen (with its own copy of lodash) only to
// re-export generateCstDts, a tool that writes .d.ts files for CST parsers, which nothing here calls.
// Leaving it out takes ~110 KB from each bundle that has Chevrotain, and ~5 ms from loading it.
const withoutCstDtsGen = {
  name: 'without-cst-dts-gen',
  setup(build) {
    build.onResolve({ filter: /^@chevrotain\/cst-dts-gen$/ }, () => ({ path: 'cst-dts-gen', namespace: 'left-out' }));
    build.onLoad({ filter: /.*/, namespace: 'left-out' }, () => ({
      contents: "exports.generateCstDts = () => { throw new Error('generateCstDts is left out of this bundle (scripts/build.mjs).'); };",
      loader: 'js',
    }));
  },
};

const common = {
  bundle: true,
  platform: 'node',
  target: 'node20',
  format: 'cjs',
  sourcemap: true,
  // logic-solver: its emscripten build is loaded from node_modules at run time (src/languages/fol/reasoning.ts).
  external: ['vscode', 'onnxruntime-node', 'logic-solver'],
  // Prefer packages' ES module builds: some UMD builds (jsonc-parser's) load their parts with a
  // require() that esbuild cannot follow, which breaks the bundle at run time.
  mainFields: ['module', 'main'],
  logLevel: 'warning',
  plugins: [withoutCstDtsGen],
};
const entries = {
  extension: 'src/client/nodeExtension.ts',
  // dist/server.js only turns on Node's compile cache and then loads dist/server-main.js (src/server/start.ts).
  server: 'src/server/start.ts',
  'server-main': 'src/server/main.ts',
  cli: 'src/cli/main.ts',
  worker: 'src/neural/worker.ts',
  // `nesy check` over many files runs this on worker threads (src/core/parallel.ts).
  'check-worker': 'src/cli/checkWorker.ts',
  // `nesy eval` and `nesy translate --file` run models over corpora on these threads (src/cli/corpus.ts).
  'corpus-worker': 'src/cli/corpusWorker.ts',
  // `nesy check-predictions` over many score files, or one large one, runs this on worker threads.
  'predictions-worker': 'src/cli/predictions/worker.ts',
  // The Parquet and Arrow readers with their libraries, which the bundles above load from here on first use
  // (src/languages/fol/scoreFiles.ts), so that neither the server nor a worker thread compiles them at start-up.
  columnar: 'src/languages/fol/columnarScores.ts',
};
const contexts = await Promise.all(
  Object.entries(entries).map(([name, entry]) =>
    esbuild.context({
      ...common,
      entryPoints: [entry],
      outfile: `dist/${name}.js`,
      external: name === 'server' ? [...common.external, './server-main.js'] : common.external,
    }),
  ),
);
// Webview pages (src/webview) run in the browser: each is one script with the libraries it draws with
// (uPlot) and, where it imports CSS, a .css file beside it; src/client/webview loads both under its CSP.
const webviewPages = { 'monitor-plot': 'src/webview/monitorPlot.ts', 'predictions-report': 'src/webview/predictionsReport.ts' };
contexts.push(
  ...(await Promise.all(
    Object.entries(webviewPages).map(([name, entry]) =>
      esbuild.context({ bundle: true, platform: 'browser', format: 'iife', target: 'es2022', minify: true, sourcemap: true, logLevel: 'warning', entryPoints: [entry], outfile: `dist/${name}.js` }),
    ),
  )),
);
contexts.push(...(await Promise.all(webBuildOptions([withoutCstDtsGen]).map((options) => esbuild.context(options)))));
if (watch) {
  await Promise.all(contexts.map((c) => c.watch()));
} else {
  await Promise.all(contexts.map((c) => c.rebuild()));
  await Promise.all(contexts.map((c) => c.dispose()));
}
copyWebAssets();
