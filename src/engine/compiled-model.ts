/**
 * @module engine/compiled-model
 * The shape of a compiled world: typed arrays indexed by compiled ids, plus the id ↔ index maps.
 * Types only; `compile.ts` builds it. Plain data, so it can be posted to a worker.
 */
import type { ConstraintShape } from "./constraints.js";
import type { ParameterRanges, ParameterValues } from "./parameters.js";

/** Stage codes on a facility or result `[stage]` axis: 0 mine, 1 separation, 2 metal, 3 magnet, 4 use. */
export const STAGE_CODES = { mine: 0, separation: 1, metal: 2, magnet: 3, use: 4 } as const;
/** Number of stages on a `[stage]` axis that includes final use. */
export const STAGE_COUNT = 5;
/** Market codes on a `[market]` axis: 0 China domestic, 1 ex-China. */
export const MARKETS = ["china-domestic", "ex-china"] as const;

/** A world compiled for the engine. Arrays are row-major; the comment gives the layout and unit. */
export interface CompiledModel extends ConstraintShape {
  /** First simulated month, `YYYY-MM`. */
  readonly startMonth: string;
  /** Number of simulated months. */
  readonly months: number;
  /** The world's calibration year (demand and output figures are for this year). */
  readonly calibrationYear: number;
  /** Months from January of the calibration year to the start month. */
  readonly monthsFromCalibrationStart: number;
  /** Magnet grade ids; index = grade index. */
  readonly gradeIds: readonly string[];
  /** Region id → index. */
  readonly regionIndex: Readonly<Record<string, number>>;
  /** Element symbol → index. */
  readonly elementIndex: Readonly<Record<string, number>>;
  /** Facility id → index. */
  readonly facilityIndex: Readonly<Record<string, number>>;
  /** Sector id → index. */
  readonly sectorIndex: Readonly<Record<string, number>>;
  /** Region index of the China-domestic market (`CN`), or −1 when the world has none. */
  readonly domesticMarketRegion: number;
  /** Market of each region: 0 China domestic, 1 ex-China; `[region]`. */
  readonly regionMarket: Uint8Array;

  /** Oxide mass per element mass (e.g. 1.166 for Nd2O3); `[element]`. */
  readonly elementOxideFactor: Float64Array;
  /** 1 for Dy and Tb (the elements thrifting cuts); `[element]`. */
  readonly isHeavyMagnetElement: Uint8Array;

  /** Stage code of each facility (0 mine … 3 magnet); `[facility]`. */
  readonly facilityStage: Uint8Array;
  /** Region index of each facility; `[facility]`. */
  readonly facilityRegion: Int32Array;
  /** Nameplate capacity per month: t REO (mines, separation), t metal, t magnet; `[facility]`. */
  readonly facilityCapacityPerMonth: Float64Array;
  /** Calibration-year output per month in the same unit (0 when the world gives none); `[facility]`. */
  readonly facilityOutput2024PerMonth: Float64Array;
  /** 1 when the facility runs in pull mode from its calibration-year output; 0 for new facilities (capacity × utilisation); `[facility]`. */
  readonly facilityIsEstablished: Uint8Array;
  /** Month index (0 = run start, may be negative) of first output as the world dates it, before status slips; `[facility]`. */
  readonly facilityStartMonth: Int32Array;
  /** Status slip applied at run time: 0 none (operating, commissioning), 1 construction, 2 planned, 3 never (suspended, cancelled); `[facility]`. */
  readonly facilitySlipKind: Uint8Array;
  /** Months of linear ramp to full capacity; `[facility]`. */
  readonly facilityRampMonths: Int32Array;
  /** 1 where the facility handles the element (mines: in the profile; separation: separates; metal: makes; magnet: all); `[facility][element]`. */
  readonly facilityElementMask: Uint8Array;
  /** Share of a separation plant's feed of each element rejected at the front end (0–1); `[facility][element]`. */
  readonly facilityRejectShare: Float64Array;
  /**
   * Capacity growth class: 0 none; 1 an established facility in the China-domestic market region (its
   * ceiling grows with China's quotas and industry, `china.capacityGrowthPerYear`); 2 an established
   * ion-adsorption-clay mine there (the ionic mining quota, `china.ionicQuotaGrowthPerYear`); `[facility]`.
   */
  readonly facilityGrowthClass: Uint8Array;
  /** Magnet type index of magnet plants (into `MAGNET_TYPES`), −1 otherwise; `[facility]`. */
  readonly facilityMagnetType: Int8Array;
  /** Element tonnes per tonne REO mined (deposit profile, oxide basis converted); `[facility][element]`, 0 for non-mines. */
  readonly mineElementPerReo: Float64Array;

