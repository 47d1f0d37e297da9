import { describe, expect, it } from "vitest";
import type { SimulationResult } from "../engine/index.js";
import { gapClosers } from "./run-report.js";

/** A one-month result of two regions and two elements (La cheap, Dy dear) with the given separation output, t. */
function result(separation: Record<"AA" | "BB", [la: number, dy: number]>): SimulationResult {
  const R = 2;
  const E = 2;
  const productionTonnes = new Float64Array(4 * R * E);
  (["AA", "BB"] as const).forEach((region, r) => {
    productionTonnes[(1 * R + r) * E + 0] = separation[region][0];
    productionTonnes[(1 * R + r) * E + 1] = separation[region][1];
  });
  const pricesUsdPerKg = Float64Array.from([2, 2, 300, 300]);
  return { months: 1, startMonth: "2026-01", regionIds: ["AA", "BB"], elementSymbols: ["La", "Dy"], productionTonnes, pricesUsdPerKg } as unknown as SimulationResult;
}

describe("who closes the gap", () => {
  it("lists region-stages that made more than in the baseline, by value at start prices", () => {
    const baseline = result({ AA: [100, 1], BB: [100, 1] });
    const run = result({ AA: [100, 3], BB: [150, 1] });
    const closers = gapClosers(run, baseline);
    // AA: +2 t of Dy (US$600,000) ranks above BB: +50 t of La (US$100,000).
    expect(closers.map((g) => `${g.region} ${g.stage} ${g.extraTonnes}`)).toEqual(["AA separation 2", "BB separation 50"]);
    expect(closers[0]!.extraValueUsd).toBeCloseTo(600_000, 6);
  });

  it("leaves out a region-stage that made fewer tonnes of a dearer mix: it opened a gap, it did not close one", () => {
    const baseline = result({ AA: [100, 1], BB: [100, 1] });
    // AA: −60 t of La but +1 t of Dy: worth +US$180,000 at start prices, 59 t less.
    const run = result({ AA: [40, 2], BB: [100, 1] });
    expect(gapClosers(run, baseline)).toEqual([]);
  });
});

describe("episodes the baseline had too", () => {
  it("are marked when the baseline is short of the same element, region and stage in an overlapping period", async () => {
    const { markBaselineEpisodes } = await import("./run-report.js");
    const episode = (element: string, region: string, stage: string, startMonth: string, endMonth: string, peakShareOfDemand = 0.1) =>
      ({ element, region, stage, startMonth, endMonth, durationMonths: 1, peakTonnesPerMonth: 1, peakShareOfDemand, totalTonnes: 1 });
    const run = [
      episode("Ce", "EU", "separation", "2024-01", "2026-05"), episode("Dy", "JP", "use", "2025-06", "2026-01"), episode("Y", "JP", "use", "2025-06", "2033-12"),
      episode("Dy", "CN", "separation", "2024-11", "2027-08", 0.48),
    ];
    const baseline = [
      episode("Ce", "EU", "separation", "2024-01", "2025-11"), episode("Dy", "JP", "separation", "2025-06", "2026-01"), episode("Y", "JP", "use", "2034-01", "2034-02"),
      // Overlapping but far shallower (kachin-cutoff: 48 % against the baseline's 5.5 %): not inherited.
      episode("Dy", "CN", "separation", "2024-12", "2025-07", 0.055),
    ];
    expect(markBaselineEpisodes(run, baseline).map((e) => e.alsoInBaseline)).toEqual([true, false, false, false]);
  });
});
