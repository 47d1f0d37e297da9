/**
 * @module model/api
 * The HTTP API contract shared by the server (`src/server`) and the dashboard (`web/`): paths,
 * request bodies and response shapes. Types and zod schemas only; no transport code.
 *
 * Paths (all JSON unless noted; errors are `application/problem+json` bodies of `ApiProblem`):
 * - GET    /api/health                         → { ok: true, version }
 * - GET    /api/scenarios                      → ScenarioListResponse
 * - GET    /api/scenarios/:name                → ScenarioDocument
 * - PUT    /api/scenarios/:name   body SaveScenarioRequest → ScenarioDocument (201 created, 200 replaced) | 409 (ready-made, or
 *                                              the new version would make a saved scenario that extends it invalid: nothing saved,
 *                                              the children's issues in the body) | 422 ApiProblem (issues with line/column)
 * - DELETE /api/scenarios/:name                → 204 (saved scenarios only; ready-made → 409)
 * - POST   /api/scenarios/validate body SaveScenarioRequest → ValidationResponse (always 200; a valid scenario's horizon
 *                                              and compareWith with it, for a run form)
 * - POST   /api/runs              body StartRunRequest → 202 RunStatus | 400 (a field of the wrong form) | 404 (unknown
 *                                              scenario) | 422 (invalid scenario, unknown baseline or region, reportFrom
 *                                              outside the run) | 429 (too many runs)
 * - GET    /api/runs                           → { runs: RunStatus[] } (newest first)
 * - GET    /api/runs/:id                       → RunStatus
 * - DELETE /api/runs/:id                       → 204 (a queued or running run is cancelled; the run and its outputs are deleted) | 404
 * - GET    /api/runs/:id/report                → RunReport, with `regionView` when the run followed a region (409 until done)
 * - GET    /api/runs/:id/series?variable&element&region&stage&from&to → SeriesResponse (filters: one value or a
 *                                              comma-separated list; values the run cannot hold → 400; more than 250,000
 *                                              matching rows → 400; 409 until done). Every answer carries the run's
 *                                              `dimensions`: the values each filter accepts and, per variable, what its
 *                                              rows hold, so a client can offer only choices that return data.
 * - GET    /api/runs/:id/flows?month=YYYY-MM   → FlowGraph (any month of the run; 409 until done)
 * - GET    /api/compare?a=:id&b=:id            → CompareResponse (both runs done, else 409)
 * - GET    /api/world                          → WorldSummary
 * - GET    /api/world/dataset                  → World (the validated world, for the browser engine)
 * - GET    /api/world/facts                    → WorldFactsResponse: WorldFacts (analysis/facts) plus the sources its
 *                                              reference points cite
 * - GET    /api/docs                           → OpenAPI 3.1 document (JSON)
 */
import { z } from "zod";
import { monthSchema } from "./ids.js";
import type { Issue } from "./issues.js";
import type { Source } from "./world-schema.js";

/** Name of a saved scenario: lower-case words with dashes (never a path). */
export const scenarioNameSchema = z.string().regex(/^[a-z0-9][a-z0-9+.-]{0,63}$/, "a scenario name of lower-case letters, digits, dashes (-), plus signs (+) and dots (.), starting with a letter or digit (at most 64 characters)");

/** Body of PUT /api/scenarios/:name and POST /api/scenarios/validate. */
export const saveScenarioRequestSchema = z.strictObject({ yaml: z.string().max(200_000, "a scenario of at most 200,000 characters") });
export type SaveScenarioRequest = z.infer<typeof saveScenarioRequestSchema>;

/**
 * What a run is compared with and what its report covers, as the CLI's `--baseline`, `--from` and `--region` say it:
 * `baseline` a scenario name (default: the scenario's own `compareWith`, else "baseline"; false for none); `reportFrom`
 * the first month of the reporting window (a month of the run; default its first); `region` a region id of the world
 * whose view the report then carries (`regionView`).
 */
const runOptionsShape = {
  baseline: z.union([scenarioNameSchema, z.literal(false)]).optional(),
  reportFrom: monthSchema.optional(),
  region: z.string().min(1).max(64).optional(),
};

/** Body of POST /api/runs: a stored scenario by name, or YAML to run as is, with the run's options. */
export const startRunRequestSchema = z.union([
  z.strictObject({ scenario: scenarioNameSchema, ...runOptionsShape }),
  z.strictObject({ yaml: z.string().max(200_000), ...runOptionsShape }),
]);
export type StartRunRequest = z.infer<typeof startRunRequestSchema>;

/** A scenario as listed. */
export interface ScenarioListEntry {
  readonly name: string;
  readonly title: string;
  readonly description: string;
  readonly origin: "ready-made" | "saved";
  readonly updatedAt: string | undefined;
}
export interface ScenarioListResponse {
  readonly scenarios: readonly ScenarioListEntry[];
}

/** One scenario with its YAML text. */
export interface ScenarioDocument extends ScenarioListEntry {
  readonly yaml: string;
}

/**
 * Result of validating scenario YAML: issues carry `line` and `column` in the YAML text. A valid scenario comes with
 * what a run form needs: its horizon (after `extends`) and what its own file says to compare it with.
 */
export interface ValidationResponse {
  readonly valid: boolean;
  readonly issues: readonly Issue[];
  /** First month (`YYYY-MM`) and length of a run of it, in months; absent when not valid. */
  readonly horizon?: { readonly startMonth: string; readonly months: number };
  /** The scenario file's own `compareWith`, as written (never a parent's); absent when it has none. */
  readonly compareWith?: string;
}

/** Life-cycle of a run. */
export type RunState = "queued" | "running" | "done" | "failed";

