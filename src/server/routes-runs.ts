/**
 * @module server/routes-runs
 * /api/runs and /api/compare: start a run (202, or 429 when full), list, status, and the outputs of
 * a finished run — report, filtered tidy series with the run's dimensions, the flow graph of a month —
 * and two runs compared.
 */
import type { FastifyInstance } from "fastify";
import { z } from "zod";
import type { RunReport } from "../analysis/report-model.js";
import { startRunRequestSchema, type RunStatus, type SeriesResponse } from "../model/api.js";
import { monthSchema } from "../model/ids.js";
import type { StoredRun } from "../store/index.js";
import { compareRuns } from "./compare.js";
import type { ServerContext } from "./context.js";
import { HttpError, invalidRequest, notFound, parseRequestPart } from "./http-error.js";
import type { RunRequestInput } from "./run-manager.js";
import { invalidScenario } from "./routes-scenarios.js";
import { seriesDimensions } from "./series-dimensions.js";
import { filterSeries, parseSeriesQuery } from "./series-query.js";

/** The scenario a run compares with unless told otherwise. */
const DEFAULT_BASELINE = "baseline";

const idParams = z.object({ id: z.string().min(1).max(100) });
const flowsQuery = z.strictObject({ month: monthSchema });
const compareQuery = z.strictObject({ a: z.string().min(1).max(100), b: z.string().min(1).max(100) });
const [byNameSchema, byYamlSchema] = startRunRequestSchema.options;

/** The status a client sees. */
function runStatus(run: StoredRun): RunStatus {
  return {
    id: run.id, scenario: run.scenario, state: run.state, progress: run.progress,
    createdAt: run.createdAt, finishedAt: run.finishedAt, error: run.error, baseline: run.baseline,
  };
}

/** Register the run routes. */
export function registerRunRoutes(app: FastifyInstance, context: ServerContext): void {
  const { store, runs } = context;

  const mustGet = (id: string): StoredRun => {
    const run = store.getRun(id);
    if (run === undefined) throw notFound(`no run "${id}"; GET /api/runs lists them`);
    return run;
  };
  const mustBeDone = (run: StoredRun): void => {
    if (run.state === "done") return;
    const why = run.state === "failed" ? `it failed: ${run.error ?? "unknown error"}` : `it is ${run.state} (${Math.round(run.progress * 100)} %); poll GET /api/runs/${run.id}`;
    throw new HttpError(409, "not-finished", "Run not finished", `run ${run.id} has no results: ${why}`);
  };
  const mustGetReport = (run: StoredRun): RunReport => {
    mustBeDone(run);
    const report = store.getRunReport(run.id);
    if (report === undefined) throw new Error(`run ${run.id} is done but has no stored report`);
    return report;
  };

  app.post("/api/runs", async (request, reply): Promise<RunStatus> => {
    const input = runInput(context, request.body);
    const run = runs.start(input);
    reply.code(202).header("location", `/api/runs/${run.id}`);
    return runStatus(run);
  });

  app.get("/api/runs", async () => ({ runs: store.listRuns().map(runStatus) }));

  app.get("/api/runs/:id", async (request): Promise<RunStatus> => {
    const { id } = parseRequestPart(idParams, request.params, "params");
    return runStatus(mustGet(id));
  });

  app.delete("/api/runs/:id", async (request, reply) => {
    const { id } = parseRequestPart(idParams, request.params, "params");
    mustGet(id);
    // A queued or running run is cancelled first; then the run and its outputs are deleted.
    runs.cancel(id);
    store.deleteRun(id);
    return reply.code(204).send();
  });

  app.get("/api/runs/:id/report", async (request): Promise<RunReport> => {
    const { id } = parseRequestPart(idParams, request.params, "params");
    return mustGetReport(mustGet(id));
  });

  app.get("/api/runs/:id/series", async (request): Promise<SeriesResponse> => {
    const { id } = parseRequestPart(idParams, request.params, "params");
    const run = mustGet(id);
    mustBeDone(run);
    const columns = context.tidyColumns(run.id);
    if (columns === undefined) throw new Error(`run ${run.id} is done but has no stored series`);
    return { ...filterSeries(columns, parseSeriesQuery(request.query, columns.dimensions)), dimensions: seriesDimensions(columns) };
  });

  app.get("/api/runs/:id/flows", async (request) => {
    const { id } = parseRequestPart(idParams, request.params, "params");
    const { month } = parseRequestPart(flowsQuery, request.query, "query");
    const run = mustGet(id);
    mustBeDone(run);
    const flows = store.getRunFlows(run.id) ?? [];
    const graph = flows.find((g) => g.month === month);
    if (graph === undefined) {
      const range = flows.length === 0 ? "none" : `${flows[0]?.month} to ${flows[flows.length - 1]?.month}`;
      throw invalidRequest(`month ${month} is not in run ${run.id} (${range})`, [
        { code: "invalid_value", path: ["query", "month"], received: month, expected: `a month from ${range}`, message: `expected a month of the run (${range}), got ${month}` },
      ]);
    }
    return graph;
  });

  app.get("/api/compare", async (request) => {
    const { a, b } = parseRequestPart(compareQuery, request.query, "query");
    const runA = mustGet(a);
    const runB = mustGet(b);
    return compareRuns({ run: runStatus(runA), report: mustGetReport(runA) }, { run: runStatus(runB), report: mustGetReport(runB) });
  });
}

