// Tokenising and lifting for the NL->TL model. Mirrors training/nl2tl/tltext.py exactly: the model
// only ever saw text cut by this regular expression, lowercased, with props renumbered by first
// appearance and numbers replaced by num_k placeholders.

export interface Token {
  text: string;
  start: number;
  end: number;
}

const tokenRe = /prop_\d+|\d+(?:\.\d+)?|[a-z]+(?:'[a-z]+)?|[^\sa-z\d]/giu;
const propRe = /^prop_\d+$/;
const numRe = /^\d+(?:\.\d+)?$/;

export function tokenize(text: string): Token[] {
  const out: Token[] = [];
  for (const m of text.matchAll(tokenRe)) {
    out.push({ text: m[0].toLowerCase(), start: m.index!, end: m.index! + m[0].length });
  }
  return out;
}

export function isPropToken(t: string): boolean {
  return propRe.test(t);
}

function normaliseNumber(t: string): string {
  return t.includes('.') ? String(Number(t)) : String(BigInt(t));
}

export interface ModelInput {
  /** Tokens as the model sees them. */
  tokens: string[];
  /** Canonical prop id (prop_1 ...) -> the prop id written in the lifted sentence. */
  props: Map<string, string>;
  /** Placeholder (num_1 ...) -> the number it stands for. */
  numbers: Map<string, string>;
}

/** Renumbers props by first appearance and lifts numbers, as the training data was. */
export function toModelInput(liftedSentence: string): ModelInput {
  const propIds = new Map<string, string>();
  const numIds = new Map<string, string>();
  const props = new Map<string, string>();
  const numbers = new Map<string, string>();
  const tokens = tokenize(liftedSentence).map(({ text }) => {
    if (propRe.test(text)) {
      if (!propIds.has(text)) {
        const id = `prop_${propIds.size + 1}`;
        propIds.set(text, id);
        props.set(id, text);
      }
      return propIds.get(text)!;
    }
    if (numRe.test(text)) {
      const key = normaliseNumber(text);
      if (!numIds.has(key)) {
        const id = `num_${numIds.size + 1}`;
        numIds.set(key, id);
        numbers.set(id, key);
      }
      return numIds.get(key)!;
    }
    return text;
  });
  return { tokens, props, numbers };
}

/**
 * Turns the model's canonical target tokens back into an NL2TL-style formula over the sentence's
 * own prop ids and numbers, e.g. `globally [ num_1 , inf ] prop_1` -> `globally [5,infinite] prop_2`.
 */
export function fromModelOutput(target: readonly string[], input: ModelInput): string {
  const words = target.map((t) => input.props.get(t) ?? input.numbers.get(t) ?? (t === 'inf' ? 'infinite' : t));
  return words.join(' ').replace(/\[ (\S+) , (\S+) \]/g, '[$1,$2]');
}
