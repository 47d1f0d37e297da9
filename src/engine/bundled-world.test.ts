import { beforeAll, describe, expect, it } from "vitest";
import type { World } from "../model/world-schema.js";
import { loadWorldFromDirectory } from "../world/node.js";
import { compileModel, ownerKey } from "./compile.js";
import type { CompiledModel } from "./compiled-model.js";
import { createNeutralConstraints, FORM_INDEX } from "./constraints.js";
import { badValues, massBalanceErrors } from "./fixtures/invariants.js";
import type { SimulationResult } from "./result.js";
import { runSimulation } from "./run.js";
import { tradeEntries } from "./trade-record.js";

let world: World;
let model: CompiledModel;
let result: SimulationResult;

beforeAll(() => {
  world = loadWorldFromDirectory();
  model = compileModel(world, { startMonth: "2024-01", months: 120 });
  result = runSimulation(model, createNeutralConstraints(model), { recordOrigins: false });
});

/** Share of final-use need left unmet in month `t` for element `e` in region `r` (0 when there is no need). */
function unmetShare(t: number, e: number, r: number): number {
  const R = result.regionIds.length;
  const E = result.elementSymbols.length;
  const short = result.shortfallTonnes[((t * E + e) * R + r) * 5 + 4]!;
  let used = 0;
  for (let f = 0; f < 4; f++) used += result.finalUseTonnes[((t * R + r) * 4 + f) * E + e]!;
  return used + short > 1e-9 ? short / (used + short) : 0;
}

/** Element@region pairs whose unmet share exceeds `limit` in some month of [from, to). */
function overLimit(from: number, to: number, limit: number): string[] {
  const over: string[] = [];
  result.elementSymbols.forEach((symbol, e) => {
    result.regionIds.forEach((region, r) => {
      let worst = 0;
      for (let t = from; t < to; t++) worst = Math.max(worst, unmetShare(t, e, r));
      if (worst > limit) over.push(`${symbol}@${region} ${(100 * worst).toFixed(1)}%`);
    });
  });
  return over;
}

