/**
 * @module analysis/plant-shortfalls
 * Which mines and plants stop or fall short, and when: each facility's output against the baseline run's, month by
 * month, over the report's window (without a baseline: against its capacity in the months its stage is short of
 * input). Reads the engine's per-facility records (`facilityOutputTonnes`, …); never runs anything.
 */
import type { SimulationResult } from "../engine/index.js";
import { addMonths } from "../model/dates.js";
import type { World } from "../model/world-schema.js";
import type { PlantShortfall } from "./report-model.js";
import { isShortage, RESULT_STAGES, shortageOf } from "./result-access.js";

/** A month counts when a facility makes more than this share less than its reference (baseline output or capacity). */
export const PLANT_SHORT_SHARE = 0.1;
/** Facilities losing less than this over the window are left out, t of their product. */
const PLANT_MIN_TONNES = 1;
/** Unit of each stage's product, as `facilityOutputTonnes` records it. */
export const FACILITY_UNITS = ["t REO", "t REO", "t metal", "t magnet"] as const;

/** A facility's name and the elements it handles (undefined: all), from the world. */
export interface FacilityInfo {
  readonly name: string;
  readonly elements: ReadonlySet<string> | undefined;
}

/** Each facility's name and elements in a world, by id (a magnet plant: the elements of its type's grades). */
export function facilityInfo(world: World): Map<string, FacilityInfo> {
  const classOf = new Map(world.elements.map((e) => [e.symbol as string, e.class as string]));
  const expand = (items: readonly string[]) => new Set(items.flatMap((item) => (classOf.has(item) ? [item] : [...classOf].filter(([, c]) => c === item).map(([s]) => s))));
  // A magnet plant makes its type's grades: the elements in them.
  const ofType = (type: string) => new Set(world.magnetGrades.filter((g) => g.magnetType === type).flatMap((g) => Object.entries(g.elementsWeightPercent).filter(([, v]) => (v ?? 0) > 0).map(([symbol]) => symbol)));
  return new Map<string, FacilityInfo>([
    ...world.mines.map((f) => [f.id, { name: f.name, elements: undefined }] as const),
    ...world.separationPlants.map((f) => [f.id, { name: f.name, elements: expand(f.separates) }] as const),
    ...world.metalPlants.map((f) => [f.id, { name: f.name, elements: expand(f.makes) }] as const),
    ...world.magnetPlants.map((f) => [f.id, { name: f.name, elements: ofType(f.magnetType) }] as const),
  ]);
}

/**
 * The elements (of those a facility handles; undefined: all) of which region r's plants of `stage` lost more than 1 % of
 * their production for lack of input in month m (none for mines, which need no input).
 */
export function elementsShortOfInput(result: SimulationResult, m: number, r: number, stage: number, elements: ReadonlySet<string> | undefined): string[] {
  const short: string[] = [];
  if (stage === 0) return short;
  // The test the shortage episodes use, so "short of" names the elements of the plants-short-of-input episodes.
  result.elementSymbols.forEach((symbol, e) => {
    if ((elements === undefined || elements.has(symbol)) && isShortage(shortageOf(result, m, e, r, stage))) short.push(symbol);
  });
  return short;
}

/**
 * A separation plant's oxide (t REO) per tonne REO of feed over the run (its capacity is rated in feed); the recovery
 * share when it never ran. Other stages' capacity is rated in their product: 1.
 */
function productPerLoad(result: SimulationResult, i: number): number {
  if (result.facilityStage[i] !== 1) return 1;
  const N = result.facilityIds.length;
  let output = 0;
  let load = 0;
  for (let m = 0; m < result.months; m++) {
    output += result.facilityOutputTonnes[m * N + i] ?? 0;
    load += (result.facilityUtilisation[m * N + i] ?? 0) * (result.facilityCapacityTonnes[m * N + i] ?? 0);
  }
  return load > 0 ? output / load : result.parameters["separation.recoveryShare"];
}

