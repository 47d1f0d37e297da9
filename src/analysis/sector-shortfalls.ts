/**
 * @module analysis/sector-shortfalls
 * Final demand each sector could not get, by region, over the report's window: its need against what was delivered,
 * in the sector's demand unit (t of finished magnet, or t REO). Reads results; never runs anything.
 */
import type { SimulationResult } from "../engine/index.js";
import { addMonths } from "../model/dates.js";
import type { World } from "../model/world-schema.js";
import type { SectorShortfall } from "./report-model.js";
import { isShortage } from "./result-access.js";

/**
 * Each sector's unmet need in each region from month index `from` to the run's end (need and deliveries as the engine
 * records them in `sectorDemandUnits` and `sectorDeliveredUnits`), for sector-regions with at least one month more than
 * 1 % short; magnet sectors first, each unit's largest shortfall first.
 */
export function sectorShortfalls(result: SimulationResult, world: World, from = 0): SectorShortfall[] {
  const R = result.regionIds.length;
  const K = result.sectorIds.length;
  const sectors = new Map(world.sectors.map((s) => [s.id, s]));
  const out: SectorShortfall[] = [];
  for (let k = 0; k < K; k++) for (let r = 0; r < R; r++) {
    let need = 0;
    let short = 0;
    let first = -1;
    let worst = -1;
    let worstShare = 0;
    for (let m = from; m < result.months; m++) {
      const i = (m * R + r) * K + k;
      const needed = result.sectorDemandUnits[i] ?? 0;
      // Deliveries are shares of need: a rounding excess is no negative shortfall.
      const lack = Math.max(0, needed - (result.sectorDeliveredUnits[i] ?? 0));
      need += needed;
      short += lack;
      const share = needed > 0 ? lack / needed : 0;
      // The episodes' test: above the threshold share and more than rounding dust.
      if (first < 0 && isShortage({ tonnes: lack, share })) first = m;
      if (share > worstShare) { worstShare = share; worst = m; }
    }
    if (first < 0) continue;
    const id = result.sectorIds[k] ?? "";
    const sector = sectors.get(id);
    out.push({
      sector: id, sectorName: sector?.name ?? id, sectorShortName: sector?.shortName ?? sector?.name ?? id, region: result.regionIds[r] ?? "", unit: sector?.use === "non-magnet" ? "t REO" : "t magnet",
      needUnits: need, shortUnits: short, firstMonth: addMonths(result.startMonth, first),
      worstMonth: addMonths(result.startMonth, worst), worstShareOfNeed: worstShare,
    });
  }
  const magnetFirst = (x: SectorShortfall) => (x.unit === "t magnet" ? 0 : 1);
  return out.sort((a, b) => magnetFirst(a) - magnetFirst(b) || b.shortUnits - a.shortUnits);
}
