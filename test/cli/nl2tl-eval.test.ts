// `nesy eval nl2tl` and `nesy translate` through the built CLI (run `npm run build` first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { nesy } from '../helpers/cli';
import { repoRoot } from '../helpers/data';

const fixtures = path.join(repoRoot, 'test', 'fixtures', 'nl2tl');

function json(stdout: string): Record<string, unknown> {
  const lines = stdout.trim().split('\n');
  assert.equal(lines.length, 1, `one JSON object expected, got: ${stdout}`);
  return JSON.parse(lines[0]!) as Record<string, unknown>;
}

test('eval on lifted rows prints n, exact, equivalent, ms_per_item and ep', () => {
  const r = nesy(['eval', 'nl2tl', '--data', path.join(fixtures, 'lifted.jsonl'), '--ep', 'cpu']);
  assert.equal(r.code, 0, r.stderr);
  const out = json(r.stdout);
  assert.equal(out['format'], 'lifted');
  assert.equal(out['n'], 24);
  assert.equal(out['ep'], 'cpu');
  assert.equal(typeof out['ms_per_item'], 'number');
  const exact = out['exact'] as number;
  const equivalent = out['equivalent'] as number;
  assert.ok(exact >= 0.7, `exact ${exact} on unseen lifted sentences`);
  assert.ok(equivalent >= exact && equivalent <= 1);
  assert.ok((out['struct'] as number) >= exact && (out['struct'] as number) <= 1, `struct ${out['struct']}`);
});

test('eval on full navigation rows adds ap_span_f1, and --limit cuts the rows', () => {
  const r = nesy(['eval', 'nl2tl', '--data', path.join(fixtures, 'navi.jsonl'), '--limit', '10', '--beams', '2']);
  assert.equal(r.code, 0, r.stderr);
  const out = json(r.stdout);
  assert.equal(out['format'], 'full');
  assert.equal(out['n'], 10);
  assert.ok((out['ap_span_f1'] as number) >= 0.9, `span F1 ${out['ap_span_f1']}`);
  assert.ok((out['exact'] as number) >= 0.6, `exact ${out['exact']}`);
  // Lifted predictions against the gold up to renaming, without span matching: at least as often.
  assert.ok((out['struct'] as number) >= (out['exact'] as number) && (out['struct'] as number) <= 1, `struct ${out['struct']}`);
});

