/**
 * @module cli/run-pipeline
 * The steps `run`, `compare` and the server share: load a scenario, run it (and its baseline),
 * build the report and the output files. Node-only because it loads files; the work itself is the
 * isomorphic library.
 */
import type { SimulationResult } from "../engine/index.js";
import { buildRunReport } from "../analysis/run-report.js";
import type { RunReport } from "../analysis/report-model.js";
import { runPreparedScenario } from "../analysis/run-scenario.js";
import { tidyRows, type TidyRow } from "../analysis/tidy-series.js";
import { monthOffset } from "../model/dates.js";
import { toIamcCsv, toTidyCsv } from "../report/file-formats.js";
import { renderHtmlReport } from "../report/html-report.js";
import { loadScenario, type LoadedScenario } from "../scenario/node.js";
import { prepareScenario } from "../scenario/prepare.js";
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { UsageError } from "./io.js";

/** A scenario that has been run, with its baseline when it has one. */
export interface CompletedRun {
  readonly loaded: LoadedScenario;
  readonly result: SimulationResult;
  readonly report: RunReport;
  readonly baseline: { readonly name: string; readonly result: SimulationResult } | undefined;
}

/** Options common to `run` and `compare`. */
export interface RunRequest {
  readonly world?: string;
  /** Scenario to compare against: "baseline" by default, none when false. */
  readonly baseline?: string | false;
  /** Run over this horizon instead of the scenario's own (to compare like with like). */
  readonly horizon?: { readonly startMonth: string; readonly months: number };
  /**
   * End the run at this month (`YYYY-MM`, inclusive; `--to`): a run is causal, so it equals the full run up to then,
   * and every summary (peaks, provenance's last year, concentration's end, end products lost) ends there too.
   */
  readonly lastMonth?: string;
  /** A baseline already run (skips running it again). */
  readonly baselineRun?: { readonly name: string; readonly result: SimulationResult };
  /** Called as work advances: a description and the share done so far (0–1). */
  readonly onStep?: (step: string, fractionDone: number) => void;
}

/** Load, run and report one scenario (and its baseline unless it is the baseline). */
export function runScenarioForCli(ref: string, request: RunRequest = {}): CompletedRun {
  const step = request.onStep ?? (() => {});
  step(`loading ${ref}`, 0);
  const asLoaded = loadScenario(ref, request.world === undefined ? {} : { worldDir: checkedWorldDir(request.world) });
  const horizon = request.horizon ?? (request.lastMonth === undefined ? undefined : horizonEndingAt(asLoaded, request.lastMonth));
  const loaded = horizon === undefined ? asLoaded : { ...asLoaded, scenario: { ...asLoaded.scenario, ...horizon } };
  step(`running ${loaded.scenario.name} (${loaded.scenario.months} months)`, 0.1);
  const result = runPreparedScenario(prepareScenario(loaded.scenario, loaded.world)).result;
  const baselineRef = request.baseline === undefined ? "baseline" : request.baseline;
  let baseline: CompletedRun["baseline"] = request.baselineRun;
  if (baseline === undefined && baselineRef !== false && baselineRef !== ref && loaded.scenario.name !== baselineRef) {
    step(`running ${baselineRef} for comparison`, 0.45);
    // The baseline runs on the same world as the scenario (its own `world:` or --world).
    const worldDir = request.world ?? loaded.worldDir;
    const b = loadScenario(baselineRef, worldDir === undefined ? {} : { worldDir });
    // Compare like with like: the baseline runs over the scenario's own horizon.
    const prepared = prepareScenario({ ...b.scenario, startMonth: loaded.scenario.startMonth, months: loaded.scenario.months }, b.world);
    baseline = { name: b.scenario.name, result: runPreparedScenario(prepared).result };
  }
  step("building the report", 0.8);
  const report = buildRunReport(result, { scenario: loaded.scenario, world: loaded.world, ...(baseline === undefined ? {} : { baseline }) });
  return { loaded, result, report, baseline };
}

