/**
 * @module web/lib/plant-shortfalls
 * The dashboard's "Plants that stop or fall short" table from `report.plantShortfalls`: its caption, how to read it, and
 * each row's cells in the words the terminal and the HTML report use (`src/report/plant-shortfalls-text`). Computes no
 * model figures.
 */
import type { PlantShortfall, RunReport } from "../../../src/analysis/report-model.js";
import { formatShare, formatTonnes } from "../../../src/report/number-format.js";
import { facilityCount, firstText, plantsAgainstBaseline, plantShortfallNote, plantShortfallRule, shortOfText, worstText } from "../../../src/report/plant-shortfalls-text.js";
import { reportWindow } from "../../../src/report/report-window.js";

/** One row of the table: the cells as shown, and the facility's month-by-month share lost for its strip. */
export interface PlantRow {
  readonly facility: string;
  readonly name: string;
  readonly region: string;
  readonly stage: string;
  /** "2026-12", or "since 2026-08" when the spell began before the report's window. */
  readonly from: string;
  /** "2027-04 42%". */
  readonly worst: string;
  /** "Dy, Tb", or "–" when it made less for another reason (fewer orders). */
  readonly shortOf: string;
  /** "1,234 t REO". */
  readonly lost: string;
  /** Output lost as a share of the reference (baseline output or capacity), "12%". */
  readonly lostShare: string;
  /** Months in the window more than 10 % short. */
  readonly monthsShort: number;
  readonly shareLostByMonth: readonly number[];
}

/** The table of one run: undefined for a report saved before plant figures existed. */
export interface PlantTable {
  /** "35 mines and plants more than 10 % below their output in the baseline run in a month, largest loss first". */
  readonly caption: string;
  /** How to read it, as the terminal and the HTML report say it. */
  readonly note: string;
  /** Heading of the last column as the note names it ("of base", "of cap."), and what it means. */
  readonly shareHeader: string;
  readonly shareTitle: string;
  /** Shown when no facility fell short. */
  readonly empty: string;
  /** Largest loss first, as the report orders them. */
  readonly rows: readonly PlantRow[];
}

/** The plant table of a report, or undefined when the report has no plant figures. */
export function plantTable(report: RunReport): PlantTable | undefined {
  const shortfalls = report.plantShortfalls;
  if (shortfalls === undefined) return undefined;
  const w = reportWindow(report);
  const baseline = plantsAgainstBaseline(report);
  const reference = baseline ? "its output in the baseline run" : "its capacity while its stage was short of input";
  return {
    caption: `${facilityCount(shortfalls.length)} ${plantShortfallRule(report)}${w.trimmed ? `, ${w.label}` : ""}, largest loss first`,
    note: plantShortfallNote(report),
    shareHeader: baseline ? "of base" : "of cap.",
    shareTitle: baseline ? "Output lost as a share of its baseline output over the window" : "Output lost as a share of its capacity in the months counted",
    empty: `No mine or plant made more than 10 % less than ${reference} ${w.trimmed ? `in ${w.label}` : "in any month of the run"}.`,
    rows: shortfalls.map(plantRow),
  };
}

function plantRow(x: PlantShortfall): PlantRow {
  return {
    facility: x.facility, name: x.name, region: x.region, stage: x.stage,
    from: firstText(x), worst: worstText(x), shortOf: shortOfText(x),
    lost: `${formatTonnes(x.lostTonnes)} ${x.unit}`, lostShare: formatShare(x.lostShare), monthsShort: x.monthsShort, shareLostByMonth: x.shareLostByMonth,
  };
}

/** A run of months of a strip drawn as one bar: month indexes `[start, end)` and the share lost in tenths (1–10). */
export interface StripBar {
  readonly start: number;
  readonly end: number;
  readonly tenths: number;
}

/** The bars of a facility's month strip: runs of months that lost the same tenth, as the HTML report draws them. */
export function stripBars(shareLostByMonth: readonly number[]): StripBar[] {
  // A month that lost anything shows at least one tenth.
  const tenth = (share: number) => (share > 0 ? Math.max(1, Math.round(share * 10)) : 0);
  const bars: StripBar[] = [];
  for (let m = 0; m < shareLostByMonth.length;) {
    const tenths = tenth(shareLostByMonth[m] ?? 0);
    let end = m + 1;
    while (end < shareLostByMonth.length && tenth(shareLostByMonth[end] ?? 0) === tenths) end++;
    if (tenths > 0) bars.push({ start: m, end, tenths });
    m = end;
  }
  return bars;
}
