// The trace monitor (src/languages/tl/monitor): hand-checked verdicts for every operator, the trace
// readers' errors, and the fast evaluator against a plain per-window loop written here from the
// definitions in src/languages/tl/README.md ("Monitoring traces").
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { fromJson, parseDocument, parseFormula, type Formula, type FormulaJson, type Term, type TermJson } from '../../src/languages/tl/api';
import { robustness, type AtomNode } from '../../src/languages/tl/monitor/robustness';
import { windowExtreme, untilWindow } from '../../src/languages/tl/monitor/slidingWindow';
import { parseTrace, TraceError } from '../../src/languages/tl/monitor/trace';
import { MonitorError, monitorDocument, monitorSpecs, OnlineMonitor, selectSpecs, traceSignals, verdict } from '../../src/languages/tl/monitor/index';
import { StreamingMonitor } from '../../src/languages/tl/monitor/streaming';

const inf = Number.POSITIVE_INFINITY;

function formula(text: string): Formula {
  const r = parseFormula(text);
  if (!r.ok) throw new Error(`${text}: ${r.problems.map((p) => p.message).join('; ')}`);
  return r.formula;
}

/** Robustness at every sample of `text` on Boolean propositions given as 0/1 strings. */
function rho(text: string, times: number[], props: Record<string, string>): number[] {
  const columns = Object.fromEntries(Object.entries(props).map(([k, v]) => [k, [...v].map((c) => (c === '1' ? inf : -inf))]));
  return [...robustness(formula(text), { times: Float64Array.from(times), atom: (node) => (i) => columns[propName(node)]![i]! })];
}

/** Truth at every sample as a 0/1 string, for hand-checked tables. */
function truth(text: string, times: number[], props: Record<string, string>): string {
  return rho(text, times, props)
    .map((r) => (r > 0 ? '1' : '0'))
    .join('');
}

/** The name of a proposition atom; these helpers bind no comparisons. */
function propName(node: AtomNode): string {
  if (node.kind !== 'prop') throw new Error(`a comparison where a proposition was expected`);
  return node.name;
}

const t5 = [0, 1, 2, 3, 4];
const pq = { p: '10110', q: '00101' };

test('Boolean connectives', () => {
  assert.equal(truth('p', t5, pq), '10110');
  assert.equal(truth('!p', t5, pq), '01001');
  assert.equal(truth('p & q', t5, pq), '00100');
  assert.equal(truth('p | q', t5, pq), '10111');
  assert.equal(truth('p -> q', t5, pq), '01101');
  assert.equal(truth('p <-> q', t5, pq), '01100');
  assert.equal(truth('p xor q', t5, pq), '10011');
  assert.equal(truth('true', t5, pq), '11111');
  assert.equal(truth('false', t5, pq), '00000');
  assert.deepEqual(rho('p', t5, pq), [inf, -inf, inf, inf, -inf]);
});

test('X is false at the last sample, Y at the first', () => {
  assert.equal(truth('X p', t5, pq), '01100');
  assert.equal(truth('X true', t5, pq), '11110');
  assert.equal(truth('Y p', t5, pq), '01011');
  assert.equal(truth('Y true', t5, pq), '01111');
  assert.equal(rho('X true', t5, pq)[4], -inf);
  assert.equal(rho('Y true', t5, pq)[0], -inf);
  assert.equal(truth('X X p', t5, pq), '11000');
});

test('unbounded future operators range over the current sample and all later ones (LTLf)', () => {
  assert.equal(truth('F p', t5, pq), '11110');
  assert.equal(truth('G p', t5, pq), '00000');
  assert.equal(truth('G (p | q)', t5, pq), '00111');
  assert.equal(truth('p U q', t5, pq), '00111');
  assert.equal(truth('p R q', t5, pq), '00101');
  assert.equal(truth('p W q', t5, pq), '00111');
  assert.equal(truth('p W false', [0, 1, 2], { p: '111' }), '111');
  assert.equal(truth('p W false', [0, 1, 2], { p: '011' }), '011');
  assert.equal(truth('p U false', [0, 1, 2], { p: '111' }), '000');
  assert.equal(truth('p M q', t5, pq), '00100');
  assert.equal(truth('p R q', [0, 1, 2], { p: '000', q: '111' }), '111');
});