  /** Magnet type index of each grade; `[grade]`. */
  readonly gradeMagnetType: Int8Array;
  /** Tonnes of element per tonne of finished magnet; `[grade][element]`. */
  readonly gradeElementPerTonne: Float64Array;
  /** Finished magnet per tonne of alloy (machining yield); `[grade]`. */
  readonly gradeYield: Float64Array;
  /** [grade] 1 when the heavy-RE responses (GBD, Dy-free designs) apply to the grade, 0 when its Dy and Tb stay. */
  readonly gradeHeavyThrift: Uint8Array;

  /** 1 for magnet sectors; `[sector]`. */
  readonly sectorIsMagnet: Uint8Array;
  /** Form index a sector draws (1 oxide, 2 metal, 3 magnet); `[sector]`. */
  readonly sectorForm: Uint8Array;
  /** Grade index of magnet sectors, −1 otherwise; `[sector]`. */
  readonly sectorGrade: Int32Array;
  /** Element tonnes per demand unit (t magnet, or t REO for non-magnet sectors); `[sector][element]`. */
  readonly sectorElementPerUnit: Float64Array;
  /** Demand growth, fraction per year; `[sector]`. */
  readonly sectorGrowthPerYear: Float64Array;
  /** kg of magnet per end-product unit, 0 when the sector names no end product; `[sector]`. */
  readonly sectorMagnetKgPerUnit: Float64Array;
  /** End-product unit of each sector ("" when none), e.g. `vehicle`. */
  readonly sectorEndProductUnit: readonly string[];
  /** Calibration-year demand per month in demand units (t magnet or t REO); `[region][sector]`. */
  readonly demandBasePerMonth: Float64Array;

  /** Transport lead time, months; `[from][to]` (diagonal = domestic). */
  readonly leadTimeMonths: Float64Array;
  /**
   * Captive concentrate links of integrated producers: mine facility → separation plant facility of the same
   * owner (matched by `ownerKey`), in any region; `[link]`. The share a plant's region gets first is computed
   * each month from the mine's current rate and the plant's current capacity (see `serveCaptiveConcentrate`).
   */
  readonly captiveLinkMine: Int32Array;
  readonly captiveLinkPlant: Int32Array;
  /**
   * 1 where a region's producers sell a form only to listed buyers (the world's `domesticOnly`: home only; `sellsOnlyTo`:
   * home and the listed regions); `[region][form]`. Which buyers they reach is in `sellsTo`.
   */
  readonly sellerLimited: Uint8Array;
  /**
   * 1 where a seller region's producers may sell a form to a buyer region: everywhere for a seller without a limit, and
   * always at home. Other links are out of reach — neither in the pro-rata rounds nor as captive feed, and nothing of
   * them is counted as refused; `[seller][form][buyer]`.
   */
  readonly sellsTo: Uint8Array;
  /** Offtakes: suppliers that sell a share of some elements to a buyer region first (see `CompiledOfftakes`). */
  readonly offtakes: CompiledOfftakes;
  /** Share of scarce supply a region serves to its own industry before exporting, 0–1; `[region]`. */
  readonly domesticPriorityShare: Float64Array;
  /** 1 where `regionParameters` gives the region's domestic priority (else the run's default parameter applies); `[region]`. */
  readonly domesticPriorityGiven: Uint8Array;
  /** Target inventory cover by stage, months; `[stage]` (mine, separation, metal, magnet, use). */
  readonly stageCoverMonths: Float64Array;
  /** Calibration price, US$ per kg of element content; `[element][market]`. */
  readonly basePriceUsdPerKg: Float64Array;
  /** Strategic stocks held at the start, tonnes of element; `[region][element]`. */
  readonly initialStrategicStockTonnes: Float64Array;

  /** Calibration-year output estimate per month by producing node, element tonnes; `[stage 0..3][region][element]`. */
  readonly baseOutputTonnes: Float64Array;

  /** Parameter values (before any sampling). */
  readonly parameters: ParameterValues;
  /** Sampling ranges of parameters that have one. */
  readonly parameterRanges: ParameterRanges;
  /** Things compile had to assume (missing prices, parameters), in words. */
  readonly warnings: readonly string[];
}

/**
 * The world's offtakes, one entry per record, `[offtake]` (see `serveOfftakes` in step-market): the supplier's region and
 * plant (−1: the whole region), the buyer's region, the form (1 oxide, 2 metal, 3 magnet), the elements (`[offtake][element]`
 * mask), the share of the supplier's stock the buyer may take first, the cap on the elements' total per month (t REO for
 * oxide, t of element content otherwise; 0 when none) and the months it runs, [fromMonth, toMonth) as run month indices.
 */
export interface CompiledOfftakes {
  readonly count: number;
  readonly supplierRegion: Int32Array;
  readonly supplierFacility: Int32Array;
  readonly buyerRegion: Int32Array;
  readonly form: Uint8Array;
  readonly elementMask: Uint8Array;
  readonly share: Float64Array;
  readonly capTonnesPerMonth: Float64Array;
  readonly fromMonth: Int32Array;
  readonly toMonth: Int32Array;
}
