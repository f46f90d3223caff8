// Neural inference as `nesy translate` and `nesy mwp` run it, in this process on the chosen
// execution provider: model load time, one-input latency (median and p95), and throughput when
// inputs come in batches of 1, 8 and 32; and `nesy eval` over a replicated corpus on one worker
// thread against one per core.
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import type { ExecutionProviderChoice } from '../src/core/settings';
import { loadTranslator } from '../src/neural/index';
import { MwpModel } from '../src/neural/mwp';
import { median, nowMs, quantile, round, timeRuns, type BenchOptions } from './util';

const budgets = { nl2tl: 30, mwp: 50 };
const batchSizes = [1, 8, 32];

/** English requirements in the shapes users write: quoted, parenthesised and free propositions. */
export function sentences(root: string): string[] {
  const out = ['always avoid "the red zone"', 'eventually reach "the goal" and never "hit a wall"', 'if (the door is open) then eventually (the alarm sounds)'];
  const navi = path.join(root, 'test', 'fixtures', 'nl2tl', 'navi.jsonl');
  if (fs.existsSync(navi)) {
    for (const line of fs.readFileSync(navi, 'utf8').split('\n')) {
      if (line.trim()) out.push((JSON.parse(line) as { sentence: string[] }).sentence.join(' '));
    }
  }
  return out;
}

export function problems(root: string): string[] {
  const file = path.join(root, 'test', 'fixtures', 'mwp', 'handmade.json');
  const fromFixture = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as { original_text: string }[]).map((p) => p.original_text) : [];
  return fromFixture.length > 0 ? fromFixture : ['小明有15个苹果，吃了3个，还剩多少个？'];
}

async function latencyAndThroughput(
  o: BenchOptions,
  name: 'nl2tl' | 'mwp',
  ep: ExecutionProviderChoice,
  inputs: string[],
  load: () => Promise<{ ep: string; note?: string; run(batch: string[]): Promise<unknown>; close(): Promise<void> }>,
): Promise<void> {
  const t0 = nowMs();
  const model = await load();
  const loadMs = nowMs() - t0;
  try {
    const reps = o.quick ? 10 : 40;
    let i = 0;
    const single = (await timeRuns(() => model.run([inputs[i++ % inputs.length]!]), { warmup: 3, reps, minMs: 0 })).wall;
    const med = median(single);
    const throughput: Record<string, number> = {};
    for (const size of batchSizes) {
      const batch = Array.from({ length: size }, (_, k) => inputs[k % inputs.length]!);
      const times = (await timeRuns(() => model.run(batch), { warmup: 1, reps: o.quick ? 2 : 5, minMs: 0 })).wall;
      throughput[`batch_${size}_per_s`] = round((size * 1000) / median(times), 1);
    }
    o.emit({
      bench: `neural.${name}`,
      ep_requested: ep,
      ep: model.ep,
      ...(model.note ? { ep_note: model.note } : {}),
      load_ms: round(loadMs),
      median_ms: round(med),
      p95_ms: round(quantile(single, 0.95)),
      ...throughput,
      budget: `< ${budgets[name]} ms median on CPU`,
      within_budget: med < budgets[name],
    });
  } finally {
    await model.close();
  }
}

