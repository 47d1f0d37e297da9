import { describe, expect, it } from "vitest";
import type { World } from "../model/world-schema.js";
import { compileModel } from "./compile.js";
import { createNeutralConstraints, type ExtraterritorialRule } from "./constraints.js";
import { ndWorld } from "./fixtures/small-worlds.js";
import { stepContextFor } from "./fixtures/step-context.js";
import { seriesFor } from "./results.js";
import { runSimulation } from "./run.js";
import { coveredMagnetShares } from "./step-market.js";

const MONTHS = 36;

describe("an extraterritorial rule that covers magnets by grade (Ann. 61: NdFeB holding Dy or Tb, SmCo)", () => {
  /** The Nd world with Pr, Dy and Tb, a heavy grade (Nd 20, Pr 6, Dy 2, Tb 2 wt%) and a Dy-free one (Nd 23, Pr 7). */
  function twoGradeWorld(): World {
    const world = ndWorld({ withMagnets: true });
    const nd = world.elements[0]!;
    const grade = world.magnetGrades[0]!;
    const sector = world.sectors.find((s) => s.id === "sector:motors")!;
    return {
      ...world,
      elements: [nd, ...(["Pr", "Dy", "Tb"] as const).map((symbol, i) => ({ ...nd, symbol, name: symbol, atomicNumber: 59 + 7 * i }))],
      magnetGrades: [
        { ...grade, id: "grade:heavy", elementsWeightPercent: { Nd: 20, Pr: 6, Dy: 2, Tb: 2 } },
        { ...grade, id: "grade:free", elementsWeightPercent: { Nd: 23, Pr: 7 } },
      ],
      sectors: [...world.sectors.filter((s) => s.id !== "sector:motors"), { ...sector, id: "sector:hot", magnetGrade: "grade:heavy" }, { ...sector, id: "sector:cool", magnetGrade: "grade:free" }],
    } as World;
  }

  it("counts the covered share of each element's magnet content by hand", () => {
    const model = compileModel(twoGradeWorld(), { startMonth: "2024-01", months: 1 });
    const ctx = stepContextFor(model);
    const { s } = ctx;
    const { E, K, G } = s;
    const market = 1;
    const recipes = [{ Nd: 0.2, Pr: 0.06, Dy: 0.02, Tb: 0.02 }, { Nd: 0.23, Pr: 0.07 }] as const;
    recipes.forEach((recipe, g) => {
      for (const [symbol, share] of Object.entries(recipe)) s.gradeShareEff[(market * G + g) * E + model.elementIndex[symbol]!] = share;
    });
    // 10 t of each sector's magnets in Japan; a quarter of the heavy grade's output made Dy-free.
    s.demandUnits[model.regionIndex.JP! * K + model.sectorIds.indexOf("sector:hot")] = 10;
    s.demandUnits[model.regionIndex.JP! * K + model.sectorIds.indexOf("sector:cool")] = 10;
    s.dyFreeShare[market] = 0.25;
    coveredMagnetShares(ctx, Uint8Array.of(2, 0), market);
    const share = (symbol: string) => s.etCoveredShare[market * E + model.elementIndex[symbol]!]!;
    // Nd: 2 t in the heavy grade, of which 3/4 still holds Dy or Tb; 2.3 t in the free grade → 1.5 / 4.3.
    expect(share("Nd")).toBeCloseTo(1.5 / 4.3, 12);
    expect(share("Pr")).toBeCloseTo((0.6 * 0.75) / 1.3, 12);
    // Dy and Tb sit only in covered magnets.
    expect(share("Dy")).toBe(1);
    expect(share("Tb")).toBe(1);
    // Covering both grades whole (SmCo-like) covers everything; covering none, nothing.
    coveredMagnetShares(ctx, Uint8Array.of(1, 1), market);
    expect(share("Nd")).toBe(1);
    coveredMagnetShares(ctx, Uint8Array.of(0, 0), market);
    expect(share("Nd")).toBe(0);
  });

  it("lets Japan's magnets of an uncovered grade reach the US and stops those of a covered one", () => {
    // The one-element Nd world: Japan makes N-grade magnets from Chinese metal for the US.
    const model = compileModel(ndWorld({ withMagnets: true, useCoverMonths: 1, leadTimeMonths: 1 }), { startMonth: "2024-01", months: MONTHS });
    const neutral = createNeutralConstraints(model);
    const rule = (magnetGradeCover: Uint8Array): ExtraterritorialRule => ({
      issuer: model.regionIndex.CN!, contentMask: Uint8Array.of(1), productMask: Uint8Array.of(0, 0, 0, 1), magnetGradeCover, minValueShare: 0.001,
      permitShare: 0, delayMonths: 0, destinationMask: Uint8Array.of(0, 0, 1), fromMonth: 12, toMonth: MONTHS,
    });
    const flow = (cover: Uint8Array) => seriesFor(runSimulation(model, { ...neutral, extraterritorialRules: [rule(cover)] }), { variable: "trade", from: "JP", to: "US", form: "magnet" });
    const free = seriesFor(runSimulation(model, neutral), { variable: "trade", from: "JP", to: "US", form: "magnet" });
    const uncovered = flow(Uint8Array.of(0));
    const whole = flow(Uint8Array.of(1));
    const cells = flow(new Uint8Array(0));
    for (let t = 14; t < MONTHS; t++) {
      expect(free[t]).toBeGreaterThan(0);
      expect(uncovered[t]).toBe(free[t]);
      expect(whole[t]).toBe(0);
      expect(cells[t]).toBe(0);
    }
  });
});
