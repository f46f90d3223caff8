// `nesy check-predictions` on what segmentation networks write, through the built CLI (`npm run build`
// first): .npy with --classes (the JSON contract), a directory spread over worker threads (equal to one
// run over the rows concatenated), quoted globs, --per-image, --maps, and --shard + `nesy merge-reports`
// (equal to the unsharded run).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PNG } from 'pngjs';
import { nesy } from '../helpers/cli';
import { repoRoot } from '../helpers/data';
import { chwToRows, npyBytes, npyStrings, npzBytes, scores } from '../helpers/scoreFiles';

const rules = path.join(repoRoot, 'test', 'fixtures', 'fol', 'animals.fol');
const tmp = path.join(repoRoot, '.test-tmp', 'fol-cli-formats');
fs.rmSync(tmp, { recursive: true, force: true });
fs.mkdirSync(tmp, { recursive: true });
const classes = ['mammal', 'bird', 'dog', 'cat', 'sparrow', 'penguin'];
const classesFile = path.join(tmp, 'classes.txt');
fs.writeFileSync(classesFile, classes.join('\n') + '\n');

interface Report {
  rules: { name: string; kind: string; text: string; violation_rate: number; fuzzy_truth: number; worst: { sample: number; truth: number; file?: string; at?: number; x?: number; y?: number }[] }[];
  samples: number;
  skipped: { name: string; reason: string }[];
  files?: number;
  images?: { file: string; samples: number; rules: { name: string; violation_rate: number; fuzzy_truth: number }[] }[];
  maps?: { file: string; rule: string; png: string; blended: boolean }[];
}

function run(args: string[]): { code: number; report: Report; stderr: string } {
  const r = nesy(['check-predictions', rules, ...args, '--json']);
  assert.ok(r.code === 0 || r.code === 1, `exit ${r.code}: ${r.stderr}`);
  return { code: r.code, report: JSON.parse(r.stdout) as Report, stderr: r.stderr };
}

test('the contract: PRED.npy --classes CLASSES.txt --threshold 0.5 --json prints {rules, samples, skipped}, a sample per pixel', () => {
  const [h, w] = [5, 8];
  const file = path.join(tmp, 'one.npy');
  fs.writeFileSync(file, npyBytes('<f4', [classes.length, h, w], scores(classes.length * h * w, 31)));
  const { code, report } = run([file, '--classes', classesFile, '--threshold', '0.5']);
  assert.equal(code, 1);
  assert.deepEqual(Object.keys(report).sort(), ['rules', 'samples', 'skipped']);
  assert.equal(report.samples, h * w);
  assert.deepEqual(Object.keys(report.rules[0]!).sort(), ['fuzzy_truth', 'kind', 'name', 'text', 'violation_rate', 'worst']);
  assert.deepEqual(Object.keys(report.rules[0]!.worst[0]!).sort(), ['sample', 'truth']);
  const c = report.rules.find((r) => r.name === 'animals.C_dog')!;
  assert.ok(c.violation_rate > 0 && c.fuzzy_truth < 1);
});

/** Six images of different sizes as CHW float16 .npy files, and the same rows as one samples × classes file. */
function imageDirectory(name: string): { dir: string; concatenated: string; images: { file: string; h: number; w: number; planes: Float32Array }[] } {
  const dir = path.join(tmp, name);
  fs.mkdirSync(dir, { recursive: true });
  const images = [
    [7, 9],
    [30, 41],
    [1, 5],
    [64, 64],
    [12, 3],
    [50, 200],
  ].map(([h, w], i) => ({ file: `img${i}.npy`, h: h!, w: w!, planes: scores(classes.length * h! * w!, 40 + i) }));
  const rows: Float32Array[] = [];
  for (const img of images) {
    fs.writeFileSync(path.join(dir, img.file), npyBytes('<f2', [classes.length, img.h, img.w], img.planes));
    rows.push(chwToRows(img.planes, classes.length, img.h * img.w));
  }
  const all = new Float32Array(rows.reduce((n, r) => n + r.length, 0));
  let at = 0;
  for (const r of rows) {
    all.set(r, at);
    at += r.length;
  }
  const concatenated = path.join(tmp, `${name}-concatenated.npy`);
  fs.writeFileSync(concatenated, npyBytes('<f4', [all.length / classes.length, classes.length], all));
  return { dir, concatenated, images };
}

