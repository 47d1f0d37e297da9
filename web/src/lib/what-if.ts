/**
 * @module web/lib/what-if
 * Turns the what-if sliders into scenario changes: China's licence approval share, Myanmar's mine
 * output and a strategic stockpile release become edits and extra policies on the scenario's files.
 * Pure: takes parsed scenario files and returns new ones; never mutates, never runs anything.
 */
import { addMonths } from "../../../src/model/dates.js";
import type { Policy, PolicyOf } from "../../../src/policy/kinds.js";
import type { ScenarioFile } from "../../../src/scenario/schema.js";

/** The what-if sliders. */
export interface WhatIfSettings {
  /** Approval share of China's export licences, 0–1; undefined keeps the scenario's own shares. */
  readonly licenceApprovalShare: number | undefined;
  /** Myanmar's mine output as a share of capacity, 0–1 (1: as the scenario has it). */
  readonly myanmarMineOutputShare: number;
  /** Strategic stockpile release, t/month of Dy + Tb element content (0: none). */
  readonly stockpileReleaseTonnesPerMonth: number;
  /** Region whose strategic stockpile is released, e.g. `JP`. */
  readonly stockpileRegion: string;
  /** First month of the measures the sliders add, `YYYY-MM`. */
  readonly fromMonth: string;
}

/** What the transformation needs besides the sliders. */
export interface WhatIfContext {
  /** How a release splits between elements (shares summing to 1), e.g. the stockpile's own Dy:Tb mix. */
  readonly releaseSplit: Readonly<Partial<Record<"Dy" | "Tb", number>>>;
  /** Months a release lasts. @default 12 */
  readonly releaseMonths?: number;
}

/** Ids of the policies the sliders add (so views can tell them apart). */
export const WHAT_IF_POLICY_IDS = {
  licence: "what-if-cn-licence-dy-tb",
  myanmar: "what-if-mm-mine-output",
  stockpile: "what-if-stockpile-release",
} as const;

/** Sliders that change nothing. */
export function neutralWhatIf(fromMonth: string, stockpileRegion = "JP"): WhatIfSettings {
  return { licenceApprovalShare: undefined, myanmarMineOutputShare: 1, stockpileReleaseTonnesPerMonth: 0, stockpileRegion, fromMonth };
}

/** Whether the sliders change anything. */
export function isNeutralWhatIf(s: WhatIfSettings): boolean {
  return s.licenceApprovalShare === undefined && s.myanmarMineOutputShare >= 1 && s.stockpileReleaseTonnesPerMonth <= 0;
}

/** How the licence slider acts on a scenario. */
export type LicenceTarget =
  | { readonly mode: "scenario"; readonly policyIds: readonly string[]; readonly approvalShares: readonly number[] }
  | { readonly mode: "add" }
  | { readonly mode: "blocked"; readonly reason: string };

const isChineseLicence = (p: Policy): p is PolicyOf<"export-licence"> => p.kind === "export-licence" && p.issuer === "CN";

/**
 * Which policies the licence slider sets: the scenario's Chinese export licences; or, when it has
 * none, a new licence on Dy and Tb; never when a Chinese export ban or quota would contradict it.
 */
export function licenceTargetOf(files: readonly ScenarioFile[]): LicenceTarget {
  const policies = files.flatMap((f) => f.policies);
  const licences = policies.filter(isChineseLicence);
  if (licences.length > 0) {
    const shares = licences.flatMap((p) => (typeof p.approvalShare === "number" ? [p.approvalShare] : [p.approvalShare.default, ...Object.values(p.approvalShare.byDestination)]));
    return { mode: "scenario", policyIds: licences.map((p) => p.id), approvalShares: [...new Set(shares)].sort((a, b) => a - b) };
  }
  const blocking = policies.find((p) => (p.kind === "export-ban" || p.kind === "export-quota") && p.issuer === "CN");
  if (blocking !== undefined) return { mode: "blocked", reason: `the scenario's ${blocking.kind} "${blocking.id}" already controls China's exports` };
  return { mode: "add" };
}

