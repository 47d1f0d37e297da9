/**
 * @module policy/demand-shock
 * A demand shock: final demand of some sectors in some regions is multiplied for a period
 * (a boom in EV sales, a wind-build slump, a stop to consumer electronics).
 */
import { z } from "zod";
import { regionIdSchema } from "../model/ids.js";
import { policyCommonFields } from "./common.js";
import type { PolicyHandler } from "./handler.js";

export const demandShockSchema = z.strictObject({
  kind: z.literal("demand-shock"),
  ...policyCommonFields,
  regions: z.union([z.literal("all"), z.array(regionIdSchema).min(1)]).default("all"),
  sectors: z.union([z.literal("all"), z.array(z.string().regex(/^sector:[a-z0-9-]+$/, "a sector id such as sector:wind")).min(1)]).default("all"),
  /** Demand is multiplied by this (0.8 = a 20 % fall). */
  multiplier: z.number().min(0).max(10),
});
export type DemandShockPolicy = z.infer<typeof demandShockSchema>;

export const demandShockHandler: PolicyHandler<DemandShockPolicy> = {
  applyToSegment(segment, policy, fraction, _month, ctx) {
    const S = ctx.shape.sectorIds.length;
    ctx.shape.regionIds.forEach((region, r) => {
      if (policy.regions !== "all" && !policy.regions.includes(region)) return;
      ctx.shape.sectorIds.forEach((sector, s) => {
        if (policy.sectors !== "all" && !policy.sectors.includes(sector)) return;
        const o = r * S + s;
        segment.demandMultiplier[o] = (segment.demandMultiplier[o] ?? 1) * (1 + fraction * (policy.multiplier - 1));
      });
    });
  },
};
