// --repair writes the input's own format (src/languages/fol/repair.ts): for .npz (stored and deflated),
// .safetensors (F32, F16, BF16), Arrow (file and stream) and Parquet, the repaired file reads back with the
// numbers of the JSON repair of the same scores, in the same dtype, shape, layout and compression, and
// whatever else the file held (other members and tensors, metadata, id columns) comes back as it was.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { Float32 as ArrowFloat32, Float64 as ArrowFloat64, Int32, tableFromArrays, tableFromIPC, tableToIPC } from 'apache-arrow';
import { unzipSync } from 'fflate';
import { parquetMetadata, parquetReadObjects } from 'hyparquet';
import { parquetWriteBuffer } from 'hyparquet-writer';
import { analyzeRulesFile, checkPredictions } from '../../src/languages/fol/predictions';
import { openScores } from '../../src/languages/fol/scoreFiles';
import { repoRoot } from '../helpers/data';
import { chwToRows, npyBytes, npyStrings, npzBytes, safetensorsBytes, scores } from '../helpers/scoreFiles';

const tmp = path.join(repoRoot, '.test-tmp', 'fol-repair-formats');
fs.rmSync(tmp, { recursive: true, force: true });
fs.mkdirSync(tmp, { recursive: true });
const rulesFile = path.join(repoRoot, 'test', 'fixtures', 'fol', 'animals.fol');
const classes = ['mammal', 'bird', 'dog', 'cat', 'sparrow', 'penguin'];
const [h, w] = [3, 5];
const pixels = h * w;
const planes = scores(classes.length * pixels, 31);
const rows = chwToRows(planes, classes.length, pixels);
const modes = ['max', 'path'] as const;

function write(name: string, bytes: Uint8Array | string): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, bytes);
  return file;
}

async function repair(input: string, mode: 'max' | 'path', out: string, options: { classes?: string[]; key?: string } = {}): Promise<void> {
  await checkPredictions(await analyzeRulesFile(rulesFile), input, { repair: mode, repairOut: out, ...options });
}

/** The repaired rows, as the JSON repair of the same scores gives them. */
const expected = new Map<string, number[][]>();
async function expectedRows(mode: 'max' | 'path'): Promise<number[][]> {
  if (!expected.has(mode)) {
    const input = write('scores.json', JSON.stringify({ classes, scores: Array.from({ length: pixels }, (_, p) => Array.from(rows.subarray(p * 6, p * 6 + 6))) }));
    const out = path.join(tmp, `expected-${mode}.json`);
    await repair(input, mode, out);
    expected.set(mode, (JSON.parse(fs.readFileSync(out, 'utf8')) as { scores: number[][] }).scores);
  }
  return expected.get(mode)!;
}

/** Reads a score file back as rows of the classes, in order. */
async function readRows(file: string, options: { classes?: string[]; key?: string } = {}): Promise<number[][]> {
  const src = await openScores(file, options);
  const out: number[][] = [];
  const order = classes.map((c) => src.columns.indexOf(c));
  for await (const b of src.batches()) {
    for (let r = 0; r < b.rows; r++) out.push(order.map((c) => (b.plane ? b.data[c * b.plane + r]! : b.data[r * src.columns.length + c]!)));
  }
  await src.close();
  return out;
}

function fileBuffer(file: string): ArrayBuffer {
  const b = fs.readFileSync(file);
  return b.buffer.slice(b.byteOffset, b.byteOffset + b.length) as ArrayBuffer;
}

function assertClose(got: number[][], want: number[][], tolerance: number, what: string): void {
  assert.equal(got.length, want.length, `${what}: rows`);
  got.forEach((row, r) => row.forEach((x, c) => assert.ok(Math.abs(x - want[r]![c]!) <= tolerance, `${what} row ${r} ${classes[c]}: ${x} vs ${want[r]![c]}`)));
}

/** max repair really changed something, so a writer that copied its input would fail. */
test('the scores need repair', async () => {
  const want = await expectedRows('max');
  assert.ok(want.some((row, r) => row.some((x, c) => Math.abs(x - rows[r * 6 + c]!) > 1e-3)));
});

for (const compressed of [false, true]) {
  test(`.npz (${compressed ? 'np.savez_compressed' : 'np.savez'}): the array rewritten, the classes and other arrays as they were, each member compressed as before`, async () => {
    const members = {
      scores: npyBytes('<f2', [1, classes.length, h, w], planes),
      classes: npyStrings(classes),
      logits_scale: npyBytes('<f4', [2], [1.5, 2.5]),
    };
    const input = write(`in-${compressed}.npz`, npzBytes(members, compressed));
    for (const mode of modes) {
      const out = path.join(tmp, `out-${compressed}-${mode}.npz`);
      await repair(input, mode, out, { key: 'scores' });
      assertClose(await readRows(out, { key: 'scores' }), await expectedRows(mode), 1e-3, `npz ${mode}`);
      const back = unzipSync(fs.readFileSync(out));
      assert.deepEqual(Object.keys(back).sort(), ['classes.npy', 'logits_scale.npy', 'scores.npy']);
      assert.deepEqual(Buffer.from(back['classes.npy']!), members.classes);
      assert.deepEqual(Buffer.from(back['logits_scale.npy']!), members.logits_scale);
      // The same .npy header: float16, (1, 6, 3, 5), C order.
      assert.deepEqual(Buffer.from(back['scores.npy']!.subarray(0, 128)), members.scores.subarray(0, 128));
      // Compression as in the input: the local header's method field (0 stored, 8 deflated) for every member.
      const bytes = fs.readFileSync(out);
      for (let at = bytes.indexOf('PK\x03\x04'); at >= 0; at = bytes.indexOf('PK\x03\x04', at + 4)) {
        if (bytes.readUInt32LE(at) !== 0x04034b50) continue;
        assert.equal(bytes.readUInt16LE(at + 8), compressed ? 8 : 0);
      }
    }
  });
}

