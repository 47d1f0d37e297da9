/**
 * @module scenario/parse
 * Parses one scenario file's text into a validated layer, with located issues. No file access,
 * no `extends` following (see `scenario/node.ts`), no reference checks (see `resolve`).
 */
import type { Issue } from "../model/issues.js";
import { parseLocatedYaml, validateLocatedYaml } from "../model/yaml-edge.js";
import type { ScenarioLayer } from "./resolve.js";
import { scenarioSchema } from "./schema.js";

/** Parse and shape-check one scenario file. */
export function parseScenarioText(file: string, text: string): { layer?: ScenarioLayer; issues: Issue[] } {
  const { yaml, issues } = parseLocatedYaml(file, text);
  if (issues.length > 0) return { issues };
  if (yaml.data === null || typeof yaml.data !== "object" || Array.isArray(yaml.data)) {
    return { issues: [{ code: "invalid_type", path: [], file, line: 1, column: 1, message: "expected a mapping with name, start, months, policies…, got an empty or non-mapping document" }] };
  }
  const { value, issues: shape } = validateLocatedYaml(yaml, scenarioSchema, { docs: "docs/scenarios.md" });
  return value === undefined ? { issues: shape } : { layer: { file: value, yaml }, issues: [] };
}
