// The robustness plot page (bundled into dist/monitor-plot.js with uPlot; opened by
// src/client/monitorPlot/panel.ts). It shows the spec's formula with every subformula clickable, the
// signals the spec reads, and the robustness over time of the spec and of the chosen subformula, with
// the samples where that subformula is false shaded. Charts are uPlot's (canvas); the page builds its
// DOM with createElement and textContent only, so no inline style or markup needs the CSP's leave.
import uPlot from 'uplot';
import 'uplot/dist/uPlot.min.css';
import './monitorPlot.css';
import { infinityOnTheWire, type PlotNode } from '../core/monitorPlot';
import type { FromPlotPage, PlotData, ToPlotPage } from '../client/monitorPlot/messages';

declare function acquireVsCodeApi(): { postMessage(message: FromPlotPage): void };
const vscode = acquireVsCodeApi();

const root = document.getElementById('root')!;
let plot: PlotData | undefined;
let charts: uPlot[] = [];
let selected = 0;

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className?: string, text?: string): HTMLElementTagNameMap[K] {
  const e = document.createElement(tag);
  if (className) e.className = className;
  if (text !== undefined) e.textContent = text;
  return e;
}

const isInf = (v: number) => Math.abs(v) >= infinityOnTheWire;

function shown(v: number): string {
  if (v >= infinityOnTheWire) return '+∞';
  if (v <= -infinityOnTheWire) return '−∞';
  return Number.isInteger(v) ? String(v) : v.toPrecision(6).replace(/\.?0+$/, '');
}

/** Runs of samples where a curve is false (robustness ≤ 0), as [first, last] sample indices. */
function falseRuns(values: readonly number[]): [number, number][] {
  const runs: [number, number][] = [];
  let from = -1;
  values.forEach((v, i) => {
    const bad = !(v > 0);
    if (bad && from < 0) from = i;
    if (!bad && from >= 0) {
      runs.push([from, i - 1]);
      from = -1;
    }
  });
  if (from >= 0) runs.push([from, values.length - 1]);
  return runs;
}

function nodeText(n: PlotNode): string {
  return plot!.formula.slice(n.start, n.end);
}

/** The formula's text with each subformula a nested, clickable span. */
function formulaView(data: PlotData): HTMLElement {
  const box = el('div', 'formula');
  const children = new Map<number, PlotNode[]>();
  for (const n of data.nodes) if (n.parent !== null) children.set(n.parent, [...(children.get(n.parent) ?? []), n]);
  const build = (n: PlotNode): HTMLElement => {
    const span = el('span', `sub ${n.firstFalse === null ? 'holds' : 'fails'}`);
    span.dataset.node = String(n.id);
    span.title = n.firstFalse === null ? 'true at every plotted sample' : `first false at t=${data.times[n.firstFalse]}`;
    let at = n.start;
    for (const c of (children.get(n.id) ?? []).sort((a, b) => a.start - b.start)) {
      if (c.start > at) span.append(data.formula.slice(at, c.start));
      span.append(build(c));
      at = c.end;
    }
    if (n.end > at) span.append(data.formula.slice(at, n.end));
    span.addEventListener('click', (event) => {
      event.stopPropagation();
      select(n.id);
    });
    return span;
  };
  const top = data.nodes[0]!;
  if (top.start > 0) box.append(data.formula.slice(0, top.start));
  box.append(build(top));
  return box;
}

/** A uPlot plugin that shades the given sample runs and draws the zero line. */
function violationBands(runs: () => [number, number][], times: readonly number[]): uPlot.Plugin {
  return {
    hooks: {
      drawAxes: [
        (u: uPlot) => {
          const ctx = u.ctx;
          const { top, height } = u.bbox;
          ctx.save();
          ctx.fillStyle = 'rgba(220, 50, 47, 0.18)';
          for (const [a, b] of runs()) {
            // A false sample owns the time up to the next sample (or a sliver at the end).
            const x0 = u.valToPos(times[a]!, 'x', true);
            const x1 = b + 1 < times.length ? u.valToPos(times[b + 1]!, 'x', true) : u.valToPos(times[b]!, 'x', true) + 2;
            ctx.fillRect(x0, top, Math.max(1, x1 - x0), height);
          }
          const y0 = u.valToPos(0, 'r', true);
          if (y0 >= top && y0 <= top + height) {
            ctx.strokeStyle = 'rgba(128, 128, 128, 0.8)';
            ctx.setLineDash([4, 4]);
            ctx.beginPath();
            ctx.moveTo(u.bbox.left, y0);
            ctx.lineTo(u.bbox.left + u.bbox.width, y0);
            ctx.stroke();
          }
          ctx.restore();
        },
      ],
    },
  };
}

function width(): number {
  return Math.max(320, root.clientWidth - 16);
}

function signalsChart(data: PlotData, target: HTMLElement): uPlot | undefined {
  if (data.signals.length === 0) return undefined;
  const colors = ['#268bd2', '#859900', '#b58900', '#6c71c4', '#2aa198', '#cb4b16'];
  const hasProps = data.signals.some((s) => s.kind === 'proposition');
  const hasSignals = data.signals.some((s) => s.kind === 'signal');
  const opts: uPlot.Options = {
    title: 'Signals',
    width: width(),
    height: 220,
    scales: { x: { time: false }, b: { range: [-0.1, 1.1] } },
    axes: [
      { label: 'time' },
      ...(hasSignals ? [{ scale: 'y', label: 'value' }] : []),
      ...(hasProps ? [{ scale: 'b', side: 1, label: 'true/false', splits: () => [0, 1], values: (_u: uPlot, v: number[]) => v.map((x) => (x === 1 ? 'true' : 'false')) }] : []),
    ],
    series: [
      { label: 'time' },
      ...data.signals.map((s, i) => ({
        label: s.name,
        stroke: colors[i % colors.length],
        scale: s.kind === 'proposition' ? 'b' : 'y',
        ...(s.kind === 'proposition' ? { paths: uPlot.paths.stepped!({ align: 1 }) } : {}),
      })),
    ],
  };
  return new uPlot(opts, [data.times, ...data.signals.map((s) => s.values)], target);
}

