// The prediction checker over every score format: the compiled batch kernels agree with the one-row
// reference semantics, the same numbers give the same report in JSON, .npy (2-D, CHW, HWC, float16),
// Parquet and Arrow, and tallies of row ranges merge into exactly the tally of the whole file.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import fc from 'fast-check';
import { tableFromArrays, tableToIPC } from 'apache-arrow';
import { parquetWriteBuffer } from 'hyparquet-writer';
import type { Prop } from '../../src/languages/fol/monadic';
import { analyzeRulesFile, checkPredictions, compileCrisp, compileFuzzy, ruleSetOf, tallySource, type PredictionReport, type RuleSet } from '../../src/languages/fol/predictions';
import { compileTallyKernels } from '../../src/languages/fol/ruleKernels';
import { floatToHalf, halfToFloat, openScores, scoreBatchRows, type ScoreBatch, type ScoreSource } from '../../src/languages/fol/scoreFiles';
import { addTally, emptyTally, ExactSum, Worst } from '../../src/languages/fol/tally';
import { repoRoot } from '../helpers/data';
import { chwToRows, npyBytes, scores } from '../helpers/scoreFiles';
import { fuzzParameters } from '../fuzz/support/runs';

const tmp = path.join(repoRoot, '.test-tmp', 'fol-predictions-formats');
fs.rmSync(tmp, { recursive: true, force: true });
fs.mkdirSync(tmp, { recursive: true });
const rulesFile = path.join(repoRoot, 'test', 'fixtures', 'fol', 'animals.fol');
const classes = ['mammal', 'bird', 'dog', 'cat', 'sparrow', 'penguin'];

const v = (name: string): Prop => ({ kind: 'var', name });
const cols = ['a', 'b', 'c', 'd', 'e', 'f'];
const prop: fc.Arbitrary<Prop> = fc.letrec<{ p: Prop }>((tie) => ({
  p: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    fc.constantFrom(...cols).map(v),
    fc.boolean().map((value): Prop => ({ kind: 'bool', value })),
    tie('p').map((arg): Prop => ({ kind: 'not', arg })),
    fc.tuple(fc.constantFrom('and' as const, 'or' as const), fc.array(tie('p'), { minLength: 1, maxLength: 4 })).map(([kind, args]): Prop => ({ kind, args })),
    fc.tuple(fc.constantFrom('implies' as const, 'iff' as const), tie('p'), tie('p')).map(([kind, left, right]): Prop => ({ kind, left, right })),
  ),
})).p;

/** E-rules of one sibling group, in the shape hierarchyRules writes them: k -> !o1 & !o2 & ... */
function exclusions(siblings: string[]): Prop[] {
  return siblings.map((k) => {
    const nots = siblings.filter((o) => o !== k).map((o): Prop => ({ kind: 'not', arg: v(o) }));
    return { kind: 'implies', left: v(k), right: nots.length === 1 ? nots[0]! : { kind: 'and', args: nots } };
  });
}

/** A source over scores in memory, row-major or in class planes. */
function memorySource(rows: Float32Array, width: number, planar: boolean): ScoreSource {
  const n = rows.length / width;
  return {
    path: 'memory',
    format: 'npy',
    columns: cols.slice(0, width),
    complete: true,
    rows: n,
    seekable: true,
    async *batches(from = 0, to = Infinity) {
      const B = scoreBatchRows;
      for (let first = from; first < Math.min(n, to); first += B) {
        const count = Math.min(B, Math.min(n, to) - first);
        if (!planar) {
          yield { data: rows.slice(first * width, (first + count) * width), rows: count, firstRow: first } satisfies ScoreBatch;
        } else {
          const data = new Float32Array(width * B);
          for (let c = 0; c < width; c++) for (let r = 0; r < count; r++) data[c * B + r] = rows[(first + r) * width + c]!;
          yield { data, rows: count, firstRow: first, plane: B } satisfies ScoreBatch;
        }
      }
    },
    async close() {},
  };
}

