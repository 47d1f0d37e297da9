/**
 * @module web/views/runs-view
 * The results view: the server's runs (newest first, refreshed while any is running) and the
 * report of the selected one.
 */
import { useEffect, useState } from "react";
import type { RunStatus } from "../../../src/model/api.js";
import { api } from "../api/client.js";
import { useLoad } from "../hooks.js";
import { formatTimestamp } from "../lib/format.js";
import type { Route } from "../lib/route.js";
import { ReportView } from "./report/report-view.js";

/** Runs list and the selected run's report. */
export function RunsView({ id, go }: { id: string | undefined; go: (route: Route) => void }) {
  const [runs, reload] = useLoad(() => api.listRuns(), []);
  const list = runs.state === "done" ? runs.value.runs : [];
  const active = list.some((r) => r.state === "queued" || r.state === "running");
  useEffect(() => {
    if (!active) return undefined;
    const timer = setInterval(reload, 1000);
    return () => clearInterval(timer);
  }, [active, reload]);
  const selected = id ?? list.find((r) => r.state === "done")?.id;
  const status = list.find((r) => r.id === selected);

  return (
    <div className="layout">
      <aside className="panel side" aria-label="Runs">
        <div className="toolbar" style={{ padding: "12px 16px 0" }}><h2>Runs</h2></div>
        {runs.state === "failed" && <p className="small muted" style={{ padding: 16 }}>Could not list runs: {runs.error.message}</p>}
        {runs.state === "done" && list.length === 0 && <p className="small muted" style={{ padding: 16 }}>No runs yet. Open a scenario and press Run.</p>}
        <ul className="list" style={{ paddingTop: 8 }}>
          {list.map((r) => (
            <li key={r.id}>
              <button type="button" aria-current={r.id === selected ? "true" : undefined} onClick={() => go({ view: "runs", id: r.id })}>
                <span className="title">{r.scenario}</span>
                <span className="meta">{r.id} · {formatTimestamp(r.createdAt)} · <RunState run={r} /></span>
                <span className="meta" data-testid="run-options">{[r.baseline === undefined ? "no comparison" : `vs ${r.baseline}`, r.region, r.reportFrom === undefined ? undefined : `from ${r.reportFrom}`].filter((x) => x !== undefined).join(" · ")}</span>
              </button>
            </li>
          ))}
        </ul>
      </aside>
      <div style={{ minWidth: 0 }}>
        {selected === undefined ? <div className="panel empty">Pick a run, or start one from the Scenarios view.</div>
          : <SelectedRun id={selected} status={status} go={go} onDeleted={() => { reload(); go({ view: "runs", id: undefined }); }} />}
      </div>
    </div>
  );
}

function RunState({ run }: { run: RunStatus }) {
  if (run.state === "running" || run.state === "queued") return <>{run.state} {Math.round(run.progress * 100)}%</>;
  return <>{run.state}</>;
}

/** Cancel (queued, running) or delete (done, failed) a run on the server, then tell the list. */
function DeleteRunButton({ id, running, onDeleted }: { id: string; running: boolean; onDeleted: () => void }) {
  const [error, setError] = useState<string | undefined>(undefined);
  const remove = () => {
    api.deleteRun(id).then(onDeleted, (e: unknown) => setError(e instanceof Error ? e.message : String(e)));
  };
  return (
    <>
      <button className="btn" type="button" onClick={remove}>{running ? "Cancel run" : "Delete run"}</button>
      {error !== undefined && <span className="small bad" role="alert"> {error}</span>}
    </>
  );
}

function SelectedRun({ id, status, go, onDeleted }: { id: string; status: RunStatus | undefined; go: (route: Route) => void; onDeleted: () => void }) {
  const done = status === undefined || status.state === "done";
  const [report] = useLoad(() => (done ? api.getReport(id) : Promise.resolve(undefined)), [id, done]);
  if (status?.state === "failed") return <div className="notice bad">Run {id} failed: {status.error ?? "unknown error"} <DeleteRunButton id={id} running={false} onDeleted={onDeleted} /></div>;
  if (!done) return <div className="panel empty">Run {id} is {status?.state} ({Math.round((status?.progress ?? 0) * 100)}%)… <DeleteRunButton id={id} running onDeleted={onDeleted} /></div>;
  if (report.state === "failed") return <div className="notice bad">Could not load the report of run {id}: {report.error.message}</div>;
  if (report.state === "loading" || report.value === undefined) return <div className="panel empty">Loading the report of run {id}…</div>;
  const actions = (
    <>
      <button className="btn" type="button" onClick={() => go({ view: "compare", a: id, b: undefined })}>Compare with…</button>
      <DeleteRunButton id={id} running={false} onDeleted={onDeleted} />
    </>
  );
  return <ReportView runId={id} report={report.value} actions={actions} />;
}
