// Parquet (hyparquet) and Arrow IPC (apache-arrow) score files: one float column per class, one row per
// sample; columns of other types (ids, coordinates, labels) are not classes. Loaded on first use, so the
// .npy path and the language server do not pay for either library.
// Memory: Parquet is read one row group at a time, column by column into float32 planes (so a row group
// of R rows and C classes holds 4·R·C bytes); Arrow one record batch at a time. Both go through the same
// batches of scoreBatchRows rows as the other formats, so the same scores give the same report.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pipeline } from 'node:stream/promises';
import { checkScores, floatToHalf, halfToFloat, scoreBatchRows, ScoreFormatError, type ScoreBatch, type ScoreFormat, type ScoreSource } from './scoreFiles';

/** Collects rows of C columns into planar batches of scoreBatchRows, across the file's own chunks. */
class PlanarBatcher {
  private readonly data: Float32Array;
  private rows = 0;
  private firstRow = 0;

  constructor(
    private readonly columns: string[],
    private readonly name: string,
  ) {
    this.data = new Float32Array(columns.length * scoreBatchRows);
  }

  /** Appends rows [start, start + count) of each column (null or undefined: no score). */
  *append(cols: ArrayLike<number | null | undefined>[], start: number, count: number): Generator<ScoreBatch> {
    const B = scoreBatchRows;
    let done = 0;
    while (done < count) {
      const n = Math.min(count - done, B - this.rows);
      for (let c = 0; c < cols.length; c++) {
        const src = cols[c]!;
        const o = c * B + this.rows;
        for (let i = 0; i < n; i++) {
          const x = src[start + done + i];
          this.data[o + i] = x == null ? Number.NaN : x;
        }
      }
      this.rows += n;
      done += n;
      if (this.rows === B) yield this.take();
    }
  }

  *flush(): Generator<ScoreBatch> {
    if (this.rows > 0) yield this.take();
  }

  private take(): ScoreBatch {
    const batch = { data: this.data, rows: this.rows, firstRow: this.firstRow, plane: scoreBatchRows };
    checkScores(batch, this.columns, this.name);
    this.firstRow += this.rows;
    this.rows = 0;
    return batch;
  }
}

function wholeFileOnly(from: number, to: number, format: string): void {
  if (from !== 0 || to !== Infinity) throw new Error(`${format} scores are read whole, not by row ranges.`);
}

// --- Parquet -----------------------------------------------------------------------------------------

export async function openParquet(file: string): Promise<ScoreSource> {
  const name = path.basename(file);
  const hyparquet = await import('hyparquet');
  const { compressors } = await import('hyparquet-compressors');
  await fs.promises.access(file);
  const buffer = await hyparquet.asyncBufferFromFile(file);
  let metadata: Awaited<ReturnType<typeof hyparquet.parquetMetadataAsync>>;
  try {
    metadata = await hyparquet.parquetMetadataAsync(buffer);
  } catch (e) {
    throw new ScoreFormatError(`${name} is not a readable Parquet file: ${(e as Error).message}.`);
  }
  const tree = hyparquet.parquetSchema(metadata);
  const columns = tree.children
    .filter((c) => c.children.length === 0)
    .filter((c) => c.element.type === 'FLOAT' || c.element.type === 'DOUBLE' || c.element.logical_type?.type === 'FLOAT16')
    .map((c) => c.element.name);
  if (columns.length === 0) throw new ScoreFormatError(`${name} has no float column: a Parquet score file has one FLOAT or DOUBLE column per class.`);
  const groups = metadata.row_groups.map((g) => Number(g.num_rows));
  const rows = Number(metadata.num_rows);
  const source: ScoreSource = {
    path: file,
    format: 'parquet' as ScoreFormat,
    columns,
    complete: true,
    rows,
    seekable: false,
    async *batches(from = 0, to = Infinity) {
      wholeFileOnly(from, to, 'Parquet');
      const batcher = new PlanarBatcher(columns, name);
      let groupStart = 0;
      for (const groupRows of groups) {
        const planes = columns.map(() => new Float32Array(groupRows).fill(Number.NaN));
        for (let c = 0; c < columns.length; c++) {
          const plane = planes[c]!;
          await hyparquet.parquetRead({
            file: buffer,
            metadata,
            compressors,
            columns: [columns[c]!],
            rowStart: groupStart,
            rowEnd: groupStart + groupRows,
            onChunk(chunk) {
              const values = chunk.columnData as ArrayLike<number | null | undefined>;
              const lo = Math.max(chunk.rowStart, groupStart);
              const hi = Math.min(chunk.rowEnd, groupStart + groupRows);
              for (let r = lo; r < hi; r++) {
                const x = values[r - chunk.rowStart];
                plane[r - groupStart] = x == null ? Number.NaN : Number(x);
              }
            },
          });
        }
        yield* batcher.append(planes, 0, groupRows);
        groupStart += groupRows;
      }
      yield* batcher.flush();
    },
    async close() {},
  };
  return source;
}

