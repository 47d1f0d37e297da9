/**
 * @module analysis/report-model
 * The plain data every view of a run draws from (terminal tables, HTML report, dashboard):
 * what analysis extracts from a simulation result. Types only; building it is `analysis/run-report.ts`; drawing it is `report/`.
 */

/** A month series: labels `YYYY-MM` and one value per month. */
export interface MonthSeries {
  readonly label: string;
  /** Unit of the values, e.g. "US$/kg", "t", "%". */
  readonly unit: string;
  readonly values: readonly number[];
}

/** One policy on the timeline, with the windows (days `YYYY-MM-DD`, `until` exclusive; open-ended when undefined) in which it is in force. */
export interface TimelineEntry {
  readonly id: string;
  readonly kind: string;
  readonly title: string;
  readonly reference: string;
  readonly windows: readonly { readonly from: string; readonly until: string | undefined }[];
  /** What the policy does when its dates are not the point: a new-capacity policy's facility and the month it starts. */
  readonly effect?: string;
  /** The region that issues an export measure (licence, ban, quota, extraterritorial rule); absent for other kinds. */
  readonly issuer?: string;
  /** Whom an export measure covers, as the scenario writes it ("all" when it names no destinations). */
  readonly destinations?: "all" | { readonly only: readonly string[] } | { readonly allExcept: readonly string[] };
}

/**
 * A shortage episode: one element in one importing region at one stage, within the report's window (months, peak and
 * total count only the window's months).
 */
export interface ShortageEpisode {
  readonly element: string;
  readonly region: string;
  /** `separation`, `metal`, `magnet` (production lost for lack of input) or `use` (final demand unmet). */
  readonly stage: string;
  /** First month in the window: the window's first month when the episode began before it (see `beganMonth`). */
  readonly startMonth: string;
  readonly endMonth: string;
  /** When the episode began before the report's window: its true first month, `YYYY-MM`. Absent otherwise. */
  readonly beganMonth?: string;
  readonly durationMonths: number;
  /** Largest monthly shortfall, t of element content. */
  readonly peakTonnesPerMonth: number;
  /** Largest monthly shortfall as a share of that month's need, 0–1. */
  readonly peakShareOfDemand: number;
  readonly totalTonnes: number;
  /**
   * The comparison run's (the baseline's) largest unmet share of need, 0–1, for the same element, region and stage in
   * the same months (0 when it never passed the 1 % threshold in them). Undefined without a comparison run.
   */
  readonly baselinePeakShareOfDemand?: number;
  /** The baseline run's tonnes short in the same element, region and stage, in the months of the episode it was short. */
  readonly baselineTotalTonnes?: number;
  /**
   * True when the baseline is short there too and the episode is neither worse nor milder (`markBaselineEpisodes`):
   * about as deep and as long, so not the scenario's doing. Undefined without a comparison run. (Reports saved before
   * 2026-11-29 used "the baseline's peak at least half the episode's".)
   */
  readonly alsoInBaseline?: boolean;
  /**
   * True when the baseline was short there too but the episode is deeper or longer: its peak share or its total tonnes
   * at least `WORSE_THAN_BASELINE_RATIO` (1.25) times the baseline's in the same months (100 % against 56 %; or the same
   * peak held for years longer). Undefined without a comparison run, and in reports saved before it existed.
   */
  readonly worseThanBaseline?: boolean;
  /** True when the baseline was short there and the scenario eased it: its peak and its total at most the baseline's ÷ 1.25. */
  readonly milderThanBaseline?: boolean;
}

/** Price extremes for one element in one market. */
export interface PriceSummary {
  readonly element: string;
  readonly market: "china" | "ex-china";
  readonly startUsdPerKg: number;
  readonly peakUsdPerKg: number;
  readonly peakMonth: string;
  readonly endUsdPerKg: number;
  /** The peak is the backstop (`price.backstopMultiple` × the calibration price): beyond it the market is rationed by allocation alone. */
  readonly peakAtBackstop?: boolean;
}

