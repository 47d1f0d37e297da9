/**
 * @module analysis/import-gains
 * Extra imports into one region against a baseline run, by supplier, form and element: the other half of "who closes
 * the gap" for a region, besides its own extra output. Reads recorded trade; never runs anything, and says nothing of
 * regions other than the importer.
 */
import { tradeEntries, type SimulationResult } from "../engine/index.js";
import { FORMS as FORM_NAMES } from "../model/constraints.js";
import { addMonths } from "../model/dates.js";
import type { ImportGain } from "./report-model.js";
import { RESULT_STAGES, startPricesUsdPerTonne } from "./result-access.js";

/** Links whose extra imports are worth less than this are left out, US$: tables show US$ millions to one decimal. */
const MIN_VALUE_USD = 10_000;

/** Forms on the trade axis: concentrate, oxide, metal, magnet (each the product of the stage of the same index). */
const FORMS = 4;

/**
 * Tonnes shipped into `importer` (a region index of `result`) in month `m`, written to `into` by [supplier][form][element]
 * on the compared run's axes: `regionOf` and `elementOf` map `result`'s indices onto them (−1: not there, left out).
 */
function importsInto(result: SimulationResult, importer: number, m: number, regionOf: readonly number[], elementOf: readonly number[], into: Float64Array, E: number): void {
  into.fill(0);
  for (const x of tradeEntries(result.trade, result.regionIds.length, result.elementSymbols.length, m)) {
    if (x.to !== importer || x.from === importer) continue;
    const supplier = regionOf[x.from] ?? -1;
    const element = elementOf[x.element] ?? -1;
    if (supplier < 0 || element < 0) continue;
    into[(supplier * FORMS + x.form) * E + element]! += x.tonnes;
  }
}

/**
 * What other regions shipped `region` beyond what they shipped it in `baseline`, from month index `from` to the end of
 * the shorter run, by supplier, form and element: links with more tonnes than in the baseline worth at least US$ 10,000
 * at the run's first-month China prices, largest value first. Empty when the region is not in both runs or either run did
 * not record trade. Falls from China are not offsets here: a link that shipped less is left out.
 * @example importGains(result, baseline, "EU", 24)[0] // { importer: "EU", supplier: "JP", stage: "magnet", form: "magnet", element: "Nd", … }
 */
export function importGains(result: SimulationResult, baseline: SimulationResult, region: string, from = 0): ImportGain[] {
  const to = result.regionIds.indexOf(region);
  const toBaseline = baseline.regionIds.indexOf(region);
  if (to < 0 || toBaseline < 0 || !result.trade.recorded || !baseline.trade.recorded) return [];
  const R = result.regionIds.length;
  const E = result.elementSymbols.length;
  // The baseline's regions and elements on the result's axes (the same world, so normally the identity).
  const sameRegions = Array.from({ length: R }, (_, i) => i);
  const sameElements = Array.from({ length: E }, (_, i) => i);
  const regionOf = baseline.regionIds.map((id) => result.regionIds.indexOf(id));
  const elementOf = baseline.elementSymbols.map((symbol) => result.elementSymbols.indexOf(symbol));
  const usdPerTonne = startPricesUsdPerTonne(result);
  const months = Math.min(result.months, baseline.months);
  const extra = new Float64Array(R * FORMS * E);
  const firstExtra = new Int32Array(R * FORMS * E).fill(-1);
  const now = new Float64Array(R * FORMS * E);
  const before = new Float64Array(R * FORMS * E);
  for (let m = from; m < months; m++) {
    importsInto(result, to, m, sameRegions, sameElements, now, E);
    importsInto(baseline, toBaseline, m, regionOf, elementOf, before, E);
    for (let k = 0; k < extra.length; k++) {
      const gain = now[k]! - before[k]!;
      extra[k]! += gain;
      if (firstExtra[k]! < 0 && gain > 0.01 * Math.max(before[k]!, 1)) firstExtra[k] = m;
    }
  }
  const out: ImportGain[] = [];
  for (let k = 0; k < extra.length; k++) {
    const element = k % E;
    const form = Math.floor(k / E) % FORMS;
    const supplier = Math.floor(k / (E * FORMS));
    const tonnes = extra[k]!;
    const value = tonnes * usdPerTonne[element]!;
    if (!(tonnes > 0 && value >= MIN_VALUE_USD)) continue;
    out.push({
      importer: region, supplier: result.regionIds[supplier] ?? "", stage: RESULT_STAGES[form] ?? "", form: FORM_NAMES[form] ?? "", element: result.elementSymbols[element] ?? "",
      extraTonnes: tonnes, extraValueUsd: value, fromMonth: firstExtra[k]! < 0 ? undefined : addMonths(result.startMonth, firstExtra[k]!),
    });
  }
  return out.sort((a, b) => b.extraValueUsd - a.extraValueUsd);
}
