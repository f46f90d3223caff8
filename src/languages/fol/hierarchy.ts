// One model for class hierarchies, whether written inline or imported from JSON, with the
// structural checks both share. Class names become predicates, so structure is checked by name.
import type { ClassNode, HierarchyDecl } from './ast';

/** Where a class is written: in the .fol document (offsets) or in an imported JSON file. */
export type Place = { kind: 'doc'; start: number; end: number } | { kind: 'json'; uri: string; offset: number; length: number };

export interface HNode {
  /** The name as a predicate (identifier form). */
  name: string;
  /** The name as written in the source (JSON names may contain spaces). */
  label: string;
  children: HNode[];
  parent?: HNode;
  depth: number;
  place: Place;
  /** For inline classes: the syntax node, so quick fixes can move its text. */
  syntax?: ClassNode;
}

export interface StructureProblem {
  code: string;
  severity: 'error' | 'warning';
  message: string;
  place: Place;
  data?: unknown;
}

export interface Hierarchy {
  name: string;
  decl: HierarchyDecl;
  root: HNode;
  /** Every class below the root in document order, duplicates included. */
  nodes: HNode[];
  levelled: boolean;
  /** Set for imported hierarchies. */
  source?: { uri: string; path: string; text: string };
  problems: StructureProblem[];
}

