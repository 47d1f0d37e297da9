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
import { addMonths, monthOffset } from "../model/dates.js";
import { monthSchema } from "../model/ids.js";
import type { Issue } from "../model/issues.js";
import { didYouMean } from "../model/suggest.js";
import type { World } from "../model/world-schema.js";
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
    createdAt: run.createdAt, finishedAt: run.finishedAt, error: run.error, baseline: run.baseline, reportFrom: run.reportFrom, region: run.region,
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

/**
 * The problems of a run's `reportFrom` and `region` (as `run --from` and `--region` check them): a month outside the
 * run's horizon, a region the world does not have (with the closest ids). Empty when both are fine or absent.
 */
function runOptionIssues(world: World, horizon: { readonly startMonth: string; readonly months: number }, options: { readonly reportFrom?: string | undefined; readonly region?: string | undefined }): Issue[] {
  const issues: Issue[] = [];
  const { reportFrom, region } = options;
  if (reportFrom !== undefined) {
    const offset = monthOffset(horizon.startMonth, reportFrom);
    const last = addMonths(horizon.startMonth, horizon.months - 1);
    if (offset < 0 || offset >= horizon.months) {
      const expected = `a month of the run, ${horizon.startMonth} to ${last}`;
      issues.push({ code: "invalid_value", path: ["body", "reportFrom"], received: reportFrom, expected, message: `expected ${expected} (${horizon.startMonth} + ${horizon.months} months), got ${reportFrom}` });
    }
  }
  if (region !== undefined) {
    const ids = world.regions.map((r) => r.id);
    if (!ids.includes(region)) {
      const hint = didYouMean(region, ids);
      issues.push({
        code: "unknown_reference", path: ["body", "region"], received: region, expected: `a region id of the world: ${ids.join(", ")}`,
        message: `"${region}" is not a region of this world${hint === undefined ? "" : `; ${hint}`} (expected one of ${ids.join(", ")})`,
      });
    }
  }
  return issues;
}

/** Check a start-run body and resolve the scenario, its baseline and the report's options into worker inputs. */
function runInput({ catalog, world }: ServerContext, body: unknown): RunRequestInput {
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

  const optionIssues = runOptionIssues(world, validated.scenario, request);
  if (optionIssues.length > 0) {
    throw new HttpError(422, "invalid-request", "Invalid run options", `the run cannot be reported as asked: ${optionIssues.map((i) => `${i.path.slice(1).join(".")}: ${i.message}`).join("; ")}`, optionIssues);
  }
  const region = request.region === undefined ? undefined : { id: request.region, name: world.regions.find((r) => r.id === request.region)?.name ?? request.region };

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
  return { scenario, scenarioYaml, layers: validated.layers, baseline, reportFrom: request.reportFrom, region };
}
