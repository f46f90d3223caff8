// The one place the server meets the neural layer. Models load on first use, never in untrusted
// workspaces, and are dropped when the execution provider or the models folder changes.
import {
  ErrorCodes,
  LSPErrorCodes,
  ResponseError,
  type CancellationToken,
  type Connection,
} from 'vscode-languageserver';
import type { NeuralApi, TranslateRequest } from '../core/neuralApi';
import { Requests } from '../core/protocol';
import type { ExecutionProviderChoice, Settings } from '../core/settings';
import { describe } from './analyses';
import { onCustomRequest } from './guard';

export interface NeuralOptions {
  executionProvider: ExecutionProviderChoice;
  /** Models to use instead of the bundled ones (nesy.models.path). */
  modelsDir?: string;
  /** Told when a model starts or finishes loading. */
  onStatus?(status: { loading: boolean; ep: string | null; note?: string }): void;
}

/** A NeuralApi that may hold a worker, released when the settings or the server go away. */
export type NeuralService = NeuralApi & { dispose?(): Promise<void> };

/** What src/neural provides (createNeuralApi); the server calls it once per execution-provider choice. */
export type NeuralFactory = (options: NeuralOptions) => NeuralService;

export const neuralUnavailable = 'neural models are not available';

export interface NeuralStatus {
  available: boolean;
  /** Why neural features are off, when they are. */
  reason?: string;
  ep: string | null;
  note?: string;
}

export class Neural {
  private settings: Settings | undefined;
  private service: NeuralService | undefined;
  private modelsDir: string | undefined;

  constructor(
    private readonly factory: NeuralFactory | undefined,
    private readonly log: (message: string) => void,
    /** Resolves once pending settings reads are done, so requests never answer with stale settings. */
    private readonly settled: () => Promise<void>,
  ) {}

  update(settings: Settings, modelsDir: string | undefined): void {
    const changed = this.settings?.executionProvider !== settings.executionProvider || this.modelsDir !== modelsDir;
    if (changed || !settings.neuralEnabled) void this.dispose();
    this.settings = settings;
    this.modelsDir = modelsDir;
  }

  async dispose(): Promise<void> {
    const service = this.service;
    this.service = undefined;
    try {
      await service?.dispose?.();
    } catch (error) {
      this.log(`Stopping the neural models failed: ${describe(error)}`);
    }
  }

  private unavailableReason(): string | undefined {
    if (!this.settings) return `${neuralUnavailable}: settings have not been read yet.`;
    if (!this.settings.neuralEnabled) return `${neuralUnavailable}: the workspace is not trusted.`;
    if (!this.factory) return `${neuralUnavailable}: this build has no neural layer.`;
    return undefined;
  }

  /** Host.neural for languages: undefined when disabled; otherwise loads the models on first call. */
  api(): NeuralApi | undefined {
    if (this.unavailableReason()) return undefined;
    return {
      translate: async (request, signal) => this.load().translate(request, signal),
      interpretMwp: async (text, signal) => this.load().interpretMwp(text, signal),
      status: () => this.service?.status() ?? { ep: null, note: 'Models load on first use.' },
    };
  }

  status(): NeuralStatus {
    const reason = this.unavailableReason();
    if (reason) return { available: false, reason, ep: null };
    return { available: true, ...(this.service?.status() ?? { ep: null, note: 'Models load on first use.' }) };
  }

  /** The service for the current settings, created on first use (it starts its worker lazily itself). */
  private load(): NeuralService {
    const reason = this.unavailableReason();
    if (reason || !this.factory || !this.settings) throw new Error(reason ?? neuralUnavailable);
    this.service ??= this.factory({
      executionProvider: this.settings.executionProvider,
      ...(this.modelsDir ? { modelsDir: this.modelsDir } : {}),
      onStatus: (s) => this.log(s.loading ? 'Loading a neural model…' : `Neural model ready on ${s.ep ?? 'no provider'}${s.note ? ` (${s.note})` : ''}.`),
    });
    return this.service;
  }

  /** Registers the nesy/* requests that need models. */
  listen(connection: Connection): void {
    const log = (m: string) => connection.console.error(m);
    onCustomRequest(connection, log, Requests.translate, async (params, token) => {
      const request = translateRequest(params);
      const service = await this.ready();
      // Inserted formulas are spelled the way the user writes the rest of the file.
      return failedAsResponse(service.translate({ ...request, style: this.settings?.operatorStyle }, abortSignal(token)));
    });
    onCustomRequest(connection, log, Requests.interpretMwp, async (params, token) => {
      const text = stringField(params, 'text', Requests.interpretMwp);
      return failedAsResponse((await this.ready()).interpretMwp(text, abortSignal(token)));
    });
    onCustomRequest(connection, log, Requests.status, async () => {
      await this.settled();
      return this.status();
    });
  }

  private async ready(): Promise<NeuralApi> {
    await this.settled();
    const reason = this.unavailableReason();
    if (reason) throw new ResponseError(LSPErrorCodes.RequestFailed, reason);
    try {
      return this.load();
    } catch (error) {
      throw new ResponseError(LSPErrorCodes.RequestFailed, `${neuralUnavailable}: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}

/** The neural layer's errors are about the input or the models (an empty sentence, a missing file): pass their message on. */
async function failedAsResponse<T>(result: Promise<T>): Promise<T> {
  try {
    return await result;
  } catch (error) {
    if (error instanceof Error && error.name === 'AbortError') throw error;
    throw new ResponseError(LSPErrorCodes.RequestFailed, error instanceof Error ? error.message : String(error));
  }
}

function stringField(params: unknown, key: string, method: string): string {
  const value = typeof params === 'object' && params !== null ? (params as Record<string, unknown>)[key] : undefined;
  if (typeof value !== 'string') throw new ResponseError(ErrorCodes.InvalidParams, `${method} needs a string "${key}".`);
  return value;
}

function translateRequest(params: unknown): TranslateRequest {
  const sentence = stringField(params, 'sentence', Requests.translate);
  const { declared, beams } = params as Record<string, unknown>;
  const request: TranslateRequest = { sentence };
  if (Array.isArray(declared)) {
    request.declared = declared.filter(
      (d): d is { name: string; description?: string } => typeof d === 'object' && d !== null && typeof d.name === 'string',
    );
  }
  if (typeof beams === 'number' && Number.isInteger(beams) && beams > 0) request.beams = beams;
  return request;
}

function abortSignal(token: CancellationToken): AbortSignal {
  const controller = new AbortController();
  if (token.isCancellationRequested) controller.abort();
  else token.onCancellationRequested(() => controller.abort());
  return controller.signal;
}
