// nesy/checkPredictions through the real server: the rules come from the editor's copy of the .fol
// document, the scores from the file the user picked (test/fixtures/fol, see its README).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { pathToFileURL } from 'node:url';
import { ErrorCodes } from 'vscode-languageserver/node';
import { Requests } from '../../src/core/protocol';
import { PNG } from 'pngjs';
import type { RunReport } from '../../src/cli/predictions/report';
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
    /Could not check missing\.json: cannot read missing\.json: no such file\./,
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
  // Without names the answer says so in its data, so the editor can ask for a classes file.
  await assert.rejects(lsp.request(Requests.checkPredictions, { uri, predictions: pathToFileURL(npy).href }), (e: { message: string; data?: unknown }) =>
    /Could not check scores\.npy: scores\.npy has no class names/.test(e.message) && (e.data as { needsClasses?: boolean } | undefined)?.needsClasses === true,
  );
  assert.ok(lsp.alive);
});

test('a folder of images: totals over its files, each image worst first, and a PNG map per violated rule', async (t) => {
  const lsp = await startLsp(t);
  const { uri } = await openAnimals(lsp);
  const classes = ['mammal', 'bird', 'dog', 'cat', 'sparrow', 'penguin'];
  const dir = path.join(lsp.workspaceFolder, 'val');
  fs.mkdirSync(dir);
  // Two 2 x 3 images of mammal dogs, which violate r1 (dog -> bird) everywhere. In b.npy pixel 4 is also a
  // dog that is neither a mammal nor a bird (C_dog and D_animals fail there) and pixel 5 both a dog and a
  // cat (the E-rules of dog and cat fail).
  const image = (edit: (set: (cls: string, pixel: number, v: number) => void) => void) => {
    const planes = new Float32Array(classes.length * 6);
    const set = (cls: string, pixel: number, v: number) => (planes[classes.indexOf(cls) * 6 + pixel] = v);
    for (let p = 0; p < 6; p++) {
      set('mammal', p, 0.9);
      set('dog', p, 0.8);
    }
    edit(set);
    return npyBytes('<f4', [classes.length, 2, 3], planes);
  };
  fs.writeFileSync(path.join(dir, 'a.npy'), image(() => undefined));
  fs.writeFileSync(path.join(dir, 'b.npy'), image((set) => {
    set('mammal', 4, 0.1);
    set('cat', 5, 0.9);
  }));
  const maps = path.join(lsp.workspaceFolder, 'maps');
  const report = await lsp.request<RunReport>(Requests.checkPredictions, { uri, predictions: pathToFileURL(dir).href, classes, maps: pathToFileURL(maps).href });
  assert.equal(report.samples, 12);
  assert.equal(report.files, 2);
  assert.equal(report.rules.find((r) => r.name === 'animals.C_dog')?.violation_rate, 1 / 12);
  assert.deepEqual(report.images?.map((i) => [i.file, i.samples]), [['a.npy', 6], ['b.npy', 6]]);
  const violated = (i: number) => report.images![i]!.rules.filter((r) => r.violation_rate > 0).map((r) => r.name).sort();
  assert.deepEqual(violated(0), ['r1']);
  assert.deepEqual(violated(1), ['animals.C_dog', 'animals.D_animals', 'animals.E_cat', 'animals.E_dog', 'r1']);
  // A map for each image and each rule it violates, and no other.
  assert.deepEqual(report.maps!.map((m) => `${m.file} ${m.rule}`).sort(), [...violated(0).map((r) => `a.npy ${r}`), ...violated(1).map((r) => `b.npy ${r}`)].sort());
  for (const m of report.maps!) {
    assert.ok(m.png.startsWith(maps + path.sep), m.png);
    const png = PNG.sync.read(fs.readFileSync(m.png));
    assert.deepEqual([png.width, png.height], [3, 2]);
  }
  assert.ok(lsp.alive);
});