test('the batch kernels agree with the one-row semantics on random rules, both layouts', async () => {
  const n = 3000;
  const data = scores(n * cols.length, 21);
  await fc.assert(
    fc.asyncProperty(fc.array(prop, { minLength: 1, maxLength: 8 }), fc.boolean(), fc.constantFrom(0.25, 0.5, 0.7), async (random, planar, threshold) => {
      const bodies = [...random, ...exclusions(['a', 'b', 'c', 'd']), ...exclusions(['e', 'f'])];
      const set: RuleSet = { rules: bodies.map((body, i) => ({ name: `r${i}`, kind: 'user', body, text: '' })), skipped: [], roots: [], classes: cols };
      const tally = await tallySource(set, memorySource(data, cols.length, planar), { threshold, worst: 3 });
      const col = (c: string) => cols.indexOf(c);
      bodies.forEach((body, i) => {
        const fuzzy = compileFuzzy(body, col);
        const crisp = compileCrisp(body, col, threshold);
        let violations = 0;
        let err = 0;
        const worst = new Worst(3);
        for (let r = 0; r < n; r++) {
          const t = fuzzy(data, r * cols.length);
          err += (1 - t) ** 5;
          if (!crisp(data, r * cols.length)) violations++;
          if (t < worst.limit) worst.offer(r, t);
        }
        const got = tally.rules[i]!;
        assert.equal(got.violations, violations, `violations of rule ${i}`);
        const sum = new ExactSum([...got.err]).value();
        assert.ok(Math.abs(sum - err) <= 1e-9 * Math.max(1, err), `error sum of rule ${i}: ${sum} vs ${err}`);
        assert.deepEqual(got.worst.map((w) => w.truth.toFixed(12)), worst.items.map((w) => w.truth.toFixed(12)));
      });
    }),
    fuzzParameters(25),
  );
});

test('an exclusion group shares one kernel', () => {
  const col = (c: string) => cols.indexOf(c);
  const kernels = compileTallyKernels([...exclusions(['a', 'b', 'c', 'd']), v('e')], col, 0.5, { rowStride: 6, colStride: 1 });
  assert.deepEqual(kernels.map((k) => k.rules), [[0, 1, 2, 3], [4]]);
});

const count = 2 * scoreBatchRows + 1234;
const values = scores(count * classes.length, 22);

async function reportOf(file: string, options: Parameters<typeof checkPredictions>[2] = {}): Promise<PredictionReport> {
  return checkPredictions(await analyzeRulesFile(rulesFile), file, { worst: 4, ...options });
}

function write(name: string, bytes: Uint8Array | string): string {
  const file = path.join(tmp, name);
  fs.writeFileSync(file, bytes);
  return file;
}

test('the same numbers give the same report from JSON, .npy (float32, float16, CHW, HWC), Parquet and Arrow', async () => {
  const rows = Array.from({ length: count }, (_, r) => Array.from(values.subarray(r * classes.length, (r + 1) * classes.length)));
  const json = await reportOf(write('s.json', JSON.stringify({ classes, scores: rows })));
  assert.equal(json.samples, count);
  assert.ok(json.rules.length > 10);
  assert.ok(json.rules.some((r) => r.violation_rate > 0));
  const planes = new Float32Array(classes.length * count);
  for (let r = 0; r < count; r++) for (let c = 0; c < classes.length; c++) planes[c * count + r] = values[r * classes.length + c]!;
  assert.deepEqual(chwToRows(planes, classes.length, count), values);
  const [h, w] = [count / 2, 2];
  const same = {
    npy: await reportOf(write('s.npy', npyBytes('<f4', [count, classes.length], values)), { classes }),
    float16: await reportOf(write('s16.npy', npyBytes('<f2', [count, classes.length], values)), { classes }),
    chw: await reportOf(write('chw.npy', npyBytes('<f4', [classes.length, h, w], planes)), { classes }),
    hwc: await reportOf(write('hwc.npy', npyBytes('<f4', [h, w, classes.length], values)), { classes, layout: 'hwc' }),
    parquet: await reportOf(write('s.parquet', new Uint8Array(parquetWriteBuffer({ columnData: classes.map((c, i) => ({ name: c, data: Array.from({ length: count }, (_, r) => values[r * classes.length + i]!), type: 'FLOAT' as const })), rowGroupSize: 5000 })))),
    arrow: await reportOf(write('s.arrow', tableToIPC(tableFromArrays(Object.fromEntries(classes.map((c, i) => [c, Float32Array.from({ length: count }, (_, r) => values[r * classes.length + i]!)]))), 'file'))),
  };
  for (const [format, report] of Object.entries(same)) assert.deepEqual(report, json, format);
});

test('tallies of batch-aligned row ranges merge into exactly the tally of the whole file', async () => {
  // Fortran order, so each batch is read plane by plane.
  const planes = new Float32Array(classes.length * count);
  for (let r = 0; r < count; r++) for (let c = 0; c < classes.length; c++) planes[c * count + r] = values[r * classes.length + c]!;
  const file = write('ranges.npy', npyBytes('<f4', [count, classes.length], planes, { fortran: true }));
  const set = ruleSetOf(await analyzeRulesFile(rulesFile));
  const tallyOf = async (from?: number, to?: number) => {
    const src = await openScores(file, { classes });
    try {
      return await tallySource(set, src, { worst: 4, from, to });
    } finally {
      await src.close();
    }
  };
  const whole = await tallyOf();
  const merged = emptyTally(whole.rules.length);
  // Merged out of order on purpose: exact sums do not depend on it.
  for (const [from, to] of [[scoreBatchRows, 2 * scoreBatchRows], [2 * scoreBatchRows, count], [0, scoreBatchRows]] as const) {
    const part = await tallyOf(from, to);
    assert.deepEqual(part.active, whole.active);
    addTally(merged, part, 0, 4);
  }
  assert.equal(merged.samples, whole.samples);
  merged.rules.forEach((r, i) => {
    const w = whole.rules[i]!;
    assert.equal(r.violations, w.violations);
    assert.equal(new ExactSum([...r.err]).value(), new ExactSum([...w.err]).value());
    assert.deepEqual(r.worst, w.worst);
  });
});

