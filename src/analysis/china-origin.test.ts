import { describe, expect, it } from "vitest";
import type { SimulationResult } from "../engine/index.js";
import { chinaOrigin } from "./run-report.js";

/** A result with only what `chinaOrigin` reads: regions CN and JP, element Nd, use by origin `[month][region][element][origin]`. */
function resultWith(startMonth: string, japanUse: readonly [china: number, japan: number][]): SimulationResult {
  const months = japanUse.length;
  const use = new Float32Array(months * 2 * 1 * 2);
  japanUse.forEach(([china, japan], m) => {
    use[((m * 2 + 1) * 1 + 0) * 2 + 0] = china;
    use[((m * 2 + 1) * 1 + 0) * 2 + 1] = japan;
  });
  return { startMonth, months, regionIds: ["CN", "JP"], elementSymbols: ["Nd"], useByOriginTonnes: use } as unknown as SimulationResult;
}

describe("chinaOrigin", () => {
  it("compares the first and the last 12 months, labelled by calendar year when they are one", () => {
    const use = Array.from({ length: 36 }, (_, m): [number, number] => (m < 12 ? [9, 1] : m < 24 ? [5, 5] : [2, 8]));
    const { chinaOrigin: shares, chinaOriginPeriods } = chinaOrigin(resultWith("2024-01", use));
    expect(chinaOriginPeriods).toEqual({ first: "2024", last: "2026" });
    expect(shares).toHaveLength(1);
    expect(shares[0]!.firstYearShare).toBeCloseTo(0.9, 6);
    expect(shares[0]!.lastYearShare).toBeCloseTo(0.2, 6);
    expect(shares[0]!.lastYearUseTonnes).toBeCloseTo(120, 4);
  });

  it("labels windows that are not calendar years by month", () => {
    const use = Array.from({ length: 30 }, (): [number, number] => [1, 1]);
    expect(chinaOrigin(resultWith("2025-04", use)).chinaOriginPeriods).toEqual({ first: "2025-04 – 2026-03", last: "2026-10 – 2027-09" });
  });

  it("splits a run shorter than two years into halves that do not overlap", () => {
    // 10 months: the first five all China-separated, the last five none.
    const use = Array.from({ length: 10 }, (_, m): [number, number] => (m < 5 ? [4, 0] : [0, 4]));
    const { chinaOrigin: shares, chinaOriginPeriods } = chinaOrigin(resultWith("2025-01", use));
    expect(chinaOriginPeriods).toEqual({ first: "2025-01 – 2025-05", last: "2025-06 – 2025-10" });
    expect(shares[0]!.firstYearShare).toBe(1);
    expect(shares[0]!.lastYearShare).toBe(0);
  });

  it("handles a one-month run", () => {
    const { chinaOrigin: shares, chinaOriginPeriods } = chinaOrigin(resultWith("2025-01", [[3, 1]]));
    expect(chinaOriginPeriods).toEqual({ first: "2025-01", last: "2025-01" });
    expect(shares[0]!.firstYearShare).toBeCloseTo(0.75, 6);
  });
});
