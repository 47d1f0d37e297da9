/**
 * @module web/lib/run-options
 * The run form's choices — what to compare with, a region to follow, the first month of the reporting window — as the
 * CLI's `--baseline`, `--region` and `--from` take them, turned into the fields of POST /api/runs; and what a finished
 * report covers, worded for its header. Pure: no requests, no React.
 */
import type { RunReport } from "../../../src/analysis/report-model.js";
import { addMonths } from "../../../src/model/dates.js";
import type { StartRunRequest } from "../../../src/model/api.js";
import { reportWindow } from "../../../src/report/report-window.js";

/** The comparison choice "none" (no baseline run). Not a scenario name: names never hold parentheses. */
export const NO_COMPARISON = "(none)";

/** What the form holds: a scenario name or `NO_COMPARISON`; a region id or "" (none); a month `YYYY-MM` or "" (the run's first). */
export interface RunFormState {
  readonly comparison: string;
  readonly region: string;
  readonly reportFrom: string;
}

/**
 * The comparison a run gets when the request names none, as the server and `chokepoint run` choose it: the scenario
 * file's own `compareWith`, else `baseline`; none when that is the scenario itself.
 * @example defaultComparison("oct-2025-suspended", "oct-2025-returns") // "oct-2025-suspended"
 */
export function defaultComparison(compareWith: string | undefined, scenarioName: string | undefined): string {
  const name = compareWith ?? "baseline";
  return name === scenarioName ? NO_COMPARISON : name;
}

/**
 * The scenarios the form offers to compare with: the default first, then every other listed scenario but the one being
 * run (the default stays offered even when the list does not hold it, so the form never hides what the run would do).
 */
export function comparisonChoices(names: readonly string[], { defaultName, scenarioName }: { readonly defaultName: string; readonly scenarioName: string | undefined }): string[] {
  const rest = names.filter((n) => n !== defaultName && n !== scenarioName);
  return defaultName === NO_COMPARISON ? rest : [defaultName, ...rest];
}

/**
 * The option fields of POST /api/runs for a form: `baseline` only when the user chose other than the default (so the
 * server keeps applying the scenario's own `compareWith`, and names it in its errors), false for none; `region` and
 * `reportFrom` only when set.
 * @example runRequestOptions({ comparison: "baseline", region: "EU", reportFrom: "2026-11" }, "oct-2025-suspended")
 * // { baseline: "baseline", region: "EU", reportFrom: "2026-11" }
 */
export function runRequestOptions(form: RunFormState, defaultName: string): Pick<StartRunRequest, "baseline" | "region" | "reportFrom"> {
  return {
    ...(form.comparison === NO_COMPARISON ? { baseline: false as const } : form.comparison === defaultName ? {} : { baseline: form.comparison }),
    ...(form.region === "" ? {} : { region: form.region }),
    ...(form.reportFrom === "" ? {} : { reportFrom: form.reportFrom }),
  };
}

/** Every month of a horizon in order, `YYYY-MM`: the months a reporting window can start in. */
export function horizonMonths({ startMonth, months }: { readonly startMonth: string; readonly months: number }): string[] {
  return Array.from({ length: Math.max(0, months) }, (_, m) => addMonths(startMonth, m));
}

/** The form's window month, kept only while it is a month of the horizon (the scenario's text may have changed it). */
export function reportFromInHorizon(reportFrom: string, horizon: { readonly startMonth: string; readonly months: number } | undefined): string {
  if (reportFrom === "" || horizon === undefined) return reportFrom;
  return horizonMonths(horizon).includes(reportFrom) ? reportFrom : "";
}

/** One fact of what a report covers, for its header. */
export interface CoverageItem {
  readonly key: "window" | "comparison" | "region";
  /** "covers", "compared with", "region". */
  readonly label: string;
  /** "2026-11 – 2033-12", "Busan truce extended", "EU". */
  readonly value: string;
  /** Muted words after the value: "of a run from 2025-01", "European Union". */
  readonly note: string;
}

/**
 * What a report covers, as its header says it: the months of its window (and where the run began, when the window
 * starts later), what it is compared with (or "nothing"), and the region it follows.
 * @example reportCoverage(report).map((c) => `${c.label} ${c.value}`) // ["covers 2026-11 – 2033-12", "compared with …", "region EU"]
 */
export function reportCoverage(report: Pick<RunReport, "window" | "monthLabels" | "scenario" | "baselineName"> & { readonly regionView?: { readonly region: string; readonly regionName: string } | undefined }): CoverageItem[] {
  const w = reportWindow(report);
  const items: CoverageItem[] = [
    { key: "window", label: "covers", value: w.label, note: w.trimmed ? `of a run from ${w.runStart}` : "the whole run" },
    report.baselineName === undefined
      ? { key: "comparison", label: "compared with", value: "nothing", note: "no comparison run" }
      : { key: "comparison", label: "compared with", value: report.baselineName, note: "" },
  ];
  const view = report.regionView;
  if (view !== undefined) items.push({ key: "region", label: "region", value: view.region, note: view.regionName === view.region ? "" : view.regionName });
  return items;
}
