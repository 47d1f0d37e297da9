import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { WORLD_FILES } from "../model/world-schema.js";
import { compileModel } from "./compile.js";
import { createNeutralConstraints } from "./constraints.js";
import { arbitraryWorld, buildWorld, randomConstraints } from "./fixtures/arbitrary-world.js";
import { badValues, facilityAttributionErrors, massBalanceErrors, provenanceShareError } from "./fixtures/invariants.js";
import { runSimulation } from "./run.js";

const MONTHS = 30;
const RUNS = Number(process.env.PROPERTY_RUNS ?? 30);

/** A generated world, random constraints for it, and a run seed: the input of every property. */
const scenario = fc.record({ world: arbitraryWorld(), constraintSeed: fc.integer({ min: 0, max: 2 ** 31 - 1 }), runSeed: fc.integer(), policies: fc.boolean() });

type Scenario = typeof scenario extends fc.Arbitrary<infer T> ? T : never;

function simulate({ world, constraintSeed, runSeed, policies }: Scenario) {
  const model = compileModel(world, { months: MONTHS });
  const constraints = policies ? randomConstraints(model, constraintSeed) : createNeutralConstraints(model);
  return { model, constraints, result: runSimulation(model, constraints, { seed: runSeed, sampleParameters: true }) };
}

describe("engine invariants over generated worlds and random constraints", () => {
  it("generated worlds satisfy the world schemas", () => {
    fc.assert(
      fc.property(arbitraryWorld(), (w) => {
        expect(WORLD_FILES["mines.yaml"].safeParse({ mines: w.mines }).success).toBe(true);
        expect(WORLD_FILES["separation-plants.yaml"].safeParse({ separationPlants: w.separationPlants }).success).toBe(true);
        expect(WORLD_FILES["metal-plants.yaml"].safeParse({ metalPlants: w.metalPlants }).success).toBe(true);
        expect(WORLD_FILES["magnet-plants.yaml"].safeParse({ magnetPlants: w.magnetPlants }).success).toBe(true);
        expect(WORLD_FILES["demand.yaml"].safeParse({ sectors: w.sectors, demand2024: w.demand2024 }).success).toBe(true);
        expect(WORLD_FILES["deposit-profiles.yaml"].safeParse({ depositProfiles: w.depositProfiles }).success).toBe(true);
        expect(WORLD_FILES["parameters.yaml"].safeParse({ parameters: w.parameters, regionParameters: w.regionParameters }).success).toBe(true);
        expect(WORLD_FILES["trade.yaml"].safeParse({ defaultLeadTimeMonths: w.defaultLeadTimeMonths, leadTimes: w.leadTimes, flows: w.flows, domesticOnly: w.domesticOnly }).success).toBe(true);
      }),
      { numRuns: 50 },
    );
  });

  it("conserves mass per element: mined + opening = used + losses + closing + in transit (1e-9 relative)", () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const errors = massBalanceErrors(simulate(input).result);
        expect(Math.max(...errors)).toBeLessThan(1e-9);
      }),
      { numRuns: RUNS },
    );
  });

  it("never produces a negative, NaN or infinite value", () => {
    fc.assert(
      fc.property(scenario, (input) => {
        expect(badValues(simulate(input).result)).toEqual([]);
      }),
      { numRuns: RUNS },
    );
  });

  it("gives identical results for identical inputs and seed", () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const a = simulate(input).result;
        const b = simulate(input).result;
        expect(b).toEqual(a);
      }),
      { numRuns: 10 },
    );
  });

  it("keeps provenance: origin shares of stocks and of final use sum to 1", () => {
    fc.assert(
      fc.property(scenario, (input) => {
        const { stocks, use } = provenanceShareError(simulate(input).result);
        expect(stocks).toBeLessThan(1e-9);
        expect(use).toBeLessThan(1e-5); // use by origin is stored as float32
      }),
      { numRuns: RUNS },
    );
  });

  it("attributes each stage's output to its facilities: they sum to the region's production (1e-9 relative), utilisation within [0, 1]", () => {
    // Runs in which some facility of each stage made something: the check must not pass vacuously.
    const runsWithOutput = [0, 0, 0, 0];
    fc.assert(
      fc.property(scenario, (input) => {
        const { model, result } = simulate(input);
        const errors = facilityAttributionErrors(result, model.elementOxideFactor);
        expect(errors.output, errors.where).toBeLessThan(1e-9);
        expect(errors.minUtilisation).toBeGreaterThanOrEqual(0);
        // A plant at capacity can read 1 + a few ulps (output and capacity are summed in different orders).
        expect(errors.maxUtilisation).toBeLessThanOrEqual(1 + 1e-12);
        const N = result.facilityIds.length;
        for (let stage = 0; stage < 4; stage++) {
          if (result.facilityOutputTonnes.some((v, k) => v > 0 && result.facilityStage[k % N] === stage)) runsWithOutput[stage]!++;
        }
      }),
      { numRuns: RUNS },
    );
    for (const runs of runsWithOutput) expect(runs).toBeGreaterThan(RUNS / 4);
  });

  it("shares a region's magnets of one type among its plants of that type by capacity: equal utilisation within the group", () => {
    let groupsCompared = 0;
    fc.assert(
      fc.property(scenario, (input) => {
        const { model, result } = simulate(input);
        const N = result.facilityIds.length;
        for (let m = 0; m < result.months; m++) {
          const seen = new Map<string, number>();
          for (let i = 0; i < N; i++) {
            if (result.facilityStage[i] !== 3 || !(result.facilityCapacityTonnes[m * N + i]! > 0)) continue;
            const key = `${result.facilityRegion[i]}:${model.facilityMagnetType[i]}`;
            // Its output over its capacity, from the two recorded series (not the recorded utilisation, set per group).
            const utilisation = result.facilityOutputTonnes[m * N + i]! / result.facilityCapacityTonnes[m * N + i]!;
            const other = seen.get(key);
            if (other === undefined) seen.set(key, utilisation);
            else {
              expect(Math.abs(utilisation - other), `${result.facilityIds[i]} month ${m}`).toBeLessThan(1e-9);
              groupsCompared++;
            }
          }
        }
      }),
      { numRuns: RUNS },
    );
    expect(groupsCompared).toBeGreaterThan(0);
  });

  it("samples parameters inside their ranges, and differently for different seeds", () => {
    const world = buildWorld({ regions: 3, withChina: true, elementPicks: [true, true, true, true, true, true, true, true], seed: 5, mines: 2, separators: 2, metalPlants: 1, magnetPlants: 1, spinUpMonths: 2 });
    const model = compileModel(world, { months: 3 });
    const neutral = createNeutralConstraints(model);
    const a = runSimulation(model, neutral, { seed: 1, sampleParameters: true }).parameters;
    const b = runSimulation(model, neutral, { seed: 2, sampleParameters: true }).parameters;
    const fixed = runSimulation(model, neutral, { seed: 1 }).parameters;
    expect(a["separation.recoveryShare"]).toBeGreaterThanOrEqual(0.9);
    expect(a["separation.recoveryShare"]).toBeLessThanOrEqual(0.99);
    expect(a["separation.recoveryShare"]).not.toBe(b["separation.recoveryShare"]);
    expect(fixed["separation.recoveryShare"]).toBe(0.95);
  });
});
