// Reads a hierarchy from JSON, keeping the offset of every class's "name" so diagnostics and
// go-to-definition can point into the file. Accepted shapes:
//   {name, children:[...]}                         a nested tree
//   {tree:{name, children}, levels?, unassigned_leaves?, num_leaf_classes?}   the LogicSeg dataset files
//   [{name, children:["child", ...]}, ...]          a flat list linking children by name (root first)
import { parseTree, findNodeAtLocation, getNodeValue, type Node as JsonNode, type ParseError } from 'jsonc-parser/lib/esm/main.js';
import type { HierarchyDecl } from './ast';
import { StructureCodes, predicateName, structureProblems, type HNode, type Hierarchy, type Place, type StructureProblem } from './hierarchy';

export type JsonLoad = { ok: true; hierarchy: Hierarchy } | { ok: false; message: string };

export function hierarchyFromJson(decl: HierarchyDecl, uri: string, path: string, text: string): JsonLoad {
  const errors: ParseError[] = [];
  const doc = parseTree(text, errors, { allowTrailingComma: false, disallowComments: true });
  if (!doc || errors.length) return { ok: false, message: `'${path}' is not valid JSON (first problem at offset ${errors[0]?.offset ?? 0}).` };
  const place = (n: JsonNode | undefined): Place => ({ kind: 'json', uri, offset: n?.offset ?? 0, length: n?.length ?? 0 });
  const root: HNode = { name: decl.name.text, label: decl.name.text, children: [], depth: 0, place: { kind: 'doc', start: decl.name.start, end: decl.name.end } };
  const nodes: HNode[] = [];
  const problems: StructureProblem[] = [];
  const h: Hierarchy = { name: root.name, decl, root, nodes, levelled: decl.levelled, source: { uri, path, text }, problems };

  const add = (parent: HNode, label: string, nameNode: JsonNode | undefined): HNode => {
    const n: HNode = { name: predicateName(label), label, children: [], parent, depth: parent.depth + 1, place: place(nameNode) };
    parent.children.push(n);
    nodes.push(n);
    return n;
  };

  if (doc.type === 'array') {
    const defs = new Map<string, JsonNode>();
    for (const item of doc.children ?? []) {
      const label = findNodeAtLocation(item, ['name']);
      if (label?.type === 'string') defs.set(label.value as string, item);
    }
    const rootDef = doc.children?.[0];
    if (!rootDef || !defs.size) return { ok: false, message: `'${path}' lists no classes with a "name".` };
    const reached = new Set<string>();
    const rootLabel = findNodeAtLocation(rootDef, ['name'])?.value as string;
    const visit = (parent: HNode, def: JsonNode) => {
      for (const c of findNodeAtLocation(def, ['children'])?.children ?? []) {
        const label = c.type === 'string' ? (c.value as string) : (findNodeAtLocation(c, ['name'])?.value as string | undefined);
        if (typeof label !== 'string') continue;
        const n = add(parent, label, c.type === 'string' ? c : findNodeAtLocation(c, ['name']));
        let isAncestor = label === rootLabel;
        for (let p: HNode | undefined = parent; p && !isAncestor; p = p.parent) isAncestor = p.parent !== undefined && p.label === label;
        if (isAncestor || reached.has(label)) continue;
        reached.add(label);
        const sub = c.type === 'string' ? defs.get(label) : c;
        if (sub) visit(n, sub);
      }
    };
    reached.add(rootLabel);
    visit(root, rootDef);
    for (const [label, def] of defs) {
      if (!reached.has(label)) {
        problems.push({ code: StructureCodes.unreachable, severity: 'warning', message: `Class '${label}' is defined in ${path} but not reachable from its root '${rootLabel}'.`, place: place(findNodeAtLocation(def, ['name'])) });
      }
    }
  } else if (doc.type === 'object') {
    const tree = findNodeAtLocation(doc, ['tree']) ?? doc;
    if (findNodeAtLocation(tree, ['name'])?.type !== 'string') return { ok: false, message: `'${path}' has no root node with a "name" (expected {name, children} or {tree: {name, children}}).` };
    const visit = (parent: HNode, obj: JsonNode) => {
      for (const c of findNodeAtLocation(obj, ['children'])?.children ?? []) {
        const nameNode = findNodeAtLocation(c, ['name']);
        if (nameNode?.type !== 'string') {
          problems.push({ code: StructureCodes.unreachable, severity: 'warning', message: `A child of '${parent.label}' in ${path} has no "name".`, place: place(c) });
          continue;
        }
        const n = add(parent, nameNode.value as string, nameNode);
        const kids = findNodeAtLocation(c, ['children']);
        if (kids) {
          n.children = [];
          visit(n, c);
          if (!kids.children?.length) markEmpty.add(n);
        }
      }
    };
    const markEmpty = new Set<HNode>();
    visit(root, tree);
    if (findNodeAtLocation(doc, ['levels'])) h.levelled = true;
    for (const u of findNodeAtLocation(doc, ['unassigned_leaves'])?.children ?? []) {
      const nameNode = u.type === 'string' ? u : findNodeAtLocation(u, ['name']);
      if (nameNode?.type !== 'string') continue;
      problems.push({ code: StructureCodes.unreachable, severity: 'warning', message: `Class '${nameNode.value}' is listed in ${path} under "unassigned_leaves" but is not reachable from the root of the tree.`, place: place(nameNode) });
    }
    problems.push(...indexProblems(doc, tree, path, place));
    for (const n of markEmpty) problems.push({ code: StructureCodes.emptyGroup, severity: 'warning', message: `Group '${n.label}' has no classes.`, place: n.place });
  } else {
    return { ok: false, message: `'${path}' must hold a JSON object or array describing a class tree.` };
  }
  problems.push(...structureProblems(h).filter((p) => p.code !== StructureCodes.emptyGroup));
  return { ok: true, hierarchy: h };
}

