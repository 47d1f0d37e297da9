/**
 * @module server/routes-scenarios
 * /api/scenarios: list (ready-made + saved), get one, save (validated fully; nothing stored when
 * invalid), delete (saved only), validate. Names are validated keys, never paths.
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import { saveScenarioRequestSchema, scenarioNameSchema, type ScenarioDocument, type ScenarioListResponse, type ValidationResponse } from "../model/api.js";
import { formatIssues } from "../model/issue-text.js";
import type { Issue } from "../model/issues.js";
import { parseScenarioText } from "../scenario/index.js";
import type { ServerContext } from "./context.js";
import { HttpError, notFound, parseRequestPart } from "./http-error.js";

const nameParams = z.object({ name: scenarioNameSchema });

/** 422 for scenario YAML that does not validate. */
export function invalidScenario(issues: readonly Issue[], what = "the scenario"): HttpError {
  const count = issues.length === 1 ? "1 problem" : `${issues.length} problems`;
  return new HttpError(422, "invalid-scenario", "Invalid scenario", `${what} is not valid (${count}):\n${formatIssues(issues)}`, issues);
}

/** Register the scenario routes. */
export function registerScenarioRoutes(app: FastifyInstance, { catalog, store }: ServerContext): void {
  app.get("/api/scenarios", async (): Promise<ScenarioListResponse> => ({ scenarios: catalog.list() }));

  app.post("/api/scenarios/validate", async (request): Promise<ValidationResponse> => {
    const { yaml } = parseRequestPart(saveScenarioRequestSchema, request.body, "body");
    const result = catalog.validate(yaml);
    if (!result.ok) return { valid: false, issues: result.issues };
    // What a run form needs: the months a window can start in, and the comparison the scenario names itself.
    const { startMonth, months } = result.scenario;
    return { valid: true, issues: [], horizon: { startMonth, months }, ...(result.compareWith === undefined ? {} : { compareWith: result.compareWith }) };
  });

  app.get("/api/scenarios/:name", async (request): Promise<ScenarioDocument> => {
    const { name } = parseRequestPart(nameParams, request.params, "params");
    const doc = catalog.get(name);
    if (doc === undefined) throw notFound(`no scenario "${name}"; GET /api/scenarios lists them`);
    return doc;
  });

  app.put("/api/scenarios/:name", async (request, reply): Promise<ScenarioDocument> => {
    const { name } = parseRequestPart(nameParams, request.params, "params");
    const { yaml } = parseRequestPart(saveScenarioRequestSchema, request.body, "body");
    if (catalog.isReadyMade(name)) {
      throw new HttpError(409, "conflict", "Ready-made scenario", `"${name}" is a ready-made scenario and cannot be changed; save your version under another name (it can extend ${name})`);
    }
    const result = catalog.validate(yaml, name);
    if (!result.ok) throw invalidScenario(result.issues);
    const previous = store.getScenario(name);
    const restore = () => {
      if (previous === undefined) store.deleteScenario(name);
      else store.putScenario(name, previous.yaml, previous.updatedAt);
    };
    store.putScenario(name, yaml, new Date().toISOString());
    // Saved scenarios that extend this one (at any depth) must still be valid with the new version; if one is not
    // (or the check itself fails), the old version is put back and nothing changes.
    let broken: { child: { name: string; yaml: string }; check: ReturnType<typeof catalog.validate> }[];
    try {
      broken = descendantsOf(store.listScenarios(), name)
        .map((child) => ({ child, check: catalog.validate(child.yaml, child.name) }))
        .filter((x) => !x.check.ok);
    } catch (error) {
      restore();
      throw error;
    }
    if (broken.length > 0) {
      restore();
      const issues = broken.flatMap((x) => x.check.issues);
      const names = broken.map((x) => x.child.name).join(", ");
      throw new HttpError(409, "conflict", "Would break scenarios that extend this one",
        `saving "${name}" would make saved scenario(s) ${names} invalid (they extend it); nothing was saved:\n${formatIssues(issues)}`, issues);
    }
    const existed = previous !== undefined;
    const doc = catalog.get(name);
    if (doc === undefined) throw new Error(`scenario ${name} missing right after it was saved`);
    reply.code(existed ? 200 : 201);
    return doc;
  });

  app.delete("/api/scenarios/:name", async (request, reply) => {
    const { name } = parseRequestPart(nameParams, request.params, "params");
    // Deleting a parent would break the saved scenarios that extend it.
    const children = store.listScenarios().filter((s) => extendsName(s.yaml) === name).map((s) => s.name);
    if (children.length > 0) {
      throw new HttpError(409, "conflict", "Scenario is extended", `"${name}" is extended by saved scenario(s) ${children.join(", ")}; delete or change those first`);
    }
    if (store.deleteScenario(name)) return reply.code(204).send();
    if (catalog.isReadyMade(name)) throw new HttpError(409, "conflict", "Ready-made scenario", `"${name}" is a ready-made scenario; only saved scenarios can be deleted`);
    throw notFound(`no saved scenario "${name}"`);
  });
}

/** Saved scenarios that extend `name`, directly or through other saved scenarios. */
function descendantsOf(saved: readonly { readonly name: string; readonly yaml: string }[], name: string): { name: string; yaml: string }[] {
  const found: { name: string; yaml: string }[] = [];
  const queue = [name];
  while (queue.length > 0) {
    const parent = queue.shift()!;
    for (const s of saved) {
      if (extendsName(s.yaml) !== parent || found.some((f) => f.name === s.name) || s.name === name) continue;
      found.push({ name: s.name, yaml: s.yaml });
      queue.push(s.name);
    }
  }
  return found;
}

/** The `extends:` value of a scenario's YAML text, if it has one (block or flow style; undefined if it does not parse). */
function extendsName(yaml: string): string | undefined {
  return parseScenarioText("scenario.yaml", yaml).layer?.file.extends;
}
