/**
 * @module engine/step-supply
 * Monthly supply phases: capacity, mining, and the separation and metal stages (plan, then produce
 * from input on hand). Magnets are in `step-magnets.ts`. Mutates the run state only; no allocation.
 */
import { FORM_COUNT } from "./constraints.js";
import { addOrigin, type StepContext } from "./run-state.js";

/** Forms per node (a module-level copy: imported bindings can be slow getters in hot loops). */
const F = FORM_COUNT;
/** A module-level copy of `addOrigin` (imported bindings can be slow getters in hot loops). */
const addOriginHere = addOrigin;
/** Relative band around a mine region's balance of wanted and current output in which its rate holds. */
const BALANCE_BAND = 1e-9;
/** Rounds of placing a region's separation feed on its plants (the second offers the room plants left). */
const SEPARATION_ROUNDS = 2;

/** Capacity per facility this month (ramp × availability × policy multiplier), and price floors in force. */
export function updateCapacity(ctx: StepContext): void {
  const { m, s, seg, t, c } = ctx;
  const { baseRate, capFactor, capNow, floorPrice } = s;
  const { startEffective } = s.perFacility;
  const { facilityCapacityTonnes } = ctx.res;
  const { facilityCapacityPerMonth, facilityGrowthClass, facilityIsEstablished, facilityOutput2024PerMonth, facilityRampMonths, facilityRegion, facilityStage } = m;
  const { capacityGrowth } = s;
  const availability = s.p["capacity.availabilityShare"];
  for (let i = 0; i < s.N; i++) {
    const start = startEffective[i]!;
    const rampMonths = facilityRampMonths[i]!;
    const ramp = t < start ? 0 : rampMonths <= 0 ? 1 : Math.min(1, (t - start + 1) / rampMonths);
    const multiplier = seg.capacityMultiplier[i]!;
    if (facilityIsEstablished[i] === 1) {
      // An established facility still ramping (e.g. a separation line commissioning stage by stage) has its
      // calibration output from the start; only the capacity above it comes with the ramp. Nothing before it started
      // (a run that starts before the calibration year).
      const started = t < start ? 0 : 1;
      const opened = facilityCapacityPerMonth[i]! * availability * ramp;
      const calibration = facilityOutput2024PerMonth[i]!;
      // Once the ramp has opened more than its calibration output, the facility counts that capacity as its rate: it
      // claims that much more of its stage's orders (a mine: its floor rate), as a commissioned line would.
      const grown = rampMonths > 0 && calibration > 0 ? Math.max(1, opened / calibration) : 1;
      capFactor[i] = multiplier * started * grown;
      capNow[i] = Math.max(opened, calibration) * multiplier * started * capacityGrowth[facilityGrowthClass[i]!]!;
    } else {
      capFactor[i] = ramp * multiplier;
      capNow[i] = facilityCapacityPerMonth[i]! * availability * ramp * multiplier * capacityGrowth[facilityGrowthClass[i]!]!;
    }
    if (capNow[i]! > 0) facilityCapacityTonnes[t * s.N + i] = capNow[i]!;
  }
  // Share of each region's calibration output capacity still available, by stage (weights of the order book).
  const ratio = s.stageCapacityRatio;
  const baseline = s.scratchR;
  for (let stage = 0; stage < 4; stage++) {
    baseline.fill(0);
    for (let r = 0; r < s.R; r++) ratio[stage * s.R + r] = 0;
    for (let i = 0; i < s.N; i++) {
      if (facilityStage[i] !== stage) continue;
      const r = facilityRegion[i]!;
      baseline[r]! += baseRate[i]!;
      ratio[stage * s.R + r]! += baseRate[i]! * capFactor[i]!;
    }
    for (let r = 0; r < s.R; r++) ratio[stage * s.R + r] = baseline[r]! > 0 ? ratio[stage * s.R + r]! / baseline[r]! : 0;
  }
  s.floorPrice.fill(0);
  for (const floor of c.priceFloors) {
    if (t < floor.fromMonth || t >= floor.toMonth) continue;
    for (let e = 0; e < s.E; e++) {
      const k = floor.region * s.E + e;
      if (floor.elementMask[e] === 1) floorPrice[k] = Math.max(floorPrice[k]!, floor.usdPerKg);
    }
  }
}

/**
 * Desired output of every producer node of `form` into `s.plan` (`[region][element]`): the world's
 * smoothed orders for the element, shared among regions by their calibration output (scaled by the
 * capacity still available), plus closing the gap to the node's output-stock target. Sharing the world
 * order book keeps calibration shares stable; the stock gap moves output toward producers who can sell.
 */
