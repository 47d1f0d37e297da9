/**
 * @module report/region-view
 * One region's view of a run report (`--region`): its own rows of the report's summaries — what it made and where it
 * went, its plants short of input, its final demand unmet by element and by sector, its end products lost, the prices of
 * the market it buys in, and where its supply came from. Picks and sums what the report holds; computes no model figures.
 */
import type {
  ChinaOriginPeriods, ChinaOriginShare, ChinaSupplyChange, EndProductLoss, MadeHereShortHere, MonthSeries, PlantShortfall, PolicyCost, PriceSummary, RegionOutput,
  ReportWindow, RunReport, SectorShortfall, ShortageEpisode, TimelineEntry,
} from "../analysis/report-model.js";
import { widestPremium, type WidestPremium } from "./premium.js";
import { reportWindow } from "./report-window.js";
import { formatMainElements } from "./number-format.js";

/** The region whose buyers pay China's domestic prices; every other region buys in the ex-China market. */
const DOMESTIC_MARKET_REGION = "CN";

/**
 * The report with only `region`'s rows in its per-region summaries (shortages, plants that stop or fall short, end
 * products lost, sector shortfalls, supply from China, its output and what left while it was short, provenance, gap
 * closers); prices, concentration, costs and the timeline stay whole.
 */
export function reportForRegion(report: RunReport, region: string): RunReport {
  return {
    ...report,
    shortages: report.shortages.filter((s) => s.region === region),
    endProductsLost: report.endProductsLost.filter((x) => x.region === region),
    sectorShortfalls: report.sectorShortfalls.filter((x) => x.region === region),
    ...(report.plantShortfalls === undefined ? {} : { plantShortfalls: report.plantShortfalls.filter((x) => x.region === region) }),
    ...(report.addedPlants === undefined ? {} : {
      addedPlants: { ...report.addedPlants, plants: report.addedPlants.plants.filter((x) => x.region === region), stages: report.addedPlants.stages.filter((x) => x.region === region) },
    }),
    chinaSupplyChanges: report.chinaSupplyChanges.filter((x) => x.region === region),
    regionOutputs: report.regionOutputs.filter((x) => x.region === region),
    ...(report.madeHereShortHere === undefined ? {} : { madeHereShortHere: report.madeHereShortHere.filter((x) => x.region === region) }),
    chinaOrigin: report.chinaOrigin.filter((x) => x.region === region),
    chinaOriginByRegion: report.chinaOriginByRegion.filter((x) => x.label === region),
    gapClosers: report.gapClosers.filter((x) => x.region === region),
    ...(report.importGains === undefined ? {} : { importGains: report.importGains.filter((x) => x.importer === region) }),
  };
}

/**
 * A row of one region's "who closes the gap": who supplied it more than in the baseline run. `own_output`: the region's
 * own extra output at a stage (every element together); `import`: extra imports into it from `supplier` of one element
 * in one form, with the stage that makes that form.
 */
export interface RegionGapCloser {
  readonly source: "own_output" | "import";
  /** Who made it: the region itself for its own output, the shipping region for imports. */
  readonly supplier: string;
  readonly stage: string;
  /** The form of an import (`concentrate`, `oxide`, `metal`, `magnet`); absent for own output. */
  readonly form?: string;
  /** The element of an import; absent for own output (every element of the stage). */
  readonly element?: string;
  /** Extra over the window against the baseline, t of element content, and its value at the run's first-month China prices, US$. */
  readonly extraTonnes: number;
  readonly extraValueUsd: number;
  /** First month in the window more than 1 % above the baseline. */
  readonly fromMonth: string | undefined;
  /** Own output only: the elements weighing most in the value, with their change in t (`GapCloser.mainElements`). */
  readonly mainElements?: readonly { readonly element: string; readonly extraTonnes: number }[];
  /**
   * Imports only: true when the supplier issues export measures in this scenario (its timeline's `issuer`): more from it
   * is what its licences let through beyond the baseline (e.g. magnets where oxide is refused), not supply beyond its reach.
   */
  readonly fromIssuer?: boolean;
}

/**
 * Who supplied `region` more than in the baseline run: its own extra output (`report.gapClosers`) and the extra imports
 * into it (`report.importGains`, when the report was built for the region), ranked by value, largest first.
 */
