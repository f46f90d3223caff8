// The incremental .tl parse (src/languages/tl/incremental.ts) keeps the statements an edit cannot
// have changed. After every edit of a random sequence, its document and diagnostics must be exactly
// those of a fresh parse of the same text: statements, positions, comments, problems and messages.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { TextDocument } from 'vscode-languageserver-textdocument';
import { defaultSettings } from '../../src/core/settings';
import { reparse } from '../../src/languages/tl/incremental';
import { parseDocument } from '../../src/languages/tl/parser';
import { analyzeTl, type TlAnalysis } from '../../src/languages/tl/service';
import { editOf, editSpan, grammarFile, mutated, seedTexts, type Edit } from './support/inputs';
import { fuzzParameters } from './support/runs';

const edit = editOf(12, 5, 6);

function applied(text: string, e: Edit): string {
  const [start, end] = editSpan(e, text.length);
  return text.slice(0, start) + e.text + text.slice(end);
}

// Several statements on several lines, so that most edits leave statements on both sides to keep.
const files = fc.oneof(
  fc.array(grammarFile.tl, { minLength: 1, maxLength: 4 }).map((parts) => parts.join('\n')),
  mutated(seedTexts(['.tl', '.ltl', '.stl', '.mtl'])),
);

test('tl: after every edit, the incremental parse is the fresh parse of the same text', () => {
  let kept = 0;
  fc.assert(
    fc.property(files, fc.array(edit, { minLength: 1, maxLength: 8 }), (start, edits) => {
      let text = start;
      let previous = parseDocument(text);
      for (const e of edits) {
        text = applied(text, e);
        const incremental = reparse(previous, text);
        assert.deepEqual(incremental, parseDocument(text), `after editing to:\n${JSON.stringify(text)}`);
        kept += incremental.statements.filter((s) => previous.statements.includes(s)).length;
        previous = incremental;
      }
    }),
    fuzzParameters(300),
  );
  assert.ok(kept > 0, 'no statement was ever kept: the incremental path was not exercised');
});

test('tl: the language service given the previous analysis publishes the diagnostics of a fresh analysis', () => {
  fc.assert(
    fc.property(files, fc.array(edit, { minLength: 1, maxLength: 6 }), (start, edits) => {
      let document = TextDocument.create('file:///fuzz.tl', 'tl', 1, start);
      let previous: TlAnalysis = analyzeTl(document, defaultSettings);
      for (const e of edits) {
        document = TextDocument.create(document.uri, 'tl', document.version + 1, applied(document.getText(), e));
        const incremental = analyzeTl(document, defaultSettings, previous);
        assert.deepEqual(incremental.diagnostics, analyzeTl(document, defaultSettings).diagnostics, `after editing to:\n${JSON.stringify(document.getText())}`);
        previous = incremental;
      }
    }),
    fuzzParameters(150),
  );
});

// Spot's lexing looks at the token before a word (`a Ub` is `a U b`, `prop Goal` names Goal), a
// comparison is told from a formula by what follows (`x + 1 < 2` against `a + b`), and a large file is
// lexed a piece at a time: files of these spellings, long enough to span several pieces, edited at
// random, must still reparse to exactly the fresh parse.
const spotPieces = ['a', 'Ub', 'Wb', 'Goal', 'GFa', 'F1', 'x.y', '"q"', 'prop ', 'spec s := ', '=0', '=1', ' ', ' ', '\n', '; ', '(', ')', '&', '|', 'V', 'U', '->', '-->', '()', '1', '0', 'X[2] ', 'F[1..] ', '/* c /* d */ */', '//c\n', 'x < 3', '+', '*', '-', '/', 'abs(', '>=', '2', 'signal v "u"\n'];
const spotFile = fc
  .tuple(fc.array(fc.constantFrom(...spotPieces), { minLength: 1, maxLength: 60 }), fc.nat({ max: 400 }))
  .map(([parts, copies]) => Array.from({ length: 1 + (copies % 300) }, (_, i) => `${parts.join('')}\nspec s${i} := G (a -> F b)\n`).join(''));
const spotEdit = fc.record({ at: fc.nat(), length: fc.nat({ max: 6 }), text: fc.array(fc.constantFrom(...spotPieces), { maxLength: 3 }).map((p) => p.join('')) });

test('tl: Spot\'s context-sensitive words, comparisons and multi-piece files reparse to the fresh parse', () => {
  fc.assert(
    fc.property(spotFile, fc.array(spotEdit, { minLength: 1, maxLength: 4 }), (start, edits) => {
      let text = start;
      let previous = parseDocument(text);
      for (const e of edits) {
        text = applied(text, e);
        const incremental = reparse(previous, text);
        assert.deepEqual(incremental, parseDocument(text), `after editing to:\n${JSON.stringify(text.slice(0, 300))}`);
        previous = incremental;
      }
    }),
    fuzzParameters(60),
  );
});
