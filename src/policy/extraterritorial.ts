/**
 * @module policy/extraterritorial
 * An extraterritorial rule (MOFCOM Ann. 61/2025): third-country exports of products whose content
 * of the issuer's origin is worth at least a minimum share of their value need the issuer's licence.
 * Uses the engine's provenance: the rule is evaluated on the origin mix of the exporter's stock of the
 * product (its issuer-origin value share of rare-earth content), month by month.
 */
import { z } from "zod";
import { cellMaskOf } from "../model/constraints.js";
import { regionIdSchema } from "../model/ids.js";
import {
  destinationsSchema, elementListSchema, policyCommonFields, policyFormSchema, shareByDestinationSchema,
  workingDayDelaySchema,
} from "./common.js";
import { activeRuns, controlledCells, destinationIndices, maskOf, shareFor, WORKING_DAYS_PER_MONTH } from "./context.js";
import type { PolicyCompileContext } from "./context.js";
import type { PolicyHandler } from "./handler.js";

export const extraterritorialSchema = z.strictObject({
  kind: z.literal("extraterritorial"),
  ...policyCommonFields,
  issuer: regionIdSchema,
  /** Controlled content: elements of the issuer's origin that bring a foreign product under the rule. */
  content: elementListSchema,
  products: z.array(policyFormSchema).min(1),
  /** Minimum value share of controlled issuer-origin content for the rule to apply (0.001 = 0.1 %). */
  minValueShare: z.number().min(0).max(1),
  destinations: destinationsSchema.default("all"),
  approvalShare: shareByDestinationSchema.default(0.5),
  delayWorkingDays: workingDayDelaySchema.default({ median: 45, p90: 45 }),
});
export type ExtraterritorialPolicy = z.infer<typeof extraterritorialSchema>;

export const extraterritorialHandler: PolicyHandler<ExtraterritorialPolicy> = {
  collectLists(policy, fractions, ctx, lists) {
    const issuer = ctx.regionIndex.get(policy.issuer);
    if (issuer === undefined) return;
    const E = ctx.shape.elementSymbols.length;
    const contentMask = maskOf(E, policy.content.map((s) => ctx.elementIndex.get(s)).filter((i): i is number => i !== undefined));
    // Products covered whole (oxides, metals, plain "magnet": the listed content) and products covered by magnet grade
    // ("magnet-with-dy-tb", "smco-magnet") become two rules on disjoint cells, so naming one more product never covers less.
    const gradeForms = policy.products.filter((f) => GRADE_PRODUCTS.includes(f));
    const wholeCells = controlledCells(ctx, policy.content, policy.products.filter((f) => !GRADE_PRODUCTS.includes(f)));
    const taken = new Set(wholeCells.map((c) => `${c.element}:${c.form}`));
    const gradeCells = controlledCells(ctx, policy.content, gradeForms).filter((c) => !taken.has(`${c.element}:${c.form}`));
    const parts = [
      { productMask: cellMaskOf(E, wholeCells), magnetGradeCover: new Uint8Array(0), cells: wholeCells.length },
      { productMask: cellMaskOf(E, gradeCells), magnetGradeCover: magnetGradeCoverOf(ctx, gradeForms), cells: gradeCells.length },
    ].filter((part) => part.cells > 0);
    // One rule per distinct approval share among the destinations.
    const byShare = new Map<number, number[]>();
    for (const to of destinationIndices(ctx, policy.destinations, policy.issuer)) {
      const share = shareFor(policy.approvalShare, ctx.shape.regionIds[to] ?? "");
      byShare.set(share, [...(byShare.get(share) ?? []), to]);
    }
    for (const run of activeRuns(fractions)) {
      for (const [share, destinations] of byShare) {
        for (const { productMask, magnetGradeCover } of parts) {
          lists.extraterritorialRules.push({
            issuer, contentMask, productMask, magnetGradeCover, minValueShare: policy.minValueShare,
            // Pro rata within a partly active month.
            permitShare: 1 - run.fraction * (1 - share),
            delayMonths: (run.fraction * policy.delayWorkingDays.median) / WORKING_DAYS_PER_MONTH,
            destinationMask: maskOf(ctx.shape.regionIds.length, destinations),
            fromMonth: run.fromMonth, toMonth: run.toMonth,
          });
        }
      }
    }
  },
};

/**
 * Which magnets a rule's products cover, by grade (see `ExtraterritorialRule.magnetGradeCover`): "magnet-with-dy-tb"
 * covers NdFeB grades that hold Dy or Tb, as far as they do (Ann. 61/2025 Part 2: NdFeB containing Dy or Tb; Dy-free
 * grades pass); "smco-magnet" covers SmCo grades. Empty when the rule names neither (plain "magnet" covers the
 * listed elements' magnet content whole).
 */
/** Products an extraterritorial rule covers by magnet grade rather than whole. */
const GRADE_PRODUCTS: readonly string[] = ["magnet-with-dy-tb", "smco-magnet"];

function magnetGradeCoverOf(ctx: PolicyCompileContext, products: readonly string[]): Uint8Array {
  const withDyTb = products.includes("magnet-with-dy-tb");
  const smco = products.includes("smco-magnet");
  if (!withDyTb && !smco) return new Uint8Array(0);
  return Uint8Array.from(ctx.world.magnetGrades, (grade) => {
    if (grade.magnetType === "smco") return smco ? 1 : 0;
    const heavy = (grade.elementsWeightPercent.Dy ?? 0) > 0 || (grade.elementsWeightPercent.Tb ?? 0) > 0;
    return withDyTb && heavy ? 2 : 0;
  });
}
