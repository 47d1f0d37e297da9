/**
 * @module policy/new-capacity
 * New or accelerated capacity: change an existing facility (start, capacity, ramp, status) or add
 * a new one. Applied to the world before it is compiled, so the engine sees an ordinary facility.
 */
import { z } from "zod";
import { facilityStatusSchema, magnetTypeSchema, monthSchema, regionIdSchema } from "../model/ids.js";
import { elementOrClassSchema, type World } from "../model/world-schema.js";
import { policyCommonFields } from "./common.js";
import type { PolicyHandler } from "./handler.js";

export const newCapacitySchema = z.strictObject({
  kind: z.literal("new-capacity"),
  ...policyCommonFields,
  /** An existing facility to change, or a new one to add (then stage, region, capacity and start are needed). */
  facility: z.string().regex(/^(mine|plant):[a-z0-9-]+$/, "a facility id such as plant:lynas-kuantan"),
  name: z.string().optional(),
  stage: z.enum(["mine", "separation", "metal", "magnet"]).optional(),
  region: regionIdSchema.optional(),
  owner: z.string().optional(),
  capacityTonnesPerYear: z.number().nonnegative().optional(),
  /** First month of output; a new facility without it starts in the policy's `from` month, an existing one keeps its own. */
  startMonth: monthSchema.optional(),
  rampMonths: z.number().int().nonnegative().optional(),
  status: facilityStatusSchema.optional(),
  /** New mines: deposit profile id. */
  profile: z.string().optional(),
  /** New separation plants: elements or classes separated; new metal plants: metals made. */
  separates: z.array(elementOrClassSchema).min(1).optional(),
  makes: z.array(elementOrClassSchema).min(1).optional(),
  /** New magnet plants: the magnet type. */
  magnetType: magnetTypeSchema.optional(),
  technologyOrigin: regionIdSchema.optional(),
});
export type NewCapacityPolicy = z.infer<typeof newCapacitySchema>;

const SCENARIO_SOURCE = "scenario-assumption";

/**
 * Apply the policy to a world: a new world with the facility changed or added. For an existing
 * facility only the fields the policy states change (its start, status and ramp stay otherwise).
 */
function applyNewCapacity(world: World, p: NewCapacityPolicy, activeFromMonth: string): World {
  const startMonth = p.startMonth ?? activeFromMonth;
  const common = {
    ...(p.name !== undefined ? { name: p.name } : {}),
    ...(p.region !== undefined ? { region: p.region } : {}),
    ...(p.owner !== undefined ? { owner: p.owner } : {}),
    ...(p.startMonth !== undefined ? { startMonth: p.startMonth } : {}),
    ...(p.rampMonths !== undefined ? { rampMonths: p.rampMonths } : {}),
    ...(p.status !== undefined ? { status: p.status } : {}),
    ...(p.technologyOrigin !== undefined ? { technologyOrigin: p.technologyOrigin } : {}),
  };
  const edit = <T extends { id: string }>(list: readonly T[], patch: (f: T) => T) => list.map((f) => (f.id === p.facility ? patch(f) : f));
  const exists = [...world.mines, ...world.separationPlants, ...world.metalPlants, ...world.magnetPlants].some((f) => f.id === p.facility);
  if (exists) {
    const cap = p.capacityTonnesPerYear;
    return {
      ...world,
      mines: edit(world.mines, (f) => ({ ...f, ...common, ...(cap !== undefined ? { capacityTonnesReoPerYear: cap } : {}) })),
      separationPlants: edit(world.separationPlants, (f) => ({ ...f, ...common, ...(cap !== undefined ? { capacityTonnesReoPerYear: cap } : {}) })),
      metalPlants: edit(world.metalPlants, (f) => ({ ...f, ...common, ...(cap !== undefined ? { capacityTonnesPerYear: cap } : {}) })),
      magnetPlants: edit(world.magnetPlants, (f) => ({ ...f, ...common, ...(cap !== undefined ? { capacityTonnesPerYear: cap } : {}) })),
    };
  }
  // A new facility: resolve.ts has checked that the fields a stage needs are present.
  const base = {
    id: p.facility, name: p.name ?? p.facility, region: p.region ?? "ROW", owner: p.owner ?? "scenario",
    startMonth, rampMonths: p.rampMonths ?? 12, status: p.status ?? ("construction" as const),
    technologyOrigin: p.technologyOrigin ?? p.region ?? "ROW", source: SCENARIO_SOURCE,
    note: `added by scenario policy ${p.id}`,
  };
  const capacity = p.capacityTonnesPerYear ?? 0;
  switch (p.stage) {
    case "mine":
      return { ...world, mines: [...world.mines, { ...base, profile: p.profile ?? "", capacityTonnesReoPerYear: capacity }] };
    case "separation":
      return { ...world, separationPlants: [...world.separationPlants, { ...base, capacityTonnesReoPerYear: capacity, separates: p.separates ?? ["light"] }] };
    case "metal":
      return { ...world, metalPlants: [...world.metalPlants, { ...base, capacityTonnesPerYear: capacity, makes: p.makes ?? ["Nd", "Pr"] }] };
    default:
      return { ...world, magnetPlants: [...world.magnetPlants, { ...base, capacityTonnesPerYear: capacity, magnetType: p.magnetType ?? "sintered-ndfeb" }] };
  }
}

export const newCapacityHandler: PolicyHandler<NewCapacityPolicy> = {
  transformWorld: applyNewCapacity,
};