/** End products not built, by sector and region, over the report's window (the whole run unless `--from` trims it). */
export interface EndProductLoss {
  readonly sector: string;
  readonly sectorName: string;
  /** The sector's short name (at most 24 characters; its full name when the world gives none) for narrow tables. Absent in reports saved before it existed. */
  readonly sectorShortName?: string;
  readonly unit: string;
  readonly region: string;
  /**
   * What one unit is, in the world's words, with its caveat ("F-35 NdFeB magnet set (14 kg of NdFeB magnet; a yardstick
   * for the whole sector, not aircraft)"), and its magnet content, kg of finished magnet. Absent for sectors counted in
   * tonnes, and in reports saved before they existed.
   */
  readonly endProductName?: string;
  readonly magnetKgPerUnit?: number;
  /** Units lost in the window (0 in a row kept only for the baseline's losses). */
  readonly totalUnits: number;
  /** The magnet those units hold, t of finished magnet (`totalUnits` × `magnetKgPerUnit` ÷ 1000). Absent with `magnetKgPerUnit`. */
  readonly magnetTonnes?: number;
  /**
   * With a comparison run: the units the baseline lost in the same sector, region and months (as the shortage episodes'
   * baseline column counts months), and `totalUnits` minus that, what this scenario caused (negative: fewer lost than in
   * the baseline). Undefined without a comparison run.
   */
  readonly baselineTotalUnits?: number;
  readonly differenceUnits?: number;
  /** The worst month in the window, `YYYY-MM`; "–" in a row kept only for the baseline's losses. */
  readonly peakMonth: string;
  /**
   * Why: the elements of the sector's magnet recipe most short at the region's use stage in the months it lost units
   * (those within a point of the largest; Dy and Tb, or Nd and Pr, are drawn as pools and run short together), and
   * that share of their need unmet over those months. Empty when no element of the recipe was recorded short.
   */
  readonly shortOf: readonly string[];
  readonly unmetShareOfNeed: number;
}

/** End products lost per month in one sector, all regions: labelled with the sector's full name, with its id and short name. */
export interface EndProductPath extends MonthSeries {
  /** Sector id and the world's short name; absent in reports saved before they existed. */
  readonly sector?: string;
  readonly sectorShortName?: string;
}

/**
 * Final demand a sector could not get in one region over the report's window, in the sector's demand unit: t of
 * finished magnet for magnet sectors, t REO for the others. Need is the sector's demand after price responses and
 * substitution, so it is what buyers still wanted at the prices of the run.
 */
export interface SectorShortfall {
  readonly sector: string;
  readonly sectorName: string;
  /** The sector's short name (at most 24 characters; its full name when the world gives none). Absent in reports saved before it existed. */
  readonly sectorShortName?: string;
  readonly region: string;
  /** `t magnet` (finished magnet) or `t REO`. */
  readonly unit: string;
  /** Need in the window, in `unit`. */
  readonly needUnits: number;
  /** Need not met in the window, in `unit`. */
  readonly shortUnits: number;
  /** First month in the window with more than 1 % of the month's need unmet, `YYYY-MM`. */
  readonly firstMonth: string;
  /** The month with the largest unmet share of need, `YYYY-MM`, and that share, 0–1. */
  readonly worstMonth: string;
  readonly worstShareOfNeed: number;
}

/**
 * A mine or plant that stops or falls short: its output against the baseline run's (or, without one, against its
 * capacity in the months its stage was short of input), over the report's window. Tonnes are of the facility's product
 * (`unit`): t REO of concentrate (mines) or of separated oxide, t metal, t finished magnet.
 */
