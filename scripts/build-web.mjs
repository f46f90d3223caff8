// The web extension's bundles (dist/web/), for VS Code for the web: the extension (src/client/browserExtension.ts)
// in the web worker extension host, and the language server (src/server/browserMain.ts) in a web worker of its
// own. They are built from the same sources as the Node bundles; what differs is the host modules:
//  - node:path is path-browserify (the neural layer joins model paths; posix semantics, as in a URL);
//  - the Node hosts' own modules (nodeModelFiles.ts, nodeRuntime.ts) are left out: the web worker installs its own
//    model files and onnxruntime-web before any model loads (src/server/browserNeural.ts), so a Node-only module
//    reached in the browser fails with a sentence that says so;
//  - any other Node built-in fails the build, so the worker cannot come to need one unnoticed.
import * as fs from 'node:fs';

/**
 * The onnxruntime-web WebAssembly files the web server loads: the WebAssembly build's (cpu) and the JSPI build's
 * (webgpu); src/neural/webNeural.ts, ortBuilds, says why these two.
 */
export const ortWasms = ['ort-wasm-simd-threaded.wasm', 'ort-wasm-simd-threaded.jspi.wasm'];

const nodeHostModules = /[\\/](nodeModelFiles|nodeRuntime|nodeFiles|nodePlatform)(\.ts)?$/;

/**
 * Client commands that need the Node server's features: checking predictions reads score files from disk on
 * worker threads, and evaluating a spec on a trace streams the trace file from disk (nesy/monitorTrace), which
 * the web server does not offer. In the web bundle each export of such a module is a function that says so,
 * for the command it is registered as.
 */
const nodeOnlyCommands = {
  checkPredictions: 'checking predictions needs the desktop extension (score files on disk, worker threads)',
  evaluateTrace: 'evaluating a spec on a trace needs the desktop extension (the trace file is read from disk)',
};
const nodeOnlyModule = new RegExp(`[\\\\/]src[\\\\/]client[\\\\/]commands[\\\\/](${Object.keys(nodeOnlyCommands).join('|')})(\\.ts)?$`);

const browserHost = {
  name: 'browser-host',
  setup(build) {
    build.onResolve({ filter: new RegExp(`(${Object.keys(nodeOnlyCommands).join('|')})$`) }, async (args) => {
      if (args.pluginData === 'resolving') return undefined;
      const resolved = await build.resolve(args.path, { resolveDir: args.resolveDir, kind: args.kind, pluginData: 'resolving' });
      return nodeOnlyModule.test(resolved.path) ? { path: resolved.path, namespace: 'node-only-command' } : undefined;
    });
    build.onLoad({ filter: /.*/, namespace: 'node-only-command' }, (args) => {
      const what = nodeOnlyCommands[nodeOnlyModule.exec(args.path)[1]];
      const message = `NeSy: ${what}; VS Code for the web does not run it.`;
      return {
        contents: `const vscode = require('vscode');
module.exports = new Proxy({}, { get: () => () => vscode.window.showErrorMessage(${JSON.stringify(message)}) });`,
        loader: 'js',
      };
    });
    build.onResolve({ filter: /^(node:)?path$/ }, () => ({ path: require_resolve('path-browserify') }));
    build.onResolve({ filter: nodeHostModules }, (args) => ({ path: args.path, namespace: 'node-host' }));
    build.onLoad({ filter: /.*/, namespace: 'node-host' }, (args) => ({
      contents: `throw new Error(${JSON.stringify(`${args.path} is Node-only; the web worker installs its own host (scripts/build-web.mjs).`)});`,
      loader: 'js',
    }));
    build.onResolve({ filter: /^node:/ }, (args) => ({
      errors: [{ text: `${args.path} is a Node built-in, imported by ${args.importer}; the web bundles cannot use it (scripts/build-web.mjs).` }],
    }));
  },
};

function require_resolve(name) {
  return new URL(import.meta.resolve(name)).pathname;
}

// Chevrotain's generateCstDts is left out as in the Node bundles (build.mjs passes its plugin in `plugins`).
const web = {
  bundle: true,
  platform: 'browser',
  target: 'es2022',
  // Minified: the worker parses all of server.js before its first diagnostics, and the package carries it.
  minify: true,
  sourcemap: true,
  mainFields: ['browser', 'module', 'main'],
  logLevel: 'warning',
  define: { 'process.env.NESY_MODELS': 'undefined', 'process.env.SHAPE_VARIANT': 'undefined' },
};

export function webBuildOptions(plugins) {
  return [
    // The extension: CommonJS, which the web worker extension host loads; vscode is provided by the host.
    { ...web, format: 'cjs', entryPoints: ['src/client/browserExtension.ts'], outfile: 'dist/web/extension.js', external: ['vscode'], plugins: [...plugins, browserHost] },
    // The server: a classic worker script (vscode-languageclient/browser starts it with new Worker(url)).
    { ...web, format: 'iife', entryPoints: ['src/server/browserMain.ts'], outfile: 'dist/web/server.js', plugins: [...plugins, browserHost] },
    // Its neural layer, which the server loads (importScripts) with the first model request (src/neural/webNeural.ts).
    { ...web, format: 'iife', entryPoints: ['src/neural/webNeural.ts'], outfile: 'dist/web/neural.js', plugins: [...plugins, browserHost] },
  ];
}

/** Copies onnxruntime-web's WebAssembly beside the web server: the package's only copies, loaded from there. */
export function copyWebAssets() {
  fs.mkdirSync('dist/web', { recursive: true });
  for (const f of fs.readdirSync('dist/web')) if (f.endsWith('.wasm') && !ortWasms.includes(f)) fs.rmSync(`dist/web/${f}`);
  for (const f of ortWasms) fs.copyFileSync(`node_modules/onnxruntime-web/dist/${f}`, `dist/web/${f}`);
}
