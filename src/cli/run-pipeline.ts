/**
 * @module cli/run-pipeline
 * The steps `run`, `compare` and the server share: load a scenario, run it (and its baseline),
 * build the report and the output files. Node-only because it loads files; the work itself is the
 * isomorphic library.
 */
import type { SimulationResult } from "../engine/index.js";
import type { World } from "../model/world-schema.js";
import { buildRunReport } from "../analysis/run-report.js";
import type { RunReport } from "../analysis/report-model.js";
import { runPreparedScenario } from "../analysis/run-scenario.js";
import { facilityTidyRows, tidyRows, type TidyRow } from "../analysis/tidy-series.js";
import { addMonths, monthOffset } from "../model/dates.js";
import { toIamcCsv, toTidyCsv } from "../report/file-formats.js";
import { renderHtmlReport } from "../report/html-report.js";
import { regionView, type RegionView } from "../report/region-view.js";
import { loadScenario, missingScenarioText, type LoadedScenario } from "../scenario/node.js";
import { prepareScenario } from "../scenario/prepare.js";
import { existsSync, statSync } from "node:fs";
import { resolve } from "node:path";
import { didYouMean } from "../model/suggest.js";
import { runProvenance, type RunProvenance } from "./provenance.js";
import { UsageError } from "./io.js";

/** A scenario that has been run, with its baseline when it has one. */
export interface CompletedRun {
  readonly loaded: LoadedScenario;
  readonly result: SimulationResult;
  readonly report: RunReport;
  readonly baseline: { readonly name: string; readonly result: SimulationResult; readonly world?: World } | undefined;
  /** Month indices [fromMonth, toMonth) of the reporting window in `result` (the whole run without `--from`/`--year`). */
  readonly window: MonthWindow;
}

/** A window of month indices into a run, [fromMonth, toMonth). */
export interface MonthWindow {
  readonly fromMonth: number;
  readonly toMonth: number;
}

/** The month options of `run` as typed: `--from`, `--to` (`YYYY-MM`) and `--year` (`YYYY`, short for both). */
export interface MonthFlags {
  readonly from?: string | undefined;
  readonly to?: string | undefined;
  readonly year?: string | undefined;
}

/** Options common to `run` and `compare`. */
export interface RunRequest {
  readonly world?: string;
  /** Scenario to compare against: "baseline" by default, none when false. */
  readonly baseline?: string | false | undefined;
  /** Run over this horizon instead of the scenario's own (to compare like with like). */
  readonly horizon?: { readonly startMonth: string; readonly months: number };
  /**
   * The reporting window (`--from`, `--to`, `--year`), checked with `checkMonthFlags` first. `to` ends the run at that
   * month (inclusive): a run is causal, so it equals the full run up to then. `from` only trims the report: the run
   * still starts at the scenario's start, and every summary (episodes, prices, end products lost, gap closers, supply
   * from China, costs, provenance, concentration) covers `from` to the end. Months outside the run are usage errors
   * naming the option, raised before anything runs.
   */
  readonly months?: MonthFlags;
  /** A region to follow (`--region`): the report then carries the extra imports into it against the baseline. */
  readonly region?: string | undefined;
  /** A baseline already run (skips running it again). */
  readonly baselineRun?: { readonly name: string; readonly result: SimulationResult; readonly world?: World };
  /** Called as work advances: a description and the share done so far (0–1). */
  readonly onStep?: (step: string, fractionDone: number) => void;
}

