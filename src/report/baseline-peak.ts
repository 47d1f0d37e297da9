/**
 * @module report/baseline-peak
 * The baseline column of the shortage tables (terminal and HTML) and the region cards' words for it: the baseline run's
 * peak share of need in the episode's months, whether the episode is worse than the baseline's or about as deep, and
 * what the column means in words. Computes nothing; reads `ShortageEpisode`.
 */
import type { ShortageEpisode } from "../analysis/report-model.js";
import { WORSE_THAN_BASELINE_RATIO } from "../analysis/report-thresholds.js";
import { formatShare } from "./number-format.js";

/** What the baseline column says, in one sentence after its name ("baseline: …"). */
export const BASELINE_COLUMN_MEANING = `the largest share of need the baseline run left unmet for the same element, region and stage in the same months ("–": never above 1 %); where it was short there: "worse" when the episode's peak or its tonnes short are at least ${WORSE_THAN_BASELINE_RATIO} × the baseline's in those months (this scenario deepens or prolongs the shortage), "milder" when both are at most the baseline's ÷ ${WORSE_THAN_BASELINE_RATIO} (it eases it), "also" otherwise (about as deep and as long without this scenario's measures).`;

/**
 * How the episode stands against the baseline in the same months: `none` (the baseline was not short there), `worse`
 * (deeper or longer), `milder` (eased), `also` (about as deep and as long), or `unknown` (a report saved before the
 * baseline's peak was kept); `markBaselineEpisodes` decides.
 */
export function baselineStanding(x: ShortageEpisode): "none" | "worse" | "milder" | "also" | "unknown" {
  const peak = x.baselinePeakShareOfDemand;
  if (peak === undefined) return x.alsoInBaseline === true ? "also" : "unknown";
  if (peak <= 0) return "none";
  // Reports saved before `worseThanBaseline` existed: the rule from the two peaks alone.
  const worse = x.worseThanBaseline ?? x.peakShareOfDemand >= WORSE_THAN_BASELINE_RATIO * peak;
  return worse ? "worse" : x.milderThanBaseline === true ? "milder" : "also";
}

/** The cell: the baseline's peak % of need in the episode's months and its mark ("56% worse", "28% milder", "95% also"); "–" when none. */
export function baselinePeakText(x: ShortageEpisode): string {
  const standing = baselineStanding(x);
  const peak = x.baselinePeakShareOfDemand;
  if (peak === undefined) return standing === "also" ? "also" : "–";
  return standing === "none" ? "–" : `${formatShare(peak)} ${standing}`;
}

/**
 * The episode against the baseline in words, for cards: "worse than baseline (56%)", "milder than baseline (28%)",
 * "baseline too (95%)", "not short in the baseline"; undefined without a comparison run.
 */
export function baselinePeakWords(x: ShortageEpisode): string | undefined {
  if (x.baselinePeakShareOfDemand === undefined && x.alsoInBaseline === undefined) return undefined;
  const peak = x.baselinePeakShareOfDemand === undefined ? "" : ` (${formatShare(x.baselinePeakShareOfDemand)})`;
  switch (baselineStanding(x)) {
    case "none": return "not short in the baseline";
    case "worse": return `worse than baseline${peak}`;
    case "milder": return `milder than baseline${peak}`;
    case "also": return `baseline too${peak}`;
    case "unknown": return undefined;
  }
}
