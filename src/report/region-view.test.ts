import { describe, expect, it } from "vitest";
import { sampleReport } from "../../test/fixtures/report/sample-report.js";
import type { RunReport } from "./report-model.js";
import { gapCloserElementText, gapCloserSupplierText, regionGapClosers, regionView, reportForRegion, shortfallByElement } from "./region-view.js";

const report = sampleReport();

describe("reportForRegion", () => {
  it("keeps only the region's rows of the per-region summaries, and the world's prices, costs and concentration", () => {
    const jp = reportForRegion(report, "JP");
    const regions = (rows: readonly { region: string }[]) => [...new Set(rows.map((x) => x.region))];
    expect([jp.shortages, jp.plantShortfalls ?? [], jp.endProductsLost, jp.sectorShortfalls, jp.chinaSupplyChanges, jp.regionOutputs, jp.chinaOrigin, jp.gapClosers].map(regions))
      .toEqual([["JP"], ["JP"], ["JP"], ["JP"], ["JP"], ["JP"], ["JP"], ["JP"]]);
    expect(regionView(report, { id: "EU", name: "European Union" }).plantShortfalls.map((x) => x.facility)).toEqual(["plant:vac-hanau"]);
    // A report saved before plant figures existed stays without them.
    const { plantShortfalls: _, ...old } = report;
    expect(reportForRegion(old, "JP")).not.toHaveProperty("plantShortfalls");
    expect(jp.chinaOriginByRegion.map((s) => s.label)).toEqual(["JP"]);
    expect(jp.prices).toBe(report.prices);
    expect(jp.policyCosts).toBe(report.policyCosts);
    expect(jp.concentration).toBe(report.concentration);
  });
});

describe("regionView", () => {
  it("sums a region's final-demand episodes by element: EU's two Dy episodes are 32.7 + 6.9 t over 7 + 4 months", () => {
    const eu = regionView(report, { id: "EU", name: "European Union" });
    expect(eu.finalDemandByElement).toEqual([
      { element: "Dy", episodes: 2, firstMonth: "2026-07", lastMonth: "2027-07", monthsShort: 11, peakTonnesPerMonth: 9.1, peakShareOfNeed: 9.1 / 20.3, totalTonnes: 39.6 },
    ]);
    // The Tb magnet-plant episode is production lost, not final demand.
    expect(eu.plantShortages.map((e) => `${e.element} ${e.stage} ${e.startMonth}`)).toEqual(["Tb magnet 2026-08"]);
    expect(eu.finalDemandBySector.map((x) => [x.sector, x.shortUnits, x.unit])).toEqual([["sector:wind", 372, "t magnet"]]);
    expect(eu.endProductsLost.map((x) => [x.sector, x.totalUnits])).toEqual([
      ["sector:ev-traction", 141_700], ["sector:wind", 1_240], ["sector:industrial-motors", 640], ["sector:defense", 4],
    ]);
    expect(eu.finalDemandShortfallPath?.label).toBe("EU");
    expect(eu.supplyFromChina).toMatchObject({ magnetTonnes: 1_940, magnetTonnesBaseline: 2_050 });
  });

  it("gives a region outside China the ex-China market's prices, each with its widest premium over China's", () => {
    const us = regionView(report, { id: "US", name: "United States" });
    expect(us).toMatchObject({ region: "US", regionName: "United States", market: "ex-china", window: { from: "2026-01", to: "2027-12" } });
    expect(us.prices.map((p) => p.market)).toEqual(Array(6).fill("ex-china"));
    const dy = us.prices.find((p) => p.element === "Dy")!;
    // 895 ex-China against 229.5 in China in 2026-09: +290 %, as the answer in brief says.
    expect(dy.peakUsdPerKg).toBe(895.05);
    expect(dy.widestPremium?.monthLabel).toBe("2026-09");
    expect(dy.widestPremium?.share).toBeCloseTo(2.9, 3);
    expect(us.policyCosts.map((c) => [c.kind, c.totalUsd])).toEqual([["price-floor", 412_500_000], ["import-duty", 18_750_000]]);
    expect(us.outputs.map((x) => `${x.stage} ${x.element} ${x.producedTonnes}`)).toEqual(["mine Nd 9800", "separation Nd 2450", "separation Pr 640"]);
    expect(us.chinaOrigin.map((x) => [x.element, x.firstYearShare, x.lastYearShare])).toEqual([["Nd", 0.88, 0.64]]);
    // Nothing of the US in the sample's shortages or end products; no baseline supply row either.
    expect([us.finalDemandByElement, us.plantShortages, us.endProductsLost]).toEqual([[], [], []]);
    expect(us.supplyFromChina).toBeUndefined();
  });

  it("gives China its domestic market, with no premium and no provenance of its own", () => {
    const cn = regionView(report, { id: "CN", name: "China" });
    expect(cn.market).toBe("china");
    expect(cn.prices.map((p) => [p.market, p.widestPremium])).toEqual(Array(6).fill(["china", undefined]));
    expect(cn.chinaOrigin).toEqual([]);
    expect(cn.chinaOriginPath).toBeUndefined();
  });

  it("covers the report's window: an episode cut at --from says when it began", () => {
    const dyJp = report.shortages.find((e) => e.element === "Dy" && e.region === "JP" && e.stage === "use")!;
    const windowed: RunReport = { ...report, window: { from: "2026-07", to: "2027-12" }, shortages: [{ ...dyJp, startMonth: "2026-07", durationMonths: 6, beganMonth: "2026-06" }] };
    const jp = regionView(windowed, { id: "JP", name: "Japan" });
    expect(jp.window).toEqual({ from: "2026-07", to: "2027-12" });
    expect(jp.finalDemandByElement).toMatchObject([{ element: "Dy", firstMonth: "2026-07", beganMonth: "2026-06", monthsShort: 6 }]);
  });
});

