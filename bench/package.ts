// Size of each platform's .vsix and of the web one, built with `npm run package` (scripts/package.mjs, every
// target of scripts/targets.mjs) and measured; the budget is 40 MB (decimal) per package without its web part
// (dist/web) and 10 MB for the web part.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import * as zlib from 'node:zlib';
// @ts-expect-error: a plain ES module without type declarations
import { budgetBytes, packagedBinaries, packageTargets, webBudgetBytes, webPartBytes, webTarget } from '../scripts/targets.mjs';
import { nowMs, round, type BenchOptions } from './util';

/** Deflated size of the binaries a target's package carries, as a zip stores them. */
function compressedBinaries(root: string, target: string): number {
  return (packagedBinaries(target) as string[]).reduce((total, file) => total + zlib.deflateRawSync(fs.readFileSync(path.join(root, file))).length, 0);
}

export async function benchPackage(o: BenchOptions): Promise<void> {
  const outDir = path.join(o.workDir, 'packages');
  fs.rmSync(outDir, { recursive: true, force: true });
  const t0 = nowMs();
  const r = spawnSync(process.execPath, [path.join(o.root, 'scripts', 'package.mjs'), '--out-dir', outDir], { cwd: o.root, encoding: 'utf8' });
  const seconds = (nowMs() - t0) / 1000;
  for (const target of packageTargets as string[]) {
    const file = path.join(outDir, `nesy-studio-${target}.vsix`);
    if (!fs.existsSync(file)) {
      o.emit({ bench: `package.${target}`, error: `npm run package did not build it: ${(r.stderr || r.stdout).trim().split('\n').slice(-3).join(' ')}` });
      continue;
    }
    const bytes = fs.statSync(file).size;
    const web = (await webPartBytes(file)) as number;
    o.emit({
      bench: `package.${target}`,
      vsix_mb: round(bytes / 1e6, 1),
      vsix_mib: round(bytes / 2 ** 20, 1),
      web_part_mb: round(web / 1e6, 1),
      native_binaries_compressed_mb: target === webTarget ? 0 : round(compressedBinaries(o.root, target) / 1e6, 1),
      how: `built with npm run package (all ${(packageTargets as string[]).length} targets in ${round(seconds, 1)} s)`,
      budget: `<= ${budgetBytes / 1e6} MB without the web part, <= ${webBudgetBytes / 1e6} MB for it`,
      within_budget: bytes - web <= budgetBytes && web <= webBudgetBytes,
    });
  }
}
