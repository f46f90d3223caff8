// nesy/checkPredictions through the real server: the rules come from the editor's copy of the .fol
// document, the scores from the file the user picked (test/fixtures/fol, see its README).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ErrorCodes } from 'vscode-languageserver/node';
import { Requests } from '../../src/core/protocol';
import type { PredictionReport } from '../../src/languages/fol/predictions';
import { repoRoot } from '../helpers/data';
import { startLsp, type LspClient } from '../helpers/lspClient';
import { npyBytes } from '../helpers/scoreFiles';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'fol');

async function openAnimals(lsp: LspClient): Promise<{ uri: string; predictions: string }> {
  fs.copyFileSync(path.join(fixtures, 'predictions-small.json'), path.join(lsp.workspaceFolder, 'predictions-small.json'));
  const uri = lsp.uri('animals.fol');
  lsp.open(uri, fs.readFileSync(path.join(fixtures, 'animals.fol'), 'utf8'));
  return { uri, predictions: pathToFileURL(path.join(lsp.workspaceFolder, 'predictions-small.json')).href };
}

test('scores the predictions against the open rules, unsaved edits included', async (t) => {
  const lsp = await startLsp(t);
  const { uri, predictions } = await openAnimals(lsp);
  const report = await lsp.request<PredictionReport>(Requests.checkPredictions, { uri, predictions });
  assert.equal(report.samples, 2);
  const dog = report.rules.find((r) => r.name === 'animals.C_dog');
  // Sample 1 scores dog 0.6 but mammal only 0.3, so the rule fails there at threshold 0.5.
  assert.equal(dog?.violation_rate, 0.5);
  assert.deepEqual(dog?.worst.map((w) => w.sample), [1, 0]);

  lsp.replace(uri, 'dog', 'wolf');
  const edited = await lsp.request<PredictionReport>(Requests.checkPredictions, { uri, predictions });
  assert.equal(edited.rules.some((r) => r.name === 'animals.C_dog'), false);
  assert.ok(edited.skipped.some((s) => s.name === 'animals.C_wolf' && /no scores for 'wolf'/.test(s.reason)), JSON.stringify(edited.skipped));
});

test('bad parameters and unreadable files answer clear errors', async (t) => {
  const lsp = await startLsp(t);
  const { uri, predictions } = await openAnimals(lsp);
  await assert.rejects(lsp.request(Requests.checkPredictions, { uri }), (e: { code: number; message: string }) =>
    e.code === ErrorCodes.InvalidParams && /needs \{ uri, predictions \}/.test(e.message),
  );
  // Without any params vscode-jsonrpc passes the handler only its cancellation token.
  await assert.rejects(lsp.connection.sendRequest(Requests.checkPredictions), (e: { code: number; message: string }) =>
    e.code === ErrorCodes.InvalidParams && /needs \{ uri, predictions \}/.test(e.message),
  );
  await assert.rejects(lsp.request(Requests.checkPredictions, { uri, predictions: 'relative.json' }), /must be a file:\/\/ URI or an absolute path/);
  await assert.rejects(lsp.request(Requests.checkPredictions, { uri: lsp.uri('closed.fol'), predictions }), /is not an open .fol document/);
  await assert.rejects(
    lsp.request(Requests.checkPredictions, { uri, predictions: pathToFileURL(path.join(lsp.workspaceFolder, 'missing.json')).href }),
    /Could not check missing\.json: ENOENT/,
  );
  assert.ok(lsp.alive);
});

test('reads what networks write: a CHW .npy with class names as a list or a file', async (t) => {
  const lsp = await startLsp(t);
  const { uri } = await openAnimals(lsp);
  const classes = ['mammal', 'bird', 'dog', 'cat', 'sparrow', 'penguin'];
  // One 1 x 2 image: pixel 0 is a dog that is not a mammal, pixel 1 a mammal dog.
  const planes = new Float32Array(classes.length * 2);
  planes[classes.indexOf('dog') * 2] = 0.9;
  planes[classes.indexOf('dog') * 2 + 1] = 0.9;
  planes[classes.indexOf('mammal') * 2 + 1] = 0.8;
  const npy = path.join(lsp.workspaceFolder, 'scores.npy');
  fs.writeFileSync(npy, npyBytes('<f4', [classes.length, 1, 2], planes));
  const classesFile = path.join(lsp.workspaceFolder, 'classes.txt');
  fs.writeFileSync(classesFile, classes.join('\n'));
  for (const names of [classes, pathToFileURL(classesFile).href]) {
    const report = await lsp.request<PredictionReport>(Requests.checkPredictions, { uri, predictions: pathToFileURL(npy).href, classes: names });
    assert.equal(report.samples, 2);
    assert.equal(report.rules.find((r) => r.name === 'animals.C_dog')?.violation_rate, 0.5);
  }
  await assert.rejects(lsp.request(Requests.checkPredictions, { uri, predictions: pathToFileURL(npy).href }), /Could not check scores\.npy: scores\.npy has no class names/);
  assert.ok(lsp.alive);
});
