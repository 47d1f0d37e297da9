/**
 * Lynas's JARE offtake (world/trade.yaml `offtakes`): what it moves in the bundled world, against the same runs without
 * offtakes. Japan has no metal plant in the world (docs/data.md, "Who can make metal"), so the contract's oxide reaches
 * Japan's oxide users only; its magnet plants buy metal, and the contract does not reach them (docs/model.md §16).
 */
import { beforeAll, describe, expect, it } from "vitest";
import { chinaOrigin } from "../../src/analysis/run-report.js";
import { runPreparedScenario } from "../../src/analysis/run-scenario.js";
import { compileModel, totalOver, type SimulationResult } from "../../src/engine/index.js";
import { monthOffset } from "../../src/model/dates.js";
import { loadScenario } from "../../src/scenario/node.js";
import { prepareScenario } from "../../src/scenario/prepare.js";

function run(name: string, withOfftakes: boolean): SimulationResult {
  const { scenario, world } = loadScenario(name);
  return runPreparedScenario(prepareScenario(scenario, withOfftakes ? world : { ...world, offtakes: [] })).result;
}
const over = (r: SimulationResult, year: number) => [monthOffset(r.startMonth, `${year}-01`), monthOffset(r.startMonth, `${year + 1}-01`)] as const;
const ndPrFromLynas = (r: SimulationResult, to: string, year: number) =>
  ["Nd", "Pr"].reduce((a, element) => a + totalOver(r, { variable: "trade", from: "MY", to, element, form: "oxide" }, ...over(r, year)), 0);

describe("the JARE offtake (Lynas Malaysia → Japan)", () => {
  let base: SimulationResult;
  let baseWithout: SimulationResult;
  beforeAll(() => {
    base = run("baseline", true);
    baseWithout = run("baseline", false);
  });

  it("serves Japan's oxide users from Lynas first in 2024: Japan's NdPr from Malaysia triples, all within the 7,200 t cap", () => {
    const withContract = ndPrFromLynas(base, "JP", 2024);
    const without = ndPrFromLynas(baseWithout, "JP", 2024);
    expect(withContract).toBeGreaterThan(2.5 * without);
    // t of element; the cap is 7,200 t of oxide a year. Japan asks only for its oxide users' need (no metal plant).
    expect(withContract * 1.17).toBeLessThan(7200);
    const made = ["Nd", "Pr"].reduce((a, element) => a + totalOver(base, { variable: "production", stage: "separation", region: "MY", element }, ...over(base, 2024)), 0);
    expect(withContract / made).toBeLessThan(0.1);
  });

  it("says in the model's warnings that the contract cannot reach Japan's magnet makers (a user review found no word of it)", () => {
    const { world } = loadScenario("baseline");
    const warnings = compileModel(world, { startMonth: "2024-01", months: 12 }).warnings;
    expect(warnings).toContainEqual(expect.stringMatching(/^offtake offtake:jare-heavy-2023: JP has no metal plant that takes Dy, Tb, so the contract reaches only its users of the oxide itself \(Phosphors\), not its metal and magnet makers$/));
    // A buyer with a metal plant for the element gets no such warning: give Japan one.
    const jpMetal = { ...world.metalPlants.find((p) => p.region === "VN")!, id: "plant:jp-metal-test", region: "JP", makes: ["Dy", "Tb"] as typeof world.metalPlants[number]["makes"] };
    const fixed = compileModel({ ...world, metalPlants: [...world.metalPlants, jpMetal] }, { startMonth: "2024-01", months: 12 }).warnings;
    expect(fixed.some((w) => w.startsWith("offtake offtake:jare-heavy-2023"))).toBe(false);
  });

  it("lowers Japan's China-separated share of Nd and Pr in 2024 a little", () => {
    const share = (r: SimulationResult, element: string) => chinaOrigin(r).chinaOrigin.find((s) => s.region === "JP" && s.element === element)!.firstYearShare;
    expect(share(base, "Nd")).toBeLessThan(share(baseWithout, "Nd") - 0.01);
    expect(share(base, "Pr")).toBeLessThan(share(baseWithout, "Pr") - 0.02);
  });

  it("under apr-2025 does not reach Japan's magnet plants: their Dy and Tb shortfall is the run's without offtakes (within 2 %)", () => {
    const apr = run("apr-2025", true);
    const aprWithout = run("apr-2025", false);
    for (const element of ["Dy", "Tb"]) {
      const short = (r: SimulationResult) => totalOver(r, { variable: "shortfall", region: "JP", stage: "magnet", element }, ...over(r, 2026));
      expect(short(apr)).toBeGreaterThan(1);
      expect(Math.abs(short(apr) / short(aprWithout) - 1)).toBeLessThan(0.02);
    }
  });
});