test('bounded future operators, with empty windows at the end of the trace', () => {
  assert.equal(truth('G[0,1] p', t5, pq), '00100');
  assert.equal(truth('F[1,2] q', t5, pq), '11110');
  assert.equal(truth('G[1,2] q', t5, pq), '00011');
  // Empty windows: max over nothing is -inf, min over nothing +inf.
  assert.equal(rho('F[1,2] q', t5, pq)[4], -inf);
  assert.equal(rho('G[1,2] q', t5, pq)[4], inf);
  assert.equal(truth('F[5,9] true', t5, pq), '00000');
  assert.equal(truth('G[5,9] false', t5, pq), '11111');
  assert.equal(truth('p U[1,2] q', t5, pq), '00110');
  assert.equal(truth('p U[0,0] q', t5, pq), '00101');
  assert.equal(truth('p U[2,inf] q', t5, pq), '00100');
  assert.equal(truth('p R[1,2] q', t5, { p: '00000', q: '01100' }), '10001');
  assert.equal(truth('p W[0,1] q', t5, { p: '11101', q: '00000' }), '11001');
  assert.equal(truth('p M[0,1] q', t5, { p: '00101', q: '01111' }), '01111');
});

test('past operators mirror the future ones', () => {
  assert.equal(truth('O p', t5, pq), '11111');
  assert.equal(truth('H p', t5, pq), '10000');
  assert.equal(truth('O[1,2] q', t5, pq), '00011');
  assert.equal(truth('H[1,2] p', t5, pq), '11001');
  assert.equal(rho('O[1,2] q', t5, pq)[0], -inf);
  assert.equal(rho('H[1,2] p', t5, pq)[0], inf);
  assert.equal(truth('p S q', t5, pq), '00111');
  assert.equal(truth('p S[1,2] q', t5, pq), '00010');
  assert.equal(truth('H (q -> Y p)', t5, pq), '11000');
});

test('uneven sample times: windows are in time units, not sample counts', () => {
  const times = [0, 0.5, 2, 2.2, 7];
  assert.equal(truth('F[1,2] q', times, { q: '00010' }), '01000');
  assert.equal(truth('G[0,2] p', times, { p: '11101' }), '10001');
  assert.equal(truth('O[4,5] p', times, { p: '00100' }), '00001');
  assert.equal(truth('p U[1.5,2] q', times, { p: '11111', q: '00110' }), '11000');
  // X and Y step one sample whatever the gap.
  assert.equal(truth('X p', times, { p: '00001' }), '00010');
});

test('quantitative robustness through a pluggable per-sample atom', () => {
  const times = Float64Array.from([0, 1, 2, 3, 4]);
  const x = [3, -1, 2, 5, 0];
  const y = [-2, 4, -3, 1, 6];
  const atom = (node: AtomNode) => (i: number) => (propName(node) === 'x' ? x : y)[i]!;
  const r = (text: string) => [...robustness(formula(text), { times, atom })];
  assert.deepEqual(r('!x'), [-3, 1, -2, -5, -0]);
  assert.deepEqual(r('x & y'), [-2, -1, -3, 1, 0]);
  assert.deepEqual(r('x | y'), [3, 4, 2, 5, 6]);
  assert.deepEqual(r('x -> y'), [-2, 4, -2, 1, 6]);
  assert.deepEqual(r('F[0,1] x'), [3, 2, 5, 5, 0]);
  assert.deepEqual(r('G[0,1] x'), [-1, -1, 2, 0, 0]);
  assert.deepEqual(r('O[0,1] x'), [3, 3, 2, 5, 5]);
  // x U[0,2] y at 0: max(min(y0), min(y1, x0), min(y2, x0, x1)) = max(-2, 3, -3) = 3
  assert.deepEqual(r('x U[0,2] y').slice(0, 1), [3]);
  // Truth is rho > 0: rho = 0 is reported as not satisfied.
  const zero = robustness(formula('x'), { times, atom: () => (i) => [0, 1, 1, 1, 1][i]! });
  assert.deepEqual(verdict(zero, times), { satisfied: false, robustness: 0, firstViolation: 0 });
});

test('verdicts: robustness at the first sample, first violation anywhere', () => {
  const times = Float64Array.from([0.5, 1, 3.5]);
  assert.deepEqual(verdict(Float64Array.from([inf, -inf, inf]), times), { satisfied: true, robustness: inf, firstViolation: 1 });
  assert.deepEqual(verdict(Float64Array.from([inf, inf, inf]), times), { satisfied: true, robustness: inf, firstViolation: null });
  assert.deepEqual(verdict(Float64Array.from([-inf, inf, inf]), times), { satisfied: false, robustness: -inf, firstViolation: 0.5 });
});

