// The readers behind `nesy check-predictions` for what segmentation networks write: .npy and .npz
// (float16/float32, samples x classes, CHW or HWC), safetensors, Parquet and Arrow IPC. Every file is
// generated here (by hand, or with NumPy where it is installed), and read back value for value.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Float16, Table, tableFromArrays, tableToIPC, vectorFromArray } from 'apache-arrow';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { checkScores, openScores, readClassNames, scoreBatchRows, type ScoreSource, type ScoreFileOptions } from '../../src/languages/fol/scoreFiles';
import { repoRoot } from '../helpers/data';
import { pythonWithNumpy } from '../helpers/python';
import { chwToRows, npyBytes, npyStrings, npzBytes, safetensorsBytes, scores } from '../helpers/scoreFiles';

const tmp = path.join(repoRoot, '.test-tmp', 'fol-score-files');
fs.rmSync(tmp, { recursive: true, force: true });
fs.mkdirSync(tmp, { recursive: true });

function write(name: string, bytes: Uint8Array | string): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, bytes);
  return file;
}

/** Every row of the source as numbers, whatever the batches' layout. */
async function rowsOf(src: ScoreSource, from?: number, to?: number): Promise<number[][]> {
  const out: number[][] = [];
  for await (const b of src.batches(from, to)) {
    const width = src.columns.length;
    assert.equal(b.firstRow, (from ?? 0) + out.length, 'batches come in order, without gaps');
    for (let r = 0; r < b.rows; r++) out.push(Array.from({ length: width }, (_, c) => (b.plane ? b.data[c * b.plane + r] : b.data[r * width + c])!));
  }
  return out;
}

async function read(file: string, options: ScoreFileOptions = {}): Promise<{ src: ScoreSource; rows: number[][] }> {
  const src = await openScores(file, options);
  try {
    return { src, rows: await rowsOf(src) };
  } finally {
    await src.close();
  }
}

function matrix(values: ArrayLike<number>, width: number): number[][] {
  return Array.from({ length: values.length / width }, (_, r) => Array.from({ length: width }, (_, c) => values[r * width + c]!));
}

const classes = ['dog', 'cat', 'bird'];

test('.npy float32, samples x classes, with names from --classes', async () => {
  const values = scores(7 * 3);
  const { src, rows } = await read(write('a.npy', npyBytes('<f4', [7, 3], values)), { classes });
  assert.equal(src.format, 'npy');
  assert.deepEqual(src.columns, classes);
  assert.equal(src.rows, 7);
  assert.equal(src.image, undefined);
  assert.deepEqual(rows, matrix(values, 3));
});

test('.npy float16 reads the same numbers as float32', async () => {
  const values = scores(5 * 3, 2);
  const { rows } = await read(write('h.npy', npyBytes('<f2', [5, 3], values)), { classes });
  assert.deepEqual(rows, matrix(values, 3));
});

test('.npy float64 and big-endian float32 are read too', async () => {
  const values = scores(4 * 3, 3);
  assert.deepEqual((await read(write('d.npy', npyBytes('<f8', [4, 3], values)), { classes })).rows, matrix(values, 3));
  assert.deepEqual((await read(write('be.npy', npyBytes('>f4', [4, 3], values)), { classes })).rows, matrix(values, 3));
});

test('3-D arrays are classes x height x width (PyTorch), one sample per pixel in row-major pixel order', async () => {
  const [h, w] = [4, 5];
  const planes = scores(3 * h * w, 4);
  for (const dtype of ['<f4', '<f2'] as const) {
    const { src, rows } = await read(write(`chw${dtype.slice(1)}.npy`, npyBytes(dtype, [3, h, w], planes)), { classes });
    assert.deepEqual(src.image, { height: h, width: w });
    assert.equal(src.rows, h * w);
    assert.deepEqual(rows, matrix(chwToRows(planes, 3, h * w), 3), dtype);
  }
});

