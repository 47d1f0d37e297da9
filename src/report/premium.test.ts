import { describe, expect, it } from "vitest";
import { widestPremium } from "./premium.js";

const report = (china: number[] | undefined, exChina: number[] | undefined) => ({
  monthLabels: ["2025-01", "2025-02", "2025-03"],
  pricePaths: [
    ...(china === undefined ? [] : [{ label: "X China", unit: "US$/kg", values: china }]),
    ...(exChina === undefined ? [] : [{ label: "X ex-China", unit: "US$/kg", values: exChina }]),
  ],
});

describe("the widest ex-China premium", () => {
  it("is the largest mark-up over China's price in one month, with that month's gap and label", () => {
    expect(widestPremium(report([10, 10, 8], [12, 20, 16]), "X")).toEqual({ share: 1, usdPerKg: 10, month: 1, monthLabel: "2025-02" });
    // A larger dollar gap on a higher China price is not the widest premium: month 3 (+150 %), not month 2 (+$20).
    expect(widestPremium(report([10, 40, 4], [12, 60, 10]), "X")).toEqual({ share: 1.5, usdPerKg: 6, month: 2, monthLabel: "2025-03" });
  });

  it("is absent when the ex-China price is never above China's, or a market has no prices", () => {
    expect(widestPremium(report([10, 10, 10], [9.8, 10, 9]), "X")).toBeUndefined();
    expect(widestPremium(report(undefined, [1, 2, 3]), "X")).toBeUndefined();
    expect(widestPremium(report([10, 10, 10], [12, 12, 12]), "Y")).toBeUndefined();
  });

  it("counts only the months of the report's window (--from), so a premium before it is not reported as the window's", () => {
    const windowed = { ...report([10, 10, 10], [20, 12, 11]), window: { from: "2025-02", to: "2025-03" } };
    expect(widestPremium(windowed, "X")).toEqual({ share: expect.closeTo(0.2, 9) as number, usdPerKg: 2, month: 1, monthLabel: "2025-02" });
    expect(widestPremium({ ...windowed, window: { from: "2025-03", to: "2025-03" } }, "X")?.monthLabel).toBe("2025-03");
  });
});
