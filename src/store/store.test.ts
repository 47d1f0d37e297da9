import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import Database from "better-sqlite3";
import { afterEach, describe, expect, it } from "vitest";
import type { TidyRow } from "../analysis/tidy-series.js";
import { decodeTidyColumns, encodeTidyColumns, gzipJson, tidyColumnsFromRows } from "./codec.js";
import { DATABASE_FILE, MIGRATIONS, openStore, StoreBusyError, StoreVersionError, type ChokepointStore } from "./index.js";

const dirs: string[] = [];
const stores: ChokepointStore[] = [];
function tempDir(): string {
  const dir = mkdtempSync(join(tmpdir(), "chokepoint-store-"));
  dirs.push(dir);
  return dir;
}
function open(dir: string): ChokepointStore {
  const store = openStore(dir);
  stores.push(store);
  return store;
}
afterEach(() => {
  for (const s of stores.splice(0)) s.close();
  for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true });
});

const ROWS: TidyRow[] = [
  { month: "2024-01", element: "Nd", region: "CN", stage: "mine", variable: "production", unit: "t", value: 1.5 },
  { month: "2024-01", element: "Dy", region: "US", stage: "use", variable: "shortfall", unit: "t", value: 0.25 },
  { month: "2024-02", element: "Nd", region: "market:ex-china", stage: "market", variable: "price", unit: "US$/kg", value: 80 },
];
const DIMENSIONS = { element: ["Nd", "Dy"], region: ["CN", "US", "market:ex-china"], stage: ["mine", "use", "market"], variable: ["production", "shortfall", "price"] };
const REPORT = {
  title: "t", scenario: { name: "t", startMonth: "2024-01", months: 2 }, monthLabels: ["2024-01", "2024-02"], shortages: [], prices: [],
  pricePaths: [], endProductsLost: [], concentration: [],
};
const outputs = () => ({
  report: gzipJson(REPORT),
  tidy: encodeTidyColumns(tidyColumnsFromRows(ROWS, DIMENSIONS)),
  flows: gzipJson([{ month: "2024-01", nodes: [], links: [] }]),
});

describe("tidy column codec", () => {
  it("round-trips rows through dictionary codes and gzip", () => {
    const decoded = decodeTidyColumns(encodeTidyColumns(tidyColumnsFromRows(ROWS, DIMENSIONS)));
    const back = Array.from(decoded.values, (value, i) => {
      const code = (k: number) => decoded.codes[i * 6 + k] ?? -1;
      const d = decoded.dictionaries;
      return { month: d.month[code(0)], element: d.element[code(1)], region: d.region[code(2)], stage: d.stage[code(3)], variable: d.variable[code(4)], unit: d.unit[code(5)], value };
    });
    expect(back).toEqual(ROWS);
    expect(decoded.dimensions).toEqual(DIMENSIONS);
  });

  it("refuses a blob in another format", () => {
    expect(() => decodeTidyColumns(gzipJson({ not: "tidy" }))).toThrow(/CPT1/);
  });
});