test('--layout hwc reads height x width x classes; a leading batch axis of 1 is dropped', async () => {
  const [h, w] = [3, 4];
  const pixels = scores(h * w * 3, 5);
  const { src, rows } = await read(write('hwc.npy', npyBytes('<f4', [h, w, 3], pixels)), { classes, layout: 'hwc' });
  assert.deepEqual(src.image, { height: h, width: w });
  assert.deepEqual(rows, matrix(pixels, 3));
  const planes = scores(3 * h * w, 6);
  const batched = await read(write('nchw.npy', npyBytes('<f4', [1, 3, h, w], planes)), { classes });
  assert.deepEqual(batched.rows, matrix(chwToRows(planes, 3, h * w), 3));
});

test('Fortran-order samples x classes (column-major) reads like class planes', async () => {
  const planes = scores(3 * 6, 7);
  const { rows } = await read(write('fortran.npy', npyBytes('<f4', [6, 3], planes, { fortran: true })), { classes });
  assert.deepEqual(rows, matrix(chwToRows(planes, 3, 6), 3));
});

test('a CHW file larger than one batch reads any batch-aligned row range', async () => {
  const [h, w] = [100, 400];
  const planes = scores(3 * h * w, 8);
  const file = write('big-chw.npy', npyBytes('<f4', [3, h, w], planes));
  const all = matrix(chwToRows(planes, 3, h * w), 3);
  const src = await openScores(file, { classes });
  try {
    assert.ok(h * w > 2 * scoreBatchRows);
    assert.deepEqual(await rowsOf(src), all);
    const from = scoreBatchRows;
    assert.deepEqual(await rowsOf(src, from, from + scoreBatchRows + 10), all.slice(from, from + scoreBatchRows + 10));
  } finally {
    await src.close();
  }
});

test('.npz: the scores array and a classes array inside, stored or compressed', async () => {
  const [h, w] = [6, 7];
  const planes = scores(3 * h * w, 9);
  const expected = matrix(chwToRows(planes, 3, h * w), 3);
  for (const compressed of [false, true]) {
    const file = write(`s${compressed ? 'c' : ''}.npz`, npzBytes({ scores: npyBytes('<f2', [3, h, w], planes), classes: npyStrings(classes) }, compressed));
    const { src, rows } = await read(file);
    assert.equal(src.format, 'npz');
    assert.deepEqual(src.columns, classes);
    assert.deepEqual(src.image, { height: h, width: w });
    assert.deepEqual(rows, expected, compressed ? 'savez_compressed' : 'savez');
  }
});

test('.npz with several arrays takes the one --key names', async () => {
  const a = scores(4 * 3, 10);
  const file = write('two.npz', npzBytes({ logits: npyBytes('<f4', [4, 3], scores(12, 11)), probs: npyBytes('<f4', [4, 3], a) }));
  await assert.rejects(openScores(file, { classes }), /two\.npz holds several arrays \(logits, probs\): choose one with --key/);
  assert.deepEqual((await read(file, { classes, key: 'probs' })).rows, matrix(a, 3));
});

test('safetensors: F32, F16 and BF16 tensors, class names from the metadata', async () => {
  for (const dtype of ['F32', 'F16', 'BF16'] as const) {
    // bfloat16 keeps 8 significant bits: multiples of 1/128 are exact.
    const values = scores(5 * 3, 12).map((x) => (dtype === 'BF16' ? Math.round(x * 128) / 128 : x));
    const file = write(`t-${dtype}.safetensors`, safetensorsBytes({ scores: { dtype, shape: [3, 1, 5], values } }, { classes: JSON.stringify(classes) }));
    const { src, rows } = await read(file);
    assert.equal(src.format, 'safetensors');
    assert.deepEqual(src.columns, classes);
    assert.deepEqual(rows, matrix(chwToRows(values, 3, 5), 3), dtype);
  }
});

test('Parquet: one float or double column per class; other columns are not classes', async () => {
  const n = 5000;
  const dog = scores(n, 13);
  const cat = Array.from(scores(n, 14));
  const file = write('p.parquet', new Uint8Array(parquetWriteBuffer({
    columnData: [
      { name: 'dog', data: dog, type: 'FLOAT' },
      { name: 'pixel', data: Array.from({ length: n }, (_, i) => i), type: 'INT32' },
      { name: 'cat', data: cat, type: 'DOUBLE' },
    ],
    rowGroupSize: 1500,
  })));
  const { src, rows } = await read(file);
  assert.equal(src.format, 'parquet');
  assert.deepEqual(src.columns, ['dog', 'cat']);
  assert.equal(src.rows, n);
  assert.deepEqual(rows, Array.from({ length: n }, (_, i) => [dog[i], cat[i]]));
});

