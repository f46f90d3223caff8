// PyTorch and onnxruntime-node agree on the committed MWP model. training/mwp/parity.py rebuilds
// the PyTorch model from the ONNX file's own weights, so the comparison needs no checkpoint.
// Skipped only where no Python with torch and onnx exists (CI installs them); NESY_PYTHON picks one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { repoRoot } from '../helpers/data';
import { pythonWithTorch } from '../helpers/python';
import { defaultModelsDir } from '../../src/neural/modelFiles';
import { MwpModel } from '../../src/neural/mwp';

const python = pythonWithTorch();

test('next-token log-probabilities match PyTorch, padding included', { skip: !python && 'no Python with torch and onnx' }, async () => {
  const model = await MwpModel.load(defaultModelsDir(), 'cpu');
  try {
    const a = model.sourceIds('甲乙两地相距400千米，客车和货车4小时相遇，已知货车每小时行53千米，问客车每小时行多少千米？').ids;
    const b = model.sourceIds('每支铅笔2元，买5支铅笔要付多少元？').ids;
    // Two problems of different lengths in one batch: the shorter one is padded, as in the runtime.
    const src = [a, [...b, ...new Array<number>(a.length - b.length).fill(0)]];
    const out = (t: string) => model.meta.out_vocab.indexOf(t);
    const tgt = [[model.meta.bos, out('F107'), out('F86')], [model.meta.bos, out('C*'), out('N0')]];
    const ours = await model.logprobs(src, tgt);
    const r = spawnSync(python!, [path.join(repoRoot, 'training', 'mwp', 'parity.py'), path.join(defaultModelsDir(), 'mwp')], {
      input: JSON.stringify({ src, tgt }),
      encoding: 'utf8',
      maxBuffer: 64 * 1024 * 1024,
    });
    assert.equal(r.status, 0, r.stderr);
    const torch = (JSON.parse(r.stdout) as { logprobs: number[][] }).logprobs;
    const v = model.meta.eos + 2;
    assert.equal(ours.length, torch.length * v);
    let worst = 0;
    torch.forEach((row, i) => row.forEach((x, k) => {
      if (x > -1e8) worst = Math.max(worst, Math.abs(ours[i * v + k] - x));
    }));
    assert.ok(worst < 1e-3, `log-probabilities differ by ${worst}`);
    for (let i = 0; i < 2; i++) {
      const row = Array.from(ours.subarray(i * v, (i + 1) * v));
      assert.equal(row.indexOf(Math.max(...row)), torch[i].indexOf(Math.max(...torch[i])), 'same best token');
    }
  } finally {
    await model.close();
  }
});
