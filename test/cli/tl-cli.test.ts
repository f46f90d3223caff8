// The nesy CLI commands of the temporal-logic language, run as the real built bundle.
// Build first: npm run build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawnSync } from 'node:child_process';
import { nesy } from '../helpers/cli';
import { repoRoot } from '../helpers/data';

const fixtures = path.join('test', 'fixtures', 'tl');
const tmp = path.join(repoRoot, '.test-tmp', 'tl-cli');

test('nesy parse prints the canonical form, or the tree with --json', () => {
  const plain = nesy(['parse', 'globally ( prop_1 imply finally [0,10] prop_2 )']);
  assert.equal(plain.code, 0, plain.stderr);
  assert.equal(plain.stdout, 'G (prop_1 -> F[0,10] prop_2)\n');
  const json = nesy(['parse', '--json', 'a U[1,inf] !b']);
  assert.equal(json.code, 0, json.stderr);
  assert.deepEqual(JSON.parse(json.stdout), { kind: 'until', args: [{ kind: 'prop', name: 'a' }, { kind: 'not', args: [{ kind: 'prop', name: 'b' }] }], interval: [1, null] });
});

test('nesy parse: a syntax error exits 2 with the diagnostic', () => {
  const r = nesy(['parse', '--json', 'a & (b']);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.match(r.stderr, /tl\/syntax-error The `\(` opened at line 1, column 5 is never closed/);
  assert.equal(nesy(['parse']).code, 2);
});

test('nesy explain prints the English reading', () => {
  const r = nesy(['explain', 'G (door -> F[0,10] alarm)']);
  assert.equal(r.code, 0, r.stderr);
  assert.equal(r.stdout, 'at every moment, if door holds then within 10 time units alarm holds\n');
  assert.equal(nesy(['explain', 'G (']).code, 2);
});

test('nesy format prints the file in the chosen style and keeps comments', () => {
  const file = path.join(fixtures, 'robot.tl');
  const source = fs.readFileSync(path.join(repoRoot, file), 'utf8');
  const r = nesy(['format', '--style', 'unicode', file]);
  assert.equal(r.code, 0, r.stderr);
  assert.match(r.stdout, /spec safe := □¬in_red\n/);
  assert.match(r.stdout, /spec reach := ◇\[0,10\] at_goal\n/);
  for (const comment of source.match(/\/\/.*|\/\*[\s\S]*?\*\//g)!) assert.ok(r.stdout.includes(comment), comment);
  const words = nesy(['format', '--style=words', file]);
  assert.match(words.stdout, /spec mission := safe and reach and\n  always \(at_goal implies charged\)/);
  assert.equal(nesy(['format', '--style', 'fancy', file]).code, 2);
});

test('nesy check: text output, 1-based positions, exit 1 on errors', () => {
  const clean = nesy(['check', path.join(fixtures, 'robot.tl')]);
  assert.equal(clean.code, 0, clean.stdout + clean.stderr);
  assert.equal(clean.stdout, '');
  const file = path.join(fixtures, 'broken.tl');
  const r = nesy(['check', file]);
  assert.equal(r.code, 1);
  assert.deepEqual(r.stdout.trim().split('\n'), [
    `${file}:2:6 hint tl/unused-declaration The proposition \`unused\` is declared but never used.`,
    `${file}:3:2 error tl/interval-reversed This interval is empty: its lower bound 10 is greater than its upper bound 2. Did you mean to swap them?`,
    `${file}:4:3 error tl/syntax-error The formula ends too early: a proposition, \`true\`, \`false\` or \`(\` is missing after \`&\`.`,
  ]);
});

test('nesy check --json: LSP ranges and severity words', () => {
  const file = path.join(fixtures, 'broken.tl');
  const r = nesy(['check', '--json', file]);
  assert.equal(r.code, 1);
  const findings = JSON.parse(r.stdout) as { file: string; range: unknown; severity: string; code: string; message: string }[];
  assert.deepEqual(findings[1], {
    file,
    range: { start: { line: 2, character: 1 }, end: { line: 2, character: 7 } },
    severity: 'error',
    code: 'tl/interval-reversed',
    message: 'This interval is empty: its lower bound 10 is greater than its upper bound 2. Did you mean to swap them?',
  });
  assert.deepEqual(findings.map((f) => f.severity), ['hint', 'error', 'error']);
});

test('nesy check: unreadable or unknown files exit 2 with a clear message', () => {
  fs.mkdirSync(tmp, { recursive: true });
  const unknown = path.join(tmp, 'notes.txt');
  fs.writeFileSync(unknown, 'hello');
  const r = nesy(['check', unknown, path.join(tmp, 'missing.tl')]);
  assert.equal(r.code, 2);
  assert.match(r.stderr, /notes\.txt: unknown file type; known extensions are .*\.tl/);
  assert.match(r.stderr, /missing\.tl: cannot read it \(no such file\)/);
});

test('nesy check whose reader stops early (| head) ends quietly, without an EPIPE trace', (t) => {
  const dir = fs.mkdtempSync(path.join(repoRoot, '.test-tmp', 'cli-epipe-'));
  t.after(() => fs.rmSync(dir, { recursive: true, force: true }));
  for (let i = 0; i < 300; i++) fs.writeFileSync(path.join(dir, `f${i}.tl`), 'prop a\nG b\nF[5,2] c\n');
  // The shell closes the pipe after one line while nesy is still writing.
  const r = spawnSync('sh', ['-c', `"${process.execPath}" bin/nesy.js check "${dir}"/*.tl | head -1`], { cwd: repoRoot, encoding: 'utf8' });
  assert.match(r.stdout, /tl\/unused-declaration/);
  assert.doesNotMatch(r.stderr, /EPIPE|Unhandled/);
});
