// Time from starting the language server to its first answer (initialize) and to the first
// diagnostics of a small file (ready), with no model loaded; then what the first .fol file adds,
// since each language loads on its first document; then the server's memory after opening a
// 10,000-line file and after each model loads on first use.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Requests } from '../src/core/protocol';
import { tlLines } from './corpus';
import { cpuMs, startServer } from './server';
import { median, nowMs, round, rssMiB, type BenchOptions } from './util';

const budgetReadyMs = 300;

export async function benchActivation(o: BenchOptions): Promise<void> {
  const starts = o.quick ? 3 : 7;
  const initialize: number[] = [];
  const ready: number[] = [];
  const readyCpu: number[] = [];
  const firstFol: number[] = [];
  let idleRss: number | undefined;
  let modelsAtReady: unknown;
  for (let i = 0; i < starts; i++) {
    const t0 = nowMs();
    const server = await startServer(o, path.join(o.workDir, 'activation'));
    try {
      initialize.push(nowMs() - t0);
      const uri = server.lsp.uri('small.tl');
      server.lsp.open(uri, 'prop p "a proposition"\nspec s := G p\n');
      await server.lsp.diagnostics(uri);
      ready.push(nowMs() - t0);
      readyCpu.push(cpuMs(server.pid));
      idleRss = rssMiB(server.pid);
      modelsAtReady = await server.lsp.request(Requests.status, {});
      const fol = server.lsp.uri('small.fol');
      const t1 = nowMs();
      server.lsp.open(fol, 'predicate near(x, y)\nrule r1: forall x. exists y. near(x, y)\n');
      await server.lsp.diagnostics(fol);
      firstFol.push(nowMs() - t1);
      await server.lsp.shutdown();
    } finally {
      server.dispose();
    }
  }
  const readyMs = median(ready);
  o.emit({
    bench: 'activation.server_ready',
    starts,
    spawn_to_initialize_ms: round(median(initialize)),
    spawn_to_first_diagnostics_ms: round(readyMs),
    server_cpu_ms_to_first_diagnostics: round(median(readyCpu)),
    first_fol_open_to_diagnostics_ms: round(median(firstFol)),
    server_rss_mib: idleRss,
    neural_status_at_ready: modelsAtReady,
    budget: `< ${budgetReadyMs} ms, no model loaded`,
    within_budget: readyMs < budgetReadyMs && (modelsAtReady as { ep?: unknown } | undefined)?.ep == null,
  });

  const server = await startServer(o, path.join(o.workDir, 'activation'));
  try {
    const { lsp } = server;
    const memory: Record<string, number | undefined> = { started: rssMiB(server.pid) };
    const uri = lsp.uri('big.tl');
    lsp.open(uri, tlLines(10_000));
    await lsp.diagnostics(uri);
    memory.after_open_10k_line_tl = rssMiB(server.pid);
    const models = path.join(o.root, 'models');
    const loads: Record<string, number> = {};
    if (fs.existsSync(path.join(models, 'nl2tl'))) {
      const t0 = nowMs();
      await lsp.request(Requests.translate, { sentence: 'always avoid "the red zone"' });
      loads.nl2tl_first_request_ms = round(nowMs() - t0);
      memory.after_nl2tl_model = rssMiB(server.pid);
    }
    if (fs.existsSync(path.join(models, 'mwp'))) {
      const t0 = nowMs();
      await lsp.request(Requests.interpretMwp, { text: '小明有15个苹果，吃了3个，还剩多少个？' });
      loads.mwp_first_request_ms = round(nowMs() - t0);
      memory.after_mwp_model = rssMiB(server.pid);
    }
    o.emit({ bench: 'activation.memory', server_rss_mib: memory, ...loads, server_peak_rss_mib: rssMiB(server.pid, true) });
    await lsp.shutdown();
  } finally {
    server.dispose();
  }
}
