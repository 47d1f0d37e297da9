/**
 * @module report/html/section-timeline
 * Section "Policy timeline": a Gantt-like chart of when each policy is in force (gaps are
 * suspensions) and the table with windows and references. Windows may be months or days.
 */
import type { RunReport, TimelineEntry } from "../report-model.js";
import { chartFigure, legendOption, type ChartLayout, type ChartOption } from "./echarts-ssr.js";
import { linkifyText } from "./escape.js";
import { formatWhen, monthLabelAt, monthPosition } from "./format.js";
import { indexedColour } from "./palette.js";
import { emptyMessage, renderHtmlTable } from "./tables.js";

type Bar = [fromMonth: number, untilMonth: number, row: number];

/** Windows of an entry as clipped month positions [from, until) on the run's axis. */
function bars(entry: TimelineEntry, row: number, start: string, months: number): Bar[] {
  return entry.windows
    .map((w): Bar => [Math.max(0, monthPosition(start, w.from)), Math.min(months, w.until === undefined ? months : monthPosition(start, w.until)), row])
    .filter(([a, b]) => b > a);
}

/** Gaps between consecutive windows: the suspensions. */
function gaps(entry: TimelineEntry): { from: string; until: string | undefined }[] {
  const out: { from: string; until: string | undefined }[] = [];
  entry.windows.forEach((w, i) => {
    const next = entry.windows[i + 1];
    if (next !== undefined && w.until !== undefined && w.until < next.from) out.push({ from: w.until, until: next.from });
  });
  return out;
}

const drawBar = (dashed: boolean) => (_params: unknown, api: { value: (dim: number) => unknown; coord: (v: number[]) => number[]; size?: (v: number[]) => number | number[]; visual: (key: "color") => unknown }) => {
  const [x0 = 0, y = 0] = api.coord([Number(api.value(0)), Number(api.value(2))]);
  const [x1 = 0] = api.coord([Number(api.value(1)), Number(api.value(2))]);
  const band = api.size?.([0, 1]);
  const h = (Array.isArray(band) ? band[1] ?? 20 : 20) * (dashed ? 0.5 : 0.56);
  const style = dashed ? { fill: "none", stroke: "#8a8f98", lineWidth: 1.2, lineDash: [4, 3] } : { fill: String(api.visual("color")) };
  return { type: "rect" as const, shape: { x: x0, y: y - h / 2, width: Math.max(1, x1 - x0), height: h, r: dashed ? 0 : 3 }, style };
};

function timelineChart(report: RunReport, widthPx: number): string {
  const start = report.monthLabels[0] ?? report.scenario.startMonth;
  const months = report.monthLabels.length;
  const kinds = [...new Set(report.timeline.map((t) => t.kind))];
  const suspended = report.timeline.flatMap((t, row) => gaps(t).map((g): Bar => [Math.max(0, monthPosition(start, g.from)), Math.min(months, g.until === undefined ? months : monthPosition(start, g.until)), row]));
  const series: ChartOption["series"] = kinds.map((kind, i) => ({
    type: "custom" as const, name: kind.replace(/_/g, " "), color: indexedColour(i), encode: { x: [0, 1], y: 2 },
    data: report.timeline.flatMap((t, row) => (t.kind === kind ? bars(t, row, start, months) : [])), renderItem: drawBar(false),
  }));
  if (suspended.length > 0) series.push({ type: "custom", name: "suspended", color: "#8a8f98", encode: { x: [0, 1], y: 2 }, data: suspended, renderItem: drawBar(true) });
  const step = months <= 24 ? 3 : months <= 60 ? 6 : 12;
  return chartFigure({
    id: "policy-timeline", title: "Policies in force", widthPx, heightPx: 130 + 34 * report.timeline.length,
    option: {
      legend: legendOption(32, "block"), grid: { left: 290, right: 28, top: 62, bottom: 48 },
      xAxis: {
        type: "value", min: 0, max: months, interval: step, name: "Month (bars: in force; dashed: suspended)", nameLocation: "middle", nameGap: 30,
        nameTextStyle: { color: "#5a6472" }, axisLabel: { color: "#5a6472", formatter: (v: number) => monthLabelAt(start, v) }, splitLine: { lineStyle: { color: "#e6e9ed" } },
      },
      yAxis: {
        type: "category", data: report.timeline.map((t) => t.title), inverse: true, axisTick: { show: false },
        axisLabel: { width: 276, overflow: "truncate", color: "#1d2733" },
      },
      series,
    },
  });
}

function timelineTable(report: RunReport): string {
  const span = (w: { from: string; until: string | undefined }) => `${w.from} → ${formatWhen(w.until)}`;
  const rows = report.timeline.map((t) => [t.title, t.kind.replace(/_/g, " "), `${t.effect === undefined ? "" : `${t.effect}; policy `}${t.windows.map(span).join("; ") || "never in this run"}`, gaps(t).map(span).join("; ") || "–", linkifyText(t.reference || "–")]);
  return renderHtmlTable(
    [{ header: "Policy" }, { header: "Kind" }, { header: "In force (until is exclusive)" }, { header: "Suspended" }, { header: "Reference", html: true }],
    rows, { key: "policy-timeline", caption: "Policies and their references" },
  );
}

/** Body of the timeline section: the Gantt chart and the reference table, or "no policies". */
export function renderTimelineSection(report: RunReport, layout: ChartLayout): string {
  if (report.timeline.length === 0) return emptyMessage("timeline", "No policies are in force in this run.");
  return `${timelineChart(report, layout.fullWidthPx)}\n${timelineTable(report)}`;
}
