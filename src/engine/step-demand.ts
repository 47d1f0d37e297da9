/**
 * @module engine/step-demand
 * Monthly demand phases: sector demand (growth, policy multiplier, price elasticity, substitution),
 * magnet recipes after thrifting, the world magnet mix by type, non-magnet delivery records, and
 * strategic stock builds and releases. Mutates the run state only.
 */
import { FORM_COUNT } from "./constraints.js";
import { addOrigin, type StepContext } from "./run-state.js";

/** Forms per node (a module-level copy: imported bindings can be slow getters in hot loops). */
const F = FORM_COUNT;

/**
 * Effective magnet recipes per market: Dy and Tb cut by grain-boundary diffusion and Dy-free designs; the
 * grade's Nd + Pr split by the market's Pr-for-Nd factor x: Pr share f = f₀x / (f₀x + 1 − f₀), Nd + Pr unchanged.
 */
function updateRecipes(ctx: StepContext): void {
  const { m, s } = ctx;
  const { dyFreeShare, gbdCut, gradeShareEff, prForNd } = s;
  const { gradeElementPerTonne, isHeavyMagnetElement } = m;
  const { E, G } = s;
  const nd = m.elementIndex.Nd ?? -1;
  const pr = m.elementIndex.Pr ?? -1;
  for (let market = 0; market < 2; market++) {
    const heavyFactor = (1 - gbdCut[market]!) * (1 - dyFreeShare[market]!);
    const x = prForNd[market]!;
    for (let g = 0; g < G; g++) {
      const row = (market * G + g) * E;
      for (let e = 0; e < E; e++) {
        const base = gradeElementPerTonne[g * E + e]!;
        gradeShareEff[row + e] = isHeavyMagnetElement[e] === 1 && m.gradeHeavyThrift[g] === 1 ? base * heavyFactor : base;
      }
      if (nd < 0 || pr < 0 || x === 1) continue;
      const ndpr = gradeElementPerTonne[g * E + nd]! + gradeElementPerTonne[g * E + pr]!;
      if (ndpr <= 0) continue;
      const f0 = gradeElementPerTonne[g * E + pr]! / ndpr;
      const f = (f0 * x) / (f0 * x + 1 - f0);
      gradeShareEff[row + nd] = ndpr * (1 - f);
      gradeShareEff[row + pr] = ndpr * f;
    }
  }
}

/** Sector demand this month and the element needs it puts on user nodes; world magnet mix by type. */
export function computeDemand(ctx: StepContext): void {
  const { m, s, res, seg, t } = ctx;
  const { demandUnits, gradeShareEff, prices, scratchT, scratchT2, sectorNeedNow, substitutionShare, typeContentPerTonne, typeShare, typeYield } = s;
  const { basePriceUsdPerKg, demandBasePerMonth, gradeMagnetType, gradeYield, regionMarket, sectorElementPerUnit, sectorForm, sectorGrade, sectorGrowthPerYear, sectorIsMagnet } = m;
  const { sectorDemandUnits } = res;
  const { R, E, K, G, T } = s;
  updateRecipes(ctx);
  const elasticity = s.p["demand.priceElasticity"];
  const years = (m.monthsFromCalibrationStart + t) / 12;
  // Sectors' needs fall on live nodes only (every element of a sector's recipe is live where it has demand).
  const { elements: liveElements, elementCount: liveElementCount } = s.lists.live;
  for (let r = 0; r < R; r++) sectorNeedNow.fill(0, (r * F + 1) * E, (r * F + F) * E);
  s.typeContentPerTonne.fill(0);
  s.scratchT.fill(0);
  s.typeShare.fill(0);
  s.scratchT2.fill(0);
  const priceFactors = s.scratchR2;
  const baskets0 = s.basket0ByMarket;
  const { hasTariffMarkup, tariffMarkup } = s;
  for (let k = 0; k < K; k++) {
    const growth = Math.pow(1 + sectorGrowthPerYear[k]!, years);
    const isMagnet = sectorIsMagnet[k] === 1;
    const form = sectorForm[k]!;
    // Price factor of the sector's element basket in each market (short-run elasticity).
    for (let market = 0; market < 2; market++) {
      let basket = 0;
      let basket0 = 0;
      for (let e = 0; e < E; e++) {
        const perUnit = sectorElementPerUnit[k * E + e]!;
        basket += perUnit * prices[e * 2 + market]!;
        basket0 += perUnit * basePriceUsdPerKg[e * 2 + market]!;
      }
      priceFactors[market] = basket0 > 0 && basket > 0 ? Math.pow(basket / basket0, elasticity) : 1;
      baskets0[market] = basket0;
    }
    for (let r = 0; r < R; r++) {
      const base = demandBasePerMonth[r * K + k]!;
      if (base <= 0) {
        demandUnits[r * K + k] = 0;
        continue;
      }
      const market = regionMarket[r]!;
      let priceFactor = priceFactors[market]!;
      if (hasTariffMarkup[r] === 1) {
        // A region that bought taxed goods last month pays the market price × (1 + tariff markup) for them.
        let basket = 0;
        for (let e = 0; e < E; e++) basket += sectorElementPerUnit[k * E + e]! * prices[e * 2 + market]! * (1 + tariffMarkup[(r * F + form) * E + e]!);
        const basket0 = baskets0[market]!;
        priceFactor = basket0 > 0 && basket > 0 ? Math.pow(basket / basket0, elasticity) : 1;
      }
      // Magnet sectors lose demand to other motor types; non-magnet sectors thrift in answer to lasting prices.
      const substitution = isMagnet ? 1 - substitutionShare[market]! : 1 - s.nonMagnetThrift[k * 2 + market]!;
      const units = base * growth * seg.demandMultiplier[r * K + k]! * priceFactor * substitution;
      demandUnits[r * K + k] = units;
      sectorDemandUnits[(t * R + r) * K + k]! += units;
      if (isMagnet) {
        const g = sectorGrade[k]!;
        const type = gradeMagnetType[g]!;
        const recipe = (market * G + g) * E;
        scratchT[type]! += units;
        const yieldOfGrade = gradeYield[g]!;
        for (let j = 0; j < liveElementCount[r * F + 3]!; j++) {
          const e = liveElements[(r * F + 3) * E + j]!;
          const perUnit = gradeShareEff[recipe + e]!;
          // Elements not in the recipe add nothing (units are finite).
          if (perUnit === 0) continue;
          const content = units * perUnit;
          sectorNeedNow[(r * F + 3) * E + e]! += content;
          typeShare[type * E + e]! += content;
          scratchT2[type]! += content / yieldOfGrade;
        }
      } else {
        for (let j = 0; j < liveElementCount[r * F + form]!; j++) {
          const e = liveElements[(r * F + form) * E + j]!;
          sectorNeedNow[(r * F + form) * E + e]! += units * sectorElementPerUnit[k * E + e]!;
        }
      }
    }
  }
  // typeShare holds content by [type][element]: turn it into shares of each element's content by type.
  for (let k = 0; k < T; k++) {
    let content = 0;
    for (let e = 0; e < E; e++) {
      content += typeShare[k * E + e]!;
      s.typeElementPerTonne[k * E + e] = scratchT[k]! > 0 ? typeShare[k * E + e]! / scratchT[k]! : 0;
    }
    typeContentPerTonne[k] = scratchT[k]! > 0 ? content / scratchT[k]! : 0;
    typeYield[k] = scratchT2[k]! > 0 ? content / scratchT2[k]! : 1;
  }
  for (let e = 0; e < E; e++) {
    let total = 0;
    for (let k = 0; k < T; k++) total += typeShare[k * E + e]!;
    for (let k = 0; k < T; k++) typeShare[k * E + e] = total > 0 ? typeShare[k * E + e]! / total : 0;
  }
}