export interface PlantShortfall {
  /** Facility id, e.g. `plant:vac-hanau`, and its name in the world. */
  readonly facility: string;
  readonly name: string;
  readonly region: string;
  /** `mine`, `separation`, `metal` or `magnet`. */
  readonly stage: string;
  /** `t REO` (mines: concentrate; separation: oxide), `t metal` or `t magnet`. */
  readonly unit: string;
  /** What the loss is measured against: the baseline run's output, or the capacity in months the stage was short of input. */
  readonly basis: "baseline" | "capacity";
  /** First month in the window the facility made more than 10 % less than its reference, `YYYY-MM`. */
  readonly firstMonth: string;
  /** When that spell began before the window: its true first month. Absent otherwise. */
  readonly beganMonth?: string;
  /** The month with the largest share of the reference lost (the first such month), and that share, 0–1 (1: it made nothing). */
  readonly worstMonth: string;
  readonly worstShare: number;
  /**
   * Elements it handles of which its region's plants of the stage lost more than 1 % of their production for lack of
   * input in the worst month (the plants short of input): empty when it made less for another reason (fewer orders;
   * always for mines).
   */
  readonly shortOf: readonly string[];
  /** Months in the window more than 10 % short. */
  readonly monthsShort: number;
  /** Output lost in those months, t of product. */
  readonly lostTonnes: number;
  /** The reference over the window (baseline: its output in every month of the window; capacity: in the months counted), t. */
  readonly referenceTonnes: number;
  /** `lostTonnes` ÷ `referenceTonnes`, 0–1. */
  readonly lostShare: number;
  /**
   * The share of its reference lost in each month of the whole run (like the report's month series), 0–1 to a tenth of a
   * percent, in the months counted (more than 10 % short), 0 in the others.
   */
  readonly shareLostByMonth: readonly number[];
}

/**
 * What held back a plant the scenario adds (why it ran below 70 % of its capacity, or what its region still lacked), as
 * far as the model knows:
 * - `short_of_input`: its region's plants of its stage lacked input of these elements in at least a quarter of its
 *   running months; `upstream` is the "Made here, short here" row that says why the region lacked it (its output of the
 *   element at an earlier stage left while it was short), and `homePlants` whether a plant of the region at the stage
 *   before handles the element at all (false: the region's input of it can only be imported);
 * - `output_left`: its own output left the region while a later stage there was short of it (the "Made here, short
 *   here" row, whose reason names the stage the region lacks or why it could not use it);
 * - `not_ordered`: neither: buyers ordered less than it could make (orders are spread over every maker in proportion to
 *   what each offers).
 */
export type AddedPlantReason =
  | {
    readonly code: "short_of_input"; readonly element: string; readonly months: number; readonly inputStage: string;
    readonly homePlants: boolean; readonly upstream?: MadeHereShortHere;
  }
  | { readonly code: "output_left"; readonly row: MadeHereShortHere }
  | { readonly code: "not_ordered" };

/**
 * A mine or plant the scenario adds or brings forward, against the baseline run's plants (or, without a baseline, the
 * world's), and what it made over the report's window. Tonnes are of its product (`unit`), as `PlantShortfall`'s.
 */
