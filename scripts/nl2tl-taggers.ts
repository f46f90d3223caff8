// Which English tagger serves the requirement grammar better: wink-nlp (the one it uses) or compromise,
// measured by the grammar's struct accuracy on the real-requirements dev set and on sentences of the
// kinds the grammar reads (test/unit/nl2tl-requirement-grammar.test.ts's), with each tagger's tags
// mapped to Universal POS tags.
//   node --import tsx scripts/nl2tl-taggers.ts [test/data/nl2tl-requirements/dev.jsonl]
import * as fs from 'node:fs';
import nlp from 'compromise';
import { parseFormula, structEqual } from '../src/languages/tl/api';
import type { ApSpan } from '../src/neural/apRecognition';
import { translateRequirement } from '../src/neural/requirements/index';
import { readWords, type Word } from '../src/neural/requirements/words';

/** compromise's tags as Universal POS tags, its root forms as lemmas, punctuation as words of its own. */
function compromiseWords(sentence: string, atoms: readonly ApSpan[] = []): Word[] {
  const doc = nlp(sentence);
  doc.compute('root');
  doc.compute('offset');
  const terms = (doc.json({ offset: true }) as { terms: { text: string; tags: string[]; root?: string; normal: string; post: string; offset: { start: number; length: number } }[] }[]).flatMap((s) => s.terms);
  const upos = (tags: string[]): string => {
    const has = (t: string) => tags.includes(t);
    if (has('Determiner')) return 'DET';
    if (has('Pronoun')) return 'PRON';
    if (has('Copula') || has('Auxiliary') || has('Modal')) return 'AUX';
    if (has('Negative')) return 'PART';
    if (has('Value')) return 'NUM';
    if (has('ProperNoun')) return 'PROPN';
    if (has('Noun')) return 'NOUN';
    if (has('Verb')) return 'VERB';
    if (has('Adjective')) return 'ADJ';
    if (has('Adverb')) return 'ADV';
    if (has('Preposition')) return 'ADP';
    if (has('Conjunction')) return 'CCONJ';
    return 'X';
  };
  const out: Word[] = [];
  for (const t of terms) {
    const start = t.offset.start;
    const text = t.text;
    const atom = atoms.find((a) => a.start <= start && start < a.end);
    if (atom) {
      if (out[out.length - 1]?.atom !== atom) out.push({ text: atom.text, norm: atom.text.toLowerCase(), lemma: atom.text.toLowerCase(), pos: 'ATOM', start: atom.start, end: atom.end, atom });
      continue;
    }
    const value = upos(t.tags) === 'NUM' ? (nlp(text).numbers().get() as number[])[0] : undefined;
    out.push({ text, norm: t.normal, lemma: (t.root ?? t.normal).toLowerCase(), pos: upos(t.tags), start, end: start + text.length, ...(value !== undefined ? { value } : {}) });
    for (const p of t.post.trim()) out.push({ text: p, norm: p, lemma: p, pos: 'PUNCT', start: start + text.length, end: start + text.length + 1 });
  }
  return out;
}

const rows = fs
  .readFileSync(process.argv[2] ?? 'test/data/nl2tl-requirements/dev.jsonl', 'utf8')
  .split('\n')
  .filter((l) => l.trim())
  .map((l) => JSON.parse(l) as { sentence: string; ltl: string });
const tests = fs.readFileSync('test/unit/nl2tl-requirement-grammar.test.ts', 'utf8');
const pairs = [...tests.matchAll(/reads\('((?:[^'\\]|\\.)*)', '((?:[^'\\]|\\.)*)'/g)].map((m) => ({ sentence: m[1]!.replace(/\\'/g, "'"), ltl: m[2]! }));

for (const [name, tag] of [['wink-nlp', readWords], ['compromise', compromiseWords]] as const) {
  const score = (set: { sentence: string; ltl: string }[]) => {
    let read = 0;
    let right = 0;
    const started = performance.now();
    for (const r of set) {
      const t = translateRequirement(r.sentence, [], tag);
      const gold = parseFormula(r.ltl);
      if (t) read++;
      if (t && gold.ok && structEqual(t.formula, gold.formula)) right++;
    }
    return { n: set.length, read, struct: Math.round((right / set.length) * 1000) / 1000, ms_per_sentence: Math.round(((performance.now() - started) / set.length) * 100) / 100 };
  };
  tag('warm up');
  console.log(JSON.stringify({ tagger: name, dev: score(rows), grammar_test_sentences: score(pairs) }));
}
