// The class scores `nesy check-predictions` reads, in the formats segmentation networks write:
//   .json                  [{"dog": 0.9, ...}, ...] or {"classes": [...], "scores": [[...], ...]} (scoresReader.ts)
//   .npy                   float16/32/64: samples x classes, classes x height x width (PyTorch's order), or
//                          height x width x classes with layout 'hwc'; a leading batch axis of 1 is dropped
//   .npz                   a zip of .npy arrays (np.savez, np.savez_compressed), with an optional `classes` array
//   .safetensors           the same shapes, F16/BF16/F32/F64, class names in the metadata's `classes`
//   .parquet, .arrow …     one float column per class (columnarScores.ts)
// Every source hands out batches of scoreBatchRows rows, read with fs.readSync at offsets, so memory stays
// bounded whatever the file's size: a row-major batch is one contiguous read; a batch of a CHW array is one
// read per class plane (the batch then holds planes, and the rule kernels index it by plane).
// The .npy header and the safetensors header are simple enough to parse here; zips go through yauzl.
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { readScores, ScoreFormatError } from './scoresReader';

export { ScoreFormatError } from './scoresReader';

/** Rows per batch in every format. Batches start at multiples of it, so any split into batch-aligned ranges sums the same batches. */
export const scoreBatchRows = 16384;

export type ScoreFormat = 'json' | 'npy' | 'npz' | 'safetensors' | 'parquet' | 'arrow';

export interface ScoreFileOptions {
  /** Class names in the class axis's order (`--classes FILE`), for arrays that carry none. */
  classes?: string[];
  /** How a 3-D array is laid out: classes x height x width (default) or height x width x classes. */
  layout?: 'chw' | 'hwc';
  /** The array to read in an .npz or .safetensors file that holds several. */
  key?: string;
  /** The classes to collect from JSON's array-of-objects form. */
  wanted?: string[];
  /** Only to learn rows and seekability: a compressed .npz is not inflated (it answers rows undefined). */
  probe?: boolean;
}

export interface ScoreBatch {
  /** The scores: `rows` rows of columns.length, or, when `plane` is set, one plane of `plane` entries per column. */
  data: Float32Array;
  rows: number;
  /** Index of the batch's first row in the file. */
  firstRow: number;
  /** Set when the batch holds class planes (CHW arrays, Fortran order, columnar files): column c of row r is data[c * plane + r]. */
  plane?: number;
}

export interface ScoreSource {
  readonly path: string;
  readonly format: ScoreFormat;
  /** Column names. For JSON they are known once the first batch has been read. */
  readonly columns: string[];
  /** Every row has every column (false only for JSON's array-of-objects form, where a missing score is NaN). */
  readonly complete: boolean;
  /** Samples in the file, where its header says (not JSON, not Arrow). */
  readonly rows: number | undefined;
  /** Height and width of 3-D arrays: samples are pixels, row by row. */
  readonly image?: { height: number; width: number };
  /** Whether batches(from, to) can start past row 0 (dense arrays). */
  readonly seekable: boolean;
  /** Where a dense array (.npy, .npz, .safetensors) lies and how: repair writes the same form back. */
  readonly dense?: DenseForm;
  /** Rows [from, to) in batches; `from` must be a multiple of scoreBatchRows. */
  batches(from?: number, to?: number): AsyncGenerator<ScoreBatch>;
  close(): Promise<void>;
}

const extensions: Record<string, ScoreFormat> = {
  '.json': 'json',
  '.npy': 'npy',
  '.npz': 'npz',
  '.safetensors': 'safetensors',
  '.parquet': 'parquet',
  '.pq': 'parquet',
  '.arrow': 'arrow',
  '.arrows': 'arrow',
  '.feather': 'arrow',
  '.ipc': 'arrow',
};

/** The format a file name says, or undefined. */
export function scoreFormatOf(file: string): ScoreFormat | undefined {
  return extensions[path.extname(file).toLowerCase()];
}

export const scoreExtensions = Object.keys(extensions);

/** A --classes file: one name per line, in the class axis's order; blank lines and surrounding spaces are ignored. */
export function readClassNames(file: string): string[] {
  return fs
    .readFileSync(file, 'utf8')
    .split(/\r?\n/)
    .map((l) => l.trim())
    .filter((l) => l.length > 0);
}

