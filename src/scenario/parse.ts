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
  return value === undefined ? { issues: shape.map((i) => withDestinationsHint(i, yaml.data)) } : { layer: { file: value, yaml }, issues: [] };
}

/** `destinations: [EU]` is a list where a mapping belongs: say how to write it with the regions given. */
function withDestinationsHint(issue: Issue, data: unknown): Issue {
  if (issue.path[issue.path.length - 1] !== "destinations" || issue.hint !== undefined) return issue;
  const given = issue.path.reduce<unknown>((node, key) => (node !== null && typeof node === "object" ? (node as Record<string | number, unknown>)[key] : undefined), data);
  if (!Array.isArray(given)) return issue;
  const list = `[${given.map(String).join(", ")}]`;
  return { ...issue, hint: `write { only: ${list} } for these regions only, or { allExcept: ${list} } for every region but them` };
}
