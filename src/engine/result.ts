/**
 * @module engine/result
 * The plain-data result of one run (typed arrays laid out `[month][…]`), and its allocation.
 * Structured-cloneable, so it can cross a worker boundary. Queries are in `results.ts`.
 */
import type { CompiledModel } from "./compiled-model.js";
import { FORM_COUNT } from "./constraints.js";
import type { ParameterValues } from "./parameters.js";
import type { TradeRecord } from "./trade-record.js";

/** Number of response shares recorded per market: GBD Dy/Tb cut, Dy-free design share, motor substitution share. */
export const RESPONSE_COUNT = 3;

/** Everything one run produced. Tonnes are tonnes of element content; months index from the run start. */
export interface SimulationResult {
  /** First month, `YYYY-MM`. */
  readonly startMonth: string;
  /** Number of months. */
  readonly months: number;
  /** Region ids (index = region index). */
  readonly regionIds: readonly string[];
  /** Element symbols (index = element index). */
  readonly elementSymbols: readonly string[];
  /** Sector ids (index = sector index). */
  readonly sectorIds: readonly string[];
  /** Facility ids, mines and plants (index = facility index), e.g. `plant:vac-hanau`. */
  readonly facilityIds: readonly string[];
  /** Stage of each facility (0 mine, 1 separation, 2 metal, 3 magnet); `[facility]`. */
  readonly facilityStage: Uint8Array;
  /** Region index of each facility; `[facility]`. */
  readonly facilityRegion: Int32Array;
  /** 1 where the facility handles the element (mines: their deposit's elements); `[facility][element]`. */
  readonly facilityElementMask: Uint8Array;
  /** t of oxide per t of element content; `[element]`. */
  readonly elementOxideFactor: Float64Array;
  /** Form each sector draws (1 oxide, 2 metal, 3 magnets); `[sector]`. */
  readonly sectorForm: Uint8Array;
  /** t of each element per demand unit of a sector drawing oxide or metal at calibration (magnet sectors: their grade's, see the model); `[sector][element]`. */
  readonly sectorElementPerUnit: Float64Array;
  /** Share of each region's requests served from home first (the world's or `trade.defaultDomesticPriorityShare`); `[region]`. */
  readonly domesticPriorityShare: Float64Array;
  /** End-product unit per sector ("" when the sector names none). */
  readonly sectorEndProductUnit: readonly string[];
  /** Seed the run used. */
  readonly seed: number;
  /** Whether parameters with a range were sampled. */
  readonly sampledParameters: boolean;
  /** Parameter values the run used (after sampling). */
  readonly parameters: ParameterValues;
  /** Working + strategic stock + in transit at the start of month 0, t; `[element]`. */
  readonly openingStockTonnes: Float64Array;
  /** Output by stage (0 mine concentrate, 1 separated oxide, 2 metal, 3 magnet content), t; `[month][stage][region][element]`. */
  readonly productionTonnes: Float64Array;
  /**
   * Output of each facility, t of its product: concentrate (t REO) for mines, separated oxide (t REO) for separation,
   * metal (t) for metal plants, finished magnet (t) for magnet plants; `[month][facility]`. Where the engine computes a
   * stage region by region it is attributed to the region's plants as the engine shares it (docs/model.md §7, "Output by facility"), so a
   * region's facilities of a stage sum to its production of that stage (converted to the same product).
   */
  readonly facilityOutputTonnes: Float64Array;
  /**
   * Capacity each facility had available in the month (ramp, availability, policy multipliers, China's growth), t per
   * month in its rating's unit: t REO mined, t REO of feed for separation, t metal, t magnet; `[month][facility]`.
   */
  readonly facilityCapacityTonnes: Float64Array;
  /**
   * Share of that capacity in use, 0–1 (0 without capacity): output ÷ capacity, except separation, which is rated in
   * feed: its feed (t REO) ÷ capacity; `[month][facility]`.
   */
  readonly facilityUtilisation: Float64Array;
  /** Finished magnet made, t of magnet; `[month][region]`. */
  readonly magnetTonnesProduced: Float64Array;
  /** Input used by each stage (0 for mines), t; `[month][stage][region][element]`. */
  readonly stageInputTonnes: Float64Array;
  /** Final use by sectors, by the form drawn, t; `[month][region][form][element]`. */
  readonly finalUseTonnes: Float64Array;
  /** Sector demand after responses and multipliers, demand units (t magnet or t REO); `[month][region][sector]`. */
  readonly sectorDemandUnits: Float64Array;
  /** Sector demand met, demand units; `[month][region][sector]`. */
  readonly sectorDeliveredUnits: Float64Array;
  /** Unmet need, t; `[month][element][region][stage]` (stage 1–3: production lost for lack of input; 4: final use). */
  readonly shortfallTonnes: Float64Array;
  /** End products not built for lack of magnets, units (vehicles, MW, systems); `[month][sector][region]`. */
  readonly endProductsLost: Float64Array;
  /** Process losses (separation, metal, unrecycled magnet scrap), t; `[month][element]`. */
  readonly lossesTonnes: Float64Array;
  /** Working stock held (producers' output + users' input) at month end, t; `[month][region][form][element]`. */
  readonly stockTonnes: Float64Array;
  /** Strategic stock at month end, t; `[month][region][element]`. */
  readonly strategicStockTonnes: Float64Array;
  /** Shipments in transit or licence queues at month end, t; `[month][element]`. */
  readonly inTransitTonnes: Float64Array;
  /** Prices, US$ per kg of element content; `[month][element][market]` (0 China domestic, 1 ex-China). */
  readonly pricesUsdPerKg: Float64Array;
  /** The highest price each element can reach in each market (`price.backstopMultiple` × its calibration price), US$/kg; `[element][market]`. */
  readonly backstopPriceUsdPerKg: Float64Array;
  /**
   * Approved shipments (domestic on the diagonal), t, one entry per link and month that shipped (see `TradeRecord`), in
   * the month a shipment clears its licence and extraterritorial wait (departure + delay, rounded), as customs count
   * exports; shipments clearing after the last month are not in it (they are in `inTransitTonnes`).
   */
  readonly trade: TradeRecord;
  /** Requested shipments refused by permits, quotas or extraterritorial rules, t; `[month][element][form]`. */
  readonly blockedTonnes: Float64Array;
  /** Final use by origin region of the content, t; `[month][region][element][origin]`; empty when not recorded. */
  readonly useByOriginTonnes: Float32Array;
  /** Working stock by origin at the end of the run, t; `[region][form][element][origin]`. */
  readonly finalStockByOriginTonnes: Float64Array;
  /** Adopted responses, shares 0–1; `[month][market][response]` (GBD cut, Dy-free share, substitution). */
  readonly responseShares: Float64Array;
  /** Top-up paid to producers under price floors, US$; `[month][region]`. */
  readonly priceFloorPaymentsUsd: Float64Array;
  /** Import duty paid by each importing region at the supplier's price, US$; `[month][region]`. */
  readonly tariffPaidUsd: Float64Array;
  /**
   * How far a region's price of an element in a form sits above its market price because of import tariffs:
   * duty ÷ value of its taxed imports that month (0 when it bought none taxed); `[month][region][form][element]`;
   * empty when no constraint segment has a tariff.
   */
  readonly tariffMarkup: Float32Array;
  /** What compile and run had to assume, in words. */
  readonly warnings: readonly string[];
}

