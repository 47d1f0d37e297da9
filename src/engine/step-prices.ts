/**
 * @module engine/step-prices
 * End-of-month phases: prices per element in two markets, lagged demand responses (thrifting,
 * Dy-free designs, substitution), smoothing of orders and needs, and month-end records.
 */
import { FORM_COUNT } from "./constraints.js";
import { RESPONSE_COUNT } from "./result.js";
import type { StepContext } from "./run-state.js";

/** Forms per node (a module-level copy: imported bindings can be slow getters in hot loops). */
const F = FORM_COUNT;

/** Largest ex-China wedge: ex-China at most 100× China's price (above the highest premium seen, yttrium's ~45× in 2025). */
const WEDGE_MAX = 99;
/** Refused shares below this are rounding, not a licence wall. */
const BLOCKED_SHARE_MIN = 1e-6;
/** Smallest share of the element's ex-China requests (or users' need) a form must carry to set the refused (or unmet) share. */
const FORM_SHARE_MIN = 0.05;
/** Largest users' cover ratio counted by prices (a glut pulls prices down at most this hard). */
const COVER_CAP = 1.5;
/** Smallest users' cover ratio counted by prices: below a tenth of normal stocks users are out, and unmet need says how badly. */
const COVER_MIN = 0.1;
/** Months at the end of the spin-up over which each element's calibration cover is averaged. */
export const COVER_CALIBRATION_MONTHS = 12;
/** Smallest calibration cover (keeps the ratio finite for an element whose users hold almost nothing). */
const COVER_CALIBRATION_MIN = 0.05;

/**
 * China-domestic price (docs/model.md §11): its log closes `adjustPerMonth` of the gap to a target each month (at most
 * `maxChangePerMonth`). Target = calibration price × exp(acute + lasting scarcity), at most the backstop: acute =
 * `targetPerCoverScarcity` × (1 / ĉ − 1) + `targetPerUnmetShare` × unmet share, ĉ the users' cover read against its
 * calibration cover (`coverAgainstCalibration`) within [0.1, 1.5] — cover and unmet share are the world's users'
 * without a licence wall on the element, China's behind one; lasting scarcity gains `scarcityMemoryPerMonth` ×
 * (1 − ĉ) a month and fades at `reversionPerMonth` (at `adjustPerMonth` once ĉ ≥ 1). Ex-China = China × calibration premium × (1 + wedge); behind a
 * licence wall the wedge moves (`wedgeAdjustPerMonth`) toward `exportWedgePerBlockedShare` × the larger of the refused
 * share of ex-China requests and the unmet share of ex-China users' need (each in its tightest form), plus
 * exp(`exportWedgePerUnmetShare` × unmet share of ex-China final need) − 1; without one, toward 0. During the spin-up the
 * raw cover is used (and its last months averaged) and nothing lasts.
 */
