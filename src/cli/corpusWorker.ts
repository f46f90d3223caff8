// Worker thread for corpus commands (src/cli/corpus.ts), bundled as dist/corpus-worker.js: loads the
// job's model on the first batch and runs every batch through it.
import { serveParallelBatches } from '../core/parallel';
import type { CorpusJob, CorpusRunner, CorpusTask, Ran } from './corpus';
import { translateRunner } from './commands/translate';
import { mwpRunner } from './eval/mwp';
import { nl2tlRunner } from './eval/nl2tl';
import { reportProviderFallback } from './providerNote';
import { setWorkload } from '../neural/executionProvider';

const loaders: Record<CorpusTask, (job: CorpusJob) => Promise<CorpusRunner<never, unknown>>> = {
  'nl2tl-eval': nl2tlRunner,
  'mwp-eval': mwpRunner,
  translate: translateRunner,
};

let runner: Promise<CorpusRunner<never, unknown>> | undefined;

// Corpora run in batches: under `--ep auto` their models load on the platform's GPU providers first.
setWorkload('batch');

serveParallelBatches(async (items: never[], data) => {
  const job = data as CorpusJob;
  if (!runner) reportProviderFallback(job.ep, job.verbose === true);
  const r = await (runner ??= loaders[job.task](job));
  const values = await r.run(items);
  return values.map((value): Ran<unknown> => ({ value, ep: r.ep, ...(r.note ? { note: r.note } : {}) }));
});
