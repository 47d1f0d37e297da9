/**
 * @module model/sourced
 * The citation fields every numeric record in the world dataset carries.
 * Resolution of source ids against the source list happens in `world/cross-check`.
 */
import { z } from "zod";

/** A source id from `world/sources.yaml`, e.g. `usgs-mcs-2025`. */
export const sourceIdSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, "a source id from world/sources.yaml (lower-case, digits, dashes)");

/**
 * Fields shared by every record that holds numbers: one or more sources, and, when any number
 * in the record is an estimate, `estimate` saying how it was made.
 */
export const sourcedFields = {
  source: z.union([sourceIdSchema, z.array(sourceIdSchema).min(1)]),
  estimate: z.string().min(10, "a sentence saying how the estimate was made").optional(),
  note: z.string().optional(),
};

/** Normalise the `source` field to a list. */
export function sourceIds(source: string | readonly string[]): readonly string[] {
  return typeof source === "string" ? [source] : source;
}