test('Arrow IPC, file and stream formats, float16/32/64 columns', async () => {
  const n = 6000;
  const dog = scores(n, 15);
  const cat = Float64Array.from(scores(n, 16));
  const table = tableFromArrays({ dog, cat });
  const expected = Array.from({ length: n }, (_, i) => [dog[i]!, cat[i]!]);
  for (const kind of ['file', 'stream'] as const) {
    const { src, rows } = await read(write(`a.${kind === 'file' ? 'arrow' : 'arrows'}`, tableToIPC(table, kind)));
    assert.equal(src.format, 'arrow');
    assert.deepEqual(src.columns, ['dog', 'cat']);
    assert.deepEqual(rows, expected, kind);
  }
  const half = new Table({ bird: vectorFromArray([0.5, 0.25, 1], new Float16()) });
  assert.deepEqual((await read(write('h.feather', tableToIPC(half, 'file')))).rows, [[0.5], [0.25], [1]]);
});

test('--classes files: one name per line, blank lines and surrounding spaces ignored', () => {
  const file = write('classes.txt', 'dog\r\n cat \n\nbird\n');
  assert.deepEqual(readClassNames(file), classes);
});

/** The one-line message openScores or reading fails with. */
async function failure(file: string, options: ScoreFileOptions = {}): Promise<string> {
  try {
    const src = await openScores(file, options);
    try {
      await rowsOf(src);
    } finally {
      await src.close();
    }
  } catch (e) {
    const message = (e as Error).message;
    assert.ok(!message.includes('\n'), `one line: ${message}`);
    return message;
  }
  assert.fail(`${path.basename(file)} was read without an error`);
}

test('the range check: 0, -0, 1 and the float32 just below 1 pass; the first score out of range is named, in rows and in class planes', () => {
  const columns = ['a', 'b', 'c'];
  const below1 = new Float32Array(new Uint32Array([0x3f7fffff]).buffer)[0]!;
  const above1 = new Float32Array(new Uint32Array([0x3f800001]).buffer)[0]!;
  for (const plane of [undefined, 4]) {
    // Two rows of three columns; planar batches hold each column's rows `plane` entries apart.
    const at = (row: number, col: number) => (plane ? col * plane + row : row * 3 + col);
    const batch = (values: number[]) => {
      const data = new Float32Array(plane ? 3 * plane : 6);
      values.forEach((v, i) => (data[at(Math.floor(i / 3), i % 3)] = v));
      return { data, rows: 2, firstRow: 10, ...(plane ? { plane } : {}) };
    };
    assert.doesNotThrow(() => checkScores(batch([0, -0, 1, below1, 0.5, 0.25]), columns, 'f'));
    for (const [bad, message] of [
      [above1, /f: sample 11: score 1\.0000001192092896 for 'b' is outside \[0, 1\]/],
      [-0.5, /sample 11: score -0.5 for 'b' is outside/],
      [Infinity, /sample 11: score Infinity for 'b'/],
      [Number.NaN, /f: sample 11 has no score for 'b' \(NaN\)/],
    ] as const) {
      assert.throws(() => checkScores(batch([0, -0, 1, 0.5, bad, 2]), columns, 'f'), message);
    }
  }
});

