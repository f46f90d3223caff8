// `nesy monitor`, run as the real built bundle. Build first: npm run build.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as path from 'node:path';
import { spawn } from 'node:child_process';
import { nesy } from '../helpers/cli';
import { repoRoot } from '../helpers/data';

const fixtures = path.join('test', 'fixtures', 'tl', 'monitor');
const spec = path.join(fixtures, 'door.tl');
const csv = path.join(fixtures, 'door.csv');
const jsonl = path.join(fixtures, 'door.jsonl');
const tmp = path.join(repoRoot, '.test-tmp', 'tl-monitor-cli');

function scratch(name: string, text: string): string {
  fs.mkdirSync(tmp, { recursive: true });
  const file = path.join(tmp, name);
  fs.writeFileSync(file, text);
  return file;
}

const expected = {
  specs: [
    { name: 'liveness', satisfied: true, robustness: 'Infinity', first_violation: 3.5 },
    { name: 'response', satisfied: false, robustness: '-Infinity', first_violation: 0 },
    { name: 'quiet_start', satisfied: true, robustness: 'Infinity', first_violation: 2.5 },
    { name: 'formula 1', satisfied: true, robustness: 'Infinity', first_violation: null },
  ],
};

test('nesy monitor --json: every spec and bare formula, on a CSV and on a JSON-lines trace', () => {
  for (const trace of [csv, jsonl]) {
    const r = nesy(['monitor', spec, trace, '--json']);
    assert.equal(r.code, 1, r.stderr);
    assert.equal(r.stderr, '');
    assert.deepEqual(JSON.parse(r.stdout), expected);
  }
});

test('nesy monitor: one line per spec without --json', () => {
  const r = nesy(['monitor', spec, csv]);
  assert.equal(r.code, 1, r.stderr);
  assert.equal(
    r.stdout,
    [
      'liveness: satisfied (robustness +inf)',
      'response: violated at t=0 (robustness -inf)',
      'quiet_start: satisfied (robustness +inf)',
      'formula 1: satisfied (robustness +inf)',
      '',
    ].join('\n'),
  );
});

test('nesy monitor --spec NAME checks one spec; exit 0 when every checked spec holds', () => {
  const r = nesy(['monitor', spec, csv, '--spec', 'liveness', '--json']);
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), { specs: [expected.specs[0]] });
  const unnamed = nesy(['monitor', spec, jsonl, '--spec', 'formula 1']);
  assert.equal(unnamed.code, 0, unnamed.stderr);
  assert.equal(unnamed.stdout, 'formula 1: satisfied (robustness +inf)\n');
  const unknown = nesy(['monitor', spec, csv, '--spec', 'nope']);
  assert.equal(unknown.code, 2);
  assert.equal(unknown.stderr, "nesy monitor: no spec named 'nope'; the specs are liveness, response, quiet_start, formula 1\n");
});

test('nesy monitor reads the trace from stdin with -', () => {
  const r = nesy(['monitor', spec, '-', '--json'], { input: fs.readFileSync(path.join(repoRoot, csv), 'utf8') });
  assert.equal(r.code, 1, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), expected);
});

test('nesy monitor: a proposition missing from the trace is one clear line, exit 2', () => {
  const file = scratch('smoke.tl', 'spec fire := G (smoke -> F[0,5] alarm)\n');
  const r = nesy(['monitor', file, csv, '--json']);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, `nesy monitor: proposition 'smoke' of spec 'fire' is not a column of ${csv} (columns: door_open, alarm, speed)\n`);
  const numeric = nesy(['monitor', scratch('speed.tl', 'spec fast := F speed\n'), csv]);
  assert.equal(numeric.code, 2);
  assert.equal(numeric.stderr, "nesy monitor: proposition 'speed' of spec 'fast': column 'speed' holds numbers (0.5 at line 2), not 0/1 or true/false\n");
});

