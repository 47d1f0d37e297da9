/**
 * @module web/charts/echarts
 * The slice of ECharts the dashboard uses (line, bar and Sankey charts on the SVG renderer),
 * registered once. Importing `echarts/core` plus these parts keeps the bundle small.
 */
import { BarChart, LineChart, SankeyChart, type BarSeriesOption, type LineSeriesOption, type SankeySeriesOption } from "echarts/charts";
import {
  GridComponent, LegendComponent, MarkLineComponent, TooltipComponent,
  type GridComponentOption, type LegendComponentOption, type MarkLineComponentOption, type TooltipComponentOption,
} from "echarts/components";
import * as echarts from "echarts/core";
import { SVGRenderer } from "echarts/renderers";

echarts.use([LineChart, BarChart, SankeyChart, GridComponent, LegendComponent, TooltipComponent, MarkLineComponent, SVGRenderer]);

/** Options of the charts the dashboard draws. */
export type ChartOption = echarts.ComposeOption<
  | LineSeriesOption | BarSeriesOption | SankeySeriesOption | GridComponentOption | LegendComponentOption | TooltipComponentOption
  | MarkLineComponentOption
>;

export { echarts };