export function updatePrices(ctx: StepContext): void {
  const { m, s } = ctx;
  const { blockedEx, coverCalibration, prices, requestsEx, targetIn, useNeed, useShort } = s;
  const { inputNeed, inputShort, licenceWall, memory: scarcityMemory, wedge } = s.scarcity;
  const { basePriceUsdPerKg, regionMarket } = m;
  const { R, E } = s;
  const p = s.p;
  const adjust = p["price.adjustPerMonth"];
  const maxChange = p["price.maxChangePerMonth"];
  const perCover = p["price.targetPerCoverScarcity"];
  const perUnmet = p["price.targetPerUnmetShare"];
  const memoryGain = p["price.scarcityMemoryPerMonth"];
  const memoryFade = p["price.reversionPerMonth"];
  // No price rises above this multiple of its calibration price in its market (the backstop, §11).
  const backstop = p["price.backstopMultiple"];
  const logBackstop = Math.log(backstop);
  const hasDomestic = m.domesticMarketRegion >= 0;
  const spinUp = Math.max(0, Math.round(p["engine.spinUpMonths"]));
  // The licence wall of this month's constraint segment (none in the spin-up, whose constraints are neutral).
  const wallRow = ctx.spinningUp ? -1 : ctx.c.segmentOfMonth[ctx.t]! * E;
  const calibrating = ctx.spinningUp && ctx.tick >= spinUp - COVER_CALIBRATION_MONTHS;
  for (let e = 0; e < E; e++) {
    // Users' cover in China's market and in the world.
    let stock = 0;
    let target = 0;
    let worldStock = 0;
    let worldTarget = 0;
    for (let r = 0; r < R; r++) {
      for (let f = 0; f < F; f++) {
        const node = (r * F + f) * E + e;
        // Users' cover only: producers' unsold stock (e.g. surplus cerium concentrate) does not move prices. A
        // separator's concentrate holds its elements in the ore's proportions, so there only a shortage counts: a
        // La-rich feed bought for its Nd is no glut of La.
        const held = f === 0 ? Math.min(s.inTotal[node]!, targetIn[node]!) : s.inTotal[node]!;
        worldTarget += targetIn[node]!;
        worldStock += held;
        if (hasDomestic && regionMarket[r] !== 0) continue;
        target += targetIn[node]!;
        stock += held;
      }
    }
    // The refused share of the tightest form that carries a real part (≥ 5 %) of the element's ex-China requests, and
    // the unmet share of ex-China users' need in the tightest form that carries a real part of it (oxide, metal or
    // magnets), read against the share the calibrated world leaves unmet under free trade: the ex-China spot price is set
    // where the wall bites hardest (oxide, say), not diluted by well-approved magnets.
    let requestedAll = 0;
    let needAll = 0;
    for (let f = 0; f < F; f++) {
      requestedAll += requestsEx[f * E + e]!;
      needAll += inputNeed[(F + f) * E + e]!;
    }
    let blocked = 0;
    let unserved = 0;
    for (let f = 0; f < F; f++) {
      const requested = requestsEx[f * E + e]!;
      if (requested > 0 && requested >= FORM_SHARE_MIN * requestedAll) blocked = Math.max(blocked, blockedEx[f * E + e]! / requested);
      const needed = inputNeed[(F + f) * E + e]!;
      const share = needed > 0 ? inputShort[(F + f) * E + e]! / needed : 0;
      if (calibrating) coverCalibration.unmetExSumByForm[f * E + e]! += share;
      const normal = coverCalibration.unmetExByForm[f * E + e]!;
      if (needed > 0 && needed >= FORM_SHARE_MIN * needAll && normal < 1) unserved = Math.max(unserved, (share - normal) / (1 - normal));
    }
    // Behind a licence wall (a permit below 1 or a licence delay on exports into the ex-China market, or requests refused by
    // a quota or an extraterritorial rule) the ex-China price is bid up by what the wall refuses or what ex-China users
    // lack, whichever is larger (China's own shortage can leave nothing to refuse: ex-China users go short all the same),
    // and by the share of final need left unmet; without one, arbitrage holds the calibration ratio.
    const walled = blocked > BLOCKED_SHARE_MIN || (wallRow >= 0 && licenceWall[wallRow + e] === 1);
    // Behind a wall China's price answers China's users' cover and unmet share; with no wall it is one market, and stocks
    // running down and shortfalls abroad (China serves its own users first) count as well.
    const own = hasDomestic && walled;
    const need = own ? useNeed[e]! : useNeed[e]! + useNeed[E + e]!;
    const short = own ? useShort[e]! : useShort[e]! + useShort[E + e]!;
    const chinaRaw = target > 0 ? stock / target : 1;
    const worldRaw = worldTarget > 0 ? worldStock / worldTarget : 1;
    const raw = own ? chinaRaw : worldRaw;
    // Prices answer cover relative to the calibrated world's: the 2024 prices go with the stocks the chain settles to
    // in the spin-up (for Dy below the norms: separators' clay feed arrives mixed and is worked through as it comes).
    if (calibrating) {
      coverCalibration.sumByElement[e]! += chinaRaw;
      coverCalibration.worldSumByElement[e]! += worldRaw;
      if (e === 0) coverCalibration.months[0]!++;
    }
    const calibration = own ? coverCalibration.byElement[e]! : coverCalibration.worldByElement[e]!;
    const cover = Math.max(COVER_MIN, Math.min(COVER_CAP, ctx.spinningUp ? raw : coverAgainstCalibration(raw, calibration)));
    // Acute scarcity, convex in cover (halved stocks count 1, a tenth of normal 9: the price of storage), and lasting
    // scarcity, which builds while stocks stay short and fades once they are back: a deficit the chain settles into keeps
    // raising the price until demand answers, a shock that passes leaves little behind.
    const acute = perCover * (1 / cover - 1) + perUnmet * (need > 0 ? short / need : 0);
    // Once stocks are back to normal the memory fades as fast as prices adjust.
    if (!ctx.spinningUp) scarcityMemory[e]! += memoryGain * (1 - cover) - (cover < 1 ? memoryFade : adjust) * scarcityMemory[e]!;
    const base0 = basePriceUsdPerKg[e * 2]!;
    const current = prices[e * 2]!;
    let change = adjust * (Math.min(logBackstop, acute + scarcityMemory[e]!) - Math.log(current / base0));
    change = Math.max(-maxChange, Math.min(maxChange, change));
    const china = Math.min(current * Math.exp(change), backstop * base0);
    const unmetEx = walled && useNeed[E + e]! > 0 ? useShort[E + e]! / useNeed[E + e]! : 0;
    const wedgeTarget = walled
      ? Math.min(WEDGE_MAX, p["price.exportWedgePerBlockedShare"] * Math.min(1, Math.max(blocked, unserved)) + Math.expm1(p["price.exportWedgePerUnmetShare"] * unmetEx))
      : 0;
    wedge[e]! += (wedgeTarget - wedge[e]!) * p["price.wedgeAdjustPerMonth"];
    prices[e * 2] = china;
    prices[e * 2 + 1] = Math.min(china * (basePriceUsdPerKg[e * 2 + 1]! / base0) * (1 + wedge[e]!), backstop * basePriceUsdPerKg[e * 2 + 1]!);
  }
}

