/**
 * @module engine/run-state
 * The mutable state of one run: stocks by origin, shipments in transit, smoothed orders, prices,
 * responses and every scratch array, all allocated once before the monthly loop. No stepping here.
 */
import { MAGNET_TYPES } from "../model/ids.js";
import type { CompiledModel } from "./compiled-model.js";
import { FORM_COUNT, type ConstraintSegment, type EngineConstraints } from "./constraints.js";
import type { ParameterValues } from "./parameters.js";
import type { SimulationResult } from "./result.js";
import { findLiveNodes, type LiveNodes } from "./live-nodes.js";
import type { TradeRecorder } from "./trade-record.js";

/** Run state. Stock layouts are `[region][form][element][origin]`; node arrays `[region][form][element]`. */
export interface RunState {
  readonly R: number;
  readonly E: number;
  readonly N: number;
  readonly K: number;
  readonly G: number;
  /** Magnet types. */
  readonly T: number;
  readonly p: ParameterValues;
  /** Transport lead time used by this run, months; `[from][to]`. */
  readonly leadTimeMonths: Float64Array;
  /** Domestic priority used by this run, 0–1; `[region]`. */
  readonly domesticPriority: Float64Array;
  /** Producers' finished goods, t; `[region][form][element][origin]`. */
  readonly outStock: Float64Array;
  /** Users' input stock, t; `[region][form][element][origin]`. */
  readonly inStock: Float64Array;
  /** Σ over origins of `outStock` and `inStock` (kept with every change), t; `[region][form][element]`. */
  readonly outTotal: Float64Array;
  readonly inTotal: Float64Array;
  /**
   * Origins a working stock may hold (a superset of its non-zero origins, ascending): origins of `inStock` node n are
   * `inOrigins[n × R + k]` for k < `inOriginCount[n]`; `inHasOrigin[n × R + o]` is 1 for each. Kept by `addOrigin`
   * wherever content enters a stock, so loops over a stock's origins visit these few instead of every region.
   */
  readonly inOrigins: Int32Array;
  readonly inOriginCount: Int32Array;
  readonly inHasOrigin: Uint8Array;
  /** The same for `outStock`. */
  readonly outOrigins: Int32Array;
  readonly outOriginCount: Int32Array;
  readonly outHasOrigin: Uint8Array;
  /** Strategic stock, t; `[region][form][element][origin]` (same layout as working stocks). */
  readonly strategic: Float64Array;
  /** Strategic stock over forms and origins (kept with every change), t; `[region][element]`. */
  readonly strategicTotal: Float64Array;
  /** 1 for regions that hold or have held strategic stock; `[region]`. */
  readonly hasStrategicStock: Uint8Array;
  /** Months held by the arrival ring. */
  readonly ringMonths: number;
  /**
   * Arrivals by month slot, t; `[slot][region][form][element][origin]`: a month's arrivals side by side, so shipping
   * writes and receiving reads a few compact slices instead of every node's slots.
   */
  readonly ring: Float64Array;
  /** 1 where a ring slot of a node may hold arrivals (set when written, cleared when received); `[slot][region][form][element]`. */
  readonly ringUsed: Uint8Array;
  /** On order for each user node (ring total), t; `[region][form][element]`. */
  readonly inTransit: Float64Array;
  /** Ring total by element, t; `[element]`. */
  readonly inTransitByElement: Float64Array;
  /** Smoothed in-transit amount per user node (the pipeline it expects to hold), t; `[region][form][element]`. */
  readonly inTransitSmoothed: Float64Array;
  /** Orders received by producer nodes this month / smoothed, t per month; `[region][form][element]`. */
  readonly ordersNow: Float64Array;
  /** What entered producers' stock this month / smoothed (their offer to the market), t per month; `[region][form][element]`. */
  readonly supplyNow: Float64Array;
  readonly supplySmoothed: Float64Array;
  /** Magnet scrap returned as oxide to each region's producers (t/month). */
  readonly recycled: RecycledScrap;
  /** Orders for current need, without restocking: production lost is counted against them. */
  readonly ordersForNeed: OrdersForNeed;
  readonly ordersSmoothed: Float64Array;
  /** Input needed by plants / sectors at user nodes this month and smoothed, t per month; `[region][form][element]`. */
  readonly plantNeedNow: Float64Array;
  readonly sectorNeedNow: Float64Array;
  readonly plantNeedSmoothed: Float64Array;
  readonly sectorNeedSmoothed: Float64Array;
  /** Stock targets this month (for price cover), t; `[region][form][element]`. */
  readonly targetIn: Float64Array;
  readonly targetOut: Float64Array;
  /** Production plan of the stage being stepped (separation: feed; metal: output), t; `[region][element]`. */
  readonly plan: Float64Array;
  /**
   * The part of the stage's plan whose loss counts as production lost for lack of input: what buyers ordered, within
   * the plants' capacity, without the minimum load of new plants or the full-capacity run of a price floor, t;
   * `[region][element]` (separation: feed; metal: output; magnets: metal need). Set by the plan phase of each stage.
   */
  readonly lostBasis: Float64Array;
  /**
   * Separation feed this month by kind, t; `[region][element]`: `ordered`, what buyers ordered (before price floors);
   * `pushed`, the part of the capped plan that is the region's own unsold concentrate fed to its separators (§7).
   */
  readonly separationFeed: {
    readonly ordered: Float64Array;
    readonly pushed: Float64Array;
    /** Scratch of produceSeparation: feed placed on plants, t, and the share of each element's feed taken this round; `[element]`. */
    readonly fed: Float64Array;
    readonly baseTaken: Float64Array;
    readonly extraTaken: Float64Array;
    /** Scratch of produceSeparation: a plant's capacity left this month, t REO; `[facility]`. */
    readonly plantRoom: Float64Array;
  };
  /** Magnet content planned by type, t; `[region][type][element]`. */
  readonly magnetPlan: Float64Array;
  /** Current mine output rate, t REO per month; `[facility]`. */
  readonly mineRate: Float64Array;
  /** Available capacity this month; `[facility]`. */
  readonly capNow: Float64Array;
  /** Ramp × capacity multiplier this month (scales calibration output too); `[facility]`. */
  readonly capFactor: Float64Array;
  /** Calibration production rate of facilities active at the start (0 for later ones); `[facility]`. */
  readonly baseRate: Float64Array;
  /** Multiplier on the capacity ceiling of each growth class (`facilityGrowthClass`: 0 none, 1 China, 2 China ionic); `[class]`. */
  readonly capacityGrowth: Float64Array;
  /** China-domestic value of China's calibration mined basket ÷ its calibration value, smoothed (the quota's price signal); `[1]`. */
  readonly quotaPriceSignal: Float64Array;
  /** Calibration output capacity still available, by stage and region (0–1+); `[stage][region]`. */
  readonly stageCapacityRatio: Float64Array;
  /** Per-facility arrays (one field, see `MagnetPools` on the field limit). */
  readonly perFacility: PerFacility;
  /** Sector demand this month, demand units; `[region][sector]`. */
  readonly demandUnits: Float64Array;
  /** Effective magnet recipe per market after thrifting, t per t magnet; `[market][grade][element]`. */
  readonly gradeShareEff: Float64Array;
  /** Global magnet content demand split by type, share; `[type][element]`, content per tonne and yield by type. */
  readonly typeShare: Float64Array;
  readonly typeContentPerTonne: Float64Array;
  /** World magnet demand's element content per tonne of each type, t/t; `[type][element]`. */
  readonly typeElementPerTonne: Float64Array;
  readonly typeYield: Float64Array;
  /** Floor price in force this month, US$/kg (0 = none); `[region][element]`. */
  readonly floorPrice: Float64Array;
  /** Prices, US$/kg element; `[element][market]` (the ex-China wedge is in `scarcity`); blocked and requested ex-China tonnes this month, `[form][element]`. */
  readonly prices: Float64Array;
  /** Users' cover the prices take as normal (averaged over the end of the spin-up). */
  readonly coverCalibration: CoverCalibration;
  /** Price scarcity state: the ex-China wedge, lasting scarcity, users' input need and shortfall, the licence wall (one field). */
  readonly scarcity: PriceScarcity;
  readonly blockedEx: Float64Array;
  readonly requestsEx: Float64Array;
  /** Final-use need and shortfall this month by market, t; `[market][element]`. */
  readonly useNeed: Float64Array;
  readonly useShort: Float64Array;
  /** Magnet sector demand and unmet units by market this month; `[market]`. */
  readonly magnetUnits: Float64Array;
  readonly magnetUnitsShort: Float64Array;
  /** Response state by market: smoothed heavy stress, smoothed magnet stress, GBD cut, Dy-free share, substitution share. */
  readonly stressHeavy: Float64Array;
  readonly stressMagnet: Float64Array;
  readonly gbdCut: Float64Array;
  readonly dyFreeShare: Float64Array;
  readonly substitutionShare: Float64Array;
  /** [sector][market] share of a non-magnet sector's demand thrifted away in answer to its basket's price (irreversible). */
  readonly nonMagnetThrift: Float64Array;
  /** Pr-for-Nd factor of magnet recipes per market (1 = the grades' own Nd:Pr split; below 1 = less Pr, more Nd); `[market]`. */
  readonly prForNd: Float64Array;
  /** Quota tonnes used in the current period and that period's index; `[quota]`. */
  readonly quotaUsed: Float64Array;
  readonly quotaPeriod: Float64Array;
  readonly quotaFactor: Float64Array;
  /** This month's allowance left for each quota in force for the form being cleared, t; `[quota]`. */
  readonly quotaAllowance: Float64Array;
  /** Per constraint segment: 1 when any export permit share is below 1 / any licence delay is above 0; `[segment]`. */
  readonly segmentRestricts: Uint8Array;
  readonly segmentDelays: Uint8Array;
  /** Per constraint segment: 1 when any import tariff rate is above 0; `[segment]`. */
  readonly segmentTariffs: Uint8Array;
  /** Value of this month's taxed imports (t × US$/kg at the supplier's price) and the duty on them; `[region][form][element]`. */
  readonly taxedValue: Float64Array;
  readonly taxedDuty: Float64Array;
  /** Import tariff markup on each region's price last month (duty ÷ value of its taxed imports, 0 when it bought none); `[region][form][element]`. */
  readonly tariffMarkup: Float64Array;
  /** 1 for regions with a non-zero tariff markup last month; `[region]`. */
  readonly hasTariffMarkup: Uint8Array;
  /** True when some constraint segment of the run has a tariff. */
  readonly anyTariffs: boolean;
  // ── market scratch ──
  readonly request: Float64Array; // [element][region]
  readonly restockRequest: Float64Array; // [element][region] part of the request that rebuilds stock (asked only where trade is free)
  readonly avail: Float64Array; // [element][region]
  readonly availInit: Float64Array; // [element][region]
  readonly domesticServed: Float64Array; // [element][region]
  readonly ship: Float64Array; // [element][from][to]
  readonly shippedFrom: Uint8Array; // [element][from] 1 when the supplier shipped anything this clearing
  readonly ok: Uint8Array; // [from][to]
  readonly approved: Float64Array; // [from][to]
  readonly permitE: Float64Array; // [from][to] permit factor of the element being cleared
  readonly tariffE: Float64Array; // [from][to] import tariff rate of the element being cleared
  readonly deferred: Uint8Array; // [region] suppliers a buyer leaves for later this round (a cheaper, less-taxed one has an offer)
  readonly originList: Int32Array; // [origin] indices of non-zero origins of one stock
  readonly originShare: Float64Array; // [k] share of the stock held by originList[k]
  readonly supplierList: Int32Array; // [region] suppliers holding the element being cleared
  readonly buyerList: Int32Array; // [region] nodes requesting it
  /**
   * Clearing scratch by region: `mask`/`list`, the regions that asked for any element of the form being cleared or hold a
   * captive share of concentrate (the only columns of `ship` and `basketShare` clearing writes); `needPerOffer`, a buyer's
   * current need per tonne of its pool's offer (free trade with home-only sellers).
   */
  readonly formBuyers: { readonly mask: Uint8Array; readonly list: Int32Array; readonly needPerOffer: Float64Array };
  readonly etPermit: Float64Array; // [from][to][element] extraterritorial permit factor of the form being cleared
  readonly etDelay: Float64Array; // [from][to][element] extraterritorial delay, months
  readonly etSet: Uint8Array; // [1] 1 when etPermit / etDelay hold a rule's values (reset before the next form)
  readonly etCoveredShare: Float64Array; // [market][element] share of the element's magnet content a rule covers (by grade)
  readonly basketShare: Float64Array; // [from][to] share of the supplier's concentrate stock each buyer takes
  readonly basketPermit: Float64Array; // [from][to] permit of a concentrate shipment: the smallest of its elements'
  readonly basketDelay: Float64Array; // [from][to] licence + extraterritorial delay of a concentrate shipment: the longest of its elements', months
  readonly weights: Float64Array; // [region]
  readonly scratchE: Float64Array; // [element]
  readonly scratchE2: Float64Array; // [element]
  readonly scratchE3: Float64Array; // [element]
  readonly basket0ByMarket: Float64Array; // [market] a sector's element basket at calibration prices
  readonly scratchT: Float64Array; // [type]
  readonly scratchT2: Float64Array; // [type]
  readonly scratchR: Float64Array; // [region]
  readonly scratchR2: Float64Array; // [region]
  readonly rho: Float64Array; // [region][element] share of need met at a user node this month
  readonly capable: Uint8Array; // [region][element] separation capacity for the element this month
  readonly captiveShare: Float64Array; // [from][to] captive concentrate share this month
  readonly captiveRegionRate: Float64Array; // [region] mine output rate, t REO/month
  readonly captivePlantCapacity: Float64Array; // [facility] capacity of the mine owner's separation plants
  /** Elements that stand in for each other at the use stage (Nd + Pr, Dy + Tb). */
  readonly magnetPools: MagnetPools;
  /** Static index lists that let loops skip what is always empty. */
  readonly lists: IndexLists;
}

