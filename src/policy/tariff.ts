/**
 * @module policy/tariff
 * An import tariff (e.g. US Section 301 on Chinese magnets): a price wedge on imports from the
 * named exporters into the importer, which makes the importer buy elsewhere where it can.
 */
import { z } from "zod";
import { tradeConstraintOffset } from "../model/constraints.js";
import { regionIdSchema } from "../model/ids.js";
import { elementListSchema, policyCommonFields, policyFormSchema } from "./common.js";
import { controlledCells } from "./context.js";
import type { PolicyHandler } from "./handler.js";

export const tariffSchema = z.strictObject({
  kind: z.literal("tariff"),
  ...policyCommonFields,
  /** Region that levies the tariff on its imports. */
  importer: regionIdSchema,
  /** Regions whose goods are taxed. */
  exporters: z.array(regionIdSchema).min(1),
  elements: elementListSchema,
  forms: z.array(policyFormSchema).min(1),
  ratePercent: z.number().min(0).max(1000),
});
export type TariffPolicy = z.infer<typeof tariffSchema>;

export const tariffHandler: PolicyHandler<TariffPolicy> = {
  applyToSegment(segment, policy, fraction, _month, ctx) {
    const to = ctx.regionIndex.get(policy.importer);
    if (to === undefined) return;
    const cells = controlledCells(ctx, policy.elements, policy.forms);
    for (const exporter of policy.exporters) {
      const from = ctx.regionIndex.get(exporter);
      if (from === undefined || from === to) continue;
      for (const c of cells) {
        const offset = tradeConstraintOffset(ctx.shape, from, to, c.element, c.form);
        // Tariffs on the same goods add up (ad valorem), pro rata within the month.
        segment.importTariffRate[offset] = (segment.importTariffRate[offset] ?? 0) + (fraction * policy.ratePercent) / 100;
      }
    }
  },
};