/**
 * China's capacity ceilings grow a month's worth: established facilities (class 1) at
 * max(0, `china.capacityGrowthPerYear` + `china.capacityGrowthPerPriceRatio` × (signal − 1)) a year, where the
 * signal is the China-domestic value of China's calibration mined basket relative to calibration, smoothed over
 * `response.signalLagMonths` (quotas were raised fastest when prices were high); ion-clay mines (class 2) at
 * `china.ionicQuotaGrowthPerYear`. Not during spin-up.
 */
export function updateCapacityGrowth(ctx: StepContext): void {
  const { m, s } = ctx;
  if (ctx.spinningUp || m.domesticMarketRegion < 0) return;
  const { baseOutputTonnes, basePriceUsdPerKg } = m;
  const { capacityGrowth, prices, quotaPriceSignal } = s;
  const E = s.E;
  const p = s.p;
  const row = m.domesticMarketRegion * E; // stage 0 (mine) block
  let value = 0;
  let value0 = 0;
  for (let e = 0; e < E; e++) {
    const q = baseOutputTonnes[row + e]!;
    value += q * prices[e * 2]!;
    value0 += q * basePriceUsdPerKg[e * 2]!;
  }
  const index = value0 > 0 ? value / value0 : 1;
  quotaPriceSignal[0]! += (index - quotaPriceSignal[0]!) / Math.max(1, p["response.signalLagMonths"]);
  const growth = Math.max(0, p["china.capacityGrowthPerYear"] + p["china.capacityGrowthPerPriceRatio"] * (quotaPriceSignal[0]! - 1));
  capacityGrowth[1]! *= Math.pow(1 + growth, 1 / 12);
  capacityGrowth[2]! *= Math.pow(Math.max(0, 1 + p["china.ionicQuotaGrowthPerYear"]), 1 / 12);
}

/** Move `level` toward `target` at `1 / adoptionMonths` per month, never back down (designs, once changed, stay). */
function adopt(level: number, target: number, adoptionMonths: number): number {
  return target > level ? level + (target - level) / Math.max(1, adoptionMonths) : level;
}