/** The scenario's horizon cut at `lastMonth` (inclusive), or a usage error when that month is outside it. */
function horizonEndingAt(loaded: LoadedScenario, lastMonth: string): { startMonth: string; months: number } {
  const { startMonth, months } = loaded.scenario;
  const cut = monthOffset(startMonth, lastMonth) + 1;
  if (cut < 1 || cut > months) throw new UsageError(`--to ${lastMonth}: expected a month inside the run (${startMonth} + ${months} months)`);
  return { startMonth, months: cut };
}

/** A `--world` folder that exists, or a usage error (exit 2). */
export function checkedWorldDir(dir: string): string {
  const full = resolve(dir);
  if (!existsSync(full) || !statSync(full).isDirectory()) throw new UsageError(`--world ${dir}: no such folder`);
  return full;
}

/** Check that `--from`/`--to` are months before anything runs. */
export function checkMonthFlags(from: string | undefined, to: string | undefined): void {
  for (const [flag, month] of [["--from", from], ["--to", to]] as const) {
    if (month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new UsageError(`${flag} ${month}: expected a month written YYYY-MM`);
  }
  if (from !== undefined && to !== undefined && to < from) throw new UsageError(`--to ${to}: expected a month not before --from ${from}`);
}

/** Month-index window of `--from`/`--to` (inclusive `YYYY-MM`), checked against the run. */
export function monthWindow(result: SimulationResult, from: string | undefined, to: string | undefined): { fromMonth: number; toMonth: number } {
  checkMonthFlags(from, to);
  const fromMonth = from === undefined ? 0 : monthOffset(result.startMonth, from);
  const toMonth = to === undefined ? result.months : monthOffset(result.startMonth, to) + 1;
  if (fromMonth < 0 || fromMonth >= result.months) throw new UsageError(`--from ${from}: outside the run (${result.startMonth} + ${result.months} months)`);
  if (toMonth <= fromMonth || toMonth > result.months) throw new UsageError(`--to ${to}: expected a month after --from and inside the run`);
  return { fromMonth, toMonth };
}

/** The JSON document of a run: scenario, dataset, the report, and the tidy rows as columns + arrays. */
export function runJson(run: CompletedRun, rows: readonly TidyRow[]): string {
  const s = run.loaded.scenario;
  return JSON.stringify({
    chokepoint: { format: "chokepoint-run", version: 1 },
    scenario: {
      name: s.name, description: s.description, extends: s.extendsChain, startMonth: s.startMonth, months: s.months, seed: s.seed,
      overrides: s.overrides, policies: s.policies.map((p) => p.policy),
    },
    dataset: run.loaded.world.dataset,
    baseline: run.baseline?.name ?? null,
    report: run.report,
    columns: ["month", "element", "region", "stage", "variable", "unit", "value"],
    rows: rows.map((r) => [r.month, r.element, r.region, r.stage, r.variable, r.unit, r.value]),
  });
}

/** Every file `--out DIR` holds. */
export function runOutputFiles(run: CompletedRun, window: { fromMonth: number; toMonth: number }): Map<string, string> {
  const rows = [...tidyRows(run.result, window)];
  const lastMonth = rows.length === 0 ? run.result.startMonth : rows.reduce((max, r) => (r.month > max ? r.month : max), "");
  const files = new Map<string, string>();
  files.set("index.html", renderHtmlReport(run.report));
  files.set("series.csv", toTidyCsv(rows));
  files.set("series-iamc.csv", toIamcCsv(rows, { model: "Chokepoint", scenario: run.loaded.scenario.name, currencyYear: run.loaded.world.dataset.currencyYear, lastMonth }));
  files.set("run.json", runJson(run, rows));
  files.set("chokepoint-run.json", JSON.stringify({ scenario: run.loaded.scenario.name, dataset: run.loaded.world.dataset.version, files: ["index.html", "series.csv", "series-iamc.csv", "run.json"] }, null, 2));
  return files;
}
