/**
 * @module analysis/stage-balance
 * The calibration-year structure of the chain computed from the world dataset alone (no simulation):
 * tonnes by stage × region × element. Used by `chokepoint facts` and as the engine's calibration target.
 */
import { ELEMENT_SYMBOLS, type ElementSymbol, type MagnetType, type Stage } from "../model/ids.js";
import type { World } from "../model/world-schema.js";
import { expandElements } from "../world/elements.js";

/** Tonnes by region and element for one stage, with the unit the tonnes are in. */
export interface StageTable {
  readonly stage: Stage;
  readonly unit: string;
  /** region id → element → tonnes. */
  readonly byRegion: ReadonlyMap<string, Readonly<Record<ElementSymbol, number>>>;
  /** Tonnes of product when it is not the sum of elements (metal, magnets): region → tonnes. */
  readonly productTonnesByRegion?: ReadonlyMap<string, number>;
}

/** Separation-stage feed: for each separating region, element tonnes received from each supplying region. */
export type FeedTable = ReadonlyMap<string, ReadonlyMap<string, Readonly<Record<ElementSymbol, number>>>>;

/** The whole calibration-year balance. */
export interface StageBalance {
  readonly stages: Readonly<Record<Stage, StageTable>>;
  readonly separationFeed: FeedTable;
}

function zeroElements(): Record<ElementSymbol, number> {
  const out = {} as Record<ElementSymbol, number>;
  for (const s of ELEMENT_SYMBOLS) out[s] = 0;
  return out;
}

function addInto(table: Map<string, Record<ElementSymbol, number>>, region: string, element: ElementSymbol, tonnes: number) {
  let row = table.get(region);
  if (row === undefined) table.set(region, (row = zeroElements()));
  row[element] += tonnes;
}

function sumRecord(record: Readonly<Record<ElementSymbol, number>>): number {
  let total = 0;
  for (const s of ELEMENT_SYMBOLS) total += record[s];
  return total;
}

/** Average rare-earth recipe (wt% by element) of each magnet type, weighted by the demand that uses it. */
export function averageRecipeByMagnetType(world: World): Map<MagnetType, Record<ElementSymbol, number>> {
  const weights = new Map<string, number>();
  for (const d of world.demand2024) {
    const sector = world.sectors.find((s) => s.id === d.sector);
    if (sector?.use === "magnet") weights.set(sector.magnetGrade, (weights.get(sector.magnetGrade) ?? 0) + (d.magnetTonnes ?? 0));
  }
  const out = new Map<MagnetType, Record<ElementSymbol, number>>();
  const totals = new Map<MagnetType, number>();
  for (const grade of world.magnetGrades) {
    const w = weights.get(grade.id) ?? 0;
    totals.set(grade.magnetType, (totals.get(grade.magnetType) ?? 0) + w);
  }
  for (const grade of world.magnetGrades) {
    const typeTotal = totals.get(grade.magnetType) ?? 0;
    const countOfType = world.magnetGrades.filter((g) => g.magnetType === grade.magnetType).length;
    const weight = typeTotal > 0 ? (weights.get(grade.id) ?? 0) / typeTotal : 1 / countOfType;
    let recipe = out.get(grade.magnetType);
    if (recipe === undefined) out.set(grade.magnetType, (recipe = zeroElements()));
    for (const s of ELEMENT_SYMBOLS) recipe[s] += weight * (grade.elementsWeightPercent[s] ?? 0);
  }
  return out;
}

/**
 * Compute the calibration-year balance: mining from mine outputs and deposit profiles (t REO);
 * separation from each region's feed (own ore less exports plus imports, from `flows`), kept only
 * for elements the region's operating plants can separate and scaled to their stated output (t REO);
 * metal and magnets from plant outputs with element content from recipes; use from demand.
 */
