/** Offtakes (trade.yaml `offtakes`, docs/model.md §9 step 2): a contracted buyer is served first, hand-checked on a small world. */
import { describe, expect, it } from "vitest";
import type { World } from "../model/world-schema.js";
import { compileModel } from "./compile.js";
import { copySegment, createNeutralConstraints, FORM_INDEX, tradeConstraintOffset } from "./constraints.js";
import { massBalanceErrors } from "./fixtures/invariants.js";
import { ndWorld } from "./fixtures/small-worlds.js";
import { seriesFor } from "./results.js";
import { runSimulation } from "./run.js";

const MONTHS = 24;
/** CN and the US both make Nd metal (the US plant: 600 t a year of capacity, more than Japan needs); Japan uses 240 t REO a year of it (17.15 t Nd a month). */
const BASE = ndWorld({ usMetalCapacityTonnesPerYear: 600 });
const JP_NEED = 20 / 1.166;
const offtake = (fields: Partial<NonNullable<World["offtakes"]>[number]> = {}): World => ({
  ...BASE,
  offtakes: [{ id: "offtake:us-jp", supplier: "plant:us-metal", buyer: "JP", form: "metal", elements: ["Nd"], share: 1, from: "2020-01", source: "test-source", ...fields }],
});

function run(world: World, constraints?: (model: ReturnType<typeof compileModel>) => ReturnType<typeof createNeutralConstraints>) {
  const model = compileModel(world, { startMonth: "2024-01", months: MONTHS });
  return runSimulation(model, constraints?.(model) ?? createNeutralConstraints(model));
}
const imports = (r: ReturnType<typeof run>, from: string) => seriesFor(r, { variable: "trade", from, to: "JP", form: "metal", element: "Nd" });

describe("offtakes", () => {
  it("serve the buyer first: Japan takes all its metal from the US, which makes more than Japan needs, instead of splitting it with China", () => {
    const free = run(BASE);
    const contracted = run(offtake());
    // Without the contract Japan buys from both makers pro rata to their offers.
    expect(imports(free, "CN")[12]).toBeGreaterThan(1);
    for (let t = 1; t < MONTHS; t++) {
      // US output above Japan's 17.15 t a month: the contract covers Japan's whole request, nothing is left for China.
      expect(imports(contracted, "US")[t]).toBeCloseTo(JP_NEED, 6);
      expect(imports(contracted, "CN")[t]).toBeCloseTo(0, 9);
    }
    expect(Math.max(...massBalanceErrors(contracted))).toBeLessThan(1e-9);
  });

  it("take at most the share of the supplier's stock and the monthly cap, and buy the rest pro rata as before", () => {
    // A cap of 60 t a year: 5 t a month from the US first; the other 12.15 t go through the rounds (both makers).
    const capped = run(offtake({ capTonnesPerYear: 60 }));
    const free = run(BASE);
    for (const t of [6, 12, 23]) {
      expect(imports(capped, "US")[t]! + imports(capped, "CN")[t]!).toBeCloseTo(JP_NEED, 6);
      expect(imports(capped, "US")[t]).toBeGreaterThan(5);
      expect(imports(capped, "US")[t]).toBeGreaterThan(imports(free, "US")[t]!);
      expect(imports(capped, "US")[t]).toBeLessThan(JP_NEED - 1);
    }
  });

  it("run only from `from` until `until`", () => {
    const dated = run(offtake({ from: "2024-07", until: "2025-01" }));
    const free = run(BASE);
    expect(imports(dated, "US")[3]).toBeCloseTo(imports(free, "US")[3]!, 9);
    // In force: Japan takes all the US has (its plan still follows last months' orders) and less from China.
    expect(imports(dated, "US")[9]).toBeGreaterThan(imports(free, "US")[9]! + 1);
    expect(imports(dated, "CN")[9]).toBeLessThan(imports(free, "CN")[9]! - 1);
    expect(imports(dated, "US")[9]! + imports(dated, "CN")[9]!).toBeCloseTo(JP_NEED, 6);
    expect(imports(dated, "CN")[20]).toBeGreaterThan(1);
  });

  it("go through the link's permit: what a permit refuses stays requested and is bought elsewhere (and counted blocked)", () => {
    // US → JP metal exports at 40 % from month 6: the contract ships 40 % of what it asks; the rest is asked in the rounds,
    // where the US is proposed its share again (40 % approved, once) and China the rest.
    const halfBanned = run(offtake(), (model) => {
      const base = createNeutralConstraints(model);
      const restricted = copySegment(base.segments[0]!);
      restricted.exportPermitShare[tradeConstraintOffset(model, model.regionIndex.US!, model.regionIndex.JP!, 0, FORM_INDEX.metal)] = 0.4;
      return { ...base, segments: [base.segments[0]!, restricted], segmentOfMonth: Int32Array.from({ length: MONTHS }, (_, t) => (t >= 6 ? 1 : 0)) };
    });
    expect(imports(halfBanned, "US")[12]).toBeGreaterThan(0.4 * JP_NEED);
    expect(imports(halfBanned, "US")[12]).toBeLessThan(0.7 * JP_NEED);
    // Japan's need met to a gram a month (planning moves by what is ordered, so not to the milligram).
    expect(imports(halfBanned, "US")[12]! + imports(halfBanned, "CN")[12]!).toBeCloseTo(JP_NEED, 5);
    expect(seriesFor(halfBanned, { variable: "blocked", form: "metal" })[12]).toBeGreaterThan(0);
  });
});
