/**
 * @module analysis/run-report
 * Builds the `RunReport` a user reads from one simulation result (and a baseline run to compare
 * with): shortage episodes, price extremes and paths, end products lost, who closed the gap,
 * concentration by stage, flow graphs and the policy timeline. Reads results; never runs anything.
 */
import { tradeEntries, type SimulationResult } from "../engine/index.js";
import { addMonths, dayNumberOf, monthOffset } from "../model/dates.js";
import type { World } from "../model/world-schema.js";
import type { ResolvedScenario } from "../scenario/index.js";
import { prepareScenario } from "../scenario/prepare.js";
import { addedPlants } from "./added-plants.js";
import { flowGraphForMonth } from "./flow-graph.js";
import { importGains } from "./import-gains.js";
import { madeHereShortHere } from "./made-here-short-here.js";
import type {
  ChinaOriginPeriods, ChinaOriginShare, ChinaSupplyChange, ConcentrationPoint, EndProductLoss, EndProductPath, GapCloser, PolicyCost, MonthSeries, PriceSummary, RegionOutput, RunReport, ShortageEpisode, TimelineEntry,
} from "./report-model.js";
import { finalUse, isShortage, monthLabels, price, production, RESULT_STAGES, shortageOf, shortfall, startPricesUsdPerTonne } from "./result-access.js";
import { plantShortfalls } from "./plant-shortfalls.js";
import { sectorShortfalls } from "./sector-shortfalls.js";
import { stagePlantsOf } from "./stage-capacity.js";
import { WORSE_THAN_BASELINE_RATIO } from "./report-thresholds.js";

/** What a report needs besides the result. */
export interface RunReportContext {
  readonly scenario: ResolvedScenario;
  readonly world: World;
  /**
   * The run to compare with. `world`: the world it compiled (its scenario's overrides and new capacity applied,
   * `prepareScenario(…).world`), so "plants this scenario adds" are those it does not have; without it they are measured
   * against the world as the dataset has it.
   */
  readonly baseline?: { readonly name: string; readonly result: SimulationResult; readonly world?: World };
  /**
   * First month (`YYYY-MM`) of the reporting window (`--from`): every summary (episodes, prices, end products lost,
   * gap closers, supply from China, costs, provenance, concentration, flow months) covers this month to the run's end.
   * The run itself still starts at its own start, so stocks and prices carry that history; month series stay whole.
   * @default the run's first month
   */
  readonly reportFrom?: string;
  /** A region to follow (`--region`): with a baseline, the report carries the extra imports into it (`importGains`). */
  readonly region?: string;
}

/** Month index of `reportFrom` in the run; throws when it is outside the run (the CLI checks it first). */
function windowStart(result: SimulationResult, reportFrom: string | undefined): number {
  if (reportFrom === undefined) return 0;
  const from = monthOffset(result.startMonth, reportFrom);
  if (!Number.isInteger(from) || from < 0 || from >= result.months) throw new RangeError(`reportFrom ${reportFrom}: outside the run (${result.startMonth} + ${result.months} months)`);
  return from;
}

/** Build the report of one run. */
export function buildRunReport(result: SimulationResult, context: RunReportContext): RunReport {
  const { scenario, world } = context;
  const labels = monthLabels(result);
  const from = windowStart(result, context.reportFrom);
  const shortages = context.baseline === undefined ? shortageEpisodes(result, from) : markBaselineEpisodes(shortageEpisodes(result, from), context.baseline.result);
  const madeHere = madeHereOf(result, from);
  return {
    title: scenario.name,
    scenario: {
      name: scenario.name, description: scenario.description, startMonth: scenario.startMonth,
      months: scenario.months, seed: scenario.seed, extendsChain: scenario.extendsChain,
    },
    dataset: { name: world.dataset.name, version: world.dataset.version },
    baselineName: context.baseline?.name,
    monthLabels: labels,
    window: { from: labels[from] ?? scenario.startMonth, to: labels[labels.length - 1] ?? scenario.startMonth },
    timeline: policyTimeline(scenario),
    shortages,
    prices: priceSummaries(result, from),
    pricePaths: pricePaths(result),
    shortfallByElement: shortfallSeries(result, "element"),
    shortfallByRegion: shortfallSeries(result, "region"),
    endProductsLost: endProductLosses(result, world, from, context.baseline?.result),
    endProductsLostPaths: endProductPaths(result, world),
    sectorShortfalls: sectorShortfalls(result, world, from),
    plantShortfalls: plantShortfalls(result, world, { baseline: context.baseline?.result, from }),
    addedPlants: addedPlantsOf(result, context, from, madeHere),
    gapClosers: context.baseline === undefined ? [] : gapClosers(result, context.baseline.result, from),
    ...(context.baseline === undefined || context.region === undefined ? {} : { importGains: importGains(result, context.baseline.result, context.region, from) }),
    chinaSupplyChanges: context.baseline === undefined ? [] : chinaSupplyChanges(result, context.baseline.result, from),
    regionOutputs: regionOutputs(result, from),
    madeHereShortHere: madeHere,
    policyCosts: policyCosts(result, from),
    ...chinaOrigin(result, from),
    chinaShareByStage: chinaShareByStage(result),
    concentration: RESULT_STAGES.map((stage, s) => ({ stage, atStart: concentrationAt(result, firstActiveMonth(result, from), s), atEnd: concentrationAt(result, result.months - 1, s) })),
    flowGraphs: flowGraphMonths(result, from).map((m) => flowGraphForMonth(result, m)).filter((g) => g.links.length > 0),
    warnings: result.warnings,
  };
}

