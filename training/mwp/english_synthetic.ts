// Templated English problems for the formulas MAWPS and ASDiv-A seldom show, added to the English
// solver's training split only (never to dev): perimeters and areas of rectangles and squares,
// percentages, fractions and multiples written in words, unit prices and speeds. train.csv has
// almost no perimeter problems, so without these the ranker answers "8 cm long and 5 cm wide, what is
// its perimeter?" with 8 + 5. Seeded, so a rerun writes the same problems.
import type { EnglishRow } from './english_rows';

const NAMES = ['Maria', 'Tom', 'Aisha', 'Ken', 'Lucy', 'Omar', 'Priya', 'Sam', 'Elena', 'Jack', 'Mei', 'Carlos'];
const PRONOUN: Record<string, string> = { Maria: 'she', Tom: 'he', Aisha: 'she', Ken: 'he', Lucy: 'she', Omar: 'he', Priya: 'she', Sam: 'he', Elena: 'she', Jack: 'he', Mei: 'she', Carlos: 'he' };
const ITEMS = ['apples', 'pencils', 'stickers', 'marbles', 'books', 'cookies', 'cards', 'shells'];
const PLACES = ['garden', 'yard', 'field', 'room', 'playground', 'pool', 'patio', 'park'];
const UNITS = ['feet', 'meters', 'yards', 'cm'];

type Template = (r: () => number) => { text: string; numbers: number[]; equation: string };

