import { describe, expect, it } from "vitest";
import { compileModel } from "./compile.js";
import { copySegment, createNeutralConstraints, FORM_INDEX, tradeConstraintOffset, type EngineConstraints } from "./constraints.js";
import { ND_OXIDE_FACTOR, ndWorld, type NdWorldOptions } from "./fixtures/small-worlds.js";
import { massBalanceErrors } from "./fixtures/invariants.js";
import { runSimulation } from "./run.js";
import { seriesFor } from "./results.js";
import type { World } from "../model/world-schema.js";

const MONTHS = 36;
const JP_NEED = 20 / ND_OXIDE_FACTOR; // 240 t REO a year of Nd metal, in t Nd a month

function setup(options: NdWorldOptions = {}) {
  const model = compileModel(ndWorld(options), { startMonth: "2024-01", months: MONTHS });
  return { model, neutral: createNeutralConstraints(model) };
}

/** Constraints with CN → JP metal exports at `share` from month `from` on. */
function metalPermit(model: ReturnType<typeof setup>["model"], share: number, from: number): EngineConstraints {
  const base = createNeutralConstraints(model);
  const restricted = copySegment(base.segments[0]!);
  restricted.exportPermitShare[tradeConstraintOffset(model, model.regionIndex.CN!, model.regionIndex.JP!, 0, FORM_INDEX.metal)] = share;
  return { ...base, segments: [base.segments[0]!, restricted], segmentOfMonth: Int32Array.from({ length: MONTHS }, (_, t) => (t >= from ? 1 : 0)) };
}

