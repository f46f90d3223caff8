// Reading traces for the monitor: CSV with a header, or JSON lines, one sample per line, into one
// Float64Array per column. Lines are fed one at a time so a file is streamed (readline), never held
// whole as text; the samples themselves are kept, 8 bytes per sample per stored column.
import * as readline from 'node:readline';

/** A trace that cannot be read: the message names the file, the line and the column. */
export class TraceError extends Error {}

export interface TraceColumn {
  name: string;
  /** true as 1, false as 0. Empty when the column was not asked for (see TraceOptions.keep). */
  values: Float64Array;
  /** Every value was 0/1 or true/false: the column can be a proposition. */
  boolean: boolean;
  /** The values were written true/false: the column cannot be a signal. */
  truthWords: boolean;
  /** The first value that is neither 0 nor 1, for the error when a proposition names this column. */
  firstNumber?: { value: number; line: number };
}

export interface Trace {
  /** The file name, for messages. */
  source: string;
  length: number;
  times: Float64Array;
  /** Every column but `time`, in header order. */
  columns: Map<string, TraceColumn>;
}

export interface TraceOptions {
  /** Store only these columns' values (every column is still checked): a spec rarely reads them all. */
  keep?: ReadonlySet<string>;
}

const numberPattern = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/** A Float64Array that doubles as it fills. */
class Growable {
  data = new Float64Array(1024);
  length = 0;
  push(v: number): void {
    if (this.length === this.data.length) {
      const bigger = new Float64Array(this.data.length * 2);
      bigger.set(this.data);
      this.data = bigger;
    }
    this.data[this.length++] = v;
  }
  done(): Float64Array {
    return this.data.subarray(0, this.length);
  }
  /** Drops the first `count` values. */
  shift(count: number): void {
    this.data.copyWithin(0, count, this.length);
    this.length -= count;
  }
}

class ColumnState {
  readonly store: Growable | undefined;
  sawWord = false;
  firstNumber: { value: number; line: number } | undefined;
  constructor(readonly name: string, keep: boolean) {
    this.store = keep ? new Growable() : undefined;
  }
}

/** Takes a trace's lines one by one (1-based line numbers are counted here) and builds the Trace. */
export class TraceReader {
  private lineNumber = 0;
  private format: 'csv' | 'jsonl' | undefined;
  private columns: ColumnState[] = [];
  private byName = new Map<string, ColumnState>();
  private timeIndex = -1;
  private readonly times = new Growable();
  /** Samples read, including those discarded. */
  private total = 0;
  private lastTime = Number.NaN;

  constructor(private readonly source: string, private readonly options: TraceOptions = {}) {}

