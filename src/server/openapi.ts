/**
 * @module server/openapi
 * The OpenAPI 3.1 document served at GET /api/docs. Request bodies come from the zod schemas of
 * `model/api.ts`; responses from zod schemas here that are checked at compile time against the
 * API's interfaces (every field documented, with a compatible type). The run report and the world
 * dataset are large analysis/model types and are described by their top-level fields only.
 */
import { z } from "zod";
import type {
  ApiProblem, CompareResponse, RunStatus, ScenarioDocument, ScenarioListEntry, SeriesDimensions, SeriesResponse, SeriesVariableHeld, ValidationResponse, WorldSummary,
} from "../model/api.js";
import { saveScenarioRequestSchema, scenarioNameSchema, startRunRequestSchema } from "../model/api.js";
import type { Issue } from "../model/issues.js";
import { monthSchema } from "../model/ids.js";
import type { FlowGraph, RunReport } from "../analysis/report-model.js";
import { seriesQuerySchema } from "./series-query.js";

// ── compile-time check that a documenting schema matches an interface ────────────────────────
// The API's interfaces are readonly throughout; zod's inferred input types are not.
type DeepMutable<T> = T extends (...args: never[]) => unknown ? T : T extends object ? { -readonly [K in keyof T]: DeepMutable<T[K]> } : T;
type SameKeys<A, B> = [Exclude<keyof A, keyof B>, Exclude<keyof B, keyof A>] extends [never, never] ? true : false;
type Documents<I, S extends z.ZodType> = [DeepMutable<I>] extends [z.input<S>] ? SameKeys<I, z.input<S>> : false;
function documenting<I>() {
  return <S extends z.ZodType>(schema: S, ..._check: Documents<I, S> extends true ? [] : [error: "schema does not match the interface"]): S => schema;
}

const text = z.string();
const optionalText = z.string().optional();
const issueSchema = documenting<Issue>()(z.object({
  code: z.enum(["missing_file", "invalid_yaml", "invalid_type", "invalid_value", "too_small", "too_big", "invalid_format", "unknown_key", "missing_field", "duplicate_id", "unknown_reference", "unresolved_source", "shares_not_100", "inconsistent_value"]),
  path: z.array(z.union([z.string(), z.number()])).meta({ description: "field path, e.g. [\"policies\", 0, \"from\"]" }),
  message: text,
  file: optionalText,
  line: z.number().int().optional().meta({ description: "1-based line in the YAML text" }),
  column: z.number().int().optional().meta({ description: "1-based column in the YAML text" }),
  expected: optionalText,
  received: optionalText,
  hint: optionalText.meta({ description: "how to fix it, when known" }),
}).meta({ id: "Issue" }));

const problemSchema = documenting<ApiProblem>()(z.object({
  type: text.meta({ description: "urn:chokepoint:problem:<kind>" }),
  title: text,
  status: z.number().int(),
  detail: text,
  issues: z.array(issueSchema).optional(),
}).meta({ id: "ApiProblem", description: "RFC 9457 problem body (application/problem+json)" }));

const listEntryShape = {
  name: scenarioNameSchema,
  title: text,
  description: text,
  origin: z.enum(["ready-made", "saved"]),
  updatedAt: optionalText.meta({ description: "ISO 8601; absent for ready-made scenarios" }),
};
const listEntrySchema = documenting<ScenarioListEntry>()(z.object(listEntryShape).meta({ id: "ScenarioListEntry" }));
const documentSchema = documenting<ScenarioDocument>()(z.object({ ...listEntryShape, yaml: text }).meta({ id: "ScenarioDocument" }));
const validationSchema = documenting<ValidationResponse>()(z.object({
  valid: z.boolean(),
  issues: z.array(issueSchema),
  horizon: z.object({ startMonth: monthSchema, months: z.number().int() }).optional()
    .meta({ description: "a valid scenario's first month and length after extends: the months a run's reportFrom may name" }),
  compareWith: optionalText.meta({ description: "the scenario file's own compareWith (never a parent's): what a run compares it with when the request names no baseline" }),
}).meta({ id: "ValidationResponse" }));