export async function openScores(file: string, options: ScoreFileOptions = {}): Promise<ScoreSource> {
  const format = scoreFormatOf(file);
  const name = path.basename(file);
  switch (format) {
    case 'json':
      return new JsonSource(file, options.wanted ?? []);
    case 'npy': {
      const fd = openFile(file);
      try {
        const size = fs.fstatSync(fd).size;
        const header = readNpyHeader(fd, 0, size, name);
        return denseSource(file, 'npy', fd, header, options, undefined);
      } catch (e) {
        fs.closeSync(fd);
        throw e;
      }
    }
    case 'npz':
      return openNpz(file, options);
    case 'safetensors':
      return openSafetensors(file, options);
    case 'parquet':
    case 'arrow': {
      const columnar = columnarReaders();
      return format === 'parquet' ? columnar.openParquet(file) : columnar.openArrow(file);
    }
    default:
      if (!fs.existsSync(file)) throw Object.assign(new Error(`ENOENT: no such file or directory, open '${file}'`), { code: 'ENOENT' });
      throw new ScoreFormatError(`${name}: unknown score format '${path.extname(file)}' (expected ${scoreExtensions.join(', ')}).`);
  }
}

/**
 * The Parquet and Arrow readers. Their libraries are most of a bundle (1.2 MB), which every worker thread
 * and the language server would otherwise compile at start-up, so the bundles keep them apart in
 * dist/columnar.js (scripts/build.mjs), loaded on first use.
 */
function columnarReaders(): typeof import('./columnarScores') {
  const file = path.join(__dirname, __filename.endsWith('.ts') ? 'columnarScores' : 'columnar.js');
  return require(file) as typeof import('./columnarScores');
}

function openFile(file: string): number {
  return fs.openSync(file, 'r');
}

// --- element types ---------------------------------------------------------------------------------

export type ElementType = 'float16' | 'bfloat16' | 'float32' | 'float64';

interface Dtype {
  type: ElementType;
  size: number;
  little: boolean;
}

const npyTypeNames: Record<string, string> = { b1: 'bool', i1: 'int8', u1: 'uint8', i2: 'int16', u2: 'uint16', i4: 'int32', u4: 'uint32', i8: 'int64', u8: 'uint64', f2: 'float16', f4: 'float32', f8: 'float64', c8: 'complex64', c16: 'complex128' };

let halfTable: Float32Array | undefined;

/** float16 bits to float32, by a 65,536-entry table built on first use. */
export function halfToFloat(): Float32Array {
  if (halfTable) return halfTable;
  const t = new Float32Array(65536);
  for (let h = 0; h < 65536; h++) {
    const sign = h & 0x8000 ? -1 : 1;
    const exp = (h >> 10) & 0x1f;
    const mant = h & 0x3ff;
    t[h] = exp === 0 ? sign * mant * 2 ** -24 : exp === 31 ? (mant ? Number.NaN : sign * Infinity) : sign * (1 + mant / 1024) * 2 ** (exp - 15);
  }
  return (halfTable = t);
}

/** Converts `count` elements of raw bytes (in an ArrayBuffer-backed Uint8Array at an aligned offset) into out[at…]. */
function convert(raw: Uint8Array, dtype: Dtype, count: number, out: Float32Array, at: number): void {
  if (!dtype.little) {
    const view = new DataView(raw.buffer, raw.byteOffset, count * dtype.size);
    for (let i = 0; i < count; i++) {
      out[at + i] =
        dtype.type === 'float32' ? view.getFloat32(i * 4, false) : dtype.type === 'float64' ? view.getFloat64(i * 8, false) : dtype.type === 'float16' ? halfToFloat()[view.getUint16(i * 2, false)]! : new Float32Array(new Uint32Array([view.getUint16(i * 2, false) << 16]).buffer)[0]!;
    }
    return;
  }
  switch (dtype.type) {
    case 'float32':
      out.set(new Float32Array(raw.buffer, raw.byteOffset, count), at);
      break;
    case 'float64': {
      const f = new Float64Array(raw.buffer, raw.byteOffset, count);
      for (let i = 0; i < count; i++) out[at + i] = f[i]!;
      break;
    }
    case 'float16': {
      const h = new Uint16Array(raw.buffer, raw.byteOffset, count);
      const table = halfToFloat();
      for (let i = 0; i < count; i++) out[at + i] = table[h[i]!]!;
      break;
    }
    case 'bfloat16': {
      const h = new Uint16Array(raw.buffer, raw.byteOffset, count);
      const bits = new Uint32Array(out.buffer, out.byteOffset + at * 4, count);
      for (let i = 0; i < count; i++) bits[i] = h[i]! << 16;
      break;
    }
  }
}

/**
 * The largest of `count` float32 scores from `start`, read as unsigned 32-bit patterns: a number in [0, 1] is at
 * most 0x3f800000 (1.0), while negatives (the sign bit), NaN, infinities and numbers above 1 are all larger. An
 * integer max is branch-free and about 40% quicker than two float comparisons per score; only -0, which is in
 * range, gives a false alarm, and checkScores then looks closer.
 */
