import { describe, expect, it } from "vitest";
import type { TidyRow } from "../analysis/tidy-series.js";
import { toTidyCsv } from "./file-formats.js";

const rows: TidyRow[] = [
  { month: "2026-01", element: "Nd", region: "CN", stage: "mine", variable: "production", unit: "t", value: 1234.5678 },
  { month: "2026-01", element: "", region: "EU", stage: "magnet", variable: "facility-output", unit: "t magnet", value: 42, facility: "plant:vac-hanau" },
];

describe("tidy CSV", () => {
  it("adds a facility column on request, empty on rows that are not a facility's", () => {
    expect(toTidyCsv(rows, { facilityColumn: true })).toBe([
      "month,element,region,stage,variable,unit,value,facility",
      "2026-01,Nd,CN,mine,production,t,1234.57,",
      "2026-01,,EU,magnet,facility-output,t magnet,42,plant:vac-hanau",
      "",
    ].join("\n"));
  });

  it("keeps its seven columns otherwise (the dashboard's downloads)", () => {
    expect(toTidyCsv(rows.slice(0, 1))).toBe("month,element,region,stage,variable,unit,value\n2026-01,Nd,CN,mine,production,t,1234.57\n");
  });
});
