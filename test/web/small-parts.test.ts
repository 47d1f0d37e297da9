import { describe, expect, it } from "vitest";
import type { RunReport } from "../../src/analysis/report-model.js";
import { parseRoute, routeHash, type Route } from "../../web/src/lib/route.js";
import { endProductsBySector, groupByUnit, pricedElements, sectorShortNames, sumSeries, topSeries } from "../../web/src/lib/report-figures.js";
import { extendsOf } from "../../web/src/lib/scenario-chain.js";

describe("extendsOf", () => {
  it("reads the parent of a top-level extends line", () => {
    expect(extendsOf("name: x\nextends: apr-2025\n")).toBe("apr-2025");
    expect(extendsOf("name: x\nextends: \"oct-2025-returns+western-buildout\"   # quoted\n")).toBe("oct-2025-returns+western-buildout");
    expect(extendsOf("extends: 'baseline'")).toBe("baseline");
  });
  it("finds none when there is no top-level extends", () => {
    expect(extendsOf("name: x\npolicies: []\n")).toBeUndefined();
    expect(extendsOf("name: x\n  extends: nested\n")).toBeUndefined();
    expect(extendsOf("# extends: apr-2025\nname: x\n")).toBeUndefined();
  });
  it("refuses file paths, which the browser cannot fetch", () => {
    expect(() => extendsOf("extends: ../other.yaml\n")).toThrow(/names a file/);
  });
});

describe("routes", () => {
  const cases: Route[] = [
    { view: "scenarios", name: undefined }, { view: "scenarios", name: "apr-2025" }, { view: "runs", id: "r-12" },
    { view: "compare", a: "1", b: "2" }, { view: "compare", a: "1", b: undefined }, { view: "what-if", name: "oct-2025-returns+western-buildout" },
    { view: "world" },
  ];
  it.each(cases)("round-trips %o through the hash", (route) => {
    expect(parseRoute(routeHash(route))).toEqual(route);
  });
  it("opens the scenarios view for an unknown or empty hash", () => {
    expect(parseRoute("")).toEqual({ view: "scenarios", name: undefined });
    expect(parseRoute("#/nowhere")).toEqual({ view: "scenarios", name: undefined });
  });
});

