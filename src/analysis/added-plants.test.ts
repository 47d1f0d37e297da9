import { describe, expect, it } from "vitest";
import type { SimulationResult } from "../engine/index.js";
import type { World } from "../model/world-schema.js";
import { addedPlants } from "./added-plants.js";
import type { MadeHereShortHere } from "./report-model.js";
import { stagePlantsOf } from "./stage-capacity.js";

/** A world of region AA: an old magnet plant, and (in the run's world) a new one and an older one brought forward. */
const plant = (id: string, extra: Record<string, unknown>) => ({ id, name: id.replace("plant:", "").toUpperCase(), region: "AA", magnetType: "sintered-ndfeb", rampMonths: 0, status: "operating", startMonth: "2020-01", capacityTonnesPerYear: 1200, ...extra });
const baseWorld = {
  elements: [{ symbol: "Nd", class: "light" }, { symbol: "Dy", class: "heavy" }],
  mines: [], separationPlants: [], metalPlants: [],
  magnetPlants: [plant("plant:old", {}), plant("plant:later", { startMonth: "2026-03", status: "planned" })],
  magnetGrades: [{ id: "grade:n", magnetType: "sintered-ndfeb", elementsWeightPercent: { Nd: 30, Dy: 2 } }],
} as unknown as World;
const runWorld = {
  ...baseWorld,
  magnetPlants: [plant("plant:old", {}), plant("plant:later", { startMonth: "2026-03", status: "operating" }), plant("plant:new", { startMonth: "2026-02", capacityTonnesPerYear: 2400 })],
} as unknown as World;

/**
 * Four months from 2026-01 of region AA (and BB), elements Nd and Dy; facility output `[month][facility]` with capacity
 * `[facility]` each month from `starts[facility]`, and AA's magnet plants short of Dy in `dyShortMonths`.
 */
function result(ids: string[], output: number[], capacity: number[], starts: number[], dyShortMonths: number[] = []): SimulationResult {
  const months = 4, R = 2, E = 2, N = ids.length;
  const shortfall = new Float64Array(months * E * R * 5);
  const production = new Float64Array(months * 4 * R * E);
  for (let m = 0; m < months; m++) production[((m * 4 + 3) * R + 0) * E + 1] = 10;
  for (const m of dyShortMonths) shortfall[((m * E + 1) * R + 0) * 5 + 3] = 10;
  const cap = new Float64Array(months * N);
  for (let m = 0; m < months; m++) for (let i = 0; i < N; i++) cap[m * N + i] = m >= starts[i]! ? capacity[i]! : 0;
  return {
    startMonth: "2026-01", months, regionIds: ["AA", "BB"], elementSymbols: ["Nd", "Dy"], facilityIds: ids,
    facilityStage: new Uint8Array(N).fill(3), facilityRegion: new Int32Array(N), facilityElementMask: new Uint8Array(N * E).fill(1),
    facilityOutputTonnes: Float64Array.from(output), facilityCapacityTonnes: cap,
    facilityUtilisation: Float64Array.from(output, (v, k) => (cap[k]! > 0 ? v / cap[k]! : 0)), shortfallTonnes: shortfall, productionTonnes: production,
    sectorForm: new Uint8Array(0), sectorElementPerUnit: new Float64Array(0), elementOxideFactor: Float64Array.from([1.17, 1.15]),
    parameters: { "facility.constructionSlipMonths": 9, "facility.plannedSlipMonths": 24 },
  } as unknown as SimulationResult;
}

// The baseline has OLD (100 t a month) and LATER (planned 2026-03 + 24 months: not in these four months).
const baseline = result(["plant:old", "plant:later"], [100, 0, 100, 0, 100, 0, 100, 0], [100, 100], [0, 99]);
// The run adds NEW (200 t a month of capacity from 2026-02) and starts LATER on time (2026-03): OLD loses 40 t a month once NEW runs.
//                    month 0      | month 1       | month 2       | month 3
const runOutput = [100, 0, 0, 60, 0, 100, 60, 50, 100, 60, 50, 100];
const run = result(["plant:old", "plant:later", "plant:new"], runOutput, [100, 100, 200], [0, 2, 1], [1, 2, 3]);
const dyOxideLeft: MadeHereShortHere = {
  region: "AA", element: "Dy", stage: "separation", shortMonths: 3, firstMonth: "2026-02", lastMonth: "2026-04", madeTonnes: 9, shippedTonnes: 8,
  destinations: [{ region: "BB", tonnes: 8 }], shortBy: [{ stage: "magnet", tonnes: 30 }], homeUseTonnes: 0, reason: { code: "no_plant", nextStage: "metal" },
};

