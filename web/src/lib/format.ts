/**
 * @module web/lib/format
 * Number and unit wording of the dashboard: tonnes, prices, shares and end-product counts, in the
 * same style as the terminal and HTML reports.
 */

/** `123456.7` → `123,457`; below 10 one decimal. */
export function formatTonnes(tonnes: number): string {
  if (!Number.isFinite(tonnes)) return "–";
  const digits = Math.abs(tonnes) < 10 && tonnes !== 0 ? 1 : 0;
  return tonnes.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A price in US$/kg: two decimals below 10, one below 100, whole dollars above. */
export function formatUsdPerKg(usdPerKg: number): string {
  if (!Number.isFinite(usdPerKg)) return "–";
  const digits = Math.abs(usdPerKg) < 10 ? 2 : Math.abs(usdPerKg) < 100 ? 1 : 0;
  return `$${usdPerKg.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits })}`;
}

/** A fraction 0–1 as a percent: `0.6923` → `69%` (one decimal below 10 %). */
export function formatShare(fraction: number): string {
  if (!Number.isFinite(fraction)) return "–";
  const pct = fraction * 100;
  return `${pct < 10 && pct > 0 ? pct.toFixed(1) : Math.round(pct).toString()}%`;
}

/** A count of end products: whole numbers with separators, one decimal below 10. */
export function formatUnits(count: number): string {
  if (!Number.isFinite(count)) return "–";
  const digits = Math.abs(count) < 10 && count % 1 !== 0 ? 1 : 0;
  return count.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

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

/** Plural of an end-product unit: "vehicle" → "vehicles"; "MW", "t magnet" unchanged. */
export function pluralUnit(unit: string): string {
  if (/^(t|kg|MW|GW|kW)\b/.test(unit) || /s$/.test(unit) || unit === "") return unit;
  return `${unit}s`;
}

/** The short name of a sector: its name up to the first parenthesis or colon. */
export function shortSectorName(name: string): string {
  const cut = name.split(/\s*[(:]/)[0]?.trim() ?? name;
  return cut === "" ? name : cut;
}

/** A timestamp (ISO) as "2026-11-29 14:03". */
export function formatTimestamp(iso: string | undefined): string {
  if (iso === undefined) return "–";
  const d = new Date(iso);
  if (Number.isNaN(d.getTime())) return iso;
  const pad = (n: number) => String(n).padStart(2, "0");
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())} ${pad(d.getHours())}:${pad(d.getMinutes())}`;
}
