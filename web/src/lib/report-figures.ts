/**
 * @module web/lib/report-figures
 * Headline figures and regroupings of a `RunReport` for the dashboard's cards and tables:
 * episode counts by type, the widest ex-China premium, total shortfall, end products lost by unit, totals by sector.
 * Pure reads of the report; figures that the terminal and HTML report also show come from the same fields and helpers.
 */
import type { EndProductLoss, MonthSeries, RunReport, ShortageEpisode } from "../../../src/analysis/report-model.js";
import { widestPremium } from "../../../src/report/premium.js";
import { largestShortfallMonth } from "../../../src/report/flow-month.js";
import { reportWindow } from "../../../src/report/report-window.js";
import { differenceOf, hasBaselineLosses, magnetTonnesOf } from "../../../src/report/end-products.js";
import { formatShare, formatSigned, formatTonnes, formatUnits, formatUsdPerKg, pluralUnit } from "./format.js";

/** The elements the views offer first, in this order, when they are priced. */
export const KEY_ELEMENTS = ["Dy", "Tb", "Nd", "Pr", "Sm", "Gd", "Y", "Ho", "La", "Ce"] as const;

/** Elements with prices, key elements first. */
export function pricedElements(report: RunReport): string[] {
  const priced = [...new Set(report.prices.map((p) => p.element))];
  return [...KEY_ELEMENTS.filter((e) => priced.includes(e)), ...priced.filter((e) => !(KEY_ELEMENTS as readonly string[]).includes(e)).sort()];
}

/** The price path of an element in a market (`china` or `ex-china`), if the report has it. */
export function pricePath(report: RunReport, element: string, market: "china" | "ex-china"): MonthSeries | undefined {
  return report.pricePaths.find((p) => p.label === `${element} ${market === "china" ? "China" : "ex-China"}`);
}

/** Sum of several month series, month by month (series of different lengths: the longest wins). */
export function sumSeries(series: readonly MonthSeries[]): number[] {
  const n = Math.max(0, ...series.map((s) => s.values.length));
  return Array.from({ length: n }, (_, m) => series.reduce((a, s) => a + (s.values[m] ?? 0), 0));
}

/**
 * Final-use shortfall over the report's window (the whole run unless `reportFrom` trimmed it), t of element content
 * (all elements, all regions). The monthly series cover the whole run, so the months before the window are left out.
 */
export function totalShortfallTonnes(report: Pick<RunReport, "shortfallByElement" | "monthLabels" | "window">): number {
  const from = Math.max(0, report.window === undefined ? 0 : report.monthLabels.indexOf(report.window.from));
  return report.shortfallByElement.reduce((a, s) => a + s.values.slice(from).reduce((x, y) => x + y, 0), 0);
}

/** The months a report's figures cover, as a card or a lede says it: "over the horizon", or "in 2026-11 – 2033-12" when trimmed. */
export function reportPeriod(report: Pick<RunReport, "window" | "monthLabels" | "scenario">): string {
  const w = reportWindow(report);
  return w.trimmed ? `in ${w.label}` : "over the horizon";
}

/**
 * Shortage episodes split by type as the terminal splits them: final demand unmet (stage `use`) and plants short of input
 * (production lost at separation, metal or magnet). Each list keeps the report's order (largest first).
 */
export function episodesByType(report: Pick<RunReport, "shortages">): { finalDemand: ShortageEpisode[]; plantsShortOfInput: ShortageEpisode[] } {
  return {
    finalDemand: report.shortages.filter((e) => e.stage === "use"),
    plantsShortOfInput: report.shortages.filter((e) => e.stage !== "use"),
  };
}

/** "1 episode", "57 episodes". */
function episodeCountText(count: number): string {
  return `${count.toLocaleString("en-US")} episode${count === 1 ? "" : "s"}`;
}

/**
 * The wording of episode counts on the run page, by type as the terminal words its two tables ("Shortages of final
 * demand — N episodes", "Plants short of input (production lost) — N episodes"): headline lines and table headings.
 */