  line(text: string): void {
    this.lineNumber++;
    if (this.lineNumber === 1 && text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    const trimmed = text.trim();
    if (trimmed === '') return;
    if (this.format === undefined) {
      this.format = trimmed.startsWith('{') ? 'jsonl' : 'csv';
      if (this.format === 'csv') {
        this.header(trimmed);
        return;
      }
    }
    if (this.format === 'csv') this.csvRow(trimmed);
    else this.jsonRow(trimmed);
  }

  /** How many samples have been read so far, discarded ones included. */
  get sampleCount(): number {
    return this.total;
  }

  /** The index in the whole trace of the first sample still held (see discard). */
  get offset(): number {
    return this.total - this.times.length;
  }

  /**
   * Forgets the first `count` held samples, for streaming evaluation. The arrays of an earlier
   * finish() are overwritten by this: take a new view after it.
   */
  discard(count: number): void {
    if (count <= 0) return;
    this.times.shift(count);
    for (const c of this.columns) c.store?.shift(count);
  }

  /**
   * The samples held so far (all of them unless some were discarded); more lines may follow. The
   * arrays are views that stay valid while lines are added, until the next discard().
   */
  finish(): Trace {
    const length = this.times.length;
    if (this.total === 0) throw new TraceError(`${this.source}: the trace has no samples`);
    const columns = new Map<string, TraceColumn>();
    for (const c of this.columns) {
      columns.set(c.name, {
        name: c.name,
        values: c.store ? c.store.done() : new Float64Array(0),
        boolean: c.firstNumber === undefined,
        truthWords: c.sawWord,
        ...(c.firstNumber ? { firstNumber: c.firstNumber } : {}),
      });
    }
    return { source: this.source, length, times: this.times.done(), columns };
  }

  private fail(message: string): never {
    throw new TraceError(`${this.source}:${this.lineNumber}: ${message}`);
  }

  private addColumn(name: string): void {
    if (name === '') this.fail(`column ${this.columns.length + 2} of the header has no name`);
    if (this.byName.has(name)) this.fail(`column '${name}' appears twice`);
    const c = new ColumnState(name, this.options.keep ? this.options.keep.has(name) : true);
    this.columns.push(c);
    this.byName.set(name, c);
  }

  private header(text: string): void {
    const names = text.split(',').map(unquote);
    this.timeIndex = names.indexOf('time');
    if (this.timeIndex < 0) this.fail(`the header has no 'time' column (it has ${names.map((n) => `'${n}'`).join(', ')})`);
    names.forEach((name, i) => {
      if (i !== this.timeIndex) this.addColumn(name);
    });
  }

  private csvRow(text: string): void {
    const fields = text.split(',');
    const expected = this.columns.length + 1;
    if (fields.length !== expected) this.fail(`${fields.length} value${fields.length === 1 ? '' : 's'} for ${expected} columns`);
    let c = 0;
    for (let i = 0; i < fields.length; i++) {
      const raw = unquote(fields[i]!);
      if (i === this.timeIndex) {
        this.time(numberPattern.test(raw) ? Number(raw) : Number.NaN, raw === '' ? 'empty' : `'${raw}'`);
        continue;
      }
      const column = this.columns[c++]!;
      if (raw === '') this.fail(`column '${column.name}': the value is empty`);
      const lower = raw.toLowerCase();
      if (lower === 'true' || lower === 'false') this.word(column, lower === 'true', `'${raw}'`);
      else if (numberPattern.test(raw)) this.number(column, Number(raw), raw);
      else this.fail(`column '${column.name}': '${raw}' is not 0/1, true/false or a number`);
    }
  }

  private jsonRow(text: string): void {
    let row: unknown;
    try {
      row = JSON.parse(text);
    } catch (e) {
      this.fail(`not a JSON object (${(e as Error).message})`);
    }
    if (typeof row !== 'object' || row === null || Array.isArray(row)) this.fail('not a JSON object');
    const record = row as Record<string, unknown>;
    if (this.total === 0 && this.columns.length === 0) {
      for (const key of Object.keys(record)) if (key !== 'time') this.addColumn(key);
    }
    if (!('time' in record)) this.fail(`column 'time' is missing`);
    const t = record.time;
    this.time(typeof t === 'number' ? t : Number.NaN, JSON.stringify(t));
    for (const key of Object.keys(record)) {
      if (key !== 'time' && !this.byName.has(key)) this.fail(`column '${key}' is not in the first row`);
    }
    for (const column of this.columns) {
      if (!(column.name in record)) this.fail(`column '${column.name}' is missing`);
      const v = record[column.name];
      if (typeof v === 'boolean') this.word(column, v, String(v));
      else if (typeof v === 'number' && Number.isFinite(v)) this.number(column, v, String(v));
      else this.fail(`column '${column.name}': ${JSON.stringify(v)} is not 0/1, true/false or a number`);
    }
  }

  private time(t: number, shown: string): void {
    if (!Number.isFinite(t)) this.fail(`column 'time': ${shown} is not a number`);
    if (this.total > 0 && !(t > this.lastTime)) {
      this.fail(`column 'time': ${t} is not after the previous sample's time ${this.lastTime} (times must increase strictly)`);
    }
    this.times.push(t);
    this.lastTime = t;
    this.total++;
  }

  private word(column: ColumnState, value: boolean, shown: string): void {
    if (column.firstNumber) this.fail(`column '${column.name}': ${shown} is a truth value, but earlier rows of '${column.name}' were numbers`);
    column.sawWord = true;
    column.store?.push(value ? 1 : 0);
  }

  private number(column: ColumnState, value: number, shown: string): void {
    if (value !== 0 && value !== 1) {
      if (column.sawWord) this.fail(`column '${column.name}': ${shown} is not a truth value, but earlier rows of '${column.name}' were true/false`);
      column.firstNumber ??= { value, line: this.lineNumber };
    }
    column.store?.push(value);
  }
}

function unquote(field: string): string {
  const f = field.trim();
  return f.length >= 2 && f.startsWith('"') && f.endsWith('"') ? f.slice(1, -1) : f;
}

/** Reads a whole trace held as text (tests, small inputs). */
export function parseTrace(text: string, source: string, options: TraceOptions = {}): Trace {
  const reader = new TraceReader(source, options);
  let from = 0;
  while (from <= text.length) {
    const nl = text.indexOf('\n', from);
    const to = nl < 0 ? text.length : nl;
    if (nl >= 0 || to > from) reader.line(text.slice(from, to));
    if (nl < 0) break;
    from = nl + 1;
  }
  return reader.finish();
}

/** Reads a trace from a stream line by line. */
export async function readTrace(input: NodeJS.ReadableStream, source: string, options: TraceOptions = {}): Promise<Trace> {
  const reader = new TraceReader(source, options);
  const lines = readline.createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
  for await (const line of lines) reader.line(line);
  return reader.finish();
}