describe("hand-checked Nd world", () => {
  it("mines its calibration output every month: 100 t REO = 100 / 1.166 t Nd", () => {
    const { model, neutral } = setup();
    const mined = seriesFor(runSimulation(model, neutral), { variable: "production", stage: "mine" });
    for (const v of mined) expect(v).toBeCloseTo(100 / ND_OXIDE_FACTOR, 9);
  });

  it("delivers Japan's metal demand in full and imports exactly what it uses when users hold no stock", () => {
    const { model, neutral } = setup();
    const result = runSimulation(model, neutral);
    const use = seriesFor(result, { variable: "final-use", region: "JP", form: "metal" });
    const imports = seriesFor(result, { variable: "trade", from: "CN", to: "JP", form: "metal" });
    for (let t = 0; t < MONTHS; t++) {
      expect(use[t]).toBeCloseTo(JP_NEED, 9);
      expect(imports[t]).toBeCloseTo(JP_NEED, 6);
    }
    expect(seriesFor(result, { variable: "shortfall" }).every((v) => v < 1e-9)).toBe(true);
  });

  it("a region that sells its metal only to listed buyers (CN to the US) leaves Japan the US's 10 t a month, unblocked", () => {
    // The US's metal plant (120 t/yr = 10 t a month) is then Japan's only supplier: it runs at capacity and splits its
    // output between Japan and China's users (China's own metal is still China's); Japan goes short of the rest.
    const { model, neutral } = setup({ usMetalCapacityTonnesPerYear: 120, sellsOnlyTo: [{ region: "CN", form: "metal", buyers: ["US"] }] });
    const result = runSimulation(model, neutral);
    const series = (selection: Parameters<typeof seriesFor>[1]) => seriesFor(result, selection);
    const use = series({ variable: "final-use", region: "JP", form: "metal" });
    const short = series({ variable: "shortfall", region: "JP", stage: "use" });
    const usToJp = series({ variable: "trade", from: "US", to: "JP", form: "metal" });
    const usToCn = series({ variable: "trade", from: "US", to: "CN", form: "metal" });
    const usMetal = series({ variable: "production", stage: "metal", region: "US" });
    for (let t = 0; t < MONTHS; t++) {
      expect(series({ variable: "trade", from: "CN", to: "JP", form: "metal" })[t]).toBe(0);
      expect(usMetal[t]).toBeCloseTo(10, 9);
      // Trade is recorded in single precision.
      expect(usToJp[t]! + usToCn[t]!).toBeCloseTo(10, 5);
      expect(use[t]).toBeCloseTo(usToJp[t]!, 5);
      expect(use[t]! + short[t]!).toBeCloseTo(JP_NEED, 9);
      expect(short[t]).toBeGreaterThan(5);
    }
    // Out of reach, not refused: nothing is blocked.
    expect(series({ variable: "blocked" }).every((v) => v === 0)).toBe(true);
    // Without the rule China serves Japan in full.
    const open = setup({ usMetalCapacityTonnesPerYear: 120 });
    expect(seriesFor(runSimulation(open.model, open.neutral), { variable: "shortfall", region: "JP", stage: "use" }).every((v) => v < 1e-9)).toBe(true);
    expect(Math.max(...massBalanceErrors(result))).toBeLessThan(1e-12);
  });

  it("a ban stops CN → JP metal flows at once; Japan lives on its stock, then goes short", () => {
    const { model } = setup({ useCoverMonths: 2 });
    const result = runSimulation(model, metalPermit(model, 0, 6));
    const imports = seriesFor(result, { variable: "trade", from: "CN", to: "JP", form: "metal" });
    const use = seriesFor(result, { variable: "final-use", region: "JP", form: "metal" });
    const short = seriesFor(result, { variable: "shortfall", region: "JP", stage: "use" });
    for (let t = 0; t < 6; t++) expect(imports[t]).toBeGreaterThan(0);
    for (let t = 6; t < MONTHS; t++) expect(imports[t]).toBe(0);
    expect(use[6]).toBeCloseTo(JP_NEED, 9); // two months of stock carry the first months
    expect(use[7]).toBeCloseTo(JP_NEED, 9);
    for (let t = 10; t < MONTHS; t++) {
      expect(use[t]).toBeCloseTo(0, 9);
      expect(short[t]).toBeCloseTo(JP_NEED, 9);
    }
    expect(seriesFor(result, { variable: "blocked", form: "metal" })[12]).toBeGreaterThan(0);
    expect(Math.max(...massBalanceErrors(result))).toBeLessThan(1e-12);
  });

  it("a lasting ex-China price rise makes non-magnet users thrift toward 1 − ratio^ε over the adjustment months, and not undo it", () => {
    const { model } = setup({ useCoverMonths: 2 });
    const banned = metalPermit(model, 0, 6);
    const demand = (elasticity: number) =>
      seriesFor(runSimulation(model, banned, { parameterOverrides: { "demand.longRunPriceElasticity": elasticity, "demand.longRunAdjustmentMonths": 12 } }), { variable: "sector-demand", region: "JP", sector: "sector:alloys" });
    const price = seriesFor(runSimulation(model, banned, { parameterOverrides: { "demand.longRunPriceElasticity": -0.25, "demand.longRunAdjustmentMonths": 12 } }), { variable: "price", element: "Nd", market: "ex-china" });
    const fixed = demand(0);
    const thrifting = demand(-0.25);
    // Before the ban nothing is dear: no thrift.
    for (let t = 0; t < 6; t++) expect(thrifting[t]).toBeCloseTo(fixed[t]!, 9);
    // Behind the ban Japan's Nd costs more than at calibration: its alloy makers use less, more as months pass.
    expect(price[20]! / price[0]!).toBeGreaterThan(1.2);
    expect(thrifting[20]!).toBeLessThan(fixed[20]!);
    expect(thrifting[30]! / fixed[30]!).toBeLessThan(thrifting[12]! / fixed[12]!);
    // Never below what the long-run target allows at the dearest price seen.
    const dearest = Math.max(...Array.from(price).slice(0, 30)) / price[0]!;
    expect(thrifting[30]! / fixed[30]!).toBeGreaterThanOrEqual(Math.pow(dearest, -0.25) - 1e-9);
  });

  it("a permit share of 0.5 halves CN → JP metal flows at once when users hold no stock", () => {
    const { model } = setup();
    const result = runSimulation(model, metalPermit(model, 0.5, 6));
    const imports = seriesFor(result, { variable: "trade", from: "CN", to: "JP", form: "metal" });
    const use = seriesFor(result, { variable: "final-use", region: "JP", form: "metal" });
    for (let t = 6; t < MONTHS; t++) {
      expect(imports[t]).toBeCloseTo(JP_NEED / 2, 6);
      expect(use[t]).toBeCloseTo(JP_NEED / 2, 6);
    }
  });

  it("a permit share of 0.5 halves them once two months of stock have run down (the backlog is not re-licensed)", () => {
    const { model } = setup({ useCoverMonths: 2 });
    const result = runSimulation(model, metalPermit(model, 0.5, 6));
    const imports = seriesFor(result, { variable: "trade", from: "CN", to: "JP", form: "metal" });
    const use = seriesFor(result, { variable: "final-use", region: "JP", form: "metal" });
    expect(use[6]).toBeCloseTo(JP_NEED, 9); // stock carries the first months in full
    for (let t = 14; t < MONTHS; t++) {
      expect(imports[t]).toBeCloseTo(JP_NEED / 2, 6);
      expect(use[t]).toBeCloseTo(JP_NEED / 2, 6);
    }
  });

  it("a ban raises the ex-China price above China's; free trade keeps them equal", () => {
    const { model, neutral } = setup({ useCoverMonths: 2 });
    const free = runSimulation(model, neutral);
    const banned = runSimulation(model, metalPermit(model, 0, 6));
    const ratio = (r: typeof free, t: number) => r.pricesUsdPerKg[t * 2 + 1]! / r.pricesUsdPerKg[t * 2]!;
    expect(ratio(free, 30)).toBeCloseTo(1, 9);
    expect(ratio(banned, 30)).toBeGreaterThan(2);
    expect(banned.pricesUsdPerKg[30 * 2 + 1]!).toBeGreaterThan(free.pricesUsdPerKg[30 * 2 + 1]!);
  });

  it("an export quota caps CN's exports per period", () => {
    const { model, neutral } = setup({ useCoverMonths: 2 });
    const constraints: EngineConstraints = {
      ...neutral,
      exportQuotas: [{ issuer: 0, cellMask: Uint8Array.of(1, 1, 1, 1), destinationMask: Uint8Array.of(0, 1, 1), tonnesPerPeriod: 60, periodMonths: 12, fromMonth: 12, toMonth: 36 }],
    };
    const exports = seriesFor(runSimulation(model, constraints), { variable: "trade", from: "CN", to: "JP" });
    for (const [from, to] of [[12, 24], [24, 36]] as const) {
      const total = exports.slice(from, to).reduce((a, b) => a + b, 0);
      expect(total).toBeLessThanOrEqual(60 + 1e-6);
      expect(total).toBeGreaterThan(55);
    }
  });

  it("an extraterritorial rule stops third-country magnets made from the issuer's content", () => {
    const { model, neutral } = setup({ withMagnets: true, useCoverMonths: 1, leadTimeMonths: 1 });
    const rule = {
      issuer: model.regionIndex.CN!, contentMask: Uint8Array.of(1), productMask: Uint8Array.of(0, 0, 0, 1), magnetGradeCover: new Uint8Array(0), minValueShare: 0.001,
      permitShare: 0, delayMonths: 0, destinationMask: Uint8Array.of(0, 0, 1), fromMonth: 12, toMonth: MONTHS,
    };
    const before = runSimulation(model, neutral);
    const after = runSimulation(model, { ...neutral, extraterritorialRules: [rule] });
    const flow = (r: typeof before) => seriesFor(r, { variable: "trade", from: "JP", to: "US", form: "magnet" });
    expect(flow(before)[20]).toBeGreaterThan(1);
    for (let t = 12; t < MONTHS; t++) expect(flow(after)[t]).toBe(0);
    // Japan's magnets are CN-separated: the US runs short and loses motors (2 kg of magnet each).
    const lost = seriesFor(after, { variable: "end-products-lost", region: "US" });
    const short = seriesFor(after, { variable: "sector-demand", region: "US" })[30]! - seriesFor(after, { variable: "sector-delivered", region: "US" })[30]!;
    expect(lost[30]).toBeCloseTo((short * 1000) / 2, 6);
    expect(lost[30]).toBeGreaterThan(0);
  });

  it("a strategic stock release keeps Japan supplied during a ban", () => {
    const { model } = setup({ useCoverMonths: 2 });
    const banned = metalPermit(model, 0, 6);
    const stockpile = { region: model.regionIndex.JP!, element: 0, form: FORM_INDEX.metal, tonnesPerMonth: 20, fromMonth: 0, toMonth: 6 };
    const release = { region: model.regionIndex.JP!, element: 0, form: FORM_INDEX.metal, tonnesPerMonth: -20, fromMonth: 6, toMonth: MONTHS };
    const withStock = runSimulation(model, { ...banned, stockChanges: [stockpile, release] });
    const without = runSimulation(model, banned);
    const short = (r: typeof without) => seriesFor(r, { variable: "shortfall", region: "JP" }).reduce((a, b) => a + b, 0);
    expect(short(withStock)).toBeLessThan(short(without));
    expect(Math.max(...massBalanceErrors(withStock))).toBeLessThan(1e-12);
  });
});

