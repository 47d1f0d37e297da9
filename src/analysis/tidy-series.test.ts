import { describe, expect, it } from "vitest";
import type { SimulationResult } from "../engine/index.js";
import { facilityTidyRows, tidyRows } from "./tidy-series.js";

/** Three months, regions AA and BB, elements Nd and Dy, one sector; everything zero but the mine output given. */
function result(mine: (month: number, region: number, element: number) => number): SimulationResult {
  const M = 3, R = 2, E = 2, F = 4, K = 1;
  const productionTonnes = new Float64Array(M * 4 * R * E);
  for (let m = 0; m < M; m++) for (let r = 0; r < R; r++) for (let e = 0; e < E; e++) productionTonnes[((m * 4 + 0) * R + r) * E + e] = mine(m, r, e);
  return {
    startMonth: "2026-01", months: M, regionIds: ["AA", "BB"], elementSymbols: ["Nd", "Dy"], sectorIds: ["sector:ev"], sectorEndProductUnit: ["vehicle"],
    productionTonnes, finalUseTonnes: new Float64Array(M * R * F * E), shortfallTonnes: new Float64Array(M * E * R * 5), stockTonnes: new Float64Array(M * R * F * E),
    strategicStockTonnes: new Float64Array(M * R * E), pricesUsdPerKg: new Float64Array(M * E * 2), magnetTonnesProduced: new Float64Array(M * R),
    tariffPaidUsd: new Float64Array(M * R), priceFloorPaymentsUsd: new Float64Array(M * R), endProductsLost: new Float64Array(M * K * R),
    trade: { recorded: false, monthStart: new Int32Array(0), link: new Int32Array(0), tonnes: new Float32Array(0) },
  } as unknown as SimulationResult;
}

describe("tidy rows", () => {
  it("issue: a series non-zero in some month has a row in every month of the window, zeros included (no pivot gaps)", () => {
    // AA mines Nd in February only; BB never mines anything.
    const rows = [...tidyRows(result((m, r, e) => (m === 1 && r === 0 && e === 0 ? 40 : 0)))];
    expect(rows.map((x) => `${x.month} ${x.region} ${x.element} ${x.variable} ${x.value}`)).toEqual([
      "2026-01 AA Nd production 0", "2026-02 AA Nd production 40", "2026-03 AA Nd production 0",
    ]);
  });

  it("leaves out series that are zero in every month of the window, and completes series within --from/--to", () => {
    const run = result((m, r, e) => (r === 1 && e === 1 ? [0, 0, 3][m]! : 0));
    expect([...tidyRows(run, { fromMonth: 0, toMonth: 2 })]).toEqual([]);
    expect([...tidyRows(run, { fromMonth: 1 })].map((x) => `${x.month} ${x.region} ${x.element} ${x.value}`)).toEqual(["2026-02 BB Dy 0", "2026-03 BB Dy 3"]);
  });
});

/** Two months, a mine in AA and a magnet plant in BB; output and utilisation `[month][facility]`. */
const facilities = {
  startMonth: "2026-11", months: 2, regionIds: ["AA", "BB"], facilityIds: ["mine:aa", "plant:bb-magnets"],
  facilityStage: Uint8Array.from([0, 3]), facilityRegion: Int32Array.from([0, 1]),
  facilityOutputTonnes: Float64Array.from([120, 0, 118, 7.5]), facilityUtilisation: Float64Array.from([1, 0, 0.98, 0.25]),
} as unknown as SimulationResult;

describe("facility rows of the tidy series", () => {
  it("give each facility's output in its product's unit and its utilisation, every month of the window once it made something in one", () => {
    expect([...facilityTidyRows(facilities)]).toEqual([
      { month: "2026-11", element: "", region: "AA", stage: "mine", facility: "mine:aa", variable: "facility-output", unit: "t REO", value: 120 },
      { month: "2026-11", element: "", region: "AA", stage: "mine", facility: "mine:aa", variable: "facility-utilisation", unit: "share", value: 1 },
      // The magnet plant starts in December: its November is written as 0, so pivots have no gap.
      { month: "2026-11", element: "", region: "BB", stage: "magnet", facility: "plant:bb-magnets", variable: "facility-output", unit: "t magnet", value: 0 },
      { month: "2026-11", element: "", region: "BB", stage: "magnet", facility: "plant:bb-magnets", variable: "facility-utilisation", unit: "share", value: 0 },
      { month: "2026-12", element: "", region: "AA", stage: "mine", facility: "mine:aa", variable: "facility-output", unit: "t REO", value: 118 },
      { month: "2026-12", element: "", region: "AA", stage: "mine", facility: "mine:aa", variable: "facility-utilisation", unit: "share", value: 0.98 },
      { month: "2026-12", element: "", region: "BB", stage: "magnet", facility: "plant:bb-magnets", variable: "facility-output", unit: "t magnet", value: 7.5 },
      { month: "2026-12", element: "", region: "BB", stage: "magnet", facility: "plant:bb-magnets", variable: "facility-utilisation", unit: "share", value: 0.25 },
    ]);
    expect([...facilityTidyRows(facilities, { fromMonth: 1 })].map((r) => r.month)).toEqual(Array(4).fill("2026-12"));
    // A facility that made nothing in the window has no row.
    expect([...facilityTidyRows(facilities, { toMonth: 1 })].map((r) => r.facility)).toEqual(["mine:aa", "mine:aa"]);
  });
});
