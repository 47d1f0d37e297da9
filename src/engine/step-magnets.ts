/**
 * @module engine/step-magnets
 * Monthly magnet phases: plan magnet making by type, make magnets from metal on hand (scrap partly
 * recycled to oxide), and let magnet sectors draw magnets (a sector needs every element of its recipe, with Nd and Pr,
 * and Dy and Tb, drawn as pools that stand in for each other).
 */
import { FORM_COUNT } from "./constraints.js";
import { addOrigin, type StepContext } from "./run-state.js";
import { desiredOutputByShare } from "./step-supply.js";

/** A module-level copy of `addOrigin` (imported bindings can be slow getters in hot loops). */
const addOriginHere = addOrigin;
/** Forms per node (a module-level copy: imported bindings can be slow getters in hot loops). */
const F = FORM_COUNT;

/**
 * Magnet plan per region: wanted magnet content (orders + output-stock gap) split by magnet type in
 * proportion to world demand, capped by the region's plants of each type; sets metal input need.
 */
export function planMagnets(ctx: StepContext): void {
  const { m, s } = ctx;
  const { capNow, magnetPlan, plan, plantNeedNow, typeContentPerTonne, typeElementPerTonne, typeShare, typeYield } = s;
  const { facilityIsEstablished, facilityMagnetType } = m;
  const { R, E, T } = s;
  const cover = s.p["inventory.outputCoverMonths"];
  const utilisation = s.p["facility.utilisationShare"];
  const capByType = s.scratchT;
  const minByType = s.scratchT2;
  const wanted = s.scratchE;
  desiredOutputByShare(ctx, 3, cover);
  const { facilityGroupStart, facilitiesByStageRegion } = s.lists;
  for (let r = 0; r < R; r++) {
    if (facilityGroupStart[3 * R + r] === facilityGroupStart[3 * R + r + 1]) {
      // No magnet plants: nothing is planned (what the loop below would compute to exactly 0).
      magnetPlan.fill(0, r * T * E, (r + 1) * T * E);
      for (let e = 0; e < E; e++) {
        plantNeedNow[(r * F + 2) * E + e] = 0;
        s.lostBasis[r * E + e] = 0;
        s.ordersForNeed.plantInput[(r * F + 2) * E + e] = 0;
      }
      continue;
    }
    for (let e = 0; e < E; e++) wanted[e] = plan[r * E + e]!;
    capByType.fill(0);
    minByType.fill(0);
    for (let g = facilityGroupStart[3 * R + r]!; g < facilityGroupStart[3 * R + r + 1]!; g++) {
      const i = facilitiesByStageRegion[g]!;
      const type = facilityMagnetType[i]!;
      capByType[type]! += capNow[i]!;
      if (facilityIsEstablished[i] !== 1) minByType[type]! += capNow[i]! * utilisation;
    }
    for (let e = 0; e < E; e++) {
      plantNeedNow[(r * F + 2) * E + e] = 0;
      s.lostBasis[r * E + e] = 0;
    }
    for (let k = 0; k < T; k++) {
      const perTonne = typeContentPerTonne[k]!;
      let tonnes = 0;
      if (perTonne > 0) for (let e = 0; e < E; e++) tonnes += (wanted[e]! * typeShare[k * E + e]!) / perTonne;
      // Capped by the region's plants; new plants lifted to their minimum load in the world's mix of the type.
      const scale = tonnes > 0 ? Math.min(1, capByType[k]! / tonnes) : 0;
      const lift = perTonne > 0 ? Math.max(0, minByType[k]! - tonnes) : 0;
      for (let e = 0; e < E; e++) {
        const content = wanted[e]! * typeShare[k * E + e]! * scale + lift * typeElementPerTonne[k * E + e]!;
        magnetPlan[(r * T + k) * E + e] = content;
        plantNeedNow[(r * F + 2) * E + e]! += content / typeYield[k]!;
        // Lost for lack of metal counts only what buyers ordered for current need, not restocking nor the lift of new
        // plants to minimum load.
        s.lostBasis[r * E + e]! += (Math.min(wanted[e]!, s.ordersForNeed.byRegion[r * E + e]!) * typeShare[k * E + e]! * scale) / typeYield[k]!;
      }
    }
    // Metal the plants need for magnets ordered for current need (the rest of their input rebuilds stocks).
    for (let e = 0; e < E; e++) s.ordersForNeed.plantInput[(r * F + 2) * E + e] = s.lostBasis[r * E + e]!;
  }
}