// --- Arrow IPC ---------------------------------------------------------------------------------------

export async function openArrow(file: string): Promise<ScoreSource> {
  const name = path.basename(file);
  const arrow = await import('apache-arrow');
  await fs.promises.access(file);
  let stream = fs.createReadStream(file);
  let reader: Awaited<ReturnType<typeof arrow.AsyncRecordBatchStreamReader.from>>;
  const open = async () => {
    try {
      return await (await arrow.RecordBatchReader.from(stream)).open();
    } catch (e) {
      stream.destroy();
      throw new ScoreFormatError(`${name} is not a readable Arrow IPC file: ${(e as Error).message}.`);
    }
  };
  reader = await open();
  if (!reader.schema) {
    stream.destroy();
    throw new ScoreFormatError(`${name} is not a readable Arrow IPC file (no schema).`);
  }
  const fields = reader.schema.fields.map((f, i) => ({ f, i })).filter(({ f }) => arrow.DataType.isFloat(f.type));
  const columns = fields.map(({ f }) => f.name);
  if (columns.length === 0) throw new ScoreFormatError(`${name} has no float column: an Arrow score file has one float column per class.`);
  let used = false;
  return {
    path: file,
    format: 'arrow',
    columns,
    complete: true,
    rows: undefined,
    seekable: false,
    async *batches(from = 0, to = Infinity) {
      wholeFileOnly(from, to, 'Arrow');
      if (used) {
        stream = fs.createReadStream(file);
        reader = await open();
      }
      used = true;
      const batcher = new PlanarBatcher(columns, name);
      for await (const batch of reader) {
        const cols = fields.map(({ i }) => {
          const vector = batch.getChildAt(i)!;
          let values = vector.toArray() as ArrayLike<number>;
          if (values instanceof Uint16Array) {
            const table = halfToFloat();
            values = Float32Array.from(values, (h) => table[h]!);
          }
          if (vector.nullCount === 0) return values;
          return Array.from({ length: batch.numRows }, (_, r) => (vector.isValid(r) ? values[r] : null));
        });
        yield* batcher.append(cols, 0, batch.numRows);
      }
      yield* batcher.flush();
    },
    async close() {
      stream.destroy();
    },
  };
}

// --- repair (repair.ts) ------------------------------------------------------------------------------

/** Repairs `rows` rows of the class columns, row-major, in place. */
export type FixRows = (rowsMajor: Float32Array, rows: number) => void;

/** Row-major class scores of one chunk from its class columns (already checked: no nulls). */
function rowsOf(cols: ArrayLike<number>[], rows: number): Float32Array {
  const C = cols.length;
  const data = new Float32Array(rows * C);
  for (let c = 0; c < C; c++) {
    const col = cols[c]!;
    for (let r = 0; r < rows; r++) data[r * C + c] = col[r]!;
  }
  return data;
}

/** Column c of row-major scores, in the typed array a column of `kind` holds. */
function columnOf(data: Float32Array, rows: number, C: number, c: number, kind: 'float16' | 'float32' | 'float64'): Float32Array | Float64Array | Uint16Array {
  const out = kind === 'float64' ? new Float64Array(rows) : kind === 'float16' ? new Uint16Array(rows) : new Float32Array(rows);
  for (let r = 0; r < rows; r++) out[r] = kind === 'float16' ? floatToHalf(data[r * C + c]!) : data[r * C + c]!;
  return out;
}

