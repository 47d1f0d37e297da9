import { describe, expect, it } from "vitest";
import { compileModel } from "./compile.js";
import type { CompiledModel } from "./compiled-model.js";
import { copySegment, createNeutralConstraints, FORM_INDEX, tradeConstraintOffset, type EngineConstraints } from "./constraints.js";
import { massBalanceErrors } from "./fixtures/invariants.js";
import { ND_OXIDE_FACTOR, ndWorld } from "./fixtures/small-worlds.js";
import type { SimulationResult } from "./result.js";
import { seriesFor } from "./results.js";
import { runSimulation } from "./run.js";

const MONTHS = 36;
const FROM = 12;
const JP_NEED = 20 / ND_OXIDE_FACTOR; // 240 t REO a year of Nd metal, in t Nd a month
const RATE = 0.25;

/** CN and the US both make Nd metal; Japan buys it (no stock at users, no lead time). */
function setup(usMetalCapacityTonnesPerYear: number) {
  const model = compileModel(ndWorld({ usMetalCapacityTonnesPerYear }), { startMonth: "2024-01", months: MONTHS });
  return { model, neutral: createNeutralConstraints(model) };
}

/** Constraints with a tariff of `rate` on metal from `from` into `to`, from month FROM on. */
function tariff(model: CompiledModel, rate: number, links: readonly (readonly [string, string])[]): EngineConstraints {
  const base = createNeutralConstraints(model);
  const taxed = copySegment(base.segments[0]!);
  for (const [from, to] of links) taxed.importTariffRate[tradeConstraintOffset(model, model.regionIndex[from]!, model.regionIndex[to]!, 0, FORM_INDEX.metal)] = rate;
  return { ...base, segments: [base.segments[0]!, taxed], segmentOfMonth: Int32Array.from({ length: MONTHS }, (_, t) => (t >= FROM ? 1 : 0)) };
}

const imports = (r: SimulationResult, from: string) => seriesFor(r, { variable: "trade", from, to: "JP", form: "metal" });