/** ±∞ drawn just outside the finite values, so a Boolean curve reads as a step and a margin stays legible. */
function displayed(values: readonly number[], bound: number): number[] {
  return values.map((v) => (v >= infinityOnTheWire ? bound : v <= -infinityOnTheWire ? -bound : v));
}

/** Where ±∞ is drawn: a quarter beyond the largest finite robustness of any subformula. */
function infinityBound(data: PlotData): number {
  let finite = 0;
  for (const n of data.nodes) for (const v of n.values) if (!isInf(v)) finite = Math.max(finite, Math.abs(v));
  return finite === 0 ? 1 : finite * 1.25;
}

function robustnessChart(data: PlotData, target: HTMLElement): uPlot {
  const bound = infinityBound(data);
  const top = data.nodes[0]!;
  const current = () => data.nodes[selected]!;
  // The legend shows the true value (±∞ included), not the drawn one.
  const series = (n: () => PlotNode, stroke: string, label: string): uPlot.Series => ({
    label,
    stroke,
    width: 2,
    scale: 'r',
    value: (_u, _v, _s, idx) => (idx === null || idx === undefined ? '' : shown(n().values[idx]!)),
  });
  const opts: uPlot.Options = {
    title: 'Robustness',
    width: width(),
    height: 260,
    scales: { x: { time: false }, r: { range: [-bound * 1.1, bound * 1.1] } },
    axes: [{ label: 'time' }, { scale: 'r', label: 'robustness', values: (_u, v) => v.map((x) => (Math.abs(x) >= bound ? (x > 0 ? '+∞' : '−∞') : shown(x))) }],
    series: [{ label: 'time' }, series(() => top, '#268bd2', `spec ${data.spec}`), series(current, '#d33682', 'selected')],
    plugins: [violationBands(() => falseRuns(current().values), data.times)],
  };
  return new uPlot(opts, [data.times, displayed(top.values, bound), displayed(current().values, bound)], target);
}

let caption: HTMLElement;
let robustness: uPlot | undefined;

function select(id: number): void {
  if (!plot || !plot.nodes[id]) return;
  selected = id;
  for (const s of root.querySelectorAll<HTMLElement>('.sub')) s.classList.toggle('selected', s.dataset.node === String(id));
  const n = plot.nodes[id]!;
  const text = nodeText(n);
  caption.textContent = `${text}: ${shown(n.values[0]!)} at t=${plot.times[0]}; ${n.firstFalse === null ? 'true at every plotted sample' : `first false at t=${plot.times[n.firstFalse]}`}`;
  if (robustness) {
    const bound = infinityBound(plot);
    // Scales recomputed (x from the times, y fixed by its range): keeping them would keep none when this
    // runs right after the chart is made, before uPlot has set them.
    robustness.setData([plot.times, displayed(plot.nodes[0]!.values, bound), displayed(n.values, bound)]);
  }
  vscode.postMessage({ type: 'selected', node: id, text, firstFalse: n.firstFalse === null ? null : plot.times[n.firstFalse]!, violationBands: falseRuns(n.values).length });
}

function render(data: PlotData): void {
  plot = data;
  selected = 0;
  for (const c of charts) c.destroy();
  charts = [];
  root.replaceChildren();
  const v = data.verdict;
  const header = el('header', v.satisfied ? 'verdict satisfied' : 'verdict violated');
  header.append(
    el('strong', undefined, `${data.spec}: ${v.satisfied ? 'satisfied' : `violated at t=${v.firstViolation}`}`),
    el('span', undefined, ` · robustness ${shown(v.robustness)} · ${data.trace}, ${data.samples} samples`),
  );
  root.append(header);
  if (data.shown < data.samples) root.append(el('p', 'note', `The plot shows the first ${data.shown} samples; the verdict is on all ${data.samples}.`));
  root.append(el('p', 'hint', 'Click a part of the formula to plot its robustness; shaded: where it is false.'));
  root.append(formulaView(data));
  caption = el('p', 'caption');
  root.append(caption);
  const signalBox = el('div', 'chart');
  const robustnessBox = el('div', 'chart');
  root.append(robustnessBox, signalBox);
  robustness = robustnessChart(data, robustnessBox);
  charts.push(robustness);
  const signals = signalsChart(data, signalBox);
  if (signals) charts.push(signals);
  select(0);
  vscode.postMessage({ type: 'rendered', charts: charts.length, signals: data.signals.length, nodes: data.nodes.length, violationBands: falseRuns(data.nodes[0]!.values).length });
}

window.addEventListener('message', (event: MessageEvent<ToPlotPage>) => {
  const m = event.data;
  try {
    if (m.type === 'plot') render(m.plot);
    else if (m.type === 'select') select(m.node);
  } catch (error) {
    vscode.postMessage({ type: 'error', message: error instanceof Error ? error.message : String(error) });
  }
});

window.addEventListener('resize', () => {
  for (const c of charts) c.setSize({ width: width(), height: c.height });
});

vscode.postMessage({ type: 'ready' });