export function computeStageBalance(world: World): StageBalance {
  const year = world.dataset.calibrationYear;
  const isOperatingIn = (p: { status: string; startMonth: string }) =>
    p.status !== "cancelled" && p.status !== "planned" && Number(p.startMonth.slice(0, 4)) <= year;

  // Mining (t REO by element).
  const mining = new Map<string, Record<ElementSymbol, number>>();
  for (const mine of world.mines) {
    const output = mine.output2024TonnesReo ?? 0;
    const profile = world.depositProfiles.find((p) => p.id === mine.profile);
    if (output <= 0 || profile === undefined) continue;
    const total = sumRecord({ ...zeroElements(), ...profile.sharesPercentOfTreo });
    for (const s of ELEMENT_SYMBOLS) addInto(mining, mine.region, s, (output * (profile.sharesPercentOfTreo[s] ?? 0)) / total);
  }

  // Separation feed: own ore not exported + concentrate imports, each with the exporter's ore mix.
  const feed = new Map<string, Map<string, Record<ElementSymbol, number>>>();
  const exportedShare = new Map<string, number>();
  const concentrateFlows = world.flows.filter((f) => f.form === "concentrate" && f.year === year);
  for (const f of concentrateFlows) exportedShare.set(f.from, (exportedShare.get(f.from) ?? 0) + f.tonnes);
  const addFeed = (to: string, from: string, tonnesReo: number) => {
    const ore = mining.get(from);
    if (ore === undefined || tonnesReo <= 0) return;
    const oreTotal = sumRecord(ore);
    let byFrom = feed.get(to);
    if (byFrom === undefined) feed.set(to, (byFrom = new Map()));
    let row = byFrom.get(from);
    if (row === undefined) byFrom.set(from, (row = zeroElements()));
    for (const s of ELEMENT_SYMBOLS) row[s] += (tonnesReo * ore[s]) / oreTotal;
  };
  for (const [region, ore] of mining) {
    const kept = Math.max(0, sumRecord(ore) - (exportedShare.get(region) ?? 0));
    addFeed(region, region, kept);
  }
  for (const f of concentrateFlows) addFeed(f.to, f.from, Math.min(f.tonnes, sumRecord(mining.get(f.from) ?? zeroElements())));

  const separation = new Map<string, Record<ElementSymbol, number>>();
  for (const [region, byFrom] of feed) {
    const plants = world.separationPlants.filter((p) => p.region === region && isOperatingIn(p));
    if (plants.length === 0) continue;
    const separable = new Set(plants.flatMap((p) => expandElements(world, p.separates)));
    const regionFeed = zeroElements();
    for (const row of byFrom.values()) for (const s of ELEMENT_SYMBOLS) regionFeed[s] += row[s];
    let separableTotal = 0;
    for (const s of separable) separableTotal += regionFeed[s];
    const stated = plants.reduce((sum, p) => sum + (p.output2024TonnesReo ?? 0), 0);
    const scale = stated > 0 && separableTotal > 0 ? Math.min(1, stated / separableTotal) : 1;
    for (const s of separable) {
      // Front-end rejects go to residue: the capacity-weighted share of the region's plants that separate the element.
      const handling = plants.filter((p) => expandElements(world, p.separates).includes(s));
      const capacity = handling.reduce((sum, p) => sum + p.capacityTonnesReoPerYear, 0);
      const rejected = capacity > 0 ? handling.reduce((sum, p) => sum + p.capacityTonnesReoPerYear * (p.rejectsPercentOfFeed?.[s] ?? 0) / 100, 0) / capacity : 0;
      addInto(separation, region, s, regionFeed[s] * scale * (1 - rejected));
    }
  }

  // Metal: plant output split over the elements it makes in proportion to world separated output.
  const worldSeparated = zeroElements();
  for (const row of separation.values()) for (const s of ELEMENT_SYMBOLS) worldSeparated[s] += row[s];
  const metal = new Map<string, Record<ElementSymbol, number>>();
  const metalProduct = new Map<string, number>();
  for (const plant of world.metalPlants) {
    const output = plant.output2024Tonnes ?? 0;
    if (output <= 0) continue;
    metalProduct.set(plant.region, (metalProduct.get(plant.region) ?? 0) + output);
    const makes = expandElements(world, plant.makes);
    const weightTotal = makes.reduce((sum, s) => sum + worldSeparated[s], 0);
    for (const s of makes) addInto(metal, plant.region, s, weightTotal > 0 ? (output * worldSeparated[s]) / weightTotal : output / makes.length);
  }

  // Magnets: output × the demand-weighted recipe of the plant's magnet type.
  const recipes = averageRecipeByMagnetType(world);
  const magnet = new Map<string, Record<ElementSymbol, number>>();
  const magnetProduct = new Map<string, number>();
  for (const plant of world.magnetPlants) {
    const output = plant.output2024Tonnes ?? 0;
    if (output <= 0) continue;
    magnetProduct.set(plant.region, (magnetProduct.get(plant.region) ?? 0) + output);
    const recipe = recipes.get(plant.magnetType) ?? zeroElements();
    for (const s of ELEMENT_SYMBOLS) addInto(magnet, plant.region, s, (output * recipe[s]) / 100);
  }

  // Use: demand in element content (magnets by grade; non-magnet REO converted with oxide factors).
  const use = new Map<string, Record<ElementSymbol, number>>();
  const oxideFactor = new Map(world.elements.map((e) => [e.symbol, e.oxideMassPerElementMass]));
  for (const d of world.demand2024) {
    const sector = world.sectors.find((s) => s.id === d.sector);
    if (sector === undefined) continue;
    if (sector.use === "magnet") {
      const grade = world.magnetGrades.find((g) => g.id === sector.magnetGrade);
      for (const s of ELEMENT_SYMBOLS) addInto(use, d.region, s, ((d.magnetTonnes ?? 0) * (grade?.elementsWeightPercent[s] ?? 0)) / 100);
    } else {
      const total = Object.values(sector.elementSharesPercent).reduce((a, b) => a + (b ?? 0), 0);
      for (const s of ELEMENT_SYMBOLS) {
        const reo = ((d.tonnesReo ?? 0) * (sector.elementSharesPercent[s] ?? 0)) / (total || 1);
        addInto(use, d.region, s, reo / (oxideFactor.get(s) ?? 1));
      }
    }
  }

  const table = (stage: Stage, unit: string, byRegion: Map<string, Record<ElementSymbol, number>>, product?: Map<string, number>): StageTable =>
    product === undefined ? { stage, unit, byRegion } : { stage, unit, byRegion, productTonnesByRegion: product };
  const stages = {
    mine: table("mine", "t REO", mining),
    separation: table("separation", "t REO", separation),
    metal: table("metal", "t metal", metal, metalProduct),
    magnet: table("magnet", "t content", magnet, magnetProduct),
    use: table("use", "t content", use),
  } satisfies Record<Stage, StageTable>;
  return { stages, separationFeed: feed };
}
