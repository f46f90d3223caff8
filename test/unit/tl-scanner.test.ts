// The fast scanner must read exactly the tokens the Chevrotain lexer in grammars/tl.ts defines.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { tlLexer } from '../../grammars/tl';
import { Scanner } from '../../src/languages/tl/scanner';

function viaScanner(text: string): string[] {
  const out: string[] = [];
  const scanner = new Scanner(
    text,
    (type, start, end) => out.push(`comment ${type} ${start} ${JSON.stringify(text.slice(start, end))}`),
    (start, end) => out.push(`error ${start} ${end - start}`),
  );
  while (scanner.next()) out.push(`token ${scanner.type} ${scanner.start} ${JSON.stringify(text.slice(scanner.start, scanner.end))}`);
  return out.sort(byOffset);
}

function viaChevrotain(text: string): string[] {
  const r = tlLexer.tokenize(text);
  return [
    ...r.tokens.map((t) => `token ${t.tokenTypeIdx} ${t.startOffset} ${JSON.stringify(t.image)}`),
    ...(r.groups.comments ?? []).map((t) => `comment ${t.tokenTypeIdx} ${t.startOffset} ${JSON.stringify(t.image)}`),
    ...r.errors.map((e) => `error ${e.offset} ${e.length}`),
  ].sort(byOffset);
}

function byOffset(a: string, b: string): number {
  return Number(a.split(' ')[a.startsWith('error') ? 1 : 2]) - Number(b.split(' ')[b.startsWith('error') ? 1 : 2]);
}

const pieces = [
  ' ', '\n', '\t', 'a', 'prop_1', 'G', 'F', 'GFa', 'Goal', 'U', 'not', 'negation', 'and', 'xor', 'always', 'prop', 'spec', 'true', 'inf',
  '!', '~', '-', '->', '=>', '<->', '<=>', '<>', '[]', '<', '=', '>', '&', '&&', '|', '||', '/\\', '\\/', '/', '\\', '^',
  '¬', '∧', '∨', '→', '↔', '⊕', '□', '◇', '○', '⇒', '⇔', '∞', '$', '(', ')', '[', ']', ',', ':', ':=', ';',
  '0', '10', '2.5', '.', '"q"', '"a\\"b"', '"open', '//c', '/*b*/', '/*', '*/', '@', '#', 'é', '💥', '\u00a0',
];

test('the scanner and the Chevrotain lexer read the same tokens, comments and errors', () => {
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 40 }), (parts) => {
      const text = parts.join('');
      assert.deepEqual(viaScanner(text), viaChevrotain(text), text);
    }),
    { numRuns: 2000 },
  );
});

test('the same on arbitrary strings', () => {
  fc.assert(
    fc.property(fc.string({ maxLength: 60, unit: 'binary' }), (text) => {
      assert.deepEqual(viaScanner(text), viaChevrotain(text));
    }),
    { numRuns: 1000 },
  );
});