test('nesy monitor: a bad row names the line and the column, exit 2', () => {
  const bad = scratch('bad.csv', 'time,door_open,alarm\n0,0,0\n1,1,maybe\n');
  const r = nesy(['monitor', spec, bad]);
  assert.equal(r.code, 2);
  assert.equal(r.stdout, '');
  assert.equal(r.stderr, `nesy monitor: ${bad}:3: column 'alarm': 'maybe' is not 0/1, true/false or a number\n`);
  const backwards = scratch('backwards.jsonl', '{"time":1,"door_open":0,"alarm":0}\n{"time":0.5,"door_open":0,"alarm":0}\n');
  const b = nesy(['monitor', spec, backwards]);
  assert.equal(b.code, 2);
  assert.match(b.stderr, /backwards\.jsonl:2: column 'time': 0\.5 is not after the previous sample's time 1/);
});

test('nesy monitor: an empty trace, a missing file, a syntax error and bad arguments are bad input', () => {
  const empty = nesy(['monitor', spec, scratch('empty.csv', 'time,door_open,alarm\n')]);
  assert.equal(empty.code, 2);
  assert.match(empty.stderr, /^nesy monitor: .*empty\.csv: the trace has no samples\n$/);
  const missing = nesy(['monitor', spec, path.join(tmp, 'missing.csv')]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /^nesy monitor: cannot read .*missing\.csv: ENOENT/);
  const broken = nesy(['monitor', scratch('broken.tl', 'spec a := G (door_open &\n'), csv]);
  assert.equal(broken.code, 2);
  assert.match(broken.stderr, /broken\.tl:1:\d+: error tl\/syntax-error /);
  assert.equal(nesy(['monitor', spec]).code, 2);
  assert.equal(nesy(['monitor', spec, csv, '--frobnicate']).code, 2);
  const help = nesy(['monitor', '--help']);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /^usage: nesy monitor SPEC\.tl TRACE/);
  assert.match(nesy(['--help']).stdout, /\n {2}monitor +Check the specs of a \.tl file on a recorded trace/);
});

test('nesy monitor --follow -: verdicts of stdin as it ends, the last verdicts\' exit status', () => {
  const r = nesy(['monitor', spec, '-', '--follow', '--json', '--spec', 'liveness'], { input: 'time,door_open,alarm\n0,0,0\n1,1,0\n2,0,1\n' });
  assert.equal(r.code, 0, r.stderr);
  assert.deepEqual(r.stdout.trim().split('\n').map((l) => JSON.parse(l)), [{ time: 2, name: 'liveness', satisfied: true, robustness: 'Infinity', first_violation: null }]);
  const bad = nesy(['monitor', spec, '-', '--follow'], { input: 'time,door_open,alarm\n0,0,0\n1,1,x\n' });
  assert.equal(bad.code, 2);
  assert.equal(bad.stderr, "nesy monitor: stdin:3: column 'alarm': 'x' is not 0/1, true/false or a number\n");
  assert.equal(nesy(['monitor', spec, '-', '--follow'], { input: '' }).code, 2);
});

test('nesy monitor --follow FILE: prints each verdict change as lines are appended, until interrupted', async () => {
  const file = scratch('growing.csv', 'time,door_open,alarm\n0,0,0\n1,1,0\n');
  const child = spawn(process.execPath, [path.join(repoRoot, 'bin', 'nesy.js'), 'monitor', spec, file, '--follow', '--spec', 'liveness'], { cwd: repoRoot });
  let stdout = '';
  child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  const waitFor = async (text: string) => {
    const deadline = Date.now() + 60_000;
    while (!stdout.includes(text)) {
      if (Date.now() > deadline) throw new Error(`no '${text}' in ${JSON.stringify(stdout)}`);
      await new Promise((resolve) => setTimeout(resolve, 50));
    }
  };
  try {
    await waitFor('[t=1] liveness: violated at t=0 (robustness -inf)\n');
    fs.appendFileSync(file, '2,0,1\n');
    await waitFor('[t=2] liveness: satisfied (robustness +inf)\n');
    fs.appendFileSync(file, '3,0,0\n4,1,0\n');
    // Still satisfied: no line. Then a spec whose verdict flips back.
    await new Promise((resolve) => setTimeout(resolve, 1000));
  } finally {
    child.kill('SIGINT');
  }
  assert.equal(await exited, 0);
  assert.equal(stdout, '[t=1] liveness: violated at t=0 (robustness -inf)\n[t=2] liveness: satisfied (robustness +inf)\n');
});

test('nesy monitor: STL comparisons on numeric columns, robustness x − c and c − x; a missing signal is one line, exit 2', () => {
  const stl = scratch('speed.tl', 'signal speed "km/h"\nsignal gap\nspec limit := G[0,2] speed <= 50\nspec keep := G abs(gap) > 0.5\n');
  const trace = scratch('speed.csv', 'time,speed,gap\n0,42.5,1\n1,48,-2\n2,51,0.75\n3,30,0.5\n');
  const r = nesy(['monitor', stl, trace, '--json']);
  assert.equal(r.code, 1, r.stderr);
  assert.deepEqual(JSON.parse(r.stdout), {
    specs: [
      // min over t in [0,2] of 50 − speed = 50 − 51; first false at t=0 (its window reaches 51).
      { name: 'limit', satisfied: false, robustness: -1, first_violation: 0 },
      // min over all samples of |gap| − 0.5 = 0 at t=3: not > 0.
      { name: 'keep', satisfied: false, robustness: 0, first_violation: 0 },
    ],
  });
  const missing = nesy(['monitor', scratch('rpm.tl', 'signal rpm\nspec s := G rpm < 3000\n'), trace]);
  assert.equal(missing.code, 2);
  assert.equal(missing.stderr, `nesy monitor: signal 'rpm' of spec 's' is not a column of ${trace} (columns: speed, gap)\n`);
});