/**
 * Mines and plants whose output falls well below their reference (more than `PLANT_SHORT_SHARE` less) in some month
 * from month index `from` to the run's end, losing at least a tonne of product there, largest loss first. The reference
 * is the baseline run's output of the same facility when there is one (facilities the baseline does not have are left
 * out); without one, the facility's capacity in the months its region and stage were short of input (more than 1 % of
 * an element it handles), so idle capacity in other months is not counted.
 */
export function plantShortfalls(result: SimulationResult, world: World, { baseline, from = 0 }: { readonly baseline?: SimulationResult | undefined; readonly from?: number } = {}): PlantShortfall[] {
  const N = result.facilityIds.length;
  const info = facilityInfo(world);
  const months = baseline === undefined ? result.months : Math.min(result.months, baseline.months);
  const out: PlantShortfall[] = [];
  for (let i = 0; i < N; i++) {
    const id = result.facilityIds[i] ?? "";
    const stage = result.facilityStage[i] ?? 0;
    const r = result.facilityRegion[i] ?? 0;
    const b = baseline?.facilityIds.indexOf(id) ?? -1;
    if (baseline !== undefined && b < 0) continue;
    const bN = baseline?.facilityIds.length ?? 0;
    const perLoad = baseline === undefined ? productPerLoad(result, i) : 1;
    const elements = info.get(id)?.elements;
    let spellStart = -1;
    let first = -1;
    let began = -1;
    let worst = -1;
    let worstShare = 0;
    let monthsShort = 0;
    let lost = 0;
    let reference = 0;
    // Share of the reference lost in each counted month of the run (0 elsewhere), to a tenth of a percent.
    const byMonth = new Array<number>(result.months).fill(0);
    for (let m = 0; m < months; m++) {
      const made = result.facilityOutputTonnes[m * N + i] ?? 0;
      // Without a baseline, capacity counts only in months the stage is short of input (else it is idle by choice).
      const ref = baseline !== undefined ? (baseline.facilityOutputTonnes[m * bN + b] ?? 0)
        : elementsShortOfInput(result, m, r, stage, elements).length > 0 ? (result.facilityCapacityTonnes[m * N + i] ?? 0) * perLoad : 0;
      const lack = Math.max(0, ref - made);
      const counted = ref > 0 && lack > PLANT_SHORT_SHARE * ref;
      if (!counted) spellStart = -1;
      else {
        if (spellStart < 0) spellStart = m;
        byMonth[m] = Math.round((1000 * lack) / ref) / 1000;
      }
      if (m < from) continue;
      if (baseline !== undefined || counted) reference += ref;
      if (!counted) continue;
      monthsShort++;
      lost += lack;
      if (first < 0) {
        first = m;
        if (spellStart < from) began = spellStart;
      }
      if (lack / ref > worstShare + 1e-12) { worstShare = lack / ref; worst = m; }
    }
    if (first < 0 || lost < PLANT_MIN_TONNES) continue;
    const label = (m: number) => addMonths(result.startMonth, m);
    out.push({
      facility: id, name: info.get(id)?.name ?? id.replace(/^(plant|mine):/, ""), region: result.regionIds[r] ?? "", stage: RESULT_STAGES[stage] ?? "",
      unit: FACILITY_UNITS[stage] ?? "t", basis: baseline === undefined ? "capacity" : "baseline",
      firstMonth: label(first), ...(began >= 0 ? { beganMonth: label(began) } : {}), worstMonth: label(worst), worstShare,
      shortOf: elementsShortOfInput(result, worst, r, stage, elements), monthsShort,
      lostTonnes: lost, referenceTonnes: reference, lostShare: reference > 0 ? lost / reference : 0, shareLostByMonth: byMonth,
    });
  }
  return out.sort((a, b) => b.lostTonnes - a.lostTonnes);
}
