/**
 * @module analysis/facts
 * Concentration facts by stage and element group (total, top region, top-3 share, HHI, China's share)
 * computed from the world dataset, each beside the published reference point it should meet.
 * It reads the dataset only; simulated results are analysed elsewhere.
 */
import { ELEMENT_SYMBOLS, STAGES, type ElementSymbol, type Stage } from "../model/ids.js";
import { ELEMENT_GROUPS, type ReferencePoint, type World } from "../model/world-schema.js";
import { computeStageBalance, type StageBalance } from "./stage-balance.js";

/** An element group as `chokepoint facts` reports it. */
export type ElementGroup = (typeof ELEMENT_GROUPS)[number];

/** The elements in a group: light = La–Nd; heavy = medium + heavy classes (Sm–Lu, Y, Sc), the group China licenses. */
export function elementsOfGroup(world: Pick<World, "elements">, group: ElementGroup): ElementSymbol[] {
  switch (group) {
    case "all": return [...ELEMENT_SYMBOLS];
    case "light": return world.elements.filter((e) => e.class === "light").map((e) => e.symbol);
    case "heavy": return world.elements.filter((e) => e.class !== "light").map((e) => e.symbol);
    case "NdPr": return ["Nd", "Pr"];
    case "Dy": return ["Dy"];
    case "Tb": return ["Tb"];
  }
}

/** A comparison of one computed figure with its published reference. */
export interface ReferenceCheck {
  readonly reference: ReferencePoint;
  readonly computed: number;
  /** True when |computed − reference| exceeds the reference's tolerance. */
  readonly isDeparture: boolean;
}

/** Concentration of one stage for one element group. */
export interface StageFact {
  readonly stage: Stage;
  readonly group: ElementGroup;
  readonly unit: string;
  readonly totalTonnes: number;
  readonly topRegion: string | undefined;
  /** Shares are fractions 0–1. */
  readonly topRegionShare: number;
  readonly top3Share: number;
  /** Herfindahl–Hirschman index on the 0–10,000 scale. */
  readonly hhi: number;
  readonly chinaShare: number;
  readonly regionShares: readonly { region: string; share: number }[];
}

/** Everything `chokepoint facts` shows. */
export interface WorldFacts {
  readonly dataset: { name: string; version: string; calibrationYear: number };
  readonly facts: readonly StageFact[];
  readonly references: readonly ReferenceCheck[];
}

function groupTonnes(row: Readonly<Record<ElementSymbol, number>>, elements: readonly ElementSymbol[]): number {
  let total = 0;
  for (const s of elements) total += row[s];
  return total;
}

/** Concentration figures for one stage and group from a stage balance. */
export function stageFact(world: World, balance: StageBalance, stage: Stage, group: ElementGroup): StageFact {
  const table = balance.stages[stage];
  const elements = elementsOfGroup(world, group);
  const useProduct = group === "all" && table.productTonnesByRegion !== undefined;
  const tonnes: { region: string; t: number }[] = [];
  if (useProduct) for (const [region, t] of table.productTonnesByRegion ?? []) tonnes.push({ region, t });
  else for (const [region, row] of table.byRegion) tonnes.push({ region, t: groupTonnes(row, elements) });
  const total = tonnes.reduce((sum, r) => sum + r.t, 0);
  const shares = tonnes
    .map((r) => ({ region: r.region, share: total > 0 ? r.t / total : 0 }))
    .filter((r) => r.share > 0)
    .sort((a, b) => b.share - a.share || a.region.localeCompare(b.region));
  const unit = useProduct ? (stage === "metal" ? "t metal" : "t magnet") : table.unit;
  return {
    stage, group, unit,
    totalTonnes: total,
    topRegion: shares[0]?.region,
    topRegionShare: shares[0]?.share ?? 0,
    top3Share: shares.slice(0, 3).reduce((sum, r) => sum + r.share, 0),
    hhi: shares.reduce((sum, r) => sum + (100 * r.share) ** 2, 0),
    chinaShare: shares.find((r) => r.region === "CN")?.share ?? 0,
    regionShares: shares,
  };
}

/** Share of `region`'s separation feed of a group that comes from `from`. */
export function feedShare(world: World, balance: StageBalance, region: string, from: string, group: ElementGroup): number {
  const byFrom = balance.separationFeed.get(region);
  if (byFrom === undefined) return 0;
  const elements = elementsOfGroup(world, group);
  let total = 0;
  let fromTotal = 0;
  for (const [source, row] of byFrom) {
    const t = groupTonnes(row, elements);
    total += t;
    if (source === from) fromTotal += t;
  }
  return total > 0 ? fromTotal / total : 0;
}

/**
 * Compute the facts table and check every reference point of the dataset.
 * @example const { facts, references } = computeWorldFacts(loadWorldFromDirectory());
 */
export function computeWorldFacts(world: World): WorldFacts {
  const balance = computeStageBalance(world);
  const facts: StageFact[] = [];
  for (const stage of STAGES) for (const group of ELEMENT_GROUPS) facts.push(stageFact(world, balance, stage, group));
  const references = world.referencePoints.map((reference): ReferenceCheck => {
    const fact = facts.find((f) => f.stage === reference.stage && f.group === reference.elements);
    let computed = 0;
    if (reference.measure === "total-tonnes") computed = fact?.totalTonnes ?? 0;
    else if (reference.measure === "region-share") computed = fact?.regionShares.find((r) => r.region === reference.region)?.share ?? 0;
    else computed = feedShare(world, balance, reference.region ?? "", reference.from ?? "", reference.elements);
    return { reference, computed, isDeparture: Math.abs(computed - reference.value) > reference.tolerance };
  });
  const { name, version, calibrationYear } = world.dataset;
  return { dataset: { name, version, calibrationYear }, facts, references };
}
