/**
 * @module report/html/section-concentration
 * Sections "Concentration by stage" (China's share of each stage by month, and the table of top region, top
 * share, China share and HHI at the start and the end of the run) and "Where the content comes from" (the
 * China-origin share of ex-China regions' use of the magnet elements).
 */
import type { MonthSeries, RunReport } from "../report-model.js";
import { formatShare } from "../number-format.js";
import { reportWindow } from "../report-window.js";
import { chartFigure, legendOption, monthAxis, shadeBeforeWindow, valueAxis, type ChartLayout } from "./echarts-ssr.js";
import { regionColour, stageColour } from "./palette.js";
import { emptyMessage, renderHtmlTable } from "./tables.js";

const STAGE_NAMES: Record<string, string> = { mine: "Mining", separation: "Separation", metal: "Metal", magnet: "Magnets", use: "Use (demand)" };
const stageName = (stage: string) => STAGE_NAMES[stage] ?? stage;

function chinaShareChart(report: RunReport, widthPx: number): string {
  return chartFigure({
    id: "china-share-by-stage", title: "China's share of each stage", widthPx, heightPx: 320,
    option: {
      legend: legendOption(), grid: { left: 70, right: 24, top: 64, bottom: 52 },
      xAxis: monthAxis(report.monthLabels), yAxis: valueAxis("% of world total", { max: 100 }),
      series: shadeBeforeWindow(report.chinaShareByStage.map((s) => ({
        type: "line" as const, name: stageName(s.label), data: [...s.values], symbol: "none", color: stageColour(s.label), lineStyle: { width: 2 },
      })), report.monthLabels, reportWindow(report).from),
    },
  });
}

function concentrationTable(report: RunReport): string {
  const pp = (a: number, b: number) => { const d = Math.round(100 * (b - a)); return `${d > 0 ? "+" : ""}${d} pp`; };
  const rows = report.concentration.map((c) => [
    stageName(c.stage),
    c.atStart.topRegion, formatShare(c.atStart.topShare), formatShare(c.atStart.chinaShare), Math.round(c.atStart.hhi).toLocaleString("en-US"),
    c.atEnd.topRegion, formatShare(c.atEnd.topShare), formatShare(c.atEnd.chinaShare), Math.round(c.atEnd.hhi).toLocaleString("en-US"),
    pp(c.atStart.chinaShare, c.atEnd.chinaShare),
  ]);
  const w = reportWindow(report);
  const first = w.from;
  const last = w.to;
  return renderHtmlTable(
    [{ header: "Stage" }, { header: `Top region ${first}` }, { header: "Top share", align: "right" }, { header: "China share", align: "right" }, { header: "HHI", align: "right" },
      { header: `Top region ${last}` }, { header: "Top share", align: "right" }, { header: "China share", align: "right" }, { header: "HHI", align: "right" },
      { header: "China share change", align: "right" }],
    rows, { key: "concentration", caption: `Concentration at the ${w.trimmed ? "window's" : "run's"} first and last month (HHI 0–10,000; above 2,500 is highly concentrated)` },
  );
}

/** Body of the concentration section: the China-share chart and the start/end table. */
export function renderConcentrationSection(report: RunReport, layout: ChartLayout): string {
  const chart = report.chinaShareByStage.length === 0 ? emptyMessage("china-share", "No concentration series in this run.") : chinaShareChart(report, layout.fullWidthPx);
  const table = report.concentration.length === 0 ? "" : concentrationTable(report);
  return `${chart}\n${table}`;
}

/** A line per region of the China-origin share of its use of Nd, Pr, Dy and Tb, % by month, the months before the window shaded. */
export function chinaOriginChart(report: RunReport, series: readonly MonthSeries[], { id, title, widthPx, heightPx = 320 }: { readonly id: string; readonly title: string; readonly widthPx: number; readonly heightPx?: number }): string {
  return chartFigure({
    id, title, widthPx, heightPx,
    option: {
      legend: legendOption(), grid: { left: 70, right: 24, top: 64, bottom: 52 },
      xAxis: monthAxis(report.monthLabels), yAxis: valueAxis("% of the region's use", { max: 100 }),
      series: shadeBeforeWindow(series.map((s) => ({
        type: "line" as const, name: s.label, data: [...s.values], symbol: "none", color: regionColour(s.label), lineStyle: { width: 2 },
      })), report.monthLabels, reportWindow(report).from),
    },
  });
}

/** Body of the provenance section: China-origin share by region over time, and by region and element, first and last year. */
export function renderOriginSection(report: RunReport, layout: ChartLayout): string {
  if (report.chinaOrigin.length === 0) return emptyMessage("provenance", "Origins were not recorded for this run.");
  const elements = [...new Set(report.chinaOrigin.map((x) => x.element))];
  const regions = [...new Set(report.chinaOrigin.map((x) => x.region))];
  const periods = report.chinaOriginPeriods;
  const rows = regions.map((region) => [region, ...elements.flatMap((element) => {
    const x = report.chinaOrigin.find((c) => c.region === region && c.element === element);
    return x === undefined ? ["–", "–"] : [formatShare(x.firstYearShare), formatShare(x.lastYearShare)];
  })]);
  const table = renderHtmlTable(
    [{ header: "Region" }, ...elements.flatMap((e) => [{ header: `${e} ${periods.first}`, align: "right" as const }, { header: `${e} ${periods.last}`, align: "right" as const }])],
    rows, { key: "provenance", caption: `Share of each region's use separated in China (mined there, for concentrate), ${periods.first} and ${periods.last}` },
  );
  const chart = chinaOriginChart(report, report.chinaOriginByRegion, { id: "china-origin-by-region", title: "Share of Nd, Pr, Dy and Tb used that was separated in China", widthPx: layout.fullWidthPx });
  return `${chart}\n${table}`;
}
