/**
 * @module report/baseline-peak
 * The baseline column of the shortage tables (terminal and HTML): the baseline run's peak share of need in the
 * episode's months, and what the column means in words. Computes nothing; reads `ShortageEpisode`.
 */
import type { ShortageEpisode } from "../analysis/report-model.js";
import { formatShare } from "./number-format.js";

/** What the baseline column says, in one sentence after its name ("baseline: …"). */
export const BASELINE_COLUMN_MEANING = "the largest share of need the baseline run left unmet for the same element, region and stage in the same months (\"–\": never above 1 %); \"also\" when that is at least half the episode's own peak: the shortage happens without this scenario's measures too.";

/** The cell: the baseline's peak % of need in the episode's months ("31%"), "also" after it when at least half the episode's; "–" when none. */
export function baselinePeakText(x: ShortageEpisode): string {
  const peak = x.baselinePeakShareOfDemand;
  if (peak === undefined) return x.alsoInBaseline === true ? "also" : "–"; // a report saved before the peak was kept
  if (peak <= 0) return "–";
  return `${formatShare(peak)}${x.alsoInBaseline === true ? " also" : ""}`;
}
