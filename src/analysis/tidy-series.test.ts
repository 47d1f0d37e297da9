import { describe, expect, it } from "vitest";
import type { SimulationResult } from "../engine/index.js";
import { facilityTidyRows } from "./tidy-series.js";

/** Two months, a mine in AA and a magnet plant in BB; output and utilisation `[month][facility]`. */
const result = {
  startMonth: "2026-11", months: 2, regionIds: ["AA", "BB"], facilityIds: ["mine:aa", "plant:bb-magnets"],
  facilityStage: Uint8Array.from([0, 3]), facilityRegion: Int32Array.from([0, 1]),
  facilityOutputTonnes: Float64Array.from([120, 0, 118, 7.5]), facilityUtilisation: Float64Array.from([1, 0, 0.98, 0.25]),
} as unknown as SimulationResult;

describe("facility rows of the tidy series", () => {
  it("give each facility's output in its product's unit and its utilisation, only in months it made something", () => {
    expect([...facilityTidyRows(result)]).toEqual([
      { month: "2026-11", element: "", region: "AA", stage: "mine", facility: "mine:aa", variable: "facility-output", unit: "t REO", value: 120 },
      { month: "2026-11", element: "", region: "AA", stage: "mine", facility: "mine:aa", variable: "facility-utilisation", unit: "share", value: 1 },
      { month: "2026-12", element: "", region: "AA", stage: "mine", facility: "mine:aa", variable: "facility-output", unit: "t REO", value: 118 },
      { month: "2026-12", element: "", region: "AA", stage: "mine", facility: "mine:aa", variable: "facility-utilisation", unit: "share", value: 0.98 },
      { month: "2026-12", element: "", region: "BB", stage: "magnet", facility: "plant:bb-magnets", variable: "facility-output", unit: "t magnet", value: 7.5 },
      { month: "2026-12", element: "", region: "BB", stage: "magnet", facility: "plant:bb-magnets", variable: "facility-utilisation", unit: "share", value: 0.25 },
    ]);
    expect([...facilityTidyRows(result, { fromMonth: 1 })].map((r) => r.month)).toEqual(Array(4).fill("2026-12"));
  });
});
