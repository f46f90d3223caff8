// The web extension's language server in headless Chromium (test/helpers/webLsp.ts; `npm run build` first):
// time from creating its web worker to the first diagnostics of a .tl file (budget 1 s), and one translation
// and one word problem on onnxruntime-web's WebAssembly (translation budget 100 ms median), beside the Node
// build's on the same inputs in the same run (onnxruntime-node, in this process, as `nesy translate` runs it).
// Run on its own, `node --import tsx bench/web.ts [--quick]`, with the harness's JSON lines: it drives Chromium with
// playwright-core, a development dependency that the CLI's `nesy bench` (bundled from bench/harness.ts) cannot carry.
import * as fs from 'node:fs';
import * as path from 'node:path';
import type { MwpResult, TranslateResult } from '../src/core/neuralApi';
import { Requests } from '../src/core/protocol';
import { loadTranslator } from '../src/neural/index';
import { MwpModel } from '../src/neural/mwp';
import { startWebLsp } from '../test/helpers/webLsp';
import { problems, sentences } from './neural';
import { machine, median, mkdirp, nowMs, packageRoot, quantile, round, type BenchOptions } from './util';

const budgets = { firstDiagnosticsMs: 1000, translateMs: 100 };

export async function benchWeb(o: BenchOptions): Promise<void> {
  const workspace = mkdirp(path.join(o.workDir, 'web'));
  const first: number[] = [];
  for (let i = 0; i < (o.quick ? 3 : 5); i++) {
    const web = await startWebLsp({ workspace });
    try {
      const uri = web.uri('small.tl');
      await web.open(uri, 'tl', 'prop p "a proposition"\nspec s := G p\n');
      await web.diagnostics(uri, 1);
      first.push(await web.firstDiagnosticsMs());
    } finally {
      await web.close();
    }
  }
  o.emit({ bench: 'web.first_diagnostics', runs: first.length, median_ms: round(median(first), 1), max_ms: round(Math.max(...first), 1), budget: `median <= ${budgets.firstDiagnosticsMs} ms`, within_budget: median(first) <= budgets.firstDiagnosticsMs });

  const texts = sentences(o.root).slice(0, o.quick ? 10 : 27);
  const mwpTexts = problems(o.root).slice(0, o.quick ? 4 : 10);
  const web = await startWebLsp({ workspace });
  try {
    let t0 = nowMs();
    await web.request(Requests.translate, { sentence: texts[0] });
    const translateLoadMs = nowMs() - t0;
    const webTranslate: number[] = [];
    for (const sentence of texts) webTranslate.push((await web.request<TranslateResult>(Requests.translate, { sentence })).ms);
    t0 = nowMs();
    await web.request(Requests.interpretMwp, { text: mwpTexts[0] });
    const mwpLoadMs = nowMs() - t0;
    const webMwp: number[] = [];
    for (const text of mwpTexts) webMwp.push((await web.request<MwpResult>(Requests.interpretMwp, { text })).ms);

    const translator = await loadTranslator('cpu');
    const nodeTranslate: number[] = [];
    try {
      await translator.translate([{ sentence: texts[0]! }]);
      for (const sentence of texts) {
        const t = nowMs();
        await translator.translate([{ sentence }]);
        nodeTranslate.push(nowMs() - t);
      }
    } finally {
      await translator.release();
    }
    const model = await MwpModel.load(undefined, 'cpu');
    const nodeMwp: number[] = [];
    await model.interpret(mwpTexts[0]!);
    for (const text of mwpTexts) nodeMwp.push((await model.interpret(text)).ms);

    o.emit({
      bench: 'web.translate',
      ep: 'wasm',
      inputs: texts.length,
      load_ms: round(translateLoadMs, 0),
      median_ms: round(median(webTranslate), 1),
      p95_ms: round(quantile(webTranslate, 0.95), 1),
      node_median_ms: round(median(nodeTranslate), 1),
      budget: `median <= ${budgets.translateMs} ms`,
      within_budget: median(webTranslate) <= budgets.translateMs,
    });
    o.emit({ bench: 'web.mwp', ep: 'wasm', inputs: mwpTexts.length, load_ms: round(mwpLoadMs, 0), median_ms: round(median(webMwp), 1), p95_ms: round(quantile(webMwp, 0.95), 1), node_median_ms: round(median(nodeMwp), 1) });
  } finally {
    await web.close();
  }
  fs.rmSync(workspace, { recursive: true, force: true });
}

if (require.main === module) {
  const root = packageRoot();
  const quick = process.argv.includes('--quick');
  const emit = (record: object) => process.stdout.write(JSON.stringify(record) + '\n');
  emit({ bench: 'machine', ...machine(), quick, areas: ['web'] });
  benchWeb({ quick, root, workDir: mkdirp(path.join(root, '.test-tmp', 'bench')), emit }).catch((error: unknown) => {
    emit({ bench: 'web', error: error instanceof Error ? error.message : String(error) });
    process.exitCode = 1;
  });
}