function maxBits(bits: Uint32Array, start: number, count: number): number {
  let m = 0;
  for (let i = start, end = start + count; i < end; i++) {
    const v = bits[i]!;
    m = v > m ? v : m;
  }
  return m;
}

/** Every score must be a number in [0, 1]; says which sample and class is not. */
export function checkScores(batch: ScoreBatch, columns: string[], name: string): void {
  const { data, rows, plane } = batch;
  const bits = new Uint32Array(data.buffer, data.byteOffset, data.length);
  const fine = plane ? columns.every((_, c) => maxBits(bits, c * plane, rows) <= 0x3f800000) : maxBits(bits, 0, rows * columns.length) <= 0x3f800000;
  if (fine) return;
  const width = columns.length;
  const bad = (row: number, col: number, x: number) =>
    new ScoreFormatError(
      Number.isNaN(x)
        ? `${name}: sample ${batch.firstRow + row} has no score for '${columns[col]}' (NaN).`
        : `${name}: sample ${batch.firstRow + row}: score ${x} for '${columns[col]}' is outside [0, 1] (scores are probabilities: apply the softmax or sigmoid first).`,
    );
  if (plane) {
    for (let c = 0; c < width; c++) {
      const o = c * plane;
      for (let r = 0; r < rows; r++) {
        const x = data[o + r]!;
        if (!(x >= 0 && x <= 1)) throw bad(r, c, x);
      }
    }
  } else {
    const n = rows * width;
    for (let i = 0; i < n; i++) {
      const x = data[i]!;
      if (!(x >= 0 && x <= 1)) throw bad(Math.floor(i / width), i % width, x);
    }
  }
}

// --- shapes ------------------------------------------------------------------------------------------

interface ArrayHeader {
  dtype: Dtype;
  /** The dtype as the file writes it, for messages. */
  dtypeText: string;
  shape: number[];
  fortran: boolean;
  /** Absolute file offset of the first element. */
  dataOffset: number;
  /** Bytes available from dataOffset (to the end of the file or zip member). */
  available: number;
}

interface Layout {
  rows: number;
  classes: number;
  planar: boolean;
  classAxis: number;
  image?: { height: number; width: number };
}

export function shapeText(shape: number[]): string {
  return shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
}

function layoutOf(h: ArrayHeader, name: string, layout: 'chw' | 'hwc' | undefined): Layout {
  let shape = h.shape;
  while (shape.length > 3 && shape[0] === 1) shape = shape.slice(1);
  const lead = h.shape.length - shape.length;
  if (shape.length === 2) {
    const [rows, classes] = shape as [number, number];
    return { rows, classes, planar: h.fortran, classAxis: lead + 1 };
  }
  if (shape.length === 3) {
    if (h.fortran) throw new ScoreFormatError(`${name} is a Fortran-order 3-D array: save it in C order (np.ascontiguousarray).`);
    if (layout === 'hwc') {
      const [height, width, classes] = shape as [number, number, number];
      return { rows: height * width, classes, planar: false, classAxis: lead + 2, image: { height, width } };
    }
    const [classes, height, width] = shape as [number, number, number];
    return { rows: height * width, classes, planar: true, classAxis: lead, image: { height, width } };
  }
  throw new ScoreFormatError(`${name} has shape ${shapeText(h.shape)}: expected samples × classes, classes × height × width, or height × width × classes with --layout hwc.`);
}

function columnsFor(name: string, h: ArrayHeader, l: Layout, given: string[] | undefined, embedded: string[] | undefined, embeddedFrom: string): string[] {
  if (given && embedded && (given.length !== embedded.length || given.some((c, i) => c !== embedded[i]))) {
    throw new ScoreFormatError(`${name}: --classes names ${given.length} classes that differ from the ${embedded.length} in its ${embeddedFrom} (first difference at position ${given.findIndex((c, i) => c !== embedded[i]) + 1}).`);
  }
  const names = given ?? embedded;
  if (!names) throw new ScoreFormatError(`${name} has no class names: give --classes FILE (one name per line, in the class axis's order).`);
  if (names.length !== l.classes) {
    throw new ScoreFormatError(`${name} has ${l.classes} classes (axis ${l.classAxis} of shape ${shapeText(h.shape)}) but ${given ? '--classes' : `its ${embeddedFrom}`} names ${names.length}.`);
  }
  return names;
}