const runStatusSchema = documenting<RunStatus>()(z.object({
  id: text,
  scenario: text.meta({ description: "saved or ready-made scenario name, or the YAML's name for a run of posted YAML" }),
  state: z.enum(["queued", "running", "done", "failed"]),
  progress: z.number().min(0).max(1).meta({ description: "0 queued, 0.1 running, 0.5 baseline, 0.9 report, 1 done" }),
  createdAt: text,
  finishedAt: optionalText,
  error: optionalText,
  baseline: optionalText.meta({ description: "name of the scenario run for comparison (the request's baseline, else the scenario's compareWith, else \"baseline\"); absent for none" }),
  reportFrom: monthSchema.optional().meta({ description: "first month of the report's window as asked (YYYY-MM); absent: the whole run" }),
  region: optionalText.meta({ description: "the region the report follows as asked (its report carries regionView); absent for none" }),
}).meta({ id: "RunStatus" }));

const texts = z.array(text);
const seriesVariableHeldSchema = documenting<SeriesVariableHeld>()(z.object({
  variable: text,
  units: texts.meta({ description: "one, except end products lost (one per sector)" }),
  element: texts.meta({ description: "empty for whole-product variables (magnets produced, end products, policy costs)" }),
  region: texts,
  stage: texts.meta({ description: "sector ids for end products lost" }),
}).meta({ id: "SeriesVariableHeld", description: "what one variable's rows hold in the run" }));
const seriesDimensionsSchema = documenting<SeriesDimensions>()(z.object({
  element: texts.meta({ description: "values the element filter accepts" }),
  region: texts.meta({ description: "values the region filter accepts" }),
  stage: texts.meta({ description: "values the stage filter accepts" }),
  variable: texts.meta({ description: "values the variable filter accepts" }),
  months: z.array(monthSchema).meta({ description: "months of the run, in order (the range from and to accept)" }),
  held: z.array(seriesVariableHeldSchema).meta({ description: "variables with at least one row, in the order of variable" }),
}).meta({ id: "SeriesDimensions", description: "what the run's series can be filtered by, and what each variable holds" }));

const seriesSchema = documenting<SeriesResponse>()(z.object({
  columns: z.tuple([z.literal("month"), z.literal("element"), z.literal("region"), z.literal("stage"), z.literal("variable"), z.literal("unit"), z.literal("value")]),
  rows: z.array(z.tuple([text, text, text, text, text, text, z.number()])),
  dimensions: seriesDimensionsSchema,
}).meta({ id: "SeriesResponse" }));

const flowGraphSchema = documenting<FlowGraph>()(z.object({
  month: monthSchema,
  nodes: z.array(z.object({ id: text, label: text, stage: text })),
  links: z.array(z.object({ source: text, target: text, tonnes: z.number().meta({ description: "t of element content per month" }) })),
}).meta({ id: "FlowGraph" }));

const worldSummarySchema = documenting<WorldSummary>()(z.object({
  dataset: z.object({ name: text, version: text, calibrationYear: z.number().int() }),
  regions: z.array(z.object({ id: text, name: text })),
  elements: z.array(z.object({ symbol: text, name: text, class: text })),
  sectors: z.array(z.object({ id: text, name: text, use: text })),
  facilities: z.array(z.object({
    id: text, name: text, stage: text, region: text, status: text, startMonth: text,
    capacity: z.number().meta({ description: "per year, in `unit`" }), unit: text,
  })),
}).meta({ id: "WorldSummary" }));

const runReportSchema = z.looseObject({
  title: text,
  scenario: z.looseObject({ name: text, description: text, startMonth: text, months: z.number().int(), seed: z.number().int(), extendsChain: z.array(text) }),
  dataset: z.object({ name: text, version: text }),
  baselineName: optionalText,
  monthLabels: z.array(text),
  timeline: z.array(z.looseObject({})), shortages: z.array(z.looseObject({})), prices: z.array(z.looseObject({})),
  pricePaths: z.array(z.looseObject({})), shortfallByElement: z.array(z.looseObject({})), shortfallByRegion: z.array(z.looseObject({})),
  endProductsLost: z.array(z.looseObject({})), endProductsLostPaths: z.array(z.looseObject({})), gapClosers: z.array(z.looseObject({})), policyCosts: z.array(z.looseObject({})), chinaOrigin: z.array(z.looseObject({})), chinaOriginByRegion: z.array(z.looseObject({})), chinaOriginPeriods: z.object({ first: z.string(), last: z.string() }), chinaSupplyChanges: z.array(z.looseObject({})),
  chinaShareByStage: z.array(z.looseObject({})), concentration: z.array(z.looseObject({})), flowGraphs: z.array(flowGraphSchema),
  warnings: z.array(text),
  window: z.object({ from: monthSchema, to: monthSchema }).optional().meta({ description: "the months every summary covers (from: the run's reportFrom, else its first month)" }),
  regionView: z.looseObject({ region: text, regionName: text }).optional()
    .meta({ description: "with a run's region: that region's figures, as run.json's report.regionView (see RegionView in src/report/region-view.ts)" }),
}).meta({ id: "RunReport", description: "see RunReport in src/analysis/report-model.ts" });