const same = (a: number, b: number) => Math.abs(a - b) <= 1e-12;

test('a directory is checked on worker threads and totals equal one run over the rows concatenated', () => {
  const { dir, concatenated, images } = imageDirectory('dir');
  const many = run([dir, '--classes', classesFile, '--workers', '2']).report;
  const one = run([concatenated, '--classes', classesFile]).report;
  assert.equal(many.files, images.length);
  assert.equal(many.samples, one.samples);
  assert.equal(many.samples, images.reduce((n, i) => n + i.h * i.w, 0));
  assert.deepEqual(many.rules.map((r) => r.name), one.rules.map((r) => r.name));
  many.rules.forEach((r, i) => {
    const o = one.rules[i]!;
    assert.equal(r.violation_rate, o.violation_rate, r.name);
    assert.ok(same(r.fuzzy_truth, o.fuzzy_truth), `${r.name}: ${r.fuzzy_truth} vs ${o.fuzzy_truth}`);
    assert.deepEqual(r.worst.map((w) => [w.sample, w.truth]), o.worst.map((w) => [w.sample, w.truth]), r.name);
  });
  // Worst samples name their image and pixel.
  const w = many.rules.find((r) => r.name === 'animals.C_dog')!.worst[0]!;
  const img = images.find((i) => i.file === w.file)!;
  assert.ok(img, JSON.stringify(w));
  assert.equal(w.at, w.y! * img.w + w.x!);
  // A quoted glob reads the same files.
  const globbed = run([path.join(dir, '*.npy'), '--classes', classesFile, '--workers', '2']).report;
  assert.deepEqual(globbed, many);
});

test('one large file is split into row ranges over worker threads: the same report, bit for bit, as one thread', () => {
  const big = path.join(tmp, 'large.npy');
  const rows = 300_000;
  fs.writeFileSync(big, npyBytes('<f2', [rows, classes.length], scores(rows * classes.length, 70)));
  const threads = run([big, '--classes', classesFile, '--workers', '2']).report;
  assert.equal(threads.samples, rows);
  assert.deepEqual(threads, run([big, '--classes', classesFile, '--workers', '1']).report);
});

test('--per-image: a row per file, JSON and text', () => {
  const { dir, images } = imageDirectory('per-image');
  const { report } = run([dir, '--classes', classesFile, '--per-image']);
  assert.deepEqual(report.images!.map((i) => [i.file, i.samples]), images.map((i) => [i.file, i.h * i.w]));
  assert.equal(report.images![0]!.rules.length, report.rules.length);
  const text = nesy(['check-predictions', rules, dir, '--classes', classesFile, '--per-image']);
  assert.match(text.stdout, /per image:\nimage\s+samples\s+rules violated\s+lowest fuzzy truth\nimg0\.npy\s+63\s+\d+\s+0\.\d{4} animals\./);
  assert.match(text.stdout, /in 6 files/);
});

function shards(args: string[], n: number): string[] {
  return Array.from({ length: n }, (_, i) => {
    const r = nesy(['check-predictions', rules, ...args, '--shard', `${i}/${n}`]);
    assert.equal(r.code, 0, r.stderr);
    const file = path.join(tmp, `part-${i}-of-${n}.json`);
    fs.writeFileSync(file, r.stdout);
    return file;
  });
}