function denseSource(file: string, format: ScoreFormat, fd: number, h: ArrayHeader, options: ScoreFileOptions, embedded: string[] | undefined, embeddedFrom = 'classes array', cleanup?: () => void, member?: DenseForm['member']): DenseSource {
  const name = path.basename(file);
  const l = layoutOf(h, name, options.layout);
  const columns = columnsFor(name, h, l, options.classes, embedded, embeddedFrom);
  const bytes = h.shape.reduce((a, b) => a * b, 1) * h.dtype.size;
  if (h.available < bytes) {
    throw new ScoreFormatError(`${name} is truncated: its header promises ${h.shape.join(' × ')} ${h.dtypeText} scores (${bytes} bytes) but ${h.available} bytes follow it.`);
  }
  return new DenseSource(file, format, fd, h, l, columns, cleanup, member);
}

/** Where a dense array lies and how, for writing a file of the same form (repair). */
export interface DenseForm {
  type: ElementType;
  size: number;
  little: boolean;
  /** Class planes (CHW, Fortran order) rather than rows. */
  planar: boolean;
  rows: number;
  classes: number;
  /** Offset of the first element in the file read (for a deflated .npz member, its inflated copy). */
  dataOffset: number;
  /** .npz: the member holding the array, where its .npy bytes start in the file read, and whether the zip deflates it. */
  member?: { name: string; start: number; compressed: boolean };
}

export class DenseSource implements ScoreSource {
  readonly complete = true;
  seekable = true;
  readonly rows: number;
  readonly image?: { height: number; width: number };
  readonly dense: DenseForm;
  private closed = false;

  constructor(
    readonly path: string,
    readonly format: ScoreFormat,
    private readonly fd: number,
    private readonly h: ArrayHeader,
    private readonly l: Layout,
    readonly columns: string[],
    private readonly cleanup?: () => void,
    member?: DenseForm['member'],
  ) {
    this.rows = l.rows;
    if (l.image) this.image = l.image;
    this.dense = { dataOffset: h.dataOffset, type: h.dtype.type, size: h.dtype.size, little: h.dtype.little, planar: l.planar, rows: l.rows, classes: l.classes, ...(member ? { member } : {}) };
  }

  /**
   * Writes a file that a DenseWriter can fill with repaired scores, and says where its data starts: a copy
   * of the input (.npy, .safetensors: header, metadata and other tensors as they are), or of the .npz
   * member's .npy bytes.
   */
  copyForRepair(out: string): number {
    const member = this.dense.member;
    if (!member) {
      fs.copyFileSync(this.path, out);
      return this.dense.dataOffset;
    }
    const end = this.dense.dataOffset + this.dense.rows * this.dense.classes * this.dense.size;
    const to = fs.openSync(out, 'w');
    try {
      const chunk = Buffer.alloc(Math.min(8 << 20, end - member.start));
      for (let at = member.start; at < end; ) {
        const n = fs.readSync(this.fd, chunk, 0, Math.min(chunk.length, end - at), at);
        if (n === 0) throw new ScoreFormatError(`${path.basename(this.path)} is truncated.`);
        fs.writeSync(to, chunk, 0, n);
        at += n;
      }
    } finally {
      fs.closeSync(to);
    }
    return this.dense.dataOffset - member.start;
  }

  private readFully(into: Uint8Array, position: number): void {
    let done = 0;
    while (done < into.length) {
      const n = fs.readSync(this.fd, into, done, into.length - done, position + done);
      if (n === 0) throw new ScoreFormatError(`${path.basename(this.path)} is truncated: it ends ${into.length - done} bytes before its data does.`);
      done += n;
    }
  }

  async *batches(from = 0, to = Infinity): AsyncGenerator<ScoreBatch> {
    const { dtype, dataOffset } = this.h;
    const B = scoreBatchRows;
    const C = this.l.classes;
    const end = Math.min(to, this.l.rows);
    const size = dtype.size;
    const direct = dtype.type === 'float32' && dtype.little;
    const name = path.basename(this.path);
    if (this.l.planar) {
      // One plane per class, B entries apart; float32 planes are read straight into the batch.
      const data = new Float32Array(C * B);
      const raw = direct ? undefined : new Uint8Array(new ArrayBuffer(B * size));
      for (let first = from; first < end; first += B) {
        const rows = Math.min(B, end - first);
        for (let c = 0; c < C; c++) {
          const position = dataOffset + (c * this.l.rows + first) * size;
          if (raw) {
            const chunk = raw.subarray(0, rows * size);
            this.readFully(chunk, position);
            convert(chunk, dtype, rows, data, c * B);
          } else {
            this.readFully(new Uint8Array(data.buffer, c * B * 4, rows * 4), position);
          }
        }
        const batch = { data, rows, firstRow: first, plane: B };
        checkScores(batch, this.columns, name);
        yield batch;
      }
    } else {
      const raw = new Uint8Array(new ArrayBuffer(B * C * size));
      const data = direct ? new Float32Array(raw.buffer) : new Float32Array(B * C);
      for (let first = from; first < end; first += B) {
        const rows = Math.min(B, end - first);
        const chunk = raw.subarray(0, rows * C * size);
        this.readFully(chunk, dataOffset + first * C * size);
        if (!direct) convert(chunk, dtype, rows * C, data, 0);
        const batch = { data, rows, firstRow: first };
        checkScores(batch, this.columns, name);
        yield batch;
      }
    }
  }

