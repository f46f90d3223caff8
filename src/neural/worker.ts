// The inference worker thread (bundled as dist/worker.js). Requests that arrive while a batch runs
// are queued and run together as the next batch, per task; cancelled requests are dropped.
import { parentPort, workerData } from 'node:worker_threads';
import { tasks } from './workerTasks';
import type { FromWorker, ToWorker, WorkerConfig } from './workerProtocol';

interface Queued {
  id: number;
  task: string;
  payload: unknown;
}

const port = parentPort!;
const config = workerData as WorkerConfig;
const cancelled = new Set<number>();
let queue: Queued[] = [];
let running = false;

function send(m: FromWorker): void {
  port.postMessage(m);
}

async function runBatch(task: string, batch: Queued[]): Promise<void> {
  const handler = tasks[task];
  if (!handler) {
    for (const q of batch) send({ type: 'result', id: q.id, ok: false, error: `The inference worker has no task named ${task}.` });
    return;
  }
  const controller = new AbortController();
  const watch = setInterval(() => {
    if (batch.every((q) => cancelled.has(q.id))) controller.abort();
  }, 5);
  try {
    const results = await handler(
      batch.map((q) => q.payload),
      { config, signal: controller.signal, status: (loading, ep, note) => send({ type: 'status', loading, ep, ...(note ? { note } : {}) }) },
    );
    batch.forEach((q, i) => {
      const r = results[i];
      if (cancelled.has(q.id)) return;
      if (r instanceof Error) send({ type: 'result', id: q.id, ok: false, error: r.message });
      else send({ type: 'result', id: q.id, ok: true, value: r });
    });
  } catch (e) {
    for (const q of batch) if (!cancelled.has(q.id)) send({ type: 'result', id: q.id, ok: false, error: (e as Error).message });
  } finally {
    clearInterval(watch);
    for (const q of batch) cancelled.delete(q.id);
  }
}

async function drain(): Promise<void> {
  if (running) return;
  running = true;
  try {
    while (queue.length > 0) {
      const live = queue.filter((q) => !cancelled.has(q.id));
      for (const q of queue) if (cancelled.has(q.id)) cancelled.delete(q.id);
      queue = [];
      const byTask = new Map<string, Queued[]>();
      for (const q of live) byTask.set(q.task, [...(byTask.get(q.task) ?? []), q]);
      for (const [task, batch] of byTask) await runBatch(task, batch);
    }
  } finally {
    running = false;
  }
}

port.on('message', (m: ToWorker) => {
  if (m.type === 'cancel') {
    cancelled.add(m.id);
    return;
  }
  queue.push({ id: m.id, task: m.task, payload: m.payload });
  // Let requests posted in the same turn join this batch.
  setImmediate(() => void drain());
});
