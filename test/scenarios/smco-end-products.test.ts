/**
 * User review: when US samarium ran short, "End products not built" showed only NdFeB F-35-equivalents and nothing
 * for SmCo, the defence analyst's first question. The SmCo defence and aerospace sector now has an end product (an
 * F-35's SmCo magnet set, 22 kg) and a scenario that cuts US Sm supply reports the sets lost, in the report and in
 * the terminal table.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { buildRunReport } from "../../src/analysis/run-report.js";
import { runPreparedScenario } from "../../src/analysis/run-scenario.js";
import type { RunReport } from "../../src/analysis/report-model.js";
import { reportForRegion } from "../../src/report/region-view.js";
import { renderRunText } from "../../src/report/run-text.js";
import { loadScenario } from "../../src/scenario/node.js";
import { prepareScenario } from "../../src/scenario/prepare.js";
import { loadWorldFromDirectory } from "../../src/world/node.js";

const SMCO = "sector:smco-defense-aerospace";

const reports = new Map<string, RunReport>();
function report(name: string): RunReport {
  const cached = reports.get(name);
  if (cached !== undefined) return cached;
  const { scenario, world } = loadScenario(name);
  const { result } = runPreparedScenario(prepareScenario(scenario, world));
  const built = buildRunReport(result, { scenario, world });
  reports.set(name, built);
  return built;
}

const smcoLost = (r: RunReport, region: string) => r.endProductsLost.filter((x) => x.sector === SMCO && x.region === region);

describe("SmCo defence and aerospace end products", () => {
  it("the world gives the sector an F-35 SmCo set of 22 kg, with a unit of its own (not the NdFeB set)", () => {
    const world = loadWorldFromDirectory();
    const bySector = new Map(world.sectors.map((s) => [s.id, s]));
    const smco = bySector.get(SMCO);
    const ndfeb = bySector.get("sector:defense");
    if (smco?.use !== "magnet" || ndfeb?.use !== "magnet") throw new Error("expected both defence sectors to be magnet sectors");
    expect(smco.endProduct).toMatchObject({ unit: "F-35 SmCo set", magnetKgPerUnit: 22 });
    // The NdFeB set on the same basis (Adamas's 8-20 kg of NdFeB per F-35), not the 1,260 kg "F-35-equivalent" it replaced.
    expect(ndfeb.endProduct).toMatchObject({ unit: "F-35 NdFeB set", magnetKgPerUnit: 14 });
    // Charts and totals group end products by unit: the two defence units must never add up.
    expect(smco.endProduct?.unit).not.toBe(ndfeb.endProduct?.unit);
    expect(smco.source).toEqual(expect.arrayContaining(["nyt-samarium-2025", "adamas-f35-ree-2026"]));
  });

  describe("oct-2025-returns, US", () => {
    let scenario: RunReport;
    let baseline: RunReport;
    beforeAll(() => {
      scenario = report("oct-2025-returns");
      baseline = report("baseline");
    });

    it("reports SmCo sets lost for lack of samarium, and the baseline loses none", () => {
      const [lost, ...rest] = smcoLost(scenario, "US");
      expect(rest).toEqual([]);
      expect(lost?.unit).toBe("F-35 SmCo set");
      // US demand is 399 t a year = ~18,000 sets; the controls leave a lasting Sm gap.
      expect(lost?.totalUnits).toBeGreaterThan(1_000);
      expect(lost?.shortOf).toContain("Sm");
      expect(smcoLost(baseline, "US")).toEqual([]);
    });

    it("shows the row in the terminal's end-products table for --region US", () => {
      const text = renderRunText(reportForRegion(scenario, "US"), { region: "US" });
      const table = text.slice(text.indexOf("End products not built"));
      const row = table.split("\n").find((line) => line.startsWith("Defence, aerospace SmCo"));
      expect(row).toMatch(/^Defence, aerospace SmCo\s+US\s+[\d,]+\s+F-35 SmCo set\s+[\d,.]+\s+\d{4}-\d{2}\s+.*Sm/);
    });
  });

  it("heavy-ree-embargo (the review's case: US Sm ~96 % unmet, US SmCo plants 100 % short) loses more sets than oct-2025-returns", () => {
    const [embargo] = smcoLost(report("heavy-ree-embargo"), "US");
    const [controls] = smcoLost(report("oct-2025-returns"), "US");
    expect(embargo?.shortOf).toContain("Sm");
    expect(embargo?.totalUnits).toBeGreaterThan(1.5 * (controls?.totalUnits ?? Infinity));
  });
});
