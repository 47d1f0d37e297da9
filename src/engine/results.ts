/**
 * @module engine/results
 * A small query API over a `SimulationResult`: monthly series for a selection, totals over a period,
 * and one month's flow graph (Sankey mine → separation → metal → magnet → use by region).
 * Reads only; never changes a result.
 */
import { FORMS, type Form } from "./constraints.js";
import { MARKETS } from "./compiled-model.js";
import type { SimulationResult } from "./result.js";
import { decodeTradeLink } from "./trade-record.js";

/** Result variables a selection can name. */
export const VARIABLES = [
  "production", "stage-input", "final-use", "stock", "strategic-stock", "in-transit", "price", "shortfall", "trade",
  "blocked", "losses", "sector-demand", "sector-delivered", "end-products-lost", "magnet-tonnes", "use-by-origin", "response",
  "tariff-paid", "tariff-markup", "facility-output", "facility-capacity", "facility-utilisation",
] as const;
/** A result variable. */
export type Variable = (typeof VARIABLES)[number];

const STAGE_NAMES = ["mine", "separation", "metal", "magnet", "use"] as const;
const RESPONSES = ["gbd-cut", "dy-free-share", "substitution-share"] as const;

/** What to read: a variable and, optionally, one value per axis (unnamed axes are summed). */
export interface Selection {
  readonly variable: Variable;
  /** Element symbol. */
  readonly element?: string;
  /** Region id (for trade use `from` / `to`). */
  readonly region?: string;
  /** Stage name (`mine` … `use`). */
  readonly stage?: (typeof STAGE_NAMES)[number];
  /** Form name. */
  readonly form?: Form;
  /** Sector id. */
  readonly sector?: string;
  /** Price market. @default "china-domestic" for price */
  readonly market?: (typeof MARKETS)[number];
  /** Exporting region id (trade). */
  readonly from?: string;
  /** Importing region id (trade). */
  readonly to?: string;
  /** Origin region id (use-by-origin). */
  readonly origin?: string;
  /** Response name (response). */
  readonly response?: (typeof RESPONSES)[number];
  /** Facility id, e.g. `plant:vac-hanau` (facility variables; they also take `region` and `stage`). */
  readonly facility?: string;
}

type Axis = "stage4" | "stage5" | "region" | "element" | "form" | "market" | "from" | "to" | "sector" | "origin" | "response";

const EMPTY = new Float64Array(0);

function layoutOf(result: SimulationResult, variable: Variable): { data: ArrayLike<number>; axes: Axis[] } {
  const r = result;
  const layouts: Record<Variable, [ArrayLike<number>, Axis[]]> = {
    production: [r.productionTonnes, ["stage4", "region", "element"]],
    "stage-input": [r.stageInputTonnes, ["stage4", "region", "element"]],
    "final-use": [r.finalUseTonnes, ["region", "form", "element"]],
    stock: [r.stockTonnes, ["region", "form", "element"]],
    "strategic-stock": [r.strategicStockTonnes, ["region", "element"]],
    "in-transit": [r.inTransitTonnes, ["element"]],
    price: [r.pricesUsdPerKg, ["element", "market"]],
    shortfall: [r.shortfallTonnes, ["element", "region", "stage5"]],
    trade: [EMPTY, ["from", "to", "element", "form"]], // sparse: read by `tradeSeries`
    blocked: [r.blockedTonnes, ["element", "form"]],
    losses: [r.lossesTonnes, ["element"]],
    "sector-demand": [r.sectorDemandUnits, ["region", "sector"]],
    "sector-delivered": [r.sectorDeliveredUnits, ["region", "sector"]],
    "end-products-lost": [r.endProductsLost, ["sector", "region"]],
    "magnet-tonnes": [r.magnetTonnesProduced, ["region"]],
    "use-by-origin": [r.useByOriginTonnes, ["region", "element", "origin"]],
    response: [r.responseShares, ["market", "response"]],
    "tariff-paid": [r.tariffPaidUsd, ["region"]],
    "tariff-markup": [r.tariffMarkup, ["region", "form", "element"]],
    // By facility: read by `facilitySeries`.
    "facility-output": [r.facilityOutputTonnes, []],
    "facility-capacity": [r.facilityCapacityTonnes, []],
    "facility-utilisation": [r.facilityUtilisation, []],
  };
  const [data, axes] = layouts[variable];
  return { data, axes };
}

/** Thrown when a selection names something the result does not have. */
export class SelectionError extends Error {
  override readonly name = "SelectionError";
  /** Stable code for callers that branch on it. */
  readonly code = "RE_SELECTION";
}

