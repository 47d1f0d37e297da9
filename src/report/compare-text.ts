/**
 * @module report/compare-text
 * The terminal view of `chokepoint compare a b`: the two runs side by side — shortfall by element,
 * peak prices and the widest ex-China premium (`report/premium`), end products lost, China's share by stage — from
 * the differences `analysis/compare-reports` computes.
 */
import { compareReports } from "../analysis/compare-reports.js";
import type { RunReport } from "../analysis/report-model.js";
import { SECTOR_SHORT_NAME_MAX } from "../model/world-schema.js";
import { formatShare, formatTonnes } from "./number-format.js";
import { widestPremium } from "./premium.js";
import { renderTextTable, wrapText } from "./text-table.js";

const MAGNET_AND_HEAVY = ["Nd", "Pr", "Dy", "Tb", "Sm", "Gd", "Ho", "Y"];

function money(usd: number): string {
  return usd >= 100 ? `$${Math.round(usd).toLocaleString("en-US")}` : `$${usd.toFixed(1)}`;
}

function signed(value: number, format: (v: number) => string): string {
  if (Math.abs(value) < 1e-9) return "0";
  return `${value > 0 ? "+" : "−"}${format(Math.abs(value))}`;
}

/** Render two runs side by side for a 100-column terminal. */
export function renderCompareText(a: RunReport, b: RunReport): string {
  const d = compareReports(a, b);
  // Sectors by their short names, as both reports give them (the full name in reports saved before they did).
  const shortNames = new Map([...b.endProductsLost, ...a.endProductsLost].map((x) => [x.sector, x.sectorShortName ?? x.sectorName]));
  const sectorText = (x: { readonly sector: string; readonly sectorName: string }) => shortNames.get(x.sector) ?? x.sectorName;
  const parts: string[] = [];
  parts.push(wrapText(`A: ${a.scenario.name}  vs  B: ${b.scenario.name} — ${a.scenario.months} months from ${a.scenario.startMonth}`, 100, 2), "");

  parts.push("Final-demand shortfall over the horizon, t of element (first month short)");
  parts.push(d.shortfallByElement.length === 0 ? "  none in either run" : renderTextTable(
    [{ header: "element" }, { header: "A total t", align: "right" }, { header: "A from" }, { header: "B total t", align: "right" }, { header: "B from" }, { header: "A − B", align: "right" }],
    d.shortfallByElement.map((s) => [s.element, formatTonnes(s.aTonnes), s.aFirstMonth ?? "–", formatTonnes(s.bTonnes), s.bFirstMonth ?? "–", signed(s.deltaTonnes, formatTonnes)]),
  ), "");

  if (d.shortfallByRegion.length > 0) {
    parts.push(wrapText(`Final-demand shortfall by importing region and element, t in shortage episodes (months above 1 % of need), largest difference first${d.shortfallByRegion.length > 12 ? " (12 shown)" : ""}`, 100, 2));
    parts.push(renderTextTable(
      [{ header: "region" }, { header: "element" }, { header: "A total t", align: "right" }, { header: "B total t", align: "right" }, { header: "A − B", align: "right" }],
      d.shortfallByRegion.slice(0, 12).map((s) => [s.region, s.element, formatTonnes(s.aTonnes), formatTonnes(s.bTonnes), signed(s.deltaTonnes, formatTonnes)]),
    ), "");
  }

  const peak = (element: string, market: "china" | "ex-china") => d.peakPrices.find((p) => p.element === element && p.market === market);
  // The widest premium as the run view reports it: the largest ex-China mark-up over China's price in one month.
  const premium = (report: RunReport, element: string) => {
    const widest = widestPremium(report, element);
    return widest === undefined ? "–" : `${formatShare(widest.share)} ${widest.monthLabel}`;
  };
  parts.push("Peak prices, US$/kg of element, and the widest ex-China premium (largest one-month mark-up)");
  parts.push(renderTextTable(
    [{ header: "element" }, { header: "A China", align: "right" }, { header: "A ex-China", align: "right" }, { header: "A widest premium", align: "right" },
      { header: "B China", align: "right" }, { header: "B ex-China", align: "right" }, { header: "B widest premium", align: "right" }],
    MAGNET_AND_HEAVY.filter((e) => peak(e, "china") !== undefined).map((e) => {
      const cn = peak(e, "china");
      const ex = peak(e, "ex-china");
      return [e, money(cn?.aUsdPerKg ?? 0), money(ex?.aUsdPerKg ?? 0), premium(a, e), money(cn?.bUsdPerKg ?? 0), money(ex?.bUsdPerKg ?? 0), premium(b, e)];
    }),
  ), "");
  // When each peak came, and where each run ended: a peak years apart, or a price still high at the end, is part of the answer.
  const summary = (report: RunReport, element: string, market: "china" | "ex-china") => report.prices.find((p) => p.element === element && p.market === market);
  const peakAndEnd = (report: RunReport, element: string, market: "china" | "ex-china") => {
    const x = summary(report, element, market);
    return x === undefined ? "–" : `${x.peakMonth} → ${money(x.endUsdPerKg)}`;
  };
  parts.push(`Peak month and price at the end (${a.monthLabels[a.monthLabels.length - 1] ?? "end"}), US$/kg`);
  parts.push(renderTextTable(
    [{ header: "element" }, { header: "A China" }, { header: "A ex-China" }, { header: "B China" }, { header: "B ex-China" }],
    MAGNET_AND_HEAVY.filter((e) => peak(e, "china") !== undefined).map((e) => [e, peakAndEnd(a, e, "china"), peakAndEnd(a, e, "ex-china"), peakAndEnd(b, e, "china"), peakAndEnd(b, e, "ex-china")]),
  ), "");

  parts.push("End products not built for lack of magnets (all regions)");
  parts.push(d.endProductsLost.length === 0 ? "  none in either run" : renderTextTable(
    [{ header: "sector", maxWidth: SECTOR_SHORT_NAME_MAX }, { header: "unit" }, { header: "A", align: "right" }, { header: "B", align: "right" }, { header: "A − B", align: "right" }],
    d.endProductsLost.map((x) => [sectorText(x), x.unit, formatTonnes(x.aUnits), formatTonnes(x.bUnits), signed(x.deltaUnits, formatTonnes)]),
  ), "");
  if (d.endProductsLostByRegion.length > 0) {
    parts.push(`By importing region, largest difference first${d.endProductsLostByRegion.length > 12 ? " (12 shown)" : ""}`);
    parts.push(renderTextTable(
      [{ header: "sector", maxWidth: SECTOR_SHORT_NAME_MAX }, { header: "region" }, { header: "unit" }, { header: "A", align: "right" }, { header: "B", align: "right" }, { header: "A − B", align: "right" }],
      d.endProductsLostByRegion.slice(0, 12).map((x) => [sectorText(x), x.region, x.unit, formatTonnes(x.aUnits), formatTonnes(x.bUnits), signed(x.deltaUnits, formatTonnes)]),
    ), "");
  }

  parts.push("China's share by stage at the end of the horizon");
  parts.push(renderTextTable(
    [{ header: "stage" }, { header: "A", align: "right" }, { header: "B", align: "right" }, { header: "A − B", align: "right" }],
    d.chinaShareAtEnd.map((c) => [c.stage, formatShare(c.a), formatShare(c.b), signed(c.delta * 100, (v) => `${v.toFixed(1)} pt`)]),
  ));
  return parts.join("\n");
}
