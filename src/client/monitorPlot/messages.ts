// The messages between the extension and the robustness plot page (src/webview/monitorPlot.ts).
import type { MonitorPlot } from '../../core/monitorPlot';

export type PlotData = MonitorPlot & {
  /** The trace's file name. */
  trace: string;
};

/** Extension to page: the plot to draw; a subformula to show (what a click on it does). */
export type ToPlotPage = { type: 'plot'; plot: PlotData } | { type: 'select'; node: number };

/** Page to extension: ready for the plot; what it drew; which subformula's curve it shows now. */
export type FromPlotPage =
  | { type: 'ready' }
  | { type: 'rendered'; charts: number; signals: number; nodes: number; violationBands: number }
  | { type: 'selected'; node: number; text: string; firstFalse: number | null; violationBands: number }
  | { type: 'error'; message: string };
