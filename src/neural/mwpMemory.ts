// The MWP retrieval memory (training/mwp/memory.py writes it): one int8 encoder vector per training
// problem and the id of its expression template. Problems like the user's vote for the templates
// that solved them; no problem text ships, only vectors and templates.
import { modelFiles, readJson } from './modelFiles';

interface MemoryMeta {
  format: number;
  rows: number;
  dim: number;
  /** Prefix templates over operators, N<i> and constants, e.g. `/ N0 - 1 N1`. */
  templates: string[];
}

export interface Neighbour {
  /** The neighbour's template, as prefix tokens. */
  template: readonly string[];
  /** Cosine similarity to the query. */
  similarity: number;
}

export class MwpMemory {
  private readonly templates: string[][];

  private constructor(
    private readonly dim: number,
    private readonly vectors: Int8Array,
    private readonly scales: Float32Array,
    private readonly rowTemplate: Uint16Array,
    templates: string[],
  ) {
    this.templates = templates.map((t) => t.split(' '));
  }

  get rows(): number {
    return this.scales.length;
  }

  /** Reads memory.json and memory.bin, refusing files whose sizes or template ids disagree. */
  static load(jsonFile: string, binFile: string): MwpMemory {
    const meta = readJson<MemoryMeta>(jsonFile);
    if (meta.format !== 1 || !(meta.rows > 0) || !(meta.dim > 0) || !Array.isArray(meta.templates)) {
      throw new Error(`${jsonFile} is not an MWP memory description (format 1 with rows, dim and templates).`);
    }
    if (!modelFiles().exists(binFile)) throw new Error(`Model file not found: ${binFile}`);
    const bytes = modelFiles().readBytes(binFile);
    const { rows, dim } = meta;
    const expected = rows * dim + rows * 4 + rows * 2;
    if (bytes.length !== expected) {
      throw new Error(`${binFile} is corrupt: ${bytes.length} bytes where ${rows} rows of width ${dim} take ${expected}.`);
    }
    // Copies keep the typed arrays aligned whatever offset the file's bytes have (Node's buffer pool).
    const vectors = new Int8Array(bytes.buffer.slice(bytes.byteOffset, bytes.byteOffset + rows * dim));
    const scales = new Float32Array(bytes.buffer.slice(bytes.byteOffset + rows * dim, bytes.byteOffset + rows * dim + rows * 4));
    const rowTemplate = new Uint16Array(bytes.buffer.slice(bytes.byteOffset + rows * dim + rows * 4, bytes.byteOffset + expected));
    if (rowTemplate.some((t) => t >= meta.templates.length)) throw new Error(`${binFile} is corrupt: a template id is out of range.`);
    return new MwpMemory(dim, vectors, scales, rowTemplate, meta.templates);
  }

  /** The k rows most similar to `query` (any scale; it is normalised here), best first. */
  nearest(query: Float32Array, k: number): Neighbour[] {
    if (query.length !== this.dim) throw new Error(`the query has width ${query.length}; the memory holds width ${this.dim}`);
    const norm = Math.hypot(...query) || 1;
    if (k <= 0) return [];
    const { dim, vectors, scales } = this;
    const similarities = new Float32Array(this.rows);
    for (let r = 0, at = 0; r < similarities.length; r++, at += dim) {
      let dot = 0;
      for (let d = 0; d < dim; d++) dot += query[d]! * vectors[at + d]!;
      similarities[r] = (dot * scales[r]!) / norm;
    }
    const top: { row: number; similarity: number }[] = [];
    similarities.forEach((similarity, row) => {
      if (top.length === k && similarity <= top[k - 1]!.similarity) return;
      let i = top.length;
      while (i > 0 && top[i - 1]!.similarity < similarity) i--;
      top.splice(i, 0, { row, similarity });
      if (top.length > k) top.pop();
    });
    return top.map(({ row, similarity }) => ({ template: this.templates[this.rowTemplate[row]!]!, similarity }));
  }
}
