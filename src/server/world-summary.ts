/**
 * @module server/world-summary
 * The `WorldSummary` of GET /api/world: regions, elements, sectors and facilities for pickers and maps.
 */
import type { WorldSummary } from "../model/api.js";
import type { World } from "../model/world-schema.js";

/** Summarise a world for the dashboard. Capacities are per year in the unit given with each facility. */
export function summariseWorld(world: World): WorldSummary {
  const facility = (stage: string, unit: string) => (f: { id: string; name: string; region: string; status: string; startMonth: string }, capacity: number) => ({
    id: f.id, name: f.name, stage, region: f.region, status: f.status, startMonth: f.startMonth, capacity, unit,
  });
  const mine = facility("mine", "t REO/yr");
  const separation = facility("separation", "t REO/yr");
  const metal = facility("metal", "t/yr");
  const magnet = facility("magnet", "t magnet/yr");
  return {
    dataset: { name: world.dataset.name, version: world.dataset.version, calibrationYear: world.dataset.calibrationYear },
    regions: world.regions.map((r) => ({ id: r.id, name: r.name })),
    elements: world.elements.map((e) => ({ symbol: e.symbol, name: e.name, class: e.class })),
    sectors: world.sectors.map((s) => ({ id: s.id, name: s.name, use: s.use })),
    facilities: [
      ...world.mines.map((f) => mine(f, f.capacityTonnesReoPerYear)),
      ...world.separationPlants.map((f) => separation(f, f.capacityTonnesReoPerYear)),
      ...world.metalPlants.map((f) => metal(f, f.capacityTonnesPerYear)),
      ...world.magnetPlants.map((f) => magnet(f, f.capacityTonnesPerYear)),
    ],
  };
}
