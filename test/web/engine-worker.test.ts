/**
 * The engine worker's message handling, run in Node with a stand-in `self` (the browser e2e test
 * runs the same module in a real Web Worker).
 */
import { readFileSync } from "node:fs";
import { beforeAll, describe, expect, it } from "vitest";
import { loadWorldFromDirectory } from "../../src/world/node.js";
import { neutralWhatIf, WHAT_IF_POLICY_IDS } from "../../web/src/lib/what-if.js";
import type { EngineRequest, EngineResponse, ScenarioSource } from "../../web/src/worker/protocol.js";

const posted: EngineResponse[] = [];
let send: (message: EngineRequest) => EngineResponse;

beforeAll(async () => {
  const scope = { postMessage: (m: EngineResponse) => posted.push(structuredClone(m)), onmessage: undefined as undefined | ((e: { data: EngineRequest }) => void) };
  (globalThis as { self?: unknown }).self = scope;
  // Imported by a computed path so the root tsconfig (Node types) does not type-check the worker (WebWorker types).
  const workerPath = "../../web/src/worker/engine.worker.ts";
  await import(/* @vite-ignore */ workerPath);
  send = (message) => {
    scope.onmessage?.({ data: structuredClone(message) });
    const reply = posted.pop();
    if (reply === undefined) throw new Error("the worker did not answer");
    return reply;
  };
});

const chain: ScenarioSource[] = ["baseline", "apr-2025"].map((name) => ({ name, yaml: readFileSync(new URL(`../../scenarios/${name}.yaml`, import.meta.url), "utf8") }));

describe("engine worker", () => {
  it("answers a run before any world with a plain-data failure", () => {
    const reply = send({ type: "run_what_if", requestId: 1, chain, settings: neutralWhatIf("2025-01"), horizonMonths: 12 });
    expect(reply).toEqual({ type: "failed", requestId: 1, failure: { code: "RE_NO_WORLD", message: expect.stringMatching(/no world loaded/), issues: [] } });
  });

  it("loads the world and runs a scenario as written and with sliders, over the short horizon", () => {
    const world = loadWorldFromDirectory();
    expect(send({ type: "load_world", world })).toEqual({ type: "world_loaded", datasetName: world.dataset.name, datasetVersion: world.dataset.version });
    const reply = send({ type: "run_what_if", requestId: 2, chain, settings: { ...neutralWhatIf("2024-06"), myanmarMineOutputShare: 0, licenceApprovalShare: 0.1 }, horizonMonths: 24 });
    if (reply.type !== "what_if_result") throw new Error(JSON.stringify(reply));
    expect(reply.requestId).toBe(2);
    expect(reply.whatIf.monthLabels).toHaveLength(24);
    expect(reply.reference.monthLabels).toEqual(reply.whatIf.monthLabels);
    expect(reply.touchedPolicyIds).toEqual([...(reply.licenceTarget.mode === "scenario" ? reply.licenceTarget.policyIds : []), WHAT_IF_POLICY_IDS.myanmar]);
    const total = (r: typeof reply.whatIf) => r.shortfallByElement.reduce((a, s) => a + s.values.reduce((x, y) => x + y, 0), 0);
    expect(total(reply.whatIf)).toBeGreaterThan(total(reply.reference));
  });

  it("reports invalid YAML as issues with file and line", () => {
    const bad = [...chain.slice(0, 1), { name: "broken", yaml: "name: Broken\nextends: baseline\nmonths: 9000\n" }];
    const reply = send({ type: "run_what_if", requestId: 3, chain: bad, settings: neutralWhatIf("2025-01"), horizonMonths: 12 });
    expect(reply).toMatchObject({ type: "failed", requestId: 3, failure: { code: "RE_SCENARIO_INVALID", issues: [{ file: "broken.yaml", line: 3, path: ["months"] }] } });
  });

  it("checks that the chain it was given is linked by extends", () => {
    const reply = send({ type: "run_what_if", requestId: 4, chain: chain.slice(1), settings: neutralWhatIf("2025-01"), horizonMonths: 12 });
    expect(reply).toMatchObject({ type: "failed", failure: { code: "RE_SCENARIO_INVALID", issues: [{ path: ["extends"], message: "expected extends: (none) as fetched, got baseline" }] } });
  });
});
