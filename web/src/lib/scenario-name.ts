/**
 * @module web/lib/scenario-name
 * Checks a name to save a scenario under before the server does, and words the problem as the API's schema
 * (`scenarioNameSchema` in `src/model/api.ts`) does. Kept apart from the schema so the editor does not load zod.
 */

/** A saved scenario's name, as `scenarioNameSchema` accepts it. */
const SCENARIO_NAME_PATTERN = /^[a-z0-9][a-z0-9+.-]{0,63}$/;

/** What a scenario name may be, in the words of `scenarioNameSchema` (a test pins the two together). */
export const SCENARIO_NAME_RULE = "a scenario name of lower-case letters, digits, dashes (-), plus signs (+) and dots (.), starting with a letter or digit (at most 64 characters)";

/**
 * Why `name` cannot name a saved scenario, as one sentence with an example, or undefined when it can.
 * @example scenarioNameProblem("My_Scenario") // 'Expected a scenario name of lower-case letters, …, got "My_Scenario": e.g. my-scenario or apr-2025+stockpile.'
 */
export function scenarioNameProblem(name: string): string | undefined {
  if (SCENARIO_NAME_PATTERN.test(name)) return undefined;
  return `Expected ${SCENARIO_NAME_RULE}, got ${name === "" ? "nothing" : JSON.stringify(name)}: e.g. my-scenario or apr-2025+stockpile.`;
}
