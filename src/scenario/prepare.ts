/**
 * @module scenario/prepare
 * Turns a resolved scenario into what the engine compiles: the world with the scenario's overrides
 * and new capacity applied, and every policy with the share of each month it is in force.
 */
import { activeFractionByMonth, addMonths } from "../model/dates.js";
import type { World } from "../model/world-schema.js";
import { applyPoliciesToWorld, type ActivePolicy } from "../policy/index.js";
import type { ResolvedScenario } from "./resolve.js";
import type { Overrides } from "./schema.js";

/** The inputs of one run of a scenario. */
export interface PreparedScenario {
  readonly world: World;
  readonly policies: readonly ActivePolicy[];
  readonly startMonth: string;
  readonly months: number;
  readonly seed: number;
}

/** Apply a scenario's overrides to a world (never mutates it). */
export function applyOverrides(world: World, overrides: Overrides): World {
  const facility = overrides.facilities;
  const patch = <T extends { id: string }>(list: readonly T[], capacityField: keyof T): T[] =>
    list.map((f) => {
      const o = facility.find((x) => x.id === f.id);
      if (o === undefined) return f;
      return {
        ...f,
        ...(o.capacityTonnesPerYear !== undefined ? { [capacityField]: o.capacityTonnesPerYear } : {}),
        ...(o.startMonth !== undefined ? { startMonth: o.startMonth } : {}),
        ...(o.rampMonths !== undefined ? { rampMonths: o.rampMonths } : {}),
        ...(o.status !== undefined ? { status: o.status } : {}),
      };
    });
  return {
    ...world,
    mines: patch(world.mines, "capacityTonnesReoPerYear"),
    separationPlants: patch(world.separationPlants, "capacityTonnesReoPerYear"),
    metalPlants: patch(world.metalPlants, "capacityTonnesPerYear"),
    magnetPlants: patch(world.magnetPlants, "capacityTonnesPerYear"),
    // An overridden parameter is pinned: its range is dropped so ensembles do not re-draw it.
    parameters: world.parameters.map((p) => {
      const value = overrides.parameters[p.id];
      if (value === undefined) return p;
      const { range: _range, ...rest } = p;
      return { ...rest, value };
    }),
    regionParameters: mergeDomesticPriority(world, overrides),
    // Demand growth overrides: a region-specific one wins over a sector-wide one (applied per sector here;
    // regional growth differences are carried by demand records, so a region override scales that record).
    sectors: world.sectors.map((s) => {
      const o = overrides.demand.find((d) => d.sector === s.id && d.region === undefined);
      return o === undefined ? s : { ...s, growthPercentPerYear: o.growthPercentPerYear };
    }),
    demand2024: world.demand2024.map((d) => {
      const o = overrides.demand.find((x) => x.sector === d.sector && x.region === d.region);
      return o === undefined ? d : { ...d, growthPercentPerYear: o.growthPercentPerYear };
    }),
  };
}

function mergeDomesticPriority(world: World, overrides: Overrides): World["regionParameters"] {
  const out = world.regionParameters.map((r) => {
    const v = overrides.domesticPriority[r.region];
    return v === undefined ? r : { ...r, domesticPriorityShare: v };
  });
  for (const [region, share] of Object.entries(overrides.domesticPriority)) {
    if (!out.some((r) => r.region === region)) out.push({ region, domesticPriorityShare: share, source: "scenario-assumption" });
  }
  return out;
}

/** Prepare a resolved scenario for compilation against its world. */
export function prepareScenario(scenario: ResolvedScenario, world: World): PreparedScenario {
  const policies: ActivePolicy[] = scenario.policies.map((p) => ({
    policy: p.policy,
    activeFractionByMonth: activeFractionByMonth(p.activeWindows, scenario.startMonth, scenario.months),
  }));
  const changed = applyPoliciesToWorld(applyOverrides(world, scenario.overrides), policies, (i) => addMonths(scenario.startMonth, i));
  return { world: changed, policies, startMonth: scenario.startMonth, months: scenario.months, seed: scenario.seed };
}
