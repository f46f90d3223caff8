// The platforms NeSy Studio ships a .vsix for: every platform onnxruntime-node 1.30 has binaries for
// (bin/napi-v6/<platform>/<arch>/ in its npm package; it has no darwin-x64 build). Each package carries
// that platform's binaries only, and of them only what the extension loads (ARCHITECTURE.md, "Packages"):
//  - darwin-arm64: libonnxruntime.1.dylib, which the binding links (@rpath); the npm package also holds an
//    identical copy named libonnxruntime.1.30.0.dylib (a symlink in onnxruntime's own build), left out.
//  - win32: onnxruntime.dll and DirectML.dll (the DirectML provider; onnxruntime.dll delay-loads it).
//    dxcompiler.dll and dxil.dll are left out: they are DXC, the shader compiler Dawn (WebGPU) loads at
//    run time on Direct3D 12, not linked by onnxruntime.dll, and together 8.4 MiB (x64) and 9.5 MiB (arm64)
//    compressed, which would take both Windows packages over the 40 MB budget. WebGPU is not what `auto`
//    uses on Windows (DirectML is); without DXC, Dawn compiles WebGPU shaders with FXC, which is part of
//    Windows, and WebGPU features that need DXC (shader-f16, subgroups) are off.
//  - linux: libonnxruntime.so.1 and the binding. CUDA's provider libraries are never in the npm package
//    (onnxruntime-node's install script downloads them; package.json's allowScripts denies it).
import * as fs from 'node:fs';
import * as path from 'node:path';
import yauzl from 'yauzl';

/** onnxruntime-node's binaries folder, relative to the repository (and to the package's extension/ folder). */
export const ortBin = 'node_modules/onnxruntime-node/bin/napi-v6';

const linux = ['onnxruntime_binding.node', 'libonnxruntime.so.1'];
const windows = ['onnxruntime_binding.node', 'onnxruntime.dll', 'DirectML.dll'];

/** vsce target -> onnxruntime-node's folder for it, the files the package carries, and the release runner. */
export const targets = {
  'linux-x64': { dir: 'linux/x64', binaries: linux, runner: 'ubuntu-24.04' },
  'linux-arm64': { dir: 'linux/arm64', binaries: linux, runner: 'ubuntu-24.04-arm' },
  'darwin-arm64': { dir: 'darwin/arm64', binaries: ['onnxruntime_binding.node', 'libonnxruntime.1.dylib'], runner: 'macos-14' },
  'win32-x64': { dir: 'win32/x64', binaries: windows, runner: 'windows-2022' },
  'win32-arm64': { dir: 'win32/arm64', binaries: windows, runner: 'windows-11-arm' },
};

export const targetNames = Object.keys(targets);

/**
 * The package VS Code for the web (vscode.dev, github.dev) installs: the web extension (dist/web: its bundles and
 * onnxruntime-web's WebAssembly) and the models, without the Node bundles and node_modules. The platform packages
 * carry dist/web too.
 */
export const webTarget = 'web';

/** Every package `npm run package` builds. */
export const packageTargets = [...targetNames, webTarget];

/** Each package's size limit without its web part: 40 MB (decimal, the stricter reading). */
export const budgetBytes = 40_000_000;

/** What the web part (the package's dist/web/ entries, compressed) may add to a package: 10 MB (issue #21). */
export const webBudgetBytes = 10_000_000;

/** The web part of a package: its dist/web/ entries. */
export const isWebPart = (entry) => entry.startsWith('extension/dist/web/');

/** The compressed bytes of a package's web part. */
export function webPartBytes(file) {
  return new Promise((resolve, reject) => {
    yauzl.open(file, { lazyEntries: true }, (error, zip) => {
      if (error) return reject(error);
      let bytes = 0;
      zip.on('entry', (e) => {
        if (isWebPart(e.fileName)) bytes += e.compressedSize;
        zip.readEntry();
      });
      zip.on('end', () => resolve(bytes));
      zip.on('error', reject);
      zip.readEntry();
    });
  });
}

/** The target of this machine, or undefined where no package is built for it. */
export function hostTarget() {
  const name = `${process.platform}-${process.arch}`;
  return name in targets ? name : undefined;
}

/** The binaries a target's package carries, as paths inside the package's extension/ folder. */
export function packagedBinaries(target) {
  const t = targets[target];
  if (!t) throw new Error(`unknown target ${target}; the targets are ${targetNames.join(', ')}`);
  return t.binaries.map((file) => `${ortBin}/${t.dir}/${file}`);
}

/**
 * The ignore file vsce packages a target with: `root`'s .vscodeignore (everything but the binaries) and the
 * lines that let this target's binaries in. Written to `dir`; returns its path. (No import.meta here:
 * bench/package.ts brings this module into the CLI's CommonJS bundle, `nesy bench`.)
 */
export function writeIgnoreFile(target, dir, root) {
  const base = fs.readFileSync(path.join(root, '.vscodeignore'), 'utf8');
  if (target === webTarget) {
    // vsce lets a `!` line win over any ignore line, so the web package drops the lines that let node_modules in.
    const kept = base.split('\n').filter((line) => !line.startsWith('!node_modules/'));
    const file = path.join(dir, `vscodeignore-${target}`);
    // dist/extension.js stays: vsce refuses a package without package.json's `main`.
    fs.writeFileSync(file, `${kept.join('\n').trimEnd()}\n\n# web: no Node bundles but main (dist/web holds the web extension) and no node_modules (scripts/targets.mjs)\ndist/*.js\n!dist/extension.js\n`);
    return file;
  }
  const lines = packagedBinaries(target).map((file) => `!${file}`);
  const file = path.join(dir, `vscodeignore-${target}`);
  fs.writeFileSync(file, `${base.trimEnd()}\n\n# ${target}: onnxruntime-node's binaries for this platform (scripts/targets.mjs)\n${lines.join('\n')}\n`);
  return file;
}
