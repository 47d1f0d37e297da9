/**
 * @module web/lib/series-explorer
 * The series explorer's logic, pure: what a choice of variable, elements, regions and stage may
 * be given what the run holds (`SeriesDimensions`), the query it sends, the month lines it draws
 * (one per chosen element × region, summed over what is not chosen) and the CSV of its rows.
 */
import type { SeriesDimensions, SeriesResponse, SeriesVariableHeld } from "../../../src/model/api.js";
import { toTidyCsv } from "../../../src/report/file-formats.js";
import { formatUsdMillions } from "../../../src/report/number-format.js";
import { formatTonnes, formatUnits, formatUsdPerKg, pluralUnit } from "./format.js";

/** What the explorer shows. Empty `element`/`region` and `stage` "" mean summed over all the variable holds. */
export interface SeriesSelection {
  readonly variable: string;
  readonly element: readonly string[];
  readonly region: readonly string[];
  readonly stage: string;
  /** Inclusive months (`YYYY-MM`); undefined: the run's first or last month. */
  readonly from: string | undefined;
  readonly to: string | undefined;
}

/** The first query: Nd production at separation, every region summed — bounded by one variable and element. */
export const DEFAULT_SELECTION: SeriesSelection = { variable: "production", element: ["Nd"], region: [], stage: "separation", from: undefined, to: undefined };

/** Elements offered first when a variable needs one, in this order. */
const PREFERRED_ELEMENTS = ["Nd", "Dy", "Tb", "Pr"];

/** Variables whose tonnes pass every stage (the same Nd is mined, then separated…): summing stages counts them again. */
const STAGE_CHAINED_VARIABLES = new Set(["production", "shortfall"]);
/** Variables that are levels at month end, not flows per month. */
const STOCK_VARIABLES = new Set(["stock-working", "stock-strategic"]);

/** What each variable is called in the picker. */
export const VARIABLE_TITLES: Readonly<Record<string, string>> = {
  production: "production", imports: "imports", exports: "exports", "final-use": "final use", shortfall: "shortfall",
  "stock-working": "working stock", "stock-strategic": "strategic stock", price: "price", "magnets-produced": "magnets produced",
  "end-products-lost": "end products lost", "tariff-paid": "import duty paid", "price-floor-payments": "price-floor top-ups",
};

/** Whether values of the variable add up over elements and regions (tonnes and money do; prices do not). */
export function isAdditive(held: Pick<SeriesVariableHeld, "units">): boolean {
  return held.units.every((u) => !u.includes("/"));
}

/** Whether the explorer may sum the variable over its stages: not for chained flows, nor across units. */
export function canSumStages(held: Pick<SeriesVariableHeld, "variable" | "units">): boolean {
  return held.units.length === 1 && !STAGE_CHAINED_VARIABLES.has(held.variable) && isAdditive(held);
}

/** A region as a reader says it: `market:ex-china` → "ex-China market"; countries keep their code. */
export function regionTitle(region: string): string {
  if (region === "market:china-domestic") return "China market";
  if (region === "market:ex-china") return "ex-China market";
  return region;
}

/** A variable in the picker: its title and unit; "end products lost (by sector)" when units differ. */
export function variableOptionTitle(held: Pick<SeriesVariableHeld, "variable" | "units">): string {
  const title = VARIABLE_TITLES[held.variable] ?? held.variable;
  return `${title} (${held.units.length === 1 ? held.units[0] : "by sector"})`;
}

/**
 * The selection made to fit the variable: values the variable does not hold are dropped; a choice
 * that cannot be summed (price over markets, production over stages) gets a default instead of "all".
 */
export function fitSelection(selection: SeriesSelection, dimensions: SeriesDimensions): SeriesSelection {
  const held = dimensions.held.find((h) => h.variable === selection.variable) ?? dimensions.held[0];
  if (held === undefined) return selection;
  const keep = (chosen: readonly string[], offered: readonly string[]) => chosen.filter((v) => offered.includes(v));
  let element = keep(selection.element, held.element);
  if (element.length === 0 && held.element.length > 0 && (!isAdditive(held) || selection.element.length > 0)) {
    element = [PREFERRED_ELEMENTS.find((e) => held.element.includes(e)) ?? held.element[0] ?? ""];
  }
  let region = keep(selection.region, held.region);
  if (region.length === 0 && !isAdditive(held)) region = [...held.region];
  let stage = held.stage.includes(selection.stage) ? selection.stage : "";
  if (stage === "" && held.stage.length > 1 && !canSumStages(held)) stage = held.stage[0] ?? "";
  const inRun = (m: string | undefined) => (m !== undefined && dimensions.months.includes(m) ? m : undefined);
  return { variable: held.variable, element, region, stage, from: inRun(selection.from), to: inRun(selection.to) };
}

