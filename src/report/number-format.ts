/**
 * @module report/number-format
 * Number formatting shared by every view: tonnes with thousands separators, shares as percent.
 */

/** `123456.7` → `123,457`; small values keep one decimal. */
export function formatTonnes(tonnes: number): string {
  if (!Number.isFinite(tonnes)) return "–";
  const digits = Math.abs(tonnes) < 10 && tonnes !== 0 ? 1 : 0;
  return tonnes.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A fraction 0–1 as a percent: `0.6923` → `69%` (one decimal below 10%). */
export function formatShare(fraction: number): string {
  if (!Number.isFinite(fraction)) return "–";
  const pct = fraction * 100;
  return `${pct < 10 && pct > 0 ? pct.toFixed(1) : Math.round(pct).toString()}%`;
}

/** US dollars in millions: `412_500_000` → `412.5`; under 1 million with two decimals (`18_750` → `0.02`). */
export function formatUsdMillions(usd: number): string {
  if (!Number.isFinite(usd)) return "–";
  const millions = usd / 1e6;
  const digits = Math.abs(millions) < 1 ? 2 : Math.abs(millions) < 100 ? 1 : 0;
  return millions.toLocaleString("en-US", { minimumFractionDigits: digits, maximumFractionDigits: digits });
}

/** A run's tonnes against the baseline's as a signed change: `(50, 100)` → `−50%`; "–" without a baseline amount. */
export function formatChange(tonnes: number, baselineTonnes: number): string {
  if (!(baselineTonnes > 0) || !Number.isFinite(tonnes)) return "–";
  const change = tonnes / baselineTonnes - 1;
  const pct = Math.round(change * 100);
  return pct === 0 ? "±0%" : `${pct > 0 ? "+" : "−"}${Math.abs(pct)}%`;
}

/** What a policy cost kind is called in tables. */
export const POLICY_COST_LABEL = { "import-duty": "import duty paid", "price-floor": "price-floor top-up received" } as const;

/** The elements that weigh most in a gap closer's value: `Dy +110, Tb +18, Nd −84` (t), or "–" without them. */
export function formatMainElements(elements: readonly { readonly element: string; readonly extraTonnes: number }[] | undefined): string {
  if (elements === undefined || elements.length === 0) return "–";
  return elements.map((x) => `${x.element} ${x.extraTonnes < 0 ? "−" : "+"}${formatTonnes(Math.abs(x.extraTonnes))}`).join(", ");
}
