/**
 * @module report/html-report
 * `renderHtmlReport`: one self-contained HTML file for a run (inline CSS, charts as inline SVG drawn
 * at build time with ECharts SSR, no script, nothing fetched). It lays out a `RunReport`; it computes
 * no model figures itself.
 */
import type { RunReport } from "./report-model.js";
import { renderPage } from "./html/page.js";
import type { RegionView } from "./region-view.js";

/** Options of `renderHtmlReport`. */
export interface HtmlReportOptions {
  /** Width of a full-width chart in px; half-width charts get the rest after a 16 px gap. @default 1040 */
  readonly chartWidthPx?: number;
  /** A plain-text line for the footer (no clock is read, so the output is reproducible). */
  readonly footerNote?: string;
  /** One region's view of the report (`--region`, from `regionView`): the page opens on it, after the answer in brief. */
  readonly regionView?: RegionView;
}

/**
 * Render a run report as a self-contained HTML document (UTF-8 string). All text from the report
 * is escaped; the same report and options always give the same bytes.
 * @example
 * import { writeFileSync } from "node:fs";
 * writeFileSync("report.html", renderHtmlReport(report, { footerNote: "chokepoint run scenarios/dy-ban.yaml" }));
 */
export function renderHtmlReport(report: RunReport, { chartWidthPx = 1040, footerNote, regionView }: HtmlReportOptions = {}): string {
  const halfWidthPx = Math.floor((chartWidthPx - 16) / 2);
  return renderPage(report, { layout: { fullWidthPx: chartWidthPx, halfWidthPx }, footerNote, regionView });
}