export function desiredOutputByShare(ctx: StepContext, form: number, coverMonths: number): void {
  const { m, s } = ctx;
  const { ordersSmoothed, plan, stageCapacityRatio, targetOut } = s;
  const { baseOutputTonnes } = m;
  const { R, E } = s;
  const adjust = s.p["inventory.adjustmentMonths"];
  const { smoothed: ordersNeedSmoothed, byRegion: orderedForNeed } = s.ordersForNeed;
  // Dead nodes have no orders, calibration output or stock: nothing planned (the arrays are shared by the stages).
  plan.fill(0);
  orderedForNeed.fill(0);
  const { formElements, formElementCount, regions: liveRegions, regionCount: liveRegionCount } = s.lists.live;
  for (let j = 0; j < formElementCount[form]!; j++) {
    const e = formElements[form * E + j]!;
    const regionList = (form * E + e) * R;
    const regionCount = liveRegionCount[form * E + e]!;
    let orders = 0;
    let ordersForNeed = 0;
    let weight = 0;
    for (let k = 0; k < regionCount; k++) {
      const r = liveRegions[regionList + k]!;
      orders += ordersSmoothed[(r * F + form) * E + e]!;
      ordersForNeed += ordersNeedSmoothed[(r * F + form) * E + e]!;
      weight += baseOutputTonnes[(form * R + r) * E + e]! * stageCapacityRatio[form * R + r]!;
    }
    for (let k = 0; k < regionCount; k++) {
      const r = liveRegions[regionList + k]!;
      const node = (r * F + form) * E + e;
      // Its share of the world's orders, or the orders buyers actually address to it when more (trade diverted its way).
      const regionWeight = weight > 0 ? (baseOutputTonnes[(form * R + r) * E + e]! * stageCapacityRatio[form * R + r]!) / weight : 0;
      const share = weight > 0 ? (orders * baseOutputTonnes[(form * R + r) * E + e]! * stageCapacityRatio[form * R + r]!) / weight : 0;
      const own = Math.max(share, ordersSmoothed[node]!);
      // The same for current need alone (no restocking anywhere): what production lost is counted against.
      orderedForNeed[r * E + e] = Math.max(ordersForNeed * regionWeight, ordersNeedSmoothed[node]!);
      const target = coverMonths * own;
      targetOut[node] = target;
      plan[r * E + e] = Math.max(0, own + (target - s.outTotal[node]!) / adjust);
    }
  }
}

/**
 * Mines: established mines run at calibration output (cut when their basket's value falls, floors
 * counting), expand toward capacity by `mine.expansionPerMonth` while their region's concentrate is
 * in demand, but not before the calibration year is over; new mines run at capacity × utilisation.
 * Output is concentrate of origin = mine region.
 */
