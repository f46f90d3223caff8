// PyTorch and onnxruntime-node agree on the committed NL->TL channel model (reverse.onnx), and the
// channel changes the beam's order only by its score. training/nl2tl/reverse_parity.py rebuilds the
// PyTorch model from the ONNX file's own weights. Skipped only where no Python with torch and onnx
// exists (CI installs them); NESY_PYTHON picks one.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as path from 'node:path';
import { repoRoot } from '../helpers/data';
import { pythonWithTorch } from '../helpers/python';
import { defaultModelsDir } from '../../src/neural/modelFiles';
import { ReverseScorer } from '../../src/neural/reverseScorer';
import { toModelInput } from '../../src/neural/nl2tlText';
import { channelWeight, Nl2tlModel, rank } from '../../src/neural/nl2tlModel';

const python = pythonWithTorch();
const dir = path.join(defaultModelsDir(), 'nl2tl');
const sentence = toModelInput('globally , whenever ( prop_1 ) then within 5 to 10 seconds ( prop_2 ) .').tokens;
const formulas = [
  'globally ( prop_1 imply finally [ num_1 , num_2 ] prop_2 )'.split(' '),
  'finally [ num_1 , num_2 ] ( prop_1 imply prop_2 )'.split(' '),
  'globally prop_1'.split(' '),
];

test('channel scores match PyTorch, with rows of different lengths padded', { skip: !python && 'no Python with torch and onnx' }, async () => {
  const scorer = await ReverseScorer.load(dir, 'cpu');
  try {
    const sentences = [sentence, sentence, sentence.slice(0, 6)];
    const styles = ['<nl2tl>', '<navi>', '<nl2tl>'];
    const ours = await scorer.score(formulas, sentences, styles);
    const { src, tgt } = scorer.ids(formulas, sentences, styles);
    const pad = (rows: number[][]) => rows.map((r) => [...r, ...new Array<number>(Math.max(...rows.map((x) => x.length)) - r.length).fill(0)]);
    const r = spawnSync(python!, [path.join(repoRoot, 'training', 'nl2tl', 'reverse_parity.py'), dir], {
      cwd: path.join(repoRoot, 'training', 'nl2tl'),
      input: JSON.stringify({ src: pad(src), tgt: pad(tgt) }),
      encoding: 'utf8',
    });
    assert.equal(r.status, 0, r.stderr);
    const torch = (JSON.parse(r.stdout) as { score: number[] }).score;
    assert.equal(ours.length, 3);
    torch.forEach((x, i) => assert.ok(Math.abs(ours[i]! - x) < 1e-4, `row ${i}: ${ours[i]} against ${x}`));
  } finally {
    await scorer.release();
  }
});

test('the sentence is likelier from the formula that says it than from one that drops half of it', async () => {
  const scorer = await ReverseScorer.load(dir, 'cpu');
  try {
    const [right, , partial] = await scorer.score(formulas, [sentence, sentence, sentence], ['<nl2tl>', '<nl2tl>', '<nl2tl>']);
    assert.ok(right! > partial!, `${right} should exceed ${partial}`);
    assert.ok(right! < 0, 'a mean log-probability');
  } finally {
    await scorer.release();
  }
});

test('the beam is reranked by forward + weight × channel score, for already-lifted sentences only', async () => {
  const model = await Nl2tlModel.load(dir, 'cpu');
  try {
    const sentence = 'if ( prop_1 ) then within 5 to 10 seconds ( prop_2 ) and always ( prop_3 )';
    const [lifted, free] = await model.candidates([sentence, sentence], ['nl2tl', 'navi'], 4);
    assert.ok(lifted!.length > 1 && lifted!.every((c) => typeof c.channel === 'number' && c.channel < 0));
    assert.ok(free!.every((c) => c.channel === undefined), 'free text keeps the forward order');
    const ranked = rank(lifted!);
    const expected = [...lifted!].sort((a, b) => b.forward + channelWeight * b.channel! - (a.forward + channelWeight * a.channel!));
    assert.deepEqual(ranked.map((r) => r.formula), expected.map((c) => c.formula));
    assert.deepEqual(rank(lifted!, 0).map((r) => r.formula), [...lifted!].sort((a, b) => b.forward - a.forward).map((c) => c.formula));
  } finally {
    await model.release();
  }
});