/** Load, run and report one scenario (and its baseline unless it is the baseline). */
export function runScenarioForCli(ref: string, request: RunRequest = {}): CompletedRun {
  const step = request.onStep ?? (() => {});
  // A --baseline that names no file is a usage error naming the option, raised before anything runs.
  if (typeof request.baseline === "string" && request.baselineRun === undefined) {
    const missing = missingScenarioText(request.baseline);
    if (missing !== undefined) throw new UsageError(`--baseline ${request.baseline}: ${missing}`);
  }
  step(`loading ${ref}`, 0);
  const asLoaded = loadScenario(ref, request.world === undefined ? {} : { worldDir: checkedWorldDir(request.world) });
  const months = monthsInRun(request.months ?? {}, asLoaded.scenario);
  const horizon = request.horizon ?? (months.to === undefined ? undefined : { startMonth: asLoaded.scenario.startMonth, months: monthOffset(asLoaded.scenario.startMonth, months.to) + 1 });
  const loaded = horizon === undefined ? asLoaded : { ...asLoaded, scenario: { ...asLoaded.scenario, ...horizon } };
  // A --region the world does not have is a usage error before anything runs.
  const regionIds = loaded.world.regions.map((r) => r.id);
  if (request.region !== undefined && !regionIds.includes(request.region)) {
    throw new UsageError(unknownRegionText(request.region, regionIds));
  }
  step(`running ${loaded.scenario.name} (${loaded.scenario.months} months)`, 0.1);
  const result = runPreparedScenario(prepareScenario(loaded.scenario, loaded.world)).result;
  // Without --baseline: what the scenario file says to compare it with (`compareWith`), else the baseline.
  const baselineRef = request.baseline === undefined ? (loaded.compareWith ?? "baseline") : request.baseline;
  let baseline: CompletedRun["baseline"] = request.baselineRun;
  if (baseline === undefined && baselineRef !== false && baselineRef !== ref && loaded.scenario.name !== baselineRef) {
    step(`running ${baselineRef} for comparison`, 0.45);
    // The baseline runs on the same world as the scenario (its own `world:` or --world).
    const worldDir = request.world ?? loaded.worldDir;
    const b = loadScenario(baselineRef, worldDir === undefined ? {} : { worldDir });
    // Compare like with like: the baseline runs over the scenario's own horizon.
    const prepared = prepareScenario({ ...b.scenario, startMonth: loaded.scenario.startMonth, months: loaded.scenario.months }, b.world);
    baseline = { name: b.scenario.name, result: runPreparedScenario(prepared).result, world: prepared.world };
  }
  step("building the report", 0.8);
  const report = buildRunReport(result, {
    scenario: loaded.scenario, world: loaded.world, ...(baseline === undefined ? {} : { baseline }), ...(months.from === undefined ? {} : { reportFrom: months.from }),
    ...(request.region === undefined ? {} : { region: request.region }),
  });
  const window = { fromMonth: months.from === undefined ? 0 : monthOffset(result.startMonth, months.from), toMonth: result.months };
  return { loaded, result, report, baseline, window };
}

/**
 * `--from`/`--to`/`--year` as the first and last month of the reporting window, checked against the scenario's
 * horizon before it runs; a usage error names the option and what the run covers.
 */
function monthsInRun(flags: MonthFlags, scenario: { readonly startMonth: string; readonly months: number }): { from?: string; to?: string } {
  const { startMonth, months } = scenario;
  const inRun = (month: string) => monthOffset(startMonth, month) >= 0 && monthOffset(startMonth, month) < months;
  const run = `${startMonth} + ${months} months`;
  if (flags.year !== undefined) {
    if (!inRun(`${flags.year}-01`) || !inRun(`${flags.year}-12`)) {
      throw new UsageError(`--year ${flags.year}: expected a year the run covers in full (${run}: ${fullYears(startMonth, months)})`);
    }
    return { from: `${flags.year}-01`, to: `${flags.year}-12` };
  }
  if (flags.to !== undefined && !inRun(flags.to)) throw new UsageError(`--to ${flags.to}: expected a month inside the run (${run})`);
  if (flags.from !== undefined && !inRun(flags.from)) throw new UsageError(`--from ${flags.from}: outside the run (${run})`);
  return { ...(flags.from === undefined ? {} : { from: flags.from }), ...(flags.to === undefined ? {} : { to: flags.to }) };
}

/** The calendar years a horizon covers in full, in words: "2024 to 2033", "2025", or "no full calendar year". */
function fullYears(startMonth: string, months: number): string {
  const first = Number(startMonth.slice(0, 4)) + (startMonth.endsWith("-01") ? 0 : 1);
  const end = addMonths(startMonth, months - 1);
  const last = Number(end.slice(0, 4)) - (end.endsWith("-12") ? 0 : 1);
  if (last < first) return "no full calendar year";
  return first === last ? `only ${first}` : `${first} to ${last}`;
}

/** A `--world` folder that exists, or a usage error (exit 2). */
export function checkedWorldDir(dir: string): string {
  const full = resolve(dir);
  if (!existsSync(full) || !statSync(full).isDirectory()) throw new UsageError(`--world ${dir}: no such folder`);
  return full;
}

/** Check the form of `--from`/`--to` (months) and `--year` (a year, alone) before anything loads or runs. */
export function checkMonthFlags(flags: MonthFlags): void {
  const { from, to, year } = flags;
  if (year !== undefined) {
    if (!/^\d{4}$/.test(year)) throw new UsageError(`--year ${year}: expected a year written YYYY (short for --from YYYY-01 --to YYYY-12)`);
    if (from !== undefined || to !== undefined) {
      throw new UsageError(`--year ${year}: expected alone, not with ${from === undefined ? "--to" : to === undefined ? "--from" : "--from and --to"} (--year ${year} is short for --from ${year}-01 --to ${year}-12)`);
    }
  }
  for (const [flag, month] of [["--from", from], ["--to", to]] as const) {
    if (month !== undefined && !/^\d{4}-(0[1-9]|1[0-2])$/.test(month)) throw new UsageError(`${flag} ${month}: expected a month written YYYY-MM`);
  }
  if (from !== undefined && to !== undefined && to < from) throw new UsageError(`--to ${to}: expected a month not before --from ${from}`);
}