describe("store", () => {
  it("migrates a new data folder to the latest schema version", () => {
    const dir = tempDir();
    open(dir).close();
    const db = new Database(join(dir, DATABASE_FILE));
    expect(db.pragma("user_version", { simple: true })).toBe(MIGRATIONS.length);
    expect(db.pragma("journal_mode", { simple: true })).toBe("wal");
    db.close();
  });

  it("keeps the runs of a data folder from before runs had a window and a region (schema 1), reading them as the whole run", () => {
    const dir = tempDir();
    const db = new Database(join(dir, DATABASE_FILE));
    db.exec(MIGRATIONS[0] ?? "");
    db.pragma("user_version = 1");
    db.prepare("INSERT INTO runs (id, scenario, scenario_yaml, baseline, state, progress, created_at) VALUES ('old', 's', '', 'baseline', 'queued', 0, '2026-01-01T00:00:00.000Z')").run();
    db.close();
    const store = open(dir);
    expect(store.getRun("old")).toMatchObject({ baseline: "baseline", reportFrom: undefined, region: undefined });
    const run = store.createRun({ id: "new", scenario: "s", scenarioYaml: "", baseline: undefined, reportFrom: "2026-11", region: "EU", createdAt: "2026-01-02T00:00:00.000Z" });
    expect(run).toMatchObject({ reportFrom: "2026-11", region: "EU" });
  });

  it("refuses a data folder written by a newer schema", () => {
    const dir = tempDir();
    open(dir).close();
    const db = new Database(join(dir, DATABASE_FILE));
    db.pragma(`user_version = ${MIGRATIONS.length + 1}`);
    db.close();
    expect(() => open(dir)).toThrow(StoreVersionError);
  });

  it("refuses a data folder another server holds", () => {
    const dir = tempDir();
    open(dir);
    expect(() => openStore(dir)).toThrow(StoreBusyError);
  });

  it("saves, lists, replaces and deletes scenarios", () => {
    const store = open(tempDir());
    store.putScenario("b", "name: B\n", "2026-01-01T00:00:00.000Z");
    store.putScenario("a", "name: A\n", "2026-01-01T00:00:00.000Z");
    store.putScenario("a", "name: A2\n", "2026-01-02T00:00:00.000Z");
    expect(store.listScenarios().map((s) => [s.name, s.yaml])).toEqual([["a", "name: A2\n"], ["b", "name: B\n"]]);
    expect(store.getScenario("a")?.updatedAt).toBe("2026-01-02T00:00:00.000Z");
    expect(store.deleteScenario("a")).toBe(true);
    expect(store.deleteScenario("a")).toBe(false);
    expect(store.getScenario("a")).toBeUndefined();
  });

  it("takes a run from queued to done and keeps its outputs across a reopen", () => {
    const dir = tempDir();
    const store = open(dir);
    const run = store.createRun({ id: "run-1", scenario: "s", scenarioYaml: "name: S\n", baseline: "baseline", createdAt: "2026-01-01T00:00:00.000Z" });
    expect(run).toMatchObject({ state: "queued", progress: 0, baseline: "baseline", error: undefined, finishedAt: undefined });
    store.markRunning("run-1", 0.1);
    store.setProgress("run-1", 0.9);
    store.setProgress("run-1", 0.5);
    expect(store.getRun("run-1")).toMatchObject({ state: "running", progress: 0.9 });
    expect(store.finishRun("run-1", outputs(), "2026-01-01T00:00:01.000Z")).toBe(true);
    store.close();

    const again = open(dir);
    expect(again.getRun("run-1")).toMatchObject({ state: "done", progress: 1, finishedAt: "2026-01-01T00:00:01.000Z" });
    expect(again.getRunReport("run-1")?.title).toBe("t");
    expect(again.getRunTidy("run-1")?.values.length).toBe(3);
    expect(again.getRunFlows("run-1")?.[0]?.month).toBe("2024-01");
  });

  it("does not commit outputs for a run that already failed", () => {
    const store = open(tempDir());
    store.createRun({ id: "run-2", scenario: "s", scenarioYaml: "", baseline: undefined, createdAt: "2026-01-01T00:00:00.000Z" });
    store.markRunning("run-2", 0.1);
    expect(store.failRun("run-2", "too slow", "2026-01-01T00:00:02.000Z")).toBe(true);
    expect(store.finishRun("run-2", outputs(), "2026-01-01T00:00:03.000Z")).toBe(false);
    expect(store.getRun("run-2")).toMatchObject({ state: "failed", error: "too slow" });
    expect(store.getRunReport("run-2")).toBeUndefined();
  });

  it("marks runs left queued or running failed, and leaves finished ones alone", () => {
    const store = open(tempDir());
    for (const id of ["q", "r", "d"]) store.createRun({ id, scenario: "s", scenarioYaml: "", baseline: undefined, createdAt: `2026-01-01T00:00:0${id === "q" ? 1 : id === "r" ? 2 : 3}.000Z` });
    store.markRunning("r", 0.1);
    store.markRunning("d", 0.1);
    store.finishRun("d", outputs(), "2026-01-01T00:00:04.000Z");
    expect(store.failUnfinishedRuns("interrupted by a server restart", "2026-01-01T00:01:00.000Z")).toBe(2);
    expect(store.listRuns().map((r) => [r.id, r.state, r.error])).toEqual([
      ["d", "done", undefined], ["r", "failed", "interrupted by a server restart"], ["q", "failed", "interrupted by a server restart"],
    ]);
  });
});