export interface AddedPlant {
  readonly facility: string;
  readonly name: string;
  readonly region: string;
  /** `mine`, `separation`, `metal` or `magnet`. */
  readonly stage: string;
  /** `t REO` (mines: concentrate; separation: oxide), `t metal` or `t magnet`. */
  readonly unit: string;
  /**
   * What the scenario changed: `new` (the reference has no such facility, or never starts it), `earlier` (it starts
   * sooner, after the start slip its status sets), `larger` (more capacity), `faster_ramp` (a shorter ramp).
   */
  readonly changes: readonly ("new" | "earlier" | "larger" | "faster_ramp")[];
  /** Nameplate capacity, t/yr (mines and separation: t REO of feed; metal and magnet: t of product), and the reference's (absent when new). */
  readonly capacityTonnesPerYear: number;
  readonly referenceCapacityTonnesPerYear?: number;
  /** The month its output may start in this run (its start month plus the slip its status sets), and the reference's; undefined: never. */
  readonly plannedStartMonth: string | undefined;
  readonly referenceStartMonth?: string | undefined;
  /** First month of the run it made anything, `YYYY-MM`; undefined when it never did. */
  readonly firstOutputMonth: string | undefined;
  /** What it made in the window, and what the same facility made in the baseline run in the window (0 when it was not there). */
  readonly outputTonnes: number;
  readonly baselineOutputTonnes?: number;
  /** Capacity it had in the window's months from its first output on, in its rating's unit (t REO of feed for separation). */
  readonly capacityTonnes: number;
  /** Months of the window it had capacity from its first output on (the months `reasons` count in). */
  readonly monthsRunning: number;
  /** Its load over that capacity in those months, 0–1 (undefined when it had none). */
  readonly utilisationShare: number | undefined;
  /** True when it ran below `ADDED_PLANT_LOW_USE_SHARE` (70 %) of its capacity; absent when it had no capacity in the window. */
  readonly lowUse?: boolean;
  /**
   * What held it back, as far as the model knows: why it ran below 70 % of capacity when `lowUse`, else what its region's
   * stage still lacked (or where its output went) while it ran; `not_ordered` only when `lowUse`. Empty when nothing did.
   */
  readonly reasons: readonly AddedPlantReason[];
}

/**
 * A region and stage that has a plant the scenario adds: the output of all its plants of the stage in the window against
 * the baseline run's, and the part the added plants made beyond their own baseline output — so a reader sees whether
 * they added supply or displaced the incumbents (t of product, as `AddedPlant`).
 */
export interface AddedPlantStage {
  readonly region: string;
  readonly stage: string;
  readonly unit: string;
  readonly outputTonnes: number;
  readonly baselineOutputTonnes: number;
  /** The added plants' output here less their own output in the baseline run. */
  readonly addedPlantsExtraTonnes: number;
}

/** The plants a scenario adds or brings forward, with what they made and what their region's stage made in all. */
export interface AddedPlants {
  /** What "added" is measured against: the baseline run's plants, or (without one, or when its plants are not known) the world's. */
  readonly reference: "baseline" | "world";
  readonly plants: readonly AddedPlant[];
  /** One row for each region and stage of `plants`; empty without a baseline run. */
  readonly stages: readonly AddedPlantStage[];
}

/**
 * What an importing region got from China against the baseline run, over the report's window: magnets (t of element
 * content) and Dy + Tb as oxide or metal (t), as customs count them (when a licence clears).
 */
export interface ChinaSupplyChange {
  readonly region: string;
  readonly magnetTonnes: number;
  readonly magnetTonnesBaseline: number;
  readonly heavyOxideMetalTonnes: number;
  readonly heavyOxideMetalTonnesBaseline: number;
  /** Months in which the region's magnets from China fell below half of the baseline's (0 when never). */
  readonly magnetMonthsBelowHalf: number;
  /** The first such month, `YYYY-MM`, if any. */
  readonly firstMagnetMonthBelowHalf: string | undefined;
}

/** A region's output of one magnet element (Nd, Pr, Dy, Tb) at one stage over the report's window, and where it went. */
export interface RegionOutput {
  readonly region: string;
  /** `mine` (content of concentrate), `separation` (oxide), `metal` or `magnet` (content of magnets). */
  readonly stage: string;
  readonly element: string;
  /** Made in the window, t of element content. */
  readonly producedTonnes: number;
  /** Shipped to other regions in the window (counted in the month licences clear, as customs count it), t. */
  readonly exportedTonnes: number;
  /** The largest destinations, t, largest first (at most three). */
  readonly destinations: readonly { readonly region: string; readonly tonnes: number }[];
}

