// Propositions are clauses, whatever their words: random clauses (any subject, intransitive or transitive
// verb, passive, adjective) put into the specification patterns' phrasings must read as the pattern's
// formula, one proposition per distinct clause, and a clause said twice must be one proposition. (Clauses with
// the same lemmas are one proposition: "is open" and "is opened" are, so the lists avoid such pairs.)
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { parseFormula, printFormula, structEqual } from '../../src/languages/tl/api';
import { translateRequirement } from '../../src/neural/requirements/index';

const subjects = ['the pump', 'the valve', 'the robot', 'the alarm', 'the operator', 'the door', 'the controller', 'the sensor', 'the train', 'the heater', 'the motor', 'the gate'];
const intransitive = ['runs', 'stops', 'starts', 'fails', 'moves', 'rings', 'overheats', 'waits', 'sleeps', 'blinks'];
const adjectives = ['open', 'closed', 'empty', 'full', 'on', 'off', 'high', 'low', 'ready', 'active', 'locked', 'idle'];
const participles = ['pressed', 'released', 'detected', 'reset', 'enabled', 'disabled', 'triggered', 'calibrated', 'cleaned'];
const objects = ['the button', 'the lever', 'smoke', 'the signal', 'the request', 'the message', 'the target', 'the error'];
const transitive = ['presses', 'pulls', 'detects', 'sends', 'receives', 'grants', 'acknowledges', 'logs'];

/** A clause in the present tense, and the same clause after a modal ("must ..."). */
const clause = fc.oneof(
  fc.tuple(fc.constantFrom(...subjects), fc.constantFrom(...intransitive)).map(([s, v]) => ({ plain: `${s} ${v}`, modal: `${s} must ${v.replace(/s$/, '')}` })),
  fc.tuple(fc.constantFrom(...subjects), fc.constantFrom(...adjectives)).map(([s, a]) => ({ plain: `${s} is ${a}`, modal: `${s} must be ${a}` })),
  fc.tuple(fc.constantFrom(...subjects), fc.constantFrom(...participles)).map(([s, p]) => ({ plain: `${s} is ${p}`, modal: `${s} must be ${p}` })),
  fc.tuple(fc.constantFrom(...subjects), fc.constantFrom(...transitive), fc.constantFrom(...objects)).map(([s, v, o]) => ({ plain: `${s} ${v} ${o}`, modal: `${s} must ${v.replace(/s$/, '')} ${o}` })),
);

type Clause = { plain: string; modal: string };

/** Phrasings of the patterns over two or three clauses, with the formula each must read as. */
const templates: [string, (a: Clause, b: Clause, c: Clause) => string][] = [
  ['G (a -> F b)', (a, b) => `whenever ${a.plain}, eventually ${b.plain}`],
  ['G (a -> F[0,5] b)', (a, b) => `if ${a.plain}, then ${b.modal} within 5 seconds`],
  ['G !a', (a) => `it is never the case that ${a.plain}`],
  ['G a', (a) => `${a.modal} at all times`],
  ['F a', (a) => `eventually ${a.plain}`],
  ['a U b', (a, b) => `${a.modal} until ${b.plain}`],
  ['!a U b', (a, b) => `${a.modal.replace(' must ', ' must not ')} until ${b.plain}`],
  ['G (b -> !a)', (a, b) => `${a.plain.replace(/^(the \w+) /, '$1 never ')} while ${b.plain}`.replace(/never (\w+)s\b/, 'never $1')],
  ['G (a -> G b)', (a, b) => `once ${a.plain}, ${b.plain} forever`],
  ['G F a', (a) => `${a.plain} infinitely often`],
  ['a W b', (a, b) => `${a.modal} unless ${b.plain}`],
  ['G (a -> X X b)', (a, b) => `whenever ${a.plain}, ${b.plain} two steps later`],
  ['G (a -> (b U c))', (a, b, c) => `whenever ${a.plain}, ${b.modal} until ${c.plain}`],
  ['G !(a & b)', (a, b) => `it is never the case that ${a.plain} and ${b.plain}`],
];

/** The expected formula over the clauses' own names: distinct clauses distinct, a repeated one the same. */
function expected(shape: string, clauses: Clause[]): string {
  const names = new Map<string, string>();
  const ids = clauses.map((c) => {
    if (!names.has(c.plain)) names.set(c.plain, `p${names.size}`);
    return names.get(c.plain)!;
  });
  return shape.replace(/\b[abc]\b/g, (v) => ids['abc'.indexOf(v)]!);
}

test('random clauses in the patterns\' phrasings read as the patterns, one proposition per distinct clause', () => {
  fc.assert(
    fc.property(fc.constantFrom(...templates.keys()), clause, clause, clause, (t, a, b, c) => {
      const [shape, phrase] = templates[t]!;
      const sentence = phrase(a, b, c);
      const r = translateRequirement(sentence);
      assert.ok(r, `not read: ${sentence}`);
      const want = parseFormula(expected(shape, [a, b, c]));
      assert.ok(want.ok);
      assert.ok(structEqual(r.formula, want.formula), `${sentence}\n  read ${printFormula(r.formula, 'ascii')}\n  want the shape of ${printFormula(want.formula, 'ascii')}`);
    }),
    { numRuns: 600, seed: 42 },
  );
});
