import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { compileModel, runSimulation } from "../engine/index.js";
import { compilePolicies } from "../policy/index.js";
import { loadScenario, READY_MADE_SCENARIOS_DIR } from "../scenario/node.js";
import { prepareScenario } from "../scenario/prepare.js";

const names = readdirSync(READY_MADE_SCENARIOS_DIR).filter((file) => file.endsWith(".yaml")).map((file) => file.replace(/\.yaml$/, ""));

describe("the engine's live nodes (engine/live-nodes.ts)", () => {
  // The engine skips nodes its model and constraints cannot reach; a run that puts anything there throws.
  it.each(names)("cover every node the ready-made scenario %s touches, with sampled parameters", (name) => {
    const { scenario, world } = loadScenario(name);
    const prepared = prepareScenario(scenario, world);
    const model = compileModel(prepared.world, { startMonth: prepared.startMonth, months: prepared.months });
    const constraints = compilePolicies(prepared.policies, model, prepared.world, prepared.startMonth);
    expect(() => runSimulation(model, constraints, { seed: 3, sampleParameters: true, recordOrigins: false, checkLiveNodes: true })).not.toThrow();
  });
});