  async close(): Promise<void> {
    if (this.closed) return;
    this.closed = true;
    fs.closeSync(this.fd);
    this.cleanup?.();
  }
}

// --- .npy --------------------------------------------------------------------------------------------

/** float32 to float16 bits, rounding to nearest even. */
export function floatToHalf(x: number): number {
  const f = new Float32Array([x]);
  const u = new Uint32Array(f.buffer)[0]!;
  const sign = (u >>> 16) & 0x8000;
  const exp = (u >>> 23) & 0xff;
  let mant = u & 0x7fffff;
  if (exp === 0xff) return sign | 0x7c00 | (mant ? 0x200 : 0);
  const e = exp - 127 + 15;
  if (e >= 31) return sign | 0x7c00;
  if (e <= 0) {
    if (e < -10) return sign;
    mant |= 0x800000;
    const shift = 14 - e;
    const half = mant >>> shift;
    const rest = mant & ((1 << shift) - 1);
    const mid = 1 << (shift - 1);
    return sign | (half + (rest > mid || (rest === mid && half & 1) ? 1 : 0));
  }
  const half = (e << 10) | (mant >>> 13);
  const rest = mant & 0x1fff;
  return sign | (half + (rest > 0x1000 || (rest === 0x1000 && half & 1) ? 1 : 0));
}

/**
 * Writes repaired scores into a file of the input's form (DenseSource.copyForRepair), from row-major
 * batches of all its columns, at their offsets: rows in place, or each class plane's slice.
 */
export class DenseWriter {
  private readonly fd: number;

  constructor(
    out: string,
    private readonly form: DenseForm,
    private readonly dataOffset: number,
  ) {
    this.fd = fs.openSync(out, 'r+');
  }

  private encode(values: Float32Array): Uint8Array {
    const { type, size, little } = this.form;
    if (type === 'float32' && little) return new Uint8Array(values.buffer, values.byteOffset, values.length * 4);
    const out = new Uint8Array(values.length * size);
    const view = new DataView(out.buffer);
    for (let i = 0; i < values.length; i++) {
      const x = values[i]!;
      if (type === 'float32') view.setFloat32(i * 4, x, little);
      else if (type === 'float64') view.setFloat64(i * 8, x, little);
      else if (type === 'bfloat16') view.setUint16(i * 2, floatToBfloat16(x), little);
      else view.setUint16(i * 2, floatToHalf(x), little);
    }
    return out;
  }

  /** `rows` rows of every column, row-major, numbered from `first`. */
  write(rowsMajor: Float32Array, first: number, rows: number): void {
    const { size, planar, classes } = this.form;
    if (!planar) {
      const bytes = this.encode(rowsMajor.subarray(0, rows * classes));
      fs.writeSync(this.fd, bytes, 0, bytes.length, this.dataOffset + first * classes * size);
      return;
    }
    const plane = new Float32Array(rows);
    for (let c = 0; c < classes; c++) {
      for (let r = 0; r < rows; r++) plane[r] = rowsMajor[r * classes + c]!;
      const bytes = this.encode(plane);
      fs.writeSync(this.fd, bytes, 0, bytes.length, this.dataOffset + (c * this.form.rows + first) * size);
    }
  }

  close(): void {
    fs.closeSync(this.fd);
  }
}

/** float32 to bfloat16 bits, rounding to nearest even. */
export function floatToBfloat16(x: number): number {
  const u = new Uint32Array(new Float32Array([x]).buffer)[0]!;
  if ((u & 0x7f800000) === 0x7f800000 && u & 0x7fffff) return (u >>> 16) | 0x40;
  return (u + 0x7fff + ((u >>> 16) & 1)) >>> 16;
}

