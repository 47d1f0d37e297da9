/**
 * @module report/html/section-prices
 * Section "Price paths by market": one chart per magnet element (China domestic vs ex-China,
 * linear US$/kg), the other elements on one log-scale chart, and the start/peak/end table.
 */
import type { PriceSummary, RunReport } from "../report-model.js";
import { MAGNET_ELEMENTS, orderElements, pricePairs, type PricePair } from "./derive.js";
import { BACKSTOP_NOTE } from "../backstop-note.js";
import { reportWindow } from "../report-window.js";
import { chartFigure, legendOption, monthAxis, shadeBeforeWindow, valueAxis, type ChartLayout, type ChartOption } from "./echarts-ssr.js";
import { escapeHtml, slugify } from "./escape.js";
import { formatUsdPerKg } from "./format.js";
import { elementColour, MARKET_COLOURS } from "./palette.js";
import { emptyMessage, renderHtmlTable, type HtmlColumn } from "./tables.js";

const PRICE_AXIS = "US$/kg of element";
const line = { type: "line" as const, symbol: "none", lineStyle: { width: 2 } };

function magnetChart(pair: PricePair, labels: readonly string[], windowFrom: string, widthPx: number): string {
  const lines = [
    ...(pair.china === undefined ? [] : [{ ...line, name: "China domestic", data: [...pair.china], color: MARKET_COLOURS.china }]),
    ...(pair.exChina === undefined ? [] : [{ ...line, name: "ex-China", data: [...pair.exChina], color: MARKET_COLOURS["ex-china"] }]),
  ];
  const series: ChartOption["series"] = shadeBeforeWindow(lines, labels, windowFrom);
  return chartFigure({
    id: `price-${slugify(pair.element)}`, title: `${pair.element} price by market`, widthPx, heightPx: 290,
    option: { legend: legendOption(), grid: { left: 70, right: 20, top: 64, bottom: 52 }, xAxis: monthAxis(labels), yAxis: valueAxis(PRICE_AXIS), series },
  });
}

/** A log axis cannot show zero or less: those months are left as gaps. */
const positive = (values: readonly number[]) => values.map((v) => (v > 0 ? v : null));

function otherElementsChart(pairs: readonly PricePair[], labels: readonly string[], windowFrom: string, widthPx: number): string {
  const series: ChartOption["series"] = shadeBeforeWindow(pairs.flatMap((p) => [
    ...(p.exChina === undefined ? [] : [{ ...line, name: p.element, data: positive(p.exChina), color: elementColour(p.element) }]),
    ...(p.china === undefined ? [] : [{ ...line, name: p.element, data: positive(p.china), color: elementColour(p.element), lineStyle: { width: 1.5, type: "dashed" as const } }]),
  ]), labels, windowFrom);
  return chartFigure({
    id: "price-other-elements", title: "Other elements: price by market (log scale)", widthPx, heightPx: 340,
    note: "Solid lines: ex-China market; dashed lines: China domestic market. Logarithmic price axis.",
    option: { legend: legendOption(), grid: { left: 70, right: 24, top: 64, bottom: 52 }, xAxis: monthAxis(labels), yAxis: valueAxis(PRICE_AXIS, { log: true }), series },
  });
}

/** The price columns of a table: start, peak, peak month (a peak in `lastMonth` is marked still rising), end, end vs start. */
export const PRICE_COLUMNS: readonly HtmlColumn[] = [
  { header: "Start, US$/kg", align: "right" }, { header: "Peak, US$/kg", align: "right" }, { header: "Peak month" }, { header: "End, US$/kg", align: "right" }, { header: "End vs start", align: "right" },
];

/** The cells under `PRICE_COLUMNS` for one price summary. */
export function priceCells(p: PriceSummary, lastMonth: string): string[] {
  return [
    formatUsdPerKg(p.startUsdPerKg), `${formatUsdPerKg(p.peakUsdPerKg)}${p.peakAtBackstop === true ? " (backstop)" : ""}`, p.peakMonth === lastMonth ? `${p.peakMonth} (end: still rising)` : p.peakMonth,
    formatUsdPerKg(p.endUsdPerKg), p.startUsdPerKg > 0 ? `${p.endUsdPerKg >= p.startUsdPerKg ? "+" : ""}${Math.round((100 * (p.endUsdPerKg - p.startUsdPerKg)) / p.startUsdPerKg)}%` : "–",
  ];
}

function priceTable(report: RunReport): string {
  const order = orderElements(report.prices.map((p) => p.element));
  // A peak in the run's last month is the horizon, not a turning point: the price was still rising (as the terminal says).
  const w = reportWindow(report);
  const lastMonth = w.to;
  const rows = [...report.prices]
    .sort((a, b) => order.indexOf(a.element) - order.indexOf(b.element) || a.market.localeCompare(b.market))
    .map((p) => [p.element, p.market === "china" ? "China domestic" : "ex-China", ...priceCells(p, lastMonth)]);
  const table = renderHtmlTable(
    [{ header: "Element" }, { header: "Market" }, ...PRICE_COLUMNS],
    rows, { key: "prices", caption: w.trimmed
      ? `Prices at the start of the window (${w.from}), their peak within it and at its end (${w.to}), US$/kg of element content`
      : "Prices at the start, peak and end of the run (US$/kg of element content)" },
  );
  return report.prices.some((p) => p.peakAtBackstop === true) ? `${table}\n<p class="muted">${escapeHtml(BACKSTOP_NOTE)}</p>` : table;
}

/** Body of the price section: magnet-element small multiples, a log chart of the rest, the summary table. */
export function renderPriceSection(report: RunReport, layout: ChartLayout): string {
  const pairs = pricePairs(report);
  if (pairs.length === 0) return emptyMessage("prices", "No prices were recorded in this run.");
  const magnets = pairs.filter((p) => MAGNET_ELEMENTS.includes(p.element));
  const others = pairs.filter((p) => !MAGNET_ELEMENTS.includes(p.element));
  const from = reportWindow(report).from;
  const grid = magnets.length === 0 ? "" : `<div class="chart-grid">\n${magnets.map((p) => magnetChart(p, report.monthLabels, from, layout.halfWidthPx)).join("\n")}\n</div>`;
  const rest = others.length === 0 ? "" : otherElementsChart(others, report.monthLabels, from, layout.fullWidthPx);
  return [grid, rest, report.prices.length === 0 ? "" : priceTable(report)].filter((s) => s !== "").join("\n");
}
