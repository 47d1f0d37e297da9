import { describe, expect, it } from "vitest";
import type { RunReport, ShortageEpisode } from "../analysis/report-model.js";
import { sampleReport } from "../../test/fixtures/report/sample-report.js";
import { loadWorldFromDirectory } from "../world/node.js";
import { renderRunText } from "./run-text.js";

const episode = (element: string, region: string, totalTonnes: number): ShortageEpisode => ({
  element, region, stage: "use", startMonth: "2026-04", endMonth: "2027-03", durationMonths: 12,
  peakTonnesPerMonth: totalTonnes / 6, peakShareOfDemand: 0.4, totalTonnes,
});

/** The lines of one section of the terminal answer, from its title to the blank line after it. */
function sectionOf(text: string, title: string): string[] {
  const lines = text.split("\n");
  const start = lines.findIndex((l) => l.startsWith(title));
  expect(start, title).toBeGreaterThanOrEqual(0);
  const end = lines.findIndex((l, i) => i > start && l.trim() === "");
  return lines.slice(start, end);
}

describe("terminal answer", () => {
  it("lists each element's largest shortage, so a small Tb episode is not crowded out by larger yttrium ones", () => {
    const yttrium = ["JP", "EU", "US", "KR", "IN", "ROW", "VN", "TH", "MY", "AU", "BR", "CA", "MX", "ZA"].map((r, i) => episode("Y", r, 5_000 - i * 100));
    const report: RunReport = { ...sampleReport(), shortages: [...yttrium, episode("Tb", "US", 12)] };
    const rows = sectionOf(renderRunText(report), "Shortages of final demand");
    expect(rows.slice(0, 2).join(" ").replace(/\s+/g, " ")).toContain("15 episodes; shown: each element's largest, then the largest by tonnes (12)");
    expect(rows.some((l) => /^Tb\s+US\s/.test(l))).toBe(true);
    expect(rows.filter((l) => /^Y\s/.test(l))).toHaveLength(11);
  });

  it("with --region, says who supplied the region more than in the baseline: its own extra output and its extra imports by supplier", () => {
    const report: RunReport = {
      ...sampleReport(),
      gapClosers: sampleReport().gapClosers.filter((g) => g.region === "JP"),
      importGains: [{ importer: "JP", supplier: "VN", stage: "magnet", form: "magnet", element: "Dy", extraTonnes: 300, extraValueUsd: 90_000_000, fromMonth: "2026-08" }],
    };
    const gap = sectionOf(renderRunText(report, { region: "JP" }), "Who closes the gap for JP");
    expect(gap.join(" ").replace(/\s+/g, " ")).toContain("its own extra output by stage, and extra imports into JP by supplier, form and element");
    const firstRow = gap.findIndex((l) => l.startsWith("──")) + 1;
    expect(gap[firstRow]).toMatch(/^VN\s+import to JP\s+magnet\s+Dy\s+90\.0\s+300\s+2026-08$/);
    expect(gap[firstRow + 1]).toMatch(/^JP\s+own output\s+magnet\s+all\s+52\.4\s+380\s+2026-09$/);
    expect(Math.max(...gap.map((l) => l.length))).toBeLessThanOrEqual(100);
    // Without --region the table stays every region's extra output.
    const world = sectionOf(renderRunText(report), "Who closes the gap (extra output");
    expect(world[world.findIndex((l) => l.startsWith("──")) + 1]).toMatch(/^JP\s+magnet\s/);
  });

  it("ranks gap closers by value, not tonnes, and says what the costs and shares cover", () => {
    const text = renderRunText(sampleReport());
    const gap = sectionOf(text, "Who closes the gap");
    expect(gap.join(" ").replace(/\s+/g, " ")).toContain("ranked by their value at start prices");
    const firstRow = gap.findIndex((l) => l.startsWith("──")) + 1;
    expect(gap[firstRow]).toMatch(/^AU\s+separation\s+182\s+3,420\s+2026-07\s+Nd \+2,650, Dy \+13, Ce −40$/);
    expect(gap[firstRow + 1]).toMatch(/^MY\s/);
    expect(gap[firstRow + 2]).toMatch(/^JP\s/); // 52.4 M$ for 380 t ranks above the US's 38.9 M$ for 410 t
    expect(sectionOf(text, "What the measures cost").join(" ")).toContain("total over run");
    expect(sectionOf(text, "Where the content comes from")[0]).toContain("2026 → 2027");
    for (const line of text.split("\n")) expect(line.length).toBeLessThanOrEqual(100);
  });

  it("issue: names every bundled sector by its short name in full in the end-products table, within 100 columns", () => {
    const { sectors } = loadWorldFromDirectory();
    const endProductsLost = sectors.map((s, i) => ({
      sector: s.id, sectorName: s.name, sectorShortName: s.shortName ?? s.name, unit: s.use === "magnet" ? s.endProduct?.unit ?? "t magnet" : "t REO",
      region: "EU", totalUnits: 1000 - i, peakMonth: "2026-09", shortOf: ["Nd", "Pr"], unmetShareOfNeed: 0.1,
    }));
    // Every sector of the bundled world has a short name of its own.
    expect(sectors.filter((s) => s.shortName === undefined).map((s) => s.id)).toEqual([]);
    const text = renderRunText({ ...sampleReport(), endProductsLost });
    const rows = sectionOf(text, "End products not built").filter((l) => / EU /.test(l));
    expect(rows).toHaveLength(12);
    rows.forEach((row, i) => {
      expect(row.startsWith(`${sectors[i]!.shortName} `), row).toBe(true);
      expect(row).not.toContain("…");
    });
    for (const line of text.split("\n")) expect(line.length).toBeLessThanOrEqual(100);
  });

  it("issue: end products lost with a baseline show what the baseline lost in the same months and the difference, with the magnet in them", () => {
    const kg = { "F-35 SmCo set": 22, vehicle: 2.5 } as const;
    const row = (sector: string, sectorShortName: string, unit: keyof typeof kg, endProductName: string, totalUnits: number, baselineTotalUnits: number) => ({
      sector, sectorName: `${sectorShortName} in full`, sectorShortName, unit, region: "US", endProductName, magnetKgPerUnit: kg[unit],
      totalUnits, magnetTonnes: (totalUnits * kg[unit]) / 1000, baselineTotalUnits, differenceUnits: totalUnits - baselineTotalUnits,
      peakMonth: totalUnits > 0 ? "2027-04" : "–", shortOf: totalUnits > 0 ? ["Sm"] : [], unmetShareOfNeed: totalUnits > 0 ? 0.64 : 0,
    });
    const smco = "F-35 SmCo magnet set (22 kg of SmCo magnet; a yardstick for the whole sector, not aircraft)";
    const endProductsLost = [
      row("sector:smco-defense-aerospace", "Defence, aerospace SmCo", "F-35 SmCo set", smco, 40_057, 9_947),
      row("sector:ev-traction", "EV traction motors", "vehicle", "electric car (BEV or PHEV)", 0, 1_200),
    ];
    const text = renderRunText({ ...sampleReport(), baselineName: "apr-2025", endProductsLost });
    const lines = sectionOf(text, "End products not built");
    const flat = lines.join(" ").replace(/\s+/g, " ");
    // The run's own table: units and the magnet they hold (40,057 × 22 kg = 881 t); a row only the baseline lost in is not a loss of this run.
    expect(lines.find((l) => /^Defence, aerospace SmCo\s+US\s+40,057\s/.test(l))!.replace(/\s+/g, " ")).toBe("Defence, aerospace SmCo US 40,057 F-35 SmCo set 881 2027-04 Sm 64%");
    // Against the baseline: the baseline's losses in the same months and the difference, what this scenario caused.
    expect(flat).toContain("Against apr-2025: what it lost in the same sector, region and months, and the difference (this run − baseline: what this scenario caused;");
    const versus = lines.slice(lines.findIndex((l) => l.startsWith("Against")));
    expect(versus.find((l) => l.startsWith("Defence, aerospace SmCo"))!.replace(/\s+/g, " ")).toBe("Defence, aerospace SmCo US F-35 SmCo set 40,057 9,947 +30,110 +662");
    expect(versus.find((l) => l.startsWith("EV traction motors"))!.replace(/\s+/g, " ")).toBe("EV traction motors US vehicle 0 1,200 −1,200 −3.0");
    // What each unit is, once, in the world's words.
    expect(flat).toContain(`Units: Defence, aerospace SmCo: 1 F-35 SmCo set = ${smco}; EV traction motors: 1 vehicle = electric car (BEV or PHEV), 2.5 kg of magnet.`);
    expect(flat.split("a yardstick for the whole sector").length).toBe(2);
    for (const line of text.split("\n")) expect(line.length).toBeLessThanOrEqual(100);
    // Without a baseline there is no comparison table.
    expect(sectionOf(renderRunText({ ...sampleReport(), baselineName: undefined, endProductsLost: endProductsLost.slice(0, 1) }), "End products not built").join("\n")).not.toContain("Against");
  });

  it("issue: shows the baseline's peak % of need in the same months, says what the column means, and marks 'also' or 'worse' only when there is a comparison run", () => {
    const base = sampleReport();
    const marked = { ...base, shortages: base.shortages.map((s) => s.element === "Dy" && s.region === "JP" ? { ...s, baselinePeakShareOfDemand: 0.4, alsoInBaseline: true }
      : s.element === "Tb" ? { ...s, baselinePeakShareOfDemand: 0.024, alsoInBaseline: false } : { ...s, baselinePeakShareOfDemand: 0, alsoInBaseline: false }) };
    const text = renderRunText(marked);
    const table = sectionOf(text, "Shortages of final demand");
    expect(table.join(" ").replace(/\s+/g, " ")).toContain("\"baseline\": the largest share of need the baseline run left unmet for the same element, region and stage in the same months (\"–\": never above 1 %); where it was short there: \"worse\" when the episode's peak or its tonnes short are at least 1.25 × the baseline's in those months (this scenario deepens or prolongs the shortage), \"milder\" when both are at most the baseline's ÷ 1.25 (it eases it), \"also\" otherwise (about as deep and as long without this scenario's measures).");
    const rows = table.filter((l) => /^(Dy|Tb|Nd|Pr|Y)\s/.test(l));
    expect(rows.length).toBeGreaterThan(1);
    // Dy JP: 44 % against the baseline's 40 %, about as deep; Tb: 32 % against 2.4 %, worse (the baseline short too, far less).
    for (const row of rows) expect(row.trimEnd().endsWith(/^Dy\s+JP\s/.test(row) ? "40% also" : /^Tb\s/.test(row) ? "2.4% worse" : "–"), row).toBe(true);
    expect(rows.some((l) => /^Dy\s+JP\s/.test(l))).toBe(true);
    // The plants table refers to the legend above it.
    expect(sectionOf(text, "Plants short of input").join("\n")).toContain("\"baseline\": as above.");
    for (const line of text.split("\n")) expect(line.length).toBeLessThanOrEqual(100);
    expect(sectionOf(renderRunText(base), "Shortages of final demand").join("\n")).not.toContain("baseline");
  });

  it("shows each importer's supply from China against the baseline, with the change and the months magnets fell below half", () => {
    const rows = sectionOf(renderRunText(sampleReport()), "Supply from China against");
    const jp = rows.find((l) => l.startsWith("JP"))!.replace(/\s+/g, " ");
    expect(jp).toBe("JP 1,210 −51% 95 −69% 9 2026-05");
    expect(rows.find((l) => l.startsWith("EU"))!.replace(/\s+/g, " ")).toBe("EU 1,940 −5% 20 −52% 0 –");
    // Without a baseline there is nothing to compare with: no section.
    expect(renderRunText({ ...sampleReport(), baselineName: undefined, chinaSupplyChanges: [] })).not.toContain("Supply from China");
  });

  it("shows what a new-capacity policy starts and when in the timeline, instead of its funding dates", () => {
    const report: RunReport = {
      ...sampleReport(),
      timeline: [{ id: "us-mp-hree-on-time", kind: "new-capacity", title: "MP heavy circuit", reference: "", windows: [{ from: "2025-07-10", until: undefined }], effect: "mp-mountain-pass-hree from 2026-07" }],
    };
    const row = sectionOf(renderRunText(report), "Policy timeline").find((l) => l.startsWith("us-mp-hree-on-time"))!;
    expect(row.replace(/\s+/g, " ")).toBe("us-mp-hree-on-time new-capacity mp-mountain-pass-hree from 2026-07");
  });

  it("always shows the plants-short section, saying there was none (a short --to run or one region often has none)", () => {
    const noPlants: RunReport = { ...sampleReport(), shortages: sampleReport().shortages.filter((x) => x.stage === "use") };
    expect(sectionOf(renderRunText(noPlants), "Plants short of input")).toEqual([
      "Plants short of input (production lost) — 0 episodes",
      "  none: every region's separation, metal and magnet plants got the input they needed in every month",
    ]);
    expect(sectionOf(renderRunText({ ...noPlants, shortages: [] }, { region: "EU" }), "Plants short of input")[1])
      .toBe("  none: EU's separation, metal and magnet plants got the input they needed in every month");
  });

  it("lists the plants that stop or fall short after the plants short of input, within 100 columns", () => {
    const text = renderRunText(sampleReport());
    const rows = sectionOf(text, "Plants that stop or fall short");
    expect(rows.slice(0, 2).join(" ").replace(/\s+/g, " ")).toBe("Plants that stop or fall short (more than 10 % below their output in the baseline run in a month) — 3 mines and plants");
    expect(rows.join(" ").replace(/\s+/g, " ")).toContain("Output lost against baseline-2024 in the months a facility made more than 10 % less");
    const body = rows.slice(rows.findIndex((l) => l.startsWith("──")) + 1).map((l) => l.trim().split(/\s{2,}/));
    expect(body).toEqual([
      ["jp-sintered-ndfeb", "JP", "magnet", "2026-06", "2026-09 38%", "Dy, Tb", "1,240 t magnet", "6.3%"],
      ["vac-hanau", "EU", "magnet", "2026-07", "2026-10 100%", "Dy", "210 t magnet", "11%"],
      ["mountain-pass", "US", "mine", "2026-05", "2026-05 15%", "–", "160 t REO", "0.4%"],
    ]);
    for (const line of text.split("\n")) expect(line.length).toBeLessThanOrEqual(100);
    // It follows the plants short of input.
    expect(text.indexOf("Plants that stop or fall short")).toBeGreaterThan(text.indexOf("Plants short of input"));
  });

  it("issue: shows the bundled world's longest plant ids and a separation plant's every element in full, within 100 columns", () => {
    const world = loadWorldFromDirectory();
    const ids = [...world.mines, ...world.separationPlants, ...world.metalPlants, ...world.magnetPlants].map((f) => f.id).sort((a, b) => b.length - a.length).slice(0, 12);
    expect(ids[0]).toBe("plant:cn-creg-sichuan-shandong-separation");
    const elements = world.elements.map((e) => e.symbol);
    const [sample] = sampleReport().plantShortfalls!;
    // The widest cells each column can have: a spell since before the window, a month at 100 %, six-figure losses in t magnet.
    const plantShortfalls = ids.map((facility, i) => ({
      ...sample!, facility, region: "ROW", stage: "separation", beganMonth: "2025-06", worstShare: 1, lostTonnes: 123_456 - i, unit: "t magnet", lostShare: 0.123,
      shortOf: i === 0 ? elements : elements.slice(0, 1 + (i % 4)),
    }));
    const text = renderRunText({ ...sampleReport(), plantShortfalls, window: { from: "2026-01", to: "2027-12" } });
    const table = sectionOf(text, "Plants that stop or fall short");
    for (const line of table) expect(line.length, line).toBeLessThanOrEqual(100);
    expect(table.join("\n")).not.toContain("…");
    // Each row, its continuation lines joined (after "," with a space, else as they are), names its plant and elements in full.
    const rule = table.find((l) => l.startsWith("──"))!;
    const spans = [...rule.matchAll(/─+/g)].map((m) => [m.index, m.index + m[0].length] as const);
    const cell = (line: string, c: number) => line.slice(spans[c]![0], spans[c]![1]).trim();
    const rows: string[][][] = [];
    for (const line of table.slice(table.indexOf(rule) + 1)) {
      if (cell(line, 1) !== "") rows.push([]);
      rows.at(-1)!.push([cell(line, 0), cell(line, 5)]);
    }
    const joined = (pieces: string[]) => pieces.filter((p) => p !== "").reduce((a, p) => (a.endsWith(",") ? `${a} ${p}` : a + p), "");
    expect(rows.map((r) => joined(r.map((l) => l[0]!)))).toEqual(ids.map((id) => id.replace(/^(plant|mine):/, "")));
    expect(rows.map((r) => joined(r.map((l) => l[1]!)))).toEqual(plantShortfalls.map((x) => x.shortOf.join(", ")));
  });

  it("says no plant fell short for the window or the region, names a cut spell's start, and leaves the section out of older reports", () => {
    const none = renderRunText({ ...sampleReport(), plantShortfalls: [], window: { from: "2027-01", to: "2027-12" } }, { region: "EU" });
    expect(sectionOf(none, "Plants that stop or fall short").join(" ").replace(/\s+/g, " "))
      .toBe("Plants that stop or fall short (more than 10 % below their output in the baseline run in a month), 2027-01 – 2027-12 — 0 mines and plants none: every mine and plant in EU made within 10 % of its baseline output in every month of 2027-01 – 2027-12");
    const cut = sampleReport().plantShortfalls!.map((x) => ({ ...x, beganMonth: "2026-02" }));
    const since = sectionOf(renderRunText({ ...sampleReport(), plantShortfalls: cut.map((x) => ({ ...x, lostTonnes: x.lostTonnes * 1000 })) }), "Plants that stop");
    expect(since.some((l) => /^vac-hanau\s+EU\s+magnet\s+since 2026-02\s/.test(l))).toBe(true);
    for (const line of since) expect(line.length).toBeLessThanOrEqual(100);
    const { plantShortfalls: _, ...old } = sampleReport();
    expect(renderRunText(old)).not.toContain("Plants that stop or fall short");
  });

  it("names the reporting window in every summary heading when --from trims it, and says episodes are cut at its start", () => {
    const base = sampleReport();
    const cut: ShortageEpisode = { ...episode("Dy", "JP", 40), startMonth: "2027-01", endMonth: "2027-03", durationMonths: 3, beganMonth: "2026-06" };
    const report: RunReport = { ...base, window: { from: "2027-01", to: "2027-12" }, shortages: [cut, { ...cut, element: "Tb", stage: "magnet", beganMonth: undefined }] as ShortageEpisode[] };
    const text = renderRunText(report);
    const flat = text.replace(/\s+/g, " ");
    expect(flat).toContain("Reporting window 2027-01 – 2027-12: every table below covers these months, except the policy timeline. The run itself starts 2026-01");
    expect(sectionOf(text, "Shortages of final demand").join(" ").replace(/\s+/g, " "))
      .toContain("— 1 episode in 2027-01 – 2027-12 (cut at 2027-01: months, peak and total are the window's; \"began\" is when one started before it)");
    const row = sectionOf(text, "Shortages of final demand").find((l) => l.startsWith("Dy"))!.replace(/\s+/g, " ");
    expect(row).toBe("Dy JP 2027-01 2027-03 3 6.7 40% 40 2026-06");
    expect(sectionOf(text, "Plants short of input")[0]).toBe("Plants short of input (production lost) — 1 episode in 2027-01 – 2027-12");
    for (const title of ["Prices, US$/kg of element (China domestic vs ex-China), 2027-01 – 2027-12: start is 2027-01", "End products not built for lack of magnets, 2027-01 – 2027-12",
      "Who closes the gap, 2027-01 – 2027-12", "What the measures cost, US$ million, 2027-01 – 2027-12", "Concentration by stage (2027-01 → 2027-12)", "Supply from China against",
      "Policy timeline (the whole run from 2026-01: measures before 2027-01 shaped"]) {
      expect(flat, title).toContain(title);
    }
    expect(flat).toContain("Supply from China against baseline-2024 (2027-01 – 2027-12, t of element content");
    expect(sectionOf(text, "Who closes the gap").join(" ")).toContain("extra US$ M in window");
    expect(sectionOf(text, "What the measures cost").join(" ")).toContain("total in window");
    for (const line of text.split("\n")) expect(line.length).toBeLessThanOrEqual(100);
    // The whole run reads as before: no window line, headings unchanged.
    const plain = renderRunText(base);
    expect(plain).not.toContain("Reporting window");
    expect(plain).toContain("Concentration by stage (start → end)");
  });

  it("shows both markets' prices at the start, and marks an ex-China peak in the first month as the start", () => {
    const report = sampleReport();
    const dy = report.prices.find((p) => p.element === "Dy" && p.market === "ex-china")!;
    const falling: RunReport = { ...report, prices: report.prices.map((p) => (p === dy ? { ...p, peakMonth: report.monthLabels[0]!, peakUsdPerKg: p.startUsdPerKg } : p)) };
    const rows = sectionOf(renderRunText(falling), "Prices, US$/kg");
    const header = rows.find((l) => l.startsWith("element"))!;
    expect(header).toMatch(/CN start +CN peak +ex-CN start +ex-CN peak +ex-CN peak in/);
    const dyRow = rows.find((l) => l.startsWith("Dy "))!;
    expect(dyRow).toContain(`${report.monthLabels[0]} (start)`);
    const columns = dyRow.trim().split(/\s{2,}/);
    expect(columns[3]).toBe(`$${Math.round(dy.startUsdPerKg).toLocaleString("en-US")}`);
  });

  it("says only the chosen region produces no more than in the baseline when --region finds no gap closer", () => {
    const text = renderRunText({ ...sampleReport(), gapClosers: [] }, { region: "JP" });
    expect(sectionOf(text, "Who closes the gap").join(" ")).toContain("nobody: JP produces no more than in the baseline");
  });

  it("shows the chosen region's output by stage and where it went, and points to --region without one", () => {
    const report = sampleReport();
    const us = { ...report, regionOutputs: report.regionOutputs.filter((x) => x.region === "US") };
    const rows = sectionOf(renderRunText(us, { region: "US" }), "US's output of Nd, Pr, Dy and Tb");
    const oxide = rows.find((l) => l.startsWith("separation  Nd"))!;
    expect(oxide.trim().split(/\s{2,}/)).toEqual(["separation", "Nd", "2,450", "610", "25%", "JP 400, KR 150, EU 60"]);
    const reexport = { ...us, regionOutputs: [{ region: "US", stage: "mine", element: "Tb", producedTonnes: 8.7, exportedTonnes: 26, destinations: [{ region: "CN", tonnes: 26 }] }] };
    expect(sectionOf(renderRunText(reexport, { region: "US" }), "US's output").find((l) => l.startsWith("mine"))).toContain(">100%");
    expect(rows.find((l) => l.startsWith("separation  Pr"))).toMatch(/0%\s+–$/);
    expect(renderRunText({ ...us, regionOutputs: [] }, { region: "US" })).toContain("none: US made no Nd, Pr, Dy or Tb at any stage");
    expect(sectionOf(renderRunText(report), "Output by region and where it went").join(" ")).toContain("--region ID");
  });

  it("says 'none' for the window when nothing was lost in it", () => {
    const text = renderRunText({ ...sampleReport(), window: { from: "2027-07", to: "2027-12" }, endProductsLost: [] });
    expect(sectionOf(text, "End products not built").join(" ").replace(/\s+/g, " "))
      .toContain("none: no region lost end products for lack of magnets in any month of 2027-07 – 2027-12");
  });
});

