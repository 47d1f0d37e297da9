/**
 * @module report/html/derive
 * Small read-only reshapings of a `RunReport` that several parts of the page need (price pairs by
 * element, first shortage by element and region, losses by sector). Computes no new model figures.
 */
import { shortSectorName } from "./format.js";
import type { EndProductLoss, MonthSeries, RunReport, ShortageEpisode } from "../report-model.js";

/** Elements of NdFeB magnets, shown first and largest. */
export const MAGNET_ELEMENTS: readonly string[] = ["Nd", "Pr", "Dy", "Tb"];

/** Magnet elements first (in `MAGNET_ELEMENTS` order), then the rest alphabetically. */
export function orderElements(symbols: Iterable<string>): string[] {
  const rank = (s: string) => { const i = MAGNET_ELEMENTS.indexOf(s); return i < 0 ? MAGNET_ELEMENTS.length : i; };
  return [...new Set(symbols)].sort((a, b) => rank(a) - rank(b) || a.localeCompare(b));
}

/** An element's price paths in the two markets, US$/kg. */
export interface PricePair {
  readonly element: string;
  readonly china: readonly number[] | undefined;
  readonly exChina: readonly number[] | undefined;
}

/** Split a price path label ("Dy ex-China", "Dy China") into element and market. */
export function parsePriceLabel(label: string): { element: string; market: "china" | "ex-china" } {
  const [element = label, ...rest] = label.trim().split(/\s+/);
  return { element, market: /ex/i.test(rest.join(" ")) ? "ex-china" : "china" };
}

/** Price paths grouped by element, magnet elements first. */
export function pricePairs(report: RunReport): PricePair[] {
  const byElement = new Map<string, { china?: readonly number[]; exChina?: readonly number[] }>();
  for (const path of report.pricePaths) {
    const { element, market } = parsePriceLabel(path.label);
    const entry = byElement.get(element) ?? {};
    byElement.set(element, market === "china" ? { ...entry, china: path.values } : { ...entry, exChina: path.values });
  }
  return orderElements(byElement.keys()).map((element) => ({ element, china: byElement.get(element)?.china, exChina: byElement.get(element)?.exChina }));
}

/** Whether every region's final demand is met over the run (the answer then leads with plants short of input). */
export function finalDemandMet(report: RunReport): boolean {
  return !report.shortages.some((e) => e.stage === "use");
}

/**
 * The episodes the answer leads with: final demand unmet in importing regions when there is any
 * (that is what users feel); plants short of input only when final demand is always met.
 */
function headlineEpisodes(report: RunReport): readonly ShortageEpisode[] {
  const use = report.shortages.filter((e) => e.stage === "use");
  return use.length > 0 ? use : report.shortages;
}

/** The first shortage of each element in each region, earliest first (final demand first; see `headlineEpisodes`). */
export function firstShortages(report: RunReport): ShortageEpisode[] {
  const first = new Map<string, ShortageEpisode>();
  for (const e of headlineEpisodes(report)) {
    const key = `${e.element}\u0000${e.region}`;
    const seen = first.get(key);
    if (seen === undefined || e.startMonth < seen.startMonth || (e.startMonth === seen.startMonth && e.stage === "use")) first.set(key, e);
  }
  return [...first.values()].sort((a, b) => a.startMonth.localeCompare(b.startMonth) || a.element.localeCompare(b.element) || a.region.localeCompare(b.region));
}

/**
 * The episode with the largest peak share of demand among those that matter in tonnes (at least 5 %
 * of the largest episode's total), so a fraction of a tonne of a minor element does not lead the answer.
 */
export function deepestShortage(report: RunReport): ShortageEpisode | undefined {
  const episodes = headlineEpisodes(report);
  const largest = episodes.reduce((max, e) => Math.max(max, e.totalTonnes), 0);
  return episodes
    .filter((e) => e.totalTonnes >= 0.05 * largest)
    .reduce<ShortageEpisode | undefined>((best, e) => (best === undefined || e.peakShareOfDemand > best.peakShareOfDemand ? e : best), undefined);
}

/** End products lost in one sector, all regions. */
export interface SectorLoss {
  readonly sector: string;
  readonly sectorName: string;
  /** The world's short name of the sector (reports saved before short names: its name up to a parenthesis or colon). */
  readonly sectorShortName: string;
  readonly unit: string;
  readonly totalUnits: number;
  readonly byRegion: readonly EndProductLoss[];
}

/** Losses grouped by sector, largest total first within each unit's order of appearance. */
export function lossesBySector(report: RunReport): SectorLoss[] {
  const groups = new Map<string, EndProductLoss[]>();
  for (const loss of report.endProductsLost) groups.set(loss.sector, [...(groups.get(loss.sector) ?? []), loss]);
  return [...groups.values()]
    .map((rows) => ({
      sector: rows[0]?.sector ?? "", sectorName: rows[0]?.sectorName ?? "", sectorShortName: rows[0]?.sectorShortName ?? shortSectorName(rows[0]?.sectorName ?? ""), unit: rows[0]?.unit ?? "units",
      totalUnits: rows.reduce((a, r) => a + r.totalUnits, 0), byRegion: rows,
    }))
    .sort((a, b) => b.totalUnits - a.totalUnits);
}

/** True when a series has any value above `epsilon`. */
export function hasValues(series: readonly MonthSeries[], epsilon = 1e-9): boolean {
  return series.some((s) => s.values.some((v) => v > epsilon));
}
