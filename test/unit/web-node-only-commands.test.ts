// The web extension's bundle (npm run build: dist/web/extension.js) replaces the commands that need the Node
// server (checking predictions, evaluating a spec on a trace) by ones that say so in one line, instead of
// failing on a request the web server lacks.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { repoRoot } from '../helpers/data';

test('the web extension bundle says which commands need the desktop extension', () => {
  const file = path.join(repoRoot, 'dist', 'web', 'extension.js');
  assert.ok(fs.existsSync(file), `${file} is missing: run npm run build first`);
  const bundle = fs.readFileSync(file, 'utf8');
  assert.match(bundle, /NeSy: checking predictions needs the desktop extension[^"]*VS Code for the web does not run it\./);
  assert.match(bundle, /NeSy: evaluating a spec on a trace needs the desktop extension[^"]*VS Code for the web does not run it\./);
});
