/**
 * @module web/views/run-form
 * The run form of the scenarios view: what to compare the run with, a region to follow and the first month of the
 * reporting window (the CLI's `--baseline`, `--region` and `--from`), the Run button, and the run's progress.
 */
import { useEffect, useRef, useState } from "react";
import type { RunStatus } from "../../../src/model/api.js";
import { api, ApiError } from "../api/client.js";
import { useLoad } from "../hooks.js";
import type { Route } from "../lib/route.js";
import { comparisonChoices, defaultComparison, horizonMonths, NO_COMPARISON, reportFromInHorizon, runRequestOptions } from "../lib/run-options.js";

/** What the form knows of the scenario in the editor (from the server's validation of its text). */
export interface RunFormScenario {
  /** The text to run, and its stored name when it is a stored scenario, unchanged. */
  readonly text: string;
  readonly storedName: string | undefined;
  /** The open scenario's name (never offered as its own comparison). */
  readonly name: string | undefined;
  /** Its horizon and own `compareWith`, once the text validated. */
  readonly horizon: { readonly startMonth: string; readonly months: number } | undefined;
  readonly compareWith: string | undefined;
}

/** The run form: options, Run, progress, and "Open results" when done. */
export function RunForm({ scenario, scenarioNames, go }: { scenario: RunFormScenario; scenarioNames: readonly string[]; go: (r: Route) => void }) {
  const [world] = useLoad(() => api.getWorld(), []);
  const regions = world.state === "done" ? world.value.regions : [];
  const defaultName = defaultComparison(scenario.compareWith, scenario.name);
  // The comparison follows the scenario's default until the user picks one.
  const [picked, setPicked] = useState<string | undefined>(undefined);
  const [region, setRegion] = useState("");
  const [from, setFrom] = useState("");
  const comparison = picked ?? defaultName;
  const reportFrom = reportFromInHorizon(from, scenario.horizon);
  const choices = comparisonChoices(scenarioNames, { defaultName, scenarioName: scenario.name });
  const months = scenario.horizon === undefined ? [] : horizonMonths(scenario.horizon);
  const last = months[months.length - 1];

  const [status, setStatus] = useState<RunStatus | undefined>(undefined);
  const [error, setError] = useState<string | undefined>(undefined);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  useEffect(() => () => clearTimeout(timer.current), []);

  const poll = (id: string) => {
    timer.current = setTimeout(() => {
      api.getRun(id).then(
        (s) => { setStatus(s); if (s.state === "queued" || s.state === "running") poll(id); },
        (e: unknown) => setError(e instanceof Error ? e.message : String(e)),
      );
    }, 300);
  };
  const start = async () => {
    setError(undefined);
    clearTimeout(timer.current);
    const options = runRequestOptions({ comparison, region, reportFrom }, defaultName);
    try {
      const s = await api.startRun(scenario.storedName === undefined ? { yaml: scenario.text, ...options } : { scenario: scenario.storedName, ...options });
      setStatus(s);
      if (s.state === "queued" || s.state === "running") poll(s.id);
    } catch (e) {
      setError(runErrorText(e));
    }
  };
  const busy = status?.state === "queued" || status?.state === "running";
  const ownNote = scenario.compareWith !== undefined && comparison === defaultName ? "its own compareWith" : comparison === "baseline" ? "the world without measures" : "";

  return (
    <fieldset className="run-form" aria-label="Run on the server" data-testid="run-form">
      <legend>Run on the server</legend>
      <div className="toolbar">
        <label className="field">Compare with
          <select value={comparison} onChange={(e) => setPicked(e.target.value)} aria-label="Compare with" data-testid="run-baseline">
            {choices.map((n) => <option key={n} value={n}>{n}{n === defaultName && scenario.compareWith !== undefined ? " (its own)" : ""}</option>)}
            <option value={NO_COMPARISON}>none — no comparison run</option>
          </select>
        </label>
        <label className="field">Region
          <select value={region} onChange={(e) => setRegion(e.target.value)} aria-label="Region to follow" data-testid="run-region">
            <option value="">none (every region)</option>
            {regions.map((r) => <option key={r.id} value={r.id}>{r.id} — {r.name}</option>)}
          </select>
        </label>
        <label className="field">Report from
          <select value={reportFrom} onChange={(e) => setFrom(e.target.value)} aria-label="Report from (first month of the reporting window)" data-testid="run-from"
            disabled={scenario.horizon === undefined} title={scenario.horizon === undefined ? "The scenario must be valid to pick a month" : undefined}>
            <option value="">{scenario.horizon === undefined ? "the run's start" : `${scenario.horizon.startMonth} (the run's start)`}</option>
            {months.slice(1).map((m) => <option key={m} value={m}>{m}</option>)}
          </select>
        </label>
        <span className="spacer" />
        <button className="btn primary" type="button" onClick={start} disabled={busy}>{busy ? "Running…" : "Run"}</button>
      </div>
      <p className="small muted run-form-note" data-testid="run-form-note">
        {comparison === NO_COMPARISON ? "No comparison run: figures against a baseline (end products caused, who closed the gap) are left out." : <>Compared with <b>{comparison}</b>{ownNote === "" ? "" : ` (${ownNote})`}.</>}
        {" "}{reportFrom === "" || last === undefined ? "The report covers the whole run." : <>The report covers <b>{reportFrom} – {last}</b>; the run still starts at {scenario.horizon?.startMonth}, so stocks and prices carry that history.</>}
        {" "}{region === "" ? "" : <>It opens on <b>{region}</b>'s own figures (“Your region”).</>}
      </p>
      {(status !== undefined || error !== undefined) && (
        <div className="progress" data-testid="run-progress">
          <div>
            <div className="small" style={{ marginBottom: 4 }}>
              {error !== undefined ? <span style={{ color: "var(--danger)" }}>{error}</span>
                : status?.state === "failed" ? <span style={{ color: "var(--danger)" }}>Run {status.id} failed: {status.error ?? "unknown error"}</span>
                  : status?.state === "done" ? <>Run <b>{status.id}</b> of {status.scenario} finished.</>
                    : <>Run <b>{status?.id}</b> of {status?.scenario}: {status?.state} — {Math.round((status?.progress ?? 0) * 100)}%</>}
            </div>
            <div className={`bar ${status?.state === "failed" || error !== undefined ? "failed" : status?.state === "done" ? "done" : ""}`}
              role="progressbar" aria-valuemin={0} aria-valuemax={100} aria-valuenow={Math.round((status?.progress ?? 0) * 100)}>
              <div style={{ width: `${Math.round((status?.state === "done" ? 1 : status?.progress ?? 0) * 100)}%` }} />
            </div>
          </div>
          {status?.state === "done" && <button className="btn primary" type="button" onClick={() => go({ view: "runs", id: status.id })}>Open results →</button>}
        </div>
      )}
    </fieldset>
  );
}

/** A refused start in words: the server's detail; scenario problems point at the editor, option problems name the field. */
function runErrorText(e: unknown): string {
  if (!(e instanceof ApiError)) return e instanceof Error ? e.message : String(e);
  const issues = e.problem?.issues ?? [];
  const onOptions = issues.length > 0 && issues.every((i) => i.path[0] === "body" && ["baseline", "region", "reportFrom"].includes(String(i.path[1])));
  if (issues.length === 0 || onOptions) return e.message;
  return `${e.message} (${issues.length} problem${issues.length === 1 ? "" : "s"}: see the editor)`;
}
