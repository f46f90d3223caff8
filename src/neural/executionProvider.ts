// Creates onnxruntime sessions on the best available execution provider. `auto` tries WebGPU,
// then CUDA, then CPU; any failure falls through to the next with a one-line reason.
import type { InferenceSession } from 'onnxruntime-node';
import type { ExecutionProviderChoice } from '../core/settings';

export type ExecutionProviderName = 'webgpu' | 'cuda' | 'cpu';

export interface SessionSet {
  sessions: InferenceSession[];
  ep: ExecutionProviderName;
  /** Why earlier providers were skipped, e.g. "webgpu: Failed to get a WebGPU adapter". */
  note?: string;
}

export function providerOrder(choice: ExecutionProviderChoice): ExecutionProviderName[] {
  if (choice === 'auto') return ['webgpu', 'cuda', 'cpu'];
  if (choice === 'cpu') return ['cpu'];
  return [choice, 'cpu'];
}

/** The first line of an error, without onnxruntime's source-location prefixes. */
export function firstLine(e: unknown): string {
  const text = e instanceof Error ? e.message : String(e);
  const line = text.split('\n').find((l) => l.trim() !== '') ?? text;
  const at = line.indexOf('Failed to');
  return (at >= 0 ? line.slice(at) : line).trim().slice(0, 200);
}

type Ort = typeof import('onnxruntime-node');

let ortModule: Ort | undefined;

/** Loads the native addon on first use, so importing this module costs nothing. */
export function ort(): Ort {
  if (!ortModule) {
    ortModule = require('onnxruntime-node') as Ort;
    // Failed providers are reported in one line by createSessions; onnxruntime's own logs would repeat them.
    ortModule.env.logLevel = 'fatal';
  }
  return ortModule;
}

export async function createSessions(paths: readonly string[], choice: ExecutionProviderChoice): Promise<SessionSet> {
  const reasons: string[] = [];
  for (const ep of providerOrder(choice)) {
    const created: InferenceSession[] = [];
    try {
      for (const p of paths) {
        // These models are small: one thread per session beats a thread pool that spins while the
        // language server and other processes want the same cores (about 2x faster measured here).
        created.push(await ort().InferenceSession.create(p, { executionProviders: [ep], graphOptimizationLevel: 'all', intraOpNumThreads: 1, interOpNumThreads: 1 }));
      }
      return { sessions: created, ep, ...(reasons.length > 0 ? { note: `${reasons.join('; ')}; using ${ep}` } : {}) };
    } catch (e) {
      await Promise.all(created.map((s) => s.release()));
      reasons.push(`${ep}: ${firstLine(e)}`);
    }
  }
  throw new Error(`No execution provider could load the model (${reasons.join('; ')}).`);
}
