/**
 * @module report/region-outputs
 * Wording shared by the views of a region's output and where it went.
 */
import type { RegionOutput } from "../analysis/report-model.js";
import { formatTonnes } from "./number-format.js";

/** Destinations under this many tonnes are left out of the list (they would read "0.0"). */
const MIN_DESTINATION_TONNES = 0.5;

/** "JP 400, KR 150, EU 60": the largest destinations of an output, or "–" when none reaches half a tonne. */
export function destinationsText(output: Pick<RegionOutput, "destinations">): string {
  const shown = output.destinations.filter((d) => d.tonnes >= MIN_DESTINATION_TONNES);
  return shown.length === 0 ? "–" : shown.map((d) => `${d.region} ${formatTonnes(d.tonnes)}`).join(", ");
}
