/**
 * @module policy/suspension
 * A suspension switches named policies off between two dates (the Nov 2025 pause of the Oct 2025
 * measures). It has no effect of its own: scenario resolution removes its window from theirs.
 */
import { z } from "zod";
import { policyCommonFields } from "./common.js";
import type { PolicyHandler } from "./handler.js";

export const suspensionSchema = z.strictObject({
  kind: z.literal("suspension"),
  ...policyCommonFields,
  /** Ids of the policies switched off between `from` and `until`. */
  suspends: z.array(z.string().min(1)).min(1),
});
export type SuspensionPolicy = z.infer<typeof suspensionSchema>;

export const suspensionHandler: PolicyHandler<SuspensionPolicy> = {};