/**
 * The plants the scenario adds or brings forward: against the baseline run's compiled world when the context has it,
 * else against the dataset's world (the run's own world is its scenario prepared again: pure and cheap).
 */
function addedPlantsOf(result: SimulationResult, context: RunReportContext, from: number, madeHere: ReturnType<typeof madeHereOf>) {
  const { scenario, world, baseline } = context;
  const runWorld = prepareScenario(scenario, world).world;
  const reference = baseline?.world === undefined ? { kind: "world" as const, world } : { kind: "baseline" as const, world: baseline.world, result: baseline.result };
  return addedPlants(result, { runWorld, reference, baseline: baseline?.result, plants: stagePlantsOf(result), madeHere, from });
}

/** "Made here, short here" rows of a run: its plants and their capacity are those the run's engine recorded. */
function madeHereOf(result: SimulationResult, from: number) {
  return madeHereShortHere(result, stagePlantsOf(result), { from, domesticPriorityShare: [...result.domesticPriorityShare] });
}

/** Import duty (by importer) and price-floor top-ups (by producing region) from month index `from` to the run's end, by calendar year. */
export function policyCosts(result: SimulationResult, from = 0): PolicyCost[] {
  const R = result.regionIds.length;
  const costs: PolicyCost[] = [];
  const series: [PolicyCost["kind"], Float64Array][] = [["import-duty", result.tariffPaidUsd], ["price-floor", result.priceFloorPaymentsUsd]];
  for (const [kind, usdByMonthRegion] of series) {
    for (let r = 0; r < R; r++) {
      const byYear = new Map<string, number>();
      let total = 0;
      for (let m = from; m < result.months; m++) {
        const usd = usdByMonthRegion[m * R + r] ?? 0;
        if (usd === 0) continue;
        const year = addMonths(result.startMonth, m).slice(0, 4);
        byYear.set(year, (byYear.get(year) ?? 0) + usd);
        total += usd;
      }
      if (!(total > 0)) continue;
      const years = [...byYear].map(([year, usd]) => ({ year, usd }));
      const peak = years.reduce((a, b) => (b.usd > a.usd ? b : a));
      costs.push({ kind, region: result.regionIds[r] ?? "", totalUsd: total, byYear: years, peakYear: peak.year });
    }
  }
  return costs.sort((a, b) => b.totalUsd - a.totalUsd);
}

/** The magnet elements whose provenance reports show. */
const ORIGIN_ELEMENTS = ["Nd", "Pr", "Dy", "Tb"] as const;
/** Regions using less of them than this a year are left out of the provenance tables, t. */
const ORIGIN_MIN_USE_TONNES = 1;

/**
 * China-origin shares of ex-China regions' use of Nd, Pr, Dy and Tb over the first and last 12 months from month index
 * `from` to the run's end (empty when origins were not recorded); the monthly series cover the whole run.
 */