describe("report figures", () => {
  const s = (label: string, values: number[], unit = "t/month") => ({ label, unit, values });
  it("sums series month by month", () => {
    expect(sumSeries([s("a", [1, 2, 3]), s("b", [10, 20])])).toEqual([11, 22, 3]);
  });
  it("keeps the largest series and folds the rest into other", () => {
    const out = topSeries([s("a", [1]), s("b", [5]), s("c", [3]), s("d", [2])], 2);
    expect(out.map((x) => [x.label, x.values[0]])).toEqual([["b", 5], ["c", 3], ["other", 3]]);
  });
  it("groups series by unit so different units never share an axis", () => {
    expect(groupByUnit([s("EV", [1], "vehicle"), s("wind", [1], "MW"), s("hybrid", [1], "vehicle")]).map((g) => [g.unit, g.series.length])).toEqual([["vehicle", 2], ["MW", 1]]);
  });
  it("sums end products lost over regions by sector", () => {
    const out = endProductsBySector([
      { sector: "sector:ev", sectorName: "EV", unit: "vehicle", region: "US", totalUnits: 10, peakMonth: "2025-01", shortOf: ["Dy", "Tb"], unmetShareOfNeed: 0.12 },
      { sector: "sector:ev", sectorName: "EV", unit: "vehicle", region: "EU", totalUnits: 30, peakMonth: "2025-02", shortOf: [], unmetShareOfNeed: 0 },
      { sector: "sector:wind", sectorName: "Wind", unit: "MW", region: "US", totalUnits: 5, peakMonth: "2025-01", shortOf: [], unmetShareOfNeed: 0 },
    ]);
    expect(out.map((x) => [x.sector, x.totalUnits, x.regions.map((r) => r.region)])).toEqual([["sector:wind", 5, ["US"]], ["sector:ev", 40, ["EU", "US"]]]);
    // What each region was short of travels with it (a saved run from before the field has none).
    expect(out[1]!.regions.find((r) => r.region === "US")).toMatchObject({ shortOf: ["Dy", "Tb"], unmetShareOfNeed: 0.12 });
    const old = endProductsBySector([{ sector: "sector:ev", sectorName: "EV", unit: "vehicle", region: "US", totalUnits: 1, peakMonth: "2025-01" } as unknown as Parameters<typeof endProductsBySector>[0][number]]);
    expect(old[0]!.regions[0]).toMatchObject({ shortOf: [], unmetShareOfNeed: 0 });
  });
  it("names sectors by the world's short name, the full name when a saved report has none", () => {
    const loss = { unit: "vehicle", region: "US", totalUnits: 1, peakMonth: "2025-01", shortOf: [], unmetShareOfNeed: 0 };
    const [ev] = endProductsBySector([{ ...loss, sector: "sector:ev", sectorName: "EV traction motors (BEV, PHEV; incl. NEVs)", sectorShortName: "EV traction motors" }]);
    expect(ev).toMatchObject({ sectorName: "EV traction motors (BEV, PHEV; incl. NEVs)", sectorShortName: "EV traction motors" });
    // A name the old home-grown rule (cut at the first parenthesis or colon) would have mangled stays the full name.
    const [old] = endProductsBySector([{ ...loss, sector: "sector:eps", sectorName: "EPS, other automotive: pumps (x)" }]);
    expect(old!.sectorShortName).toBe("EPS, other automotive: pumps (x)");
  });
  it("looks sectors' short names up by id and by full name, from end products lost and sector shortfalls", () => {
    const report = {
      endProductsLost: [{ sector: "sector:ev", sectorName: "EV traction motors (BEV)", sectorShortName: "EV traction motors" }, { sector: "sector:old", sectorName: "Saved before short names" }],
      sectorShortfalls: [{ sector: "sector:glass", sectorName: "Glass polishing and additives", sectorShortName: "Glass polishing" }],
    } as unknown as RunReport;
    const names = sectorShortNames(report);
    expect(Object.fromEntries(names)).toEqual({
      "sector:ev": "EV traction motors", "EV traction motors (BEV)": "EV traction motors",
      "sector:glass": "Glass polishing", "Glass polishing and additives": "Glass polishing",
    });
    // A report saved before sector shortfalls existed still gives its end products' names.
    expect(sectorShortNames({ endProductsLost: report.endProductsLost } as unknown as RunReport).get("sector:ev")).toBe("EV traction motors");
  });
  it("offers key elements first", () => {
    const prices = ["La", "Tb", "Dy", "Er"].map((element) => ({ element, market: "china" as const, startUsdPerKg: 1, peakUsdPerKg: 1, peakMonth: "2024-01", endUsdPerKg: 1 }));
    expect(pricedElements({ prices } as unknown as RunReport)).toEqual(["Dy", "Tb", "La", "Er"]);
  });
});

describe("formatCompact", () => {
  it("writes axis numbers compactly without losing integer zeros", async () => {
    const { formatCompact } = await import("../../web/src/lib/format.js");
    expect([0, 0.5, 12.5, 120, 5000, 10_000, 100_000, 150_000, 200_000, 1_000_000, 1_230_000].map(formatCompact))
      .toEqual(["0", "0.5", "12.5", "120", "5,000", "10k", "100k", "150k", "200k", "1M", "1.23M"]);
  });
});

describe("formatSigned", () => {
  it("signs differences and writes ones that round to nothing as 0", async () => {
    const { formatSigned, formatUsdPerKg, formatTonnes } = await import("../../web/src/lib/format.js");
    expect(formatSigned(453.2, formatUsdPerKg)).toBe("+$453");
    expect(formatSigned(-1234, formatTonnes)).toBe("−1,234");
    expect(formatSigned(-0.001, formatUsdPerKg)).toBe("0");
  });
});

describe("highlightLine", () => {
  it("colours keys, dashes, quoted strings and comments, and gives back the line", async () => {
    const { highlightLine } = await import("../../web/src/lib/yaml-highlight.js");
    const line = '  - id: "a#b" # note';
    const tokens = highlightLine(line);
    expect(tokens.map((t) => t.text).join("")).toBe(line);
    expect(tokens.filter((t) => t.kind !== "plain").map((t) => [t.kind, t.text])).toEqual([["dash", "- "], ["key", "id"], ["string", '"a#b"'], ["comment", "# note"]]);
    expect(highlightLine("# only a comment")).toEqual([{ kind: "comment", text: "# only a comment" }]);
    expect(highlightLine("url: a#b").map((t) => t.kind)).toEqual(["key", "plain", "plain"]);
  });
});