test('clear one-line errors: truncated file, wrong dtype, class count mismatch, missing names, bad scores', async () => {
  const whole = npyBytes('<f4', [4, 3], scores(12, 17));
  assert.match(await failure(write('cut.npy', whole.subarray(0, whole.length - 8)), { classes }), /cut\.npy is truncated: its header promises 4 × 3 float32 scores \(48 bytes\) but 40 bytes follow it/);
  assert.match(await failure(write('cut-header.npy', whole.subarray(0, 20)), { classes }), /cut-header\.npy is truncated/);
  assert.match(await failure(write('int.npy', npyBytes('<i4', [4, 3], [1, 0, 0, 0, 1, 0, 0, 0, 1, 1, 0, 0])), { classes }), /int\.npy holds int32 \('<i4'\): scores must be float16, float32 or float64/);
  assert.match(await failure(write('u8.npy', npyBytes('|u1', [4, 3], new Array(12).fill(0))), { classes }), /uint8/);
  assert.match(await failure(write('mismatch.npy', npyBytes('<f4', [3, 2, 2], scores(12, 18))), { classes: ['dog', 'cat', 'bird', 'fish'] }), /mismatch\.npy has 3 classes \(axis 0 of shape \(3, 2, 2\)\) but --classes names 4/);
  assert.match(await failure(write('hwc-mismatch.npy', npyBytes('<f4', [2, 2, 3], scores(12, 18))), { classes: ['dog', 'cat'], layout: 'hwc' }), /has 3 classes \(axis 2 of shape \(2, 2, 3\)\) but --classes names 2/);
  assert.match(await failure(write('nonames.npy', whole)), /nonames\.npy has no class names: give --classes FILE/);
  assert.match(await failure(write('1d.npy', npyBytes('<f4', [12], scores(12, 19))), { classes }), /1d\.npy has shape \(12,\): expected samples × classes/);
  const bad = Float32Array.from(scores(12, 20));
  bad[7] = 1.5;
  assert.match(await failure(write('range.npy', npyBytes('<f4', [4, 3], bad)), { classes }), /range\.npy: sample 2: score 1\.5 for 'cat' is outside \[0, 1\]/);
  bad[7] = Number.NaN;
  assert.match(await failure(write('nan.npy', npyBytes('<f4', [4, 3], bad)), { classes }), /nan\.npy: sample 2 has no score for 'cat' \(NaN\)/);
  assert.match(await failure(write('garbage.npy', 'not an array at all, just text')), /garbage\.npy is not an \.npy file/);
  assert.match(await failure(write('x.csv', 'dog,cat\n0.1,0.2\n')), /x\.csv: unknown score format '\.csv'/);
  assert.match(await failure(write('badzip.npz', 'PK not a zip')), /badzip\.npz is not a readable \.npz/);
  const st = safetensorsBytes({ scores: { dtype: 'I32', shape: [2, 3], values: [0, 1, 0, 1, 0, 1] } });
  assert.match(await failure(write('int.safetensors', st), { classes }), /int\.safetensors holds I32: scores must be F16, BF16, F32 or F64/);
  assert.match(await failure(write('cut.safetensors', safetensorsBytes({ s: { dtype: 'F32', shape: [2, 3], values: scores(6) } }).subarray(0, 40)), { classes }), /cut\.safetensors is truncated/);
});

test('files written by NumPy itself (np.save, np.savez_compressed with class names)', async (t) => {
  const python = pythonWithNumpy();
  if (!python) {
    t.skip('NumPy is not installed for any Python here (set NESY_PYTHON, or apt-get install python3-numpy)');
    return;
  }
  const dir = path.join(tmp, 'numpy');
  fs.mkdirSync(dir, { recursive: true });
  const script = `
import numpy as np, sys, json
rng = np.random.default_rng(3)
x = rng.random((3, 4, 5)).astype(np.float32)
np.save(sys.argv[1] + '/chw32.npy', x)
np.save(sys.argv[1] + '/chw16.npy', x.astype(np.float16))
np.save(sys.argv[1] + '/hwc32.npy', np.ascontiguousarray(x.transpose(1, 2, 0)))
np.savez_compressed(sys.argv[1] + '/named.npz', scores=x.astype(np.float16), classes=np.array(['dog', 'cat', 'bird']))
rows = x.reshape(3, -1).T
print(json.dumps({'f32': rows.astype(np.float64).tolist(), 'f16': rows.astype(np.float16).astype(np.float64).tolist()}))
`;
  const r = spawnSync(python, ['-c', script, dir], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  const expected = JSON.parse(r.stdout) as { f32: number[][]; f16: number[][] };
  assert.deepEqual((await read(path.join(dir, 'chw32.npy'), { classes })).rows, expected.f32);
  assert.deepEqual((await read(path.join(dir, 'chw16.npy'), { classes })).rows, expected.f16);
  assert.deepEqual((await read(path.join(dir, 'hwc32.npy'), { classes, layout: 'hwc' })).rows, expected.f32);
  const named = await read(path.join(dir, 'named.npz'));
  assert.deepEqual(named.src.columns, classes);
  assert.deepEqual(named.rows, expected.f16);
});
