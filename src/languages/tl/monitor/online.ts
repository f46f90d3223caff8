// Online monitoring (`nesy monitor --follow`): a trace that grows while it is watched. Each update
// re-evaluates the specs on every sample so far (the verdict at the first sample of a finite trace
// can change with any new sample, under the LTLf semantics) and reports the verdicts that changed.
// That is O(samples) per update, so callers batch lines between updates rather than update per line.
import { monitorSpecs, type MonitoredSpec, type SpecVerdict } from './specs';
import { TraceReader, type TraceOptions } from './trace';

export interface VerdictChanges {
  /** The time of the last sample seen. */
  time: number;
  samples: number;
  /** The specs whose verdict changed since the last update (all of them the first time). */
  changed: SpecVerdict[];
  /** Every spec's current verdict. */
  verdicts: SpecVerdict[];
}

export class OnlineMonitor {
  private readonly reader: TraceReader;
  /** The last verdict of each spec, by position (two specs may share a name). */
  private last: SpecVerdict[] = [];
  private evaluatedSamples = 0;

  constructor(private readonly specs: readonly MonitoredSpec[], source: string, options: TraceOptions = {}) {
    this.reader = new TraceReader(source, options);
  }

  /** Feeds one line of the trace; throws TraceError on a bad row. */
  line(text: string): void {
    this.reader.line(text);
  }

  /** Re-evaluates when samples came in since the last update; undefined when none did. */
  update(): VerdictChanges | undefined {
    const count = this.reader.sampleCount;
    if (count === 0 || count === this.evaluatedSamples) return undefined;
    this.evaluatedSamples = count;
    // finish() does not close the reader: it views the samples read so far.
    const trace = this.reader.finish();
    const verdicts = monitorSpecs(this.specs, trace);
    const changed = verdicts.filter((v, i) => {
      const before = this.last[i];
      // Only the verdict: a first violation near the end of the prefix comes and goes as windows
      // that reach past the last sample fill in, which would be noise.
      return !before || before.satisfied !== v.satisfied;
    });
    this.last = verdicts;
    return { time: trace.times[trace.length - 1]!, samples: trace.length, changed, verdicts };
  }
}
