/**
 * @module report/made-here-text
 * Wording of the "Made here, short here" diagnosis, shared by the terminal, the HTML report and the region view: the
 * form that left, the shortage it coincided with, and the reason as a sentence. Computes no model figures.
 */
import type { MadeHereReason, MadeHereShortHere } from "../analysis/report-model.js";
import { formatShare, formatTonnes } from "./number-format.js";
import { destinationsText } from "./region-outputs.js";
import { renderTextTable, wrapText } from "./text-table.js";

/** What each stage's output is called. */
const OUTPUT_FORM: Readonly<Record<string, string>> = { mine: "concentrate", separation: "oxide", metal: "metal", magnet: "magnets" };

/** "Dy oxide", "Nd concentrate". */
export function madeHereOutputText(row: Pick<MadeHereShortHere, "element" | "stage">): string {
  return `${row.element} ${OUTPUT_FORM[row.stage] ?? row.stage}`;
}

/** "2026-06→2028-04 (23)" (one month: "2027-03 (1)"): the first and last of the row's months, and how many. */
export function madeHereMonthsText(row: Pick<MadeHereShortHere, "firstMonth" | "lastMonth" | "shortMonths">): string {
  return `${row.firstMonth === row.lastMonth ? row.firstMonth : `${row.firstMonth}→${row.lastMonth}`} (${row.shortMonths})`;
}

/** "final demand 142, magnet plants 41" (brief: "use 142, magnet 41"): the region's shortfall by stage in those months, t. */
export function madeHereShortText(row: Pick<MadeHereShortHere, "shortBy">, { brief = false } = {}): string {
  const label = (stage: string) => (brief ? stage : stage === "use" ? "final demand" : `${stage} plants`);
  // Shortfalls that round to 0.0 t say nothing.
  const shown = row.shortBy.filter((x) => x.tonnes >= 0.05);
  return shown.length === 0 ? "–" : shown.map((x) => `${label(x.stage)} ${formatTonnes(x.tonnes)}`).join(", ");
}

/** The plants of the stage that takes an output at home, in words: "Dy metal plant(s)", "plant(s) that separate(s) Dy", "magnet plant(s)". */
export function nextPlants(nextStage: string, element: string, { plural = true } = {}): string {
  if (nextStage === "separation") return plural ? `plants that separate ${element}` : `plant that separates ${element}`;
  const name = nextStage === "metal" ? `${element} metal plant` : `${nextStage} plant`;
  return plural ? `${name}s` : name;
}

/** What the stage that takes an output at home turns it into, abroad instead: "made into metal abroad". */
const DONE_ABROAD: Readonly<Record<string, string>> = { separation: "separated abroad", metal: "made into metal abroad", magnet: "made into magnets abroad" };

/**
 * The reason as a sentence, e.g. "EU has no Dy metal plant: its Dy oxide must be made into metal abroad, and nothing
 * in EU uses Dy oxide as it is".
 */
export function madeHereReasonText(row: MadeHereShortHere): string {
  const reason: MadeHereReason = row.reason;
  const { region, element } = row;
  const output = madeHereOutputText(row);
  const homeUse = row.homeUseTonnes >= 0.5 ? `; at home only its ${output} users buy it (${formatTonnes(row.homeUseTonnes)} t in those months)` : row.stage === "mine" ? "" : `, and nothing in ${region} uses ${output} as it is`;
  switch (reason.code) {
    case "no_plant":
      return `${region} has no ${nextPlants(reason.nextStage, element, { plural: false })}: its ${output} must be ${DONE_ABROAD[reason.nextStage] ?? "processed abroad"}${homeUse}`;
    case "plants_idle":
      return `${region}'s ${nextPlants(reason.nextStage, element)} had no capacity in those months (stopped): its ${output} was ${DONE_ABROAD[reason.nextStage] ?? "processed abroad"}${homeUse}`;
    case "plants_not_started":
      return `${region}'s ${nextPlants(reason.nextStage, element)} had not started (first output ${reason.firstMonth}): its ${output} was ${DONE_ABROAD[reason.nextStage] ?? "processed abroad"}${homeUse}`;
    case "shared_abroad": {
      const who = reason.nextStage === "use" ? "its final users" : reason.nextStage === "separation" ? `its ${nextPlants("separation", element)}` : `its home buyers of ${output} (${nextPlants(reason.nextStage, element)} or users of ${output})`;
      // Concentrate also leaves first under integrated producers' captive links and offtake contracts (docs/model.md §9).
      const contracts = row.stage === "mine" ? "; integrated producers' own plants and offtake contracts abroad are served before both" : "";
      return `${who} were short too: home buyers take first only ${formatShare(reason.domesticPriorityShare)} of what they ask (domestic priority), and the rest is shared with foreign buyers in proportion to what each asks${contracts}`;
    }
    case "plants_full":
      return `its ${reason.nextStage} plants were full (${formatShare(reason.utilisationShare)} of capacity): there was no room at home to use more`;
    case "not_ordered":
      return `its ${reason.nextStage} plants were not short of ${output} and had room (${formatShare(reason.utilisationShare)} of capacity used), but buyers ordered little ${element} from them (buyers spread their orders over every maker in proportion to what each offers): the shortage lay further down the chain`;
  }
}

/** Rows the terminal shows at most. */
const MAX_TEXT_ROWS = 8;

/**
 * The terminal section, or undefined when there is no row: a table of what left and what was short, then each row's
 * reason. `over` names the window ("over the run", "2025-10 – 2029-12").
 */
export function renderMadeHereText(rows: readonly MadeHereShortHere[], { over }: { readonly over: string }): string | undefined {
  if (rows.length === 0) return undefined;
  const shown = rows.slice(0, MAX_TEXT_ROWS);
  const title = `Made here, short here: output that left while its own region was short of the element (${over}; in the months a later stage or final demand of the region was short and some of it left; t of element content, shipped counted when licences clear; short here: use = final demand unmet, separation/metal/magnet = production lost)`;
  const table = renderTextTable(
    [{ header: "region" }, { header: "what left" }, { header: "months" }, { header: "made t", align: "right" }, { header: "shipped t", align: "right" }, { header: "short here t", maxWidth: 30 }],
    shown.map((x) => [x.region, madeHereOutputText(x), madeHereMonthsText(x), formatTonnes(x.madeTonnes), formatTonnes(x.shippedTonnes), madeHereShortText(x, { brief: true })]),
  );
  const why = shown.map((x) => `  ${wrapText(`- ${x.region} ${madeHereOutputText(x)} (to ${destinationsText(x)}): ${madeHereReasonText(x)}.`, 98, 4)}`).join("\n");
  const more = rows.length > shown.length ? `\n  ${rows.length - shown.length} smaller row${rows.length - shown.length === 1 ? "" : "s"} not shown; run.json (report.madeHereShortHere) has every row.` : "";
  return `${wrapText(title, 100, 2)}\n${table}\nWhy, as the model knows it:\n${why}${more}\n`;
}
