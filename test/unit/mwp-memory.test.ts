// The MWP retrieval memory: its file format, its corruption checks, nearest-neighbour order, and that
// the committed memory was written by the committed encoder.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { MwpMemory } from '../../src/neural/mwpMemory';
import { MwpModel } from '../../src/neural/mwp';
import { defaultModelsDir } from '../../src/neural/modelFiles';
import { hasSharedData, repoRoot, interMwpValid } from '../helpers/data';

/** Writes a memory in memory.py's format: int8 rows, float32 scales, uint16 template ids. */
function writeMemory(dir: string, rows: number[][], templates: string[], rowTemplate: number[]): { json: string; bin: string } {
  const dim = rows[0].length;
  const scales = rows.map((r) => Math.max(...r.map(Math.abs)) / 127);
  const ints = Int8Array.from(rows.flatMap((r, i) => r.map((x) => Math.round(x / scales[i]))));
  const json = path.join(dir, 'memory.json');
  const bin = path.join(dir, 'memory.bin');
  fs.writeFileSync(json, JSON.stringify({ format: 1, rows: rows.length, dim, templates }));
  fs.writeFileSync(bin, Buffer.concat([Buffer.from(ints.buffer), Buffer.from(Float32Array.from(scales).buffer), Buffer.from(Uint16Array.from(rowTemplate).buffer)]));
  return { json, bin };
}

test('nearest rows come best first, k at most, each with its template and cosine similarity', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nesy-memory-'));
  try {
    const rows = [
      [1, 0, 0, 0],
      [0, 1, 0, 0],
      [0.6, 0.8, 0, 0],
      [-1, 0, 0, 0],
      [0.8, 0.6, 0, 0],
    ];
    const f = writeMemory(dir, rows, ['/ N0 N1', '* N0 N1', '+ N0 N1'], [0, 1, 2, 1, 0]);
    const memory = MwpMemory.load(f.json, f.bin);
    assert.equal(memory.rows, 5);
    const found = memory.nearest(Float32Array.from([2, 0, 0, 0]), 3);
    assert.deepEqual(found.map((n) => n.template.join(' ')), ['/ N0 N1', '/ N0 N1', '+ N0 N1']);
    assert.deepEqual(found.map((n) => Math.round(n.similarity * 100) / 100), [1, 0.8, 0.6]);
    assert.equal(memory.nearest(Float32Array.from([0, 0, 1, 0]), 10).length, 5);
    assert.deepEqual(memory.nearest(Float32Array.from([0, 0, 1, 0]), 0), []);
    assert.throws(() => memory.nearest(Float32Array.from([1, 0]), 1), /width 2.*width 4/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a truncated memory or an out-of-range template id is refused with the reason', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nesy-memory-'));
  try {
    const f = writeMemory(dir, [[1, 0], [0, 1]], ['* N0 N1'], [0, 0]);
    const bytes = fs.readFileSync(f.bin);
    fs.writeFileSync(f.bin, bytes.subarray(0, bytes.length - 3));
    assert.throws(() => MwpMemory.load(f.json, f.bin), /corrupt: \d+ bytes where 2 rows of width 2 take 16/);
    const g = writeMemory(dir, [[1, 0], [0, 1]], ['* N0 N1'], [0, 7]);
    assert.throws(() => MwpMemory.load(g.json, g.bin), /template id is out of range/);
    fs.writeFileSync(g.json, '{"rows": 2}');
    assert.throws(() => MwpMemory.load(g.json, g.bin), /not an MWP memory description/);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('a training problem finds itself: the committed memory matches the committed encoder', { skip: !hasSharedData() && 'needs ../shared/data' }, async () => {
  const devIds = new Set<string>(JSON.parse(fs.readFileSync(path.join(repoRoot, 'training', 'mwp', 'dev_split.json'), 'utf8')).dev_ids);
  const valid = interMwpValid();
  const trained = valid.filter((r) => !devIds.has(r.id)).slice(0, 5);
  const model = await MwpModel.load(defaultModelsDir(), 'cpu');
  try {
    for (const row of trained) {
      const [first] = await model.neighbours(row.original_text);
      assert.ok(first.similarity > 0.99, `${row.id}: nearest similarity ${first.similarity}`);
      assert.equal(first.template.join(' '), row.output_prefix, row.id);
    }
  } finally {
    await model.close();
  }
});
