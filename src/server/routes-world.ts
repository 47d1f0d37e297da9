/**
 * @module server/routes-world
 * /api/world: the summary for pickers, the validated dataset for the browser's engine, and the
 * concentration facts with the sources their reference points cite. The world is the one the
 * server started with.
 */
import type { FastifyInstance } from "fastify";
import type { WorldFacts } from "../analysis/facts.js";
import type { WorldFactsResponse, WorldSummary } from "../model/api.js";
import { sourceIds } from "../model/sourced.js";
import type { World } from "../model/world-schema.js";
import type { ServerContext } from "./context.js";
import { summariseWorld } from "./world-summary.js";

/** Register the world routes. */
export function registerWorldRoutes(app: FastifyInstance, { world, facts }: ServerContext): void {
  const summary = summariseWorld(world);
  // Serialised once: the dataset does not change while the server runs.
  const dataset = JSON.stringify(world);
  let factsResponse: WorldFactsResponse<WorldFacts> | undefined;
  app.get("/api/world", async (): Promise<WorldSummary> => summary);
  app.get("/api/world/dataset", async (_request, reply) => reply.type("application/json; charset=utf-8").send(dataset));
  app.get("/api/world/facts", async (): Promise<WorldFactsResponse<WorldFacts>> => (factsResponse ??= withCitedSources(facts(), world)));
}

/** The facts with the sources their reference points cite, in order of first citation. */
function withCitedSources(facts: WorldFacts, world: World): WorldFactsResponse<WorldFacts> {
  const byId = new Map(world.sources.map((s) => [s.id, s]));
  const cited = new Set(facts.references.flatMap((c) => sourceIds(c.reference.source)));
  return { ...facts, sources: [...cited].map((id) => byId.get(id)).filter((s) => s !== undefined) };
}
