// Writes the score files networks produce (.npy, .npz, .safetensors), byte by byte, so the reader
// tests need neither NumPy nor PyTorch. The formats: numpy.org/doc/stable/reference/generated/numpy.lib.format.html
// and huggingface.co/docs/safetensors.
import { zipSync } from 'fflate';

export type NpyDtype = '<f4' | '<f2' | '<f8' | '>f4' | '<i4' | '|u1';

/** IEEE half-precision bits of x, rounded to nearest even (the tests use values exact in float16). */
export function float16Bits(x: number): number {
  const f = new Float32Array([x]);
  const u = new Uint32Array(f.buffer)[0]!;
  const sign = (u >>> 16) & 0x8000;
  const exp = ((u >>> 23) & 0xff) - 127 + 15;
  const mant = u & 0x7fffff;
  if (exp <= 0) {
    if (exp < -10) return sign;
    const m = (mant | 0x800000) >>> (1 - exp);
    return sign | ((m + 0x1000) >>> 13);
  }
  if (exp >= 31) return sign | 0x7c00;
  return sign | ((exp << 10) | (mant >>> 13)) + ((mant >>> 12) & 1);
}

function encode(dtype: string, values: ArrayLike<number>): Uint8Array {
  const n = values.length;
  const size = Number(dtype.slice(2));
  const out = new Uint8Array(n * size);
  const view = new DataView(out.buffer);
  const little = dtype[0] !== '>';
  for (let i = 0; i < n; i++) {
    const v = values[i]!;
    if (dtype.endsWith('f4')) view.setFloat32(i * 4, v, little);
    else if (dtype.endsWith('f8')) view.setFloat64(i * 8, v, little);
    else if (dtype.endsWith('f2')) view.setUint16(i * 2, float16Bits(v), little);
    else if (dtype.endsWith('i4')) view.setInt32(i * 4, v, little);
    else if (dtype.endsWith('u1')) view.setUint8(i, v);
  }
  return out;
}

/** An .npy file: `values` in C order (or Fortran order with `fortran`) for the given shape. */
export function npyBytes(dtype: NpyDtype, shape: number[], values: ArrayLike<number>, options: { fortran?: boolean } = {}): Buffer {
  const shapeText = shape.length === 1 ? `(${shape[0]},)` : `(${shape.join(', ')})`;
  let header = `{'descr': '${dtype}', 'fortran_order': ${options.fortran ? 'True' : 'False'}, 'shape': ${shapeText}, }`;
  // Magic (6) + version (2) + length (2) + header, padded with spaces to a multiple of 64 and ending in \n.
  const total = Math.ceil((10 + header.length + 1) / 64) * 64;
  header = header.padEnd(total - 10 - 1, ' ') + '\n';
  const head = Buffer.alloc(10);
  head.write('\x93NUMPY', 0, 'latin1');
  head[6] = 1;
  head[7] = 0;
  head.writeUInt16LE(header.length, 8);
  return Buffer.concat([head, Buffer.from(header, 'latin1'), encode(dtype, values)]);
}

/** An .npy array of strings, as NumPy stores `np.array(['dog', 'cat'])` (dtype '<U n', UTF-32). */
export function npyStrings(names: string[]): Buffer {
  const width = Math.max(1, ...names.map((n) => [...n].length));
  const header = `{'descr': '<U${width}', 'fortran_order': False, 'shape': (${names.length},), }`;
  const total = Math.ceil((10 + header.length + 1) / 64) * 64;
  const padded = header.padEnd(total - 11, ' ') + '\n';
  const head = Buffer.alloc(10);
  head.write('\x93NUMPY', 0, 'latin1');
  head[6] = 1;
  head.writeUInt16LE(padded.length, 8);
  const body = Buffer.alloc(names.length * width * 4);
  names.forEach((n, i) => [...n].forEach((ch, j) => body.writeUInt32LE(ch.codePointAt(0)!, (i * width + j) * 4)));
  return Buffer.concat([head, Buffer.from(padded, 'latin1'), body]);
}

/** An .npz: a zip of .npy members, stored (`np.savez`) or deflated (`np.savez_compressed`). */
export function npzBytes(members: Record<string, Uint8Array>, compressed = false): Buffer {
  const files: Record<string, Uint8Array> = {};
  for (const [name, bytes] of Object.entries(members)) files[`${name}.npy`] = bytes;
  return Buffer.from(zipSync(files, { level: compressed ? 6 : 0 }));
}

/** A .safetensors file: 8-byte little-endian header length, the JSON header, then the tensors' bytes. */
export function safetensorsBytes(tensors: Record<string, { dtype: 'F32' | 'F16' | 'BF16' | 'F64' | 'I32'; shape: number[]; values: ArrayLike<number> }>, metadata?: Record<string, string>): Buffer {
  const header: Record<string, unknown> = metadata ? { __metadata__: metadata } : {};
  const parts: Uint8Array[] = [];
  let offset = 0;
  for (const [name, t] of Object.entries(tensors)) {
    let bytes: Uint8Array;
    if (t.dtype === 'BF16') {
      const f = Float32Array.from(t.values);
      const u = new Uint32Array(f.buffer);
      bytes = new Uint8Array(Uint16Array.from(u, (x) => x >>> 16).buffer);
    } else {
      bytes = encode({ F32: '<f4', F16: '<f2', F64: '<f8', I32: '<i4' }[t.dtype], t.values);
    }
    header[name] = { dtype: t.dtype, shape: t.shape, data_offsets: [offset, offset + bytes.length] };
    parts.push(bytes);
    offset += bytes.length;
  }
  const json = Buffer.from(JSON.stringify(header), 'utf8');
  const len = Buffer.alloc(8);
  len.writeBigUInt64LE(BigInt(json.length));
  return Buffer.concat([len, json, ...parts]);
}

/** Deterministic scores in [0, 1] (Mulberry32), rounded to multiples of 1/1024 so float16 holds them exactly. */
export function scores(count: number, seed = 1): Float32Array {
  let a = seed >>> 0;
  const out = new Float32Array(count);
  for (let i = 0; i < count; i++) {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    out[i] = Math.round((((t ^ (t >>> 14)) >>> 0) / 4294967296) * 1024) / 1024;
  }
  return out;
}

/** Row-major samples x classes from classes x height x width planes. */
export function chwToRows(planes: ArrayLike<number>, classes: number, pixels: number): Float32Array {
  const out = new Float32Array(classes * pixels);
  for (let c = 0; c < classes; c++) for (let p = 0; p < pixels; p++) out[p * classes + c] = planes[c * pixels + p]!;
  return out;
}
