import { describe, expect, it } from "vitest";
import type { TidyRow } from "../analysis/tidy-series.js";
import { iamcPartialYearNote, iamcYears, toIamcCsv, toTidyCsv } from "./file-formats.js";

/** Monthly rows of one series from `first` for `count` months, each `value`. */
function monthly(first: string, count: number, variable: string, value: number, extra: Partial<TidyRow> = {}): TidyRow[] {
  const [y, m] = first.split("-").map(Number) as [number, number];
  return Array.from({ length: count }, (_, i) => {
    const index = y * 12 + (m - 1) + i;
    const month = `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, "0")}`;
    return { month, element: "Nd", region: "CN", stage: "mine", variable, unit: "t", value, ...extra };
  });
}

const meta = { model: "Chokepoint", scenario: "s", currencyYear: 2024 };

describe("IAMC layout", () => {
  it("issue: a part year (--from 2025-07 --to 2026-06) holds an annualised rate under t/yr, not a part-year sum", () => {
    const rows = [
      ...monthly("2025-07", 12, "production", 10),
      ...monthly("2025-07", 12, "stock-working", 5).map((r, i) => ({ ...r, value: i + 1 })),
      ...monthly("2025-07", 12, "price", 0, { region: "market:ex-china", stage: "market", unit: "US$/kg" }).map((r, i) => ({ ...r, value: i < 6 ? 50 : 70 })),
    ];
    const lines = toIamcCsv(rows, { ...meta, firstMonth: "2025-07", lastMonth: "2026-06" }).trimEnd().split("\n");
    expect(lines).toEqual([
      "Model,Scenario,Region,Variable,Unit,2025,2026",
      // 6 months of 10 t: 60 t in each part year, 120 t/yr as a yearly rate.
      "Chokepoint,s,CN,Production|Mine|Nd,t/yr,120,120",
      // Stocks at the last month covered (2025-12, 2026-06); prices the mean of the months covered.
      "Chokepoint,s,CN,Stock|Working|Mine|Nd,t,6,12",
      "Chokepoint,s,World,Price|Nd|Ex-China,US$2024/kg,50,70",
    ]);
  });

  it("sums whole years as they are", () => {
    const csv = toIamcCsv(monthly("2024-01", 24, "production", 10), { ...meta, firstMonth: "2024-01", lastMonth: "2025-12" });
    expect(csv.split("\n")[1]).toBe("Chokepoint,s,CN,Production|Mine|Nd,t/yr,120,120");
  });

  it("names the months each year covers, and says in words which years are part years and how they are read", () => {
    expect(iamcYears("2025-07", "2026-06").map((y) => [y.year, y.firstMonth, y.lastMonth, y.months])).toEqual([[2025, "2025-07", "2025-12", 6], [2026, "2026-01", "2026-06", 6]]);
    expect(iamcPartialYearNote("2024-01", "2025-12")).toBe("");
    expect(iamcPartialYearNote("2024-01", "2026-06")).toMatchInlineSnapshot(`"In series-iamc.csv, 2026 covers 2026-01 – 2026-06 only (6 months; flows × 12/6): flows (t/yr, units/yr, US$/yr) in a part year are annualised — the sum of its months × 12 / months — so they read as yearly rates; stocks are at its last month and prices the mean of its months."`);
  });
});

const tidyRowsWithFacility: TidyRow[] = [
  { month: "2026-01", element: "Nd", region: "CN", stage: "mine", variable: "production", unit: "t", value: 1234.5678 },
  { month: "2026-01", element: "", region: "EU", stage: "magnet", variable: "facility-output", unit: "t magnet", value: 42, facility: "plant:vac-hanau" },
];

describe("tidy CSV", () => {
  it("adds a facility column on request, empty on rows that are not a facility's", () => {
    expect(toTidyCsv(tidyRowsWithFacility, { facilityColumn: true })).toBe([
      "month,element,region,stage,variable,unit,value,facility",
      "2026-01,Nd,CN,mine,production,t,1234.57,",
      "2026-01,,EU,magnet,facility-output,t magnet,42,plant:vac-hanau",
      "",
    ].join("\n"));
  });

  it("keeps its seven columns otherwise (the dashboard's downloads)", () => {
    expect(toTidyCsv(tidyRowsWithFacility.slice(0, 1))).toBe("month,element,region,stage,variable,unit,value\n2026-01,Nd,CN,mine,production,t,1234.57\n");
  });
});