/**
 * Apply the sliders to a scenario's files (furthest ancestor first, the scenario itself last):
 * every Chinese export licence gets the slider's approval share (or one is added on Dy/Tb from
 * China to every destination); Myanmar's mines lose `1 − output` of capacity from `fromMonth`;
 * the stockpile of `stockpileRegion` releases the slider's tonnes for `releaseMonths`.
 * Added policies go to the last file.
 * @example applyWhatIf([file], { ...neutralWhatIf("2025-01"), myanmarMineOutputShare: 0.4 }, { releaseSplit: { Dy: 0.8, Tb: 0.2 } })
 *   // the last file gains a supply-shock on { region: MM, stage: mine } with lossShare 0.6
 */
export function applyWhatIf(files: readonly ScenarioFile[], settings: WhatIfSettings, context: WhatIfContext): ScenarioFile[] {
  const share = settings.licenceApprovalShare === undefined ? undefined : clamp01(settings.licenceApprovalShare);
  const target = share === undefined ? undefined : licenceTargetOf(files);
  const out = files.map((file) => ({
    ...file,
    policies: file.policies.map((p) => (share !== undefined && isChineseLicence(p) ? { ...p, approvalShare: share } : p)),
  }));
  const added: Policy[] = [];
  if (share !== undefined && target?.mode === "add") {
    added.push({
      id: WHAT_IF_POLICY_IDS.licence, kind: "export-licence", title: "What-if: China licenses Dy and Tb exports",
      reference: "dashboard what-if", issuer: "CN", elements: ["Dy", "Tb"], forms: ["oxide", "compound", "metal", "alloy", "magnet-with-dy-tb"],
      destinations: "all", from: settings.fromMonth, approvalShare: share, delayWorkingDays: { median: 45, p90: 45 }, deniedEndUses: [],
    });
  }
  const output = clamp01(settings.myanmarMineOutputShare);
  if (output < 1) {
    added.push({
      id: WHAT_IF_POLICY_IDS.myanmar, kind: "supply-shock", title: `What-if: Myanmar mines at ${Math.round(output * 100)} % of capacity`,
      reference: "dashboard what-if", target: { region: "MM", stage: "mine" }, lossShare: 1 - output, from: settings.fromMonth,
    });
  }
  const release = Math.max(0, settings.stockpileReleaseTonnesPerMonth);
  if (release > 0) {
    const tonnesPerMonth: Partial<Record<"Dy" | "Tb", number>> = {};
    for (const [element, part] of Object.entries(normaliseSplit(context.releaseSplit)) as ["Dy" | "Tb", number][]) {
      if (part > 0) tonnesPerMonth[element] = release * part;
    }
    added.push({
      id: WHAT_IF_POLICY_IDS.stockpile, kind: "stockpile", title: `What-if: ${settings.stockpileRegion} stockpile releases ${release} t/month of Dy + Tb`,
      reference: "dashboard what-if", region: settings.stockpileRegion, action: "release", tonnesPerMonth,
      from: settings.fromMonth, until: addMonths(settings.fromMonth, context.releaseMonths ?? 12),
    });
  }
  const last = out[out.length - 1];
  if (last !== undefined && added.length > 0) out[out.length - 1] = { ...last, policies: [...last.policies, ...added] };
  return out;
}

/** The Dy:Tb split of a stockpile's holdings (Dy only when it holds neither). */
export function releaseSplitOf(elementTonnes: Readonly<Partial<Record<string, number>>> | undefined): { Dy: number; Tb: number } {
  const dy = elementTonnes?.["Dy"] ?? 0;
  const tb = elementTonnes?.["Tb"] ?? 0;
  return dy + tb > 0 ? { Dy: dy / (dy + tb), Tb: tb / (dy + tb) } : { Dy: 1, Tb: 0 };
}

function normaliseSplit(split: Readonly<Partial<Record<"Dy" | "Tb", number>>>): Record<"Dy" | "Tb", number> {
  const dy = Math.max(0, split.Dy ?? 0);
  const tb = Math.max(0, split.Tb ?? 0);
  return dy + tb > 0 ? { Dy: dy / (dy + tb), Tb: tb / (dy + tb) } : { Dy: 1, Tb: 0 };
}

function clamp01(x: number): number {
  return Number.isFinite(x) ? Math.min(1, Math.max(0, x)) : 0;
}
