// Violation maps: for an image's scores (a 3-D array) and each rule it violates, a PNG heatmap of the
// fuzzy violation 1 - truth per pixel, drawn with a perceptual colour ramp (black → purple → orange →
// pale yellow, after matplotlib's "inferno"), blended over the source image when one is found: the image
// in grey shows through where the rule holds and the heat colour covers it where the rule fails.
// PNGs are encoded and decoded by pngjs. Memory: one byte per pixel per map being drawn, at most 256 MiB
// at a time (more violated rules take more passes over the scores).
import * as fs from 'node:fs';
import * as path from 'node:path';
import { PNG } from 'pngjs';
import { compileTruthKernel } from './ruleKernels';
import type { BoundRules } from './scoring';
import type { ScoreSource } from './scoreFiles';

export interface MapOptions {
  /** Where maps go: DIR/<file name without extension>/<rule>.png. */
  dir: string;
  /** Source images: DIR/<file name without extension>.png (or its base name there). */
  images?: string;
  /** The score file's name in the run (a path relative to its directory argument). */
  name: string;
}

export interface WrittenMap {
  rule: string;
  png: string;
  blended: boolean;
}

const budgetBytes = 256 << 20;

const ramp: [number, number, number, number][] = [
  [0, 0, 0, 4],
  [0.25, 87, 16, 110],
  [0.5, 188, 55, 84],
  [0.75, 249, 142, 9],
  [1, 252, 255, 164],
];

let heatTable: Uint8Array | undefined;

/** RGB for violation v/255, v in 0..255. */
export function heat(): Uint8Array {
  if (heatTable) return heatTable;
  const t = new Uint8Array(256 * 3);
  for (let v = 0; v < 256; v++) {
    const x = v / 255;
    let i = 0;
    while (i < ramp.length - 2 && x > ramp[i + 1]![0]) i++;
    const [x0, r0, g0, b0] = ramp[i]!;
    const [x1, r1, g1, b1] = ramp[i + 1]!;
    const f = (x - x0) / (x1 - x0);
    t[v * 3] = Math.round(r0 + f * (r1 - r0));
    t[v * 3 + 1] = Math.round(g0 + f * (g1 - g0));
    t[v * 3 + 2] = Math.round(b0 + f * (b1 - b0));
  }
  return (heatTable = t);
}

export function safeFileName(name: string): string {
  return name.replace(/[^\w.-]+/g, '_');
}

function stemOf(name: string): string {
  const ext = path.extname(name);
  return ext ? name.slice(0, -ext.length) : name;
}

/** The source image's grey levels resampled (nearest) to width x height, or undefined when there is none. */
function greyBackground(images: string, name: string, width: number, height: number): Uint8Array | undefined {
  const stem = stemOf(name);
  const candidates = [path.join(images, `${stem}.png`), path.join(images, `${path.basename(stem)}.png`)];
  const file = candidates.find((f) => fs.existsSync(f));
  if (!file) return undefined;
  const png = PNG.sync.read(fs.readFileSync(file));
  const grey = new Uint8Array(width * height);
  for (let y = 0; y < height; y++) {
    const sy = Math.min(png.height - 1, Math.floor(((y + 0.5) * png.height) / height));
    for (let x = 0; x < width; x++) {
      const sx = Math.min(png.width - 1, Math.floor(((x + 0.5) * png.width) / width));
      const o = (sy * png.width + sx) * 4;
      grey[y * width + x] = Math.round(0.299 * png.data[o]! + 0.587 * png.data[o + 1]! + 0.114 * png.data[o + 2]!);
    }
  }
  return grey;
}

/** Encodes one map: violation bytes (0 = holds, 255 = fails) over an optional grey background. */
export function mapPng(violation: Uint8Array, width: number, height: number, grey: Uint8Array | undefined): Buffer {
  const png = new PNG({ width, height });
  const table = heat();
  for (let i = 0; i < width * height; i++) {
    const v = violation[i]!;
    const o = i * 4;
    if (grey) {
      const a = v / 255;
      const g = grey[i]! * (1 - a);
      png.data[o] = Math.round(g + table[v * 3]! * a);
      png.data[o + 1] = Math.round(g + table[v * 3 + 1]! * a);
      png.data[o + 2] = Math.round(g + table[v * 3 + 2]! * a);
    } else {
      png.data[o] = table[v * 3]!;
      png.data[o + 1] = table[v * 3 + 1]!;
      png.data[o + 2] = table[v * 3 + 2]!;
    }
    png.data[o + 3] = 255;
  }
  return PNG.sync.write(png);
}

/** Draws a map for each of the rules `violated` (indices into bound.active) by reading the scores again. */
export async function writeViolationMaps(src: ScoreSource, bound: BoundRules, violated: number[], options: MapOptions): Promise<WrittenMap[]> {
  const image = src.image;
  if (!image || violated.length === 0) return [];
  const { width, height } = image;
  const pixels = width * height;
  const outDir = path.join(options.dir, stemOf(options.name));
  fs.mkdirSync(outDir, { recursive: true });
  const grey = options.images ? greyBackground(options.images, options.name, width, height) : undefined;
  const perPass = Math.max(1, Math.floor(budgetBytes / Math.max(1, pixels)));
  const written: WrittenMap[] = [];
  for (let g = 0; g < violated.length; g += perPass) {
    const group = violated.slice(g, g + perPass);
    const planes = group.map(() => new Uint8Array(pixels));
    let kernels: { key: string; list: ReturnType<typeof compileTruthKernel>[] } | undefined;
    let scratch = new Float32Array(0);
    for await (const batch of src.batches()) {
      const layout = batch.plane ? { rowStride: 1, colStride: batch.plane } : { rowStride: src.columns.length, colStride: 1 };
      const key = `${layout.rowStride}/${layout.colStride}`;
      if (kernels?.key !== key) kernels = { key, list: group.map((i) => compileTruthKernel(bound.active[i]!.body, (n) => bound.columnOf.get(n)!, layout)) };
      if (scratch.length < batch.rows) scratch = new Float32Array(batch.rows);
      kernels.list.forEach((kernel, j) => {
        kernel(batch.data, 0, batch.rows, scratch, 0);
        const plane = planes[j]!;
        for (let r = 0; r < batch.rows; r++) {
          const v = Math.round(255 * (1 - scratch[r]!));
          plane[batch.firstRow + r] = v < 0 ? 0 : v > 255 ? 255 : v;
        }
      });
    }
    group.forEach((i, j) => {
      const rule = bound.active[i]!.name;
      const png = path.join(outDir, `${safeFileName(rule)}.png`);
      fs.writeFileSync(png, mapPng(planes[j]!, width, height, grey));
      written.push({ rule, png, blended: grey !== undefined });
    });
  }
  return written;
}
