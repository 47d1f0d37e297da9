/**
 * Every ready-made scenario runs through the engine and moves the system the way its measures
 * should (issue 4): effects show where they belong and nowhere else.
 */
import { beforeAll, describe, expect, it } from "vitest";
import { buildRunReport, chinaOrigin, chinaSupplyChanges, policyCosts } from "../../src/analysis/run-report.js";
import { runPreparedScenario } from "../../src/analysis/run-scenario.js";
import { compileModel, runSimulation, seriesFor, totalOver, type SimulationResult } from "../../src/engine/index.js";
import { compilePolicies } from "../../src/policy/index.js";
import { monthOffset } from "../../src/model/dates.js";
import { listReadyMadeScenarios, loadScenario } from "../../src/scenario/node.js";
import { prepareScenario } from "../../src/scenario/prepare.js";

const runs = new Map<string, SimulationResult>();
function run(name: string): SimulationResult {
  const cached = runs.get(name);
  if (cached !== undefined) return cached;
  const { scenario, world } = loadScenario(name);
  const result = runPreparedScenario(prepareScenario(scenario, world)).result;
  runs.set(name, result);
  return result;
}

const month = (r: SimulationResult, m: string) => monthOffset(r.startMonth, m);
const IMPORTERS = ["JP", "EU", "US"] as const;

/** Imports of an element into a region from China, all forms, t over [from, to). */
function importsFromChina(r: SimulationResult, element: string, to: string, from: string, until: string): number {
  let total = 0;
  for (const form of ["oxide", "metal", "magnet"] as const) total += totalOver(r, { variable: "trade", from: "CN", to, element, form }, month(r, from), month(r, until));
  return total;
}

function maxPriceGap(r: SimulationResult, element: string, from: string, until: string): number {
  const cn = seriesFor(r, { variable: "price", element, market: "china-domestic" });
  const ex = seriesFor(r, { variable: "price", element, market: "ex-china" });
  let gap = -Infinity;
  for (let m = month(r, from); m < month(r, until); m++) gap = Math.max(gap, (ex[m] ?? 0) / (cn[m] ?? 1) - 1);
  return gap;
}

