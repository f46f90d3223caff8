import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { parallelMap } from '../../src/core/parallel';

const worker = path.join(__dirname, '..', 'fixtures', 'parallel', 'lengthWorker.ts');
const batchWorker = path.join(__dirname, '..', 'fixtures', 'parallel', 'batchWorker.ts');

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

test('serveParallelBatches gets whole batches, and results still come back in input order', async () => {
  const items = Array.from({ length: 30 }, (_, i) => 'x'.repeat(i));
  const results = await parallelMap<string, { length: number; batch: number }>(items, { worker: batchWorker, threads: 2, batchSize: 7, data: {}, progress: false });
  assert.deepEqual(results.map((r) => r.length), items.map((s) => s.length));
  assert.deepEqual(results.map((r) => r.batch), [...Array(28).fill(7), 2, 2]);
});

test('after a failure, the batches in flight finish before the threads are stopped', async (t) => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'parallel-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  const marker = path.join(dir, 'slow-finished');
  await assert.rejects(parallelMap(['slow', 'fail'], { worker: batchWorker, threads: 2, batchSize: 1, data: { marker }, progress: false }), /^Error: asked to fail$/);
  assert.ok(fs.existsSync(marker), 'the slow batch ran to its end');
});

test('an abort stops sending batches: the promise rejects with its reason, after the results in flight', async () => {
  const items = Array.from({ length: 400 }, (_, i) => 'x'.repeat(i % 5));
  const controller = new AbortController();
  let seen = 0;
  const running = parallelMap<string, { length: number }>(items, { worker, threads: 2, batchSize: 1, data: { factor: 1 }, progress: false, signal: controller.signal });
  // The abort comes from outside while the threads work; a stopped run can only end in the abort's reason.
  setImmediate(() => controller.abort(new Error('stop now')));
  await assert.rejects(running.then((r) => (seen = r.length)), /^Error: stop now$/);
  assert.equal(seen, 0);
  await assert.rejects(parallelMap(['a'], { worker, data: { factor: 1 }, progress: false, signal: AbortSignal.abort(new Error('before')) }), /^Error: before$/);
});
