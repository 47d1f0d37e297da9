import { describe, expect, it } from "vitest";
import type { SimulationResult } from "../engine/index.js";
import type { World } from "../model/world-schema.js";
import { sectorShortfalls } from "./sector-shortfalls.js";

const world = {
  sectors: [
    { id: "sector:ev", name: "EV motors (cars and vans)", shortName: "EV motors", use: "magnet" },
    { id: "sector:glass", name: "Glass polishing", use: "non-magnet" },
  ],
} as unknown as World;

/** Three months, regions AA and BB, sectors ev and glass; need and deliveries `[month][region][sector]`. */
function result(need: number[], delivered: number[]): SimulationResult {
  return {
    startMonth: "2026-01", months: 3, regionIds: ["AA", "BB"], sectorIds: ["sector:ev", "sector:glass"],
    sectorDemandUnits: Float64Array.from(need), sectorDeliveredUnits: Float64Array.from(delivered),
  } as unknown as SimulationResult;
}

describe("final demand unmet by sector", () => {
  //                   month 0: AA ev, AA glass, BB ev, BB glass | month 1 | month 2
  const run = result([100, 10, 50, 5, 100, 10, 50, 5, 100, 10, 50, 5], [100, 10, 50, 5, 60, 10, 49.9, 5, 80, 9, 50, 5]);

  it("sums need and unmet need over the window in the sector's unit, with the first and the worst month short", () => {
    expect(sectorShortfalls(run, world)).toEqual([
      // AA ev: 40 + 20 t magnet of 300 short; worst 2026-02 (40 %). BB ev is 0.2 % short: under 1 %, left out.
      { sector: "sector:ev", sectorName: "EV motors (cars and vans)", sectorShortName: "EV motors", region: "AA", unit: "t magnet", needUnits: 300, shortUnits: 60, firstMonth: "2026-02", worstMonth: "2026-02", worstShareOfNeed: 0.4 },
      { sector: "sector:glass", sectorName: "Glass polishing", sectorShortName: "Glass polishing", region: "AA", unit: "t REO", needUnits: 30, shortUnits: 1, firstMonth: "2026-03", worstMonth: "2026-03", worstShareOfNeed: 0.1 },
    ]);
  });

  it("takes the episodes' test: a share above 1 % of a need of rounding size is no shortfall", () => {
    // BB glass needs 1e-7 t a month and gets none in month 1: 100 % of need, but rounding dust.
    const dust = result([100, 10, 50, 1e-7, 100, 10, 50, 1e-7, 100, 10, 50, 1e-7], [100, 10, 50, 1e-7, 100, 10, 50, 0, 100, 10, 50, 1e-7]);
    expect(sectorShortfalls(dust, world)).toEqual([]);
  });

  it("counts only the months of the window (--from)", () => {
    const fromMarch = sectorShortfalls(run, world, 2);
    expect(fromMarch.map((x) => [x.sector, x.needUnits, x.shortUnits, x.firstMonth])).toEqual([["sector:ev", 100, 20, "2026-03"], ["sector:glass", 10, 1, "2026-03"]]);
  });
});
