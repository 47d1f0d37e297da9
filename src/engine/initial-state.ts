/**
 * @module engine/initial-state
 * Starting values of a run from the calibration-year estimate: orders, needs, working stocks at their
 * inventory norms (with origins), strategic stocks, mine rates. The spin-up months then settle them.
 */
import { FORM_COUNT } from "./constraints.js";
import type { CompiledModel } from "./compiled-model.js";
import { facilityBaseRate } from "./compile-facilities.js";
import { addOrigin, type RunState } from "./run-state.js";

/** Forms per node (a module-level copy: imported bindings can be slow getters in hot loops). */
const F = FORM_COUNT;

const SLIP_FOREVER = 1e9;

/**
 * Share of element `e` produced at `stage` by each region, written into `into` (`[origin]`); the holder itself when nobody
 * produces it. With `soldForm` (the form the holder buys, when the origin is its seller: concentrate from mines, oxide
 * from separators), regions that do not sell that form to the holder (home-only or listed buyers only) are no origin of its stock.
 */
function originShares(m: CompiledModel, stage: number, e: number, holder: number, into: Float64Array, soldForm = -1): void {
  const R = m.regionIds.length;
  const E = m.elementSymbols.length;
  const weight = (r: number) => (soldForm >= 0 && m.sellsTo[(r * F + soldForm) * R + holder] !== 1 ? 0 : m.baseOutputTonnes[(stage * R + r) * E + e]!);
  let total = 0;
  for (let r = 0; r < R; r++) total += weight(r);
  for (let r = 0; r < R; r++) into[r] = total > 0 ? weight(r) / total : r === holder ? 1 : 0;
}

/** Fill `s` with the run's starting values. */
export function initialiseState(m: CompiledModel, s: RunState): void {
  const { R, E, N, K } = s;
  const p = s.p;
  for (let i = 0; i < N; i++) {
    const kind = m.facilitySlipKind[i]!;
    const slip = kind === 1 ? p["facility.constructionSlipMonths"] : kind === 2 ? p["facility.plannedSlipMonths"] : kind === 3 ? SLIP_FOREVER : 0;
    s.perFacility.startEffective[i] = m.facilityStartMonth[i]! + Math.round(slip);
    if (s.perFacility.startEffective[i]! <= 0) s.baseRate[i] = facilityBaseRate(m, i, 1);
    if (m.facilityStage[i] === 0 && s.perFacility.startEffective[i]! <= 0) {
      s.mineRate[i] = m.facilityIsEstablished[i] === 1 ? m.facilityOutput2024PerMonth[i]! : m.facilityCapacityPerMonth[i]! * p["facility.utilisationShare"];
    }
  }
  // Capacity ceilings have grown since the calibration year's January at the quotas' base rates (never below calibration).
  const yearsSinceCalibration = Math.max(0, m.monthsFromCalibrationStart) / 12;
  s.capacityGrowth[0] = 1;
  s.capacityGrowth[1] = Math.pow(1 + p["china.capacityGrowthPerYear"], yearsSinceCalibration);
  s.capacityGrowth[2] = Math.pow(1 + p["china.ionicQuotaGrowthPerYear"], yearsSinceCalibration);
  s.quotaPriceSignal[0] = 1;
  const recovery = p["separation.recoveryShare"];
  const metalYield = p["metal.yieldShare"];
  // Average alloy per magnet content, from calibration demand.
  let content = 0;
  let alloy = 0;
  for (let r = 0; r < R; r++) {
    for (let k = 0; k < K; k++) {
      const units = m.demandBasePerMonth[r * K + k]!;
      const g = m.sectorGrade[k]!;
      if (units <= 0) continue;
      for (let e = 0; e < E; e++) {
        const perUnit = m.sectorElementPerUnit[k * E + e]!;
        const node = (r * F + m.sectorForm[k]!) * E + e;
        s.sectorNeedSmoothed[node]! += units * perUnit;
        if (g >= 0) {
          content += units * perUnit;
          alloy += (units * perUnit) / m.gradeYield[g]!;
        }
      }
    }
  }
  const magnetYield = alloy > 0 ? content / alloy : 1;
  for (let r = 0; r < R; r++) {
    for (let e = 0; e < E; e++) {
      const out = (stage: number) => m.baseOutputTonnes[(stage * R + r) * E + e]!;
      for (let stage = 0; stage < 4; stage++) {
        s.ordersSmoothed[(r * F + stage) * E + e] = out(stage);
        // Calibration orders are all for current need.
        s.ordersForNeed.smoothed[(r * F + stage) * E + e] = out(stage);
        s.supplySmoothed[(r * F + stage) * E + e] = out(stage);
      }
      // Magnet makers' scrap returned as oxide at calibration output: alloy lost × the recycled share.
      s.recycled.smoothed[r * E + e] = out(3) * (1 / magnetYield - 1) * p["magnet.scrapRecycledShare"];
      s.plantNeedSmoothed[(r * F + 0) * E + e] = out(1) / recovery;
      s.plantNeedSmoothed[(r * F + 1) * E + e] = out(2) / metalYield;
      s.plantNeedSmoothed[(r * F + 2) * E + e] = out(3) / magnetYield;
    }
  }
  const shares = new Float64Array(R);
  const outCover = p["inventory.outputCoverMonths"];
  for (let r = 0; r < R; r++) {
    for (let f = 0; f < F; f++) {
      const userCover = m.stageCoverMonths[f + 1]!;
      const producerCover = f === 0 ? m.stageCoverMonths[0]! : outCover;
      for (let e = 0; e < E; e++) {
        const node = (r * F + f) * E + e;
        // Producers' stock: own origin for concentrate and oxide; the world's separation mix for metal and magnets.
        const outTonnes = producerCover * s.ordersSmoothed[node]!;
        if (f <= 1) s.outStock[node * R + r] = outTonnes;
        else {
          originShares(m, 1, e, r, shares);
          for (let o = 0; o < R; o++) s.outStock[node * R + o] = outTonnes * shares[o]!;
        }
        const inTonnes = userCover * s.plantNeedSmoothed[node]! + m.stageCoverMonths[4]! * s.sectorNeedSmoothed[node]!;
        // Users' concentrate was mined, and their oxide separated, where it could be bought.
        originShares(m, f === 0 ? 0 : 1, e, r, shares, f <= 1 ? f : -1);
        for (let o = 0; o < R; o++) s.inStock[node * R + o] = inTonnes * shares[o]!;
      }
    }
    for (let e = 0; e < E; e++) {
      originShares(m, 1, e, r, shares);
      const held = m.initialStrategicStockTonnes[r * E + e]!;
      if (held > 0) s.hasStrategicStock[r] = 1;
      for (let o = 0; o < R; o++) s.strategic[((r * F + 1) * E + e) * R + o] = held * shares[o]!;
      s.strategicTotal[r * E + e] = held;
    }
  }
  for (let node = 0; node < s.inTotal.length; node++) {
    let inSum = 0;
    let outSum = 0;
    for (let o = 0; o < R; o++) {
      inSum += s.inStock[node * R + o]!;
      outSum += s.outStock[node * R + o]!;
    }
    s.inTotal[node] = inSum;
    s.outTotal[node] = outSum;
    for (let o = 0; o < R; o++) {
      if (s.inStock[node * R + o] !== 0) addOrigin(s.inOrigins, s.inOriginCount, s.inHasOrigin, node, R, o);
      if (s.outStock[node * R + o] !== 0) addOrigin(s.outOrigins, s.outOriginCount, s.outHasOrigin, node, R, o);
    }
  }
}
