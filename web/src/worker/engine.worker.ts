/**
 * @module web/worker/engine.worker
 * The dashboard's engine Web Worker: runs scenarios in the browser on the world the server serves,
 * so what-if sliders redraw without a server round trip. No fetching, no DOM; answers each request
 * with one message and turns every error into plain data.
 */
/// <reference lib="webworker" />
import { buildRunReport } from "../../../src/analysis/run-report.js";
import { runPreparedScenario } from "../../../src/analysis/run-scenario.js";
import type { RunReport } from "../../../src/analysis/report-model.js";
import { InputValidationError, type Issue } from "../../../src/model/issues.js";
import type { World } from "../../../src/model/world-schema.js";
import { parseScenarioText } from "../../../src/scenario/parse.js";
import { prepareScenario } from "../../../src/scenario/prepare.js";
import { resolveScenario, type ScenarioLayer } from "../../../src/scenario/resolve.js";
import { applyWhatIf, isNeutralWhatIf, licenceTargetOf, releaseSplitOf, WHAT_IF_POLICY_IDS, type WhatIfSettings } from "../lib/what-if.js";
import type { EngineFailure, EngineRequest, EngineResponse, ScenarioSource } from "./protocol.js";

declare const self: DedicatedWorkerGlobalScope;

let world: World | undefined;
/** The last scenario-as-written run, keyed by chain text and horizon (sliders move far more often than scenarios change). */
let cachedReference: { key: string; report: RunReport } | undefined;

class ScenarioFailure extends Error {
  constructor(message: string, readonly issues: readonly Issue[]) {
    super(message);
  }
}

function post(message: EngineResponse): void {
  self.postMessage(message);
}

self.onmessage = (event: MessageEvent<EngineRequest>) => {
  const request = event.data;
  try {
    if (request.type === "load_world") {
      world = checkWorld(request.world);
      cachedReference = undefined;
      post({ type: "world_loaded", datasetName: world.dataset.name, datasetVersion: world.dataset.version });
      return;
    }
    if (request.type === "run_what_if") {
      post(runWhatIf(request.chain, request.settings, request.horizonMonths, request.requestId));
      return;
    }
    throw new Error(`unknown request ${JSON.stringify((request as { type?: unknown }).type)}`);
  } catch (error) {
    const requestId = "requestId" in request ? request.requestId : undefined;
    post({ type: "failed", requestId, failure: toFailure(error) });
  }
};

/** The world crosses an edge: check the shape the engine relies on before trusting it. */
function checkWorld(value: unknown): World {
  const w = value as Partial<World> | null;
  const lists = ["regions", "elements", "mines", "separationPlants", "metalPlants", "magnetPlants", "sectors", "demand2024", "parameters"] as const;
  if (w === null || typeof w !== "object" || w.dataset === undefined || lists.some((k) => !Array.isArray(w[k]))) {
    throw new Error(`the world dataset is missing ${lists.filter((k) => !Array.isArray(w?.[k])).join(", ") || "dataset"}; expected the body of GET /api/world/dataset`);
  }
  return w as World;
}

function parseChain(chain: readonly ScenarioSource[]): ScenarioLayer[] {
  if (chain.length === 0) throw new Error("run_what_if needs at least one scenario");
  const layers: ScenarioLayer[] = [];
  const issues: Issue[] = [];
  chain.forEach((source, i) => {
    const { layer, issues: found } = parseScenarioText(`${source.name}.yaml`, source.yaml);
    issues.push(...found);
    if (layer === undefined) return;
    const parent = chain[i - 1]?.name;
    if (layer.file.extends !== parent) {
      issues.push({ code: "invalid_value", path: ["extends"], file: `${source.name}.yaml`, message: `expected extends: ${parent ?? "(none)"} as fetched, got ${layer.file.extends ?? "(none)"}` });
    }
    layers.push(layer);
  });
  if (issues.length > 0) throw new ScenarioFailure("the scenario is not valid", issues);
  return layers;
}

