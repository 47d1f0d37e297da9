/**
 * @module engine/run
 * Run a compiled model month by month under compiled constraints and return plain-data results.
 * Pure: randomness comes from the seed, nothing reads a clock, nothing allocates inside the loop.
 */
import type { CompiledModel } from "./compiled-model.js";
import { assertConstraintsFit, createNeutralConstraints, FORM_COUNT, type EngineConstraints } from "./constraints.js";
import { initialiseState } from "./initial-state.js";
import { allNodesLive, firstTouchedDeadNode } from "./live-nodes.js";
import { sampleParameters as drawParameters, type ParameterId, type ParameterValues } from "./parameters.js";
import { createRandom } from "./random.js";
import { allocateResult, clearFirstMonth, type RecordOptions, type SimulationResult } from "./result.js";
import { TradeRecorder } from "./trade-record.js";
import { anyAbove, createRunState, type StepContext } from "./run-state.js";
import { buildStrategicStock, computeDemand, recordNonMagnetDelivery, releaseStrategicStock } from "./step-demand.js";
import { planMagnets, produceMagnets, useMagnets } from "./step-magnets.js";
import { clearMarket, computeRequests } from "./step-market.js";
import { recordMonthEnd, settleCoverCalibration, smoothAndReset, updateCapacityGrowth, updatePrices, updateResponses, updateTariffMarkups } from "./step-prices.js";
import { planMetal, planSeparation, produceMetal, produceMines, produceSeparation, updateCapacity } from "./step-supply.js";

/** Options of `runSimulation`. */
export interface RunOptions extends RecordOptions {
  /** Seed of the random stream used for sampled parameters. @default 1 */
  readonly seed?: number;
  /** Draw every parameter that has a `range` uniformly within it. @default false */
  readonly sampleParameters?: boolean;
  /** Parameter values that replace the world's (after sampling), e.g. for sensitivity runs. */
  readonly parameterOverrides?: Partial<Record<ParameterId, number>>;
  /** Test aid: throw as soon as a node outside the run's live nodes (`live-nodes.ts`) holds anything. @default false */
  readonly checkLiveNodes?: boolean;
  /** Test aid: treat every node as live (results must not change). @default false */
  readonly allNodesLive?: boolean;
}

/** Move this month's arrivals from the ring into users' input stocks. */
function receiveArrivals(ctx: StepContext): void {
  const { s, tick } = ctx;
  const { inOriginCount, inOrigins, inStock, inTransit, inTransitByElement, ring, ringUsed } = s;
  const R = s.R;
  const slot = tick % s.ringMonths;
  const nodes = s.inTransit.length;
  const { nodes: liveNodes, nodeCount: liveNodeCount } = s.lists.live;
  for (let n = 0; n < liveNodeCount[0]!; n++) {
    const node = liveNodes[n]!;
    // Nothing on order for this node: its ring entries are empty (or hold rounding dust, which waits).
    if (!(inTransit[node]! > 0)) continue;
    // Nothing shipped into this slot since it was last received.
    if (ringUsed[slot * nodes + node] === 0) continue;
    ringUsed[slot * nodes + node] = 0;
    let arrived = 0;
    // Shipping put every origin it sends into the receiving stock's origin set.
    for (let k = 0; k < inOriginCount[node]!; k++) {
      const o = inOrigins[node * R + k]!;
      const v = ring[(slot * nodes + node) * R + o]!;
      if (v === 0) continue;
      inStock[node * R + o]! += v;
      ring[(slot * nodes + node) * R + o] = 0;
      arrived += v;
    }
    if (arrived === 0) continue;
    s.inTotal[node]! += arrived;
    inTransit[node] = Math.max(0, inTransit[node]! - arrived);
    inTransitByElement[node % s.E]! -= arrived;
  }
}

/** One month: arrivals, capacity, demand, then each stage's plan → market → production, then prices. */
function stepMonth(ctx: StepContext): void {
  receiveArrivals(ctx);
  updateCapacity(ctx);
  computeDemand(ctx);
  produceMines(ctx);
  // Concentrate → separation.
  planSeparation(ctx);
  releaseStrategicStock(ctx, 0);
  computeRequests(ctx, 0);
  clearMarket(ctx, 0);
  produceSeparation(ctx);
  buildStrategicStock(ctx, 0);
  // Oxide → metal and oxide-using sectors. Strategic stocks are released before and built after each form's use.
  planMetal(ctx);
  releaseStrategicStock(ctx, 1);
  computeRequests(ctx, 1);
  clearMarket(ctx, 1);
  produceMetal(ctx);
  recordNonMagnetDelivery(ctx, 1);
  buildStrategicStock(ctx, 1);
  // Metal → magnets and metal-using sectors.
  planMagnets(ctx);
  releaseStrategicStock(ctx, 2);
  computeRequests(ctx, 2);
  clearMarket(ctx, 2);
  produceMagnets(ctx);
  recordNonMagnetDelivery(ctx, 2);
  buildStrategicStock(ctx, 2);
  // Magnets → magnet sectors.
  releaseStrategicStock(ctx, 3);
  computeRequests(ctx, 3);
  clearMarket(ctx, 3);
  useMagnets(ctx);
  buildStrategicStock(ctx, 3);
  updatePrices(ctx);
  updateResponses(ctx);
  updateCapacityGrowth(ctx);
  updateTariffMarkups(ctx);
  recordMonthEnd(ctx);
  if (ctx.checkLiveNodes) assertOnlyLiveNodesTouched(ctx);
  smoothAndReset(ctx);
}