function npyDtype(descr: string, name: string): Dtype {
  const m = /^([<>|=])([a-zA-Z])(\d+)$/.exec(descr);
  const code = m ? `${m[2]}${m[3]}` : descr;
  const type = ({ f2: 'float16', f4: 'float32', f8: 'float64' } as Record<string, ElementType | undefined>)[code];
  if (!m || !type) {
    const typeName = npyTypeNames[code] ?? (descr.startsWith('[') ? 'a structured dtype' : descr);
    throw new ScoreFormatError(`${name} holds ${typeName} ('${descr}'): scores must be float16, float32 or float64.`);
  }
  return { type, size: Number(m[3]), little: m[1] !== '>' };
}

/** Reads an .npy header at `base` (a file, or a stored .npz member); `limit` bytes belong to the array. */
function readNpyHeader(fd: number, base: number, limit: number, name: string): ArrayHeader & { descr: string } {
  const fixed = Buffer.alloc(12);
  const got = fs.readSync(fd, fixed, 0, Math.min(12, limit), base);
  if (got < 6 || fixed.toString('latin1', 0, 6) !== '\x93NUMPY') {
    if (got < 6 && fixed.subarray(0, got).equals(Buffer.from('\x93NUMPY', 'latin1').subarray(0, got)) && got > 0) throw new ScoreFormatError(`${name} is truncated: it ends inside the .npy header.`);
    throw new ScoreFormatError(`${name} is not an .npy file (it does not start with \\x93NUMPY).`);
  }
  if (got < 10) throw new ScoreFormatError(`${name} is truncated: it ends inside the .npy header.`);
  const major = fixed[6]!;
  const wide = major >= 2;
  const headerLength = wide ? fixed.readUInt32LE(8) : fixed.readUInt16LE(8);
  const start = wide ? 12 : 10;
  if (start + headerLength > limit) throw new ScoreFormatError(`${name} is truncated: it ends inside the .npy header.`);
  const header = Buffer.alloc(headerLength);
  fs.readSync(fd, header, 0, headerLength, base + start);
  const text = header.toString(major >= 3 ? 'utf8' : 'latin1');
  const descr = /'descr'\s*:\s*'([^']*)'/.exec(text)?.[1];
  const fortran = /'fortran_order'\s*:\s*(True|False)/.exec(text)?.[1];
  const shape = /'shape'\s*:\s*\(([^)]*)\)/.exec(text)?.[1];
  if (descr === undefined) {
    if (/'descr'\s*:\s*\[/.test(text)) throw new ScoreFormatError(`${name} holds a structured dtype: scores must be float16, float32 or float64.`);
    throw new ScoreFormatError(`${name} has an .npy header without a dtype.`);
  }
  if (fortran === undefined || shape === undefined) throw new ScoreFormatError(`${name} has an .npy header without ${fortran === undefined ? 'fortran_order' : 'a shape'}.`);
  const dims = shape
    .split(',')
    .map((s) => s.trim())
    .filter((s) => s.length > 0)
    .map(Number);
  if (dims.some((d) => !Number.isInteger(d) || d < 0)) throw new ScoreFormatError(`${name} has an .npy shape that is not a list of sizes: (${shape}).`);
  const dtype = npyDtype(descr, name);
  return { dtype, dtypeText: dtype.type, descr, shape: dims, fortran: fortran === 'True', dataOffset: base + start + headerLength, available: limit - start - headerLength };
}

/** A 1-D .npy array of strings ('<U n' UTF-32 or '|S n' bytes), as `np.array(['dog', 'cat'])` saves it. */
function parseNpyStrings(bytes: Buffer, name: string): string[] {
  if (bytes.toString('latin1', 0, 6) !== '\x93NUMPY') throw new ScoreFormatError(`${name}: its classes array is not an .npy array.`);
  const wide = bytes[6]! >= 2;
  const length = wide ? bytes.readUInt32LE(8) : bytes.readUInt16LE(8);
  const start = wide ? 12 : 10;
  const text = bytes.toString('latin1', start, start + length);
  const descr = /'descr'\s*:\s*'([^']*)'/.exec(text)?.[1] ?? '';
  const dims = (/'shape'\s*:\s*\(([^)]*)\)/.exec(text)?.[1] ?? '').split(',').filter((s) => s.trim()).map(Number);
  const count = dims.reduce((a, b) => a * b, 1);
  const body = bytes.subarray(start + length);
  const m = /^([<>|=])([US])(\d+)$/.exec(descr);
  if (!m) {
    throw new ScoreFormatError(
      descr === '|O'
        ? `${name}: its classes array holds Python objects (pickled): save the names with np.array(names, dtype=str).`
        : `${name}: its classes array has dtype '${descr}': expected strings.`,
    );
  }
  const width = Number(m[3]);
  const names: string[] = [];
  for (let i = 0; i < count; i++) {
    if (m[2] === 'U') {
      let s = '';
      for (let j = 0; j < width; j++) {
        const at = (i * width + j) * 4;
        const cp = m[1] === '>' ? body.readUInt32BE(at) : body.readUInt32LE(at);
        if (cp === 0) break;
        s += String.fromCodePoint(cp);
      }
      names.push(s);
    } else {
      const raw = body.subarray(i * width, (i + 1) * width);
      const end = raw.indexOf(0);
      names.push(raw.toString('utf8', 0, end < 0 ? width : end));
    }
  }
  return names;
}

