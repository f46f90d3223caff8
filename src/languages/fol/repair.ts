// `--repair path|max`: repaired scores written in the input's own format, after the check has read the
// input once and found every score valid. How a row is repaired is RowRepair's; where rows go depends on
// the format:
//   .json                      {classes, scores}, row by row
//   .npy, .safetensors         a copy of the input with the array's bytes rewritten in place (same header,
//                              dtype, shape, layout, metadata and other tensors)
//   .npz                       the array's member rewritten so, then the zip rebuilt with yazl: the other
//                              members copied, each stored or deflated as it was
//   .arrow, .parquet           columnarScores.ts: each record batch or row group rewritten with its class
//                              columns repaired and its other columns as they were
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FolAnalysis } from './checks';
import type { HNode } from './hierarchy';
import { DenseSource, DenseWriter, type ScoreSource } from './scoreFiles';
import { rowMajor, type BoundRules } from './scoring';

export type RepairMode = 'path' | 'max';

/**
 * Corrects one row of scores in place. `max` (C-HMCNN): a class's score becomes the max over itself and
 * its descendants, so parent >= child. `path` (LogicSeg): per sample, keep the root-to-leaf path with the
 * highest summed score, zero every class off it, and lift parents on it to their child's score.
 */
export class RowRepair {
  private readonly order: { col: number; kids: number[] }[] = [];
  /** Per hierarchy, every root-to-leaf path as column indices. */
  private readonly trees: number[][][] = [];
  private readonly keep = new Set<number>();

  /** `kept`: the columns the file has scores for (JSON's object form may lack some requested classes). */
  constructor(
    a: FolAnalysis,
    readonly kept: number[],
    columnOf: Map<string, number>,
    private readonly mode: RepairMode,
  ) {
    for (const h of a.hierarchies) {
      const seen = new Set<string>();
      const paths: number[][] = [];
      const visit = (n: HNode, path: number[]) => {
        const c = columnOf.get(n.name);
        const col = c !== undefined && kept.includes(c) ? c : undefined;
        const here = col === undefined || seen.has(n.name) ? path : [...path, col];
        if (col !== undefined) seen.add(n.name);
        const kids = n.children.filter((c) => c.name !== n.name);
        for (const c of kids) visit(c, here);
        if (col !== undefined) this.order.push({ col, kids: kids.map((k) => columnOf.get(k.name)).filter((x): x is number => x !== undefined && kept.includes(x)) });
        if (!kids.length && here.length) paths.push(here);
      };
      visit(h.root, []);
      this.trees.push(paths);
    }
  }

  /** Repairs `rows` rows of `width` columns, row-major, in place. */
  rows(data: Float32Array, rows: number, width: number): void {
    for (let r = 0; r < rows; r++) this.row(data.subarray(r * width, r * width + width));
  }

  row(row: Float32Array): void {
    if (this.mode === 'max') {
      for (const { col, kids } of this.order) for (const k of kids) if (row[k]! > row[col]!) row[col] = row[k]!;
      return;
    }
    const keep = this.keep;
    keep.clear();
    for (const paths of this.trees) {
      let best: number[] | undefined;
      let bestScore = -Infinity;
      for (const p of paths) {
        let s = 0;
        for (const c of p) s += row[c]!;
        if (s > bestScore) {
          bestScore = s;
          best = p;
        }
      }
      if (best) {
        for (let i = best.length - 2; i >= 0; i--) row[best[i]!] = Math.max(row[best[i]!]!, row[best[i + 1]!]!);
        for (const c of best) keep.add(c);
      }
    }
    for (const { col } of this.order) if (!keep.has(col)) row[col] = 0;
  }
}