test('sliding-window extremes equal a per-window loop on monotone windows', () => {
  fc.assert(
    fc.property(
      fc.array(fc.integer({ min: -5, max: 5 }), { minLength: 1, maxLength: 40 }),
      fc.array(fc.constantFrom(0.5, 1, 2, 3), { minLength: 40, maxLength: 40 }),
      fc.integer({ min: 0, max: 6 }),
      fc.option(fc.integer({ min: 0, max: 8 })),
      fc.boolean(),
      (values, gaps, lo, width, max) => {
        const n = values.length;
        const times = new Float64Array(n);
        for (let i = 1; i < n; i++) times[i] = times[i - 1]! + gaps[i]!;
        const hi = width === null ? inf : lo + width;
        const fast = windowExtreme(Float64Array.from(values), times, lo, hi, max, new Float64Array(n));
        for (let i = 0; i < n; i++) {
          let e = max ? -inf : inf;
          for (let j = 0; j < n; j++) if (times[j]! >= times[i]! + lo && times[j]! <= times[i]! + hi) e = max ? Math.max(e, values[j]!) : Math.min(e, values[j]!);
          assert.equal(fast[i], e, `sample ${i}`);
        }
      },
    ),
    { numRuns: 500 },
  );
});

test('windowed until equals its definition', () => {
  fc.assert(
    fc.property(
      fc.array(fc.tuple(fc.integer({ min: -5, max: 5 }), fc.integer({ min: -5, max: 5 }), fc.constantFrom(0.5, 1, 2)), { minLength: 1, maxLength: 40 }),
      fc.integer({ min: 0, max: 5 }),
      fc.option(fc.integer({ min: 0, max: 6 })),
      (rows, lo, width) => {
        const n = rows.length;
        const a = Float64Array.from(rows.map((r) => r[0]));
        const b = Float64Array.from(rows.map((r) => r[1]));
        const times = new Float64Array(n);
        for (let i = 1; i < n; i++) times[i] = times[i - 1]! + rows[i]![2];
        const hi = width === null ? inf : lo + width;
        const fast = untilWindow(a, b, times, lo, hi, new Float64Array(n));
        for (let i = 0; i < n; i++) {
          let best = -inf;
          for (let j = i; j < n; j++) {
            if (!(times[j]! >= times[i]! + lo && times[j]! <= times[i]! + hi)) continue;
            let v = b[j]!;
            for (let k = i; k < j; k++) v = Math.min(v, a[k]!);
            best = Math.max(best, v);
          }
          assert.equal(fast[i], best, `sample ${i}`);
        }
      },
    ),
    { numRuns: 500 },
  );
});

// ---- The reference: a plain per-window loop evaluator, straight from the definitions (O(n·w)). ----

type Column = number[];

/** A term's value at sample i, straight from its definition. */
function refTerm(t: Term, signal: (name: string, i: number) => number, i: number): number {
  switch (t.kind) {
    case 'num':
      return t.value;
    case 'signal':
      return signal(t.name, i);
    case 'neg':
      return -refTerm(t.arg, signal, i);
    case 'call':
      assert.equal(t.fn, 'abs');
      return Math.abs(refTerm(t.arg, signal, i));
    case 'arith': {
      const a = refTerm(t.args[0], signal, i);
      const b = refTerm(t.args[1], signal, i);
      return t.op === '+' ? a + b : t.op === '-' ? a - b : t.op === '*' ? a * b : a / b;
    }
    case 'bool':
      throw new Error('a truth value in a term');
  }
}

const noSignals = (name: string): number => {
  throw new Error(`no signal ${name}`);
};

