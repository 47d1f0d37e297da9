/**
 * @module report/added-plants-text
 * Wording of "Plants this scenario adds (or brings forward)", shared by the terminal, the HTML report and the region
 * view: what the scenario changed, each plant's reasons for running below capacity (the "Made here, short here" reasons,
 * reused), and its region's stage against the baseline. Reads a `RunReport`; computes no model figures.
 */
import type { AddedPlant, AddedPlantReason, AddedPlantStage, RunReport } from "../analysis/report-model.js";
import { ADDED_PLANT_LOW_USE_SHARE } from "../analysis/report-thresholds.js";
import { madeHereOutputText, madeHereReasonText, nextPlants } from "./made-here-text.js";
import { formatShare, formatTonnes } from "./number-format.js";
import { shortFacilityId } from "./plant-shortfalls-text.js";
import { destinationsText } from "./region-outputs.js";
import { reportWindow } from "./report-window.js";
import { renderTextTable, wrapText } from "./text-table.js";

/** Below this share of capacity a plant's reasons are given (as `analysis/added-plants` decides them). */
export const LOW_USE_SHARE_TEXT = `${Math.round(ADDED_PLANT_LOW_USE_SHARE * 100)} %`;

/** "Plants this scenario adds (or brings forward)". */
export const ADDED_PLANTS_TITLE = "Plants this scenario adds (or brings forward)";

/** Whether the section has anything to say: plants, or a new-capacity policy whose plant the reference already had. */
export function hasAddedPlantsSection(report: RunReport): boolean {
  return report.addedPlants !== undefined && (report.addedPlants.plants.length > 0 || report.timeline.some((t) => t.kind === "new-capacity"));
}

/** What the plants are measured against, in words: "October 2025 … (the baseline run)'s plants" or "the world's plants as the dataset has them". */
export function addedAgainstText(report: RunReport): string {
  return report.addedPlants?.reference === "baseline" && report.baselineName !== undefined ? `the plants of ${report.baselineName}` : "the world's plants as the dataset has them";
}

/** "new", "earlier (2029-10)", "larger (2,000)", "faster ramp", joined by "; ": in brackets, the reference's start month or capacity (t/yr). */
export function addedChangeText(x: AddedPlant): string {
  return x.changes.map((c) => c === "new" ? "new"
    : c === "earlier" ? `earlier (${x.referenceStartMonth ?? "never"})`
      : c === "larger" ? `larger (${formatTonnes(x.referenceCapacityTonnesPerYear ?? 0)})` : "faster ramp").join("; ");
}

/** "2027-01", or "none (planned 2031-06)" when it made nothing in the run, or "never". */
export function addedFirstOutputText(x: AddedPlant): string {
  return x.firstOutputMonth ?? (x.plannedStartMonth === undefined ? "never" : `none (from ${x.plannedStartMonth})`);
}

/** Its use once running: "55%", or "–" when it had no capacity in the window. */
export function addedUseText(x: AddedPlant): string {
  return x.utilisationShare === undefined ? "–" : formatShare(x.utilisationShare);
}

/** What a stage's input is called: separation takes concentrate, metal plants oxide, magnet plants metal. */
const INPUT_FORM: Readonly<Record<string, string>> = { mine: "concentrate", separation: "oxide", metal: "metal" };

/**
 * The head of a plant's input shortages: "EU's magnet plants lacked Gd, Tb and Dy metal in 84 of its 84 months
 * running" (the largest count), or undefined when its stage lacked nothing.
 */
export function addedShortHeadText(x: AddedPlant): string | undefined {
  const short = x.reasons.flatMap((r) => (r.code === "short_of_input" ? [r] : []));
  if (short.length === 0) return undefined;
  const elements = short.map((r) => r.element);
  const list = elements.length === 1 ? elements[0]! : `${elements.slice(0, -1).join(", ")} and ${elements[elements.length - 1]}`;
  return `${x.region}'s ${x.stage} plants lacked ${list} ${INPUT_FORM[short[0]!.inputStage] ?? "feed"} in ${Math.max(...short.map((r) => r.months))} of its ${x.monthsRunning} months running`;
}