/** A whole `nesy` command as a user runs it: process start, model load and one inference. */
function cliRun(o: BenchOptions, name: string, args: string[]): void {
  const cli = path.join(o.root, 'dist', 'cli.js');
  if (!fs.existsSync(cli)) return;
  const times: number[] = [];
  for (let i = 0; i < (o.quick ? 2 : 5); i++) {
    const t0 = nowMs();
    const r = spawnSync(process.execPath, [cli, ...args], { cwd: o.root, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`nesy ${args[0]} failed: ${r.stderr.trim()}`);
    times.push(nowMs() - t0);
  }
  o.emit({ bench: `neural.cli.${name}`, command: `nesy ${args.join(' ')}`, median_ms: round(median(times)), runs: times.length });
}

/** CPU seconds of this process's finished children (Linux: cutime + cstime, in 1/100 s); undefined elsewhere. */
function childCpuSeconds(): number | undefined {
  try {
    const fields = fs.readFileSync('/proc/self/stat', 'utf8').split(') ')[1]!.split(' ');
    return (Number(fields[13]) + Number(fields[14])) / 100;
  } catch {
    return undefined;
  }
}

/**
 * `nesy eval` on a corpus made by repeating a committed fixture, with --workers 1 and with one per
 * core, alternating, in the same run: rows/s as the command reports it (threads and model loading
 * included, process start not; the best of the runs, the one least disturbed by other load), and the
 * cores it kept busy (child CPU time over wall time).
 */
function evalCorpus(o: BenchOptions, task: 'nl2tl' | 'mwp', rows: number, ep: ExecutionProviderChoice): void {
  const cli = path.join(o.root, 'dist', 'cli.js');
  if (!fs.existsSync(cli)) return;
  const data = path.join(o.workDir, `eval-${task}-${rows}.${task === 'nl2tl' ? 'jsonl' : 'json'}`);
  if (task === 'nl2tl') {
    const lines = fs.readFileSync(path.join(o.root, 'test', 'fixtures', 'nl2tl', 'navi.jsonl'), 'utf8').split('\n').filter((l) => l.trim() !== '');
    fs.writeFileSync(data, Array.from({ length: rows }, (_, i) => lines[i % lines.length]).join('\n') + '\n');
  } else {
    const problems = JSON.parse(fs.readFileSync(path.join(o.root, 'test', 'fixtures', 'mwp', 'handmade.json'), 'utf8')) as unknown[];
    fs.writeFileSync(data, JSON.stringify(Array.from({ length: rows }, (_, i) => problems[i % problems.length])));
  }
  const cores = os.availableParallelism();
  const settings = [1, cores];
  const best = settings.map(() => ({ rowsPerS: 0, coresBusy: undefined as number | undefined }));
  const metrics = new Set<string>();
  const loadAverages: number[] = [];
  for (let round_ = 0; round_ < (o.quick ? 1 : 2); round_++) {
    settings.forEach((workers, k) => {
      loadAverages.push(round(os.loadavg()[0]!, 2));
      const cpu0 = childCpuSeconds();
      const t0 = nowMs();
      const r = spawnSync(process.execPath, [cli, 'eval', task, '--data', data, '--ep', ep, '--workers', String(workers)], { cwd: o.root, encoding: 'utf8' });
      const wallS = (nowMs() - t0) / 1000;
      if (r.status !== 0) throw new Error(`nesy eval ${task} failed: ${r.stderr.trim()}`);
      const cpu1 = childCpuSeconds();
      const { ms_per_item: _ms, ms_median: _median, rows_per_s: rate, workers: _workers, ...rest } = JSON.parse(r.stdout) as Record<string, unknown>;
      metrics.add(JSON.stringify(rest));
      if ((rate as number) > best[k]!.rowsPerS) {
        best[k] = { rowsPerS: rate as number, coresBusy: cpu0 === undefined || cpu1 === undefined ? undefined : round((cpu1 - cpu0) / wallS, 2) };
      }
    });
  }
  o.emit({
    bench: `neural.eval_corpus.${task}`,
    rows,
    ep_requested: ep,
    workers: settings,
    rows_per_s: best.map((b) => round(b.rowsPerS, 1)),
    speedup: round(best[1]!.rowsPerS / best[0]!.rowsPerS, 2),
    cores_busy: best.map((b) => b.coresBusy),
    runs_per_setting: loadAverages.length / settings.length,
    load_average_1m_before_runs: loadAverages,
    same_metrics: metrics.size === 1,
  });
}

export async function benchNeural(o: BenchOptions, ep: ExecutionProviderChoice = 'cpu'): Promise<void> {
  const modelsDir = path.join(o.root, 'models');
  if (fs.existsSync(path.join(modelsDir, 'nl2tl', 'encoder.onnx'))) {
    await latencyAndThroughput(o, 'nl2tl', ep, sentences(o.root), async () => {
      const translator = await loadTranslator(ep, modelsDir);
      return {
        ep: translator.ep,
        note: translator.note,
        // The translator batches all requests of one call through the model together.
        run: (batch) => translator.translate(batch.map((sentence) => ({ sentence }))),
        close: () => translator.release(),
      };
    });
  } else {
    o.emit({ bench: 'neural.nl2tl', skipped: `no model in ${modelsDir}/nl2tl` });
  }
  if (fs.existsSync(path.join(modelsDir, 'mwp', 'encoder.onnx'))) {
    await latencyAndThroughput(o, 'mwp', ep, problems(o.root), async () => {
      const model = await MwpModel.load(modelsDir, ep);
      return {
        ep: model.ep,
        note: model.note,
        // The MWP model decodes one problem at a time (its beam is the batch); a batch here is
        // that many problems in flight at once, which onnxruntime runs on its own threads.
        run: (batch) => Promise.all(batch.map((text) => model.interpret(text))),
        close: () => model.close(),
      };
    });
  } else {
    o.emit({ bench: 'neural.mwp', skipped: `no model in ${modelsDir}/mwp` });
  }
  if (fs.existsSync(path.join(modelsDir, 'nl2tl', 'encoder.onnx'))) cliRun(o, 'translate', ['translate', 'always avoid "the red zone"', '--ep', ep]);
  if (fs.existsSync(path.join(modelsDir, 'mwp', 'encoder.onnx'))) cliRun(o, 'mwp', ['mwp', problems(o.root)[0]!, '--ep', ep]);
  if (fs.existsSync(path.join(modelsDir, 'nl2tl', 'encoder.onnx'))) evalCorpus(o, 'nl2tl', o.quick ? 400 : 2000, ep);
  if (fs.existsSync(path.join(modelsDir, 'mwp', 'encoder.onnx'))) evalCorpus(o, 'mwp', o.quick ? 100 : 500, ep);
}
