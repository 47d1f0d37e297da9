/**
 * @module report/html/section-added-plants
 * Section "Plants this scenario adds (or brings forward)": each added plant with its capacity, first output, output and
 * use; whether its region's stage gained supply or the incumbents were displaced; and what held each plant back (the
 * wording is `report/added-plants-text.ts`). Lays out `report.addedPlants`; computes nothing.
 */
import type { RunReport } from "../report-model.js";
import {
  addedAgainstText, addedChangeText, addedFirstOutputText, addedPlantsNote, addedReasonLines, addedStageText, addedUseText, LOW_USE_SHARE_TEXT, signedTonnes,
} from "../added-plants-text.js";
import { formatTonnes } from "../number-format.js";
import { reportWindow } from "../report-window.js";
import { escapeHtml } from "./escape.js";
import { emptyMessage, renderHtmlTable } from "./tables.js";

/** The section's intro line. */
export const ADDED_PLANTS_INTRO = "The mines and plants the scenario adds or starts sooner, what each made and how full it ran, whether its region's stage made more in all or the new plant only displaced the incumbents, and what held it back: the stage its region is missing, or where its output went.";

/** Styles of the section (with `PLANT_CSS`, whose plant-id and note styles it shares). */
export const ADDED_PLANTS_CSS = `
table[data-table$="added-plants"] td { white-space: nowrap; }
table[data-table$="added-plants"] td:first-child { white-space: normal; min-width: 14em; }
ul.added-stages, ul.added-why { font-size: 14px; max-width: 100ch; margin: 4px 0 12px; padding-left: 20px; }
ul.added-why ul { padding-left: 18px; margin: 2px 0 4px; }
[data-section="added-plants"] h3 { font-size: 15px; margin: 14px 0 4px; }`;

/** Body of the section (`region`: that region's rows only, without a region column). */
export function renderAddedPlantsSection(report: RunReport, { region, key = "added-plants" }: { readonly region?: string | undefined; readonly key?: string } = {}): string {
  const added = report.addedPlants;
  const w = reportWindow(report);
  const plants = (added?.plants ?? []).filter((x) => region === undefined || x.region === region);
  const stages = (added?.stages ?? []).filter((x) => region === undefined || x.region === region);
  if (plants.length === 0) return emptyMessage(key, `The scenario adds or brings forward no mine or plant${region === undefined ? "" : ` in ${region}`} against ${addedAgainstText(report)}.`);
  const vsBase = report.baselineName !== undefined && plants.some((x) => (x.baselineOutputTonnes ?? 0) > 0);
  const showRegion = region === undefined;
  const table = renderHtmlTable(
    [{ header: "Plant", html: true }, ...(showRegion ? [{ header: "Region" }] : []), { header: "Stage" }, { header: "Capacity, t/yr", align: "right" as const }, { header: "Added" },
      { header: "First output" }, { header: "Made", align: "right" as const }, ...(vsBase ? [{ header: "vs baseline, t", align: "right" as const }] : []), { header: "Use", align: "right" as const }],
    plants.map((x) => [
      `${escapeHtml(x.name)}<span class="id">${escapeHtml(x.facility)}</span>`, ...(showRegion ? [x.region] : []), x.stage, formatTonnes(x.capacityTonnesPerYear), addedChangeText(x),
      addedFirstOutputText(x), `${formatTonnes(x.outputTonnes)} ${x.unit}`, ...(vsBase ? [signedTonnes(x.outputTonnes - (x.baselineOutputTonnes ?? 0))] : []), addedUseText(x),
    ]),
    { key, caption: `${plants.length === 1 ? "1 mine or plant" : `${plants.length} mines and plants`} the scenario adds or brings forward, ${w.trimmed ? w.label : "over the run"}, in chain order` },
  );
  const note = `<p class="plant-note">${escapeHtml(addedPlantsNote(report))}</p>`;
  const stageList = stages.length === 0 || report.baselineName === undefined ? ""
    : `<h3>Added supply, or displaced the incumbents?</h3>\n<p class="plant-note">Each region's stage, all its plants, against ${escapeHtml(report.baselineName)} (t of product).</p>\n<ul class="added-stages" data-list="${escapeHtml(key)}-stages">${stages.map((x) => `<li>${escapeHtml(addedStageText(x))}.</li>`).join("")}</ul>`;
  const why = (title: string, low: boolean) => {
    const items = plants.filter((x) => (x.lowUse === true) === low && x.reasons.length > 0).flatMap((x) => addedReasonLines(x).map((line) =>
      `<li><strong>${escapeHtml(x.name)}</strong> (${escapeHtml(addedUseText(x))}): ${escapeHtml(line.head)}${line.details.length > 0 ? `:<ul>${line.details.map((d) => `<li>${escapeHtml(d)}.</li>`).join("")}</ul>` : "."}</li>`));
    return items.length === 0 ? "" : `<h3>${escapeHtml(title)}</h3>\n<ul class="added-why" data-list="${escapeHtml(key)}-${low ? "why-low" : "still-lacked"}">${items.join("")}</ul>`;
  };
  return [note, table, stageList, why(`Why below ${LOW_USE_SHARE_TEXT} of capacity, as the model knows it`, true), why("Running, but what its region still lacked", false)].filter((x) => x !== "").join("\n");
}
