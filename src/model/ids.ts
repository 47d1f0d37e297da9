/**
 * @module model/ids
 * The shared vocabulary of Chokepoint: element symbols, stages, element classes and id formats.
 * Pure data and zod schemas only; no loading, no computation.
 */
import { z } from "zod";

/** The 16 rare-earth elements Chokepoint models (Pm is not modelled), in atomic-number order with Sc and Y first. */
export const ELEMENT_SYMBOLS = [
  "Sc", "Y", "La", "Ce", "Pr", "Nd", "Sm", "Eu", "Gd", "Tb", "Dy", "Ho", "Er", "Tm", "Yb", "Lu",
] as const;
export type ElementSymbol = (typeof ELEMENT_SYMBOLS)[number];
export const elementSymbolSchema = z.enum(ELEMENT_SYMBOLS);

/** Element classes as China's regulators group them: light La–Nd; medium Sm, Eu, Gd; heavy Tb–Lu, Y and Sc. */
export const ELEMENT_CLASSES = ["light", "medium", "heavy"] as const;
export type ElementClass = (typeof ELEMENT_CLASSES)[number];
export const elementClassSchema = z.enum(ELEMENT_CLASSES);

/** The stages of the chain, upstream first. */
export const STAGES = ["mine", "separation", "metal", "magnet", "use"] as const;
export type Stage = (typeof STAGES)[number];
export const stageSchema = z.enum(STAGES);

/** Region id: an ISO 3166 alpha-2 code or a bloc code (EU, ROW). */
export const regionIdSchema = z
  .string()
  .regex(/^[A-Z]{2,3}$/, "a region code such as CN, US, EU or ROW");

/** Calendar month `YYYY-MM`. */
export const monthSchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])$/, "a month written YYYY-MM, e.g. 2024-01");

/** Calendar day `YYYY-MM-DD`, checked to be a real date. */
export const daySchema = z
  .string()
  .regex(/^\d{4}-(0[1-9]|1[0-2])-\d{2}$/, "a date written YYYY-MM-DD, e.g. 2025-04-04")
  .refine(isRealDay, "a real calendar date");

function isRealDay(text: string): boolean {
  const [y, m, d] = text.split("-").map(Number) as [number, number, number];
  const date = new Date(Date.UTC(y, m - 1, d));
  return date.getUTCFullYear() === y && date.getUTCMonth() === m - 1 && date.getUTCDate() === d;
}

/** A prefixed, readable entity id such as `mine:bayan-obo`. */
export function prefixedIdSchema(prefix: string) {
  return z
    .string()
    .regex(new RegExp(`^${prefix}:[a-z0-9][a-z0-9-]*$`), `an id like ${prefix}:some-name (lower-case, digits, dashes)`);
}

/** Magnet families the world distinguishes. */
export const MAGNET_TYPES = ["sintered-ndfeb", "bonded-ndfeb", "smco"] as const;
export type MagnetType = (typeof MAGNET_TYPES)[number];
export const magnetTypeSchema = z.enum(MAGNET_TYPES);

/** Life-cycle status of a facility. */
export const FACILITY_STATUSES = [
  "operating", "commissioning", "construction", "planned", "suspended", "cancelled",
] as const;
export const facilityStatusSchema = z.enum(FACILITY_STATUSES);