/**
 * Why a region's output of an element left while the region was short of it, as the model knows it (`nextStage` is
 * the stage that takes that output at home: separation, metal, magnet, or use for magnets):
 * - `no_plant`: no plant of the region at the next stage handles the element in those months, so the output has no
 *   home buyer but the users of that form (e.g. no Dy metal plant: Dy oxide must be made into metal abroad);
 * - `plants_not_started`: such plants exist but start later (`firstMonth`);
 * - `plants_idle`: such plants exist but had no capacity in those months (stopped by a supply shock, or never running);
 * - `shared_abroad`: the home buyers of the output (next-stage plants or final users of that form) were short too; home
 *   buyers take first only `domesticPriorityShare` of what they ask, the rest is shared with foreign buyers pro rata;
 * - `plants_full`: the next-stage plants were not short of the element but ran at capacity (`utilisationShare`);
 * - `not_ordered`: the next-stage plants were not short of the element and had room: they made only what buyers ordered
 *   from them (buyers spread orders over every maker in proportion to what it offers), so the shortage lay further down.
 */
export type MadeHereReason =
  | { readonly code: "no_plant"; readonly nextStage: string }
  | { readonly code: "plants_idle"; readonly nextStage: string }
  | { readonly code: "plants_not_started"; readonly nextStage: string; readonly firstMonth: string }
  | { readonly code: "shared_abroad"; readonly nextStage: string; readonly domesticPriorityShare: number }
  | { readonly code: "plants_full" | "not_ordered"; readonly nextStage: string; readonly utilisationShare: number };

/**
 * "Made here, short here": a region shipped out a material part of its own output of an element at one stage in the
 * months of the report's window in which its own later stages or final demand were short of that element.
 */
export interface MadeHereShortHere {
  readonly region: string;
  readonly element: string;
  /** The stage whose output left: `mine` (concentrate), `separation` (oxide), `metal` or `magnet`. */
  readonly stage: string;
  /**
   * Months of the window in which a later stage or final demand of the region was short of the element (> 1 % of need)
   * and some of this output left; every figure of the row counts these months.
   */
  readonly shortMonths: number;
  /** The first and last of those months, `YYYY-MM`. */
  readonly firstMonth: string;
  readonly lastMonth: string;
  /** Made at the stage in those months, t of element content. */
  readonly madeTonnes: number;
  /** Shipped to other regions in those months (as customs count it: when licences clear), t. */
  readonly shippedTonnes: number;
  /** The largest destinations of those shipments, t, largest first (at most three). */
  readonly destinations: readonly { readonly region: string; readonly tonnes: number }[];
  /** The region's shortfall of the element in those months at each later stage that was short (`use`: final demand unmet), t, largest first. */
  readonly shortBy: readonly { readonly stage: string; readonly tonnes: number }[];
  /** Final use of the element in this form in the region in those months (e.g. oxide bought by catalyst makers), t. */
  readonly homeUseTonnes: number;
  readonly reason: MadeHereReason;
}

/** Who closed the gap: extra output against the baseline run, by region and stage. */
export interface GapCloser {
  readonly region: string;
  readonly stage: string;
  /** Extra tonnes over the report's window compared with the baseline, t of element content. */
  readonly extraTonnes: number;
  /** What the extra output is worth at the run's first-month China prices, US$ (La and Ce weigh little, Dy and Tb much). */
  readonly extraValueUsd: number;
  /** First month in the window the extra output exceeds 1 % of the region-stage's baseline output. */
  readonly fromMonth: string | undefined;
  /**
   * The elements whose change weighs most in the value, largest first (at most three, each with its change in t, which
   * may be negative): the net tonnes hide a shift of mix, e.g. China's magnet plants making 44 t more in all but 110 t
   * more Dy content. Absent in reports saved before it existed.
   */
  readonly mainElements?: readonly { readonly element: string; readonly extraTonnes: number }[];
}

/**
 * Extra imports into one region against the baseline run, by supplying region, form and element: what others shipped
 * it beyond what they shipped it in the baseline (`--region`'s "who closes the gap").
 */
