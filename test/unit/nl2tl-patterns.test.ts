// The pattern-literature training pairs (scripts/nl2tl-patterns.ts): every row must be a correct,
// self-consistent training example, or the model and the tagger learn from wrong labels.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { patternRows } from '../../scripts/nl2tl-patterns';
import { parseFormula, printFormula, walk } from '../../src/languages/tl/api';

const rows = patternRows(400, 5);

test('the generator is deterministic for a seed and rows are distinct', () => {
  assert.deepEqual(patternRows(50, 5), rows.slice(0, 50));
  assert.equal(new Set(rows.map((r) => r.sentence.join(' '))).size, rows.length);
});

test('each formula parses and names exactly the sentence\'s propositions', () => {
  for (const r of rows) {
    const parsed = parseFormula(r.ltl);
    assert.ok(parsed.ok, r.ltl);
    const names = new Set<string>();
    walk(parsed.formula, (f) => {
      if (f.kind === 'prop') names.add(f.name);
    });
    assert.deepEqual([...names].sort(), Object.keys(r.propositions).sort(), `${r.lifted} => ${r.ltl}`);
  }
});

test('putting each clause back where the lifted sentence has ( prop_k ) gives the sentence', () => {
  for (const r of rows) {
    const clause = (id: string) => r.sentence.slice(...r.propositions[id]!.span);
    const lifted = r.lifted.split(' ');
    const back: string[] = [];
    for (let i = 0; i < lifted.length; i++) {
      if (lifted[i] === '(' && /^prop_\d+$/.test(lifted[i + 1] ?? '') && lifted[i + 2] === ')') {
        back.push(...clause(lifted[i + 1]!));
        i += 2;
      } else back.push(lifted[i]!);
    }
    assert.deepEqual(back, r.sentence, r.lifted);
  }
});

function formulaOf(text: string) {
  const parsed = parseFormula(text);
  assert.ok(parsed.ok, text);
  return parsed.formula;
}

test('the rows cover the operators NL2TL lacks and every scope of the catalogue', () => {
  const kinds = new Set<string>();
  for (const r of rows) walk(formulaOf(r.ltl), (f) => void kinds.add(f.kind));
  for (const k of ['next', 'weak_until', 'release', 'strong_release', 'once', 'historically', 'prev', 'since', 'until', 'globally', 'finally']) {
    assert.ok(kinds.has(k), `no ${k}`);
  }
  const between = rows.find((r) => r.sentence.join(' ').startsWith('between '));
  assert.ok(between, 'a between-scope row');
  assert.match(printFormula(formulaOf(between.ltl), 'ascii'), /^G \(.*F .*U/);
});