function refEval(
  f: Formula,
  times: number[],
  atom: (name: string, i: number) => number,
  signal: (name: string, i: number) => number = noSignals,
): Column {
  const n = times.length;
  const ev = (g: Formula) => refEval(g, times, atom, signal);
  const map = (c: Column, fn: (v: number) => number) => c.map(fn);
  const neg = (c: Column) => map(c, (v) => -v);
  const zip = (x: Column, y: Column, fn: (u: number, v: number) => number) => x.map((u, i) => fn(u, y[i]!));
  const futureWindow = (i: number, lo: number, hi: number) => times.flatMap((t, j) => (t >= times[i]! + lo && t <= times[i]! + hi ? [j] : []));
  const pastWindow = (i: number, lo: number, hi: number) => times.flatMap((t, j) => (t >= times[i]! - hi && t <= times[i]! - lo ? [j] : []));
  const bounds = (g: Formula) => {
    const iv = 'interval' in g ? g.interval : undefined;
    return { lo: iv?.lo ?? 0, hi: iv?.hi ?? inf };
  };
  const extreme = (c: Column, window: (i: number) => number[], max: boolean) =>
    times.map((_, i) => window(i).reduce((e, j) => (max ? Math.max(e, c[j]!) : Math.min(e, c[j]!)), max ? -inf : inf));
  const until = (a: Column, b: Column, lo: number, hi: number) =>
    times.map((_, i) => {
      let best = -inf;
      for (const j of futureWindow(i, lo, hi)) {
        let v = b[j]!;
        for (let k = i; k < j; k++) v = Math.min(v, a[k]!);
        best = Math.max(best, v);
      }
      return best;
    });
  const since = (a: Column, b: Column, lo: number, hi: number) =>
    times.map((_, i) => {
      let best = -inf;
      for (const j of pastWindow(i, lo, hi)) {
        let v = b[j]!;
        for (let k = j + 1; k <= i; k++) v = Math.min(v, a[k]!);
        best = Math.max(best, v);
      }
      return best;
    });
  const { lo, hi } = bounds(f);
  switch (f.kind) {
    case 'prop':
      return times.map((_, i) => atom(f.name, i));
    case 'compare':
      // x > c and x >= c give x − c; x < c and x <= c give c − x (the definition).
      return times.map((_, i) => {
        const l = refTerm(f.left, signal, i);
        const r = refTerm(f.right, signal, i);
        if (f.op !== '>' && f.op !== '>=' && f.op !== '<' && f.op !== '<=') throw new Error(`no reference for ${f.op}`);
        const v = f.op === '>' || f.op === '>=' ? l - r : r - l;
        // Undefined (0/0, ∞ − ∞): the comparison does not hold.
        return Number.isNaN(v) ? -inf : v;
      });
    case 'true':
      return times.map(() => inf);
    case 'false':
      return times.map(() => -inf);
    case 'not':
      return neg(ev(f.args[0]));
    case 'next': {
      const a = ev(f.args[0]);
      return times.map((_, i) => (i + 1 < n ? a[i + 1]! : -inf));
    }
    case 'prev': {
      const a = ev(f.args[0]);
      return times.map((_, i) => (i > 0 ? a[i - 1]! : -inf));
    }
    case 'finally':
      return extreme(ev(f.args[0]), (i) => futureWindow(i, lo, hi), true);
    case 'globally':
      return extreme(ev(f.args[0]), (i) => futureWindow(i, lo, hi), false);
    case 'once':
      return extreme(ev(f.args[0]), (i) => pastWindow(i, lo, hi), true);
    case 'historically':
      return extreme(ev(f.args[0]), (i) => pastWindow(i, lo, hi), false);
    default:
      break;
  }
  const a = ev(f.args[0]!);
  const b = ev(f.args[1]!);
  const and = (x: Column, y: Column) => zip(x, y, Math.min);
  const or = (x: Column, y: Column) => zip(x, y, Math.max);
  const implies = (x: Column, y: Column) => or(neg(x), y);
  switch (f.kind) {
    case 'and':
      return and(a, b);
    case 'or':
      return or(a, b);
    case 'implies':
      return implies(a, b);
    case 'iff':
      return and(implies(a, b), implies(b, a));
    case 'xor':
      return or(and(a, neg(b)), and(neg(a), b));
    case 'until':
      return until(a, b, lo, hi);
    case 'release':
      return neg(until(neg(a), neg(b), lo, hi));
    case 'weak_until':
      return or(until(a, b, lo, hi), extreme(a, (i) => futureWindow(i, lo, hi), false));
    case 'strong_release':
      return until(b, and(a, b), lo, hi);
    case 'since':
      return since(a, b, lo, hi);
    default:
      throw new Error(`no reference for ${(f as Formula).kind}`);
  }
}

const unaryKinds = ['not', 'next', 'prev', 'finally', 'globally', 'once', 'historically'] as const;
const binaryKinds = ['and', 'or', 'implies', 'iff', 'xor', 'until', 'release', 'weak_until', 'strong_release', 'since'] as const;
const temporal = new Set<string>(['finally', 'globally', 'once', 'historically', 'until', 'release', 'weak_until', 'strong_release', 'since']);

const intervalArb: fc.Arbitrary<[number, number | null] | undefined> = fc.option(
  fc.tuple(fc.constantFrom(0, 0, 0.5, 1, 2, 3), fc.option(fc.constantFrom(0, 0.5, 1, 2, 4, 7))).map(([lo, w]): [number, number | null] => [lo, w === null ? null : lo + w]),
  { nil: undefined },
);

const booleanAtomArb = fc.constantFrom<FormulaJson>({ kind: 'prop', name: 'p' }, { kind: 'prop', name: 'q' }, { kind: 'prop', name: 'r' }, { kind: 'true' }, { kind: 'false' });

/** Terms over the signals x and y: a signal, a number, and the arithmetic and abs the grammar has. */
const termArb: fc.Arbitrary<TermJson> = fc.letrec<{ t: TermJson }>((tie) => ({
  t: fc.oneof(
    { depthSize: 'small', maxDepth: 2 },
    fc.constantFrom<TermJson>({ kind: 'signal', name: 'x' }, { kind: 'signal', name: 'y' }),
    fc.constantFrom(-2, 0, 0.5, 1.25, 3).map((value): TermJson => ({ kind: 'num', value })),
    fc.tuple(fc.constantFrom('+', '-', '*', '/' as const), tie('t'), tie('t')).map(([op, a, b]): TermJson => ({ kind: 'arith', op, args: [a, b] })),
    tie('t').map((arg): TermJson => ({ kind: 'neg', arg })),
    tie('t').map((arg): TermJson => ({ kind: 'call', fn: 'abs', arg })),
  ),
})).t;

