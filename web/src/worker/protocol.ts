/**
 * @module web/worker/protocol
 * The messages between the dashboard and its engine Web Worker: one discriminated union per
 * direction, imported with `import type` on both sides. Types only; errors cross as plain data.
 */
import type { RunReport } from "../../../src/analysis/report-model.js";
import type { Issue } from "../../../src/model/issues.js";
import type { World } from "../../../src/model/world-schema.js";
import type { LicenceTarget, WhatIfSettings } from "../lib/what-if.js";

/** One scenario of an `extends` chain: its stored name and YAML text. */
export interface ScenarioSource {
  readonly name: string;
  readonly yaml: string;
}

/** Thread → worker. */
export type EngineRequest =
  /** The world every run uses (`GET /api/world/dataset`); replaces any earlier one. */
  | { readonly type: "load_world"; readonly world: World }
  /**
   * Run a scenario as written and with the sliders applied, over at most `horizonMonths`.
   * `chain` is the furthest ancestor first, the scenario itself last.
   */
  | {
    readonly type: "run_what_if";
    readonly requestId: number;
    readonly chain: readonly ScenarioSource[];
    readonly settings: WhatIfSettings;
    readonly horizonMonths: number;
  };

/** Why the worker could not answer, as plain data. */
export interface EngineFailure {
  /** `RE_SCENARIO_INVALID`: the chain or the sliders made an invalid scenario (see `issues`). */
  readonly code: "RE_NO_WORLD" | "RE_SCENARIO_INVALID" | "RE_ENGINE_FAILED";
  readonly message: string;
  readonly issues: readonly Issue[];
}

/** Milliseconds the worker spent, for the status line. */
export interface EngineTimings {
  /** Parsing, resolving and preparing the scenarios. */
  readonly prepareMs: number;
  /** Simulating (both runs when the reference was not cached). */
  readonly simulateMs: number;
  /** Building the reports. */
  readonly reportMs: number;
}

/** Worker → thread. */
export type EngineResponse =
  | { readonly type: "world_loaded"; readonly datasetName: string; readonly datasetVersion: string }
  | {
    readonly type: "what_if_result";
    readonly requestId: number;
    /** The scenario as written (same horizon), for comparison. */
    readonly reference: RunReport;
    /** The scenario with the sliders applied (the reference itself when the sliders change nothing). */
    readonly whatIf: RunReport;
    /** Ids of the policies the sliders changed or added. */
    readonly touchedPolicyIds: readonly string[];
    /** What the licence slider acts on in this scenario. */
    readonly licenceTarget: LicenceTarget;
    readonly timings: EngineTimings;
  }
  | { readonly type: "failed"; readonly requestId: number | undefined; readonly failure: EngineFailure };
