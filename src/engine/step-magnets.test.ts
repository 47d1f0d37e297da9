import { describe, expect, it } from "vitest";
import type { World } from "../model/world-schema.js";
import { compileModel } from "./compile.js";
import { ndWorld } from "./fixtures/small-worlds.js";
import { stepContextFor } from "./fixtures/step-context.js";
import { useMagnets } from "./step-magnets.js";

/** The hand-checked Nd world with Pr, Dy and Tb added and a motor grade of Nd 20, Pr 6, Dy 2, Tb 2 wt%. */
function fourElementWorld(): World {
  const world = ndWorld({ withMagnets: true });
  const nd = world.elements[0]!;
  return {
    ...world,
    elements: [nd, ...(["Pr", "Dy", "Tb"] as const).map((symbol, i) => ({ ...nd, symbol, name: symbol, atomicNumber: 59 + 7 * i }))],
    magnetGrades: [{ ...world.magnetGrades[0]!, elementsWeightPercent: { Nd: 20, Pr: 6, Dy: 2, Tb: 2 } }],
  } as World;
}

/**
 * Japan's magnet stock (t of content) and one month of its motor sector's demand: 10 t of magnet, so it needs
 * Nd 2, Pr 0.6, Dy 0.2, Tb 0.2. Runs `useMagnets` alone and returns what was built and what is left.
 */
function drawJapan(stock: Record<"Nd" | "Pr" | "Dy" | "Tb", number>, tbDyEquivalence = 1.5) {
  const model = compileModel(fourElementWorld(), { startMonth: "2024-01", months: 1 });
  const parameters = { ...model.parameters, "magnet.tbDyEquivalence": tbDyEquivalence };
  const ctx = stepContextFor(model, parameters);
  const { s, res } = ctx;
  const { R, E, K, G } = s;
  const jp = model.regionIndex.JP!;
  const motors = model.sectorIds.indexOf("sector:motors");
  const grade = 0;
  const units = 10; // t of magnet
  s.demandUnits[jp * K + motors] = units;
  const recipe = { Nd: 0.2, Pr: 0.06, Dy: 0.02, Tb: 0.02 } as const;
  for (const [symbol, share] of Object.entries(recipe)) {
    const e = model.elementIndex[symbol]!;
    for (let market = 0; market < 2; market++) s.gradeShareEff[(market * G + grade) * E + e] = share;
    const node = (jp * 4 + 3) * E + e;
    s.sectorNeedNow[node] = units * share;
    const held = stock[symbol as keyof typeof stock];
    s.inStock[node * R + jp] = held;
    s.inTotal[node] = held;
    if (held > 0) {
      s.inOrigins[node * R] = jp;
      s.inOriginCount[node] = 1;
      s.inHasOrigin[node * R + jp] = 1;
    }
  }
  useMagnets(ctx);
  const left = (symbol: string) => s.inTotal[(jp * 4 + 3) * E + model.elementIndex[symbol]!]!;
  const used = (symbol: string) => res.finalUseTonnes[(jp * 4 + 3) * E + model.elementIndex[symbol]!]!;
  return { built: res.sectorDeliveredUnits[jp * K + motors]! / units, lost: res.endProductsLost[motors * R + jp]!, left, used };
}

describe("magnet sectors draw pooled elements", () => {
  it("builds every unit from Nd alone when Pr is missing but the Nd + Pr pool covers the need (didymium)", () => {
    const { built, lost, left, used } = drawJapan({ Nd: 3, Pr: 0, Dy: 1, Tb: 1 });
    expect(built).toBe(1);
    expect(lost).toBe(0);
    // The pool's 2.6 t come out of Nd, the only element of the pool on hand.
    expect(used("Nd")).toBeCloseTo(2.6, 12);
    expect(left("Nd")).toBeCloseTo(0.4, 12);
    expect(used("Pr")).toBe(0);
  });

  it("lets Dy stand in for missing Tb at the equivalence factor, and loses units only when the pool is short", () => {
    // Need in Dy-equivalent: 0.2 + 1.5 × 0.2 = 0.5 t; on hand 0.4 t of Dy and no Tb → 80 % built.
    const { built, lost, used, left } = drawJapan({ Nd: 10, Pr: 10, Dy: 0.4, Tb: 0 });
    expect(built).toBeCloseTo(0.8, 12);
    // 2 t of motors not built, at 2 kg of magnet per motor.
    expect(lost).toBeCloseTo((10 * 0.2 * 1000) / 2, 6);
    expect(used("Dy")).toBeCloseTo(0.4, 12);
    expect(left("Dy")).toBeCloseTo(0, 12);
    // Nd + Pr: 80 % of 2.6 t drawn in proportion to the stock (10 : 10).
    expect(used("Nd")).toBeCloseTo(1.04, 12);
    expect(used("Pr")).toBeCloseTo(1.04, 12);
  });

  it("draws a pool's elements in proportion to their weighted stock, never beyond it", () => {
    // Dy-equivalent need 0.5; stock 0.2 Dy + 1.5 × 0.2 Tb = 0.5 → all built, both drawn out completely.
    const { built, used } = drawJapan({ Nd: 10, Pr: 10, Dy: 0.2, Tb: 0.2 });
    expect(built).toBeCloseTo(1, 12);
    expect(used("Dy")).toBeCloseTo(0.2, 12);
    expect(used("Tb")).toBeCloseTo(0.2, 12);
  });

  it("weights Tb by magnet.tbDyEquivalence", () => {
    // At 1: need 0.4 t Dy-equivalent; 0.3 t Dy on hand → 75 % built.
    expect(drawJapan({ Nd: 10, Pr: 10, Dy: 0.3, Tb: 0 }, 1).built).toBeCloseTo(0.75, 12);
    expect(drawJapan({ Nd: 10, Pr: 10, Dy: 0.3, Tb: 0 }, 2).built).toBeCloseTo(0.5, 12);
  });
});
