// Rules compiled to small JavaScript loops over a batch of scores, for `nesy check-predictions` at 10^6
// samples x hundreds of rules. Per call, a kernel scores a few rules over some rows and writes, per rule,
// the crisp violation count, the sum of (1 - truth)^5 (LogicSeg's forall with q = 5) and the rows whose
// truth is below the rule's current worst-list limit (up to `candidates` of them; when more, the caller
// runs the kernel's `truths` twin over the rows), which the caller offers to the worst list in order: a
// call inside the hot loop (to offer) cost 40-60% of a kernel's time even when never taken.
//
// Why compiled, and why this shape (measured on 10^6 x 150, 303 rules, 2-core EPYC):
// - one function call per rule and row (a closure per rule) cost 9.3 s; a loop per rule 5.3 s.
// - E-rules of one sibling group (k -> AND_{o != k} !o, for each k) share their products: per row the
//   group computes prefix and suffix products of (1 - s) once, so n siblings cost O(n), not O(n^2);
//   crisply, k violates its rule when k holds and any other sibling does, i.e. k holds and at least two do.
// - the other rules are packed a few per loop, each column read once per row into a local, and the
//   crisp count is branch-free integer arithmetic (a mispredicted branch per rule and row was half the time).
// - one function for all rules is too large for V8 to optimize and ran 20x slower.
// - a kernel reads its columns at offsets it is passed (`cols`), not at offsets written into its source, so
//   kernels of the same shape over other columns are one function: on 303 rules, 8 functions for 37 kernels.
//   Each function runs in V8's interpreter, boxing every number, until it is optimized, so fewer functions that
//   get hot sooner took the first 16,384 rows from ~1.25 to ~0.8 s (wall) and scoring 10^6 x 150 from ~1.0
//   to ~0.8 s of CPU (2 cores at load 16, so upper bounds).
// The source holds only operators, numeric offsets and fixed local names, never text from the rule file
// (test/reliability/security.test.ts).
import type { Prop } from './monadic';

/** Where column c of row r lies in a batch: r * rowStride + c * colStride. */
export interface KernelLayout {
  rowStride: number;
  colStride: number;
}

export interface TallyKernel {
  /** Indices, into the bodies compiled, of the rules this kernel scores, in its output order. */
  rules: number[];
  /** Where each column the kernel reads lies in a row (column index × the layout's column stride), in its slot order: `run` and `truths` take it last. */
  cols: Int32Array;
  /**
   * Scores `rows` rows, the first at offset o0 of r: rule j's violations go to out[3j], its sum of
   * (1 - truth)^5 to out[3j + 1], and to out[3j + 2] how many rows had a truth below limits[j]; the first
   * `candidates` of those, as (truth, row) pairs, to cand[2 * candidates * j ...].
   */
  run(r: Float32Array, o0: number, rows: number, out: Float64Array, limits: Float64Array, cand: Float64Array, cols: Int32Array): void;
  /** Writes rule j's truth of each row to tr[j * rows + row], computed exactly as `run` does. */
  truths(r: Float32Array, o0: number, rows: number, tr: Float64Array, cols: Int32Array): void;
}

/** Rules packed per loop: enough to share column reads, few enough for V8 to optimize each loop. */
const packSize = 6;

/**
 * Rows below a rule's worst-list limit that a kernel call hands back itself; more mean a rescan with the
 * `truths` twin, which happens in the first calls only, so the twins stay cold and V8 never compiles them.
 */
export const candidates = 8;

class Emitter {
  readonly lines: string[] = [];
  private temps = 0;

  /** `loads`: the column reads of the loop, shared by the rules packed into it. */
  constructor(
    private readonly prefix: string,
    private readonly col: (name: string) => number,
    readonly loads = new Map<number, string>(),
  ) {}

  /** Locals that hold a score as read (a float32 value) or a max of such. */
  readonly scores = new Set<string>(['0', '1']);

  load(name: string): string {
    const c = this.col(name);
    if (!Number.isInteger(c) || c < 0) throw new Error('a rule names a class without a column');
    let local = this.loads.get(c);
    if (!local) {
      // Named by slot, not by column, so kernels of the same shape over other columns have the same source.
      local = `x${this.loads.size}`;
      this.loads.set(c, local);
    }
    this.scores.add(local);
    return local;
  }

