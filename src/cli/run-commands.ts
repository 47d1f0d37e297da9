/**
 * @module cli/run-commands
 * `chokepoint run` (one scenario: terminal answer, files, HTML report) and `chokepoint compare`
 * (two scenarios side by side). Parses options, calls the pipeline, prints; nothing else.
 */
import { join } from "node:path";
import { Option, type Command } from "commander";
import { facilityTidyRows, tidyRows } from "../analysis/tidy-series.js";
import { iamcPartialYearNote, toIamcCsv, toTidyCsv } from "../report/file-formats.js";
import { renderCompareText } from "../report/compare-text.js";
import { reportForRegion } from "../report/region-view.js";
import { renderRunText } from "../report/run-text.js";
import { wrapText } from "../report/text-table.js";
import { UsageError, type CliIo } from "./io.js";
import { loadScenario } from "../scenario/node.js";
import { runProvenance } from "./provenance.js";
import { buildRunReport } from "../analysis/run-report.js";
import type { RunReport } from "../analysis/report-model.js";
import { checkedWorldDir, checkMonthFlags, iamcMeta, runJson, runOutputFiles, runScenarioForCli, windowMonths } from "./run-pipeline.js";
import { writeOutputAtomically } from "./write-output.js";

const FORMATS = ["table", "json", "csv", "iamc"] as const;

/** `run`'s options that `compare` has no use for: they point to `run a --baseline b` instead. */
const WINDOW_FLAGS = ["region", "from", "to", "year"] as const;
type Format = (typeof FORMATS)[number];

interface RunOptions {
  out?: string;
  format: string;
  from?: string;
  to?: string;
  year?: string;
  world?: string;
  baseline?: string | boolean;
  quiet?: boolean;
  region?: string;
}

/** The report with only `region`'s rows in its region tables, and a note saying so (the terminal's `--region`). */
function regionOnly(report: RunReport, region: string): RunReport {
  const own = reportForRegion(report, region);
  return {
    ...own,
    scenario: { ...report.scenario, description: `${report.scenario.description.trim()}\n\nShowing ${region} only (--region): shortages, plants short of input, plants that stop or fall short, end products, supply from China, provenance, gap closers (its own extra output and its extra imports), and its output and where it went; supply from China and provenance are left out when they have no ${region} row. The HTML report and run.json written by --out open on ${region}'s view and cover every region after it.` },
  };
}

/**
 * A progress bar on stderr, redrawn in place, shown only on a terminal, without --quiet, and once
 * the work has taken more than a second. `done()` clears it.
 */
function progress(io: CliIo, quiet: boolean | undefined): { step: (step: string, fraction: number) => void; done: () => void } {
  if (quiet === true || io.isInteractive !== true) return { step: () => {}, done: () => {} };
  const started = Date.now();
  let shown = false;
  const step = (text: string, fraction: number) => {
    if (Date.now() - started < 1000 && fraction < 0.45) return;
    const width = 24;
    const filled = Math.round(Math.min(1, Math.max(0, fraction)) * width);
    io.err(`\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${String(Math.round(fraction * 100)).padStart(3)}%  ${text.slice(0, 60).padEnd(60)}`);
    shown = true;
  };
  return { step, done: () => { if (shown) io.err(`\r${" ".repeat(100)}\r`); } };
}

