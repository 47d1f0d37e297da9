/**
 * @module report/html/section-products
 * Section "End products lost": for each unit (vehicles, MW, …) a bar chart by sector and region
 * and a chart of the monthly losses, then the table. Sectors with different units never share an axis.
 */
import { differenceOf, endProductNote, hasBaselineLosses, magnetTonnesText, shortOfText, signedText } from "../end-products.js";
import type { EndProductLoss, EndProductPath, RunReport } from "../report-model.js";
import { lossesBySector, type SectorLoss } from "./derive.js";
import { reportWindow } from "../report-window.js";
import { chartFigure, legendHeightPx, legendOption, monthAxis, shadeBeforeWindow, valueAxis, type ChartLayout } from "./echarts-ssr.js";
import { escapeHtml, slugify } from "./escape.js";
import { formatUnits, pluralUnit, shortSectorName } from "./format.js";
import { indexedColour, regionColour } from "./palette.js";
import { emptyMessage, renderHtmlTable } from "./tables.js";

interface UnitGroup {
  readonly unit: string;
  /** Regions in one order for every chart: largest total loss first. */
  readonly regionOrder: readonly string[];
  readonly sectors: readonly SectorLoss[];
  readonly paths: readonly EndProductPath[];
}

function unitGroups(report: RunReport): UnitGroup[] {
  const sectors = lossesBySector(report);
  const units = [...new Set([...sectors.map((s) => s.unit), ...report.endProductsLostPaths.map((p) => p.unit)])];
  const totals = new Map<string, number>();
  for (const l of report.endProductsLost) totals.set(l.region, (totals.get(l.region) ?? 0) + l.totalUnits);
  const regionOrder = [...totals.keys()].sort((a, b) => (totals.get(b) ?? 0) - (totals.get(a) ?? 0) || a.localeCompare(b));
  return units.map((unit) => {
    const inUnit = sectors.filter((s) => s.unit === unit);
    const paths = report.endProductsLostPaths.filter((p) => p.unit === unit && p.values.some((v) => v > 0));
    return { unit, regionOrder, sectors: inUnit, paths };
  });
}

const regionsOf = (group: UnitGroup) => group.regionOrder.filter((region) => group.sectors.some((s) => s.byRegion.some((r) => r.region === region)));
// Paths are labelled with the sector's full name: shown by the world's short name they carry, as the bars and the table
// show it (reports saved before paths carried it: the short name of a sector that lost units in the window, else a cut of the full name).
const pathNames = (group: UnitGroup) => group.paths.map((p) => p.sectorShortName ?? group.sectors.find((s) => s.sectorName === p.label)?.sectorShortName ?? shortSectorName(p.label));

/** One height for both charts of a unit, so the two cards of a row line up; px. */
function rowHeightPx(group: UnitGroup, widthPx: number): number {
  const bars = 32 + legendHeightPx(regionsOf(group), widthPx) + 12 + 70 + 44 * group.sectors.length;
  const paths = 32 + legendHeightPx(pathNames(group), widthPx) + 12 + 220;
  return Math.max(group.sectors.length > 0 ? bars : 0, group.paths.length > 0 ? paths : 0, 280);
}

function barChart(group: UnitGroup, windowLabel: string | undefined, widthPx: number, heightPx: number): string {
  const regions = regionsOf(group);
  const top = 32 + legendHeightPx(regions, widthPx) + 12;
  const names = group.sectors.map((s) => s.sectorShortName);
  return chartFigure({
    id: `lost-${slugify(group.unit)}`, title: `Lost by sector and region, ${pluralUnit(group.unit)}${windowLabel === undefined ? "" : `, ${windowLabel}`}`, widthPx, heightPx,
    option: {
      legend: legendOption(32, "block"), grid: { left: 160, right: 28, top, bottom: 48 },
      yAxis: { type: "category", data: names, inverse: true, axisLabel: { width: 148, overflow: "truncate", color: "#1d2733" }, axisTick: { show: false } },
      xAxis: { ...valueAxis(pluralUnit(group.unit), { nameGap: 30 }), nameRotate: 0 },
      series: regions.map((region) => ({
        type: "bar" as const, name: region, stack: "lost", color: regionColour(region), barMaxWidth: 28,
        data: group.sectors.map((s) => s.byRegion.filter((r) => r.region === region).reduce((a, r) => a + r.totalUnits, 0)),
      })),
    },
  });
}

function pathChart(group: UnitGroup, labels: readonly string[], windowFrom: string, widthPx: number, heightPx: number): string {
  const names = pathNames(group);
  const top = 32 + legendHeightPx(names, widthPx) + 12;
  return chartFigure({
    id: `lost-path-${slugify(group.unit)}`, title: `Lost per month, ${pluralUnit(group.unit)}`, widthPx, heightPx,
    option: {
      legend: legendOption(), grid: { left: 70, right: 20, top, bottom: 52 }, xAxis: monthAxis(labels), yAxis: valueAxis(`${pluralUnit(group.unit)} per month`),
      series: shadeBeforeWindow(group.paths.map((p, i) => ({ type: "line" as const, name: names[i] ?? p.label, data: [...p.values], symbol: "none", color: indexedColour(i), lineStyle: { width: 2 } })), labels, windowFrom),
    },
  });
}

