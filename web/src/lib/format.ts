/**
 * @module web/lib/format
 * Number and unit wording of the dashboard: tonnes, prices, shares and end-product counts, in the
 * same style as the terminal and HTML reports.
 */

// Tonnes, shares, prices and counts are worded as in the terminal and HTML reports.
export { formatShare, formatTonnes } from "../../../src/report/number-format.js";
export { formatUnits, formatUsdPerKg, pluralUnit } from "../../../src/report/html/format.js";

/** Compact axis numbers: 1,200 → "1.2k", 3,400,000 → "3.4M". */
export function formatCompact(value: number): string {
  if (!Number.isFinite(value)) return "–";
  const abs = Math.abs(value);
  if (abs >= 1e6) return `${trim(value / 1e6)}M`;
  if (abs >= 1e4) return `${trim(value / 1e3)}k`;
  if (abs >= 100 || value === 0) return Math.round(value).toLocaleString("en-US");
  return trim(value);
}

/** Three significant digits at most, without trailing decimal zeros: 100 → "100", 12.50 → "12.5". */
function trim(x: number): string {
  const text = Math.abs(x) >= 100 ? x.toFixed(0) : Math.abs(x) >= 10 ? x.toFixed(1) : x.toFixed(2);
  return text.includes(".") ? text.replace(/0+$/, "").replace(/\.$/, "") : text;
}

/** A signed difference: "+1,234", "−56", "0". */
export function formatSigned(value: number, format: (v: number) => string): string {
  if (!Number.isFinite(value)) return "–";
  const body = format(Math.abs(value));
  // A difference that rounds to nothing reads "0", never "−$0.00".
  if (Math.abs(value) < 1e-9 || body === format(0)) return "0";
  return `${value > 0 ? "+" : "−"}${body}`;
}

/** A timestamp (ISO) as "2026-11-29 14:03". */
export function formatTimestamp(iso: string | undefined): string {
  if (iso === undefined) return "–";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