/** Writes the repaired scores of `src` (already checked: every score valid) to `out`, in its format. */
export async function writeRepaired(a: FolAnalysis, src: ScoreSource, bound: BoundRules, mode: RepairMode, out: string): Promise<void> {
  const width = bound.columns.length;
  const kept = bound.columns.map((_, i) => i).filter((i) => bound.present(i));
  const repair = new RowRepair(a, kept, bound.columnOf, mode);
  try {
    switch (src.format) {
      case 'json':
        return await writeJson(src, repair, bound.columns, out);
      case 'npy':
      case 'safetensors':
      case 'npz':
        return await writeDense(src as DenseSource, repair, width, out);
      case 'arrow':
      case 'parquet': {
        const columnar = require(path.join(__dirname, __filename.endsWith('.ts') ? 'columnarScores' : 'columnar.js')) as typeof import('./columnarScores');
        const fix = (rowsMajor: Float32Array, rows: number) => repair.rows(rowsMajor, rows, width);
        return await (src.format === 'arrow' ? columnar.repairArrow(src.path, out, bound.columns, fix) : columnar.repairParquet(src.path, out, bound.columns, fix));
      }
    }
  } catch (e) {
    fs.rmSync(out, { force: true });
    throw e;
  }
}

async function writeJson(src: ScoreSource, repair: RowRepair, columns: string[], out: string): Promise<void> {
  const stream = fs.createWriteStream(out);
  const done = new Promise<void>((resolve, reject) => stream.once('finish', resolve).once('error', reject));
  const put = async (text: string) => {
    if (!stream.write(text)) await new Promise<void>((resolve) => stream.once('drain', resolve));
  };
  await put(`{"classes":${JSON.stringify(repair.kept.map((i) => columns[i]))},"scores":[`);
  let first = true;
  for await (const batch of src.batches()) {
    const data = Float32Array.from(rowMajor(batch, columns.length).subarray(0, batch.rows * columns.length));
    repair.rows(data, batch.rows, columns.length);
    const parts: string[] = [];
    for (let r = 0; r < batch.rows; r++) {
      const o = r * columns.length;
      parts.push(`${first ? '' : ','}[${repair.kept.map((i) => +data[o + i]!.toFixed(6)).join(',')}]`);
      first = false;
    }
    await put(parts.join('\n'));
  }
  stream.end(']}\n');
  await done;
}

async function writeDense(src: DenseSource, repair: RowRepair, width: number, out: string): Promise<void> {
  const member = src.dense.member;
  // An .npz member is rewritten in a temporary .npy, then zipped with the archive's other members.
  const tmp = member ? fs.mkdtempSync(path.join(os.tmpdir(), 'nesy-repair-')) : undefined;
  const target = tmp ? path.join(tmp, 'member.npy') : out;
  try {
    const writer = new DenseWriter(target, src.dense, src.copyForRepair(target));
    try {
      for await (const batch of src.batches()) {
        const data = Float32Array.from(rowMajor(batch, width).subarray(0, batch.rows * width));
        repair.rows(data, batch.rows, width);
        writer.write(data, batch.firstRow, batch.rows);
      }
    } finally {
      writer.close();
    }
    if (member) await rezip(src.path, out, member.name, target);
  } finally {
    if (tmp) fs.rmSync(tmp, { recursive: true, force: true });
  }
}

/** Copies the zip `input` to `out` with member `name` replaced by the file `replacement`; every member keeps its compression. */
async function rezip(input: string, out: string, name: string, replacement: string): Promise<void> {
  const yauzl = await import('yauzl');
  const yazl = await import('yazl');
  const zip = await yauzl.openPromise(input, { lazyEntries: true, autoClose: false });
  try {
    const entries: import('yauzl').Entry[] = [];
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (e: import('yauzl').Entry) => {
        entries.push(e);
        zip.readEntry();
      });
      zip.once('end', resolve);
      zip.once('error', reject);
      zip.readEntry();
    });
    const writer = new yazl.ZipFile();
    const written = pipeline(writer.outputStream, fs.createWriteStream(out));
    for (const e of entries) {
      const compress = e.compressionMethod !== 0;
      const options = { compress, mtime: e.getLastModDate() };
      if (e.fileName === name) writer.addFile(replacement, e.fileName, options);
      else if (e.fileName.endsWith('/')) writer.addEmptyDirectory(e.fileName, { mtime: options.mtime });
      else writer.addReadStreamLazy(e.fileName, options, (cb) => zip.openReadStream(e, cb));
    }
    writer.end();
    await written;
  } finally {
    zip.close();
  }
}