test('--shard I/N partial reports merged by nesy merge-reports equal the unsharded run, for a directory and for one large file', () => {
  const { dir } = imageDirectory('shards');
  for (const [args, n] of [
    [[dir, '--classes', classesFile], 4],
    [[dir, '--classes', classesFile], 9],
  ] as const) {
    const whole = run([...args]).report;
    const merged = nesy(['merge-reports', ...shards([...args], n), '--json']);
    assert.equal(merged.code, 1, merged.stderr);
    assert.deepEqual(JSON.parse(merged.stdout), whole, `${n} shards`);
  }
  // One file of 3.5 batches: the shards split its rows.
  const big = path.join(tmp, 'big.npy');
  const rows = 57_000;
  fs.writeFileSync(big, npyBytes('<f4', [rows, classes.length], scores(rows * classes.length, 50)));
  const whole = run([big, '--classes', classesFile, '--worst', '7']).report;
  const parts = shards([big, '--classes', classesFile, '--worst', '7'], 3);
  const partial = JSON.parse(fs.readFileSync(parts[1]!, 'utf8')) as { files: { samples: number }[] };
  assert.ok(partial.files[0]!.samples > 0 && partial.files[0]!.samples < rows, 'the middle shard holds some of the rows');
  const merged = nesy(['merge-reports', ...parts, '--json']);
  assert.deepEqual(JSON.parse(merged.stdout), whole);
  assert.equal(merged.code, 1);
  // The text report is the one check-predictions prints.
  assert.equal(nesy(['merge-reports', ...parts]).stdout, nesy(['check-predictions', rules, big, '--classes', classesFile, '--worst', '7']).stdout);
  // Missing or doubled shards, and mixed runs, are refused.
  assert.match(nesy(['merge-reports', parts[0]!, parts[2]!]).stderr, /shard 1\/3 is missing/);
  assert.match(nesy(['merge-reports', parts[0]!, parts[1]!, parts[1]!, parts[2]!]).stderr, /are both shard 1\/3/);
  const other = nesy(['check-predictions', rules, big, '--classes', classesFile, '--shard', '1/3', '--threshold', '0.6']);
  fs.writeFileSync(path.join(tmp, 'other.json'), other.stdout);
  const mixed = nesy(['merge-reports', parts[0]!, path.join(tmp, 'other.json'), parts[2]!]);
  assert.equal(mixed.code, 2);
  assert.match(mixed.stderr, /was made with --threshold 0\.6/);
});

test('--maps writes a PNG heatmap per image and violated rule, blended over the source image with --images', () => {
  const dir = path.join(tmp, 'maps-in');
  const imagesDir = path.join(tmp, 'maps-images');
  const mapsDir = path.join(tmp, 'maps-out');
  fs.mkdirSync(dir, { recursive: true });
  fs.mkdirSync(imagesDir, { recursive: true });
  const [h, w] = [2, 3];
  // Pixel 0: a dog that is not a mammal (C_dog fails fully); every other pixel: nothing at all (every rule holds).
  const planes = new Float32Array(classes.length * h * w);
  planes[classes.indexOf('dog') * h * w + 0] = 1;
  fs.writeFileSync(path.join(dir, 'street.npy'), npyBytes('<f4', [classes.length, h, w], planes));
  fs.writeFileSync(path.join(dir, 'field.npy'), npyBytes('<f4', [classes.length, h, w], planes));
  const source = new PNG({ width: 6, height: 4 });
  source.data.fill(200);
  fs.writeFileSync(path.join(imagesDir, 'street.png'), PNG.sync.write(source));
  const { report } = run([dir, '--classes', classesFile, '--maps', mapsDir, '--images', imagesDir]);
  const violated = report.rules.filter((r) => r.violation_rate > 0).map((r) => r.name);
  assert.ok(violated.includes('animals.C_dog'));
  assert.deepEqual(report.maps!.map((m) => [m.file, m.rule, m.blended]).sort(), [...violated.map((r) => ['field.npy', r, false]), ...violated.map((r) => ['street.npy', r, true])].sort());
  const read = (file: string) => PNG.sync.read(fs.readFileSync(path.join(mapsDir, file)));
  const plain = read('field/animals.C_dog.png');
  assert.deepEqual([plain.width, plain.height], [w, h]);
  assert.deepEqual([...plain.data.subarray(0, 4)], [252, 255, 164, 255], 'full violation: the top of the colour ramp');
  assert.deepEqual([...plain.data.subarray(4, 8)], [0, 0, 4, 255], 'no violation: the bottom');
  const blended = read('street/animals.C_dog.png');
  assert.deepEqual([...blended.data.subarray(0, 4)], [252, 255, 164, 255]);
  assert.deepEqual([...blended.data.subarray(4, 8)], [200, 200, 200, 255], 'no violation: the source image in grey');
  assert.match(nesy(['check-predictions', rules, dir, '--classes', classesFile, '--maps', mapsDir]).stdout, /4 violation maps written|\d+ violation maps written \(0 over their source image\)/);
});

