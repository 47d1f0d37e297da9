/**
 * @module web/views/scenarios-view
 * The scenarios view: ready-made and saved scenarios, a YAML editor validated as you type (issues
 * marked at their lines), save, and the run form (comparison, region, reporting window; a progress bar).
 */
import { useEffect, useMemo, useState } from "react";
import type { Issue } from "../../../src/model/issues.js";
import type { ScenarioDocument, ScenarioListEntry } from "../../../src/model/api.js";
import { api, ApiError } from "../api/client.js";
import { useDebounced, useLoad } from "../hooks.js";
import { countLines, markIssueLines, ownFilePredicate } from "../lib/line-marks.js";
import type { Route } from "../lib/route.js";
import { scenarioNameProblem } from "../lib/scenario-name.js";
import { RunForm } from "./run-form.js";
import { YamlEditor, type EditorJump } from "./yaml-editor.js";

const NEW_SCENARIO = `name: My scenario
description: >-
  What this scenario asks, in a sentence or two.
extends: apr-2025
months: 36
policies:
  - id: mm-mines-half
    title: Myanmar mines at half capacity
    kind: supply-shock
    target: { region: MM, stage: mine }
    lossShare: 0.5
    from: 2025-06
`;

type Validation =
  | { readonly state: "checking" }
  | {
    readonly state: "done"; readonly valid: boolean; readonly issues: readonly Issue[];
    /** A valid scenario's horizon and own compareWith, for the run form. */
    readonly horizon: { readonly startMonth: string; readonly months: number } | undefined; readonly compareWith: string | undefined;
  }
  | { readonly state: "failed"; readonly message: string };

/** The scenarios view; `name` is the scenario open in the editor (none: a new one). */
export function ScenariosView({ name, go }: { name: string | undefined; go: (route: Route) => void }) {
  const [list, reloadList] = useLoad(() => api.listScenarios(), []);
  const [doc, reloadDoc] = useLoad(() => (name === undefined ? Promise.resolve(undefined) : api.getScenario(name)), [name]);
  const [text, setText] = useState(name === undefined ? NEW_SCENARIO : "");
  const [saveName, setSaveName] = useState("");
  const [jump, setJump] = useState<EditorJump | undefined>(undefined);
  const [message, setMessage] = useState<{ kind: "ok" | "bad"; text: string } | undefined>(undefined);
  const [saveIssues, setSaveIssues] = useState<readonly Issue[] | undefined>(undefined);

  const loaded: ScenarioDocument | undefined = doc.state === "done" ? doc.value : undefined;
  useEffect(() => {
    setMessage(undefined);
    setSaveIssues(undefined);
  }, [name]);
  useEffect(() => {
    if (name === undefined) {
      setText(NEW_SCENARIO);
      setSaveName("my-scenario");
    } else if (loaded !== undefined && loaded.name === name) {
      setText(loaded.yaml);
      setSaveName(loaded.origin === "saved" ? loaded.name : `${loaded.name}-edit`);
    }
  }, [name, loaded]);

  const validation = useValidation(text, doc.state !== "loading" || name === undefined);
  const entries = list.state === "done" ? list.value.scenarios : [];
  const issues = saveIssues ?? (validation.state === "done" ? validation.issues : []);
  const marks = useMemo(
    () => markIssueLines(issues, { lineCount: countLines(text), isOwnFile: ownFilePredicate(entries.map((e) => e.name), name) }),
    [issues, text, entries, name],
  );
  const dirty = loaded === undefined || loaded.yaml !== text;

  const save = async () => {
    setMessage(undefined);
    const nameProblem = scenarioNameProblem(saveName);
    if (nameProblem !== undefined) {
      setMessage({ kind: "bad", text: nameProblem });
      return;
    }
    try {
      const saved = await api.saveScenario(saveName, { yaml: text });
      setSaveIssues(undefined);
      reloadList();
      setMessage({ kind: "ok", text: `Saved as ${saved.name}.` });
      if (saved.name !== name) go({ view: "scenarios", name: saved.name });
      else reloadDoc();
    } catch (error) {
      if (error instanceof ApiError && error.problem?.issues !== undefined) setSaveIssues(error.problem.issues);
      setMessage({ kind: "bad", text: error instanceof Error ? error.message : String(error) });
    }
  };

  const remove = async () => {
    if (loaded?.origin !== "saved" || !confirm(`Delete the saved scenario ${loaded.name}?`)) return;
    try {
      await api.deleteScenario(loaded.name);
      reloadList();
      go({ view: "scenarios", name: undefined });
    } catch (error) {
      setMessage({ kind: "bad", text: error instanceof Error ? error.message : String(error) });
    }
  };

  return (
    <div className="layout">
      <aside className="panel side" aria-label="Scenarios">
        <div className="toolbar" style={{ padding: "12px 16px 0" }}>
          <h2>Scenarios</h2><span className="spacer" />
          <button className="btn" type="button" onClick={() => (name === undefined ? setText(NEW_SCENARIO) : go({ view: "scenarios", name: undefined }))}>New</button>
        </div>
        {list.state === "failed" && <p className="small muted" style={{ padding: 16 }}>Could not list scenarios: {list.error.message}</p>}
        <ScenarioList title="Saved" entries={entries.filter((e) => e.origin === "saved")} current={name} go={go} empty="None yet: edit one and save it." />
        <ScenarioList title="Ready-made" entries={entries.filter((e) => e.origin === "ready-made")} current={name} go={go} empty="" />
      </aside>

      <section className="panel" aria-label="Scenario editor">
        <header className="toolbar">
          <div style={{ minWidth: 0 }}>
            <h2 style={{ overflow: "hidden", textOverflow: "ellipsis", whiteSpace: "nowrap" }}>{loaded?.title ?? (name === undefined ? "New scenario" : name)}</h2>
            <div className="small muted">{loaded === undefined ? "not saved yet" : `${loaded.origin === "ready-made" ? "ready-made (read-only: save under a new name)" : "saved"} · ${loaded.name}.yaml`}</div>
          </div>
          <span className="spacer" />
          <ValidationChip validation={validation} count={marks.marks.length + marks.unplaced.length} saveIssues={saveIssues !== undefined} />
        </header>
        <div className="body">
          {loaded?.description !== undefined && loaded.description !== "" && <p className="small muted" style={{ marginBottom: 10, maxWidth: "100ch" }}>{loaded.description}</p>}
          <YamlEditor value={text} onChange={(t) => { setText(t); setSaveIssues(undefined); }} marks={marks} jump={jump} label="Scenario YAML" />
          {(marks.marks.length > 0 || marks.unplaced.length > 0) && (
            <ul className="issues" aria-label="Problems" data-testid="issue-list">
              {marks.marks.map((m, i) => (
                <li key={`m${i}`}>
                  <button type="button" onClick={() => setJump({ line: m.line, column: m.column, nonce: Date.now() })}>{m.text}</button>
                  {m.hint !== undefined && <span className="hint">fix: {m.hint}</span>}
                </li>
              ))}
              {marks.unplaced.map((m, i) => (
                <li key={`u${i}`}><span className="mono" style={{ color: "var(--danger)" }}>{m.text}</span>{m.hint !== undefined && <span className="hint">fix: {m.hint}</span>}</li>
              ))}
            </ul>
          )}
          <div className="toolbar" style={{ marginTop: 12 }}>
            <label className="field">Save as
              <input type="text" value={saveName} onChange={(e) => setSaveName(e.target.value.trim())} aria-label="Scenario name" spellCheck={false} style={{ width: 220, fontFamily: "var(--mono)" }} />
            </label>
            <button className="btn" type="button" onClick={save}>Save</button>
            {loaded?.origin === "saved" && <button className="btn" type="button" onClick={remove}>Delete</button>}
            <span className="spacer" />
            <button className="btn" type="button" disabled={dirty || name === undefined} title={dirty ? "Save the scenario first: the what-if view runs stored scenarios" : "Open with what-if sliders"}
              onClick={() => go({ view: "what-if", name })}>What-if…</button>
          </div>
          <RunForm key={name ?? "(new)"} go={go} scenarioNames={entries.map((e) => e.name)} scenario={{
            text, storedName: dirty ? undefined : name, name,
            horizon: validation.state === "done" ? validation.horizon : undefined, compareWith: validation.state === "done" ? validation.compareWith : undefined,
          }} />
          {message !== undefined && <p className={`notice ${message.kind === "bad" ? "bad" : ""}`} style={{ marginTop: 12, marginBottom: 0 }} role="status">{message.text}</p>}
        </div>
      </section>
    </div>
  );
}

