/**
 * @module analysis/added-plants
 * "Plants this scenario adds (or brings forward)": which mines and plants the scenario's records add against a
 * reference (the baseline run's plants, else the world's), what each made over the report's window and how full it
 * ran, why not fuller (the reasons of "plants short of input" and "Made here, short here", not a copy of them), and what
 * its region's stage made in all against the baseline. Reads worlds and results; never runs anything.
 */
import type { SimulationResult } from "../engine/index.js";
import { addMonths, monthOffset } from "../model/dates.js";
import type { World } from "../model/world-schema.js";
import { elementsShortOfInput, FACILITY_UNITS, facilityInfo } from "./plant-shortfalls.js";
import type { AddedPlant, AddedPlantReason, AddedPlants, AddedPlantStage, MadeHereShortHere } from "./report-model.js";
import { RESULT_STAGES } from "./result-access.js";
import type { StagePlants } from "./stage-capacity.js";
import { ADDED_PLANT_LOW_USE_SHARE } from "./report-thresholds.js";

/** A plant running below this share of its capacity once running gets the reasons why. */
export { ADDED_PLANT_LOW_USE_SHARE };
/** An element counts as a reason when its stage was short of it in at least this share of the plant's running months. */
const SHORT_MONTHS_SHARE = 0.25;
/** Elements named as short of input at most (the most months first). */
const MAX_SHORT_ELEMENTS = 3;

/** What the engine starts a facility from: its record after overrides and new capacity. */
interface FacilityPlan {
  readonly stage: number;
  readonly capacityPerYear: number;
  /** First month index (from the run's start) its output may start, after its status's slip; Infinity: never. */
  readonly startIndex: number;
  readonly rampMonths: number;
}

/**
 * Each facility's plan in a world as a run compiles it (after the scenario's overrides and new capacity), with the start
 * slip of its status as the engine applies it (`facility.constructionSlipMonths`, `…plannedSlipMonths`; suspended and
 * cancelled never start).
 */
function facilityPlans(world: World, startMonth: string, parameters: Readonly<Record<string, number>>): Map<string, FacilityPlan> {
  const slip = (status: string) => status === "construction" ? Math.round(parameters["facility.constructionSlipMonths"] ?? 9)
    : status === "planned" ? Math.round(parameters["facility.plannedSlipMonths"] ?? 24) : status === "suspended" || status === "cancelled" ? Infinity : 0;
  const plan = (f: { id: string; status: string; startMonth: string; rampMonths: number }, stage: number, capacityPerYear: number) =>
    [f.id, { stage, capacityPerYear, startIndex: monthOffset(startMonth, f.startMonth) + slip(f.status), rampMonths: f.rampMonths }] as const;
  return new Map<string, FacilityPlan>([
    ...world.mines.map((f) => plan(f, 0, f.capacityTonnesReoPerYear)),
    ...world.separationPlants.map((f) => plan(f, 1, f.capacityTonnesReoPerYear)),
    ...world.metalPlants.map((f) => plan(f, 2, f.capacityTonnesPerYear)),
    ...world.magnetPlants.map((f) => plan(f, 3, f.capacityTonnesPerYear)),
  ]);
}

/**
 * How a facility's plan in the run adds to the reference's: `new` when the reference has none or never starts it,
 * `earlier` when it may start sooner (starts before the run's first month count as that month), `larger`, `faster_ramp`.
 * Empty when it adds nothing (the same, later, or smaller).
 */
function changesOf(plan: FacilityPlan, reference: FacilityPlan | undefined): AddedPlant["changes"] {
  if (!Number.isFinite(plan.startIndex)) return [];
  if (reference === undefined || !Number.isFinite(reference.startIndex)) return ["new"];
  const changes: ("earlier" | "larger" | "faster_ramp")[] = [];
  if (Math.max(0, plan.startIndex) < Math.max(0, reference.startIndex)) changes.push("earlier");
  if (plan.capacityPerYear > reference.capacityPerYear * (1 + 1e-9)) changes.push("larger");
  if (plan.rampMonths < reference.rampMonths && plan.startIndex <= reference.startIndex) changes.push("faster_ramp");
  return changes;
}

/** What `addedPlants` compares and reads besides the run's result. */
export interface AddedPlantsInput {
  /** The world the run compiled (the scenario's overrides and new capacity applied). */
  readonly runWorld: World;
  /**
   * The plants to compare with: the baseline run's world as it compiled it, with its result (its slip parameters), or
   * the world as the dataset has it (no `result`: the run's parameters).
   */
  readonly reference: { readonly kind: "baseline" | "world"; readonly world: World; readonly result?: SimulationResult };
  /** The baseline run, for the output of each plant and each region's stage against it. */
  readonly baseline?: SimulationResult | undefined;
  /** The run's plants of every region and stage, and its "Made here, short here" rows (every region's, the whole window's). */
  readonly plants: StagePlants;
  readonly madeHere: readonly MadeHereShortHere[];
  /** First month index of the report's window. @default 0 */
  readonly from?: number;
}