/** Register `run` and `compare`. */
export function registerRunCommands(program: Command, io: CliIo): void {
  program
    .command("run <scenario>")
    .description("run a scenario (a ready-made name such as oct-2025-returns, or a YAML file) and print the answer")
    .option("--out <dir>", "also write index.html (report with charts), series.csv (tidy), series-iamc.csv and run.json into <dir>")
    .option("--format <format>", `what to print: ${FORMATS.join(", ")}`, "table")
    .option("--from <YYYY-MM>", "first month of the report: every summary (terminal tables, HTML report, run.json's report) covers --from to the run's end, and the data rows (csv, iamc, json) start there; the run itself still starts at the scenario's start, so stocks and prices carry that history")
    .option("--to <YYYY-MM>", "last month of the run: the run stops there (it is causal), so the series and every summary end there")
    .option("--year <YYYY>", "one calendar year: short for --from YYYY-01 --to YYYY-12 (not with --from or --to)")
    .option("--world <dir>", "world folder (default: the scenario's, else the bundled 2024 world)")
    .option("--baseline <scenario>", "scenario to compare with (default: the scenario's own compareWith, else baseline)")
    .option("--no-baseline", "do not run a baseline for comparison")
    .option("--quiet", "no progress messages")
    .option("--region <id>", "print only this region's rows in the tables (shortages, plants short of input, plants that stop or fall short, end products, supply from China, provenance, gap closers: its own extra output and its extra imports by supplier) and its output of Nd, Pr, Dy and Tb with where it went; with --out, index.html opens on the region's own section and run.json's report carries it as regionView")
    .action((ref: string, options: RunOptions) => {
      if (!(FORMATS as readonly string[]).includes(options.format)) throw new UsageError(`--format ${options.format}: expected one of ${FORMATS.join(", ")}`);
      if (options.region !== undefined && options.format !== "table") throw new UsageError("--region: only with the table format (the data formats hold every region; filter their region column)");
      const format = options.format as Format;
      const months = { from: options.from, to: options.to, year: options.year };
      checkMonthFlags(months);
      const bar = progress(io, options.quiet);
      const run = runScenarioForCli(ref, {
        ...(options.world === undefined ? {} : { world: options.world }),
        baseline: options.baseline === false ? false : options.baseline === true || options.baseline === undefined ? undefined : options.baseline,
        months,
        region: options.region,
        onStep: bar.step,
      });
      const window = run.window;
      if (options.out !== undefined) {
        bar.step(`writing ${options.out}`, 0.9);
        writeOutputAtomically(options.out, runOutputFiles(run, { window, region: options.region }));
      }
      bar.done();
      const rows = () => [...tidyRows(run.result, window)];
      const plants = () => [...facilityTidyRows(run.result, window)];
      if (format === "table") {
        // The report's summaries already cover the window (--from/--year); its headings say so.
        const view = options.region === undefined ? {} : { region: options.region };
        io.out(`${renderRunText(options.region === undefined ? run.report : regionOnly(run.report, options.region), view)}\n`);
        if (options.out !== undefined) {
          const first = run.report.monthLabels[window.fromMonth] ?? "";
          const data = window.fromMonth === 0 ? "" : ` The rows of series.csv, series-iamc.csv and run.json start at ${first} too; run.json's report keeps every month's series.`;
          const { firstMonth, lastMonth } = windowMonths(run, window);
          const partYears = iamcPartialYearNote(firstMonth, lastMonth);
          io.out(`${wrapText(`Report written to ${join(options.out, "index.html")} (open it in a browser); data in series.csv (tidy), series-iamc.csv (IAMC) and run.json in the same folder.${data}${partYears === "" ? "" : ` ${partYears}`}`, 100, 2)}\n`);
        }
      } else if (format === "json") io.out(`${runJson(run, rows(), undefined, plants(), runProvenance(run.loaded.worldDir))}\n`);
      else if (format === "csv") io.out(toTidyCsv([...rows(), ...plants()], { facilityColumn: true }));
      else {
        io.out(toIamcCsv(rows(), iamcMeta(run, window)));
        // The CSV stays machine-readable on stdout; the note on part years goes to stderr.
        const { firstMonth, lastMonth } = windowMonths(run, window);
        const partYears = iamcPartialYearNote(firstMonth, lastMonth);
        if (partYears !== "") io.err(`note: ${partYears.replace(/^In series-iamc\.csv, /, "")}\n`);
      }
    });

  const compare = program
    .command("compare <a> [b]")
    .description("run two scenarios (b defaults to a's compareWith, else baseline) and show them side by side over the whole run, every region; for one region or a window: chokepoint run <a> --baseline <b> --region ID --from YYYY-MM --to YYYY-MM")
    .option("--world <dir>", "world folder for both")
    .option("--quiet", "no progress messages");
  // `run`'s window and region options, accepted only to point to `run a --baseline b`, which compares over them.
  for (const flag of WINDOW_FLAGS) compare.addOption(new Option(`--${flag} <value>`).hideHelp());
  compare
    .action((a: string, b: string | undefined, options: { world?: string; quiet?: boolean } & Partial<Record<(typeof WINDOW_FLAGS)[number], string>>) => {
      const given = WINDOW_FLAGS.filter((flag) => options[flag] !== undefined);
      // B: as given, else what A's file says to compare it with, else the baseline.
      const comparisonOf = () => loadScenario(a, options.world === undefined ? {} : { worldDir: checkedWorldDir(options.world) }).compareWith ?? "baseline";
      if (given.length > 0) {
        const other = b ?? comparisonOf();
        const flags = given.map((flag) => `--${flag} ${options[flag] ?? ""}`).join(" ");
        throw new UsageError(`${flags}: compare shows both runs whole, for every region; for one region or a window, run one scenario against the other (its shortage, supply-from-China and gap-closer tables compare with the --baseline run): chokepoint run ${a} --baseline ${other} ${flags}`);
      }
      const bar = progress(io, options.quiet);
      const world = options.world === undefined ? {} : { world: options.world };
      // B runs over A's horizon, so the two are compared month for month.
      const runA = runScenarioForCli(a, { ...world, baseline: false, onStep: (text, f) => bar.step(text, f / 2) });
      const other = b ?? runA.loaded.compareWith ?? "baseline";
      const horizon = { startMonth: runA.loaded.scenario.startMonth, months: runA.loaded.scenario.months };
      const runB = runScenarioForCli(other, { ...world, baseline: false, horizon, onStep: (text, f) => bar.step(text, 0.5 + f / 2) });
      const reportA = buildRunReport(runA.result, { scenario: runA.loaded.scenario, world: runA.loaded.world, baseline: { name: runB.loaded.scenario.name, result: runB.result } });
      bar.done();
      io.out(`${renderCompareText(reportA, runB.report)}\n`);
    });
}