export function chinaOrigin(result: SimulationResult, from = 0): { chinaOrigin: ChinaOriginShare[]; chinaOriginByRegion: MonthSeries[]; chinaOriginPeriods: ChinaOriginPeriods } {
  const R = result.regionIds.length;
  const E = result.elementSymbols.length;
  const cn = result.regionIds.indexOf("CN");
  const use = result.useByOriginTonnes;
  // The first and the last 12 months of the window; in windows shorter than two years, the first and the second half (never overlapping).
  const year = Math.max(1, Math.min(12, Math.floor((result.months - from) / 2)));
  const labels = monthLabels(result);
  const chinaOriginPeriods = { first: periodLabel(labels, from, from + year), last: periodLabel(labels, result.months - year, result.months) };
  if (use.length === 0 || cn < 0) return { chinaOrigin: [], chinaOriginByRegion: [], chinaOriginPeriods };
  const elements = ORIGIN_ELEMENTS.map((symbol) => result.elementSymbols.indexOf(symbol)).filter((e) => e >= 0);
  // Use and its China-origin part, t; [month][region][element index in `elements`].
  const used = (m: number, r: number, e: number) => {
    let total = 0;
    for (let o = 0; o < R; o++) total += use[((m * R + r) * E + e) * R + o] ?? 0;
    return { total, china: use[((m * R + r) * E + e) * R + cn] ?? 0 };
  };
  const over = (r: number, e: number, from: number, to: number) => {
    let total = 0;
    let china = 0;
    for (let m = from; m < to; m++) {
      const u = used(m, r, e);
      total += u.total;
      china += u.china;
    }
    return { total, share: total > 0 ? china / total : 0 };
  };
  const shares: ChinaOriginShare[] = [];
  const series: MonthSeries[] = [];
  for (let r = 0; r < R; r++) {
    if (r === cn) continue;
    const last = elements.map((e) => over(r, e, result.months - year, result.months));
    if (last.reduce((a, x) => a + x.total, 0) < ORIGIN_MIN_USE_TONNES) continue;
    elements.forEach((e, k) => {
      if (last[k]!.total <= 0) return;
      shares.push({
        region: result.regionIds[r] ?? "", element: result.elementSymbols[e] ?? "",
        firstYearShare: over(r, e, from, from + year).share, lastYearShare: last[k]!.share, lastYearUseTonnes: last[k]!.total,
      });
    });
    series.push({
      label: result.regionIds[r] ?? "", unit: "%",
      values: Array.from({ length: result.months }, (_, m) => {
        let total = 0;
        let china = 0;
        for (const e of elements) {
          const u = used(m, r, e);
          total += u.total;
          china += u.china;
        }
        return total > 0 ? (100 * china) / total : 0;
      }),
    });
  }
  return { chinaOrigin: shares, chinaOriginByRegion: series, chinaOriginPeriods };
}

/** "2024" for a calendar year, else "2025-04 – 2026-03" (one month: "2025-04"). */
function periodLabel(labels: readonly string[], from: number, to: number): string {
  const first = labels[from] ?? "";
  const last = labels[to - 1] ?? first;
  if (to - from === 12 && first.endsWith("-01")) return first.slice(0, 4);
  return first === last ? first : `${first} – ${last}`;
}

/** The first month from `from` on with any production (the engine may leave a spin-up month empty). */
function firstActiveMonth(result: SimulationResult, from = 0): number {
  for (let m = from; m < result.months; m++) if (production(result, m, 0, -1) > 0) return m;
  return from;
}

export { WORSE_THAN_BASELINE_RATIO };

/**
 * The baseline run's month indices `first` to `last` (inclusive) of the calendar months `firstMonth` to `lastMonth`
 * (`YYYY-MM`), clipped to the baseline's run: the one rule by which every "baseline" figure of a report (shortage
 * episodes, end products lost) covers the same months as the run's own figure. Empty (`first > last`) when they do not overlap.
 */
export function baselineMonths(baseline: SimulationResult, firstMonth: string, lastMonth: string): { first: number; last: number } {
  return { first: Math.max(0, monthOffset(baseline.startMonth, firstMonth)), last: Math.min(baseline.months - 1, monthOffset(baseline.startMonth, lastMonth)) };
}

/**
 * Each episode with what the baseline run had in the same element, region and stage over the same months
 * (`baselineMonths`): `baselinePeakShareOfDemand`, the baseline's largest unmet share of need in those months (0 when
 * never above the 1 % threshold), and `baselineTotalTonnes`, its tonnes short in the months it was. Where the baseline
 * was short there at all, exactly one mark: `worseThanBaseline` when the episode is deeper or longer — its peak or its
 * total at least `WORSE_THAN_BASELINE_RATIO` times the baseline's (100 % against 56 %; or the same peak held seven years
 * longer); `milderThanBaseline` when both its peak and its total are at most the baseline's divided by that ratio (the
 * scenario eased a shortage the baseline has); `alsoInBaseline` otherwise (about as deep and as long: not the
 * scenario's doing).
 */
export function markBaselineEpisodes(episodes: readonly ShortageEpisode[], baseline: SimulationResult): ShortageEpisode[] {
  return episodes.map((x) => {
    const e = baseline.elementSymbols.indexOf(x.element);
    const r = baseline.regionIds.indexOf(x.region);
    const s = (RESULT_STAGES as readonly string[]).indexOf(x.stage);
    let peak = 0;
    let total = 0;
    if (e >= 0 && r >= 0 && s > 0) {
      const { first, last } = baselineMonths(baseline, x.startMonth, x.endMonth);
      for (let m = first; m <= last; m++) {
        const shortage = shortageOf(baseline, m, e, r, s);
        if (!isShortage(shortage)) continue;
        peak = Math.max(peak, shortage.share);
        total += shortage.tonnes;
      }
    }
    const ratio = WORSE_THAN_BASELINE_RATIO;
    const worse = peak > 0 && (x.peakShareOfDemand >= ratio * peak || x.totalTonnes >= ratio * total);
    const milder = peak > 0 && !worse && x.peakShareOfDemand * ratio <= peak && x.totalTonnes * ratio <= total;
    return {
      ...x, baselinePeakShareOfDemand: peak, baselineTotalTonnes: total,
      alsoInBaseline: peak > 0 && !worse && !milder, worseThanBaseline: worse, milderThanBaseline: milder,
    };
  });
}

