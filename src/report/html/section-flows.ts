/**
 * @module report/html/section-flows
 * Section "Flows": one Sankey per month in `flowGraphs` (mine → separation → metal → magnet → use
 * by region), switched by radio buttons and CSS only, so the page needs no script.
 */
import type { FlowGraph, RunReport } from "../report-model.js";
import { formatTonnes } from "../number-format.js";
import { chartFigure, type ChartLayout } from "./echarts-ssr.js";
import { flowMonthTag } from "../flow-month.js";
import { escapeHtml } from "./escape.js";
import { regionColour } from "./palette.js";
import { emptyMessage } from "./tables.js";

const STAGES = ["mine", "separation", "metal", "magnet", "use"];
const STAGE_TITLES: Record<string, string> = { mine: "Mining", separation: "Separation (oxide)", metal: "Metal", magnet: "Magnets", use: "Use" };
const SANKEY = { left: 24, right: 150, top: 84, bottom: 16, nodeWidth: 14 } as const;

/** The region part of a node: `mine:CN` → `CN`. */
function regionOf(node: FlowGraph["nodes"][number]): string {
  return node.id.includes(":") ? node.id.slice(node.id.indexOf(":") + 1) : node.label.split(" ")[0] ?? node.label;
}

/** The label without a trailing stage word: "CN mine" → "CN" (the column header names the stage). */
function shortLabel(node: FlowGraph["nodes"][number]): string {
  const suffix = ` ${node.stage}`;
  return node.label.endsWith(suffix) ? node.label.slice(0, -suffix.length) : node.label;
}

/** Links that run forward through the stages: a Sankey must be acyclic, and same-stage links would draw as loops. */
function forwardLinks(graph: FlowGraph): FlowGraph["links"] {
  const stageOf = new Map(graph.nodes.map((n) => [n.id, n.stage]));
  const rank = (id: string) => { const s = stageOf.get(id) ?? ""; const i = STAGES.indexOf(s); return i < 0 ? STAGES.length : i; };
  return graph.links.filter((l) => l.tonnes > 0 && stageOf.has(l.source) && stageOf.has(l.target) && rank(l.target) > rank(l.source));
}

function sankeyFigure(graph: FlowGraph, index: number, widthPx: number): string {
  const links = forwardLinks(graph);
  const used = new Set(links.flatMap((l) => [l.source, l.target]));
  const nodes = graph.nodes.filter((n) => used.has(n.id));
  const stages = STAGES.filter((s) => nodes.some((n) => n.stage === s));
  for (const n of nodes) if (!stages.includes(n.stage)) stages.push(n.stage);
  const labels = new Map(nodes.map((n) => [n.id, shortLabel(n)]));
  const heightPx = Math.max(460, 150 + 40 * Math.max(...stages.map((s) => nodes.filter((n) => n.stage === s).length)));
  const columnStep = (widthPx - SANKEY.left - SANKEY.right - SANKEY.nodeWidth) / Math.max(1, stages.length - 1);
  const headers = stages.map((s, i) => ({
    type: "text" as const, x: Math.max(36, SANKEY.left + i * columnStep + SANKEY.nodeWidth / 2), y: SANKEY.top - 26,
    style: { text: STAGE_TITLES[s] ?? s, fontSize: 12, fontWeight: "bold" as const, fill: "#5a6472", align: "center" as const },
  }));
  return chartFigure({
    id: `flows-${index}`, title: `Flows in ${graph.month}, t/month of element content`, widthPx, heightPx,
    note: "Columns are stages; node colour is the region, links take the colour of the region they leave. Small regions are folded into \"other\".",
    option: {
      graphic: headers,
      series: [{
        type: "sankey", ...SANKEY, nodeGap: 12, layoutIterations: 64, draggable: false, emphasis: { disabled: true },
        data: nodes.map((n) => ({ name: n.id, depth: stages.indexOf(n.stage), itemStyle: { color: regionColour(regionOf(n)), borderWidth: 0 } })),
        links: links.map((l) => ({ source: l.source, target: l.target, value: l.tonnes })),
        lineStyle: { color: "source", opacity: 0.32, curveness: 0.5 },
        label: {
          fontSize: 11, color: "#1d2733",
          formatter: (p: { name?: string; value?: unknown }) => `${labels.get(p.name ?? "") ?? p.name ?? ""}  ${formatTonnes(Number(p.value))} t`,
        },
        labelLayout: { hideOverlap: true },
      }],
    },
  });
}

/** CSS that shows the panel of the checked month (one rule per month, since pure CSS cannot index). */
export function flowTabsCss(count: number): string {
  return Array.from({ length: count }, (_, i) =>
    `#flow-tab-${i}:checked ~ .flow-panels [data-flow-panel="${i}"] { display: block; }\n` +
    `#flow-tab-${i}:checked ~ .flow-months label[for="flow-tab-${i}"] { background: #1d2733; color: #fff; border-color: #1d2733; }\n` +
    `#flow-tab-${i}:focus-visible ~ .flow-months label[for="flow-tab-${i}"] { outline: 2px solid #1f5a99; outline-offset: 2px; }`).join("\n");
}

/** Body of the flows section: a month selector (radio buttons) over one Sankey per month. */
export function renderFlowSection(report: RunReport, layout: ChartLayout): string {
  const graphs = report.flowGraphs.filter((g) => forwardLinks(g).length > 0);
  if (graphs.length === 0) return emptyMessage("flows", "No flows were recorded for this run.");
  const tags = graphs.map((g) => flowMonthTag(report, g.month));
  const initial = Math.max(0, tags.indexOf("largest shortfall"));
  const radios = graphs.map((_, i) => `<input type="radio" name="flow-month" class="flow-radio" id="flow-tab-${i}"${i === initial ? " checked" : ""}>`).join("\n");
  const buttons = graphs.map((g, i) => `<label for="flow-tab-${i}">${escapeHtml(g.month)}${tags[i] === "" ? "" : ` <span class="tag">${escapeHtml(tags[i] ?? "")}</span>`}</label>`).join("\n");
  const panels = graphs.map((g, i) => `<div class="flow-panel" data-flow-panel="${i}">\n${sankeyFigure(g, i, layout.fullWidthPx)}\n</div>`).join("\n");
  return `<div class="flow-tabs">\n${radios}\n<div class="flow-months"><span class="flow-months-title">Month:</span>\n${buttons}\n</div>\n<div class="flow-panels">\n${panels}\n</div>\n</div>`;
}