/**
 * Every mine and plant whose record in the run adds to the reference's (`changesOf`), with its output, capacity and
 * utilisation over the window and, below `ADDED_PLANT_LOW_USE_SHARE`, why; then each of their regions' stages against
 * the baseline. Plants in chain order (mine → magnet), then by output, largest first.
 * @example addedPlants(result, { runWorld, reference: { kind: "baseline", world: baselineWorld, result: baseline }, baseline, plants, madeHere, from: 0 })
 */
export function addedPlants(result: SimulationResult, input: AddedPlantsInput): AddedPlants {
  const { baseline, from = 0 } = input;
  const runPlans = facilityPlans(input.runWorld, result.startMonth, result.parameters);
  const referencePlans = facilityPlans(input.reference.world, result.startMonth, (input.reference.result ?? result).parameters);
  const info = facilityInfo(input.runWorld);
  const plants: AddedPlant[] = [];
  result.facilityIds.forEach((id, i) => {
    const plan = runPlans.get(id);
    // A facility the baseline run did not have is new, whatever the reference world says.
    const inBaseline = baseline === undefined || baseline.facilityIds.includes(id);
    const changes = plan === undefined ? [] : inBaseline ? changesOf(plan, referencePlans.get(id)) : ["new" as const];
    if (plan === undefined || changes.length === 0) return;
    const reference = inBaseline ? referencePlans.get(id) : undefined;
    plants.push({
      facility: id, name: info.get(id)?.name ?? id.replace(/^(plant|mine):/, ""), region: result.regionIds[result.facilityRegion[i] ?? 0] ?? "",
      stage: RESULT_STAGES[plan.stage] ?? "", unit: FACILITY_UNITS[plan.stage] ?? "t", changes,
      capacityTonnesPerYear: plan.capacityPerYear, ...(reference === undefined ? {} : { referenceCapacityTonnesPerYear: reference.capacityPerYear }),
      plannedStartMonth: startLabel(result, plan.startIndex), ...(reference === undefined ? {} : { referenceStartMonth: startLabel(result, reference.startIndex) }),
      ...outputOf(result, i, from, baseline),
      reasons: [],
    });
    const added = plants[plants.length - 1]!;
    if (added.utilisationShare !== undefined) {
      // Judged on the whole percent the tables print, so a plant shown at "70%" is never listed as below 70 %.
      const low = Math.round(added.utilisationShare * 100) < Math.round(ADDED_PLANT_LOW_USE_SHARE * 100);
      plants[plants.length - 1] = { ...added, lowUse: low, reasons: reasonsFor(result, i, info.get(id)?.elements, input, { from, low }) };
    }
  });
  plants.sort((a, b) => stageIndex(a.stage) - stageIndex(b.stage) || b.outputTonnes - a.outputTonnes);
  return { reference: input.reference.kind, plants, stages: baseline === undefined ? [] : stageChanges(result, baseline, plants, from) };
}

function stageIndex(stage: string): number {
  return (RESULT_STAGES as readonly string[]).indexOf(stage);
}

/** `YYYY-MM` of a start index (never before the run's first month), or undefined for never. */
function startLabel(result: SimulationResult, index: number): string | undefined {
  return Number.isFinite(index) ? addMonths(result.startMonth, Math.max(0, index)) : undefined;
}

/** A facility's first output month (whole run), its output in the window, and its capacity and load from its first output on. */
function outputOf(result: SimulationResult, i: number, from: number, baseline: SimulationResult | undefined) {
  const N = result.facilityIds.length;
  let first = -1;
  let output = 0;
  let capacity = 0;
  let load = 0;
  let running = 0;
  for (let m = 0; m < result.months; m++) {
    const made = result.facilityOutputTonnes[m * N + i] ?? 0;
    if (first < 0 && made > 1e-9) first = m;
    if (m < from) continue;
    output += made;
    if (first < 0) continue;
    const cap = result.facilityCapacityTonnes[m * N + i] ?? 0;
    capacity += cap;
    if (cap > 0) running++;
    load += (result.facilityUtilisation[m * N + i] ?? 0) * cap;
  }
  const b = baseline?.facilityIds.indexOf(result.facilityIds[i] ?? "") ?? -1;
  let baselineOutput = 0;
  if (baseline !== undefined && b >= 0) {
    const bN = baseline.facilityIds.length;
    for (let m = from; m < Math.min(result.months, baseline.months); m++) baselineOutput += baseline.facilityOutputTonnes[m * bN + b] ?? 0;
  }
  return {
    firstOutputMonth: first < 0 ? undefined : addMonths(result.startMonth, first), outputTonnes: output,
    ...(baseline === undefined ? {} : { baselineOutputTonnes: baselineOutput }),
    capacityTonnes: capacity, monthsRunning: running, utilisationShare: capacity > 0 ? load / capacity : undefined,
  };
}

