// The tasks the inference worker runs. Each receives every request of its kind that arrived
// together, so it can batch them through one model call. A new model adds one entry here.
import type { TranslateRequest } from '../core/neuralApi';
import { Translator } from './translator';
import { MwpModel } from './mwp';
import type { WorkerConfig } from './workerProtocol';

export interface TaskContext {
  config: WorkerConfig;
  /** Aborted when every request of the batch has been cancelled. */
  signal: AbortSignal;
  /** Reports model loading and the execution provider, for the editor's progress and status. */
  status(loading: boolean, ep: string | null, note?: string): void;
}

export type TaskHandler = (payloads: unknown[], ctx: TaskContext) => Promise<(unknown | Error)[]>;

/** Loads a model once per worker; a failed load is retried on the next request. */
export function lazy<T extends { ep: string; note?: string | undefined }>(load: (config: WorkerConfig) => Promise<T>) {
  let pending: Promise<T> | undefined;
  return (ctx: TaskContext): Promise<T> => {
    if (!pending) {
      ctx.status(true, null);
      pending = load(ctx.config).then(
        (m) => {
          ctx.status(false, m.ep, m.note);
          return m;
        },
        (e: unknown) => {
          pending = undefined;
          ctx.status(false, null, (e as Error).message);
          throw e;
        },
      );
    }
    return pending;
  };
}

const translator = lazy((c) => Translator.load(c.modelsDir, c.executionProvider));
const mwpModel = lazy((c) => MwpModel.load(c.modelsDir, c.executionProvider));

export const tasks: Record<string, TaskHandler> = {
  translate: async (payloads, ctx) => (await translator(ctx)).translate(payloads as TranslateRequest[], ctx.signal),
  interpretMwp: async (payloads, ctx) => {
    const model = await mwpModel(ctx);
    const texts = payloads.map(String);
    // Texts the model cannot take get their own error; the rest share one batched decode.
    const errors = texts.map((t) => model.inputError(t));
    const solvable = texts.filter((_, i) => errors[i] === undefined);
    const results = solvable.length ? await model.interpretMany(solvable, undefined, ctx.signal) : [];
    let next = 0;
    return errors.map((error) => (error === undefined ? results[next++] : new Error(error)));
  },
};