/** Index lists fixed for a run. */
export interface IndexLists {
  /** Facility indices grouped by stage and region (index order within a group), and where each group starts; `[stage × R + region + 1]`. */
  readonly facilitiesByStageRegion: Int32Array;
  readonly facilityGroupStart: Int32Array;
  /** Nodes the run can ever touch (`live-nodes.ts`): phases loop over these instead of every region × form × element. */
  readonly live: LiveNodes;
}

/** Facilities grouped by `[stage][region]` (ascending index within a group), for phases that visit one region's plants of a stage. */
/**
 * Groups of run-state arrays kept in one field each: the run state must stay within V8's limit for fast object
 * literals (about 128 named fields; `run-state.test.ts` checks it). Past it every run's state gets its own hidden
 * class, the engine's inline caches go polymorphic across runs and a run takes ~40 % longer.
 */
export interface MagnetPools {
  /** [element] the element's pool (0 Nd+Pr, 1 Dy+Tb), −1 when it is drawn on its own. */
  readonly of: Int8Array;
  /** [element] weight in its pool: t of the pool's reference element per t (Tb: `magnet.tbDyEquivalence` t of Dy). */
  readonly weight: Float64Array;
  /** [pool] a region's weighted magnet stock, its magnet sectors' weighted need and weighted use (scratch). */
  readonly have: Float64Array;
  readonly want: Float64Array;
  readonly use: Float64Array;
}

