// The formulas an English problem's steps are justified by: the InterMWP formulas that English
// problems need, shown by their English gloss (ids below 210; mwp.json holds their glosses), and
// the common formulas English problems need that InterMWP lacks (ids from 300): combining parts,
// what is left, how many more, multiples, fractions and percentages, averages, unit conversion,
// perimeters. A formula whose operands play different roles under + or × comes in both orders
// (like InterMWP's 2 and 3), so the formula shown always reads in the order of the expression.
import type { Op } from '../../languages/mwp/arith';

export interface EnglishFormula {
  id: number;
  op: Op;
  /** The formula in English, operators as × ÷ −. */
  gloss: string;
  /** The same formula with the operands of + or × the other way round (itself when they play one role). */
  mirror: number;
}

/** InterMWP formulas English problems use, with their glosses from training/mwp/glossary.py. */
const interMwp: [number, Op, string, number][] = [
  [1, '/', 'amount per unit = total ÷ number of units', 1],
  [2, '*', 'total = amount per unit × number of units', 3],
  [3, '*', 'total = number of units × amount per unit', 2],
  [4, '/', 'number of units = total ÷ amount per unit', 4],
  [17, '*', 'rectangle area = length × width', 18],
  [18, '*', 'rectangle area = width × length', 17],
  [19, '/', 'length = rectangle area ÷ width', 19],
  [20, '/', 'width = rectangle area ÷ length', 20],
  [55, '*', 'square perimeter = square side length × 4', 56],
  [56, '*', 'square perimeter = 4 × square side length', 55],
  [57, '/', 'square side length = square perimeter ÷ 4', 57],
  [67, '+', 'rectangle length plus width = length + width', 68],
  [68, '+', 'rectangle length plus width = width + length', 67],
  [69, '*', 'rectangle perimeter = rectangle length plus width × 2', 70],
  [70, '*', 'rectangle perimeter = 2 × rectangle length plus width', 69],
  [83, '*', 'distance = speed × time', 85],
  [84, '/', 'time = distance ÷ speed', 84],
  [85, '*', 'distance = time × speed', 83],
  [86, '/', 'speed = distance ÷ time', 86],
  [110, '*', 'cost = quantity × unit price', 111],
  [111, '*', 'cost = unit price × quantity', 110],
  [112, '/', 'unit price = cost ÷ quantity', 112],
  [113, '/', 'quantity = cost ÷ unit price', 113],
  [126, '*', 'interest = principal × interest rate', 127],
  [127, '*', 'interest = interest rate × principal', 126],
  [146, '-', 'cost = amount paid − change given back', 146],
  [147, '-', 'change given back = amount paid − cost', 147],
  [165, '-', 'profit = selling price − cost price', 165],
  [166, '-', 'cost price = selling price − profit', 166],
];

/** Formulas English problems need that InterMWP lacks. */
const english: [number, Op, string, number][] = [
  [300, '+', 'total = part + part', 300],
  [301, '+', 'new amount = starting amount + amount added', 302],
  [302, '+', 'new amount = amount added + starting amount', 301],
  [303, '+', 'larger amount = smaller amount + difference', 304],
  [304, '+', 'larger amount = difference + smaller amount', 303],
  [305, '+', 'starting amount = amount left + amount taken away', 306],
  [306, '+', 'starting amount = amount taken away + amount left', 305],
  [307, '+', 'perimeter = side + side', 307],
  [310, '-', 'part = whole − other part', 310],
  [311, '-', 'amount left = starting amount − amount taken away', 311],
  [312, '-', 'difference = larger amount − smaller amount', 312],
  [313, '-', 'smaller amount = larger amount − difference', 313],
  [314, '-', 'amount added = new amount − starting amount', 314],
  [315, '-', 'amount taken away = starting amount − amount left', 315],
  [316, '-', 'share left = 1 − share taken', 316],
  [320, '*', 'multiple = base amount × times', 321],
  [321, '*', 'multiple = times × base amount', 320],
  [322, '*', 'part = whole × fraction', 323],
  [323, '*', 'part = fraction × whole', 322],
  [324, '*', 'percentage = ratio × 100', 325],
  [325, '*', 'percentage = 100 × ratio', 324],
  [326, '*', 'amount in smaller units = amount × units per unit', 327],
  [327, '*', 'amount in smaller units = units per unit × amount', 326],
  [330, '/', 'times = amount ÷ base amount', 330],
  [331, '/', 'base amount = multiple ÷ times', 331],
  [332, '/', 'ratio = part ÷ whole', 332],
  [333, '/', 'whole = part ÷ fraction', 333],
  [334, '/', 'average = total ÷ count', 334],
  [335, '/', 'amount in larger units = amount ÷ units per unit', 335],
];

export const englishFormulas: readonly EnglishFormula[] = [...interMwp, ...english].map(([id, op, gloss, mirror]) => ({ id, op, gloss, mirror }));
const byId = new Map(englishFormulas.map((f) => [f.id, f]));

export function englishFormula(id: number): EnglishFormula | undefined {
  return byId.get(id);
}

/** The formula with the operands of a commutative operator swapped (itself for other operators). */
export function mirrorOf(id: number): number {
  return byId.get(id)?.mirror ?? id;
}

/** The gloss with ASCII operators, as `formula` fields write it: `speed = distance / time`. */
export function asciiFormula(gloss: string): string {
  return gloss.replace(/×/g, '*').replace(/÷/g, '/').replace(/−/g, '-');
}
