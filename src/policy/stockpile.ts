/**
 * @module policy/stockpile
 * A strategic stockpile build (buying oxide off the market) or release (selling it back), by
 * region and element at a monthly rate — e.g. a JOGMEC release or a US National Defense Stockpile build.
 */
import { z } from "zod";
import { elementSymbolSchema, regionIdSchema } from "../model/ids.js";
import { policyCommonFields } from "./common.js";
import { activeRuns } from "./context.js";
import type { PolicyHandler } from "./handler.js";

export const stockpilePolicySchema = z.strictObject({
  kind: z.literal("stockpile"),
  ...policyCommonFields,
  region: regionIdSchema,
  action: z.enum(["build", "release"]),
  /** Tonnes of element content per month, by element. */
  tonnesPerMonth: z
    .partialRecord(elementSymbolSchema, z.number().nonnegative())
    .refine((t) => Object.values(t).some((v) => (v ?? 0) > 0), "at least one element with a positive monthly rate"),
});
export type StockpilePolicy = z.infer<typeof stockpilePolicySchema>;

export const stockpileHandler: PolicyHandler<StockpilePolicy> = {
  collectLists(policy, fractions, ctx, lists) {
    const region = ctx.regionIndex.get(policy.region);
    if (region === undefined) return;
    const sign = policy.action === "build" ? 1 : -1;
    for (const run of activeRuns(fractions)) {
      for (const [symbol, tonnes] of Object.entries(policy.tonnesPerMonth)) {
        const element = ctx.elementIndex.get(symbol);
        if (element === undefined || tonnes === undefined || tonnes === 0) continue;
        lists.stockChanges.push({ region, element, tonnesPerMonth: sign * tonnes * run.fraction, fromMonth: run.fromMonth, toMonth: run.toMonth });
      }
    }
  },
};
