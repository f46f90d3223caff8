// nesy/checkPredictions: scores a predictions file (JSON, .npy, .npz, safetensors, Parquet, Arrow) against
// the rules of an open .fol document, using the editor's current text of the rules (unsaved edits
// included). The predictions file (and a classes file) is one the user picked, so it is read wherever it
// is; hierarchy imports still go through Host.readFile.
import { fileURLToPath } from 'node:url';
import * as path from 'node:path';
import { ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { Requests } from '../core/protocol';
import type { FolAnalysis } from '../languages/fol/checks';
import type { PredictionReport } from '../languages/fol/predictions';
import { onCustomRequest } from './guard';
import type { ServerContext } from './server';

export interface CheckPredictionsParams {
  /** The open .fol document whose rules the predictions must satisfy. */
  uri: string;
  /** The predictions file, as a file:// URI or an absolute path. */
  predictions: string;
  threshold?: number;
  worst?: number;
  /** Class names for arrays without them (.npy, .safetensors): the names in the class axis's order, or a file of them (URI or absolute path). */
  classes?: string[] | string;
  /** 3-D arrays: classes x height x width (default) or height x width x classes. */
  layout?: 'chw' | 'hwc';
  /** The array to read from an .npz or .safetensors file that holds several. */
  key?: string;
}

function readParams(params: unknown): CheckPredictionsParams {
  const p = (typeof params === 'object' && params !== null ? params : {}) as Record<string, unknown>;
  if (typeof p.uri !== 'string' || typeof p.predictions !== 'string') {
    throw new ResponseError(ErrorCodes.InvalidParams, `${Requests.checkPredictions} needs { uri, predictions }: the .fol document and the predictions file.`);
  }
  const out: CheckPredictionsParams = { uri: p.uri, predictions: p.predictions };
  if (typeof p.threshold === 'number' && p.threshold >= 0 && p.threshold <= 1) out.threshold = p.threshold;
  if (typeof p.worst === 'number' && Number.isInteger(p.worst) && p.worst >= 0) out.worst = p.worst;
  if (typeof p.classes === 'string' || (Array.isArray(p.classes) && p.classes.every((c) => typeof c === 'string'))) out.classes = p.classes as string[] | string;
  if (p.layout === 'chw' || p.layout === 'hwc') out.layout = p.layout;
  if (typeof p.key === 'string') out.key = p.key;
  return out;
}

function predictionsPath(value: string): string {
  if (value.startsWith('file:')) {
    try {
      return fileURLToPath(value);
    } catch {
      // falls through to the error below
    }
  } else if (path.isAbsolute(value)) {
    return value;
  }
  throw new ResponseError(ErrorCodes.InvalidParams, `The predictions file must be a file:// URI or an absolute path, not ${JSON.stringify(value)}.`);
}

export function listenCheckPredictions(ctx: ServerContext): void {
  onCustomRequest(ctx.connection, ctx.error, Requests.checkPredictions, async (raw, token): Promise<PredictionReport> => {
    const params = readParams(raw);
    const file = predictionsPath(params.predictions);
    const analyzed = await ctx.analyses.get(params.uri, token);
    if (!analyzed || analyzed.language.id !== 'fol') {
      throw new ResponseError(ErrorCodes.InvalidParams, `${params.uri} is not an open .fol document.`);
    }
    // Loaded here, not at start-up: it brings in the .fol language, which loads on its first document.
    const { checkPredictions } = require('../languages/fol/predictions') as typeof import('../languages/fol/predictions');
    const { readClassNames } = require('../languages/fol/scoreFiles') as typeof import('../languages/fol/scoreFiles');
    try {
      const classes = typeof params.classes === 'string' ? readClassNames(predictionsPath(params.classes)) : params.classes;
      return await checkPredictions(analyzed.analysis as FolAnalysis, file, { threshold: params.threshold, worst: params.worst, classes, layout: params.layout, key: params.key });
    } catch (error) {
      // Unreadable or malformed predictions are the user's to fix; say what is wrong with them.
      throw new ResponseError(LSPErrorCodes.RequestFailed, `Could not check ${path.basename(file)}: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
}
