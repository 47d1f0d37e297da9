/**
 * @module report/file-formats
 * Writers for the files analysts load: tidy CSV, JSON (same rows plus scenario and dataset),
 * and the IAMC time-series layout (model, scenario, region, variable, unit, one column per year).
 * Strings in, strings out: writing them to disk atomically is `report/write-output.ts`.
 */
import type { TidyRow } from "../analysis/tidy-series.js";

const CSV_COLUMNS = ["month", "element", "region", "stage", "variable", "unit", "value"] as const;

/** Quote a CSV field when it holds a comma, quote or newline (RFC 4180). */
export function csvField(value: string | number): string {
  const text = typeof value === "number" ? formatNumber(value) : value;
  return /[",\n\r]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/** Numbers to 6 significant digits, no exponent for ordinary magnitudes. */
export function formatNumber(value: number): string {
  if (!Number.isFinite(value)) return "";
  if (value === 0) return "0";
  const rounded = Number(value.toPrecision(6));
  return Math.abs(rounded) >= 1e-4 && Math.abs(rounded) < 1e15 ? String(rounded) : rounded.toExponential();
}

/**
 * Tidy CSV: a header line then one line per row. With `facilityColumn`, a last column `facility` holds the facility id
 * of facility rows (empty on the others).
 */
export function toTidyCsv(rows: Iterable<TidyRow>, { facilityColumn = false }: { readonly facilityColumn?: boolean } = {}): string {
  const lines = [facilityColumn ? [...CSV_COLUMNS, "facility"].join(",") : CSV_COLUMNS.join(",")];
  for (const r of rows) {
    const line = CSV_COLUMNS.map((c) => csvField(r[c])).join(",");
    lines.push(facilityColumn ? `${line},${csvField(r.facility ?? "")}` : line);
  }
  return `${lines.join("\n")}\n`;
}

/** How monthly values become yearly ones in IAMC output. */
type YearAggregation = "sum" | "mean" | "end";

const IAMC_VARIABLES: Record<string, { name: (r: TidyRow) => string; aggregate: YearAggregation }> = {
  production: { name: (r) => `Production|${capitalise(r.stage)}|${r.element}`, aggregate: "sum" },
  "final-use": { name: (r) => `Final Use|${r.element}`, aggregate: "sum" },
  shortfall: { name: (r) => `Shortfall|${capitalise(r.stage)}|${r.element}`, aggregate: "sum" },
  "stock-working": { name: (r) => `Stock|Working|${capitalise(r.stage)}|${r.element}`, aggregate: "end" },
  "stock-strategic": { name: (r) => `Stock|Strategic|${r.element}`, aggregate: "end" },
  imports: { name: (r) => `Imports|${capitalise(r.stage)}|${r.element}`, aggregate: "sum" },
  exports: { name: (r) => `Exports|${capitalise(r.stage)}|${r.element}`, aggregate: "sum" },
  price: { name: (r) => `Price|${r.element}|${r.region === "market:china-domestic" ? "China Domestic" : "Ex-China"}`, aggregate: "mean" },
  "magnets-produced": { name: () => "Production|Magnets", aggregate: "sum" },
  "end-products-lost": { name: (r) => `End Products Lost|${r.stage.replace(/^sector:/, "")}`, aggregate: "sum" },
  "tariff-paid": { name: () => "Policy Cost|Import Tariff Paid", aggregate: "sum" },
  "price-floor-payments": { name: () => "Policy Cost|Price Floor Payments", aggregate: "sum" },
};

function capitalise(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

/** IAMC units: yearly sums of tonnes are "t/yr"; stocks stay "t"; prices "US$2024/kg". */
function iamcUnit(row: TidyRow, aggregate: YearAggregation, currencyYear: number): string {
  if (row.variable === "price") return `US$${currencyYear}/kg`;
  if (row.unit === "US$") return `US$${currencyYear}/yr`;
  if (aggregate === "sum") return `${row.unit}/yr`;
  return row.unit;
}

/**
 * The IAMC wide layout: one line per (region, variable), columns Model, Scenario, Region, Variable,
 * Unit and one per calendar year. Flows are summed over the year, stocks taken at year end, prices
 * averaged over the months simulated in that year. Market prices use region "World".
 */
export function toIamcCsv(rows: Iterable<TidyRow>, meta: { model: string; scenario: string; currencyYear: number; lastMonth: string }): string {
  // Zero rows are omitted upstream, so a year-end stock is the row dated at the year's last simulated month, else 0.
  const yearEnd = (year: number) => (`${year}-12` < meta.lastMonth ? `${year}-12` : meta.lastMonth);
  const table = new Map<string, { region: string; variable: string; unit: string; aggregate: YearAggregation; byYear: Map<number, { sum: number; count: number; last: number }> }>();
  const years = new Set<number>();
  for (const r of rows) {
    const spec = IAMC_VARIABLES[r.variable];
    if (spec === undefined) continue;
    const region = r.region.startsWith("market:") ? "World" : r.region;
    const variable = spec.name(r);
    const key = `${region}\u0000${variable}`;
    let entry = table.get(key);
    if (entry === undefined) table.set(key, (entry = { region, variable, unit: iamcUnit(r, spec.aggregate, meta.currencyYear), aggregate: spec.aggregate, byYear: new Map() }));
    const year = Number(r.month.slice(0, 4));
    years.add(year);
    const cell = entry.byYear.get(year) ?? { sum: 0, count: 0, last: 0 };
    cell.sum += r.value;
    cell.count += 1;
    if (r.month === yearEnd(year)) cell.last = r.value;
    entry.byYear.set(year, cell);
  }
  const yearList = [...years].sort((a, b) => a - b);
  const header = ["Model", "Scenario", "Region", "Variable", "Unit", ...yearList.map(String)];
  const lines = [header.map(csvField).join(",")];
  const entries = [...table.values()].sort((a, b) => a.region.localeCompare(b.region) || a.variable.localeCompare(b.variable));
  for (const e of entries) {
    const cells = yearList.map((y) => {
      const c = e.byYear.get(y);
      if (c === undefined) return e.aggregate === "mean" ? "" : "0";
      return formatNumber(e.aggregate === "sum" ? c.sum : e.aggregate === "mean" ? c.sum / c.count : c.last);
    });
    lines.push([meta.model, meta.scenario, e.region, e.variable, e.unit].map(csvField).concat(cells).join(","));
  }
  return `${lines.join("\n")}\n`;
}
