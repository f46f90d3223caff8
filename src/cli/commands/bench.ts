// `nesy bench`: the benchmark harness of bench/run.ts (also `npm run bench`), from the CLI.
import type { CliCommand } from '../command';
import { benchUsage, runBench } from '../../../bench/harness';

export const bench: CliCommand = {
  name: 'bench',
  summary: 'Measure parsing, editor latency, activation, inference and package size (JSON lines)',
  usage: benchUsage,
  run: (args) => runBench(args),
};
