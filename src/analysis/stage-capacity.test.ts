import { describe, expect, it } from "vitest";
import { compileModel, createNeutralConstraints, runSimulation } from "../engine/index.js";
import { loadWorldFromDirectory } from "../world/node.js";
import { stagePlantsOf } from "./stage-capacity.js";

const world = loadWorldFromDirectory(new URL("../../test/fixtures/worlds/tiny/", import.meta.url).pathname);

describe("stagePlantsOf", () => {
  it("sums the capacity the engine recorded for each facility by month, stage and region, and marks the elements its plants handle from their first month with capacity", () => {
    const model = compileModel(world, { startMonth: "2024-01", months: 24 });
    const result = runSimulation(model, createNeutralConstraints(model));
    const plants = stagePlantsOf(result);
    const R = result.regionIds.length;
    const E = result.elementSymbols.length;
    const N = result.facilityIds.length;
    let checked = 0;
    for (let m = 0; m < result.months; m++) {
      for (let stage = 0; stage < 4; stage++) {
        for (let r = 0; r < R; r++) {
          let expected = 0;
          const handled = new Set<number>();
          for (let i = 0; i < N; i++) {
            if (result.facilityStage[i] !== stage || result.facilityRegion[i] !== r) continue;
            const cap = result.facilityCapacityTonnes[m * N + i]!;
            if (!(cap > 0)) continue;
            expected += cap;
            for (let e = 0; e < E; e++) if (result.facilityElementMask[i * E + e] === 1) handled.add(e);
          }
          expect(plants.capacityPerMonth[(m * 4 + stage) * R + r]).toBeCloseTo(expected, 9);
          for (let e = 0; e < E; e++) expect(plants.handles[((m * 4 + stage) * R + r) * E + e], `${m} ${stage} ${r} ${e}`).toBe(handled.has(e) ? 1 : 0);
          if (expected > 0) checked++;
        }
      }
    }
    expect(checked).toBeGreaterThan(0);
    // Present: every facility's stage, region and elements, whether it had capacity or not.
    for (let i = 0; i < N; i++) {
      for (let e = 0; e < E; e++) if (result.facilityElementMask[i * E + e] === 1) expect(plants.present[(result.facilityStage[i]! * R + result.facilityRegion[i]!) * E + e]).toBe(1);
    }
    expect(plants.present.reduce((a, v) => a + v, 0)).toBeLessThan(plants.present.length);
    // Oxide and metal users' content per unit is kept; magnet sectors' is left out.
    for (let k = 0; k < plants.sectorForm.length; k++) {
      for (let e = 0; e < E; e++) expect(plants.sectorElementPerUnit[k * E + e]).toBe(plants.sectorForm[k] === 3 ? 0 : result.sectorElementPerUnit[k * E + e]);
    }
  });
});