/** Per-facility state and the scratch that attributes a stage's output to its plants. */
export interface PerFacility {
  /** Start month after status slips; `[facility]`. */
  readonly startEffective: Float64Array;
  /** Each plant's capped share of its region's plan this month (`limitByPlants`; separation: feed, metal: output), t; `[facility][element]`. */
  readonly plan: Float64Array;
  /** Separation feed placed on each plant this month, t of element; `[facility][element]`. */
  readonly feed: Float64Array;
}

/** Prices' calibration cover per element, and its running sum over the last spin-up months. */
export interface CoverCalibration {
  /** [element] the cover prices take as normal (1 until the spin-up has set it). */
  readonly byElement: Float64Array;
  /** [element] sum of the covers over the months counted so far. */
  readonly sumByElement: Float64Array;
  /** The same for the world's users (read when no licence wall splits the market), and its sum. */
  readonly worldByElement: Float64Array;
  readonly worldSumByElement: Float64Array;
  /** [form][element] share of ex-China users' need unmet that prices take as normal, and its sum over the months counted. */
  readonly unmetExByForm: Float64Array;
  readonly unmetExSumByForm: Float64Array;
  /** [1] months counted. */
  readonly months: Float64Array;
}

/** The state §11's price targets read and keep, grouped in one run-state field (see the field limit in run-state.test.ts). */
export interface PriceScarcity {
  /** Ex-China wedge over China's price × calibration premium; `[element]`. */
  readonly wedge: Float64Array;
  /** Lasting scarcity in China's price target, log units; `[element]` (0 during the spin-up). */
  readonly memory: Float64Array;
  /**
   * Input need of users of oxide, metal and magnets (plants and sectors) this month and the part of it their stock could
   * not meet, t; `[market][form][element]` (form 0, separators' feed, is not tallied).
   */
  readonly inputNeed: Float64Array;
  readonly inputShort: Float64Array;
  /**
   * Per constraint segment: 1 when an export of the element from China's market into the ex-China market (between any
   * two regions when there is no China region) has a permit share below 1 or a licence delay; `[segment][element]`.
   */
  readonly licenceWall: Uint8Array;
}

