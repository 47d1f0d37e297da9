/**
 * @module policy/export-licence
 * Export licensing (e.g. MOFCOM/GAC Ann. 18/2025): only an approved share of requested exports
 * ships, and only after the licence review delay; end uses the issuer denies get nothing.
 */
import { z } from "zod";
import { FORM_INDEX } from "../model/constraints.js";
import { regionIdSchema } from "../model/ids.js";
import {
  destinationsSchema, elementListSchema, policyCommonFields, policyFormSchema, shareByDestinationSchema,
  workingDayDelaySchema,
} from "./common.js";
import { controlledCells, destinationIndices, forEachTradeCell, shareFor, WORKING_DAYS_PER_MONTH, type PolicyCompileContext } from "./context.js";
import type { PolicyHandler } from "./handler.js";

export const exportLicenceSchema = z.strictObject({
  kind: z.literal("export-licence"),
  ...policyCommonFields,
  issuer: regionIdSchema,
  elements: elementListSchema,
  forms: z.array(policyFormSchema).min(1),
  destinations: destinationsSchema.default("all"),
  /** Share of requested exports that licences approve, 0–1 (optionally per destination). */
  approvalShare: shareByDestinationSchema,
  /** Review time in working days; the engine uses the median (ensembles may sample up to p90). */
  delayWorkingDays: workingDayDelaySchema.default({ median: 45, p90: 45 }),
  /** End uses for which no licence is granted: their share of the destination's use of the element is denied. */
  deniedEndUses: z.array(z.string().regex(/^sector:[a-z0-9-]+$/, "a sector id such as sector:defense")).default([]),
});
export type ExportLicencePolicy = z.infer<typeof exportLicenceSchema>;

/** Share of `region`'s 2024 magnet demand (tonnes of magnet) in the given sectors: a licence is denied per magnet, not per element. */
export function magnetEndUseShare(ctx: PolicyCompileContext, region: string, sectors: readonly string[]): number {
  if (sectors.length === 0) return 0;
  let total = 0;
  let denied = 0;
  for (const d of ctx.world.demand2024) {
    if (d.region !== region || d.magnetTonnes === undefined) continue;
    total += d.magnetTonnes;
    if (sectors.includes(d.sector)) denied += d.magnetTonnes;
  }
  return total > 0 ? denied / total : 0;
}

/** Share of `region`'s 2024 use of element `symbol` (element content) that goes to the given sectors. */
export function endUseShare(ctx: PolicyCompileContext, region: string, symbol: string, sectors: readonly string[]): number {
  if (sectors.length === 0) return 0;
  let total = 0;
  let denied = 0;
  for (const d of ctx.world.demand2024) {
    if (d.region !== region) continue;
    const sector = ctx.world.sectors.find((s) => s.id === d.sector);
    if (sector === undefined) continue;
    let tonnes = 0;
    if (sector.use === "magnet") {
      const grade = ctx.world.magnetGrades.find((g) => g.id === sector.magnetGrade);
      tonnes = ((d.magnetTonnes ?? 0) * (grade?.elementsWeightPercent[symbol as "Nd"] ?? 0)) / 100;
    } else {
      tonnes = ((d.tonnesReo ?? 0) * (sector.elementSharesPercent[symbol as "Nd"] ?? 0)) / 100;
    }
    total += tonnes;
    if (sectors.includes(d.sector)) denied += tonnes;
  }
  return total > 0 ? denied / total : 0;
}

export const exportLicenceHandler: PolicyHandler<ExportLicencePolicy> = {
  applyToSegment(segment, policy, fraction, _month, ctx) {
    const destinations = destinationIndices(ctx, policy.destinations, policy.issuer);
    const cells = controlledCells(ctx, policy.elements, policy.forms);
    const delayMonths = policy.delayWorkingDays.median / WORKING_DAYS_PER_MONTH;
    forEachTradeCell(ctx, policy.issuer, destinations, cells, (offset, to, cell) => {
      const destination = ctx.shape.regionIds[to] ?? "";
      const element = ctx.shape.elementSymbols[cell.element] ?? "";
      const denied = cell.form === FORM_INDEX.magnet
        ? magnetEndUseShare(ctx, destination, policy.deniedEndUses)
        : endUseShare(ctx, destination, element, policy.deniedEndUses);
      const approved = shareFor(policy.approvalShare, destination) * (1 - denied);
      // Active for part of the month: the rest of the month trades freely.
      segment.exportPermitShare[offset] = (segment.exportPermitShare[offset] ?? 1) * (1 - fraction * (1 - approved));
      segment.licenceDelayMonths[offset] = Math.max(segment.licenceDelayMonths[offset] ?? 0, fraction * delayMonths);
    });
  },
};
