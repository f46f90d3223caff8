// Grounds lifted props back to names: a declared proposition keeps its name; any other span gets
// a fresh identifier made from its words, which the editor offers as a new `prop` declaration.
import { isBareName } from '../languages/tl/api';
import type { ApSpan } from './apRecognition';
import { nameWords } from './apRecognition';

// Negations stay: "the door is not open" must not be named door_is_open.
const dropped = new Set(['the', 'a', 'an', 'to', 'must', 'should', 'shall', 'will', 'always', 'eventually']);

export function identifierFor(text: string, taken: ReadonlySet<string>): string {
  const words = nameWords(text).filter((w) => !dropped.has(w));
  return uniqueIdentifier((words.length > 0 ? words : nameWords(text)).slice(0, 4), taken);
}

/** An identifier from these words, not yet taken: `tank_empty`, `tank_empty_2`. */
export function uniqueIdentifier(words: readonly string[], taken: ReadonlySet<string>): string {
  let base = words.join('_') || 'p';
  if (/^\d/.test(base)) base = `p_${base}`;
  if (!isBareName(base)) base = `${base}_p`;
  let name = base;
  for (let i = 2; taken.has(name); i++) name = `${base}_${i}`;
  return name;
}

export interface Grounded {
  name: string;
  declared: boolean;
}

/** Maps each prop_i to a name, keeping declared names and making the rest unique. */
export function ground(props: ReadonlyMap<string, ApSpan>, declaredNames: readonly string[]): Map<string, Grounded> {
  const taken = new Set(declaredNames);
  const out = new Map<string, Grounded>();
  for (const [id, span] of props) {
    if (span.declared) {
      out.set(id, { name: span.declared, declared: true });
    } else if (span.source === 'lifted') {
      out.set(id, { name: id, declared: false });
    } else {
      const name = identifierFor(span.text, taken);
      taken.add(name);
      out.set(id, { name, declared: false });
    }
  }
  return out;
}
