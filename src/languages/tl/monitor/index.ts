// The trace monitor's public entry (for `nesy monitor` and the editor): import from here.
export { columnsOf, comparisonMargin, traceSignals } from './atoms';
export { robustness, type AtomNode, type Signals } from './robustness';
export { parseTrace, readTrace, TraceError, TraceReader, type Trace, type TraceColumn, type TraceOptions } from './trace';
export {
  MonitorError,
  monitorDocument,
  monitorSpecs,
  listSpecs,
  selectSpecs,
  verdict,
  type MonitoredSpec,
  type NamedSpec,
  type SpecVerdict,
  type Verdict,
} from './specs';
export { OnlineMonitor, type VerdictChanges } from './online';
export { monitorStream, StreamingMonitor, type StreamingOptions } from './streaming';
