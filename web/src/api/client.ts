/**
 * @module web/api/client
 * Typed calls to the Chokepoint HTTP API (`src/model/api.ts` is the contract). Transport only:
 * no caching, no state; failures become `ApiError` carrying the server's problem body.
 */
import type { WorldFacts } from "../../../src/analysis/facts.js";
import type { FlowGraph, RunReport } from "../../../src/analysis/report-model.js";
import type {
  ApiProblem, CompareResponse, RunStatus, SaveScenarioRequest, ScenarioDocument, ScenarioListResponse, SeriesResponse, StartRunRequest,
  ValidationResponse, WorldFactsResponse, WorldSummary,
} from "../../../src/model/api.js";
import type { World } from "../../../src/model/world-schema.js";
import type { RegionView } from "../../../src/report/region-view.js";

/** A run's report as the server serves it: with the region's view when the run followed a region (`region`). */
export type ServedReport = RunReport & { readonly regionView?: RegionView };

/** A failed API call: HTTP status and the problem body when the server sent one. */
export class ApiError extends Error {
  override readonly name = "ApiError";
  constructor(readonly status: number, readonly problem: ApiProblem | undefined, message: string) {
    super(message);
  }
}

async function call<T>(path: string, init: RequestInit = {}): Promise<T> {
  const response = await fetch(`api/${path}`, { ...init, headers: { accept: "application/json", ...(init.body === undefined ? {} : { "content-type": "application/json" }), ...init.headers } });
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let body: unknown;
  try {
    body = text === "" ? undefined : JSON.parse(text);
  } catch {
    body = undefined;
  }
  if (!response.ok) {
    const problem = isProblem(body) ? body : undefined;
    throw new ApiError(response.status, problem, problem?.detail ?? problem?.title ?? `${init.method ?? "GET"} /api/${path} failed with HTTP ${response.status}`);
  }
  return body as T;
}

function isProblem(body: unknown): body is ApiProblem {
  return typeof body === "object" && body !== null && "status" in body && "title" in body;
}

const json = (method: string, body: unknown, signal?: AbortSignal): RequestInit => ({ method, body: JSON.stringify(body), ...(signal === undefined ? {} : { signal }) });
const enc = encodeURIComponent;

/** The API, one function per route. */
export const api = {
  listScenarios: () => call<ScenarioListResponse>("scenarios"),
  getScenario: (name: string) => call<ScenarioDocument>(`scenarios/${enc(name)}`),
  saveScenario: (name: string, request: SaveScenarioRequest) => call<ScenarioDocument>(`scenarios/${enc(name)}`, json("PUT", request)),
  deleteScenario: (name: string) => call<void>(`scenarios/${enc(name)}`, { method: "DELETE" }),
  validateScenario: (request: SaveScenarioRequest, signal?: AbortSignal) => call<ValidationResponse>("scenarios/validate", json("POST", request, signal)),
  startRun: (request: StartRunRequest) => call<RunStatus>("runs", json("POST", request)),
  listRuns: () => call<{ runs: readonly RunStatus[] }>("runs"),
  getRun: (id: string) => call<RunStatus>(`runs/${enc(id)}`),
  deleteRun: (id: string) => call<void>(`runs/${enc(id)}`, { method: "DELETE" }),
  getReport: (id: string) => call<ServedReport>(`runs/${enc(id)}/report`),
  getFlows: (id: string, month: string, signal?: AbortSignal) => call<FlowGraph>(`runs/${enc(id)}/flows?month=${enc(month)}`, signal === undefined ? {} : { signal }),
  /** `query` is the series query string (`variable=price&element=Dy`), already encoded. */
  getSeries: (id: string, query: string, signal?: AbortSignal) => call<SeriesResponse>(`runs/${enc(id)}/series?${query}`, signal === undefined ? {} : { signal }),
  compare: (a: string, b: string) => call<CompareResponse<RunReport>>(`compare?a=${enc(a)}&b=${enc(b)}`),
  getWorld: () => call<WorldSummary>("world"),
  getWorldDataset: () => call<World>("world/dataset"),
  getWorldFacts: () => call<WorldFactsResponse<WorldFacts>>("world/facts"),
};