export interface ImportGain {
  /** The importing region (`EU`) and the region that shipped to it (`VN`). */
  readonly importer: string;
  readonly supplier: string;
  /** The stage that makes what was shipped (`mine`, `separation`, `metal`, `magnet`), and its form (`concentrate`, `oxide`, `metal`, `magnet`). */
  readonly stage: string;
  readonly form: string;
  readonly element: string;
  /** Extra tonnes over the report's window compared with the baseline, t of element content (counted when licences clear). */
  readonly extraTonnes: number;
  /** Their value at the run's first-month China prices, US$ (as `GapCloser.extraValueUsd`). */
  readonly extraValueUsd: number;
  /** First month in the window the extra imports exceed 1 % of the baseline's on that link (at least 0.01 t). */
  readonly fromMonth: string | undefined;
}

/**
 * Money a scenario's measures move, by region: import duty its importers paid (valued at the supplier's price, magnets with the value of making them), or
 * the top-up its producers received under a price floor. US$ of the currency year.
 */
export interface PolicyCost {
  readonly kind: "import-duty" | "price-floor";
  /** The importing region (duty) or the producing region (floor top-up). */
  readonly region: string;
  readonly totalUsd: number;
  /** Amount by calendar year, for the years of the report's window (a year the window cuts counts only its months in it). */
  readonly byYear: readonly { readonly year: string; readonly usd: number }[];
  /** The calendar year with the largest amount. */
  readonly peakYear: string;
}

/**
 * How much of a region's final use of an element was separated in China (mined there, for concentrate): the
 * provenance the engine carries through every stage — what an extraterritorial rule like Ann. 61/2025 tests.
 */
export interface ChinaOriginShare {
  readonly region: string;
  readonly element: string;
  /** China-origin share of the region's use of the element over the window's first and last 12 months (its halves when under two years), 0–1. */
  readonly firstYearShare: number;
  readonly lastYearShare: number;
  /** Tonnes of the element the region used in the last 12 months. */
  readonly lastYearUseTonnes: number;
}

/** Labels of the two periods compared in `chinaOrigin`: "2024", or "2025-04 – 2026-03" when not a calendar year. */
export interface ChinaOriginPeriods {
  readonly first: string;
  readonly last: string;
}

/** Concentration of a stage at one moment (shares 0–1, HHI 0–10,000). */
export interface ConcentrationPoint {
  readonly topRegion: string;
  readonly topShare: number;
  readonly chinaShare: number;
  readonly hhi: number;
}

/** A Sankey diagram of one month's flows mine → separation → metal → magnet → use by region. */
export interface FlowGraph {
  readonly month: string;
  readonly nodes: readonly { readonly id: string; readonly label: string; readonly stage: string }[];
  /** Tonnes of element content per month. */
  readonly links: readonly { readonly source: string; readonly target: string; readonly tonnes: number }[];
}

/** The reporting window of a run's summaries, `YYYY-MM` to `YYYY-MM` inclusive. */
export interface ReportWindow {
  readonly from: string;
  readonly to: string;
}