/**
 * Lagged responses per market. Stress = max(price ratio − 1, shortfall share × `shortfallStressPerShare`),
 * smoothed over `signalLagMonths`; each response's target rises linearly from its trigger over `stressSpan`.
 */
export function updateResponses(ctx: StepContext): void {
  const { m, s } = ctx;
  const { dyFreeShare, gbdCut, magnetUnits, magnetUnitsShort, prForNd, prices, stressHeavy, stressMagnet, substitutionShare, useNeed, useShort } = s;
  const nd = m.elementIndex.Nd ?? -1;
  const pr = m.elementIndex.Pr ?? -1;
  const { basePriceUsdPerKg, gradeElementPerTonne, isHeavyMagnetElement } = m;
  const { E } = s;
  const p = s.p;
  const lag = Math.max(1, p["response.signalLagMonths"]);
  const perShare = p["response.shortfallStressPerShare"];
  const span = Math.max(1e-9, p["response.stressSpan"]);
  const ramp = (stress: number, trigger: number) => Math.max(0, Math.min(1, (stress - trigger) / span));
  for (let market = 0; market < 2; market++) {
    let heavyValue = 0;
    let heavyBase = 0;
    let heavyNeed = 0;
    let heavyShort = 0;
    let magnetValue = 0;
    let magnetBase = 0;
    for (let e = 0; e < E; e++) {
      // Weight each element by its calibration value in magnets (base recipe content × base price).
      let content = 0;
      for (let g = 0; g < s.G; g++) content += gradeElementPerTonne[g * E + e]!;
      const weight = content * basePriceUsdPerKg[e * 2 + market]!;
      const ratio = prices[e * 2 + market]! / basePriceUsdPerKg[e * 2 + market]!;
      magnetValue += weight * ratio;
      magnetBase += weight;
      if (isHeavyMagnetElement[e] !== 1) continue;
      heavyValue += weight * ratio;
      heavyBase += weight;
      heavyNeed += useNeed[market * E + e]!;
      heavyShort += useShort[market * E + e]!;
    }
    const heavyStress = Math.max(heavyBase > 0 ? heavyValue / heavyBase - 1 : 0, heavyNeed > 0 ? (heavyShort / heavyNeed) * perShare : 0);
    const magnetShort = magnetUnits[market]! > 0 ? magnetUnitsShort[market]! / magnetUnits[market]! : 0;
    const magnetStress = Math.max(magnetBase > 0 ? magnetValue / magnetBase - 1 : 0, magnetShort * perShare);
    stressHeavy[market]! += (heavyStress - stressHeavy[market]!) / lag;
    stressMagnet[market]! += (magnetStress - stressMagnet[market]!) / lag;
    const heavy = stressHeavy[market]!;
    const magnet = stressMagnet[market]!;
    gbdCut[market] = adopt(gbdCut[market]!, p["response.gbdMaxCut"] * ramp(heavy, p["response.gbdTriggerStress"]), p["response.gbdAdoptionMonths"]);
    dyFreeShare[market] = adopt(dyFreeShare[market]!, p["response.dyFreeMaxShare"] * ramp(heavy, p["response.dyFreeTriggerStress"]), p["response.dyFreeAdoptionMonths"]);
    substitutionShare[market] = adopt(
      substitutionShare[market]!,
      p["response.substitutionMaxShare"] * ramp(magnet, p["response.substitutionTriggerStress"]),
      p["response.substitutionAdoptionMonths"],
    );
    // Non-magnet users thrift, reformulate and substitute when their basket stays dear (coatings, phosphors, catalysts,
    // glass): a share 1 − ratio^ε of demand, ε the long-run elasticity, adopted over the adjustment months, kept.
    thriftNonMagnetUses(ctx, market);
    // Nd and Pr substitute in (Nd,Pr)₂Fe₁₄B: makers shift toward the relatively cheaper one (reversible).
    if (nd >= 0 && pr >= 0) {
      const relative = (prices[pr * 2 + market]! / prices[nd * 2 + market]!) / (basePriceUsdPerKg[pr * 2 + market]! / basePriceUsdPerKg[nd * 2 + market]!);
      const target = Math.pow(relative, -p["magnet.ndPrSubstitutionElasticity"]);
      prForNd[market]! += (target - prForNd[market]!) / lag;
    }
  }
}