/** Magnet scrap returned as oxide to each region's producers, `[region][element]`, t: this month and smoothed. */
export interface RecycledScrap {
  readonly now: Float64Array;
  readonly smoothed: Float64Array;
}

/** Orders for current need (a request less its restocking part), t. */
export interface OrdersForNeed {
  /** [node] this month, and smoothed like all orders. */
  readonly now: Float64Array;
  readonly smoothed: Float64Array;
  /** [region][element] what a producing stage's buyers order from the region for current need (its share or more). */
  readonly byRegion: Float64Array;
  /**
   * [node] input a user node's plants need for output ordered for current need (the rest of their input plan rebuilds
   * stocks down the chain), set by each stage's plan.
   */
  readonly plantInput: Float64Array;
  /** [element][region] share of a request's current-need part that is for current need all the way down (scratch). */
  readonly requestShare: Float64Array;
}

function groupFacilities(model: CompiledModel, R: number): { list: Int32Array; start: Int32Array } {
  const N = model.facilityIds.length;
  const start = new Int32Array(4 * R + 1);
  for (let i = 0; i < N; i++) start[model.facilityStage[i]! * R + model.facilityRegion[i]! + 1]!++;
  for (let g = 0; g < 4 * R; g++) start[g + 1]! += start[g]!;
  const list = new Int32Array(N);
  const next = start.slice(0, 4 * R);
  for (let i = 0; i < N; i++) list[next[model.facilityStage[i]! * R + model.facilityRegion[i]!]!++] = i;
  return { list, start };
}

