// nesy/monitorTrace: one spec of an open .tl document (its current text, unsaved edits included) on a
// trace file the user picked: the verdict on the whole trace and the robustness plot of the spec and its
// subformulas (src/languages/tl/monitor/plot.ts). The trace is what the user picked, so it is read
// wherever it is, streamed line by line, only the columns the spec reads kept.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { ErrorCodes, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import type { MonitorPlot } from '../core/monitorPlot';
import { Requests, type MonitorTraceParams } from '../core/protocol';
import { onCustomRequest } from './guard';
import { localPath } from './localPath';
import type { ServerContext } from './server';
import type { TlAnalysis } from '../languages/tl/service';

function readParams(params: unknown): MonitorTraceParams {
  const p = (typeof params === 'object' && params !== null ? params : {}) as Record<string, unknown>;
  if (typeof p.uri !== 'string' || typeof p.spec !== 'string' || typeof p.trace !== 'string' || typeof p.index !== 'number' || !Number.isInteger(p.index) || p.index < 0) {
    throw new ResponseError(ErrorCodes.InvalidParams, `${Requests.monitorTrace} needs { uri, spec, index, trace }: the .tl document, the spec's name and index, and the trace file.`);
  }
  const out: MonitorTraceParams = { uri: p.uri, spec: p.spec, index: p.index, trace: p.trace };
  if (typeof p.maxPoints === 'number' && Number.isInteger(p.maxPoints) && p.maxPoints > 0) out.maxPoints = p.maxPoints;
  return out;
}

export function listenMonitorTrace(ctx: ServerContext): void {
  onCustomRequest(ctx.connection, ctx.error, Requests.monitorTrace, async (raw, token): Promise<MonitorPlot & { trace: string }> => {
    const params = readParams(raw);
    const file = localPath(params.trace, 'trace');
    const analyzed = await ctx.analyses.get(params.uri, token);
    if (!analyzed || analyzed.language.id !== 'tl') throw new ResponseError(ErrorCodes.InvalidParams, `${params.uri} is not an open .tl document.`);
    // Loaded on first use: the monitor is not part of what a .tl document needs to open.
    const monitor = require('../languages/tl/monitor/index') as typeof import('../languages/tl/monitor/index');
    const { plotSpec } = require('../languages/tl/monitor/plot') as typeof import('../languages/tl/monitor/plot');
    const name = path.basename(file);
    try {
      const doc = (analyzed.analysis as TlAnalysis).tl;
      const spec = monitor.listSpecs(doc)[params.index];
      const { propositions, signals } = spec ? monitor.columnsOf(spec.formula) : { propositions: [], signals: [] };
      // Opened first, so that a missing or unreadable file is one plain error rather than a stream's.
      const handle = await fs.promises.open(file, 'r');
      const trace = await monitor.readTrace(handle.createReadStream(), name, { keep: new Set([...propositions, ...signals]) });
      return { ...plotSpec(doc, params.index, params.spec, trace, params.maxPoints), trace: name };
    } catch (error) {
      // An unreadable trace or a spec that cannot be monitored on it is the user's to fix: one line.
      const message = error instanceof Error ? error.message : String(error);
      throw new ResponseError(LSPErrorCodes.RequestFailed, `Could not evaluate ${params.spec} on ${name}: ${message}`);
    }
  });
}