test('--repair on an .npy writes an .npy of the same form', () => {
  const [h, w] = [4, 6];
  const file = path.join(tmp, 'to-repair.npy');
  fs.writeFileSync(file, npyBytes('<f2', [classes.length, h, w], scores(classes.length * h * w, 80)));
  const out = path.join(tmp, 'repaired.npy');
  const r = nesy(['check-predictions', rules, file, '--classes', classesFile, '--repair', 'max', '--out', out]);
  assert.notEqual(r.code, 2, r.stderr);
  assert.equal(fs.statSync(out).size, fs.statSync(file).size);
  const after = run([out, '--classes', classesFile]).report;
  // max repair makes every C-rule hold: a parent is at least its child everywhere.
  for (const c of after.rules.filter((x) => x.kind === 'C')) assert.equal(c.violation_rate, 0, c.name);
});

test('--repair writes the input\'s format: .npz in, .npz out; another --out format is refused', () => {
  const [h, w] = [4, 6];
  const file = path.join(tmp, 'to-repair.npz');
  fs.writeFileSync(file, npzBytes({ scores: npyBytes('<f4', [classes.length, h, w], scores(classes.length * h * w, 81)), classes: npyStrings(classes) }, true));
  const before = run([file]).report;
  assert.ok(before.rules.some((x) => x.kind === 'C' && x.violation_rate > 0));
  const out = path.join(tmp, 'repaired.npz');
  const r = nesy(['check-predictions', rules, file, '--repair', 'max', '--out', out]);
  assert.notEqual(r.code, 2, r.stderr);
  const after = run([out]).report;
  for (const c of after.rules.filter((x) => x.kind === 'C')) assert.equal(c.violation_rate, 0, c.name);
  const wrong = nesy(['check-predictions', rules, file, '--repair', 'max', '--out', path.join(tmp, 'repaired.json')]);
  assert.equal(wrong.code, 2);
  assert.equal(wrong.stderr, "nesy check-predictions: --out must be in the input's format (npz, like to-repair.npz): repaired scores are written as they were read.\n");
});

test('bad inputs: one line on stderr and exit status 2', () => {
  const check = (args: string[], pattern: RegExp) => {
    const r = nesy(['check-predictions', rules, ...args]);
    assert.equal(r.code, 2, r.stdout);
    assert.match(r.stderr, pattern);
    assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
  };
  const whole = npyBytes('<f4', [4, 6], scores(24, 60));
  fs.writeFileSync(path.join(tmp, 'cut.npy'), whole.subarray(0, whole.length - 4));
  check([path.join(tmp, 'cut.npy'), '--classes', classesFile], /^nesy check-predictions: cut\.npy is truncated: its header promises 4 × 6 float32 scores \(96 bytes\) but 92 bytes follow it\.$/m);
  fs.writeFileSync(path.join(tmp, 'int.npy'), npyBytes('<i4', [4, 6], new Array(24).fill(0)));
  check([path.join(tmp, 'int.npy'), '--classes', classesFile], /int\.npy holds int32 \('<i4'\): scores must be float16, float32 or float64/);
  fs.writeFileSync(path.join(tmp, 'five.npy'), npyBytes('<f4', [4, 5], scores(20, 61)));
  check([path.join(tmp, 'five.npy'), '--classes', classesFile], /five\.npy has 5 classes \(axis 1 of shape \(4, 5\)\) but --classes names 6/);
  check([path.join(tmp, 'five.npy')], /five\.npy has no class names: give --classes FILE/);
  check([path.join(tmp, 'nothing-here')], /cannot read .*nothing-here: no such file/);
  check([path.join(tmp, 'five.npy'), '--layout', 'nhwc'], /--layout takes 'chw' or 'hwc'/);
  check([path.join(tmp, 'five.npy'), '--shard', '3/3'], /--shard takes I\/N with 0 ≤ I < N/);
  check([path.join(tmp, 'no-such-dir', '*.npy')], /matches no score file/);
  // In a directory, the bad file is named.
  const dir = path.join(tmp, 'mixed');
  fs.mkdirSync(dir, { recursive: true });
  fs.writeFileSync(path.join(dir, 'a.npy'), npyBytes('<f4', [3, 6], scores(18, 62)));
  fs.writeFileSync(path.join(dir, 'b.npy'), npyBytes('<f4', [3, 5], scores(15, 63)));
  check([dir, '--classes', classesFile, '--workers', '2'], /b\.npy has 5 classes/);
});