const pick = <T>(r: () => number, xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
const int = (r: () => number, lo: number, hi: number) => lo + Math.floor(r() * (hi - lo + 1));

const templates: Template[] = [
  (r) => {
    const [l, w, u, p] = [int(r, 6, 40), int(r, 2, 20), pick(r, UNITS), pick(r, PLACES)];
    return { text: `A rectangular ${p} is ${l} ${u} long and ${w} ${u} wide. What is the perimeter of the ${p}?`, numbers: [l, w], equation: '* 2 + number0 number1' };
  },
  (r) => {
    const [l, w, u, p] = [int(r, 6, 40), int(r, 2, 20), pick(r, UNITS), pick(r, PLACES)];
    return { text: `A ${p} is ${l} ${u} long and ${w} ${u} wide. How many ${u} of fence are needed to go around it?`, numbers: [l, w], equation: '* 2 + number0 number1' };
  },
  (r) => {
    const [l, w, u] = [int(r, 6, 40), int(r, 2, 20), pick(r, UNITS)];
    return { text: `A rectangle has a length of ${l} ${u} and a width of ${w} ${u}. What is its perimeter?`, numbers: [l, w], equation: '* 2 + number0 number1' };
  },
  (r) => {
    const [l, w, u, p] = [int(r, 6, 40), int(r, 2, 20), pick(r, UNITS), pick(r, PLACES)];
    return { text: `A rectangular ${p} is ${l} ${u} long and ${w} ${u} wide. What is the area of the ${p}?`, numbers: [l, w], equation: '* number0 number1' };
  },
  (r) => {
    const [s, u] = [int(r, 3, 30), pick(r, UNITS)];
    return { text: `Each side of a square is ${s} ${u} long. What is the perimeter of the square?`, numbers: [s], equation: '* 4 number0' };
  },
  (r) => {
    const [a, b, c, u] = [int(r, 3, 20), int(r, 3, 20), int(r, 3, 20), pick(r, UNITS)];
    return { text: `A triangle has sides of ${a} ${u}, ${b} ${u} and ${c} ${u}. What is its perimeter?`, numbers: [a, b, c], equation: '+ + number0 number1 number2' };
  },
  (r) => {
    const [n, x, p] = [pick(r, NAMES), int(r, 2, 40) * 10, pick(r, [10, 20, 25, 30, 40, 50, 75])];
    return { text: `${n} had ${x} dollars. ${cap(PRONOUN[n]!)} spent ${p}% of it on a gift. How much did ${PRONOUN[n]} spend on the gift?`, numbers: [x, p], equation: '* number0 * number1 0.01' };
  },
  (r) => {
    const [n, x, p] = [pick(r, NAMES), int(r, 2, 40) * 10, pick(r, [10, 20, 25, 30, 40, 50, 75])];
    return { text: `A jacket costs ${x} dollars. It is on sale for ${p}% off. What is the sale price?`, numbers: [x, p], equation: '* number0 - 1 * number1 0.01' };
  },
  (r) => {
    const n = pick(r, NAMES);
    const b = pick(r, [20, 25, 40, 50]);
    const a = int(r, 1, b - 1);
    return { text: `${n} answered ${a} of the ${b} questions on a test correctly. What percent of the questions did ${PRONOUN[n]} answer correctly?`, numbers: [a, b], equation: '* / number0 number1 100' };
  },
  (r) => {
    const [n, x, f] = [pick(r, NAMES), int(r, 2, 20) * 12, pick(r, [['half', 2], ['a third', 3], ['a quarter', 4]] as const)];
    return { text: `${n} had ${x} ${pick(r, ['dollars', 'stickers', 'marbles'])}. ${cap(PRONOUN[n]!)} gave away ${f[0]} of them. How many does ${PRONOUN[n]} have left?`, numbers: [x, 1 / f[1]], equation: '* number0 - 1 number1' };
  },
  (r) => {
    const [n, x, f] = [pick(r, NAMES), int(r, 2, 20) * 12, pick(r, [['half', 2], ['a third', 3], ['a quarter', 4]] as const)];
    return { text: `${n} had ${x} dollars. ${cap(PRONOUN[n]!)} spent ${f[0]} of it on books. How much did ${PRONOUN[n]} spend on books?`, numbers: [x, 1 / f[1]], equation: '* number0 number1' };
  },
  (r) => {
    const [a, b, x, it, k] = [pick(r, NAMES), pick(r, NAMES), int(r, 3, 40), pick(r, ITEMS), pick(r, [['twice', 2], ['three times', 3], ['four times', 4]] as const)];
    return { text: `${a} has ${x} ${it}. ${b} has ${k[0]} as many ${it} as ${a}. How many ${it} does ${b} have?`, numbers: [x, k[1]], equation: '* number0 number1' };
  },
  (r) => {
    const [n, k, c, it] = [int(r, 2, 9), int(r, 2, 12), pick(r, NAMES), pick(r, ITEMS)];
    return { text: `${n} ${it} cost ${n * k} dollars. How much does one of them cost?`, numbers: [n, n * k], equation: '/ number1 number0' };
    void c;
  },
  (r) => {
    const [t, s] = [int(r, 2, 9), int(r, 3, 12) * 5];
    return { text: `A train travels ${s * t} miles in ${t} hours. What is its average speed in miles per hour?`, numbers: [s * t, t], equation: '/ number0 number1' };
  },
  (r) => {
    const [a, b, x, y, it] = [pick(r, NAMES), pick(r, NAMES), int(r, 20, 90), int(r, 2, 19), pick(r, ITEMS)];
    return { text: `${a} has ${x} ${it}. ${b} has ${y} ${it}. How many more ${it} does ${a} have than ${b}?`, numbers: [x, y], equation: '- number0 number1' };
  },
];

const cap = (s: string) => s[0]!.toUpperCase() + s.slice(1);

/** Rows numbered from 100001 (train.csv has about 3,000), all in the training split. */
export function syntheticRows(perTemplate = 12, seed = 7): EnglishRow[] {
  let a = seed >>> 0;
  const r = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const out: EnglishRow[] = [];
  for (const template of templates) {
    for (let k = 0; k < perTemplate; k++) {
      const { text, numbers, equation } = template(r);
      const q = text.lastIndexOf('. ');
      out.push({
        row: 100001 + out.length,
        masked: text,
        body: text.slice(0, q + 1),
        ques: text.slice(q + 2),
        text,
        numbers: numbers.map(String),
        equation: equation.split(' '),
        answer: NaN,
        split: 'train',
      });
    }
  }
  return out;
}
