/**
 * @module world/parse-world
 * Turns the text of a world's files into a validated `World`, gathering every problem at once.
 * Isomorphic: the caller supplies file texts (see `world/node.ts` for reading a folder).
 */
import { InputValidationError, type Issue } from "../model/issues.js";
import { formatIssues } from "../model/issue-text.js";
import {
  sourcesFileSchema, WORLD_FILE_NAMES, WORLD_FILES, type Source, type World, type WorldFileName,
} from "../model/world-schema.js";
import { parseLocatedYaml, validateLocatedYaml, type LocatedYaml } from "../model/yaml-edge.js";
import { crossCheckWorld } from "./cross-check.js";

/** One file of a world folder: its path relative to the folder (`mines.yaml`, `sources/usgs.yaml`) and text. */
export interface WorldFileText {
  readonly path: string;
  readonly text: string;
}

/** The outcome of parsing a world: the world when valid, and every issue found. */
export interface WorldParseResult {
  readonly world?: World;
  readonly issues: readonly Issue[];
}

/** Files a folder must have, besides at least one file in `sources/`. */
export const REQUIRED_WORLD_FILES: readonly WorldFileName[] = WORLD_FILE_NAMES;

/**
 * Parse and validate a world from its file texts. `displayPrefix` is prepended to file names in
 * issues (e.g. `world/`), so messages point where the user can click.
 */
export function parseWorld(files: readonly WorldFileText[], { displayPrefix = "" } = {}): WorldParseResult {
  const issues: Issue[] = [];
  const byPath = new Map(files.map((f) => [f.path, f]));
  const parsed = new Map<string, { yaml: LocatedYaml; value: unknown }>();

  for (const name of WORLD_FILE_NAMES) {
    const file = byPath.get(name);
    if (file === undefined) {
      issues.push({ code: "missing_file", path: [], file: displayPrefix + name, message: `missing file ${name}; every world folder needs it` });
      continue;
    }
    const entry = parseAndValidate(displayPrefix + name, file.text, WORLD_FILES[name], issues);
    if (entry !== undefined) parsed.set(name, entry);
  }

  const sourceFiles = files.filter((f) => /^sources\/[^/]+\.ya?ml$/.test(f.path));
  if (sourceFiles.length === 0) {
    issues.push({ code: "missing_file", path: [], file: `${displayPrefix}sources/`, message: "missing source list; put at least one YAML file in sources/" });
  }
  const sources: { yaml: LocatedYaml; index: number; source: Source }[] = [];
  for (const file of [...sourceFiles].sort((a, b) => a.path.localeCompare(b.path))) {
    const entry = parseAndValidate(displayPrefix + file.path, file.text, sourcesFileSchema, issues);
    const list = (entry?.value as { sources: Source[] } | undefined)?.sources ?? [];
    list.forEach((source, index) => entry && sources.push({ yaml: entry.yaml, index, source }));
  }

  // Cross-checks still run when some files failed, on what did parse, so one pass reports everything;
  // references into a failed file are not checked (they would all look unknown).
  const sourcesComplete = sourceFiles.length > 0 && issues.every((i) => !i.file?.startsWith(`${displayPrefix}sources/`));
  const world = assembleWorld(parsed, sources.map((s) => s.source));
  const isComplete = (name: string) => (name === "sources/" ? sourcesComplete : parsed.has(name));
  issues.push(...crossCheckWorld(world, { parsed, sources, isComplete }));
  return issues.length > 0 ? { issues } : { world, issues };
}

function parseAndValidate(file: string, text: string, schema: (typeof WORLD_FILES)[WorldFileName] | typeof sourcesFileSchema, issues: Issue[]) {
  const { yaml, issues: syntax } = parseLocatedYaml(file, text);
  if (syntax.length > 0) {
    issues.push(...syntax);
    return undefined;
  }
  const { value, issues: shape } = validateLocatedYaml(yaml, schema);
  issues.push(...shape);
  return value === undefined ? undefined : { yaml, value: value as unknown };
}

/** Merge the parsed files; collections of files that failed are empty so cross-checks can still run. */
function assembleWorld(parsed: Map<string, { value: unknown }>, sources: Source[]): World {
  const merged: Record<string, unknown> = {
    sources, elements: [], regions: [], depositProfiles: [], mines: [], separationPlants: [], metalPlants: [],
    magnetPlants: [], magnetGrades: [], sectors: [], demand2024: [], leadTimes: [], flows: [], domesticOnly: [], sellsOnlyTo: [], prices: [], unpricedElements: [],
    inventoryNorms: [], stockpiles: [], parameters: [], regionParameters: [], referencePoints: [],
  };
  for (const { value } of parsed.values()) Object.assign(merged, value);
  return merged as unknown as World;
}

/** Parse a world or throw `InputValidationError` (code `RE_DATASET_INVALID`) listing every issue. */
export function parseWorldOrThrow(files: readonly WorldFileText[], options: { displayPrefix?: string } = {}): World {
  const { world, issues } = parseWorld(files, options);
  if (world === undefined) {
    throw new InputValidationError("RE_DATASET_INVALID", issues, `the world dataset is not valid:\n${formatIssues(issues)}`);
  }
  return world;
}
