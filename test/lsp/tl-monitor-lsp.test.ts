// Evaluating a spec on a trace through the real server (dist/server.js; `npm run build` first): the
// "Evaluate on trace…" code lens on each spec, and nesy/monitorTrace, which answers the verdict and the
// robustness plot of the spec and every subformula, as the editor's command and plot page use them.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import type { CodeLens } from 'vscode-languageserver/node';
import { infinityOnTheWire, type MonitorPlot } from '../../src/core/monitorPlot';
import { Commands, Requests, type EvaluateTraceArgs, type MonitorTraceParams } from '../../src/core/protocol';
import { startLsp } from '../helpers/lspClient';

const spec = ['signal speed "km/h"', 'prop door', '// the limit', 'spec limit := G[0,2] (door -> speed < 50)', 'F door', ''].join('\n');
const csv = ['time,speed,door', '0,40,0', '1,45,1', '2,55,0', '3,52,1', '4,30,1', ''].join('\n');

test('each spec and bare formula has an "Evaluate on trace…" lens; nesy/monitorTrace answers its verdict and every subformula\'s robustness', async (t) => {
  const lsp = await startLsp(t);
  const uri = lsp.uri('speed.tl');
  lsp.open(uri, spec);
  const trace = path.join(lsp.workspaceFolder, 'run.csv');
  fs.writeFileSync(trace, csv);
  const lenses = ((await lsp.codeLenses(uri)) ?? []) as CodeLens[];
  const evaluate = lenses.filter((l) => l.command?.command === Commands.evaluateTrace);
  assert.deepEqual(
    evaluate.map((l) => [l.range.start.line, l.command!.title, (l.command!.arguments![0] as EvaluateTraceArgs).spec]),
    [
      [3, 'Evaluate on trace…', 'limit'],
      [4, 'Evaluate on trace…', 'formula 1'],
    ],
  );
  const args = evaluate[0]!.command!.arguments![0] as EvaluateTraceArgs;
  const params: MonitorTraceParams = { uri, spec: args.spec, index: args.index, trace: pathToFileURL(trace).href };
  const plot = await lsp.request<MonitorPlot & { trace: string }>(Requests.monitorTrace, params);
  // door -> speed < 50 = max(-door, 50 - speed): +inf where the door is shut, else 50 - speed.
  // G[0,2] of it at t=0 is min(+inf, 5, +inf) = 5; at t=1: min(5, +inf, -2) = -2.
  assert.deepEqual(plot.verdict, { satisfied: true, robustness: 5, firstViolation: 1 });
  assert.equal(plot.trace, 'run.csv');
  assert.equal(plot.spec, 'limit');
  assert.equal(plot.formula, 'G[0,2] (door -> speed < 50)');
  assert.deepEqual([plot.samples, plot.shown], [5, 5]);
  assert.deepEqual(plot.times, [0, 1, 2, 3, 4]);
  assert.deepEqual(plot.signals, [
    { name: 'door', kind: 'proposition', values: [0, 1, 0, 1, 1] },
    { name: 'speed', kind: 'signal', values: [40, 45, 55, 52, 30] },
  ]);
  const inf = infinityOnTheWire;
  assert.deepEqual(
    plot.nodes.map((n) => [n.id, n.parent, plot.formula.slice(n.start, n.end), n.values, n.firstFalse]),
    [
      [0, null, 'G[0,2] (door -> speed < 50)', [5, -2, -2, -2, 20], 1],
      [1, 0, 'door -> speed < 50', [inf, 5, inf, -2, 20], 3],
      [2, 1, 'door', [-inf, inf, -inf, inf, inf], 0],
      [3, 1, 'speed < 50', [10, 5, -5, -2, 20], 2],
    ],
  );
  // The plot can hold fewer samples than the verdict reads.
  const short = await lsp.request<MonitorPlot>(Requests.monitorTrace, { ...params, maxPoints: 2 });
  assert.deepEqual([short.samples, short.shown, short.times, short.nodes[0]!.values], [5, 2, [0, 1], [5, -2]]);
  assert.deepEqual(short.verdict, plot.verdict);
});

test('nesy/monitorTrace: a missing column, an unreadable trace and a stale spec are one-line errors', async (t) => {
  const lsp = await startLsp(t);
  const uri = lsp.uri('speed.tl');
  lsp.open(uri, spec);
  const trace = path.join(lsp.workspaceFolder, 'run.csv');
  fs.writeFileSync(trace, 'time,door\n0,1\n');
  const fails = async (params: MonitorTraceParams, pattern: RegExp) => {
    await assert.rejects(lsp.request(Requests.monitorTrace, params), (e: Error) => pattern.test(e.message) && !e.message.includes('\n'));
  };
  const base = { uri, spec: 'limit', index: 0, trace: pathToFileURL(trace).href };
  await fails(base, /^Could not evaluate limit on run\.csv: signal 'speed' of spec 'limit' is not a column of run\.csv \(columns: door\)$/);
  await fails({ ...base, trace: pathToFileURL(path.join(lsp.workspaceFolder, 'nope.csv')).href }, /^Could not evaluate limit on nope\.csv: ENOENT/);
  await fails({ ...base, spec: 'renamed' }, /the spec 'renamed' is no longer where it was/);
  await fails({ ...base, trace: 'relative.csv' }, /must be a file:\/\/ URI or an absolute path/);
});
