// `npm run bench [-- --only parse,lsp] [--quick] [--out FILE]`: see bench/harness.ts.
import { runBench } from './harness';

runBench(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`bench: ${error instanceof Error ? error.message : String(error)}\n`);
    process.exit(2);
  },
);