/**
 * Make magnets from metal on hand and serve metal-using sectors (scarce metal shared pro rata).
 * Alloy lost in machining is partly recycled to the region's oxide stock, keeping its origin.
 */
export function produceMagnets(ctx: StepContext): void {
  const { m, s, res, t } = ctx;
  const { inStock, magnetPlan, outStock, plantNeedNow, rho, sectorNeedNow, supplyNow, typeContentPerTonne, typeYield, useNeed, useShort } = s;
  const { regionMarket } = m;
  const { finalUseTonnes, lossesTonnes, magnetTonnesProduced, productionTonnes, shortfallTonnes, stageInputTonnes, useByOriginTonnes } = res;
  const recordOrigins = useByOriginTonnes.length > 0;
  const { R, E, T } = s;
  const recycled = s.p["magnet.scrapRecycledShare"];
  // Finished magnet made in the region by type, t (records the plants' share of it; nothing reads it back).
  const madeByType = s.scratchT;
  // Dead nodes need nothing: all met.
  rho.fill(1);
  const { elements: liveElements, elementCount: liveElementCount } = s.lists.live;
  for (let r = 0; r < R; r++) {
    const market = regionMarket[r]!;
    madeByType.fill(0);
    for (let j = 0; j < liveElementCount[r * F + 2]!; j++) {
      const e = liveElements[(r * F + 2) * E + j]!;
      const node = (r * F + 2) * E + e;
      const base = node * R;
      const available = s.inTotal[node]!;
      const plantNeed = plantNeedNow[node]!;
      const sectorNeed = sectorNeedNow[node]!;
      const need = plantNeed + sectorNeed;
      // Nothing needed here (no plan, no sector): nothing to make, record or move.
      if (!(need > 0)) {
        rho[r * E + e] = 1;
        continue;
      }
      const met = Math.min(1, available / need);
      rho[r * E + e] = met;
      let content = 0;
      let alloy = 0;
      for (let k = 0; k < T; k++) {
        const c = magnetPlan[(r * T + k) * E + e]! * met;
        if (c <= 0) continue;
        content += c;
        alloy += c / typeYield[k]!;
        magnetTonnesProduced[t * R + r]! += c / typeContentPerTonne[k]!;
        madeByType[k]! += c / typeContentPerTonne[k]!;
      }
      const use = sectorNeed * met;
      // Result arrays are written only where something is short: a write of 0 would still touch (fault in) the page.
      const plantShort = Math.min(plantNeed, s.lostBasis[r * E + e]!) * (1 - met);
      if (plantShort !== 0) shortfallTonnes[((t * E + e) * R + r) * 5 + 3]! += plantShort;
      if (sectorNeed - use !== 0) shortfallTonnes[((t * E + e) * R + r) * 5 + 4]! += sectorNeed - use;
      useNeed[market * E + e]! += sectorNeed;
      useShort[market * E + e]! += sectorNeed - use;
      // Users of metal short of it (the ex-China premium reads the ex-China share, §11).
      s.scarcity.inputNeed[(market * F + 2) * E + e]! += need;
      s.scarcity.inputShort[(market * F + 2) * E + e]! += need * (1 - met);
      if (alloy + use <= 0 || available <= 0) continue;
      const scrap = Math.max(0, alloy - content);
      const back = scrap * recycled;
      const keep = Math.max(0, 1 - (alloy + use) / available);
      const magnetBase = ((r * F + 3) * E + e) * R;
      const oxideBase = ((r * F + 1) * E + e) * R;
      let left = 0;
      for (let k = 0; k < s.inOriginCount[node]!; k++) {
        const o = s.inOrigins[base + k]!;
        const share = inStock[base + o]! / available;
        if (share === 0) continue;
        outStock[magnetBase + o]! += content * share;
        outStock[oxideBase + o]! += back * share;
        if (s.outHasOrigin[((r * F + 3) * E + e) * R + o] === 0) addOriginHere(s.outOrigins, s.outOriginCount, s.outHasOrigin, (r * F + 3) * E + e, R, o);
        if (s.outHasOrigin[((r * F + 1) * E + e) * R + o] === 0) addOriginHere(s.outOrigins, s.outOriginCount, s.outHasOrigin, (r * F + 1) * E + e, R, o);
        if (recordOrigins && use !== 0) useByOriginTonnes[((t * R + r) * E + e) * R + o]! += use * share;
        inStock[base + o]! *= keep;
        left += inStock[base + o]!;
      }
      s.inTotal[node] = left;
      s.outTotal[(r * F + 3) * E + e]! += content;
      s.outTotal[(r * F + 1) * E + e]! += back;
      productionTonnes[((t * 4 + 3) * R + r) * E + e]! += content;
      supplyNow[(r * F + 3) * E + e]! += content;
      supplyNow[(r * F + 1) * E + e]! += back;
      s.recycled.now[r * E + e]! += back;
      stageInputTonnes[((t * 4 + 3) * R + r) * E + e]! += alloy;
      finalUseTonnes[((t * R + r) * F + 2) * E + e]! += use;
      lossesTonnes[t * E + e]! += scrap - back;
    }
    attributeMagnetsByCapacity(ctx, r, madeByType);
  }
}

