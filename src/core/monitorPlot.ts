// The robustness plot of one spec on one trace, as the server sends it (nesy/monitorTrace, built by
// src/languages/tl/monitor/plot.ts) and the editor's plot page draws it (src/client/monitorPlot).
/** JSON has no infinities: ±Infinity travel as ±Number.MAX_VALUE, which no finite robustness reaches here. */
export const infinityOnTheWire = Number.MAX_VALUE;

export interface PlotNode {
  /** Preorder index; 0 is the whole formula. */
  id: number;
  parent: number | null;
  /** The subformula's text span, relative to the formula's text. */
  start: number;
  end: number;
  /** Robustness at each plotted sample (±infinityOnTheWire for ±∞). */
  values: number[];
  /** The first plotted sample where it is false (robustness ≤ 0), or null. */
  firstFalse: number | null;
}

export interface MonitorPlot {
  spec: string;
  /** The formula as written in the document. */
  formula: string;
  /** The verdict on the whole trace (robustness ±infinityOnTheWire for ±∞). */
  verdict: { satisfied: boolean; robustness: number; firstViolation: number | null };
  /** Samples in the trace, and how many the plot holds (the first ones). */
  samples: number;
  shown: number;
  times: number[];
  /** The columns the spec reads: propositions as 0/1, signals as numbers. */
  signals: { name: string; kind: 'proposition' | 'signal'; values: number[] }[];
  nodes: PlotNode[];
}

