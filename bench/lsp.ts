// Editing a 10,000-line .tl file through the real protocol: the latency from a one-character edit to
// the diagnostics of the new version, and of hover (on an operator, and on a spec's name, which relates
// the spec to every other), completion and document symbols, both on an
// analysed version and straight after an edit (when the request has to wait for the new analysis).
import * as path from 'node:path';
import type { Position } from 'vscode-languageserver-types';
import { positionOf } from '../test/helpers/lspClient';
import { tlLines } from './corpus';
import { cpuMs, startServer } from './server';
import { median, nowMs, quantile, round, rssMiB, type BenchOptions } from './util';

const lines = 10_000;

function summary(samples: number[]): { median_ms: number; p95_ms: number; n: number } {
  return { median_ms: round(median(samples)), p95_ms: round(quantile(samples, 0.95)), n: samples.length };
}

export async function benchLsp(o: BenchOptions): Promise<void> {
  const reps = o.quick ? 10 : 40;
  const server = await startServer(o, path.join(o.workDir, 'lsp-edit'));
  try {
    const { lsp } = server;
    const uri = lsp.uri('big.tl');
    const text = tlLines(lines);
    let t0 = nowMs();
    lsp.open(uri, text);
    await lsp.diagnostics(uri);
    const openMs = nowMs() - t0;
    o.emit({ bench: 'lsp.open', lines, bytes: text.length, open_to_diagnostics_ms: round(openMs), server_rss_mib: rssMiB(server.pid) });

    // The edit flips one digit in a proposition name in the middle of the file, back and forth, so the
    // file stays the same size and every version has the same diagnostics work.
    const target = positionOf(text, 'p1', Math.floor(text.split('p1').length / 2));
    const at: Position = { line: target.line, character: target.character + 1 };
    const editRange = { start: at, end: { line: at.line, character: at.character + 1 } };
    const edits: number[] = [];
    let cpu0 = cpuMs(server.pid);
    for (let i = 0; i < reps; i++) {
      t0 = nowMs();
      lsp.change(uri, [{ range: editRange, text: i % 2 === 0 ? '2' : '1' }]);
      await lsp.diagnostics(uri);
      edits.push(nowMs() - t0);
    }
    const editCpu = (cpuMs(server.pid) - cpu0) / reps;
    o.emit({ bench: 'lsp.edit_to_diagnostics', lines, ...summary(edits), server_cpu_ms_per_edit: round(editCpu, 1), includes_debounce_ms: 50, budget: '< 50 ms', within_budget: median(edits) < 50 });

    const hoverAt = positionOf(lsp.text(uri), 'G', 100);
    // A spec's name: the hover relates the spec to the file's ~9,900 others within its 100 ms budget.
    const specDecl = positionOf(lsp.text(uri), 'spec s5000 ', 0);
    const specAt = { line: specDecl.line, character: specDecl.character + 5 };
    const completeAt = { line: lines - 1, character: 0 };
    const features: [string, () => Promise<unknown>, number | undefined][] = [
      ['hover', () => lsp.hover(uri, hoverAt), 10],
      ['hover_spec_relations', () => lsp.hover(uri, specAt), 150],
      ['completion', () => lsp.completion(uri, completeAt), 10],
      ['document_symbols', () => lsp.documentSymbols(uri), undefined],
    ];
    for (const [name, request, budget] of features) {
      await request();
      const steady: number[] = [];
      cpu0 = cpuMs(server.pid);
      for (let i = 0; i < reps; i++) {
        t0 = nowMs();
        await request();
        steady.push(nowMs() - t0);
      }
      const requestCpu = (cpuMs(server.pid) - cpu0) / reps;
      // Straight after an edit the request starts the new version's analysis itself (no debounce).
      const afterEdit: number[] = [];
      for (let i = 0; i < Math.min(reps, 15); i++) {
        lsp.change(uri, [{ range: editRange, text: i % 2 === 0 ? '2' : '1' }]);
        t0 = nowMs();
        await request();
        afterEdit.push(nowMs() - t0);
        await lsp.diagnostics(uri);
      }
      const s = summary(steady);
      o.emit({
        bench: `lsp.${name}`,
        lines,
        ...s,
        server_cpu_ms_per_request: round(requestCpu, 1),
        after_edit_median_ms: round(median(afterEdit)),
        after_edit_p95_ms: round(quantile(afterEdit, 0.95)),
        ...(budget === undefined ? {} : { budget: `< ${budget} ms`, within_budget: s.median_ms < budget }),
      });
    }
    o.emit({ bench: 'lsp.memory', lines, server_rss_mib: rssMiB(server.pid), server_peak_rss_mib: rssMiB(server.pid, true) });
    await lsp.shutdown();
  } finally {
    server.dispose();
  }
}