// --- .npz --------------------------------------------------------------------------------------------

async function openNpz(file: string, options: ScoreFileOptions): Promise<ScoreSource> {
  const name = path.basename(file);
  const yauzl = await import('yauzl');
  let zip: import('yauzl').ZipFile;
  try {
    zip = await yauzl.openPromise(file, { lazyEntries: true, autoClose: false });
  } catch (e) {
    if ((e as NodeJS.ErrnoException).code === 'ENOENT') throw e;
    throw new ScoreFormatError(`${name} is not a readable .npz (zip) file: ${(e as Error).message}.`);
  }
  try {
    const entries = new Map<string, import('yauzl').Entry>();
    await new Promise<void>((resolve, reject) => {
      zip.on('entry', (entry: import('yauzl').Entry) => {
        entries.set(entry.fileName, entry);
        zip.readEntry();
      });
      zip.on('end', () => resolve());
      zip.on('error', reject);
      zip.readEntry();
    }).catch((e: Error) => {
      throw new ScoreFormatError(`${name} is not a readable .npz (zip) file: ${e.message}.`);
    });
    const arrays = [...entries.keys()].filter((n) => n.endsWith('.npy')).map((n) => n.slice(0, -4));
    let key = options.key;
    if (key === undefined) {
      const candidates = arrays.filter((a) => a !== 'classes');
      if (candidates.length === 0) throw new ScoreFormatError(`${name} holds no score array${arrays.length ? ` (only ${arrays.join(', ')})` : ''}.`);
      if (candidates.length > 1) throw new ScoreFormatError(`${name} holds several arrays (${candidates.join(', ')}): choose one with --key.`);
      key = candidates[0]!;
    }
    const entry = entries.get(`${key}.npy`);
    if (!entry) throw new ScoreFormatError(`${name} has no array '${key}' (it holds ${arrays.join(', ') || 'none'}).`);
    let embedded: string[] | undefined;
    const classesEntry = entries.get('classes.npy');
    if (classesEntry && key !== 'classes') {
      if (classesEntry.uncompressedSize > 64 << 20) throw new ScoreFormatError(`${name}: its classes array is over 64 MiB.`);
      const stream = await zip.openReadStreamPromise(classesEntry);
      const chunks: Buffer[] = [];
      for await (const chunk of stream as AsyncIterable<Buffer>) chunks.push(chunk);
      embedded = parseNpyStrings(Buffer.concat(chunks), name);
    }
    if (entry.compressionMethod === 0) {
      // Stored (np.savez): the member's bytes lie in the zip as they are; read them at their offset.
      const { fileDataStart } = await zip.readLocalFileHeaderPromise(entry, { minimal: true });
      const fd = openFile(file);
      try {
        const h = readNpyHeader(fd, fileDataStart, entry.uncompressedSize, name);
        return denseSource(file, 'npz', fd, h, options, embedded, 'classes array', undefined, { name: entry.fileName, start: fileDataStart, compressed: false });
      } catch (e) {
        fs.closeSync(fd);
        throw e;
      }
    }
    // Deflated (np.savez_compressed): inflate the member to a temporary file, so memory stays bounded and
    // the class planes of a CHW array can be read at their offsets like any .npy.
    if (options.probe) return probeOnly(file, 'npz');
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nesy-npz-'));
    const spooled = path.join(dir, `${key.replace(/[^\w.-]/g, '_')}.npy`);
    const cleanup = () => fs.rmSync(dir, { recursive: true, force: true });
    try {
      await pipeline(await zip.openReadStreamPromise(entry), fs.createWriteStream(spooled));
      const fd = openFile(spooled);
      try {
        const h = readNpyHeader(fd, 0, fs.fstatSync(fd).size, name);
        const src = denseSource(file, 'npz', fd, h, options, embedded, 'classes array', cleanup, { name: entry.fileName, start: 0, compressed: true });
        // Reading a range would mean inflating the member again in each worker: read it whole.
        (src as DenseSource).seekable = false;
        return src;
      } catch (e) {
        fs.closeSync(fd);
        throw e;
      }
    } catch (e) {
      cleanup();
      throw e instanceof ScoreFormatError ? e : new ScoreFormatError(`${name}: cannot inflate '${key}.npy': ${(e as Error).message}.`);
    }
  } finally {
    zip.close();
  }
}

