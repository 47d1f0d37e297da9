/**
 * @module store/migrations
 * The SQLite schema as an ordered list of migrations; `PRAGMA user_version` records how many ran.
 * Append new migrations; never edit one that has shipped.
 */
import type { Database } from "better-sqlite3";

/** Each entry moves the schema from version i to i + 1. */
export const MIGRATIONS: readonly string[] = [
  `
  CREATE TABLE scenarios (
    name       TEXT PRIMARY KEY,
    yaml       TEXT NOT NULL,
    updated_at TEXT NOT NULL
  ) STRICT;

  CREATE TABLE runs (
    id            TEXT PRIMARY KEY,
    scenario      TEXT NOT NULL,
    scenario_yaml TEXT NOT NULL,
    baseline      TEXT,
    state         TEXT NOT NULL CHECK (state IN ('queued', 'running', 'done', 'failed')),
    progress      REAL NOT NULL DEFAULT 0 CHECK (progress BETWEEN 0 AND 1),
    error         TEXT,
    created_at    TEXT NOT NULL,
    finished_at   TEXT
  ) STRICT;
  CREATE INDEX runs_by_state ON runs (state);
  CREATE INDEX runs_by_created ON runs (created_at);

  -- Outputs of a finished run, gzipped: report JSON, tidy columns (store/codec), flow graph per month JSON.
  CREATE TABLE run_results (
    run_id TEXT PRIMARY KEY REFERENCES runs (id) ON DELETE CASCADE,
    report BLOB NOT NULL,
    tidy   BLOB NOT NULL,
    flows  BLOB NOT NULL
  ) STRICT;
  `,
  // What a run's report covers, as the request asked: the first month of its window and the region it follows.
  `
  ALTER TABLE runs ADD COLUMN report_from TEXT;
  ALTER TABLE runs ADD COLUMN region TEXT;
  `,
];

/** Thrown when the data folder was written by a newer Chokepoint than this one. */
export class StoreVersionError extends Error {
  override readonly name = "StoreVersionError";
  readonly code = "RE_STORE_VERSION";
}

/** Bring a database up to the latest schema version, one transaction per migration. */
export function migrate(db: Database): number {
  const current = db.pragma("user_version", { simple: true });
  const version = typeof current === "number" ? current : 0;
  if (version > MIGRATIONS.length) {
    throw new StoreVersionError(`the data folder has schema version ${version}, newer than this Chokepoint knows (${MIGRATIONS.length}); upgrade Chokepoint or use another --data folder`);
  }
  MIGRATIONS.slice(version).forEach((sql, i) => {
    db.transaction(() => {
      db.exec(sql);
      db.pragma(`user_version = ${version + i + 1}`);
    })();
  });
  return MIGRATIONS.length;
}
