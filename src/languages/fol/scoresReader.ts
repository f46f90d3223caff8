// Streams class scores out of a JSON file into Float32Array batches without ever holding the file
// or a JS object per sample. Two shapes are read:
//   [{"dog": 0.9, "cat": 0.1}, ...]                 (columns are the classes the caller asks for)
//   {"classes": ["dog", "cat"], "scores": [[0.9, 0.1], ...]}   ("classes" must come before "scores")
// A byte-level scanner is used because a general streaming JSON library allocates a token object per
// number, which at 10^6 x 150 numbers dominates the run time.
import * as fs from 'node:fs';

export interface ScoreBatch {
  /** rows * columns scores, row-major. */
  data: Float32Array;
  rows: number;
  /** Index of the first row of this batch in the file. */
  firstRow: number;
}

const enum Tok {
  None,
  String,
  Number,
  Literal,
}

export class ScoreFormatError extends Error {}

/**
 * Reads the file; `wanted` names the columns to collect from the array-of-objects form.
 * `onColumns` runs once the column list is known, before the first batch; `complete` says every row
 * is known to have every column (the matrix form), so the caller need not look for missing scores.
 */
export async function* readScores(path: string, wanted: string[], onColumns: (columns: string[], complete: boolean) => void, batchRows = 4096): AsyncGenerator<ScoreBatch> {
  let columns: string[] = [];
  let width = 0;
  let colIndex = new Map<string, number>();
  let form: 'unknown' | 'objects' | 'matrix' = 'unknown';
  let data = new Float32Array(0);
  let rows = 0;
  let firstRow = 0;
  let col = 0;
  const ready: ScoreBatch[] = [];

  // Structure tracking: a stack of container kinds, and the current key at depth 1 / depth 2.
  const stack: number[] = []; // 1 = object, 2 = array
  let expectKey = false;
  let topKey = '';
  let rowKey = '';
  let classesSeen = false;
  const classList: string[] = [];

  const startBatch = () => {
    data = new Float32Array(batchRows * width).fill(Number.NaN);
    rows = 0;
  };
  const setColumns = (cs: string[]) => {
    columns = cs;
    width = cs.length;
    colIndex = new Map(cs.map((c, i) => [c, i]));
    onColumns(cs, form === 'matrix');
    startBatch();
  };
  const endRow = () => {
    rows++;
    if (rows === batchRows) {
      ready.push({ data, rows, firstRow });
      firstRow += rows;
      startBatch();
    }
  };

  const onValue = (kind: Tok, str: string, num: number) => {
    const depth = stack.length;
    if (form === 'objects') {
      if (depth === 2 && kind === Tok.Number) {
        const c = colIndex.get(rowKey);
        if (c !== undefined) {
          if (num < 0 || num > 1) throw new ScoreFormatError(`Sample ${firstRow + rows}: score ${num} for '${rowKey}' is outside [0, 1].`);
          data[rows * width + c] = num;
        }
      }
      return;
    }
    if (form === 'matrix') {
      if (depth === 2 && topKey === 'classes' && kind === Tok.String) classList.push(str);
      else if (depth === 3 && topKey === 'scores') {
        if (kind !== Tok.Number) throw new ScoreFormatError(`Sample ${firstRow + rows}: scores must be numbers.`);
        if (col >= width) throw new ScoreFormatError(`Sample ${firstRow + rows} has more scores than the ${width} classes.`);
        if (num < 0 || num > 1) throw new ScoreFormatError(`Sample ${firstRow + rows}: score ${num} for '${columns[col]}' is outside [0, 1].`);
        data[rows * width + col++] = num;
      }
    }
  };
  const onOpen = (kind: 1 | 2) => {
    if (stack.length === 0) {
      form = kind === 2 ? 'objects' : 'matrix';
      if (form === 'objects') setColumns(wanted);
    } else if (form === 'matrix' && stack.length === 1 && topKey === 'scores') {
      if (!classesSeen) throw new ScoreFormatError('"classes" must come before "scores" in the predictions file.');
    } else if (form === 'matrix' && stack.length === 2 && topKey === 'scores') {
      col = 0;
    } else if (form === 'objects' && stack.length === 1 && kind !== 1) {
      throw new ScoreFormatError(`Sample ${firstRow + rows} is not an object of class scores.`);
    }
    stack.push(kind);
    expectKey = kind === 1;
  };
  const onClose = () => {
    const kind = stack.pop();
    const depth = stack.length;
    if (form === 'objects' && depth === 1 && kind === 1) endRow();
    if (form === 'matrix' && depth === 2 && topKey === 'scores') {
      if (col !== width) throw new ScoreFormatError(`Sample ${firstRow + rows} has ${col} scores, but there are ${width} classes.`);
      endRow();
    }
    if (form === 'matrix' && depth === 1 && topKey === 'classes') {
      classesSeen = true;
      setColumns(classList);
    }
    expectKey = stack.at(-1) === 1;
  };
  const onKey = (key: string) => {
    if (stack.length === 1) topKey = key;
    else if (stack.length === 2) rowKey = key;
  };

  // Scanner state carried across chunks.
  let tok: Tok = Tok.None;
  let strBuf = '';
  let escape = false;
  let numText = '';
  const finishToken = () => {
    if (tok === Tok.Number) {
      const n = Number(numText);
      if (Number.isNaN(n)) throw new ScoreFormatError(`'${numText}' is not a number.`);
      onValue(Tok.Number, '', n);
    } else if (tok === Tok.Literal) {
      onValue(Tok.Literal, numText, Number.NaN);
    }
    tok = Tok.None;
  };

  const stream = fs.createReadStream(path, { highWaterMark: 1 << 20 });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    const n = chunk.length;
    let i = 0;
    while (i < n) {
      if (tok === Tok.String) {
        // Fast path: copy up to the next quote or backslash in one slice.
        let j = i;
        if (!escape) while (j < n && chunk[j] !== 0x22 && chunk[j] !== 0x5c) j++;
        if (j > i) strBuf += chunk.toString('utf8', i, j);
        i = j;
        if (i >= n) break;
        const c = chunk[i++];
        if (escape) {
          strBuf += JSON.parse(`"\\${String.fromCharCode(c)}"`) as string;
          escape = false;
        } else if (c === 0x5c) escape = true;
        else {
          tok = Tok.None;
          if (expectKey) onKey(strBuf);
          else onValue(Tok.String, strBuf, Number.NaN);
        }
        continue;
      }
      const c = chunk[i];
      if (tok === Tok.Number || tok === Tok.Literal) {
        // Numbers are short; gather their characters (they may straddle a chunk boundary).
        let j = i;
        while (j < n) {
          const d = chunk[j];
          if ((d >= 0x30 && d <= 0x39) || d === 0x2e || d === 0x2d || d === 0x2b || d === 0x65 || d === 0x45 || (d >= 0x61 && d <= 0x7a)) j++;
          else break;
        }
        numText += chunk.toString('latin1', i, j);
        i = j;
        if (i < n) finishToken();
        continue;
      }
      i++;
      switch (c) {
        case 0x20:
        case 0x0a:
        case 0x0d:
        case 0x09:
          break;
        case 0x7b:
          onOpen(1);
          break;
        case 0x5b:
          onOpen(2);
          break;
        case 0x7d:
        case 0x5d:
          onClose();
          break;
        case 0x3a:
          expectKey = false;
          break;
        case 0x2c:
          expectKey = stack.at(-1) === 1;
          break;
        case 0x22:
          tok = Tok.String;
          strBuf = '';
          break;
        default:
          if ((c >= 0x30 && c <= 0x39) || c === 0x2d) {
            const end = numberEnd(chunk, i);
            if (end < n) {
              // The common case: the whole number lies in this chunk and is read without a string.
              onValue(Tok.Number, '', parseNumber(chunk, i - 1, end));
              i = end;
            } else {
              tok = Tok.Number;
              numText = chunk.toString('latin1', i - 1, end);
              i = end;
            }
          } else if (c === 0x74 || c === 0x66 || c === 0x6e) {
            tok = Tok.Literal;
            numText = String.fromCharCode(c);
          } else {
            throw new ScoreFormatError(`Unexpected character '${String.fromCharCode(c)}' in the predictions file.`);
          }
      }
    }
    while (ready.length) yield ready.shift()!;
  }
  finishToken();
  if (stack.length) throw new ScoreFormatError('The predictions file ends before its JSON is complete.');
  if (form === 'unknown') throw new ScoreFormatError('The predictions file is empty.');
  if (form === 'matrix' && !classesSeen) throw new ScoreFormatError('The predictions file has no "classes" list.');
  while (ready.length) yield ready.shift()!;
  if (rows > 0) yield { data: data.subarray(0, rows * width), rows, firstRow };
}

