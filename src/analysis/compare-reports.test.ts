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
});
