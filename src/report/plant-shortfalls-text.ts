/**
 * @module report/plant-shortfalls-text
 * The wording of the "Plants that stop or fall short" table, shared by the terminal and the HTML report: its heading,
 * how to read it, and each row's cells. Reads a `RunReport`; computes no model figures.
 */
import type { PlantShortfall, RunReport } from "./report-model.js";
import { formatShare, formatTonnes } from "./number-format.js";
import { reportWindow } from "./report-window.js";
import { renderTextTable, wrapText } from "./text-table.js";

/** Rows the terminal shows; the HTML report shows more. */
const TERMINAL_ROWS = 12;

/** Whether the report's plant figures are measured against a baseline run (else against capacity): one rule for every view. */
export function plantsAgainstBaseline(report: RunReport): boolean {
  const rows = report.plantShortfalls ?? [];
  return rows.length > 0 ? rows[0]!.basis === "baseline" : report.baselineName !== undefined;
}

/** The heading's rule: "more than 10 % below their baseline output in a month", or below capacity while short of input. */
export function plantShortfallRule(report: RunReport): string {
  return plantsAgainstBaseline(report)
    ? "more than 10 % below their output in the baseline run in a month"
    : "more than 10 % below capacity in a month their stage was short of input; no baseline run to compare with";
}

/** How to read the table, in one paragraph. */
export function plantShortfallNote(report: RunReport): string {
  const reference = plantsAgainstBaseline(report)
    ? `Output lost against ${report.baselineName ?? "the baseline run"} in the months a facility made more than 10 % less, t of its product (concentrate or oxide: t REO; metal; finished magnet); "of base": of its baseline output over the window.`
    : `Output below capacity in the months a facility's stage was short of input and it made more than 10 % less, t of its product (concentrate or oxide: t REO; metal; finished magnet); "of cap.": of its capacity in those months.`;
  return `${reference} Worst: the month it made the largest share less (100 %: nothing). Short of: the elements its region's plants of that stage lacked input for then (–: less was ordered from it). `
    + "A region's plants of a stage share its input stock and fall short together; magnets count element content, so a plant short of Dy still makes its Nd and Pr content.";
}

/** "1 mine or plant", "35 mines and plants". */
export function facilityCount(n: number): string {
  return n === 1 ? "1 mine or plant" : `${n} mines and plants`;
}

/** "2027-04 42%". */
export function worstText(x: PlantShortfall): string {
  return `${x.worstMonth} ${formatShare(x.worstShare)}`;
}

/** "2025-08", or "since 2025-06" when the spell began before the window. */
export function firstText(x: PlantShortfall): string {
  return x.beganMonth === undefined ? x.firstMonth : `since ${x.beganMonth}`;
}

/** "Dy, Tb" or "–". */
export function shortOfText(x: PlantShortfall): string {
  return x.shortOf.length === 0 ? "–" : x.shortOf.join(", ");
}

/** The id without its type prefix: `plant:vac-hanau` → `vac-hanau`. */
export function shortFacilityId(id: string): string {
  return id.replace(/^(plant|mine):/, "");
}

/** The terminal section: heading, note and the largest losses, or a line saying there were none. */
export function renderPlantShortfallText(report: RunReport, { region }: { readonly region?: string | undefined } = {}): string {
  const rows = report.plantShortfalls ?? [];
  const w = reportWindow(report);
  const shown = rows.slice(0, TERMINAL_ROWS);
  const heading = `Plants that stop or fall short (${plantShortfallRule(report)})${w.trimmed ? `, ${w.label}` : ""} — ${facilityCount(rows.length)}`
    + (shown.length < rows.length ? `; shown: the ${shown.length} largest losses (all in index.html and run.json${region === undefined ? "; --region ID for one region's" : ""})` : "");
  const body = rows.length === 0
    ? `  none: every mine and plant${region === undefined ? "" : ` in ${region}`} made within 10 % of its ${plantsAgainstBaseline(report) ? "baseline output" : "capacity while short of input"} in every month${w.trimmed ? ` of ${w.label}` : ""}`
    : `${wrapText(plantShortfallNote(report), WIDTH, 2)}\n${plantTable(report, shown)}`;
  return `${wrapText(heading, WIDTH, 2)}\n${body}\n`;
}

/** Columns the terminal's tables fit in. */
const WIDTH = 100;
/** Least widths of the two wrapping columns, and what "short of" gets before the plant column takes the rest. */
const PLANT_MIN = 12;
const SHORT_OF_MIN = "short of".length;
const SHORT_OF_TARGET = 12;

/**
 * The table of the terminal section, within `WIDTH` columns: the other columns take what their cells need, and the plant
 * id and "short of" share the rest, each continued on the row's next lines rather than cut (ids up to 41 characters,
 * "short of" up to every element a separation plant handles).
 */
function plantTable(report: RunReport, shown: readonly PlantShortfall[]): string {
  const headers = ["plant", "region", "stage", "from", "worst month", "short of", "lost", plantsAgainstBaseline(report) ? "of base" : "of cap."];
  const rows = shown.map((x) => [shortFacilityId(x.facility), x.region, x.stage, firstText(x), worstText(x), shortOfText(x), `${formatTonnes(x.lostTonnes)} ${x.unit}`, formatShare(x.lostShare)]);
  const need = (i: number) => Math.max(headers[i]!.length, ...rows.map((r) => r[i]!.length));
  const fixed = [1, 2, 3, 4, 6, 7].reduce((t, i) => t + need(i), 0);
  const rest = WIDTH - fixed - 2 * (headers.length - 1);
  const plantWidth = Math.max(PLANT_MIN, Math.min(need(0), rest - Math.max(SHORT_OF_MIN, Math.min(need(5), SHORT_OF_TARGET))));
  const shortOfWidth = Math.max(SHORT_OF_MIN, rest - plantWidth);
  return renderTextTable(
    headers.map((header, i) => ({
      header, ...(i >= 6 ? { align: "right" as const } : {}),
      ...(i === 0 ? { maxWidth: plantWidth, wrap: true } : i === 5 ? { maxWidth: shortOfWidth, wrap: true } : {}),
    })),
    rows,
  );
}
