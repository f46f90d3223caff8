// The round trip through the real models: translate(explain(f)) gives f back for random formulas (at most
// 3 propositions, depth 3, every operator, intervals). The bench (seed 1) reports the rate on 1,000
// formulas; this test draws its own 300 (seed 7), so it does not score the formulas the grammar was fixed on.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as path from 'node:path';
import { randomFormulas, roundTrip } from '../../bench/nl2tlRoundTrip';
import { Translator } from '../../src/neural/translator';
import { repoRoot } from '../helpers/data';

test('translate(explain(f)) is f, or equivalent to it, for at least 95% of random formulas', async () => {
  const translator = await Translator.load(path.join(repoRoot, 'models'), 'cpu');
  try {
    const r = await roundTrip(translator, randomFormulas(300, 7));
    assert.equal(r.n, 300);
    assert.ok(r.rate >= 0.95, `round trip ${r.rate}; first failures: ${JSON.stringify(r.failures.slice(0, 3), null, 1)}`);
  } finally {
    await translator.release();
  }
});
