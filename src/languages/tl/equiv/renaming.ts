// Whether two formulas mean the same under some one-to-one renaming of their propositions: how a translation is
// scored against a writer's formula, whose proposition names are the writer's own (`cafe` for our `go_to_cafe`), and
// whose shape may differ from ours without its meaning differing (`(!a U b) & F a` and `!a U (b & F a)`).
import { fromJson, mapProps, propNames, toJson, type Formula } from '../ast';
import { structEqual } from '../compare';
import { sameMeaning } from './index';

/** Past five propositions (120 renamings) the search is not tried: no translation in our data has more. */
const maxRenamedProps = 5;

function* orderings<T>(items: readonly T[]): Generator<T[]> {
  if (items.length <= 1) {
    yield [...items];
    return;
  }
  for (let i = 0; i < items.length; i++) {
    for (const rest of orderings([...items.slice(0, i), ...items.slice(i + 1)])) yield [items[i]!, ...rest];
  }
}

/**
 * The same shape up to renaming (structEqual), or the same meaning (sameMeaning) under one of the one-to-one renamings
 * of a's propositions onto b's, all tried within `timeoutMs` together; formulas with different numbers of propositions
 * count as different.
 */
export function sameMeaningUpToRenaming(a: Formula, b: Formula, timeoutMs = 200): boolean {
  if (structEqual(a, b)) return true;
  const aJson = toJson(a);
  const from = [...propNames(aJson)];
  const onto = [...propNames(toJson(b))];
  if (from.length !== onto.length || from.length > maxRenamedProps) return false;
  const deadline = performance.now() + timeoutMs;
  for (const order of orderings(onto)) {
    const left = deadline - performance.now();
    if (left <= 0) return false;
    const to = new Map(from.map((name, i) => [name, order[i]!]));
    if (sameMeaning(fromJson(mapProps(aJson, (p) => ({ kind: 'prop', name: to.get(p.name)! }))), b, left)) return true;
  }
  return false;
}
