import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { nesy } from '../helpers/cli';
import { repoRoot } from '../helpers/data';

test('nesy check over many files runs them on worker threads and reports every file in order', () => {
  const parent = path.join(repoRoot, '.test-tmp', 'cli');
  fs.mkdirSync(parent, { recursive: true });
  const dir = fs.mkdtempSync(path.join(parent, 'check-many-'));
  try {
    const files: string[] = [];
    for (let i = 0; i < 24; i++) {
      const file = path.join(dir, `f${String(i).padStart(2, '0')}.tl`);
      // Every third file uses an undeclared proposition next to a declared one.
      fs.writeFileSync(file, i % 3 === 0 ? `prop a\nspec s${i} := G (a -> b${i})\n` : `prop a\nspec s${i} := G a\n`);
      files.push(file);
    }
    const r = nesy(['check', '--json', ...files]);
    const findings = JSON.parse(r.stdout) as { file: string; code: string; message: string }[];
    const flagged = findings.filter((f) => f.code === 'tl/undeclared-prop').map((f) => path.basename(f.file));
    assert.deepEqual(flagged, files.filter((_, i) => i % 3 === 0).map((f) => path.basename(f)));
    assert.deepEqual(findings.map((f) => f.file), [...findings.map((f) => f.file)].sort());
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});
