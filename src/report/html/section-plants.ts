/**
 * @module report/html/section-plants
 * Section "Plants that stop or fall short": each mine and plant that made well below its baseline output (or its
 * capacity while its stage was short of input), with a strip of the months it was short, its first and worst month,
 * the elements its stage lacked and the output it lost. Lays out `report.plantShortfalls`; computes nothing.
 */
import type { PlantShortfall, RunReport } from "../report-model.js";
import { formatShare, formatTonnes } from "../number-format.js";
import { facilityCount, firstText, plantsAgainstBaseline, plantShortfallNote, plantShortfallRule, shortOfText, worstText } from "../plant-shortfalls-text.js";
import { reportWindow } from "../report-window.js";
import { escapeHtml } from "./escape.js";
import { emptyMessage, renderHtmlTable } from "./tables.js";

/** Rows shown before the rest are counted in a note. */
const MAX_PLANT_ROWS = 30;
/** Size of a row's month strip, px. */
const STRIP_WIDTH_PX = 180;
const STRIP_HEIGHT_PX = 14;

/** Styles of the section's month strips (added to the page with the section). */
export const PLANT_CSS = `
svg.strip { display: block; margin-top: 3px; }
td .id { display: block; font-size: 12px; color: var(--muted); }
table[data-table$="plant-shortfalls"] td { white-space: nowrap; }
table[data-table$="plant-shortfalls"] td:first-child { white-space: normal; min-width: 15em; }
p.plant-note { font-size: 13.5px; color: var(--muted); max-width: 100ch; margin: 0 0 8px; }`;

/**
 * A strip of the run's months: red where the facility made more than 10 % less, darker the larger the share (runs of
 * months of the same tenth drawn as one bar), the months before the window shaded.
 */
export function monthStrip(x: PlantShortfall, monthLabels: readonly string[], windowFrom: string): string {
  const months = x.shareLostByMonth.length;
  if (months === 0) return "";
  const step = STRIP_WIDTH_PX / months;
  const before = Math.max(0, monthLabels.indexOf(windowFrom));
  const bars: string[] = [];
  const tenth = (share: number) => (share > 0 ? Math.max(1, Math.round(share * 10)) : 0);
  for (let m = 0; m < months;) {
    const level = tenth(x.shareLostByMonth[m] ?? 0);
    let end = m + 1;
    while (end < months && tenth(x.shareLostByMonth[end] ?? 0) === level) end++;
    if (level > 0) bars.push(`<rect x="${(m * step).toFixed(1)}" width="${((end - m) * step).toFixed(1)}" height="${STRIP_HEIGHT_PX}" fill="#b2382c" fill-opacity="${(0.3 + 0.07 * level).toFixed(2)}"/>`);
    m = end;
  }
  const shade = before > 0 ? `<rect width="${(before * step).toFixed(1)}" height="${STRIP_HEIGHT_PX}" fill="#5a6472" fill-opacity="0.18"/>` : "";
  // A faint tick at each January after the first month, under the bars.
  const ticks = monthLabels.flatMap((label, m) => (m > 0 && m < months && label.endsWith("-01") ? [`<rect x="${(m * step).toFixed(1)}" width="0.6" height="${STRIP_HEIGHT_PX}" fill="#8a93a0"/>`] : [])).join("");
  const label = `${x.monthsShort} month${x.monthsShort === 1 ? "" : "s"} short from ${x.firstMonth}; worst ${worstText(x)}`;
  return `<svg class="strip" width="${STRIP_WIDTH_PX}" height="${STRIP_HEIGHT_PX}" viewBox="0 0 ${STRIP_WIDTH_PX} ${STRIP_HEIGHT_PX}" role="img" aria-label="${escapeHtml(label)}">`
    + `<rect width="${STRIP_WIDTH_PX}" height="${STRIP_HEIGHT_PX}" fill="#f0f2f5"/>${shade}${ticks}${bars.join("")}</svg>`;
}

/** Options of `renderPlantTable`. */
export interface PlantTableOptions {
  /** `data-table` key. */
  readonly key: string;
  readonly caption: string;
  /** A region column (off in one region's view). @default true */
  readonly showRegion?: boolean;
}

/** The table of plants that stop or fall short, largest loss first. */
export function renderPlantTable(report: RunReport, rows: readonly PlantShortfall[], { key, caption, showRegion = true }: PlantTableOptions): string {
  const w = reportWindow(report);
  const baseline = plantsAgainstBaseline(report);
  const first = reportWindow(report).runStart.slice(0, 4);
  const last = (report.monthLabels[report.monthLabels.length - 1] ?? w.to).slice(0, 4);
  return renderHtmlTable(
    [{ header: "Plant", html: true }, ...(showRegion ? [{ header: "Region" }] : []), { header: "Stage" }, { header: `Months short, ${first === last ? first : `${first}–${last}`}`, html: true },
      { header: "From" }, { header: "Worst month" }, { header: "Short of" }, { header: "Output lost", align: "right" },
      { header: baseline ? "Of baseline" : "Of capacity", align: "right" }],
    rows.map((x) => [
      `${escapeHtml(x.name)}<span class="id">${escapeHtml(x.facility)}</span>`, ...(showRegion ? [x.region] : []), x.stage,
      monthStrip(x, report.monthLabels, w.from), firstText(x), worstText(x), shortOfText(x), `${formatTonnes(x.lostTonnes)} ${x.unit}`, formatShare(x.lostShare),
    ]),
    { key, caption, maxRows: MAX_PLANT_ROWS, moreLabel: "smaller losses" },
  );
}

/** Body of the section: how to read it, then the table; or a message when no facility fell short. */
export function renderPlantSection(report: RunReport): string {
  const rows = report.plantShortfalls ?? [];
  const w = reportWindow(report);
  const within = w.trimmed ? `in ${w.label}` : "in any month of the run";
  if (rows.length === 0) {
    const reference = plantsAgainstBaseline(report) ? "its output in the baseline run" : "its capacity while its stage was short of input";
    return emptyMessage("plant-shortfalls", `No mine or plant made more than 10 % less than ${reference} ${within}.`);
  }
  const note = `<p class="plant-note">${escapeHtml(plantShortfallNote(report))} The strip shows the whole run, darker for a larger share lost${w.trimmed ? `, the months before ${escapeHtml(w.from)} shaded` : ""}.</p>`;
  return `${note}\n${renderPlantTable(report, rows, { key: "plant-shortfalls", caption: `${facilityCount(rows.length)} ${plantShortfallRule(report)}${w.trimmed ? `, ${w.label}` : ""}, largest loss first` })}`;
}
