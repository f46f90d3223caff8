// Every language's analysis and features against noise, damaged real files, grammar-built files,
// deep nesting and very large files: no exception, no stack overflow, every range inside the
// document, and time that grows linearly with the input.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import fc from 'fast-check';
import { DiagnosticSeverity } from 'vscode-languageserver-types';
import { anyInput, seedTexts, type LanguageId } from './support/inputs';
import { analyze, assertDiagnosticsSound, documentOf, exerciseFeatures, host, language } from './support/documents';
import { fuzzParameters, longRun } from './support/runs';
import { defaultSettings } from '../../src/core/settings';
import { maxNesting } from '../../src/languages/tl/precedence';
import { maxStatementNesting } from '../../grammars/fol';
import { maxExpressionOperators } from '../../grammars/mwp';

const ids: LanguageId[] = ['tl', 'fol', 'mwp'];

for (const id of ids) {
  const l = language(id);

  test(`${id}: any input analyses without throwing, and every diagnostic and feature range lies in the document`, async () => {
    await fc.assert(
      fc.asyncProperty(anyInput(id, l.extensions), fc.array(fc.nat(), { maxLength: 4 }), async (text, picks) => {
        const a = await analyze(l, text);
        assertDiagnosticsSound(a);
        await exerciseFeatures(l, a, picks.map((p) => p % (text.length + 1)));
      }),
      fuzzParameters(120),
    );
  });
}

/** How each language embeds a formula or expression, and its prefix operator and right-associative operator. */
const contexts: Record<LanguageId, { wrap: (body: string) => string; prefix: string; chain: string; leftChain: string; atom: string }> = {
  tl: { wrap: (b) => `prop p\nspec s := ${b}\n`, prefix: '! ', chain: ' -> ', leftChain: ' & ', atom: 'p' },
  fol: { wrap: (b) => `predicate p(x)\nrule r: forall x. ${b}\n`, prefix: '! ', chain: ' -> ', leftChain: ' & ', atom: 'p(x)' },
  mwp: { wrap: (b) => `problem deep\nThere are 3 apples.\nequation: x = ${b}\n`, prefix: '-', chain: ' ^ ', leftChain: ' + ', atom: '3' },
};

const depth = 100_000;

for (const id of ids) {
  const l = language(id);
  const c = contexts[id];
  const deep: Record<string, string> = {
    [`${depth} nested parentheses`]: '('.repeat(depth) + c.atom + ')'.repeat(depth),
    [`${depth} unclosed parentheses`]: '('.repeat(depth) + c.atom,
    [`${depth} stray closing parentheses`]: c.atom + ')'.repeat(depth),
    [`${depth} prefix operators`]: c.prefix.repeat(depth) + c.atom,
    [`a chain of ${depth} right-associative operators`]: Array(depth).fill(c.atom).join(c.chain),
    [`a chain of ${depth} left-associative operators`]: Array(depth).fill(c.atom).join(c.leftChain),
    [`${depth} alternating prefix operators and parentheses`]: `${c.prefix}(`.repeat(depth) + c.atom + ')'.repeat(depth),
  };
  for (const [name, body] of Object.entries(deep)) {
    test(`${id}: ${name} give diagnostics, not a stack overflow`, async () => {
      const a = await analyze(l, c.wrap(body));
      assertDiagnosticsSound(a);
      if (name.includes('nested parentheses')) {
        assert.ok(
          a.diagnostics.some((d) => d.severity === DiagnosticSeverity.Error),
          `nesting ${depth} deep must be refused with an error diagnostic, got ${a.diagnostics.map((d) => d.code).join(', ') || 'none'}`,
        );
      }
      await exerciseFeatures(l, a, [0, a.document.getText().length >> 1]);
    });
  }
}

/** Parentheses around the atom at the stated limit: one more is refused. .tl counts the statement as a level; .fol counts its quantifier and the atom's own parenthesis. */
const limits: Record<LanguageId, number> = { tl: maxNesting - 1, fol: maxStatementNesting - 2, mwp: maxExpressionOperators };

for (const id of ids) {
  const l = language(id);
  const c = contexts[id];
  const nested = (n: number) => c.wrap('('.repeat(n) + c.atom + ')'.repeat(n));
  test(`${id}: nesting at the stated limit (${limits[id]}) is analysed in full, and one level more is refused with a diagnostic`, async () => {
    const at = await analyze(l, nested(limits[id]));
    assert.deepEqual(at.diagnostics.filter((d) => d.severity === DiagnosticSeverity.Error).map((d) => d.message), []);
    await exerciseFeatures(l, at, [0, at.document.getText().length >> 1]);
    const past = await analyze(l, nested(limits[id] + 1));
    assert.ok(past.diagnostics.some((d) => d.severity === DiagnosticSeverity.Error && /too (deeply|long)|nests too deeply/.test(d.message)), JSON.stringify(past.diagnostics));
  });
}

/** A realistic file of about `bytes` characters: the seed files repeated, names made distinct. */
function bigFile(id: LanguageId, bytes: number): string {
  const seeds = seedTexts(language(id).extensions);
  const parts: string[] = [];
  let size = 0;
  for (let i = 0; size < bytes; i++) {
    const copy = seeds[i % seeds.length]!.replace(/\b(prop|spec|rule|problem|predicate) ([A-Za-z_]\w*)/g, (_m, k: string, n: string) => `${k} ${n}_${i}`);
    parts.push(copy);
    size += copy.length + 1;
  }
  return parts.join('\n');
}

async function bestTime(run: () => Promise<unknown>): Promise<number> {
  let best = Infinity;
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    await run();
    best = Math.min(best, performance.now() - started);
  }
  return best;
}

// Linear means 4x the input costs about 4x the time; 12x allows for caches, GC and a machine loaded by other
// jobs (10x was exceeded once at a load average of 10, 11x) but still catches quadratic behaviour, which costs 16x.
const growth = 4;
const allowedRatio = 12;

for (const id of ids) {
  const l = language(id);
  test(`${id}: analysis time grows linearly (${growth}x input costs at most ${allowedRatio}x time)`, { timeout: 60_000 }, async () => {
    const small = bigFile(id, 100_000);
    const large = bigFile(id, 100_000 * growth);
    // Warm both sizes first: the first runs pay for compilation and heap growth, not for the input.
    await analyze(l, small);
    await analyze(l, large);
    const ratio = (await bestTime(() => analyze(l, large))) / (await bestTime(() => analyze(l, small)));
    assert.ok(ratio <= allowedRatio, `${id}: ${growth}x the input took ${ratio.toFixed(1)}x the time`);
  });
}

// CI checks 5 MB files; `npm run fuzz` checks the 50 MB the issue asks for (13 s and 1 GB of heap for
// .tl, 30 s and 2.5 GB for .mwp on the 2-core machine, which CI cannot afford for every run).
const hugeBytes = (longRun ? 50 : 5) * 1024 * 1024;

for (const id of ids) {
  const l = language(id);
  test(`${id}: a ${hugeBytes >> 20} MB file is analysed without throwing, with every diagnostic in the document`, { timeout: longRun ? 600_000 : 60_000 }, async () => {
    const text = bigFile(id, hugeBytes);
    const a = await l.analyze(documentOf(l, text, 'huge'), defaultSettings, host);
    assert.equal(a.document.getText().length, text.length);
    assertDiagnosticsSound(a);
  });
}
