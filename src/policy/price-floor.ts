/**
 * @module policy/price-floor
 * A guaranteed producer price (e.g. the US DoD's US$110/kg NdPr oxide floor for MP Materials):
 * producers in the region produce as if the price were at least the floor.
 */
import { z } from "zod";
import { regionIdSchema } from "../model/ids.js";
import { elementListSchema, policyCommonFields } from "./common.js";
import { activeRuns, maskOf } from "./context.js";
import type { PolicyHandler } from "./handler.js";

export const priceFloorSchema = z.strictObject({
  kind: z.literal("price-floor"),
  ...policyCommonFields,
  region: regionIdSchema,
  elements: elementListSchema,
  /** Guaranteed producer price, US$ per kg of oxide (as floors are written). */
  usdPerKgOxide: z.number().positive(),
});
export type PriceFloorPolicy = z.infer<typeof priceFloorSchema>;

export const priceFloorHandler: PolicyHandler<PriceFloorPolicy> = {
  collectLists(policy, fractions, ctx, lists) {
    const region = ctx.regionIndex.get(policy.region);
    if (region === undefined) return;
    // One floor per element: $/kg oxide × kg oxide per kg element = $/kg element.
    for (const symbol of policy.elements) {
      const element = ctx.elementIndex.get(symbol);
      const factor = ctx.world.elements.find((e) => e.symbol === symbol)?.oxideMassPerElementMass ?? 1;
      if (element === undefined) continue;
      for (const run of activeRuns(fractions.map((f) => (f >= 0.5 ? 1 : 0)))) {
        lists.priceFloors.push({
          region, elementMask: maskOf(ctx.shape.elementSymbols.length, [element]),
          usdPerKg: policy.usdPerKgOxide * factor, fromMonth: run.fromMonth, toMonth: run.toMonth,
        });
      }
    }
  },
};