const compareArb: fc.Arbitrary<FormulaJson> = fc
  .tuple(fc.constantFrom('<', '<=', '>', '>=' as const), termArb, termArb)
  .map(([op, left, right]): FormulaJson => ({ kind: 'compare', op, left, right }));

function formulaOver(atoms: fc.Arbitrary<FormulaJson>): fc.Arbitrary<FormulaJson> {
  return fc.letrec<{ f: FormulaJson }>((tie) => ({
    f: fc.oneof(
      { depthSize: 'small', withCrossShrink: true },
      atoms,
      fc.tuple(fc.constantFrom(...unaryKinds), intervalArb, tie('f')).map(([kind, interval, arg]) => withInterval({ kind, args: [arg] }, interval)),
      fc.tuple(fc.constantFrom(...binaryKinds), intervalArb, tie('f'), tie('f')).map(([kind, interval, x, y]) => withInterval({ kind, args: [x, y] }, interval)),
    ),
  })).f;
}

const formulaArb = formulaOver(booleanAtomArb);
/** Propositions and comparisons mixed: STL formulas. */
const stlFormulaArb = formulaOver(fc.oneof(booleanAtomArb, compareArb, compareArb));

function withInterval(j: FormulaJson, interval: [number, number | null] | undefined): FormulaJson {
  return interval && temporal.has(j.kind) ? ({ ...j, interval } as FormulaJson) : j;
}

const signalValueArb = fc.oneof(fc.integer({ min: -4, max: 4 }), fc.double({ min: -1e3, max: 1e3, noNaN: true, noDefaultInfinity: true }));

/** Propositions p, q, r (true where > 0) and numeric signals x, y. */
const traceArb = fc
  .array(
    fc.tuple(fc.constantFrom(0.5, 1, 1, 1.5, 3), fc.integer({ min: -4, max: 4 }), fc.integer({ min: -4, max: 4 }), fc.integer({ min: -4, max: 4 }), signalValueArb, signalValueArb),
    { minLength: 1, maxLength: 24 },
  )
  .map((rows) => {
    const times: number[] = [];
    rows.forEach(([gap], i) => times.push(i === 0 ? gap * 2 : times[i - 1]! + gap));
    const values: Record<string, number[]> = { p: rows.map((r) => r[1]), q: rows.map((r) => r[2]), r: rows.map((r) => r[3]), x: rows.map((r) => r[4]), y: rows.map((r) => r[5]) };
    return { times, values };
  });

/** The trace as CSV, as `nesy monitor` reads it: propositions as 0/1, signals as numbers. */
function traceCsv(trace: { times: number[]; values: Record<string, number[]> }): string[] {
  // String(-0) is "0": write the sign, or x / y flips from -inf to +inf once the trace is read back.
  const num = (v: number) => (Object.is(v, -0) ? '-0' : String(v));
  return ['time,p,q,r,x,y', ...trace.times.map((t, i) => `${t},${['p', 'q', 'r'].map((n) => (trace.values[n]![i]! > 0 ? 1 : 0)).join(',')},${num(trace.values.x![i]!)},${num(trace.values.y![i]!)}`)];
}

function sameColumns(fast: Float64Array, ref: Column, label: string) {
  assert.equal(fast.length, ref.length);
  for (let i = 0; i < ref.length; i++) {
    const x = fast[i]!;
    const y = ref[i]!;
    // Exact: min, max and negation never round. Object.is would tell -0 from 0, which no verdict does.
    assert.ok(x === y || Math.abs(x - y) <= 1e-9, `${label}: sample ${i}: fast ${x}, reference ${y}`);
  }
}

test('reference check: Boolean traces, random formulas: every robustness, verdict and first violation', () => {
  fc.assert(
    fc.property(formulaArb, traceArb, (json, trace) => {
      const f = fromJson(json);
      const times = Float64Array.from(trace.times);
      const bool = (name: string, i: number) => (trace.values[name]![i]! > 0 ? inf : -inf);
      const fast = robustness(f, { times, atom: (node) => (i) => bool(propName(node), i) });
      const ref = refEval(f, trace.times, bool);
      sameColumns(fast, ref, JSON.stringify(json));
      const firstFalse = ref.findIndex((v) => !(v > 0));
      assert.deepEqual(verdict(fast, times), { satisfied: ref[0]! > 0, robustness: ref[0], firstViolation: firstFalse < 0 ? null : trace.times[firstFalse] });
    }),
    { numRuns: 3000 },
  );
});