export function produceMines(ctx: StepContext): void {
  const { m, s, res, t } = ctx;
  const { capFactor, capNow, floorPrice, mineRate, outStock, plan, prices, supplyNow } = s;
  const { basePriceUsdPerKg, elementOxideFactor, facilityGrowthClass, facilityIsEstablished, facilityOutput2024PerMonth, facilityRegion, facilityStage, mineElementPerReo, regionMarket, stageCoverMonths } = m;
  const { capacityGrowth } = s;
  const { facilityOutputTonnes, facilityUtilisation, productionTonnes } = res;
  const { R, E, N } = s;
  const expansion = s.p["mine.expansionPerMonth"];
  const elasticity = s.p["mine.supplyElasticity"];
  const utilisation = s.p["facility.utilisationShare"];
  const cover = stageCoverMonths[0]!;
  // Months from the calibration year's January: until month 12 the year's mine outputs are the world's data.
  const inCalibrationYear = ctx.t + m.monthsFromCalibrationStart < 12;
  // Demand pressure per region: value of wanted concentrate ÷ value of current output.
  const wanted = s.scratchR;
  const current = s.scratchR2;
  desiredOutputByShare(ctx, 0, cover);
  for (let r = 0; r < R; r++) {
    const market = regionMarket[r]!;
    let value = 0;
    for (let e = 0; e < E; e++) value += plan[r * E + e]! * prices[e * 2 + market]!;
    wanted[r] = value;
    current[r] = 0;
  }
  for (let i = 0; i < N; i++) {
    if (facilityStage[i] !== 0) continue;
    const r = facilityRegion[i]!;
    const market = regionMarket[r]!;
    for (let e = 0; e < E; e++) current[r]! += mineRate[i]! * mineElementPerReo[i * E + e]! * prices[e * 2 + market]!;
  }
  for (let i = 0; i < N; i++) {
    if (facilityStage[i] !== 0) continue;
    const cap = capNow[i]!;
    if (cap <= 0) {
      mineRate[i] = 0;
      continue;
    }
    const r = facilityRegion[i]!;
    const market = regionMarket[r]!;
    let value = 0;
    let baseValue = 0;
    for (let e = 0; e < E; e++) {
      const y = mineElementPerReo[i * E + e]!;
      if (y === 0) continue;
      value += y * Math.max(prices[e * 2 + market]!, floorPrice[r * E + e]!);
      baseValue += y * basePriceUsdPerKg[e * 2 + market]!;
    }
    const supplyFactor = baseValue > 0 ? Math.min(1, Math.pow(value / baseValue, elasticity)) : 1;
    // Established mines keep their calibration output, grown with their quota (China's mines mine their quota).
    const base = facilityIsEstablished[i] === 1 ? facilityOutput2024PerMonth[i]! * capFactor[i]! * capacityGrowth[facilityGrowthClass[i]!]! : cap * utilisation;
    const floorRate = base * supplyFactor;
    const pressure = ctx.spinningUp ? 1 : current[r]! > 0 ? wanted[r]! / current[r]! : 1;
    const step = ctx.spinningUp ? 0 : expansion;
    // The calibration year's output is data: no mine expands above its calibration rate before that year is over.
    const stepUp = inCalibrationYear ? 0 : step;
    // Within a hair of balance (rounding noise) the rate holds.
    const change = pressure > 1 + BALANCE_BAND ? 1 + stepUp : pressure < 1 - BALANCE_BAND ? 1 - step : 1;
    const rate = Math.min(cap, Math.max(floorRate, mineRate[i]! * change));
    mineRate[i] = rate;
    // The mine's output as concentrate, t REO of the modelled elements (the rate when its profile has no others).
    let reo = 0;
    for (let e = 0; e < E; e++) {
      const x = rate * mineElementPerReo[i * E + e]!;
      if (x <= 0) continue;
      reo += x * elementOxideFactor[e]!;
      outStock[((r * F + 0) * E + e) * R + r]! += x;
      if (s.outHasOrigin[((r * F + 0) * E + e) * R + r] === 0) addOriginHere(s.outOrigins, s.outOriginCount, s.outHasOrigin, (r * F + 0) * E + e, R, r);
      s.outTotal[(r * F + 0) * E + e]! += x;
      supplyNow[(r * F + 0) * E + e]! += x;
      productionTonnes[((t * 4 + 0) * R + r) * E + e]! += x;
    }
    if (reo > 0) {
      facilityOutputTonnes[t * N + i] = reo;
      facilityUtilisation[t * N + i] = reo / cap;
    }
  }
}

/**
 * Split each region's wanted input (`s.plan`, `[region][element]`) over the plants of `stage` that can
 * handle each element, in proportion to their capacity, and cap each plant at its capacity (load per
 * element unit × `weight`, e.g. the oxide factor for t REO). New plants run at least at capacity × utilisation;
 * the load they add to reach it is split over their elements in proportion to the world's orders for them
 * (a new plant makes the usual mix, not a multiple of whatever little its region happened to want).
 */
function limitByPlants(ctx: StepContext, stage: number, weight: Float64Array | null): void {
  const { m, s } = ctx;
  const { capNow, capable, lostBasis, ordersSmoothed, plan } = s;
  const { facilityElementMask, facilityIsEstablished } = m;
  const { R, E } = s;
  const utilisation = s.p["facility.utilisationShare"];
  // Each plant's share of the capped plan, t; `[facility][element]` (what produceMetal attributes output by).
  const plantPlan = s.perFacility.plan;
  const eligible = s.scratchE;
  const planned = s.scratchE2;
  const worldOrders = s.scratchE3;
  worldOrders.fill(0);
  for (let r = 0; r < R; r++) for (let e = 0; e < E; e++) worldOrders[e]! += ordersSmoothed[(r * F + stage) * E + e]!;
  const { facilitiesByStageRegion, facilityGroupStart } = s.lists;
  for (let r = 0; r < R; r++) {
    eligible.fill(0);
    planned.fill(0);
    for (let e = 0; e < E; e++) lostBasis[r * E + e] = 0;
    const first = facilityGroupStart[stage * R + r]!;
    const end = facilityGroupStart[stage * R + r + 1]!;
    for (let g = first; g < end; g++) {
      const i = facilitiesByStageRegion[g]!;
      if (capNow[i]! <= 0) continue;
      for (let e = 0; e < E; e++) if (facilityElementMask[i * E + e] === 1) eligible[e]! += capNow[i]!;
    }
    for (let g = first; g < end; g++) {
      const i = facilitiesByStageRegion[g]!;
      plantPlan.fill(0, i * E, (i + 1) * E);
      if (capNow[i]! <= 0) continue;
      const cap = capNow[i]!;
      let load = 0;
      for (let e = 0; e < E; e++) {
        if (facilityElementMask[i * E + e] !== 1) continue;
        load += ((plan[r * E + e]! * cap) / eligible[e]!) * (weight === null ? 1 : weight[e]!);
      }
      const minLoad = facilityIsEstablished[i] === 1 ? 0 : cap * utilisation;
      if (load >= minLoad) {
        if (load <= 0) continue;
        const scale = Math.min(1, cap / load);
        for (let e = 0; e < E; e++) {
          if (facilityElementMask[i * E + e] !== 1) continue;
          const share = ((plan[r * E + e]! * cap) / eligible[e]!) * scale;
          planned[e]! += share;
          plantPlan[i * E + e] = share;
          lostBasis[r * E + e]! += share;
        }
        continue;
      }
      // Below its minimum load: the plan as wanted plus the missing load in the world's order mix.
      let mix = 0;
      for (let e = 0; e < E; e++) if (facilityElementMask[i * E + e] === 1) mix += worldOrders[e]! * (weight === null ? 1 : weight[e]!);
      for (let e = 0; e < E; e++) {
        if (facilityElementMask[i * E + e] !== 1) continue;
        const extra = mix > 0 ? ((minLoad - load) * worldOrders[e]!) / mix : 0;
        planned[e]! += (plan[r * E + e]! * cap) / eligible[e]! + extra;
        plantPlan[i * E + e] = (plan[r * E + e]! * cap) / eligible[e]! + extra;
        // The lift to minimum load is the plant's own target, not lost production when feed is missing.
        lostBasis[r * E + e]! += (plan[r * E + e]! * cap) / eligible[e]!;
      }
    }
    for (let e = 0; e < E; e++) {
      plan[r * E + e] = planned[e]!;
      if (stage === 1) capable[r * E + e] = eligible[e]! > 0 ? 1 : 0;
    }
  }
}