/** Writes the Arrow IPC file or stream `file` to `out` with its class columns repaired, in the same IPC form. */
export async function repairArrow(file: string, out: string, columns: string[], fix: FixRows): Promise<void> {
  const arrow = await import('apache-arrow');
  const magic = Buffer.alloc(6);
  const fd = fs.openSync(file, 'r');
  try {
    fs.readSync(fd, magic, 0, 6, 0);
  } finally {
    fs.closeSync(fd);
  }
  const reader = await (await arrow.RecordBatchReader.from(fs.createReadStream(file))).open();
  const schema = reader.schema;
  const index = new Map(columns.map((name, c) => [name, c]));
  const classField = schema.fields.map((f) => (arrow.DataType.isFloat(f.type) ? index.get(f.name) : undefined));
  const kindOf = (f: (typeof schema.fields)[number]) => {
    const precision = (f.type as InstanceType<typeof arrow.Float>).precision;
    return precision === arrow.Precision.HALF ? 'float16' : precision === arrow.Precision.DOUBLE ? 'float64' : 'float32';
  };
  const writer = magic.toString('latin1') === 'ARROW1' ? new arrow.RecordBatchFileWriter() : new arrow.RecordBatchStreamWriter();
  const written = pipeline(writer.toNodeStream(), fs.createWriteStream(out));
  const C = columns.length;
  for await (const batch of reader) {
    const rows = batch.numRows;
    const cols: ArrayLike<number>[] = new Array(C);
      schema.fields.forEach((_, i) => {
      const c = classField[i];
      if (c === undefined) return;
      let values = batch.getChildAt(i)!.toArray() as ArrayLike<number>;
      if (values instanceof Uint16Array) {
        const table = halfToFloat();
        values = Float32Array.from(values, (h) => table[h]!);
      }
      cols[c] = values;
    });
    const data = rowsOf(cols, rows);
    fix(data, rows);
    const children = schema.fields.map((f, i) => {
      const c = classField[i];
      if (c === undefined) return batch.data.children[i]!;
      return arrow.makeData({ type: f.type as InstanceType<typeof arrow.Float>, length: rows, nullCount: 0, data: columnOf(data, rows, C, c, kindOf(f)) });
    });
    writer.write(new arrow.RecordBatch(schema, arrow.makeData({ type: new arrow.Struct(schema.fields), length: rows, nullCount: 0, children })));
    // Let the file stream take what was written before the next batch is read.
    await new Promise((resolve) => setImmediate(resolve));
  }
  writer.finish();
  await written;
}

/**
 * Writes the Parquet file `file` to `out` with its class columns repaired: the same schema, key-value
 * metadata and row groups, every other column as read. hyparquet-writer compresses with Snappy or not at
 * all, so a file compressed otherwise comes back in Snappy.
 */
export async function repairParquet(file: string, out: string, columns: string[], fix: FixRows): Promise<void> {
  const name = path.basename(file);
  const hyparquet = await import('hyparquet');
  const { compressors } = await import('hyparquet-compressors');
  const { ParquetWriter, fileWriter } = await import('hyparquet-writer');
  const buffer = await hyparquet.asyncBufferFromFile(file);
  const metadata = await hyparquet.parquetMetadataAsync(buffer);
  const tree = hyparquet.parquetSchema(metadata);
  const nested = tree.children.find((c) => c.children.length > 0);
  if (nested) throw new ScoreFormatError(`${name}: cannot write repaired scores back to a Parquet file with nested columns ('${nested.element.name}').`);
  const leaves = tree.children.map((c) => c.element);
  const index = new Map(columns.map((n, c) => [n, c]));
  const codec = metadata.row_groups[0]?.columns[0]?.meta_data?.codec === 'UNCOMPRESSED' ? 'UNCOMPRESSED' : 'SNAPPY';
  // hyparquet-writer types the schema with its own copy of hyparquet's types; the elements are the same.
  const schema = metadata.schema as unknown as ConstructorParameters<typeof ParquetWriter>[0]['schema'];
  const writer = new ParquetWriter({ writer: fileWriter(out), schema, codec, ...(metadata.key_value_metadata ? { kvMetadata: metadata.key_value_metadata } : {}) });
  const C = columns.length;
  let groupStart = 0;
  for (const group of metadata.row_groups) {
    const rows = Number(group.num_rows);
    const values = new Map<string, unknown[]>();
    for (const leaf of leaves) {
      const collected: unknown[] = new Array(rows);
      await hyparquet.parquetRead({
        file: buffer,
        metadata,
        compressors,
        columns: [leaf.name],
        rowStart: groupStart,
        rowEnd: groupStart + rows,
        onChunk(chunk) {
          const data = chunk.columnData as ArrayLike<unknown>;
          const lo = Math.max(chunk.rowStart, groupStart);
          const hi = Math.min(chunk.rowEnd, groupStart + rows);
          for (let r = lo; r < hi; r++) collected[r - groupStart] = data[r - chunk.rowStart];
        },
      });
      values.set(leaf.name, collected);
    }
    const classCols: ArrayLike<number>[] = columns.map((n) => values.get(n) as number[]);
    const data = rowsOf(classCols, rows);
    fix(data, rows);
    const columnData = leaves.map((leaf) => {
      const c = index.get(leaf.name);
      if (c === undefined) return { name: leaf.name, data: values.get(leaf.name)! };
      const repaired = Array.from(columnOf(data, rows, C, c, 'float64'));
      return { name: leaf.name, data: leaf.type === 'DOUBLE' ? Float64Array.from(repaired) : leaf.type === 'FLOAT' ? Float32Array.from(repaired) : repaired };
    });
    await writer.write({ columnData: columnData as Parameters<typeof writer.write>[0]['columnData'], rowGroupSize: rows });
    groupStart += rows;
  }
  await writer.finish();
}