/**
 * Import tariff markups for next month's demand: each region's duty ÷ value of its taxed imports by form and
 * element this month (its price is the market price × (1 + markup) when it bought taxed goods); recorded.
 */
export function updateTariffMarkups(ctx: StepContext): void {
  const { s, res, t } = ctx;
  const { hasTariffMarkup, tariffMarkup, taxedDuty, taxedValue } = s;
  const { R, E } = s;
  if (!s.anyTariffs) return;
  const record = !ctx.spinningUp && res.tariffMarkup.length > 0;
  hasTariffMarkup.fill(0);
  for (let r = 0; r < R; r++) {
    for (let i = r * F * E; i < (r + 1) * F * E; i++) {
      const value = taxedValue[i]!;
      const markup = value > 0 ? taxedDuty[i]! / value : 0;
      tariffMarkup[i] = markup;
      if (markup > 0) hasTariffMarkup[r] = 1;
      if (record) res.tariffMarkup[t * R * F * E + i] = markup;
    }
  }
  taxedValue.fill(0);
  taxedDuty.fill(0);
}

/** Smooth orders, needs and pipelines (exponential, `inventory.smoothingMonths`), and clear monthly tallies. */
export function smoothAndReset(ctx: StepContext): void {
  const { s } = ctx;
  const { inTransit, inTransitSmoothed, ordersNow, ordersSmoothed, plantNeedNow, plantNeedSmoothed, sectorNeedNow, sectorNeedSmoothed, supplyNow, supplySmoothed } = s;
  const a = 1 / Math.max(1, s.p["inventory.smoothingMonths"]);
  const { now: ordersNeedNow, smoothed: ordersNeedSmoothed } = s.ordersForNeed;
  // Dead nodes hold zeros that stay zero.
  const { nodes: liveNodes, nodeCount: liveNodeCount } = s.lists.live;
  for (let k = 0; k < liveNodeCount[0]!; k++) {
    const i = liveNodes[k]!;
    ordersSmoothed[i]! += (ordersNow[i]! - ordersSmoothed[i]!) * a;
    ordersNeedSmoothed[i]! += (ordersNeedNow[i]! - ordersNeedSmoothed[i]!) * a;
    plantNeedSmoothed[i]! += (plantNeedNow[i]! - plantNeedSmoothed[i]!) * a;
    sectorNeedSmoothed[i]! += (sectorNeedNow[i]! - sectorNeedSmoothed[i]!) * a;
    supplySmoothed[i]! += (supplyNow[i]! - supplySmoothed[i]!) * a;
    inTransitSmoothed[i]! += (inTransit[i]! - inTransitSmoothed[i]!) * a;
    ordersNow[i] = 0;
    ordersNeedNow[i] = 0;
    supplyNow[i] = 0;
  }
  const { now: recycledNow, smoothed: recycledSmoothed } = s.recycled;
  for (let i = 0; i < recycledNow.length; i++) recycledSmoothed[i]! += (recycledNow[i]! - recycledSmoothed[i]!) * a;
  recycledNow.fill(0);
  s.blockedEx.fill(0);
  s.requestsEx.fill(0);
  s.useNeed.fill(0);
  s.useShort.fill(0);
  s.scarcity.inputNeed.fill(0);
  s.scarcity.inputShort.fill(0);
  s.magnetUnits.fill(0);
  s.magnetUnitsShort.fill(0);
}

