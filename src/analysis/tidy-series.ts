/**
 * @module analysis/tidy-series
 * Flattens a simulation result into tidy rows — one per month × element × region × stage ×
 * variable, with units — the shape spreadsheets, pandas and R read directly. A series (element ×
 * region × stage × variable) that is non-zero in any month of the window has a row in every month
 * of it, zeros included, so pivots show no gaps; a series that is zero throughout is left out.
 * It reads results only; formatting to CSV/JSON/IAMC is `report/`.
 */
import { tradeEntries, type SimulationResult } from "../engine/index.js";
import { addMonths } from "../model/dates.js";

/** One tidy observation. `element` is "" for whole-product variables (end products, magnets made, facilities). */
export interface TidyRow {
  readonly month: string;
  readonly element: string;
  readonly region: string;
  readonly stage: string;
  readonly variable: string;
  readonly unit: string;
  readonly value: number;
  /** The facility id of a facility variable (`facilityTidyRows`); absent on every other row. */
  readonly facility?: string;
}

const STAGES = ["mine", "separation", "metal", "magnet", "use"] as const;
const FORMS = ["concentrate", "oxide", "metal", "magnet"] as const;
const MARKET_REGIONS = ["market:china-domestic", "market:ex-china"] as const;

/** The variables tidy output can hold, with their units, for documentation and the IAMC mapping. */
export const TIDY_VARIABLES = {
  production: "t",
  "final-use": "t",
  shortfall: "t",
  "stock-working": "t",
  "stock-strategic": "t",
  imports: "t",
  exports: "t",
  price: "US$/kg",
  "magnets-produced": "t magnet",
  "end-products-lost": "units",
  "tariff-paid": "US$",
  "price-floor-payments": "US$",
} as const;

/** Unit of a facility's output by stage (0 mine … 3 magnet). */
const FACILITY_OUTPUT_UNITS = ["t REO", "t REO", "t metal", "t magnet"] as const;

/**
 * The observations of a run in the window, in a stable order (month, then variable, region, element). Each series
 * that is non-zero in some month of the window is complete: its zero months are written too, so a pivot of months
 * against regions or elements has no holes. Series that are zero in every month of the window are left out (a region
 * with no mine never gets mine-production rows). Stock and production use element content; prices are per kg of
 * element in each market.
 */
export function* tidyRows(result: SimulationResult, options: { fromMonth?: number; toMonth?: number } = {}): Generator<TidyRow> {
  // Two passes over the same loops: which series are non-zero somewhere in the window, then every month of those.
  // Every month visits the series in the same order, so a series is its position in that order (`slot`).
  const present: boolean[] = [];
  let slot = 0;
  const mark = (v: number) => {
    if (v !== 0) present[slot] = true;
    slot++;
    return false;
  };
  const keep = (_value: number) => present[slot++] === true; // a non-zero value marked its series in the first pass
  const newMonth = () => { slot = 0; };
  for (const _ of observations(result, options, mark, newMonth)) { /* marking only */ }
  yield* observations(result, options, keep, newMonth);
}

/** The observations of the window that `keep` keeps; `keep` sees every value, in the same order every month. */
function* observations(result: SimulationResult, options: { fromMonth?: number; toMonth?: number }, keep: (value: number) => boolean, newMonth: () => void): Generator<TidyRow> {
  const R = result.regionIds.length;
  const E = result.elementSymbols.length;
  const K = result.sectorIds.length;
  const F = FORMS.length;
  const from = options.fromMonth ?? 0;
  const to = Math.min(options.toMonth ?? result.months, result.months);
  const label = (m: number) => addMonths(result.startMonth, m);
  const row = (m: number, element: string, region: string, stage: string, variable: keyof typeof TIDY_VARIABLES, value: number, unit: string = TIDY_VARIABLES[variable]): TidyRow =>
    ({ month: label(m), element, region, stage, variable, unit, value });

  for (let m = from; m < to; m++) {
    newMonth();
    for (let s = 0; s < 4; s++) for (let r = 0; r < R; r++) for (let e = 0; e < E; e++) {
      const v = result.productionTonnes[((m * 4 + s) * R + r) * E + e] ?? 0;
      if (keep(v)) yield row(m, result.elementSymbols[e] ?? "", result.regionIds[r] ?? "", STAGES[s] ?? "", "production", v);
    }
    for (let r = 0; r < R; r++) for (let e = 0; e < E; e++) {
      let use = 0;
      for (let f = 0; f < F; f++) use += result.finalUseTonnes[((m * R + r) * F + f) * E + e] ?? 0;
      if (keep(use)) yield row(m, result.elementSymbols[e] ?? "", result.regionIds[r] ?? "", "use", "final-use", use);
    }
    for (let e = 0; e < E; e++) for (let r = 0; r < R; r++) for (let s = 1; s < 5; s++) {
      const v = result.shortfallTonnes[((m * E + e) * R + r) * 5 + s] ?? 0;
      if (keep(v)) yield row(m, result.elementSymbols[e] ?? "", result.regionIds[r] ?? "", STAGES[s] ?? "", "shortfall", v);
    }
    for (let r = 0; r < R; r++) for (let f = 0; f < F; f++) for (let e = 0; e < E; e++) {
      const v = result.stockTonnes[((m * R + r) * F + f) * E + e] ?? 0;
      if (keep(v)) yield row(m, result.elementSymbols[e] ?? "", result.regionIds[r] ?? "", STAGES[f] ?? "", "stock-working", v);
    }
    for (let r = 0; r < R; r++) for (let e = 0; e < E; e++) {
      const v = result.strategicStockTonnes[(m * R + r) * E + e] ?? 0;
      if (keep(v)) yield row(m, result.elementSymbols[e] ?? "", result.regionIds[r] ?? "", "separation", "stock-strategic", v);
    }
    if (result.trade.recorded) yield* tradeRows(result, m, row, keep);
    for (let e = 0; e < E; e++) for (let k = 0; k < 2; k++) {
      const v = result.pricesUsdPerKg[(m * E + e) * 2 + k] ?? 0;
      if (keep(v)) yield row(m, result.elementSymbols[e] ?? "", MARKET_REGIONS[k] ?? "", "market", "price", v);
    }
    for (let r = 0; r < R; r++) {
      const v = result.magnetTonnesProduced[m * R + r] ?? 0;
      if (keep(v)) yield row(m, "", result.regionIds[r] ?? "", "magnet", "magnets-produced", v);
    }
    for (let r = 0; r < R; r++) {
      const duty = result.tariffPaidUsd[m * R + r] ?? 0;
      if (keep(duty)) yield row(m, "", result.regionIds[r] ?? "", "market", "tariff-paid", duty);
      const floor = result.priceFloorPaymentsUsd[m * R + r] ?? 0;
      if (keep(floor)) yield row(m, "", result.regionIds[r] ?? "", "market", "price-floor-payments", floor);
    }
    for (let k = 0; k < K; k++) for (let r = 0; r < R; r++) {
      const v = result.endProductsLost[(m * K + k) * R + r] ?? 0;
      const unit = result.sectorEndProductUnit[k] || "units";
      if (keep(v)) yield row(m, "", result.regionIds[r] ?? "", result.sectorIds[k] ?? "", "end-products-lost", v, unit);
    }
  }
}

