// `nesy eval nl2tl` and `nesy translate` through the built CLI (run `npm run build` first).
import { test } from 'node:test';
import assert from 'node:assert/strict';
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
});

test('eval on full navigation rows adds ap_span_f1, and --limit cuts the rows', () => {
  const r = nesy(['eval', 'nl2tl', '--data', path.join(fixtures, 'navi.jsonl'), '--limit', '10', '--beams', '2']);
  assert.equal(r.code, 0, r.stderr);
  const out = json(r.stdout);
  assert.equal(out['format'], 'full');
  assert.equal(out['n'], 10);
  assert.ok((out['ap_span_f1'] as number) >= 0.9, `span F1 ${out['ap_span_f1']}`);
  assert.ok((out['exact'] as number) >= 0.6, `exact ${out['exact']}`);
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
  assert.deepEqual(Object.values(out.props).map((p) => p.text), ['battery is low', 'robot returns to the dock']);
  assert.match(out.formula, /battery_is_low/);
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
