/**
 * @module report/html/section-made-here
 * "Made here, short here" in the HTML report: output a region shipped out while its own later stages or final demand were
 * short of the element, the shortage it coincided with, and why (the wording is `report/made-here-text.ts`). Lays out;
 * computes nothing.
 */
import type { MadeHereShortHere, RunReport } from "../../analysis/report-model.js";
import { madeHereMonthsText, madeHereOutputText, madeHereReasonText, madeHereShortText } from "../made-here-text.js";
import { formatTonnes } from "../number-format.js";
import { destinationsText } from "../region-outputs.js";
import { reportWindow } from "../report-window.js";
import { emptyMessage, renderHtmlTable } from "./tables.js";

/** Rows the whole-report table shows (run.json has every row). */
const MAX_ROWS = 12;

/** The section's intro line. */
export const MADE_HERE_INTRO = "Output a region shipped abroad in the months its own later stages or final demand were short of the same element, and why, as far as the model can tell: no plant at home for the next stage, home buyers short too, plants full, or orders going elsewhere.";

/** A table of rows (with a region column unless `showRegion` is false), or a message when there is none. */
export function renderMadeHereTable(rows: readonly MadeHereShortHere[], report: RunReport, { key, showRegion = true, empty }: { readonly key: string; readonly showRegion?: boolean; readonly empty: string }): string {
  if (rows.length === 0) return emptyMessage(key, empty);
  const w = reportWindow(report);
  return renderHtmlTable(
    [...(showRegion ? [{ header: "Region" }] : []), { header: "What left" }, { header: "Months short" }, { header: "Made, t", align: "right" as const }, { header: "Shipped out, t", align: "right" as const },
      { header: "To, t" }, { header: "Short at home, t" }, { header: "Why" }],
    rows.map((x) => [...(showRegion ? [x.region] : []), madeHereOutputText(x), madeHereMonthsText(x), formatTonnes(x.madeTonnes), formatTonnes(x.shippedTonnes), destinationsText(x), madeHereShortText(x), madeHereReasonText(x)]),
    {
      key, maxRows: MAX_ROWS, moreLabel: "smaller rows (run.json: report.madeHereShortHere)",
      caption: `${w.trimmed ? `In ${w.label}` : "Over the run"}, in the months a later stage of the region (its separation, metal or magnet plants) or its final demand was short of the element by more than 1 % of need: what the region made of it at one stage, what it shipped to other regions (counted when licences clear), and its shortfall in those months, t of element content. Rows where at least a quarter of what was made left.`,
    },
  );
}

/** Body of the whole-report section: every region's rows. */
export function renderMadeHereSection(report: RunReport): string {
  const w = reportWindow(report);
  return renderMadeHereTable(report.madeHereShortHere ?? [], report, { key: "made-here", empty: `No region shipped out a quarter or more of an element it made while its own plants or final users were short of it, ${w.trimmed ? `in ${w.label}` : "in this run"}.` });
}