/** The view of one region of a run (`--region`), named as its world names it. */
function regionViewOf(run: CompletedRun, region: string): RegionView {
  const name = run.loaded.world.regions.find((r) => r.id === region)?.name ?? region;
  return regionView(run.report, { id: region, name });
}

/**
 * The JSON document of a run: scenario, dataset, the report, and the tidy rows as columns + arrays (the facility rows,
 * `facilityTidyRows`, apart as `facilityRows`, since they name a facility). With a region's view (`--region`), the
 * report carries it as `report.regionView`.
 */
export function runJson(run: CompletedRun, rows: readonly TidyRow[], view?: RegionView, facilityRows: readonly TidyRow[] = [], producedBy?: RunProvenance): string {
  const s = run.loaded.scenario;
  return JSON.stringify({
    chokepoint: { format: "chokepoint-run", version: 1, ...(producedBy === undefined ? {} : { producedBy }) },
    scenario: {
      name: s.name, description: s.description, extends: s.extendsChain, startMonth: s.startMonth, months: s.months, seed: s.seed,
      overrides: s.overrides, policies: s.policies.map((p) => p.policy),
    },
    dataset: run.loaded.world.dataset,
    baseline: run.baseline?.name ?? null,
    report: view === undefined ? run.report : { ...run.report, regionView: view },
    columns: ["month", "element", "region", "stage", "variable", "unit", "value"],
    rows: rows.map((r) => [r.month, r.element, r.region, r.stage, r.variable, r.unit, r.value]),
    facilityColumns: ["month", "facility", "region", "stage", "variable", "unit", "value"],
    facilityRows: facilityRows.map((r) => [r.month, r.facility ?? "", r.region, r.stage, r.variable, r.unit, r.value]),
  });
}

/** The first and last month (`YYYY-MM`) of a window of a run. */
export function windowMonths(run: CompletedRun, window: MonthWindow = run.window): { firstMonth: string; lastMonth: string } {
  return { firstMonth: addMonths(run.result.startMonth, window.fromMonth), lastMonth: addMonths(run.result.startMonth, window.toMonth - 1) };
}

/** What `toIamcCsv` needs besides the rows: model, scenario, currency year and the window's months. */
export function iamcMeta(run: CompletedRun, window: MonthWindow = run.window) {
  return { model: "Chokepoint", scenario: run.loaded.scenario.name, currencyYear: run.loaded.world.dataset.currencyYear, ...windowMonths(run, window) };
}

/** Options of `runOutputFiles`. */
export interface OutputFileOptions {
  /** Months of the data rows. @default the run's reporting window */
  readonly window?: MonthWindow;
  /** A region (`--region`): the HTML report opens on its view and run.json's report carries it. */
  readonly region?: string | undefined;
}

/** Every file `--out DIR` holds. */
export function runOutputFiles(run: CompletedRun, { window = run.window, region }: OutputFileOptions = {}): Map<string, string> {
  const rows = [...tidyRows(run.result, window)];
  const plants = [...facilityTidyRows(run.result, window)];
  const view = region === undefined ? undefined : regionViewOf(run, region);
  const files = new Map<string, string>();
  files.set("index.html", renderHtmlReport(run.report, view === undefined ? {} : { regionView: view }));
  files.set("series.csv", toTidyCsv([...rows, ...plants], { facilityColumn: true }));
  files.set("series-iamc.csv", toIamcCsv(rows, iamcMeta(run, window)));
  const producedBy = runProvenance(run.loaded.worldDir);
  files.set("run.json", runJson(run, rows, view, plants, producedBy));
  files.set("chokepoint-run.json", JSON.stringify({ scenario: run.loaded.scenario.name, dataset: run.loaded.world.dataset.version, producedBy, files: ["index.html", "series.csv", "series-iamc.csv", "run.json"] }, null, 2));
  return files;
}

/** `--region eu: not a region of this world; did you mean EU? Expected one of CN, …`. */
export function unknownRegionText(region: string, regionIds: readonly string[]): string {
  const hint = didYouMean(region, regionIds);
  return `--region ${region}: not a region of this world; ${hint === undefined ? "" : `${hint} `}expected one of ${regionIds.join(", ")}`;
}