/** Ring length: enough months for the longest lead time plus every possible licence delay. */
function ringMonthsFor(leadTimeMonths: Float64Array, constraints: EngineConstraints): number {
  let maxLead = 0;
  for (const v of leadTimeMonths) maxLead = Math.max(maxLead, v);
  let maxDelay = 0;
  for (const seg of constraints.segments) for (const v of seg.licenceDelayMonths) maxDelay = Math.max(maxDelay, v);
  let etDelay = 0;
  for (const x of constraints.extraterritorialRules) etDelay += Math.max(0, x.delayMonths);
  return Math.ceil(maxLead + maxDelay + etDelay) + 2;
}

/**
 * Allocate the state of a run (all zero except what is noted); `initialiseState` fills the starting values. Phases
 * visit only the `live` nodes (by default every node the model and constraints can touch).
 */
export function createRunState(model: CompiledModel, constraints: EngineConstraints, p: ParameterValues, live: LiveNodes = findLiveNodes(model, constraints)): RunState {
  const R = model.regionIds.length;
  const E = model.elementSymbols.length;
  const N = model.facilityIds.length;
  const K = model.sectorIds.length;
  const G = model.gradeIds.length;
  const T = MAGNET_TYPES.length;
  const F = FORM_COUNT;
  const node = R * F * E;
  // Domestic lead times follow the run's (possibly sampled) parameter unless the world gives them explicitly.
  const leadTimeMonths = Float64Array.from(model.leadTimeMonths);
  for (let r = 0; r < R; r++) {
    if (leadTimeMonths[r * R + r] === model.parameters["trade.domesticLeadTimeMonths"]) leadTimeMonths[r * R + r] = p["trade.domesticLeadTimeMonths"];
  }
  const ringMonths = ringMonthsFor(leadTimeMonths, constraints);
  const Q = constraints.exportQuotas.length;
  const f64 = (n: number) => new Float64Array(n);
  const groups = groupFacilities(model, R);
  return {
    R, E, N, K, G, T, p, leadTimeMonths,
    domesticPriority: Float64Array.from(model.domesticPriorityShare, (v, r) => (model.domesticPriorityGiven[r] === 1 ? v : p["trade.defaultDomesticPriorityShare"])),
    outStock: f64(node * R), inStock: f64(node * R),
    inOrigins: new Int32Array(node * R), inOriginCount: new Int32Array(node), inHasOrigin: new Uint8Array(node * R),
    outOrigins: new Int32Array(node * R), outOriginCount: new Int32Array(node), outHasOrigin: new Uint8Array(node * R), outTotal: f64(node), inTotal: f64(node), strategic: f64(node * R), strategicTotal: f64(R * E), hasStrategicStock: new Uint8Array(R),
    ringMonths, ring: f64(ringMonths * node * R), ringUsed: new Uint8Array(ringMonths * node), inTransit: f64(node), inTransitByElement: f64(E), inTransitSmoothed: f64(node),
    ordersNow: f64(node), ordersSmoothed: f64(node), supplyNow: f64(node), supplySmoothed: f64(node), recycled: { now: f64(R * E), smoothed: f64(R * E) }, ordersForNeed: { now: f64(node), smoothed: f64(node), byRegion: f64(R * E), plantInput: f64(node), requestShare: f64(E * R) },
    plantNeedNow: f64(node), sectorNeedNow: f64(node), plantNeedSmoothed: f64(node), sectorNeedSmoothed: f64(node),
    targetIn: f64(node), targetOut: f64(node),
    plan: f64(R * E), lostBasis: f64(R * E), separationFeed: { ordered: f64(R * E), pushed: f64(R * E), fed: f64(E), baseTaken: f64(E), extraTaken: f64(E), plantRoom: f64(N) }, magnetPlan: f64(R * T * E),
    mineRate: f64(N), capNow: f64(N), capFactor: f64(N), baseRate: f64(N), stageCapacityRatio: f64(4 * R), perFacility: { startEffective: f64(N), plan: f64(N * E), feed: f64(N * E) },
    capacityGrowth: f64(3).fill(1), quotaPriceSignal: f64(1).fill(1),
    demandUnits: f64(R * K), gradeShareEff: f64(2 * G * E),
    typeShare: f64(T * E), typeContentPerTonne: f64(T), typeElementPerTonne: f64(T * E), typeYield: f64(T).fill(1),
    floorPrice: f64(R * E),
    prices: Float64Array.from(model.basePriceUsdPerKg), coverCalibration: { byElement: f64(E).fill(1), sumByElement: f64(E), worldByElement: f64(E).fill(1), worldSumByElement: f64(E), unmetExByForm: f64(F * E), unmetExSumByForm: f64(F * E), months: f64(1) },
    scarcity: { wedge: f64(E), memory: f64(E), inputNeed: f64(2 * F * E), inputShort: f64(2 * F * E), licenceWall: licenceWalls(model, constraints) },
    blockedEx: f64(F * E), requestsEx: f64(F * E),
    useNeed: f64(2 * E), useShort: f64(2 * E), magnetUnits: f64(2), magnetUnitsShort: f64(2),
    stressHeavy: f64(2), stressMagnet: f64(2), gbdCut: f64(2), dyFreeShare: f64(2), substitutionShare: f64(2), nonMagnetThrift: f64(K * 2), prForNd: f64(2).fill(1),
    quotaUsed: f64(Q), quotaPeriod: f64(Q).fill(-1), quotaFactor: f64(Q).fill(1), quotaAllowance: f64(Q),
    segmentRestricts: Uint8Array.from(constraints.segments, (seg) => (anyBelow(seg.exportPermitShare, 1) ? 1 : 0)),
    segmentDelays: Uint8Array.from(constraints.segments, (seg) => (anyAbove(seg.licenceDelayMonths, 0) ? 1 : 0)),
    segmentTariffs: Uint8Array.from(constraints.segments, (seg) => (anyAbove(seg.importTariffRate, 0) ? 1 : 0)),
    taxedValue: f64(node), taxedDuty: f64(node), tariffMarkup: f64(node), hasTariffMarkup: new Uint8Array(R),
    anyTariffs: constraints.segments.some((seg) => anyAbove(seg.importTariffRate, 0)),
    request: f64(E * R), restockRequest: f64(E * R), avail: f64(E * R), availInit: f64(E * R), domesticServed: f64(E * R), ship: f64(E * R * R), shippedFrom: new Uint8Array(E * R),
    ok: new Uint8Array(R * R), approved: f64(R * R), permitE: f64(R * R), tariffE: f64(R * R), deferred: new Uint8Array(R), originList: new Int32Array(R), originShare: f64(R), supplierList: new Int32Array(R), buyerList: new Int32Array(R), formBuyers: { mask: new Uint8Array(R), list: new Int32Array(R), needPerOffer: f64(R) }, etPermit: f64(R * R * E).fill(1), etDelay: f64(R * R * E), etSet: new Uint8Array(1), etCoveredShare: f64(2 * E), basketShare: f64(R * R), basketPermit: f64(R * R).fill(1), basketDelay: f64(R * R), weights: f64(R),
    scratchE: f64(E), scratchE2: f64(E), scratchE3: f64(E), basket0ByMarket: f64(2), scratchT: f64(T), scratchT2: f64(T),
    scratchR: f64(R), scratchR2: f64(R), rho: f64(R * E), capable: new Uint8Array(R * E),
    captiveShare: f64(R * R), captiveRegionRate: f64(R), captivePlantCapacity: f64(N),
    lists: { facilitiesByStageRegion: groups.list, facilityGroupStart: groups.start, live },
    magnetPools: { ...magnetPools(model, p), have: f64(MAGNET_POOLS.length), want: f64(MAGNET_POOLS.length), use: f64(MAGNET_POOLS.length) },
  };
}

