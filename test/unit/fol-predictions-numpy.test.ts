// `nesy check-predictions` against a NumPy reference: NumPy writes the scores (float32 CHW, float16
// samples x classes) and computes every rule of test/fixtures/fol/animals.fol directly from its
// definition (LogicSeg's operators; C, D and E rules written out by hand below); the checker must agree to
// 1e-6 on fuzzy truth, exactly on crisp violation rates, and on the worst samples.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { analyzeRulesFile, checkPredictions } from '../../src/languages/fol/predictions';
import { repoRoot } from '../helpers/data';
import { pythonWithNumpy } from '../helpers/python';

const tmp = path.join(repoRoot, '.test-tmp', 'fol-predictions-numpy');
const rulesFile = path.join(repoRoot, 'test', 'fixtures', 'fol', 'animals.fol');
const classes = ['mammal', 'bird', 'dog', 'cat', 'sparrow', 'penguin'];

const reference = `
import json, sys
import numpy as np
out_dir, threshold = sys.argv[1], float(sys.argv[2])
rng = np.random.default_rng(11)
classes = ${JSON.stringify(classes)}
# float32 classes x height x width, with some scores exactly at the threshold and at 0 and 1
chw = rng.random((6, 37, 53)).astype(np.float32)
chw[:, 0, :8] = np.float32(threshold)
chw[2, 1, :5] = 1.0
chw[0, 1, :5] = 0.0
np.save(out_dir + '/chw32.npy', chw)
# float16 samples x classes
rows16 = rng.random((4000, 6)).astype(np.float16)
np.save(out_dir + '/rows16.npy', rows16)

def metrics(x):
    # x: samples x classes in float64, from the file's own precision
    s = {c: x[:, i] for i, c in enumerate(classes)}
    th = threshold
    imp = lambda a, b: 1 - a + a * b
    hold = {c: s[c] >= th for c in classes}
    one = np.ones(len(x))
    rules = {}
    def add(name, truth, crisp_ok):
        order = np.lexsort((np.arange(len(truth)), truth))[:5]
        rules[name] = {
            'violation_rate': float(np.count_nonzero(~crisp_ok)) / len(truth),
            'fuzzy_truth': float(1 - np.mean((1 - truth) ** 5) ** (1 / 5)),
            'worst': [[int(i), float(truth[i])] for i in order],
        }
    # The root 'animals' has no scores: it holds for every sample.
    parent = {'mammal': None, 'bird': None, 'dog': 'mammal', 'cat': 'mammal', 'sparrow': 'bird', 'penguin': 'bird'}
    for c, p in parent.items():
        pv = one if p is None else s[p]
        ph = np.ones(len(x), bool) if p is None else hold[p]
        add('animals.C_' + c, imp(s[c], pv), ~hold[c] | ph)
    groups = {'animals': ['mammal', 'bird'], 'mammal': ['dog', 'cat'], 'bird': ['sparrow', 'penguin']}
    for g, kids in groups.items():
        gv = one if g == 'animals' else s[g]
        gh = np.ones(len(x), bool) if g == 'animals' else hold[g]
        add('animals.D_' + g, imp(gv, np.maximum(s[kids[0]], s[kids[1]])), ~gh | hold[kids[0]] | hold[kids[1]])
    for g, kids in groups.items():
        for k in kids:
            others = [o for o in kids if o != k]
            prod = np.ones(len(x))
            for o in others:
                prod = prod * (1 - s[o])
            ok = np.ones(len(x), bool)
            for o in others:
                ok = ok & ~hold[o]
            add('animals.E_' + k, imp(s[k], prod), ~hold[k] | ok)
    add('r1', imp(s['dog'], s['bird']), ~hold['dog'] | hold['bird'])
    add('r3', imp(s['sparrow'], s['bird']), ~hold['sparrow'] | hold['bird'])
    return {'samples': len(x), 'rules': rules}

print(json.dumps({
    'chw32': metrics(chw.reshape(6, -1).T.astype(np.float64)),
    'rows16': metrics(rows16.astype(np.float64)),
}))
`;

interface Reference {
  samples: number;
  rules: Record<string, { violation_rate: number; fuzzy_truth: number; worst: [number, number][] }>;
}

for (const threshold of [0.5, 0.3]) {
  test(`rates, fuzzy truths and worst samples equal a NumPy reference (threshold ${threshold})`, async (t) => {
    const python = pythonWithNumpy();
    if (!python) {
      t.skip('NumPy is not installed for any Python here (set NESY_PYTHON, or apt-get install python3-numpy)');
      return;
    }
    const dir = path.join(tmp, String(threshold));
    fs.mkdirSync(dir, { recursive: true });
    const r = spawnSync(python, ['-c', reference, dir, String(threshold)], { encoding: 'utf8' });
    assert.equal(r.status, 0, r.stderr);
    const expected = JSON.parse(r.stdout) as Record<'chw32' | 'rows16', Reference>;
    const analysis = await analyzeRulesFile(rulesFile);
    for (const name of ['chw32', 'rows16'] as const) {
      const report = await checkPredictions(analysis, path.join(dir, `${name}.npy`), { classes, threshold, worst: 5 });
      const want = expected[name];
      assert.equal(report.samples, want.samples);
      assert.deepEqual(report.rules.map((x) => x.name).sort(), Object.keys(want.rules).sort(), name);
      for (const rule of report.rules) {
        const ref = want.rules[rule.name]!;
        assert.equal(rule.violation_rate, ref.violation_rate, `${name} ${rule.name} violation rate`);
        assert.ok(Math.abs(rule.fuzzy_truth - ref.fuzzy_truth) <= 1e-6, `${name} ${rule.name} fuzzy truth ${rule.fuzzy_truth} vs ${ref.fuzzy_truth}`);
        assert.deepEqual(rule.worst.map((w) => w.sample), ref.worst.map(([i]) => i), `${name} ${rule.name} worst samples`);
        rule.worst.forEach((w, i) => assert.ok(Math.abs(w.truth - ref.worst[i]![1]) <= 1e-12, `${name} ${rule.name} worst truth`));
      }
    }
  });
}