function* tradeRows(
  result: SimulationResult, m: number,
  row: (m: number, element: string, region: string, stage: string, variable: keyof typeof TIDY_VARIABLES, value: number) => TidyRow,
  keep: (value: number) => boolean,
): Generator<TidyRow> {
  const R = result.regionIds.length;
  const E = result.elementSymbols.length;
  const F = FORMS.length;
  const imports = new Float64Array(R * F * E);
  const exports = new Float64Array(R * F * E);
  for (const { from: a, to: b, element: e, form: f, tonnes: v } of tradeEntries(result.trade, R, E, m)) {
    if (a === b || v === 0) continue;
    const xo = (a * F + f) * E + e;
    const io = (b * F + f) * E + e;
    exports[xo] = (exports[xo] ?? 0) + v;
    imports[io] = (imports[io] ?? 0) + v;
  }
  for (let r = 0; r < R; r++) for (let f = 0; f < F; f++) for (let e = 0; e < E; e++) {
    const i = imports[(r * F + f) * E + e] ?? 0;
    const x = exports[(r * F + f) * E + e] ?? 0;
    const stage = STAGES[f] ?? "";
    if (keep(i)) yield row(m, result.elementSymbols[e] ?? "", result.regionIds[r] ?? "", stage, "imports", i);
    if (keep(x)) yield row(m, result.elementSymbols[e] ?? "", result.regionIds[r] ?? "", stage, "exports", x);
  }
}

/**
 * One row per facility and month for its output (t of its product: concentrate or separated oxide in t REO, t metal,
 * t finished magnet) and its utilisation (share of the capacity available that month in use; separation: feed ÷
 * capacity), with the facility's region and stage. As for the other series, a facility that made something in some
 * month of the window has both rows in every month of it, zeros included (a plant before its start, or stopped, shows
 * 0); a facility that made nothing in the whole window has no row.
 */
export function* facilityTidyRows(result: SimulationResult, options: { fromMonth?: number; toMonth?: number } = {}): Generator<TidyRow> {
  const N = result.facilityIds.length;
  const from = options.fromMonth ?? 0;
  const to = Math.min(options.toMonth ?? result.months, result.months);
  const made = new Uint8Array(N);
  for (let m = from; m < to; m++) for (let i = 0; i < N; i++) if ((result.facilityOutputTonnes[m * N + i] ?? 0) !== 0) made[i] = 1;
  for (let m = from; m < to; m++) {
    const month = addMonths(result.startMonth, m);
    for (let i = 0; i < N; i++) {
      if (made[i] !== 1) continue;
      const stage = result.facilityStage[i] ?? 0;
      const common = { month, element: "", region: result.regionIds[result.facilityRegion[i] ?? 0] ?? "", stage: STAGES[stage] ?? "", facility: result.facilityIds[i] ?? "" };
      yield { ...common, variable: "facility-output", unit: FACILITY_OUTPUT_UNITS[stage] ?? "t", value: result.facilityOutputTonnes[m * N + i] ?? 0 };
      yield { ...common, variable: "facility-utilisation", unit: "share", value: result.facilityUtilisation[m * N + i] ?? 0 };
    }
  }
}