/**
 * Record the output of region r's magnet plants, t of finished magnet: the region plans and makes each magnet type
 * against the pooled capacity of its plants of that type (`planMagnets`), so each plant gets its capacity's share of
 * its type's tonnes (`madeByType`) and every plant of a type runs at the same utilisation.
 */
function attributeMagnetsByCapacity(ctx: StepContext, r: number, madeByType: Float64Array): void {
  const { m, s, res, t } = ctx;
  const { capNow } = s;
  const { R, N } = s;
  const { facilityMagnetType } = m;
  const { facilitiesByStageRegion, facilityGroupStart } = s.lists;
  const first = facilityGroupStart[3 * R + r]!;
  const end = facilityGroupStart[3 * R + r + 1]!;
  if (first === end) return;
  const capByType = s.scratchT2;
  capByType.fill(0);
  for (let g = first; g < end; g++) {
    const i = facilitiesByStageRegion[g]!;
    if (capNow[i]! > 0) capByType[facilityMagnetType[i]!]! += capNow[i]!;
  }
  for (let g = first; g < end; g++) {
    const i = facilitiesByStageRegion[g]!;
    const type = facilityMagnetType[i]!;
    if (!(capNow[i]! > 0) || !(madeByType[type]! > 0)) continue;
    const share = capNow[i]! / capByType[type]!;
    res.facilityOutputTonnes[t * N + i] = madeByType[type]! * share;
    res.facilityUtilisation[t * N + i] = madeByType[type]! / capByType[type]!;
  }
}

/**
 * Magnet sectors draw magnets. Elements that stand in for each other in a magnet are pooled (`s.magnetPools`):
 * Nd and Pr (one didymium pool), and Dy and Tb (Tb counted as `magnet.tbDyEquivalence` t of Dy). Each pool's stock,
 * weighted, is shared pro rata among sectors, other elements one by one; a sector builds only as many units as its
 * scarcest pool or element allows (end products lost for the rest), and a pool's use is drawn from its elements in
 * proportion to their weighted stock on hand.
 */
