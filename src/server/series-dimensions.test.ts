import { describe, expect, it } from "vitest";
import type { TidyRow } from "../analysis/tidy-series.js";
import { tidyColumnsFromRows } from "../store/index.js";
import { seriesDimensions } from "./series-dimensions.js";

const row = (month: string, element: string, region: string, stage: string, variable: string, unit: string, value = 1): TidyRow =>
  ({ month, element, region, stage, variable, unit, value });

const DIMENSIONS = {
  element: ["Nd", "Dy", "Tb"],
  region: ["CN", "JP", "market:china-domestic", "market:ex-china"],
  stage: ["mine", "separation", "market", "sector:ev", "sector:wind"],
  variable: ["production", "price", "magnets-produced", "end-products-lost", "tariff-paid"],
};

// Stored order is deliberately not the dimension order, to show the lists follow the dimensions.
const columns = tidyColumnsFromRows([
  row("2024-02", "Dy", "JP", "separation", "production", "t"),
  row("2024-01", "Nd", "CN", "mine", "production", "t"),
  row("2024-01", "Dy", "market:ex-china", "market", "price", "US$/kg"),
  row("2024-01", "", "JP", "magnet", "magnets-produced", "t magnet"),
  row("2024-01", "", "JP", "sector:wind", "end-products-lost", "MW"),
  row("2024-01", "", "JP", "sector:ev", "end-products-lost", "vehicle"),
], DIMENSIONS);

describe("series dimensions", () => {
  it("keeps the values each filter accepts and the run's months in order", () => {
    const d = seriesDimensions(columns);
    expect([d.element, d.region, d.stage, d.variable]).toEqual([DIMENSIONS.element, DIMENSIONS.region, DIMENSIONS.stage, DIMENSIONS.variable]);
    expect(d.months).toEqual(["2024-01", "2024-02"]);
  });

  it("lists per variable with rows what its rows hold, in dimension order; variables without rows are left out", () => {
    expect(seriesDimensions(columns).held).toEqual([
      { variable: "production", units: ["t"], element: ["Nd", "Dy"], region: ["CN", "JP"], stage: ["mine", "separation"] },
      { variable: "price", units: ["US$/kg"], element: ["Dy"], region: ["market:ex-china"], stage: ["market"] },
      // "magnet" is not a stage filter value of this run, and "" is not an element: neither is offered.
      { variable: "magnets-produced", units: ["t magnet"], element: [], region: ["JP"], stage: [] },
      { variable: "end-products-lost", units: ["MW", "vehicle"], element: [], region: ["JP"], stage: ["sector:ev", "sector:wind"] },
    ]);
  });

  it("computes once per decoded run", () => {
    expect(seriesDimensions(columns)).toBe(seriesDimensions(columns));
  });
});
