/**
 * @module report/facts-text
 * The terminal view of `chokepoint facts`: one table by stage and element group, reference points
 * beside the figures, and the citations underneath. Computes nothing itself.
 */
import type { ReferenceCheck, StageFact, WorldFacts } from "../analysis/index.js";
import type { Source } from "../model/world-schema.js";
import { sourceIds } from "../model/sourced.js";
import { formatShare, formatTonnes } from "./number-format.js";
import { renderTextTable, wrapText } from "./text-table.js";

/** What each stage is called in facts tables (terminal and dashboard). */
export const STAGE_TITLES: Readonly<Record<string, string>> = {
  mine: "Mining", separation: "Separation", metal: "Metal", magnet: "Magnets", use: "Demand",
};
/** What each element group is called in facts tables (terminal and dashboard). */
export const GROUP_TITLES: Readonly<Record<string, string>> = {
  all: "all REEs", light: "light", heavy: "heavy", NdPr: "Nd+Pr", Dy: "Dy", Tb: "Tb",
};

/** A reference check in words: what is measured (`CN`, `total`, `MM→CN feed`), the published and computed figures. */
export function describeReferenceCheck(c: ReferenceCheck): { what: string; published: string; computed: string } {
  const ref = c.reference;
  const what = ref.measure === "feed-share" ? `${ref.from}→${ref.region} feed` : ref.measure === "total-tonnes" ? "total" : ref.region ?? "";
  const figure = (v: number) => (ref.measure === "total-tonnes" ? formatTonnes(v) : formatShare(v));
  return { what, published: figure(ref.value), computed: figure(c.computed) };
}

function referenceCell(checks: readonly ReferenceCheck[], refNumbers: Map<string, number>): string {
  return checks
    .map((c) => {
      const { what, published, computed } = describeReferenceCheck(c);
      const mark = c.isDeparture ? `OFF (${computed})` : "ok";
      return `[${refNumbers.get(c.reference.id)}] ${what} ${published} ${mark}`;
    })
    .join("; ");
}

/** Render the facts for a terminal of about 100 columns. */
export function renderFactsText(world: WorldFacts, sources: readonly Source[]): string {
  const refNumbers = new Map(world.references.map((c, i) => [c.reference.id, i + 1]));
  const rows: string[][] = [];
  let lastStage = "";
  for (const fact of world.facts) {
    const checks = world.references.filter((c) => c.reference.stage === fact.stage && c.reference.elements === fact.group);
    const stageCell = fact.stage === lastStage ? "" : `${STAGE_TITLES[fact.stage] ?? fact.stage}`;
    lastStage = fact.stage;
    rows.push(factRow(fact, stageCell, referenceCell(checks, refNumbers)));
  }
  const table = renderTextTable(
    [
      { header: "stage" }, { header: "elements" }, { header: "total", align: "right" }, { header: "unit" },
      { header: "top", align: "right" }, { header: "top-3", align: "right" }, { header: "HHI", align: "right" },
      { header: "China", align: "right" }, { header: "published reference", maxWidth: 32 },
    ],
    rows,
  );
  const sourceById = new Map(sources.map((s) => [s.id, s]));
  const notes = world.references.map((c, i) => {
    const cites = sourceIds(c.reference.source)
      .map((id) => sourceById.get(id))
      .filter((s) => s !== undefined)
      .map((s) => `${s.publisher}, ${s.title} (${s.year})`)
      .join("; ");
    const flag = c.isDeparture ? "  ← departs beyond tolerance" : "";
    return wrapText(`[${i + 1}] ${c.reference.stage} ${GROUP_TITLES[c.reference.elements]}: ${formatShareOrTonnes(c)} ±${formatReferenceTolerance(c)} (${c.reference.confidence} confidence) — ${cites}${flag}`, 100);
  });
  const departures = world.references.filter((c) => c.isDeparture).length;
  const header = `${world.dataset.name} ${world.dataset.version}, calibration year ${world.dataset.calibrationYear}: structure of the chain by stage`;
  const summary = `${world.references.length} reference points, ${departures} departing beyond tolerance. HHI on 0–10,000. Light = La–Nd; heavy = Sm–Lu, Y, Sc (the medium and heavy classes). Mining and separation in t REO; metal in t metal and magnets in t magnet for all REEs, element content otherwise; demand in element content.`;
  return [wrapText(header, 100), "", table, "", "Published references:", ...notes, "", wrapText(summary, 100)].join("\n");
}

function formatShareOrTonnes(c: ReferenceCheck): string {
  return c.reference.measure === "total-tonnes" ? `${formatTonnes(c.reference.value)} t` : formatShare(c.reference.value);
}

/** A reference's tolerance: `3 pt` for shares, `15,000 t` for totals. */
export function formatReferenceTolerance(c: ReferenceCheck): string {
  return c.reference.measure === "total-tonnes" ? `${formatTonnes(c.reference.tolerance)} t` : `${Math.round(c.reference.tolerance * 100)} pt`;
}

function factRow(fact: StageFact, stageCell: string, refCell: string): string[] {
  return [
    stageCell, GROUP_TITLES[fact.group] ?? fact.group, formatTonnes(fact.totalTonnes), fact.unit,
    fact.topRegion === undefined ? "–" : `${fact.topRegion} ${formatShare(fact.topRegionShare)}`,
    formatShare(fact.top3Share), Math.round(fact.hhi).toLocaleString("en-US"), formatShare(fact.chinaShare), refCell,
  ];
}