/**
 * What held facility `i` back in the window's months it had capacity from its first output on: the elements its
 * region's plants of its stage were short of (as "plants short of input" counts them), each with the "Made here, short
 * here" row of an earlier stage of the region that says why; its own output leaving while its region was short
 * ("Made here, short here" at its own stage); else, when it ran below `ADDED_PLANT_LOW_USE_SHARE` (`low`), not ordered.
 */
function reasonsFor(result: SimulationResult, i: number, elements: ReadonlySet<string> | undefined, input: AddedPlantsInput, { from, low }: { from: number; low: boolean }): AddedPlantReason[] {
  const N = result.facilityIds.length;
  const stage = result.facilityStage[i] ?? 0;
  const r = result.facilityRegion[i] ?? 0;
  const region = result.regionIds[r] ?? "";
  const shortMonths = new Map<string, number>();
  let running = 0;
  let started = false;
  for (let m = 0; m < result.months; m++) {
    started ||= (result.facilityOutputTonnes[m * N + i] ?? 0) > 1e-9;
    if (m < from || !started || !((result.facilityCapacityTonnes[m * N + i] ?? 0) > 0)) continue;
    running++;
    for (const symbol of elementsShortOfInput(result, m, r, stage, elements)) shortMonths.set(symbol, (shortMonths.get(symbol) ?? 0) + 1);
  }
  const reasons: AddedPlantReason[] = [];
  const R = result.regionIds.length;
  const E = result.elementSymbols.length;
  const short = [...shortMonths].filter(([, months]) => months >= SHORT_MONTHS_SHARE * running).sort((a, b) => b[1] - a[1]).slice(0, MAX_SHORT_ELEMENTS);
  for (const [element, months] of short) {
    const e = result.elementSymbols.indexOf(element);
    // The nearest earlier stage of the region whose output of the element left while the region was short of it.
    const upstream = input.madeHere.filter((x) => x.region === region && x.element === element && stageIndex(x.stage) < stage).sort((a, b) => stageIndex(b.stage) - stageIndex(a.stage))[0];
    reasons.push({
      code: "short_of_input", element, months, inputStage: RESULT_STAGES[stage - 1] ?? "mine",
      homePlants: input.plants.present[((stage - 1) * R + r) * E + e] === 1, ...(upstream === undefined ? {} : { upstream }),
    });
  }
  // Its own output that left while a later stage (or final demand) of the region was short: the largest such row.
  const left = input.madeHere.filter((x) => x.region === region && stageIndex(x.stage) === stage && (elements === undefined || elements.has(x.element)))[0];
  if (left !== undefined) reasons.push({ code: "output_left", row: left });
  return reasons.length === 0 && low ? [{ code: "not_ordered" }] : reasons;
}

/** Each region and stage of `plants`: all its plants' output in the window in the run and the baseline, and the added plants' extra. */
function stageChanges(result: SimulationResult, baseline: SimulationResult, plants: readonly AddedPlant[], from: number): AddedPlantStage[] {
  const keys = [...new Set(plants.map((p) => `${p.region}\t${p.stage}`))];
  const months = Math.min(result.months, baseline.months);
  const total = (run: SimulationResult, region: string, stage: number) => {
    const N = run.facilityIds.length;
    const r = run.regionIds.indexOf(region);
    let sum = 0;
    for (let i = 0; i < N; i++) {
      if (run.facilityRegion[i] !== r || run.facilityStage[i] !== stage) continue;
      for (let m = from; m < months; m++) sum += run.facilityOutputTonnes[m * N + i] ?? 0;
    }
    return sum;
  };
  return keys.map((key) => {
    const [region, stageName] = key.split("\t") as [string, string];
    const stage = stageIndex(stageName);
    const own = plants.filter((p) => p.region === region && p.stage === stageName);
    return {
      region, stage: stageName, unit: FACILITY_UNITS[stage] ?? "t", outputTonnes: total(result, region, stage), baselineOutputTonnes: total(baseline, region, stage),
      addedPlantsExtraTonnes: own.reduce((sum, p) => sum + p.outputTonnes - (p.baselineOutputTonnes ?? 0), 0),
    };
  });
}
