// The requirement grammar against noise made of its own vocabulary: every word of every cue phrase, number words
// and digits, letters, nouns and punctuation, in any order. It must read a sentence or give it up (undefined),
// never throw, and what it reads must name only the propositions it reports.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { printFormula, parseFormula, walk } from '../../src/languages/tl/api';
import { cueTable } from '../../src/neural/requirements/cues';
import { translateRequirement } from '../../src/neural/requirements/index';
import { fuzzParameters } from './support/runs';

const cueWords = [...new Set(cueTable.flatMap(([variants]) => variants.split(/[|\s]+/)).map((w) => w.replace(/\?$/, '')).filter((w) => w && !/^[#>]/.test(w)))];
// Beside the cue words: the words the reader resolves against each other (pronouns, complementary states, elided
// subjects, quantified objects, labels before a colon, identifiers, names with an index, units with a full stop).
const otherWords = ['a', 'b', 'p1', 'the', 'door', 'pump', 'room', 'red', 'is', 'open', 'off', 'on', 'closed', 'runs', 'it', 'stays', 'remains',
  'every', 'that', 'you', 'first', ':', 'ms.', 'task1_done', 'process 1', '3', 'two', 'seconds', 'steps', 'times', ',', '(', ')', '.', '!', ';',
  // Greetings and sign-offs, reasons, bullets, comment marks and quotes, which are taken off before reading.
  'hi', 'dear', 'thanks', 'regards', 'because', '-', '*', '--', '/*', '*/', '"', "'", '?', 'ever', 'what', 'formula', '2.',
  // The words the normalisations rewrite around (normalise.ts): things fetched, left or kept, places right after
  // others, a last sentence about the order, asides and labelled bans.
  'keep', 'grab', 'leave', 'from', 'at', 'straight', 'inside', 'otherwise', 'limits', 'make', 'passes', 'strict', 'order', 'skipping',
  'later', 'whichever', 'fussed', 'matter', 'shall', 'never', 'both', 'simultaneously', 'sweeping',
  // Typed arrows and contractions (wink gives "doesnt" before a parenthesis no lemma), fillers, places named again.
  '->', '=>', 'then->', '<=', 'doesnt)', 'dont', "can't", 'er', 'ER', 'there', 'go there', 'early', 'inclusive', 'which in turn', 'mode', 'dosing'];
const sentence = fc.array(fc.constantFrom(...cueWords, ...otherWords), { minLength: 1, maxLength: 16 }).map((ws) => ws.join(' '));

test('any sentence of cue words reads to a formula over its reported propositions, or is given up, without throwing', () => {
  fc.assert(
    fc.property(sentence, (s) => {
      const read = translateRequirement(s);
      if (!read) return;
      const names = new Set(read.props.map((p) => p.name));
      walk(read.formula, (f) => {
        if (f.kind === 'prop') assert.ok(names.has(f.name), `${s}: ${f.name} is not among the reported propositions`);
      });
      assert.ok(parseFormula(printFormula(read.formula, 'ascii')).ok, `${s}: the formula prints and parses back`);
    }),
    fuzzParameters(400),
  );
});
