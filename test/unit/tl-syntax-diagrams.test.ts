import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { referenceFile, syntaxReference } from '../../scripts/gen-syntax-diagrams';
import { operators, TlParser } from '../../grammars/tl';

test('the .tl grammar passes Chevrotain\'s own checks (ambiguities, unreachable alternatives, left recursion)', () => {
  assert.doesNotThrow(() => new TlParser(false, true));
  assert.doesNotThrow(() => new TlParser(true, true));
});

test('the committed docs/tl-syntax.html equals what scripts/gen-syntax-diagrams.ts generates', () => {
  const generated = syntaxReference();
  assert.ok(fs.existsSync(referenceFile), 'docs/tl-syntax.html is missing: run node --import tsx scripts/gen-syntax-diagrams.ts');
  assert.equal(fs.readFileSync(referenceFile, 'utf8'), generated, 'docs/tl-syntax.html is stale: run node --import tsx scripts/gen-syntax-diagrams.ts');
  for (const rule of ['statement', 'formula', 'operand', 'interval']) assert.match(generated, new RegExp(`"name": "${rule}"`));
  for (const o of operators) assert.ok(generated.includes(`<code>${o.canonical.ascii.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;')}</code>`), o.kind);
});
