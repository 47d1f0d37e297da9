/**
 * @module scenario
 * Scenario files: their schema, parsing with located errors, `extends` chains, and resolution
 * against a world (references, dates, suspensions, contradictions). Isomorphic; reading files
 * is `scenario/node.ts`. It does not turn policies into engine constraints (see `policy`).
 */
export { scenarioSchema, SCENARIO_DEFAULTS } from "./schema.js";
export type { DemandOverride, FacilityOverride, Overrides, ScenarioFile } from "./schema.js";
export { parseScenarioText } from "./parse.js";
export { destinationRegions, resolveScenario } from "./resolve.js";
export type { ResolvedPolicy, ResolvedScenario, ScenarioLayer } from "./resolve.js";
export { activeFractionByMonth, addMonths, dayNumberOf, monthOffset } from "../model/dates.js";
export type { DayWindow } from "../model/dates.js";
