// The Debian packages the real-VS-Code suite (run-code-server.mjs) needs, checked before anything is built:
//   chromium                       the browser the workbench runs in (/usr/bin/chromium, driven by playwright-core);
//   libkrb5-dev, make, g++, python3  only while code-server is not yet installed in .tools/: its install compiles
//                                  native modules from source (kerberos needs the Kerberos headers; node-gyp needs
//                                  make, a C++ compiler and Python).
// As root on Debian the missing ones are installed with apt-get (its output goes to .test-tmp/e2e-apt.log);
// otherwise the run stops with one line saying what to install. `npm test` runs this first, so that it stops
// before the typecheck, the build and the unit tests; run-code-server.mjs runs it again for `npm run test:e2e`.
//
//   node test/e2e/provision.mjs     exit 0 when everything is there (or was just installed), 1 with one line if not
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';
import { codeServerBin, repoRoot } from './tools.mjs';

export const browserPackages = ['chromium'];
export const buildPackages = ['libkrb5-dev', 'make', 'g++', 'python3'];

/** The packages the suite needs: the browser always, the build tools until code-server is installed. */
export function neededPackages(codeServerInstalled) {
  return codeServerInstalled ? [...browserPackages] : [...browserPackages, ...buildPackages];
}

/**
 * What to do, from the facts alone (tests pass their own):
 *   needed     Debian package names;
 *   installed  pkg => whether it is installed (dpkg-query on Debian, a file probe elsewhere);
 *   uid        process.getuid(), undefined where there is none;
 *   platform   process.platform;
 *   debian     whether dpkg-query and apt-get are on PATH.
 * Returns { action: 'ready' }, { action: 'install', packages } (apt-get, as root on Debian), or
 * { action: 'stop', packages, message } with the one line to print before exiting non-zero.
 */
export function provisionPlan({ needed, installed, uid, platform, debian }) {
  if (platform !== 'linux') {
    return { action: 'stop', packages: [], message: `nesy e2e: the code-server suites run on Linux only (this is ${platform}); run npm run test:electron instead.` };
  }
  const missing = needed.filter((p) => !installed(p));
  if (missing.length === 0) return { action: 'ready' };
  const list = missing.join(' ');
  if (!debian) {
    return { action: 'stop', packages: missing, message: `nesy e2e: missing ${list} (Debian package names); install them with this system's package manager, then run npm test again.` };
  }
  if (uid === 0) return { action: 'install', packages: missing };
  return { action: 'stop', packages: missing, message: `nesy e2e: missing Debian packages ${list}; run: sudo apt-get install -y ${list}` };
}

function onPath(command) {
  return (process.env.PATH ?? '').split(path.delimiter).some((dir) => dir !== '' && fs.existsSync(path.join(dir, command)));
}

/** dpkg's own answer: "install ok installed" (or "hold ok installed"); anything else, or no such package, is missing. */
function dpkgInstalled(pkg) {
  const r = spawnSync('dpkg-query', ['-W', '-f=${Status}', pkg], { encoding: 'utf8' });
  return r.status === 0 && / ok installed$/.test(r.stdout.trim());
}

/** Off Debian: whether what each package provides is there. */
const probes = {
  chromium: () => fs.existsSync('/usr/bin/chromium'),
  'libkrb5-dev': () => onPath('krb5-config') || fs.existsSync('/usr/include/krb5.h'),
  make: () => onPath('make'),
  'g++': () => onPath('g++'),
  python3: () => onPath('python3'),
};

const aptLog = path.join(repoRoot, '.test-tmp', 'e2e-apt.log');

function apt(args) {
  const out = fs.openSync(aptLog, 'a');
  fs.writeSync(out, `\n$ apt-get ${args.join(' ')}\n`);
  const r = spawnSync('apt-get', args, { stdio: ['ignore', out, out], env: { ...process.env, DEBIAN_FRONTEND: 'noninteractive' } });
  fs.closeSync(out);
  return r.status === 0;
}

function lastLines(file, n) {
  return fs.readFileSync(file, 'utf8').trimEnd().split('\n').slice(-n).join('\n');
}

/** Installs with apt-get, running `apt-get update` first when the install fails (a fresh machine has no package lists). */
function aptInstall(packages) {
  fs.mkdirSync(path.dirname(aptLog), { recursive: true });
  fs.writeFileSync(aptLog, '');
  console.log(`[e2e] installing Debian packages ${packages.join(' ')} (log: ${path.relative(repoRoot, aptLog)})`);
  const install = ['install', '-y', '--no-install-recommends', ...packages];
  if (apt(install)) return true;
  console.log('[e2e] apt-get install failed; running apt-get update and trying again');
  return apt(['update']) && apt(install);
}

/**
 * Checks the packages on this machine and installs what it can. Returns true when the suite can run; otherwise
 * prints one line (or, when apt-get failed, the end of its log) and returns false.
 */
export function provision({ codeServerInstalled = fs.existsSync(codeServerBin) } = {}) {
  const debian = onPath('dpkg-query') && onPath('apt-get');
  const installed = debian ? dpkgInstalled : (pkg) => probes[pkg]?.() ?? false;
  const facts = { needed: neededPackages(codeServerInstalled), installed, uid: process.getuid?.(), platform: process.platform, debian };
  const plan = provisionPlan(facts);
  if (plan.action === 'ready') return true;
  if (plan.action === 'stop') {
    console.error(plan.message);
    return false;
  }
  const stillMissing = aptInstall(plan.packages) ? plan.packages.filter((p) => !installed(p)) : plan.packages;
  if (stillMissing.length === 0) return true;
  console.error(`--- last lines of ${path.relative(repoRoot, aptLog)} ---\n${lastLines(aptLog, 20)}`);
  console.error(`nesy e2e: could not install Debian packages ${stillMissing.join(' ')} (apt-get failed; see above).`);
  return false;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) process.exit(provision() ? 0 : 1);