/** Separation plan: feed wanted per region and element (floors: run at capacity), capped by plants; sets concentrate input need. */
export function planSeparation(ctx: StepContext): void {
  const { s } = ctx;
  const { floorPrice, plan, plantNeedNow } = s;
  const { R, E } = s;
  const recovery = s.p["separation.recoveryShare"];
  const cover = s.p["inventory.outputCoverMonths"];
  const adjust = s.p["inventory.adjustmentMonths"];
  const minDrivingShare = s.p["concentrate.minDrivingShare"];
  // Carried stock beyond this many months of the mines' output is unsold.
  const unsoldCover = ctx.m.stageCoverMonths[0]! * s.p["concentrate.unsoldCoverMultiple"];
  const { ordered, pushed } = s.separationFeed;
  desiredOutputByShare(ctx, 1, cover);
  const recycled = s.recycled.smoothed;
  for (let r = 0; r < R; r++) {
    // Feed push: when the region's own concentrate is left unsold from earlier months beyond its mines' stock target
    // — every element its separators can handle, so the basket as a whole does not sell — that share of the stock is
    // fed to its separators over the adjustment time (a miner that cannot sell its concentrate separates it).
    let basketTonnes = 0;
    for (let e = 0; e < E; e++) basketTonnes += s.outTotal[(r * F + 0) * E + e]!;
    let unsoldShare = basketTonnes > 0 ? 1 : 0;
    let drivers = 0;
    for (let e = 0; e < E; e++) {
      const mined = (r * F + 0) * E + e;
      const held = s.outTotal[mined]!;
      if (s.capable[r * E + e] === 0 || held <= 0 || held < minDrivingShare * basketTonnes) continue;
      drivers++;
      // Carried over from earlier months beyond a multiple of the mines' cover of their own smoothed output (not of
      // their orders: the push's own orders must not raise the bar).
      const carried = held - s.supplyNow[mined]!;
      unsoldShare = Math.min(unsoldShare, Math.max(0, carried - unsoldCover * s.supplySmoothed[mined]!) / held);
    }
    if (drivers === 0) unsoldShare = 0;
    for (let e = 0; e < E; e++) {
      // Magnet makers' scrap returns to the region's oxide producers as oxide: separators make only the rest.
      const fromOre = Math.max(0, plan[r * E + e]! - recycled[r * E + e]!);
      ordered[r * E + e] = Math.min(fromOre, Math.max(0, s.ordersForNeed.byRegion[r * E + e]! - recycled[r * E + e]!)) / recovery;
      const push = s.capable[r * E + e] === 1 ? (unsoldShare * s.outTotal[(r * F + 0) * E + e]!) / adjust : 0;
      // A price floor runs the plants at capacity (they buy feed for it, through the market as usual); what they
      // separate is then the feed as it comes (produceSeparation), since one plant cannot take the NdPr and leave the La.
      const elementFloored = floorPrice[r * E + e]! > 0;
      const wanted = elementFloored ? 1e15 : fromOre / recovery + push;
      plan[r * E + e] = wanted;
      // The pushed share of the plan, turned into tonnes once plants have capped it (none under a floor).
      pushed[r * E + e] = !elementFloored && wanted > 0 ? push / wanted : 0;
    }
  }
  limitByPlants(ctx, 1, ctx.m.elementOxideFactor);
  // A price floor runs plants at capacity; only what buyers ordered counts as lost when feed is missing.
  for (let i = 0; i < R * E; i++) if (s.lostBasis[i]! > ordered[i]!) s.lostBasis[i] = ordered[i]!;
  for (let r = 0; r < R; r++) {
    for (let e = 0; e < E; e++) {
      pushed[r * E + e]! *= plan[r * E + e]!;
      plantNeedNow[(r * F + 0) * E + e] = plan[r * E + e]!;
      s.ordersForNeed.plantInput[(r * F + 0) * E + e] = s.lostBasis[r * E + e]!;
    }
  }
}

