/**
 * @module policy/technology-ban
 * A ban on exporting process technology (e.g. China's 2023 catalogue, Ann. 62/2025): new capacity
 * outside the issuer that relies on its technology, starting while the ban is in force, starts
 * later and ramps more slowly. Compiled as capacity multipliers (delayed, slower ramp ÷ planned ramp).
 */
import { z } from "zod";
import { regionIdSchema, stageSchema } from "../model/ids.js";
import { monthOffset } from "../model/dates.js";
import { policyCommonFields } from "./common.js";
import type { PolicyCompileContext } from "./context.js";
import { facilitiesOf, rampFactor } from "./facilities.js";
import type { PolicyHandler } from "./handler.js";

export const technologyBanSchema = z.strictObject({
  kind: z.literal("technology-ban"),
  ...policyCommonFields,
  issuer: regionIdSchema,
  stages: z.array(stageSchema).min(1).default(["separation", "metal", "magnet"]),
  /** Extra months before affected new capacity outside the issuer starts. */
  startDelayMonths: z.number().nonnegative(),
  /** Ramp length multiplier for affected capacity (2 = ramps twice as slowly). */
  rampMultiplier: z.number().min(1).max(10),
});
export type TechnologyBanPolicy = z.infer<typeof technologyBanSchema>;

/**
 * Capacity multipliers this month for the affected facilities (facility index → multiplier < 1):
 * those outside the issuer, relying on its technology, whose planned start falls while the ban is in force.
 */
function multipliers(policy: TechnologyBanPolicy, month: number, ctx: PolicyCompileContext, fractions: Float64Array): Map<number, number> {
  const out = new Map<number, number>();
  for (const f of facilitiesOf(ctx.world)) {
    if (f.technologyOrigin !== policy.issuer || f.region === policy.issuer || !policy.stages.includes(f.stage)) continue;
    const start = monthOffset(ctx.startMonth, f.startMonth);
    if (start < 0 || start >= fractions.length || (fractions[start] ?? 0) <= 0) continue; // built before, or started outside the ban
    const index = ctx.facilityIndex.get(f.id);
    if (index === undefined) continue;
    const planned = rampFactor(month, start, f.rampMonths);
    const delayed = rampFactor(month, start + Math.round(policy.startDelayMonths), Math.max(1, f.rampMonths) * policy.rampMultiplier);
    if (planned > 0 && delayed < planned) out.set(index, delayed / planned);
  }
  return out;
}

export const technologyBanHandler: PolicyHandler<TechnologyBanPolicy> = {
  isPersistent: true,
  segmentKey(policy, _fraction, month, ctx, fractions) {
    return [...multipliers(policy, month, ctx, fractions)].map(([i, m]) => `${i}=${m.toFixed(6)}`).join(",");
  },
  applyToSegment(segment, policy, _fraction, month, ctx, fractions) {
    for (const [index, multiplier] of multipliers(policy, month, ctx, fractions)) {
      segment.capacityMultiplier[index] = (segment.capacityMultiplier[index] ?? 1) * multiplier;
    }
  },
};