/** The dataset files give leaves a channel `index` and groups a [start, end) `range`; both must agree with the tree. */
function indexProblems(doc: JsonNode, tree: JsonNode, path: string, place: (n: JsonNode | undefined) => Place): StructureProblem[] {
  const out: StructureProblem[] = [];
  const byIndex = new Map<number, string>();
  const leafCountNode = findNodeAtLocation(doc, ['num_leaf_classes']);
  const walk = (obj: JsonNode): number[] => {
    const kids = findNodeAtLocation(obj, ['children'])?.children;
    const label = findNodeAtLocation(obj, ['name'])?.value as string;
    if (!kids) {
      const idx = findNodeAtLocation(obj, ['index']);
      if (idx?.type !== 'number') return [];
      const i = idx.value as number;
      const other = byIndex.get(i);
      if (other !== undefined) out.push({ code: StructureCodes.indexMismatch, severity: 'error', message: `Classes '${other}' and '${label}' in ${path} share channel index ${i}.`, place: place(idx) });
      byIndex.set(i, label);
      return [i];
    }
    const indices = kids.flatMap(walk);
    const range = findNodeAtLocation(obj, ['range']);
    const bounds = range ? (getNodeValue(range) as unknown) : undefined;
    if (Array.isArray(bounds) && bounds.length === 2 && indices.length) {
      const [lo, hi] = bounds as [number, number];
      const outside = indices.filter((i) => i < lo || i >= hi);
      if (outside.length || indices.length !== hi - lo) {
        out.push({ code: StructureCodes.indexMismatch, severity: 'warning', message: `Group '${label}' in ${path} declares range [${lo}, ${hi}) but its leaves have indices ${summarize(indices)}.`, place: place(range) });
      }
    }
    return indices;
  };
  walk(tree);
  const declared = leafCountNode?.type === 'number' ? (leafCountNode.value as number) : undefined;
  if (declared !== undefined && byIndex.size) {
    const missing: number[] = [];
    for (let i = 0; i < declared; i++) if (!byIndex.has(i)) missing.push(i);
    if (missing.length) {
      out.push({ code: StructureCodes.indexMismatch, severity: 'warning', message: `${path} declares ${declared} leaf classes, but no leaf in the tree has index ${summarize(missing)}.`, place: place(leafCountNode) });
    }
  }
  return out;
}

function summarize(xs: number[]): string {
  const s = [...xs].sort((a, b) => a - b);
  return s.length > 6 ? `${s.slice(0, 3).join(', ')}, ..., ${s.slice(-2).join(', ')}` : s.join(', ');
}