function axisSize(result: SimulationResult, axis: Axis): number {
  const sizes: Record<Axis, number> = {
    stage4: 4, stage5: 5, region: result.regionIds.length, element: result.elementSymbols.length, form: FORMS.length,
    market: 2, from: result.regionIds.length, to: result.regionIds.length, sector: result.sectorIds.length,
    origin: result.regionIds.length, response: RESPONSES.length,
  };
  return sizes[axis];
}

function pick(list: readonly string[], value: string | undefined, what: string): number {
  if (value === undefined) return -1;
  const i = list.indexOf(value);
  if (i < 0) throw new SelectionError(`unknown ${what} "${value}"; expected one of ${list.join(", ")}`);
  return i;
}

function chosenIndex(result: SimulationResult, selection: Selection, axis: Axis): number {
  switch (axis) {
    case "stage4": return pick(STAGE_NAMES.slice(0, 4), selection.stage, "stage");
    case "stage5": return pick(STAGE_NAMES, selection.stage, "stage");
    case "region": return pick(result.regionIds, selection.region, "region");
    case "element": return pick(result.elementSymbols, selection.element, "element");
    case "form": return pick(FORMS, selection.form, "form");
    case "market": return pick(MARKETS, selection.market ?? (selection.variable === "price" ? "china-domestic" : undefined), "market");
    case "from": return pick(result.regionIds, selection.from, "region");
    case "to": return pick(result.regionIds, selection.to, "region");
    case "sector": return pick(result.sectorIds, selection.sector, "sector");
    case "origin": return pick(result.regionIds, selection.origin, "region");
    case "response": return pick(RESPONSES, selection.response, "response");
  }
}

/**
 * The monthly series of a selection: the sum over every axis the selection leaves open
 * (prices need an element; they and responses are not summed over markets or responses).
 * @example seriesFor(result, { variable: "price", element: "Dy", market: "ex-china" }) // US$/kg per month
 */
export function seriesFor(result: SimulationResult, selection: Selection): Float64Array {
  const { data, axes } = layoutOf(result, selection.variable);
  if (selection.variable === "price" && selection.element === undefined) throw new SelectionError("a price series needs an element");
  if (selection.variable.startsWith("facility-")) return facilitySeries(result, selection, data);
  const sizes = axes.map((a) => axisSize(result, a));
  const chosen = axes.map((a) => chosenIndex(result, selection, a));
  if (selection.variable === "trade") return tradeSeries(result, chosen);
  const block = sizes.reduce((a, b) => a * b, 1);
  const out = new Float64Array(result.months);
  if (data.length === 0) return out;
  for (let m = 0; m < result.months; m++) {
    let total = 0;
    for (let i = 0; i < block; i++) {
      let rest = i;
      let keep = true;
      for (let a = axes.length - 1; a >= 0 && keep; a--) {
        const size = sizes[a]!;
        const index = rest % size;
        rest = (rest - index) / size;
        const want = chosen[a]!;
        if (want >= 0 && want !== index) keep = false;
      }
      if (keep) total += data[m * block + i]!;
    }
    out[m] = total;
  }
  return out;
}

/**
 * A facility variable's monthly series: one facility's, or the sum over the facilities of a region and/or stage
 * (output and capacity in each facility's own unit, so sum one stage at a time). Utilisation is a share: it needs a
 * facility.
 */
function facilitySeries(result: SimulationResult, selection: Selection, data: ArrayLike<number>): Float64Array {
  const N = result.facilityIds.length;
  const facility = pick(result.facilityIds, selection.facility, "facility");
  const region = pick(result.regionIds, selection.region, "region");
  const stage = pick(STAGE_NAMES.slice(0, 4), selection.stage, "stage");
  if (selection.variable === "facility-utilisation" && facility < 0) throw new SelectionError("a facility-utilisation series needs a facility (utilisation is a share; sum facility-output and facility-capacity instead)");
  const chosen = result.facilityIds.map((_, i) => (facility < 0 || facility === i) && (region < 0 || result.facilityRegion[i] === region) && (stage < 0 || result.facilityStage[i] === stage));
  const out = new Float64Array(result.months);
  for (let m = 0; m < result.months; m++) {
    let total = 0;
    for (let i = 0; i < N; i++) if (chosen[i]) total += data[m * N + i] ?? 0;
    out[m] = total;
  }
  return out;
}

/** Monthly trade for chosen `[from, to, element, form]` indices (−1 = all), from the sparse record. */
function tradeSeries(result: SimulationResult, chosen: readonly number[]): Float64Array {
  const { trade } = result;
  const R = result.regionIds.length;
  const E = result.elementSymbols.length;
  const out = new Float64Array(result.months);
  if (!trade.recorded) return out;
  for (let m = 0; m < result.months; m++) {
    let total = 0;
    for (let k = trade.monthStart[m]!; k < trade.monthStart[m + 1]!; k++) {
      const cell = decodeTradeLink(R, E, trade.link[k]!);
      if (cell.every((index, axis) => chosen[axis]! < 0 || chosen[axis] === index)) total += trade.tonnes[k]!;
    }
    out[m] = total;
  }
  return out;
}