export function episodeLabels(report: Pick<RunReport, "shortages">): { headlineFinalDemand: string; headlinePlants: string; headingFinalDemand: string; headingPlants: string } {
  const { finalDemand, plantsShortOfInput } = episodesByType(report);
  const longest = finalDemand.reduce((a, s) => Math.max(a, s.durationMonths), 0);
  return {
    headlineFinalDemand: `${episodeCountText(finalDemand.length)} of final demand unmet${finalDemand.length > 0 ? `, longest ${longest} months` : ""}`,
    headlinePlants: `${episodeCountText(plantsShortOfInput.length)} of plants short of input`,
    headingFinalDemand: `Shortages of final demand — ${episodeCountText(finalDemand.length)}`,
    headingPlants: `Plants short of input (production lost) — ${episodeCountText(plantsShortOfInput.length)}`,
  };
}

/** An element's headline premium card: the widest premium and its month, and the ex-China peak as another measure. */
export interface PremiumHeadline {
  /** "+198%", or "–" when the ex-China price is never above China's. */
  readonly value: string;
  /** "in 2029-01: +$590/kg over China's price that month". */
  readonly when: string;
  /** The ex-China peak on its own start price, named as a different measure; undefined without an ex-China price. */
  readonly otherMeasure: string | undefined;
}

/**
 * The widest ex-China premium of `element` as the terminal and the HTML report give it (`widestPremium`: the largest
 * one-month mark-up of the ex-China price over China's, in the report's window), worded for the headline; undefined
 * when the element has no price.
 */
export function premiumHeadline(report: RunReport, element: string): PremiumHeadline | undefined {
  const premium = widestPremium(report, element);
  const peak = priceRise(report, element, "ex-china");
  if (premium === undefined && peak === undefined) return undefined;
  return {
    value: premium === undefined ? "–" : `+${formatShare(premium.share)}`,
    when: premium === undefined ? "ex-China never above China's price" : `in ${premium.monthLabel}: +${formatUsdPerKg(premium.usdPerKg)}/kg over China's price that month`,
    otherMeasure: peak === undefined ? undefined
      : `Another measure: ex-China peak ${formatUsdPerKg(peak.peak)}/kg${peak.atBackstop ? " (backstop: the ceiling, price.backstopMultiple × its 2024 price)" : ""} in ${peak.peakMonth}, ${peak.rise >= 0 ? "+" : ""}${formatShare(peak.rise)} on its own start price`,
  };
}

/**
 * Peak and start price of an element in a market, the peak month, and the peak's change on the start price (`rise`,
 * 1 = +100 %). Not the ex-China premium: that is `widestPremium` of `src/report/premium`, which the views headline.
 */
export function priceRise(report: RunReport, element: string, market: "china" | "ex-china"): { start: number; peak: number; peakMonth: string; rise: number; atBackstop: boolean } | undefined {
  const p = report.prices.find((x) => x.element === element && x.market === market);
  if (p === undefined) return undefined;
  return { start: p.startUsdPerKg, peak: p.peakUsdPerKg, peakMonth: p.peakMonth, rise: p.startUsdPerKg > 0 ? p.peakUsdPerKg / p.startUsdPerKg - 1 : 0, atBackstop: p.peakAtBackstop === true };
}

/** One sector's end products lost, summed over regions, with each region's part. */
export interface SectorLossTotal {
  sector: string;
  sectorName: string;
  /** The world's short name of the sector (the full name in reports saved before short names existed). */
  sectorShortName: string;
  unit: string;
  totalUnits: number;
  /** The magnet the units hold, t; undefined in reports saved before rows carried the magnet per unit. */
  magnetTonnes: number | undefined;
  /** With a baseline run: what it lost in the same months, and the difference (this run − baseline). */
  baselineTotalUnits: number | undefined;
  differenceUnits: number | undefined;
  regions: { region: string; units: number; shortOf: readonly string[]; unmetShareOfNeed: number }[];
}

