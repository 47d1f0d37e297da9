import { describe, expect, it } from "vitest";
import { tradeLinkOf, type SimulationResult } from "../engine/index.js";
import { importGains } from "./import-gains.js";

const REGIONS = ["AA", "BB", "CC"];
const ELEMENTS = ["La", "Dy"];
const FORM = { oxide: 1, magnet: 3 } as const;

/** One shipment of a month: supplier → buyer, element, form, t. */
type Shipment = readonly [from: string, to: string, element: string, form: keyof typeof FORM, tonnes: number];

/** A result of `shipments.length` months from 2026-01 over three regions and La (US$2/kg) and Dy (US$300/kg), with that recorded trade. */
function result(shipments: readonly (readonly Shipment[])[]): SimulationResult {
  const monthStart = [0];
  const link: number[] = [];
  const tonnes: number[] = [];
  for (const month of shipments) {
    for (const [from, to, element, form, t] of month) {
      link.push(tradeLinkOf(REGIONS.length, ELEMENTS.length, REGIONS.indexOf(from), REGIONS.indexOf(to), ELEMENTS.indexOf(element), FORM[form]));
      tonnes.push(t);
    }
    monthStart.push(link.length);
  }
  const pricesUsdPerKg = Float64Array.from(shipments.flatMap(() => [2, 2, 300, 300]));
  return {
    months: shipments.length, startMonth: "2026-01", regionIds: REGIONS, elementSymbols: ELEMENTS, pricesUsdPerKg,
    trade: { recorded: true, monthStart: Int32Array.from(monthStart), link: Int32Array.from(link), tonnes: Float32Array.from(tonnes) },
  } as unknown as SimulationResult;
}

describe("extra imports into a region (who closes its gap)", () => {
  it("lists each supplier, form and element that shipped the region more than in the baseline, largest value first", () => {
    const baseline = result([[["BB", "AA", "Dy", "magnet", 10], ["CC", "AA", "La", "oxide", 100], ["CC", "BB", "Dy", "oxide", 5]]]);
    // BB ships AA 4 t more Dy in magnets (US$1.2 M); CC 200 t more La oxide (US$0.4 M); CC to BB is not AA's supply.
    const run = result([[["BB", "AA", "Dy", "magnet", 14], ["CC", "AA", "La", "oxide", 300], ["CC", "BB", "Dy", "oxide", 50]]]);
    const gains = importGains(run, baseline, "AA");
    expect(gains.map((g) => `${g.supplier} ${g.form} ${g.element} ${g.extraTonnes}`)).toEqual(["BB magnet Dy 4", "CC oxide La 200"]);
    expect(gains[0]).toMatchObject({ importer: "AA", stage: "magnet", fromMonth: "2026-01" });
    expect(gains[0]!.extraValueUsd).toBeCloseTo(1_200_000, 6);
  });

  it("leaves out links that shipped less than in the baseline, and counts only the report's window", () => {
    const baseline = result([[["BB", "AA", "Dy", "oxide", 10]], [["BB", "AA", "Dy", "oxide", 10], ["CC", "AA", "Dy", "oxide", 10]]]);
    // Month 0: BB ships 5 t more; month 1: BB 10 t less (net −5 over the run), CC 3 t more.
    const run = result([[["BB", "AA", "Dy", "oxide", 15]], [["CC", "AA", "Dy", "oxide", 13]]]);
    expect(importGains(run, baseline, "AA").map((g) => `${g.supplier} ${g.extraTonnes}`)).toEqual(["CC 3"]);
    expect(importGains(run, baseline, "AA", 1).map((g) => `${g.supplier} ${g.extraTonnes} ${g.fromMonth}`)).toEqual(["CC 3 2026-02"]);
    expect(importGains(run, baseline, "XX")).toEqual([]);
  });
});