  private temp(expr: string): string {
    const name = `${this.prefix}_${this.temps++}`;
    this.lines.push(`const ${name} = ${expr};`);
    return name;
  }

  /** The fuzzy truth of p as a local name or a number. */
  fuzzy(p: Prop): string {
    switch (p.kind) {
      case 'var':
        return this.load(p.name);
      case 'bool':
        return p.value ? '1' : '0';
      case 'not':
        return this.temp(`1 - ${this.fuzzy(p.arg)}`);
      case 'and':
        return p.args.length === 1 ? this.fuzzy(p.args[0]!) : this.temp(p.args.map((a) => this.fuzzy(a)).join(' * '));
      case 'or': {
        // A balanced tree of maxes. Math.max compiles to compare-and-branch, which mispredicts on scores
        // (3x slower on 14-way D-rules); for scores read from the file, and maxes of them, max(a, b) is
        // (a + b + |a - b|) / 2 without a branch, exact for float32 values but in rare half-ulp ties.
        let level = p.args.map((a) => this.fuzzy(a));
        while (level.length > 1) {
          const next: string[] = [];
          for (let i = 0; i + 1 < level.length; i += 2) {
            const a = level[i]!;
            const b = level[i + 1]!;
            const plain = this.scores.has(a) && this.scores.has(b);
            const m = this.temp(plain ? `0.5 * (${a} + ${b} + Math.abs(${a} - ${b}))` : `Math.max(${a}, ${b})`);
            if (plain) this.scores.add(m);
            next.push(m);
          }
          if (level.length % 2) next.push(level[level.length - 1]!);
          level = next;
        }
        return level[0]!;
      }
      case 'implies': {
        const a = this.fuzzy(p.left);
        const b = this.fuzzy(p.right);
        return this.temp(`1 - ${a} + ${a} * ${b}`);
      }
      case 'iff': {
        const a = this.fuzzy(p.left);
        const b = this.fuzzy(p.right);
        return this.temp(`(1 - ${a} + ${a} * ${b}) * (1 - ${b} + ${b} * ${a})`);
      }
    }
  }

  /** The crisp truth of p as an integer expression (0 or 1), without branches. */
  crisp(p: Prop): string {
    switch (p.kind) {
      case 'var':
        return `(${this.load(p.name)} >= th)`;
      case 'bool':
        return p.value ? '1' : '0';
      case 'not':
        return `(1 ^ ${this.crisp(p.arg)})`;
      case 'and':
        return `(${p.args.map((a) => this.crisp(a)).join(' & ')})`;
      case 'or':
        return `(${p.args.map((a) => this.crisp(a)).join(' | ')})`;
      case 'implies':
        return `((1 ^ ${this.crisp(p.left)}) | ${this.crisp(p.right)})`;
      case 'iff':
        return `(1 ^ (${this.crisp(p.left)} ^ ${this.crisp(p.right)}))`;
    }
  }
}

function checkThreshold(threshold: number): void {
  if (!Number.isFinite(threshold)) throw new Error(`threshold ${threshold} is not a number`);
}

/** Reads each slot's score: slot i's column lies cols[i] after the row's start (the `k` locals of offsetLines). */
function loadLines(loads: Map<number, string>): string[] {
  return [...loads.values()].map((local, i) => `const ${local} = r[o + k${i}];`);
}

/** The slots' offsets, read once per call. */
function offsetLines(loads: Map<number, string>): string[] {
  return [...loads.values()].map((_, i) => `const k${i} = cols[${i}];`);
}

/** The offsets a kernel's `cols` argument holds: the slots' columns in a row of this layout. */
function slotOffsets(loads: Map<number, string>, layout: KernelLayout): Int32Array {
  return Int32Array.from([...loads.keys()], (c) => c * layout.colStride);
}

/** Tally lines for output j whose truth is `t` and crisp truth `crisp`. */
function tallyLines(j: number, t: string, crisp: string): string[] {
  const base = 2 * candidates * j;
  return [
    `const d${j} = 1 - ${t};`,
    `const f${j} = d${j} * d${j};`,
    `e${j} += f${j} * f${j} * d${j};`,
    `v${j} += 1 ^ ${crisp};`,
    `if (${t} < l${j}) { if (c${j} < ${candidates}) { cand[${base} + 2 * c${j}] = ${t}; cand[${base + 1} + 2 * c${j}] = row; } c${j}++; }`,
  ];
}