test('reference check: numeric atoms through the pluggable per-sample value (quantitative robustness)', () => {
  fc.assert(
    fc.property(formulaArb, traceArb, (json, trace) => {
      const f = fromJson(json);
      const times = Float64Array.from(trace.times);
      const value = (name: string, i: number) => trace.values[name]![i]! + 0.25;
      const fast = robustness(f, { times, atom: (node) => (i) => value(propName(node), i) });
      sameColumns(fast, refEval(f, trace.times, value), JSON.stringify(json));
    }),
    { numRuns: 3000 },
  );
});

test('reference check: STL formulas, comparisons and propositions read from a CSV trace: every robustness, verdict and first violation', () => {
  fc.assert(
    fc.property(stlFormulaArb, traceArb, (json, trace) => {
      const f = fromJson(json);
      const parsed = parseTrace(traceCsv(trace).join('\n'), 'tr.csv');
      const spec = { name: 's', formula: f };
      const bool = (name: string, i: number) => (trace.values[name]![i]! > 0 ? inf : -inf);
      const ref = refEval(f, trace.times, bool, (name, i) => trace.values[name]![i]!);
      const fast = robustness(f, traceSignals([spec], parsed));
      sameColumns(fast, ref, JSON.stringify(json));
      const firstFalse = ref.findIndex((v) => !(v > 0));
      const [v] = monitorSpecs([spec], parsed);
      assert.equal(v!.satisfied, ref[0]! > 0);
      assert.ok(v!.robustness === ref[0] || Math.abs(v!.robustness - ref[0]!) <= 1e-9);
      assert.equal(v!.firstViolation, firstFalse < 0 ? null : trace.times[firstFalse]);
    }),
    { numRuns: 3000 },
  );
});

test('comparisons: x > c and x >= c give x − c, x < c and x <= c give c − x; exactly 0 is not satisfied', () => {
  const trace = parseTrace('time,speed,gap,door\n0,40,2,0\n1,55,0.25,1\n2,50,-1,0\n4,20,3,1\n', 'tr.csv');
  const col = (text: string) => [...robustness(formula(text), traceSignals([{ name: 's', formula: formula(text) }], trace))];
  assert.deepEqual(col('speed > 50'), [-10, 5, 0, -30]);
  assert.deepEqual(col('speed >= 50'), [-10, 5, 0, -30]);
  assert.deepEqual(col('speed < 50'), [10, -5, 0, 30]);
  assert.deepEqual(col('speed <= 50'), [10, -5, 0, 30]);
  assert.deepEqual(col('50 < speed'), [-10, 5, 0, -30]);
  assert.deepEqual(col('abs(gap) < 1'), [-1, 0.75, 0, -2]);
  assert.deepEqual(col('2 * gap + 1 >= -gap'), [7, 1.75, -2, 10]);
  assert.deepEqual(col('G[0,1] speed <= 60'), [5, 5, 10, 40]);
  assert.deepEqual(col('F[0,2] speed > 50'), [5, 5, 0, -30]);
  // A proposition and a comparison together: min(±inf, margin).
  assert.deepEqual(col('door & speed > 30'), [-inf, 25, -inf, -10]);
  const doc = parseDocument('signal speed\nprop door\nspec limit := G speed <= 55\nspec fast := F[0,1] speed > 50\nspec slow := speed < 50\n');
  assert.deepEqual(
    monitorDocument(doc, trace).map((v) => [v.name, v.satisfied, v.robustness, v.firstViolation]),
    [
      ['limit', false, 0, 0],
      ['fast', true, 5, 2],
      ['slow', true, 10, 1],
    ],
  );
});

