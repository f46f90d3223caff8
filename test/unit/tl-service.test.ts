import { test } from 'node:test';
import assert from 'node:assert/strict';
import { TextDocument } from 'vscode-languageserver-textdocument';
import type { MarkupContent, Position } from 'vscode-languageserver-types';
import { Commands, type EvaluateTraceArgs } from '../../src/core/protocol';
import { defaultSettings } from '../../src/core/settings';
import { languageForUri } from '../../src/languages/index';
import { analyzeTl, tlLanguage, type TlAnalysis } from '../../src/languages/tl/service';
import { editorActions } from '../../src/languages/tl/actions';

const host = { log: () => {} };
const text = [
  'prop door "the door is open"', // 0
  'prop alarm "the alarm sounds"', // 1
  '/* the main', // 2
  '   requirement */', // 3
  'spec safe := G (door -> F[0,10] alarm)', // 4
  '// nl: always avoid the red zone', // 5
  'safe & GF door', // 6
  'door U', // 7
  '  alarm', // 8
].join('\n');

function analysis(source = text): TlAnalysis {
  return analyzeTl(TextDocument.create('file:///w/s.tl', 'tl', 1, source), defaultSettings);
}

function at(line: number, needle: string, delta = 0): Position {
  const character = text.split('\n')[line]!.indexOf(needle);
  assert.ok(character >= 0, needle);
  return { line, character: character + delta };
}

function hoverText(a: TlAnalysis, p: Position): string {
  const h = tlLanguage.hover!(a, p, host) as { contents: MarkupContent } | null;
  assert.ok(h, `no hover at ${p.line}:${p.character}`);
  return h.contents.value;
}

test('.tl files are registered', () => {
  assert.equal(languageForUri('file:///x/y.tl'), tlLanguage);
});

test('hover on an operator: its documentation, other spellings, the grouping and the English reading', () => {
  const value = hoverText(analysis(), at(4, '->'));
  assert.match(value, /Implication/);
  assert.match(value, /`imply`, `->`, `=>`, `→`/);
  assert.match(value, /door -> \(F\[0,10\] alarm\)/);
  assert.match(value, /if the door is open then within 10 time units the alarm sounds/);
});

test('hover on a proposition shows its declaration; on a spec reference, its formula', () => {
  assert.match(hoverText(analysis(), at(4, 'alarm')), /\*\*prop alarm\*\*\n\nthe alarm sounds/);
  const spec = hoverText(analysis(), at(6, 'safe'));
  assert.match(spec, /\*\*spec safe\*\*/);
  assert.match(spec, /G \(door -> \(F\[0,10\] alarm\)\)/);
});

