// The benchmark harness behind `npm run bench` (bench/run.ts) and `nesy bench`: runs the selected
// areas and prints one JSON object per line on stdout, first the machine, then each result.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { parseArgs } from 'node:util';
import { benchActivation } from './activation';
import { benchEquiv } from './equiv';
import { benchLsp } from './lsp';
import { benchMonitor } from './monitor';
import { benchNeural } from './neural';
import { benchRoundTrip } from './nl2tlRoundTrip';
import { benchPackage } from './package';
import { benchParse } from './parse';
import { benchPredictions } from './predictions';
import { machine, mkdirp, note, packageRoot, type BenchOptions, type BenchRecord } from './util';
import { benchWorkspace } from './workspace';

export const areas: Record<string, (o: BenchOptions) => Promise<void>> = {
  parse: benchParse,
  lsp: benchLsp,
  workspace: benchWorkspace,
  activation: benchActivation,
  neural: benchNeural,
  predictions: benchPredictions,
  package: benchPackage,
  monitor: benchMonitor,
  roundtrip: benchRoundTrip,
  equiv: benchEquiv,
};

export const benchUsage = [
  'usage: nesy bench [--only AREA[,AREA...]] [--quick] [--out FILE]',
  '       npm run bench -- [same options]',
  '',
  `Areas: ${Object.keys(areas).join(', ')} (default: all).`,
  'Prints one JSON object per line: {"bench": name, ...metrics, "budget": ..., "within_budget": bool}.',
  '--quick: smaller inputs and fewer repetitions. --out FILE: also append the lines to FILE.',
  'The lsp, workspace and activation areas start dist/server.js: run `npm run build` first.',
].join('\n');

export async function runBench(args: string[], write: (line: string) => void = (l) => process.stdout.write(l + '\n')): Promise<number> {
  const { values } = parseArgs({
    args,
    options: { only: { type: 'string' }, quick: { type: 'boolean', default: false }, out: { type: 'string' }, help: { type: 'boolean', short: 'h' } },
  });
  if (values.help) {
    write(benchUsage);
    return 0;
  }
  const selected = values.only ? values.only.split(',').map((s) => s.trim()) : Object.keys(areas);
  const unknown = selected.filter((s) => !(s in areas));
  if (unknown.length > 0) {
    process.stderr.write(`nesy bench: unknown area ${unknown.join(', ')}; areas are ${Object.keys(areas).join(', ')}.\n`);
    return 2;
  }
  const root = packageRoot();
  const out = values.out ? path.resolve(values.out) : undefined;
  const emit = (record: BenchRecord) => {
    const line = JSON.stringify(record);
    write(line);
    if (out) fs.appendFileSync(out, line + '\n');
  };
  const options: BenchOptions = { quick: values.quick ?? false, root, workDir: mkdirp(path.join(root, '.test-tmp', 'bench')), emit };
  emit({ bench: 'machine', ...machine(), quick: options.quick, areas: selected });
  let failed = 0;
  for (const name of selected) {
    note(`area ${name}`);
    try {
      await areas[name]!(options);
    } catch (error) {
      failed++;
      emit({ bench: name, error: error instanceof Error ? error.message : String(error) });
    }
  }
  return failed > 0 ? 1 : 0;
}
