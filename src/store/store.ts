/**
 * @module store/store
 * The embedded SQLite store: saved scenarios and runs with their outputs. One connection per data
 * folder, held exclusively (a second server on the same folder is refused), WAL with full sync so a
 * committed run survives a crash or power loss. Every row read is parsed with zod before use.
 */
import { mkdirSync } from "node:fs";
import { join } from "node:path";
import Database from "better-sqlite3";
import type { FlowGraph, RunReport } from "../analysis/report-model.js";
import { decodeTidyColumns, gunzipJson, type TidyColumns } from "./codec.js";
import { migrate } from "./migrations.js";
import { blobRowSchema, runRowSchema, scenarioRowSchema, storedFlowsSchema, storedReportSchema, type RUN_STATES } from "./rows.js";

/** A scenario saved by a user. `updatedAt` is an ISO 8601 timestamp. */
export interface SavedScenario {
  readonly name: string;
  readonly yaml: string;
  readonly updatedAt: string;
}

export type StoredRunState = (typeof RUN_STATES)[number];

/** A run as stored (without its outputs). Timestamps are ISO 8601. */
export interface StoredRun {
  readonly id: string;
  readonly scenario: string;
  readonly baseline: string | undefined;
  /** First month of the report's window (`YYYY-MM`) when the run was asked for one. */
  readonly reportFrom: string | undefined;
  /** The region whose view the report carries, when the run was asked to follow one. */
  readonly region: string | undefined;
  readonly state: StoredRunState;
  /** 0–1. */
  readonly progress: number;
  readonly error: string | undefined;
  readonly createdAt: string;
  readonly finishedAt: string | undefined;
}

/** Outputs of a finished run, already encoded (`store/codec`): gzipped report JSON, tidy columns, flow graphs JSON. */
export interface EncodedRunOutputs {
  readonly report: Uint8Array;
  readonly tidy: Uint8Array;
  readonly flows: Uint8Array;
}

/** Thrown when another process holds the data folder. */
export class StoreBusyError extends Error {
  override readonly name = "StoreBusyError";
  readonly code = "RE_STORE_BUSY";
}

/** The file name of the database inside the data folder. */
export const DATABASE_FILE = "chokepoint.sqlite";

const RUN_COLUMNS = "id, scenario, baseline, report_from, region, state, progress, error, created_at, finished_at";

function toRun(row: unknown): StoredRun {
  const r = runRowSchema.parse(row);
  return {
    id: r.id, scenario: r.scenario, baseline: r.baseline ?? undefined, reportFrom: r.report_from ?? undefined, region: r.region ?? undefined, state: r.state, progress: r.progress,
    error: r.error ?? undefined, createdAt: r.created_at, finishedAt: r.finished_at ?? undefined,
  };
}

function toScenario(row: unknown): SavedScenario {
  const r = scenarioRowSchema.parse(row);
  return { name: r.name, yaml: r.yaml, updatedAt: r.updated_at };
}

/**
 * Open (creating and migrating as needed) the store in `dataDir`.
 * @example const store = openStore(".chokepoint"); store.listScenarios(); store.close();
 */
export function openStore(dataDir: string): ChokepointStore {
  mkdirSync(dataDir, { recursive: true });
  const db = new Database(join(dataDir, DATABASE_FILE), { timeout: 200 });
  try {
    db.pragma("locking_mode = EXCLUSIVE");
    db.pragma("journal_mode = WAL");
    db.pragma("synchronous = FULL");
    db.pragma("foreign_keys = ON");
    db.exec("BEGIN EXCLUSIVE; COMMIT");
  } catch (error) {
    db.close();
    if ((error as { code?: string }).code === "SQLITE_BUSY") {
      throw new StoreBusyError(`the data folder ${dataDir} is in use by another Chokepoint server; stop it or pass another --data folder`);
    }
    throw error;
  }
  migrate(db);
  return new ChokepointStore(db);
}

/** Saved scenarios and runs. Synchronous: every call is one short SQLite statement or transaction. */
export class ChokepointStore {
  readonly #db: Database.Database;
  readonly #sql;

