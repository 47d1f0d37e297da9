/**
 * @module analysis/stage-capacity
 * What each region's plants could do in each month of a run: which elements its plants at each stage handle, and
 * their capacity, read from the capacity the engine recorded for each facility (`facilityCapacityTonnes`: ramps,
 * availability, policy multipliers and China's capacity growth as the run had them). Reads a result; never runs anything.
 */
import type { SimulationResult } from "../engine/index.js";

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
  /** t of oxide per t of element content (to read separation feed in t REO); `[element]`. */
  readonly oxideFactor: Float64Array;
  /** Form each sector draws (1 oxide, 2 metal, 3 magnets); `[sector]`. */
  readonly sectorForm: Uint8Array;
  /** t of each element per demand unit of a sector drawing oxide or metal (0 for magnet sectors); `[sector][element]`. */
  readonly sectorElementPerUnit: Float64Array;
  /** First month index in which a plant of the region at the stage handles the element (−1: never in the run); `[stage][region][element]`. */
  readonly firstMonth: Int32Array;
  /** 1 where the world has a plant of the region at the stage that handles the element, with capacity or not (stopped, not started); `[stage][region][element]`. */
  readonly present: Uint8Array;
}

/**
 * The plants of a run, from the capacity its engine recorded for each facility.
 * @example const plants = stagePlantsOf(run.result);
 */
export function stagePlantsOf(result: SimulationResult): StagePlants {
  const M = result.months;
  const R = result.regionIds.length;
  const E = result.elementSymbols.length;
  const N = result.facilityIds.length;
  const capacityPerMonth = new Float64Array(M * 4 * R);
  const handles = new Uint8Array(M * 4 * R * E);
  const firstMonth = new Int32Array(4 * R * E).fill(-1);
  const present = new Uint8Array(4 * R * E);
  for (let i = 0; i < N; i++) {
    for (let e = 0; e < E; e++) if (result.facilityElementMask[i * E + e] === 1) present[(result.facilityStage[i]! * R + result.facilityRegion[i]!) * E + e] = 1;
  }
  for (let m = 0; m < M; m++) {
    for (let i = 0; i < N; i++) {
      const cap = result.facilityCapacityTonnes[m * N + i]!;
      if (!(cap > 0)) continue;
      const stage = result.facilityStage[i]!;
      const r = result.facilityRegion[i]!;
      capacityPerMonth[(m * 4 + stage) * R + r]! += cap;
      for (let e = 0; e < E; e++) {
        if (result.facilityElementMask[i * E + e] !== 1) continue;
        handles[((m * 4 + stage) * R + r) * E + e] = 1;
        const k = (stage * R + r) * E + e;
        if (firstMonth[k]! < 0) firstMonth[k] = m;
      }
    }
  }
  const K = result.sectorForm.length;
  // Magnet sectors' per-unit content is their grade's; only the oxide and metal users' needs are read from here.
  const sectorElementPerUnit = Float64Array.from(result.sectorElementPerUnit.subarray(0, K * E), (v, i) => (result.sectorForm[Math.floor(i / E)] === 3 ? 0 : v));
  return {
    months: M, regionIds: result.regionIds, elementSymbols: result.elementSymbols, capacityPerMonth, handles, oxideFactor: result.elementOxideFactor.slice(),
    sectorForm: result.sectorForm.slice(), sectorElementPerUnit, firstMonth, present,
  };
}
