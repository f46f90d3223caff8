// The predictions report view's data (src/client/predictionsReport/model.ts): images worst first, each
// image's rules lowest truth first with the map drawn for it, and the rules table as the CLI prints it.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import type { RunReport } from '../../src/cli/predictions/report';
import { reportView } from '../../src/client/predictionsReport/model';

const report: RunReport = {
  rules: [
    { name: 'h.C_dog', kind: 'C', text: 'dog -> mammal', violation_rate: 0.25, fuzzy_truth: 0.5, worst: [{ sample: 5, truth: 0.1, file: 'b.npy', at: 1, x: 1, y: 0 }] },
    { name: 'r1', kind: 'user', text: 'dog -> bird', violation_rate: 0, fuzzy_truth: 0.99, worst: [] },
  ],
  samples: 12,
  skipped: [{ name: 'r2', reason: 'not monadic' }],
  files: 3,
  images: [
    { file: 'a.npy', samples: 4, rules: [{ name: 'h.C_dog', violation_rate: 0, fuzzy_truth: 0.9 }, { name: 'r1', violation_rate: 0, fuzzy_truth: 0.99 }] },
    { file: 'b.npy', samples: 4, rules: [{ name: 'h.C_dog', violation_rate: 0.5, fuzzy_truth: 0.2 }, { name: 'r1', violation_rate: 0.25, fuzzy_truth: 0.95 }] },
    { file: 'c.npy', samples: 4, rules: [{ name: 'h.C_dog', violation_rate: 0.25, fuzzy_truth: 0.4 }, { name: 'r1', violation_rate: 0, fuzzy_truth: 0.97 }] },
  ],
  maps: [
    { file: 'b.npy', rule: 'h.C_dog', png: '/m/b/h.C_dog.png', blended: false },
    { file: 'b.npy', rule: 'r1', png: '/m/b/r1.png', blended: false },
    { file: 'c.npy', rule: 'h.C_dog', png: '/m/c/h.C_dog.png', blended: false },
  ],
};

test('images come worst first, their rules lowest truth first, each with its own map', () => {
  const view = reportView(report, { title: 'T', threshold: 0.5, mapUri: (png) => `webview:${png}` });
  assert.deepEqual(view.images.map((i) => i.file), ['b.npy', 'c.npy', 'a.npy']);
  assert.deepEqual(view.images.map((i) => i.violated), [2, 1, 0]);
  assert.deepEqual(view.images[0]!.lowest, { rule: 'h.C_dog', fuzzy_truth: 0.2 });
  assert.deepEqual(view.images[0]!.rules.map((r) => [r.name, r.map]), [['h.C_dog', 'webview:/m/b/h.C_dog.png'], ['r1', 'webview:/m/b/r1.png']]);
  assert.deepEqual(view.images[1]!.rules.map((r) => r.map), ['webview:/m/c/h.C_dog.png', undefined]);
  assert.ok(view.images[2]!.rules.every((r) => r.map === undefined));
});

test('the rules table and summary read as the CLI report does', () => {
  const view = reportView(report, { title: 'T', threshold: 0.5, mapUri: (png) => png });
  assert.equal(view.summary, '12 samples in 3 files, 2 rules, threshold 0.5');
  assert.deepEqual(view.rules[0], { name: 'h.C_dog', kind: 'C', violation_rate: 0.25, fuzzy_truth: 0.5, worst: 'b.npy@1,0 (0.100)' });
  assert.deepEqual(view.skipped, report.skipped);
});

test('ties on truth go to the image with more violated rules, then by name', () => {
  const tied: RunReport = {
    ...report,
    maps: [],
    images: [
      { file: 'y', samples: 1, rules: [{ name: 'a', violation_rate: 0, fuzzy_truth: 0.5 }] },
      { file: 'x', samples: 1, rules: [{ name: 'a', violation_rate: 0, fuzzy_truth: 0.5 }] },
      { file: 'z', samples: 1, rules: [{ name: 'a', violation_rate: 1, fuzzy_truth: 0.5 }] },
      { file: 'w', samples: 0, rules: [] },
    ],
  };
  assert.deepEqual(reportView(tied, { title: 'T', threshold: 0.5, mapUri: (p) => p }).images.map((i) => i.file), ['z', 'x', 'y', 'w']);
});
