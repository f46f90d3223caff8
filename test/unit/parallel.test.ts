import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { parallelMap } from '../../src/core/parallel';

const worker = path.join(__dirname, '..', 'fixtures', 'parallel', 'lengthWorker.ts');

test('parallelMap keeps input order across threads and batches', async () => {
  const items = Array.from({ length: 500 }, (_, i) => 'x'.repeat(i % 17));
  const results = await parallelMap<string, { length: number; thread: number }>(items, { worker, threads: 2, batchSize: 7, data: { factor: 3 }, progress: false });
  assert.deepEqual(results.map((r) => r.length), items.map((s) => s.length * 3));
  assert.equal(new Set(results.map((r) => r.thread)).size, 2);
});

test('parallelMap reports which item failed', async () => {
  await assert.rejects(parallelMap(['a', 'bb', 'fail', 'c'], { worker, threads: 2, batchSize: 1, data: { factor: 1 }, progress: false }), /item 2: asked to fail/);
});

test('parallelMap of nothing starts no worker', async () => {
  assert.deepEqual(await parallelMap([], { worker: path.join(__dirname, 'missing.js') }), []);
});
