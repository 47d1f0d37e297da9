/**
 * Concentrate that a region sells only to China (trade.yaml sellsOnlyTo: Myanmar's and Laos's ionic clays) reaches no
 * separator outside China under the ready-made policies, and when a scenario cuts the one link it may use, it stays at
 * the mine: nothing negative, nothing lost, no other buyer.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runPreparedScenario } from "../../src/analysis/run-scenario.js";
import { totalOver, tradeEntries, type SimulationResult } from "../../src/engine/index.js";
import { badValues, massBalanceErrors } from "../../src/engine/fixtures/invariants.js";
import { monthOffset } from "../../src/model/dates.js";
import { loadScenario } from "../../src/scenario/node.js";
import { prepareScenario } from "../../src/scenario/prepare.js";

const MYANMAR_TO_CHINA_CUT = `name: Myanmar's concentrate stops going to China
extends: baseline
months: 60
policies:
  - id: mm-cn-ore-cut
    kind: export-ban
    issuer: MM
    elements: [Sc, Y, La, Ce, Pr, Nd, Sm, Eu, Gd, Tb, Dy, Ho, Er, Tm, Yb, Lu]
    forms: [concentrate]
    destinations: { only: [CN] }
    from: 2026-01
`;

function run(ref: string): SimulationResult {
  const { scenario, world } = loadScenario(ref);
  return runPreparedScenario(prepareScenario(scenario, world)).result;
}

/** Tonnes of concentrate from `sellers` to each region other than China and the sellers, over the run. */
function concentrateOutsideChina(r: SimulationResult, sellers: readonly string[]): Map<string, number> {
  const R = r.regionIds.length;
  const E = r.elementSymbols.length;
  const from = sellers.map((id) => r.regionIds.indexOf(id));
  const out = new Map<string, number>();
  for (let t = 0; t < r.months; t++) {
    for (const e of tradeEntries(r.trade, R, E, t)) {
      if (e.form !== 0 || !from.includes(e.from) || e.to === e.from || r.regionIds[e.to] === "CN") continue;
      const link = `${r.regionIds[e.from]}->${r.regionIds[e.to]}`;
      out.set(link, (out.get(link) ?? 0) + e.tonnes);
    }
  }
  return out;
}

describe("concentrate sold only to China (sellsOnlyTo)", () => {
  it("apr-2025: no Myanmar or Laos concentrate reaches a separator outside China, though China's licences raise ex-China heavy prices", () => {
    const apr = run("apr-2025");
    expect([...concentrateOutsideChina(apr, ["MM", "LA"])]).toEqual([]);
  });

  it("a what-if ban on Myanmar's concentrate to China leaves it unsold at the mine: no other buyer, no negative stock, nothing lost", () => {
    const dir = mkdtempSync(join(tmpdir(), "chokepoint-sells-only-to-"));
    writeFileSync(join(dir, "mm-cn-cut.yaml"), MYANMAR_TO_CHINA_CUT);
    const cut = run(join(dir, "mm-cn-cut.yaml"));
    const base = run("baseline");
    expect(badValues(cut)).toEqual([]);
    expect(Math.max(...massBalanceErrors(cut))).toBeLessThan(1e-9);
    expect([...concentrateOutsideChina(cut, ["MM"])]).toEqual([]);
    const from = monthOffset(cut.startMonth, "2026-01");
    // The allowed link is refused (not out of reach): what China asked for counts as blocked.
    expect(totalOver(cut, { variable: "trade", from: "MM", to: "CN", form: "concentrate" }, from, cut.months)).toBe(0);
    expect(totalOver(cut, { variable: "blocked", form: "concentrate" }, from, from + 12)).toBeGreaterThan(0);
    // What was mined since the cut stays at the mine (Myanmar has no separator). The mines do not cut their output for it
    // (China's refused orders still count as orders, docs/model.md section 16): the stock grows by a year's output a year.
    const mm = (r: SimulationResult, variable: "production" | "stock", from: number, until: number) =>
      totalOver(r, variable === "stock" ? { variable, region: "MM", form: "concentrate" } : { variable, stage: "mine", region: "MM" }, from, until);
    const end = cut.months;
    const minedSinceCut = mm(cut, "production", from, end);
    expect(mm(cut, "stock", end - 1, end)).toBeGreaterThan(0.95 * minedSinceCut);
    expect(mm(cut, "stock", end - 1, end)).toBeLessThanOrEqual(minedSinceCut + mm(cut, "stock", from - 1, from) + 1e-6);
    expect(mm(base, "stock", end - 1, end)).toBeLessThan(0.05 * minedSinceCut);
  });
});
