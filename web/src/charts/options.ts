/**
 * @module web/charts/options
 * Pure builders of the ECharts options the dashboard draws: month series (prices, shortfalls,
 * shares), grouped bars and the flow Sankey. Every value axis is named with its unit. No DOM.
 */
import type { FlowGraph } from "../../../src/analysis/report-model.js";
import { formatCompact, formatTonnes } from "../lib/format.js";
import type { ChartOption } from "./echarts.js";
import { INK, regionColour } from "./palette.js";

const FONT = "Inter, 'Segoe UI', system-ui, -apple-system, Roboto, 'Helvetica Neue', Arial, 'DejaVu Sans', sans-serif";

/** One line of a month chart. */
export interface LineSpec {
  /** Legend name; a dashed line shares its solid twin's name, so one legend entry toggles both. */
  readonly name: string;
  readonly values: readonly number[];
  readonly color: string;
  /** Dashed: the reference (scenario as written, or run B); the tooltip adds `MonthChartSpec.dashedLabel`. */
  readonly dashed?: boolean;
  /** Fill under the line, stacked on the lines with the same `stack`. */
  readonly stack?: string;
  /** The tooltip's name when the legend's is cut short, e.g. a sector's full name beside its short name. */
  readonly fullName?: string;
}

/** A chart of values by month. */
export interface MonthChartSpec {
  readonly months: readonly string[];
  readonly lines: readonly LineSpec[];
  /** Value axis name with its unit, e.g. "US$/kg of element". */
  readonly valueAxisName: string;
  readonly formatValue: (value: number) => string;
  readonly min?: number;
  readonly max?: number;
  /** What dashed lines are, for the tooltip, e.g. "as written". @default "reference" */
  readonly dashedLabel?: string;
  /** A month to mark with a vertical rule (e.g. when what-if measures start), with its label. */
  readonly markMonth?: { readonly month: string; readonly label: string } | undefined;
}

const baseText = { fontFamily: FONT, color: INK.text };

function valueAxis(name: string, formatValue: (v: number) => string, min?: number, max?: number) {
  return {
    type: "value" as const, name, nameLocation: "end" as const, nameGap: 14,
    nameTextStyle: { color: INK.muted, fontSize: 11, align: "left" as const, fontFamily: FONT },
    axisLabel: { color: INK.muted, fontSize: 11, formatter: (v: number) => formatValue(v), fontFamily: FONT },
    splitLine: { lineStyle: { color: INK.faint } },
    ...(min === undefined ? {} : { min }), ...(max === undefined ? {} : { max }),
  };
}

function monthAxis(months: readonly string[]) {
  return {
    type: "category" as const, data: [...months], boundaryGap: false, name: "month", nameLocation: "middle" as const, nameGap: 28,
    nameTextStyle: { color: INK.muted, fontSize: 11, fontFamily: FONT },
    axisLabel: { color: INK.muted, fontSize: 11, fontFamily: FONT, hideOverlap: true },
    axisLine: { lineStyle: { color: INK.rule } }, axisTick: { alignWithLabel: true, lineStyle: { color: INK.rule } },
  };
}

/** Lines (or stacked areas) by month. */
export function monthChartOption(spec: MonthChartSpec): ChartOption {
  return {
    textStyle: baseText,
    grid: { left: 16, right: 24, top: 56, bottom: 36 },
    legend: { top: 0, left: 0, type: "scroll", icon: "roundRect", itemWidth: 16, itemHeight: 3, textStyle: { ...baseText, fontSize: 12 } },
    tooltip: { trigger: "axis", textStyle: { fontFamily: FONT, fontSize: 12 }, formatter: monthTooltip(spec) },
    xAxis: monthAxis(spec.months),
    yAxis: valueAxis(spec.valueAxisName, (v) => formatCompact(v), spec.min, spec.max),
    series: spec.lines.map((line, i) => ({
      type: "line" as const, name: line.name, data: [...line.values], symbol: "none", smooth: false,
      color: line.color, lineStyle: { width: line.dashed === true ? 1.6 : 2, type: line.dashed === true ? ("dashed" as const) : ("solid" as const) },
      ...(line.stack === undefined ? {} : { stack: line.stack, areaStyle: { opacity: 0.55 } }),
      emphasis: { focus: "series" as const },
      ...(i === 0 && spec.markMonth !== undefined && spec.months.includes(spec.markMonth.month) ? {
        markLine: {
          symbol: "none", silent: true, animation: false,
          label: { formatter: spec.markMonth.label, color: INK.muted, fontSize: 11, fontFamily: FONT, position: "end" as const },
          lineStyle: { color: INK.muted, type: "dotted" as const, width: 1 }, data: [{ xAxis: spec.markMonth.month }],
        },
      } : {}),
    })),
  };
}

/** The axis tooltip of a month chart: the month, then one row per line with its value (HTML, escaped). */
function monthTooltip(spec: MonthChartSpec) {
  return (params: unknown): string => {
    const rows = (Array.isArray(params) ? params : [params]) as { axisValueLabel?: string; seriesIndex?: number; seriesName?: string; value?: unknown; color?: unknown }[];
    const head = escapeText(rows[0]?.axisValueLabel ?? "");
    const body = rows.map((r) => {
      const line = spec.lines[r.seriesIndex ?? -1];
      const name = `${line?.fullName ?? r.seriesName ?? ""}${line?.dashed === true ? ` (${spec.dashedLabel ?? "reference"})` : ""}`;
      const value = typeof r.value === "number" ? spec.formatValue(r.value) : "–";
      const colour = typeof r.color === "string" ? r.color : "#888";
      const swatch = `<span style="display:inline-block;width:14px;height:0;border-top:2px ${line?.dashed === true ? "dashed" : "solid"} ${escapeText(colour)};margin-right:6px;vertical-align:middle"></span>`;
      return `<div style="display:flex;justify-content:space-between;gap:16px"><span>${swatch}${escapeText(name)}</span><b>${escapeText(value)}</b></div>`;
    });
    return `<div style="font-weight:600;margin-bottom:4px">${head}</div>${body.join("")}`;
  };
}

