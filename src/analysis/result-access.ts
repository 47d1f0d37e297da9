/**
 * @module analysis/result-access
 * Small readers over a simulation result's flat arrays (sums over axes, month labels), so the
 * analyses read like the questions they answer. Reads only; never writes into a result.
 */
import type { SimulationResult } from "../engine/index.js";
import { addMonths } from "../model/dates.js";

/** A shortfall counts as a shortage when it exceeds this share of the month's need. */
export const SHORTAGE_THRESHOLD_SHARE = 0.01;

/** Stage names on the result's stage axes. */
export const RESULT_STAGES = ["mine", "separation", "metal", "magnet", "use"] as const;

/** `YYYY-MM` labels of every month of the run. */
export function monthLabels(result: SimulationResult): string[] {
  return Array.from({ length: result.months }, (_, m) => addMonths(result.startMonth, m));
}

/** Production of a stage (0 mine … 3 magnet content) in a region (−1 = all) for elements (undefined = all), t. */
export function production(result: SimulationResult, month: number, stage: number, region: number, elements?: readonly number[]): number {
  const R = result.regionIds.length;
  const E = result.elementSymbols.length;
  let total = 0;
  for (let r = region < 0 ? 0 : region; r < (region < 0 ? R : region + 1); r++) {
    const base = ((month * 4 + stage) * R + r) * E;
    if (elements === undefined) for (let e = 0; e < E; e++) total += result.productionTonnes[base + e] ?? 0;
    else for (const e of elements) total += result.productionTonnes[base + e] ?? 0;
  }
  return total;
}

/** Final use in a region (−1 = all) of one element (−1 = all), all forms, t. */
export function finalUse(result: SimulationResult, month: number, region: number, element: number): number {
  const R = result.regionIds.length;
  const E = result.elementSymbols.length;
  let total = 0;
  for (let r = region < 0 ? 0 : region; r < (region < 0 ? R : region + 1); r++) {
    for (let f = 0; f < 4; f++) {
      const base = ((month * R + r) * 4 + f) * E;
      if (element < 0) for (let e = 0; e < E; e++) total += result.finalUseTonnes[base + e] ?? 0;
      else total += result.finalUseTonnes[base + element] ?? 0;
    }
  }
  return total;
}

/** Shortfall of an element (−1 = all) in a region (−1 = all) at a stage (1–4), t. */
export function shortfall(result: SimulationResult, month: number, element: number, region: number, stage: number): number {
  const R = result.regionIds.length;
  const E = result.elementSymbols.length;
  let total = 0;
  for (let e = element < 0 ? 0 : element; e < (element < 0 ? E : element + 1); e++) {
    for (let r = region < 0 ? 0 : region; r < (region < 0 ? R : region + 1); r++) total += result.shortfallTonnes[((month * E + e) * R + r) * 5 + stage] ?? 0;
  }
  return total;
}

/**
 * An element's shortfall in a region at a stage (1–3: production lost for lack of input; 4: final use) in a month, t,
 * and its share of that month's need (what was made or used plus the shortfall), 0–1.
 */
export function shortageOf(result: SimulationResult, month: number, element: number, region: number, stage: number): { tonnes: number; share: number } {
  const tonnes = shortfall(result, month, element, region, stage);
  const met = stage === 4 ? finalUse(result, month, region, element) : production(result, month, stage, region, [element]);
  const need = met + tonnes;
  return { tonnes, share: need > 0 ? tonnes / need : 0 };
}

/** Whether a shortage counts as one: more than `SHORTAGE_THRESHOLD_SHARE` of the month's need, and more than rounding dust. */
export function isShortage(shortage: { readonly tonnes: number; readonly share: number }): boolean {
  return shortage.tonnes > 1e-6 && shortage.share > SHORTAGE_THRESHOLD_SHARE;
}

/** Price of an element in a market (0 China domestic, 1 ex-China), US$/kg of element. */
export function price(result: SimulationResult, month: number, element: number, market: 0 | 1): number {
  return result.pricesUsdPerKg[(month * result.elementSymbols.length + element) * 2 + market] ?? 0;
}

/**
 * Each element's China price in the run's first month, US$/t of element (US$/kg × 1000): what the gap-closer tables
 * value extra tonnes at, so cheap La and Ce do not outweigh Nd, Dy and Tb.
 */
export function startPricesUsdPerTonne(result: SimulationResult): number[] {
  return result.elementSymbols.map((_, e) => price(result, 0, e, 0) * 1000);
}