/** JSON class names such as "traffic light" or "Crosswalk - Plain" are used as traffic_light, Crosswalk_Plain. */
export function predicateName(label: string): string {
  const id = label.trim().replace(/[^A-Za-z0-9_']+/g, '_');
  return /^[A-Za-z_]/.test(id) ? id : `_${id}`;
}

export function fromInline(decl: HierarchyDecl): Hierarchy {
  const root: HNode = { name: decl.name.text, label: decl.name.text, children: [], depth: 0, place: { kind: 'doc', start: decl.name.start, end: decl.name.end } };
  const all: HNode[] = [];
  const build = (parent: HNode, list: ClassNode[] | undefined) => {
    for (const c of list ?? []) {
      const node: HNode = { name: c.name.text, label: c.name.text, children: [], parent, depth: parent.depth + 1, place: { kind: 'doc', start: c.name.start, end: c.name.end }, syntax: c };
      parent.children.push(node);
      all.push(node);
      build(node, c.children);
    }
  };
  build(root, decl.classes);
  const h: Hierarchy = { name: root.name, decl, root, nodes: all, levelled: decl.levelled, problems: [] };
  h.problems.push(...structureProblems(h));
  return h;
}

export const StructureCodes = {
  duplicateClass: 'fol/duplicate-class',
  twoParents: 'fol/class-under-two-parents',
  cycle: 'fol/hierarchy-cycle',
  emptyGroup: 'fol/empty-group',
  singleChild: 'fol/single-child-group',
  unevenDepth: 'fol/uneven-leaf-depth',
  unreachable: 'fol/unreachable-class',
  indexMismatch: 'fol/hierarchy-index',
} as const;

/** Data a "move class" quick fix needs: which occurrence to keep and which to drop. */
export interface MoveData {
  name: string;
  first: MovePlace;
  second: MovePlace;
}

export interface MovePlace {
  start: number;
  end: number;
  parent: string;
  /** Every occurrence of the class under a parent of this name, in document order: moving it away drops them all. */
  all: { start: number; end: number }[];
}

export function structureProblems(h: Hierarchy): StructureProblem[] {
  const out: StructureProblem[] = [];
  const seen = new Map<string, HNode>();
  const underParent = new Map<string, HNode[]>();
  for (const n of h.nodes) {
    const key = placeKey(n);
    const list = underParent.get(key);
    if (list) list.push(n);
    else underParent.set(key, [n]);
  }
  // One list per parent, shared by every diagnostic about it: a class written k times costs O(k), not O(k²).
  const spans = new Map<string, MovePlace['all']>();
  const moveData = (first: HNode, second: HNode): MoveData | undefined => {
    const place = (n: HNode): MovePlace | undefined => {
      if (n.place.kind !== 'doc' || !n.syntax) return undefined;
      const key = placeKey(n);
      let all = spans.get(key);
      if (!all) spans.set(key, (all = underParent.get(key)!.flatMap((o) => (o.syntax ? [{ start: o.syntax.start, end: o.syntax.end }] : []))));
      return { start: n.syntax.start, end: n.syntax.end, parent: n.parent!.label, all };
    };
    const [a, b] = [place(first), place(second)];
    return a && b && { name: first.name, first: a, second: b };
  };
  for (const n of h.nodes) {
    const ancestors = new Set<string>();
    for (let p = n.parent; p; p = p.parent) ancestors.add(p.name);
    if (n.parent && n.parent !== h.root && n.parent.name === n.name) {
      out.push({
        code: StructureCodes.duplicateClass,
        severity: 'error',
        message: `Class '${n.label}' has the same name as its parent group, so as predicates the two are one and the same.`,
        place: n.place,
      });
      continue;
    }
    if (ancestors.has(n.name)) {
      out.push({
        code: StructureCodes.cycle,
        severity: 'error',
        message: `Class '${n.label}' is placed inside itself (under '${n.parent!.label}'), which makes the hierarchy cyclic.`,
        place: n.place,
      });
      continue;
    }
    const first = seen.get(n.name);
    if (!first) {
      seen.set(n.name, n);
      continue;
    }
    if (first.parent === n.parent || first.parent?.name === n.parent?.name) {
      out.push({ code: StructureCodes.duplicateClass, severity: 'error', message: `Class '${n.label}' is already listed under '${n.parent!.label}'.`, place: n.place, data: moveData(first, n) });
    } else {
      out.push({
        code: StructureCodes.twoParents,
        severity: 'error',
        message: `Class '${n.label}' appears under both '${first.parent!.label}' and '${n.parent!.label}'; a class has one parent.`,
        place: n.place,
        data: moveData(first, n),
      });
    }
  }
  for (const n of [h.root, ...h.nodes]) {
    const isGroup = n === h.root || (n.syntax ? n.syntax.children !== undefined : n.children.length > 0);
    if (!isGroup) continue;
    if (n.children.length === 0) {
      out.push({ code: StructureCodes.emptyGroup, severity: 'warning', message: `Group '${n.label}' has no classes.`, place: n.place });
    } else if (n.children.length === 1 && n !== h.root && n.children[0].name !== n.name) {
      out.push({
        code: StructureCodes.singleChild,
        severity: 'warning',
        message: `Group '${n.label}' has a single subclass '${n.children[0].label}', so the two always hold together.`,
        place: n.place,
      });
    }
  }
  if (h.levelled) {
    const leaves = h.nodes.filter((n) => n.children.length === 0);
    const depths = new Map<number, number>();
    for (const l of leaves) depths.set(l.depth, (depths.get(l.depth) ?? 0) + 1);
    const expected = [...depths.entries()].sort((a, b) => b[1] - a[1] || b[0] - a[0])[0]?.[0];
    for (const l of leaves) {
      if (l.depth !== expected) {
        out.push({
          code: StructureCodes.unevenDepth,
          severity: 'warning',
          message: `Leaf class '${l.label}' is at depth ${l.depth}, but this levelled hierarchy has its leaves at depth ${expected}.`,
          place: l.place,
        });
      }
    }
  }
  return out;
}

function placeKey(n: HNode): string {
  return `${n.parent?.name ?? ''}\u0000${n.name}`;
}

/** Each distinct class once, first occurrence wins: the semantics are over predicates, not places. */
export function distinctClasses(h: Hierarchy): HNode[] {
  const seen = new Set<string>();
  const out: HNode[] = [];
  for (const n of h.nodes) {
    if (seen.has(n.name) || n.name === h.root.name) continue;
    seen.add(n.name);
    out.push(n);
  }
  return out;
}

export function pathFromRoot(n: HNode): HNode[] {
  const path: HNode[] = [];
  for (let p: HNode | undefined = n; p; p = p.parent) path.unshift(p);
  return path;
}

/** Line/column range of a class's place in its imported JSON file. */
export function jsonPlaceRange(h: Hierarchy, place: Extract<Place, { kind: 'json' }>) {
  return offsetRange(h.source?.text ?? '', place.offset, place.length);
}

/** Line/column range of an offset span in an imported file's text. */
export function offsetRange(text: string, offset: number, length: number) {
  const pos = (at: number) => {
    const before = text.slice(0, at);
    const line = before.split('\n').length - 1;
    return { line, character: at - (before.lastIndexOf('\n') + 1) };
  };
  return { start: pos(offset), end: pos(offset + length) };
}
