import { describe, expect, it } from "vitest";
import type { World } from "../model/world-schema.js";
import { compileModel } from "./compile.js";
import { ndWorld } from "./fixtures/small-worlds.js";
import { stepContextFor } from "./fixtures/step-context.js";
import { computeDemand } from "./step-demand.js";

/** The Nd world with Dy, a thin GBD-able grade and a thick wind-type grade whose Dy the responses cannot cut. */
function world(): World {
  const base = ndWorld({ withMagnets: true });
  const nd = base.elements[0]!;
  const grade = base.magnetGrades[0]!;
  return {
    ...base,
    elements: [nd, { ...nd, symbol: "Dy", name: "Dy", atomicNumber: 66 }],
    magnetGrades: [
      { ...grade, id: "grade:thin", elementsWeightPercent: { Nd: 28, Dy: 2 } },
      { ...grade, id: "grade:thick", elementsWeightPercent: { Nd: 28, Dy: 2 }, heavyRareEarthThrift: false },
    ],
  } as World;
}

describe("heavy-RE responses by grade", () => {
  it("cut Dy in grades that can take grain-boundary diffusion or a Dy-free design, and leave thick wind-type blocks heavy", () => {
    const model = compileModel(world(), { startMonth: "2024-01", months: 1 });
    const ctx = stepContextFor(model);
    const { s } = ctx;
    const dy = model.elementIndex.Dy!;
    const { E, G } = s;
    for (let market = 0; market < 2; market++) {
      s.gbdCut[market] = 0.4;
      s.dyFreeShare[market] = 0.25;
    }
    computeDemand(ctx);
    for (let market = 0; market < 2; market++) {
      expect(s.gradeShareEff[(market * G + 0) * E + dy]).toBeCloseTo(0.02 * 0.6 * 0.75, 12);
      expect(s.gradeShareEff[(market * G + 1) * E + dy]).toBeCloseTo(0.02, 12);
    }
    expect(model.gradeHeavyThrift[0]).toBe(1);
    expect(model.gradeHeavyThrift[1]).toBe(0);
  });
});
