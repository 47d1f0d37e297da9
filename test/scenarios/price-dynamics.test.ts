/**
 * The timing and size of price moves under the price model of docs/model.md §11 (partial adjustment toward a scarcity
 * target, an ex-China wedge behind the licence wall). Both fail with the former integrating prices: the April 2025
 * premium reached only 2.7x by October 2025, and after a Myanmar cut China's Dy peaked two years after the mines
 * were back while ex-China Dy fell during the cut (to 0.69x its pre-cut level).
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { beforeAll, describe, expect, it } from "vitest";
import { runPreparedScenario } from "../../src/analysis/run-scenario.js";
import { seriesFor, type SimulationResult } from "../../src/engine/index.js";
import { monthOffset } from "../../src/model/dates.js";
import { loadScenario } from "../../src/scenario/node.js";
import { prepareScenario } from "../../src/scenario/prepare.js";

/** Myanmar's mines lose 90 % of their output from January 2026 to June 2027, on top of the April 2025 licences. */
const MYANMAR_CUT = `name: Myanmar mines cut by 90 % for 18 months, on the April 2025 licences
extends: apr-2025
policies:
  - id: mm-cut
    kind: supply-shock
    target: { region: MM, stage: mine }
    lossShare: 0.9
    from: 2026-01-01
    until: 2027-07-01
`;

function run(name: string): SimulationResult {
  const { scenario, world } = loadScenario(name);
  return runPreparedScenario(prepareScenario(scenario, world), { recordTradeFlows: false, recordOrigins: false }).result;
}

const month = (r: SimulationResult, m: string) => monthOffset(r.startMonth, m);
const price = (r: SimulationResult, element: string, market: "china-domestic" | "ex-china") => seriesFor(r, { variable: "price", element, market });

describe("price dynamics", () => {
  let apr: SimulationResult;
  let cut: SimulationResult;
  beforeAll(() => {
    const dir = mkdtempSync(join(tmpdir(), "chokepoint-price-dynamics-"));
    writeFileSync(join(dir, "mm-cut.yaml"), MYANMAR_CUT);
    apr = run("apr-2025");
    cut = run(join(dir, "mm-cut.yaml"));
  });

  it("apr-2025: ex-China Dy and Tb trade at 3-4x China's price by October 2025 (Europe's oxide: about 3-4x in May 2025)", () => {
    for (const element of ["Dy", "Tb"]) {
      const t = month(apr, "2025-10");
      const premium = price(apr, element, "ex-china")[t]! / price(apr, element, "china-domestic")[t]!;
      expect(premium, element).toBeGreaterThanOrEqual(3);
      expect(premium, element).toBeLessThanOrEqual(4);
    }
  });

  it("Myanmar cut: China's Dy price peaks within 6 months of the mines coming back, not years later", () => {
    const cn = price(cut, "Dy", "china-domestic");
    let peak = 0;
    for (let t = 1; t < cn.length; t++) if (cn[t]! > cn[peak]!) peak = t;
    expect(peak).toBeGreaterThanOrEqual(month(cut, "2026-01"));
    expect(peak).toBeLessThanOrEqual(month(cut, "2027-07") + 6);
    // And it rises during the cut.
    expect(cn[month(cut, "2027-06")]!).toBeGreaterThan(1.5 * cn[month(cut, "2025-12")]!);
  });

  it("Myanmar cut: ex-China Dy does not fall during the cut", () => {
    const ex = price(cut, "Dy", "ex-china");
    const before = ex[month(cut, "2025-12")]!;
    for (let t = month(cut, "2026-01"); t < month(cut, "2027-07"); t++) expect(ex[t]!, `month ${t}`).toBeGreaterThanOrEqual(0.99 * before);
  });
});