/**
 * Contiguous runs of months in which an element's shortfall in a region and stage exceeds the threshold, within the
 * window from month index `from` to the run's end: an episode that began earlier is cut at the window's start (its
 * months, peak and total are the window's) and keeps its true first month as `beganMonth`.
 */
export function shortageEpisodes(result: SimulationResult, from = 0): ShortageEpisode[] {
  const R = result.regionIds.length;
  const E = result.elementSymbols.length;
  const episodes: ShortageEpisode[] = [];
  for (let e = 0; e < E; e++) for (let r = 0; r < R; r++) for (let s = 1; s <= 4; s++) {
    let open: { began: number; peak: number; peakShare: number; total: number } | undefined;
    const close = (end: number) => {
      if (open === undefined) return;
      // Scanned from the run's start so an episode's true beginning is known; one that ended before the window is not reported.
      if (end >= from) {
        const start = Math.max(open.began, from);
        episodes.push({
          element: result.elementSymbols[e] ?? "", region: result.regionIds[r] ?? "", stage: RESULT_STAGES[s] ?? "",
          startMonth: addMonths(result.startMonth, start), endMonth: addMonths(result.startMonth, end),
          durationMonths: end - start + 1, peakTonnesPerMonth: open.peak, peakShareOfDemand: open.peakShare, totalTonnes: open.total,
          ...(open.began < from ? { beganMonth: addMonths(result.startMonth, open.began) } : {}),
        });
      }
      open = undefined;
    };
    for (let m = 0; m < result.months; m++) {
      const shortage = shortageOf(result, m, e, r, s);
      const { tonnes: lack, share } = shortage;
      if (isShortage(shortage)) {
        open ??= { began: m, peak: 0, peakShare: 0, total: 0 };
        if (m < from) continue;
        open.peak = Math.max(open.peak, lack);
        open.peakShare = Math.max(open.peakShare, share);
        open.total += lack;
      } else close(m - 1);
    }
    close(result.months - 1);
  }
  return episodes.sort((a, b) => b.totalTonnes - a.totalTonnes);
}

const MARKET_NAMES = ["china", "ex-china"] as const;

function elementsWithPrices(result: SimulationResult): number[] {
  return result.elementSymbols.map((_, e) => e).filter((e) => price(result, result.months - 1, e, 0) > 0 || price(result, 0, e, 0) > 0);
}

/** Price of each priced element in each market at the start of the window (month index `from`), its peak from then on, and at the end. */
export function priceSummaries(result: SimulationResult, from = 0): PriceSummary[] {
  const out: PriceSummary[] = [];
  const first = firstActiveMonth(result, from);
  for (const e of elementsWithPrices(result)) {
    for (const k of [0, 1] as const) {
      let peak = -Infinity;
      let peakMonth = first;
      for (let m = first; m < result.months; m++) {
        const p = price(result, m, e, k);
        if (p > peak) { peak = p; peakMonth = m; }
      }
      out.push({
        element: result.elementSymbols[e] ?? "", market: MARKET_NAMES[k],
        startUsdPerKg: price(result, first, e, k), peakUsdPerKg: peak, peakMonth: addMonths(result.startMonth, peakMonth),
        endUsdPerKg: price(result, result.months - 1, e, k),
        peakAtBackstop: peak >= (result.backstopPriceUsdPerKg[e * 2 + k] ?? Infinity) * (1 - 1e-12),
      });
    }
  }
  return out;
}

function pricePaths(result: SimulationResult): MonthSeries[] {
  const out: MonthSeries[] = [];
  for (const e of elementsWithPrices(result)) {
    for (const k of [0, 1] as const) {
      out.push({
        label: `${result.elementSymbols[e]} ${k === 0 ? "China" : "ex-China"}`, unit: "US$/kg",
        values: Array.from({ length: result.months }, (_, m) => price(result, m, e, k)),
      });
    }
  }
  return out;
}

function shortfallSeries(result: SimulationResult, by: "element" | "region"): MonthSeries[] {
  const ids = by === "element" ? result.elementSymbols : result.regionIds;
  return ids
    .map((id, i) => ({
      label: id, unit: "t/month",
      values: Array.from({ length: result.months }, (_, m) => (by === "element" ? shortfall(result, m, i, -1, 4) : shortfall(result, m, -1, i, 4))),
    }))
    .filter((s) => s.values.some((v) => v > 1e-6));
}

