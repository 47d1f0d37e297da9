/**
 * @module server/scenario-catalog
 * Scenarios as the server sees them: ready-made (`scenarios/*.yaml`, read-only) and saved (the
 * store), looked up by exact name only. Validates YAML fully, following `extends` to saved
 * scenarios first and ready-made ones second, and returns the text of every layer so a worker
 * can run it. No request value ever becomes a path: names are keys into these two listings.
 */
import { readFileSync } from "node:fs";
import type { ScenarioDocument, ScenarioListEntry } from "../model/api.js";
import { scenarioNameSchema } from "../model/api.js";
import type { Issue } from "../model/issues.js";
import type { World } from "../model/world-schema.js";
import { withLocation } from "../model/yaml-edge.js";
import { parseScenarioText, resolveScenario, type ResolvedScenario, type ScenarioLayer } from "../scenario/index.js";
import { listReadyMadeScenarios, READY_MADE_SCENARIOS_DIR } from "../scenario/node.js";
import type { ChokepointStore } from "../store/index.js";

/** One scenario file's text, as a worker receives it. */
export interface LayerText {
  /** Name shown in issues: `<name>.yaml` for saved, `scenarios/<name>.yaml` for ready-made. */
  readonly file: string;
  readonly text: string;
}

/** A scenario checked against the world, with its layers furthest ancestor first. */
export type ValidatedScenario =
  | {
    readonly ok: true; readonly scenario: ResolvedScenario; readonly layers: readonly LayerText[]; readonly issues: readonly [];
    /** What the scenario's own file says to compare it with (`compareWith`, never a parent's), as written. */
    readonly compareWith?: string;
  }
  | { readonly ok: false; readonly issues: readonly Issue[] };

/** Longest `extends` chain followed before giving up. */
const MAX_EXTENDS_DEPTH = 32;

/** Ready-made and saved scenarios, validated against one world. */
export class ScenarioCatalog {
  constructor(
    private readonly store: ChokepointStore,
    private readonly world: World,
    private readonly readyMadeDir: string = READY_MADE_SCENARIOS_DIR,
  ) {}

