/**
 * @module report/html/section-shortfalls
 * Section "Shortfalls": final-use shortfall stacked by element and by importing region (t/month),
 * and the table of shortage episodes. Says so plainly when nothing was short.
 */
import type { MonthSeries, RunReport, ShortageEpisode } from "../report-model.js";
import { BASELINE_COLUMN_MEANING, baselinePeakText } from "../baseline-peak.js";
import { formatShare, formatTonnes } from "../number-format.js";
import { hasValues, orderElements } from "./derive.js";
import { reportWindow } from "../report-window.js";
import { chartFigure, legendHeightPx, legendOption, monthAxis, shadeBeforeWindow, valueAxis, type ChartLayout } from "./echarts-ssr.js";
import { elementColour, regionColour } from "./palette.js";
import { emptyMessage, renderHtmlTable } from "./tables.js";

/** Episodes listed before the rest are folded into a count. */
const MAX_EPISODE_ROWS = 30;

/** A stacked area chart of final-use shortfall series, t/month, the months before the window shaded. */
export function stackedArea(id: string, title: string, series: readonly MonthSeries[], colour: (label: string) => string, labels: readonly string[], windowFrom: string, widthPx: number): string {
  const shown = series.filter((s) => s.values.some((v) => v > 1e-9));
  const top = 32 + legendHeightPx(shown.map((s) => s.label), widthPx) + 14;
  return chartFigure({
    id, title, widthPx, heightPx: 300 + top - 64,
    option: {
      legend: legendOption(32, "block"),
      grid: { left: 70, right: 20, top, bottom: 52 }, xAxis: monthAxis(labels), yAxis: valueAxis("t/month of element content"),
      series: shadeBeforeWindow(shown.map((s) => ({
        type: "line" as const, name: s.label, data: [...s.values], stack: "total", symbol: "none", color: colour(s.label),
        lineStyle: { width: 1 }, areaStyle: { opacity: 0.75 },
      })), labels, windowFrom),
    },
  });
}

/** Options of `renderEpisodeTable`. */
export interface EpisodeTableOptions {
  /** `data-table` key. */
  readonly key: string;
  readonly caption: string;
  /** A region column (off in one region's view). @default true */
  readonly showRegion?: boolean;
}

/**
 * A table of shortage episodes, earliest first, with "began" when one was cut at the window's start and, when the report
 * has a comparison run, the baseline's peak share of need in the same months ("worse" when the episode's peak is at least 1.25 × it, "also" otherwise).
 */
export function renderEpisodeTable(report: RunReport, episodes: readonly ShortageEpisode[], { key, caption, showRegion = true }: EpisodeTableOptions): string {
  // With a comparison run, the baseline's peak in the same months, "also" when it had the episode too (then it is not the scenario's doing).
  const compared = report.baselineName !== undefined && episodes.some((e) => e.alsoInBaseline !== undefined);
  // Episodes cut at the window's start say when they began.
  const began = episodes.some((e) => e.beganMonth !== undefined);
  const w = reportWindow(report);
  const rows = [...episodes]
    .sort((a, b) => a.startMonth.localeCompare(b.startMonth) || b.totalTonnes - a.totalTonnes)
    .map((e) => [
      e.element, ...(showRegion ? [e.region] : []), e.stage, e.startMonth, e.endMonth, String(e.durationMonths),
      formatTonnes(e.peakTonnesPerMonth), formatShare(e.peakShareOfDemand), formatTonnes(e.totalTonnes),
      ...(began ? [e.beganMonth ?? "–"] : []),
      ...(compared ? [baselinePeakText(e)] : []),
    ]);
  return renderHtmlTable(
    [{ header: "Element" }, ...(showRegion ? [{ header: "Region" }] : []), { header: "Stage" }, { header: "Start" }, { header: "End" }, { header: "Months", align: "right" },
      { header: "Peak, t/month", align: "right" }, { header: "Peak, % of need", align: "right" }, { header: "Total, t", align: "right" },
      ...(began ? [{ header: `Began (before ${w.from})` }] : []),
      ...(compared ? [{ header: "Baseline peak, % of need, same months", align: "right" as const }] : [])],
    rows, { key, caption: compared ? `${caption}. Baseline peak: ${BASELINE_COLUMN_MEANING}` : caption, maxRows: MAX_EPISODE_ROWS, moreLabel: "later or smaller episodes" },
  );
}

function episodeTable(report: RunReport): string {
  const w = reportWindow(report);
  return renderEpisodeTable(report, report.shortages, {
    key: "shortage-episodes", caption: w.trimmed
      ? `Shortage episodes in ${w.label} (t of element content; stage 'use' is final demand unmet; an episode that began earlier is cut at ${w.from} and counts only the window's months)`
      : "Shortage episodes (t of element content; stage 'use' is final demand unmet)",
  });
}

/** Body of the shortfall section: two stacked charts and the episode table, or a "no shortfall" message. */
export function renderShortfallSection(report: RunReport, layout: ChartLayout): string {
  const w = reportWindow(report);
  const anySeries = hasValues(report.shortfallByElement) || hasValues(report.shortfallByRegion);
  if (!anySeries && report.shortages.length === 0) return emptyMessage("shortfalls", "No shortfall in this run: every region's demand was met in every month.");
  const byElement = [...report.shortfallByElement].sort((a, b) => orderElements([a.label, b.label]).indexOf(a.label) - orderElements([a.label, b.label]).indexOf(b.label));
  const charts = anySeries
    ? `<div class="chart-grid">\n${[
      stackedArea("shortfall-by-element", "Final-use shortfall by element", byElement, elementColour, report.monthLabels, w.from, layout.halfWidthPx),
      stackedArea("shortfall-by-region", "Final-use shortfall by importing region", report.shortfallByRegion, regionColour, report.monthLabels, w.from, layout.halfWidthPx),
    ].join("\n")}\n</div>`
    : emptyMessage("shortfall-series", "No final-use shortfall in this run (the episodes below are production lost at intermediate stages).");
  const table = report.shortages.length === 0 ? emptyMessage("shortage-episodes", `No shortage episodes in ${w.trimmed ? w.label : "this run"}.`) : episodeTable(report);
  return `${charts}\n${table}`;
}