/** Everything the views show about one run (optionally against a baseline). */
export interface RunReport {
  readonly title: string;
  readonly scenario: {
    readonly name: string;
    readonly description: string;
    readonly startMonth: string;
    readonly months: number;
    readonly seed: number;
    readonly extendsChain: readonly string[];
  };
  readonly dataset: { readonly name: string; readonly version: string };
  /** Name of the run this one is compared with, when there is one. */
  readonly baselineName: string | undefined;
  readonly monthLabels: readonly string[];
  /**
   * The months every summary covers (`YYYY-MM`, inclusive): the whole run, or from `--from` to the run's end. The month
   * series (`pricePaths`, `shortfallBy…`, `…Paths`, `…ByRegion`, `chinaShareByStage`) and the timeline always cover the
   * whole run. Absent in reports saved before it existed: read it as the whole run.
   */
  readonly window?: ReportWindow;
  readonly timeline: readonly TimelineEntry[];
  /** Episodes in the window (cut at its start; `beganMonth` says when one began before it). */
  readonly shortages: readonly ShortageEpisode[];
  /** Prices at the window's first month, peak within it, and at its end. */
  readonly prices: readonly PriceSummary[];
  /** Price paths by element and market (label "Dy ex-China"), US$/kg of element. */
  readonly pricePaths: readonly MonthSeries[];
  /** Final-use shortfall by element, t/month (all regions). */
  readonly shortfallByElement: readonly MonthSeries[];
  /** Final-use shortfall by importing region, t/month (all elements). */
  readonly shortfallByRegion: readonly MonthSeries[];
  /**
   * End products lost by sector and region in the window, largest first; with a comparison run, each with the baseline's
   * losses over the same months and the difference, and rows for sector-regions only the baseline lost units in.
   */
  readonly endProductsLost: readonly EndProductLoss[];
  /** End products lost per month by sector, in the sector's unit. */
  readonly endProductsLostPaths: readonly EndProductPath[];
  /** Final demand unmet by sector and region in the window (those with a month above 1 % of need), largest first. */
  readonly sectorShortfalls: readonly SectorShortfall[];
  /**
   * Mines and plants that stop or fall short in the window (a month more than 10 % below the baseline's output, or below
   * capacity while their stage is short of input), largest loss first. Absent in reports saved before it existed.
   */
  readonly plantShortfalls?: readonly PlantShortfall[];
  /**
   * Mines and plants the scenario adds or brings forward (new-capacity policies, facility overrides), with what each made
   * in the window, how full it ran and why not fuller. Absent in reports saved before it existed.
   */
  readonly addedPlants?: AddedPlants;
  readonly gapClosers: readonly GapCloser[];
  /**
   * Extra imports into the region the report was built for (`--region`) against the baseline, by supplier, form and
   * element, largest value first. Absent without a region or a baseline run, or when trade was not recorded.
   */
  readonly importGains?: readonly ImportGain[];
  /** Each importing region's magnets and Dy + Tb oxide/metal from China against the baseline (empty without a baseline). */
  readonly chinaSupplyChanges: readonly ChinaSupplyChange[];
  /** Each region's output of Nd, Pr, Dy and Tb by stage in the window and where it went (rows of at least 1 t). */
  readonly regionOutputs: readonly RegionOutput[];
  /**
   * "Made here, short here": regions that shipped out a material part (≥ 25 %) of their output of an element while their
   * own later stages or final demand were short of it, with the reason the model knows; largest shipments first. Absent
   * in reports saved before it existed.
   */
  readonly madeHereShortHere?: readonly MadeHereShortHere[];
  /** Import duty paid and price-floor top-ups, by region (empty when the scenario has neither). */
  readonly policyCosts: readonly PolicyCost[];
  /** China-origin share of ex-China regions' use of the magnet elements (Nd, Pr, Dy, Tb), by region and element; empty when origins were not recorded. */
  readonly chinaOrigin: readonly ChinaOriginShare[];
  /** China-origin share of each ex-China region's use of Nd, Pr, Dy and Tb together, % by month. */
  readonly chinaOriginByRegion: readonly MonthSeries[];
  /** The periods `firstYearShare` and `lastYearShare` cover. */
  readonly chinaOriginPeriods: ChinaOriginPeriods;
  /** China's share of each stage over time, %. */
  readonly chinaShareByStage: readonly MonthSeries[];
  /** Concentration by stage at the window's first month and the run's last. */
  readonly concentration: readonly { readonly stage: string; readonly atStart: ConcentrationPoint; readonly atEnd: ConcentrationPoint }[];
  /** Flow graphs for months a reader may pick in the window (at least its first, a crisis month, and the last). */
  readonly flowGraphs: readonly FlowGraph[];
  readonly warnings: readonly string[];
}
