/**
 * @module policy/kinds
 * Every policy kind a scenario can use: the discriminated union of their schemas on `kind`, and
 * the registry of how each compiles. Kind names are the YAML words of DESIGN.md §5a (kebab-case).
 */
import { z } from "zod";
import { demandShockHandler, demandShockSchema } from "./demand-shock.js";
import { exportBanHandler, exportBanSchema } from "./export-ban.js";
import { exportLicenceHandler, exportLicenceSchema } from "./export-licence.js";
import { exportQuotaHandler, exportQuotaSchema } from "./export-quota.js";
import { extraterritorialHandler, extraterritorialSchema } from "./extraterritorial.js";
import type { PolicyHandler } from "./handler.js";
import { newCapacityHandler, newCapacitySchema } from "./new-capacity.js";
import { priceFloorHandler, priceFloorSchema } from "./price-floor.js";
import { stockpileHandler, stockpilePolicySchema } from "./stockpile.js";
import { supplyShockHandler, supplyShockSchema } from "./supply-shock.js";
import { suspensionHandler, suspensionSchema } from "./suspension.js";
import { tariffHandler, tariffSchema } from "./tariff.js";
import { technologyBanHandler, technologyBanSchema } from "./technology-ban.js";

/** Any policy. */
export const policySchema = z.discriminatedUnion("kind", [
  exportLicenceSchema, exportBanSchema, exportQuotaSchema, extraterritorialSchema, technologyBanSchema, tariffSchema,
  supplyShockSchema, demandShockSchema, stockpilePolicySchema, priceFloorSchema, newCapacitySchema, suspensionSchema,
]);
export type Policy = z.infer<typeof policySchema>;
export type PolicyKind = Policy["kind"];
export type PolicyOf<K extends PolicyKind> = Extract<Policy, { kind: K }>;

/** How each kind compiles; keyed by kind so adding a kind without a handler fails to type-check. */
export const POLICY_HANDLERS: { readonly [K in PolicyKind]: PolicyHandler<PolicyOf<K>> } = {
  "export-licence": exportLicenceHandler,
  "export-ban": exportBanHandler,
  "export-quota": exportQuotaHandler,
  extraterritorial: extraterritorialHandler,
  "technology-ban": technologyBanHandler,
  tariff: tariffHandler,
  "supply-shock": supplyShockHandler,
  "demand-shock": demandShockHandler,
  stockpile: stockpileHandler,
  "price-floor": priceFloorHandler,
  "new-capacity": newCapacityHandler,
  suspension: suspensionHandler,
};

/** The handler of a policy's kind (typed for that policy). */
export function handlerFor<P extends Policy>(policy: P): PolicyHandler<P> {
  return POLICY_HANDLERS[policy.kind] as unknown as PolicyHandler<P>;
}

/** All kind names, for help texts and docs. */
export const POLICY_KINDS = Object.keys(POLICY_HANDLERS) as PolicyKind[];
