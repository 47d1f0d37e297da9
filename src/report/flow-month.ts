/**
 * @module report/flow-month
 * Which month's flows a report opens on, and what each flow month is to the report: one rule for the HTML report and
 * the dashboard.
 */
import type { RunReport } from "./report-model.js";
import { reportWindow } from "./report-window.js";

type MonthsOfReport = Pick<RunReport, "shortfallByElement" | "monthLabels" | "window" | "scenario">;

/**
 * The month of the largest final-use shortfall (all elements, all regions, t) within the report's window, the first such
 * month on a tie; undefined when nothing was short there. A report trimmed by `--from` never opens on a month before
 * its window.
 */
export function largestShortfallMonth(report: MonthsOfReport): string | undefined {
  const from = Math.max(0, report.monthLabels.indexOf(reportWindow(report).from));
  const totals = report.monthLabels.map((_, m) => report.shortfallByElement.reduce((a, s) => a + (s.values[m] ?? 0), 0));
  let worst = from;
  for (let m = from; m < report.monthLabels.length; m++) if ((totals[m] ?? 0) > (totals[worst] ?? 0)) worst = m;
  return (totals[worst] ?? 0) > 0 ? report.monthLabels[worst] : undefined;
}

/** What a flow month is to the report: "largest shortfall", "start", "window start", "end" or "". */
export function flowMonthTag(report: MonthsOfReport, month: string): string {
  const w = reportWindow(report);
  if (month === largestShortfallMonth(report)) return "largest shortfall";
  if (month === w.from) return w.trimmed ? "window start" : "start";
  if (month === report.monthLabels[report.monthLabels.length - 1]) return "end";
  return "";
}
