/**
 * The run page's headline figures say what the terminal and the HTML report say for the same report: episode counts by
 * type and the widest ex-China premium with its month (the browser test checks the page shows these strings).
 */
import { describe, expect, it } from "vitest";
import { renderHtmlReport } from "../../src/report/html-report.js";
import { renderRunText } from "../../src/report/run-text.js";
import type { EndProductLoss, RunReport } from "../../src/analysis/report-model.js";
import { endProductsByUnit, endProductsBySector, episodeLabels, episodesByType, premiumHeadline, unitLossHeadline } from "../../web/src/lib/report-figures.js";
import { sampleReport } from "../fixtures/report/sample-report.js";

const text = (html: string) => html.replace(/<[^>]+>/g, "").replace(/&#x27;|&#39;/g, "'").replace(/&amp;/g, "&");

describe("episode counts by type (issue: '90 shortage episodes' where the terminal showed 45 of final demand)", () => {
  it("counts final-demand episodes and plants short of input apart, with the terminal's numbers", () => {
    const report = sampleReport();
    const terminal = renderRunText(report);
    const finalDemand = /Shortages of final demand \(more than 1 % of need unmet\) — (\d+) episodes?/.exec(terminal)?.[1];
    const plants = /Plants short of input \(production lost\) — (\d+) episodes?/.exec(terminal)?.[1];
    expect([finalDemand, plants]).toEqual(["4", "1"]);
    expect(episodeLabels(report)).toEqual({
      headlineFinalDemand: "4 episodes of final demand unmet, longest 7 months",
      headlinePlants: "1 episode of plants short of input",
      headingFinalDemand: "Shortages of final demand — 4 episodes",
      headingPlants: "Plants short of input (production lost) — 1 episode",
    });
    const { finalDemand: use, plantsShortOfInput } = episodesByType(report);
    expect(use.map((e) => e.stage)).toEqual(["use", "use", "use", "use"]);
    expect(plantsShortOfInput.map((e) => e.stage)).toEqual(["magnet"]);
  });

  it("gives the longest of final demand only (a plant's longer episode is not final demand's)", () => {
    const report = { ...sampleReport(), shortages: sampleReport().shortages.filter((e) => e.stage !== "use") };
    expect(episodeLabels(report).headlineFinalDemand).toBe("0 episodes of final demand unmet");
    expect(episodeLabels(report).headlinePlants).toBe("1 episode of plants short of input");
  });
});

describe("headline premium (issue: 'Dy ex-China peak +363 % vs start' where the terminal said '+280 % widest premium')", () => {
  const report = sampleReport();
  const terminal = renderRunText(report);
  const answer = renderHtmlReport(report).match(/data-answer="prices"[\s\S]*?<\/table>/)?.[0] ?? "";

  it.each(["Dy", "Tb"])("gives %s's widest premium and its month, as the terminal's price table and the HTML answer do", (element) => {
    // Terminal: "Dy … 290% 2026-09 …" in the widest-premium column; HTML answer: "+290% (+$x in 2026-09)".
    const prices = terminal.slice(terminal.indexOf("Prices, US$/kg"));
    const row = prices.split("\n").find((l) => l.startsWith(`${element} `)) ?? "";
    const [, share, month] = /\s(\d+(?:\.\d)?%) (\d{4}-\d{2})/.exec(row) ?? [];
    expect(share, row).toBeDefined();
    const answerRow = new RegExp(`<th scope="row">${element}</th>.*?</tr>`).exec(answer)?.[0] ?? "";
    expect(text(answerRow)).toMatch(new RegExp(`\\+${share?.replace("%", "")}% \\(\\+\\$[\\d,.]+ in ${month}\\)$`));
    const figure = premiumHeadline(report, element);
    expect(figure?.value).toBe(`+${share}`);
    expect(figure?.when).toMatch(new RegExp(`^in ${month}: \\+\\$[\\d,.]+/kg over China's price that month$`));
  });

  it("names the peak against the start price as another measure, never as the premium", () => {
    expect(premiumHeadline(report, "Dy")?.otherMeasure).toMatch(/^Another measure: ex-China peak \$895\/kg in 2026-09, \+\d+% on its own start price$/);
    // A peak at the backstop says so, as the terminal and HTML price tables do.
    const capped = { ...report, prices: report.prices.map((p) => (p.element === "Dy" && p.market === "ex-china" ? { ...p, peakAtBackstop: true } : p)) };
    expect(premiumHeadline(capped, "Dy")?.otherMeasure).toMatch(/^Another measure: ex-China peak \$895\/kg \(backstop: the ceiling, price\.backstopMultiple × its 2024 price\) in 2026-09/);
  });

  it("says so when the ex-China price is never above China's", () => {
    const china = report.pricePaths.find((q) => q.label === "Dy China")?.values ?? [];
    const flat = { ...report, pricePaths: report.pricePaths.map((p) => (p.label === "Dy ex-China" ? { ...p, values: china } : p)) };
    expect(premiumHeadline(flat, "Dy")).toMatchObject({ value: "–", when: "ex-China never above China's price" });
    expect(premiumHeadline({ ...report, prices: [], pricePaths: [] }, "Dy")).toBeUndefined();
  });
});

describe("headline end products (issue: the cards showed SmCo sets but not NdFeB sets, with no baseline and no caveat)", () => {
  const ndfeb = "F-35 NdFeB magnet set (14 kg of NdFeB magnet; a yardstick for the whole sector, not aircraft)";
  const row = (sector: string, sectorShortName: string, unit: string, kg: number, region: string, totalUnits: number, baselineTotalUnits: number): EndProductLoss => ({
    sector, sectorName: `${sectorShortName}: in full`, sectorShortName, unit, region, endProductName: unit === "F-35 NdFeB set" ? ndfeb : `one ${unit}`, magnetKgPerUnit: kg,
    totalUnits, magnetTonnes: (totalUnits * kg) / 1000, baselineTotalUnits, differenceUnits: totalUnits - baselineTotalUnits, peakMonth: "2027-08", shortOf: ["Tb"], unmetShareOfNeed: 0.45,
  });
  const losses = [
    row("sector:ev-traction", "EV traction motors", "vehicle", 2.5, "US", 661_913, 0),
    row("sector:hybrids", "Hybrid cars", "vehicle", 1, "US", 181_357, 0),
    row("sector:smco-defense-aerospace", "Defence, aerospace SmCo", "F-35 SmCo set", 22, "US", 22_997, 23_335),
    row("sector:defense", "Defence (NdFeB)", "F-35 NdFeB set", 14, "US", 25_191, 0),
    row("sector:wind", "Wind turbines", "MW", 300, "US", 351, 0),
  ];

  it("gives every unit, the NdFeB sets among them, with the magnet they hold and, against a baseline, what this scenario caused", () => {
    const units = endProductsByUnit(losses);
    expect(units.map((u) => u.unit)).toEqual(["vehicle", "F-35 NdFeB set", "MW", "F-35 SmCo set"]);
    const report: RunReport = { ...sampleReport(), baselineName: "oct-2025-suspended", endProductsLost: losses };
    const cards = units.map((u) => unitLossHeadline(u, report.baselineName));
    expect(cards[1]).toEqual({
      label: "End products not built (F-35 NdFeB sets), caused by this scenario vs oct-2025-suspended", value: "+25,191",
      sub: "Defence (NdFeB) · all regions, over the horizon · 25,191 lost, 0 in the baseline · +353 t magnet in the difference",
    });
    // The SmCo sets: slightly fewer lost than in the baseline, as `compare` says; the magnet is the difference's (−338 × 22
    // kg), as the HTML brief gives it, not the 506 t of this run's losses (a code review found the card said that).
    expect(cards[3]?.value).toBe("−338");
    expect(cards[3]?.sub).toContain("22,997 lost, 23,335 in the baseline · −7.4 t magnet in the difference");
    // Vehicles of two sectors: their magnet summed by each sector's kg per vehicle, and both sectors named by the world's short names.
    expect(cards[0]?.sub).toBe("EV traction motors, Hybrid cars · all regions, over the horizon · 843,270 lost, 0 in the baseline · +1,836 t magnet in the difference");
    // The same difference the HTML brief leads with.
    const brief = renderHtmlReport(report).match(/data-answer="end-products"[\s\S]*?<\/div>/)?.[0] ?? "";
    expect(brief).toContain("<strong>+25,191</strong> F-35 NdFeB sets");
    // Without a baseline: the run's units.
    const { baselineTotalUnits: _b, differenceUnits: _d, ...runOnly } = losses[3]!;
    expect(unitLossHeadline(endProductsByUnit([runOnly])[0]!, undefined)).toEqual({
      label: "End products not built (F-35 NdFeB sets)", value: "25,191", sub: "Defence (NdFeB) · all regions, over the horizon · 353 t magnet",
    });
  });

  it("totals each sector's magnet, baseline losses and difference for the end-products table", () => {
    const [smco] = endProductsBySector(losses).filter((s) => s.unit === "F-35 SmCo set");
    expect(smco).toMatchObject({ sectorShortName: "Defence, aerospace SmCo", totalUnits: 22_997, baselineTotalUnits: 23_335, differenceUnits: -338 });
    expect(smco?.magnetTonnes).toBeCloseTo(505.934, 6);
  });
});