/**
 * CN mines and separates Nd and La (half each); JP makes both metals from CN oxide and sells them to the US.
 * JP's metal is CN-separated, so a CN rule on Nd content catches JP's Nd metal, and only that product.
 */
function twoElementWorld(): World {
  const base = ndWorld();
  const sourced = { source: "test-source" };
  const facility = (id: string, region: string) => ({
    id, name: id, region, owner: "test", status: "operating" as const, startMonth: "2010-01", rampMonths: 0, technologyOrigin: region, ...sourced,
  });
  return {
    ...base,
    elements: [...base.elements, { symbol: "La", name: "lanthanum", atomicNumber: 57, class: "light", oxideFormula: "La2O3", oxideMassPerElementMass: 1.173, ...sourced }],
    depositProfiles: [{ ...base.depositProfiles[0]!, sharesPercentOfTreo: { Nd: 50, La: 50 } }],
    separationPlants: [{ ...facility("plant:cn-sep", "CN"), capacityTonnesReoPerYear: 2400, output2024TonnesReo: 1200, separates: ["Nd", "La"] }],
    metalPlants: [{ ...facility("plant:jp-metal", "JP"), capacityTonnesPerYear: 2000, output2024Tonnes: 400, makes: ["Nd", "La"] }],
    sectors: [
      { id: "sector:nd-alloys", name: "Nd alloys", use: "non-magnet", form: "metal", elementSharesPercent: { Nd: 100 }, growthPercentPerYear: 0, ...sourced },
      { id: "sector:la-alloys", name: "La alloys", use: "non-magnet", form: "metal", elementSharesPercent: { La: 100 }, growthPercentPerYear: 0, ...sourced },
      { id: "sector:la-oxide", name: "La oxide use", use: "non-magnet", form: "oxide", elementSharesPercent: { La: 100 }, growthPercentPerYear: 0, ...sourced },
    ],
    demand2024: [
      { sector: "sector:nd-alloys", region: "US", tonnesReo: 200, ...sourced },
      { sector: "sector:la-alloys", region: "US", tonnesReo: 200, ...sourced },
      { sector: "sector:la-oxide", region: "CN", tonnesReo: 400, ...sourced },
    ],
    prices: [...base.prices, { element: "La", form: "oxide", chinaDomesticUsdPerKg: 1, exChinaUsdPerKg: 1, asOf: "2024-06", assessor: "test", ...sourced }],
  };
}

