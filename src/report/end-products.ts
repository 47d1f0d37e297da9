/**
 * @module report/end-products
 * Wording shared by the views of end products lost (terminal, HTML report, dashboard): what each unit is (the world's
 * end-product name and caveat), the magnet the units hold, and the difference from the baseline run. Computes nothing
 * the report does not hold but a product of two of its numbers.
 */
import type { EndProductLoss } from "../analysis/report-model.js";
import { formatShare, formatTonnes } from "./number-format.js";

/** "Dy, Tb 12%": the recipe elements most short in the region while it lost units, and their unmet share of need. */
export function shortOfText(loss: { readonly shortOf: readonly string[]; readonly unmetShareOfNeed: number }): string {
  return loss.shortOf.length === 0 ? "–" : `${loss.shortOf.join(", ")} ${formatShare(loss.unmetShareOfNeed)}`;
}

/** The magnet `units` of the row's end product hold, t of finished magnet (units × kg per unit ÷ 1000); undefined without a magnet content. */
export function magnetTonnesOf(loss: Pick<EndProductLoss, "magnetKgPerUnit">, units: number): number | undefined {
  return loss.magnetKgPerUnit === undefined ? undefined : (units * loss.magnetKgPerUnit) / 1000;
}

/** "636 t" (`unit: false`: "636"), or "–" without a magnet content; signed ("+636 t", "−7.4 t") with `signed`. */
export function magnetTonnesText(loss: Pick<EndProductLoss, "magnetKgPerUnit">, units: number, { signed = false, unit = true }: { readonly signed?: boolean; readonly unit?: boolean } = {}): string {
  const tonnes = magnetTonnesOf(loss, units);
  if (tonnes === undefined) return "–";
  return `${signed ? signedText(tonnes, formatTonnes) : formatTonnes(tonnes)}${unit ? " t" : ""}`;
}

/** A signed figure: "+30,110", "−338", "0" (rounded to zero by the formatter: no sign). */
export function signedText(value: number, format: (x: number) => string): string {
  const text = format(Math.abs(value));
  if (/^0(\.0+)?$/.test(text)) return text;
  return `${value > 0 ? "+" : "−"}${text}`;
}

/** Whether the rows carry a comparison with the baseline run (reports built with one). */
export function hasBaselineLosses(losses: readonly EndProductLoss[]): boolean {
  return losses.some((x) => x.baselineTotalUnits !== undefined);
}

/** The row's difference from the baseline, units (scenario − baseline); 0 without a baseline. */
export function differenceOf(loss: EndProductLoss): number {
  return loss.differenceUnits ?? (loss.baselineTotalUnits === undefined ? 0 : loss.totalUnits - loss.baselineTotalUnits);
}

/**
 * What each unit shown is, once per view, from the world's end products: `Defence (NdFeB): 1 F-35 NdFeB set = F-35
 * NdFeB magnet set (14 kg of NdFeB magnet; a yardstick for the whole sector, not aircraft)`; `EV traction motors:
 * 1 vehicle = electric car (BEV or PHEV), 2.5 kg of magnet` (the kg added when the name does not give it). One
 * entry per sector, in the rows' order; empty for reports saved before end-product names were kept.
 */
function endProductDefinitions(losses: readonly EndProductLoss[]): string[] {
  const seen = new Map<string, string>();
  for (const x of losses) {
    if (x.endProductName === undefined || seen.has(x.sector)) continue;
    const kg = x.magnetKgPerUnit;
    const kgText = kg === undefined || x.endProductName.includes(`${kg} kg`) ? "" : `, ${kg} kg of magnet`;
    seen.set(x.sector, `${x.sectorShortName ?? x.sectorName}: 1 ${x.unit} = ${x.endProductName}${kgText}`);
  }
  return [...seen.values()];
}

/** The note under a view of end products: "Units: …; …." (undefined when nothing defines them). */
export function endProductNote(losses: readonly EndProductLoss[]): string | undefined {
  const definitions = endProductDefinitions(losses);
  return definitions.length === 0 ? undefined : `Units: ${definitions.join("; ")}.`;
}
