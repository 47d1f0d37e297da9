/**
 * @module web/views/report/flows-section
 * The Sankey of one month's flows mine → separation → metal → magnet → use by region, with a month
 * slider; months not in the report are fetched from the server (`GET /api/runs/:id/flows`).
 */
import { useEffect, useMemo, useRef, useState } from "react";
import type { FlowGraph, RunReport } from "../../../../src/analysis/report-model.js";
import { api } from "../../api/client.js";
import { Chart } from "../../charts/chart.js";
import { sankeyOption, sankeyStages } from "../../charts/options.js";
import { useDebounced } from "../../hooks.js";
import { formatTonnes } from "../../lib/format.js";
import { flowMonthTag, openingFlowMonth } from "../../lib/report-figures.js";

const STAGE_TITLES: Record<string, string> = { mine: "Mining", separation: "Separation", metal: "Metal", magnet: "Magnets", use: "Use" };

/** Flows for a month picked with a slider. */
export function FlowsSection({ runId, report }: { runId: string; report: RunReport }) {
  const months = report.monthLabels;
  // The HTML report's rule: the largest final-use shortfall in the report's window (lib/report-figures).
  const initial = useMemo(() => Math.max(0, months.indexOf(openingFlowMonth(report))), [report, months]);
  // The months the report carries a graph for, tagged as the HTML report tags its month buttons.
  const picks = useMemo(() => report.flowGraphs.filter((g) => g.links.length > 0).map((g) => ({ month: g.month, tag: flowMonthTag(report, g.month) })), [report]);
  const [index, setIndex] = useState(initial);
  useEffect(() => setIndex(initial), [initial]);
  const month = months[Math.min(index, months.length - 1)] ?? "";
  const settled = useDebounced(month, 150);
  const cache = useRef(new Map<string, FlowGraph>());
  const [graph, setGraph] = useState<FlowGraph | undefined>(() => report.flowGraphs.find((g) => g.month === month));
  const [error, setError] = useState<string | undefined>(undefined);

  useEffect(() => {
    cache.current = new Map(report.flowGraphs.map((g) => [g.month, g]));
  }, [report]);

  useEffect(() => {
    if (settled === "") return undefined;
    const known = cache.current.get(settled) ?? report.flowGraphs.find((g) => g.month === settled);
    if (known !== undefined) {
      setGraph(known);
      setError(undefined);
      return undefined;
    }
    const controller = new AbortController();
    api.getFlows(runId, settled, controller.signal).then(
      (g) => { cache.current.set(settled, g); setGraph(g); setError(undefined); },
      (e: unknown) => { if (!controller.signal.aborted) setError(e instanceof Error ? e.message : String(e)); },
    );
    return () => controller.abort();
  }, [runId, settled, report]);

  const option = useMemo(() => (graph === undefined ? undefined : sankeyOption(graph)), [graph]);
  const stages = graph === undefined ? [] : sankeyStages(graph);
  const total = graph === undefined ? 0 : graph.links.filter((l) => l.source.startsWith("mine:")).reduce((a, l) => a + l.tonnes, 0);
  return (
    <>
      <div className="slider-row">
        <label htmlFor="flow-month" className="small muted">Month</label>
        <input id="flow-month" type="range" aria-label="Month of the flows shown" min={0} max={Math.max(0, months.length - 1)} step={1} value={index}
          onChange={(e) => setIndex(Number(e.target.value))} aria-valuetext={month} data-testid="flow-month" />
        <span className="mono" style={{ minWidth: 64 }} data-testid="flow-month-label">{month}</span>
        <span className="tag" data-testid="flow-month-tag">{flowMonthTag(report, month)}</span>
      </div>
      {picks.length > 1 && (
        <div className="flow-picks" role="group" aria-label="Months the report picks">
          {picks.map((p) => (
            <button key={p.month} type="button" className="btn small" aria-pressed={p.month === month} onClick={() => setIndex(Math.max(0, months.indexOf(p.month)))}>
              <span className="mono">{p.month}</span>{p.tag === "" ? "" : ` · ${p.tag}`}
            </button>
          ))}
        </div>
      )}
      {error !== undefined && <p className="notice bad">Could not load the flows of {settled}: {error}</p>}
      {graph !== undefined && graph.links.length === 0 && <p className="empty">No flows recorded for {graph.month}.</p>}
      {option !== undefined && graph !== undefined && graph.links.length > 0 && (
        <>
          <div className="stage-heads" aria-hidden="true">{stages.map((s) => <span key={s}>{STAGE_TITLES[s] ?? s}</span>)}</div>
          <Chart option={option} height={520} label={`Flows of rare-earth element content in ${graph.month} from mines to end use by region, tonnes per month`} testId="sankey" />
          <p className="legend-note">
            {graph.month}: {formatTonnes(total)} t/month of element content leaves the mines. Node colour is the region; links take the colour of the
            region they leave. Regions under 2 % of a stage are folded into “other”.
          </p>
        </>
      )}
    </>
  );
}
