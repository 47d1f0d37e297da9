/**
 * A user review: a scenario that adds an EU magnet plant and EU heavy separation showed only the incumbents falling
 * short, never the new plants' own output nor the missing stage (no Dy metal plant in the EU) that held the region back.
 * On the bundled world, the report now lists the plants the scenario adds with what they made, the EU stages against
 * the baseline, and the missing metal stage; the ready-made build-out lists the projects it holds to their dates.
 */
import { mkdtempSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { runScenarioForCli } from "../../src/cli/run-pipeline.js";
import { reportForRegion } from "../../src/report/region-view.js";
import { renderRunText } from "../../src/report/run-text.js";

const EU_FIX = `name: EU fix
extends: oct-2025-returns
policies:
  - { id: eu-magnets, kind: new-capacity, facility: plant:eu-fix-magnets, stage: magnet, region: EU, capacityTonnesPerYear: 5000, magnetType: sintered-ndfeb, startMonth: 2027-01, status: operating, from: 2026-01 }
  - { id: eu-heavy, kind: new-capacity, facility: plant:eu-fix-heavy, stage: separation, region: EU, capacityTonnesPerYear: 2000, separates: [heavy], startMonth: 2027-01, status: operating, from: 2026-01 }
`;

describe("plants this scenario adds, on the bundled world", () => {
  it("issue (user review): lists the EU plants a scenario adds with their output, the EU stages against the baseline, and the missing Dy metal stage", () => {
    const file = join(mkdtempSync(join(tmpdir(), "chokepoint-added-")), "eu-fix.yaml");
    writeFileSync(file, EU_FIX);
    const run = runScenarioForCli(file, { baseline: "oct-2025-returns", region: "EU", months: { from: "2027-01" } });
    const added = run.report.addedPlants!;
    expect(added.reference).toBe("baseline");
    expect(added.plants.map((x) => [x.facility, x.changes, x.firstOutputMonth])).toEqual([
      ["plant:eu-fix-heavy", ["new"], "2027-01"],
      ["plant:eu-fix-magnets", ["new"], "2027-01"],
    ]);
    const magnets = added.plants.find((x) => x.facility === "plant:eu-fix-magnets")!;
    expect(magnets.outputTonnes).toBeGreaterThan(1000);
    const stage = added.stages.find((x) => x.region === "EU" && x.stage === "magnet")!;
    expect(stage.addedPlantsExtraTonnes).toBeCloseTo(magnets.outputTonnes, 6);
    // Every reason that names a shortage of Dy names the missing EU Dy metal plant.
    const text = renderRunText(reportForRegion(run.report, "EU"), { region: "EU" });
    const section = text.slice(text.indexOf("Plants this scenario adds"), text.indexOf("Prices, US$/kg"));
    expect(section).toContain(", 2027-01 – 2033-12 — 2 mines and plants");
    expect(section).toMatch(/eu-fix-magnets\s+EU\s+magnet\s+5,000\s+new\s+2027-01/);
    expect(section.replace(/\s+/g, " ")).toContain("EU has no Dy metal plant");
    for (const line of section.split("\n")) expect(line.length).toBeLessThanOrEqual(100);
  }, 60_000);

  it("lists the projects the western build-out holds to their announced dates as brought forward", () => {
    const run = runScenarioForCli("western-buildout", {});
    const plants = run.report.addedPlants!.plants;
    expect(plants.find((x) => x.facility === "plant:mp-10x")).toMatchObject({ changes: ["earlier"], plannedStartMonth: "2028-01" });
    expect(plants.every((x) => x.changes.length > 0 && x.outputTonnes > (x.baselineOutputTonnes ?? 0))).toBe(true);
  }, 60_000);
});
