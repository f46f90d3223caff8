// What the predictions report page (src/webview/predictionsReport.ts) shows, built from the server's report
// (nesy/checkPredictions): the rules table, and the images worst first, each with its rules and their
// violation maps. Plain data, so the extension can post it to the page and a node test can check it. Also
// the messages between the two.
import type { RunReport } from '../../cli/predictions/report';
import { worstText } from '../../languages/fol/tally';

export interface RuleRow {
  name: string;
  kind: string;
  violation_rate: number;
  fuzzy_truth: number;
  /** The worst samples, as "file@x,y (truth)". */
  worst: string;
}

export interface ImageRule {
  name: string;
  violation_rate: number;
  fuzzy_truth: number;
  /** The violation map's webview URI, where one was drawn (violated rules of images). */
  map?: string;
}

export interface ImageRow {
  file: string;
  samples: number;
  /** Rules violated at the threshold somewhere in the image. */
  violated: number;
  /** The rule with the lowest fuzzy truth on this image and that truth. */
  lowest?: { rule: string; fuzzy_truth: number };
  /** Lowest fuzzy truth first. */
  rules: ImageRule[];
}

export interface ReportView {
  title: string;
  summary: string;
  rules: RuleRow[];
  skipped: { name: string; reason: string }[];
  /** Worst first: the lowest fuzzy truth of any rule, then the most rules violated, then by name. */
  images: ImageRow[];
}

/** Extension to page: the report to draw; an image's rule map to show (what a click on the rule does). */
export type ToView = { type: 'report'; view: ReportView } | { type: 'select'; file: string; rule: string };

/** Webview to extension: it is ready for the report; what it rendered; a map that loaded (or did not). */
export type FromView =
  | { type: 'ready' }
  | { type: 'rendered'; rules: number; images: number; maps: number }
  | { type: 'mapShown'; file: string; rule: string; width: number; height: number }
  | { type: 'mapFailed'; file: string; rule: string };

export function worstFirst(a: ImageRow, b: ImageRow): number {
  const ta = a.lowest?.fuzzy_truth ?? Infinity;
  const tb = b.lowest?.fuzzy_truth ?? Infinity;
  if (ta !== tb) return ta - tb;
  if (a.violated !== b.violated) return b.violated - a.violated;
  return a.file < b.file ? -1 : a.file > b.file ? 1 : 0;
}

/** `mapUri` turns a PNG's path into what the webview may load. */
export function reportView(report: RunReport, options: { title: string; threshold: number; mapUri: (png: string) => string }): ReportView {
  const maps = new Map<string, string>();
  for (const m of report.maps ?? []) maps.set(`${m.file}\n${m.rule}`, options.mapUri(m.png));
  const images: ImageRow[] = (report.images ?? []).map((img) => {
    const rules = img.rules
      .map((r) => {
        const map = maps.get(`${img.file}\n${r.name}`);
        return { name: r.name, violation_rate: r.violation_rate, fuzzy_truth: r.fuzzy_truth, ...(map ? { map } : {}) };
      })
      .sort((a, b) => a.fuzzy_truth - b.fuzzy_truth || (a.name < b.name ? -1 : 1));
    const first = rules[0];
    return {
      file: img.file,
      samples: img.samples,
      violated: rules.filter((r) => r.violation_rate > 0).length,
      ...(first ? { lowest: { rule: first.name, fuzzy_truth: first.fuzzy_truth } } : {}),
      rules,
    };
  });
  const files = report.files ?? 1;
  return {
    title: options.title,
    summary: `${report.samples} samples in ${files} file${files === 1 ? '' : 's'}, ${report.rules.length} rules, threshold ${options.threshold}`,
    rules: report.rules.map((r) => ({
      name: r.name,
      kind: r.kind,
      violation_rate: r.violation_rate,
      fuzzy_truth: r.fuzzy_truth,
      worst: worstText(r.worst),
    })),
    skipped: report.skipped,
    images: images.sort(worstFirst),
  };
}