export function useMagnets(ctx: StepContext): void {
  const { m, s, res, t } = ctx;
  const { demandUnits, gradeShareEff, inStock, magnetUnits, magnetUnitsShort, rho, sectorNeedNow, useNeed, useShort } = s;
  const { of: magnetPoolOf, weight: magnetPoolWeight } = s.magnetPools;
  const { regionMarket, sectorGrade, sectorIsMagnet, sectorMagnetKgPerUnit } = m;
  const { endProductsLost, finalUseTonnes, sectorDeliveredUnits, shortfallTonnes, useByOriginTonnes } = res;
  const recordOrigins = useByOriginTonnes.length > 0;
  const { R, E, K, G } = s;
  const consumed = s.scratchE;
  const { have: poolHave, want: poolWant, use: poolUse } = s.magnetPools;
  const pools = poolHave.length;
  const { elements: liveElements, elementCount: liveElementCount } = s.lists.live;
  for (let r = 0; r < R; r++) {
    const market = regionMarket[r]!;
    // Every element of a region's magnet recipes is live there; dead ones hold, need and use nothing.
    const liveList = (r * F + 3) * E;
    const liveCount = liveElementCount[r * F + 3]!;
    // A region without magnet demand (most of them) needs, uses and loses nothing here.
    let demand = 0;
    for (let j = 0; j < liveCount; j++) demand += sectorNeedNow[liveList + liveElements[liveList + j]!]!;
    for (let k = 0; k < K; k++) if (sectorIsMagnet[k] === 1) demand += demandUnits[r * K + k]!;
    if (!(demand > 0)) {
      for (let e = 0; e < E; e++) rho[r * E + e] = 1;
      continue;
    }
    poolHave.fill(0);
    poolWant.fill(0);
    poolUse.fill(0);
    for (let j = 0; j < liveCount; j++) {
      const e = liveElements[liveList + j]!;
      const pool = magnetPoolOf[e]!;
      if (pool < 0) continue;
      const node = (r * F + 3) * E + e;
      poolHave[pool]! += magnetPoolWeight[e]! * s.inTotal[node]!;
      poolWant[pool]! += magnetPoolWeight[e]! * sectorNeedNow[node]!;
    }
    for (let j = 0; j < liveCount; j++) {
      const e = liveElements[liveList + j]!;
      const node = (r * F + 3) * E + e;
      const need = sectorNeedNow[node]!;
      const pool = magnetPoolOf[e]!;
      // A pooled element's need is met as far as its pool's is: Pr on hand stands in for missing Nd.
      const met = pool >= 0 ? (poolWant[pool]! > 0 ? Math.min(1, poolHave[pool]! / poolWant[pool]!) : 1) : need > 0 ? Math.min(1, s.inTotal[node]! / need) : 1;
      rho[r * E + e] = met;
      if (need * (1 - met) !== 0) shortfallTonnes[((t * E + e) * R + r) * 5 + 4]! += need * (1 - met);
      useNeed[market * E + e]! += need;
      useShort[market * E + e]! += need * (1 - met);
      s.scarcity.inputNeed[(market * F + 3) * E + e]! += need;
      s.scarcity.inputShort[(market * F + 3) * E + e]! += need * (1 - met);
      consumed[e] = 0;
    }
    for (let k = 0; k < K; k++) {
      if (sectorIsMagnet[k] !== 1) continue;
      const units = demandUnits[r * K + k]!;
      if (units <= 0) continue;
      const recipe = (market * G + sectorGrade[k]!) * E;
      let built = 1;
      for (let j = 0; j < liveCount; j++) {
        const e = liveElements[liveList + j]!;
        if (gradeShareEff[recipe + e]! > 0) built = Math.min(built, rho[r * E + e]!);
      }
      for (let j = 0; j < liveCount; j++) {
        const e = liveElements[liveList + j]!;
        const content = units * gradeShareEff[recipe + e]! * built;
        if (content <= 0) continue;
        const pool = magnetPoolOf[e]!;
        if (pool >= 0) poolUse[pool]! += content * magnetPoolWeight[e]!;
        else consumed[e]! += content;
      }
      sectorDeliveredUnits[(t * R + r) * K + k]! += units * built;
      magnetUnits[market]! += units;
      magnetUnitsShort[market]! += units * (1 - built);
      const kgPerUnit = sectorMagnetKgPerUnit[k]!;
      if (kgPerUnit > 0 && built !== 1) endProductsLost[(t * K + k) * R + r]! += (units * (1 - built) * 1000) / kgPerUnit;
    }
    // A pool's use comes out of its elements in proportion to their weighted stock: each gives the same share of what it holds.
    for (let j = 0; j < liveCount; j++) {
      const e = liveElements[liveList + j]!;
      const pool = magnetPoolOf[e]!;
      if (pool < 0 || pool >= pools || !(poolHave[pool]! > 0)) continue;
      consumed[e] = s.inTotal[(r * F + 3) * E + e]! * Math.min(1, poolUse[pool]! / poolHave[pool]!);
    }
    for (let j = 0; j < liveCount; j++) {
      const e = liveElements[liveList + j]!;
      const used = consumed[e]!;
      if (used <= 0) continue;
      const node = (r * F + 3) * E + e;
      const base = node * R;
      const available = s.inTotal[node]!;
      if (available <= 0) continue;
      const keep = Math.max(0, 1 - used / available);
      let left = 0;
      for (let k = 0; k < s.inOriginCount[node]!; k++) {
        const o = s.inOrigins[base + k]!;
        const held = inStock[base + o]!;
        // Origins not in this stock add nothing (0 · keep = 0).
        if (held === 0) continue;
        if (recordOrigins) useByOriginTonnes[((t * R + r) * E + e) * R + o]! += (used * held) / available;
        inStock[base + o] = held * keep;
        left += inStock[base + o]!;
      }
      s.inTotal[node] = left;
      finalUseTonnes[((t * R + r) * F + 3) * E + e]! += Math.min(used, available);
    }
  }
}