/** Each sector's names, unit and end product (the world's: `name`, with its caveat, and magnet per unit), by sector id. */
function sectorNames(world: World): Map<string, { name: string; shortName: string; unit: string; endProduct: { name: string; magnetKgPerUnit: number } | undefined }> {
  return new Map(world.sectors.map((s) => [s.id, {
    name: s.name, shortName: s.shortName ?? s.name, unit: s.use === "magnet" ? s.endProduct?.unit ?? "t magnet" : "t REO",
    endProduct: s.use === "magnet" && s.endProduct !== undefined ? { name: s.endProduct.name, magnetKgPerUnit: s.endProduct.magnetKgPerUnit } : undefined,
  }]));
}

/** Units of sector `k` lost in region `r` over a run's month indices `first` to `last` inclusive, and the worst month. */
function unitsLost(result: SimulationResult, k: number, r: number, first: number, last: number): { total: number; peak: number; peakMonth: number } {
  const K = result.sectorIds.length;
  const R = result.regionIds.length;
  let total = 0;
  let peak = 0;
  let peakMonth = first;
  for (let m = first; m <= last; m++) {
    const v = result.endProductsLost[(m * K + k) * R + r] ?? 0;
    total += v;
    if (v > peak) { peak = v; peakMonth = m; }
  }
  return { total, peak, peakMonth };
}

/**
 * End products lost by sector and region from month index `from` to the run's end. With a baseline run, each row
 * carries what the baseline lost in the same sector, region and months (`baselineMonths`, as the shortage episodes'
 * baseline column) and the difference, and a sector-region that lost units only in the baseline has a row too (0 lost).
 */
export function endProductLosses(result: SimulationResult, world: World, from: number, baseline?: SimulationResult): EndProductLoss[] {
  const names = sectorNames(world);
  const recipes = magnetRecipes(result, world);
  const K = result.sectorIds.length;
  const R = result.regionIds.length;
  const labels = monthLabels(result);
  const window = baseline === undefined ? undefined : baselineMonths(baseline, labels[from] ?? result.startMonth, labels[result.months - 1] ?? result.startMonth);
  const out: EndProductLoss[] = [];
  for (let k = 0; k < K; k++) for (let r = 0; r < R; r++) {
    const { total, peakMonth } = unitsLost(result, k, r, from, result.months - 1);
    const id = result.sectorIds[k] ?? "";
    const kb = baseline === undefined ? -1 : baseline.sectorIds.indexOf(id);
    const rb = baseline === undefined ? -1 : baseline.regionIds.indexOf(result.regionIds[r] ?? "");
    const baselineTotal = baseline === undefined || window === undefined ? undefined : kb < 0 || rb < 0 ? 0 : unitsLost(baseline, kb, rb, window.first, window.last).total;
    if (total <= 1e-9 && !((baselineTotal ?? 0) > 1e-9)) continue;
    const info = names.get(id);
    const why = total > 1e-9 ? bindingElements(result, recipes.get(id) ?? [], k, r, from) : { elements: [], share: 0 };
    const kg = info?.endProduct?.magnetKgPerUnit;
    out.push({
      sector: id, sectorName: info?.name ?? id, sectorShortName: info?.shortName ?? id, unit: result.sectorEndProductUnit[k] || info?.unit || "units", region: result.regionIds[r] ?? "",
      ...(info?.endProduct === undefined ? {} : { endProductName: info.endProduct.name, magnetKgPerUnit: info.endProduct.magnetKgPerUnit }),
      totalUnits: total, ...(kg === undefined ? {} : { magnetTonnes: (total * kg) / 1000 }),
      ...(baselineTotal === undefined ? {} : { baselineTotalUnits: baselineTotal, differenceUnits: total - baselineTotal }),
      peakMonth: total > 1e-9 ? addMonths(result.startMonth, peakMonth) : "–", shortOf: why.elements, unmetShareOfNeed: why.share,
    });
  }
  return out.sort((a, b) => b.totalUnits - a.totalUnits || (b.baselineTotalUnits ?? 0) - (a.baselineTotalUnits ?? 0));
}

/** Element indices of each magnet sector's grade recipe, by sector id. */
function magnetRecipes(result: SimulationResult, world: World): Map<string, number[]> {
  const grades = new Map(world.magnetGrades.map((g) => [g.id, g]));
  const out = new Map<string, number[]>();
  for (const s of world.sectors) {
    if (s.use !== "magnet") continue;
    const grade = grades.get(s.magnetGrade);
    if (grade === undefined) continue;
    out.set(s.id, Object.entries(grade.elementsWeightPercent).filter(([, v]) => (v ?? 0) > 0).map(([symbol]) => result.elementSymbols.indexOf(symbol)).filter((e) => e >= 0));
  }
  return out;
}

/**
 * The recipe elements most short at region `r`'s use stage over the months sector `k` lost units there, and that share
 * of their need unmet (need = final use + shortfall at the use stage; magnets and other uses of the element together).
 */
