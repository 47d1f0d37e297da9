/**
 * @module engine/parameters
 * The catalogue of model parameters the engine reads from `world/parameters.yaml`, with the
 * fallback value used when a world omits one, and seeded sampling over their ranges.
 * Values and sources live in the YAML file; the fallbacks here only keep small test worlds running.
 */
import type { Parameter } from "../model/world-schema.js";
import { uniformBetween, type RandomSource } from "./random.js";

interface ParameterSpec {
  /** Fallback value when the world does not define the parameter. */
  readonly fallback: number;
  /** Unit, as written in parameters.yaml. */
  readonly unit: string;
}

/** Every parameter id the engine reads, its unit and fallback value (see docs/model.md for meaning). */
export const PARAMETER_SPECS = {
  "capacity.availabilityShare": { fallback: 0.9, unit: "share" },
  "facility.utilisationShare": { fallback: 0.7, unit: "share" },
  "facility.constructionSlipMonths": { fallback: 9, unit: "months" },
  "facility.plannedSlipMonths": { fallback: 24, unit: "months" },
  "china.capacityGrowthPerYear": { fallback: 0, unit: "1/year" },
  "china.capacityGrowthPerPriceRatio": { fallback: 0, unit: "1/year" },
  "china.ionicQuotaGrowthPerYear": { fallback: 0, unit: "1/year" },
  "mine.expansionPerMonth": { fallback: 0.02, unit: "1/month" },
  "mine.supplyElasticity": { fallback: 0.3, unit: "dimensionless" },
  "separation.recoveryShare": { fallback: 0.95, unit: "share" },
  "metal.yieldShare": { fallback: 0.97, unit: "share" },
  "magnet.scrapRecycledShare": { fallback: 0.9, unit: "share" },
  "magnet.ndPrSubstitutionElasticity": { fallback: 0, unit: "dimensionless" },
  "magnet.tbDyEquivalence": { fallback: 1, unit: "t Dy per t Tb" },
  "inventory.outputCoverMonths": { fallback: 0.5, unit: "months" },
  "inventory.defaultCoverMonths": { fallback: 2, unit: "months" },
  "inventory.adjustmentMonths": { fallback: 3, unit: "months" },
  "inventory.smoothingMonths": { fallback: 3, unit: "months" },
  "trade.domesticLeadTimeMonths": { fallback: 0.25, unit: "months" },
  "trade.defaultDomesticPriorityShare": { fallback: 0.5, unit: "share" },
  "concentrate.minDrivingShare": { fallback: 0, unit: "share" },
  "concentrate.unsoldCoverMultiple": { fallback: 2, unit: "dimensionless" },
  "price.targetPerCoverScarcity": { fallback: 0.2, unit: "dimensionless" },
  "price.targetPerUnmetShare": { fallback: 2, unit: "dimensionless" },
  "price.adjustPerMonth": { fallback: 0.3, unit: "1/month" },
  "price.scarcityMemoryPerMonth": { fallback: 0.06, unit: "1/month" },
  "price.reversionPerMonth": { fallback: 0.03, unit: "1/month" },
  "price.maxChangePerMonth": { fallback: 0.25, unit: "1/month (log change)" },
  "price.exportWedgePerBlockedShare": { fallback: 5, unit: "dimensionless" },
  "price.exportWedgePerUnmetShare": { fallback: 5, unit: "dimensionless" },
  "price.wedgeAdjustPerMonth": { fallback: 0.5, unit: "1/month" },
  "price.backstopMultiple": { fallback: 50, unit: "dimensionless" },
  "price.defaultUsdPerKg": { fallback: 10, unit: "USD/kg element" },
  "price.magnetFabricationUsdPerKgContent": { fallback: 0, unit: "USD/kg element" },
  "price.exChinaMagnetFabricationMarkup": { fallback: 0, unit: "dimensionless" },
  "demand.longRunPriceElasticity": { fallback: 0, unit: "dimensionless" },
  "demand.longRunAdjustmentMonths": { fallback: 24, unit: "months" },
  "demand.priceElasticity": { fallback: -0.05, unit: "dimensionless" },
  "response.signalLagMonths": { fallback: 6, unit: "months" },
  "response.shortfallStressPerShare": { fallback: 5, unit: "dimensionless" },
  "response.stressSpan": { fallback: 1, unit: "dimensionless" },
  "response.gbdMaxCut": { fallback: 0.4, unit: "share" },
  "response.gbdTriggerStress": { fallback: 0.5, unit: "dimensionless" },
  "response.gbdAdoptionMonths": { fallback: 24, unit: "months" },
  "response.dyFreeMaxShare": { fallback: 0.25, unit: "share" },
  "response.dyFreeTriggerStress": { fallback: 1, unit: "dimensionless" },
  "response.dyFreeAdoptionMonths": { fallback: 36, unit: "months" },
  "response.substitutionMaxShare": { fallback: 0.15, unit: "share" },
  "response.substitutionTriggerStress": { fallback: 1, unit: "dimensionless" },
  "response.substitutionAdoptionMonths": { fallback: 48, unit: "months" },
  "engine.spinUpMonths": { fallback: 24, unit: "months" },
} as const satisfies Record<string, ParameterSpec>;

/** Id of a parameter the engine reads, e.g. `price.adjustPerMonth`. */
export type ParameterId = keyof typeof PARAMETER_SPECS;
/** Parameter values by id (units as in `PARAMETER_SPECS`). */
export type ParameterValues = Readonly<Record<ParameterId, number>>;
/** Sampling range [low, high] of each parameter that has one. */
export type ParameterRanges = Readonly<Partial<Record<ParameterId, readonly [number, number]>>>;

/** All parameter ids, sorted, so sampling order is stable. */
export const PARAMETER_IDS: readonly ParameterId[] = (Object.keys(PARAMETER_SPECS) as ParameterId[]).sort();

/** Resolve the world's parameter list against the catalogue; missing ids take their fallback with a warning. */
export function resolveParameters(list: readonly Parameter[]): { values: ParameterValues; ranges: ParameterRanges; warnings: string[] } {
  const byId = new Map(list.map((p) => [p.id, p]));
  const values = {} as Record<ParameterId, number>;
  const ranges: Partial<Record<ParameterId, readonly [number, number]>> = {};
  const warnings: string[] = [];
  for (const id of PARAMETER_IDS) {
    const found = byId.get(id);
    if (found === undefined) {
      values[id] = PARAMETER_SPECS[id].fallback;
      warnings.push(`parameter ${id} is not in the world; using the engine fallback ${PARAMETER_SPECS[id].fallback} ${PARAMETER_SPECS[id].unit}`);
      continue;
    }
    values[id] = found.value;
    if (found.range !== undefined) ranges[id] = [Math.min(...found.range), Math.max(...found.range)];
  }
  return { values, ranges, warnings };
}

/** Draw every parameter that has a range uniformly within it (ids in sorted order); others keep their value. */
export function sampleParameters(values: ParameterValues, ranges: ParameterRanges, rng: RandomSource): ParameterValues {
  const sampled = { ...values } as Record<ParameterId, number>;
  for (const id of PARAMETER_IDS) {
    const range = ranges[id];
    if (range !== undefined) sampled[id] = uniformBetween(rng, range[0], range[1]);
  }
  return sampled;
}
