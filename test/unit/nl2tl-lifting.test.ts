import { test } from 'node:test';
import assert from 'node:assert/strict';
import { cleanTaggedSpans, declaredSpans, liftSentence, liftedSpans, markedSpans, mergeSpans, nameWords } from '../../src/neural/apRecognition';
import { tokenize } from '../../src/neural/nl2tlText';
import { ground, identifierFor } from '../../src/neural/grounding';

test('marked spans: straight and curly quotes, single quotes and parentheses, but not apostrophes', () => {
  const s = `always "avoid the red zone" and eventually (reach the goal), don't stop 'the lamp is on' or “door open”`;
  const spans = markedSpans(s);
  assert.deepEqual(spans.map((x) => x.text), ['avoid the red zone', 'reach the goal', 'the lamp is on', 'door open']);
  for (const x of spans) assert.equal(s.slice(x.start, x.end), x.text);
});

test('declared props match by their name words or by their description', () => {
  assert.deepEqual(nameWords('redZone'), ['red', 'zone']);
  assert.deepEqual(nameWords('RED_ZONE-2'), ['red', 'zone', '2']);
  const s = 'the robot must always avoid the Red Zone and reach the charging dock within 10 seconds';
  const spans = declaredSpans(s, [
    { name: 'red_zone' },
    { name: 'dock', description: 'the robot is at its charging dock' },
    { name: 'battery_low', description: 'the battery is nearly empty' },
  ]);
  assert.deepEqual(spans.map((x) => [x.declared, x.text]), [['red_zone', 'Red Zone'], ['dock', 'charging dock']]);
  const withArticle = declaredSpans('eventually be at the goal', [{ name: 'at_goal' }]);
  assert.deepEqual(withArticle.map((x) => x.text), ['at the goal'], 'articles in the sentence do not break a name match');
});

test('lifting replaces spans, quotes included, by ( prop_i ) numbered left to right', () => {
  const s = 'eventually "reach the goal" and always avoid the red zone';
  const spans = mergeSpans(declaredSpans(s, [{ name: 'red_zone' }]), markedSpans(s));
  const lifted = liftSentence(s, spans);
  assert.equal(lifted.text, 'eventually ( prop_1 ) and always avoid the ( prop_2 )');
  assert.equal(lifted.props.get('prop_1')!.text, 'reach the goal');
  assert.equal(lifted.props.get('prop_2')!.declared, 'red_zone');
});

test('a sentence that is already lifted keeps its own prop ids', () => {
  const s = 'whenever ( prop_2 ) then ( prop_1 )';
  const lifted = liftSentence(s, liftedSpans(s));
  assert.equal(lifted.text, s);
  assert.deepEqual([...lifted.props.keys()], ['prop_2', 'prop_1']);
});

test('overlapping spans: the earlier source wins', () => {
  const s = 'always "the red zone is clear"';
  const merged = mergeSpans(declaredSpans(s, [{ name: 'red_zone' }]), markedSpans(s));
  assert.deepEqual(merged.map((x) => x.source), ['declared']);
});

test('grounding keeps declared names and makes fresh, unique, valid identifiers for the rest', () => {
  assert.equal(identifierFor('reach the goal', new Set()), 'reach_goal');
  assert.equal(identifierFor('reach the goal', new Set(['reach_goal'])), 'reach_goal_2');
  assert.equal(identifierFor('10 seconds', new Set()), 'p_10_seconds');
  assert.equal(identifierFor('until', new Set()), 'until_p', 'a reserved word gets a suffix');
  const s = 'always avoid the red zone and "reach the goal"';
  const lifted = liftSentence(s, mergeSpans(declaredSpans(s, [{ name: 'red_zone' }]), markedSpans(s)));
  const names = ground(lifted.props, ['red_zone']);
  assert.deepEqual([...names.values()], [
    { name: 'red_zone', declared: true },
    { name: 'reach_goal', declared: false },
  ]);
});

test('tagger spans are cleaned: articles rejoin split phrases, time bounds and units are cut off', () => {
  const s = 'always avoid the red zone and reach the goal within 10 seconds';
  const tokens = tokenize(s);
  const word = (w: string): number => tokens.findIndex((t) => t.text === w);
  // As the navigation tagger tags it: "avoid the" | "red zone" | "reach the goal within 10" | "seconds".
  const raw: [number, number][] = [[word('avoid'), word('red')], [word('red'), word('and')], [word('reach'), word('seconds')], [word('seconds'), tokens.length]];
  assert.deepEqual(cleanTaggedSpans(s, tokens, raw, []).map((x) => x.text), ['avoid the red zone', 'reach the goal']);
});

test('tagger spans touching a declared or marked span are dropped', () => {
  const s = 'always avoid the red zone and "reach the goal"';
  const tokens = tokenize(s);
  const fixed = mergeSpans(declaredSpans(s, [{ name: 'red_zone' }]), markedSpans(s));
  const raw: [number, number][] = [[1, 3], [6, 9]];
  assert.deepEqual(cleanTaggedSpans(s, tokens, raw, fixed), []);
});