function isNumberByte(d: number): boolean {
  return (d >= 0x30 && d <= 0x39) || d === 0x2e || d === 0x2d || d === 0x2b || d === 0x65 || d === 0x45;
}

function numberEnd(b: Buffer, from: number): number {
  let j = from;
  while (j < b.length && isNumberByte(b[j])) j++;
  return j;
}

const pow10 = Array.from({ length: 23 }, (_, i) => 10 ** i);

/** JSON number in b[start, end). Falls back to Number() for long mantissas or large exponents. */
function parseNumber(b: Buffer, start: number, end: number): number {
  let i = start;
  let negative = false;
  if (b[i] === 0x2d) {
    negative = true;
    i++;
  }
  let mantissa = 0;
  let digits = 0;
  let scale = 0;
  for (; i < end && b[i] >= 0x30 && b[i] <= 0x39; i++, digits++) mantissa = mantissa * 10 + (b[i] - 0x30);
  if (i < end && b[i] === 0x2e) {
    for (i++; i < end && b[i] >= 0x30 && b[i] <= 0x39; i++, digits++, scale--) mantissa = mantissa * 10 + (b[i] - 0x30);
  }
  if (i < end && (b[i] === 0x65 || b[i] === 0x45)) {
    i++;
    let expNegative = false;
    if (b[i] === 0x2d || b[i] === 0x2b) expNegative = b[i++] === 0x2d;
    let e = 0;
    for (; i < end && b[i] >= 0x30 && b[i] <= 0x39; i++) e = e * 10 + (b[i] - 0x30);
    scale += expNegative ? -e : e;
  }
  if (i !== end || digits === 0) throw new ScoreFormatError(`'${b.toString('latin1', start, end)}' is not a number.`);
  if (digits > 15 || scale < -22 || scale > 22) return Number(b.toString('latin1', start, end));
  const v = scale < 0 ? mantissa / pow10[-scale] : mantissa * pow10[scale];
  return negative ? -v : v;
}
