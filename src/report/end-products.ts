/**
 * @module report/end-products
 * Wording shared by the views of end products lost.
 */
import { formatShare } from "./number-format.js";

/** "Dy, Tb 12%": the recipe elements most short in the region while it lost units, and their unmet share of need. */
export function shortOfText(loss: { readonly shortOf: readonly string[]; readonly unmetShareOfNeed: number }): string {
  return loss.shortOf.length === 0 ? "–" : `${loss.shortOf.join(", ")} ${formatShare(loss.unmetShareOfNeed)}`;
}
