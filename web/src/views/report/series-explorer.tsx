/**
 * @module web/views/report/series-explorer
 * "Explore the series" of a finished run: pick a variable, elements, regions, a stage and months
 * among what the run holds; see the lines by month, the row count, and download exactly those
 * rows as CSV. Talks to GET /api/runs/:id/series; server problems are shown, never swallowed.
 */
import { useEffect, useMemo, useState } from "react";
import type { SeriesDimensions, SeriesResponse } from "../../../../src/model/api.js";
import { api, ApiError } from "../../api/client.js";
import { Chart } from "../../charts/chart.js";
import { monthChartOption } from "../../charts/options.js";
import { elementColour, indexedColour, MARKET_COLOURS, regionColour } from "../../charts/palette.js";
import {
  canSumStages, DEFAULT_SELECTION, explorerLines, fitSelection, formatSeriesValue, isAdditive, largestLines, regionTitle,
  seriesCsv, seriesQueryString, valueAxisTitle, variableOptionTitle, VARIABLE_TITLES, type ExplorerLine, type SeriesSelection,
} from "../../lib/series-explorer.js";
import { MultiSelect } from "../multi-select.js";

/** Most lines one chart draws; the CSV keeps every row. */
const MAX_LINES = 20;

type Answer =
  | { readonly state: "loading" }
  | { readonly state: "done"; readonly selection: SeriesSelection; readonly response: SeriesResponse }
  | { readonly state: "failed"; readonly error: Error };

/** Fetch the rows of `selection`; a newer query aborts an older one. */
function useSeries(runId: string, selection: SeriesSelection): Answer {
  const query = seriesQueryString(selection);
  const [answer, setAnswer] = useState<Answer>({ state: "loading" });
  useEffect(() => {
    const abort = new AbortController();
    setAnswer((a) => (a.state === "failed" ? { state: "loading" } : a));
    api.getSeries(runId, query, abort.signal).then(
      (response) => { if (!abort.signal.aborted) setAnswer({ state: "done", selection, response }); },
      (error: unknown) => { if (!abort.signal.aborted) setAnswer({ state: "failed", error: error instanceof Error ? error : new Error(String(error)) }); },
    );
    return () => abort.abort();
    // `query` is the selection in words: refetch when it changes, not when a new object says the same.
  }, [runId, query]);
  return answer;
}

