/**
 * @module scenario/schema
 * The scenario file format: what to run (world, start, horizon, seed), overrides of world
 * parameters, and the policies. Shape only; references are checked in `scenario/resolve`.
 */
import { z } from "zod";
import { monthSchema, regionIdSchema } from "../model/ids.js";
import { policySchema } from "../policy/kinds.js";

export const facilityOverrideSchema = z.strictObject({
  id: z.string().regex(/^(mine|plant):[a-z0-9-]+$/, "a facility id such as plant:lynas-kuantan"),
  capacityTonnesPerYear: z.number().nonnegative().optional(),
  startMonth: monthSchema.optional(),
  rampMonths: z.number().int().nonnegative().optional(),
  status: z.enum(["operating", "commissioning", "construction", "planned", "suspended", "cancelled"]).optional(),
});

export const demandOverrideSchema = z.strictObject({
  sector: z.string().regex(/^sector:[a-z0-9-]+$/, "a sector id such as sector:ev-traction"),
  region: regionIdSchema.optional(),
  growthPercentPerYear: z.number().min(-50).max(100),
});

export const overridesSchema = z.strictObject({
  /** Model parameters by id (see world/parameters.yaml), e.g. `price.responsePerMonth: 0.2`. */
  parameters: z.record(z.string(), z.number()).default({}),
  facilities: z.array(facilityOverrideSchema).default([]),
  demand: z.array(demandOverrideSchema).default([]),
  /** Domestic priority share by region, e.g. `{ CN: 0.95 }`. */
  domesticPriority: z.record(regionIdSchema, z.number().min(0).max(1)).default({}),
});

export const scenarioSchema = z.strictObject({
  name: z.string().min(1),
  description: z.string().optional(),
  /** A ready-made scenario name (`apr-2025`) or a path relative to this file whose policies and overrides come first. */
  extends: z.string().min(1).optional(),
  /**
   * The scenario `run` and `compare` set this one against when no `--baseline` is given: a ready-made name or a path
   * relative to this file — the run that isolates what this scenario asks about (e.g. the controls' return against the
   * pause extended). Not inherited by scenarios that extend this one. @default baseline
   */
  compareWith: z.string().min(1).optional(),
  /** World folder, relative to this file; the bundled world when omitted. */
  world: z.string().min(1).optional(),
  start: monthSchema.optional(),
  months: z.number().int().min(1).max(600).optional(),
  seed: z.number().int().min(0).max(2 ** 32 - 1).optional(),
  overrides: overridesSchema.default({ parameters: {}, facilities: [], demand: [], domesticPriority: {} }),
  policies: z.array(policySchema).default([]),
});

export type ScenarioFile = z.infer<typeof scenarioSchema>;
export type FacilityOverride = z.infer<typeof facilityOverrideSchema>;
export type DemandOverride = z.infer<typeof demandOverrideSchema>;
export type Overrides = z.infer<typeof overridesSchema>;

/** Defaults applied when neither a scenario nor its parents say. */
export const SCENARIO_DEFAULTS = { start: "2024-01", months: 120, seed: 1 } as const;
