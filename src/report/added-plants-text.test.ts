import { describe, expect, it } from "vitest";
import type { AddedPlant, MadeHereShortHere, RunReport } from "../analysis/report-model.js";
import { addedStageText, renderAddedPlantsText } from "./added-plants-text.js";
import { renderAddedPlantsSection } from "./html/section-added-plants.js";
import { reportForRegion } from "./region-view.js";

const dyOxideLeft: MadeHereShortHere = {
  region: "EU", element: "Dy", stage: "separation", shortMonths: 84, firstMonth: "2027-01", lastMonth: "2033-12", madeTonnes: 577, shippedTonnes: 519,
  destinations: [{ region: "CN", tonnes: 519 }], shortBy: [{ stage: "magnet", tonnes: 78 }], homeUseTonnes: 0, reason: { code: "no_plant", nextStage: "metal" },
};
const plant = (x: Partial<AddedPlant>): AddedPlant => ({
  facility: "plant:eu-fix-magnets", name: "EU fix sintered NdFeB plant", region: "EU", stage: "magnet", unit: "t magnet", changes: ["new"], capacityTonnesPerYear: 5000,
  plannedStartMonth: "2027-01", firstOutputMonth: "2027-01", outputTonnes: 26_457, baselineOutputTonnes: 0, capacityTonnes: 29_437, monthsRunning: 84, utilisationShare: 0.9,
  lowUse: false, reasons: [{ code: "short_of_input", element: "Dy", months: 84, inputStage: "metal", homePlants: false, upstream: dyOxideLeft }], ...x,
});
const report = {
  scenario: { name: "EU fix", description: "", startMonth: "2024-01", months: 120, seed: 1, extendsChain: [] }, monthLabels: ["2024-01", "2033-12"],
  window: { from: "2024-01", to: "2033-12" }, baselineName: "oct-2025-returns", timeline: [],
  shortages: [], endProductsLost: [], sectorShortfalls: [], chinaSupplyChanges: [], regionOutputs: [], chinaOrigin: [], chinaOriginByRegion: [], gapClosers: [],
  addedPlants: {
    reference: "baseline",
    plants: [
      plant({ facility: "plant:eu-fix-heavy-separation", name: "EU fix heavy separation plant", stage: "separation", unit: "t REO", capacityTonnesPerYear: 2000, outputTonnes: 6117, utilisationShare: 0.55, lowUse: true, reasons: [{ code: "output_left", row: dyOxideLeft }] }),
      plant({}),
      plant({ facility: "plant:us-later", name: "US later", region: "US", changes: ["earlier"], referenceStartMonth: "2030-01", outputTonnes: 900, baselineOutputTonnes: 300, utilisationShare: 0.8, reasons: [] }),
    ],
    stages: [
      { region: "EU", stage: "magnet", unit: "t magnet", outputTonnes: 58_959, baselineOutputTonnes: 34_182, addedPlantsExtraTonnes: 26_457 },
      { region: "US", stage: "magnet", unit: "t magnet", outputTonnes: 1000, baselineOutputTonnes: 400, addedPlantsExtraTonnes: 600 },
    ],
  },
} as unknown as RunReport;

describe("plants this scenario adds (terminal)", () => {
  const text = renderAddedPlantsText(report)!;

  it("lists each added plant with its output and use, within 100 columns", () => {
    expect(text).toContain("Plants this scenario adds (or brings forward), over the run — 3 mines and plants");
    expect(text).toMatch(/eu-fix-magnets\s+EU\s+magnet\s+5,000\s+new\s+2027-01\s+26,457\s+\+26,457\s+90%/);
    expect(text).toMatch(/us-later\s+US\s+magnet\s+5,000\s+earlier \(2030-01\)\s+2027-01\s+900\s+\+600\s+80%/);
    for (const line of text.split("\n")) expect(line.length).toBeLessThanOrEqual(100);
  });

  it("says whether the region's stage gained supply or the new plant displaced the incumbents", () => {
    expect(text.replace(/\s+/g, " ")).toContain("EU magnet: 58,959 t magnet, +24,777 t against the baseline; the added plants made +26,457 t of that, so the other plants made 1,680 t less (displaced).");
    // Brought forward, then starved (western build-out on returned controls: Caremag made less than in the baseline).
    expect(addedStageText({ region: "EU", stage: "separation", unit: "t REO", outputTonnes: 67_931, baselineOutputTonnes: 75_404, addedPlantsExtraTonnes: -1_569 }))
      .toBe("EU separation: 67,931 t REO, −7,473 t against the baseline; the added plants made 1,569 t less than there themselves, so the other plants made 5,904 t less (displaced)");
  });

  it("names the missing stage that holds a plant back, in the words of 'Made here, short here'", () => {
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain("Why below 70 % of capacity, as the model knows it: - eu-fix-heavy-separation (55%): EU's Dy oxide left (to CN 519) while EU was short of it: EU has no Dy metal plant: its Dy oxide must be made into metal abroad");
    expect(flat).toContain("Running, but what its region still lacked: - eu-fix-magnets (90%): EU's magnet plants lacked Dy metal in 84 of its 84 months running: Dy: EU's Dy oxide left (to CN 519); EU has no Dy metal plant");
  });

  it("keeps one region's rows with --region, and says none when the scenario's new capacity adds nothing there", () => {
    expect(renderAddedPlantsText(reportForRegion(report, "US"))).toContain("— 1 mine or plant");
    const jp = { ...reportForRegion(report, "JP"), timeline: [{ id: "x", kind: "new-capacity", title: "x", reference: "", windows: [] }] } as RunReport;
    expect(renderAddedPlantsText(jp, { region: "JP" })).toContain("none: the scenario's new capacity adds nothing in JP against the plants of oct-2025-returns");
    const { addedPlants: _saved, ...older } = report;
    expect(renderAddedPlantsText(older)).toBeUndefined();
  });
});

describe("plants this scenario adds (HTML)", () => {
  const html = renderAddedPlantsSection(report);

  it("draws the table, the stage list and the reasons", () => {
    expect(html).toContain('<table data-table="added-plants">');
    expect(html).toContain("EU fix sintered NdFeB plant<span class=\"id\">plant:eu-fix-magnets</span>");
    expect(html).toContain("26,457 t magnet");
    // The column against the baseline is signed as in the terminal (US later: 900 t against 300 t).
    expect(html).toContain("vs baseline, t</th>");
    expect(html).toMatch(/<td class="num">\+600<\/td>/);
    expect(html).toContain("EU magnet: 58,959 t magnet, +24,777 t against the baseline; the added plants made +26,457 t of that, so the other plants made 1,680 t less (displaced).");
    expect(html).toContain("<strong>EU fix heavy separation plant</strong> (55%): EU&#39;s Dy oxide left (to CN 519) while EU was short of it: EU has no Dy metal plant");
  });

  it("says so when one region has none", () => {
    expect(renderAddedPlantsSection(report, { region: "JP" })).toContain('data-empty="added-plants"');
  });
});
