// The neural benchmark on a GPU machine: the same measurements as bench/neural.ts on the WebGPU
// execution provider, then on CPU for comparison on that machine. Bundled by bench/gpu/prepare.sh.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { benchNeural } from '../neural';
import { machine, mkdirp, packageRoot, type BenchRecord } from '../util';

async function main(): Promise<void> {
  const root = packageRoot();
  const out = process.env.OUT ?? path.join(root, '.test-tmp', 'bench');
  const file = path.join(mkdirp(out), 'gpu-bench.jsonl');
  const emit = (record: BenchRecord) => {
    const line = JSON.stringify(record);
    process.stdout.write(line + '\n');
    fs.appendFileSync(file, line + '\n');
  };
  emit({ bench: 'machine', ...machine(), gpu: process.env.GPU_NAME ?? 'unknown' });
  const options = { quick: false, root, workDir: mkdirp(path.join(root, '.test-tmp', 'bench')), emit };
  for (const ep of ['webgpu', 'cpu'] as const) {
    try {
      await benchNeural(options, ep);
    } catch (error) {
      emit({ bench: `neural.${ep}`, error: error instanceof Error ? error.message : String(error) });
    }
  }
}

void main();