/** A source that only says it must be read whole (a probe of a file that is costly to open). */
function probeOnly(file: string, format: ScoreFormat): ScoreSource {
  return {
    path: file,
    format,
    columns: [],
    complete: true,
    rows: undefined,
    seekable: false,
    batches() {
      throw new Error('a probe reads no scores');
    },
    async close() {},
  };
}

// --- .safetensors ------------------------------------------------------------------------------------

const safetensorsTypes: Record<string, Dtype | undefined> = {
  F16: { type: 'float16', size: 2, little: true },
  BF16: { type: 'bfloat16', size: 2, little: true },
  F32: { type: 'float32', size: 4, little: true },
  F64: { type: 'float64', size: 8, little: true },
};

async function openSafetensors(file: string, options: ScoreFileOptions): Promise<ScoreSource> {
  const name = path.basename(file);
  const fd = openFile(file);
  try {
    const size = fs.fstatSync(fd).size;
    const head = Buffer.alloc(8);
    if (fs.readSync(fd, head, 0, 8, 0) < 8) throw new ScoreFormatError(`${name} is truncated: it ends inside the safetensors header.`);
    const length = Number(head.readBigUInt64LE(0));
    if (length > 100 << 20) throw new ScoreFormatError(`${name} is not a safetensors file (its header would be ${length} bytes).`);
    if (8 + length > size) throw new ScoreFormatError(`${name} is truncated: it ends inside the safetensors header.`);
    const json = Buffer.alloc(length);
    fs.readSync(fd, json, 0, length, 8);
    let header: Record<string, { dtype?: string; shape?: number[]; data_offsets?: [number, number] } & Record<string, unknown>>;
    try {
      header = JSON.parse(json.toString('utf8')) as typeof header;
    } catch {
      throw new ScoreFormatError(`${name} is not a safetensors file (its header is not JSON).`);
    }
    const metadata = header.__metadata__ as Record<string, string> | undefined;
    const tensors = Object.keys(header).filter((k) => k !== '__metadata__');
    let key = options.key;
    if (key === undefined) {
      if (tensors.length !== 1) throw new ScoreFormatError(tensors.length ? `${name} holds several tensors (${tensors.join(', ')}): choose one with --key.` : `${name} holds no tensor.`);
      key = tensors[0]!;
    }
    const t = header[key];
    if (!t || key === '__metadata__') throw new ScoreFormatError(`${name} has no tensor '${key}' (it holds ${tensors.join(', ') || 'none'}).`);
    const dtype = safetensorsTypes[t.dtype ?? ''];
    if (!dtype) throw new ScoreFormatError(`${name} holds ${t.dtype}: scores must be F16, BF16, F32 or F64.`);
    const [begin, end] = t.data_offsets ?? [0, 0];
    const dataStart = 8 + length;
    let embedded: string[] | undefined;
    if (metadata?.classes !== undefined) {
      try {
        embedded = JSON.parse(metadata.classes) as string[];
      } catch {
        embedded = undefined;
      }
      if (!Array.isArray(embedded) || embedded.some((c) => typeof c !== 'string')) throw new ScoreFormatError(`${name}: its metadata's 'classes' is not a JSON array of names.`);
    }
    const h: ArrayHeader = {
      dtype,
      dtypeText: dtype.type,
      shape: t.shape ?? [],
      fortran: false,
      dataOffset: dataStart + begin,
      available: Math.max(0, Math.min(end, size - dataStart) - begin),
    };
    return denseSource(file, 'safetensors', fd, h, options, embedded, "metadata's classes");
  } catch (e) {
    fs.closeSync(fd);
    throw e;
  }
}

// --- JSON --------------------------------------------------------------------------------------------

class JsonSource implements ScoreSource {
  readonly format: ScoreFormat = 'json';
  readonly rows = undefined;
  readonly seekable = false;
  columns: string[] = [];
  complete = false;

  constructor(
    readonly path: string,
    private readonly wanted: string[],
  ) {}

  async *batches(from = 0, to = Infinity): AsyncGenerator<ScoreBatch> {
    if (from !== 0 || to !== Infinity) throw new Error('JSON scores are read whole, not by row ranges.');
    yield* readScores(
      this.path,
      this.wanted,
      (columns, complete) => {
        this.columns = columns;
        this.complete = complete;
      },
      scoreBatchRows,
    );
  }

  async close(): Promise<void> {}
}
