// The NeuralApi the language server uses: inference in dist/worker.js (run `npm run build` first).
import { after, test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { createNeuralApi, type WorkerStatus } from '../../src/neural/index';
import { WorkerClient } from '../../src/neural/workerClient';
import { defaultModelsDir } from '../../src/neural/modelFiles';
import { repoRoot } from '../helpers/data';

const statuses: WorkerStatus[] = [];
const api = createNeuralApi({ executionProvider: 'cpu', onStatus: (s) => statuses.push(s) });
after(() => api.dispose());

test('translates in the worker and reports loading, then the provider', async () => {
  const r = await api.translate({ sentence: 'always ( prop_1 )' });
  assert.equal(r.best.lifted, 'globally prop_1');
  assert.equal(r.ep, 'cpu');
  assert.deepEqual(statuses[0], { loading: true, ep: null });
  assert.deepEqual(statuses.at(-1), { loading: false, ep: 'cpu' });
  assert.deepEqual(api.status(), { ep: 'cpu' });
});

test('concurrent requests all resolve, each with its own result', async () => {
  const sentences = ['never ( prop_1 )', 'at some time ( prop_1 ) or ( prop_2 )', 'always ( prop_1 )'];
  const results = await Promise.all(sentences.map((sentence) => api.translate({ sentence, beams: 1 })));
  assert.deepEqual(results.map((r) => Object.keys(r.best.props).length), [1, 2, 1]);
  assert.equal(results[2]!.best.lifted, 'globally prop_1');
});

test('a cancelled request rejects with AbortError and the worker keeps serving', async () => {
  const controller = new AbortController();
  const pending = api.translate({ sentence: 'at some time ( prop_1 ) and never ( prop_2 )' }, controller.signal);
  controller.abort();
  await assert.rejects(pending, (e: Error) => e.name === 'AbortError');
  const already = new AbortController();
  already.abort();
  await assert.rejects(api.translate({ sentence: 'always ( prop_1 )' }, already.signal), { name: 'AbortError' });
  const r = await api.translate({ sentence: 'always ( prop_1 )' });
  assert.equal(r.best.lifted, 'globally prop_1');
});

test('errors from the pipeline come back as one clear message', async () => {
  await assert.rejects(api.translate({ sentence: '   ' }), /The sentence is empty/);
});

test('a task the worker does not have is refused clearly', async () => {
  const client = new WorkerClient({ modelsDir: defaultModelsDir(), executionProvider: 'cpu' });
  await assert.rejects(client.request('noSuchTask', {}), /The inference worker has no task named noSuchTask\./);
  await client.dispose();
});

test('batched requests get the same answers as one at a time', async () => {
  const sentences = ['never ( prop_1 ) and at some time ( prop_2 )', 'if ( prop_1 ) then ( prop_2 ) within 5 seconds'];
  const together = await Promise.all(sentences.map((sentence) => api.translate({ sentence, beams: 2 })));
  for (const [i, sentence] of sentences.entries()) {
    const alone = await api.translate({ sentence, beams: 2 });
    assert.equal(alone.best.lifted, together[i]!.best.lifted);
  }
});

test('a missing worker script fails requests with a clear message', async () => {
  const broken = createNeuralApi({ executionProvider: 'cpu', workerPath: path.join(repoRoot, 'dist', 'no-such-worker.js') });
  await assert.rejects(broken.translate({ sentence: 'always ( prop_1 )' }), /inference worker is missing/);
  await broken.dispose();
});
