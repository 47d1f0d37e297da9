/**
 * @module report/html/echarts-ssr
 * Server-side rendering of ECharts options to inline SVG, and the shared look of every chart
 * (fonts, title, legend, axes with units). Only the charts and components the report uses are
 * registered. It draws at build time; the page ships no chart library.
 */
import { init, use, type ComposeOption } from "echarts/core";
import { BarChart, CustomChart, LineChart, SankeyChart } from "echarts/charts";
import type { BarSeriesOption, CustomSeriesOption, LineSeriesOption, SankeySeriesOption } from "echarts/charts";
import { GraphicComponent, GridComponent, LegendComponent, MarkAreaComponent, TitleComponent } from "echarts/components";
import { LabelLayout } from "echarts/features";
import type { GraphicComponentOption, GridComponentOption, LegendComponentOption, TitleComponentOption } from "echarts/components";
import { SVGRenderer } from "echarts/renderers";
import { escapeHtml } from "./escape.js";
import { tidyChartSvg } from "./svg-normalise.js";

use([LineChart, BarChart, SankeyChart, CustomChart, GridComponent, LegendComponent, TitleComponent, GraphicComponent, MarkAreaComponent, LabelLayout, SVGRenderer]);

/** The ECharts option subset the report draws with. */
export type ChartOption = ComposeOption<
  | LineSeriesOption | BarSeriesOption | SankeySeriesOption | CustomSeriesOption
  | GridComponentOption | LegendComponentOption | TitleComponentOption | GraphicComponentOption
>;

/** Arial-metric fonts first: SSR measures text with Helvetica/Arial widths, so labels then fit in the browser. */
export const CHART_FONT = "Helvetica, Arial, Liberation Sans, Arimo, sans-serif";
const INK = "#1d2733";
const MUTED = "#5a6472";

/** One chart to draw: its container id, title (drawn in the SVG), option (without title) and size in px. */
export interface ChartSpec {
  /** Stable id, used as `data-chart` and to scope the SVG's ids. Must be unique in the page. */
  readonly id: string;
  readonly title: string;
  readonly option: ChartOption;
  readonly widthPx: number;
  readonly heightPx: number;
  /** A line under the chart (plain text, escaped here). */
  readonly note?: string | undefined;
}

/** Render an option to an SVG string with the SSR renderer; animation off, instance disposed. */
export function renderChartSvg(option: ChartOption, widthPx: number, heightPx: number): string {
  const chart = init(null, null, { renderer: "svg", ssr: true, width: widthPx, height: heightPx });
  try {
    chart.setOption({ animation: false, textStyle: { fontFamily: CHART_FONT, color: INK }, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

/** A chart as a `<figure data-chart="id">` holding its inline SVG (title included) and an optional note. */
export function chartFigure(spec: ChartSpec): string {
  const option: ChartOption = { ...spec.option, title: { text: spec.title, left: 8, top: 6, textStyle: { fontSize: 14, fontWeight: 600, color: INK } } };
  const svg = tidyChartSvg(renderChartSvg(option, spec.widthPx, spec.heightPx), `c-${spec.id}`, escapeHtml(spec.title));
  const note = spec.note === undefined ? "" : `<figcaption>${escapeHtml(spec.note)}</figcaption>`;
  return `<figure class="chart" data-chart="${escapeHtml(spec.id)}">\n${svg}\n${note}</figure>`;
}

/** Rough px height of a plain legend holding `names` in `widthPx` (wraps like ECharts does). */
export function legendHeightPx(names: readonly string[], widthPx: number): number {
  let rows = 1;
  let x = 0;
  for (const name of names) {
    const w = 25 + 5 + name.length * 6.6 + 10;
    if (x + w > widthPx - 16 && x > 0) { rows++; x = 0; }
    x += w;
  }
  return rows * 20;
}

/** A legend under the title, `top` px from the top; swatches are short lines, or blocks for areas and bars. */
export function legendOption(top = 32, swatch: "line" | "block" = "line"): LegendComponentOption {
  const icon = swatch === "line" ? { icon: "rect", itemWidth: 20, itemHeight: 3 } : { icon: "roundRect", itemWidth: 14, itemHeight: 10 };
  return { type: "plain", top, left: 8, right: 8, ...icon, itemGap: 14, textStyle: { fontSize: 12, color: MUTED } };
}

/** Axis numbers: separators, one decimal below 10, `k`/`M` from 10,000 so tick labels never collide. */
export function formatAxisNumber(value: number): string {
  const abs = Math.abs(value);
  if (abs >= 1e6) return `${(value / 1e6).toLocaleString("en-US", { maximumFractionDigits: 1 })}M`;
  if (abs >= 1e4) return `${(value / 1e3).toLocaleString("en-US", { maximumFractionDigits: 1 })}k`;
  const digits = abs < 10 && value % 1 !== 0 ? 1 : 0;
  return value.toLocaleString("en-US", { maximumFractionDigits: digits });
}

const axisName = { color: MUTED, fontSize: 12 } as const;

/** A category x axis of month labels, named "Month". */
export function monthAxis(labels: readonly string[]) {
  return {
    type: "category" as const, data: [...labels], boundaryGap: false, name: "Month", nameLocation: "middle" as const, nameGap: 30,
    nameTextStyle: axisName, axisLabel: { color: MUTED, hideOverlap: true }, axisLine: { lineStyle: { color: "#9aa3ad" } },
  };
}

/**
 * Line series over a month axis with the months before the report's window (`--from`) shaded and labelled, so a
 * chart keeps the run's history but shows where the window starts. Unchanged when the window is the whole run.
 */
export function shadeBeforeWindow<T extends LineSeriesOption>(series: T[], labels: readonly string[], windowFrom: string): T[] {
  const from = labels.indexOf(windowFrom);
  const [first, ...rest] = series;
  if (from <= 0 || first === undefined) return series;
  const markArea = {
    silent: true, itemStyle: { color: "rgba(90, 100, 114, 0.10)" },
    label: { show: true, position: "insideTop" as const, color: MUTED, fontSize: 11, formatter: `before ${windowFrom}` },
    data: [[{ xAxis: labels[0] }, { xAxis: windowFrom }]] as NonNullable<LineSeriesOption["markArea"]>["data"],
  };
  return [{ ...first, markArea }, ...rest];
}

/** A value y axis named with its unit, e.g. "US$/kg of element". */
export function valueAxis(name: string, { log = false, max, nameGap = 54 }: { readonly log?: boolean; readonly max?: number; readonly nameGap?: number } = {}) {
  return {
    type: log ? ("log" as const) : ("value" as const), name, nameLocation: "middle" as const, nameGap, nameRotate: 90,
    nameTextStyle: axisName, ...(log ? {} : { min: 0 }), ...(max === undefined ? {} : { max }),
    axisLabel: { color: MUTED, formatter: formatAxisNumber }, splitLine: { lineStyle: { color: "#e6e9ed" } },
  };
}

/** Widths the chart builders lay out for, px. */
export interface ChartLayout {
  /** A chart spanning the content column. */
  readonly fullWidthPx: number;
  /** A chart in a two-column grid. */
  readonly halfWidthPx: number;
}