interface KernelParts {
  outputs: number;
  /** The columns read, by slot. */
  loads: Map<number, string>;
  /** Per row: the column reads and what every output's truth needs. */
  common: string[];
  /** Per output: the lines computing its truth (after `common`), the local holding it, and its crisp truth. */
  rules: { lines: string[]; t: string; crisp: string }[];
}

function kernelSource(k: KernelParts, layout: KernelLayout, threshold: number): string {
  const js = Array.from({ length: k.outputs }, (_, j) => j);
  return [
    `const th = ${threshold};`,
    'return function (r, o0, rows, out, limits, cand, cols) {',
    ...offsetLines(k.loads),
    ...js.map((j) => `let v${j} = 0, e${j} = 0, c${j} = 0; const l${j} = limits[${j}];`),
    `for (let row = 0, o = o0; row < rows; row++, o += ${layout.rowStride}) {`,
    ...k.common,
    ...k.rules.flatMap((x, j) => [...x.lines, ...tallyLines(j, x.t, x.crisp)]),
    '}',
    ...js.map((j) => `out[${3 * j}] = v${j}; out[${3 * j + 1}] = e${j}; out[${3 * j + 2}] = c${j};`),
    '};',
  ].join('\n');
}

function truthsSource(k: KernelParts, layout: KernelLayout, threshold: number): string {
  return [
    `const th = ${threshold};`,
    'return function (r, o0, rows, tr, cols) {',
    ...offsetLines(k.loads),
    `for (let row = 0, o = o0; row < rows; row++, o += ${layout.rowStride}) {`,
    ...k.common,
    ...k.rules.flatMap((x, j) => [...x.lines, `tr[${j} * rows + row] = ${x.t};`]),
    '}',
    '};',
  ].join('\n');
}

/** The sibling set of an E-rule `k -> !o1 & ... & !on` (names sorted, k first in `k`), or undefined. */
function exclusionShape(p: Prop): { k: string; all: string[] } | undefined {
  if (p.kind !== 'implies' || p.left.kind !== 'var') return undefined;
  const nots = p.right.kind === 'and' ? p.right.args : [p.right];
  const others: string[] = [];
  for (const n of nots) {
    if (n.kind !== 'not' || n.arg.kind !== 'var') return undefined;
    others.push(n.arg.name);
  }
  const all = [p.left.name, ...others];
  if (new Set(all).size !== all.length) return undefined;
  return { k: p.left.name, all: [...all].sort() };
}

interface KernelSource {
  rules: number[];
  cols: Int32Array;
  source: string;
  truths: string;
}

/** Compiles one generated kernel; the only place rules become code. */
function build<T>(source: string): T {
  return new Function(source)() as T;
}

/**
 * Compiled kernels by source, kept for the process: a fresh function runs unoptimized (boxing every
 * number) until V8 has optimized it, which cost more than the scoring itself when each row range of a
 * file compiled its own (measured: 1.8 s of CPU for 10^6 rows read whole, 3.1 s read in 4 ranges).
 */
const compiled = new Map<string, unknown>();

function cached<T>(source: string): T {
  let fn = compiled.get(source);
  if (!fn) {
    if (compiled.size > 4096) compiled.clear();
    fn = build<T>(source);
    compiled.set(source, fn);
  }
  return fn as T;
}

export function compileTallyKernels(bodies: Prop[], col: (name: string) => number, threshold: number, layout: KernelLayout): TallyKernel[] {
  return tallyKernelSources(bodies, col, threshold, layout).map((k) => ({ rules: k.rules, cols: k.cols, run: cached<TallyKernel['run']>(k.source), truths: cached<TallyKernel['truths']>(k.truths) }));
}