/**
 * Note that stock `node` may hold origin `o` (in one of the origin sets: `list`, `count`, `has` of `inStock` or
 * `outStock`). Keeps the list ascending, so sums over it run in the same order as over every region.
 */
/** Elements that stand in for each other in a magnet, each with its weight (see `useMagnets`). */
const MAGNET_POOLS = [
  [["Nd", 1], ["Pr", 1]],
  [["Dy", 1], ["Tb", "magnet.tbDyEquivalence"]],
] as const;

function magnetPools(model: CompiledModel, p: ParameterValues): { of: Int8Array; weight: Float64Array } {
  const E = model.elementSymbols.length;
  const of = new Int8Array(E).fill(-1);
  const weight = new Float64Array(E).fill(1);
  MAGNET_POOLS.forEach((pool, index) => {
    for (const [symbol, poolWeight] of pool) {
      const e = model.elementIndex[symbol];
      if (e === undefined) continue;
      of[e] = index;
      weight[e] = typeof poolWeight === "number" ? poolWeight : p[poolWeight];
    }
  });
  return { of, weight };
}

export function addOrigin(list: Int32Array, count: Int32Array, has: Uint8Array, node: number, R: number, o: number): void {
  if (has[node * R + o] === 1) return;
  has[node * R + o] = 1;
  const base = node * R;
  let k = count[node]!;
  count[node] = k + 1;
  while (k > 0 && list[base + k - 1]! > o) {
    list[base + k] = list[base + k - 1]!;
    k--;
  }
  list[base + k] = o;
}