describe("extraterritorial rules act on exact products", () => {
  it("a CN rule on Nd content in metal stops JP's Nd metal to the US and leaves its La metal alone", () => {
    const model = compileModel(twoElementWorld(), { startMonth: "2024-01", months: MONTHS });
    const neutral = createNeutralConstraints(model);
    const nd = model.elementIndex.Nd!;
    const contentMask = new Uint8Array(2);
    contentMask[nd] = 1;
    const productMask = new Uint8Array(2 * 4);
    productMask[nd * 4 + FORM_INDEX.metal] = 1;
    const rule = {
      issuer: model.regionIndex.CN!, contentMask, productMask, magnetGradeCover: new Uint8Array(0), minValueShare: 0.001,
      permitShare: 0, delayMonths: 0, destinationMask: Uint8Array.of(0, 0, 1), fromMonth: 12, toMonth: MONTHS,
    };
    const before = runSimulation(model, neutral);
    const after = runSimulation(model, { ...neutral, extraterritorialRules: [rule] });
    const flow = (r: typeof before, element: string) => seriesFor(r, { variable: "trade", from: "JP", to: "US", form: "metal", element });
    expect(flow(before, "Nd")[20]).toBeGreaterThan(1);
    expect(flow(before, "La")[20]).toBeGreaterThan(1);
    for (let t = 12; t < MONTHS; t++) {
      expect(flow(after, "Nd")[t]).toBe(0);
      expect(flow(after, "La")[t]).toBeCloseTo(flow(before, "La")[t]!, 6);
    }
    expect(Math.max(...massBalanceErrors(after))).toBeLessThan(1e-12);
  });
});

