// Size of the .vsix per platform target. linux-x64 is built with `npm run package` and measured; the
// other targets differ only in onnxruntime-node's native binaries, so their size is that package's
// minus the compressed linux-x64 binaries plus the same platform's binaries, compressed alike.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
import { nowMs, round, type BenchOptions } from './util';

const budgetMiB = 40;
const targets: Record<string, string> = {
  'linux-x64': 'linux/x64',
  'linux-arm64': 'linux/arm64',
  'darwin-arm64': 'darwin/arm64',
  'win32-x64': 'win32/x64',
  'win32-arm64': 'win32/arm64',
};

/** Deflated size of a platform's binaries, as a zip stores them (one copy per distinct file). */
function compressedBinaries(root: string, platformDir: string): number | undefined {
  const dir = path.join(root, 'node_modules', 'onnxruntime-node', 'bin', 'napi-v6', platformDir);
  if (!fs.existsSync(dir)) return undefined;
  const seen = new Set<string>();
  let total = 0;
  for (const name of fs.readdirSync(dir)) {
    const file = path.join(dir, name);
    const stat = fs.statSync(file);
    const key = `${stat.dev}:${stat.ino}`;
    if (!stat.isFile() || seen.has(key)) continue;
    seen.add(key);
    total += zlib.deflateRawSync(fs.readFileSync(file)).length;
  }
  return total;
}

export async function benchPackage(o: BenchOptions): Promise<void> {
  const out = path.join(o.workDir, 'nesy-studio-linux-x64.vsix');
  fs.rmSync(out, { force: true });
  const t0 = nowMs();
  const r = spawnSync(process.execPath, [path.join(o.root, 'scripts', 'package.mjs'), '--out', out], { cwd: o.root, encoding: 'utf8' });
  if (r.status !== 0 || !fs.existsSync(out)) throw new Error(`npm run package failed: ${(r.stderr || r.stdout).trim().split('\n').slice(-3).join(' ')}`);
  const packageSeconds = (nowMs() - t0) / 1000;
  const linuxBytes = fs.statSync(out).size;
  const linuxBinaries = compressedBinaries(o.root, targets['linux-x64']!)!;
  for (const [target, dir] of Object.entries(targets)) {
    const measured = target === 'linux-x64';
    const binaries = compressedBinaries(o.root, dir);
    if (binaries === undefined) {
      o.emit({ bench: `package.${target}`, skipped: `node_modules has no onnxruntime-node binaries for ${dir}` });
      continue;
    }
    const bytes = measured ? linuxBytes : linuxBytes - linuxBinaries + binaries;
    const mib = bytes / 2 ** 20;
    o.emit({
      bench: `package.${target}`,
      vsix_mib: round(mib, 1),
      how: measured ? `built with npm run package in ${round(packageSeconds, 1)} s` : 'projected from linux-x64 with this platform\'s onnxruntime binaries',
      native_binaries_compressed_mib: round(binaries / 2 ** 20, 1),
      ...(measured ? { budget: `< ${budgetMiB} MiB`, within_budget: mib < budgetMiB } : {}),
    });
  }
}
