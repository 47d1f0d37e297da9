/**
 * @module report/premium
 * The ex-China premium as every view reports it: the largest mark-up of the ex-China price over China's in any one
 * month (not the ratio of two peaks that may fall in different months), with its US$/kg gap and month.
 */
import type { RunReport } from "./report-model.js";

/** The widest ex-China premium of one element. */
export interface WidestPremium {
  /** Ex-China price ÷ China price − 1 in that month. */
  readonly share: number;
  /** Ex-China price − China price in that month, US$/kg of element. */
  readonly usdPerKg: number;
  /** Month index into `monthLabels`. */
  readonly month: number;
  /** The month, `YYYY-MM`. */
  readonly monthLabel: string;
}

/**
 * The widest ex-China premium of `element` in the report's window (the whole run unless `--from` trims it), or
 * undefined when the ex-China price is never above China's there (no premium: the views print "–").
 */
export function widestPremium(report: Pick<RunReport, "pricePaths" | "monthLabels" | "window">, element: string): WidestPremium | undefined {
  const china = report.pricePaths.find((p) => p.label === `${element} China`)?.values;
  const exChina = report.pricePaths.find((p) => p.label === `${element} ex-China`)?.values;
  if (china === undefined || exChina === undefined) return undefined;
  const from = Math.max(0, report.window === undefined ? 0 : report.monthLabels.indexOf(report.window.from));
  let best: WidestPremium | undefined;
  china.forEach((cn, m) => {
    const ex = exChina[m];
    if (m < from) return;
    if (ex === undefined || !(cn > 0) || !Number.isFinite(ex)) return;
    const share = ex / cn - 1;
    if (share > 0 && (best === undefined || share > best.share)) best = { share, usdPerKg: ex - cn, month: m, monthLabel: report.monthLabels[m] ?? "" };
  });
  return best;
}
