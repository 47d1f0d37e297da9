/**
 * @module server/routes-world
 * /api/world: the summary for pickers, the validated dataset for the browser's engine, and the
 * concentration facts. The world is the one the server started with.
 */
import type { FastifyInstance } from "fastify";
import type { WorldSummary } from "../model/api.js";
import type { ServerContext } from "./context.js";
import { summariseWorld } from "./world-summary.js";

/** Register the world routes. */
export function registerWorldRoutes(app: FastifyInstance, { world, facts }: ServerContext): void {
  const summary = summariseWorld(world);
  // Serialised once: the dataset does not change while the server runs.
  const dataset = JSON.stringify(world);
  app.get("/api/world", async (): Promise<WorldSummary> => summary);
  app.get("/api/world/dataset", async (_request, reply) => reply.type("application/json; charset=utf-8").send(dataset));
  app.get("/api/world/facts", async () => facts());
}
