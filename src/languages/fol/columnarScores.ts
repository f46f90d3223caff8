// Parquet (hyparquet) and Arrow IPC (apache-arrow) score files: one float column per class, one row per
// sample; columns of other types (ids, coordinates, labels) are not classes. Loaded on first use, so the
// .npy path and the language server do not pay for either library.
// Memory: Parquet is read one row group at a time, column by column into float32 planes (so a row group
// of R rows and C classes holds 4·R·C bytes); Arrow one record batch at a time. Both go through the same
// batches of scoreBatchRows rows as the other formats, so the same scores give the same report.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { checkScores, halfToFloat, scoreBatchRows, ScoreFormatError, type ScoreBatch, type ScoreFormat, type ScoreSource } from './scoreFiles';

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
