/**
 * @module web/lib/world-facts
 * Regroupings of `GET /api/world/facts` for the World view: facts by stage, the references that
 * check each row (numbered as `chokepoint facts` numbers them), citations in words, China's share
 * by stage for the chart and a few sentences reading them. Pure reads; the wording of stages and
 * references is the terminal's.
 */
import type { ReferenceCheck, StageFact, WorldFacts } from "../../../src/analysis/facts.js";
import type { Source } from "../../../src/model/world-schema.js";
import { sourceIds } from "../../../src/model/sourced.js";
import { describeReferenceCheck, STAGE_TITLES } from "../../../src/report/facts-text.js";
import { formatShare } from "../../../src/report/number-format.js";

export { describeReferenceCheck, formatReferenceTolerance, GROUP_TITLES, STAGE_TITLES } from "../../../src/report/facts-text.js";

/** A reference check with its number in the references list (1-based, as in the terminal). */
export interface NumberedCheck {
  readonly number: number;
  readonly check: ReferenceCheck;
}

/** The facts of one stage, in the order the dataset gives the groups. */
export interface StageFacts {
  readonly stage: string;
  readonly facts: readonly StageFact[];
}

/** Facts grouped by stage, stages in chain order (the order of the facts). */
export function factsByStage(facts: readonly StageFact[]): StageFacts[] {
  const out: { stage: string; facts: StageFact[] }[] = [];
  for (const fact of facts) {
    const last = out[out.length - 1];
    if (last !== undefined && last.stage === fact.stage) last.facts.push(fact);
    else out.push({ stage: fact.stage, facts: [fact] });
  }
  return out;
}

/** Every reference check with its number. */
export function numberedChecks(facts: Pick<WorldFacts, "references">): NumberedCheck[] {
  return facts.references.map((check, i) => ({ number: i + 1, check }));
}

/** The checks of one stage and element group (the row of the facts table they sit beside). */
export function checksOfFact(checks: readonly NumberedCheck[], fact: Pick<StageFact, "stage" | "group">): NumberedCheck[] {
  return checks.filter((c) => c.check.reference.stage === fact.stage && c.check.reference.elements === fact.group);
}

/** The sources a reference cites, as "publisher, title (year)"; unknown ids are left out. */
export function citationsOf(check: ReferenceCheck, sources: readonly Source[]): { readonly text: string; readonly url: string | undefined }[] {
  const byId = new Map(sources.map((s) => [s.id, s]));
  return sourceIds(check.reference.source)
    .map((id) => byId.get(id))
    .filter((s) => s !== undefined)
    .map((s) => ({ text: `${s.publisher}, ${s.title} (${s.year})`, url: s.url }));
}

/** The element groups the China-share chart compares. */
const CHART_GROUPS = ["all", "NdPr", "Dy", "Tb"] as const;

/** China's share of each stage for the chart's groups, percent (0–100), stages in chain order. */
export function chinaSharePercentByStage(facts: readonly StageFact[]): { stages: string[]; groups: { group: string; percents: number[] }[] } {
  const stages = factsByStage(facts).map((s) => s.stage);
  const groups = CHART_GROUPS.map((group) => ({
    group,
    percents: stages.map((stage) => 100 * (facts.find((f) => f.stage === stage && f.group === group)?.chinaShare ?? 0)),
  }));
  return { stages, groups };
}

/**
 * Sentences that read the facts for an analyst: where China's share jumps along the chain, who
 * mines and who separates the heavy elements, and how many references the dataset meets.
 */
export function keyReadings(facts: WorldFacts): string[] {
  const find = (stage: string, group: string) => facts.facts.find((f) => f.stage === stage && f.group === group);
  const readings: string[] = [];
  const mine = find("mine", "all");
  const separation = find("separation", "all");
  const magnet = find("magnet", "all");
  if (mine !== undefined && separation !== undefined && magnet !== undefined) {
    readings.push(`China holds ${formatShare(mine.chinaShare)} of mining, ${formatShare(separation.chinaShare)} of separation and ${formatShare(magnet.chinaShare)} of magnet making (all REEs).`);
  }
  for (const group of ["Dy", "Tb"] as const) {
    const mined = find("mine", group);
    const separated = find("separation", group);
    if (mined?.topRegion === undefined || separated === undefined) continue;
    const minedBy = mined.topRegion === "CN" ? `China mines ${formatShare(mined.chinaShare)} of it` : `${mined.topRegion} mines the most (${formatShare(mined.topRegionShare)}; China ${formatShare(mined.chinaShare)})`;
    readings.push(`${group}: ${minedBy}; China separates ${formatShare(separated.chinaShare)}.`);
  }
  const departing = numberedChecks(facts).filter((c) => c.check.isDeparture);
  const met = facts.references.length - departing.length;
  const which = departing.map(({ number, check }) => {
    const { what, published, computed } = describeReferenceCheck(check);
    return `[${number}] ${STAGE_TITLES[check.reference.stage] ?? check.reference.stage} ${what} published ${published}, computed ${computed}`;
  });
  readings.push(`${met} of ${facts.references.length} published references are met within tolerance${which.length === 0 ? "." : `; departing: ${which.join("; ")}.`}`);
  return readings;
}