/** `scarcity.licenceWall`: per segment and element, whether exports into the ex-China market face a permit below 1 or a delay. */
function licenceWalls(model: CompiledModel, constraints: EngineConstraints): Uint8Array {
  const R = model.regionIds.length;
  const E = model.elementSymbols.length;
  const domestic = model.domesticMarketRegion >= 0;
  const walls = new Uint8Array(constraints.segments.length * E);
  constraints.segments.forEach((seg, i) => {
    for (let from = 0; from < R; from++) {
      if (domestic && model.regionMarket[from] !== 0) continue;
      for (let to = 0; to < R; to++) {
        if (to === from || model.regionMarket[to] !== 1) continue;
        for (let e = 0; e < E; e++) {
          for (let f = 0; f < FORM_COUNT; f++) {
            const k = ((from * R + to) * E + e) * FORM_COUNT + f;
            if (seg.exportPermitShare[k]! < 1 || seg.licenceDelayMonths[k]! > 0) walls[i * E + e] = 1;
          }
        }
      }
    }
  });
  return walls;
}

/** Whether any value is below `limit` (a plain loop: `.some` with a callback cost about 1 % of a run). */
function anyBelow(values: ArrayLike<number>, limit: number): boolean {
  for (let i = 0; i < values.length; i++) if (values[i]! < limit) return true;
  return false;
}

/** Whether any value is above `limit`. */
export function anyAbove(values: ArrayLike<number>, limit: number): boolean {
  for (let i = 0; i < values.length; i++) if (values[i]! > limit) return true;
  return false;
}

/** What every phase of a month reads: the model, the state, the constraints, the result, and the clock. */
export interface StepContext {
  readonly m: CompiledModel;
  readonly s: RunState;
  /** Constraints in force (neutral during spin-up). */
  c: EngineConstraints;
  readonly res: SimulationResult;
  /** Where shipments are recorded (`res.trade` is filled from it when the run ends). */
  readonly trade: TradeRecorder;
  /** Month index being stepped (0 during spin-up). */
  t: number;
  /** Absolute step counter (spin-up months included), for the arrival ring. */
  tick: number;
  /** Constraint segment in force. */
  seg: ConstraintSegment;
  /** True during the unrecorded spin-up months (mines hold their calibration rates). */
  spinningUp: boolean;
  /** Test aid: check every month that no node outside `s.lists.live` holds anything. */
  readonly checkLiveNodes: boolean;
}
