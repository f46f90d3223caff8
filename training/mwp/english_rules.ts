// Rules that propose a formula (src/neural/english/formulas.ts) for each operator of an English
// problem's expression, from the question's words and the words around each operand. They are not
// the labeller: they write the silver labels the labeller is trained on (the training split's gold
// expressions) and the first guess the engineer corrects when labelling the dev problems by hand
// (training/mwp/english_labels.ts; the guide is test/fixtures/mwp/english-labels.md).
import { isOp, prefixToTree, type Tree } from '../../src/languages/mwp/arith';
import type { Analysis } from '../../src/neural/english/features';
import { lemma } from '../../src/neural/english/features';

type Node = { kind: 'leaf'; token: string; pos: number } | { kind: 'op'; op: string; left: Node; right: Node; pos: number };

function withPositions(tree: Tree): Node {
  let pos = 0;
  const go = (t: Tree): Node => {
    const here = pos++;
    if (t.kind === 'leaf') return { kind: 'leaf', token: t.token, pos: here };
    const left = go(t.left);
    const right = go(t.right);
    return { kind: 'op', op: t.op, left, right, pos: here };
  };
  return go(tree);
}

const has = (words: readonly string[], ...cues: string[]) => cues.some((c) => (c.includes(' ') ? words.join(' ').includes(c) : words.includes(c)));

