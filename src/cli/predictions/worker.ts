// Worker thread for `nesy check-predictions` over many files or one big one (src/core/parallel.ts): scores
// one work item (a file, or a row range of one) and answers its tally. Bundled to dist/predictions-worker.js.
import { serveParallel } from '../../core/parallel';
import { checkItem, type WorkerData, type WorkItem } from './run';

serveParallel((item: WorkItem, data) => {
  const { set, settings } = data as WorkerData;
  return checkItem(set, item, settings);
});