/** Record delivered units of non-magnet sectors drawing `form`, from each element's met share (`s.rho`). */
export function recordNonMagnetDelivery(ctx: StepContext, form: number): void {
  const { m, s, res, t } = ctx;
  const { demandUnits, rho } = s;
  const { sectorElementPerUnit, sectorForm, sectorIsMagnet } = m;
  const { sectorDeliveredUnits } = res;
  const { R, E, K } = s;
  for (let k = 0; k < K; k++) {
    if (sectorIsMagnet[k] === 1 || sectorForm[k] !== form) continue;
    for (let r = 0; r < R; r++) {
      const units = demandUnits[r * K + k]!;
      if (units <= 0) continue;
      let met = 0;
      let total = 0;
      for (let e = 0; e < E; e++) {
        const perUnit = sectorElementPerUnit[k * E + e]!;
        met += perUnit * rho[r * E + e]!;
        total += perUnit;
      }
      sectorDeliveredUnits[(t * R + r) * K + k]! += total > 0 ? (units * met) / total : units;
    }
  }
}

/** Strategic stock releases of `form` move stock (with its origins) into the region's users' stock of that form. */
export function releaseStrategicStock(ctx: StepContext, form: number): void {
  const { s, c, t } = ctx;
  const R = s.R;
  for (const change of c.stockChanges) {
    if (change.tonnesPerMonth >= 0 || (change.form ?? 1) !== form || t < change.fromMonth || t >= change.toMonth) continue;
    const node = (change.region * F + form) * s.E + change.element;
    const moved = moveBetween(s.strategic, node * R, s.inStock, node * R, R, -change.tonnesPerMonth);
    s.inTotal[node]! += moved;
    for (let o = 0; o < R; o++) if (s.inStock[node * R + o] !== 0) addOrigin(s.inOrigins, s.inOriginCount, s.inHasOrigin, node, R, o);
    s.strategicTotal[change.region * s.E + change.element] = Math.max(0, s.strategicTotal[change.region * s.E + change.element]! - moved);
  }
}

/** Strategic stock builds of `form` take what they can from the region's users' stock, after this month's use. */
export function buildStrategicStock(ctx: StepContext, form: number): void {
  const { s, c, t } = ctx;
  const R = s.R;
  for (const change of c.stockChanges) {
    if (change.tonnesPerMonth <= 0 || (change.form ?? 1) !== form || t < change.fromMonth || t >= change.toMonth) continue;
    const node = (change.region * F + form) * s.E + change.element;
    const moved = moveBetween(s.inStock, node * R, s.strategic, node * R, R, change.tonnesPerMonth);
    if (moved > 0) {
      s.hasStrategicStock[change.region] = 1;
      s.strategicTotal[change.region * s.E + change.element]! += moved;
      s.inTotal[node] = Math.max(0, s.inTotal[node]! - moved);
    }
  }
}

/** Move up to `tonnes` from one origin vector to another, pro rata by origin; returns tonnes moved. */
export function moveBetween(from: Float64Array, fromBase: number, to: Float64Array, toBase: number, origins: number, tonnes: number): number {
  let available = 0;
  for (let o = 0; o < origins; o++) available += from[fromBase + o]!;
  if (available <= 0 || tonnes <= 0) return 0;
  const moved = Math.min(tonnes, available);
  const keep = Math.max(0, 1 - moved / available);
  for (let o = 0; o < origins; o++) {
    to[toBase + o]! += (from[fromBase + o]! * moved) / available;
    from[fromBase + o]! *= keep;
  }
  return moved;
}
