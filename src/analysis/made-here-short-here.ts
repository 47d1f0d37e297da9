/**
 * @module analysis/made-here-short-here
 * "Made here, short here": finds where a region shipped out much of its own output of an element in the months its
 * own later stages or final demand were short of it, and says why as far as the model knows (no plant at the next
 * stage, home buyers short too, plants full, or not ordered from them). Reads a result and the plants it ran with;
 * the wording is the report's (`report/made-here-text.ts`).
 */
import { tradeEntries, type SimulationResult } from "../engine/index.js";
import { addMonths } from "../model/dates.js";
import type { MadeHereReason, MadeHereShortHere } from "./report-model.js";
import { isShortage, RESULT_STAGES, shortageOf } from "./result-access.js";
import type { StagePlants } from "./stage-capacity.js";

/** What counts as a row, and what the reasons need. */
export interface MadeHereOptions {
  /** First month index of the report's window. @default 0 */
  readonly from?: number;
  /** Each region's domestic-priority share (`[region]`, 0–1), as the run used it. */
  readonly domesticPriorityShare: readonly number[];
  /** Least share of the output made in the short months that must have been shipped out. @default 0.25 */
  readonly minShippedShare?: number;
  /** Least tonnage made, and shipped, in those months for a row, t. @default 1 */
  readonly minTonnes?: number;
}

/** A next stage's plants are full when they ran at this share of their capacity or more. */
const FULL_SHARE = 0.95;

/**
 * Every region × element × stage (mine, separation, metal, magnet) that shipped out at least `minShippedShare` of what it
 * made in the window's months in which a later stage or final demand of the region was short of the element (more than
 * 1 % of need) and some of that output left; made, shipped and short count those months. Largest shipments first.
 * Needs recorded trade (empty otherwise).
 * @example madeHereShortHere(result, plants, { domesticPriorityShare: [0.9, 0.5], from: 21 })
 */
export function madeHereShortHere(result: SimulationResult, plants: StagePlants, options: MadeHereOptions): MadeHereShortHere[] {
  const { from = 0, minShippedShare = 0.25, minTonnes = 1 } = options;
  if (!result.trade.recorded) return [];
  const R = result.regionIds.length;
  const E = result.elementSymbols.length;
  // Shipments to other regions by [month][from][form][element], t; and whether each region's final users draw each form of each element.
  const shipped = new Map<number, Map<number, number>>();
  const exportKey = (from: number, form: number, e: number, to: number) => ((from * 4 + form) * E + e) * R + to;
  for (let m = from; m < result.months; m++) {
    const month = new Map<number, number>();
    for (const x of tradeEntries(result.trade, R, E, m)) if (x.from !== x.to) month.set(exportKey(x.from, x.form, x.element, x.to), (month.get(exportKey(x.from, x.form, x.element, x.to)) ?? 0) + x.tonnes);
    shipped.set(m, month);
  }
  const rows: MadeHereShortHere[] = [];
  for (let r = 0; r < R; r++) for (let e = 0; e < E; e++) {
    const short = shortMonthsOf(result, r, e, from);
    for (let s = 0; s < 4; s++) {
      const row = rowFor(result, plants, { r, e, s, from, short, shipped, exportKey, domesticPriority: options.domesticPriorityShare[r] ?? 0 });
      if (row !== undefined && row.madeTonnes >= minTonnes && row.shippedTonnes >= Math.max(minTonnes, minShippedShare * row.madeTonnes)) rows.push(row);
    }
  }
  return rows.sort((a, b) => b.shippedTonnes - a.shippedTonnes);
}

/** For each month from `from`, which stages (1–4) of region `r` were short of element `e`; `[month − from][stage]`. */
function shortMonthsOf(result: SimulationResult, r: number, e: number, from: number): boolean[][] {
  return Array.from({ length: result.months - from }, (_, k) => [0, 1, 2, 3, 4].map((s) => s > 0 && isShortage(shortageOf(result, from + k, e, r, s))));
}

interface RowInput {
  readonly r: number;
  readonly e: number;
  /** Output stage, 0–3 (its output is form s). */
  readonly s: number;
  readonly from: number;
  readonly short: readonly (readonly boolean[])[];
  readonly shipped: ReadonlyMap<number, ReadonlyMap<number, number>>;
  readonly exportKey: (from: number, form: number, e: number, to: number) => number;
  readonly domesticPriority: number;
}

/**
 * One region × element × stage over the months in which a later stage was short and some of the output left (undefined
 * when there were none): made, shipped and short are all counted over those months.
 */