/** End products lost summed over regions, by sector, largest first within each unit. */
export function endProductsBySector(losses: readonly EndProductLoss[]): SectorLossTotal[] {
  const compared = hasBaselineLosses(losses);
  const bySector = new Map<string, SectorLossTotal>();
  for (const l of losses) {
    const entry = bySector.get(l.sector) ?? {
      sector: l.sector, sectorName: l.sectorName, sectorShortName: l.sectorShortName ?? l.sectorName, unit: l.unit, totalUnits: 0, magnetTonnes: undefined,
      baselineTotalUnits: compared ? 0 : undefined, differenceUnits: compared ? 0 : undefined, regions: [],
    };
    entry.totalUnits += l.totalUnits;
    const magnet = magnetTonnesOf(l, l.totalUnits);
    if (magnet !== undefined) entry.magnetTonnes = (entry.magnetTonnes ?? 0) + magnet;
    if (compared) {
      entry.baselineTotalUnits = (entry.baselineTotalUnits ?? 0) + (l.baselineTotalUnits ?? 0);
      entry.differenceUnits = (entry.differenceUnits ?? 0) + differenceOf(l);
    }
    // What the region was short of while it lost units (older saved runs have no `shortOf`).
    entry.regions.push({ region: l.region, units: l.totalUnits, shortOf: l.shortOf ?? [], unmetShareOfNeed: l.unmetShareOfNeed ?? 0 });
    bySector.set(l.sector, entry);
  }
  for (const e of bySector.values()) e.regions.sort((a, b) => b.units - a.units);
  return [...bySector.values()].sort((a, b) => a.unit.localeCompare(b.unit) || b.totalUnits - a.totalUnits);
}

/**
 * Sectors' short names (the world's `shortName`, which reports carry as `sectorShortName`), keyed by sector id and by
 * full name, from the reports' end products lost and sector shortfalls. A sector none of them names (or a report saved
 * before short names existed) is absent: show its full name.
 */
export function sectorShortNames(...reports: readonly Pick<RunReport, "endProductsLost" | "sectorShortfalls">[]): Map<string, string> {
  const names = new Map<string, string>();
  for (const report of reports) {
    for (const x of [...report.endProductsLost, ...(report.sectorShortfalls ?? [])]) {
      if (x.sectorShortName === undefined) continue;
      names.set(x.sector, x.sectorShortName);
      names.set(x.sectorName, x.sectorShortName);
    }
  }
  return names;
}

/** End products lost by unit, all regions: what the run's headline cards show. */
export interface UnitLossTotal {
  readonly unit: string;
  readonly totalUnits: number;
  /** The magnet those units hold, t (summed over sectors: a vehicle of EV traction and one of hybrids hold different kg); undefined when no row says. */
  readonly magnetTonnes: number | undefined;
  /** With a baseline run: what it lost over the same months, and the difference (this run − baseline: what this scenario caused). */
  readonly baselineTotalUnits: number | undefined;
  readonly differenceUnits: number | undefined;
  /** The sectors counted in the unit, by the world's short names, largest first. */
  readonly sectorShortNames: readonly string[];
}

/**
 * End products lost by unit (vehicles, MW, F-35 NdFeB sets, …), all sectors and regions, with the magnet they hold and,
 * when the report has a baseline, the baseline's losses and the difference; every unit, largest first (by the
 * difference's size when compared), as the HTML report's brief orders them.
 */
