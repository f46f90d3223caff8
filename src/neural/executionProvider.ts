// Creates onnxruntime sessions on the best available execution provider. `auto` tries WebGPU,
// then CUDA, then CPU; any failure falls through to the next with a one-line reason.
import * as fs from 'node:fs';
import * as path from 'node:path';
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

/** A model file and the inputs its caller feeds it. */
export interface ModelFile {
  path: string;
  inputs: readonly string[];
}

/**
 * createSessions for model files that must exist and take the given inputs: a missing file, a file
 * no provider loads (named by `label` when given) and a graph with other inputs each fail in one line.
 */
export async function openSessions(files: readonly ModelFile[], choice: ExecutionProviderChoice, label?: string): Promise<SessionSet> {
  for (const f of files) {
    if (!fs.existsSync(f.path)) throw new Error(`Model file not found: ${f.path}`);
  }
  let set: SessionSet;
  try {
    set = await createSessions(files.map((f) => f.path), choice);
  } catch (e) {
    throw label ? new Error(`Could not load ${label}: ${(e as Error).message}`) : e;
  }
  try {
    files.forEach((f, i) => checkSignature(set.sessions[i]!, f.inputs, f.path));
  } catch (e) {
    await Promise.all(set.sessions.map((s) => s.release()));
    throw e;
  }
  return set;
}

function checkSignature(session: InferenceSession, inputs: readonly string[], file: string): void {
  const missing = inputs.filter((n) => !session.inputNames.includes(n));
  if (missing.length > 0) {
    throw new Error(`${path.basename(file)} has the wrong signature: missing input ${missing.join(', ')} (has ${session.inputNames.join(', ')}).`);
  }
}
