/**
 * @module policy/export-ban
 * An export ban: nothing of the covered elements and forms ships to the covered destinations.
 */
import { z } from "zod";
import { regionIdSchema } from "../model/ids.js";
import { destinationsSchema, elementListSchema, policyCommonFields, policyFormSchema } from "./common.js";
import { controlledCells, destinationIndices, forEachTradeCell } from "./context.js";
import type { PolicyHandler } from "./handler.js";

export const exportBanSchema = z.strictObject({
  kind: z.literal("export-ban"),
  ...policyCommonFields,
  issuer: regionIdSchema,
  elements: elementListSchema,
  forms: z.array(policyFormSchema).min(1),
  destinations: destinationsSchema.default("all"),
});
export type ExportBanPolicy = z.infer<typeof exportBanSchema>;

export const exportBanHandler: PolicyHandler<ExportBanPolicy> = {
  applyToSegment(segment, policy, fraction, _month, ctx) {
    const destinations = destinationIndices(ctx, policy.destinations, policy.issuer);
    forEachTradeCell(ctx, policy.issuer, destinations, controlledCells(ctx, policy.elements, policy.forms), (offset) => {
      segment.exportPermitShare[offset] = (segment.exportPermitShare[offset] ?? 1) * (1 - fraction);
    });
  },
};