/** The explorer of one run's tidy series. */
export function SeriesExplorer({ runId }: { runId: string }) {
  // `wanted` keeps the picks across variables that do not hold them; `selection` is what this variable can show.
  const [wanted, setWanted] = useState<SeriesSelection>(DEFAULT_SELECTION);
  const [dimensions, setDimensions] = useState<SeriesDimensions | undefined>(undefined);
  const selection = dimensions === undefined ? wanted : fitSelection(wanted, dimensions);
  const answer = useSeries(runId, selection);
  const answered = answer.state === "done" ? answer.response.dimensions : undefined;
  useEffect(() => { if (answered !== undefined) setDimensions(answered); }, [answered]);
  const change = (part: Partial<SeriesSelection>) => setWanted({ ...selection, ...part });
  const loading = answer.state === "loading" || (answer.state === "done" && seriesQueryString(answer.selection) !== seriesQueryString(selection));

  return (
    <div data-testid="series-explorer" data-loading={loading}>
      {dimensions !== undefined && <ExplorerControls dimensions={dimensions} selection={selection} onChange={change} onVariable={(variable) => setWanted({ ...wanted, variable })} />}
      {answer.state === "failed" && <ProblemNotice error={answer.error} />}
      {answer.state === "loading" && dimensions === undefined && <p className="empty">Loading the run's series…</p>}
      {answer.state === "done" && dimensions !== undefined && <ExplorerResult runId={runId} selection={answer.selection} response={answer.response} loading={loading} />}
    </div>
  );
}

function ExplorerControls({ dimensions, selection, onChange, onVariable }: {
  dimensions: SeriesDimensions; selection: SeriesSelection; onChange: (part: Partial<SeriesSelection>) => void; onVariable: (variable: string) => void;
}) {
  const held = dimensions.held.find((h) => h.variable === selection.variable);
  if (held === undefined) return <p className="empty">This run holds no series.</p>;
  const additive = isAdditive(held);
  return (
    <div className="toolbar explorer-controls">
      <label className="field">Variable
        <select value={selection.variable} onChange={(e) => onVariable(e.target.value)} data-testid="explorer-variable">
          {dimensions.held.map((h) => <option key={h.variable} value={h.variable}>{variableOptionTitle(h)}</option>)}
        </select>
      </label>
      <MultiSelect label="Elements" options={held.element} chosen={selection.element} onChange={(element) => onChange({ element })}
        emptyLabel={additive ? "all, summed" : undefined} testId="explorer-element" />
      <MultiSelect label="Regions" options={held.region} chosen={selection.region} onChange={(region) => onChange({ region })}
        emptyLabel={additive ? "all, summed" : undefined} optionTitle={regionTitle} testId="explorer-region" />
      <label className="field">Stage
        <select value={selection.stage} onChange={(e) => onChange({ stage: e.target.value })} disabled={held.stage.length <= 1} data-testid="explorer-stage">
          {(canSumStages(held) || held.stage.length <= 1) && <option value="">{held.stage.length === 1 ? held.stage[0] : "all, summed"}</option>}
          {held.stage.length > 1 && held.stage.map((s) => <option key={s} value={s}>{s}</option>)}
        </select>
      </label>
      <label className="field">From
        <select value={selection.from ?? ""} onChange={(e) => onChange({ from: e.target.value || undefined })} data-testid="explorer-from">
          <option value="">{dimensions.months[0]}</option>
          {dimensions.months.slice(1).map((m) => <option key={m} value={m}>{m}</option>)}
        </select>
      </label>
      <label className="field">to
        <select value={selection.to ?? ""} onChange={(e) => onChange({ to: e.target.value || undefined })} data-testid="explorer-to">
          {dimensions.months.slice(0, -1).map((m) => <option key={m} value={m}>{m}</option>)}
          <option value="">{dimensions.months[dimensions.months.length - 1]}</option>
        </select>
      </label>
    </div>
  );
}

function ExplorerResult({ runId, selection, response, loading }: { runId: string; selection: SeriesSelection; response: SeriesResponse; loading: boolean }) {
  const { months } = response.dimensions;
  const shownMonths = useMemo(() => months.filter((m) => (selection.from === undefined || m >= selection.from) && (selection.to === undefined || m <= selection.to)), [months, selection]);
  const lines = useMemo(() => explorerLines(response.rows, selection, shownMonths), [response, selection, shownMonths]);
  const units = useMemo(() => [...new Set(response.rows.map((r) => r[5]))], [response]);
  const csvUrl = useCsvUrl(response);
  const rowCount = response.rows.length.toLocaleString("en-US");
  const title = VARIABLE_TITLES[selection.variable] ?? selection.variable;
  return (
    <>
      <div className="toolbar explorer-summary">
        <span data-testid="explorer-row-count"><b>{rowCount}</b> {response.rows.length === 1 ? "row" : "rows"}</span>
        <span className="muted small">{lines.length} {lines.length === 1 ? "line" : "lines"} · {shownMonths[0]} to {shownMonths[shownMonths.length - 1]}</span>
        {loading && <span className="chip wait">updating…</span>}
        <span className="spacer" />
        <a className="btn" href={csvUrl} download={`chokepoint-${runId}-${selection.variable}.csv`} data-testid="explorer-csv" aria-disabled={response.rows.length === 0}>Download CSV ({rowCount} rows)</a>
      </div>
      {response.rows.length === 0
        ? <p className="empty">The run has no {title} rows for this choice (zero values are not stored). Pick other elements, regions or stage.</p>
        : <ExplorerChart lines={lines} selection={selection} months={shownMonths} units={units} />}
    </>
  );
}

function ExplorerChart({ lines, selection, months, units }: { lines: readonly ExplorerLine[]; selection: SeriesSelection; months: readonly string[]; units: readonly string[] }) {
  const { shown, hidden } = useMemo(() => largestLines(lines, MAX_LINES), [lines]);
  const unit = units.length === 1 ? units[0] ?? "" : "";
  const axis = units.length === 1 ? valueAxisTitle(selection.variable, unit) : `mixed units: ${units.join(", ")}`;
  const option = useMemo(() => monthChartOption({
    months, valueAxisName: axis, formatValue: (v) => formatSeriesValue(v, unit),
    // Tonnes, counts and money are never negative: start the axis at 0. Prices float.
    ...(isAdditive({ units }) ? { min: 0 } : {}),
    lines: shown.map((l, i) => ({ name: l.name, values: l.values, color: lineColour(l, i, selection) })),
  }), [months, axis, unit, units, shown, selection]);
  const title = VARIABLE_TITLES[selection.variable] ?? selection.variable;
  return (
    <>
      <Chart option={option} height={340} label={`${title} by month, ${axis}`} testId="explorer-chart" />
      {hidden > 0 && <p className="legend-note">Showing the {shown.length} largest of {lines.length} lines; the CSV holds every row.</p>}
    </>
  );
}

/** Colour by what varies: the element's or region's own colour when only one of them splits the lines. */
function lineColour(line: ExplorerLine, i: number, selection: SeriesSelection): string {
  const byElement = selection.element.length > 1;
  const byRegion = selection.region.length > 1;
  if (byElement && byRegion) return indexedColour(i);
  if (line.region !== undefined && (byRegion || !byElement)) {
    if (line.region === "market:china-domestic") return MARKET_COLOURS.china;
    if (line.region === "market:ex-china") return MARKET_COLOURS["ex-china"];
    return regionColour(line.region);
  }
  return line.element === undefined ? indexedColour(0) : elementColour(line.element);
}

/** An object URL of the rows as CSV, revoked when the rows change or the view goes. */
function useCsvUrl(response: SeriesResponse): string {
  const url = useMemo(() => URL.createObjectURL(new Blob([seriesCsv(response.rows)], { type: "text/csv;charset=utf-8" })), [response]);
  useEffect(() => () => URL.revokeObjectURL(url), [url]);
  return url;
}

/** A failed request in words: the server's detail and each issue with its hint. */
function ProblemNotice({ error }: { error: Error }) {
  const issues = error instanceof ApiError ? error.problem?.issues ?? [] : [];
  return (
    <div className="notice bad" role="alert" data-testid="explorer-error">
      <b>The server refused this query{error instanceof ApiError ? ` (HTTP ${error.status})` : ""}:</b> {error.message}
      {issues.length > 0 && (
        <ul className="small">{issues.map((i, k) => <li key={k}>{i.message}{i.hint === undefined ? "" : ` — ${i.hint}`}</li>)}</ul>
      )}
    </div>
  );
}
