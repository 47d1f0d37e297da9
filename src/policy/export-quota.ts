/**
 * @module policy/export-quota
 * An export quota: at most so many tonnes per period (half-year allocations as in 2006–2014).
 * Compiled to one quota constraint per run of active months (quotas act on whole months).
 */
import { z } from "zod";
import { cellMaskOf } from "../model/constraints.js";
import { regionIdSchema } from "../model/ids.js";
import { destinationsSchema, elementListSchema, policyCommonFields, policyFormSchema } from "./common.js";
import { activeRuns, controlledCells, destinationIndices, maskOf } from "./context.js";
import type { PolicyHandler } from "./handler.js";

export const exportQuotaSchema = z.strictObject({
  kind: z.literal("export-quota"),
  ...policyCommonFields,
  issuer: regionIdSchema,
  elements: elementListSchema,
  forms: z.array(policyFormSchema).min(1),
  destinations: destinationsSchema.default("all"),
  /** Tonnes of element content allowed out per period, all covered elements and forms together. */
  tonnesPerPeriod: z.number().nonnegative(),
  /** Period length in months (6 = the half-year allocations of 2006–2014). */
  periodMonths: z.number().int().min(1).max(12).default(12),
});
export type ExportQuotaPolicy = z.infer<typeof exportQuotaSchema>;

export const exportQuotaHandler: PolicyHandler<ExportQuotaPolicy> = {
  collectLists(policy, fractions, ctx, lists) {
    const issuer = ctx.regionIndex.get(policy.issuer);
    if (issuer === undefined) return;
    const cells = controlledCells(ctx, policy.elements, policy.forms);
    const cellMask = cellMaskOf(ctx.shape.elementSymbols.length, cells);
    const destinationMask = maskOf(ctx.shape.regionIds.length, destinationIndices(ctx, policy.destinations, policy.issuer));
    // A month counts when the quota is in force for at least half of it.
    const whole = fractions.map((f) => (f >= 0.5 ? 1 : 0));
    for (const run of activeRuns(whole)) {
      lists.exportQuotas.push({
        issuer, cellMask, destinationMask,
        tonnesPerPeriod: policy.tonnesPerPeriod, periodMonths: policy.periodMonths,
        fromMonth: run.fromMonth, toMonth: run.toMonth,
      });
    }
  },
};