function ScenarioList({ title, entries, current, go, empty }: { title: string; entries: readonly ScenarioListEntry[]; current: string | undefined; go: (r: Route) => void; empty: string }) {
  return (
    <>
      <h3>{title}</h3>
      {entries.length === 0 && empty !== "" && <p className="small muted" style={{ padding: "0 16px 8px" }}>{empty}</p>}
      <ul className="list">
        {entries.map((e) => (
          <li key={e.name}>
            <button type="button" aria-current={e.name === current ? "true" : undefined} onClick={() => go({ view: "scenarios", name: e.name })} title={e.description}>
              <span className="title">{e.title}</span>
              <span className="meta">{e.name}</span>
            </button>
          </li>
        ))}
      </ul>
    </>
  );
}

/** Validate on the server as the text changes (debounced; older answers are dropped). */
function useValidation(text: string, enabled: boolean): Validation {
  const settled = useDebounced(text, 350);
  const [validation, setValidation] = useState<Validation>({ state: "checking" });
  useEffect(() => {
    if (!enabled) return undefined;
    const controller = new AbortController();
    setValidation({ state: "checking" });
    api.validateScenario({ yaml: settled }, controller.signal).then(
      (r) => setValidation({ state: "done", valid: r.valid, issues: r.issues, horizon: r.horizon, compareWith: r.compareWith }),
      (error: unknown) => { if (!controller.signal.aborted) setValidation({ state: "failed", message: error instanceof Error ? error.message : String(error) }); },
    );
    return () => controller.abort();
  }, [settled, enabled]);
  return text === settled ? validation : { state: "checking" };
}

function ValidationChip({ validation, count, saveIssues }: { validation: Validation; count: number; saveIssues: boolean }) {
  if (saveIssues) return <span className="chip bad" data-testid="validation">{count} problem{count === 1 ? "" : "s"} (not saved)</span>;
  switch (validation.state) {
    case "checking": return <span className="chip wait" data-testid="validation">checking…</span>;
    case "failed": return <span className="chip bad" data-testid="validation" title={validation.message}>could not validate</span>;
    case "done": return validation.valid
      ? <span className="chip ok" data-testid="validation">✓ valid</span>
      : <span className="chip bad" data-testid="validation">{count} problem{count === 1 ? "" : "s"}</span>;
  }
}
