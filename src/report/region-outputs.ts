/**
 * @module report/region-outputs
 * Wording shared by the views of a region's output and where it went.
 */
import type { RegionOutput } from "../analysis/report-model.js";
import { formatShare, formatTonnes } from "./number-format.js";

/** What a region's output counts at each stage, in words. */
export const OUTPUT_STAGE_BASIS = "mine: in its concentrate; separation: oxide; magnet: in magnets";
/** What "shipped out" includes besides the window's own output, in words. */
export const SHIPPED_OUT_NOTE = "shipped out includes re-exports, e.g. concentrate a region cannot separate, and stock made before the window";

/** Destinations under this many tonnes are left out of the list (they would read "0.0"). */
const MIN_DESTINATION_TONNES = 0.5;

/** "JP 400, KR 150, EU 60": the largest destinations of an output, or "–" when none reaches half a tonne. */
export function destinationsText(output: Pick<RegionOutput, "destinations">): string {
  const shown = output.destinations.filter((d) => d.tonnes >= MIN_DESTINATION_TONNES);
  return shown.length === 0 ? "–" : shown.map((d) => `${d.region} ${formatTonnes(d.tonnes)}`).join(", ");
}

/** The share of an output shipped out: "43%", ">100%" (re-exports, or stock made before the window), or "–" when none was made. */
export function shippedShareText(output: Pick<RegionOutput, "producedTonnes" | "exportedTonnes">): string {
  if (output.producedTonnes <= 0) return "–";
  return output.exportedTonnes > output.producedTonnes ? ">100%" : formatShare(output.exportedTonnes / output.producedTonnes);
}