function bindingElements(result: SimulationResult, recipe: readonly number[], k: number, r: number, from: number): { elements: string[]; share: number } {
  const K = result.sectorIds.length;
  const R = result.regionIds.length;
  const shares = recipe.map((e) => {
    let short = 0;
    let used = 0;
    for (let m = from; m < result.months; m++) {
      if (!((result.endProductsLost[(m * K + k) * R + r] ?? 0) > 0)) continue;
      short += shortfall(result, m, e, r, 4);
      used += finalUse(result, m, r, e);
    }
    return { e, share: short + used > 0 ? short / (short + used) : 0 };
  });
  const top = Math.max(0, ...shares.map((s) => s.share));
  if (!(top > 0)) return { elements: [], share: 0 };
  const elements = shares.filter((s) => s.share >= top - 0.01).map((s) => result.elementSymbols[s.e] ?? "");
  return { elements, share: top };
}

/** End products lost per month by sector (all regions), labelled with the sector's full name and carrying its id and short name. */
function endProductPaths(result: SimulationResult, world: World): EndProductPath[] {
  const names = sectorNames(world);
  const K = result.sectorIds.length;
  const R = result.regionIds.length;
  return result.sectorIds
    .map((id, k) => ({
      label: names.get(id)?.name ?? id, unit: result.sectorEndProductUnit[k] || "units", sector: id, sectorShortName: names.get(id)?.shortName ?? id,
      values: Array.from({ length: result.months }, (_, m) => {
        let t = 0;
        for (let r = 0; r < R; r++) t += result.endProductsLost[(m * K + k) * R + r] ?? 0;
        return t;
      }),
    }))
    .filter((s) => s.values.some((v) => v > 1e-9));
}

/**
 * Extra output against the baseline by region and stage from month index `from` to the end, largest value first: region-stages that made more tonnes
 * and more value (at start prices) than in the baseline. One that made fewer tonnes of a dearer mix opened a gap,
 * it did not close one, and is left out.
 */
export function gapClosers(result: SimulationResult, baseline: SimulationResult, from = 0): GapCloser[] {
  const out: GapCloser[] = [];
  const months = Math.min(result.months, baseline.months);
  const E = result.elementSymbols.length;
  const usdPerTonne = startPricesUsdPerTonne(result);
  for (let s = 0; s < 4; s++) for (let r = 0; r < result.regionIds.length; r++) {
    const rb = baseline.regionIds.indexOf(result.regionIds[r] ?? "");
    if (rb < 0) continue;
    let extra = 0;
    let firstExtra: number | undefined;
    const byElement = new Float64Array(E);
    for (let m = from; m < months; m++) {
      const a = production(result, m, s, r);
      const b = production(baseline, m, s, rb);
      extra += a - b;
      for (let e = 0; e < E; e++) byElement[e]! += production(result, m, s, r, [e]) - production(baseline, m, s, rb, [e]);
      if (firstExtra === undefined && a - b > 0.01 * Math.max(b, 1)) firstExtra = m;
    }
    let value = 0;
    for (let e = 0; e < E; e++) value += byElement[e]! * usdPerTonne[e]!;
    if (value > 1 && extra > 0) {
      // The elements that weigh most in the value (a gain or a loss), so a net figure that hides a change of mix says so.
      const mainElements = [...byElement.keys()]
        .filter((e) => Math.abs(byElement[e]!) >= 0.5)
        .sort((x, y) => Math.abs(byElement[y]! * usdPerTonne[y]!) - Math.abs(byElement[x]! * usdPerTonne[x]!))
        .slice(0, 3)
        .map((e) => ({ element: result.elementSymbols[e] ?? "", extraTonnes: byElement[e]! }));
      out.push({ region: result.regionIds[r] ?? "", stage: RESULT_STAGES[s] ?? "", extraTonnes: extra, extraValueUsd: value, fromMonth: firstExtra === undefined ? undefined : addMonths(result.startMonth, firstExtra), mainElements });
    }
  }
  // All of them (the views show the largest 12; a view of one region filters the full list).
  return out.sort((a, b) => b.extraValueUsd - a.extraValueUsd);
}

/** Regions getting less than this from China over the run in both runs (magnets and Dy + Tb together) are left out, t. */
const CHINA_SUPPLY_MIN_TONNES = 1;

/**
 * Each importing region's magnets (all elements' content) and Dy + Tb oxide and metal from China, from month index `from`
 * to the end of the run and of the baseline, with the months its magnets from China fell below half of the baseline's; largest baseline first.
 */
