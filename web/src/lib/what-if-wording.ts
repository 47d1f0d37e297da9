/**
 * @module web/lib/what-if-wording
 * What the what-if controls say about themselves: accessible names and value texts of the sliders, the licence slider's
 * help (it sets every Chinese licence for every destination at once), and which regions can release a stockpile.
 * Pure wording; the controls are `views/what-if-view`, the scenario changes `lib/what-if`.
 */
import type { Region, Stockpile } from "../../../src/model/world-schema.js";
import { formatShare } from "../../../src/report/number-format.js";
import type { LicenceTarget } from "./what-if.js";

/** Accessible names of the what-if controls; each starts with the control's visible label (WCAG 2.5.3, label in name). */
export const WHAT_IF_CONTROL_NAMES = {
  scenario: "Scenario",
  licence: "China's licence approval share, for every Chinese export licence and every destination at once",
  myanmar: "Myanmar mine output, share of capacity",
  stockpile: "Stockpile release, t/month of Dy + Tb",
  stockpileRegion: "Stockpile released by (regions holding a strategic stockpile in the world data)",
  fromMonth: "Measures start, month",
} as const;

/** The licence slider's value in words: "as written (50–100 %)" until it is moved, then "40%". */
export function licenceValueText(share: number | undefined, target: LicenceTarget | undefined): string {
  if (share !== undefined) return formatShare(share);
  if (target?.mode !== "scenario" || target.approvalShares.length === 0) return "as written";
  const percents = target.approvalShares.map((x) => Math.round(x * 100));
  const range = percents.length === 1 ? `${percents[0]}` : `${percents[0]}–${percents[percents.length - 1]}`;
  return `as written (${range} %)`;
}

/**
 * The licence slider's help: one share replaces the approval share of every Chinese export licence in the scenario,
 * for every element and destination (shares set per destination, e.g. the US's, included); or, with none, the licence
 * it adds; or why it cannot act.
 */
export function licenceHelpText(target: LicenceTarget | undefined): string {
  if (target === undefined) return "";
  if (target.mode === "blocked") return `Not available: ${target.reason}.`;
  if (target.mode === "add") {
    return "The scenario has no Chinese export licence: moving the slider adds one on Dy and Tb (oxide to magnets) for every destination, from the start month below.";
  }
  const n = target.policyIds.length;
  const shares = target.approvalShares.map((x) => Math.round(x * 100));
  const now = shares.length > 1 ? ` (they now range ${shares[0]}–${shares[shares.length - 1]} % by licence and destination)` : "";
  return `Sets one approval share on ${n === 1 ? "the scenario's Chinese export licence" : `all ${n} of the scenario's Chinese export licences`}, `
    + `for every element and every destination at once${now}; it cannot single out one destination.`;
}

/** Which regions the stockpile release can draw on, and a note on those that cannot. */
export interface StockpileChoices {
  /** Regions holding a strategic stockpile in the world data, in its order, with who holds it. */
  readonly holders: readonly { readonly region: string; readonly holder: string }[];
  /** The other regions, the EU first (the region users look for), then in the world's order. */
  readonly without: readonly { readonly region: string; readonly name: string }[];
  /** "EU and 15 other regions hold no strategic stockpile in the world data (world/markets.yaml): only CN, JP, KR and US can release one." */
  readonly note: string;
}

/** The stockpile release's region choices from the world's regions and stockpiles (`world/markets.yaml`). */
export function stockpileChoices(world: { readonly regions: readonly Pick<Region, "id" | "name">[]; readonly stockpiles: readonly Pick<Stockpile, "region" | "holder">[] }): StockpileChoices {
  const holders = world.stockpiles.map((s) => ({ region: s.region, holder: s.holder }));
  const held = new Set(holders.map((h) => h.region));
  const without = world.regions.filter((r) => !held.has(r.id)).map((r) => ({ region: r.id, name: r.name }))
    .sort((a, b) => Number(b.region === "EU") - Number(a.region === "EU"));
  const list = (ids: readonly string[]) => (ids.length <= 1 ? ids.join("") : `${ids.slice(0, -1).join(", ")} and ${ids[ids.length - 1]}`);
  const first = without[0];
  const note = holders.length === 0
    ? "No region holds a strategic stockpile in the world data (world/markets.yaml): there is nothing to release."
    : first === undefined ? ""
      : `${first.region}${without.length > 1 ? ` and ${without.length - 1} other region${without.length === 2 ? "" : "s"}` : ""} hold${without.length === 1 ? "s" : ""} no strategic stockpile in the world data (world/markets.yaml): only ${list([...held])} can release one.`;
  return { holders, without, note };
}
