// The predictions report page (bundled into dist/predictions-report.js; opened by
// src/client/predictionsReport/panel.ts). Left: the rules over all samples. Right: the images, worst first,
// the selected image's map and its rules; clicking an image selects it, clicking a rule (there or in the rules
// table) shows that rule's violation map for the selected image (a `select` message from the extension does the
// same). The page
// builds its DOM with createElement and textContent only (no HTML from data), and says what it rendered and
// which map loaded.
import './predictionsReport.css';
import type { FromView, ImageRow, ReportView, ToView } from '../client/predictionsReport/model';

declare function acquireVsCodeApi(): { postMessage(message: FromView): void };
const vscode = acquireVsCodeApi();

const root = document.getElementById('root')!;
let view: ReportView | undefined;
let selectedImage = 0;
let selectedRule: string | undefined;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, attrs: Record<string, string> = {}, children: (Node | string)[] = []): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) node.setAttribute(k, v);
  node.append(...children);
  return node;
}

const percent = (x: number) => `${(100 * x).toFixed(2)}%`;
const truth = (x: number) => x.toFixed(4);

function rulesTable(v: ReportView): HTMLElement {
  const head = el('tr', {}, ['rule', 'kind', 'violated', 'fuzzy truth', 'worst samples (truth)'].map((h) => el('th', {}, [h])));
  const rows = v.rules.map((r) => {
    const name = el('button', { class: 'link', title: "Show this rule's map for the selected image" }, [r.name]);
    name.addEventListener('click', () => showRule(r.name));
    return el('tr', { 'data-rule': r.name, class: r.violation_rate > 0 ? 'violated' : '' }, [
      el('td', {}, [name]),
      el('td', {}, [r.kind]),
      el('td', { class: 'num' }, [percent(r.violation_rate)]),
      el('td', { class: 'num' }, [truth(r.fuzzy_truth)]),
      el('td', { class: 'worst' }, [r.worst]),
    ]);
  });
  return el('table', { id: 'rules' }, [el('thead', {}, [head]), el('tbody', {}, rows)]);
}

function imageLabel(img: ImageRow): string {
  const rules = `${img.violated} rule${img.violated === 1 ? '' : 's'} violated`;
  return `${img.file}: ${rules}${img.lowest ? `, lowest truth ${truth(img.lowest.fuzzy_truth)} (${img.lowest.rule})` : ''}`;
}

function imageList(v: ReportView): HTMLElement {
  const items = v.images.map((img, i) => {
    const button = el('button', { class: 'image', 'data-index': String(i) }, [imageLabel(img)]);
    button.addEventListener('click', () => selectImage(i));
    return el('li', {}, [button]);
  });
  return el('ol', { id: 'images' }, items);
}

function imageRules(v: ReportView): HTMLElement {
  const img = v.images[selectedImage];
  if (!img) return el('p', { id: 'image-rules', class: 'note' }, ['No images.']);
  const rows = img.rules.map((r) => {
    const cell: HTMLElement = r.map ? el('button', { class: 'link' }, [r.name]) : el('span', {}, [r.name]);
    if (r.map) cell.addEventListener('click', () => showRule(r.name));
    return el('tr', { 'data-rule': r.name, class: r.name === selectedRule ? 'selected' : '' }, [el('td', {}, [cell]), el('td', { class: 'num' }, [percent(r.violation_rate)]), el('td', { class: 'num' }, [truth(r.fuzzy_truth)])]);
  });
  const head = el('tr', {}, ['rule', 'violated', 'fuzzy truth'].map((h) => el('th', {}, [h])));
  return el('table', { id: 'image-rules' }, [el('caption', {}, [img.file]), el('thead', {}, [head]), el('tbody', {}, rows)]);
}

function mapViewer(v: ReportView): HTMLElement {
  const img = v.images[selectedImage];
  const rule = img?.rules.find((r) => r.name === selectedRule);
  if (!img || !rule) {
    const hasMaps = img?.rules.some((r) => r.map);
    return el('p', { id: 'map', class: 'note' }, [hasMaps ? 'Click a rule to see its violation map.' : 'No violation maps: they are drawn for images (classes × height × width scores) where a rule is violated.']);
  }
  if (!rule.map) return el('p', { id: 'map', class: 'note' }, [`${rule.name} holds on every pixel of ${img.file}: no map.`]);
  const picture = el('img', { src: rule.map, alt: `Violation map of ${rule.name} on ${img.file}` });
  picture.addEventListener('load', () => vscode.postMessage({ type: 'mapShown', file: img.file, rule: rule.name, width: picture.naturalWidth, height: picture.naturalHeight }));
  picture.addEventListener('error', () => vscode.postMessage({ type: 'mapFailed', file: img.file, rule: rule.name }));
  const caption = `${rule.name} on ${img.file}: the fuzzy violation 1 − truth, black where the rule holds, pale yellow where it fails`;
  return el('figure', { id: 'map' }, [picture, el('figcaption', {}, [caption])]);
}

function redraw(): void {
  if (!view) return;
  document.getElementById('image-rules')?.replaceWith(imageRules(view));
  document.getElementById('map')?.replaceWith(mapViewer(view));
  document.querySelectorAll('#images button').forEach((b) => b.classList.toggle('selected', b.getAttribute('data-index') === String(selectedImage)));
}

function selectImage(i: number): void {
  selectedImage = i;
  const img = view?.images[i];
  // Keep the rule when this image has a map of it; else show this image's worst map.
  if (img && !img.rules.some((r) => r.name === selectedRule && r.map)) selectedRule = img.rules.find((r) => r.map)?.name ?? selectedRule;
  redraw();
}

function showRule(name: string): void {
  selectedRule = name;
  redraw();
  // In a narrow panel the columns stack and the map may be off screen: bring it into view.
  document.getElementById('map')?.scrollIntoView({ block: 'start' });
}

function render(v: ReportView): void {
  view = v;
  selectedImage = 0;
  selectedRule = v.images[0]?.rules.find((r) => r.map)?.name;
  const skipped = v.skipped.length ? [el('ul', { class: 'skipped' }, v.skipped.map((s) => el('li', {}, [`skipped ${s.name}: ${s.reason}`])))] : [];
  root.replaceChildren(
    el('h1', {}, [v.title]),
    el('p', { class: 'summary' }, [v.summary]),
    el('div', { class: 'columns' }, [
      el('section', { class: 'left' }, [el('h2', {}, ['Rules']), rulesTable(v), ...skipped]),
      el('section', { class: 'right' }, [el('h2', {}, ['Images, worst first']), imageList(v), mapViewer(v), imageRules(v)]),
    ]),
  );
  redraw();
  const maps = v.images.reduce((n, img) => n + img.rules.filter((r) => r.map).length, 0);
  vscode.postMessage({ type: 'rendered', rules: v.rules.length, images: v.images.length, maps });
}

window.addEventListener('message', (event: MessageEvent<ToView>) => {
  const m = event.data;
  if (m.type === 'report') render(m.view);
  else if (m.type === 'select' && view) {
    const i = view.images.findIndex((img) => img.file === m.file);
    if (i >= 0) selectImage(i);
    showRule(m.rule);
  }
});
vscode.postMessage({ type: 'ready' });