describe("shortfallByElement", () => {
  it("puts the largest total first and takes the earliest episode's start", () => {
    const ep = (element: string, startMonth: string, endMonth: string, totalTonnes: number) =>
      ({ element, region: "JP", stage: "use", startMonth, endMonth, durationMonths: 2, peakTonnesPerMonth: totalTonnes / 2, peakShareOfDemand: 0.1, totalTonnes });
    expect(shortfallByElement([ep("Tb", "2027-01", "2027-02", 4), ep("Nd", "2026-05", "2026-06", 10), ep("Tb", "2026-03", "2026-04", 8)])
      .map((x) => [x.element, x.episodes, x.firstMonth, x.lastMonth, x.totalTonnes])).toEqual([["Tb", 2, "2026-03", "2027-02", 12], ["Nd", 1, "2026-05", "2026-06", 10]]);
  });
});

describe("who closes a region's gap", () => {
  // JP made US$52.4 M more magnets; VN shipped it US$90 M more of Dy in magnets, AU US$10 M more Nd oxide; AU shipped the US more too.
  const withImports: RunReport = {
    ...report,
    importGains: [
      { importer: "JP", supplier: "VN", stage: "magnet", form: "magnet", element: "Dy", extraTonnes: 300, extraValueUsd: 90_000_000, fromMonth: "2026-08" },
      { importer: "JP", supplier: "AU", stage: "separation", form: "oxide", element: "Nd", extraTonnes: 150, extraValueUsd: 10_000_000, fromMonth: undefined },
      { importer: "US", supplier: "AU", stage: "separation", form: "oxide", element: "Nd", extraTonnes: 900, extraValueUsd: 60_000_000, fromMonth: "2026-07" },
    ],
  };

  it("is the region's own extra output and the extra imports into it, by value: Vietnam's magnets rank above Japan's own", () => {
    const rows = regionGapClosers(withImports, "JP");
    expect(rows.map((g) => `${g.source} ${g.supplier} ${g.form ?? g.stage} ${g.element ?? "all"}`)).toEqual([
      "import VN magnet Dy", "own_output JP magnet all", "import AU oxide Nd",
    ]);
    expect(regionView(withImports, { id: "JP", name: "Japan" }).gapClosers).toEqual(rows);
    expect(reportForRegion(withImports, "JP").importGains?.map((x) => x.importer)).toEqual(["JP", "JP"]);
  });

  it("carries own output's main elements into the region's rows, so net tonnes that hide a change of mix say so there too", () => {
    const au = regionGapClosers(report, "AU");
    expect(au[0]?.mainElements).toEqual([{ element: "Nd", extraTonnes: 2_650 }, { element: "Dy", extraTonnes: 12.5 }, { element: "Ce", extraTonnes: -40 }]);
    expect(gapCloserElementText(au[0]!)).toBe("Nd +2,650, Dy +13, Ce −40");
    expect(gapCloserElementText({ source: "own_output", supplier: "JP", stage: "magnet", extraTonnes: 1, extraValueUsd: 1, fromMonth: undefined })).toBe("all");
  });

  it("marks imports from a region whose export measures in the scenario cover the importer (user reviews: China was listed as closing the EU's and Japan's gap under its own controls)", () => {
    const timeline = [
      { id: "cn-lic", kind: "export-licence", title: "licences", reference: "", windows: [], issuer: "CN", destinations: "all" as const },
      { id: "us-ban", kind: "export-ban", title: "MP to China", reference: "", windows: [], issuer: "US", destinations: { only: ["CN"] } },
    ];
    const gains = [
      { importer: "JP", supplier: "CN", stage: "metal", form: "metal", element: "Dy", extraTonnes: 36, extraValueUsd: 11e6, fromMonth: "2027-08" },
      { importer: "JP", supplier: "US", stage: "metal", form: "metal", element: "Nd", extraTonnes: 83, extraValueUsd: 5.4e6, fromMonth: "2028-03" },
    ];
    const rows = regionGapClosers({ ...report, timeline, importGains: gains } as RunReport, "JP").filter((g) => g.source === "import");
    // The US ban covers only China: its metal to Japan is no rerouting through a licence wall.
    expect(rows.map((g) => [g.supplier, g.fromIssuer === true, gapCloserSupplierText(g)])).toEqual([["CN", true, "CN †"], ["US", false, "US"]]);
  });

  it("has no gap closers without a baseline run, and only the region's own output when the report holds no imports", () => {
    expect(regionView({ ...withImports, baselineName: undefined }, { id: "JP", name: "Japan" }).gapClosers).toBeUndefined();
    expect(regionGapClosers(report, "JP").map((g) => g.source)).toEqual(["own_output"]);
  });
});