/** Formula ids per position of `prefix` (-1 at leaves). */
export function proposeFormulas(a: Analysis, prefix: readonly string[]): number[] {
  const tree = prefixToTree(prefix);
  const out = prefix.map((t) => (isOp(t) ? 0 : -1));
  if (!tree) return out;
  const p = a.problem;
  const all = p.tokens.map(lemma);
  const qs = p.sentence[p.tokens.length - 1] ?? 0;
  const lastQ = [...p.tokens.keys()].filter((i) => p.sentence[i] === findQuestion(a));
  const q = lastQ.map((i) => p.tokens[i]!);
  const ql = q.map(lemma);
  void qs;
  const itemOf = (token: string) => a.items.findIndex((it) => it.token === token);
  /** Words within `w` tokens of a leaf's number. */
  const around = (n: Node, before = 4, after = 4): string[] => {
    if (n.kind !== 'leaf') return [];
    const i = itemOf(n.token);
    if (i < 0 || a.items[i]!.constant) return [];
    const at = p.numbers[i]!.token;
    return all.slice(Math.max(0, at - before), at + after + 1);
  };
  const sentenceOf = (n: Node): string[] => {
    if (n.kind !== 'leaf') return [];
    const i = itemOf(n.token);
    if (i < 0 || a.items[i]!.constant) return [];
    const s = p.sentence[p.numbers[i]!.token];
    return all.filter((_, k) => p.sentence[k] === s);
  };
  const leafValue = (n: Node) => (n.kind === 'leaf' ? a.items[itemOf(n.token)]?.float : undefined);
  const isConst = (n: Node, v?: number) => n.kind === 'leaf' && !/^N\d+$/.test(n.token) && (v === undefined || Number(n.token) === v);
  const fraction = (n: Node) => {
    const v = leafValue(n);
    return v !== undefined && v > 0 && v < 1;
  };
  const text = all.join(' ');
  const speed = /\b(mph|mile per hour|miles per hour|kilometer per hour|km per hour|mile an hour|miles an hour)\b/.test(text) || (/\b(mile|kilometer|km)\b/.test(text) && /\b(hour|minute)\b/.test(text));
  const money = (n: Node) => has(around(n, 2, 2), 'dollar', 'cent', '$', 'cost', 'price', 'pay', 'paid', 'spend', 'spent') || /^\$/.test(p.text.slice(Math.max(0, (p.numbers[itemOf(n.kind === 'leaf' ? n.token : '')]?.start ?? 1) - 1)));
  const perUnit = (n: Node) => has(around(n, 4, 3), 'each', 'per', 'every', 'apiece', 'a piece', 'an hour', 'a day', 'a week', 'a month', 'a year', 'a box', 'a bag');
  const removal = ['give', 'gave', 'eat', 'ate', 'eaten', 'spend', 'spent', 'sell', 'sold', 'lose', 'lost', 'break', 'broke', 'use', 'used', 'take', 'took', 'away', 'remove', 'removed', 'left', 'leave', 'pop', 'popped', 'die', 'died', 'fly', 'flew', 'cut', 'donate', 'donated', 'throw', 'threw', 'return', 'returned', 'delete', 'deleted', 'spill', 'spilled', 'saw', 'sawed', 'share', 'hand', 'handed', 'serve', 'served', 'leak', 'leaked'];
  /** "Her dad gave her 5": a giving whose receiver the question asks about adds. */
  const givenTo = (x: Node) => {
    if (x.kind !== 'leaf') return false;
    const words = sentenceOf(x);
    const at = words.findIndex((w) => w === 'give' || w === 'gave');
    return at >= 0 && words.slice(at + 1, at + 3).some((w) => w === 'her' || w === 'him' || w === 'them' || (ql.includes(w) && !['the', 'a'].includes(w)));
  };
  const sameSentence = (x: Node, y: Node) => x.kind === 'leaf' && y.kind === 'leaf' && itemOf(x.token) >= 0 && itemOf(y.token) >= 0 && !a.items[itemOf(x.token)]!.constant && !a.items[itemOf(y.token)]!.constant && p.sentence[p.numbers[itemOf(x.token)]!.token] === p.sentence[p.numbers[itemOf(y.token)]!.token];
  const costWords = has(all, 'cost', 'price', 'spend', 'spent', 'pay', 'paid', 'buy', 'bought', 'sell', 'sold', 'charge');
  const addition = ['buy', 'bought', 'find', 'found', 'get', 'got', 'receive', 'received', 'pick', 'picked', 'add', 'added', 'gain', 'gained', 'grow', 'grew', 'join', 'joined', 'arrive', 'arrived', 'come', 'came', 'more', 'another', 'collect', 'collected', 'earn', 'earned', 'make', 'made', 'plant', 'planted', 'catch', 'caught', 'win', 'won'];

  const label = (n: Node, parent?: Node): void => {
    if (n.kind === 'leaf') return;
    label(n.left, n);
    label(n.right, n);
    const { op, left: l, right: r } = n;
    const root = parent === undefined;
    const added = (x: Node) => x.kind === 'leaf' && (has(around(x, 1, 3), 'more', 'another', 'extra', 'additional') || has(sentenceOf(x), ...addition) || givenTo(x) || has(sentenceOf(x), 'place', 'placed', 'put', 'load', 'loaded'));
    let id = 0;
    if (op === '+') {
      if (parent && parent.kind === 'op' && parent.op === '*' && (isConst(parent.left, 2) || isConst(parent.right, 2)) && has(all, 'perimeter', 'fence', 'fencing', 'border')) id = 67;
      else if (has(all, 'perimeter') || (has(ql, 'fence', 'fencing', 'border') && has(all, 'side'))) id = 307;
      else if (has(ql, 'start', 'begin', 'originally', 'first', 'before', 'initially', 'at first') && (has(sentenceOf(l), ...removal) || has(sentenceOf(r), ...removal))) id = has(sentenceOf(r), ...removal) ? 305 : 306;
      else if (has(all, 'more than', 'older than', 'taller than', 'longer than', 'heavier than', 'farther than', 'higher than', 'bigger than', 'greater than')) id = has(sentenceOf(r), 'more', 'older', 'taller', 'longer', 'heavier', 'farther', 'higher', 'bigger', 'greater') ? 303 : 304;
      else if (sameSentence(l, r) || (l.kind === 'op' && out[l.pos] === 300)) id = 300;
      else if (r.kind === 'leaf' && added(r) && (l.kind === 'op' || (!added(l) && itemOf(l.token) < itemOf(r.token)))) id = 301;
      else if (l.kind === 'leaf' && added(l) && (r.kind === 'op' || (!added(r) && itemOf(r.token) < itemOf(l.token)))) id = 302;
      else if (has(ql, 'profit') === false && has(ql, 'sell', 'selling') && has(all, 'profit')) id = 163;
      else id = 300;
    } else if (op === '-') {
      if (isConst(l, 1)) id = 316;
      else if (has(ql, 'change') && has(all, 'pay', 'paid', 'give', 'gave')) id = 147;
      else if (has(ql, 'profit')) id = 165;
      else if (root && has(ql, 'more', 'fewer', 'less', 'difference', 'longer', 'taller', 'older', 'younger', 'shorter', 'heavier', 'lighter', 'farther', 'further', 'higher', 'lower', 'bigger', 'smaller', 'larger', 'cheaper', 'expensive') && !has(ql, 'need', 'needs', 'more to', 'still', 'left', 'remain', 'should', 'must', 'buy')) id = 312;
      else if (has(all, 'fewer than', 'less than', 'younger than', 'shorter than', 'lighter than', 'cheaper than') && !has(ql, 'more', 'fewer', 'less')) id = 313;
      else if (root && has(ql, ...removal.filter((w) => w !== 'left' && w !== 'leave' && w !== 'away')) && !has(ql, 'left', 'remain', 'now', 'still', 'rest')) id = 315;
      else if (root && has(ql, ...addition.filter((w) => w !== 'more' && w !== 'another')) && !has(ql, 'left', 'remain', 'still', 'need', 'rest', 'should', 'must')) id = 314;
      else if (r.kind === 'leaf' && has(sentenceOf(r), ...removal)) id = 311;
      else id = 310;
    } else if (op === '*') {
      if (isConst(l, 100) || isConst(r, 100)) id = isConst(r, 100) ? 324 : 325;
      else if ((isConst(l, 2) || isConst(r, 2)) && has(all, 'perimeter', 'fence', 'fencing', 'border') && (l.kind === 'op' || r.kind === 'op')) id = isConst(l, 2) ? 70 : 69;
      else if ((isConst(l, 4) || isConst(r, 4)) && has(all, 'square') && has(all, 'perimeter', 'fence', 'side')) id = isConst(l, 4) ? 56 : 55;
      else if ([l, r].some((x) => isConst(x) && [60, 12, 7, 24, 100, 0.25, 0.1, 0.05, 0.01].includes(Number((x as { token: string }).token)))) id = isConst(r) ? 326 : 327;
      else if (fraction(l) || fraction(r) || (l.kind === 'op' && l.op === '-' && isConst(l.left, 1)) || (r.kind === 'op' && r.op === '-' && isConst(r.left, 1))) id = fraction(r) || r.kind === 'op' ? 322 : 323;
      else if (has(all, 'interest') && has(all, 'rate', 'percent', '%')) id = 126;
      else if (has(all, 'times', 'twice', 'double', 'triple', 'thrice') && (has(around(l, 2, 3), 'times', 'twice', 'double', 'triple', 'thrice') || has(around(r, 2, 3), 'times', 'twice', 'double', 'triple', 'thrice'))) id = has(around(r, 2, 3), 'times', 'twice', 'double', 'triple', 'thrice') ? 320 : 321;
      else if (has(all, 'area') || (has(all, 'square') && has(all, 'foot', 'feet', 'meter', 'inch', 'yard') && has(all, 'long', 'wide', 'length', 'width'))) id = 17;
      else if (speed && (has(around(l, 2, 4), 'mile', 'kilometer', 'km', 'mph') || has(around(r, 2, 4), 'mile', 'kilometer', 'km', 'mph'))) id = has(around(l, 2, 4), 'hour', 'minute') && !has(around(l, 1, 3), 'per') ? 85 : 83;
      else if (costWords && (money(l) || money(r))) id = money(r) && !money(l) ? 110 : money(l) && !money(r) ? 111 : perUnit(l) ? 111 : 110;
      else id = perUnit(r) && !perUnit(l) ? 3 : 2;
    } else if (op === '/') {
      if (isConst(r) && [60, 12, 7, 24, 100].includes(Number((r as { token: string }).token))) id = 335;
      else if (speed && root && has(ql, 'how long', 'how many hour', 'how many minute', 'how much time')) id = 84;
      else if (speed && has(ql, 'fast', 'speed', 'rate', 'per hour', 'an hour', 'mph')) id = 86;
      else if (has(ql, 'average', 'mean')) id = 334;
      else if (has(ql, 'how many times', 'times as')) id = 330;
      else if (has(ql, 'fraction', 'percent', 'percentage', 'what part', 'ratio', 'portion')) id = 332;
      else if (fraction(r) || (r.kind === 'op' && r.op === '-' && isConst(r.left, 1))) id = 333;
      else if (has(all, 'times as', 'twice as', 'double', 'triple', 'half as') && (has(around(r, 2, 3), 'times', 'twice', 'double', 'triple') || r.kind === 'leaf' && a.problem.numbers[itemOf(r.token)]?.kind === 'times')) id = 331;
      else if (has(all, 'area') && has(ql, 'long', 'wide', 'length', 'width')) id = has(ql, 'wide', 'width') ? 20 : 19;
      else if ((money(l) || has(ql, 'cost', 'price', 'dollar', 'much')) && has(ql, 'each', 'per', 'one', 'a', 'every', 'cost', 'price', 'much') && !has(ql, 'how many')) id = 112;
      else if (money(l) && money(r) && has(ql, 'how many')) id = 113;
      else if (!root) id = 1;
      else {
        // "How many students would be in each group?" asks for the dividend's own unit: a share (1).
        // "How many cages did they use?" asks for something else: how many groups (4).
        const ask = q.findIndex((w, k) => w === 'how' && (q[k + 1] === 'many' || q[k + 1] === 'much'));
        const target = ask >= 0 ? lemma(q.slice(ask + 2).find((w) => /^[a-z]/.test(w) && !['more', 'of', 'the'].includes(w)) ?? '') : '';
        const unitOf = (x: Node): string => (x.kind === 'leaf' ? a.items[itemOf(x.token)]?.unit ?? '' : unitOf(x.left) || unitOf(x.right));
        const unit = unitOf(l);
        if (target !== '' && unit !== '' && (target === unit || ['do', 'does', 'did', 'would', 'will', 'can', 'could', 'should', 'are', 'is', 'were', 'was'].includes(target))) id = 1;
        else if (target !== '' && ask >= 0) id = 4;
        else id = has(ql, 'each', 'per', 'every', 'apiece') ? 1 : 4;
      }
    }
    out[n.pos] = id;
  };
  label(withPositions(tree));
  return out;
}

function findQuestion(a: Analysis): number {
  const p = a.problem;
  const count = (p.sentence[p.sentence.length - 1] ?? 0) + 1;
  for (let s = count - 1; s >= 0; s--) {
    const words = p.tokens.filter((_, i) => p.sentence[i] === s);
    if (words.includes('?') || /^(how|what|find|calculate|determine|compute)$/.test(words.find((w) => /^[a-z]/.test(w)) ?? '')) return s;
  }
  return Math.max(0, count - 1);
}
