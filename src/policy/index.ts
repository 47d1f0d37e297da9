/**
 * @module policy
 * Policy kinds — export licences, bans, quotas, extraterritorial rules, technology bans, tariffs,
 * supply and demand shocks, stockpiles, price floors, new capacity, suspensions — each with its
 * schema and how it becomes engine constraints. It does not read files or resolve scenarios.
 */
export { policySchema, POLICY_HANDLERS, POLICY_KINDS, handlerFor } from "./kinds.js";
export type { Policy, PolicyKind, PolicyOf } from "./kinds.js";
export { applyPoliciesToWorld, compilePolicies } from "./compile.js";
export type { ActivePolicy } from "./compile.js";
export { ENGINE_FORM_OF, POLICY_FORMS } from "./common.js";
export type { PolicyForm } from "./common.js";
