import { test } from 'node:test';
import assert from 'node:assert/strict';
import * as fs from 'node:fs';
import { generatedSyntaxes } from '../../scripts/gen-syntaxes';
import { operators } from '../../grammars/tl';

test('committed syntaxes/*.tmLanguage.json equal what scripts/gen-syntaxes.ts generates', async () => {
  const files = await generatedSyntaxes();
  assert.ok(files.some((f) => f.file.endsWith('tl.tmLanguage.json')));
  for (const f of files) {
    assert.ok(fs.existsSync(f.file), `${f.file} is missing: run node --import tsx scripts/gen-syntaxes.ts`);
    assert.equal(fs.readFileSync(f.file, 'utf8'), f.text, `${f.file} is stale: run node --import tsx scripts/gen-syntaxes.ts`);
  }
});

test('the TextMate grammar for .tl matches every operator spelling', async () => {
  const tl = (await generatedSyntaxes()).find((f) => f.file.endsWith('tl.tmLanguage.json'))!;
  const grammar = JSON.parse(tl.text) as { repository: Record<string, { match?: string; name?: string }> };
  const operatorRules = Object.values(grammar.repository).filter((r) => r.match && r.name?.startsWith('keyword.operator'));
  for (const o of operators) {
    for (const s of o.spellings) {
      const matched = operatorRules.some((r) => new RegExp(r.match!).exec(` ${s} `)?.[0] === s);
      assert.ok(matched, `${s} is not highlighted as an operator`);
    }
  }
});
