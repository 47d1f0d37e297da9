/**
 * @module report/html/format
 * Number, unit and month wording for the HTML report (prices, counts of end products, month
 * positions of policy windows). Tonnes and shares come from `report/number-format`.
 */
import { addMonths, monthOffset } from "../../model/dates.js";

/** A price in US$/kg: two decimals below 10, one below 100, whole dollars above. */
export function formatUsdPerKg(usdPerKg: number): string {
  if (!Number.isFinite(usdPerKg)) return "–";
  const digits = Math.abs(usdPerKg) < 10 ? 2 : Math.abs(usdPerKg) < 100 ? 1 : 0;
  return `$${usdPerKg.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;
}

/** A count of end products: whole numbers with separators, one decimal below 10. */
export function formatUnits(count: number): string {
  if (!Number.isFinite(count)) return "–";
  const digits = Math.abs(count) < 10 && count % 1 !== 0 ? 1 : 0;
  return count.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** Plural of an end-product unit for axis names and totals: "vehicle" → "vehicles"; "MW", "t magnet" unchanged. */
export function pluralUnit(unit: string): string {
  if (/^(t|kg|MW|GW|kW)\b/.test(unit) || /s$/.test(unit) || unit === "") return unit;
  return `${unit}s`;
}

/** The short name of a sector: its name up to the first parenthesis or colon. */
export function shortSectorName(name: string): string {
  const cut = name.split(/\s*[(:]/)[0]?.trim() ?? name;
  return cut === "" ? name : cut;
}

/**
 * Position of a month (`YYYY-MM`) or a day (`YYYY-MM-DD`) in months after `startMonth`, fractional
 * within a month for days: `("2026-01", "2026-03-16")` → 2.5.
 */
export function monthPosition(startMonth: string, monthOrDay: string): number {
  const whole = monthOffset(startMonth, monthOrDay.slice(0, 7));
  const day = Number(monthOrDay.slice(8, 10));
  if (!Number.isFinite(day) || day < 1) return whole;
  const [y, m] = monthOrDay.split("-").map(Number) as [number, number];
  const daysInMonth = new Date(Date.UTC(y, m, 0)).getUTCDate();
  return whole + (day - 1) / daysInMonth;
}

/** The `YYYY-MM` label `offset` months after `startMonth` (extrapolates past the horizon). */
export function monthLabelAt(startMonth: string, offset: number): string {
  return addMonths(startMonth, Math.floor(offset));
}

/** A day or month as it should read in a table: `2026-11-10` stays, `2026-11` stays. */
export function formatWhen(monthOrDay: string | undefined, openEnded = "open-ended"): string {
  return monthOrDay === undefined ? openEnded : monthOrDay;
}