/** Status of one run. */
export interface RunStatus {
  readonly id: string;
  readonly scenario: string;
  readonly state: RunState;
  /** 0–1. */
  readonly progress: number;
  readonly createdAt: string;
  readonly finishedAt: string | undefined;
  readonly error: string | undefined;
  /** The scenario run for comparison (as the request or the scenario's `compareWith` named it); none when undefined. */
  readonly baseline: string | undefined;
  /** First month of the reporting window (`YYYY-MM`) when the request set one; the report covers the whole run otherwise. */
  readonly reportFrom: string | undefined;
  /** The region the report follows (its `regionView`) when the request named one. */
  readonly region: string | undefined;
}

/** What one variable's rows hold in a run; every list is in the order of `SeriesDimensions`. */
export interface SeriesVariableHeld {
  readonly variable: string;
  /** Units of its rows: one, except end products lost (one per sector). */
  readonly units: readonly string[];
  /** Elements its rows name; empty for whole-product variables (magnets produced, end products, policy costs). */
  readonly element: readonly string[];
  readonly region: readonly string[];
  /** Stages its rows name (sector ids for end products lost). */
  readonly stage: readonly string[];
}

/** The filters of a run's series: the values each accepts (any other is a 400), and what each variable holds. */
export interface SeriesDimensions {
  readonly element: readonly string[];
  readonly region: readonly string[];
  readonly stage: readonly string[];
  readonly variable: readonly string[];
  /** Months of the run (`YYYY-MM`), in order: the range `from` and `to` accept. */
  readonly months: readonly string[];
  /** Variables with at least one row, in the order of `variable`. */
  readonly held: readonly SeriesVariableHeld[];
}

/** Tidy rows filtered by query: columns and one array per row, with the run's dimensions. */
export interface SeriesResponse {
  readonly columns: readonly ["month", "element", "region", "stage", "variable", "unit", "value"];
  readonly rows: readonly (readonly [string, string, string, string, string, string, number])[];
  readonly dimensions: SeriesDimensions;
}

/** Regions, facilities and sectors for pickers and maps. */
export interface WorldSummary {
  readonly dataset: { readonly name: string; readonly version: string; readonly calibrationYear: number };
  readonly regions: readonly { readonly id: string; readonly name: string }[];
  readonly elements: readonly { readonly symbol: string; readonly name: string; readonly class: string }[];
  readonly sectors: readonly { readonly id: string; readonly name: string; readonly use: string }[];
  readonly facilities: readonly {
    readonly id: string; readonly name: string; readonly stage: string; readonly region: string; readonly status: string;
    readonly startMonth: string; readonly capacity: number; readonly unit: string;
  }[];
}

/**
 * GET /api/world/facts: the concentration facts of the server's world with the sources its reference
 * points cite. `Facts` is `WorldFacts` from `analysis/facts` (model does not import analysis).
 */
export type WorldFactsResponse<Facts extends object = object> = Facts & { readonly sources: readonly Source[] };

/** A problem body (RFC 9457) with the input issues when there are any. */
export interface ApiProblem {
  readonly type: string;
  readonly title: string;
  readonly status: number;
  readonly detail: string;
  readonly issues?: readonly Issue[];
}

/** One element's final-use shortfall over the horizon in two runs, t of element content. */
export interface CompareShortfall {
  readonly element: string;
  readonly aTonnes: number;
  readonly bTonnes: number;
  /** a − b. */
  readonly deltaTonnes: number;
  /** First month short (`YYYY-MM`), undefined when never short. */
  readonly aFirstMonth: string | undefined;
  readonly bFirstMonth: string | undefined;
}

/** Peak price of one element in one market in two runs, US$/kg of element. */
export interface ComparePeakPrice {
  readonly element: string;
  readonly market: "china" | "ex-china";
  readonly aUsdPerKg: number;
  readonly bUsdPerKg: number;
  readonly deltaUsdPerKg: number;
}

/** End products not built in two runs, by sector (all regions), in the sector's unit. */
export interface CompareEndProducts {
  readonly sector: string;
  readonly sectorName: string;
  readonly unit: string;
  readonly aUnits: number;
  readonly bUnits: number;
  readonly deltaUnits: number;
}

/** End products lost in one region for one sector in two runs (a − b), in the sector's unit. */
export interface CompareEndProductsByRegion extends CompareEndProducts {
  readonly region: string;
}

/** Final-demand shortfall of one element in one region over the horizon in two runs, t. */
export interface CompareRegionShortfall {
  readonly region: string;
  readonly element: string;
  readonly aTonnes: number;
  readonly bTonnes: number;
  readonly deltaTonnes: number;
}

/** China's share of a stage at the end of the horizon in two runs, 0–1. */
export interface CompareChinaShare {
  readonly stage: string;
  readonly a: number;
  readonly b: number;
  readonly delta: number;
}

/**
 * Two finished runs side by side (GET /api/compare?a&b): each run's status and report, and what
 * differs (a − b). `Report` is `RunReport` from `analysis/report-model` (model does not import analysis).
 */
export interface CompareResponse<Report = unknown> {
  readonly a: { readonly run: RunStatus; readonly report: Report };
  readonly b: { readonly run: RunStatus; readonly report: Report };
  readonly differences: {
    readonly shortfallByElement: readonly CompareShortfall[];
    /** Final-demand shortfall by importing region and element, largest difference first (pairs short in either run). */
    readonly shortfallByRegion: readonly CompareRegionShortfall[];
    readonly peakPrices: readonly ComparePeakPrice[];
    readonly endProductsLost: readonly CompareEndProducts[];
    /** The same by importing region, largest difference first (regions that lost nothing in either run left out). */
    readonly endProductsLostByRegion: readonly CompareEndProductsByRegion[];
    readonly chinaShareAtEnd: readonly CompareChinaShare[];
  };
}