/** Throw when a node outside the run's live nodes holds stock, need, orders or supply (see `checkLiveNodes`). */
function assertOnlyLiveNodesTouched(ctx: StepContext): void {
  const { s } = ctx;
  const perNode = [s.inStock, s.outStock, s.strategic, s.inTotal, s.outTotal, s.inTransit, s.inTransitSmoothed, s.ordersNow, s.ordersSmoothed,
    s.supplyNow, s.supplySmoothed, s.plantNeedNow, s.plantNeedSmoothed, s.sectorNeedNow, s.sectorNeedSmoothed, s.targetIn, s.targetOut,
    s.ordersForNeed.now, s.ordersForNeed.smoothed, s.ordersForNeed.plantInput, s.taxedValue, s.taxedDuty, s.tariffMarkup];
  let node = firstTouchedDeadNode(s.lists.live, perNode, s.inTotal.length);
  // The ring is slot-major: `[slot][node][origin]`.
  for (let i = 0; node < 0 && i < s.ring.length; i++) if (s.ring[i] !== 0 && s.lists.live.isLive[Math.floor(i / s.R) % s.inTotal.length] !== 1) node = Math.floor(i / s.R) % s.inTotal.length;
  if (node < 0) return;
  const region = ctx.m.regionIds[Math.floor(node / (FORM_COUNT * s.E))];
  throw new Error(`node ${node} (${region}, form ${Math.floor(node / s.E) % FORM_COUNT}, ${ctx.m.elementSymbols[node % s.E]}) holds something in month ${ctx.tick} but is not live: add what puts it there to findLiveNodes`);
}

/** Tonnes held anywhere (working, strategic, in transit) by element, into `into`. */
function heldByElement(ctx: StepContext, into: Float64Array): void {
  const { s } = ctx;
  const { inStock, inTransitByElement, outStock, strategic } = s;
  const { R, E } = s;
  into.fill(0);
  for (let i = 0; i < s.inStock.length; i++) {
    const e = Math.floor(i / R) % E;
    into[e]! += inStock[i]! + outStock[i]!;
  }
  for (let i = 0; i < s.strategic.length; i++) into[Math.floor(i / R) % E]! += strategic[i]!;
  for (let e = 0; e < E; e++) into[e]! += inTransitByElement[e]!;
}

/**
 * Simulate `model` under `constraints`. The run first settles for `engine.spinUpMonths` months under
 * calibration conditions (not recorded), then steps `model.months` months.
 * @example
 * const model = compileModel(world, { startMonth: "2024-01", months: 120 });
 * const result = runSimulation(model, createNeutralConstraints(model), { seed: 7 });
 */
export function runSimulation(model: CompiledModel, constraints: EngineConstraints, options: RunOptions = {}): SimulationResult {
  const { seed = 1, sampleParameters = false, parameterOverrides = {} } = options;
  assertConstraintsFit(model, constraints);
  const rng = createRandom(seed);
  const sampled = sampleParameters ? drawParameters(model.parameters, model.parameterRanges, rng) : model.parameters;
  const parameters: ParameterValues = { ...sampled, ...parameterOverrides } as ParameterValues;
  const tariffs = constraints.segments.some((seg) => anyAbove(seg.importTariffRate, 0));
  const res = allocateResult(model, { seed, sampledParameters: sampleParameters, parameters }, options, { tariffs });
  const s = createRunState(model, constraints, parameters, options.allNodesLive === true ? allNodesLive(model.regionIds.length, model.elementSymbols.length) : undefined);
  initialiseState(model, s);

  const neutral = createNeutralConstraints(model);
  const trade = new TradeRecorder(model.months, s.R * FORM_COUNT * s.E, options.recordTradeFlows ?? true, options.reuseBuffersOf?.trade, s.R * s.R * s.E * FORM_COUNT);
  const ctx: StepContext = { m: model, s, c: neutral, res, trade, t: 0, tick: 0, seg: neutral.segments[0]!, spinningUp: true, checkLiveNodes: options.checkLiveNodes === true };
  const spinUp = Math.max(0, Math.round(parameters["engine.spinUpMonths"]));
  for (let i = 0; i < spinUp; i++, ctx.tick++) stepMonth(ctx);
  // Spin-up settles stocks, pipelines and orders; prices and responses start from calibration, and prices take the
  // stocks the spin-up settled to as normal.
  settleCoverCalibration(s);
  s.prices.set(model.basePriceUsdPerKg);
  for (const a of [s.scarcity.wedge, s.stressHeavy, s.stressMagnet, s.gbdCut, s.dyFreeShare, s.substitutionShare, s.nonMagnetThrift]) a.fill(0);
  s.prForNd.fill(1);
  clearFirstMonth(res);
  heldByElement(ctx, res.openingStockTonnes);

  ctx.c = constraints;
  ctx.spinningUp = false;
  for (let t = 0; t < model.months; t++, ctx.tick++) {
    ctx.t = t;
    ctx.seg = constraints.segments[constraints.segmentOfMonth[t]!]!;
    stepMonth(ctx);
    trade.closeMonth(t);
  }
  for (let i = 0; i < s.inStock.length; i++) res.finalStockByOriginTonnes[i] = s.inStock[i]! + s.outStock[i]!;
  return { ...res, trade: trade.finish() };
}