describe("concentrate is a mixed product", () => {
  /**
   * CN mines a 50/50 Nd–La concentrate (1,200 t REO a year); its own separators need three quarters of the Nd and half
   * the La (so they take three quarters of the concentrate first); a US plant that separates only Nd buys the rest.
   */
  function ndSeparatorWorld({ withAustralianMine = false } = {}): World {
    const base = twoElementWorld();
    const sourced = { source: "test-source" };
    const facility = (id: string, region: string) => ({
      id, name: id, region, owner: id, status: "operating" as const, startMonth: "2010-01", rampMonths: 0, technologyOrigin: region, ...sourced,
    });
    return {
      ...base,
      ...(withAustralianMine
        ? {
          regions: [...base.regions, { id: "AU", name: "AU", kind: "country" as const }],
          mines: [...base.mines, { ...facility("mine:au", "AU"), profile: base.depositProfiles[0]!.id, capacityTonnesReoPerYear: 600, output2024TonnesReo: 600 }],
        }
        : {}),
      separationPlants: [
        { ...facility("plant:cn-sep", "CN"), capacityTonnesReoPerYear: 2400, output2024TonnesReo: 900, separates: ["Nd", "La"] },
        { ...facility("plant:us-sep", "US"), capacityTonnesReoPerYear: 600, output2024TonnesReo: 150, separates: ["Nd"] },
      ],
      metalPlants: [],
      sectors: [
        { id: "sector:nd-oxide", name: "Nd oxide use", use: "non-magnet", form: "oxide", elementSharesPercent: { Nd: 100 }, growthPercentPerYear: 0, ...sourced },
        { id: "sector:la-oxide", name: "La oxide use", use: "non-magnet", form: "oxide", elementSharesPercent: { La: 100 }, growthPercentPerYear: 0, ...sourced },
      ],
      demand2024: [
        { sector: "sector:nd-oxide", region: "US", tonnesReo: 150, ...sourced },
        { sector: "sector:nd-oxide", region: "CN", tonnesReo: 400, ...sourced },
        { sector: "sector:la-oxide", region: "CN", tonnesReo: 300, ...sourced },
      ],
    };
  }

  it("a buyer after Nd takes the La that comes with it, in the supplier's proportions", () => {
    const model = compileModel(ndSeparatorWorld(), { startMonth: "2024-01", months: MONTHS });
    const result = runSimulation(model, createNeutralConstraints(model));
    const imported = (element: string) => seriesFor(result, { variable: "trade", from: "CN", to: "US", form: "concentrate", element });
    const mined = (element: string) => seriesFor(result, { variable: "production", stage: "mine", region: "CN", element });
    for (let t = 6; t < MONTHS; t++) {
      expect(imported("Nd")[t]).toBeGreaterThan(1);
      // The US cannot separate La: it came with the Nd, in the ratio CN mines them (50/50 by oxide mass).
      expect(imported("La")[t]! / imported("Nd")[t]!).toBeCloseTo(mined("La")[t]! / mined("Nd")[t]!, 6);
    }
    // The US separates only Nd; its La goes back on offer as concentrate (nothing of it becomes US oxide).
    expect(Math.max(...seriesFor(result, { variable: "production", stage: "separation", region: "US", element: "La" }))).toBe(0);
    expect(Math.max(...massBalanceErrors(result))).toBeLessThan(1e-12);
  });

  const usNeighbours = (model: ReturnType<typeof compileModel>) => {
    const dest = new Uint8Array(model.regionIds.length);
    dest[model.regionIndex.US!] = 1;
    return dest;
  };

  it("a quota on the La in CN's concentrate caps the baskets the US takes for their Nd", () => {
    const model = compileModel(ndSeparatorWorld(), { startMonth: "2024-01", months: MONTHS });
    const neutral = createNeutralConstraints(model);
    const cellMask = new Uint8Array(model.elementSymbols.length * 4);
    cellMask[model.elementIndex.La! * 4 + FORM_INDEX.concentrate] = 1;
    const quota = { issuer: model.regionIndex.CN!, cellMask, destinationMask: usNeighbours(model), tonnesPerPeriod: 12, periodMonths: 12, fromMonth: 12, toMonth: 24 };
    const free = runSimulation(model, neutral);
    const capped = runSimulation(model, { ...neutral, exportQuotas: [quota] });
    const la = (r: typeof free) => seriesFor(r, { variable: "trade", from: "CN", to: "US", form: "concentrate", element: "La" }).slice(12, 24).reduce((a, b) => a + b, 0);
    expect(la(free)).toBeGreaterThan(24);
    expect(la(capped)).toBeLessThanOrEqual(12 + 1e-6);
    expect(la(capped)).toBeGreaterThan(10);
    // What the quota kept out is counted as blocked concentrate.
    expect(seriesFor(capped, { variable: "blocked", form: "concentrate" }).slice(12, 24).reduce((a, b) => a + b, 0)).toBeGreaterThan(0);
    expect(Math.max(...massBalanceErrors(capped))).toBeLessThan(1e-12);
  });

  it("a ban on La concentrate stops CN's whole basket to the US, counts it as blocked, and the US turns to Australia", () => {
    const model = compileModel(ndSeparatorWorld({ withAustralianMine: true }), { startMonth: "2024-01", months: MONTHS });
    const neutral = createNeutralConstraints(model);
    const banned = copySegment(neutral.segments[0]!);
    banned.exportPermitShare[tradeConstraintOffset(model, model.regionIndex.CN!, model.regionIndex.US!, model.elementIndex.La!, FORM_INDEX.concentrate)] = 0;
    const ban = { ...neutral, segments: [neutral.segments[0]!, banned], segmentOfMonth: Int32Array.from({ length: MONTHS }, (_, t) => (t >= 12 ? 1 : 0)) };
    const free = runSimulation(model, neutral);
    const after = runSimulation(model, ban);
    const nd = (r: typeof free, from: string) => seriesFor(r, { variable: "trade", from, to: "US", form: "concentrate", element: "Nd" });
    for (let t = 12; t < MONTHS; t++) expect(nd(after, "CN")[t]).toBe(0);
    expect(nd(free, "CN")[20]).toBeGreaterThan(0.5);
    expect(nd(after, "AU")[20]).toBeGreaterThan(nd(free, "AU")[20]!);
    expect(seriesFor(after, { variable: "blocked", form: "concentrate" })[12]).toBeGreaterThan(0);
  });

  it("a region that sells its concentrate only at home ships none of it, counts none as blocked, and its buyers turn to Australia", () => {
    const world = ndSeparatorWorld({ withAustralianMine: true });
    const model = compileModel({ ...world, domesticOnly: [{ region: "CN", form: "concentrate", source: "test-source" }] }, { startMonth: "2024-01", months: MONTHS });
    const open = runSimulation(compileModel(world, { startMonth: "2024-01", months: MONTHS }), createNeutralConstraints(model));
    const closed = runSimulation(model, createNeutralConstraints(model));
    const nd = (r: typeof open, from: string) => seriesFor(r, { variable: "trade", from, to: "US", form: "concentrate", element: "Nd" });
    expect(nd(open, "CN")[20]).toBeGreaterThan(0.5);
    for (let t = 0; t < MONTHS; t++) {
      expect(nd(closed, "CN")[t]).toBe(0);
      expect(seriesFor(closed, { variable: "trade", from: "CN", to: "US", form: "concentrate", element: "La" })[t]).toBe(0);
    }
    expect(nd(closed, "AU")[20]).toBeGreaterThan(nd(open, "AU")[20]!);
    // Not a refusal: nothing is blocked, so no licence premium opens between the two markets.
    expect(seriesFor(closed, { variable: "blocked" }).every((v) => v === 0)).toBe(true);
    const E = model.elementSymbols.length;
    for (let e = 0; e < E; e++) {
      const ratio = (t: number) => closed.pricesUsdPerKg[(t * E + e) * 2 + 1]! / closed.pricesUsdPerKg[(t * E + e) * 2]!;
      expect(ratio(30)).toBeCloseTo(model.basePriceUsdPerKg[e * 2 + 1]! / model.basePriceUsdPerKg[e * 2]!, 9);
    }
    expect(Math.max(...massBalanceErrors(closed))).toBeLessThan(1e-12);
  });

  it("CN's own separators take their share of its concentrate before exports", () => {
    const world = ndSeparatorWorld();
    // CN's separators now need all of CN's La (so, with the basket, all of its concentrate).
    const demand = world.demand2024.map((d) => (d.sector === "sector:la-oxide" ? { ...d, tonnesReo: 600 } : d));
    const model = compileModel({ ...world, demand2024: demand }, { startMonth: "2024-01", months: MONTHS });
    const result = runSimulation(model, createNeutralConstraints(model));
    const la = (to: string) => seriesFor(result, { variable: "trade", from: "CN", to, form: "concentrate", element: "La" });
    const mined = seriesFor(result, { variable: "production", stage: "mine", region: "CN", element: "La" });
    for (let t = 12; t < MONTHS; t++) expect(la("US")[t]! + la("CN")[t]!).toBeLessThanOrEqual(mined[t]! * 1.5);
    expect(la("CN")[24]! / (la("CN")[24]! + la("US")[24]!)).toBeGreaterThan(0.95);
  });
});