/** The query string of GET /api/runs/:id/series for a selection (filters left out mean all). */
export function seriesQueryString(selection: SeriesSelection): string {
  const query = new URLSearchParams({ variable: selection.variable });
  if (selection.element.length > 0) query.set("element", selection.element.join(","));
  if (selection.region.length > 0) query.set("region", selection.region.join(","));
  if (selection.stage !== "") query.set("stage", selection.stage);
  if (selection.from !== undefined) query.set("from", selection.from);
  if (selection.to !== undefined) query.set("to", selection.to);
  return query.toString();
}

/** One line of the explorer's chart. */
export interface ExplorerLine {
  /** `Nd · CN`; the variable's total when nothing splits it. */
  readonly name: string;
  readonly element: string | undefined;
  readonly region: string | undefined;
  /** One value per month of `months`; months without rows are 0 (tidy rows leave zeros out). */
  readonly values: readonly number[];
}

/** Month lines of the rows: one per chosen element × region, summed over what is not chosen. */
export function explorerLines(rows: SeriesResponse["rows"], selection: SeriesSelection, months: readonly string[]): ExplorerLine[] {
  const monthIndex = new Map(months.map((m, i) => [m, i]));
  const byElement = selection.element.length > 0;
  const byRegion = selection.region.length > 0;
  const lines = new Map<string, { element: string | undefined; region: string | undefined; values: number[] }>();
  for (const [month, element, region, , , , value] of rows) {
    const m = monthIndex.get(month);
    if (m === undefined) continue;
    const key = `${byElement ? element : ""}|${byRegion ? region : ""}`;
    let line = lines.get(key);
    if (line === undefined) {
      line = { element: byElement ? element : undefined, region: byRegion ? region : undefined, values: months.map(() => 0) };
      lines.set(key, line);
    }
    line.values[m] = (line.values[m] ?? 0) + value;
  }
  // Chosen order: elements as picked, then regions as picked.
  const rank = (v: string | undefined, chosen: readonly string[]) => (v === undefined ? 0 : chosen.indexOf(v));
  return [...lines.values()]
    .sort((a, b) => rank(a.element, selection.element) - rank(b.element, selection.element) || rank(a.region, selection.region) - rank(b.region, selection.region))
    .map((l) => ({ ...l, name: lineName(l.element, l.region, selection) }));
}

function lineName(element: string | undefined, region: string | undefined, selection: SeriesSelection): string {
  const parts = [element, region === undefined ? undefined : regionTitle(region)].filter((p) => p !== undefined);
  return parts.length > 0 ? parts.join(" · ") : `${VARIABLE_TITLES[selection.variable] ?? selection.variable}, total`;
}

/** The largest `max` lines by their sum of absolute values, in their original order, and how many were left out. */
export function largestLines(lines: readonly ExplorerLine[], max: number): { shown: ExplorerLine[]; hidden: number } {
  if (lines.length <= max) return { shown: [...lines], hidden: 0 };
  const size = (l: ExplorerLine) => l.values.reduce((a, v) => a + Math.abs(v), 0);
  const kept = new Set([...lines].sort((a, b) => size(b) - size(a)).slice(0, max));
  return { shown: lines.filter((l) => kept.has(l)), hidden: lines.length - max };
}

/** The value axis title of a variable in `unit`: flows per month, stocks at month end, prices per kg. */
export function valueAxisTitle(variable: string, unit: string): string {
  if (!isAdditive({ units: [unit] })) return `${unit} of element`;
  const content = unit === "t" ? " of element content" : "";
  if (STOCK_VARIABLES.has(variable)) return `${pluralUnit(unit)}${content}, at month end`;
  return `${pluralUnit(unit)}/month${content}`;
}

/** A value with its unit for tooltips: "1,234 t", "$412.5/kg", "US$ 12.5 M", "3,000 vehicles". */
export function formatSeriesValue(value: number, unit: string): string {
  if (unit === "US$/kg") return `${formatUsdPerKg(value)}/kg`;
  if (unit === "US$") return `US$ ${formatUsdMillions(value)} M`;
  if (unit === "t" || unit.startsWith("t ")) return `${formatTonnes(value)} ${unit}`;
  return `${formatUnits(value)} ${pluralUnit(unit)}`;
}

/** The rows as the tidy CSV `chokepoint run --format csv` writes (same header, same number format). */
export function seriesCsv(rows: SeriesResponse["rows"]): string {
  return toTidyCsv(rows.map(([month, element, region, stage, variable, unit, value]) => ({ month, element, region, stage, variable, unit, value })));
}
