/**
 * @module analysis/stage-capacity
 * What each region's plants could do in each month of a run: which elements its plants at each stage handle, and
 * their capacity, from the compiled world the run used (new capacity included), the run's parameters (slips,
 * availability) and the policies' capacity multipliers. It restates the engine's capacity rule (docs/model.md §3)
 * without China's capacity growth, which follows the run's prices: where that growth applies the capacity is a
 * lower bound. Reads compiled inputs; it never runs or steps anything.
 */
import type { CompiledModel, EngineConstraints, ParameterValues } from "../engine/index.js";

/** The plants of every region and stage, month by month. */
export interface StagePlants {
  readonly months: number;
  readonly regionIds: readonly string[];
  readonly elementSymbols: readonly string[];
  /**
   * Capacity a month in the stage's own unit (mine and separation: t REO; metal: t of metal; magnet: t of finished
   * magnet), availability and policy multipliers applied; `[month][stage 0–3][region]`.
   */
  readonly capacityPerMonth: Float64Array;
  /** 1 where a plant of the region at the stage handles the element and has capacity that month; `[month][stage][region][element]`. */
  readonly handles: Uint8Array;
  /** 1 where China's capacity growth applies to some plant, so `capacityPerMonth` is a lower bound; `[stage][region]`. */
  readonly lowerBound: Uint8Array;
  /** t of oxide per t of element content (to read separation feed in t REO); `[element]`. */
  readonly oxideFactor: Float64Array;
  /** Form each sector draws (1 oxide, 2 metal, 3 magnets); `[sector]`. */
  readonly sectorForm: Uint8Array;
  /** t of each element per demand unit of a sector drawing oxide or metal (0 for magnet sectors); `[sector][element]`. */
  readonly sectorElementPerUnit: Float64Array;
  /** First month index in which a plant of the region at the stage handles the element (−1: never in the run); `[stage][region][element]`. */
  readonly firstMonth: Int32Array;
}

/** A start month that never comes (suspended and cancelled facilities). */
const NEVER = Number.MAX_SAFE_INTEGER;

/**
 * The plants of a compiled model over its months, under `constraints`, with the parameter values the run used.
 * @example const plants = stagePlantsOf(run.model, run.constraints, run.result.parameters);
 */
export function stagePlantsOf(model: CompiledModel, constraints: EngineConstraints, parameters: ParameterValues): StagePlants {
  const M = model.months;
  const R = model.regionIds.length;
  const E = model.elementSymbols.length;
  const N = model.facilityStage.length;
  const capacityPerMonth = new Float64Array(M * 4 * R);
  const handles = new Uint8Array(M * 4 * R * E);
  const lowerBound = new Uint8Array(4 * R);
  const firstMonth = new Int32Array(4 * R * E).fill(-1);
  const availability = parameters["capacity.availabilityShare"];
  const slips = [0, parameters["facility.constructionSlipMonths"], parameters["facility.plannedSlipMonths"]];
  for (let i = 0; i < N; i++) {
    const stage = model.facilityStage[i]!;
    const r = model.facilityRegion[i]!;
    const slip = slips[model.facilitySlipKind[i]!];
    const start = slip === undefined ? NEVER : model.facilityStartMonth[i]! + Math.round(slip);
    const rampMonths = model.facilityRampMonths[i]!;
    const established = model.facilityIsEstablished[i] === 1;
    if (model.facilityGrowthClass[i]! > 0) lowerBound[stage * R + r] = 1;
    for (let m = Math.max(0, start); m < M; m++) {
      const ramp = rampMonths <= 0 ? 1 : Math.min(1, (m - start + 1) / rampMonths);
      const opened = model.facilityCapacityPerMonth[i]! * availability * ramp;
      // As the engine: an established facility keeps at least its calibration output; a policy multiplier scales both.
      const cap = (established ? Math.max(opened, model.facilityOutput2024PerMonth[i]!) : opened) * (constraints.segments[constraints.segmentOfMonth[m]!]?.capacityMultiplier[i] ?? 1);
      if (!(cap > 0)) continue;
      capacityPerMonth[(m * 4 + stage) * R + r]! += cap;
      for (let e = 0; e < E; e++) {
        if (model.facilityElementMask[i * E + e] !== 1) continue;
        handles[((m * 4 + stage) * R + r) * E + e] = 1;
        const k = (stage * R + r) * E + e;
        if (firstMonth[k]! < 0 || m < firstMonth[k]!) firstMonth[k] = m;
      }
    }
  }
  const K = model.sectorForm.length;
  // Magnet sectors' per-unit content is their grade's; only the oxide and metal users' needs are read from here.
  const sectorElementPerUnit = Float64Array.from(model.sectorElementPerUnit, (v, i) => (model.sectorIsMagnet[Math.floor(i / E)] === 1 ? 0 : v));
  return {
    months: M, regionIds: model.regionIds, elementSymbols: model.elementSymbols, capacityPerMonth, handles, lowerBound, oxideFactor: model.elementOxideFactor.slice(),
    sectorForm: model.sectorForm.slice(0, K), sectorElementPerUnit, firstMonth,
  };
}