export function regionGapClosers(report: RunReport, region: string): RegionGapCloser[] {
  const own = report.gapClosers.filter((x) => x.region === region).map((x): RegionGapCloser => ({
    source: "own_output", supplier: x.region, stage: x.stage, extraTonnes: x.extraTonnes, extraValueUsd: x.extraValueUsd, fromMonth: x.fromMonth,
    ...(x.mainElements === undefined ? {} : { mainElements: x.mainElements }),
  }));
  // Suppliers whose export measures in this scenario cover the region (a US ban on sales to China does not cover Japan).
  const covers = (d: TimelineEntry["destinations"]) => d === undefined || d === "all" || ("only" in d ? d.only.includes(region) : !d.allExcept.includes(region));
  const issuers = new Set(report.timeline.flatMap((t) => (t.issuer !== undefined && covers(t.destinations) ? [t.issuer] : [])));
  const imports = (report.importGains ?? []).filter((x) => x.importer === region).map((x): RegionGapCloser => ({
    source: "import", supplier: x.supplier, stage: x.stage, form: x.form, element: x.element, extraTonnes: x.extraTonnes, extraValueUsd: x.extraValueUsd, fromMonth: x.fromMonth,
    ...(issuers.has(x.supplier) ? { fromIssuer: true } : {}),
  }));
  return [...own, ...imports].sort((a, b) => b.extraValueUsd - a.extraValueUsd);
}

/** A region's final demand unmet of one element over the window: its shortage episodes at the use stage, summed. */
export interface ElementShortfall {
  readonly element: string;
  readonly episodes: number;
  /** First month short in the window, `YYYY-MM`. */
  readonly firstMonth: string;
  /** When that first episode began before the window: its true first month. Absent otherwise. */
  readonly beganMonth?: string;
  /** Last month short, `YYYY-MM`. */
  readonly lastMonth: string;
  /** Months short in the window, all episodes. */
  readonly monthsShort: number;
  /** Largest monthly shortfall, t of element content, and as a share of that month's need, 0–1. */
  readonly peakTonnesPerMonth: number;
  readonly peakShareOfNeed: number;
  /** Unmet in the window, t of element content (months above 1 % of need). */
  readonly totalTonnes: number;
}

/** A price of the region's market over the window, with the widest premium over China's price (ex-China market only). */
export interface RegionPrice extends PriceSummary {
  readonly widestPremium: WidestPremium | undefined;
}

/** Everything the "Your region" section of the HTML report and `report.regionView` of run.json show. */
export interface RegionView {
  /** Region id (`US`) and name (`United States`). */
  readonly region: string;
  readonly regionName: string;
  /** The months every figure covers (the report's window). */
  readonly window: ReportWindow;
  /** The market whose prices the region's buyers pay: China's domestic market for China, ex-China for every other region. */
  readonly market: "china" | "ex-china";
  /** Its output of Nd, Pr, Dy and Tb by stage, and where it went (t of element content). */
  readonly outputs: readonly RegionOutput[];
  /** Its output that left while it was short of the element ("Made here, short here"), with the reason; largest first. */
  readonly madeHereShortHere: readonly MadeHereShortHere[];
  /** Its separation, metal and magnet plants short of input (production lost), earliest first. */
  readonly plantShortages: readonly ShortageEpisode[];
  /** Its mines and plants that stop or fall short (against the baseline run, or capacity without one), largest loss first. */
  readonly plantShortfalls: readonly PlantShortfall[];
  /** Its final demand unmet by element, largest first. */
  readonly finalDemandByElement: readonly ElementShortfall[];
  /** Its final demand unmet by sector (t magnet or t REO). */
  readonly finalDemandBySector: readonly SectorShortfall[];
  /** Its final-use shortfall per month, all elements, t/month (the whole run), when it had any. */
  readonly finalDemandShortfallPath: MonthSeries | undefined;
  /** End products not built in the region, in each sector's unit. */
  readonly endProductsLost: readonly EndProductLoss[];
  /** Prices of its market, US$/kg of element. */
  readonly prices: readonly RegionPrice[];
  /** Import duty its importers paid and floor top-ups its producers received, US$. */
  readonly policyCosts: readonly PolicyCost[];
  /** Share of its use of Nd, Pr, Dy and Tb separated in China over the window's first and last periods (empty for China). */
  readonly chinaOrigin: readonly ChinaOriginShare[];
  readonly chinaOriginPeriods: ChinaOriginPeriods;
  /** That share for the four together, % by month (the whole run), when recorded. */
  readonly chinaOriginPath: MonthSeries | undefined;
  /** Its magnets and Dy + Tb oxide and metal from China against the baseline run (absent without a baseline or imports). */
  readonly supplyFromChina: ChinaSupplyChange | undefined;
  /**
   * Who closed its gap: its own extra output and the extra imports into it against the baseline run, by value, largest
   * first (`regionGapClosers`); absent without a baseline run.
   */
  readonly gapClosers: readonly RegionGapCloser[] | undefined;
}