const compareSchema = documenting<CompareResponse<RunReport>>()(z.object({
  a: z.object({ run: runStatusSchema, report: runReportSchema }),
  b: z.object({ run: runStatusSchema, report: runReportSchema }),
  differences: z.object({
    shortfallByElement: z.array(z.object({ element: text, aTonnes: z.number(), bTonnes: z.number(), deltaTonnes: z.number(), aFirstMonth: optionalText, bFirstMonth: optionalText })),
    shortfallByRegion: z.array(z.object({ region: text, element: text, aTonnes: z.number(), bTonnes: z.number(), deltaTonnes: z.number() })),
    peakPrices: z.array(z.object({ element: text, market: z.enum(["china", "ex-china"]), aUsdPerKg: z.number(), bUsdPerKg: z.number(), deltaUsdPerKg: z.number() })),
    endProductsLost: z.array(z.object({ sector: text, sectorName: text, unit: text, aUnits: z.number(), bUnits: z.number(), deltaUnits: z.number() })),
    endProductsLostByRegion: z.array(z.object({ sector: text, sectorName: text, region: text, unit: text, aUnits: z.number(), bUnits: z.number(), deltaUnits: z.number() })),
    chinaShareAtEnd: z.array(z.object({ stage: text, a: z.number(), b: z.number(), delta: z.number() })),
  }).meta({ description: "a − b" }),
}).meta({ id: "CompareResponse" }));

const worldDatasetSchema = z.looseObject({
  dataset: z.looseObject({ name: text, version: text }), regions: z.array(z.looseObject({})), elements: z.array(z.looseObject({})),
  mines: z.array(z.looseObject({})), separationPlants: z.array(z.looseObject({})), metalPlants: z.array(z.looseObject({})), magnetPlants: z.array(z.looseObject({})),
  sectors: z.array(z.looseObject({})), demand2024: z.array(z.looseObject({})),
}).meta({ id: "World", description: "the validated world dataset; see World in src/model/world-schema.ts" });
const citedSourceSchema = z.looseObject({ id: text, publisher: text, title: text, year: z.number().int(), url: optionalText, document: optionalText })
  .meta({ id: "Source", description: "see sourceSchema in src/model/world-schema.ts" });
const worldFactsSchema = z.looseObject({
  dataset: z.object({ name: text, version: text, calibrationYear: z.number().int() }), facts: z.array(z.looseObject({})), references: z.array(z.looseObject({})),
  sources: z.array(citedSourceSchema).meta({ description: "the sources the reference points cite (reference.source holds their ids)" }),
}).meta({ id: "WorldFacts", description: "WorldFacts (see src/analysis/facts.ts) plus the sources its references cite" });

const healthSchema = z.object({ ok: z.literal(true), version: text }).meta({ id: "Health" });
const scenarioListSchema = z.object({ scenarios: z.array(listEntrySchema) }).meta({ id: "ScenarioListResponse" });
const runListSchema = z.object({ runs: z.array(runStatusSchema) }).meta({ id: "RunListResponse" });
const saveRequestSchema = saveScenarioRequestSchema.meta({ id: "SaveScenarioRequest" });
const startRequestSchema = startRunRequestSchema.meta({
  id: "StartRunRequest",
  description: "a saved or ready-made scenario by name, or YAML, with what the run compares with and what its report covers, as the CLI's --baseline, --from and --region: "
    + "baseline, a scenario name (default: the scenario's own compareWith, else \"baseline\"), false for none; reportFrom, the first month of the reporting window "
    + "(YYYY-MM, a month of the run: every summary of the report covers it to the end, the run itself still starts at the scenario's start; 400 when not YYYY-MM, "
    + "422 outside the run); region, a region id of the world whose view the report then carries as regionView (422 naming the closest ids otherwise)",
});

