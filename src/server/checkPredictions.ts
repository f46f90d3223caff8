// nesy/checkPredictions: scores a predictions file (JSON, .npy, .npz, safetensors, Parquet, Arrow) or a
// directory of them against the rules of an open .fol document, using the editor's current text of the
// rules (unsaved edits included). It runs the CLI's own check (src/cli/predictions: worker threads over
// the files, the same report), with a per-image table, and with `maps` it draws each image's violation
// maps as PNGs into that folder for the editor's report view. The predictions (and a classes file) are
// what the user picked, so they are read wherever they are; hierarchy imports still go through Host.readFile.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { Requests, type CheckPredictionsFailure } from '../core/protocol';
import type { FolAnalysis } from '../languages/fol/checks';
import type { RunReport } from '../cli/predictions/report';
import { onCustomRequest } from './guard';
import { localPath } from './localPath';
import type { ServerContext } from './server';

export interface CheckPredictionsParams {
  /** The open .fol document whose rules the predictions must satisfy. */
  uri: string;
  /** The predictions file or a directory of them, as a file:// URI or an absolute path. */
  predictions: string;
  threshold?: number;
  worst?: number;
  /** Class names for arrays without them (.npy, .safetensors): the names in the class axis's order, or a file of them (URI or absolute path). */
  classes?: string[] | string;
  /** 3-D arrays: classes x height x width (default) or height x width x classes. */
  layout?: 'chw' | 'hwc';
  /** The array to read from an .npz or .safetensors file that holds several. */
  key?: string;
  /** A folder (URI or absolute path) to draw each image's violation maps into, as PNGs. */
  maps?: string;
  /** A folder of source images (<name>.png) the maps are blended over. */
  images?: string;
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
  if (typeof p.maps === 'string') out.maps = p.maps;
  if (typeof p.images === 'string') out.images = p.images;
  return out;
}

export function listenCheckPredictions(ctx: ServerContext): void {
  onCustomRequest(ctx.connection, ctx.error, Requests.checkPredictions, async (raw, token): Promise<RunReport> => {
    const params = readParams(raw);
    const file = localPath(params.predictions, 'predictions file');
    const maps = params.maps === undefined ? undefined : localPath(params.maps, 'maps folder');
    const images = params.images === undefined ? undefined : localPath(params.images, 'images folder');
    const analyzed = await ctx.analyses.get(params.uri, token);
    if (!analyzed || analyzed.language.id !== 'fol') {
      throw new ResponseError(ErrorCodes.InvalidParams, `${params.uri} is not an open .fol document.`);
    }
    // Loaded here, not at start-up: they bring in the .fol language, which loads on its first document.
    const { ruleSetOf } = require('../languages/fol/predictions') as typeof import('../languages/fol/predictions');
    const { readClassNames } = require('../languages/fol/scoreFiles') as typeof import('../languages/fol/scoreFiles');
    const { expandInputs } = require('../cli/predictions/inputs') as typeof import('../cli/predictions/inputs');
    const { runCheck } = require('../cli/predictions/run') as typeof import('../cli/predictions/run');
    const { finalReport } = require('../cli/predictions/report') as typeof import('../cli/predictions/report');
    const name = path.basename(file);
    try {
      const classes = typeof params.classes === 'string' ? readClassNames(localPath(params.classes, 'classes file')) : params.classes;
      const directory = fs.existsSync(file) && fs.statSync(file).isDirectory();
      const inputs = directory ? expandInputs([file]) : [{ path: file, name }];
      const settings = {
        threshold: params.threshold ?? 0.5,
        worst: params.worst ?? 5,
        file: { classes, layout: params.layout, key: params.key },
        ...(maps ? { maps: { dir: maps, ...(images ? { images } : {}) } } : {}),
      };
      // Cancelling the editor's progress stops the check between batches (and hands back the worker threads).
      const cancel = new AbortController();
      const listener = token.onCancellationRequested(() => cancel.abort(new Error('cancelled')));
      try {
        const partial = await runCheck(ruleSetOf(analyzed.analysis as FolAnalysis), inputs, settings, { progress: false, signal: cancel.signal });
        return finalReport([{ report: partial, source: name }], { perImage: true });
      } finally {
        listener.dispose();
      }
    } catch (error) {
      // The request guard answers a cancelled request as cancelled.
      if (token.isCancellationRequested) throw error;
      // Unreadable or malformed predictions are the user's to fix; say what is wrong with them.
      const message = error instanceof Error ? error.message : String(error);
      // Arrays without class names need a classes file: the editor asks for one and tries again.
      const data: CheckPredictionsFailure | undefined = / has no class names/.test(message) ? { needsClasses: true } : undefined;
      throw new ResponseError(LSPErrorCodes.RequestFailed, `Could not check ${name}: ${message}`, data);
    }
  });
}
