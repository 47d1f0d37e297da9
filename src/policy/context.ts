/**
 * @module policy/context
 * What a policy kind needs to compile itself: index maps of the model it compiles for, the world
 * after overrides, and the list-shaped constraints it may add to. Also the shared trade-cell walker.
 */
import { ELEMENT_SYMBOLS, type ElementSymbol } from "../model/ids.js";
import {
  FORM_INDEX, tradeConstraintOffset, type ConstraintSegment, type ConstraintShape, type ExportQuota,
  type ExtraterritorialRule, type PriceFloor, type StockChange,
} from "../model/constraints.js";
import type { World } from "../model/world-schema.js";
import { ENGINE_FORM_OF, type Destinations, type PolicyForm, type ShareByDestination } from "./common.js";

/** Everything a policy kind can look up while compiling. */
export interface PolicyCompileContext {
  readonly shape: ConstraintShape;
  readonly world: World;
  readonly startMonth: string;
  readonly regionIndex: ReadonlyMap<string, number>;
  readonly elementIndex: ReadonlyMap<string, number>;
  readonly facilityIndex: ReadonlyMap<string, number>;
  readonly sectorIndex: ReadonlyMap<string, number>;
}

/** The list-shaped constraints policies add to (quotas, rules, stock changes, price floors). */
export interface ConstraintLists {
  readonly exportQuotas: ExportQuota[];
  readonly extraterritorialRules: ExtraterritorialRule[];
  readonly stockChanges: StockChange[];
  readonly priceFloors: PriceFloor[];
}

/** Build the index maps for a shape. */
export function createPolicyContext(shape: ConstraintShape, world: World, startMonth: string): PolicyCompileContext {
  const indexOf = (ids: readonly string[]) => new Map(ids.map((id, i) => [id, i]));
  return {
    shape, world, startMonth,
    regionIndex: indexOf(shape.regionIds),
    elementIndex: indexOf(shape.elementSymbols),
    facilityIndex: indexOf(shape.facilityIds),
    sectorIndex: indexOf(shape.sectorIds),
  };
}

/** Region indices a `destinations` field covers, never the issuer. */
export function destinationIndices(ctx: PolicyCompileContext, destinations: Destinations, issuer: string): number[] {
  const all = ctx.shape.regionIds.filter((r) => r !== issuer);
  const chosen = destinations === "all" ? all : "only" in destinations ? all.filter((r) => destinations.only.includes(r)) : all.filter((r) => !destinations.allExcept.includes(r));
  return chosen.map((r) => ctx.regionIndex.get(r)).filter((i): i is number => i !== undefined);
}

/** The share for one destination region. */
export function shareFor(share: ShareByDestination, destination: string): number {
  return typeof share === "number" ? share : share.byDestination[destination] ?? share.default;
}

/** Elements that make up magnets (any grade's recipe): a magnet-form control covers the whole magnet. */
export function magnetElements(ctx: PolicyCompileContext): ElementSymbol[] {
  const inMagnets = new Set<ElementSymbol>();
  for (const g of ctx.world.magnetGrades) for (const [s, v] of Object.entries(g.elementsWeightPercent)) if ((v ?? 0) > 0) inMagnets.add(s as ElementSymbol);
  return ELEMENT_SYMBOLS.filter((s) => inMagnets.has(s));
}

/**
 * The (element, engine form) cells a measure on `elements` × `forms` covers. Oxides, compounds,
 * metals and alloys are controlled for the listed elements only; "magnet-with-dy-tb" covers whole
 * NdFeB magnets (all their elements) because the licence applies to the magnet, not its Dy; "smco-magnet"
 * covers Sm (and the other listed elements) in magnet form; "magnet" covers the listed elements in magnets.
 */
export function controlledCells(ctx: PolicyCompileContext, elements: readonly ElementSymbol[], forms: readonly PolicyForm[]): { element: number; form: number }[] {
  const cells = new Map<string, { element: number; form: number }>();
  const add = (symbol: string, form: number) => {
    const element = ctx.elementIndex.get(symbol);
    if (element !== undefined) cells.set(`${element}:${form}`, { element, form });
  };
  for (const policyForm of forms) {
    const form = FORM_INDEX[ENGINE_FORM_OF[policyForm]];
    const symbols = policyForm === "magnet-with-dy-tb" ? magnetElements(ctx) : elements;
    for (const s of symbols) add(s, form);
  }
  return [...cells.values()];
}

/** Call `edit` with the offset of every covered [issuer][destination][element][form] cell. */
export function forEachTradeCell(
  ctx: PolicyCompileContext, issuer: string, destinations: readonly number[], cells: readonly { element: number; form: number }[],
  edit: (offset: number, destination: number, cell: { element: number; form: number }) => void,
): void {
  const from = ctx.regionIndex.get(issuer);
  if (from === undefined) return;
  for (const to of destinations) for (const c of cells) edit(tradeConstraintOffset(ctx.shape, from, to, c.element, c.form), to, c);
}

/** Months a policy is active at all, as runs of consecutive months with the same fraction. */
export function activeRuns(fractions: Float64Array): { fromMonth: number; toMonth: number; fraction: number }[] {
  const runs: { fromMonth: number; toMonth: number; fraction: number }[] = [];
  for (let m = 0; m < fractions.length; m++) {
    const f = fractions[m] ?? 0;
    if (f <= 0) continue;
    const last = runs[runs.length - 1];
    if (last !== undefined && last.toMonth === m && Math.abs(last.fraction - f) < 1e-9) last.toMonth = m + 1;
    else runs.push({ fromMonth: m, toMonth: m + 1, fraction: f });
  }
  return runs;
}

/** A mask of length `size` with 1 at each index. */
export function maskOf(size: number, indices: Iterable<number>): Uint8Array {
  const mask = new Uint8Array(size);
  for (const i of indices) mask[i] = 1;
  return mask;
}

/** Working days → months (21 working days a month). */
export const WORKING_DAYS_PER_MONTH = 21;

export type { ConstraintSegment };