function runLayers(layers: readonly ScenarioLayer[], w: World, horizonMonths: number): { report: RunReport; simulateMs: number; reportMs: number } {
  const { scenario, issues } = resolveScenario(layers, w);
  if (scenario === undefined) throw new ScenarioFailure("the scenario is not valid with the sliders applied", issues);
  const short = { ...scenario, months: Math.max(1, Math.min(scenario.months, horizonMonths)) };
  const t0 = performance.now();
  const { result } = runPreparedScenario(prepareScenario(short, w), { recordTradeFlows: false, recordOrigins: false });
  const t1 = performance.now();
  const report = buildRunReport(result, { scenario: short, world: w });
  return { report, simulateMs: t1 - t0, reportMs: performance.now() - t1 };
}

function runWhatIf(chain: readonly ScenarioSource[], settings: WhatIfSettings, horizonMonths: number, requestId: number): EngineResponse {
  if (world === undefined) throw new Error("no world loaded yet: send load_world first");
  const w = world;
  const t0 = performance.now();
  const layers = parseChain(chain);
  const files = layers.map((l) => l.file);
  let simulateMs = 0;
  let reportMs = 0;
  const key = JSON.stringify([chain, horizonMonths]);
  if (cachedReference?.key !== key) {
    const run = runLayers(layers, w, horizonMonths);
    simulateMs += run.simulateMs;
    reportMs += run.reportMs;
    cachedReference = { key, report: run.report };
  }
  const reference = cachedReference.report;
  const licenceTarget = licenceTargetOf(files);
  if (isNeutralWhatIf(settings)) {
    return { type: "what_if_result", requestId, reference, whatIf: reference, touchedPolicyIds: [], licenceTarget, timings: { prepareMs: performance.now() - t0 - simulateMs - reportMs, simulateMs, reportMs } };
  }
  const stockpile = w.stockpiles.find((s) => s.region === settings.stockpileRegion);
  const changed = applyWhatIf(files, settings, { releaseSplit: releaseSplitOf(stockpile?.elementTonnes) });
  const changedLayers = layers.map((l, i) => ({ yaml: l.yaml, file: changed[i] ?? l.file }));
  const run = runLayers(changedLayers, w, horizonMonths);
  simulateMs += run.simulateMs;
  reportMs += run.reportMs;
  const touched = [
    ...(settings.licenceApprovalShare === undefined ? [] : licenceTarget.mode === "scenario" ? licenceTarget.policyIds : licenceTarget.mode === "add" ? [WHAT_IF_POLICY_IDS.licence] : []),
    ...(settings.myanmarMineOutputShare < 1 ? [WHAT_IF_POLICY_IDS.myanmar] : []),
    ...(settings.stockpileReleaseTonnesPerMonth > 0 ? [WHAT_IF_POLICY_IDS.stockpile] : []),
  ];
  return {
    type: "what_if_result", requestId, reference, whatIf: run.report, touchedPolicyIds: touched, licenceTarget,
    timings: { prepareMs: performance.now() - t0 - simulateMs - reportMs, simulateMs, reportMs },
  };
}

function toFailure(error: unknown): EngineFailure {
  if (error instanceof ScenarioFailure) return { code: "RE_SCENARIO_INVALID", message: error.message, issues: plainIssues(error.issues) };
  if (error instanceof InputValidationError) return { code: "RE_SCENARIO_INVALID", message: error.message, issues: plainIssues(error.issues) };
  const message = error instanceof Error ? error.message : String(error);
  return { code: world === undefined ? "RE_NO_WORLD" : "RE_ENGINE_FAILED", message, issues: [] };
}

/** Issues are plain already; copy them so nothing with a prototype crosses the boundary. */
function plainIssues(issues: readonly Issue[]): Issue[] {
  return JSON.parse(JSON.stringify(issues)) as Issue[];
}
