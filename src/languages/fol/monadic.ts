// Rules of the form `forall x. φ(x)`, where φ has no quantifiers and applies only unary predicates
// to x, talk about one individual at a time. They reduce to propositional logic (for the SAT
// reasoner) and to a per-sample score (for prediction checking); other rules are out of scope for both.
import type { Formula, RuleDecl } from './ast';
import { distinctClasses, type Hierarchy } from './hierarchy';

/** A quantifier-free formula over class names, shared by the reasoner and the fuzzy evaluator. */
export type Prop =
  | { kind: 'var'; name: string }
  | { kind: 'bool'; value: boolean }
  | { kind: 'not'; arg: Prop }
  | { kind: 'and' | 'or'; args: Prop[] }
  | { kind: 'implies' | 'iff'; left: Prop; right: Prop };

export type RuleKind = 'C' | 'D' | 'E' | 'user';

export interface PropRule {
  name: string;
  kind: RuleKind;
  body: Prop;
  /** Text of the rule as a user would write it. */
  text: string;
}

export function monadicBody(rule: RuleDecl): Prop | undefined {
  const f = rule.formula;
  if (f.kind !== 'quant' || f.q !== 'forall' || f.vars.length !== 1) return undefined;
  return toProp(f.body, f.vars[0].name.text);
}

function toProp(f: Formula, x: string): Prop | undefined {
  switch (f.kind) {
    case 'atom':
      return f.args.length === 1 && f.args[0].args === undefined && f.args[0].name.text === x ? { kind: 'var', name: f.pred.text } : undefined;
    case 'bool':
      return { kind: 'bool', value: f.value };
    case 'eq': {
      const same = f.left.args === undefined && f.right.args === undefined && f.left.name.text === x && f.right.name.text === x;
      return same ? { kind: 'bool', value: !f.negated } : undefined;
    }
    case 'not': {
      const a = toProp(f.arg, x);
      return a && { kind: 'not', arg: a };
    }
    case 'and':
    case 'or': {
      const args = f.args.map((a) => toProp(a, x));
      return args.every((a): a is Prop => !!a) ? { kind: f.kind, args } : undefined;
    }
    case 'implies':
    case 'iff': {
      const l = toProp(f.left, x);
      const r = toProp(f.right, x);
      return l && r ? { kind: f.kind, left: l, right: r } : undefined;
    }
    default:
      return undefined;
  }
}

const v = (name: string): Prop => ({ kind: 'var', name });

/**
 * LogicSeg's rules for one hierarchy. C: a class implies its parent. D: a group implies one of its
 * children. E: a class excludes each of its siblings (one rule per class, over all its siblings).
 */
export function hierarchyRules(h: Hierarchy): PropRule[] {
  const out: PropRule[] = [];
  const groups = [h.root, ...distinctClasses(h).filter((n) => n.children.length > 0)];
  for (const n of distinctClasses(h)) {
    const parent = n.parent!;
    if (parent.name !== n.name) out.push({ name: `C_${n.name}`, kind: 'C', body: { kind: 'implies', left: v(n.name), right: v(parent.name) }, text: `forall x. ${n.name}(x) -> ${parent.name}(x)` });
  }
  for (const g of groups) {
    const kids = uniqueNames(g.children.map((c) => c.name)).filter((c) => c !== g.name);
    if (!kids.length) continue;
    out.push({
      name: `D_${g.name}`,
      kind: 'D',
      body: { kind: 'implies', left: v(g.name), right: kids.length === 1 ? v(kids[0]) : { kind: 'or', args: kids.map(v) } },
      text: `forall x. ${g.name}(x) -> ${kids.map((k) => `${k}(x)`).join(' | ')}`,
    });
  }
  for (const g of groups) {
    const kids = uniqueNames(g.children.map((c) => c.name)).filter((c) => c !== g.name);
    for (const k of kids) {
      const others = kids.filter((o) => o !== k);
      if (!others.length) continue;
      const nots: Prop[] = others.map((o) => ({ kind: 'not', arg: v(o) }));
      out.push({
        name: `E_${k}`,
        kind: 'E',
        body: { kind: 'implies', left: v(k), right: nots.length === 1 ? nots[0] : { kind: 'and', args: nots } },
        text: `forall x. ${k}(x) -> ${others.map((o) => `!${o}(x)`).join(' & ')}`,
      });
    }
  }
  return out;
}

function uniqueNames(xs: string[]): string[] {
  return [...new Set(xs)];
}

export function propVars(p: Prop, into = new Set<string>()): Set<string> {
  switch (p.kind) {
    case 'var':
      into.add(p.name);
      break;
    case 'not':
      propVars(p.arg, into);
      break;
    case 'and':
    case 'or':
      p.args.forEach((a) => propVars(a, into));
      break;
    case 'implies':
    case 'iff':
      propVars(p.left, into);
      propVars(p.right, into);
      break;
  }
  return into;
}