/**
 * Separate concentrate on hand into oxide (origin becomes the separating region). A region's plants work through
 * their concentrate as a mixed feed: each element the region can separate is fed at least at its planned rate
 * (the region's plants run separate streams, e.g. ionic clays for Dy and Tb) and at least in proportion to its
 * share of the stock at the region's throughput — the planned feed of all elements, or whatever the stock holds
 * above its input target if more — so the co-products bought with a concentrate (La and Ce with Nd) are separated
 * too. The planned feed comes first within the plants' capacity in t REO; the co-products take what capacity is
 * left (so a full plant is never recorded as short of input). Concentrate of elements the region cannot separate goes back on
 * offer (the mixed heavy concentrate).
 */
export function produceSeparation(ctx: StepContext): void {
  const { m, s, res, t } = ctx;
  const { capable, capNow, floorPrice, inOriginCount, inOrigins, inStock, outStock, plan, prices, supplyNow, targetIn } = s;
  const { pushed } = s.separationFeed;
  const { facilitiesByStageRegion, facilityGroupStart } = s.lists;
  const { elementOxideFactor, regionMarket } = m;
  const { facilityOutputTonnes, facilityUtilisation, lossesTonnes, priceFloorPaymentsUsd, productionTonnes, shortfallTonnes, stageInputTonnes } = res;
  const { R, E, N } = s;
  const recovery = s.p["separation.recoveryShare"];
  // Feed placed on each plant this month, t of element; `[facility][element]`.
  const plantFeed = s.perFacility.feed;
  // Per element: ordered feed and co-products still to place, the room of the plants that separate it, what is fed.
  const baseOf = s.scratchE;
  const extraOf = s.scratchE2;
  const elementRoom = s.scratchE3;
  const { baseTaken, extraTaken, fed, plantRoom } = s.separationFeed;
  const { facilityElementMask, facilityRejectShare } = m;
  for (let r = 0; r < R; r++) {
    const market = regionMarket[r]!;
    const first = facilityGroupStart[1 * R + r]!;
    const end = facilityGroupStart[1 * R + r + 1]!;
    let regionRejects = false;
    for (let g = first; g < end; g++) {
      const i = facilitiesByStageRegion[g]!;
      for (let e = 0; e < E; e++) if (facilityRejectShare[i * E + e]! > 0) regionRejects = true;
    }
    // The region's separable stock, its planned feed and input target, and its plants' capacity (t REO) this month.
    let separable = 0;
    let plannedFeed = 0;
    let targetStock = 0;
    let regionFloored = false;
    for (let e = 0; e < E; e++) {
      if (capable[r * E + e] === 0) continue;
      if (floorPrice[r * E + e]! > 0) regionFloored = true;
      separable += s.inTotal[(r * F + 0) * E + e]!;
      // Floored elements are planned at capacity only to buy feed: they rank with the co-products, below.
      if (floorPrice[r * E + e]! <= 0) plannedFeed += Math.max(0, plan[r * E + e]! - pushed[r * E + e]!);
      targetStock += targetIn[(r * F + 0) * E + e]!;
    }
    // Under a price floor the plants run their whole separable stock through, up to capacity.
    const mixShare = regionFloored ? 1 : separable > 0 ? Math.min(1, Math.max(plannedFeed, separable - targetStock) / separable) : 0;
    // Planned feed first (within capacity), then the co-products in the capacity left.
    for (let e = 0; e < E; e++) {
      if (capable[r * E + e] === 0) {
        baseOf[e] = 0;
        extraOf[e] = 0;
        continue;
      }
      // Ordered feed first; the pushed feed (unsold own concentrate) and a floored element's feed rank with the co-products.
      const held = s.inTotal[(r * F + 0) * E + e]!;
      const push = pushed[r * E + e]!;
      const base = floorPrice[r * E + e]! > 0 ? 0 : Math.min(held, Math.max(0, plan[r * E + e]! - push));
      baseOf[e] = base;
      extraOf[e] = Math.max(0, Math.min(held, Math.max(held * mixShare, base + push)) - base);
    }
    // Each plant takes its share of each element it separates (by its room among the plants that separate it), the
    // ordered feed first and the co-products in the room left, within its own capacity; a second round offers the room
    // plants left to what is still waiting (a Ce line full of Ce leaves the light plant's La, Pr and Nd to it).
    fed.fill(0);
    for (let g = first; g < end; g++) {
      const i = facilitiesByStageRegion[g]!;
      plantRoom[i] = capNow[i]!;
      plantFeed.fill(0, i * E, (i + 1) * E);
    }
    for (let round = 0; round < SEPARATION_ROUNDS; round++) {
      elementRoom.fill(0);
      for (let g = first; g < end; g++) {
        const i = facilitiesByStageRegion[g]!;
        if (plantRoom[i]! > 0) for (let e = 0; e < E; e++) if (facilityElementMask[i * E + e] === 1) elementRoom[e]! += plantRoom[i]!;
      }
      baseTaken.fill(0);
      extraTaken.fill(0);
      for (let g = first; g < end; g++) {
        const i = facilitiesByStageRegion[g]!;
        const room = plantRoom[i]!;
        if (!(room > 0)) continue;
        let baseLoad = 0;
        let extraLoad = 0;
        for (let e = 0; e < E; e++) {
          if (facilityElementMask[i * E + e] !== 1 || capable[r * E + e] === 0 || !(elementRoom[e]! > 0)) continue;
          const share = room / elementRoom[e]!;
          baseLoad += share * baseOf[e]! * elementOxideFactor[e]!;
          extraLoad += share * extraOf[e]! * elementOxideFactor[e]!;
        }
        const baseScale = baseLoad > room ? room / baseLoad : 1;
        const left = Math.max(0, room - baseLoad * baseScale);
        const extraScale = extraLoad > left ? left / extraLoad : 1;
        for (let e = 0; e < E; e++) {
          if (facilityElementMask[i * E + e] !== 1 || capable[r * E + e] === 0 || !(elementRoom[e]! > 0)) continue;
          const share = room / elementRoom[e]!;
          baseTaken[e]! += share * baseScale;
          extraTaken[e]! += share * extraScale;
          plantFeed[i * E + e]! += share * baseScale * baseOf[e]! + share * extraScale * extraOf[e]!;
        }
        plantRoom[i] = Math.max(0, room - baseLoad * baseScale - extraLoad * extraScale);
      }
      for (let e = 0; e < E; e++) {
        fed[e]! += baseOf[e]! * baseTaken[e]! + extraOf[e]! * extraTaken[e]!;
        baseOf[e]! *= Math.max(0, 1 - baseTaken[e]!);
        extraOf[e]! *= Math.max(0, 1 - extraTaken[e]!);
      }
    }
    // Past the rounds, baseTaken and extraTaken hold per element the oxide made and the feed used per tonne placed on
    // the plants: each plant's output is its placed feed's share of the region's (records only; nothing reads them back).
    const oxidePerPlaced = baseTaken;
    const usedPerPlaced = extraTaken;
    oxidePerPlaced.fill(0);
    usedPerPlaced.fill(0);
    for (let e = 0; e < E; e++) {
      const node = (r * F + 0) * E + e;
      const base = node * R;
      let available = s.inTotal[node]!;
      const planned = plan[r * E + e]!;
      const feed = capable[r * E + e] === 0 ? 0 : Math.min(available, fed[e]!);
      // Written only where something is short (a write of 0 would still fault in the result's page).
      const feedShort = Math.max(0, Math.min(planned, s.lostBasis[r * E + e]!) - feed);
      if (feedShort !== 0) shortfallTonnes[((t * E + e) * R + r) * 5 + 1]! += feedShort;
      if (feed > 0) {
        const keep = Math.max(0, 1 - feed / available);
        let left = 0;
        for (let k = 0; k < inOriginCount[node]!; k++) {
          const o = inOrigins[base + k]!;
          inStock[base + o]! *= keep;
          left += inStock[base + o]!;
        }
        s.inTotal[node] = left;
        // Front-end rejects (La and Ce that do not pay) go to residue: the capacity-weighted share of the region's
        // plants that separate the element.
        let rejectShare = 0;
        if (regionRejects) {
          let capacity = 0;
          for (let g = facilityGroupStart[1 * R + r]!; g < facilityGroupStart[1 * R + r + 1]!; g++) {
            const i = facilitiesByStageRegion[g]!;
            if (facilityElementMask[i * E + e] !== 1) continue;
            capacity += capNow[i]!;
            rejectShare += capNow[i]! * facilityRejectShare[i * E + e]!;
          }
          rejectShare = capacity > 0 ? rejectShare / capacity : 0;
        }
        const oxide = feed * recovery * (1 - rejectShare);
        oxidePerPlaced[e] = oxide / fed[e]!;
        usedPerPlaced[e] = feed / fed[e]!;
        outStock[((r * F + 1) * E + e) * R + r]! += oxide;
        if (s.outHasOrigin[((r * F + 1) * E + e) * R + r] === 0) addOriginHere(s.outOrigins, s.outOriginCount, s.outHasOrigin, (r * F + 1) * E + e, R, r);
        s.outTotal[(r * F + 1) * E + e]! += oxide;
        supplyNow[(r * F + 1) * E + e]! += oxide;
        productionTonnes[((t * 4 + 1) * R + r) * E + e]! += oxide;
        stageInputTonnes[((t * 4 + 1) * R + r) * E + e]! += feed;
        lossesTonnes[t * E + e]! += feed - oxide;
        const floor = floorPrice[r * E + e]!;
        if (floor > 0) priceFloorPaymentsUsd[t * R + r]! += Math.max(0, floor - prices[e * 2 + market]!) * oxide * 1000;
        available = left;
      }
      if (capable[r * E + e] === 0 && available > 0) {
        const outBase = ((r * F + 0) * E + e) * R;
        supplyNow[(r * F + 0) * E + e]! += available;
        for (let k = 0; k < inOriginCount[node]!; k++) {
          const o = inOrigins[base + k]!;
          if (inStock[base + o] === 0) continue;
          outStock[outBase + o]! += inStock[base + o]!;
          if (s.outHasOrigin[node * R + o] === 0) addOriginHere(s.outOrigins, s.outOriginCount, s.outHasOrigin, node, R, o);
          inStock[base + o] = 0;
        }
        s.outTotal[node]! += available;
        s.inTotal[node] = 0;
      }
    }
    // Each plant's oxide (t REO) and its feed (t REO) against its capacity, which separation rates in feed.
    for (let g = first; g < end; g++) {
      const i = facilitiesByStageRegion[g]!;
      if (!(capNow[i]! > 0)) continue;
      let oxideReo = 0;
      let feedReo = 0;
      for (let e = 0; e < E; e++) {
        const placed = plantFeed[i * E + e]!;
        if (placed === 0) continue;
        oxideReo += placed * oxidePerPlaced[e]! * elementOxideFactor[e]!;
        feedReo += placed * usedPerPlaced[e]! * elementOxideFactor[e]!;
      }
      if (oxideReo > 0) facilityOutputTonnes[t * N + i] = oxideReo;
      if (feedReo > 0) facilityUtilisation[t * N + i] = feedReo / capNow[i]!;
    }
  }
}