describe("import tariffs (a price wedge that diverts trade)", () => {
  it("without a tariff Japan buys from both exporters", () => {
    const { model, neutral } = setup(1000);
    const free = runSimulation(model, neutral);
    for (let t = FROM; t < MONTHS; t++) {
      expect(imports(free, "CN")[t]).toBeGreaterThan(1);
      expect(imports(free, "US")[t]).toBeGreaterThan(1);
      expect(imports(free, "CN")[t]! + imports(free, "US")[t]!).toBeCloseTo(JP_NEED, 5);
    }
  });

  it("a 25 % tariff on Chinese metal moves Japan's imports to the untaxed US as fast as the US can make more", () => {
    const { model } = setup(1000);
    const taxed = runSimulation(model, tariff(model, RATE, [["CN", "JP"]]));
    const use = seriesFor(taxed, { variable: "final-use", region: "JP", form: "metal" });
    const duty = seriesFor(taxed, { variable: "tariff-paid", region: "JP" });
    // At once, Japan takes all the US has and only the rest from China, taxed.
    expect(imports(taxed, "US")[FROM]).toBeGreaterThan(1.5 * imports(taxed, "US")[FROM - 1]!);
    expect(duty[FROM]).toBeGreaterThan(0);
    for (let t = FROM; t < MONTHS; t++) expect(use[t]).toBeCloseTo(JP_NEED, 9);
    // Within half a year the US, whose orders now include Japan's, makes it all: China's exports stop, no duty.
    for (let t = FROM + 6; t < MONTHS; t++) {
      expect(imports(taxed, "CN")[t]).toBe(0);
      expect(imports(taxed, "US")[t]).toBeCloseTo(JP_NEED, 5);
      expect(duty[t]).toBe(0);
    }
    // The US makes Japan's metal instead of China: its metal output rises by about Japan's need.
    const usMetal = seriesFor(taxed, { variable: "production", stage: "metal", region: "US" });
    const usMetalFree = seriesFor(runSimulation(model, createNeutralConstraints(model)), { variable: "production", stage: "metal", region: "US" });
    expect(usMetal[30]! - usMetalFree[30]!).toBeGreaterThan(0.5 * JP_NEED);
    expect(Math.max(...massBalanceErrors(taxed))).toBeLessThan(1e-12);
  });

  it("when the untaxed exporter is short, Japan buys the rest taxed, pays the duty, and its price carries the tariff", () => {
    // US metal plant: 60 t/yr at most (5 t a month), far below Japan's 17.15 t.
    const { model } = setup(60);
    const taxed = runSimulation(model, tariff(model, RATE, [["CN", "JP"]]));
    const duty = seriesFor(taxed, { variable: "tariff-paid", region: "JP" });
    const markup = seriesFor(taxed, { variable: "tariff-markup", region: "JP", form: "metal", element: "Nd" });
    const cnPrice = seriesFor(taxed, { variable: "price", element: "Nd", market: "china-domestic" });
    const use = seriesFor(taxed, { variable: "final-use", region: "JP", form: "metal" });
    const usToCn = seriesFor(taxed, { variable: "trade", from: "US", to: "CN", form: "metal" });
    for (let t = FROM + 6; t < MONTHS; t++) {
      const fromUs = imports(taxed, "US")[t]!;
      const fromCn = imports(taxed, "CN")[t]!;
      // The US sells all it can make (60 t/yr, its calibration output) to Japan and, untaxed, to China.
      expect(fromUs + usToCn[t]!).toBeCloseTo(60 / 12, 5);
      expect(fromCn).toBeCloseTo(JP_NEED - fromUs, 5); // China the rest, taxed
      expect(use[t]).toBeCloseTo(JP_NEED, 9);
      // Duty = t × US$/kg (China's price while the month trades: last month's close) × 1000 × rate.
      expect(duty[t]! / (fromCn * cnPrice[t - 1]! * RATE * 1000)).toBeCloseTo(1, 6);
      expect(markup[t]).toBeCloseTo(RATE, 6);
    }
  });

  it("the importer's demand sees the tariff-laden price when it buys taxed goods", () => {
    const { model, neutral } = setup(60);
    const options = { parameterOverrides: { "demand.priceElasticity": -0.1 } } as const;
    const free = runSimulation(model, neutral, options);
    const taxed = runSimulation(model, tariff(model, RATE, [["CN", "JP"]]), options);
    const demand = (r: SimulationResult) => seriesFor(r, { variable: "sector-demand", region: "JP" });
    const price = (r: SimulationResult, t: number) => seriesFor(r, { variable: "price", element: "Nd", market: "ex-china" })[t]!;
    for (let t = FROM + 6; t < MONTHS; t++) {
      // Demand ∝ (price × (1 + markup))^elasticity, the markup being last month's: (1.25)^−0.1 ≈ 0.978.
      const expected = Math.pow(((1 + RATE) * price(taxed, t - 1)) / price(free, t - 1), -0.1);
      expect(demand(taxed)[t]! / demand(free)[t]!).toBeCloseTo(expected, 9);
    }
    // Chinese demand, which buys nothing taxed, is unchanged but for the small price move.
    const cn = (r: SimulationResult) => seriesFor(r, { variable: "sector-demand", region: "CN" });
    expect(cn(taxed)[30]! / cn(free)[30]!).toBeCloseTo(Math.pow(seriesFor(taxed, { variable: "price", element: "Nd" })[29]! / seriesFor(free, { variable: "price", element: "Nd" })[29]!, -0.1), 9);
  });

  it("a zero rate, or a tariff on a link nobody uses, changes nothing", () => {
    const { model, neutral } = setup(1000);
    const free = runSimulation(model, neutral);
    const zero = runSimulation(model, tariff(model, 0, [["CN", "JP"]]));
    const unused = runSimulation(model, tariff(model, RATE, [["JP", "CN"], ["JP", "US"]])); // Japan exports no metal
    // A month with a tariff segment clears through the general rounds, whose arithmetic is arranged per buyer
    // rather than per supplier (the free-trade path): equal to rounding, not to the last bit.
    const same = (a: ArrayLike<number>, b: ArrayLike<number>) => {
      expect(a.length).toBe(b.length);
      let scale = 1;
      for (let i = 0; i < b.length; i++) scale = Math.max(scale, Math.abs(b[i]!));
      for (let i = 0; i < b.length; i++) expect(Math.abs(a[i]! - b[i]!) / scale).toBeLessThan(1e-12);
    };
    for (const other of [zero, unused]) {
      for (const key of ["productionTonnes", "finalUseTonnes", "stockTonnes", "pricesUsdPerKg", "sectorDemandUnits"] as const) same(other[key], free[key]);
      expect([...other.tariffPaidUsd].every((v) => v === 0)).toBe(true);
      expect([...other.trade.link]).toEqual([...free.trade.link]);
      same(other.trade.tonnes, free.trade.tonnes);
    }
  });

  it("values taxed magnets at their content's price plus their making (price.magnetFabricationUsdPerKgContent)", () => {
    // Japan makes Nd magnets from Chinese metal and the US buys them, taxed at 25 % from month FROM.
    const model = compileModel(ndWorld({ withMagnets: true }), { startMonth: "2024-01", months: MONTHS });
    const base = createNeutralConstraints(model);
    const taxed = copySegment(base.segments[0]!);
    taxed.importTariffRate[tradeConstraintOffset(model, model.regionIndex.JP!, model.regionIndex.US!, 0, FORM_INDEX.magnet)] = RATE;
    const constraints = { ...base, segments: [base.segments[0]!, taxed], segmentOfMonth: Int32Array.from({ length: MONTHS }, (_, t) => (t >= FROM ? 1 : 0)) };
    const making = 84;
    /** Checks the US's duty on Japanese magnets month by month at `makingUsdPerKg`; returns the months checked. */
    const dutyMonthsMatching = (result: ReturnType<typeof runSimulation>, makingUsdPerKg: number): number => {
      const shipped = seriesFor(result, { variable: "trade", from: "JP", to: "US", form: "magnet" });
      const price = seriesFor(result, { variable: "price", element: "Nd", market: "ex-china" });
      const duty = seriesFor(result, { variable: "tariff-paid", region: "US" });
      let checked = 0;
      for (let t = FROM; t < MONTHS; t++) {
        if (!(shipped[t]! > 0)) continue;
        // Prices move at month end: shipments are valued at the price the month opened with (last month's close).
        expect(duty[t]! / (shipped[t]! * (price[t - 1]! + makingUsdPerKg) * RATE * 1000)).toBeCloseTo(1, 9);
        checked++;
      }
      return checked;
    };
    const result = runSimulation(model, constraints, { parameterOverrides: { "price.magnetFabricationUsdPerKgContent": making } });
    expect(dutyMonthsMatching(result, making)).toBeGreaterThan(12);
    // The duty rate the US pays on its magnets is the tariff, whatever the making adds to their value.
    const markup = seriesFor(result, { variable: "tariff-markup", region: "US", form: "magnet", element: "Nd" });
    expect(markup[MONTHS - 1]).toBeCloseTo(RATE, 12);

    // Japan is outside China: with price.exChinaMagnetFabricationMarkup its magnets' making is dearer, and so their duty.
    const dearer = runSimulation(model, constraints, { parameterOverrides: { "price.magnetFabricationUsdPerKgContent": making, "price.exChinaMagnetFabricationMarkup": 0.5 } });
    expect(dutyMonthsMatching(dearer, making * 1.5)).toBeGreaterThan(12);
  });
});
