/**
 * @module policy/supply-shock
 * A supply shock: facilities (by id, by region and stage, or by deposit type) lose a share of
 * their capacity for a period — e.g. the Kachin clays cut off by conflict.
 */
import { z } from "zod";
import { regionIdSchema } from "../model/ids.js";
import { policyCommonFields } from "./common.js";
import type { PolicyCompileContext } from "./context.js";
import { facilitiesOf } from "./facilities.js";
import type { PolicyHandler } from "./handler.js";

const targetSchema = z.union([
  z.strictObject({ facilities: z.array(z.string().regex(/^(mine|plant):[a-z0-9-]+$/, "a facility id such as mine:bayan-obo")).min(1) }),
  z.strictObject({ region: regionIdSchema, stage: z.enum(["mine", "separation", "metal", "magnet"]) }),
  z.strictObject({ depositType: z.string().min(1), region: regionIdSchema.optional() }),
], { error: "target: { facilities: [...] }, { region, stage } or { depositType, region? }" });

export const supplyShockSchema = z.strictObject({
  kind: z.literal("supply-shock"),
  ...policyCommonFields,
  target: targetSchema,
  /** Share of capacity lost, 0–1. */
  lossShare: z.number().min(0).max(1),
});
export type SupplyShockPolicy = z.infer<typeof supplyShockSchema>;

/** Facility indices a shock's target covers. */
export function targetedFacilities(policy: SupplyShockPolicy, ctx: PolicyCompileContext): number[] {
  const t = policy.target;
  return facilitiesOf(ctx.world)
    .filter((f) =>
      "facilities" in t ? t.facilities.includes(f.id)
        : "stage" in t ? f.region === t.region && f.stage === t.stage
          : f.depositType === t.depositType && (t.region === undefined || f.region === t.region))
    .map((f) => ctx.facilityIndex.get(f.id))
    .filter((i): i is number => i !== undefined);
}

export const supplyShockHandler: PolicyHandler<SupplyShockPolicy> = {
  applyToSegment(segment, policy, fraction, _month, ctx) {
    for (const index of targetedFacilities(policy, ctx)) {
      segment.capacityMultiplier[index] = (segment.capacityMultiplier[index] ?? 1) * (1 - fraction * policy.lossShare);
    }
  },
};
