import { describe, expect, it } from "vitest";
import { emptyReport, sampleReport } from "../../test/fixtures/report/sample-report.js";
import { compareReports } from "./compare-reports.js";

describe("compareReports", () => {
  it("lists end products lost by importing region, largest difference first, with each run's units", () => {
    const a = sampleReport();
    const b = { ...emptyReport(), endProductsLost: a.endProductsLost.filter((x) => x.region === "EU") };
    const rows = compareReports(a, b).endProductsLostByRegion;
    // Japan lost EVs only in A; the EU's losses are the same in both runs (difference 0), last.
    expect(rows[0]).toMatchObject({ sector: "sector:ev-traction", region: "JP", aUnits: 182_400, bUnits: 0, deltaUnits: 182_400 });
    const euEvs = rows.find((x) => x.sector === "sector:ev-traction" && x.region === "EU")!;
    expect(euEvs).toMatchObject({ aUnits: 141_700, bUnits: 141_700, deltaUnits: 0 });
    expect(rows.map((x) => Math.abs(x.deltaUnits))).toEqual([...rows.map((x) => Math.abs(x.deltaUnits))].sort((p, q) => q - p));
    // Every sector × region of either run, once.
    expect(new Set(rows.map((x) => `${x.sector}/${x.region}`)).size).toBe(a.endProductsLost.length);
  });

  it("lists final-demand shortfall by importing region and element, largest difference first, plant input left out", () => {
    const a = sampleReport();
    const b = { ...emptyReport(), shortages: a.shortages.filter((s) => s.region === "EU") };
    const rows = compareReports(a, b).shortfallByRegion;
    const use = a.shortages.filter((s) => s.stage === "use");
    // One row per region × element short at the use stage in either run, with each run's tonnes.
    expect(new Set(rows.map((r) => `${r.region}/${r.element}`))).toEqual(new Set(use.map((s) => `${s.region}/${s.element}`)));
    for (const row of rows) {
      const total = use.filter((s) => s.region === row.region && s.element === row.element).reduce((t, s) => t + s.totalTonnes, 0);
      expect(row.aTonnes).toBeCloseTo(total, 9);
      expect(row.bTonnes).toBeCloseTo(row.region === "EU" ? total : 0, 9);
      expect(row.deltaTonnes).toBeCloseTo(row.aTonnes - row.bTonnes, 9);
    }
    expect(rows.map((r) => Math.abs(r.deltaTonnes))).toEqual([...rows.map((r) => Math.abs(r.deltaTonnes))].sort((p, q) => q - p));
    expect(rows.some((r) => r.region === "EU" && r.deltaTonnes === 0)).toBe(true);
  });
});
