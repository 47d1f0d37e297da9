/**
 * @module scenario/node
 * Node-only entry: finds scenario files (paths or ready-made names), follows `extends`,
 * loads the world a scenario names, and resolves it. Everything else in `scenario/` is isomorphic.
 */
import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { basename, dirname, isAbsolute, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { InputValidationError, type Issue } from "../model/issues.js";
import { formatIssues } from "../model/issue-text.js";
import type { World } from "../model/world-schema.js";
import { loadWorldFromDirectory } from "../world/node.js";
import { parseScenarioText } from "./parse.js";
import { resolveScenario, type ResolvedScenario, type ScenarioLayer } from "./resolve.js";

/** The folder of ready-made scenarios shipped with the package. */
export const READY_MADE_SCENARIOS_DIR = fileURLToPath(new URL("../../scenarios/", import.meta.url));

/** A ready-made scenario's name, title and description. */
export interface ReadyMadeScenario {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly path: string;
}

/** List the ready-made scenarios (`scenarios/*.yaml`), sorted by name. */
export function listReadyMadeScenarios(dir: string = READY_MADE_SCENARIOS_DIR): ReadyMadeScenario[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir)
    .filter((f) => f.endsWith(".yaml"))
    .sort()
    .map((f) => {
      const path = resolve(dir, f);
      const { layer } = parseScenarioText(f, readFileSync(path, "utf8"));
      return { name: basename(f, ".yaml"), title: layer?.file.name ?? "(invalid)", description: layer?.file.description ?? "", path };
    });
}

/** Whether a reference names a ready-made scenario rather than a file. */
function isReadyMadeName(ref: string): boolean {
  return /^[a-z0-9][a-z0-9+.-]*$/.test(ref) && !ref.endsWith(".yaml") && !ref.endsWith(".yml");
}

/** The file a scenario reference points at: a ready-made name, or a path relative to `baseDir`. */
export function scenarioPathFor(ref: string, baseDir: string = process.cwd(), readyMadeDir: string = READY_MADE_SCENARIOS_DIR): string {
  if (isReadyMadeName(ref)) return resolve(readyMadeDir, `${ref}.yaml`);
  return isAbsolute(ref) ? ref : resolve(baseDir, ref);
}

function displayPath(path: string): string {
  const rel = relative(process.cwd(), path);
  return rel.startsWith("..") ? path : rel;
}

function noScenarioFileText(path: string, readyMadeDir: string): string {
  const known = listReadyMadeScenarios(readyMadeDir).map((s) => s.name).join(", ");
  return `no scenario file ${displayPath(path)}; ready-made scenarios are: ${known}`;
}

/**
 * Why a scenario reference (ready-made name or path) names no file — "no scenario file scenarios/x.yaml; ready-made
 * scenarios are: …" — or undefined when the file exists. For checking an option's value before anything runs.
 */
export function missingScenarioText(ref: string, options: { baseDir?: string; readyMadeDir?: string } = {}): string | undefined {
  const readyMadeDir = options.readyMadeDir ?? READY_MADE_SCENARIOS_DIR;
  const path = scenarioPathFor(ref, options.baseDir, readyMadeDir);
  return existsSync(path) && statSync(path).isFile() ? undefined : noScenarioFileText(path, readyMadeDir);
}

/** A scenario loaded and resolved, with the world it runs on. */
export interface LoadedScenario {
  readonly scenario: ResolvedScenario;
  readonly world: World;
  /** The scenario file and the world folder it ran on (absolute paths). */
  readonly scenarioPath: string;
  readonly worldDir: string | undefined;
  /**
   * What the scenario file says to compare it with (`compareWith`), as a reference `loadScenario` accepts (a ready-made
   * name, or an absolute path); undefined when it says nothing (compare with the baseline).
   */
  readonly compareWith?: string;
}

/**
 * Load a scenario by ready-made name or path, follow its `extends` chain, load its world and
 * resolve it; throws `InputValidationError` (`RE_SCENARIO_INVALID`) with every issue otherwise.
 * @example const { scenario, world } = loadScenario("oct-2025-returns");
 */
export function loadScenario(ref: string, options: { baseDir?: string; readyMadeDir?: string; worldDir?: string } = {}): LoadedScenario {
  const readyMadeDir = options.readyMadeDir ?? READY_MADE_SCENARIOS_DIR;
  const fail = (issues: Issue[]): never => {
    throw new InputValidationError("RE_SCENARIO_INVALID", issues, `the scenario is not valid:\n${formatIssues(issues)}`);
  };
  const layers: ScenarioLayer[] = [];
  const visited: string[] = [];
  let path = scenarioPathFor(ref, options.baseDir, readyMadeDir);
  let worldRef: { dir: string; layer: ScenarioLayer } | undefined;
  for (;;) {
    if (!existsSync(path) || !statSync(path).isFile()) {
      const from = visited.length === 0 ? undefined : displayPath(visited[visited.length - 1] ?? "");
      fail([{ code: "missing_file", path: from === undefined ? [] : ["extends"], ...(from === undefined ? {} : { file: from }), message: noScenarioFileText(path, readyMadeDir) }]);
    }
    if (visited.includes(path)) fail([{ code: "invalid_value", path: ["extends"], file: displayPath(path), message: `extends forms a cycle: ${[...visited, path].map(displayPath).join(" → ")}` }]);
    visited.push(path);
    const { layer, issues } = parseScenarioText(displayPath(path), readFileSync(path, "utf8"));
    if (layer === undefined) return fail(issues);
    layers.unshift(layer);
    if (worldRef === undefined && layer.file.world !== undefined) worldRef = { dir: resolve(dirname(path), layer.file.world), layer };
    if (layer.file.extends === undefined) break;
    path = scenarioPathFor(layer.file.extends, dirname(path), readyMadeDir);
  }
  const worldDir = options.worldDir ?? worldRef?.dir;
  if (worldRef !== undefined && options.worldDir === undefined && !(existsSync(worldRef.dir) && statSync(worldRef.dir).isDirectory())) {
    const at = worldRef.layer.yaml.locate(["world"]);
    fail([{ code: "missing_file", path: ["world"], file: worldRef.layer.yaml.file, ...(at ?? {}), message: `no world folder ${displayPath(worldRef.dir)}; world: is a folder path relative to this scenario file`, expected: "a world folder", received: worldRef.layer.file.world ?? "" }]);
  }
  const world = worldDir === undefined ? loadWorldFromDirectory() : loadWorldFromDirectory(worldDir);
  const { scenario, issues } = resolveScenario(layers, world);
  if (scenario === undefined) return fail(issues);
  // The scenario's own comparison (never a parent's: a child asks its own question), relative to its own file.
  const own = layers[layers.length - 1];
  const ownPath = visited[0] ?? path;
  let compareWith: string | undefined;
  if (own?.file.compareWith !== undefined) {
    const ref = own.file.compareWith;
    const comparedPath = scenarioPathFor(ref, dirname(ownPath), readyMadeDir);
    if (!existsSync(comparedPath) || !statSync(comparedPath).isFile()) {
      const at = own.yaml.locate(["compareWith"]);
      fail([{ code: "missing_file", path: ["compareWith"], file: own.yaml.file, ...(at ?? {}), message: noScenarioFileText(comparedPath, readyMadeDir), expected: "a ready-made scenario name or a scenario file", received: ref }]);
    }
    compareWith = isReadyMadeName(ref) ? ref : comparedPath;
  }
  return { scenario, world, scenarioPath: ownPath, worldDir, ...(compareWith === undefined ? {} : { compareWith }) };
}