/** Use-stage episodes summed by element, largest total first. */
export function shortfallByElement(episodes: readonly ShortageEpisode[]): ElementShortfall[] {
  const byElement = new Map<string, ShortageEpisode[]>();
  for (const e of episodes) byElement.set(e.element, [...(byElement.get(e.element) ?? []), e]);
  return [...byElement].map(([element, list]) => {
    const first = list.reduce((a, b) => (b.startMonth < a.startMonth ? b : a));
    return {
      element, episodes: list.length, firstMonth: first.startMonth, ...(first.beganMonth === undefined ? {} : { beganMonth: first.beganMonth }),
      lastMonth: list.reduce((last, e) => (e.endMonth > last ? e.endMonth : last), first.endMonth),
      monthsShort: list.reduce((t, e) => t + e.durationMonths, 0),
      peakTonnesPerMonth: Math.max(...list.map((e) => e.peakTonnesPerMonth)), peakShareOfNeed: Math.max(...list.map((e) => e.peakShareOfDemand)),
      totalTonnes: list.reduce((t, e) => t + e.totalTonnes, 0),
    };
  }).sort((a, b) => b.totalTonnes - a.totalTonnes);
}

/**
 * The view of `region` (an id of the run's world; `name` its name) from a run report: every figure is the report's own,
 * over its window.
 * @example regionView(report, { id: "US", name: "United States" }).finalDemandByElement
 */
export function regionView(report: RunReport, { id, name }: { readonly id: string; readonly name: string }): RegionView {
  const own = reportForRegion(report, id);
  const w = reportWindow(report);
  const market = id === DOMESTIC_MARKET_REGION ? "china" : "ex-china";
  const byStart = (a: ShortageEpisode, b: ShortageEpisode) => a.startMonth.localeCompare(b.startMonth) || b.totalTonnes - a.totalTonnes;
  return {
    region: id, regionName: name, window: { from: w.from, to: w.to }, market,
    outputs: own.regionOutputs,
    madeHereShortHere: own.madeHereShortHere ?? [],
    plantShortages: own.shortages.filter((e) => e.stage !== "use").sort(byStart),
    plantShortfalls: own.plantShortfalls ?? [],
    finalDemandByElement: shortfallByElement(own.shortages.filter((e) => e.stage === "use")),
    finalDemandBySector: own.sectorShortfalls,
    finalDemandShortfallPath: report.shortfallByRegion.find((s) => s.label === id),
    endProductsLost: own.endProductsLost,
    prices: report.prices.filter((p) => p.market === market).map((p) => ({ ...p, widestPremium: market === "ex-china" ? widestPremium(report, p.element) : undefined })),
    policyCosts: report.policyCosts.filter((c) => c.region === id),
    chinaOrigin: own.chinaOrigin,
    chinaOriginPeriods: report.chinaOriginPeriods,
    chinaOriginPath: own.chinaOriginByRegion[0],
    supplyFromChina: own.chinaSupplyChanges[0],
    gapClosers: report.baselineName === undefined ? undefined : regionGapClosers(report, id),
  };
}

/** The element cell of a region's gap-closer row: the import's element, or own output's main elements ("Dy +110, Nd −84"), else "all". */
export function gapCloserElementText(x: RegionGapCloser): string {
  if (x.element !== undefined) return x.element;
  return x.mainElements !== undefined && x.mainElements.length > 0 ? formatMainElements(x.mainElements) : "all";
}

/** A gap-closer row's supplier, marked "†" when it issues the scenario's export measures (`ISSUER_NOTE` says why). */
export function gapCloserSupplierText(x: RegionGapCloser): string {
  return x.fromIssuer === true ? `${x.supplier} †` : x.supplier;
}

/** What "†" beside a supplier means. */
export const ISSUER_NOTE = "† issues this scenario's export measures: more from it is what its licences let through beyond the baseline (e.g. magnets or metal where oxide is refused, or a rerouting from caught suppliers), not supply beyond its reach.";