export function chinaSupplyChanges(result: SimulationResult, baseline: SimulationResult, from = 0): ChinaSupplyChange[] {
  const cn = result.regionIds.indexOf("CN");
  if (cn < 0 || !result.trade.recorded || !baseline.trade.recorded) return [];
  const months = Math.min(result.months, baseline.months);
  const heavy = ["Dy", "Tb"].map((symbol) => result.elementSymbols.indexOf(symbol));
  // Tonnes by [region][kind] per month: kind 0 magnets, 1 Dy + Tb oxide or metal.
  const tally = (r: SimulationResult, m: number): Float64Array => {
    const out = new Float64Array(r.regionIds.length * 2);
    for (const x of tradeEntries(r.trade, r.regionIds.length, r.elementSymbols.length, m)) {
      if (x.from !== cn || x.to === cn) continue;
      if (x.form === 3) out[x.to * 2]! += x.tonnes;
      else if ((x.form === 1 || x.form === 2) && heavy.includes(x.element)) out[x.to * 2 + 1]! += x.tonnes;
    }
    return out;
  };
  const R = result.regionIds.length;
  const sums = new Float64Array(R * 4);
  const below = new Int32Array(R);
  const firstBelow = new Int32Array(R).fill(-1);
  for (let m = from; m < months; m++) {
    const a = tally(result, m);
    const b = tally(baseline, m);
    for (let r = 0; r < R; r++) {
      sums[r * 4]! += a[r * 2]!;
      sums[r * 4 + 1]! += b[r * 2]!;
      sums[r * 4 + 2]! += a[r * 2 + 1]!;
      sums[r * 4 + 3]! += b[r * 2 + 1]!;
      if (b[r * 2]! > 0 && a[r * 2]! < 0.5 * b[r * 2]!) {
        below[r]!++;
        if (firstBelow[r]! < 0) firstBelow[r] = m;
      }
    }
  }
  const out: ChinaSupplyChange[] = [];
  for (let r = 0; r < R; r++) {
    if (r === cn || sums[r * 4 + 1]! + sums[r * 4 + 3]! + sums[r * 4]! + sums[r * 4 + 2]! < CHINA_SUPPLY_MIN_TONNES) continue;
    out.push({
      region: result.regionIds[r] ?? "",
      magnetTonnes: sums[r * 4]!, magnetTonnesBaseline: sums[r * 4 + 1]!,
      heavyOxideMetalTonnes: sums[r * 4 + 2]!, heavyOxideMetalTonnesBaseline: sums[r * 4 + 3]!,
      magnetMonthsBelowHalf: below[r]!,
      firstMagnetMonthBelowHalf: firstBelow[r]! < 0 ? undefined : addMonths(result.startMonth, firstBelow[r]!),
    });
  }
  return out.sort((a, b) => b.magnetTonnesBaseline + b.heavyOxideMetalTonnesBaseline - (a.magnetTonnesBaseline + a.heavyOxideMetalTonnesBaseline));
}

/** Elements whose output and destinations the report follows, and the least tonnage worth a row. */
const OUTPUT_ELEMENTS = ["Nd", "Pr", "Dy", "Tb"] as const;
const OUTPUT_MIN_TONNES = 1;

/**
 * Each region's output of Nd, Pr, Dy and Tb at each producing stage (mine: content of its concentrate; separation:
 * oxide; metal; magnet: content) from month index `from` to the end of the run, and what it shipped to other regions
 * of that form (recorded trade, so empty when trade was not recorded), with the three largest destinations.
 */
export function regionOutputs(result: SimulationResult, from = 0): RegionOutput[] {
  const R = result.regionIds.length;
  const E = result.elementSymbols.length;
  const elements = OUTPUT_ELEMENTS.map((symbol) => result.elementSymbols.indexOf(symbol)).filter((e) => e >= 0);
  const produced = new Float64Array(R * 4 * E);
  const shipped = new Float64Array(R * 4 * E * R);
  for (let m = from; m < result.months; m++) {
    for (let r = 0; r < R; r++) for (let stage = 0; stage < 4; stage++) for (const e of elements) produced[(r * 4 + stage) * E + e]! += result.productionTonnes[((m * 4 + stage) * R + r) * E + e] ?? 0;
    if (!result.trade.recorded) continue;
    // A stage's output travels as the form of the same index (concentrate, oxide, metal, magnets).
    for (const x of tradeEntries(result.trade, R, E, m)) if (x.from !== x.to && elements.includes(x.element)) shipped[((x.from * 4 + x.form) * E + x.element) * R + x.to]! += x.tonnes;
  }
  const out: RegionOutput[] = [];
  for (let r = 0; r < R; r++) {
    for (let stage = 0; stage < 4; stage++) {
      for (const e of elements) {
        const row = ((r * 4 + stage) * E + e) * R;
        let exported = 0;
        const destinations: { region: string; tonnes: number }[] = [];
        for (let to = 0; to < R; to++) {
          const tonnes = shipped[row + to]!;
          if (tonnes <= 0) continue;
          exported += tonnes;
          destinations.push({ region: result.regionIds[to] ?? "", tonnes });
        }
        const made = produced[(r * 4 + stage) * E + e]!;
        if (made < OUTPUT_MIN_TONNES && exported < OUTPUT_MIN_TONNES) continue;
        destinations.sort((a, b) => b.tonnes - a.tonnes);
        out.push({ region: result.regionIds[r] ?? "", stage: RESULT_STAGES[stage]!, element: result.elementSymbols[e] ?? "", producedTonnes: made, exportedTonnes: exported, destinations: destinations.slice(0, 3) });
      }
    }
  }
  return out;
}

