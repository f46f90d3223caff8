// Reasoning findings kept by their inputs: the hierarchy axioms, the monadic rules, the classes and the class
// parents (which decide what is reported). The reasoner is deterministic, work budget included, so findings for
// the same inputs are the same; an edit that leaves them alone (comments, layout, declarations, moving rules
// around in the text) reuses them instead of running the SAT solver again.
import type { PropRule } from './monadic';
import type { Findings } from './reasoning';

/** A few recent files: enough for the documents being edited side by side, and small next to their syntax trees. */
const capacity = 8;
const recent = new Map<string, Findings>();

/**
 * Texts stand for formulas here: an axiom's text is written from its body, and a rule's body is read from its
 * text alone, so equal texts mean equal questions (and two spellings of one rule only cost a recomputation).
 */
export function reasoningKey(axioms: PropRule[], ruleTexts: string[], classes: string[], parents: [string, string | undefined][]): string {
  // The inputs themselves are the key (a Map hashes a string once): no digest to compute, no collision to
  // rule out, and no node:crypto, which the web worker server does not have. Eight such strings are about
  // the size of the eight files' texts.
  return JSON.stringify([axioms.map((a) => `${a.name}:${a.text}`), ruleTexts, classes, parents]);
}

/** The findings stored under `key`, else those `compute` returns (stored unless it throws). */
export function cachedFindings(key: string, compute: () => Findings): Findings {
  let findings = recent.get(key);
  if (findings) {
    recent.delete(key);
  } else {
    findings = compute();
    if (recent.size >= capacity) recent.delete(recent.keys().next().value!);
  }
  recent.set(key, findings);
  return findings;
}
