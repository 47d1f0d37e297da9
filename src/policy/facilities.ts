/**
 * @module policy/facilities
 * A flat view of a world's facilities (mines and plants) with their stage, for policies that
 * target facilities by id, region, stage or deposit type.
 */
import type { Stage } from "../model/ids.js";
import type { World } from "../model/world-schema.js";

/** A facility as policies see it. */
export interface FacilityView {
  readonly id: string;
  readonly stage: Exclude<Stage, "use">;
  readonly region: string;
  readonly technologyOrigin: string;
  readonly startMonth: string;
  readonly rampMonths: number;
  /** Deposit type of a mine's profile; undefined for plants. */
  readonly depositType: string | undefined;
}

/** Every facility of the world in the order mines, separation, metal, magnet plants. */
export function facilitiesOf(world: World): FacilityView[] {
  const depositTypeOf = new Map(world.depositProfiles.map((p) => [p.id, p.depositType]));
  const view = (stage: FacilityView["stage"], f: { id: string; region: string; technologyOrigin: string; startMonth: string; rampMonths: number }, depositType?: string): FacilityView => ({
    id: f.id, stage, region: f.region, technologyOrigin: f.technologyOrigin, startMonth: f.startMonth, rampMonths: f.rampMonths, depositType,
  });
  return [
    ...world.mines.map((m) => view("mine", m, depositTypeOf.get(m.profile))),
    ...world.separationPlants.map((p) => view("separation", p)),
    ...world.metalPlants.map((p) => view("metal", p)),
    ...world.magnetPlants.map((p) => view("magnet", p)),
  ];
}

/** Linear ramp 0→1 over `rampMonths` from the start month index (full output at once when 0). */
export function rampFactor(monthIndex: number, startIndex: number, rampMonths: number): number {
  if (monthIndex < startIndex) return 0;
  if (rampMonths <= 0) return 1;
  return Math.min(1, (monthIndex - startIndex + 1) / rampMonths);
}
