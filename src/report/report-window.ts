/**
 * @module report/report-window
 * The reporting window of a run report as the views word it: the months its summaries cover, and whether `--from`
 * trimmed them. Computes no model figures.
 */
import type { RunReport } from "./report-model.js";

/** The months a report's summaries cover. */
export interface ReportWindowView {
  /** First and last month, `YYYY-MM`. */
  readonly from: string;
  readonly to: string;
  /** The run's first month (before `from` when trimmed). */
  readonly runStart: string;
  /** True when the window starts after the run does (`--from`). */
  readonly trimmed: boolean;
  /** "2026-01 – 2033-12", or one month "2026-03". */
  readonly label: string;
}

/** The window of a report; a report saved before windows existed covers its whole run. */
export function reportWindow(report: Pick<RunReport, "window" | "monthLabels" | "scenario">): ReportWindowView {
  const runStart = report.monthLabels[0] ?? report.scenario.startMonth;
  const from = report.window?.from ?? runStart;
  const to = report.window?.to ?? report.monthLabels[report.monthLabels.length - 1] ?? runStart;
  return { from, to, runStart, trimmed: from > runStart, label: from === to ? from : `${from} – ${to}` };
}