test('eval refuses bad data with one clear line and exit status 2', () => {
  const missing = nesy(['eval', 'nl2tl', '--data', path.join(fixtures, 'nope.jsonl')]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /cannot read .*nope\.jsonl/);
  const corrupt = nesy(['eval', 'nl2tl', '--data', path.join(fixtures, 'corrupt.jsonl')]);
  assert.equal(corrupt.code, 2);
  assert.match(corrupt.stderr, /corrupt\.jsonl:2 is not a JSON object/);
  const noTask = nesy(['eval', 'nosuchtask']);
  assert.equal(noTask.code, 2);
  assert.match(noTask.stderr, /give a task \(nl2tl/);
});

test('eval on free-text rows prints struct: equal up to renaming, regrouping and operand order', () => {
  const r = nesy(['eval', 'nl2tl', '--data', path.join(fixtures, 'free.jsonl'), '--ep', 'cpu', '--workers', '1']);
  assert.equal(r.code, 0, r.stderr);
  const out = json(r.stdout);
  assert.equal(out['format'], 'free');
  assert.equal(out['n'], 6);
  assert.equal(out['gold_unparsable'], 1);
  // Rows 1-4 and 6 have the gold's structure (row 4, an `if` with no temporal word, gets no `G` from the
  // requirement grammar); only row 6 uses the translator's own names.
  assert.equal(out['struct'], 0.8333);
  assert.equal(out['exact'], 0.1667);
  assert.equal(out['equivalent'], 0.1667);
});

test('eval --declare grounds free-text rows to their props, as translate --prop does', () => {
  const r = nesy(['eval', 'nl2tl', '--data', path.join(fixtures, 'free.jsonl'), '--ep', 'cpu', '--workers', '1', '--declare']);
  assert.equal(r.code, 0, r.stderr);
  const out = json(r.stdout);
  assert.equal(out['format'], 'free');
  assert.equal(out['n'], 6);
  assert.equal(out['struct'], 0.8333);
  // Rows 1, 2, 4 and 6 now match exactly; row 3 (`G red & F goal` for `F goal & G red`) only up to order.
  assert.equal(out['exact'], 0.6667);
  assert.equal(out['equivalent'], 0.8333);
});

test('eval refuses malformed free-text rows, naming the row and the field', () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'nesy-free-'));
  const cases: [string, RegExp][] = [
    ['{"sentence": "always a", "ltl": ["G", "a"]}', /row 2: ltl must be a string/],
    ['{"sentence": "always a", "ltl": "G a", "props": ["a"]}', /row 2: props must be an object of strings/],
    ['{"sentence": "always a", "ltl": "G a", "props": {"a": 1}}', /row 2: props must be an object of strings/],
    ['{"logic_sentence": "always ( prop_1 )", "logic_ltl": "G prop_1"}', /row 2 lacks the fields of the first row's format/],
  ];
  try {
    for (const [row, message] of cases) {
      const file = path.join(dir, 'rows.jsonl');
      fs.writeFileSync(file, `{"sentence": "always a", "ltl": "G a"}\n${row}\n`);
      const r = nesy(['eval', 'nl2tl', '--data', file, '--ep', 'cpu']);
      assert.equal(r.code, 2, row);
      assert.match(r.stderr, message);
      assert.equal(r.stderr.trim().split('\n').length, 1, r.stderr);
    }
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test('translate prints the formula, and --json the full contract', () => {
  const plain = nesy(['translate', '--ep', 'cpu', 'always ( prop_1 )']);
  assert.equal(plain.code, 0, plain.stderr);
  assert.equal(plain.stdout, 'G prop_1\n');
  const r = nesy(['translate', '--json', '--beams', '3', 'always "avoid the red zone" and eventually "reach the goal" within 10 seconds']);
  assert.equal(r.code, 0, r.stderr);
  const out = json(r.stdout) as { formula: string; lifted: string; props: Record<string, { text: string; span: [number, number] }>; english: string; ep: string; ms: number };
  assert.equal(out.props['prop_1']!.text, 'avoid the red zone');
  assert.deepEqual(out.props['prop_2']!.span, [44, 58]);
  assert.match(out.formula, /avoid_red_zone/);
  assert.match(out.lifted, /prop_1/);
  assert.match(out.english, /reach the goal/);
  assert.ok(['cpu', 'webgpu', 'cuda'].includes(out.ep));
  assert.equal(typeof out.ms, 'number');
});

test('translate keeps a clause whose words the tagger does not know, instead of dropping it', () => {
  const r = nesy(['translate', '--json', '--ep', 'cpu', 'if the battery is low then eventually the robot returns to the dock']);
  assert.equal(r.code, 0, r.stderr);
  const out = json(r.stdout) as { formula: string; props: Record<string, { text: string }> };
  assert.deepEqual(Object.values(out.props).map((p) => p.text), ['battery is low', 'dock']);
  // Named by the clauses' content words; the place of a goal without its agent.
  assert.equal(out.formula, 'battery_low -> F dock');
});

test('translate grounds to the propositions a .tl file declares', () => {
  const r = nesy(['translate', '--json', '--ep', 'cpu', '--tl', path.join(fixtures, 'robot.tl'), 'always avoid the red zone and eventually be at the goal']);
  assert.equal(r.code, 0, r.stderr);
  const out = json(r.stdout) as { formula: string; props: Record<string, { name: string; declared: boolean }> };
  assert.deepEqual(Object.values(out.props).map((p) => [p.name, p.declared]), [['red_zone', true], ['at_goal', true]]);
  assert.match(out.formula, /red_zone/);
  assert.match(out.formula, /at_goal/);
});

test('translate reports bad arguments and untranslatable input clearly', () => {
  const ep = nesy(['translate', '--ep', 'tpu', 'always ( prop_1 )']);
  assert.equal(ep.code, 2);
  assert.match(ep.stderr, /--ep must be one of auto, cpu, webgpu, cuda/);
  const none = nesy(['translate', '--ep', 'cpu', '...']);
  assert.equal(none.code, 1);
  assert.match(none.stderr, /No propositions found/);
});
