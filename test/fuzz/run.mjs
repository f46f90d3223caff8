// `npm run fuzz`: the fuzz tests with many more cases than CI runs, and the largest inputs.
// NESY_FUZZ_RUNS sets the cases per property (default 1000); NESY_FUZZ_SEED replays a failure.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { fileURLToPath } from 'node:url';

const dir = path.dirname(fileURLToPath(import.meta.url));
const root = path.resolve(dir, '..', '..');
const files = fs.readdirSync(dir).filter((f) => f.endsWith('.test.ts')).sort().map((f) => path.join('test', 'fuzz', f));
const env = { ...process.env, NESY_FUZZ_RUNS: process.env.NESY_FUZZ_RUNS ?? '1000' };
console.log(`fuzzing with ${env.NESY_FUZZ_RUNS} cases per property: ${files.join(', ')}`);
const r = spawnSync(process.execPath, ['--import', 'tsx', '--test', '--test-reporter=spec', '--test-timeout=3600000', ...process.argv.slice(2), ...files], { cwd: root, env, stdio: 'inherit' });
process.exit(r.status ?? 1);
