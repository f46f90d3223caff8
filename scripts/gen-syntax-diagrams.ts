// Generates the .tl syntax reference, docs/tl-syntax.html, from grammars/tl.ts: the operator and
// precedence tables from its tables, and Chevrotain's syntax diagrams (createSyntaxDiagramsCode) of
// its rules. Run: node --import tsx scripts/gen-syntax-diagrams.ts. test/unit/tl-syntax-diagrams.test.ts
// checks that the committed file equals what this produces.
import * as fs from 'node:fs';
import * as path from 'node:path';
import { createSyntaxDiagramsCode } from 'chevrotain';
import { binding, comparisons, functions, intervalKinds, keywordDocs, maxNesting, operators, TlParser, unboundedSpellings } from '../grammars/tl';

export const repoRoot = path.resolve(__dirname, '..');
export const referenceFile = path.join(repoRoot, 'docs', 'tl-syntax.html');

function escapeHtml(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

/** Markdown's inline code (`x`) as HTML. */
function inline(s: string): string {
  return escapeHtml(s).replace(/`([^`]+)`/g, '<code>$1</code>');
}

function code(s: string): string {
  return `<code>${escapeHtml(s)}</code>`;
}

function operatorTable(): string {
  const rows = operators.map((o) => {
    const cells = [
      code(o.canonical.ascii),
      escapeHtml(o.kind.replace('_', ' ')),
      o.spellings.map(code).join(' '),
      intervalKinds.has(o.kind) ? 'yes' : 'no',
      inline(o.doc),
    ];
    return `<tr>${cells.map((c) => `<td>${c}</td>`).join('')}</tr>`;
  });
  return ['<table>', '<tr><th>operator</th><th>meaning</th><th>spellings</th><th>interval</th><th></th></tr>', ...rows, '</table>'].join('\n');
}

function precedenceTable(): string {
  const levels = new Map<number, { kinds: string[]; right: boolean }>();
  for (const [kind, b] of Object.entries(binding)) {
    const level = levels.get(b.level) ?? { kinds: [], right: b.rightAssociative };
    level.kinds.push(kind);
    levels.set(b.level, level);
  }
  const spelling = (kind: string): string => code(operators.find((o) => o.kind === kind)!.canonical.ascii);
  const rows = [...levels.entries()]
    .sort(([a], [b]) => a - b)
    .map(([, l]) => `<tr><td>${l.kinds.map(spelling).join(' ')}</td><td>${l.right ? 'right' : 'left'}</td></tr>`);
  const unary = operators.filter((o) => o.arity === 1).map((o) => code(o.canonical.ascii)).join(' ');
  return [
    '<table>',
    '<tr><th>binary operators, loosest first</th><th>associativity</th></tr>',
    ...rows,
    `<tr><td>unary operators: ${unary}</td><td>prefix, tightest</td></tr>`,
    '</table>',
  ].join('\n');
}

/** The reference page: what the rules cannot show, then the rules as syntax diagrams. */
export function syntaxReference(): string {
  const parser = new TlParser(false, true);
  const diagrams = createSyntaxDiagramsCode(parser.getSerializedGastProductions());
  const intro = [
    '<h1>Temporal logic (<code>.tl</code>) syntax</h1>',
    '<p>Generated from <code>grammars/tl.ts</code> by <code>scripts/gen-syntax-diagrams.ts</code>; do not edit by hand.',
    'The parser of NeSy Studio runs the same rules, drawn below.</p>',
    '<h2>Statements</h2>',
    `<p>A file is a sequence of statements: ${code('prop name "description"')}, ${code('spec name := formula')}, or a bare formula.`,
    `Statements end at ${code(';')}, or at a line break between two operands: a line that ends with an operator, or starts with a binary operator, continues the statement.`,
    `Comments are ${code('// ...')} and ${code('/* ... */')}. A statement may nest at most ${maxNesting} levels of operators and parentheses.</p>`,
    '<h2>Operators</h2>',
    operatorTable(),
    `<p>Intervals are written ${code('[lo,hi]')}, ${code('[lo:hi]')}, ${code('[lo..hi]')} or ${code('[lo to hi]')}; ${unboundedSpellings.map(code).join(', ')}, or no upper bound at all (${code('[2..]')}), stand for none.`,
    `${code('X[n]')} is ${code('X')} n times. Names hold letters, digits, ${code('_')} and ${code('.')}; constants are ${code('true')}, ${code('false')} (any case), ${code('1')}, ${code('0')}.</p>`,
    `<p>As in Spot, ${code('F')}, ${code('G')} and ${code('X')} before a name are operators (${code('GFa')} is ${code('G F a')}, ${code('Goal')} is ${code('G oal')}) unless a digit follows (${code('F1')}),`,
    `and right after an operand on the same line so are ${code('U R V W M')} (${code('a Ub')} is ${code('a U b')}). Wring's ${code('p=1')} is ${code('p')} and ${code('p=0')} is ${code('!p')}.`,
    `Quote a name to keep it one proposition: ${code('"Goal"')}.</p>`,
    '<h2>Signals (STL)</h2>',
    `<p>A comparison of signals and numbers is an atom of a formula: ${code('speed >= limit')}, ${code('abs(x - y) < 0.5')}, ${code('2 * x + y < 1')}.`,
    `Signals are declared with their unit, ${code('signal speed "km/h"')}. Inside a comparison ${code('* /')} bind tighter than ${code('+ -')}, both left-associative;`,
    `a comparison is chosen where terms lead to a comparison operator outside parentheses (elsewhere ${code('+')} and ${code('*')} are Wring's or and and).</p>`,
    '<table>',
    '<tr><th>comparison</th><th>spellings</th><th></th></tr>',
    ...comparisons.map((c) => `<tr><td>${code(c.op)}</td><td>${c.spellings.map(code).join(' ')}</td><td>${inline(c.doc)}</td></tr>`),
    ...Object.entries(functions).map(([name, f]) => `<tr><td>${code(`${name}(x)`)}</td><td>function</td><td>${inline(f.doc)}</td></tr>`),
    '</table>',
    '<h2>Precedence</h2>',
    precedenceTable(),
    '<h2>Keywords</h2>',
    '<ul>',
    ...Object.entries(keywordDocs).map(([k, doc]) => `<li>${code(k)}: ${inline(doc)}</li>`),
    '</ul>',
    '<h2>Rules</h2>',
  ].join('\n');
  return diagrams.replace('<div id="diagrams"', `${intro}\n<div id="diagrams"`).replace(/[ \t]+$/gm, '');
}

if (require.main === module) {
  fs.writeFileSync(referenceFile, syntaxReference());
  process.stdout.write(`wrote ${path.relative(repoRoot, referenceFile)}\n`);
}