test('.safetensors: the tensor rewritten in its dtype (F32, F16, BF16), the metadata and other tensors byte for byte', async () => {
  for (const dtype of ['F32', 'F16', 'BF16'] as const) {
    const other = { dtype: 'F32' as const, shape: [3], values: [0.25, 0.5, 0.75] };
    const input = write(`in-${dtype}.safetensors`, safetensorsBytes({ bias: other, scores: { dtype, shape: [h, w, classes.length], values: rows } }, { classes: JSON.stringify(classes), producer: 'test' }));
    for (const mode of modes) {
      const out = path.join(tmp, `out-${dtype}-${mode}.safetensors`);
      await repair(input, mode, out, { key: 'scores', layout: 'hwc' } as never);
      const tolerance = dtype === 'F32' ? 1e-6 : dtype === 'F16' ? 1e-3 : 4e-3;
      assertClose(await readRows(out, { key: 'scores', layout: 'hwc' } as never), await expectedRows(mode), tolerance, `safetensors ${dtype} ${mode}`);
      const a = fs.readFileSync(input);
      const b = fs.readFileSync(out);
      assert.equal(b.length, a.length);
      const headerEnd = 8 + Number(a.readBigUInt64LE(0));
      assert.deepEqual(b.subarray(0, headerEnd + 12), a.subarray(0, headerEnd + 12), 'header, metadata and the bias tensor (first in the data)');
    }
  }
});

test('Arrow, file and stream: the class columns rewritten in their float types, the id column as it was', async () => {
  const columns: Record<string, Float32Array | Float64Array | Int32Array> = { id: Int32Array.from({ length: pixels }, (_, i) => 1000 + i) };
  classes.forEach((c, k) => {
    const values = Array.from({ length: pixels }, (_, p) => rows[p * 6 + k]!);
    columns[c] = k % 2 ? Float64Array.from(values) : Float32Array.from(values);
  });
  for (const form of ['file', 'stream'] as const) {
    const input = write(`in.${form === 'file' ? 'arrow' : 'arrows'}`, tableToIPC(tableFromArrays(columns), form));
    for (const mode of modes) {
      const out = path.join(tmp, `out-${mode}.${form === 'file' ? 'arrow' : 'arrows'}`);
      await repair(input, mode, out);
      assertClose(await readRows(out), await expectedRows(mode), 1e-6, `arrow ${form} ${mode}`);
      const bytes = fs.readFileSync(out);
      assert.equal(bytes.subarray(0, 6).toString('latin1') === 'ARROW1', form === 'file', 'the same IPC form');
      const table = tableFromIPC(bytes);
      assert.deepEqual(table.schema.fields.map((f) => [f.name, String(f.type)]), [['id', String(new Int32())], ...classes.map((c, k) => [c, String(k % 2 ? new ArrowFloat64() : new ArrowFloat32())])]);
      assert.deepEqual(Array.from(table.getChild('id')!.toArray() as Int32Array), Array.from(columns.id!));
    }
  }
});

test('Parquet: the class columns rewritten, the schema, metadata, row groups and id and label columns as they were', async () => {
  const columnData = [
    { name: 'id', data: Int32Array.from({ length: pixels }, (_, i) => 7 * i), type: 'INT32' as const },
    { name: 'label', data: Array.from({ length: pixels }, (_, i) => `px${i}`), type: 'STRING' as const },
    ...classes.map((c, k) => ({ name: c, data: Float32Array.from({ length: pixels }, (_, p) => rows[p * 6 + k]!), type: k % 2 ? ('DOUBLE' as const) : ('FLOAT' as const) })),
  ];
  const input = write('in.parquet', new Uint8Array(parquetWriteBuffer({ columnData, rowGroupSize: 6, kvMetadata: [{ key: 'model', value: 'segformer' }] })));
  for (const mode of modes) {
    const out = path.join(tmp, `out-${mode}.parquet`);
    await repair(input, mode, out);
    assertClose(await readRows(out), await expectedRows(mode), 1e-6, `parquet ${mode}`);
    const arrayBuffer = fileBuffer(out);
    const meta = parquetMetadata(arrayBuffer);
    const metaIn = parquetMetadata(fileBuffer(input));
    assert.deepEqual(meta.schema.map((s) => [s.name, s.type]), metaIn.schema.map((s) => [s.name, s.type]));
    assert.deepEqual(meta.row_groups.map((g) => Number(g.num_rows)), [6, 6, 3]);
    assert.deepEqual(meta.key_value_metadata, [{ key: 'model', value: 'segformer' }]);
    const objects = await parquetReadObjects({ file: arrayBuffer, columns: ['id', 'label'] });
    assert.deepEqual(objects.map((o) => [o.id, o.label]), Array.from({ length: pixels }, (_, i) => [7 * i, `px${i}`]));
  }
});
