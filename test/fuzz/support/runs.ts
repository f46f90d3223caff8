// How many cases each property runs. CI (`npm test`) uses the small default each test passes;
// `npm run fuzz` sets NESY_FUZZ_RUNS for a long run, and NESY_FUZZ_SEED replays a failure that
// fast-check reported.
import fc from 'fast-check';

export function runs(ciDefault: number): number {
  const wanted = Number(process.env.NESY_FUZZ_RUNS);
  return Number.isInteger(wanted) && wanted > 0 ? wanted : ciDefault;
}

/** Whether this is a long `npm run fuzz` run, which may afford the largest inputs. */
export const longRun = Number(process.env.NESY_FUZZ_RUNS) > 0;

export function fuzzParameters(ciDefault: number): fc.Parameters<unknown> {
  const seed = Number(process.env.NESY_FUZZ_SEED);
  return { numRuns: runs(ciDefault), ...(Number.isInteger(seed) ? { seed } : {}) };
}