/** Month-end records: stocks, strategic stocks, in transit, prices, responses. */
export function recordMonthEnd(ctx: StepContext): void {
  const { s, res, t } = ctx;
  const { dyFreeShare, gbdCut, inTransitByElement, prices, substitutionShare } = s;
  const { inTransitTonnes, pricesUsdPerKg, responseShares, stockTonnes, strategicStockTonnes } = res;
  const { R, E } = s;
  // Result arrays start at zero: dead nodes hold nothing to record.
  const { nodes: liveNodes, nodeCount: liveNodeCount } = s.lists.live;
  const monthBase = t * s.inTotal.length;
  for (let k = 0; k < liveNodeCount[0]!; k++) {
    const node = liveNodes[k]!;
    stockTonnes[monthBase + node] = s.inTotal[node]! + s.outTotal[node]!;
  }
  for (let r = 0; r < R; r++) {
    for (let e = 0; e < E; e++) {
      // Result arrays start at zero: a region without strategic stock leaves its pages untouched.
      if (s.strategicTotal[r * E + e] !== 0) strategicStockTonnes[(t * R + r) * E + e] = s.strategicTotal[r * E + e]!;
    }
  }
  for (let e = 0; e < E; e++) {
    inTransitTonnes[t * E + e] = inTransitByElement[e]!;
    pricesUsdPerKg[(t * E + e) * 2] = prices[e * 2]!;
    pricesUsdPerKg[(t * E + e) * 2 + 1] = prices[e * 2 + 1]!;
  }
  for (let market = 0; market < 2; market++) {
    const base = (t * 2 + market) * RESPONSE_COUNT;
    responseShares[base] = gbdCut[market]!;
    responseShares[base + 1] = dyFreeShare[market]!;
    responseShares[base + 2] = substitutionShare[market]!;
  }
}

/**
 * Long-run response of non-magnet sectors in `market`: their basket's price ratio to calibration, r, sets a target
 * thrift 1 − r^`demand.longRunPriceElasticity` (none while r ≤ 1), approached over `demand.longRunAdjustmentMonths`
 * and never undone (reformulated products stay reformulated). Magnet sectors answer through GBD, Dy-free designs and
 * motor substitution instead.
 */
function thriftNonMagnetUses(ctx: StepContext, market: number): void {
  const { m, s } = ctx;
  const { nonMagnetThrift, prices } = s;
  const { basePriceUsdPerKg, sectorElementPerUnit, sectorIsMagnet } = m;
  const { E, K } = s;
  const elasticity = s.p["demand.longRunPriceElasticity"];
  const months = s.p["demand.longRunAdjustmentMonths"];
  for (let k = 0; k < K; k++) {
    if (sectorIsMagnet[k] === 1) continue;
    let basket = 0;
    let basket0 = 0;
    for (let e = 0; e < E; e++) {
      const perUnit = sectorElementPerUnit[k * E + e]!;
      if (perUnit === 0) continue;
      basket += perUnit * prices[e * 2 + market]!;
      basket0 += perUnit * basePriceUsdPerKg[e * 2 + market]!;
    }
    const ratio = basket0 > 0 ? basket / basket0 : 1;
    const target = ratio > 1 ? 1 - Math.pow(ratio, elasticity) : 0;
    nonMagnetThrift[k * 2 + market] = adopt(nonMagnetThrift[k * 2 + market]!, target, months);
  }
}

/**
 * Users' cover as prices read it: stocks between the calibration cover and the norms (cover 1) are normal; below
 * both, the cover relative to the lower; above both, relative to the higher. So an element the calibrated chain holds
 * below its norms (Dy) is not short at its calibration level, and not in glut when its stocks merely reach the norms.
 */
export function coverAgainstCalibration(raw: number, calibration: number): number {
  const low = Math.min(1, calibration);
  const high = Math.max(1, calibration);
  return raw < low ? raw / low : raw > high ? raw / high : 1;
}

/** Each element's calibration cover: its users' cover averaged over the last months of the spin-up (1 without a spin-up). */
export function settleCoverCalibration(s: StepContext["s"]): void {
  const { byElement, months, sumByElement, unmetExByForm, unmetExSumByForm, worldByElement, worldSumByElement } = s.coverCalibration;
  for (let e = 0; e < s.E; e++) {
    byElement[e] = months[0]! > 0 ? Math.max(COVER_CALIBRATION_MIN, sumByElement[e]! / months[0]!) : 1;
    worldByElement[e] = months[0]! > 0 ? Math.max(COVER_CALIBRATION_MIN, worldSumByElement[e]! / months[0]!) : 1;
  }
  for (let i = 0; i < unmetExByForm.length; i++) unmetExByForm[i] = months[0]! > 0 ? unmetExSumByForm[i]! / months[0]! : 0;
}