/** Metal plan: output wanted per region and element, capped by plants; sets oxide input need. */
export function planMetal(ctx: StepContext): void {
  const { s } = ctx;
  const { plan, plantNeedNow } = s;
  const { R, E } = s;
  const yieldShare = s.p["metal.yieldShare"];
  const cover = s.p["inventory.outputCoverMonths"];
  desiredOutputByShare(ctx, 2, cover);
  limitByPlants(ctx, 2, null);
  // Production lost for lack of oxide counts only output ordered for current need.
  for (let i = 0; i < R * E; i++) if (s.lostBasis[i]! > s.ordersForNeed.byRegion[i]!) s.lostBasis[i] = s.ordersForNeed.byRegion[i]!;
  for (let r = 0; r < R; r++) {
    for (let e = 0; e < E; e++) {
      plantNeedNow[(r * F + 1) * E + e] = plan[r * E + e]! / yieldShare;
      s.ordersForNeed.plantInput[(r * F + 1) * E + e] = s.lostBasis[r * E + e]! / yieldShare;
    }
  }
}

/**
 * Make metal from oxide on hand and serve oxide-using sectors, sharing scarce oxide pro rata between
 * plants and sectors. Metal keeps the origin of its oxide.
 */
export function produceMetal(ctx: StepContext): void {
  const { m, s, res, t } = ctx;
  const { inOriginCount, inOrigins, inStock, outStock, plantNeedNow, rho, sectorNeedNow, supplyNow, useNeed, useShort } = s;
  const { regionMarket } = m;
  const { finalUseTonnes, lossesTonnes, productionTonnes, shortfallTonnes, stageInputTonnes, useByOriginTonnes } = res;
  const recordOrigins = useByOriginTonnes.length > 0;
  const { R, E } = s;
  const yieldShare = s.p["metal.yieldShare"];
  // Metal made per element, t (records the plants' share of it; nothing reads it back).
  const made = s.scratchE;
  // Dead nodes need nothing: all met.
  rho.fill(1);
  const { elements: liveElements, elementCount: liveElementCount } = s.lists.live;
  for (let r = 0; r < R; r++) {
    const market = regionMarket[r]!;
    made.fill(0);
    for (let j = 0; j < liveElementCount[r * F + 1]!; j++) {
      const e = liveElements[(r * F + 1) * E + j]!;
      const node = (r * F + 1) * E + e;
      const base = node * R;
      const available = s.inTotal[node]!;
      const plantNeed = plantNeedNow[node]!;
      const sectorNeed = sectorNeedNow[node]!;
      const need = plantNeed + sectorNeed;
      // Nothing needed here (most region × element nodes): nothing to record or move.
      if (!(need > 0)) {
        rho[r * E + e] = 1;
        continue;
      }
      const met = Math.min(1, available / need);
      rho[r * E + e] = met;
      const feed = plantNeed * met;
      const use = sectorNeed * met;
      // Lost for lack of oxide: the ordered part of the plan (without new plants' minimum load) not made.
      // Written only where something is short (a write of 0 would still fault in the result's page).
      const plantShort = Math.min(plantNeed, s.lostBasis[r * E + e]! / yieldShare) * (1 - met);
      if (plantShort !== 0) shortfallTonnes[((t * E + e) * R + r) * 5 + 2]! += plantShort;
      if (sectorNeed - use !== 0) shortfallTonnes[((t * E + e) * R + r) * 5 + 4]! += sectorNeed - use;
      useNeed[market * E + e]! += sectorNeed;
      useShort[market * E + e]! += sectorNeed - use;
      // Users of oxide short of it (plants and sectors): behind a licence wall their shortage sets the ex-China premium.
      s.scarcity.inputNeed[(market * F + 1) * E + e]! += need;
      s.scarcity.inputShort[(market * F + 1) * E + e]! += need * (1 - met);
      if (feed + use <= 0 || available <= 0) continue;
      const metal = feed * yieldShare;
      const metalBase = ((r * F + 2) * E + e) * R;
      const keep = Math.max(0, 1 - (feed + use) / available);
      let left = 0;
      for (let k = 0; k < inOriginCount[node]!; k++) {
        const o = inOrigins[base + k]!;
        const share = inStock[base + o]! / available;
        if (share === 0) continue;
        outStock[metalBase + o]! += metal * share;
        if (s.outHasOrigin[((r * F + 2) * E + e) * R + o] === 0) addOriginHere(s.outOrigins, s.outOriginCount, s.outHasOrigin, (r * F + 2) * E + e, R, o);
        if (recordOrigins && use !== 0) useByOriginTonnes[((t * R + r) * E + e) * R + o]! += use * share;
        inStock[base + o]! *= keep;
        left += inStock[base + o]!;
      }
      s.inTotal[node] = left;
      s.outTotal[(r * F + 2) * E + e]! += metal;
      made[e] = metal;
      productionTonnes[((t * 4 + 2) * R + r) * E + e]! += metal;
      supplyNow[(r * F + 2) * E + e]! += metal;
      stageInputTonnes[((t * 4 + 2) * R + r) * E + e]! += feed;
      finalUseTonnes[((t * R + r) * F + 1) * E + e]! += use;
      lossesTonnes[t * E + e]! += feed - metal;
    }
    attributeMetalByPlan(ctx, r, made);
  }
}

