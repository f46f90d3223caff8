// The exported ONNX graphs compute what the PyTorch model computes: the same token ids go through
// training/nl2tl/parity.py (PyTorch, the committed fp16 checkpoint) and through onnxruntime-node.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { loadTranslator } from '../../src/neural/index';
import { defaultModelsDir } from '../../src/neural/modelFiles';
import { toModelInput } from '../../src/neural/nl2tlText';
import { repoRoot } from '../helpers/data';

const python = process.env.NESY_PYTHON ?? '/usr/bin/python3';
const hasTorch = spawnSync(python, ['-c', 'import torch'], { encoding: 'utf8' }).status === 0;

test('PyTorch and onnxruntime-node give the same decoder log-probabilities', { skip: hasTorch ? false : `${python} cannot import torch` }, async () => {
  const translator = await loadTranslator('cpu');
  const model = translator.model;
  const sentences = ['at some time ( prop_1 ) and never ( prop_2 )', 'if ( prop_2 ) then within 15 seconds ( prop_1 ) .', 'an unseenword ( prop_1 )'];
  const src = sentences.map((s) => model.encodeSource(toModelInput(s)));
  const tgtVocab = model.targetVocab();
  const tgt = [['<bos>'], ['<bos>', '(', 'prop_1'], ['<bos>', 'globally', '[', 'num_1']].map((row) => row.map((t) => tgtVocab.indexOf(t)));
  const width = Math.max(...src.map((r) => r.length));
  const tWidth = Math.max(...tgt.map((r) => r.length));
  const pad = (rows: number[][], n: number): number[][] => rows.map((r) => [...r, ...new Array<number>(n - r.length).fill(0)]);
  const onnx = await model.logprobs(pad(src, width), pad(tgt, tWidth));
  await translator.release();
  const r = spawnSync(python, [path.join(repoRoot, 'training', 'nl2tl', 'parity.py'), path.join(defaultModelsDir(), 'nl2tl', 'model.pt')], {
    input: JSON.stringify({ src: pad(src, width), tgt: pad(tgt, tWidth) }),
    encoding: 'utf8',
  });
  assert.equal(r.status, 0, r.stderr);
  const torch = (JSON.parse(r.stdout) as { logprobs: number[][] }).logprobs;
  assert.equal(torch.length * torch[0]!.length, onnx.length);
  let worst = 0;
  torch.flat().forEach((v, i) => {
    worst = Math.max(worst, Math.abs(v - onnx[i]!));
  });
  assert.ok(worst < 1e-3, `largest difference ${worst}`);
  // The comparison must be able to fail: the rows differ from one another.
  assert.notDeepEqual(torch[0], torch[1]);
});
