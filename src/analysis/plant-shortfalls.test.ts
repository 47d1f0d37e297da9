import { describe, expect, it } from "vitest";
import type { SimulationResult } from "../engine/index.js";
import type { World } from "../model/world-schema.js";
import { plantShortfalls } from "./plant-shortfalls.js";

const world = {
  elements: [{ symbol: "Nd", class: "light" }, { symbol: "Dy", class: "heavy" }],
  mines: [{ id: "mine:aa", name: "AA mine" }],
  separationPlants: [],
  metalPlants: [{ id: "plant:aa-metal", name: "AA metal works", makes: ["Nd"] }],
  magnetPlants: [{ id: "plant:bb-magnets", name: "BB magnets", magnetType: "sintered-ndfeb" }],
  magnetGrades: [{ id: "grade:n", magnetType: "sintered-ndfeb", elementsWeightPercent: { Nd: 30, Dy: 2 } }],
} as unknown as World;

const FACILITIES = ["mine:aa", "plant:aa-metal", "plant:bb-magnets"];

/**
 * Four months, regions AA and BB, elements Nd and Dy; facility output `[month][facility]` (mine, AA metal, BB magnets),
 * capacity 100 each, and BB's magnet plants short of Dy in `dyShortMonths` (10 t lost against 10 t made).
 */
function result(output: number[], dyShortMonths: number[] = []): SimulationResult {
  const months = 4;
  const R = 2;
  const E = 2;
  const shortfall = new Float64Array(months * E * R * 5);
  const production = new Float64Array(months * 4 * R * E);
  for (let m = 0; m < months; m++) production[((m * 4 + 3) * R + 1) * E + 1] = 10;
  for (const m of dyShortMonths) shortfall[((m * E + 1) * R + 1) * 5 + 3] = 10;
  const N = FACILITIES.length;
  const capacity = new Float64Array(months * N).fill(100);
  return {
    startMonth: "2026-01", months, regionIds: ["AA", "BB"], elementSymbols: ["Nd", "Dy"], facilityIds: FACILITIES,
    facilityStage: Uint8Array.from([0, 2, 3]), facilityRegion: Int32Array.from([0, 0, 1]),
    facilityOutputTonnes: Float64Array.from(output), facilityCapacityTonnes: capacity,
    facilityUtilisation: Float64Array.from(output, (v) => v / 100), shortfallTonnes: shortfall, productionTonnes: production,
    parameters: { "separation.recoveryShare": 0.95 },
  } as unknown as SimulationResult;
}

describe("plants that stop or fall short", () => {
  //                                month 0     | month 1      | month 2      | month 3
  const baseline = result([50, 80, 60, 50, 80, 60, 50, 80, 60, 50, 80, 60]);
  const run = result([50, 80, 60, 50, 75, 30, 0, 80, 0, 50, 60, 60], [1, 2]);

  it("lists facilities more than 10 % below the baseline's output, with the first and the worst month, largest loss first", () => {
    expect(plantShortfalls(run, world, { baseline })).toEqual([
      // BB magnets: 30 t short in month 1 (50 %), 60 t in month 2 (stopped), while BB's magnet plants were short of Dy.
      {
        facility: "plant:bb-magnets", name: "BB magnets", region: "BB", stage: "magnet", unit: "t magnet", basis: "baseline",
        firstMonth: "2026-02", worstMonth: "2026-03", worstShare: 1, shortOf: ["Dy"], monthsShort: 2, lostTonnes: 90, referenceTonnes: 240, lostShare: 0.375,
        shareLostByMonth: [0, 0.5, 1, 0],
      },
      // The mine stops in month 2 (no input to lack: short of nothing). AA metal is 5 t (6 %) short in month 1: not counted.
      {
        facility: "mine:aa", name: "AA mine", region: "AA", stage: "mine", unit: "t REO", basis: "baseline",
        firstMonth: "2026-03", worstMonth: "2026-03", worstShare: 1, shortOf: [], monthsShort: 1, lostTonnes: 50, referenceTonnes: 200, lostShare: 0.25,
        shareLostByMonth: [0, 0, 1, 0],
      },
      // AA metal: 20 t (25 %) short in month 3, when no input was short (fewer orders).
      {
        facility: "plant:aa-metal", name: "AA metal works", region: "AA", stage: "metal", unit: "t metal", basis: "baseline",
        firstMonth: "2026-04", worstMonth: "2026-04", worstShare: 0.25, shortOf: [], monthsShort: 1, lostTonnes: 20, referenceTonnes: 320, lostShare: 20 / 320,
        // Month 1 is 5 t (6 %) short: under 10 %, not counted.
        shareLostByMonth: [0, 0, 0, 0.25],
      },
    ]);
  });

  it("counts only the window's months (--from), and says when a spell began before it", () => {
    const fromMarch = plantShortfalls(run, world, { baseline, from: 2 });
    expect(fromMarch.map((x) => [x.facility, x.firstMonth, x.beganMonth, x.lostTonnes, x.referenceTonnes])).toEqual([
      ["plant:bb-magnets", "2026-03", "2026-02", 60, 120],
      ["mine:aa", "2026-03", undefined, 50, 100],
      ["plant:aa-metal", "2026-04", undefined, 20, 160],
    ]);
  });

  it("leaves out facilities the baseline does not have (new capacity the scenario adds)", () => {
    const other = { ...baseline, facilityIds: ["mine:aa", "plant:aa-metal", "plant:elsewhere"] } as SimulationResult;
    expect(plantShortfalls(run, world, { baseline: other }).map((x) => x.facility)).toEqual(["mine:aa", "plant:aa-metal"]);
  });

  it("without a baseline, counts output below capacity only in months the plant's stage is short of an element it handles", () => {
    // BB magnets: capacity 100, made 30 (month 1) and 0 (month 2) while short of Dy; months 0 and 3 (40 t idle) not counted.
    expect(plantShortfalls(run, world).map((x) => [x.facility, x.basis, x.firstMonth, x.worstMonth, x.lostTonnes, x.referenceTonnes, x.shortOf])).toEqual([
      ["plant:bb-magnets", "capacity", "2026-02", "2026-03", 170, 200, ["Dy"]],
    ]);
  });
});
