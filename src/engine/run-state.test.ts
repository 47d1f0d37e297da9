import { setFlagsFromString } from "node:v8";
import { describe, expect, it } from "vitest";
import { compileModel } from "./compile.js";
import { createNeutralConstraints } from "./constraints.js";
import { ndWorld } from "./fixtures/small-worlds.js";
import { createRunState } from "./run-state.js";

/**
 * V8 builds an object literal with more named fields than its fast-literal limit with out-of-object properties and a
 * hidden class of its own for every object: each run's state then had a different class, the engine's inline caches
 * went polymorphic across runs, and a run took ~40 % longer (measured with `npm run bench`). On Node 20 the run-state
 * literal crossed it at 128 fields (%HaveSameMap false; true at 127 and 126), so the count alone is not a safe
 * guard: the test asks V8 itself. Group new arrays into sub-objects (as `lists`, `magnetPools`, `recycled`,
 * `ordersForNeed`, `coverCalibration`) rather than adding fields.
 */
const MAX_RUN_STATE_FIELDS = 127;

/** V8's own answer on two objects (natives syntax, allowed before the function is compiled). */
function haveSameMap(): (a: object, b: object) => boolean {
  setFlagsFromString("--allow-natives-syntax");
  return new Function("a", "b", "return %HaveSameMap(a, b)") as (a: object, b: object) => boolean;
}

describe("the run state", () => {
  it(`stays within ${MAX_RUN_STATE_FIELDS} named fields, so every run's state shares one hidden class`, () => {
    const model = compileModel(ndWorld(), { startMonth: "2024-01", months: 12 });
    const state = createRunState(model, createNeutralConstraints(model), model.parameters);
    expect(Object.keys(state).length).toBeLessThanOrEqual(MAX_RUN_STATE_FIELDS);
  });

  it("of two runs has one hidden class", () => {
    // (%HasFastProperties stays true past the cliff, so it is no guard; %HaveSameMap turns false at 128 fields.)
    const sameMap = haveSameMap();
    const model = compileModel(ndWorld(), { startMonth: "2024-01", months: 12 });
    const first = createRunState(model, createNeutralConstraints(model), model.parameters);
    const second = createRunState(model, createNeutralConstraints(model), model.parameters);
    expect(sameMap(first, second)).toBe(true);
  });
});

describe("prices read cover against the calibration cover", () => {
  it("treats stocks between the calibration cover and the norms as normal, and measures beyond them from the nearer end", async () => {
    const { coverAgainstCalibration } = await import("./step-prices.js");
    // Dy-like: calibrated at 0.6 of the norms.
    expect(coverAgainstCalibration(0.6, 0.6)).toBe(1);
    expect(coverAgainstCalibration(0.9, 0.6)).toBe(1);
    expect(coverAgainstCalibration(0.3, 0.6)).toBeCloseTo(0.5, 12);
    expect(coverAgainstCalibration(1.2, 0.6)).toBeCloseTo(1.2, 12);
    // Calibrated above the norms.
    expect(coverAgainstCalibration(1.1, 1.2)).toBe(1);
    expect(coverAgainstCalibration(0.5, 1.2)).toBeCloseTo(0.5, 12);
    expect(coverAgainstCalibration(1.8, 1.2)).toBeCloseTo(1.5, 12);
    // Calibrated at the norms: the plain cover.
    expect(coverAgainstCalibration(0.8, 1)).toBeCloseTo(0.8, 12);
  });
});