/** A round upper bound for an axis holding values up to `value` (1, 2, 2.5, 5 × 10^k). */
export function niceCeiling(value: number): number {
  if (!(value > 0)) return 1;
  const power = 10 ** Math.floor(Math.log10(value));
  const step = [1, 2, 2.5, 5, 10].find((m) => m * power >= value) ?? 10;
  return step * power;
}

/** Horizontal bars, one row per category and one bar per group (e.g. run A and run B). */
export function groupedBarOption(spec: {
  readonly categories: readonly string[];
  readonly groups: readonly { readonly name: string; readonly values: readonly number[]; readonly color: string }[];
  readonly valueAxisName: string;
  readonly formatValue: (value: number) => string;
  /** Fixed ends of the value axis (e.g. 0–100 for percent). */
  readonly min?: number;
  readonly max?: number;
}): ChartOption {
  return {
    textStyle: baseText,
    grid: { left: 16, right: 32, top: 40, bottom: 28 },
    legend: { top: 0, left: 0, textStyle: { ...baseText, fontSize: 12 } },
    tooltip: { trigger: "axis", axisPointer: { type: "shadow" }, valueFormatter: (v) => (typeof v === "number" ? spec.formatValue(v) : String(v)) },
    yAxis: { type: "category", data: [...spec.categories], inverse: true, axisLabel: { color: INK.text, fontSize: 12, fontFamily: FONT }, axisLine: { lineStyle: { color: INK.rule } }, axisTick: { show: false } },
    xAxis: { ...valueAxis(spec.valueAxisName, (v) => formatCompact(v), spec.min, spec.max), nameLocation: "middle", nameGap: 24, nameTextStyle: { color: INK.muted, fontSize: 11, fontFamily: FONT } },
    series: spec.groups.map((g) => ({ type: "bar" as const, name: g.name, data: [...g.values], color: g.color, barMaxWidth: 14, barGap: "20%" })),
  };
}

const SANKEY_STAGES = ["mine", "separation", "metal", "magnet", "use"] as const;

/** The stages a flow graph uses, in chain order (columns of the Sankey). */
export function sankeyStages(graph: FlowGraph): string[] {
  const used = new Set(graph.links.filter((l) => l.tonnes > 0).flatMap((l) => [l.source, l.target]));
  const stages = new Set(graph.nodes.filter((n) => used.has(n.id)).map((n) => n.stage));
  return [...SANKEY_STAGES.filter((s) => stages.has(s)), ...[...stages].filter((s) => !(SANKEY_STAGES as readonly string[]).includes(s))];
}

/** A Sankey of one month's flows (node colour: region; link colour: the region it leaves). */
export function sankeyOption(graph: FlowGraph): ChartOption {
  const links = graph.links.filter((l) => l.tonnes > 0);
  const used = new Set(links.flatMap((l) => [l.source, l.target]));
  const nodes = graph.nodes.filter((n) => used.has(n.id));
  const stages = sankeyStages(graph);
  const throughput = new Map<string, number>();
  for (const l of links) throughput.set(l.source, (throughput.get(l.source) ?? 0) + l.tonnes);
  const inflow = new Map<string, number>();
  for (const l of links) inflow.set(l.target, (inflow.get(l.target) ?? 0) + l.tonnes);
  const regionOf = (id: string) => id.slice(id.indexOf(":") + 1);
  return {
    textStyle: baseText,
    tooltip: {
      trigger: "item", textStyle: { fontFamily: FONT, fontSize: 12 },
      formatter: (p: unknown) => {
        const d = (p as { dataType?: string; data?: { source?: string; target?: string; value?: number; name?: string }; value?: number }) ?? {};
        if (d.dataType === "edge") return `${escapeText(d.data?.source ?? "")} → ${escapeText(d.data?.target ?? "")}<br>${formatTonnes(d.data?.value ?? 0)} t/month`;
        const name = d.data?.name ?? "";
        return `${escapeText(name)}<br>${formatTonnes(Math.max(throughput.get(name) ?? 0, inflow.get(name) ?? 0))} t/month`;
      },
    },
    series: [{
      type: "sankey", left: 8, right: 132, top: 8, bottom: 8, nodeWidth: 14, nodeGap: 10, layoutIterations: 64, draggable: false,
      emphasis: { focus: "adjacency" },
      data: nodes.map((n) => ({ name: n.id, depth: stages.indexOf(n.stage), itemStyle: { color: regionColour(regionOf(n.id)), borderWidth: 0 } })),
      links: links.map((l) => ({ source: l.source, target: l.target, value: l.tonnes })),
      lineStyle: { color: "source", opacity: 0.3, curveness: 0.5 },
      label: {
        fontSize: 11, color: INK.text, fontFamily: FONT,
        formatter: (p: { name?: string; value?: unknown }) => `${regionOf(p.name ?? "")}  ${formatTonnes(Number(p.value))} t`,
      },
      labelLayout: { hideOverlap: true },
    }],
  };
}

/** Tooltips are HTML in ECharts: escape the text we put in them. */
export function escapeText(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ({ "&": "&amp;", "<": "&lt;", ">": "&gt;", '"': "&quot;", "'": "&#39;" })[c] ?? c);
}