/** Every schema the document names, in `components.schemas`. */
const COMPONENTS = [
  issueSchema, problemSchema, healthSchema, listEntrySchema, scenarioListSchema, documentSchema, validationSchema, saveRequestSchema,
  startRequestSchema, runStatusSchema, runListSchema, seriesVariableHeldSchema, seriesDimensionsSchema, seriesSchema, flowGraphSchema,
  runReportSchema, compareSchema, worldSummarySchema, worldDatasetSchema, citedSourceSchema, worldFactsSchema,
];

// ── the document ─────────────────────────────────────────────────────────────────────────────
type Json = Record<string, unknown>;
const idOf = (schema: z.ZodType): string => {
  const id = z.globalRegistry.get(schema)?.id;
  if (typeof id !== "string") throw new Error("openapi: a body or response schema needs an id (add it to COMPONENTS)");
  return id;
};
const ref = (schema: z.ZodType) => ({ $ref: `#/components/schemas/${idOf(schema)}` });
function toJson(schema: z.ZodType): Json {
  const { $schema: _drop, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Json;
  return rest;
}
function components(): Json {
  const all = z.toJSONSchema(z.globalRegistry, { io: "input", unrepresentable: "any", uri: (id) => `#/components/schemas/${id}` }).schemas;
  const out: Json = {};
  for (const schema of COMPONENTS) {
    const id = idOf(schema);
    const { $schema: _drop, $id: _id, ...rest } = all[id] as Json;
    out[id] = rest;
  }
  return out;
}
const json = (schema: z.ZodType, description: string) => ({ description, content: { "application/json": { schema: ref(schema) } } });
const problemResponse = (description: string) => ({ description, content: { "application/problem+json": { schema: ref(problemSchema) } } });
const body = (schema: z.ZodType) => ({ required: true, content: { "application/json": { schema: ref(schema) } } });
const pathParam = (name: string, schema: z.ZodType, description: string) => ({ name, in: "path", required: true, description, schema: toJson(schema) });
const queryParam = (name: string, description: string, required = false, schema: Json = { type: "string" }) => ({ name, in: "query", required, description, schema });

const scenarioName = pathParam("name", scenarioNameSchema, "scenario name (a key, never a path)");
const runId = pathParam("id", z.string(), "run id");
const common = { 400: problemResponse("invalid request (the issues name the parameter)"), 500: problemResponse("unexpected error (logged by the server)") };
const listOf = "one value, a comma-separated list, or the parameter repeated";

/** Build the OpenAPI document (JSON). */
export function openApiDocument(version: string): Json {
  return {
    openapi: "3.1.0",
    info: {
      title: "Chokepoint API", version,
      description: "Local HTTP API of Chokepoint, a digital twin of the rare-earth supply chain: scenarios, runs (computed in worker threads, stored in SQLite), results and the world dataset. Errors are application/problem+json bodies with the input issues. JSON request bodies only (256 KiB at most by default: 413 beyond). On a loopback address the server answers only requests addressed to 127.0.0.1, localhost or [::1] (403 otherwise).",
    },
    servers: [{ url: "/" }],
    paths: {
      "/api/health": { get: { summary: "liveness and version", responses: { 200: json(healthSchema, "ok") } } },
      "/api/scenarios": { get: { summary: "ready-made and saved scenarios", responses: { 200: json(scenarioListSchema, "the list"), 500: common[500] } } },
      "/api/scenarios/validate": {
        post: {
          summary: "validate scenario YAML against the world (extends follows saved, then ready-made scenarios)",
          requestBody: body(saveRequestSchema),
          responses: { 200: json(validationSchema, "valid or not, with every issue located by line and column"), ...common, 413: problemResponse("body over the size limit") },
        },
      },
      "/api/scenarios/{name}": {
        parameters: [scenarioName],
        get: { summary: "one scenario with its YAML", responses: { 200: json(documentSchema, "the scenario"), 404: problemResponse("no such scenario"), ...common } },
        put: {
          summary: "save a scenario (validated fully; nothing is stored when invalid)",
          requestBody: body(saveRequestSchema),
          responses: {
            200: json(documentSchema, "replaced"), 201: json(documentSchema, "created"), ...common,
            409: problemResponse("the name is a ready-made scenario (read-only), or the new version would make a saved scenario that extends it invalid (nothing saved; their issues listed)"), 413: problemResponse("body over the size limit"),
            422: problemResponse("the YAML is not a valid scenario; issues carry line and column"),
          },
        },
        delete: {
          summary: "delete a saved scenario",
          responses: { 204: { description: "deleted" }, 404: problemResponse("no such saved scenario"), 409: problemResponse("ready-made scenarios cannot be deleted"), ...common },
        },
      },
      "/api/runs": {
        get: { summary: "runs, newest first (at most 500)", responses: { 200: json(runListSchema, "the runs") } },
        post: {
          summary: "start a run of a saved/ready-made scenario or of posted YAML; its baseline (default: its compareWith, else \"baseline\"; none when false) runs over the same horizon; reportFrom sets the report's window, region the region it follows",
          requestBody: body(startRequestSchema),
          responses: {
            202: json(runStatusSchema, "queued"), ...common, 404: problemResponse("no such scenario"), 413: problemResponse("body over the size limit"),
            422: problemResponse("the scenario or the baseline is not valid, the region is not one of the world's, or reportFrom is outside the run (the issues name the field)"), 429: problemResponse("too many runs computing and waiting; retry later (Retry-After)"),
          },
        },
      },
      "/api/runs/{id}": {
        parameters: [runId],
        get: { summary: "status of a run", responses: { 200: json(runStatusSchema, "the status"), 404: problemResponse("no such run") } },
        delete: { summary: "cancel a queued or running run, and delete a run with its outputs", responses: { 204: { description: "deleted" }, 404: problemResponse("no such run") } },
      },
      "/api/runs/{id}/report": {
        parameters: [runId],
        get: { summary: "the report of a finished run (over its window; with regionView when the run followed a region)", responses: { 200: json(runReportSchema, "the report"), 404: problemResponse("no such run"), 409: problemResponse("the run is not done (queued, running or failed)") } },
      },
      "/api/runs/{id}/series": {
        parameters: [runId],
        get: {
          summary: "tidy rows of a finished run, filtered",
          parameters: Object.entries(seriesQuerySchema.shape).map(([name]) =>
            name === "from" || name === "to"
              ? queryParam(name, `${name === "from" ? "first" : "last"} month, inclusive (YYYY-MM)`, false, toJson(monthSchema))
              : queryParam(name, `${name} to keep: ${listOf}; values the run cannot hold are a 400`)),
          responses: { 200: json(seriesSchema, "the rows (at most 250,000; more is a 400) and the run's dimensions"), ...common, 404: problemResponse("no such run"), 409: problemResponse("the run is not done") },
        },
      },
      "/api/runs/{id}/flows": {
        parameters: [runId],
        get: {
          summary: "the Sankey flow graph of one month of a finished run",
          parameters: [queryParam("month", "a month of the run (YYYY-MM)", true, toJson(monthSchema))],
          responses: { 200: json(flowGraphSchema, "the graph"), ...common, 404: problemResponse("no such run"), 409: problemResponse("the run is not done") },
        },
      },
      "/api/compare": {
        get: {
          summary: "two finished runs side by side (differences are a − b)",
          parameters: [queryParam("a", "run id", true), queryParam("b", "run id", true)],
          responses: { 200: json(compareSchema, "both reports and the differences"), ...common, 404: problemResponse("no such run"), 409: problemResponse("a run is not done") },
        },
      },
      "/api/world": { get: { summary: "regions, elements, sectors and facilities of the server's world", responses: { 200: json(worldSummarySchema, "the summary") } } },
      "/api/world/dataset": { get: { summary: "the validated world dataset (for the browser's engine)", responses: { 200: json(worldDatasetSchema, "the world") } } },
      "/api/world/facts": { get: { summary: "concentration facts by stage and element group, with published references", responses: { 200: json(worldFactsSchema, "the facts and the sources they cite") } } },
      "/api/docs": { get: { summary: "this document", responses: { 200: { description: "OpenAPI 3.1 (JSON)" } } } },
    },
    components: { schemas: components() },
  };
}
