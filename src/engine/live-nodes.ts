/**
 * @module engine/live-nodes
 * Which `[region][form][element]` nodes a run can ever touch, worked out once from the compiled model and the
 * constraints, so monthly phases can skip the rest (59 % of the bundled world's nodes never hold anything). A
 * guaranteed superset, never a guess from a run: when unsure, a node is live. No stepping here.
 */
import type { CompiledModel } from "./compiled-model.js";
import { FORM_COUNT, type EngineConstraints } from "./constraints.js";

/** Forms per node (a module-level copy). */
const F = FORM_COUNT;

/** A run's live nodes, as a flag per node and as index lists for loops (all ascending). */
export interface LiveNodes {
  /** [node] 1 where the node may ever hold stock, need, orders or supply in this run. */
  readonly isLive: Uint8Array;
  /** Live nodes: `nodes[k]` for k < `nodeCount[0]`. */
  readonly nodes: Int32Array;
  readonly nodeCount: Int32Array;
  /** Live elements of each region and form: `elements[(r × F + f) × E + k]` for k < `elementCount[r × F + f]`. */
  readonly elements: Int32Array;
  readonly elementCount: Int32Array;
  /** Regions where each form and element is live: `regions[(f × E + e) × R + k]` for k < `regionCount[f × E + e]`. */
  readonly regions: Int32Array;
  readonly regionCount: Int32Array;
  /** Elements of each form live in some region: `formElements[f × E + k]` for k < `formElementCount[f]`. */
  readonly formElements: Int32Array;
  readonly formElementCount: Int32Array;
}

/**
 * Mark every node content, need, orders or supply can reach. Content keeps its element from mine to magnet and only
 * enters a node through a plant, a sector's need (which orders it), the calibration start, or a strategic stock
 * change; orders and trade reach only nodes that hold, need or produce the element. So a node is live when:
 * - a plant of its region makes or takes the element in that form (mines' deposit profiles; separators' and metal
 *   makers' element masks, both for their input and their output; magnet makers for every element a magnet grade
 *   holds, with the oxide their scrap returns as);
 * - a sector of the region with demand draws the element in that form (magnet sectors: every grade's elements);
 * - the calibration output of the node's stage, or of the stage it feeds, holds the element (starting orders,
 *   supply, stocks and plant needs);
 * - a strategic stock change or starting strategic stock names it;
 * - it is concentrate of an element some region's concentrate holds, in a region that buys concentrate: a buyer takes
 *   a share of a supplier's whole stock (every element in it), and offers again what its plants cannot separate.
 */