describe("ready-made scenarios", () => {
  it("all of them run and give finite results", () => {
    const names = listReadyMadeScenarios().map((s) => s.name);
    expect(names.length).toBe(9);
    for (const name of names) {
      const r = run(name);
      expect(r.months).toBeGreaterThan(0);
      expect(r.pricesUsdPerKg.every(Number.isFinite)).toBe(true);
    }
  });

  describe("apr-2025 (Ann. 18/2025 licensing)", () => {
    let base: SimulationResult;
    let apr: SimulationResult;
    beforeAll(() => {
      base = run("baseline");
      apr = run("apr-2025");
    });

    it("is identical to the baseline before 2025-04-04", () => {
      const until = month(apr, "2025-04");
      const a = seriesFor(apr, { variable: "price", element: "Dy", market: "ex-china" }).slice(0, until);
      const b = seriesFor(base, { variable: "price", element: "Dy", market: "ex-china" }).slice(0, until);
      expect([...a]).toEqual([...b]);
    });

    it("cuts controlled-element imports from China into JP, EU and US", () => {
      for (const to of IMPORTERS) {
        for (const element of ["Dy", "Tb"]) {
          expect(importsFromChina(apr, element, to, "2025-05", "2027-01")).toBeLessThan(0.9 * importsFromChina(base, element, to, "2025-05", "2027-01"));
        }
      }
    });

    it("leaves uncontrolled oxides alone (Ce imports barely move)", () => {
      const a = totalOver(apr, { variable: "trade", from: "CN", to: "JP", element: "Ce", form: "oxide" }, month(apr, "2025-05"), month(apr, "2027-01"));
      const b = totalOver(base, { variable: "trade", from: "CN", to: "JP", element: "Ce", form: "oxide" }, month(base, "2025-05"), month(base, "2027-01"));
      // No licence touches Ce; what moves is demand: Japan's users whose baskets mix Ce with controlled elements (glass,
      // ceramics, phosphors, other uses) thrift in answer to the ex-China premium on those (§12), 5.1 % less Ce bought
      // (4.4 % with the former, lower premium).
      expect(Math.abs(a - b)).toBeLessThanOrEqual(0.06 * Math.max(b, 1));
    });

    it("opens an ex-China premium for Dy and Tb that the baseline does not have", () => {
      for (const element of ["Dy", "Tb"]) {
        expect(maxPriceGap(apr, element, "2025-05", "2027-01")).toBeGreaterThan(maxPriceGap(base, element, "2025-05", "2027-01") + 0.1);
        // Set by the oxide, where about half of requests for current need are refused (observed about 3x in 2025), not
        // diluted by the magnets approved in full after the queue nor by restocking: ex-China at least 2.5x China's price.
        expect(maxPriceGap(apr, element, "2025-05", "2027-01")).toBeGreaterThan(1.5);
      }
    });

    it("lets yttrium, whose ex-China users go most short, run to more than ten times China's price (Europe: 16-34x in Nov 2025)", () => {
      expect(maxPriceGap(apr, "Y", "2025-05", "2027-01")).toBeGreaterThan(9);
      expect(maxPriceGap(base, "Y", "2025-05", "2027-01")).toBeLessThan(0.3);
    });

    it("shows China's magnet exports stopping while the licence queue holds them (Apr–May 2025) and back by July, as customs did", () => {
      // Customs (scenario header): May 2025 −74 % y/y, June −38 %, July +6 %. Trade is recorded when a licence clears.
      const exports = (r: SimulationResult, m: string) =>
        ["EU", "US", "JP", "KR", "IN", "ROW", "VN"].reduce((t, to) => t + totalOver(r, { variable: "trade", from: "CN", to, form: "magnet" }, month(r, m), month(r, m) + 1), 0);
      expect(exports(apr, "2025-05")).toBeLessThan(0.2 * exports(base, "2025-05"));
      expect(exports(apr, "2025-07")).toBeGreaterThan(0.9 * exports(base, "2025-07"));
      expect(exports(apr, "2025-03")).toBe(exports(base, "2025-03"));
    });

    it("reports each importer's supply from China against the baseline: magnets cut while the queue held them, Dy and Tb oxide and metal about halved", () => {
      const changes = chinaSupplyChanges(apr, base);
      for (const region of IMPORTERS) {
        const x = changes.find((c) => c.region === region)!;
        expect(x.firstMagnetMonthBelowHalf).toBe("2025-04");
        expect(x.magnetMonthsBelowHalf).toBeGreaterThanOrEqual(2);
        expect(x.magnetMonthsBelowHalf).toBeLessThan(12);
        // Materials approved at 0.5 (and the US defence denial): well below the baseline over the run.
        expect(x.heavyOxideMetalTonnes).toBeLessThan(0.8 * x.heavyOxideMetalTonnesBaseline);
      }
      expect(chinaSupplyChanges(base, base).every((x) => x.magnetMonthsBelowHalf === 0 && x.magnetTonnes === x.magnetTonnesBaseline)).toBe(true);
    });

    it("stops ex-China EV lines only while the licence queue holds magnets back (2025), not for years", () => {
      // 2025: one- to three-week stops at a few plants (Ford, Suzuki, European suppliers), none reported from July.
      const evs = (r: SimulationResult, variable: "end-products-lost" | "sector-demand", from: string, until: string) =>
        ["EU", "US", "JP", "KR", "IN", "ROW"].reduce((t, region) => t + totalOver(r, { variable, sector: "sector:ev-traction", region }, month(r, from), month(r, until)), 0);
      const lost2025 = evs(apr, "end-products-lost", "2025-01", "2026-01");
      expect(lost2025).toBeGreaterThan(0);
      // Sector demand is in t of magnet; 2.5 kg of magnet per vehicle (world/demand.yaml) turns it into vehicles.
      const demand2025 = (evs(apr, "sector-demand", "2025-01", "2026-01") * 1000) / 2.5;
      expect(lost2025).toBeLessThan(0.02 * demand2025);
      const demandLater = (evs(apr, "sector-demand", "2026-01", "2034-01") * 1000) / 2.5;
      expect(evs(apr, "end-products-lost", "2026-01", "2034-01")).toBeLessThan(0.002 * demandLater);
      expect(evs(base, "end-products-lost", "2024-01", "2034-01")).toBe(0);
    });

    it("does not cut China's own magnet supply: its industry gets its magnets, its makers lose only export sales", () => {
      const window = [month(apr, "2025-04"), month(apr, "2027-01")] as const;
      const useA = totalOver(apr, { variable: "final-use", region: "CN", form: "magnet" }, ...window);
      const useB = totalOver(base, { variable: "final-use", region: "CN", form: "magnet" }, ...window);
      expect(useA).toBeGreaterThanOrEqual(0.99 * useB);
      const madeA = totalOver(apr, { variable: "magnet-tonnes", region: "CN" }, ...window);
      const madeB = totalOver(base, { variable: "magnet-tonnes", region: "CN" }, ...window);
      expect(madeA).toBeGreaterThanOrEqual(0.97 * madeB);
    });
  });

  describe("the October 2025 package", () => {
    it("has no effect beyond apr-2025 inside the pause when suspended", () => {
      const apr = run("apr-2025");
      const suspended = run("oct-2025-suspended");
      // Inside the pause, Er oxide (controlled only by Ann. 57) and Dy magnets (Ann. 61's products) flow as under
      // apr-2025; only the few days before the pause began (9 Oct – 7 Nov 2025) may leave a trace.
      for (const to of IMPORTERS) {
        for (const [element, form] of [["Er", "oxide"], ["Dy", "magnet"]] as const) {
          const a = totalOver(suspended, { variable: "trade", from: "CN", to, element, form }, month(suspended, "2025-12"), month(suspended, "2026-11"));
          const b = totalOver(apr, { variable: "trade", from: "CN", to, element, form }, month(apr, "2025-12"), month(apr, "2026-11"));
          expect(Math.abs(a - b)).toBeLessThanOrEqual(0.05 * b);
        }
      }
    });

    it("compiles no extraterritorial rule and no Ann. 57 licence into the months of the pause", () => {
      const { scenario, world } = loadScenario("oct-2025-suspended");
      const { constraints, model } = runPreparedScenario(prepareScenario(scenario, world));
      const pause = [month(runs.get("apr-2025") ?? run("apr-2025"), "2025-12"), month(run("apr-2025"), "2026-11")] as const;
      for (const rule of constraints.extraterritorialRules) expect(rule.toMonth <= pause[0] || rule.fromMonth >= pause[1]).toBe(true);
      const er = model.elementSymbols.indexOf("Er");
      const cn = model.regionIds.indexOf("CN");
      const jp = model.regionIds.indexOf("JP");
      const R = model.regionIds.length;
      const E = model.elementSymbols.length;
      for (let m = pause[0]; m < pause[1]; m++) {
        const seg = constraints.segments[constraints.segmentOfMonth[m] ?? 0];
        expect(seg?.exportPermitShare[((cn * R + jp) * E + er) * 4 + 1]).toBe(1);
      }
    });

    it("cuts Er oxide exports once the pause lapses when the measures return", () => {
      const returns = run("oct-2025-returns");
      const suspended = run("oct-2025-suspended");
      for (const to of IMPORTERS) {
        const a = totalOver(returns, { variable: "trade", from: "CN", to, element: "Er", form: "oxide" }, month(returns, "2026-12"), month(returns, "2028-01"));
        const b = totalOver(suspended, { variable: "trade", from: "CN", to, element: "Er", form: "oxide" }, month(suspended, "2026-12"), month(suspended, "2028-01"));
        expect(a).toBeLessThan(0.9 * b);
      }
    });

    it("as announced (never suspended) cuts Er oxide exports already in 2026", () => {
      const announced = run("oct-2025-as-announced");
      const suspended = run("oct-2025-suspended");
      const a = totalOver(announced, { variable: "trade", from: "CN", to: "JP", element: "Er", form: "oxide" }, month(announced, "2026-01"), month(announced, "2026-11"));
      const b = totalOver(suspended, { variable: "trade", from: "CN", to: "JP", element: "Er", form: "oxide" }, month(suspended, "2026-01"), month(suspended, "2026-11"));
      expect(a).toBeLessThan(0.9 * b);
    });
  });

  it("kachin-cutoff: China's plants never lose more Dy output in a month than they made in the baseline (lost production is real output, not restocking)", () => {
    const k = run("kachin-cutoff");
    const base = run("baseline");
    for (const stage of ["separation", "metal", "magnet"] as const) {
      const lost = seriesFor(k, { variable: "shortfall", stage, region: "CN", element: "Dy" });
      const made = seriesFor(base, { variable: "production", stage, region: "CN", element: "Dy" });
      for (let m = 0; m < k.months; m++) expect(lost[m]!, `${stage} month ${m}`).toBeLessThanOrEqual(made[m]! * 1.05);
    }
  });

  it("kachin-cutoff: Myanmar's mines lose about 90 % and Dy gets dearer", () => {
    const base = run("baseline");
    const k = run("kachin-cutoff");
    const window = ["2024-11", "2025-10"] as const;
    const a = totalOver(k, { variable: "production", stage: "mine", region: "MM" }, month(k, window[0]), month(k, window[1]));
    const b = totalOver(base, { variable: "production", stage: "mine", region: "MM" }, month(base, window[0]), month(base, window[1]));
    expect(a).toBeLessThan(0.2 * b);
    const dyK = seriesFor(k, { variable: "price", element: "Dy", market: "china-domestic" });
    const dyB = seriesFor(base, { variable: "price", element: "Dy", market: "china-domestic" });
    expect(Math.max(...dyK)).toBeGreaterThan(Math.max(...dyB.slice(0, month(base, "2026-12"))));
  });

  it("heavy-ree-embargo: no Dy from China to the US, EU and Japan in the window, Ce untouched", () => {
    const e = run("heavy-ree-embargo");
    const apr = run("apr-2025");
    for (const to of IMPORTERS) {
      // Trade counts when a licence clears: shipments licensed before 2026-11-10 clear up to three months later.
      expect(importsFromChina(e, "Dy", to, "2027-03", "2028-11")).toBeLessThan(1e-6);
      // Ce is not controlled: importers use about as much as under apr-2025 (where it comes from may shift a little: a
      // region that separates more of its own buys less Ce oxide; and uses that need a controlled element beside Ce,
      // such as phosphors with Y and Eu, thrift as that element's ex-China price soars and take some Ce with them).
      const ce = totalOver(e, { variable: "final-use", region: to, element: "Ce" }, month(e, "2026-12"), month(e, "2028-11"));
      const ceApr = totalOver(apr, { variable: "final-use", region: to, element: "Ce" }, month(apr, "2026-12"), month(apr, "2028-11"));
      expect(Math.abs(ce - ceApr)).toBeLessThanOrEqual(0.1 * Math.max(ceApr, 1));
    }
    // No Ce is refused in any form.
    const ce = e.elementSymbols.indexOf("Ce");
    for (let m = month(e, "2026-12"); m < month(e, "2028-11"); m++) for (let f = 0; f < 4; f++) expect(e.blockedTonnes[(m * e.elementSymbols.length + ce) * 4 + f]).toBe(0);
  });

  it("baseline: MP's offtake carries Mountain Pass concentrate to China every year, and US NdPr separation does not swing", () => {
    const b = run("baseline");
    const nd = b.elementSymbols.indexOf("Nd");
    const nd2024 = totalOver(b, { variable: "production", stage: "separation", region: "US", element: "Nd" }, month(b, "2024-01"), month(b, "2025-01")) / 12;
    for (let year = 2024; year <= 2029; year++) {
      const from = month(b, `${year}-01`);
      const to = month(b, `${year + 1}-01`);
      // MP sold 32,703 t REO of concentrate to Shenghe in 2024 (≈ 28,000 t of element).
      const toChina = totalOver(b, { variable: "trade", from: "US", to: "CN", form: "concentrate" }, from, to);
      expect(toChina, `${year}`).toBeGreaterThan(25_000);
      expect(toChina, `${year}`).toBeLessThan(50_000);
      // US Nd separation month by month stays within a factor of 2.25 of its 2024 average until new plants start
      // (a small heavy circuit once pulled the whole basket home: 75 → 325 → 60 t a month). Since China's concentrate
      // stays in China the US no longer separates Chinese ore in 2024 (98 t a month on average, was 101), and MP's
      // ramping line lifts it smoothly to 2.03× that by mid-2028 (at most 1.81× before): a ramp, not a swing.
      for (let m = from; m < to; m++) {
        const v = b.productionTonnes[((m * 4 + 1) * b.regionIds.length + b.regionIds.indexOf("US")) * b.elementSymbols.length + nd]!;
        expect(v, `${year} month ${m}`).toBeLessThan(2.25 * nd2024);
        expect(v, `${year} month ${m}`).toBeGreaterThan(0.5 * nd2024);
      }
    }
  });

  it("apr-2025: with its concentrate sales to China stopped, the US separates Mountain Pass concentrate itself, at the pace of the line's ramp (feed push)", () => {
    const ndpr = (r: SimulationResult, year: number) =>
      ["Nd", "Pr"].reduce((t, element) => t + totalOver(r, { variable: "production", stage: "separation", region: "US", element }, month(r, `${year}-01`), month(r, `${year + 1}-01`)), 0);
    const usConcentrate = (r: SimulationResult, at: string) => {
      const us = r.regionIds.indexOf("US");
      const E = r.elementSymbols.length;
      let held = 0;
      for (let e = 0; e < E; e++) held += r.stockTonnes[((month(r, at) * r.regionIds.length + us) * 4 + 0) * E + e]!;
      return held;
    };
    const apr = run("apr-2025");
    // MP's NdPr oxide: 1,294 t (2024) → 2,599 t (2025), limited by its separation circuits (563 → 718 t a quarter).
    // The model's 2024 is high (≈ 1,850 t of oxide), so the rise is smaller than MP's: ≈ 1.1× (1.56× while the US still
    // separated Chinese concentrate, 1.2× while it still bought Myanmar's, neither of which MP ever did; its 2025 was then
    // 14 % above MP's, then 14 % below, now 23 % below: 1,718 t of Nd + Pr). The 2025 level is checked against MP's too:
    // 2,599 t of oxide ≈ 2,220 t of Nd + Pr, within 25 %.
    expect(ndpr(apr, 2025) / ndpr(apr, 2024)).toBeGreaterThan(1.05);
    expect(ndpr(apr, 2025)).toBeGreaterThan(0.75 * 2_220);
    expect(ndpr(apr, 2025)).toBeLessThan(1.2 * 2_220);
    expect(ndpr(apr, 2025) / ndpr(apr, 2024)).toBeLessThan(2.2);
    expect(ndpr(apr, 2026) / ndpr(apr, 2024)).toBeGreaterThan(1.6);
    expect(usConcentrate(apr, "2028-12")).toBeLessThan(100_000);
    // Without the push (unsold concentrate never counts as unsold) the separators make what the world orders of them.
    const { scenario, world } = loadScenario("apr-2025");
    const prepared = prepareScenario(scenario, world);
    const model = compileModel(prepared.world, { startMonth: prepared.startMonth, months: prepared.months });
    const noPush = runSimulation(model, compilePolicies(prepared.policies, model, prepared.world, prepared.startMonth), { parameterOverrides: { "concentrate.unsoldCoverMultiple": 1e9 } });
    expect(ndpr(noPush, 2026) / ndpr(noPush, 2024)).toBeLessThan(1.3);
    expect(usConcentrate(noPush, "2028-12")).toBeGreaterThan(usConcentrate(apr, "2028-12") + 15_000);
  });

  it("apr-2025: MP sells nothing to China from 2025-07 (its concentrate stops in April), while the baseline keeps shipping US oxide there", () => {
    const apr = run("apr-2025");
    const base = run("baseline");
    const separatedToChina = (r: SimulationResult, from: string, until: string) =>
      (["oxide", "metal", "magnet"] as const).reduce((t, form) => t + totalOver(r, { variable: "trade", from: "US", to: "CN", form }, month(r, from), month(r, until)), 0);
    expect(totalOver(apr, { variable: "trade", from: "US", to: "CN", form: "concentrate" }, month(apr, "2025-06"), apr.months)).toBe(0);
    expect(separatedToChina(apr, "2025-07", "2034-01")).toBe(0);
    // Before the ban the link carried oxide (China took ≈ 20 % of MP's NdPr oxide in 2024), and without it it still would.
    expect(separatedToChina(apr, "2024-01", "2025-07")).toBeGreaterThan(500);
    expect(separatedToChina(base, "2026-01", "2034-01")).toBeGreaterThan(5_000);
  });

  it("western-buildout: the DoD floor makes US plants buy feed for capacity, but not before MP's offtake (Mountain Pass concentrate still goes to China)", () => {
    const w = run("western-buildout");
    // A floored element's plan (capacity) is no pushed feed: it gets no home-first call on the concentrate. (27, 30 and
    // 23 kt in 2025-27; 2027 swings with China's separators, who plan 5 kt less that year after 15 kt more in 2026, and
    // take Mountain Pass's concentrate as their marginal feed; US plants keep 15 kt at home, 1 kt more than before.)
    for (let year = 2025; year <= 2027; year++) {
      const toChina = totalOver(w, { variable: "trade", from: "US", to: "CN", form: "concentrate" }, month(w, `${year}-01`), month(w, `${year + 1}-01`));
      expect(toChina, `${year}`).toBeGreaterThan(20_000);
    }
  });

  it("western-buildout: more separation and magnets outside China than the baseline by 2030", () => {
    const w = run("western-buildout");
    const base = run("baseline");
    const exChina = (r: SimulationResult, stage: "separation" | "magnet") =>
      ["US", "AU", "MY", "EU", "JP", "IN"].reduce((t, region) => t + totalOver(r, { variable: "production", stage, region }, month(r, "2028-01"), month(r, "2031-01")), 0);
    expect(exChina(w, "separation")).toBeGreaterThan(exChina(base, "separation"));
    expect(exChina(w, "magnet")).toBeGreaterThan(exChina(base, "magnet"));
  });

  it("heavy-ree-embargo: the report's provenance shows Japan and the EU on less China-separated Dy while the embargo lasts, the US for good", () => {
    const lastYear = (name: string, region: string, element: string) =>
      chinaOrigin(run(name)).chinaOrigin.find((x) => x.region === region && x.element === element)!.lastYearShare;
    // The report's last year (2033) is five years after the embargo: the US, which keeps Mountain Pass concentrate and
    // separates Dy of its own by then, still takes far less from China (≈ 47 % against ≈ 75 %). Where Japan's and the
    // EU's Dy comes from by then depends on where ex-China Dy goes, not on the embargo: only its months are checked.
    expect(lastYear("heavy-ree-embargo", "US", "Dy")).toBeLessThan(lastYear("baseline", "US", "Dy") - 0.1);
    for (const region of IMPORTERS) expect(lastYear("heavy-ree-embargo", region, "Dy")).toBeGreaterThanOrEqual(0);
    // While the embargo lasts (2027-01 to 2028-10), Japan and the EU, which separate little Dy themselves, by more
    // than ten points (since MP's concentrate stays in the US from 2025-04: JP ≈ 98 → 83 %, EU ≈ 97 → 79 %; before,
    // both fell by more than twenty).
    const chinaShareOfUse = (r: SimulationResult, region: string) => {
      const R = r.regionIds.length;
      const E = r.elementSymbols.length;
      const g = r.regionIds.indexOf(region);
      const e = r.elementSymbols.indexOf("Dy");
      const cn = r.regionIds.indexOf("CN");
      let all = 0;
      let china = 0;
      for (let m = month(r, "2027-01"); m < month(r, "2028-11"); m++) {
        for (let o = 0; o < R; o++) all += r.useByOriginTonnes[((m * R + g) * E + e) * R + o]!;
        china += r.useByOriginTonnes[((m * R + g) * E + e) * R + cn]!;
      }
      return china / all;
    };
    for (const region of ["JP", "EU"]) expect(chinaShareOfUse(run("heavy-ree-embargo"), region)).toBeLessThan(chinaShareOfUse(run("baseline"), region) - 0.1);
    // The series by region agrees with the table: 100 % China-origin Dy and Tb in the first months of the baseline.
    const jp = chinaOrigin(run("baseline")).chinaOriginByRegion.find((s) => s.label === "JP")!;
    expect(jp.values.every((v) => v >= 0 && v <= 100)).toBe(true);
    expect(chinaOrigin({ ...run("baseline"), useByOriginTonnes: new Float32Array(0) })).toEqual({ chinaOrigin: [], chinaOriginByRegion: [], chinaOriginPeriods: { first: "2024", last: "2033" } });
  });

  it("oct-2025-returns: the report says what the US's lost vehicles were short of (Dy and Tb, drawn as one pool)", () => {
    const { scenario, world } = loadScenario("oct-2025-returns");
    const report = buildRunReport(run("oct-2025-returns"), { scenario, world });
    const usEvs = report.endProductsLost.find((x) => x.sector === "sector:ev-traction" && x.region === "US")!;
    expect(usEvs.totalUnits).toBeGreaterThan(100_000);
    expect([...usEvs.shortOf].sort()).toEqual(["Dy", "Tb"]);
    expect(usEvs.unmetShareOfNeed).toBeGreaterThan(0.02);
    expect(usEvs.unmetShareOfNeed).toBeLessThan(0.5);
    // Every loss names the elements it was short of, all of them in the sector's magnet recipe.
    for (const loss of report.endProductsLost) {
      expect(loss.shortOf.length).toBeGreaterThan(0);
      for (const element of loss.shortOf) expect(["Nd", "Pr", "Dy", "Tb", "Sm", "Gd", "Ho", "Co"]).toContain(element);
    }
  });

  it("western-buildout: the report's timeline says which plant each new-capacity policy starts and when", () => {
    const { scenario, world } = loadScenario("western-buildout");
    const report = buildRunReport(run("western-buildout"), { scenario, world });
    expect(report.timeline.find((t) => t.id === "us-mp-hree-on-time")?.effect).toBe("mp-mountain-pass-hree from 2026-07");
    expect(report.timeline.find((t) => t.id === "us-dod-ndpr-floor")?.effect).toBeUndefined();
  });

  it("western-buildout: the US separates no more Dy than its plants that separate Dy can take (MP's heavy circuit is small)", () => {
    const w = run("western-buildout");
    const { scenario, world } = loadScenario("western-buildout");
    const { model } = runPreparedScenario(prepareScenario(scenario, world));
    const E = model.elementSymbols.length;
    const dy = model.elementIndex.Dy!;
    // Plants in the US able to separate Dy, with the month they may start at the earliest (their unslipped date).
    const dyPlants = model.facilityIds.flatMap((id, i) =>
      model.facilityStage[i] === 1 && model.regionIds[model.facilityRegion[i]!] === "US" && model.facilityElementMask[i * E + dy] === 1
        ? [{ id, tonnesReoPerMonth: model.facilityCapacityPerMonth[i]!, from: month(w, world.separationPlants.find((p) => p.id === id)!.startMonth) }]
        : []);
    expect(dyPlants.map((p) => p.id)).toContain("plant:mp-mountain-pass-hree");
    const dyOxidePerDy = world.elements.find((e) => e.symbol === "Dy")!.oxideMassPerElementMass;
    const made = seriesFor(w, { variable: "production", stage: "separation", region: "US", element: "Dy" });
    // Feed (t REO) = oxide made ÷ recovery × oxide factor; capacity is feed.
    const recovery = w.parameters["separation.recoveryShare"];
    for (let m = 0; m < w.months; m++) {
      const capacity = dyPlants.filter((p) => p.from <= m).reduce((a, p) => a + p.tonnesReoPerMonth, 0);
      expect((made[m]! / recovery) * dyOxidePerDy, `month ${m}`).toBeLessThanOrEqual(capacity * 1.000001);
    }
    expect(Math.max(...made)).toBeGreaterThan(0);
  });

  it("western-buildout: the floored US plants separate NdPr only as the share of their feed it is (co-production)", () => {
    const w = run("western-buildout");
    const window = [month(w, "2027-01"), month(w, "2031-01")] as const;
    const usSeparation = (element?: string) => totalOver(w, { variable: "production", stage: "separation", region: "US", ...(element === undefined ? {} : { element }) }, ...window);
    const ndpr = usSeparation("Nd") + usSeparation("Pr");
    expect(ndpr).toBeGreaterThan(0);
    // Bastnäsite and the other concentrates the US buys hold NdPr as about a sixth to a fifth of their content, a third
    // of MP's cerium-free feed (15.7 / (32.3 + 15.7)); with per-element trade the floored plants separated almost
    // nothing else (0.6–0.9). Slightly above a third: White Mesa's line separates NdPr but not La, and takes NdPr from
    // the region's pooled feed when MP's ramping line is full.
    expect(ndpr / usSeparation()).toBeLessThan(0.4);
  });

  it("western-buildout: floored and new plants are not reported short of input for production nobody ordered", () => {
    const w = run("western-buildout");
    const window = [month(w, "2026-01"), month(w, "2034-01")] as const;
    // A floor runs US plants at capacity and new plants start at a minimum load; neither is lost production when feed
    // is missing (before, US Pr separation showed 1,530 t a month "lost", ten times US Pr use). What is lost is ordered
    // output its feed cannot carry: since Myanmar's and Laos's concentrate goes only to China (trade.yaml sellsOnlyTo),
    // the US lacks Pr feed from 2030 (≈ 2,500 t lost in 2030–33, 23 % of its Pr made in 2026–33; 0.4 kt of Kachin and
    // Laos Pr it used to buy), not before. With §11's scarcity targets the world's Pr runs tighter from 2030 than under
    // the former integrating prices (Pr's price lags them in 2025–28, so Nd-for-Pr substitution saved less Pr; the
    // bundled world's ROW Pr is 4 % short in 2033), and the world's Pr orders reach the US plants two years earlier
    // (1,200 t lost, all in 2032–33, before).
    const earlier = [window[0], month(w, "2030-01")] as const;
    for (const element of ["Nd", "Pr"]) {
      const lost = totalOver(w, { variable: "shortfall", stage: "separation", region: "US", element }, ...earlier);
      const made = totalOver(w, { variable: "production", stage: "separation", region: "US", element }, ...earlier);
      expect(lost).toBeLessThan(0.05 * made);
      expect(totalOver(w, { variable: "shortfall", stage: "separation", region: "US", element }, ...window)).toBeLessThan(0.3 * totalOver(w, { variable: "production", stage: "separation", region: "US", element }, ...window));
    }
    // Australia's new plants: what little they are short of is Dy buyers ordered from them in the Dy boom, not a
    // minimum load (which alone would show thousands of tonnes).
    expect(totalOver(w, { variable: "shortfall", stage: "separation", region: "AU" }, ...window)).toBeLessThan(0.05 * totalOver(w, { variable: "production", stage: "separation", region: "AU" }, ...window));
  });

  it("western-buildout: the report counts the floor's top-ups and the Section 301 duty, by region and year", () => {
    const w = run("western-buildout");
    const costs = policyCosts(w);
    const R = w.regionIds.length;
    const us = w.regionIds.indexOf("US");
    const floor = costs.find((c) => c.kind === "price-floor" && c.region === "US");
    let paid = 0;
    for (let m = 0; m < w.months; m++) paid += w.priceFloorPaymentsUsd[m * R + us]!;
    expect(floor?.totalUsd).toBeCloseTo(paid, 0);
    expect(floor!.byYear.reduce((a, y) => a + y.usd, 0)).toBeCloseTo(paid, 0);
    expect(floor!.byYear.find((y) => y.year === floor!.peakYear)!.usd).toBe(Math.max(...floor!.byYear.map((y) => y.usd)));
    expect(costs.some((c) => c.kind === "import-duty" && c.region === "US" && c.totalUsd > 0)).toBe(true);
    expect(policyCosts(run("baseline"))).toEqual([]);
  });
});