describe("plants this scenario adds (or brings forward)", () => {
  const input = { runWorld, reference: { kind: "baseline" as const, world: baseWorld, result: baseline }, baseline, plants: stagePlantsOf(run), madeHere: [dyOxideLeft] };

  it("lists the plants the baseline does not have or starts later, with first output, output, use once running and the region's stage against the baseline", () => {
    const added = addedPlants(run, input);
    expect(added.reference).toBe("baseline");
    expect(added.plants.map((x) => [x.facility, x.changes, x.plannedStartMonth, x.referenceStartMonth, x.firstOutputMonth, x.outputTonnes, x.baselineOutputTonnes, x.monthsRunning])).toEqual([
      ["plant:new", ["new"], "2026-02", undefined, "2026-02", 300, 0, 3],
      // Planned 2026-03 + 24 months of slip in the baseline; operating (no slip) in the run.
      ["plant:later", ["earlier"], "2026-03", "2028-03", "2026-03", 100, 0, 2],
    ]);
    // NEW: 300 t of 600 t of capacity (50 %) in the months it ran; LATER: 100 of 200.
    expect(added.plants[0]!.utilisationShare).toBeCloseTo(0.5, 9);
    expect(added.plants[0]!.lowUse).toBe(true);
    // AA's magnet plants: 680 t against 400 t; the added plants made 400 t more than in the baseline: OLD lost 120 t (displaced).
    expect(added.stages).toEqual([{ region: "AA", stage: "magnet", unit: "t magnet", outputTonnes: 680, baselineOutputTonnes: 400, addedPlantsExtraTonnes: 400 }]);
  });

  it("judges 'below 70 %' on the whole percent the tables print: 69.6 % shows as 70 % and is not listed as below it", () => {
    // NEW makes 139.2 t a month of 200 (69.6 %) once it runs.
    const near = result(["plant:old", "plant:later", "plant:new"], [100, 0, 0, 100, 0, 139.2, 100, 50, 139.2, 100, 50, 139.2], [100, 100, 200], [0, 2, 1]);
    const added = addedPlants(near, { ...input, plants: stagePlantsOf(near) });
    const fresh = added.plants.find((x) => x.facility === "plant:new");
    expect(fresh?.utilisationShare).toBeCloseTo(0.696, 9);
    expect(fresh?.lowUse).toBe(false);
  });

  it("says why a plant ran below 70 % of capacity: the element its stage lacked, with the 'Made here, short here' row that says why the region lacked it", () => {
    const [created] = addedPlants(run, input).plants;
    expect(created!.reasons).toEqual([{ code: "short_of_input", element: "Dy", months: 3, inputStage: "metal", homePlants: false, upstream: dyOxideLeft }]);
  });

  it("says 'not ordered' when a plant below 70 % lacked nothing, and counts only the window's months (--from)", () => {
    const calm = result(["plant:old", "plant:later", "plant:new"], runOutput, [100, 100, 200], [0, 2, 1]);
    const [created] = addedPlants(calm, { ...input, plants: stagePlantsOf(calm), from: 2 }).plants;
    expect(created!.reasons).toEqual([{ code: "not_ordered" }]);
    expect([created!.firstOutputMonth, created!.outputTonnes, created!.monthsRunning]).toEqual(["2026-02", 200, 2]);
  });

  it("without the baseline's world, measures against the world as the dataset has it, and lists nothing the scenario does not change", () => {
    const added = addedPlants(run, { ...input, reference: { kind: "world", world: baseWorld }, baseline: undefined });
    expect(added.reference).toBe("world");
    expect(added.plants.map((x) => x.facility)).toEqual(["plant:new", "plant:later"]);
    expect(added.stages).toEqual([]);
    // LATER as the dataset has it (planned): only NEW is added.
    const onlyNew = { ...baseWorld, magnetPlants: [...baseWorld.magnetPlants, runWorld.magnetPlants[2]!] } as World;
    expect(addedPlants(run, { ...input, runWorld: onlyNew, reference: { kind: "world", world: baseWorld }, baseline: undefined }).plants.map((x) => x.facility)).toEqual(["plant:new"]);
  });
});
