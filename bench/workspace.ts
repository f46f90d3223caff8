// A workspace of 1,000 .tl/.fol files: the server must start without reading them, validate only the
// file that is opened, and drop work for versions that a newer edit has replaced.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { CancellationTokenSource, LSPErrorCodes, ResponseError } from 'vscode-languageserver/node';
import { folText, tlText } from './corpus';
import { cpuMs, startServer } from './server';
import { mkdirp, nowMs, round, rssMiB, type BenchOptions } from './util';

function makeWorkspace(dir: string, files: number): string[] {
  const names: string[] = [];
  mkdirp(dir);
  for (let i = 0; i < files; i++) {
    const name = i % 2 === 0 ? `spec${i}.tl` : `rules${i}.fol`;
    const file = path.join(dir, name);
    if (!fs.existsSync(file)) fs.writeFileSync(file, i % 2 === 0 ? tlText(4000, i + 1) : folText(3000, i + 1));
    names.push(name);
  }
  return names;
}

export async function benchWorkspace(o: BenchOptions): Promise<void> {
  const count = 1000;
  const dir = path.join(o.workDir, `workspace-${count}`);
  const names = makeWorkspace(dir, count);
  const t0 = nowMs();
  const server = await startServer(o, dir);
  try {
    const { lsp } = server;
    const initializeMs = nowMs() - t0;
    const cpuBefore = cpuMs(server.pid);
    const opened = names[count / 2]!;
    const uri = lsp.uri(opened);
    const text = fs.readFileSync(path.join(dir, opened), 'utf8');
    let t1 = nowMs();
    lsp.open(uri, text);
    await lsp.diagnostics(uri);
    const openMs = nowMs() - t1;
    // Give any background indexing a chance to show up in CPU time and in published diagnostics.
    await new Promise((r) => setTimeout(r, 1000));
    const publishedOthers = names.filter((n) => n !== opened && lsp.allPublished(lsp.uri(n)).length > 0).length;
    const idleCpu = cpuMs(server.pid) - cpuBefore;
    o.emit({
      bench: 'workspace.open_one',
      files: count,
      initialize_ms: round(initializeMs),
      open_to_diagnostics_ms: round(openMs),
      server_cpu_ms_open_plus_1s_idle: round(idleCpu),
      other_files_validated: publishedOthers,
      server_rss_mib: rssMiB(server.pid),
      budget: 'no closed file validated',
      within_budget: publishedOthers === 0,
    });

    // Ten edits in a burst: only the last version may be published; earlier ones are stale.
    const burst = 10;
    const firstVersion = lsp.version(uri) + 1;
    t1 = nowMs();
    for (let i = 0; i < burst; i++) lsp.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }]);
    await lsp.diagnostics(uri);
    const burstMs = nowMs() - t1;
    await new Promise((r) => setTimeout(r, 200));
    const versions = lsp.allPublished(uri).map((p) => p.version).filter((v): v is number => typeof v === 'number' && v >= firstVersion);
    const finalVersion = firstVersion + burst - 1;
    // The server may publish the burst's first version when it analysed it before the rest arrived
    // (lone edits are validated at once); it must never publish a version after a newer one.
    const ordered = versions.every((v, i) => i === 0 || v > versions[i - 1]!);
    o.emit({
      bench: 'workspace.edit_burst',
      edits: burst,
      burst_to_final_diagnostics_ms: round(burstMs),
      versions_published: versions,
      budget: 'the final version published, never an older one after a newer one, at most 2 of 10',
      within_budget: ordered && versions.at(-1) === finalVersion && versions.length <= 2,
    });

    // A request cancelled by the client is answered RequestCancelled rather than computed.
    lsp.change(uri, [{ range: { start: { line: 0, character: 0 }, end: { line: 0, character: 0 } }, text: '\n' }]);
    const source = new CancellationTokenSource();
    const pending = lsp.documentSymbols(uri, source.token);
    source.cancel();
    let cancelled = false;
    try {
      await pending;
    } catch (error) {
      cancelled = error instanceof ResponseError && error.code === LSPErrorCodes.RequestCancelled;
    }
    o.emit({ bench: 'workspace.cancel', request: 'textDocument/documentSymbol', answered_request_cancelled: cancelled, budget: 'cancelled', within_budget: cancelled });
    await lsp.shutdown();
  } finally {
    server.dispose();
  }
}
