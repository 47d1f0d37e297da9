/**
 * @module server/compare
 * The compare response for two finished runs: both statuses and reports, and what differs
 * (computed by `analysis/compare-reports`).
 */
import { compareReports } from "../analysis/compare-reports.js";
import type { RunReport } from "../analysis/report-model.js";
import type { CompareResponse, RunStatus } from "../model/api.js";

/** The compare response for two finished runs. */
export function compareRuns(a: { run: RunStatus; report: RunReport }, b: { run: RunStatus; report: RunReport }): CompareResponse<RunReport> {
  return { a, b, differences: compareReports(a.report, b.report) };
}
