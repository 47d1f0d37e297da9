/**
 * @module analysis/compare-reports
 * What differs between two runs' reports (a − b): final-use shortfall by element, peak prices,
 * end products not built, China's share by stage at the end. Reads reports only; the server's
 * compare endpoint and `chokepoint compare` both show this.
 */
import type { CompareResponse } from "../model/api.js";
import type { RunReport } from "./report-model.js";

/** The differences between two runs. */
export type Differences = CompareResponse["differences"];

function shortfallTotals(report: RunReport): Map<string, { tonnes: number; first: string }> {
  const out = new Map<string, { tonnes: number; first: string }>();
  for (const s of report.shortages) {
    if (s.stage !== "use") continue;
    const entry = out.get(s.element) ?? { tonnes: 0, first: s.startMonth };
    entry.tonnes += s.totalTonnes;
    if (s.startMonth < entry.first) entry.first = s.startMonth;
    out.set(s.element, entry);
  }
  return out;
}

function endProductTotals(report: RunReport): Map<string, { sectorName: string; unit: string; units: number }> {
  const out = new Map<string, { sectorName: string; unit: string; units: number }>();
  for (const x of report.endProductsLost) {
    const entry = out.get(x.sector) ?? { sectorName: x.sectorName, unit: x.unit, units: 0 };
    entry.units += x.totalUnits;
    out.set(x.sector, entry);
  }
  return out;
}

function shortfallByRegionElement(report: RunReport): Map<string, number> {
  const out = new Map<string, number>();
  for (const s of report.shortages) {
    if (s.stage !== "use") continue;
    const key = `${s.region}\u0000${s.element}`;
    out.set(key, (out.get(key) ?? 0) + s.totalTonnes);
  }
  return out;
}

/** The differences between two reports, a − b. */
export function compareReports(a: RunReport, b: RunReport): Differences {
  const sa = shortfallTotals(a);
  const sb = shortfallTotals(b);
  const shortfallByElement = [...new Set([...sa.keys(), ...sb.keys()])].map((element) => {
    const x = sa.get(element);
    const y = sb.get(element);
    return { element, aTonnes: x?.tonnes ?? 0, bTonnes: y?.tonnes ?? 0, deltaTonnes: (x?.tonnes ?? 0) - (y?.tonnes ?? 0), aFirstMonth: x?.first, bFirstMonth: y?.first };
  }).sort((x, y) => Math.abs(y.deltaTonnes) - Math.abs(x.deltaTonnes) || x.element.localeCompare(y.element));

  const peak = (r: RunReport, element: string, market: string) => r.prices.find((p) => p.element === element && p.market === market)?.peakUsdPerKg ?? 0;
  const priced = new Map<string, { element: string; market: "china" | "ex-china" }>();
  for (const p of [...a.prices, ...b.prices]) priced.set(`${p.element} ${p.market}`, { element: p.element, market: p.market });
  const peakPrices = [...priced.values()].map(({ element, market }) => {
    const aUsdPerKg = peak(a, element, market);
    const bUsdPerKg = peak(b, element, market);
    return { element, market, aUsdPerKg, bUsdPerKg, deltaUsdPerKg: aUsdPerKg - bUsdPerKg };
  });

  const la = endProductTotals(a);
  const lb = endProductTotals(b);
  const endProductsLost = [...new Set([...la.keys(), ...lb.keys()])].map((sector) => {
    const x = la.get(sector);
    const y = lb.get(sector);
    const info = x ?? y ?? { sectorName: sector, unit: "units", units: 0 };
    return { sector, sectorName: info.sectorName, unit: info.unit, aUnits: x?.units ?? 0, bUnits: y?.units ?? 0, deltaUnits: (x?.units ?? 0) - (y?.units ?? 0) };
  });

  // By region: each sector × region that lost anything in either run.
  const byRegion = (r: RunReport) => new Map(r.endProductsLost.map((x) => [`${x.sector}\u0000${x.region}`, x]));
  const ra = byRegion(a);
  const rb = byRegion(b);
  const endProductsLostByRegion = [...new Set([...ra.keys(), ...rb.keys()])].map((key) => {
    const x = ra.get(key);
    const y = rb.get(key);
    const info = (x ?? y)!;
    return { sector: info.sector, sectorName: info.sectorName, region: info.region, unit: info.unit, aUnits: x?.totalUnits ?? 0, bUnits: y?.totalUnits ?? 0, deltaUnits: (x?.totalUnits ?? 0) - (y?.totalUnits ?? 0) };
  }).sort((x, y) => Math.abs(y.deltaUnits) - Math.abs(x.deltaUnits) || x.sector.localeCompare(y.sector) || x.region.localeCompare(y.region));

  const chinaShareAtEnd = a.concentration.map((c) => {
    const other = b.concentration.find((x) => x.stage === c.stage)?.atEnd.chinaShare ?? 0;
    return { stage: c.stage, a: c.atEnd.chinaShare, b: other, delta: c.atEnd.chinaShare - other };
  });
  const ga = shortfallByRegionElement(a);
  const gb = shortfallByRegionElement(b);
  const shortfallByRegion = [...new Set([...ga.keys(), ...gb.keys()])].map((key) => {
    const [region = "", element = ""] = key.split("\u0000");
    const aTonnes = ga.get(key) ?? 0;
    const bTonnes = gb.get(key) ?? 0;
    return { region, element, aTonnes, bTonnes, deltaTonnes: aTonnes - bTonnes };
  }).sort((x, y) => Math.abs(y.deltaTonnes) - Math.abs(x.deltaTonnes) || x.region.localeCompare(y.region) || x.element.localeCompare(y.element));
  return { shortfallByElement, shortfallByRegion, peakPrices, endProductsLost, endProductsLostByRegion, chinaShareAtEnd };
}

