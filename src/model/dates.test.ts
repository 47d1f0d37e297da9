import { describe, expect, it } from "vitest";
import { activeFractionByMonth, addMonths, dayNumberOf, monthOffset, subtractWindows } from "./dates.js";

describe("policy date arithmetic", () => {
  it("counts months across years", () => {
    expect(monthOffset("2024-01", "2025-04")).toBe(15);
    expect(addMonths("2024-11", 3)).toBe("2025-02");
  });

  it("takes a day-dated measure pro rata within its month", () => {
    // Announcement 18 took effect on 2025-04-04: 27 of April's 30 days.
    const from = dayNumberOf("2025-04-04");
    const fractions = activeFractionByMonth([{ fromDay: from, untilDay: Infinity }], "2025-03", 3);
    expect([...fractions]).toEqual([0, 27 / 30, 1]);
  });

  it("cuts a suspension window out of a measure, pro rata at both ends", () => {
    const measure = { fromDay: dayNumberOf("2025-10-09"), untilDay: Infinity };
    const pause = { fromDay: dayNumberOf("2025-11-07"), untilDay: dayNumberOf("2026-11-10") };
    const pieces = subtractWindows(measure, [pause]);
    expect(pieces).toEqual([
      { fromDay: dayNumberOf("2025-10-09"), untilDay: dayNumberOf("2025-11-07") },
      { fromDay: dayNumberOf("2026-11-10"), untilDay: Infinity },
    ]);
    const f = activeFractionByMonth(pieces, "2025-10", 14);
    expect(f[0]).toBeCloseTo(23 / 31, 12); // 9–31 Oct
    expect(f[1]).toBeCloseTo(6 / 30, 12); // 1–6 Nov
    expect(f[2]).toBe(0);
    expect(f[13]).toBeCloseTo(21 / 30, 12); // 10–30 Nov 2026
  });
});