/** One reason as a sentence a buyer reads, the shared "Made here, short here" wording where it applies (short of input: the element's why). */
export function addedReasonText(x: AddedPlant, reason: AddedPlantReason): string {
  switch (reason.code) {
    case "short_of_input": {
      const input = `${reason.element} ${INPUT_FORM[reason.inputStage] ?? "feed"}`;
      if (reason.upstream !== undefined) return `${reason.element}: ${x.region}'s ${madeHereOutputText(reason.upstream)} left (to ${destinationsText(reason.upstream)}); ${madeHereReasonText(reason.upstream)}`;
      if (!reason.homePlants) {
        const home = reason.inputStage === "mine" ? `no mine of ${reason.element}` : `no ${nextPlants(reason.inputStage, reason.element, { plural: false })}`;
        return `${reason.element}: ${x.region} has ${home}, so its ${input} must be imported, and imports did not cover it`;
      }
      return `${reason.element}: ${x.region}'s own ${input} and its imports did not cover it`;
    }
    case "output_left":
      return `${x.region}'s ${madeHereOutputText(reason.row)} left (to ${destinationsText(reason.row)}) while ${x.region} was short of it: ${madeHereReasonText(reason.row)}`;
    case "not_ordered":
      return "not short of input, but buyers ordered less than it could make (orders are spread over every maker in proportion to what each offers)";
  }
}

/** A plant's reasons as lines: the shortage head with each element's why under it, then the other reasons. */
export function addedReasonLines(x: AddedPlant): { readonly head: string; readonly details: readonly string[] }[] {
  const head = addedShortHeadText(x);
  const short = x.reasons.filter((r) => r.code === "short_of_input").map((r) => addedReasonText(x, r));
  const other = x.reasons.filter((r) => r.code !== "short_of_input").map((r) => ({ head: addedReasonText(x, r), details: [] }));
  return [...(head === undefined ? [] : [{ head, details: short }]), ...other];
}

/**
 * A region's stage against the baseline, in words: "EU magnet: 58,959 t magnet, +24,777 t against the baseline; the
 * added plants made +26,457 t, so the other plants made 1,680 t less (displaced)".
 */
export function addedStageText(x: AddedPlantStage): string {
  const change = x.outputTonnes - x.baselineOutputTonnes;
  const others = change - x.addedPlantsExtraTonnes;
  const signed = signedTonnes;
  const rest = Math.abs(others) < 0.5 ? "the other plants about the same"
    : others < 0 ? `so the other plants made ${formatTonnes(-others)} t less (displaced)` : `and the other plants ${formatTonnes(others)} t more`;
  // Added plants that made less than in the baseline (brought forward, then starved of feed) say so in words.
  const added = x.addedPlantsExtraTonnes < 0
    ? `the added plants made ${formatTonnes(-x.addedPlantsExtraTonnes)} t less than there themselves`
    : `the added plants made ${signed(x.addedPlantsExtraTonnes)} t of that`;
  return `${x.region} ${x.stage}: ${formatTonnes(x.outputTonnes)} ${x.unit}, ${signed(change)} t against the baseline; ${added}, ${rest}`;
}

/** How to read the table, in one paragraph. */
export function addedPlantsNote(report: RunReport): string {
  const base = report.baselineName !== undefined && (report.addedPlants?.plants ?? []).some((x) => (x.baselineOutputTonnes ?? 0) > 0);
  return `Mines and plants the scenario adds, starts sooner, enlarges or ramps faster against ${addedAgainstText(report)}. `
    + "Added: new, or earlier / larger than there (in brackets, its start month or capacity there). Capacity: nameplate t/yr (separation: t REO of feed). Made: its output, t of its product (concentrate or oxide: t REO; metal; finished magnet)"
    + `${base ? "; vs base: what the same plant made more (+) or less (−) than in the baseline run" : ""}. Use: its load over its capacity from its first output on (ramp included). `
    + `Below ${LOW_USE_SHARE_TEXT}, the reasons the model knows follow the table, and for the others what their region still lacked.`;
}

