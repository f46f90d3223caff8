// nesy/checkPredictions: scores a predictions file against the rules of an open .fol document, using
// the editor's current text of the rules (unsaved edits included). The predictions file is one the
// user picked, so it is read wherever it is; hierarchy imports still go through Host.readFile.
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
}

function readParams(params: unknown): CheckPredictionsParams {
  const p = (typeof params === 'object' && params !== null ? params : {}) as Record<string, unknown>;
  if (typeof p.uri !== 'string' || typeof p.predictions !== 'string') {
    throw new ResponseError(ErrorCodes.InvalidParams, `${Requests.checkPredictions} needs { uri, predictions }: the .fol document and the predictions file.`);
  }
  const out: CheckPredictionsParams = { uri: p.uri, predictions: p.predictions };
  if (typeof p.threshold === 'number' && p.threshold >= 0 && p.threshold <= 1) out.threshold = p.threshold;
  if (typeof p.worst === 'number' && Number.isInteger(p.worst) && p.worst >= 0) out.worst = p.worst;
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
    try {
      return await checkPredictions(analyzed.analysis as FolAnalysis, file, { threshold: params.threshold, worst: params.worst });
    } catch (error) {
      // Unreadable or malformed predictions are the user's to fix; say what is wrong with them.
      throw new ResponseError(LSPErrorCodes.RequestFailed, `Could not check ${path.basename(file)}: ${error instanceof Error ? error.message : String(error)}`);
    }
  });
}