test('comparisons: clear errors for a missing column, a true/false column, == and !=', () => {
  const trace = parseTrace('time,speed,door,flag\n0,1.5,0,true\n1,2,1,false\n', 'tr.csv');
  const err = (text: string, pattern: RegExp) =>
    assert.throws(() => monitorDocument(parseDocument(text), trace), (e: unknown) => e instanceof MonitorError && pattern.test(e.message) && !e.message.includes('\n'));
  err('spec s := G rpm < 3000', /^signal 'rpm' of spec 's' is not a column of tr\.csv \(columns: speed, door, flag\)$/);
  err('spec s := G flag > 0', /^signal 'flag' of spec 's': column 'flag' holds true\/false, not numbers/);
  err('spec s := G speed == 2', /^spec 's': '==' has no robustness/);
  err('spec s := G speed != 2', /^spec 's': '!=' has no robustness/);
  err('spec s := G time > 2', /^'time' is the trace's time column, not a signal/);
  // Where a term is undefined the comparison does not hold (x/x at x = 0).
  assert.deepEqual(monitorDocument(parseDocument('spec s := G[0,0] (speed - 1.5) / (speed - 1.5) > 0'), trace).map((v) => [v.robustness, v.firstViolation]), [[-inf, 0]]);
  // A 0/1 column is a number column too: it can be compared.
  assert.deepEqual(monitorDocument(parseDocument('spec s := F door > 0.5'), trace).map((v) => v.robustness), [0.5]);
});

// ---- Traces ----

test('CSV traces: header, 0/1 and true/false, numbers, uneven times', () => {
  const t = parseTrace('time,door_open,alarm,speed\n0,0,false,1.5\n0.5,1,true,2\n\n3,1,TRUE,-4e1\n', 'trace.csv');
  assert.deepEqual([...t.times], [0, 0.5, 3]);
  assert.equal(t.length, 3);
  assert.deepEqual([...t.columns.get('door_open')!.values], [0, 1, 1]);
  assert.equal(t.columns.get('door_open')!.boolean, true);
  assert.deepEqual([...t.columns.get('alarm')!.values], [0, 1, 1]);
  assert.equal(t.columns.get('alarm')!.boolean, true);
  assert.deepEqual([...t.columns.get('speed')!.values], [1.5, 2, -40]);
  assert.equal(t.columns.get('speed')!.boolean, false);
});

test('JSON-lines traces', () => {
  const t = parseTrace('{"time": 0, "door_open": true, "n": 3}\n{"time": 2.5, "door_open": 0, "n": 1}\n', 'trace.jsonl');
  assert.deepEqual([...t.times], [0, 2.5]);
  assert.deepEqual([...t.columns.get('door_open')!.values], [1, 0]);
  assert.equal(t.columns.get('door_open')!.boolean, true);
  assert.equal(t.columns.get('n')!.boolean, false);
});

test('a bad row is one error naming the line and the column', () => {
  const bad = (text: string, pattern: RegExp) => {
    assert.throws(() => parseTrace(text, 'tr.csv'), (e: unknown) => e instanceof TraceError && pattern.test(e.message));
  };
  bad('time,a\n0,1\n1,maybe\n', /^tr\.csv:3: column 'a': 'maybe' is not 0\/1, true\/false or a number$/);
  bad('time,a\n0,1\n0,0\n', /^tr\.csv:3: column 'time': 0 is not after the previous sample's time 0/);
  bad('time,a\n0,1\n1\n', /^tr\.csv:3: 1 value for 2 columns/);
  bad('time,a\n0,1\nx,1\n', /^tr\.csv:3: column 'time': 'x' is not a number/);
  bad('time,a\n0,true\n1,2\n', /^tr\.csv:3: column 'a': 2 is not a truth value, but earlier rows of 'a' were true\/false/);
  bad('time,a\n0,2\n1,true\n', /^tr\.csv:3: column 'a': 'true' is a truth value, but earlier rows of 'a' were numbers/);
  bad('time,a\n0,\n', /^tr\.csv:2: column 'a': the value is empty/);
  bad('a,b\n1,1\n', /^tr\.csv:1: the header has no 'time' column/);
  bad('time,a,a\n', /^tr\.csv:1: column 'a' appears twice/);
  bad('time,a\n', /^tr\.csv: the trace has no samples/);
  bad('', /^tr\.csv: the trace has no samples/);
  bad('{"time":0,"a":1}\n{"time":1}\n', /^tr\.csv:2: column 'a' is missing/);
  bad('{"time":0,"a":1}\n{"time":1,"a":1,"b":0}\n', /^tr\.csv:2: column 'b' is not in the first row/);
  bad('{"time":0,"a":1}\n{"time":1,"a":"x"}\n', /^tr\.csv:2: column 'a': "x" is not 0\/1, true\/false or a number/);
  bad('{"time":0,"a":1}\n[1]\n', /^tr\.csv:2: not a JSON object/);
  bad('{"time":0,"a":1}\n{"time":1,\n', /^tr\.csv:2: not a JSON object/);
});

// ---- Specs of a document on a trace ----

test('monitorDocument: every spec, unnamed formulas as `formula N`, --spec selection', () => {
  const trace = parseTrace('time,door_open,alarm\n0,0,0\n1,1,0\n2,0,1\n3.5,1,0\n', 'tr.csv');
  const doc = parseDocument('prop door_open\nprop alarm\nspec liveness := F alarm\nspec safety := G (door_open -> F[0,1] alarm)\nG !alarm\n');
  const results = monitorDocument(doc, trace);
  assert.deepEqual(
    results.map((r) => [r.name, r.satisfied, r.robustness, r.firstViolation]),
    [
      ['liveness', true, inf, 3.5],
      ['safety', false, -inf, 0],
      ['formula 1', false, -inf, 0],
    ],
  );
  assert.deepEqual(monitorDocument(doc, trace, { spec: 'liveness' }).map((r) => r.name), ['liveness']);
  assert.throws(() => monitorDocument(doc, trace, { spec: 'nope' }), (e: unknown) => e instanceof MonitorError && /no spec named 'nope'; the specs are liveness, safety, formula 1/.test(e.message));
});

test('monitorDocument: clear errors for missing and numeric propositions, and bad intervals', () => {
  const trace = parseTrace('time,door_open,speed\n0,0,1.5\n1,1,2\n', 'tr.csv');
  const err = (text: string, pattern: RegExp) =>
    assert.throws(() => monitorDocument(parseDocument(text), trace), (e: unknown) => e instanceof MonitorError && pattern.test(e.message));
  err('spec s := G alarm', /^proposition 'alarm' of spec 's' is not a column of tr\.csv \(columns: door_open, speed\)$/);
  err('spec s := G speed', /^proposition 'speed' of spec 's': column 'speed' holds numbers \(1\.5 at line 2\), not 0\/1 or true\/false$/);
  err('spec s := F[-1,2] door_open', /^spec 's': the interval \[-1,2\] has a negative bound/);
  err('spec s := F[3,2] door_open', /^spec 's': the interval \[3,2\] ends before it starts/);
  err('// nothing', /no spec or formula/);
});

test('OnlineMonitor: verdicts re-evaluated on the samples so far, only verdict changes reported', () => {
  const specs = selectSpecs(parseDocument('spec live := F alarm\nspec quiet := !alarm\n'));
  const online = new OnlineMonitor(specs, 'stdin');
  online.line('time,alarm');
  assert.equal(online.update(), undefined);
  online.line('0,0');
  online.line('1,0');
  const first = online.update()!;
  assert.equal(first.time, 1);
  assert.deepEqual(first.changed.map((v) => [v.name, v.satisfied, v.firstViolation]), [
    ['live', false, 0],
    ['quiet', true, null],
  ]);
  assert.equal(online.update(), undefined);
  online.line('2.5,1');
  const second = online.update()!;
  assert.equal(second.time, 2.5);
  // live flips to satisfied; quiet stays satisfied (its formula is now false at 2.5, which is not a verdict change).
  assert.deepEqual(second.changed.map((v) => [v.name, v.satisfied, v.firstViolation]), [['live', true, null]]);
  assert.deepEqual(second.verdicts[1], { name: 'quiet', satisfied: true, robustness: inf, firstViolation: 2.5 });
  online.line('3,1');
  assert.deepEqual(online.update()!.changed, []);
  assert.throws(() => online.line('4,maybe'), (e: unknown) => e instanceof TraceError && /^stdin:6: column 'alarm'/.test(e.message));
});

test('streaming: verdicts settled chunk by chunk equal the whole-trace verdicts', () => {
  fc.assert(
    fc.property(fc.array(stlFormulaArb, { minLength: 1, maxLength: 3 }), traceArb, fc.constantFrom(1, 2, 3, 5, 8), (jsons, trace, chunk) => {
      const specs = jsons.map((j, i) => ({ name: `s${i}`, formula: fromJson(j) }));
      const lines = traceCsv(trace);
      const streaming = new StreamingMonitor(specs, 'tr.csv', { chunk });
      const whole = monitorSpecs(specs, parseTrace(lines.join('\n'), 'tr.csv'));
      for (const line of lines) streaming.line(line);
      assert.deepEqual(streaming.finish(), whole);
    }),
    { numRuns: 3000 },
  );
});

test('streaming: a bounded-horizon formula holds a bounded number of samples; an unbounded one all of them', () => {
  const n = 100_000;
  const run = (text: string) => {
    const specs = selectSpecs(parseDocument(text));
    const streaming = new StreamingMonitor(specs, 'tr.csv', { chunk: 64 });
    const lines = ['time,p,q'];
    // Uneven steps: 0.5 or 1.
    let t = 0;
    for (let i = 0; i < n; i++) {
      t += i % 3 === 0 ? 0.5 : 1;
      lines.push(`${t},${i % 7 === 0 ? 1 : 0},${i % 5 === 0 ? 1 : 0}`);
    }
    for (const line of lines) streaming.line(line);
    const verdicts = streaming.finish();
    assert.deepEqual(verdicts, monitorSpecs(specs, parseTrace(lines.join('\n'), 'tr.csv')));
    return { verdicts, held: streaming.maxHeld };
  };
  const bounded = run('spec s := G[0,20] (p -> F[0,6] q)\nspec w := (p | q) S[0,3] H[1,2] !q\nspec x := X Y X (q -> O[0,5] p)');
  assert.ok(bounded.held < 1000, `held ${bounded.held}`);
  assert.deepEqual(bounded.verdicts.map((v) => [v.satisfied, v.firstViolation]), [[true, null], [true, 1.5], [true, 83333]]);
  const unbounded = run('spec s := G (p -> F[0,6] q)');
  assert.equal(unbounded.held, n);
  assert.deepEqual(unbounded.verdicts.map((v) => v.satisfied), [true]);
});