/** Check a start-run body and resolve the scenario and its baseline into worker inputs. */
function runInput({ catalog }: ServerContext, body: unknown): RunRequestInput {
  // Parse against the branch the body names, so issues speak of its fields rather than of a union.
  const isYaml = typeof body === "object" && body !== null && "yaml" in body;
  const request = parseRequestPart(isYaml ? byYamlSchema : byNameSchema, body, "body");
  let scenario: string;
  let scenarioYaml: string;
  let validated;
  if ("yaml" in request) {
    validated = catalog.validate(request.yaml);
    if (!validated.ok) throw invalidScenario(validated.issues);
    scenario = validated.scenario.name;
    scenarioYaml = request.yaml;
  } else {
    const doc = catalog.get(request.scenario);
    if (doc === undefined) throw notFound(`no scenario "${request.scenario}"; GET /api/scenarios lists them`);
    validated = catalog.validate(doc.yaml, request.scenario);
    if (!validated.ok) throw invalidScenario(validated.issues, `scenario "${request.scenario}"`);
    scenario = request.scenario;
    scenarioYaml = doc.yaml;
  }

  const explicit = request.baseline;
  // Without a baseline in the body: what the scenario file says to compare it with (`compareWith`, a scenario the
  // server knows by name), else the baseline.
  const declared = validated.compareWith;
  const baselineName = explicit === false ? undefined : explicit ?? declared ?? DEFAULT_BASELINE;
  let baseline: RunRequestInput["baseline"];
  if (baselineName !== undefined && baselineName !== scenario) {
    const doc = catalog.get(baselineName);
    if (doc === undefined) {
      if (explicit === undefined && declared !== undefined) {
        throw new HttpError(422, "invalid-scenario", "Unknown comparison", `the scenario's compareWith names no scenario the server knows: "${declared}"`, [
          { code: "unknown_reference", path: ["body", "yaml", "compareWith"], received: declared, message: `unknown scenario "${declared}"; expected one of ${catalog.knownNames().join(", ")}` },
        ]);
      }
      if (explicit !== undefined) {
        throw new HttpError(422, "invalid-scenario", "Unknown baseline", `no scenario "${baselineName}" to use as the baseline`, [
          { code: "unknown_reference", path: ["body", "baseline"], received: baselineName, message: `unknown scenario "${baselineName}"; expected one of ${catalog.knownNames().join(", ")}` },
        ]);
      }
    } else {
      const b = catalog.validate(doc.yaml, baselineName);
      if (!b.ok) throw invalidScenario(b.issues, `the baseline "${baselineName}"`);
      baseline = { name: b.scenario.name, label: baselineName, layers: b.layers };
    }
  }
  return { scenario, scenarioYaml, layers: validated.layers, baseline };
}