/** What to record; both large series are on by default. */
export interface RecordOptions {
  /**
   * A previous result of the same model whose arrays this run overwrites instead of allocating new
   * ones (for ensembles: saves allocation and garbage collection). That result is destroyed.
   */
  readonly reuseBuffersOf?: SimulationResult;
  /** Record `trade` (one entry per supplier → buyer link, element and form that shipped in a month). @default true */
  readonly recordTradeFlows?: boolean;
  /** Record `useByOriginTonnes` (months × regions² × elements floats). @default true */
  readonly recordOrigins?: boolean;
}

/** Allocate an all-zero result for `model`. */
export function allocateResult(
  model: CompiledModel,
  meta: { seed: number; sampledParameters: boolean; parameters: ParameterValues },
  { recordOrigins = true, reuseBuffersOf }: RecordOptions,
  { tariffs = false }: { readonly tariffs?: boolean } = {},
): SimulationResult {
  const old = reuseBuffersOf as unknown as Record<string, unknown> | undefined;
  const f64 = (key: keyof SimulationResult, length: number): Float64Array => {
    const previous = old?.[key];
    return previous instanceof Float64Array && previous.length === length ? previous.fill(0) : new Float64Array(length);
  };
  const f32 = (key: keyof SimulationResult, length: number): Float32Array => {
    const previous = old?.[key];
    return previous instanceof Float32Array && previous.length === length ? previous.fill(0) : new Float32Array(length);
  };
  const M = model.months;
  const R = model.regionIds.length;
  const E = model.elementSymbols.length;
  const K = model.sectorIds.length;
  const N = model.facilityIds.length;
  const F = FORM_COUNT;
  return {
    startMonth: model.startMonth,
    months: M,
    regionIds: model.regionIds,
    elementSymbols: model.elementSymbols,
    sectorIds: model.sectorIds,
    facilityIds: model.facilityIds,
    // Copies: the result must not hand out the model's own arrays.
    facilityStage: Uint8Array.from(model.facilityStage),
    facilityRegion: Int32Array.from(model.facilityRegion),
    facilityElementMask: Uint8Array.from(model.facilityElementMask),
    elementOxideFactor: Float64Array.from(model.elementOxideFactor),
    sectorForm: Uint8Array.from(model.sectorForm.subarray(0, K)),
    sectorElementPerUnit: Float64Array.from(model.sectorElementPerUnit),
    domesticPriorityShare: Float64Array.from({ length: R }, (_, r) => (model.domesticPriorityGiven[r] === 1 ? model.domesticPriorityShare[r]! : meta.parameters["trade.defaultDomesticPriorityShare"])),
    sectorEndProductUnit: model.sectorEndProductUnit,
    ...meta,
    openingStockTonnes: f64("openingStockTonnes", E),
    productionTonnes: f64("productionTonnes", M * 4 * R * E),
    facilityOutputTonnes: f64("facilityOutputTonnes", M * N),
    facilityCapacityTonnes: f64("facilityCapacityTonnes", M * N),
    facilityUtilisation: f64("facilityUtilisation", M * N),
    magnetTonnesProduced: f64("magnetTonnesProduced", M * R),
    stageInputTonnes: f64("stageInputTonnes", M * 4 * R * E),
    finalUseTonnes: f64("finalUseTonnes", M * R * F * E),
    sectorDemandUnits: f64("sectorDemandUnits", M * R * K),
    sectorDeliveredUnits: f64("sectorDeliveredUnits", M * R * K),
    shortfallTonnes: f64("shortfallTonnes", M * E * R * 5),
    endProductsLost: f64("endProductsLost", M * K * R),
    lossesTonnes: f64("lossesTonnes", M * E),
    stockTonnes: f64("stockTonnes", M * R * F * E),
    strategicStockTonnes: f64("strategicStockTonnes", M * R * E),
    inTransitTonnes: f64("inTransitTonnes", M * E),
    pricesUsdPerKg: f64("pricesUsdPerKg", M * E * 2),
    backstopPriceUsdPerKg: model.basePriceUsdPerKg.map((usdPerKg) => usdPerKg * meta.parameters["price.backstopMultiple"]),
    // The run replaces this with what it recorded (`TradeRecorder.finish`).
    trade: { recorded: false, monthStart: new Int32Array(0), link: new Int32Array(0), tonnes: new Float32Array(0) },
    blockedTonnes: f64("blockedTonnes", M * E * F),
    useByOriginTonnes: f32("useByOriginTonnes", recordOrigins ? M * R * E * R : 0),
    finalStockByOriginTonnes: f64("finalStockByOriginTonnes", R * F * E * R),
    responseShares: f64("responseShares", M * 2 * RESPONSE_COUNT),
    priceFloorPaymentsUsd: f64("priceFloorPaymentsUsd", M * R),
    tariffPaidUsd: f64("tariffPaidUsd", M * R),
    tariffMarkup: f32("tariffMarkup", tariffs ? M * R * F * E : 0),
    warnings: model.warnings,
  };
}

/** Zero the month-0 slice of every `[month]…` series (after the spin-up months wrote into it). */
export function clearFirstMonth(result: SimulationResult): void {
  const M = result.months;
  const series = [
    result.productionTonnes, result.magnetTonnesProduced, result.stageInputTonnes, result.finalUseTonnes,
    result.sectorDemandUnits, result.sectorDeliveredUnits, result.shortfallTonnes, result.endProductsLost,
    result.lossesTonnes, result.blockedTonnes, result.priceFloorPaymentsUsd, result.useByOriginTonnes,
    result.tariffPaidUsd, result.facilityOutputTonnes, result.facilityCapacityTonnes, result.facilityUtilisation,
  ];
  for (const s of series) if (s.length > 0) s.fill(0, 0, s.length / M);
}
