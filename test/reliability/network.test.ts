// No network at run time: the CLI and the language server run with a preload that records every
// connection and name lookup (and refuses non-loopback ones before any packet leaves), while they
// check, parse, format and translate with the real models. The log must show the preload loaded in
// every process and thread, and no attempt at all.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { repoRoot } from '../helpers/data';
import { nesy } from '../helpers/cli';
import { startLsp } from '../helpers/lspClient';
import { Requests } from '../../src/core/protocol';

const preload = path.join(repoRoot, 'test', 'reliability', 'fixtures', 'no-network.cjs');

interface Entry {
  kind: 'loaded' | 'attempt';
  api?: string;
  target?: string;
  thread?: string;
}

function watched(name: string): { env: NodeJS.ProcessEnv; entries: () => Entry[] } {
  const dir = path.join(repoRoot, '.test-tmp', 'reliability');
  fs.mkdirSync(dir, { recursive: true });
  const log = path.join(dir, `${name}-${process.pid}.jsonl`);
  fs.writeFileSync(log, '');
  return {
    env: { NODE_OPTIONS: `--require ${preload}`, NESY_NET_LOG: log },
    entries: () => fs.readFileSync(log, 'utf8').split('\n').filter(Boolean).map((l) => JSON.parse(l) as Entry),
  };
}

const attempts = (entries: Entry[]) => entries.filter((e) => e.kind === 'attempt');

test('the preload refuses a non-loopback connection and records it (the guard itself works)', () => {
  const w = watched('control');
  // 192.0.2.1 is TEST-NET-1, reserved for documentation; the preload throws before connecting anyway.
  const r = spawnSync(process.execPath, ['-e', "require('node:net').connect(80, '192.0.2.1')"], { env: { ...process.env, ...w.env }, encoding: 'utf8' });
  assert.notEqual(r.status, 0);
  assert.match(r.stderr, /network access refused by the test: net\.connect 192\.0\.2\.1/);
  assert.deepEqual(attempts(w.entries()).map((e) => e.target), ['192.0.2.1']);
});

test('the CLI checks, parses, formats, translates and solves without any network attempt', () => {
  const w = watched('cli');
  const tl = path.join(repoRoot, 'test', 'fixtures', 'tl', 'robot.tl');
  const runs = [
    nesy(['check', tl, path.join(repoRoot, 'test', 'fixtures', 'fol', 'animals.fol'), path.join(repoRoot, 'test', 'e2e', 'workspace', 'apples.mwp')], { env: w.env }),
    nesy(['parse', 'G (a -> F[0,5] b)'], { env: w.env }),
    nesy(['format', tl, '--style', 'unicode'], { env: w.env }),
    nesy(['translate', 'always avoid "the red zone"', '--ep', 'cpu'], { env: w.env }),
    nesy(['mwp', 'A shop sold 12 apples in the morning and 3 times as many in the afternoon. How many apples did it sell?', '--ep', 'cpu'], { env: w.env }),
  ];
  for (const r of runs.slice(1)) assert.equal(r.code, 0, r.stderr);
  assert.match(runs[3]!.stdout, /G|always/);
  const entries = w.entries();
  assert.ok(entries.filter((e) => e.kind === 'loaded').length >= runs.length, 'the preload ran in every CLI process');
  assert.deepEqual(attempts(entries), []);
});

test('the language server serves all three languages and runs both models without any network attempt', async (t) => {
  const w = watched('server');
  const lsp = await startLsp(t, { env: w.env, timeoutMs: 120_000, settings: { inference: { executionProvider: 'cpu' } } });
  const tl = lsp.uri('a.tl');
  lsp.open(tl, 'prop p\nspec s := G (p -> F p)\n');
  lsp.open(lsp.uri('b.fol'), 'predicate dog(x)\nrule r: forall x. dog(x) -> dog(x)\n');
  lsp.open(lsp.uri('c.mwp'), 'problem a\nThere are 3 apples and 4 pears. How many fruits?\nequation: x = 3 + 4\n');
  await Promise.all([lsp.diagnostics(tl), lsp.diagnostics(lsp.uri('b.fol')), lsp.diagnostics(lsp.uri('c.mwp'))]);
  await lsp.hover(tl, { line: 1, character: 13 });
  await lsp.formatting(tl);
  const translated = await lsp.request<{ best: { formula: string } }>(Requests.translate, { sentence: 'always avoid "the red zone"' });
  assert.ok(translated.best.formula.length > 0);
  assert.ok(await lsp.request(Requests.interpretMwp, { text: 'There are 3 apples and 4 pears. How many fruits are there?' }));
  assert.equal(await lsp.shutdown(), 0);
  const entries = w.entries();
  assert.ok(entries.some((e) => e.kind === 'loaded' && e.thread?.startsWith('worker')), `the preload also ran in the inference worker: ${JSON.stringify(entries)}`);
  assert.deepEqual(attempts(entries), []);
});