/**
 * Record the output of region r's metal plants: each makes its planned share (`limitByPlants`) of each element's metal
 * (`made`, t), since scarce oxide is shared pro rata over the region's plan and every plant making an element gets the
 * same share of its plan.
 */
function attributeMetalByPlan(ctx: StepContext, r: number, made: Float64Array): void {
  const { s, res, t } = ctx;
  const { capNow } = s;
  const { R, E, N } = s;
  const { facilitiesByStageRegion, facilityGroupStart } = s.lists;
  const plantPlan = s.perFacility.plan;
  const planned = s.scratchE2;
  planned.fill(0);
  const first = facilityGroupStart[2 * R + r]!;
  const end = facilityGroupStart[2 * R + r + 1]!;
  for (let g = first; g < end; g++) {
    const i = facilitiesByStageRegion[g]!;
    for (let e = 0; e < E; e++) planned[e]! += plantPlan[i * E + e]!;
  }
  for (let g = first; g < end; g++) {
    const i = facilitiesByStageRegion[g]!;
    let output = 0;
    for (let e = 0; e < E; e++) if (made[e]! > 0 && plantPlan[i * E + e]! > 0) output += (made[e]! * plantPlan[i * E + e]!) / planned[e]!;
    if (output > 0) {
      res.facilityOutputTonnes[t * N + i] = output;
      res.facilityUtilisation[t * N + i] = output / capNow[i]!;
    }
  }
}