/** Rows the terminal shows. */
const TERMINAL_ROWS = 12;
const WIDTH = 100;

/** The terminal section, or undefined when it has nothing to say (`hasAddedPlantsSection`). */
export function renderAddedPlantsText(report: RunReport, { region }: { readonly region?: string | undefined } = {}): string | undefined {
  if (!hasAddedPlantsSection(report)) return undefined;
  const added = report.addedPlants!;
  const w = reportWindow(report);
  const rows = added.plants;
  const shown = rows.slice(0, TERMINAL_ROWS);
  const heading = `${ADDED_PLANTS_TITLE}${w.trimmed ? `, ${w.label}` : ", over the run"} — ${rows.length === 1 ? "1 mine or plant" : `${rows.length} mines and plants`}`
    + (shown.length < rows.length ? `; shown: ${shown.length} (all in run.json: report.addedPlants)` : "");
  if (rows.length === 0) {
    return `${wrapText(heading, WIDTH, 2)}\n  ${wrapText(`none: the scenario's new capacity adds nothing${region === undefined ? "" : ` in ${region}`} against ${addedAgainstText(report)}`, WIDTH - 2, 2)}\n`;
  }
  const vsBase = report.baselineName !== undefined && rows.some((x) => (x.baselineOutputTonnes ?? 0) > 0);
  const table = renderTextTable(
    [{ header: "plant", maxWidth: 20, wrap: true }, { header: "region" }, { header: "stage" }, { header: "t/yr", align: "right" }, { header: "added", maxWidth: 17, wrap: true },
      { header: "first out" }, { header: "made t", align: "right" }, ...(vsBase ? [{ header: "vs base", align: "right" as const }] : []), { header: "use", align: "right" }],
    shown.map((x) => [shortFacilityId(x.facility), x.region, x.stage, formatTonnes(x.capacityTonnesPerYear), addedChangeText(x), addedFirstOutputText(x), formatTonnes(x.outputTonnes),
      ...(vsBase ? [signedTonnes(x.outputTonnes - (x.baselineOutputTonnes ?? 0))] : []), addedUseText(x)]),
  );
  const parts = [wrapText(heading, WIDTH, 2), wrapText(addedPlantsNote(report), WIDTH, 2), table];
  if (added.stages.length > 0 && report.baselineName !== undefined) {
    parts.push(wrapText(`Added supply, or displaced the incumbents? Each region's stage, all its plants, against ${report.baselineName} (t of product):`, WIDTH, 2));
    parts.push(...added.stages.map((x) => `  ${wrapText(`- ${addedStageText(x)}.`, WIDTH - 2, 4)}`));
  }
  const reasons = (title: string, plants: readonly AddedPlant[]) => {
    if (plants.length === 0) return;
    parts.push(title);
    for (const x of plants) {
      for (const line of addedReasonLines(x)) {
        parts.push(`  ${wrapText(`- ${shortFacilityId(x.facility)} (${addedUseText(x)}): ${line.head}${line.details.length > 0 ? ":" : "."}`, WIDTH - 2, 4)}`);
        parts.push(...line.details.map((d) => `      ${wrapText(`${d}.`, WIDTH - 6, 2).replace(/\n/g, "\n      ")}`));
      }
    }
  };
  reasons(`Why below ${LOW_USE_SHARE_TEXT} of capacity, as the model knows it:`, shown.filter((x) => x.lowUse === true && x.reasons.length > 0));
  reasons("Running, but what its region still lacked:", shown.filter((x) => x.lowUse !== true && x.reasons.length > 0));
  return `${parts.join("\n")}\n`;
}

/** "+1,234" or "−56" (terminal and HTML alike). */
export function signedTonnes(t: number): string {
  return Math.abs(t) < 0.05 ? "0" : `${t < 0 ? "−" : "+"}${formatTonnes(Math.abs(t))}`;
}