export function findLiveNodes(m: CompiledModel, constraints: EngineConstraints): LiveNodes {
  const R = m.regionIds.length;
  const E = m.elementSymbols.length;
  const N = m.facilityIds.length;
  const K = m.sectorIds.length;
  const G = m.gradeIds.length;
  const isLive = new Uint8Array(R * F * E);
  const mark = (r: number, f: number, e: number): void => {
    isLive[(r * F + f) * E + e] = 1;
  };
  // Elements any magnet can hold: every grade's recipe, Nd and Pr together (makers shift between them).
  const inMagnets = new Uint8Array(E);
  for (let g = 0; g < G; g++) for (let e = 0; e < E; e++) if (m.gradeElementPerTonne[g * E + e] !== 0) inMagnets[e] = 1;
  const nd = m.elementIndex.Nd;
  const pr = m.elementIndex.Pr;
  if (nd !== undefined && pr !== undefined && (inMagnets[nd] === 1 || inMagnets[pr] === 1)) inMagnets[nd] = inMagnets[pr] = 1;
  for (let i = 0; i < N; i++) {
    const r = m.facilityRegion[i]!;
    const stage = m.facilityStage[i]!;
    for (let e = 0; e < E; e++) {
      const handles = m.facilityElementMask[i * E + e] === 1;
      if (stage === 0 && (handles || m.mineElementPerReo[i * E + e] !== 0)) mark(r, 0, e);
      if ((stage === 1 || stage === 2) && handles) {
        mark(r, stage - 1, e);
        mark(r, stage, e);
      }
      if (stage === 3 && inMagnets[e] === 1) {
        mark(r, 1, e);
        mark(r, 2, e);
        mark(r, 3, e);
      }
    }
  }
  for (let k = 0; k < K; k++) {
    const form = m.sectorForm[k]!;
    for (let r = 0; r < R; r++) {
      if (!(m.demandBasePerMonth[r * K + k]! > 0)) continue;
      for (let e = 0; e < E; e++) {
        if (m.sectorElementPerUnit[k * E + e] !== 0) mark(r, form, e);
        if (m.sectorIsMagnet[k] === 1 && inMagnets[e] === 1) mark(r, 3, e);
      }
    }
  }
  for (let stage = 0; stage < 4; stage++) {
    for (let r = 0; r < R; r++) {
      for (let e = 0; e < E; e++) {
        if (m.baseOutputTonnes[(stage * R + r) * E + e] === 0) continue;
        mark(r, stage, e);
        if (stage > 0) mark(r, stage - 1, e);
      }
    }
  }
  for (const change of constraints.stockChanges) mark(change.region, change.form ?? 1, change.element);
  for (let r = 0; r < R; r++) for (let e = 0; e < E; e++) if (m.initialStrategicStockTonnes[r * E + e] !== 0) mark(r, 1, e);
  // Concentrate buyers: separators, the calibration's separating regions, sectors drawing concentrate (none so far) and
  // strategic concentrate stocks.
  const buysConcentrate = new Uint8Array(R);
  for (let i = 0; i < N; i++) if (m.facilityStage[i] === 1) buysConcentrate[m.facilityRegion[i]!] = 1;
  for (let k = 0; k < K; k++) for (let r = 0; r < R; r++) if (m.sectorForm[k] === 0 && m.demandBasePerMonth[r * K + k]! > 0) buysConcentrate[r] = 1;
  for (let r = 0; r < R; r++) for (let e = 0; e < E; e++) if (m.baseOutputTonnes[(1 * R + r) * E + e] !== 0) buysConcentrate[r] = 1;
  for (const change of constraints.stockChanges) if ((change.form ?? 1) === 0) buysConcentrate[change.region] = 1;
  const inConcentrate = new Uint8Array(E);
  for (let r = 0; r < R; r++) for (let e = 0; e < E; e++) if (isLive[(r * F + 0) * E + e] === 1) inConcentrate[e] = 1;
  for (let r = 0; r < R; r++) for (let e = 0; e < E; e++) if (buysConcentrate[r] === 1 && inConcentrate[e] === 1) mark(r, 0, e);
  return listLiveNodes(isLive, R, E);
}

/** Every node live (for tests: a run with these lists must give the same results as with the run's own). */
export function allNodesLive(R: number, E: number): LiveNodes {
  return listLiveNodes(new Uint8Array(R * F * E).fill(1), R, E);
}

function listLiveNodes(isLive: Uint8Array, R: number, E: number): LiveNodes {
  const nodes = new Int32Array(R * F * E);
  const nodeCount = new Int32Array(1);
  const elements = new Int32Array(R * F * E);
  const elementCount = new Int32Array(R * F);
  const regions = new Int32Array(F * E * R);
  const regionCount = new Int32Array(F * E);
  const formElements = new Int32Array(F * E);
  const formElementCount = new Int32Array(F);
  for (let node = 0; node < R * F * E; node++) {
    if (isLive[node] !== 1) continue;
    nodes[nodeCount[0]!++] = node;
    const regionForm = Math.floor(node / E);
    elements[regionForm * E + elementCount[regionForm]!++] = node % E;
  }
  for (let f = 0; f < F; f++) {
    for (let e = 0; e < E; e++) {
      const formElement = f * E + e;
      for (let r = 0; r < R; r++) if (isLive[(r * F + f) * E + e] === 1) regions[formElement * R + regionCount[formElement]!++] = r;
      if (regionCount[formElement]! > 0) formElements[f * E + formElementCount[f]!++] = e;
    }
  }
  return { isLive, nodes, nodeCount, elements, elementCount, regions, regionCount, formElements, formElementCount };
}

/**
 * The first dead node that holds anything in `arrays` (each `[region][form][element]` or, with `perOrigin`,
 * `[region][form][element][origin]`), or −1. A test aid: every phase that skips dead nodes relies on it staying −1.
 */
export function firstTouchedDeadNode(live: LiveNodes, arrays: readonly Float64Array[], nodes: number): number {
  for (const values of arrays) {
    const perNode = values.length / nodes;
    for (let i = 0; i < values.length; i++) {
      const node = Math.floor(i / perNode);
      if (values[i] !== 0 && live.isLive[node] !== 1) return node;
    }
  }
  return -1;
}
