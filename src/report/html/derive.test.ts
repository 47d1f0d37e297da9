import { describe, expect, it } from "vitest";
import { sampleReport } from "../../../test/fixtures/report/sample-report.js";
import { deepestShortage, firstShortages, lossesBySector, orderElements, parsePriceLabel, pricePairs } from "./derive.js";
import { formatUnits, formatUsdPerKg, monthPosition, pluralUnit, shortSectorName } from "./format.js";
import { formatAxisNumber } from "./echarts-ssr.js";
import { linkifyText, slugify } from "./escape.js";

const report = sampleReport();

describe("derive", () => {
  it("puts the magnet elements first", () => {
    expect(orderElements(["La", "Tb", "Ce", "Nd", "Dy", "Pr"])).toEqual(["Nd", "Pr", "Dy", "Tb", "Ce", "La"]);
    expect(pricePairs(report).map((p) => p.element)).toEqual(["Nd", "Pr", "Dy", "Tb", "Ce", "La"]);
  });

  it("reads element and market from price path labels", () => {
    expect(parsePriceLabel("Dy ex-China")).toEqual({ element: "Dy", market: "ex-china" });
    expect(parsePriceLabel("Dy China")).toEqual({ element: "Dy", market: "china" });
  });

  it("keeps the first final-demand shortage per element and region, earliest first", () => {
    // The Tb/EU magnet-plant episode is left out of the headline: final demand is short elsewhere.
    expect(firstShortages(report).map((e) => `${e.element}/${e.region}/${e.startMonth}/${e.stage}`)).toEqual(["Dy/JP/2026-06/use", "Dy/EU/2026-07/use", "Tb/JP/2026-08/use"]);
    expect(deepestShortage(report)).toMatchObject({ element: "Dy", region: "EU", peakTonnesPerMonth: 9.1 });
  });

  it("sums losses by sector over regions", () => {
    expect(lossesBySector(report).map((s) => [s.sector, s.totalUnits, s.unit])).toEqual([
      ["sector:ev-traction", 324_100, "vehicle"], ["sector:hybrids", 96_500, "vehicle"], ["sector:wind", 1_550, "MW"],
      ["sector:industrial-motors", 1_460, "t magnet"], ["sector:defense", 10, "F-35 NdFeB set"],
    ]);
  });

  it("names a sector by the world's short name the report carries, and by its name up to a parenthesis in a report saved before short names", () => {
    const withShort = { ...report, endProductsLost: report.endProductsLost.map((x) => {
      const { sectorShortName: _dropped, ...rest } = x;
      return x.sector === "sector:defense" ? { ...rest, sectorShortName: "Defence (NdFeB)" } : rest;
    }) };
    const names = Object.fromEntries(lossesBySector(withShort).map((s) => [s.sector, s.sectorShortName]));
    expect(names["sector:defense"]).toBe("Defence (NdFeB)");
    const ev = withShort.endProductsLost.find((x) => x.sector === "sector:ev-traction")!;
    expect(names["sector:ev-traction"]).toBe(shortSectorName(ev.sectorName));
  });
});

describe("format", () => {
  it("writes prices, counts and units the way a reader expects", () => {
    expect([formatUsdPerKg(0.845), formatUsdPerKg(78), formatUsdPerKg(3414.2)]).toEqual(["$0.85", "$78.0", "$3,414"]);
    expect([formatUnits(324_100), formatUnits(2.25), formatUnits(10)]).toEqual(["324,100", "2.3", "10"]);
    expect(["vehicle", "MW", "t magnet", "F-35-equivalent", "systems"].map(pluralUnit)).toEqual(["vehicles", "MW", "t magnet", "F-35-equivalents", "systems"]);
    expect(shortSectorName("EV traction motors (battery-electric, incl. NEVs)")).toBe("EV traction motors");
    expect(shortSectorName("Defence systems (NdFeB): actuators")).toBe("Defence systems");
    expect([formatAxisNumber(2.5), formatAxisNumber(3500), formatAxisNumber(350_000), formatAxisNumber(2_500_000)]).toEqual(["2.5", "3,500", "350k", "2.5M"]);
  });

  it("places months and days on the month axis", () => {
    expect(monthPosition("2026-01", "2026-04")).toBe(3);
    expect(monthPosition("2026-01", "2026-04-01")).toBe(3);
    expect(monthPosition("2026-01", "2026-11-16")).toBe(10.5);
    expect(monthPosition("2026-01", "2025-12-01")).toBe(-1);
  });

  it("links only http(s) URLs and slugs ids", () => {
    expect(linkifyText("see https://a.example/x. and javascript:alert(1)")).toBe('see <a href="https://a.example/x" rel="noreferrer noopener">https://a.example/x</a>. and javascript:alert(1)');
    expect(slugify("F-35-equivalent")).toBe("f-35-equivalent");
    expect(slugify("<>")).toBe("x");
  });

  it("falls back to plants short of input when final demand is always met", () => {
    const onlyPlants = { ...report, shortages: report.shortages.filter((e) => e.stage !== "use") };
    expect(firstShortages(onlyPlants).map((e) => e.stage)).toEqual(["magnet"]);
  });

  it("does not lead with a deep shortage of a fraction of a tonne", () => {
    const big = { element: "Nd", region: "EU", stage: "use", startMonth: "2026-01", endMonth: "2027-01", durationMonths: 13, peakTonnesPerMonth: 60, peakShareOfDemand: 0.15, totalTonnes: 1_900 };
    const tiny = { ...big, element: "Yb", region: "ROW", peakTonnesPerMonth: 0.4, peakShareOfDemand: 0.93, totalTonnes: 3.6 };
    expect(deepestShortage({ ...report, shortages: [tiny, big] })?.element).toBe("Nd");
  });
});

