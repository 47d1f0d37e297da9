/**
 * Prices stop at the backstop (docs/model.md §11): a total Myanmar cut-off under the April 2025 licences sent ex-China
 * Tb above US$900,000/kg before there was one (with the integrating prices of the time; about US$163,000/kg now).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { compileModel, runSimulation, seriesFor } from "../../src/engine/index.js";
import { compilePolicies } from "../../src/policy/index.js";
import { loadScenario } from "../../src/scenario/node.js";
import { prepareScenario } from "../../src/scenario/prepare.js";
import { priceSummaries } from "../../src/analysis/run-report.js";

const MYANMAR_CUT_OFF = `name: Myanmar mines cut off, on the April 2025 licences
extends: apr-2025
months: 60
policies:
  - id: mm-all
    kind: supply-shock
    target: { region: MM, stage: mine }
    lossShare: 1
    from: 2025-01
`;

describe("price backstop", () => {
  const dir = mkdtempSync(join(tmpdir(), "chokepoint-backstop-"));
  writeFileSync(join(dir, "mm-cut-off.yaml"), MYANMAR_CUT_OFF);
  const { scenario, world } = loadScenario(join(dir, "mm-cut-off.yaml"));
  const prepared = prepareScenario(scenario, world);
  const model = compileModel(prepared.world, { startMonth: prepared.startMonth, months: prepared.months });
  const constraints = compilePolicies(prepared.policies, model, prepared.world, prepared.startMonth);
  const peak = (values: ArrayLike<number>) => Math.max(...Array.from(values));

  it("holds every price at or below backstop × its calibration price, and the report marks the peaks that reach it", () => {
    const result = runSimulation(model, constraints);
    const multiple = result.parameters["price.backstopMultiple"];
    expect(multiple).toBe(50);
    for (let e = 0; e < result.elementSymbols.length; e++) {
      for (const [k, market] of [[0, "china-domestic"], [1, "ex-china"]] as const) {
        const path = seriesFor(result, { variable: "price", element: result.elementSymbols[e]!, market });
        expect(peak(path), `${result.elementSymbols[e]} ${market}`).toBeLessThanOrEqual(model.basePriceUsdPerKg[e * 2 + k]! * multiple * (1 + 1e-12));
      }
    }
    const tb = result.elementSymbols.indexOf("Tb");
    const exTb = seriesFor(result, { variable: "price", element: "Tb", market: "ex-china" });
    expect(peak(exTb)).toBeCloseTo(model.basePriceUsdPerKg[tb * 2 + 1]! * multiple, 6);
    const prices = priceSummaries(result);
    expect(prices.find((p) => p.element === "Tb" && p.market === "ex-china")?.peakAtBackstop).toBe(true);
    expect(prices.find((p) => p.element === "Nd" && p.market === "ex-china")?.peakAtBackstop).toBe(false);
  });

  it("is what holds them: without it ex-China Tb runs far past it", () => {
    const unbounded = runSimulation(model, constraints, { parameterOverrides: { "price.backstopMultiple": 1e9 } });
    const tb = unbounded.elementSymbols.indexOf("Tb");
    // The price targets are bounded (China's by its scarcity terms, the wedge at 99), so without the backstop ex-China Tb
    // peaks at about 171× its calibration price (US$163,000/kg; the former integrating prices went past 900×): still
    // over three times the ceiling, so the backstop is what binds and marks the peak.
    expect(peak(seriesFor(unbounded, { variable: "price", element: "Tb", market: "ex-china" }))).toBeGreaterThan(2 * 50 * model.basePriceUsdPerKg[tb * 2 + 1]!);
  });
});
