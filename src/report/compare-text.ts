/**
 * @module report/compare-text
 * The terminal view of `chokepoint compare a b`: the two runs side by side — shortages, peak
 * prices and premiums, end products lost, concentration — and what differs. Reads two `RunReport`s.
 */
import type { RunReport } from "../analysis/report-model.js";
import { formatShare, formatTonnes } from "./number-format.js";
import { renderTextTable, wrapText } from "./text-table.js";

function money(usd: number): string {
  return usd >= 100 ? `$${Math.round(usd).toLocaleString("en-US")}` : `$${usd.toFixed(1)}`;
}

function signed(value: number, format: (v: number) => string): string {
  if (Math.abs(value) < 1e-9) return "0";
  return `${value > 0 ? "+" : "−"}${format(Math.abs(value))}`;
}

function shortageTotals(report: RunReport): Map<string, { tonnes: number; first: string }> {
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

/** Render two runs side by side for a 100-column terminal. */
export function renderCompareText(a: RunReport, b: RunReport): string {
  const parts: string[] = [];
  parts.push(wrapText(`A: ${a.scenario.name}  vs  B: ${b.scenario.name} — ${a.scenario.months} months from ${a.scenario.startMonth}`, 100, 2), "");

  const sa = shortageTotals(a);
  const sb = shortageTotals(b);
  const elements = [...new Set([...sa.keys(), ...sb.keys()])].sort((x, y) => (sb.get(y)?.tonnes ?? 0) + (sa.get(y)?.tonnes ?? 0) - (sb.get(x)?.tonnes ?? 0) - (sa.get(x)?.tonnes ?? 0));
  parts.push("Final-demand shortfall over the horizon, t of element (first month short)");
  parts.push(elements.length === 0 ? "  none in either run" : renderTextTable(
    [{ header: "element" }, { header: "A total t", align: "right" }, { header: "A from" }, { header: "B total t", align: "right" }, { header: "B from" }, { header: "A − B", align: "right" }],
    elements.map((e) => [e, formatTonnes(sa.get(e)?.tonnes ?? 0), sa.get(e)?.first ?? "–", formatTonnes(sb.get(e)?.tonnes ?? 0), sb.get(e)?.first ?? "–", signed((sa.get(e)?.tonnes ?? 0) - (sb.get(e)?.tonnes ?? 0), formatTonnes)]),
  ), "");

  const peak = (r: RunReport, element: string, market: "china" | "ex-china") => r.prices.find((p) => p.element === element && p.market === market)?.peakUsdPerKg ?? 0;
  const priced = [...new Set(a.prices.map((p) => p.element))].filter((e) => ["Nd", "Pr", "Dy", "Tb", "Sm", "Gd", "Ho", "Y"].includes(e));
  parts.push("Peak prices, US$/kg of element, and the ex-China premium at the peak");
  parts.push(renderTextTable(
    [{ header: "element" }, { header: "A China", align: "right" }, { header: "A ex-China", align: "right" }, { header: "A premium", align: "right" },
      { header: "B China", align: "right" }, { header: "B ex-China", align: "right" }, { header: "B premium", align: "right" }],
    priced.map((e) => {
      const premium = (r: RunReport) => (peak(r, e, "china") > 0 ? formatShare(peak(r, e, "ex-china") / peak(r, e, "china") - 1) : "–");
      return [e, money(peak(a, e, "china")), money(peak(a, e, "ex-china")), premium(a), money(peak(b, e, "china")), money(peak(b, e, "ex-china")), premium(b)];
    }),
  ), "");

  const lost = (r: RunReport) => {
    const m = new Map<string, { units: number; unit: string }>();
    for (const x of r.endProductsLost) m.set(x.sectorName, { units: (m.get(x.sectorName)?.units ?? 0) + x.totalUnits, unit: x.unit });
    return m;
  };
  const la = lost(a);
  const lb = lost(b);
  const sectors = [...new Set([...la.keys(), ...lb.keys()])];
  parts.push("End products not built for lack of magnets (all regions)");
  parts.push(sectors.length === 0 ? "  none in either run" : renderTextTable(
    [{ header: "sector", maxWidth: 44 }, { header: "unit" }, { header: "A", align: "right" }, { header: "B", align: "right" }, { header: "A − B", align: "right" }],
    sectors.map((s) => [s, la.get(s)?.unit ?? lb.get(s)?.unit ?? "", formatTonnes(la.get(s)?.units ?? 0), formatTonnes(lb.get(s)?.units ?? 0), signed((la.get(s)?.units ?? 0) - (lb.get(s)?.units ?? 0), formatTonnes)]),
  ), "");

  parts.push("China's share by stage at the end of the horizon");
  parts.push(renderTextTable(
    [{ header: "stage" }, { header: "A", align: "right" }, { header: "B", align: "right" }],
    a.concentration.map((c) => [c.stage, formatShare(c.atEnd.chinaShare), formatShare(b.concentration.find((x) => x.stage === c.stage)?.atEnd.chinaShare ?? 0)]),
  ));
  return parts.join("\n");
}
