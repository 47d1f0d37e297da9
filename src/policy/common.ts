/**
 * @module policy/common
 * Fields and vocabularies shared by policy kinds: dates, targets (elements, forms, destinations),
 * approval shares and delays. Schemas only; compilation is in each kind's module.
 */
import { z } from "zod";
import { daySchema, elementSymbolSchema, monthSchema, regionIdSchema } from "../model/ids.js";

/** A policy date: a day `YYYY-MM-DD` (pro rata within its month) or a month `YYYY-MM` (its first day). */
export const policyDateSchema = z.union([daySchema, monthSchema], { error: "a date written YYYY-MM-DD or a month YYYY-MM" });

/** Product forms a measure can name, as the regulations write them. */
export const POLICY_FORMS = [
  "ore", "concentrate", "oxide", "compound", "metal", "alloy", "magnet", "magnet-with-dy-tb", "smco-magnet",
] as const;
export const policyFormSchema = z.enum(POLICY_FORMS);
export type PolicyForm = (typeof POLICY_FORMS)[number];

/** The engine's traded forms each policy form maps onto. */
export const ENGINE_FORM_OF: Record<PolicyForm, "concentrate" | "oxide" | "metal" | "magnet"> = {
  ore: "concentrate", concentrate: "concentrate", oxide: "oxide", compound: "oxide",
  metal: "metal", alloy: "metal", magnet: "magnet", "magnet-with-dy-tb": "magnet", "smco-magnet": "magnet",
};

/** Destinations: every region, a list, or every region but a list. */
export const destinationsSchema = z.union([
  z.literal("all"),
  z.strictObject({ only: z.array(regionIdSchema).min(1) }),
  z.strictObject({ allExcept: z.array(regionIdSchema).min(1) }),
], { error: '"all", { only: [regions] } or { allExcept: [regions] }' });
export type Destinations = z.infer<typeof destinationsSchema>;

/** A share 0–1, with an optional different value per destination region. */
export const shareByDestinationSchema = z.union([
  z.number().min(0).max(1),
  z.strictObject({
    default: z.number().min(0).max(1),
    byDestination: z.record(regionIdSchema, z.number().min(0).max(1)),
  }),
]);
export type ShareByDestination = z.infer<typeof shareByDestinationSchema>;

/** A processing delay in working days: median and 90th percentile (21 working days ≈ one month). */
export const workingDayDelaySchema = z
  .strictObject({ median: z.number().nonnegative(), p90: z.number().nonnegative() })
  .refine((d) => d.p90 >= d.median, { message: "p90 at least as large as the median", path: ["p90"] });

/** Fields every policy has. */
export const policyCommonFields = {
  id: z.string().regex(/^[a-z0-9][a-z0-9-+.]*$/, "a policy id of lower-case letters, digits, dashes (-), plus signs (+) and dots (.), starting with a letter or digit, e.g. cn-ann18-2025"),
  title: z.string().optional(),
  /** The legal instrument or announcement the policy encodes, e.g. "MOFCOM/GAC Announcement No. 18 of 2025". */
  reference: z.string().optional(),
  from: policyDateSchema,
  /** Exclusive end; open-ended when omitted. */
  until: policyDateSchema.optional(),
};

export const elementListSchema = z.array(elementSymbolSchema).min(1);
export { regionIdSchema };
