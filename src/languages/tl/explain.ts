// The English reading of a formula. Deterministic: the same tree always reads the same way, so
// the reading can be shown next to a model's translation and in hover.
import { comparisons, functions } from '../../../grammars/tl';
import { isBinary, type Formula, type Interval, type Term } from './ast';
import { printNumber, printTerm } from './printer';

const comparisonReading = new Map(comparisons.map((c) => [c.op, c.reading]));

/** A term in words where it helps (`the absolute value of x`), otherwise as written (`2 * x + y`). */
function termReading(t: Term): string {
  if (t.kind === 'call' && Object.prototype.hasOwnProperty.call(functions, t.fn)) {
    const arg = printTerm(t.arg);
    return `${functions[t.fn]!.reading} ${t.arg.kind === 'arith' ? `(${arg})` : arg}`;
  }
  return printTerm(t);
}

export type PropDescriptions = ReadonlyMap<string, string> | Readonly<Record<string, string>>;

function describe(descriptions: PropDescriptions | undefined, name: string): string | undefined {
  if (!descriptions) return undefined;
  if (descriptions instanceof Map) return descriptions.get(name);
  return Object.prototype.hasOwnProperty.call(descriptions, name) ? (descriptions as Record<string, string>)[name] : undefined;
}

function units(n: number): string {
  return `${printNumber(n)} time ${n === 1 ? 'unit' : 'units'}`;
}

/** When something happens: "within 10 time units", "between 2 and 5 time units from now". */
function futureWindow(i: Interval): string {
  if (i.hi === null) return i.lo === 0 ? 'at some moment from now on' : `at least ${units(i.lo)} from now`;
  if (i.lo === 0) return `within ${units(i.hi)}`;
  return `between ${printNumber(i.lo)} and ${units(i.hi)} from now`;
}

/** Over which moments something holds: "within the next 10 time units", "from 3 time units from now on". */
function futureSpan(i: Interval): string {
  if (i.hi === null) return i.lo === 0 ? 'from now on' : `from ${units(i.lo)} from now on`;
  if (i.lo === 0) return `within the next ${units(i.hi)}`;
  return `between ${printNumber(i.lo)} and ${units(i.hi)} from now`;
}

function pastWindow(i: Interval): string {
  if (i.hi === null) return i.lo === 0 ? 'at any time so far' : `at least ${units(i.lo)} ago`;
  if (i.lo === 0) return `within the last ${units(i.hi)}`;
  return `between ${printNumber(i.lo)} and ${units(i.hi)} ago`;
}

/** Reads a formula in English; declared descriptions replace proposition names. */
export function explain(f: Formula, descriptions?: PropDescriptions): string {
  // An operand is parenthesised when it is binary, or when its reading has a comma ("at every moment,
  // a holds"), which would otherwise scope over the rest of the sentence: readings stay unambiguous, so
  // that they read back to the same formula (bench/nl2tlRoundTrip.ts).
  const read = (g: Formula, grouped: boolean): string => {
    const text = reading(g);
    return grouped && (isBinary(g) || text.includes(',')) ? `(${text})` : text;
  };
  // Both operands of an until-like reading are parenthesised when they open with a temporal adverb. The
  // first: "eventually a holds until b holds" reads as "eventually (a until b)", as the pattern survey
  // writes it. The second: what until or since waits for is read as an event ("until you reach b" is until
  // b), so an "eventually" there needs the brackets to stay: "a holds until (eventually b holds)".
  const temporalUnary = new Set(['next', 'finally', 'globally', 'historically', 'once', 'prev']);
  const bracketTemporal = (g: Formula): string => (temporalUnary.has(g.kind) ? `(${reading(g)})` : read(g, true));
  const reading = (g: Formula): string => {
    switch (g.kind) {
      case 'prop':
        return describe(descriptions, g.name) ?? `${g.name} holds`;
      case 'true':
        return 'true';
      case 'false':
        return 'false';
      case 'compare':
        return `${termReading(g.left)} ${comparisonReading.get(g.op)} ${termReading(g.right)}`;
      case 'not': {
        const inner = g.args[0];
        if (inner.kind === 'prop' && !describe(descriptions, inner.name)) return `${inner.name} does not hold`;
        return `it is not the case that ${read(inner, true)}`;
      }
      case 'and':
        return `${read(g.args[0], g.args[0].kind !== 'and')} and ${read(g.args[1], true)}`;
      case 'or':
        return `${read(g.args[0], g.args[0].kind !== 'or')} or ${read(g.args[1], true)}`;
      case 'xor':
        return `either ${read(g.args[0], true)} or ${read(g.args[1], true)}, but not both`;
      case 'implies':
        return `if ${read(g.args[0], true)} then ${read(g.args[1], true)}`;
      case 'iff':
        return `${read(g.args[0], true)} if and only if ${read(g.args[1], true)}`;
      case 'next':
        return `at the next moment, ${read(g.args[0], false)}`;
      case 'globally':
        return g.interval
          ? `at every moment ${futureSpan(g.interval)}, ${read(g.args[0], false)}`
          : `at every moment, ${read(g.args[0], false)}`;
      case 'finally': {
        // A comma keeps "eventually, a holds until b holds" from reading as "(eventually a) until b", and
        // "eventually, within 5 time units a holds" from reading as one deadline.
        const inner = g.args[0];
        const separator = isBinary(inner) || (inner.kind === 'finally' && inner.interval) ? ', ' : ' ';
        return `${g.interval ? futureWindow(g.interval) : 'eventually'}${separator}${read(g.args[0], false)}`;
      }
      case 'historically':
        return g.interval
          ? `at every moment ${pastWindow(g.interval)}, ${read(g.args[0], false)}`
          : `at every moment so far, ${read(g.args[0], false)}`;
      case 'once':
        return g.interval
          ? `at some moment ${pastWindow(g.interval)}, ${read(g.args[0], false)}`
          : `at some moment so far, ${read(g.args[0], false)}`;
      case 'prev':
        return `at the previous moment, ${read(g.args[0], false)}`;
      case 'until': {
        const when = g.interval ? ` ${futureWindow(g.interval)}` : ' eventually';
        return `${bracketTemporal(g.args[0])} until ${bracketTemporal(g.args[1])}, which happens${when}`;
      }
      case 'weak_until':
        return `${bracketTemporal(g.args[0])} until ${bracketTemporal(g.args[1])}${g.interval ? ` ${futureWindow(g.interval)}` : ''}, or forever if that never happens`;
      case 'release':
        return `${bracketTemporal(g.args[1])} up to and including the moment when ${read(g.args[0], true)}${g.interval ? ` (${futureSpan(g.interval)})` : ''}, or forever if that never happens`;
      case 'strong_release':
        return `${bracketTemporal(g.args[1])} up to and including a moment when ${read(g.args[0], true)}, which happens${g.interval ? ` ${futureWindow(g.interval)}` : ' eventually'}`;
      case 'since':
        return `${bracketTemporal(g.args[0])} at every moment since a moment when ${bracketTemporal(g.args[1])}${g.interval ? `, ${pastWindow(g.interval)}` : ''}`;
    }
  };
  return reading(f);
}