  /** Use `openStore`. */
  constructor(db: Database.Database) {
    this.#db = db;
    this.#sql = {
      listScenarios: db.prepare("SELECT name, yaml, updated_at FROM scenarios ORDER BY name"),
      getScenario: db.prepare("SELECT name, yaml, updated_at FROM scenarios WHERE name = ?"),
      putScenario: db.prepare("INSERT INTO scenarios (name, yaml, updated_at) VALUES (?, ?, ?) ON CONFLICT (name) DO UPDATE SET yaml = excluded.yaml, updated_at = excluded.updated_at"),
      deleteScenario: db.prepare("DELETE FROM scenarios WHERE name = ?"),
      insertRun: db.prepare("INSERT INTO runs (id, scenario, scenario_yaml, baseline, report_from, region, state, progress, created_at) VALUES (?, ?, ?, ?, ?, ?, 'queued', 0, ?)"),
      getRun: db.prepare(`SELECT ${RUN_COLUMNS} FROM runs WHERE id = ?`),
      listRuns: db.prepare(`SELECT ${RUN_COLUMNS} FROM runs ORDER BY created_at DESC, rowid DESC LIMIT ?`),
      markRunning: db.prepare("UPDATE runs SET state = 'running', progress = ? WHERE id = ? AND state = 'queued'"),
      // Progress only moves forward: a late message must not undo a later step.
      setProgress: db.prepare("UPDATE runs SET progress = ? WHERE id = ? AND state = 'running' AND progress < ?"),
      markDone: db.prepare("UPDATE runs SET state = 'done', progress = 1, error = NULL, finished_at = ? WHERE id = ? AND state = 'running'"),
      insertResults: db.prepare("INSERT INTO run_results (run_id, report, tidy, flows) VALUES (?, ?, ?, ?)"),
      deleteResults: db.prepare("DELETE FROM run_results WHERE run_id = ?"),
      deleteRun: db.prepare("DELETE FROM runs WHERE id = ?"),
      markFailed: db.prepare("UPDATE runs SET state = 'failed', error = ?, finished_at = ? WHERE id = ? AND state IN ('queued', 'running')"),
      failUnfinished: db.prepare("UPDATE runs SET state = 'failed', error = ?, finished_at = ? WHERE state IN ('queued', 'running')"),
      report: db.prepare("SELECT report AS blob FROM run_results WHERE run_id = ?"),
      tidy: db.prepare("SELECT tidy AS blob FROM run_results WHERE run_id = ?"),
      flows: db.prepare("SELECT flows AS blob FROM run_results WHERE run_id = ?"),
    };
  }

  /** Saved scenarios, by name. */
  listScenarios(): SavedScenario[] {
    return this.#sql.listScenarios.all().map(toScenario);
  }

  getScenario(name: string): SavedScenario | undefined {
    const row = this.#sql.getScenario.get(name);
    return row === undefined ? undefined : toScenario(row);
  }

  /** Insert or replace a saved scenario. */
  putScenario(name: string, yaml: string, updatedAt: string): SavedScenario {
    this.#sql.putScenario.run(name, yaml, updatedAt);
    return { name, yaml, updatedAt };
  }

  /** Delete a saved scenario; false when there was none. */
  deleteScenario(name: string): boolean {
    return this.#sql.deleteScenario.run(name).changes > 0;
  }

  /** Record a new run, queued (`reportFrom` and `region` as asked; absent for none). */
  createRun(run: { id: string; scenario: string; scenarioYaml: string; baseline: string | undefined; reportFrom?: string | undefined; region?: string | undefined; createdAt: string }): StoredRun {
    this.#sql.insertRun.run(run.id, run.scenario, run.scenarioYaml, run.baseline ?? null, run.reportFrom ?? null, run.region ?? null, run.createdAt);
    return this.#mustGetRun(run.id);
  }

  getRun(id: string): StoredRun | undefined {
    const row = this.#sql.getRun.get(id);
    return row === undefined ? undefined : toRun(row);
  }

  /** Runs, newest first. */
  listRuns(limit = 500): StoredRun[] {
    return this.#sql.listRuns.all(limit).map(toRun);
  }

  /** A queued run starts. */
  markRunning(id: string, progress: number): void {
    this.#sql.markRunning.run(progress, id);
  }

  /** Move a running run's progress forward (never back). */
  setProgress(id: string, progress: number): void {
    this.#sql.setProgress.run(progress, id, progress);
  }

  /**
   * Commit a finished run and its outputs in one transaction; false (and nothing written) when the
   * run is no longer running (it failed or timed out meanwhile).
   */
  finishRun(id: string, outputs: EncodedRunOutputs, finishedAt: string): boolean {
    return this.#db.transaction(() => {
      if (this.#sql.markDone.run(finishedAt, id).changes === 0) return false;
      this.#sql.insertResults.run(id, outputs.report, outputs.tidy, outputs.flows);
      return true;
    }).immediate();
  }

  /** Delete a run and its outputs; false when there was no such run. */
  deleteRun(id: string): boolean {
    return this.#db.transaction(() => {
      this.#sql.deleteResults.run(id);
      return this.#sql.deleteRun.run(id).changes > 0;
    }).immediate();
  }

  /** Mark a queued or running run failed; false when it had already finished. */
  failRun(id: string, error: string, finishedAt: string): boolean {
    return this.#sql.markFailed.run(error, finishedAt, id).changes > 0;
  }

  /** Mark every queued or running run failed (after a restart); returns how many. */
  failUnfinishedRuns(error: string, finishedAt: string): number {
    return this.#sql.failUnfinished.run(error, finishedAt).changes;
  }

  /** The report of a finished run. */
  getRunReport(id: string): RunReport | undefined {
    const blob = this.#blob(this.#sql.report, id);
    return blob === undefined ? undefined : storedReportSchema.parse(gunzipJson(blob));
  }

  /** The tidy rows of a finished run, as columns. */
  getRunTidy(id: string): TidyColumns | undefined {
    const blob = this.#blob(this.#sql.tidy, id);
    return blob === undefined ? undefined : decodeTidyColumns(blob);
  }

  /** The flow graph of every month of a finished run. */
  getRunFlows(id: string): FlowGraph[] | undefined {
    const blob = this.#blob(this.#sql.flows, id);
    return blob === undefined ? undefined : storedFlowsSchema.parse(gunzipJson(blob));
  }

  /** Close the database (checkpoints the WAL). */
  close(): void {
    if (this.#db.open) this.#db.close();
  }

  #blob(statement: Database.Statement, id: string): Uint8Array | undefined {
    const row = statement.get(id);
    return row === undefined ? undefined : blobRowSchema.parse(row).blob;
  }

  #mustGetRun(id: string): StoredRun {
    const run = this.getRun(id);
    if (run === undefined) throw new Error(`run ${id} vanished right after it was written`);
    return run;
  }
}
