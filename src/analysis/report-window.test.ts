import { beforeAll, describe, expect, it } from "vitest";
import { totalOver, type SimulationResult } from "../engine/index.js";
import { monthOffset } from "../model/dates.js";
import { loadScenario } from "../scenario/node.js";
import { prepareScenario } from "../scenario/prepare.js";
import type { RunReport } from "./report-model.js";
import { buildRunReport, concentrationAt } from "./run-report.js";
import { runPreparedScenario } from "./run-scenario.js";

const TINY = new URL("../../test/fixtures/scenarios/tiny/", import.meta.url).pathname;
const FROM = "2024-10";

/** The tiny Dy ban (2024-01 + 24 months; JP short of Dy from 2024-06) against the tiny baseline, reported whole and from FROM. */
let result: SimulationResult;
let whole: RunReport;
let windowed: RunReport;
beforeAll(() => {
  const run = (file: string) => {
    const { scenario, world } = loadScenario(`${TINY}${file}`);
    return { scenario, world, result: runPreparedScenario(prepareScenario(scenario, world)).result };
  };
  const a = run("dy-ban.yaml");
  const b = run("baseline.yaml");
  result = a.result;
  const context = { scenario: a.scenario, world: a.world, baseline: { name: b.scenario.name, result: b.result } };
  whole = buildRunReport(a.result, context);
  windowed = buildRunReport(a.result, { ...context, reportFrom: FROM });
});

const sum = (values: readonly number[]) => values.reduce((t, v) => t + v, 0);