/** The total of a selection over months [fromMonth, toMonth); for price, response, tariff markup and facility utilisation, the mean. */
export function totalOver(result: SimulationResult, selection: Selection, fromMonth = 0, toMonth = result.months): number {
  const series = seriesFor(result, selection);
  const from = Math.max(0, fromMonth);
  const to = Math.min(result.months, toMonth);
  let total = 0;
  for (let m = from; m < to; m++) total += series[m]!;
  const isLevel = selection.variable === "price" || selection.variable === "response" || selection.variable === "tariff-markup" || selection.variable === "facility-utilisation";
  return isLevel ? (to > from ? total / (to - from) : 0) : total;
}

/** A node of a flow graph: a stage in a region. */
export interface FlowGraphNode {
  /** `stage:region`, e.g. `separation:CN`. */
  readonly id: string;
  readonly stage: (typeof STAGE_NAMES)[number];
  readonly region: string;
}
/** A link of a flow graph, in tonnes of element content in the month. */
export interface FlowGraphLink {
  readonly source: string;
  readonly target: string;
  readonly tonnes: number;
}
/** Nodes and links of one month's flows. */
export interface ResultFlowGraph {
  readonly nodes: readonly FlowGraphNode[];
  readonly links: readonly FlowGraphLink[];
}

/**
 * One month's flows as a graph: traded concentrate links mine → separation, oxide links separation →
 * metal or use, metal links metal → magnet or use, magnets link magnet → use (domestic flows included).
 * Oxide and metal are split between the next stage and final use by the destination's own use of each.
 * Empty when trade flows were not recorded. `element` restricts to one element.
 */
export function flowGraph(result: SimulationResult, month: number, { element }: { element?: string } = {}): ResultFlowGraph {
  const R = result.regionIds.length;
  const E = result.elementSymbols.length;
  const only = pick(result.elementSymbols, element, "element");
  const links = new Map<string, number>();
  const sum = (data: ArrayLike<number>, offset: (e: number) => number) => {
    let total = 0;
    for (let e = 0; e < E; e++) if (only < 0 || only === e) total += data[offset(e)] ?? 0;
    return total;
  };
  const add = (source: string, target: string, tonnes: number) => {
    if (tonnes > 0) links.set(`${source}|${target}`, (links.get(`${source}|${target}`) ?? 0) + tonnes);
  };
  const { trade } = result;
  if (!trade.recorded || month < 0 || month >= result.months) return { nodes: [], links: [] };
  // Shipped tonnes by `[from][to][form]` (over the chosen elements).
  const shipped = new Float64Array(R * R * 4);
  for (let k = trade.monthStart[month]!; k < trade.monthStart[month + 1]!; k++) {
    const [p, r, e, f] = decodeTradeLink(R, E, trade.link[k]!);
    if (only < 0 || only === e) shipped[(p * R + r) * 4 + f]! += trade.tonnes[k]!;
  }
  const next = ["separation", "metal", "magnet", "use"] as const;
  const from = ["mine", "separation", "metal", "magnet"] as const;
  for (let p = 0; p < R; p++) {
    for (let r = 0; r < R; r++) {
      for (let f = 0; f < 4; f++) {
        const tonnes = shipped[(p * R + r) * 4 + f]!;
        if (tonnes <= 0) continue;
        const source = `${from[f]}:${result.regionIds[p]}`;
        const target = `${next[f]}:${result.regionIds[r]}`;
        if (f === 1 || f === 2) {
          const toStage = sum(result.stageInputTonnes, (e) => ((month * 4 + f + 1) * R + r) * E + e);
          const toUse = sum(result.finalUseTonnes, (e) => ((month * R + r) * 4 + f) * E + e);
          const total = toStage + toUse;
          if (total <= 0) continue;
          add(source, target, (tonnes * toStage) / total);
          add(source, `use:${result.regionIds[r]}`, (tonnes * toUse) / total);
        } else add(source, target, tonnes);
      }
    }
  }
  const nodes = new Map<string, FlowGraphNode>();
  const out: FlowGraphLink[] = [];
  for (const [key, tonnes] of links) {
    const [source = "", target = ""] = key.split("|");
    for (const id of [source, target]) {
      const [stage = "use", region = ""] = id.split(":");
      nodes.set(id, { id, stage: stage as FlowGraphNode["stage"], region });
    }
    out.push({ source, target, tonnes });
  }
  return { nodes: [...nodes.values()], links: out };
}