function rowFor(result: SimulationResult, plants: StagePlants, input: RowInput): MadeHereShortHere | undefined {
  const { r, e, s, from, short } = input;
  const R = result.regionIds.length;
  const E = result.elementSymbols.length;
  let made = 0;
  let homeUse = 0;
  const byDestination = new Float64Array(R);
  const shortBy = new Float64Array(5);
  // Shipped tonnes in months when a home buyer of this form was short, and when no next-stage plant handled the element.
  let whenBuyerShort = 0;
  let whenNoPlant = 0;
  const months: number[] = [];
  for (let k = 0; k < short.length; k++) {
    const row = short[k]!;
    if (!row.some((isShort, stage) => stage > s && isShort)) continue;
    const m = from + k;
    const exports = input.shipped.get(m);
    let out = 0;
    for (let to = 0; to < R; to++) out += exports?.get(input.exportKey(r, s, e, to)) ?? 0;
    if (!(out > 1e-6)) continue;
    months.push(m);
    for (let to = 0; to < R; to++) byDestination[to]! += exports?.get(input.exportKey(r, s, e, to)) ?? 0;
    made += result.productionTonnes[((m * 4 + s) * R + r) * E + e] ?? 0;
    if (s > 0) homeUse += result.finalUseTonnes[((m * R + r) * 4 + s) * E + e] ?? 0;
    for (let n = s + 1; n <= 4; n++) if (row[n]) shortBy[n]! += shortageOf(result, m, e, r, n).tonnes;
    // The home buyers of this form: the next stage's plants, and final users of oxide or metal (magnets: final users).
    const buyerShort = (s < 3 && row[s + 1] === true) || (s === 3 && row[4] === true) || ((s === 1 || s === 2) && formUsersShort(result, plants, m, r, e, s));
    if (buyerShort) whenBuyerShort += out;
    if (s < 3 && plants.handles[((m * 4 + s + 1) * R + r) * E + e] !== 1) whenNoPlant += out;
  }
  if (months.length === 0) return undefined;
  const shippedTonnes = byDestination.reduce((a, b) => a + b, 0);
  const destinations = [...byDestination].map((tonnes, to) => ({ region: result.regionIds[to] ?? "", tonnes })).filter((d) => d.tonnes > 0).sort((a, b) => b.tonnes - a.tonnes).slice(0, 3);
  const reason = reasonFor(result, plants, { ...input, shippedTonnes, whenBuyerShort, whenNoPlant, shippingMonths: months });
  return {
    region: result.regionIds[r] ?? "", element: result.elementSymbols[e] ?? "", stage: RESULT_STAGES[s] ?? "",
    shortMonths: months.length, firstMonth: addMonths(result.startMonth, months[0]!), lastMonth: addMonths(result.startMonth, months[months.length - 1]!),
    madeTonnes: made, shippedTonnes, destinations,
    shortBy: [...shortBy].map((tonnes, n) => ({ stage: RESULT_STAGES[n] ?? "", tonnes })).filter((x) => x.tonnes > 0).sort((a, b) => b.tonnes - a.tonnes),
    homeUseTonnes: homeUse, reason,
  };
}

/**
 * The reason, judged on the tonnes shipped: home buyers of the form short too (in at least half of the shipped tonnes'
 * months) → shared abroad; else no next-stage plant for the element (for at least half) → no plant or not yet started;
 * else the next-stage plants' load against their capacity over the shipping months → full or not ordered.
 */
function reasonFor(
  result: SimulationResult,
  plants: StagePlants,
  x: RowInput & { shippedTonnes: number; whenBuyerShort: number; whenNoPlant: number; shippingMonths: readonly number[] },
): MadeHereReason {
  const { r, e, s } = x;
  const nextStage = RESULT_STAGES[s + 1] ?? "use";
  if (s === 3 || x.whenBuyerShort >= 0.5 * x.shippedTonnes) return { code: "shared_abroad", nextStage, domesticPriorityShare: x.domesticPriority };
  const R = result.regionIds.length;
  if (x.whenNoPlant >= 0.5 * x.shippedTonnes) {
    const k = ((s + 1) * R + r) * plants.elementSymbols.length + e;
    const first = plants.firstMonth[k]!;
    const last = x.shippingMonths[x.shippingMonths.length - 1] ?? 0;
    if (first > last) return { code: "plants_not_started", nextStage, firstMonth: addMonths(result.startMonth, first) };
    // The world has such plants, but they had no capacity in those months (stopped by a shock, or idle for the run).
    return plants.present[k] === 1 ? { code: "plants_idle", nextStage } : { code: "no_plant", nextStage };
  }
  let load = 0;
  let capacity = 0;
  for (const m of x.shippingMonths) {
    load += stageLoad(result, plants, m, s + 1, r);
    capacity += plants.capacityPerMonth[(m * 4 + s + 1) * R + r]!;
  }
  const utilisationShare = capacity > 0 ? load / capacity : 0;
  return { code: utilisationShare >= FULL_SHARE ? "plants_full" : "not_ordered", nextStage, utilisationShare };
}

/**
 * Whether the region's final users of an element's oxide (form 1) or metal (form 2) were short of it in a month: their
 * need (sector demand × content per unit) less what they used, above the shortage threshold.
 */
function formUsersShort(result: SimulationResult, plants: StagePlants, m: number, r: number, e: number, form: number): boolean {
  const R = result.regionIds.length;
  const E = result.elementSymbols.length;
  const K = result.sectorIds.length;
  let need = 0;
  for (let k = 0; k < K; k++) if (plants.sectorForm[k] === form) need += (result.sectorDemandUnits[(m * R + r) * K + k] ?? 0) * (plants.sectorElementPerUnit[k * E + e] ?? 0);
  const used = result.finalUseTonnes[((m * R + r) * 4 + form) * E + e] ?? 0;
  return isShortage({ tonnes: need - used, share: need > 0 ? (need - used) / need : 0 });
}

/** What a stage's plants of a region handled in a month, in the unit of their capacity (separation: feed, t REO; metal: t; magnet: t of magnet). */
function stageLoad(result: SimulationResult, plants: StagePlants, m: number, stage: number, r: number): number {
  const R = result.regionIds.length;
  const E = result.elementSymbols.length;
  if (stage === 3) return result.magnetTonnesProduced[m * R + r] ?? 0;
  let total = 0;
  for (let e = 0; e < E; e++) {
    const base = ((m * 4 + stage) * R + r) * E + e;
    total += stage === 1 ? (result.stageInputTonnes[base] ?? 0) * (plants.oxideFactor[e] ?? 1) : (result.productionTonnes[base] ?? 0);
  }
  return total;
}