describe("the report window (--from): every summary covers the window, the series the whole run", () => {
  it("says which months it covers, and keeps every month series whole", () => {
    expect(whole.window).toEqual({ from: "2024-01", to: "2025-12" });
    expect(windowed.window).toEqual({ from: FROM, to: "2025-12" });
    expect(windowed.monthLabels).toEqual(whole.monthLabels);
    expect(windowed.pricePaths).toEqual(whole.pricePaths);
    expect(windowed.shortfallByElement).toEqual(whole.shortfallByElement);
    expect(windowed.endProductsLostPaths).toEqual(whole.endProductsLostPaths);
    expect(windowed.timeline).toEqual(whole.timeline);
  });

  it("takes prices at the window's start, their peak within it and at the end", () => {
    const from = monthOffset("2024-01", FROM);
    for (const p of windowed.prices) {
      const path = windowed.pricePaths.find((x) => x.label === `${p.element} ${p.market === "china" ? "China" : "ex-China"}`)!.values;
      expect(p.startUsdPerKg, p.element).toBe(path[from]);
      expect(p.peakUsdPerKg, p.element).toBe(Math.max(...path.slice(from)));
      expect(p.peakMonth >= FROM, p.element).toBe(true);
      expect(p.endUsdPerKg).toBe(path.at(-1));
    }
    // The Dy price had risen before the window: its window start is not the run's start.
    const dy = (r: RunReport) => r.prices.find((p) => p.element === "Dy" && p.market === "ex-china")!;
    expect(dy(windowed).startUsdPerKg).toBeGreaterThan(dy(whole).startUsdPerKg);
  });

  it("counts end products lost in the window only, matching the monthly paths from its start", () => {
    const from = monthOffset("2024-01", FROM);
    const lostIn = (r: RunReport) => sum(r.endProductsLost.map((x) => x.totalUnits));
    expect(lostIn(windowed)).toBeCloseTo(sum(windowed.endProductsLostPaths.flatMap((p) => p.values.slice(from))), 3);
    expect(lostIn(windowed)).toBeLessThan(lostIn(whole));
    for (const x of windowed.endProductsLost) expect(x.peakMonth >= FROM).toBe(true);
  });

  it("cuts shortage episodes at the window's start and says when each began", () => {
    expect(windowed.shortages.length).toBeGreaterThan(0);
    for (const e of windowed.shortages) {
      expect(e.startMonth >= FROM, `${e.element} ${e.region} ${e.stage}`).toBe(true);
      if (e.beganMonth !== undefined) {
        expect(e.startMonth).toBe(FROM);
        expect(e.beganMonth < FROM).toBe(true);
      }
    }
    // JP's Dy shortage began in 2024-06; in the window it counts 2024-10 on, so less than the whole episode.
    const jpDy = (r: RunReport) => r.shortages.find((e) => e.element === "Dy" && e.region === "JP" && e.stage === "use")!;
    expect(jpDy(whole).beganMonth).toBeUndefined();
    expect(jpDy(windowed).beganMonth).toBe(jpDy(whole).startMonth);
    expect(jpDy(windowed).durationMonths).toBe(jpDy(whole).durationMonths - monthOffset(jpDy(whole).startMonth, FROM));
    expect(jpDy(windowed).totalTonnes).toBeLessThan(jpDy(whole).totalTonnes);
    // An episode over before the window is not listed; every other one is, cut or whole.
    const key = (e: { element: string; region: string; stage: string; endMonth: string }) => `${e.element} ${e.region} ${e.stage} ${e.endMonth}`;
    expect(windowed.shortages.map(key).sort()).toEqual(whole.shortages.filter((e) => e.endMonth >= FROM).map(key).sort());
  });

  it("sums gap closers and supply from China over the window, and marks concentration, provenance and flows from its start", () => {
    const total = (r: RunReport) => sum(r.chinaSupplyChanges.map((x) => x.magnetTonnes + x.heavyOxideMetalTonnes));
    expect(total(windowed)).toBeLessThan(total(whole));
    for (const g of windowed.gapClosers) if (g.fromMonth !== undefined) expect(g.fromMonth >= FROM).toBe(true);
    for (const x of windowed.chinaSupplyChanges) if (x.firstMagnetMonthBelowHalf !== undefined) expect(x.firstMagnetMonthBelowHalf >= FROM).toBe(true);
    windowed.concentration.forEach((c, s) => expect(c.atStart).toEqual(concentrationAt(result, monthOffset("2024-01", FROM), s)));
    expect(windowed.chinaOriginPeriods.first.startsWith(FROM)).toBe(true);
    for (const g of windowed.flowGraphs) expect(g.month >= FROM).toBe(true);
  });

  it("rejects a window start outside the run (the CLI checks it first)", () => {
    const { scenario, world } = loadScenario(`${TINY}dy-ban.yaml`);
    expect(() => buildRunReport(result, { scenario, world, reportFrom: "2026-01" })).toThrow(/reportFrom 2026-01: outside the run/);
  });

  it("counts each region's output by stage and where it went over the window, as the query API does", () => {
    const from = monthOffset(result.startMonth, FROM);
    const FORMS = ["concentrate", "oxide", "metal", "magnet"] as const;
    expect(windowed.regionOutputs.length).toBeGreaterThan(0);
    expect(windowed.regionOutputs.some((x) => x.exportedTonnes > 0)).toBe(true);
    for (const x of windowed.regionOutputs) {
      const stage = ["mine", "separation", "metal", "magnet"].indexOf(x.stage);
      const made = totalOver(result, { variable: "production", stage: x.stage as "mine", region: x.region, element: x.element }, from, result.months);
      expect(x.producedTonnes).toBeCloseTo(made, 6);
      let exported = 0;
      for (const to of result.regionIds) if (to !== x.region) exported += totalOver(result, { variable: "trade", from: x.region, to, form: FORMS[stage]!, element: x.element }, from, result.months);
      expect(x.exportedTonnes).toBeCloseTo(exported, 6);
      expect(x.destinations.reduce((t, d) => t + d.tonnes, 0)).toBeLessThanOrEqual(x.exportedTonnes + 1e-9);
    }
    // The whole run holds at least as much as the window.
    const key = (x: { region: string; stage: string; element: string }) => `${x.region} ${x.stage} ${x.element}`;
    const wholeBy = new Map(whole.regionOutputs.map((x) => [key(x), x]));
    for (const x of windowed.regionOutputs) expect(wholeBy.get(key(x))!.producedTonnes).toBeGreaterThanOrEqual(x.producedTonnes - 1e-9);
  });
});
