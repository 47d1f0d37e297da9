import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { World } from "../model/world-schema.js";
import { compileModel } from "./compile.js";
import { createNeutralConstraints } from "./constraints.js";
import { arbitraryWorld, buildWorld, randomConstraints } from "./fixtures/arbitrary-world.js";
import { runReference } from "./fixtures/reference-stepper.js";
import { runSimulation } from "./run.js";

const MONTHS = 18;

/** Largest relative difference between the engine's series and the reference's nested arrays. */
function worstDifference(fast: Float64Array, slow: unknown): number {
  const flat = (slow as number[]).flat(4) as number[];
  let scale = 1; // tonnes or US$/kg: below 1, compare absolutely
  for (const v of flat) scale = Math.max(scale, Math.abs(v));
  let worst = 0;
  for (let i = 0; i < flat.length; i++) worst = Math.max(worst, Math.abs(fast[i]! - flat[i]!) / scale);
  return worst;
}

const input = fc.tuple(arbitraryWorld(), fc.integer({ min: 0, max: 2 ** 31 - 1 }), fc.boolean());

function compare([world, seed, policies]: [World, number, boolean]): void {
  const compiled = compileModel(world, { months: MONTHS });
  // Under random constraints, a low backstop (1.3 × calibration) so that capped prices are compared too.
  const model = policies ? { ...compiled, parameters: { ...compiled.parameters, "price.backstopMultiple": 1.3 } } : compiled;
  const constraints = policies ? { ...randomConstraints(model, seed), stockChanges: [] } : createNeutralConstraints(model);
  const fast = runSimulation(model, constraints, { recordTradeFlows: false, recordOrigins: false });
  const slow = runReference(model, constraints);
  expect(worstDifference(fast.productionTonnes, slow.production)).toBeLessThan(1e-7);
  expect(worstDifference(fast.finalUseTonnes, slow.finalUse)).toBeLessThan(1e-7);
  expect(worstDifference(fast.stockTonnes, slow.stocks)).toBeLessThan(1e-7);
  expect(worstDifference(fast.pricesUsdPerKg, slow.prices)).toBeLessThan(1e-7);
  expect(worstDifference(fast.blockedTonnes, slow.blocked)).toBeLessThan(1e-7);
  // Duty paid: the value of taxed imports (magnets with their making, dearer outside China) × the rate.
  expect(worstDifference(fast.tariffPaidUsd, slow.tariffPaid)).toBeLessThan(1e-7);
}

describe("the fast engine matches the simple reference stepper", () => {
  it("on generated worlds, with and without random constraints (no strategic stock changes)", () => {
    fc.assert(fc.property(input, (args) => compare(args)), { numRuns: Number(process.env.REFERENCE_RUNS ?? 25) });
  });

  it("regression (seed 1176831624): a supplier holding only rounding dust no longer counts a whole request as blocked", () => {
    const [args] = fc.sample(input, { seed: 1176831624, path: "16:1:0:1:23:53:9", numRuns: 1 });
    compare(args!);
  });

  it("regression (seeds -563764059, -1717338789): a home-only supplier that buys nothing reads no stale request per offer", () => {
    // Free trade with home-only sellers read a supplier's own request per offer from scratch another element or form had
    // left when its region asked for nothing: these worlds ended 24-27 % off the reference's separation output.
    for (const [seed, path] of [[-563764059, "15:44:44"], [-1717338789, "10:0:0:0:8:8:8"]] as const) {
      const [args] = fc.sample(input, { seed, path, numRuns: 1 });
      compare(args!);
    }
  });

  it("regression (seed 856399095): quota factors start fresh each form and ignore stocks of rounding dust", () => {
    const [args] = fc.sample(input, { seed: 856399095, path: "138:19:30", numRuns: 1 });
    compare(args!);
  });

  it("on worlds where China sells its concentrate and the US its metal only at home (pro-rata rounds, captive feed, unserved orders)", () => {
    // Every mine and plant of a generated world has the same owner, so China's mines are captive to every separation
    // plant abroad: the home-only rule has to stop that feed as well as the pro-rata exports.
    // Worlds picked so that each part of the rule changes the run: seeds 1 and 4 ship China's concentrate to the owner's
    // plants abroad without it, 55 and 73 attribute a foreign buyer's unserved orders to China's mines.
    for (const [seed, regions, policies] of [[1, 3, false], [4, 4, true], [55, 5, true], [73, 3, false]] as const) {
      const world = buildWorld({ regions, withChina: true, elementPicks: Array(8).fill(true), seed, mines: 3, separators: 3, metalPlants: 2, magnetPlants: 2, spinUpMonths: 6 });
      const closed: World = { ...world, domesticOnly: [{ region: "CN", form: "concentrate", source: "test-source" }, { region: "US", form: "metal", source: "test-source" }] };
      compare([closed, seed, policies]);
    }
  });

  it("on worlds where a region sells its concentrate only to China (as Myanmar does) and China its own only at home", () => {
    // Australia's mines sell only to China (and home), the US sells its metal only to Japan: the free-trade clearing, the
    // pro-rata rounds under policies, the captive feed of the shared owner's plants and the attribution of unserved
    // orders each have to keep them off the other links. Worlds picked so that each of the two rules alone changes the
    // run (checked below for both together).
    for (const [seed, policies] of [[38, false], [77, true], [103, false], [193, true]] as const) {
      const world = buildWorld({ regions: 5, withChina: true, elementPicks: Array(8).fill(true), seed, mines: 4, separators: 3, metalPlants: 2, magnetPlants: 2, spinUpMonths: 6 });
      const open: World = { ...world, domesticOnly: [{ region: "CN", form: "concentrate", source: "test-source" }], sellsOnlyTo: [] };
      const limited: World = {
        ...open,
        sellsOnlyTo: [{ region: "AU", form: "concentrate", buyers: ["CN"], source: "test-source" }, { region: "US", form: "metal", buyers: ["JP"], source: "test-source" }],
      };
      compare([limited, seed, policies]);
      const run = (w: World) => {
        const model = compileModel(w, { months: MONTHS });
        return runSimulation(model, createNeutralConstraints(model), { recordTradeFlows: false, recordOrigins: false });
      };
      expect(worstDifference(run(limited).productionTonnes, [Array.from(run(open).productionTonnes)]), `seed ${seed}`).toBeGreaterThan(1e-6);
    }
  });
});