export function endProductsByUnit(losses: readonly EndProductLoss[]): UnitLossTotal[] {
  const compared = hasBaselineLosses(losses);
  const byUnit = new Map<string, EndProductLoss[]>();
  for (const l of losses) byUnit.set(l.unit, [...(byUnit.get(l.unit) ?? []), l]);
  const sum = (rows: readonly EndProductLoss[], f: (x: EndProductLoss) => number) => rows.reduce((a, x) => a + f(x), 0);
  return [...byUnit].map(([unit, rows]): UnitLossTotal => {
    const bySector = new Map<string, number>();
    for (const x of rows) bySector.set(x.sectorShortName ?? x.sectorName, (bySector.get(x.sectorShortName ?? x.sectorName) ?? 0) + x.totalUnits + (x.baselineTotalUnits ?? 0));
    return {
      unit, totalUnits: sum(rows, (x) => x.totalUnits),
      // Compared, the magnet in the difference (what this scenario caused), as the HTML brief and the terminal give it.
      magnetTonnes: rows.some((x) => x.magnetKgPerUnit !== undefined) ? sum(rows, (x) => magnetTonnesOf(x, compared ? differenceOf(x) : x.totalUnits) ?? 0) : undefined,
      baselineTotalUnits: compared ? sum(rows, (x) => x.baselineTotalUnits ?? 0) : undefined,
      differenceUnits: compared ? sum(rows, differenceOf) : undefined,
      sectorShortNames: [...bySector].sort((a, b) => b[1] - a[1]).map(([name]) => name),
    };
  }).filter((u) => u.totalUnits > 0 || (u.differenceUnits ?? 0) !== 0)
    .sort((a, b) => (compared ? Math.abs(b.differenceUnits ?? 0) - Math.abs(a.differenceUnits ?? 0) : 0) || b.totalUnits - a.totalUnits);
}

/**
 * The words of a unit's headline card, as the HTML report's brief gives them: the figure (with a baseline, the
 * difference: what this scenario caused), and below it the sectors, the magnet and both runs' losses.
 */
export function unitLossHeadline(total: UnitLossTotal, baselineName: string | undefined, period = "over the horizon"): { label: string; value: string; sub: string } {
  const compared = total.differenceUnits !== undefined;
  const units = pluralUnit(total.unit);
  const magnet = total.magnetTonnes === undefined ? "" : compared ? ` · ${formatSigned(total.magnetTonnes, formatTonnes)} t magnet in the difference` : ` · ${formatTonnes(total.magnetTonnes)} t magnet`;
  const value = compared ? formatSigned(total.differenceUnits ?? 0, formatUnits) : formatUnits(total.totalUnits);
  return {
    label: compared ? `End products not built (${units}), caused by this scenario vs ${baselineName ?? "the baseline"}` : `End products not built (${units})`,
    value,
    sub: `${total.sectorShortNames.join(", ")} · all regions, ${period}${compared ? ` · ${formatUnits(total.totalUnits)} lost, ${formatUnits(total.baselineTotalUnits ?? 0)} in the baseline` : ""}${magnet}`,
  };
}

/** "Units: Defence (NdFeB): 1 F-35 NdFeB set = F-35 NdFeB magnet set (14 kg …; a yardstick for the whole sector, not aircraft); …" — the HTML report's note. */
export { endProductNote, hasBaselineLosses } from "../../../src/report/end-products.js";

/** Month series grouped by unit (one chart per unit: lines of different units never share an axis). */
export function groupByUnit<T extends MonthSeries>(series: readonly T[]): { unit: string; series: T[] }[] {
  const groups = new Map<string, T[]>();
  for (const s of series) groups.set(s.unit, [...(groups.get(s.unit) ?? []), s]);
  return [...groups].map(([unit, list]) => ({ unit, series: list }));
}

/** The largest `n` series by total, the rest summed into one "other" series. */
export function topSeries(series: readonly MonthSeries[], n: number): MonthSeries[] {
  const total = (s: MonthSeries) => s.values.reduce((a, b) => a + b, 0);
  const sorted = [...series].sort((a, b) => total(b) - total(a));
  if (sorted.length <= n + 1) return sorted;
  const rest = sorted.slice(n);
  return [...sorted.slice(0, n), { label: "other", unit: rest[0]?.unit ?? "", values: sumSeries(rest) }];
}

// One rule for the flow month, the HTML report's (src/report/flow-month).
export { flowMonthTag, largestShortfallMonth } from "../../../src/report/flow-month.js";

/**
 * The month the flows open on, as the HTML report opens: the largest shortfall's; without one, the report's first flow
 * graph (the window's first month with flows), else the window's first month.
 */
export function openingFlowMonth(report: Pick<RunReport, "shortfallByElement" | "monthLabels" | "window" | "scenario" | "flowGraphs">): string {
  return largestShortfallMonth(report) ?? report.flowGraphs.find((g) => g.links.length > 0)?.month ?? reportWindow(report).from;
}