/** Whether a report's end products lost carry a comparison with its baseline run. */
export function lossesCompared(report: Pick<RunReport, "baselineName" | "endProductsLost">): boolean {
  return report.baselineName !== undefined && hasBaselineLosses(report.endProductsLost);
}

/** "+30,110" or "−338": the units this scenario caused, against the baseline. */
const differenceText = (x: EndProductLoss) => signedText(differenceOf(x), formatUnits);

/**
 * One loss as a list item of a card: the run's units (with a baseline: the difference from it, what this scenario
 * caused), the unit, the magnet they hold, the sector by its short name and the region; with a baseline, both runs'
 * losses in grey. `showRegion: false` in one region's own card.
 */
export function renderLossItem(x: EndProductLoss, { compared, showRegion = true }: { readonly compared: boolean; readonly showRegion?: boolean }): string {
  const units = compared ? differenceOf(x) : x.totalUnits;
  const magnet = x.magnetKgPerUnit === undefined ? "" : ` (${magnetTonnesText(x, units, { signed: compared })} magnet)`;
  const figure = compared ? differenceText(x) : formatUnits(x.totalUnits);
  const both = compared ? ` · ${formatUnits(x.totalUnits)} lost, ${formatUnits(x.baselineTotalUnits ?? 0)} in the baseline` : "";
  return `<li><strong>${escapeHtml(figure)}</strong> ${escapeHtml(pluralUnit(x.unit))}${escapeHtml(magnet)} <span class="muted">· ${escapeHtml(x.sectorShortName ?? shortSectorName(x.sectorName))}${showRegion ? ` · <strong>${escapeHtml(x.region)}</strong>` : ""}${escapeHtml(both)}</span></li>`;
}

/** The note under a view of end products: what each unit shown is, from the world's end products (its caveat with it). */
export function renderUnitNote(losses: readonly EndProductLoss[], key: string): string {
  const note = endProductNote(losses);
  return note === undefined ? "" : `<p class="table-note" data-end-product-units="${escapeHtml(key)}">${escapeHtml(note)}</p>`;
}

/**
 * A table of end products lost, by sector (largest first) and region, with the magnet the units hold, the worst month
 * and what the region was short of; with a baseline run, what the baseline lost in the same months and the difference.
 * `showRegion: false` in one region's view. A note under it says what each unit is.
 */
export function renderLossTable(report: RunReport, { key, showRegion = true }: { readonly key: string; readonly showRegion?: boolean }): string {
  const w = reportWindow(report);
  const compared = lossesCompared(report);
  const rows = lossesBySector(report).flatMap((s) =>
    s.byRegion.map((r) => [s.sectorShortName, ...(showRegion ? [r.region] : []), formatUnits(r.totalUnits), pluralUnit(r.unit), magnetTonnesText(r, r.totalUnits, { unit: false }),
      ...(compared ? [formatUnits(r.baselineTotalUnits ?? 0), differenceText(r)] : []), r.peakMonth, shortOfText(r)]));
  const table = renderHtmlTable(
    [{ header: "Sector" }, ...(showRegion ? [{ header: "Region" }] : []), { header: w.trimmed ? `Lost in ${w.label}` : "Lost over the run", align: "right" }, { header: "Unit" },
      { header: "Magnet, t", align: "right" },
      ...(compared ? [{ header: "Baseline lost", align: "right" as const }, { header: "Difference", align: "right" as const }] : []),
      { header: "Peak month" }, { header: "Short of (share of need unmet while losing)" }],
    rows, {
      key,
      caption: `End products not built for lack of magnets or materials; magnet: the finished magnet the units hold${compared ? `; baseline lost: what ${report.baselineName ?? "the baseline"} lost in the same sector, region and months; difference: this run's losses minus the baseline's, what this scenario caused (negative: fewer lost)` : ""}`,
    },
  );
  return `${table}${renderUnitNote(report.endProductsLost, key)}`;
}

/** Body of the end-products section: per-unit bar and path charts, then the loss table. */
export function renderProductSection(report: RunReport, layout: ChartLayout): string {
  const w = reportWindow(report);
  const groups = unitGroups(report).filter((g) => g.sectors.length > 0 || g.paths.length > 0);
  if (groups.length === 0) return emptyMessage("end-products", "No end products were lost in this run.");
  const charts = groups.map((g) => {
    const h = rowHeightPx(g, layout.halfWidthPx);
    const parts = [g.sectors.length > 0 ? barChart(g, w.trimmed ? w.label : undefined, layout.halfWidthPx, h) : "", g.paths.length > 0 ? pathChart(g, report.monthLabels, w.from, layout.halfWidthPx, h) : ""];
    return `<div class="chart-grid">\n${parts.filter((p) => p !== "").join("\n")}\n</div>`;
  });
  const none = w.trimmed && report.endProductsLost.length === 0 ? emptyMessage("end-products-lost", `No end products were lost in ${w.label}; the chart shows losses before it.`) : "";
  return [...charts, report.endProductsLost.length > 0 ? renderLossTable(report, { key: "end-products-lost" }) : none].join("\n");
}