describe("the bundled world, 2024-01 for 10 years without policy", () => {
  it("conserves mass and stays finite and non-negative", () => {
    expect(Math.max(...massBalanceErrors(result))).toBeLessThan(1e-9);
    expect(badValues(result)).toEqual([]);
  });

  it("shows no final-demand shortfall above 1 % of need for any element in any region in any of the first 36 months", () => {
    expect(overLimit(0, 36, 0.01)).toEqual([]);
  });

  it("stays price-rationed over 10 years: no monthly shortfall above 5 %, few end products lost, magnet-element prices bounded", () => {
    expect(overLimit(0, 120, 0.05)).toEqual([]);
    let lost = 0;
    for (const v of result.endProductsLost) lost += v;
    // Vehicles, MW and systems together; demand is ~20 M EVs a year alone.
    expect(lost).toBeLessThan(100_000);
    const E = result.elementSymbols.length;
    // Nd, Pr and Tb within 0.7–3× their calibration price. Dy, the tightest element (China's ionic quota is flat and
    // Myanmar runs at capacity while magnet demand grows ~7 %/yr), may boom to 3.5× before thrifting and Dy-free
    // designs (irreversible) cut its use and bring it back down.
    const bounds: Record<string, [number, number]> = { Nd: [0.7, 3], Pr: [0.7, 3], Tb: [0.7, 3], Dy: [0.7, 3.5] };
    for (const [symbol, [low, high]] of Object.entries(bounds)) {
      const e = result.elementSymbols.indexOf(symbol);
      for (let t = 0; t < 120; t++) {
        const ratio = result.pricesUsdPerKg[(t * E + e) * 2]! / model.basePriceUsdPerKg[e * 2]!;
        expect(ratio, `${symbol} month ${t}`).toBeGreaterThan(low);
        expect(ratio, `${symbol} month ${t}`).toBeLessThan(high);
      }
    }
  });

  it("runs China's plants in the calibration year with little production lost for lack of input (under 10 % of output)", () => {
    // Before: China's separators planned the oxide its magnet makers' recycled scrap supplies, and counted buyers'
    // restocking as lost production — "Dy short of input" by 15 % of China's Dy separation in 2024.
    const R = model.regionIds.length;
    const E = model.elementSymbols.length;
    const cn = model.regionIndex.CN!;
    for (const symbol of ["Nd", "Pr", "Dy", "Tb"]) {
      const e = model.elementIndex[symbol]!;
      for (let stage = 1; stage <= 3; stage++) {
        let lost = 0;
        let made = 0;
        for (let t = 0; t < 12; t++) {
          lost += result.shortfallTonnes[((t * E + e) * R + cn) * 5 + stage]!;
          made += result.productionTonnes[((t * 4 + stage) * R + cn) * E + e]!;
        }
        expect(lost, `${symbol} stage ${stage}`).toBeLessThan(0.1 * made);
      }
    }
  });

  it("keeps magnet-element prices near calibration through the calibration year (2024: no drift from the start)", () => {
    // In 2024 China's Nd and Dy oxide prices fell (USGS: Nd 78 → 56, Dy 330 → 260 US$/kg, 2023 → 2024): the calibrated
    // world must not open with a shortage its own stock norms create. Within ±15 % of calibration for all of 2024.
    const E = result.elementSymbols.length;
    for (const symbol of ["Nd", "Pr", "Dy", "Tb"]) {
      const e = result.elementSymbols.indexOf(symbol);
      for (let t = 0; t < 12; t++) {
        const ratio = result.pricesUsdPerKg[(t * E + e) * 2]! / model.basePriceUsdPerKg[e * 2]!;
        expect(Math.abs(ratio - 1), `${symbol} month ${t}`).toBeLessThan(0.15);
      }
    }
  });

  it("mines China's 2024 quota in 2024 (270,000 t REO, within 3 %)", () => {
    const R = model.regionIds.length;
    const E = model.elementSymbols.length;
    const cn = model.regionIndex.CN!;
    let mined = 0;
    for (let t = 0; t < 12; t++) for (let e = 0; e < E; e++) mined += result.productionTonnes[((t * 4 + 0) * R + cn) * E + e]! * model.elementOxideFactor[e]!;
    expect(Math.abs(mined / 270_000 - 1)).toBeLessThan(0.03);
  });

  it("mines each region's 2024 output in 2024: no mine expands before the calibration year is over", () => {
    // China grows its quota through the year (checked above) and a mine still ramping claims what its ramp opens (Serra
    // Verde); every other region mines its data. Before, a mine with spare capacity could expand 2 % a month from
    // January: Myanmar's 2024 output then hung on a knife-edge (31,800 t against USGS's 31,000; 35,300 once China's ore
    // no longer left China), and with it the timing of the Dy boom.
    const R = model.regionIds.length;
    const E = model.elementSymbols.length;
    const data = new Float64Array(R);
    const ramping = new Set<number>([model.domesticMarketRegion]);
    for (let i = 0; i < model.facilityIds.length; i++) {
      if (model.facilityStage[i] !== 0) continue;
      data[model.facilityRegion[i]!]! += model.facilityOutput2024PerMonth[i]! * 12;
      if (model.facilityIsEstablished[i] === 1 && model.facilityRampMonths[i]! > 0) ramping.add(model.facilityRegion[i]!);
    }
    const off: string[] = [];
    for (let r = 0; r < R; r++) {
      if (ramping.has(r) || data[r]! <= 0) continue;
      let mined = 0;
      for (let t = 0; t < 12; t++) for (let e = 0; e < E; e++) mined += result.productionTonnes[((t * 4 + 0) * R + r) * E + e]! * model.elementOxideFactor[e]!;
      if (Math.abs(mined / data[r]! - 1) > 0.005) off.push(`${model.regionIds[r]} ${Math.round(mined)} t REO against ${Math.round(data[r]!)}`);
    }
    expect(off).toEqual([]);
  });

  it("reproduces the dataset's 2024 production shares by stage and region within 2 points", () => {
    const R = model.regionIds.length;
    const E = model.elementSymbols.length;
    for (let stage = 0; stage < 4; stage++) {
      const modelled = new Float64Array(R);
      const data = new Float64Array(R);
      for (let t = 0; t < 12; t++) {
        for (let r = 0; r < R; r++) {
          if (stage === 3) modelled[r]! += result.magnetTonnesProduced[t * R + r]!;
          // Mines and separation are reported in t REO, metal in t: compare like with like. Separation plants' 2024
          // output counts their feed (front-end rejects included), so separation is compared on feed.
          else {
            const series = stage === 1 ? result.stageInputTonnes : result.productionTonnes;
            for (let e = 0; e < E; e++) modelled[r]! += series[((t * 4 + stage) * R + r) * E + e]! * (stage <= 1 ? model.elementOxideFactor[e]! : 1);
          }
        }
      }
      for (let i = 0; i < model.facilityIds.length; i++) if (model.facilityStage[i] === stage) data[model.facilityRegion[i]!]! += model.facilityOutput2024PerMonth[i]!;
      const total = modelled.reduce((a, b) => a + b, 0);
      const dataTotal = data.reduce((a, b) => a + b, 0);
      const gaps = model.regionIds.map((id, r) => ({ id, stage, model: (100 * modelled[r]!) / total, data: (100 * data[r]!) / dataTotal }));
      expect(gaps.filter((g) => Math.abs(g.model - g.data) > 2)).toEqual([]);
    }
  });

  it("keeps China's concentrate in China, from the spin-up on (trade.yaml domesticOnly: China exports no rare-earth ore)", () => {
    const R = model.regionIds.length;
    const E = model.elementSymbols.length;
    const cn = model.regionIndex.CN!;
    // Before, China's mines exported 10-12 kt of element a year to the EU, the US and India until 2028.
    const exported = new Float64Array(10);
    for (let t = 0; t < 120; t++) {
      for (const entry of tradeEntries(result.trade, R, E, t)) {
        if (entry.form === FORM_INDEX.concentrate && entry.from === cn && entry.to !== cn) exported[Math.floor(t / 12)]! += entry.tonnes;
      }
    }
    expect(Array.from(exported)).toEqual(Array(10).fill(0));
    // Shipments of the spin-up are not recorded: had any left, foreign separators (months of input cover) would still
    // hold Chinese-origin concentrate after the first month.
    const oneMonth = compileModel(world, { startMonth: "2024-01", months: 1 });
    const first = runSimulation(oneMonth, createNeutralConstraints(oneMonth), { recordOrigins: false });
    let heldAbroad = 0;
    for (let r = 0; r < R; r++) {
      if (r === cn) continue;
      for (let e = 0; e < E; e++) heldAbroad += first.finalStockByOriginTonnes[((r * 4 + FORM_INDEX.concentrate) * E + e) * R + cn]!;
    }
    expect(heldAbroad).toBe(0);
  });

  it("sells Myanmar's and Laos's concentrate only to China, from the spin-up on (trade.yaml sellsOnlyTo)", () => {
    const R = model.regionIds.length;
    const E = model.elementSymbols.length;
    const cn = model.regionIndex.CN!;
    const sellers = [model.regionIndex.MM!, model.regionIndex.LA!];
    // Before, 5.5 kt REO of Myanmar's went to separators in the EU, the US and India in 2024, and some to Malaysia's,
    // Australia's and Canada's heavy circuits from 2026.
    const elsewhere = new Map<string, number>();
    let toChina = 0;
    for (let t = 0; t < 120; t++) {
      for (const entry of tradeEntries(result.trade, R, E, t)) {
        if (entry.form !== FORM_INDEX.concentrate || !sellers.includes(entry.from) || entry.to === entry.from) continue;
        if (entry.to === cn) toChina += entry.tonnes;
        else elsewhere.set(`${model.regionIds[entry.from]}->${model.regionIds[entry.to]}`, entry.tonnes + (elsewhere.get(`${model.regionIds[entry.from]}->${model.regionIds[entry.to]}`) ?? 0));
      }
    }
    expect([...elsewhere]).toEqual([]);
    expect(toChina).toBeGreaterThan(200_000);
    // Nor did any leave in the spin-up: no user outside China holds Myanmar- or Laos-mined concentrate after a month.
    const oneMonth = compileModel(world, { startMonth: "2024-01", months: 1 });
    const first = runSimulation(oneMonth, createNeutralConstraints(oneMonth), { recordOrigins: false });
    let heldElsewhere = 0;
    for (let r = 0; r < R; r++) {
      if (r === cn || sellers.includes(r)) continue;
      for (let e = 0; e < E; e++) for (const o of sellers) heldElsewhere += first.finalStockByOriginTonnes[((r * 4 + FORM_INDEX.concentrate) * E + e) * R + o]!;
    }
    expect(heldElsewhere).toBe(0);
  });

  it("links integrated producers' mines to their separation plants by owner, whatever the legal form or note", () => {
    expect(ownerKey("IREL (India) Limited")).toBe(ownerKey("IREL (India) Ltd (Department of Atomic Energy)"));
    expect(ownerKey("Lynas Rare Earths (Lynas USA)")).toBe("lynas rare earths");
    expect(ownerKey("The Chemours Company (monazite sold to Energy Fuels)")).not.toBe(ownerKey("Energy Fuels"));
    const links = Array.from(model.captiveLinkMine, (i, l) => `${model.facilityIds[i]} → ${model.facilityIds[model.captiveLinkPlant[l]!]}`);
    expect(links).toEqual(expect.arrayContaining([
      "mine:irel-beach-sands → plant:india-irel-separation",
      "mine:mt-weld → plant:lynas-kuantan",
      "mine:mt-weld → plant:lynas-seadrift",
    ]));
  });
});