/** The kernels' sources: E-rules over one sibling set share a kernel; the other rules go packSize to a loop. */
export function tallyKernelSources(bodies: Prop[], col: (name: string) => number, threshold: number, layout: KernelLayout): KernelSource[] {
  checkThreshold(threshold);
  const groups = new Map<string, { all: string[]; members: { index: number; k: string }[] }>();
  bodies.forEach((p, index) => {
    const shape = exclusionShape(p);
    if (!shape || shape.all.length < 3) return;
    const key = JSON.stringify(shape.all);
    const g = groups.get(key) ?? { all: shape.all, members: [] };
    if (!g.members.some((m) => m.k === shape.k)) g.members.push({ index, k: shape.k });
    groups.set(key, g);
  });
  const grouped = new Set<number>();
  const kernels: KernelSource[] = [];
  for (const g of groups.values()) {
    if (g.members.length < 2) continue;
    g.members.forEach((m) => grouped.add(m.index));
    kernels.push(exclusionKernel(g.all, g.members, col, threshold, layout));
  }
  const rest = bodies.map((_, i) => i).filter((i) => !grouped.has(i));
  for (let i = 0; i < rest.length; i += packSize) {
    const pack = rest.slice(i, i + packSize);
    const loads = new Map<number, string>();
    const rules = pack.map((index, j) => {
      const e = new Emitter(`t${j}`, col, loads);
      const t = e.fuzzy(bodies[index]!);
      return { lines: e.lines, t, crisp: e.crisp(bodies[index]!) };
    });
    const parts: KernelParts = { outputs: pack.length, loads, common: loadLines(loads), rules };
    kernels.push({ rules: pack, cols: slotOffsets(loads, layout), source: kernelSource(parts, layout, threshold), truths: truthsSource(parts, layout, threshold) });
  }
  return kernels;
}

function exclusionKernel(all: string[], members: { index: number; k: string }[], col: (name: string) => number, threshold: number, layout: KernelLayout): KernelSource {
  const em = new Emitter('t', col);
  const s = all.map((n) => em.load(n));
  const n = all.length;
  const common: string[] = [...loadLines(em.loads)];
  common.push(`const q = ${s.map((x) => `(${x} >= th)`).join(' + ')};`);
  // p_i: product of (1 - s_j) for j < i; u_i: for j > i.
  common.push('const p0 = 1;');
  for (let i = 1; i < n; i++) common.push(`const p${i} = p${i - 1} * (1 - ${s[i - 1]});`);
  common.push(`const u${n - 1} = 1;`);
  for (let i = n - 2; i >= 0; i--) common.push(`const u${i} = u${i + 1} * (1 - ${s[i + 1]});`);
  const rules = members.map((m, j) => {
    const i = all.indexOf(m.k);
    const x = s[i]!;
    // Violated when k holds and another sibling does too: k holds and at least two hold.
    return { lines: [`const t${j} = 1 - ${x} + ${x} * (p${i} * u${i});`], t: `t${j}`, crisp: `(1 ^ ((${x} >= th) & (q > 1)))` };
  });
  const parts: KernelParts = { outputs: members.length, loads: em.loads, common, rules };
  return { rules: members.map((m) => m.index), cols: slotOffsets(em.loads, layout), source: kernelSource(parts, layout, threshold), truths: truthsSource(parts, layout, threshold) };
}

/** Writes the fuzzy truth of `body` for `rows` rows from offset o0 of r to out[at + row] (for violation maps). */
export function compileTruthKernel(body: Prop, col: (name: string) => number, layout: KernelLayout): (r: Float32Array, o0: number, rows: number, out: Float32Array, at: number) => void {
  const { source, cols } = truthKernel(body, col, layout);
  const kernel = cached<(r: Float32Array, o0: number, rows: number, out: Float32Array, at: number, cols: Int32Array) => void>(source);
  return (r, o0, rows, out, at) => kernel(r, o0, rows, out, at, cols);
}

export function truthKernelSource(body: Prop, col: (name: string) => number, layout: KernelLayout): string {
  return truthKernel(body, col, layout).source;
}

function truthKernel(body: Prop, col: (name: string) => number, layout: KernelLayout): { source: string; cols: Int32Array } {
  const em = new Emitter('t', col);
  const t = em.fuzzy(body);
  const source = [
    'return function (r, o0, rows, out, at, cols) {',
    ...offsetLines(em.loads),
    `for (let row = 0, o = o0; row < rows; row++, o += ${layout.rowStride}) {`,
    ...loadLines(em.loads),
    ...em.lines,
    `out[at + row] = ${t};`,
    '}',
    '};',
  ].join('\n');
  return { source, cols: slotOffsets(em.loads, layout) };
}