test('hover elsewhere in a formula shows the whole formula fully parenthesised', () => {
  const value = hoverText(analysis('(a & b) | c U d'), { line: 0, character: 0 });
  assert.match(value, /\(a & b\) \| \(c U d\)/);
  assert.match(value, /\(a holds and b holds\) or \(c holds until d holds/);
});

test('hover on a translated statement shows the sentence of the nl comment it belongs to', () => {
  const source = [
    'prop door "the door is open"', // 0
    'spec plain := G door', // 1
    '// nl: the door is *always* closed', // 2
    'spec closed := G (door -> X door)', // 3
    '// nl: eventually the alarm sounds', // 4
    'prop alarm "the alarm sounds"', // 5
    '/* added by the translation */', // 6
    '', // 7
    'prop siren', // 8
    'spec ring := F (alarm & siren)', // 9
    'spec later := G alarm', // 10
    '// nl: the alarm sounds forever', // 11
    'G alarm', // 12
    'closed & plain', // 13
    '// nl: a first requirement', // 14
    '// nl: a second requirement', // 15
    'F door', // 16
  ].join('\n');
  const a = analysis(source);
  const lines = source.split('\n');
  const hoverAt = (line: number, needle: string): string => hoverText(a, { line, character: lines[line]!.indexOf(needle) });
  const lastLine = (line: number, needle: string): string => hoverAt(line, needle).split('\n').at(-1)!;
  const closed = '**Translated from:** "the door is \\*always\\* closed"';
  // Right after its comment: on the spec name, a proposition and an operator; markdown in the sentence is shown as typed.
  for (const needle of ['closed', 'door', '->']) assert.equal(lastLine(3, needle), closed, needle);
  // With prop declarations, another comment and a blank line in between.
  assert.equal(lastLine(9, 'ring'), '**Translated from:** "eventually the alarm sounds"');
  assert.equal(lastLine(9, '&'), '**Translated from:** "eventually the alarm sounds"');
  // A bare formula.
  assert.equal(lastLine(12, 'G'), '**Translated from:** "the alarm sounds forever"');
  // Not preceded by an nl comment, and the second statement after one.
  assert.doesNotMatch(hoverAt(1, 'plain'), /Translated from/);
  assert.doesNotMatch(hoverAt(10, 'later'), /Translated from/);
  assert.doesNotMatch(hoverAt(10, 'G'), /Translated from/);
  // A spec named in another formula shows that spec's sentence, not the sentence of the formula around it.
  assert.equal(lastLine(13, 'closed'), closed);
  assert.doesNotMatch(hoverAt(13, 'plain'), /Translated from/);
  assert.doesNotMatch(hoverAt(13, '&'), /Translated from/);
  // Of two nl comments in a row, the formula belongs to the nearer one.
  assert.equal(lastLine(16, 'F'), '**Translated from:** "a second requirement"');
});

test('completion offers every operator spelling, interval snippets, keywords and declared names', () => {
  const items = tlLanguage.completion!(analysis(), { line: 6, character: 0 });
  const labels = new Set(items.map((i) => i.label));
  for (const l of ['G', '□', 'always', 'globally', '[]', 'U', 'until', 'prop', 'spec', 'true', 'door', 'alarm', 'safe']) assert.ok(labels.has(l), l);
  const snippet = items.find((i) => i.label === 'F[a,b]');
  assert.equal(snippet?.insertText, 'F[${1:0},${2:10}] ');
  // Quiet inside comments, quoted names and where a new name is typed.
  assert.deepEqual(tlLanguage.completion!(analysis(), at(5, 'avoid')), []);
  assert.deepEqual(tlLanguage.completion!(analysis(), at(0, 'door', 2)), []);
  assert.deepEqual(tlLanguage.completion!(analysis(), at(0, 'the door', 3)), []);
});

test('document symbols list props and specs with their formula', () => {
  const symbols = tlLanguage.documentSymbols!(analysis());
  assert.deepEqual(symbols.map((s) => [s.name, s.detail]), [
    ['door', 'the door is open'],
    ['alarm', 'the alarm sounds'],
    ['safe', 'G (door -> F[0,10] alarm)'],
  ]);
});

test('definition, references and rename for propositions and specs', () => {
  const a = analysis();
  assert.deepEqual(tlLanguage.definition!(a, at(6, 'door')).map((l) => l.range.start), [{ line: 0, character: 5 }]);
  assert.deepEqual(tlLanguage.definition!(a, at(6, 'safe')).map((l) => l.range.start), [{ line: 4, character: 5 }]);
  // `GF door` also refers to door; the glued letters do not.
  assert.equal(tlLanguage.references!(a, at(0, 'door'), true).length, 4);
  assert.equal(tlLanguage.references!(a, at(0, 'door'), false).length, 3);
  assert.deepEqual(tlLanguage.prepareRename!(a, at(4, 'alarm')), { start: at(4, 'alarm'), end: at(4, 'alarm', 5) });
  assert.equal(tlLanguage.prepareRename!(a, at(4, '->')), null);
  const edit = tlLanguage.rename!(a, at(1, 'alarm'), 'siren');
  const renamed = TextDocument.applyEdits(a.document, edit!.changes![a.document.uri]!);
  assert.equal(renamed, text.replace(/alarm(?! sounds)/g, 'siren'));
  for (const bad of ['', 'two words', '1x', 'and', 'G', 'GFa', 'door']) assert.equal(tlLanguage.rename!(a, at(1, 'alarm'), bad), null, bad);
});

test('formatting prints in the chosen style, keeps user parentheses and never loses comments', () => {
  const source = 'prop  a   "A"\nG(a->F[0,10]b)  ;  (a&&b)\nF a /* inner */ & b\nbroken &&& ;\nG (a &&\n   b)\n';
  const a = analysis(source);
  const edits = tlLanguage.format!(a, { tabSize: 2, insertSpaces: true }, { ...defaultSettings, operatorStyle: 'words' });
  const formatted = TextDocument.applyEdits(a.document, edits);
  assert.equal(formatted, 'prop a "A"\nalways (a implies eventually[0,10] b)  ;  (a and b)\neventually a /* inner */ and b\nbroken &&& ;\nalways (a and\n   b)\n');
  const again = analysis(formatted);
  assert.deepEqual(tlLanguage.format!(again, { tabSize: 2, insertSpaces: true }, { ...defaultSettings, operatorStyle: 'words' }), []);
});

test('semantic tokens classify names, operators, keywords and numbers', () => {
  const tokens = tlLanguage.semanticTokens!(analysis());
  const on = (line: number, needle: string) => tokens.find((t) => t.line === line && t.character === at(line, needle).character);
  assert.deepEqual(on(0, 'door'), { line: 0, character: 5, length: 4, type: 'variable', modifiers: ['declaration'] });
  assert.equal(on(4, 'safe')?.type, 'function');
  assert.equal(on(4, 'G')?.type, 'operator');
  assert.equal(on(4, '10')?.type, 'number');
  assert.equal(on(0, 'prop')?.type, 'keyword');
  // `GF door`: and in `GFa` the glued letters are operators and `a` a name.
  const glued = tlLanguage.semanticTokens!(analysis('prop a\nGFa'));
  assert.deepEqual(glued.slice(2).map((t) => [t.character, t.length, t.type]), [[0, 1, 'operator'], [1, 1, 'operator'], [2, 1, 'variable']]);
});

function translateLenses(a: TlAnalysis) {
  return tlLanguage.codeLenses!(a).filter((l) => l.command?.command === Commands.translate);
}

test('folding covers block comments and multi-line statements; nl comments get a code lens', () => {
  const a = analysis();
  const folds = tlLanguage.foldingRanges!(a).map((f) => [f.startLine, f.endLine, f.kind]);
  assert.deepEqual(folds, [[2, 3, 'comment'], [7, 8, undefined]]);
  const lenses = translateLenses(a);
  assert.equal(lenses.length, 1);
  assert.equal(lenses[0]!.range.start.line, 5);
  assert.deepEqual((lenses[0]!.command!.arguments![0] as { sentence: string }).sentence, 'always avoid the red zone');
});

test('every spec and bare formula gets an "Evaluate on trace…" lens, named as nesy monitor names them', () => {
  const lenses = tlLanguage.codeLenses!(analysis());
  assert.deepEqual(
    lenses.map((l) => [l.range.start.line, l.range.end.line, l.command!.title, l.command!.command === Commands.evaluateTrace ? (l.command!.arguments![0] as EvaluateTraceArgs) : undefined]),
    [
      [4, 4, 'Evaluate on trace…', { uri: 'file:///w/s.tl', spec: 'safe', index: 0, range: { start: { line: 4, character: 0 }, end: { line: 4, character: 38 } } }],
      [5, 5, 'Translate to temporal logic', undefined],
      [6, 6, 'Evaluate on trace…', { uri: 'file:///w/s.tl', spec: 'formula 1', index: 1, range: { start: { line: 6, character: 0 }, end: { line: 6, character: 14 } } }],
      [7, 8, 'Evaluate on trace…', { uri: 'file:///w/s.tl', spec: 'formula 2', index: 2, range: { start: { line: 7, character: 0 }, end: { line: 8, character: 7 } } }],
    ],
  );
  // Declarations and a spec without a formula get none.
  assert.deepEqual(tlLanguage.codeLenses!(analysis('prop a\nspec s :=\n')), []);
});

test('an nl comment offers a translate action with the lens\'s arguments, and nothing else does', () => {
  const a = analysis();
  const line = (n: number) => ({ start: { line: n, character: 3 }, end: { line: n, character: 3 } });
  const translate = (n: number) => editorActions(a, line(n), []).filter((c) => c.command?.command === Commands.translate);
  const [action, ...more] = translate(5);
  assert.equal(more.length, 0);
  assert.equal(action?.title, 'Translate “always avoid the red zone” to temporal logic');
  assert.deepEqual(action?.command?.arguments, translateLenses(a)[0]!.command!.arguments);
  assert.deepEqual(translate(4), []);
  assert.deepEqual(translate(2), []);
});

test('no editor feature throws, whatever the text and position', async () => {
  const fc = (await import('fast-check')).default;
  const pieces = ['prop ', 'spec ', 's := ', 'a', '"q r"', ' ', '\n', 'G', 'F[0,1]', '[', ']', '(', ')', '&', 'U', '!', ';', '//nl: x\n', '/*', '*/', '"', 'GFa', '-', ','];
  fc.assert(
    fc.property(fc.array(fc.constantFrom(...pieces), { maxLength: 30 }), fc.nat(), (parts, n) => {
      const source = parts.join('');
      const a = analysis(source);
      const offset = source.length === 0 ? 0 : n % (source.length + 1);
      const p = a.document.positionAt(offset);
      const range = { start: p, end: p };
      tlLanguage.hover!(a, p, host);
      tlLanguage.completion!(a, p);
      tlLanguage.codeActions!(a, range, a.diagnostics, defaultSettings);
      tlLanguage.documentSymbols!(a);
      tlLanguage.definition!(a, p);
      tlLanguage.references!(a, p, true);
      tlLanguage.prepareRename!(a, p);
      tlLanguage.rename!(a, p, 'renamed');
      tlLanguage.semanticTokens!(a);
      tlLanguage.foldingRanges!(a);
      tlLanguage.codeLenses!(a);
      const formatted = TextDocument.applyEdits(a.document, tlLanguage.format!(a, { tabSize: 2, insertSpaces: true }, defaultSettings));
      // Formatting keeps every comment.
      for (const c of a.tl.comments) assert.ok(formatted.includes(c.text), c.text);
    }),
    { numRuns: 500 },
  );
});
