import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { prefixToTree } from '../../src/languages/mwp/arith';
import { beamSearch, type StepRow } from '../../src/neural/decode';
import { MwpConstraint, MwpTokenTable, type TargetVocab } from '../../src/neural/mwpDecode';

// A vocabulary shaped like the real one: common-sense tokens, formula tokens, constants, numbers.
const vocab: TargetVocab = {
  out: ['C+', 'C-', 'C*', 'C/', 'C^', 'F2', 'F86', 'F107', '1', '3.14', 'N0', 'N1', 'N2', 'N3'],
  outOp: { 'C+': '+', 'C-': '-', 'C*': '*', 'C/': '/', 'C^': '^', F2: '*', F86: '/', F107: '-' },
  eos: 14,
  maxTarget: 7,
};
const bos = 15;
const vocabSize = 16;
const table = new MwpTokenTable(vocab);
const id = (t: string) => vocab.out.indexOf(t);
const names = (ids: readonly number[]) => ids.map((i) => vocab.out[i]);

test('only the numbers the problem has are allowed, and constants always', () => {
  const c = MwpConstraint.start(table, 2);
  const allowed = names(c.allowed());
  assert.ok(allowed.includes('N0') && allowed.includes('N1'));
  assert.ok(!allowed.includes('N2') && !allowed.includes('N3'));
  assert.ok(allowed.includes('1') && allowed.includes('3.14'));
  assert.ok(allowed.includes('F86') && allowed.includes('C+'));
});

test('a formula token counts as its operator: the end token comes exactly when the tree is complete', () => {
  let c = MwpConstraint.start(table, 3);
  for (const t of ['F107', 'F86', 'N0', 'N1']) {
    c = c.advance(id(t));
    assert.ok(!c.done);
    assert.ok(!c.allowed().includes(vocab.eos));
  }
  c = c.advance(id('N2'));
  assert.ok(c.done);
  assert.deepEqual(c.allowed(), [vocab.eos]);
  assert.throws(() => c.advance(id('N0')), /not allowed/);
});

test('operators are refused once the tree could no longer close within the length limit', () => {
  let c = MwpConstraint.start(table, 3);
  c = c.advance(id('C+')).advance(id('C+')).advance(id('C+'));
  // 3 tokens written, 4 leaves still needed: 7 = maxTarget, so no further operator fits.
  assert.ok(names(c.allowed()).every((t) => !vocab.outOp[t]));
  assert.throws(() => c.advance(id('C*')), /not allowed/);
});

test('a number the problem lacks is refused', () => {
  assert.throws(() => MwpConstraint.start(table, 1).advance(id('N1')), /not allowed/);
});

/** A step function from a table of scores: the decoder's stand-in, with the runtime's row layout. */
function scorer(score: (prefix: readonly number[]) => Float32Array) {
  return async (rows: readonly StepRow[]) => {
    const out = new Float32Array(rows.length * vocabSize);
    rows.forEach((r, i) => out.set(score(r.prefix), i * vocabSize));
    return out;
  };
}

const options = { bos, eos: vocab.eos, vocabSize, beams: 3, maxLength: vocab.maxTarget + 1 };

test('the runtime beam search under this constraint returns the best complete trees, best first', async () => {
  // Scores prefer "F86 N0 N1" (400 / 4) strongly; the end token costs nothing, as in the exported graph.
  const preferred = ['F86', 'N0', 'N1'];
  const [found] = await beamSearch([{ constraint: MwpConstraint.start(table, 2) }], scorer((prefix) => {
    const row = new Float32Array(vocabSize).fill(-5);
    row[vocab.eos] = 0;
    row[id(preferred[prefix.length - 1] ?? 'N0')] = -0.1;
    return row;
  }), options);
  assert.deepEqual(names(found[0].tokens), preferred);
  assert.ok(found.every((h) => h.complete));
});

test('whatever the model scores, every result is a well-formed tree over the problem numbers', async () => {
  await fc.assert(
    fc.asyncProperty(
      fc.integer({ min: 1, max: 4 }),
      fc.array(fc.float({ min: -10, max: 0, noNaN: true }), { minLength: vocabSize * 8, maxLength: vocabSize * 8 }),
      async (count, scores) => {
        const [found] = await beamSearch([{ constraint: MwpConstraint.start(table, count) }], scorer((prefix) => {
          const k = prefix.length % 8;
          return Float32Array.from(scores.slice(k * vocabSize, (k + 1) * vocabSize));
        }), { ...options, beams: 4 });
        const complete = found.filter((h) => h.complete);
        assert.ok(complete.length > 0);
        for (const h of complete) {
          const tokens = names(h.tokens);
          assert.ok(tokens.length <= vocab.maxTarget);
          assert.ok(prefixToTree(tokens.map((t) => vocab.outOp[t] ?? t)), `not a tree: ${tokens.join(' ')}`);
          for (const t of tokens) if (/^N\d$/.test(t)) assert.ok(Number(t.slice(1)) < count);
        }
      },
    ),
    { numRuns: 60 },
  );
});
