import { describe, expect, it } from "vitest";
import { compileModel } from "./compile.js";
import { createNeutralConstraints } from "./constraints.js";
import { ndWorld } from "./fixtures/small-worlds.js";
import { createRunState } from "./run-state.js";

/**
 * V8 builds an object literal with more named fields than its fast-literal limit (observed between 129 and 135 on
 * Node 20) with out-of-object properties and a hidden class of its own for every object: each run's state then had a
 * different class, the engine's inline caches went polymorphic across runs, and a run took ~40 % longer (measured
 * with `npm run bench`; %HaveSameMap on two states was false at 135 fields, true at 126). Group new arrays into
 * sub-objects (as `magnetPools`, `recycled`, `ordersForNeed`, `coverCalibration`) rather than adding fields.
 */
const MAX_RUN_STATE_FIELDS = 128;

describe("the run state", () => {
  it(`stays within ${MAX_RUN_STATE_FIELDS} named fields, so every run's state shares one hidden class`, () => {
    const model = compileModel(ndWorld(), { startMonth: "2024-01", months: 12 });
    const state = createRunState(model, createNeutralConstraints(model), model.parameters);
    expect(Object.keys(state).length).toBeLessThanOrEqual(MAX_RUN_STATE_FIELDS);
  });
});
