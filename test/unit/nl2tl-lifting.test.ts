import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { cleanTaggedSpans, coverUnseenWords, declaredSpans, liftSentence, liftedSpans, markedSpans, mergeSpans, nameWords, toSpan, type ApSpan } from '../../src/neural/apRecognition';
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

test('tagger spans are split at connectives', () => {
  const s = 'visit the kitchen and then visit the garage';
  const tokens = tokenize(s);
  const word = (w: string): number => tokens.findIndex((t) => t.text === w);
  // The navigation tagger never saw "then" and, next to the unknown "garage", pulls it in.
  const raw: [number, number][] = [[0, word('and')], [word('then'), tokens.length]];
  assert.deepEqual(cleanTaggedSpans(s, tokens, raw, []).map((x) => x.text), ['visit the kitchen', 'visit the garage']);
  const s2 = 'the pump never runs while the tank is empty';
  const t2 = tokenize(s2);
  assert.deepEqual(cleanTaggedSpans(s2, t2, [[3, t2.length]], []).map((x) => x.text), ['runs', 'the tank is empty']);
});

test('tagger spans touching a declared or marked span are dropped', () => {
  const s = 'always avoid the red zone and "reach the goal"';
  const tokens = tokenize(s);
  const fixed = mergeSpans(declaredSpans(s, [{ name: 'red_zone' }]), markedSpans(s));
  const raw: [number, number][] = [[1, 3], [6, 9]];
  assert.deepEqual(cleanTaggedSpans(s, tokens, raw, fixed), []);
});

// A small stand-in for the model's vocabulary: connectives and navigation words, no domain nouns.
const knownWords = new Set(['if', 'then', 'eventually', 'always', 'the', 'robot', 'returns', 'to', 'is', 'reach', 'and', 'avoid', 'within', 'seconds', 'prop_1']);
const known = (w: string): boolean => knownWords.has(w);
const taggedSpan = (s: string, text: string): ApSpan => ({ start: s.indexOf(text), end: s.indexOf(text) + text.length, text, source: 'tagger' });

test('words the model has never seen become a proposition when the tagger missed them, glue words included', () => {
  const s = 'if the battery is low then eventually the robot returns to the dock';
  const spans = coverUnseenWords(s, tokenize(s), [taggedSpan(s, 'robot returns to the dock')], known);
  assert.deepEqual(spans.map((x) => [x.text, x.source]), [['battery is low', 'unseen'], ['robot returns to the dock', 'tagger']]);
  assert.deepEqual(spans[0]!.start, s.indexOf('battery'));
  assert.equal(liftSentence(s, spans).text, 'if the ( prop_1 ) then eventually the ( prop_2 )');
});

test('unseen words next to a tagger span across glue words extend it; next to a declared span they are left to it', () => {
  const s = 'always reach the kitchen and avoid the red zone';
  const extended = coverUnseenWords(s, tokenize(s), [taggedSpan(s, 'reach')], known);
  assert.deepEqual(extended.map((x) => [x.text, x.source]), [['reach the kitchen', 'tagger'], ['red zone', 'unseen']]);
  const declared = declaredSpans(s, [{ name: 'red_zone' }]);
  assert.deepEqual(coverUnseenWords(s, tokenize(s), declared, known).map((x) => x.text), ['kitchen', 'red zone']);
  const s2 = 'avoid the red zone quickly';
  assert.deepEqual(coverUnseenWords(s2, tokenize(s2), declaredSpans(s2, [{ name: 'red_zone' }]), known).map((x) => x.text), ['red zone']);
});

test('a glue word the model has never seen is covered like any unseen word, also alone at the end', () => {
  const s = 'always reach their';
  assert.deepEqual(coverUnseenWords(s, tokenize(s), [], known).map((x) => x.text), ['their']);
  const s2 = 'avoid their kitchen';
  assert.deepEqual(coverUnseenWords(s2, tokenize(s2), [], known).map((x) => x.text), ['their kitchen']);
});

test('known words, numbers and prop ids never become propositions, and spans passed in are not changed', () => {
  const s = 'always ( prop_1 ) and reach within 10 seconds';
  assert.deepEqual(coverUnseenWords(s, tokenize(s), [], known), []);
  const given = [taggedSpan('always avoid the kitchen', 'avoid the kitchen')];
  const copy = structuredClone(given);
  coverUnseenWords('always avoid the kitchen', tokenize('always avoid the kitchen'), given, known);
  assert.deepEqual(given, copy);
});

test('every word the model has never seen ends up inside a proposition, whatever the tagger found', () => {
  const pool = ['if', 'then', 'always', 'and', 'the', 'is', 'to', 'within', '10', ',', '.', 'battery', 'low', 'dock', 'kitchen', 'garage', 'robot', 'returns', 'their', 'was'];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pool), { minLength: 1, maxLength: 25 }), fc.array(fc.nat(), { maxLength: 6 }), (words, cuts) => {
      const s = words.join(' ');
      const tokens = tokenize(s);
      // Tagger spans: disjoint runs of tokens chosen by the cuts.
      const bounds = [...new Set(cuts.map((c) => c % (tokens.length + 1)))].sort((a, b) => a - b);
      const tagged: ApSpan[] = [];
      for (let i = 0; i + 1 < bounds.length; i += 2) {
        if (bounds[i]! < bounds[i + 1]!) tagged.push(toSpan(s, tokens, [bounds[i]!, bounds[i + 1]!], 'tagger'));
      }
      const spans = coverUnseenWords(s, tokens, tagged, known);
      for (const t of tokens) {
        if (/[a-z]/.test(t.text) && !known(t.text)) assert.ok(spans.some((x) => x.start <= t.start && t.end <= x.end), `"${t.text}" lost in "${s}": ${JSON.stringify(spans)}`);
      }
      spans.forEach((x, i) => assert.ok(i === 0 || spans[i - 1]!.end <= x.start, `overlapping spans in "${s}"`));
      assert.ok(liftSentence(s, spans).props.size === spans.length);
    }),
  );
});