function stageTotals(result: SimulationResult, month: number, stage: number): number[] {
  return result.regionIds.map((_, r) => (stage === 4 ? finalUse(result, month, r, -1) : production(result, month, stage, r)));
}

/** China's share of each stage's output (use: of final use) by month, %. */
function chinaShareByStage(result: SimulationResult): MonthSeries[] {
  const cn = result.regionIds.indexOf("CN");
  return RESULT_STAGES.map((stage, s) => ({
    label: stage, unit: "%",
    values: Array.from({ length: result.months }, (_, m) => {
      const totals = stageTotals(result, m, s);
      const sum = totals.reduce((a, b) => a + b, 0);
      return sum > 0 && cn >= 0 ? (100 * (totals[cn] ?? 0)) / sum : 0;
    }),
  }));
}

/** Top region, its share, China's share and the HHI of a stage in a month. */
export function concentrationAt(result: SimulationResult, month: number, stage: number): ConcentrationPoint {
  const totals = stageTotals(result, month, stage);
  const sum = totals.reduce((a, b) => a + b, 0);
  if (sum <= 0) return { topRegion: "–", topShare: 0, chinaShare: 0, hhi: 0 };
  let top = 0;
  totals.forEach((t, r) => { if (t > (totals[top] ?? 0)) top = r; });
  const cn = result.regionIds.indexOf("CN");
  return {
    topRegion: result.regionIds[top] ?? "", topShare: (totals[top] ?? 0) / sum,
    chinaShare: cn >= 0 ? (totals[cn] ?? 0) / sum : 0,
    hhi: totals.reduce((h, t) => h + (100 * t / sum) ** 2, 0),
  };
}

/** Months worth a Sankey: the window's first, its worst shortage month, and the last. */
function flowGraphMonths(result: SimulationResult, from: number): number[] {
  const first = firstActiveMonth(result, from);
  let worst = first;
  let worstTonnes = 0;
  for (let m = from; m < result.months; m++) {
    const t = shortfall(result, m, -1, -1, 4);
    if (t > worstTonnes) { worstTonnes = t; worst = m; }
  }
  return [...new Set([first, worst, result.months - 1])].sort((a, b) => a - b);
}

/**
 * Each policy's windows that start within the run (a run cut short by `--to` leaves out what starts after it; a window
 * keeps its own end date even when that falls after the run's end).
 */
function policyTimeline(scenario: ResolvedScenario): TimelineEntry[] {
  const day = (d: number) => new Date(d * 86_400_000).toISOString().slice(0, 10);
  const runEndDay = dayNumberOf(addMonths(scenario.startMonth, scenario.months));
  return scenario.policies
    .map((p) => ({ p, windows: p.activeWindows.filter((w) => w.fromDay < runEndDay) }))
    .filter(({ windows }) => windows.length > 0)
    .map(({ p, windows }) => ({
      id: p.policy.id, kind: p.policy.kind, title: p.policy.title ?? p.policy.id, reference: p.policy.reference ?? "",
      windows: windows.map((w) => ({ from: day(w.fromDay), until: Number.isFinite(w.untilDay) ? day(w.untilDay) : undefined })),
      ...(p.policy.kind === "new-capacity" ? { effect: newCapacityEffect(p.policy, windows[0]?.fromDay) } : {}),
      ...("issuer" in p.policy && typeof p.policy.issuer === "string"
        ? { issuer: p.policy.issuer, destinations: "destinations" in p.policy && p.policy.destinations !== undefined ? p.policy.destinations : "all" as const }
        : {}),
    }));
}

/**
 * A new-capacity policy's effect in words: the facility and its start month (the policy's own, or the month it comes in
 * force), with the status that sets any slip (planned and construction start later, by the slip parameters).
 */
function newCapacityEffect(policy: { facility: string; startMonth?: string | undefined; status?: string | undefined }, fromDay: number | undefined): string {
  const start = policy.startMonth ?? (fromDay === undefined ? "–" : new Date(fromDay * 86_400_000).toISOString().slice(0, 7));
  const slips = policy.status === "planned" || policy.status === "construction" || policy.status === undefined;
  return `${policy.facility.replace(/^(plant|mine):/, "")} from ${start}${slips ? ` + ${policy.status ?? "construction"} slip` : ""}`;
}
