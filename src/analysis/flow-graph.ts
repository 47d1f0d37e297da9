/**
 * @module analysis/flow-graph
 * One month's flows mine → separation → metal → magnet → use by region, as a Sankey graph.
 * Trade of each form links a producing stage in one region to the stages that use it in another;
 * oxide and metal going to final use are split from those going to the next stage by the
 * destination's own use of each. Small regions are folded into "other" to keep the graph legible.
 */
import type { SimulationResult } from "../engine/index.js";
import type { FlowGraph } from "./report-model.js";
import { addMonths } from "../model/dates.js";
import { decodeTradeLink } from "../engine/index.js";
import { RESULT_STAGES } from "./result-access.js";

/** Minimum share of a stage's throughput for a region to keep its own node. */
const OWN_NODE_SHARE = 0.02;

/** Build the flow graph of `month`; empty when trade flows were not recorded. */
export function flowGraphForMonth(result: SimulationResult, month: number): FlowGraph {
  const R = result.regionIds.length;
  const E = result.elementSymbols.length;
  const links = new Map<string, number>();
  const add = (source: string, target: string, tonnes: number) => {
    if (tonnes <= 1e-9) return;
    const key = `${source}\u0000${target}`;
    links.set(key, (links.get(key) ?? 0) + tonnes);
  };
  const stageInput = (stage: number, region: number) => {
    let t = 0;
    for (let e = 0; e < E; e++) t += result.stageInputTonnes[((month * 4 + stage) * R + region) * E + e] ?? 0;
    return t;
  };
  const useOf = (region: number, form: number) => {
    let t = 0;
    for (let e = 0; e < E; e++) t += result.finalUseTonnes[((month * R + region) * 4 + form) * E + e] ?? 0;
    return t;
  };
  // Every link's tonnes by form, in one pass over the month's trade entries (in entry order, as `trade` sums them).
  const byLink = new Float64Array(R * R * 4);
  const { recorded, monthStart, link, tonnes } = result.trade;
  if (recorded && month >= 0 && month + 1 < monthStart.length) {
    for (let k = monthStart[month]!; k < monthStart[month + 1]!; k++) {
      const [from, to, , form] = decodeTradeLink(R, E, link[k]!);
      byLink[(from * R + to) * 4 + form]! += tonnes[k]!;
    }
  }
  const trade = (from: number, to: number, form: number) => byLink[(from * R + to) * 4 + form]!;
  for (let from = 0; from < R; from++) {
    for (let to = 0; to < R; to++) {
      add(`mine:${from}`, `separation:${to}`, trade(from, to, 0));
      // Oxide (form 1) feeds metal plants or final use; metal (form 2) feeds magnet plants or final use.
      for (const [form, nextStage] of [[1, 2], [2, 3]] as const) {
        const flow = trade(from, to, form);
        const toStage = stageInput(nextStage, to);
        const toUse = useOf(to, form);
        const total = toStage + toUse;
        if (total <= 0) continue;
        add(`${RESULT_STAGES[form]}:${from}`, `${RESULT_STAGES[nextStage]}:${to}`, (flow * toStage) / total);
        add(`${RESULT_STAGES[form]}:${from}`, `use:${to}`, (flow * toUse) / total);
      }
      add(`magnet:${from}`, `use:${to}`, trade(from, to, 3));
    }
  }
  return foldSmallRegions(result, month, links);
}

function foldSmallRegions(result: SimulationResult, month: number, raw: Map<string, number>): FlowGraph {
  const throughput = new Map<string, number>();
  for (const [key, t] of raw) for (const node of key.split("\u0000")) throughput.set(node, (throughput.get(node) ?? 0) + t);
  const stageTotal = new Map<string, number>();
  for (const [node, t] of throughput) {
    const stage = node.split(":")[0] ?? "";
    stageTotal.set(stage, (stageTotal.get(stage) ?? 0) + t);
  }
  const label = (node: string) => {
    const [stage = "", index = ""] = node.split(":");
    const keep = (throughput.get(node) ?? 0) >= OWN_NODE_SHARE * (stageTotal.get(stage) ?? 0);
    return { id: keep ? node : `${stage}:other`, stage, region: keep ? result.regionIds[Number(index)] ?? "?" : "other" };
  };
  const links = new Map<string, number>();
  const nodes = new Map<string, { id: string; label: string; stage: string }>();
  for (const [key, t] of raw) {
    const [a = "", b = ""] = key.split("\u0000");
    const s = label(a);
    const d = label(b);
    for (const n of [s, d]) {
      const id = `${n.stage}:${n.region}`;
      nodes.set(id, { id, label: `${n.region} ${n.stage}`, stage: n.stage });
    }
    const k = `${s.stage}:${s.region}\u0000${d.stage}:${d.region}`;
    links.set(k, (links.get(k) ?? 0) + t);
  }
  const order = (stage: string) => RESULT_STAGES.indexOf(stage as (typeof RESULT_STAGES)[number]);
  return {
    month: addMonths(result.startMonth, month),
    nodes: [...nodes.values()].sort((x, y) => order(x.stage) - order(y.stage) || x.id.localeCompare(y.id)),
    links: [...links].map(([k, tonnes]) => {
      const [source = "", target = ""] = k.split("\u0000");
      return { source, target, tonnes };
    }).sort((x, y) => y.tonnes - x.tonnes),
  };
}