test('exact sums do not depend on the order of addition', () => {
  const xs = Array.from(scores(2000, 23), (x, i) => x ** 5 * (i % 7 === 0 ? 1e8 : 1e-3));
  const forward = new ExactSum();
  xs.forEach((x) => forward.add(x));
  const backward = new ExactSum();
  [...xs].reverse().forEach((x) => backward.add(x));
  const halves = new ExactSum();
  const second = new ExactSum();
  xs.slice(1000).forEach((x) => second.add(x));
  xs.slice(0, 1000).forEach((x) => halves.add(x));
  halves.addAll(second.partials);
  assert.equal(forward.value(), backward.value());
  assert.equal(forward.value(), halves.value());
});

test('repair of an .npy writes an .npy of the same dtype, shape and layout; the numbers are the JSON repair\'s', async () => {
  const [h, w] = [3, 5];
  const planes = scores(classes.length * h * w, 24);
  const rows = chwToRows(planes, classes.length, h * w);
  for (const dtype of ['<f4', '<f2'] as const) {
    for (const mode of ['max', 'path'] as const) {
      const input = write(`repair-${dtype.slice(1)}.npy`, npyBytes(dtype, [classes.length, h, w], planes));
      const out = path.join(tmp, `repaired-${mode}-${dtype.slice(1)}.npy`);
      await reportOf(input, { classes, repair: mode, repairOut: out });
      const jsonOut = path.join(tmp, `repaired-${mode}.json`);
      await reportOf(write('repair.json', JSON.stringify({ classes, scores: matrixOf(rows) })), { repair: mode, repairOut: jsonOut });
      const expected = (JSON.parse(fs.readFileSync(jsonOut, 'utf8')) as { scores: number[][] }).scores;
      // Same header (dtype, shape, CHW layout), read back pixel by pixel.
      assert.deepEqual(fs.readFileSync(out).subarray(0, 128), fs.readFileSync(input).subarray(0, 128));
      const src = await openScores(out, { classes });
      const got: number[][] = [];
      for await (const b of src.batches()) for (let r = 0; r < b.rows; r++) got.push(classes.map((_, c) => b.data[c * b.plane! + r]!));
      await src.close();
      const tolerance = dtype === '<f2' ? 1e-3 : 1e-6;
      got.forEach((row, r) => row.forEach((x, c) => assert.ok(Math.abs(x - expected[r]![c]!) <= tolerance, `${mode} ${dtype} pixel ${r} ${classes[c]}: ${x} vs ${expected[r]![c]}`)));
      const at = (row: number[], name: string) => row[classes.indexOf(name)]!;
      if (mode === 'max') for (const row of got) assert.ok(at(row, 'mammal') >= at(row, 'dog') && at(row, 'bird') >= at(row, 'penguin'));
    }
  }
});

test('float16 encoding rounds to nearest even and reads back through the table', () => {
  const table = halfToFloat();
  for (const x of [0, 1, 0.5, 1 / 3, 0.1, 1e-5, 6.1e-5, 2 ** -24, 2 ** -25, 65504]) {
    const h = floatToHalf(x);
    const back = table[h]!;
    // Nothing closer in float16: the neighbours are no nearer to x.
    assert.ok(Math.abs(table[h + 1]! - x) >= Math.abs(back - x) && (h === 0 || Math.abs(table[h - 1]! - x) >= Math.abs(back - x)), `${x} -> ${back}`);
  }
  assert.equal(floatToHalf(1), 0x3c00);
  assert.equal(floatToHalf(0.5), 0x3800);
});

function matrixOf(rows: Float32Array): number[][] {
  return Array.from({ length: rows.length / classes.length }, (_, r) => Array.from(rows.subarray(r * classes.length, (r + 1) * classes.length)));
}

test('a check stops between batches once its signal aborts (a cancelled editor request)', async () => {
  const set: RuleSet = { rules: [{ name: 'r', kind: 'user', body: { kind: 'implies', left: v('a'), right: v('b') }, text: '' }], skipped: [], roots: [], classes: cols };
  const data = scores(3 * scoreBatchRows * 6, 90);
  const controller = new AbortController();
  let batches = 0;
  const running = tallySource(set, memorySource(data, 6, false), {
    signal: controller.signal,
    onBatch: () => {
      batches++;
      controller.abort(new Error('cancelled'));
    },
  });
  await assert.rejects(running, /^Error: cancelled$/);
  assert.equal(batches, 1);
});