  /** Ready-made scenarios (sorted by name), then saved ones (sorted by name). */
  list(): ScenarioListEntry[] {
    const readyMade = listReadyMadeScenarios(this.readyMadeDir).map((s): ScenarioListEntry => ({
      name: s.name, title: s.title, description: s.description, origin: "ready-made", updatedAt: undefined,
    }));
    const saved = this.store.listScenarios().map((s) => this.#savedEntry(s.name, s.yaml, s.updatedAt));
    return [...readyMade, ...saved];
  }

  /** Whether `name` is a ready-made scenario. */
  isReadyMade(name: string): boolean {
    return listReadyMadeScenarios(this.readyMadeDir).some((s) => s.name === name);
  }

  /** One scenario by exact name: saved first, then ready-made. */
  get(name: string): ScenarioDocument | undefined {
    const saved = this.store.getScenario(name);
    if (saved !== undefined) return { ...this.#savedEntry(saved.name, saved.yaml, saved.updatedAt), yaml: saved.yaml };
    const ready = listReadyMadeScenarios(this.readyMadeDir).find((s) => s.name === name);
    if (ready === undefined) return undefined;
    // The path comes from the directory listing, never from the request.
    const yaml = readFileSync(ready.path, "utf8");
    return { name: ready.name, title: ready.title, description: ready.description, origin: "ready-made", updatedAt: undefined, yaml };
  }

  /** Every name a scenario can extend, for messages. */
  knownNames(): string[] {
    return [...new Set([...this.store.listScenarios().map((s) => s.name), ...listReadyMadeScenarios(this.readyMadeDir).map((s) => s.name)])].sort();
  }

  /**
   * Validate YAML text named `name` (or unnamed), following `extends` by name. Issues name the
   * file `<name>.yaml` (`scenarios/<name>.yaml` for a ready-made one, `scenario.yaml` unnamed).
   */
  validate(text: string, name?: string): ValidatedScenario {
    const file = name === undefined ? "scenario.yaml" : this.store.getScenario(name) === undefined && this.isReadyMade(name) ? `scenarios/${name}.yaml` : `${name}.yaml`;
    const texts: LayerText[] = [{ file, text }];
    const layers: ScenarioLayer[] = [];
    const visited = name === undefined ? [] : [name];
    let current: LayerText = { file, text };
    for (let depth = 0; ; depth++) {
      const { layer, issues } = parseScenarioText(current.file, current.text);
      if (layer === undefined) return { ok: false, issues };
      layers.unshift(layer);
      if (layer.file.world !== undefined) {
        return { ok: false, issues: [withLocation(layer.yaml, {
          code: "invalid_value", path: ["world"], received: layer.file.world,
          message: `the server runs every scenario on its own world (${this.world.dataset.name} ${this.world.dataset.version}); a scenario cannot name a world folder`,
          hint: "remove the world field",
        })] };
      }
      const parent = layer.file.extends;
      if (parent === undefined) break;
      const problem = (message: string, hint?: string): ValidatedScenario => ({
        ok: false,
        issues: [withLocation(layer.yaml, { code: "unknown_reference", path: ["extends"], received: parent, message, ...(hint === undefined ? {} : { hint }) })],
      });
      if (!scenarioNameSchema.safeParse(parent).success) {
        return problem(`expected the name of a saved or ready-made scenario, got "${parent}"; the server does not read scenario files by path`, `use one of ${this.knownNames().join(", ")}`);
      }
      if (visited.includes(parent)) return problem(`extends forms a cycle: ${[...visited, parent].join(" → ")}`);
      if (depth >= MAX_EXTENDS_DEPTH) return problem(`extends chain longer than ${MAX_EXTENDS_DEPTH} scenarios`);
      visited.push(parent);
      const found = this.#parentText(parent);
      if (found === undefined) return problem(`unknown scenario "${parent}"; expected one of ${this.knownNames().join(", ")}`);
      texts.unshift(found);
      current = found;
    }
    const { scenario, issues } = resolveScenario(layers, this.world);
    if (scenario === undefined) return { ok: false, issues };
    // The scenario's own comparison must be a scenario the server knows by name (it reads no files by path), checked here
    // so the editor marks its line, as for `extends`.
    const own = layers[layers.length - 1];
    const compareWith = own?.file.compareWith;
    if (own !== undefined && compareWith !== undefined && (!scenarioNameSchema.safeParse(compareWith).success || this.#parentText(compareWith) === undefined)) {
      return { ok: false, issues: [withLocation(own.yaml, {
        code: "unknown_reference", path: ["compareWith"], received: compareWith,
        message: `unknown scenario "${compareWith}"; compareWith names a saved or ready-made scenario on the server (it reads no files by path)`,
        hint: `use one of ${this.knownNames().join(", ")}`,
      })] };
    }
    return { ok: true, scenario, layers: texts, issues: [], ...(compareWith === undefined ? {} : { compareWith }) };
  }

  #parentText(name: string): LayerText | undefined {
    const saved = this.store.getScenario(name);
    if (saved !== undefined) return { file: `${name}.yaml`, text: saved.yaml };
    const ready = listReadyMadeScenarios(this.readyMadeDir).find((s) => s.name === name);
    return ready === undefined ? undefined : { file: `scenarios/${ready.name}.yaml`, text: readFileSync(ready.path, "utf8") };
  }

  #savedEntry(name: string, yaml: string, updatedAt: string): ScenarioListEntry {
    const { layer } = parseScenarioText(`${name}.yaml`, yaml);
    return { name, title: layer?.file.name ?? name, description: layer?.file.description ?? "", origin: "saved", updatedAt };
  }
}
