import { describe, expect, it } from "vitest";
import type { SeriesDimensions, SeriesResponse } from "../../src/model/api.js";
import {
  canSumStages, DEFAULT_SELECTION, explorerLines, fitSelection, largestLines, seriesCsv, seriesQueryString, valueAxisTitle, type SeriesSelection,
} from "../../web/src/lib/series-explorer.js";

const MONTHS = ["2024-01", "2024-02", "2024-03"];
const DIMENSIONS: SeriesDimensions = {
  element: ["Nd", "Dy", "Tb"], region: ["CN", "JP", "market:china-domestic", "market:ex-china"],
  stage: ["mine", "separation", "magnet", "market", "sector:ev", "sector:wind"], variable: ["production", "stock-working", "price", "magnets-produced", "end-products-lost"],
  months: MONTHS,
  held: [
    { variable: "production", units: ["t"], element: ["Nd", "Dy"], region: ["CN", "JP"], stage: ["mine", "separation"] },
    { variable: "stock-working", units: ["t"], element: ["Nd", "Dy"], region: ["CN", "JP"], stage: ["mine", "separation"] },
    { variable: "price", units: ["US$/kg"], element: ["Nd", "Dy", "Tb"], region: ["market:china-domestic", "market:ex-china"], stage: ["market"] },
    { variable: "magnets-produced", units: ["t magnet"], element: [], region: ["JP"], stage: ["magnet"] },
    { variable: "end-products-lost", units: ["MW", "vehicle"], element: [], region: ["JP"], stage: ["sector:ev", "sector:wind"] },
  ],
};
const select = (part: Partial<SeriesSelection>): SeriesSelection => ({ ...DEFAULT_SELECTION, ...part });
type Row = SeriesResponse["rows"][number];

describe("fitting a selection to what the run holds", () => {
  it("keeps a selection the variable holds as it is", () => {
    expect(fitSelection(DEFAULT_SELECTION, DIMENSIONS)).toEqual(DEFAULT_SELECTION);
  });
  it("asks for both markets and an element for prices, which never sum", () => {
    expect(fitSelection(select({ variable: "price", element: [], region: [], stage: "" }), DIMENSIONS))
      .toMatchObject({ element: ["Nd"], region: ["market:china-domestic", "market:ex-china"], stage: "" });
  });
  it("drops elements from whole-product variables and regions the variable does not hold", () => {
    expect(fitSelection(select({ variable: "magnets-produced", region: ["CN", "JP"] }), DIMENSIONS)).toMatchObject({ element: [], region: ["JP"], stage: "" });
  });
  it("picks a stage where summing stages would count tonnes twice or mix units, and allows all for stocks", () => {
    expect(fitSelection(select({ variable: "production", stage: "" }), DIMENSIONS).stage).toBe("mine");
    expect(fitSelection(select({ variable: "end-products-lost", stage: "" }), DIMENSIONS).stage).toBe("sector:ev");
    expect(fitSelection(select({ variable: "stock-working", stage: "" }), DIMENSIONS).stage).toBe("");
    expect(canSumStages({ variable: "stock-working", units: ["t"] })).toBe(true);
    expect(canSumStages({ variable: "production", units: ["t"] })).toBe(false);
  });
  it("replaces a picked element the variable lacks with a key element, but keeps all-summed when chosen", () => {
    expect(fitSelection(select({ element: ["Tb"] }), DIMENSIONS).element).toEqual(["Nd"]);
    expect(fitSelection(select({ element: [] }), DIMENSIONS).element).toEqual([]);
  });
  it("forgets months outside the run", () => {
    expect(fitSelection(select({ from: "2023-12", to: "2024-02" }), DIMENSIONS)).toMatchObject({ from: undefined, to: "2024-02" });
  });
});

describe("the series query", () => {
  it("names only the filters chosen, lists comma-separated", () => {
    expect(seriesQueryString(DEFAULT_SELECTION)).toBe("variable=production&element=Nd&stage=separation");
    expect(seriesQueryString(select({ variable: "price", element: ["Nd", "Dy"], region: ["market:ex-china"], stage: "", from: "2024-02" })))
      .toBe("variable=price&element=Nd%2CDy&region=market%3Aex-china&from=2024-02");
  });
});

describe("lines by month", () => {
  const rows: Row[] = [
    ["2024-01", "Nd", "CN", "mine", "production", "t", 10], ["2024-01", "Nd", "JP", "mine", "production", "t", 1],
    ["2024-02", "Dy", "CN", "mine", "production", "t", 2], ["2024-03", "Nd", "CN", "mine", "production", "t", 30],
  ];
  it("draws one line per chosen element, summed over regions, zero where no row", () => {
    const lines = explorerLines(rows, select({ element: ["Nd", "Dy"], region: [] }), MONTHS);
    expect(lines.map((l) => [l.name, l.values])).toEqual([["Nd", [11, 0, 30]], ["Dy", [0, 2, 0]]]);
  });
  it("draws one line per chosen element × region, in the order chosen", () => {
    const lines = explorerLines(rows, select({ element: ["Nd", "Dy"], region: ["JP", "CN"] }), MONTHS);
    expect(lines.map((l) => l.name)).toEqual(["Nd · JP", "Nd · CN", "Dy · CN"]);
  });
  it("names the total when nothing splits the lines, and drops rows outside the months", () => {
    const lines = explorerLines(rows, select({ element: [], region: [] }), ["2024-01", "2024-02"]);
    expect(lines).toEqual([{ name: "production, total", element: undefined, region: undefined, values: [11, 2] }]);
  });
  it("keeps the largest lines and says how many are hidden", () => {
    const lines = explorerLines(rows, select({ element: ["Nd", "Dy"], region: ["CN", "JP"] }), MONTHS);
    const { shown, hidden } = largestLines(lines, 2);
    expect([shown.map((l) => l.name), hidden]).toEqual([["Nd · CN", "Dy · CN"], 1]);
  });
});

describe("units and CSV", () => {
  it("titles the value axis with the unit: flows per month, stocks at month end, prices per kg", () => {
    expect(valueAxisTitle("production", "t")).toBe("t/month of element content");
    expect(valueAxisTitle("stock-working", "t")).toBe("t of element content, at month end");
    expect(valueAxisTitle("price", "US$/kg")).toBe("US$/kg of element");
    expect(valueAxisTitle("magnets-produced", "t magnet")).toBe("t magnet/month");
    expect(valueAxisTitle("end-products-lost", "vehicle")).toBe("vehicles/month");
  });
  it("writes exactly the rows, in the layout of series.csv", () => {
    expect(seriesCsv([["2024-01", "Nd", "market:ex-china", "market", "price", "US$/kg", 71.23456789], ["2024-01", "", "JP", "sector:ev", "end-products-lost", "vehicle", 12]]))
      .toBe("month,element,region,stage,variable,unit,value\n2024-01,Nd,market:ex-china,market,price,US$/kg,71.2346\n2024-01,,JP,sector:ev,end-products-lost,vehicle,12\n");
  });
});
