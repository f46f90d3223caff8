// Model-loading commands are quiet on stderr by default: no native warnings (Dawn's "Couldn't load
// Vulkan", onnxruntime's logs) and no provider line unless --verbose or a named --ep asks for it.
// Under --ep auto a single sentence or problem runs on cpu by choice (--verbose says so), and batch
// work (--file, nesy eval) tries the GPU providers first. Runs the built CLI (`npm run build` first).
// The fallback lines are checked only on a machine where they fall back to cpu (no GPU); elsewhere
// they are reported as skipped.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { nesy } from '../helpers/cli';
import { repoRoot } from '../helpers/data';

const commands = [
  { name: 'translate', input: 'always avoid the red zone' },
  { name: 'mwp', input: '小明有5个苹果，吃了2个，还剩几个？' },
] as const;

const epOf = (stdout: string) => (JSON.parse(stdout.trim()) as { ep: string }).ep;

for (const { name, input } of commands) {
  test(`nesy ${name} runs on cpu under auto, prints nothing on stderr by default, one line with --verbose, nothing with --ep cpu`, () => {
    const plain = nesy([name, input, '--json']);
    assert.equal(plain.code, 0, plain.stderr);
    assert.equal(plain.stderr, '', 'no warnings by default');
    assert.equal(epOf(plain.stdout), 'cpu', 'a single request runs on cpu under auto');

    const verbose = nesy([name, input, '--json', '--verbose']);
    assert.equal(verbose.code, 0, verbose.stderr);
    const lines = verbose.stderr.split('\n').filter((l) => l !== '');
    if (process.platform === 'linux' && process.arch === 'arm64') {
      assert.deepEqual(lines, [], 'linux-arm64 has no GPU provider, so auto has nothing to explain');
    } else {
      assert.deepEqual(lines, [`nesy ${name}: auto runs single requests on cpu (faster there than on a GPU one at a time; batches use the GPU)`]);
    }

    const cpu = nesy([name, input, '--json', '--ep', 'cpu', '--verbose']);
    assert.equal(cpu.code, 0, cpu.stderr);
    assert.equal(cpu.stderr, '', 'cpu skips nothing, so says nothing');
    assert.equal(epOf(cpu.stdout), 'cpu');
  });

  test(`nesy ${name} --ep webgpu says why it fell back, without --verbose`, (t) => {
    const r = nesy([name, input, '--json', '--ep', 'webgpu']);
    assert.equal(r.code, 0, r.stderr);
    if (epOf(r.stdout) === 'webgpu') return t.diagnostic('webgpu runs here; its fallback cannot be checked');
    assert.match(r.stderr, new RegExp(`^nesy ${name}: webgpu: [^\\n]+; using cpu\\n$`));
  });
}

test('nesy translate --file is batch work: under auto it tries the GPU providers first, and says why it fell back with --verbose', (t) => {
  const input = 'always avoid the red zone\neventually reach the goal\n';
  const plain = nesy(['translate', '--file', '-', '--workers', '1'], { input });
  assert.equal(plain.code, 0, plain.stderr);
  assert.equal(plain.stderr, '');
  const ep = epOf(plain.stdout.split('\n')[0]!);
  if (ep !== 'cpu') return t.diagnostic(`batch work runs on ${ep} here; its fallback cannot be checked`);
  const verbose = nesy(['translate', '--file', '-', '--workers', '1', '--verbose'], { input });
  assert.equal(verbose.code, 0, verbose.stderr);
  if (process.platform === 'linux' && process.arch === 'x64') assert.match(verbose.stderr, /^nesy translate: webgpu: [^\n]+; cuda: [^\n]+; using cpu\n$/);
});

test('nesy eval is quiet about providers unless --verbose', (t) => {
  const data = path.join(repoRoot, 'test', 'fixtures', 'nl2tl', 'lifted.jsonl');
  const plain = nesy(['eval', 'nl2tl', '--data', data, '--limit', '2', '--workers', '1']);
  assert.equal(plain.code, 0, plain.stderr);
  assert.equal(plain.stderr, '');
  if (epOf(plain.stdout) !== 'cpu') return t.diagnostic('auto does not fall back to cpu here');
  const verbose = nesy(['eval', 'nl2tl', '--data', data, '--limit', '2', '--workers', '1', '--verbose']);
  assert.equal(verbose.code, 0, verbose.stderr);
  assert.match(verbose.stderr, /^nesy eval: webgpu: [^\n]+; using cpu\n$/);
});

test('a note that is not about providers is still printed by default', () => {
  // The models without the NL->TL channel model: translation works, ranked by the forward model alone.
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nesy-quiet-'));
  const models = path.join(repoRoot, 'models');
  for (const sub of fs.readdirSync(models, { withFileTypes: true }).filter((e) => e.isDirectory())) {
    fs.mkdirSync(path.join(dir, sub.name));
    for (const f of fs.readdirSync(path.join(models, sub.name))) {
      if (f !== 'reverse.onnx') fs.symlinkSync(path.join(models, sub.name, f), path.join(dir, sub.name, f));
    }
  }
  try {
    const r = nesy(['translate', 'always avoid the red zone', '--models', dir]);
    assert.equal(r.code, 0, r.stderr);
    assert.match(r.stderr, /^nesy translate: The NL->TL channel model is not used \(Model file not found: .*reverse\.onnx\)[^\n]*\n$/);
  } finally {
    fs.rmSync(dir, { recursive: true });
  }
});
